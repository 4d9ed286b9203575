"""Long listings are split into pages, so that no page grows without bound."""

from __future__ import annotations

import re
from pathlib import Path

from area_knowledge import load_area
from conftest import AreaWriter, build_site


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
