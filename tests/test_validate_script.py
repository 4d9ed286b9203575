"""`scripts/validate.py` as a contributor and GitHub Actions run it."""

from __future__ import annotations

import subprocess
import sys

from conftest import REPO, AreaWriter

SCRIPT = REPO / "scripts" / "validate.py"


def run(area: AreaWriter, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, str(SCRIPT), "content", *args],
        cwd=area.root,
        capture_output=True,
        text=True,
        check=False,
    )


def test_errors_print_path_line_field_message_and_exit_1(area: AreaWriter) -> None:
    area.case_study("bad", themes=["Sned"])

    result = run(area)

    assert result.returncode == 1
    assert result.stdout.splitlines() == [
        "content/case-studies/bad.md:5: themes: unknown theme 'Sned': did you mean 'send'?"
    ]
    assert "1 error, 0 warnings" in result.stderr


def test_only_warnings_exit_0(area: AreaWriter) -> None:
    area.practitioner("gone", status="withdrawn")

    result = run(area)

    assert result.returncode == 0
    assert "content/practitioners/gone.md:" in result.stdout
    assert ": status: warning: withdrawn" in result.stdout


def test_github_format_annotates_the_contributors_line(area: AreaWriter) -> None:
    area.case_study("bad", themes=["Sned"])
    area.practitioner("gone", status="withdrawn")

    lines = run(area, "--format", "github").stdout.splitlines()

    assert lines[0] == (
        "::error file=content/case-studies/bad.md,line=5::"
        "themes: unknown theme 'Sned': did you mean 'send'?"
    )
    assert lines[1].startswith("::warning file=content/practitioners/gone.md,line=")


def test_checks_another_folder_and_reports_all_problems(area: AreaWriter) -> None:
    area.case_study("one", themes=["nope"])
    area.case_study("two", schools=[999999])

    result = subprocess.run(
        [sys.executable, str(SCRIPT), str(area.content)],
        capture_output=True,
        text=True,
        check=False,
    )

    assert result.returncode == 1
    assert len(result.stdout.splitlines()) == 2


def test_missing_folder_is_a_usage_error_not_a_traceback(tmp_path) -> None:
    result = subprocess.run(
        [sys.executable, str(SCRIPT), str(tmp_path / "nowhere")],
        capture_output=True,
        text=True,
        check=False,
    )

    assert result.returncode == 2
    assert "no such folder" in result.stderr
    assert "Traceback" not in result.stderr
