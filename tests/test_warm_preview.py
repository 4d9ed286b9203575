"""The preview after an edit: the pages the edit changed, and only those, are laid out again.

A hub lead rewriting a case study's text sees it in a second however large the
area is, because only that page is made again and only its file is rewritten
for the engine. Any other change (a title, a register, a new entry) lays the
whole site out again, exactly as a build would.
"""

from __future__ import annotations

import json
from pathlib import Path

from area_knowledge import load_area
from area_knowledge.contract.model import Area
from area_knowledge.settings import Settings
from area_knowledge.site.preview_files import PageSources, WrittenFiles
from area_knowledge.site.source import PREVIEW_DATA, site_source
from area_knowledge.site.warm import bodies_changed, next_source
from conftest import MAILBOX, TODAY, AreaWriter

SETTINGS = Settings(contact_email=MAILBOX)


def loaded(area: AreaWriter) -> Area:
    return load_area(str(area.content), today=TODAY, shown_from=str(area.root))


def small_area(area: AreaWriter) -> AreaWriter:
    area.practitioner("ada-lovelace")
    area.practitioner("ann-lee", status="withdrawn")
    area.case_study("phonics", body="Phonics first.", contacts=["ada-lovelace"])
    area.case_study("fluency", body="Fluency clinic.")
    return area


def page_html(source: object, uri: str) -> str:
    return next(p.html for p in source.pages if p.uri == uri)  # type: ignore[attr-defined]


def test_an_edit_to_one_body_is_that_entry_alone(area: AreaWriter) -> None:
    before = loaded(small_area(area))
    area.case_study("phonics", body="Phonics first, then fluency.", contacts=["ada-lovelace"])

    changed = bodies_changed(before, loaded(area))

    assert [entry.id for entry in changed or []] == ["phonics"]


def test_an_edit_to_a_title_lays_the_whole_site_out_again(area: AreaWriter) -> None:
    before = loaded(small_area(area))
    area.case_study("phonics", title="Phonics for all", body="Phonics first.")

    assert bodies_changed(before, loaded(area)) is None


def test_a_new_entry_or_a_register_change_lays_the_whole_site_out_again(
    area: AreaWriter,
) -> None:
    before = loaded(small_area(area))
    area.case_study("maths")
    assert bodies_changed(before, loaded(area)) is None

    area.content.joinpath("case-studies", "maths.md").unlink()
    area.register("schools.yml", [])
    assert bodies_changed(before, loaded(area)) is None


def test_next_preview_makes_only_the_edited_page_again(area: AreaWriter) -> None:
    first_area = loaded(small_area(area))
    first = site_source(first_area, SETTINGS, preview=True)
    area.case_study("phonics", body="Phonics first, then **fluency**.", contacts=["ada-lovelace"])

    second = next_source(first, first_area, loaded(area), SETTINGS)

    made_again = [
        page.uri for page, old in zip(second.pages, first.pages, strict=True) if page is not old
    ]
    assert made_again == ["case-studies/phonics.md"]
    assert "<strong>fluency</strong>" in page_html(second, "case-studies/phonics.md")


def test_next_preview_withholds_a_name_written_into_a_body(area: AreaWriter) -> None:
    first_area = loaded(small_area(area))
    first = site_source(first_area, SETTINGS, preview=True)
    area.case_study("fluency", body="Ann Lee ran the fluency clinic.")

    second = next_source(first, first_area, loaded(area), SETTINGS)

    html = page_html(second, "case-studies/fluency.md")
    assert "Ann Lee" not in html
    assert "[name withheld] ran the fluency clinic." in html


def test_next_preview_tells_of_a_broken_link_added_and_forgets_it_once_mended(
    area: AreaWriter,
) -> None:
    first_area = loaded(small_area(area))
    first = site_source(first_area, SETTINGS, preview=True)
    area.case_study("fluency", body="See [the plan](../nowhere.md).")
    broken_area = loaded(area)
    broken = next_source(first, first_area, broken_area, SETTINGS)
    area.case_study("fluency", body="See the plan.")

    mended = next_source(broken, broken_area, loaded(area), SETTINGS)

    assert any("nowhere.md" in problem.message for problem in broken.problems)
    assert not any("nowhere.md" in problem.message for problem in mended.problems)


def test_preview_problems_file_counts_errors_and_names_them(area: AreaWriter) -> None:
    small_area(area)
    area.case_study("hostile", body="Hello <script>alert(1)</script>")

    source = site_source(loaded(area), SETTINGS, preview=True)

    data = json.loads(source.files[PREVIEW_DATA])
    assert data["errors"] == 1
    assert data["shown"][0]["path"].endswith("case-studies/hostile.md")
    assert "<script> is not allowed" in data["shown"][0]["message"]


def test_page_sources_are_made_again_only_for_new_pages(area: AreaWriter) -> None:
    first_area = loaded(small_area(area))
    first = site_source(first_area, SETTINGS, preview=True)
    sources = PageSources()
    before = sources.of(first)
    area.case_study("fluency", body="Fluency clinic, twice a week.")

    after = sources.of(next_source(first, first_area, loaded(area), SETTINGS))

    remade = [uri for uri in after if after[uri] is not before[uri]]
    assert remade == ["case-studies/fluency.md"]


def test_written_files_rewrite_only_what_changed_and_remove_what_went(tmp_path: Path) -> None:
    folder, site = tmp_path / "pages", tmp_path / "site"
    written = WrittenFiles(str(folder))

    def built_at(path: str) -> str:
        return str(site / path.replace(".md", ".html"))

    first = written.update({"a.md": "A", "b.md": "B", "data.json": b"{}"}, built_at)
    site.mkdir()
    (site / "b.html").write_text("built B")
    second = written.update({"a.md": "A", "data.json": b"{ }"}, built_at)

    assert sorted(first) == ["a.md", "b.md", "data.json"]
    assert second == ["data.json"]
    assert not (folder / "b.md").exists() and not (site / "b.html").exists()
    assert (folder / "data.json").read_bytes() == b"{ }"
