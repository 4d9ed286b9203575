"""`scripts/import_schools.py` and `area_knowledge.gias`: the register of schools from GIAS."""

from __future__ import annotations

import csv
import os
import stat
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest
import yaml

from area_knowledge import load_area
from area_knowledge.gias import command
from area_knowledge.gias.cannot_import import CannotImport
from area_knowledge.gias.establishments import Establishment
from area_knowledge.gias.named_schools import urns_named_by_content
from area_knowledge.gias.register import Sources, current_register, merge
from area_knowledge.gias.register_text import staff_comments
from area_knowledge.gias.selection import selection
from conftest import REPO, AreaWriter
from gias import COLUMNS, DISTRICT, GROUP, HERTS, USED, school, write_csv

SCRIPT = REPO / "scripts" / "import_schools.py"

ROWS = [
    school(117001, "Ashgrove Primary School"),
    school(
        147002, "École Bilingue Sainte-Hélène", **{"TypeOfEstablishment (name)": "Free schools"}
    ),
    school(117003, "St Mary's Church of England Primary School", Town="Ware"),
    school(
        117004,
        "Brookfield Academy",
        **{
            "EstablishmentStatus (name)": "Open, but proposed to close",
            "PhaseOfEducation (name)": "Secondary",
            "TypeOfEstablishment (name)": "Academy converter",
            "Trusts (name)": "Chiltern Learning Trust",
        },
    ),
    school(117005, "Old Mill Junior School", **{"EstablishmentStatus (name)": "Closed"}),
    school(117006, "Hollow Lane Infant School", **{"EstablishmentStatus (name)": "Closed"}),
    school(117008, "Kingsmead School", **{"EstablishmentStatus (name)": "Closed"}),
    school(
        148008,
        "Kingsmead Academy",
        **{"TypeOfEstablishment (name)": "Academy converter", "Trusts (name)": "Lea Valley Trust"},
    ),
    school(117009, "Meadow View Primary", **{"EstablishmentStatus (name)": "Proposed to open"}),
    school(
        117010,
        "Beechwood Park School",
        **{
            "PhaseOfEducation (name)": "Not applicable",
            "TypeOfEstablishment (name)": "Foundation special school",
        },
    ),
    school(
        117011,
        "Bishop's Hall Preparatory School",
        **{
            "TypeOfEstablishment (name)": "Other independent school",
            "PhaseOfEducation (name)": "Not applicable",
            "Town": "Bishop's Stortford",
        },
    ),
    school(
        130001,
        "Oaklands College",
        **{
            "TypeOfEstablishment (name)": "Further education",
            "PhaseOfEducation (name)": "16 plus",
            "Town": "St Albans",
        },
    ),
    school(109001, "Riverside Primary School", **{"LA (name)": "Bedford", "Town": "Bedford"}),
    school(109002, "Riverside Academy", **{"LA (name)": "Bedford", "Town": "Bedford"}),
]

# The open state-funded and special schools of Hertfordshire: what a default run imports.
IMPORTED_IN_HERTS = {117001, 147002, 117003, 117004, 148008, 117010}
INDEPENDENT, COLLEGE = 117011, 130001

LINKS = [
    {"URN": "148008", "LinkURN": "117008", "LinkType": "Predecessor"},
    {"URN": "117008", "LinkURN": "148008", "LinkType": "Successor"},
    {"URN": "117008", "LinkURN": "104400", "LinkType": "Predecessor - amalgamated"},
    {"URN": "117003", "LinkURN": "117010", "LinkType": "Sixth Form Centre Link"},
]


@pytest.fixture
def gias(tmp_path: Path) -> Path:
    return write_csv(tmp_path / "edubasealldata20261122.csv", COLUMNS, ROWS)


@pytest.fixture
def links(tmp_path: Path) -> Path:
    return write_csv(tmp_path / "links_edubasealldata20261122.csv", list(LINKS[0]), LINKS)


@pytest.fixture
def fresh(area: AreaWriter) -> AreaWriter:
    """An area with entries but no register of schools yet."""
    (area.content / "schools.yml").unlink()
    return area


def run(area: AreaWriter, csv_file: Path, *args: str) -> subprocess.CompletedProcess[str]:
    """The script run as staff run it, from the area's folder."""
    return subprocess.run(
        [sys.executable, str(SCRIPT), str(csv_file), *args],
        cwd=area.root,
        capture_output=True,
        text=True,
        check=False,
    )


def register(area: AreaWriter) -> dict[int, dict[str, Any]]:
    items = yaml.safe_load((area.content / "schools.yml").read_text(encoding="utf-8"))
    return {item["urn"]: item for item in items}


def register_file(area: AreaWriter, text: str) -> Path:
    """A register written by hand, comments and all."""
    path = area.content / "schools.yml"
    path.write_text(text, encoding="utf-8")
    return path


def rows_with(*rows: dict[str, str]) -> list[dict[str, str]]:
    return [*ROWS, *rows]


# The script and the package


def test_script_is_a_thin_executable_entry_point_over_the_package() -> None:
    text = SCRIPT.read_text(encoding="utf-8")

    assert text.startswith("#!/usr/bin/env python3\n")
    assert SCRIPT.stat().st_mode & stat.S_IXUSR
    assert "from area_knowledge.gias.command import main" in text
    assert "raise SystemExit(main())" in text
    assert "sys.path" not in text
    assert len([line for line in text.splitlines() if line.strip()]) < 15


def test_command_runs_in_process_and_returns_its_exit_code(
    fresh: AreaWriter, gias: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(fresh.root)

    assert command.main([str(gias), "--la", HERTS]) == 0
    assert set(register(fresh)) == IMPORTED_IN_HERTS


def test_merge_is_a_plain_function_of_what_was_read() -> None:
    row = Establishment(
        urn=117001,
        name="Ashgrove Primary School",
        phase="Primary",
        type="Community school",
        trust="",
        locality="Hemel Hempstead",
        la=HERTS,
        status="Open",
        group="Local authority maintained schools",
    )
    sources = Sources({row.urn: row}, selection([HERTS], []), before=None, named={})

    entries, changes = merge([], sources)

    assert entries == [
        {
            "urn": 117001,
            "name": "Ashgrove Primary School",
            "phase": "Primary",
            "type": "Community school",
            "locality": "Hemel Hempstead",
            "member": False,
        }
    ]
    assert changes.added == ["  + 117001 Ashgrove Primary School"]


def test_current_register_is_checked_by_the_core() -> None:
    text = "- urn: 117001\n  name: Ashgrove\n  phase: Primary\n  membr: false\n"

    with pytest.raises(CannotImport, match="membr: is not a field: did you mean 'member'"):
        current_register(text, "content/schools.yml")


def test_urns_named_by_content_come_from_every_kind_of_entry(area: AreaWriter) -> None:
    area.case_study("phonics", schools=[117001, 117005])
    area.hub("send-hub", host_school=117010, schools=[117003])
    area.practitioner("ada-lovelace", school=117004)

    named = urns_named_by_content(str(area.content), str)

    assert {117001, 117005, 117010, 117003, 117004} <= named.keys()
    assert named[117005] == [str(area.content / "case-studies" / "phonics.md")]


# What is imported


def test_imports_the_open_schools_of_the_la_only(fresh: AreaWriter, gias: Path) -> None:
    result = run(fresh, gias, "--la", HERTS)

    assert result.returncode == 0, result.stderr
    assert set(register(fresh)) == IMPORTED_IN_HERTS
    assert "Added 6 schools:" in result.stdout


def test_open_but_proposed_to_close_is_imported_and_proposed_to_open_is_not(
    fresh: AreaWriter, gias: Path
) -> None:
    run(fresh, gias, "--la", HERTS)

    schools = register(fresh)
    assert schools[117004]["name"] == "Brookfield Academy"
    assert 117009 not in schools


def test_independent_schools_and_colleges_are_not_imported_by_default(
    fresh: AreaWriter, gias: Path
) -> None:
    run(fresh, gias, "--la", HERTS)

    assert INDEPENDENT not in register(fresh) and COLLEGE not in register(fresh)


def test_include_group_adds_that_type_group_whatever_its_case(
    fresh: AreaWriter, gias: Path
) -> None:
    result = run(fresh, gias, "--la", HERTS, "--include-group", "independent SCHOOLS")

    assert result.returncode == 0, result.stderr
    assert set(register(fresh)) == IMPORTED_IN_HERTS | {INDEPENDENT}


def test_include_group_can_be_repeated(fresh: AreaWriter, gias: Path) -> None:
    run(
        fresh,
        gias,
        "--la",
        HERTS,
        "--include-group",
        "Independent schools",
        "--include-group",
        "Colleges",
    )

    assert set(register(fresh)) == IMPORTED_IN_HERTS | {INDEPENDENT, COLLEGE}


def test_all_groups_imports_every_type_group(fresh: AreaWriter, gias: Path) -> None:
    result = run(fresh, gias, "--la", HERTS, "--all-groups")

    assert result.returncode == 0, result.stderr
    assert set(register(fresh)) == IMPORTED_IN_HERTS | {INDEPENDENT, COLLEGE}


def test_unknown_type_group_is_refused_naming_the_close_one(fresh: AreaWriter, gias: Path) -> None:
    result = run(fresh, gias, "--la", HERTS, "--include-group", "Independent school")

    assert result.returncode == 1
    assert (
        "'Independent school' is not a type group of GIAS: did you mean 'Independent schools'?"
    ) in result.stderr
    assert not (fresh.content / "schools.yml").exists()


def test_type_group_gias_has_but_this_file_lacks_is_accepted(fresh: AreaWriter, gias: Path) -> None:
    assert run(fresh, gias, "--la", HERTS, "--include-group", "Welsh schools").returncode == 0


def test_file_without_the_type_group_column_asks_for_the_full_csv(
    fresh: AreaWriter, tmp_path: Path
) -> None:
    cut = write_csv(tmp_path / "cut.csv", [c for c in COLUMNS if c != GROUP], ROWS)

    result = run(fresh, cut, "--la", HERTS)

    assert result.returncode == 1
    assert "cut.csv: has no column 'EstablishmentTypeGroup (name)'" in result.stderr
    assert "download the full establishment data from GIAS" in result.stderr
    assert "or give --all-groups" in result.stderr
    assert not (fresh.content / "schools.yml").exists()


def test_file_without_the_type_group_column_imports_with_all_groups(
    fresh: AreaWriter, tmp_path: Path
) -> None:
    cut = write_csv(tmp_path / "cut.csv", [c for c in COLUMNS if c != GROUP], ROWS)

    result = run(fresh, cut, "--la", HERTS, "--all-groups")

    assert result.returncode == 0, result.stderr
    assert set(register(fresh)) == IMPORTED_IN_HERTS | {INDEPENDENT, COLLEGE}


def test_include_group_with_all_groups_is_a_bad_argument(fresh: AreaWriter, gias: Path) -> None:
    result = run(fresh, gias, "--la", HERTS, "--all-groups", "--include-group", "Colleges")

    assert result.returncode == 2
    assert "not allowed with argument" in result.stderr


def test_missing_la_is_a_bad_argument(fresh: AreaWriter, gias: Path) -> None:
    result = run(fresh, gias)

    assert result.returncode == 2
    assert "the following arguments are required: --la" in result.stderr


def test_names_keep_accents_and_apostrophes_exactly(fresh: AreaWriter, gias: Path) -> None:
    run(fresh, gias, "--la", HERTS)

    area = load_area(str(fresh.content))
    assert area.schools[147002].name == "École Bilingue Sainte-Hélène"
    assert area.schools[117003].name == "St Mary's Church of England Primary School"


def test_writes_the_contract_fields_from_gias(fresh: AreaWriter, gias: Path) -> None:
    run(fresh, gias, "--la", HERTS)

    assert register(fresh)[117004] == {
        "urn": 117004,
        "name": "Brookfield Academy",
        "phase": "Secondary",
        "type": "Academy converter",
        "trust": "Chiltern Learning Trust",
        "locality": "Hemel Hempstead",
        "member": False,
    }


def test_register_it_writes_loads_with_no_problem(fresh: AreaWriter, gias: Path) -> None:
    fresh.case_study("phonics", schools=[117001, 147002])

    run(fresh, gias, "--la", HERTS)

    assert load_area(str(fresh.content)).problems == []


def test_row_with_a_value_the_contract_refuses_is_skipped_naming_its_line(
    fresh: AreaWriter, tmp_path: Path
) -> None:
    odd = school(117012, "Hillside School", **{"PhaseOfEducation (name)": "Infant"})
    bad = write_csv(tmp_path / "odd.csv", COLUMNS, rows_with(odd))

    result = run(fresh, bad, "--la", HERTS)

    assert result.returncode == 0, result.stderr
    assert 117012 not in register(fresh)
    assert f"odd.csv:{len(ROWS) + 2}: warning: PhaseOfEducation (name): 'Infant' is not one of" in (
        result.stdout
    )


# Members


def test_new_schools_are_not_members_unless_asked(fresh: AreaWriter, gias: Path) -> None:
    run(fresh, gias, "--la", HERTS)

    assert {entry["member"] for entry in register(fresh).values()} == {False}


def test_members_option_writes_new_schools_as_members(fresh: AreaWriter, gias: Path) -> None:
    run(fresh, gias, "--la", HERTS, "--members")

    assert {entry["member"] for entry in register(fresh).values()} == {True}


def test_members_option_keeps_member_set_by_hand(area: AreaWriter, gias: Path) -> None:
    area.register(
        "schools.yml", [{"urn": 117001, "name": "Ashgrove", "phase": "Primary", "member": False}]
    )

    run(area, gias, "--la", HERTS, "--members")

    assert register(area)[117001]["member"] is False
    assert register(area)[117003]["member"] is True


def test_keeps_member_and_locality_set_by_hand(area: AreaWriter, gias: Path) -> None:
    area.register(
        "schools.yml",
        [
            {
                "urn": 117001,
                "name": "Ashgrove Primary",
                "phase": "Primary",
                "locality": "Leverstock Green",
                "member": False,
            }
        ],
    )

    result = run(area, gias, "--la", HERTS)

    assert register(area)[117001] == {
        "urn": 117001,
        "name": "Ashgrove Primary School",
        "phase": "Primary",
        "type": "Community school",
        "locality": "Leverstock Green",
        "member": False,
    }
    assert (
        "  ~ 117001 Ashgrove Primary School: name: 'Ashgrove Primary' -> "
        "'Ashgrove Primary School'; type: '(none)' -> 'Community school'"
    ) in result.stdout.splitlines()


def test_school_listed_without_member_stays_a_member(area: AreaWriter, gias: Path) -> None:
    area.register("schools.yml", [{"urn": 117001, "name": "Ashgrove", "phase": "Primary"}])

    run(area, gias, "--la", HERTS)

    assert register(area)[117001]["member"] is True


# Locality


def test_locality_is_the_town_from_gias(fresh: AreaWriter, gias: Path) -> None:
    run(fresh, gias, "--la", HERTS)

    assert register(fresh)[117003]["locality"] == "Ware"


def test_locality_is_the_district_where_gias_gives_no_town(
    fresh: AreaWriter, tmp_path: Path
) -> None:
    rural = school(
        117013, "Sarratt Church of England School", Town="", **{DISTRICT: "Three Rivers"}
    )
    extract = write_csv(tmp_path / "edubasealldata.csv", COLUMNS, rows_with(rural))

    run(fresh, extract, "--la", HERTS)

    assert register(fresh)[117013]["locality"] == "Three Rivers"


def test_school_in_no_town_or_district_gets_no_locality(fresh: AreaWriter, tmp_path: Path) -> None:
    nowhere = school(117014, "Field Study Centre School", Town="", **{DISTRICT: ""})
    extract = write_csv(tmp_path / "edubasealldata.csv", COLUMNS, rows_with(nowhere))

    result = run(fresh, extract, "--la", HERTS)

    assert result.returncode == 0, result.stderr
    assert "locality" not in register(fresh)[117014]


# What is left out, and why


def test_each_left_out_row_of_the_la_is_listed_with_why(fresh: AreaWriter, gias: Path) -> None:
    lines = run(fresh, gias, "--la", HERTS).stdout.splitlines()

    assert "Left out 6 establishments of Hertfordshire:" in lines
    assert "  117005 Old Mill Junior School: closed" in lines
    assert "  117009 Meadow View Primary: proposed to open" in lines
    assert (
        "  117011 Bishop's Hall Preparatory School: type group 'Independent schools' is not "
        'imported: add --include-group "Independent schools" to import it'
    ) in lines
    assert (
        "  130001 Oaklands College: type group 'Colleges' is not imported: "
        'add --include-group "Colleges" to import it'
    ) in lines


def test_rows_of_other_las_are_summed_up_in_one_line(fresh: AreaWriter, gias: Path) -> None:
    output = run(fresh, gias, "--la", HERTS).stdout

    assert "Left out 2 establishments of other local authorities" in output
    assert "Riverside" not in output


def test_closed_school_dropped_from_the_register_is_not_also_left_out(
    area: AreaWriter, gias: Path
) -> None:
    area.register(
        "schools.yml", [{"urn": 117006, "name": "Hollow Lane Infant School", "phase": "Primary"}]
    )

    output = run(area, gias, "--la", HERTS).stdout

    assert output.count("117006 Hollow Lane Infant School") == 1


# Closed schools, predecessors and schools of other LAs


def test_keeps_a_closed_school_that_content_names_with_a_warning(
    area: AreaWriter, gias: Path
) -> None:
    area.register(
        "schools.yml",
        [{"urn": 117005, "name": "Old Mill Junior School", "phase": "Primary"}],
    )
    area.case_study("old-mill-reading", schools=[117005])

    result = run(area, gias, "--la", HERTS)

    assert 117005 in register(area)
    assert (
        "content/schools.yml: warning: 117005 Old Mill Junior School is closed, but "
        "content/case-studies/old-mill-reading.md names it: kept"
    ) in result.stdout
    assert load_area(str(area.content)).errors == []


def test_drops_a_closed_school_that_nothing_names(area: AreaWriter, gias: Path) -> None:
    area.register(
        "schools.yml",
        [{"urn": 117006, "name": "Hollow Lane Infant School", "phase": "Primary"}],
    )

    result = run(area, gias, "--la", HERTS)

    assert 117006 not in register(area)
    assert "Dropped 1 school:\n  - 117006 Hollow Lane Infant School: closed" in result.stdout
    assert "6 added, 0 changed, 1 dropped" in result.stdout


def test_keeps_an_open_school_of_another_la_added_by_hand(area: AreaWriter, gias: Path) -> None:
    area.register(
        "schools.yml",
        [{"urn": 109001, "name": "Riverside Primary", "phase": "Primary", "locality": "Bedford"}],
    )

    run(area, gias, "--la", HERTS)

    schools = register(area)
    assert schools[109001]["name"] == "Riverside Primary School"
    assert 109002 not in schools


def test_keeps_a_school_of_a_group_not_imported_added_by_hand(area: AreaWriter, gias: Path) -> None:
    area.register(
        "schools.yml",
        [{"urn": INDEPENDENT, "name": "Bishop's Hall", "phase": "Not applicable", "member": True}],
    )

    run(area, gias, "--la", HERTS)

    assert register(area)[INDEPENDENT]["name"] == "Bishop's Hall Preparatory School"


def test_links_fill_previous_urns_through_each_predecessor(
    fresh: AreaWriter, gias: Path, links: Path
) -> None:
    run(fresh, gias, "--la", HERTS, "--links", str(links))

    schools = register(fresh)
    assert schools[148008]["previous_urns"] == [104400, 117008]
    assert "previous_urns" not in schools[117003]


def test_successor_replaces_its_predecessor_keeping_hand_set_fields(
    area: AreaWriter, gias: Path, links: Path
) -> None:
    area.register(
        "schools.yml",
        [
            {
                "urn": 117008,
                "name": "Kingsmead School",
                "phase": "Primary",
                "locality": "Apsley",
                "member": True,
            }
        ],
    )
    area.case_study("kingsmead-maths", schools=[117008])

    result = run(area, gias, "--la", HERTS, "--links", str(links))

    schools = register(area)
    assert 117008 not in schools
    assert (schools[148008]["locality"], schools[148008]["member"]) == ("Apsley", True)
    assert "  - 117008 Kingsmead School: closed; entries naming it now lead to 148008" in (
        result.stdout
    )
    loaded = load_area(str(area.content))
    assert loaded.case_studies["kingsmead-maths"].schools == (148008,)


# Comments staff wrote


# A register the importer wrote before it kept comments, with comments staff added since.
COMMENTED = """\
# Register of the area's schools, from Get Information About Schools (GIAS).
#
# Written by scripts/import_schools.py: run it again with a newer GIAS download
# to bring the register up to date. name, phase, type and trust come from GIAS
# and are replaced on each run. Set by hand and kept: member (false for a
# school listed for reference that has not joined the partnership) and
# locality (the town from GIAS until you change it). previous_urns are the
# URNs a school had before, so that older entries naming them still resolve.

# Joined after the 2025 autumn conference.
# Contact: the school business manager.
- urn: 117001
  name: Ashgrove Primary School
  phase: Primary
  # Locality agreed with the head in March.
  locality: Leverstock Green
  member: true

- urn: 117006
  name: Hollow Lane Infant School
  # Closing in July: check with the LA.
  phase: Primary

# --- Dacorum schools -----------------------------------------------------

- urn: 117003
  name: St Mary's Church of England Primary School
  phase: Primary  # GIAS says Primary; the school says infant and junior
"""


def test_comment_above_a_school_stays_above_it(area: AreaWriter, gias: Path) -> None:
    register_file(area, COMMENTED)

    run(area, gias, "--la", HERTS)

    text = (area.content / "schools.yml").read_text(encoding="utf-8")
    assert (
        "# Joined after the 2025 autumn conference.\n"
        "# Contact: the school business manager.\n"
        "# Locality agreed with the head in March.\n"
        "- urn: 117001\n"
    ) in text


def test_comment_after_a_value_is_written_above_its_school(area: AreaWriter, gias: Path) -> None:
    register_file(area, COMMENTED)

    run(area, gias, "--la", HERTS)

    text = (area.content / "schools.yml").read_text(encoding="utf-8")
    assert ("# GIAS says Primary; the school says infant and junior\n- urn: 117003\n") in text
    assert register(area)[117003]["phase"] == "Primary"


def test_comment_that_cannot_be_placed_is_reported_with_its_line(
    area: AreaWriter, gias: Path
) -> None:
    register_file(area, COMMENTED)

    lines = run(area, gias, "--la", HERTS).stdout.splitlines()

    assert (
        "content/schools.yml:21: warning: comment not kept: '# Closing in July: check with the "
        "LA.': it sat with school 117006, which is no longer in the register"
    ) in lines
    assert (
        "content/schools.yml:24: warning: comment not kept: '# --- Dacorum schools "
        "-----------------------------------------------------': it is not directly above or "
        "inside a school's block; write it on the line above the school it is about"
    ) in lines
    assert not any("Register of the area's schools" in line for line in lines)


def test_header_staff_wrote_is_reported_as_not_kept(area: AreaWriter, gias: Path) -> None:
    register_file(
        area,
        "# Castlebrook Education Partnership: register of schools.\n"
        "# member: false marks a school listed for reference.\n"
        "\n"
        "- urn: 117001\n  name: Ashgrove Primary School\n  phase: Primary\n",
    )

    lines = run(area, gias, "--la", HERTS).stdout.splitlines()

    assert (
        "content/schools.yml:1: warning: comment not kept: '# Castlebrook Education Partnership: "
        "register of schools.' (and 1 more line): it is not directly above or inside a "
        "school's block; write it on the line above the school it is about"
    ) in lines


def test_comments_stay_put_when_the_import_runs_again(area: AreaWriter, gias: Path) -> None:
    register_file(area, COMMENTED)
    run(area, gias, "--la", HERTS)
    first = (area.content / "schools.yml").read_bytes()

    again = run(area, gias, "--la", HERTS)

    assert (area.content / "schools.yml").read_bytes() == first
    assert "comment not kept" not in again.stdout
    assert again.stdout.splitlines()[-1].startswith("content/schools.yml: up to date:")


def test_comment_follows_its_school_to_the_successor(
    area: AreaWriter, gias: Path, links: Path
) -> None:
    register_file(
        area,
        "# Federated with Ashgrove.\n- urn: 117008\n  name: Kingsmead School\n  phase: Primary\n",
    )

    result = run(area, gias, "--la", HERTS, "--links", str(links))

    assert "# Federated with Ashgrove.\n- urn: 148008\n" in (
        area.content / "schools.yml"
    ).read_text(encoding="utf-8")
    assert "comment not kept" not in result.stdout


def test_staff_comments_are_found_by_block() -> None:
    text = "# a\n- urn: 117001\n  # b\n  name: A\n\n# loose\n\n- urn: 117003\n  name: B  # c\n"

    comments = staff_comments(text, [(2, 117001), (8, 117003)])

    assert [(c.line, c.lines, c.urn) for c in comments] == [
        (1, ("# a",), 117001),
        (3, ("# b",), 117001),
        (6, ("# loose",), None),
        (9, ("# c",), 117003),
    ]


# Running again, and files it refuses


def test_second_run_changes_nothing(area: AreaWriter, gias: Path, links: Path) -> None:
    area.register(
        "schools.yml",
        [
            {"urn": 117001, "name": "Ashgrove", "phase": "Primary", "member": False},
            {"urn": 117005, "name": "Old Mill Junior School", "phase": "Primary"},
            {"urn": 117006, "name": "Hollow Lane Infant School", "phase": "Primary"},
            {"urn": 117008, "name": "Kingsmead School", "phase": "Primary", "locality": "Apsley"},
        ],
    )
    area.case_study("old-mill-reading", schools=[117005])
    run(area, gias, "--la", HERTS, "--links", str(links))
    first = (area.content / "schools.yml").read_bytes()

    again = run(area, gias, "--la", HERTS, "--links", str(links))

    assert again.returncode == 0
    assert (area.content / "schools.yml").read_bytes() == first
    assert again.stdout.splitlines()[-1] == (
        "content/schools.yml: up to date: 7 schools; 0 added, 0 changed, 0 dropped"
    )
    assert "Added" not in again.stdout and "Changed" not in again.stdout


def test_register_is_ordered_by_name_under_a_fixed_header(fresh: AreaWriter, gias: Path) -> None:
    run(fresh, gias, "--la", HERTS)

    text = (fresh.content / "schools.yml").read_text(encoding="utf-8")
    assert text.startswith("# Register of the area's schools, from Get Information About")
    assert "\n\n- urn: 117010\n" in text
    assert [item["name"] for item in yaml.safe_load(text)] == [
        "Ashgrove Primary School",
        "Beechwood Park School",
        "Brookfield Academy",
        "École Bilingue Sainte-Hélène",
        "Kingsmead Academy",
        "St Mary's Church of England Primary School",
    ]


def test_missing_column_is_named_with_a_suggestion(fresh: AreaWriter, tmp_path: Path) -> None:
    columns = [("LA name" if c == "LA (name)" else c) for c in COLUMNS]
    rows = [{("LA name" if k == "LA (name)" else k): v for k, v in row.items()} for row in ROWS]
    bad = write_csv(tmp_path / "renamed.csv", columns, rows)

    result = run(fresh, bad, "--la", HERTS)

    assert result.returncode == 1
    assert "renamed.csv: has no column 'LA (name)': did you mean 'LA name'?" in result.stderr
    assert not (fresh.content / "schools.yml").exists()


def test_unknown_la_is_refused_naming_close_ones(fresh: AreaWriter, gias: Path) -> None:
    result = run(fresh, gias, "--la", "Hertfordshir", "--la", "Bedford")

    assert result.returncode == 1
    assert "no establishments in the LA 'Hertfordshir': did you mean 'Hertfordshire'?" in (
        result.stderr
    )
    assert "Traceback" not in result.stderr
    assert not (fresh.content / "schools.yml").exists()


def test_la_is_matched_whatever_its_case(fresh: AreaWriter, gias: Path) -> None:
    assert run(fresh, gias, "--la", "hertfordshire").returncode == 0
    assert set(register(fresh)) == IMPORTED_IN_HERTS


def test_spreadsheet_instead_of_csv_is_refused(fresh: AreaWriter, tmp_path: Path) -> None:
    workbook = tmp_path / "edubasealldata.xlsx"
    workbook.write_bytes(b"PK\x03\x04\x14\x00\x06\x00" + bytes(range(256)) * 4)

    result = run(fresh, workbook, "--la", HERTS)

    assert result.returncode == 1
    assert "is not a CSV file" in result.stderr
    assert "Traceback" not in result.stderr


def test_file_in_neither_encoding_is_refused_with_its_line(
    fresh: AreaWriter, tmp_path: Path
) -> None:
    header = ",".join([*USED, GROUP])
    row = "117001,Ashgrove\x81,Community school,Open,Primary,x,,y,Academies"
    broken = tmp_path / "broken.csv"
    broken.write_bytes(f"{header}\r\n{row}\r\n".encode("latin-1"))

    result = run(fresh, broken, "--la", HERTS)

    assert result.returncode == 1
    assert "broken.csv:2: is not a Windows-1252 CSV (byte 0x81" in result.stderr


def test_copy_resaved_as_utf8_keeps_accents(fresh: AreaWriter, tmp_path: Path) -> None:
    resaved = tmp_path / "resaved.csv"
    with resaved.open("w", encoding="utf-8-sig", newline="") as stream:
        writer = csv.DictWriter(stream, COLUMNS, restval="")
        writer.writeheader()
        writer.writerows(ROWS)

    run(fresh, resaved, "--la", HERTS)

    assert register(fresh)[147002]["name"] == "École Bilingue Sainte-Hélène"


def test_register_with_errors_is_left_unchanged(area: AreaWriter, gias: Path) -> None:
    path = register_file(area, "- urn: 12345\n  name: Short URN\n  phase: Primary\n")

    result = run(area, gias, "--la", HERTS)

    assert result.returncode == 1
    assert "content/schools.yml:1: urn: 12345 is not a URN" in result.stderr
    assert "the register is not changed while it has errors" in result.stderr
    assert path.read_text(encoding="utf-8").startswith("- urn: 12345")


def test_register_that_is_not_utf8_is_left_unchanged(area: AreaWriter, gias: Path) -> None:
    path = area.content / "schools.yml"
    path.write_bytes("- urn: 117001\n  name: École\n  phase: Primary\n".encode("cp1252"))

    result = run(area, gias, "--la", HERTS)

    assert result.returncode == 1
    assert "content/schools.yml:2: is not UTF-8" in result.stderr
    assert path.read_bytes().startswith(b"- urn: 117001")


# Closed pipes, interruptions and a whole country's file


def thirty_thousand_rows(tmp_path: Path) -> tuple[Path, set[int]]:
    """A file the size of GIAS's: 30 authorities, every tenth school closed."""
    authorities = [*(f"Authority {n}" for n in range(29)), HERTS]
    rows = [
        school(
            100000 + n,
            f"School number {n}",
            **{
                "LA (name)": authorities[n % len(authorities)],
                "EstablishmentStatus (name)": "Closed" if n % 10 == 0 else "Open",
            },
        )
        for n in range(30_000)
    ]
    expected = {100000 + n for n in range(30_000) if n % len(authorities) == 29 and n % 10 != 0}
    return write_csv(tmp_path / "edubasealldata.csv", COLUMNS, rows), expected


def test_thirty_thousand_rows_import_in_a_few_seconds(fresh: AreaWriter, tmp_path: Path) -> None:
    big, expected = thirty_thousand_rows(tmp_path)

    started = time.perf_counter()
    result = run(fresh, big, "--la", HERTS)
    elapsed = time.perf_counter() - started

    assert result.returncode == 0, result.stderr
    assert set(register(fresh)) == expected
    assert f"{len(expected)} added" in result.stdout
    assert "Left out 29,000 establishments of other local authorities" in result.stdout
    print(f"30,000 rows imported in {elapsed:.2f} s")
    assert elapsed < 10


def test_closed_pipe_ends_quietly(fresh: AreaWriter, tmp_path: Path) -> None:
    closed = [
        school(100000 + n, f"School number {n}", **{"EstablishmentStatus (name)": "Closed"})
        for n in range(5_000)
    ]
    # Far more left-out lines than a pipe holds, so that the reader's going away is felt.
    big = write_csv(tmp_path / "edubasealldata.csv", COLUMNS, rows_with(*closed))
    with subprocess.Popen(
        [sys.executable, str(SCRIPT), str(big), "--la", HERTS],
        cwd=fresh.root,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    ) as process:
        assert process.stdout is not None and process.stderr is not None
        process.stdout.readline()
        process.stdout.close()
        errors = process.stderr.read().decode()
        process.wait(timeout=60)

    assert process.returncode == 1
    assert "Traceback" not in errors
    assert "BrokenPipeError" not in errors
    assert (fresh.content / "schools.yml").exists()


def test_interrupt_ends_quietly(
    fresh: AreaWriter,
    gias: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    def interrupted(_: object) -> int:
        raise KeyboardInterrupt

    monkeypatch.chdir(fresh.root)
    monkeypatch.setattr(command, "import_schools", interrupted)

    assert command.main([str(gias), "--la", HERTS]) == 130
    assert capsys.readouterr().err == "\nstopped\n"


def test_interrupted_write_leaves_the_register_whole(
    area: AreaWriter, gias: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    before = (area.content / "schools.yml").read_bytes()

    def interrupted(*_: object) -> None:
        raise KeyboardInterrupt

    monkeypatch.chdir(area.root)
    monkeypatch.setattr(os, "replace", interrupted)

    assert command.main([str(gias), "--la", HERTS]) == 130
    assert (area.content / "schools.yml").read_bytes() == before
    assert sorted(path.name for path in area.content.iterdir() if path.suffix == ".tmp") == []
