"""`scripts/report.py` as partnership staff run it before a meeting.

The script reads the area as of the real today, so dates here are relative to it.
"""

from __future__ import annotations

import json
import subprocess
import sys
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from conftest import REPO, AreaWriter

SCRIPT = REPO / "scripts" / "report.py"
TODAY = date.today()
NEXT_YEAR = (TODAY + timedelta(days=365)).isoformat()
YESTERDAY = (TODAY - timedelta(days=1)).isoformat()
FIVE_YEARS_AGO = (TODAY - timedelta(days=5 * 365)).isoformat()
LAST_MONTH = (TODAY - timedelta(days=30)).isoformat()


def run(area: AreaWriter, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, str(SCRIPT), "content", *args],
        cwd=area.root,
        capture_output=True,
        text=True,
        check=False,
    )


def report_json(area: AreaWriter, *args: str) -> dict[str, Any]:
    result = run(area, "--format", "json", *args)
    assert result.returncode == 0, result.stderr
    document: dict[str, Any] = json.loads(result.stdout)
    return document


def person(area: AreaWriter, entry_id: str, **fields: Any) -> None:
    area.practitioner(entry_id, consent="2025-01-01", review_by=NEXT_YEAR, **fields)


def cover_send(area: AreaWriter) -> None:
    """Give the priority theme SEND a case study, an expert and a hub."""
    person(area, "ada-lovelace", themes=["send"])
    area.hub("send-hub", themes=["send"])
    area.case_study("send-audit", themes=["send"], contacts=["ada-lovelace"], published=LAST_MONTH)


def test_priority_theme_with_no_content_is_named_in_the_report(area: AreaWriter) -> None:
    cover_send(area)

    result = run(area)

    assert result.returncode == 0
    lines = result.stdout.splitlines()
    assert "Priority themes with no case study: Governance" in lines
    assert "Priority themes with no expert: Governance" in lines
    assert "Priority themes with no hub: Governance" in lines
    assert "Priority themes with a gap:                1 of 2" in lines


def test_several_gaps_of_one_kind_are_listed_one_a_line(area: AreaWriter) -> None:
    lines = run(area).stdout.splitlines()

    start = lines.index("Priority themes with no case study (2):")
    assert lines[start + 1 : start + 3] == ["  - SEND", "  - Governance"]


def test_headline_figures_are_counted_from_the_content(area: AreaWriter) -> None:
    cover_send(area)
    area.case_study("library", schools=[100002], published=LAST_MONTH)
    area.case_study("draft", schools=[100003], status="draft", published=LAST_MONTH)

    lines = run(area).stdout.splitlines()

    assert "Member schools:                            3" in lines
    assert "Member schools that have shared practice:  2 of 3 (67%)" in lines
    assert "Themes with an available expert:           1 of 5" in lines
    assert "Case studies:                              2" in lines
    assert "Active hubs:                               1" in lines
    assert "Experts listed:                            1" in lines


def test_withdrawn_or_expired_person_is_in_no_report(area: AreaWriter) -> None:
    cover_send(area)
    person(area, "gone-person", status="withdrawn", themes=["governance"])
    area.practitioner("lapsed-person", consent="2020-01-01", review_by=YESTERDAY)
    area.case_study("named", contacts=["gone-person", "lapsed-person"], published=LAST_MONTH)

    outputs = [run(area).stdout, run(area, "--format", "json").stdout]

    for output in outputs:
        for hidden in ("gone-person", "Gone Person", "lapsed-person", "Lapsed Person"):
            assert hidden not in output
    assert "Priority themes with no expert: Governance" in outputs[0]


def test_old_unreviewed_case_study_is_flagged_with_its_date(area: AreaWriter) -> None:
    area.case_study("old-unreviewed", title="Old practice", published=FIVE_YEARS_AGO)
    area.case_study("fresh", published=LAST_MONTH)

    output = run(area).stdout

    assert "Case studies last confirmed more than 2 years ago, before " in output
    assert "Old practice (last confirmed " in output
    assert "Fresh (last confirmed" not in output


def test_review_period_is_read_from_mkdocs_yml(area: AreaWriter) -> None:
    area.case_study("old-unreviewed", published=FIVE_YEARS_AGO)
    area.mkdocs_yml(
        plugins=[{"area-knowledge": {"contact_email": "hello@example.org", "review_years": 6}}]
    )

    document = report_json(area)

    assert document["review_years"] == 6
    assert document["map"]["gaps"]["case_studies_due_review"] == []


def test_review_years_option_overrides_mkdocs_yml(area: AreaWriter) -> None:
    area.case_study("old-unreviewed", published=FIVE_YEARS_AGO)
    area.mkdocs_yml(
        plugins=[{"area-knowledge": {"contact_email": "hello@example.org", "review_years": 6}}]
    )

    document = report_json(area, "--review-years", "3")

    assert document["map"]["gaps"]["case_studies_due_review"][0]["id"] == "old-unreviewed"


def test_mkdocs_yml_with_python_tags_is_still_read(area: AreaWriter) -> None:
    area.case_study("old-unreviewed", published=FIVE_YEARS_AGO)
    (area.root / "mkdocs.yml").write_text(
        "site_name: Tagged Partnership\n"
        "plugins:\n"
        "  - search\n"
        "  - area-knowledge:\n"
        "      review_years: 6\n"
        "markdown_extensions:\n"
        "  - pymdownx.emoji:\n"
        "      emoji_index: !!python/name:material.extensions.emoji.twemoji\n"
        "extra:\n"
        "  analytics: !ENV [ANALYTICS, '']\n",
        encoding="utf-8",
    )

    result = run(area)

    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("Tagged Partnership: what the area knows, ")
    assert "Case studies last confirmed more than 6 years ago" in result.stdout
    assert "Old unreviewed" not in result.stdout


def test_json_format_is_the_versioned_knowledge_document(area: AreaWriter) -> None:
    cover_send(area)

    document = report_json(area)

    assert document["schema_version"] == 1
    assert document["generated"] == TODAY.isoformat()
    assert document["area"]["priority_themes_with_gap"] == 1
    assert [p["id"] for p in document["practitioners"]] == ["ada-lovelace"]


def test_content_errors_are_mentioned_but_the_report_still_runs(area: AreaWriter) -> None:
    area.case_study("bad", themes=["Sned"])

    result = run(area)

    assert result.returncode == 0
    assert "1 error in the content" in result.stderr
    assert "scripts/validate.py" in result.stderr


def test_missing_folder_is_a_usage_error_not_a_traceback(tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, str(SCRIPT), str(tmp_path / "nowhere")],
        capture_output=True,
        text=True,
        check=False,
    )

    assert result.returncode == 2
    assert "no such folder" in result.stderr
    assert "Traceback" not in result.stderr


def test_bad_review_years_in_mkdocs_yml_says_how_to_fix_it(area: AreaWriter) -> None:
    area.mkdocs_yml(
        plugins=[{"area-knowledge": {"contact_email": "hello@example.org", "review_years": "two"}}]
    )

    result = run(area)

    assert result.returncode == 2
    assert "review_years: 'two' is not a whole number of years" in result.stderr
    assert "Traceback" not in result.stderr


# For a board: figures by academic year and since a day.


def test_figures_by_academic_year_count_each_years_case_studies_and_schools(
    area: AreaWriter,
) -> None:
    area.case_study("last-august", published="2025-08-31", schools=[100001])
    area.case_study("first-september", published="2025-09-01", schools=[100002])
    area.case_study("next-june", published="2026-06-30", schools=[100002, 100004])

    periods = {p["period"]: p for p in report_json(area)["periods"]}

    assert (periods["2024/25"]["case_studies"], periods["2024/25"]["sharing_schools"]) == (1, 1)
    # Damson Primary (100004) is not a member: it shared, but is not counted as a member.
    assert (periods["2025/26"]["case_studies"], periods["2025/26"]["sharing_schools"]) == (2, 1)
    assert periods["2025/26"]["start"] == "2025-09-01" and periods["2025/26"]["end"] == "2026-08-31"


def test_since_a_day_counts_from_that_day_to_today(area: AreaWriter) -> None:
    area.case_study("old", published=FIVE_YEARS_AGO)
    area.case_study("recent", published=LAST_MONTH)

    [since] = [
        p
        for p in report_json(area, "--since", YESTERDAY[:4] + "-01-01")["periods"]
        if p["period"].startswith("since")
    ]

    assert since["case_studies"] == (1 if LAST_MONTH[:4] == YESTERDAY[:4] else 0)


def test_csv_format_is_a_table_of_the_years_figures(area: AreaWriter) -> None:
    area.case_study("recent", published=LAST_MONTH)

    result = run(area, "--format", "csv")
    header, *rows = result.stdout.splitlines()

    assert result.returncode == 0
    assert header == "period,case_studies,sharing_schools,member_schools,new_experts,start,end"
    assert rows and all(row.count(",") == 6 for row in rows)


def test_report_read_through_a_closed_pipe_ends_without_a_traceback(area: AreaWriter) -> None:
    area.case_study("recent", published=LAST_MONTH)
    command = f"{sys.executable} {SCRIPT} content --format json | head -1"

    result = subprocess.run(
        command, shell=True, cwd=area.root, capture_output=True, text=True, check=False
    )

    assert result.stdout == "{\n"
    assert "Traceback" not in result.stderr and "BrokenPipe" not in result.stderr


def test_bad_since_date_is_a_usage_error_naming_the_format(area: AreaWriter) -> None:
    result = run(area, "--since", "1/9/2026")

    assert result.returncode == 2
    assert "--since: '1/9/2026' is not a date: write it as YYYY-MM-DD" in result.stderr
