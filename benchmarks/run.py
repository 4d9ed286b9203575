#!/usr/bin/env python3
"""Measure validation, our full build and a plain Material build at N and 2N entries.

    .venv/bin/python benchmarks/run.py [--size 5000] [--repeat 1]

For N and 2N entries it writes a synthetic area with scripts/generate_area.py
under benchmarks/out/, then times, each in its own subprocess: validation
alone (scripts/validate.py), our full build (`mkdocs build --strict` with the
area-knowledge plugin and Pagefind) and a baseline (the same Markdown built by
Material with `plugins: []` and the same small nav). It prints seconds, ms per
page and peak memory for each, the ratios, the largest page and the Pagefind
index, and PASS or FAIL against the project's targets; the figures are saved to
benchmarks/out/results.json. It is a benchmark, not a test: it exits 0 whatever
the figures.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

import yaml
from mkdocs.utils.yaml import get_yaml_loader

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "plugins"))

from area_knowledge.schema import COLLECTIONS

REPO = Path(__file__).resolve().parent.parent
OUT = REPO / "benchmarks" / "out"
BIN = REPO / ".venv" / "bin"
PYTHON = str(BIN / "python") if (BIN / "python").exists() else sys.executable
MKDOCS = str(BIN / "mkdocs") if (BIN / "mkdocs").exists() else "mkdocs"
GNU_TIME = "/usr/bin/time"

# At 5,000 entries: 3000 case studies, 1500 practitioners and 100 hubs in
# proportion, 500 schools and 40 themes; other sizes scale all of them.
REFERENCE_ENTRIES = 5000
SHARES = {"case_studies": 3000, "practitioners": 1500, "hubs": 100}
SCHOOLS_PER_ENTRY = 500 / REFERENCE_ENTRIES
THEMES_PER_ENTRY = 40 / REFERENCE_ENTRIES

STEPS = ("validation", "full build", "baseline")

# The project's targets at 5,000 entries.
VALIDATION_SECONDS = 3.0
BUILD_OVER_BASELINE = 1.3
DOUBLING = 2.2
PEAK_MEMORY_MB = 2048
PAGE_KB = 500

KB = 1000


@dataclass(frozen=True)
class AreaSize:
    """How many of each thing a generated area has."""

    entries: int
    case_studies: int
    practitioners: int
    hubs: int
    schools: int
    themes: int

    def generator_options(self) -> list[str]:
        return [
            f"--schools={self.schools}",
            f"--case-studies={self.case_studies}",
            f"--hubs={self.hubs}",
            f"--practitioners={self.practitioners}",
            f"--themes={self.themes}",
        ]


def area_size(entries: int) -> AreaSize:
    """The area of `entries` entries, split as the reference area is."""
    total = sum(SHARES.values())
    hubs = round(entries * SHARES["hubs"] / total)
    practitioners = round(entries * SHARES["practitioners"] / total)
    return AreaSize(
        entries=entries,
        case_studies=entries - hubs - practitioners,
        practitioners=practitioners,
        hubs=hubs,
        schools=max(1, round(entries * SCHOOLS_PER_ENTRY)),
        themes=max(1, round(entries * THEMES_PER_ENTRY)),
    )


@dataclass
class Run:
    """One measured subprocess."""

    entries: int
    step: str
    seconds: float
    peak_kb: int
    exit_code: int
    pages: int
    log: str

    @property
    def ms_per_page(self) -> float:
        return 1000 * self.seconds / self.pages if self.pages else float("nan")


def memory_method() -> str:
    """How peak memory is measured here: GNU time when installed, else a Python wrapper."""
    if os.path.exists(GNU_TIME):
        probe = subprocess.run(
            [GNU_TIME, "-f", "%M", "-o", os.devnull, "true"], capture_output=True, check=False
        )
        if probe.returncode == 0:
            return "gnu-time"
    return "rusage-wrapper"


# Runs the command and reports RUSAGE_CHILDREN's max RSS: the largest process among
# the command and the descendants it waited for (Pagefind, under our build).
RUSAGE_WRAPPER = (
    "import resource, subprocess, sys\n"
    "code = subprocess.call(sys.argv[2:])\n"
    "with open(sys.argv[1], 'w') as out:\n"
    "    out.write(str(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss))\n"
    "sys.exit(code)\n"
)


def measure(command: list[str], log: Path, method: str) -> tuple[float, int, int]:
    """Wall seconds, peak RSS in KB and exit code of `command`, its output sent to `log`."""
    with tempfile.NamedTemporaryFile("r", suffix=".rss", delete=False) as rss_file:
        rss_path = rss_file.name
    if method == "gnu-time":
        wrapped = [GNU_TIME, "-f", "%M", "-o", rss_path, *command]
    else:
        wrapped = [PYTHON, "-c", RUSAGE_WRAPPER, rss_path, *command]
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    try:
        with log.open("w", encoding="utf-8") as output:
            start = time.perf_counter()
            result = subprocess.run(
                wrapped, stdout=output, stderr=subprocess.STDOUT, env=env, cwd=REPO, check=False
            )
            seconds = time.perf_counter() - start
        with open(rss_path, encoding="utf-8") as stream:
            # GNU time writes "Command exited with non-zero status" above the figure.
            lines = stream.read().split()
        peak_kb = int(lines[-1]) if lines and lines[-1].isdigit() else 0
    finally:
        os.unlink(rss_path)
    return seconds, peak_kb, result.returncode


def html_pages(site: Path) -> list[Path]:
    return sorted(site.rglob("*.html")) if site.is_dir() else []


def folder_bytes(folder: Path) -> tuple[int, int]:
    """Total size and number of files under `folder`."""
    files = [p for p in folder.rglob("*") if p.is_file()] if folder.is_dir() else []
    return sum(p.stat().st_size for p in files), len(files)


def nav_pages(nav: Any) -> Iterator[tuple[str, str]]:
    """(title, path) of every page in an mkdocs.yml nav."""
    for item in nav or ():
        if isinstance(item, dict):
            for title, value in item.items():
                if isinstance(value, str):
                    yield str(title), value
                else:
                    yield from nav_pages(value)
        elif isinstance(item, str):
            yield item, item


def write_baseline(area: Path) -> Path:
    """The same Markdown for plain Material: no plugins, placeholders for generated pages."""
    baseline = area / "baseline"
    shutil.copytree(area / "content", baseline / "content")
    # MkDocs' own loader, for the tags it allows (`!ENV`); the baseline gets their values.
    with (area / "mkdocs.yml").open(encoding="utf-8") as stream:
        config = yaml.load(stream, Loader=get_yaml_loader(yaml.SafeLoader))
    for title, path in nav_pages(config.get("nav")):
        page = baseline / "content" / path
        if not page.exists():
            page.parent.mkdir(parents=True, exist_ok=True)
            page.write_text(
                f"# {title}\n\nA static page where the area-knowledge plugin generates one.\n",
                encoding="utf-8",
            )
    config["docs_dir"] = "content"
    config["plugins"] = []
    # Entry pages stay out of the nav, as our plugin keeps them, so both navs are one size.
    config["not_in_nav"] = "".join(
        f"/{c.folder}/*.md\n!/{c.folder}/index.md\n" for c in COLLECTIONS
    )
    (baseline / "mkdocs.yml").write_text(
        yaml.safe_dump(config, sort_keys=False, allow_unicode=True), encoding="utf-8"
    )
    return baseline


def generate(size: AreaSize, logs: Path) -> tuple[Path, float]:
    """A fresh area of `size` under benchmarks/out/, and the seconds it took to write."""
    area = OUT / f"area-{size.entries}"
    if area.exists():
        shutil.rmtree(area)
    command = [PYTHON, str(REPO / "scripts" / "generate_area.py"), str(area)]
    start = time.perf_counter()
    subprocess.run(
        [*command, *size.generator_options()],
        check=True,
        stdout=(logs / f"{size.entries}-generate.log").open("w"),
        stderr=subprocess.STDOUT,
    )
    seconds = time.perf_counter() - start
    write_baseline(area)
    return area, seconds


def step_command(step: str, area: Path) -> tuple[list[str], Path | None]:
    """The command of a step, and the site it writes (None for validation)."""
    if step == "validation":
        return [PYTHON, str(REPO / "scripts" / "validate.py"), str(area / "content")], None
    root = area if step == "full build" else area / "baseline"
    site = root / "site"
    return [MKDOCS, "build", "--strict", "-f", str(root / "mkdocs.yml"), "-d", str(site)], site


def run_step(step: str, size: AreaSize, area: Path, logs: Path, method: str, rep: int) -> Run:
    command, site = step_command(step, area)
    if site is not None and site.exists():
        # Outside the timing: `--clean` would otherwise count deleting the last site.
        shutil.rmtree(site)
    log = logs / f"{size.entries}-{step.replace(' ', '-')}-{rep}.log"
    seconds, peak_kb, code = measure(command, log, method)
    pages = size.entries if site is None else len(html_pages(site))
    return Run(size.entries, step, seconds, peak_kb, code, pages, str(log.relative_to(REPO)))


def best(runs: list[Run]) -> Run:
    """The fastest successful run (a shared machine only ever adds time), peak of all."""
    ok = [r for r in runs if r.exit_code == 0] or runs
    fastest = min(ok, key=lambda r: r.seconds)
    return Run(
        fastest.entries,
        fastest.step,
        fastest.seconds,
        max(r.peak_kb for r in runs),
        fastest.exit_code,
        fastest.pages,
        fastest.log,
    )


@dataclass(frozen=True)
class Target:
    """One of the project's targets, judged from the runs it rests on."""

    name: str
    within: bool
    figure: str
    runs: tuple[Run, ...]

    @property
    def failed_steps(self) -> list[str]:
        return sorted({f"{r.step} at {r.entries}" for r in self.runs if r.exit_code != 0})

    @property
    def passed(self) -> bool:
        """Within the target, and measured on steps that succeeded."""
        return self.within and not self.failed_steps

    @property
    def caveat(self) -> str:
        if not self.failed_steps:
            return ""
        within = "within the target, but " if self.within else ""
        return f" ({within}{' and '.join(self.failed_steps)} exited non-zero)"


def ratio(a: float, b: float) -> float:
    return a / b if b else float("nan")


def verdict(passed: bool) -> str:
    return "PASS" if passed else "FAIL"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", type=int, default=REFERENCE_ENTRIES, help="N, in entries")
    parser.add_argument("--repeat", type=int, default=1, help="runs of each step; best is kept")
    args = parser.parse_args(argv)
    if args.size < 10 or args.repeat < 1:
        parser.error("--size must be at least 10 and --repeat at least 1")

    sizes = [area_size(args.size), area_size(2 * args.size)]
    logs = OUT / "logs"
    logs.mkdir(parents=True, exist_ok=True)
    method = memory_method()
    print(f"Area Knowledge benchmark: N={sizes[0].entries} and 2N={sizes[1].entries} entries")
    print(f"Machine: {os.cpu_count()} CPUs; best of {args.repeat} run(s) per step")

    areas: dict[int, Path] = {}
    generated: dict[int, float] = {}
    for size in sizes:
        areas[size.entries], generated[size.entries] = generate(size, logs)
        print(
            f"Generated {size.entries} entries ({size.case_studies} case studies, "
            f"{size.practitioners} practitioners, {size.hubs} hubs, {size.schools} schools, "
            f"{size.themes} themes) in {generated[size.entries]:.1f} s",
            flush=True,
        )

    runs: dict[tuple[int, str], list[Run]] = {}
    for rep in range(args.repeat):
        for size in sizes:
            for step in STEPS:
                run = run_step(step, size, areas[size.entries], logs, method, rep)
                runs.setdefault((size.entries, step), []).append(run)
                status = "" if run.exit_code == 0 else f"  FAILED (exit {run.exit_code})"
                print(f"  ran {step} at {size.entries}: {run.seconds:.1f} s{status}", flush=True)
    results = {key: best(value) for key, value in runs.items()}

    n, n2 = sizes[0].entries, sizes[1].entries
    print()
    if method == "gnu-time":
        print("Peak memory: max RSS from GNU /usr/bin/time -f %M, i.e. the largest single process")
    else:
        print("Peak memory: max RSS from getrusage(RUSAGE_CHILDREN) in a wrapper per step,")
        print("i.e. the largest single process")
    print("among the step's process and its children (Pagefind, in the full build); not a sum.")
    print("Pages: .html files written; for validation, entries checked.")
    print()
    header = (
        f"{'entries':>8}  {'step':<11} {'seconds':>8} {'pages':>7} {'ms/page':>8} {'peak MB':>8}"
    )
    print(header)
    print("-" * len(header))
    for size in sizes:
        for step in STEPS:
            r = results[(size.entries, step)]
            failed = "" if r.exit_code == 0 else f"  FAILED (exit {r.exit_code}; see {r.log})"
            print(
                f"{r.entries:>8}  {step:<11} {r.seconds:>8.2f} {r.pages:>7} "
                f"{r.ms_per_page:>8.2f} {r.peak_kb / 1024:>8.0f}{failed}"
            )
    print()
    over_baseline = {
        e: ratio(results[(e, "full build")].seconds, results[(e, "baseline")].seconds)
        for e in (n, n2)
    }
    doubling = {s: ratio(results[(n2, s)].seconds, results[(n, s)].seconds) for s in STEPS}
    print(
        f"Full build / baseline: {over_baseline[n]:.2f} x at {n}, {over_baseline[n2]:.2f} x at {n2}"
    )
    print(
        f"Time({n2}) / time({n}): " + ", ".join(f"{step} {doubling[step]:.2f} x" for step in STEPS)
    )

    site = areas[n] / "site"
    pages = sorted(html_pages(site), key=lambda p: p.stat().st_size, reverse=True)
    largest = pages[0] if pages else None
    largest_kb = largest.stat().st_size / KB if largest else 0.0
    over = [p for p in pages if p.stat().st_size > PAGE_KB * KB]
    pagefind_bytes, pagefind_files = folder_bytes(site / "pagefind")
    site_bytes, _ = folder_bytes(site)
    if largest is not None:
        print(
            f"Largest page at {n}: {largest.relative_to(site)} {largest_kb:,.0f} KB "
            f"(KB = 1,000 bytes); {len(over)} page(s) over {PAGE_KB} KB"
        )
        for page in pages[1:5]:
            print(f"  next: {page.relative_to(site)} {page.stat().st_size / KB:,.0f} KB")
    print(
        f"Pagefind index at {n}: {pagefind_bytes / KB / KB:.1f} MB in {pagefind_files} files "
        f"(whole site {site_bytes / KB / KB:.0f} MB)"
    )

    validation, build = results[(n, "validation")], results[(n, "full build")]
    peak_mb = max(validation.peak_kb, build.peak_kb) / 1024
    # Ratios are judged at the precision they are printed.
    worst_doubling = round(max(doubling["validation"], doubling["full build"]), 2)
    targets = [
        Target(
            f"validation under {VALIDATION_SECONDS:g} s",
            validation.seconds < VALIDATION_SECONDS,
            f"{validation.seconds:.2f} s",
            (validation,),
        ),
        Target(
            f"full build at most {BUILD_OVER_BASELINE} x baseline",
            round(over_baseline[n], 2) <= BUILD_OVER_BASELINE,
            f"{over_baseline[n]:.2f} x",
            (build, results[(n, "baseline")]),
        ),
        Target(
            f"doubling at most {DOUBLING} x time (validation and full build)",
            worst_doubling <= DOUBLING,
            f"validation {doubling['validation']:.2f} x, full build {doubling['full build']:.2f} x",
            tuple(results[(e, s)] for e in (n, n2) for s in ("validation", "full build")),
        ),
        Target(
            f"peak memory under {PEAK_MEMORY_MB / 1024:g} GB",
            peak_mb < PEAK_MEMORY_MB,
            f"{peak_mb:,.0f} MB",
            (validation, build),
        ),
        Target(
            f"no page over {PAGE_KB} KB",
            not over,
            f"largest {largest_kb:,.0f} KB"
            + (f" ({largest.relative_to(site)})" if largest else ""),
            (build,),
        ),
    ]
    print()
    note = "" if n == REFERENCE_ENTRIES else f" (targets are set for {REFERENCE_ENTRIES})"
    print(f"Targets at {n} entries{note}:")
    for target in targets:
        print(f"  {verdict(target.passed)}  {target.name}: {target.figure}{target.caveat}")

    document = {
        "size": n,
        "repeat": args.repeat,
        "cpus": os.cpu_count(),
        "memory_method": method,
        "areas": {str(s.entries): asdict(s) for s in sizes},
        "generation_seconds": {str(k): v for k, v in generated.items()},
        "results": [
            {**asdict(r), "ms_per_page": r.ms_per_page, "peak_mb": r.peak_kb / 1024}
            for r in results.values()
        ],
        "runs": [asdict(r) for rs in runs.values() for r in rs],
        "full_build_over_baseline": {str(k): v for k, v in over_baseline.items()},
        "doubling": doubling,
        "largest_page": {
            "path": str(largest.relative_to(site)) if largest else None,
            "kb": largest_kb,
            "pages_over_limit": [str(p.relative_to(site)) for p in over],
        },
        "pagefind": {"bytes": pagefind_bytes, "files": pagefind_files},
        "site_bytes": site_bytes,
        "targets": [
            {
                "target": t.name,
                "passed": t.passed,
                "figure": t.figure,
                "figure_within_target": t.within,
                "failed_steps": t.failed_steps,
            }
            for t in targets
        ],
    }
    results_file = OUT / "results.json"
    results_file.write_text(json.dumps(document, indent=2) + "\n", encoding="utf-8")
    print(f"\nFigures saved to {results_file.relative_to(REPO)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
