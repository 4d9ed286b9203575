"""`scripts/new.py`: a contributor starts an entry that validates and builds."""

from __future__ import annotations

import io
import re
import shlex
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest
import yaml

from area_knowledge import load_area
from area_knowledge.commands import new as new_command
from area_knowledge.contract.schema import COLLECTIONS, Collection
from conftest import REPO, AreaWriter, build_site

SCRIPT = REPO / "scripts" / "new.py"

# The required values of each kind of entry, for tests about something else.
NEEDED = {
    "case-study": "--summary 'What was done.' --theme reading --school 100001",
    "hub": "--summary 'Schools together.' --theme send --lead ada-lovelace --host-school 100003",
    "practitioner": "--role 'Assistant head' --school 100001 --theme reading --consent 2026-11-01",
}


def new(area: AreaWriter, kind: str, title: str, options: str) -> subprocess.CompletedProcess[str]:
    """Run the scaffolder in the area, with no terminal to ask from."""
    return subprocess.run(
        [sys.executable, str(SCRIPT), kind, title, *shlex.split(options)],
        cwd=area.root,
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        check=False,
    )


def front_matter(path: Path) -> dict[str, object]:
    data = yaml.safe_load(path.read_text(encoding="utf-8").split("---\n")[1])
    assert isinstance(data, dict)
    return data


def one_of_each(area: AreaWriter) -> None:
    """A practitioner, a hub they lead and a case study from it, all made by new.py."""
    results = [
        new(
            area,
            "practitioner",
            "Ada Lovelace",
            "--role SENCO --school 100003 --theme send --offer coaching "
            "--contact a.lovelace@cedar.sch.uk --consent 2026-10-01",
        ),
        new(
            area,
            "hub",
            "Northside SEND hub",
            "--summary 'SENCOs meeting termly.' --theme 'special educational needs' "
            "--lead ada-lovelace --host-school 100003 --school 100001",
        ),
        new(
            area,
            "case-study",
            "Ten-line SEN support plans",
            "--summary 'Short plans that parents read: reviews doubled.' --theme send "
            "--school 100001 --school 140002 --hub northside-send-hub --contact ada-lovelace",
        ),
    ]
    for result in results:
        assert result.returncode == 0, result.stderr + result.stdout


def write_sections(area: AreaWriter) -> None:
    """Replace each section's guidance with text, as the contributor does next."""
    for path in area.content.rglob("*.md"):
        text = path.read_text(encoding="utf-8")
        path.write_text(re.sub(r"<!--.*?-->", "What we did.", text), encoding="utf-8")


def test_entries_it_makes_validate_once_their_sections_are_written(area: AreaWriter) -> None:
    one_of_each(area)
    write_sections(area)

    result = subprocess.run(
        [sys.executable, str(REPO / "scripts" / "validate.py"), "content"],
        cwd=area.root,
        capture_output=True,
        text=True,
        check=False,
    )

    assert result.returncode == 0
    assert result.stdout == ""
    assert "0 errors, 0 warnings in 3 entries" in result.stderr


def test_untouched_entry_fails_validation_naming_each_empty_section(area: AreaWriter) -> None:
    new(area, "case-study", "Untouched", NEEDED["case-study"])

    problems = load_area(str(area.content), shown_from=str(area.root)).problems

    assert [p.line for p in problems] == [22, 26, 30, 34, 38]
    assert str(problems[0]) == (
        "content/case-studies/untouched.md:22: body: the section 'Context' is empty: "
        "write it, or delete its heading"
    )


def test_entries_it_makes_build_strictly(area: AreaWriter, tmp_path: Path) -> None:
    one_of_each(area)
    write_sections(area)

    site = build_site(area.mkdocs_yml(), tmp_path / "site")

    for page in (
        "practitioners/ada-lovelace/index.html",
        "hubs/northside-send-hub/index.html",
        "case-studies/ten-line-sen-support-plans/index.html",
    ):
        assert (site / page).is_file(), page


def test_prints_the_path_written_and_no_problem(area: AreaWriter) -> None:
    result = new(area, "case-study", "Phonics keep-up", NEEDED["case-study"])

    assert result.returncode == 0
    assert result.stdout.splitlines() == [
        "Wrote content/case-studies/phonics-keep-up.md: write its 5 sections, then check it "
        "with scripts/validate.py (until they are written, it lists them)"
    ]


@pytest.mark.parametrize("collection", COLLECTIONS, ids=lambda c: c.name)
def test_front_matter_names_every_field_of_the_contract_in_its_order(
    area: AreaWriter, collection: Collection
) -> None:
    area.practitioner("ada-lovelace")

    assert new(area, collection.name, "Entry", NEEDED[collection.name]).returncode == 0

    text = (area.content / collection.folder / "entry.md").read_text(encoding="utf-8")
    named = re.findall(r"^(?:# )?([a-z_]+):", text.split("---\n")[1], flags=re.MULTILINE)
    assert named == [spec.name for spec in collection.fields]


def test_values_given_are_written_and_aliases_become_theme_ids(area: AreaWriter) -> None:
    new(
        area,
        "case-study",
        "Fluency in Year 5",
        "--summary 'Paired reading: 2 terms.' --theme fluency --theme reading --school 140002 "
        "--phase KS2 --status draft --today 2026-11-22",
    )

    assert front_matter(area.content / "case-studies" / "fluency-in-year-5.md") == {
        "title": "Fluency in Year 5",
        "summary": "Paired reading: 2 terms.",
        "themes": ["reading-fluency", "reading"],
        "schools": [100002],
        "phases": ["primary"],
        "published": date(2026, 11, 22),
        "status": "draft",
    }


def test_case_study_is_published_today(area: AreaWriter) -> None:
    new(area, "case-study", "Dated", NEEDED["case-study"] + " --today 2026-11-22")

    assert "\npublished: 2026-11-22\n" in (area.content / "case-studies" / "dated.md").read_text()


def test_practitioner_is_reviewed_a_year_after_today(area: AreaWriter) -> None:
    new(area, "practitioner", "Bea Brown", NEEDED["practitioner"] + " --today 2028-02-29")

    data = front_matter(area.content / "practitioners" / "bea-brown.md")
    assert (str(data["consent"]), str(data["review_by"])) == ("2026-11-01", "2029-02-28")


def test_practitioner_consent_is_asked_for_never_assumed(area: AreaWriter) -> None:
    result = new(area, "practitioner", "Bea Brown", "--role Head --school 100001 --theme reading")

    assert result.returncode == 2
    assert "missing --consent" in result.stderr
    assert not (area.content / "practitioners" / "bea-brown.md").exists()


def test_case_study_body_has_each_section_with_one_line_of_guidance(area: AreaWriter) -> None:
    new(area, "case-study", "Sections", NEEDED["case-study"])

    body = (area.content / "case-studies" / "sections.md").read_text().split("---\n", 2)[2]
    blocks = [block.splitlines() for block in body.strip().split("\n\n## ")]
    assert [block[0].removeprefix("## ") for block in blocks] == [
        "Context",
        "What we did",
        "Impact and how we measured it",
        "What we would do differently",
        "Contact",
    ]
    for block in blocks:
        assert block[1] == ""
        assert block[2].startswith("<!-- ") and block[2].endswith(" -->")
        assert len(block) == 3


def test_name_with_accents_and_apostrophe_gets_a_plain_file_name(area: AreaWriter) -> None:
    result = new(area, "practitioner", "Zoë O'Neill", NEEDED["practitioner"])

    assert result.returncode == 0, result.stderr
    assert front_matter(area.content / "practitioners" / "zoe-o-neill.md")["name"] == "Zoë O'Neill"


def test_refuses_to_overwrite_an_existing_file(area: AreaWriter) -> None:
    existing = area.case_study("phonics-keep-up", body="Our own words.")
    before = existing.read_bytes()

    result = new(area, "case-study", "Phonics keep-up", NEEDED["case-study"])

    assert result.returncode == 1
    assert "content/case-studies/phonics-keep-up.md: already exists" in result.stderr
    assert existing.read_bytes() == before


def test_unknown_theme_is_refused_with_a_suggestion(area: AreaWriter) -> None:
    result = new(area, "case-study", "Send work", "--summary S. --theme Send --school 100001")

    assert result.returncode == 2
    assert "--theme: unknown theme 'Send': did you mean 'send'?" in result.stderr
    assert not (area.content / "case-studies" / "send-work.md").exists()


def test_unknown_school_and_lead_are_refused_naming_the_fix(area: AreaWriter) -> None:
    result = new(area, "hub", "Hub", "--summary S. --theme send --lead nobody --host-school 999999")

    assert result.returncode == 2
    assert "--lead: unknown practitioner 'nobody': no file content/practitioners/nobody.md" in (
        result.stderr
    )
    assert "--host-school: unknown school 999999: add the school to content/schools.yml" in (
        result.stderr
    )


def test_missing_options_without_a_terminal_exit_2_naming_them(area: AreaWriter) -> None:
    result = new(area, "case-study", "Half done", "")

    assert result.returncode == 2
    assert "missing --summary, --theme, --school" in result.stderr
    assert "Traceback" not in result.stderr
    assert not (area.content / "case-studies" / "half-done.md").exists()


class Terminal(io.StringIO):
    """Answers typed at a terminal."""

    def isatty(self) -> bool:
        return True


def test_asks_in_a_terminal_offering_themes_and_finding_schools_by_name(
    area: AreaWriter, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(area.root)
    answers = ["Quick wins in governance.", "Send", "governance, send", "birch", "100002"]
    monkeypatch.setattr(sys, "stdin", Terminal("\n".join(answers) + "\n"))

    status = new_command.main(["case-study", "Governor pairs"])

    shown = capsys.readouterr().out
    assert status == 0
    assert "governance" in shown and "Governance" in shown
    assert "unknown theme 'Send': did you mean 'send'?" in shown
    assert "100002  Birch Academy" in shown
    data = front_matter(area.content / "case-studies" / "governor-pairs.md")
    assert (data["summary"], data["themes"], data["schools"]) == (
        "Quick wins in governance.",
        ["governance", "send"],
        [100002],
    )


def test_title_that_names_a_listing_page_is_refused_with_a_free_id(area: AreaWriter) -> None:
    result = new(area, "case-study", "Page 2", NEEDED["case-study"])

    assert result.returncode == 2
    assert "'page-2' cannot be a file name" in result.stderr
    assert "--id page-2-1" in result.stderr
    assert not (area.content / "case-studies" / "page-2.md").exists()
