"""`scripts/import_schools.py`: the register of schools from a GIAS download."""

from __future__ import annotations

import csv
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml

from area_knowledge import load_area
from conftest import REPO, AreaWriter
from gias import COLUMNS, HERTS, USED, school, write_csv

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
    school(109001, "Riverside Primary School", **{"LA (name)": "Bedford", "Town": "Bedford"}),
    school(109002, "Riverside Academy", **{"LA (name)": "Bedford", "Town": "Bedford"}),
]

OPEN_IN_HERTS = {117001, 147002, 117003, 117004, 148008, 117010}

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


def test_imports_the_open_schools_of_the_la_only(fresh: AreaWriter, gias: Path) -> None:
    result = run(fresh, gias, "--la", HERTS)

    assert result.returncode == 0, result.stderr
    assert set(register(fresh)) == OPEN_IN_HERTS
    assert "Added 6 schools:" in result.stdout


def test_open_but_proposed_to_close_is_imported_and_proposed_to_open_is_not(
    fresh: AreaWriter, gias: Path
) -> None:
    run(fresh, gias, "--la", HERTS)

    schools = register(fresh)
    assert schools[117004]["name"] == "Brookfield Academy"
    assert 117009 not in schools


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
        "member": True,
    }


def test_register_it_writes_loads_with_no_problem(fresh: AreaWriter, gias: Path) -> None:
    fresh.case_study("phonics", schools=[117001, 147002])

    run(fresh, gias, "--la", HERTS)

    assert load_area(str(fresh.content)).problems == []


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

    assert (area.content / "schools.yml").read_bytes() == first
    assert again.stdout.splitlines()[-1] == (
        "content/schools.yml: up to date: 7 schools; 0 added, 0 changed, 0 dropped"
    )
    assert "Added" not in again.stdout and "Changed" not in again.stdout


def test_register_is_ordered_by_name_under_a_fixed_header(fresh: AreaWriter, gias: Path) -> None:
    run(fresh, gias, "--la", HERTS)

    text = (fresh.content / "schools.yml").read_text(encoding="utf-8")
    assert text.startswith("# Register of the area's schools, from Get Information About")
    assert [item["name"] for item in yaml.safe_load(text)] == [
        "Ashgrove Primary School",
        "Beechwood Park School",
        "Brookfield Academy",
        "École Bilingue Sainte-Hélène",
        "Kingsmead Academy",
        "St Mary's Church of England Primary School",
    ]


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
                "member": False,
            }
        ],
    )
    area.case_study("kingsmead-maths", schools=[117008])

    result = run(area, gias, "--la", HERTS, "--links", str(links))

    schools = register(area)
    assert 117008 not in schools
    assert (schools[148008]["locality"], schools[148008]["member"]) == ("Apsley", False)
    assert "  - 117008 Kingsmead School: closed; entries naming it now lead to 148008" in (
        result.stdout
    )
    loaded = load_area(str(area.content))
    assert loaded.case_studies["kingsmead-maths"].schools == (148008,)


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
    assert set(register(fresh)) == OPEN_IN_HERTS


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
    text = ",".join(USED) + "\r\n" + "117001,Ashgrove\x81,Community school,Open,Primary,x,,y\r\n"
    broken = tmp_path / "broken.csv"
    broken.write_bytes(text.encode("latin-1"))

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
    path = area.content / "schools.yml"
    path.write_text("- urn: 12345\n  name: Short URN\n  phase: Primary\n", encoding="utf-8")

    result = run(area, gias, "--la", HERTS)

    assert result.returncode == 1
    assert "content/schools.yml:1: urn: 12345 is not a URN" in result.stderr
    assert path.read_text(encoding="utf-8").startswith("- urn: 12345")


def test_thirty_thousand_rows_import_correctly(fresh: AreaWriter, tmp_path: Path) -> None:
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
    big = write_csv(tmp_path / "edubasealldata.csv", COLUMNS, rows)

    result = run(fresh, big, "--la", HERTS)

    expected = {100000 + n for n in range(30_000) if n % len(authorities) == 29 and n % 10 != 0}
    assert result.returncode == 0, result.stderr
    assert set(register(fresh)) == expected
    assert f"{len(expected)} added" in result.stdout
