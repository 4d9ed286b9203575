"""Long listings are split into pages, so that no page grows without bound."""

from __future__ import annotations

import re
from pathlib import Path

from area_knowledge import build_indexes, load_area, publish
from area_knowledge.site.search import search_record
from conftest import MAILBOX, TODAY, AreaWriter, build_site


def titles(html: str) -> list[str]:
    return re.findall(r'<a class="ak-list__title" href="[^"]+">([^<]+)</a>', html)


def test_case_study_listing_and_a_busy_theme_are_paged(area: AreaWriter, tmp_path: Path) -> None:
    for number in range(105):
        area.case_study(
            f"study-{number:03}", themes=["send"], published=f"2026-{1 + number % 12:02}-01"
        )
    site = build_site(area.mkdocs_yml(), tmp_path / "site")

    first = (site / "case-studies" / "index.html").read_text(encoding="utf-8")
    second = (site / "case-studies" / "page-2" / "index.html").read_text(encoding="utf-8")
    assert len(titles(first)) == 100 and len(titles(second)) == 5
    assert set(titles(first)).isdisjoint(titles(second))
    assert 'href="../case-studies/page-2/" rel="next"' in first and "Page 1 of 2" in first
    assert 'href="../../case-studies/" rel="prev"' in second

    theme = (site / "themes" / "send" / "index.html").read_text(encoding="utf-8")
    assert len(titles(theme)) == 20
    assert "All 105 case studies on SEND, newest first" in theme
    listing = site / "themes" / "send" / "case-studies"
    assert len(titles((listing / "index.html").read_text("utf-8"))) == 100
    assert len(titles((site / "themes/send/case-studies-2/index.html").read_text("utf-8"))) == 5


def test_file_named_like_a_listing_page_is_refused(area: AreaWriter) -> None:
    area.case_study("page-2")

    [problem] = load_area(str(area.content), shown_from=str(area.root)).problems
    assert problem.path == "content/case-studies/page-2.md"
    assert "is a name the site uses for its own listing pages" in problem.message


def test_a_long_vocabulary_keeps_the_map_and_the_experts_page_to_its_broad_themes(
    area: AreaWriter, tmp_path: Path
) -> None:
    area.long_vocabulary(150, priorities=55)
    area.case_study("busy-theme", themes=["theme-149-later"])
    area.practitioner("ada-lovelace", themes=["theme-149-early"])
    site = build_site(area.mkdocs_yml(), tmp_path / "site")

    kmap = (site / "map" / "index.html").read_text(encoding="utf-8")
    assert "The area has 450 themes, more than one page can show" in kmap
    assert "60 of its broad themes: the priorities, then those with most case studies" in kmap
    table = kmap[kmap.index('id="themes"') : kmap.index('id="gaps"')]
    shown = re.findall(r'<a href="[^"]*">(Theme [^<]+)</a>', table)
    # The 55 priorities, then the themes with most case studies, in the vocabulary's order.
    assert len(shown) == 60 and shown[:55] == [f"Theme {n:03}" for n in range(55)]
    assert shown[-1] == "Theme 149" and "Theme 149 later" not in table
    assert len(kmap.encode()) < 250_000

    experts = (site / "practitioners" / "index.html").read_text(encoding="utf-8")
    assert "60 of the area's 450 themes, as the" in experts
    by_theme = experts[experts.index('id="experts-by-theme"') : experts.index('id="all-experts"')]
    assert len(re.findall("<tr><td", by_theme)) == 60
    assert re.search(r"Theme 149</a></td><td data-label=\"Experts\">1</td>", by_theme)
    # The finder offers the 150 broad themes, which find their narrower themes' experts.
    finder = experts[experts.index('id="ak-finder-theme"') :]
    finder = finder[: finder.index("</select>")]
    assert finder.count("<option") == 151 and "Theme 149 early" not in finder

    home = (site / "index.html").read_text(encoding="utf-8")
    assert home.count('class="ak-list__title" href="themes/') == 50
    assert "And 5 more, each marked (priority) on the" in home
    themes = (site / "themes" / "index.html").read_text(encoding="utf-8")
    assert "And 5 more, each marked (priority) in the list of all themes" in themes


def test_localities_are_paged_and_the_finder_offers_those_with_experts(
    area: AreaWriter, tmp_path: Path
) -> None:
    schools = [
        {
            "urn": 200000 + n,
            "name": f"School {n:03}",
            "phase": "Primary",
            "locality": f"Town {n:03}",
        }
        for n in range(105)
    ]
    area.register("schools.yml", schools)
    area.case_study("reading-club", schools=[200104])
    area.practitioner("ada-lovelace", school=200104)
    site = build_site(area.mkdocs_yml(), tmp_path / "site")

    first = (site / "localities" / "index.html").read_text(encoding="utf-8")
    second = (site / "localities" / "page-2" / "index.html").read_text(encoding="utf-8")
    assert first.count('<td data-label="Locality">') == 100 and "Page 1 of 2" in first
    assert second.count('<td data-label="Locality">') == 5 and "Town 104" in second

    experts = (site / "practitioners" / "index.html").read_text(encoding="utf-8")
    finder = experts[experts.index('id="ak-finder-locality"') :]
    finder = finder[: finder.index("</select>")]
    assert re.findall(r"<option[^>]*>([^<]*)", finder) == ["Anywhere", "Town 104"]


def test_a_school_with_practice_on_every_theme_is_found_by_its_newest_hundred(
    area: AreaWriter,
) -> None:
    area.long_vocabulary(150)
    for number in range(150):
        area.case_study(
            f"study-{number:03}",
            themes=[f"theme-{number:03}-early"],
            published=f"2026-{1 + number // 28:02}-{1 + number % 28:02}",
        )
    ix = build_indexes(publish(load_area(str(area.content), today=TODAY), MAILBOX))

    themes = search_record(ix.area.schools[100001], ix).filters["theme"]
    # Each theme with its broad one: the newest hundred case studies', no more.
    assert len(themes) == 200 and themes[:2] == ["Theme 149 early", "Theme 149"]
    assert "Theme 049 early" not in themes
