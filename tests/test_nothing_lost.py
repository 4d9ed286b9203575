"""Building, validating, scaffolding and importing change nothing in content/ unasked."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import REPO, build_site
from gias import COLUMNS, school, write_csv

Tree = dict[str, bytes]


def snapshot(folder: Path) -> Tree:
    return {
        str(path.relative_to(folder)): path.read_bytes()
        for path in sorted(folder.rglob("*"))
        if path.is_file()
    }


def changes(before: Tree, after: Tree) -> dict[str, set[str]]:
    return {
        "added": set(after) - set(before),
        "removed": set(before) - set(after),
        "changed": {p for p in set(before) & set(after) if before[p] != after[p]},
    }


@pytest.fixture
def demo_copy(tmp_path: Path) -> Path:
    """A copy of the demo repository's content and configuration."""
    shutil.copytree(REPO / "content", tmp_path / "content")
    shutil.copy(REPO / "mkdocs.yml", tmp_path / "mkdocs.yml")
    return tmp_path


def script(name: str, *args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, str(REPO / "scripts" / name), *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        check=False,
    )


def test_build_and_validation_change_nothing(demo_copy: Path) -> None:
    content = demo_copy / "content"
    before = snapshot(content)

    build_site(demo_copy / "mkdocs.yml", demo_copy / "site")
    assert script("validate.py", "content", cwd=demo_copy).returncode == 0
    script("report.py", "content", "--format", "json", cwd=demo_copy)

    assert changes(before, snapshot(content)) == {
        "added": set(),
        "removed": set(),
        "changed": set(),
    }


def test_scaffolding_adds_its_one_file_only(demo_copy: Path) -> None:
    content = demo_copy / "content"
    before = snapshot(content)

    result = script(
        "new.py",
        "case-study",
        "A calmer start to the day",
        "--theme",
        "attendance",
        "--school",
        "141266",
        "--summary",
        "A breakfast club halved lateness.",
        cwd=demo_copy,
    )

    assert result.returncode == 0, result.stderr
    assert changes(before, snapshot(content)) == {
        "added": {"case-studies/a-calmer-start-to-the-day.md"},
        "removed": set(),
        "changed": set(),
    }


def test_refused_scaffold_changes_nothing(demo_copy: Path) -> None:
    content = demo_copy / "content"
    before = snapshot(content)

    result = script(
        "new.py", "case-study", "Tuesday twenty reading clinic", "--id",
        "tuesday-twenty-reading-clinic", "--theme", "reading", "--school", "141266",
        "--summary", "x", cwd=demo_copy,
    )  # fmt: skip

    assert result.returncode == 1
    assert changes(before, snapshot(content)) == {
        "added": set(),
        "removed": set(),
        "changed": set(),
    }


def test_import_changes_the_register_only(demo_copy: Path, tmp_path: Path) -> None:
    content = demo_copy / "content"
    before = snapshot(content)
    gias = write_csv(
        tmp_path / "edubasealldata.csv",
        COLUMNS,
        [school(200001, "Kestrel Way Primary School", **{"LA (name)": "Castlebrook"})],
    )

    result = script("import_schools.py", str(gias), "--la", "Castlebrook", cwd=demo_copy)

    assert result.returncode == 0, result.stdout + result.stderr
    assert changes(before, snapshot(content)) == {
        "added": set(),
        "removed": set(),
        "changed": {"schools.yml"},
    }
    assert "Kestrel Way Primary School" in (content / "schools.yml").read_text("utf-8")
