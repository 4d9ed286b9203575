"""The knowledge map, the expert directory and the data exports, in built sites."""

from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path

import pytest

from area_knowledge import load_area
from area_knowledge.publishing.rules import person_is_listed
from conftest import REPO, TODAY, AreaWriter, build_site


@pytest.fixture(scope="module")
def demo_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_site(REPO / "mkdocs.yml", tmp_path_factory.mktemp("map") / "site")


@pytest.fixture(scope="module")
def content():
    return load_area(str(REPO / "content"))


def visible_text(html: str) -> str:
    article = html[html.index("<article") : html.index("</article>")]
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", "", article))


def test_map_headlines_equal_counts_taken_from_the_content(demo_site: Path, content) -> None:
    listed = [s for s in content.case_studies.values() if s.status == "published"]
    members = {urn for urn, school in content.schools.items() if school.member}
    sharing = members & {urn for s in listed for urn in s.schools}
    people = [p for p in content.practitioners.values() if person_is_listed(p, content.today)]
    hubs = [h for h in content.hubs.values() if h.status == "active"]

    text = visible_text((demo_site / "map" / "index.html").read_text(encoding="utf-8"))

    assert f"{len(sharing)} of {len(members)} member schools" in text
    assert f"{len(listed)} case studies, {len(hubs)} active hubs and {len(people)} listed" in text


def test_map_row_of_a_theme_counts_its_sub_themes(demo_site: Path, content) -> None:
    children = {t.id for t in content.themes.values() if t.parent == "reading"} | {"reading"}
    studies = [
        s
        for s in content.case_studies.values()
        if s.status == "published" and children & set(s.themes)
    ]

    html = (demo_site / "map" / "index.html").read_text(encoding="utf-8")
    # The map's own table: the grid of localities beside it has a row per theme too.
    rows = re.findall(r'<tr><td[^>]*><a href="../themes/reading/">Reading</a>.*?</tr>', html, re.S)
    row = next((r for r in rows if 'data-label="Knowledge"' in r), None)

    assert row is not None
    cells = re.findall(r"<td[^>]*>(.*?)</td>", row, re.S)
    assert cells[2] == str(len(studies))


def test_priority_theme_with_nothing_is_named_as_a_gap(area: AreaWriter, tmp_path: Path) -> None:
    area.practitioner("ada-lovelace", themes=["send"])
    area.case_study("phonics", themes=["send"], contacts=["ada-lovelace"])
    site = build_site(area.mkdocs_yml(), tmp_path / "site")

    text = visible_text((site / "map" / "index.html").read_text(encoding="utf-8"))

    assert "Governance: no case study, no expert, no hub yet" in text
    assert "SEND: no hub yet" in text
    theme = visible_text((site / "themes" / "governance" / "index.html").read_text("utf-8"))
    assert "None no case study yet, no expert yet, no hub yet." in theme


def test_exports_hold_only_listed_people(area: AreaWriter, tmp_path: Path) -> None:
    area.practitioner("ada-lovelace", name="Ada Quill")
    area.practitioner("gone", name="Gone Person", status="withdrawn")
    area.practitioner("lapsed", name="Lapsed Person", review_by="2020-01-01")
    area.case_study("phonics", contacts=["ada-lovelace", "gone", "lapsed"])
    site = build_site(area.mkdocs_yml(), tmp_path / "site")

    document = json.loads((site / "data" / "knowledge.json").read_text(encoding="utf-8"))
    rows = list(csv.DictReader(io.StringIO((site / "data" / "directory.csv").read_text("utf-8"))))

    assert document["schema_version"] == 1
    assert [p["name"] for p in document["practitioners"]] == ["Ada Quill"]
    assert document["case_studies"][0]["contacts"] == ["ada-lovelace"]
    assert [row["name"] for row in rows] == ["Ada Quill"]
    everything = "".join(p.read_text("utf-8") for p in (site / "data").iterdir())
    assert "Gone Person" not in everything and "Lapsed Person" not in everything


def test_map_links_to_the_exports(demo_site: Path) -> None:
    html = (demo_site / "map" / "index.html").read_text(encoding="utf-8")

    for name in ("knowledge.json", "case-studies.csv", "directory.csv"):
        assert f'href="../data/{name}"' in html
        assert (demo_site / "data" / name).is_file()


def test_directory_without_javascript_groups_experts_by_theme(demo_site: Path, content) -> None:
    listed = [p for p in content.practitioners.values() if person_is_listed(p, content.today)]
    send = [p.name for p in listed if "send" in p.themes]
    directory = visible_text((demo_site / "practitioners" / "index.html").read_text("utf-8"))
    html = (demo_site / "practitioners" / "index.html").read_text("utf-8")
    theme = (demo_site / "themes" / "send" / "index.html").read_text(encoding="utf-8")
    experts = theme[theme.index('id="experts"') :]

    assert 'href="../themes/send/#experts"' in html
    assert re.search(rf'>SEND</a></td><td data-label="Experts">{len(send)}</td>', html)
    assert send and all(name in experts for name in send)
    assert all(p.name in directory for p in listed)


def test_review_period_is_read_from_mkdocs_yml(area: AreaWriter, tmp_path: Path) -> None:
    area.case_study("old", published="2023-01-10")
    config = area.mkdocs_yml(
        plugins=[{"area-knowledge": {"contact_email": "a@b.example", "review_years": 5}}]
    )
    site = build_site(config, tmp_path / "site")

    text = visible_text((site / "map" / "index.html").read_text(encoding="utf-8"))

    assert "Not confirmed for over 5 years" in text
    assert "last confirmed 10 January 2023" not in text
    _ = TODAY
