"""The home page a teacher lands on, on a desktop and on a phone: search, newest, priorities."""

from __future__ import annotations

import re

import pytest

from area_knowledge import build_indexes, load_area, publish
from area_knowledge.site.section_pages import NEWEST_ON_HOME
from browser import Watched, results
from conftest import MAILBOX, REPO

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def demo():
    return build_indexes(publish(load_area(str(REPO / "content")), MAILBOX))


@pytest.mark.parametrize("width", [1280, 375])
def test_home_page_links_the_newest_practice_and_the_priorities(
    browser, site_url: str, demo, width: int
) -> None:
    context = browser.new_context(viewport={"width": width, "height": 800})
    watched = Watched(context.new_page(), site_url)
    try:
        watched.page.goto(site_url)
        article = watched.page.locator("article")

        for study in demo.case_studies[:NEWEST_ON_HOME]:
            link = article.get_by_role("link", name=study.title, exact=True).first
            assert link.is_visible(), study.title
            assert link.get_attribute("href").endswith(f"case-studies/{study.id}/")
        for theme in (t for t in demo.area.themes.values() if t.priority):
            link = article.locator("#priorities + ul").get_by_role("link", name=theme.title)
            assert link.first.is_visible(), theme.title
        assert article.get_by_role("searchbox").is_visible()
    finally:
        context.close()
    watched.check()


def test_home_search_box_leads_to_results(browser, site_url: str) -> None:
    context = browser.new_context(viewport={"width": 375, "height": 740})
    watched = Watched(context.new_page(), site_url)
    try:
        watched.page.goto(site_url)
        box = watched.page.locator("article").get_by_role("searchbox")
        box.fill("attendance")
        box.press("Enter")

        watched.page.wait_for_url(re.compile(r"/search/\?q=attendance"))
        assert results(watched), "the home page's search found nothing for 'attendance'"
    finally:
        context.close()
    watched.check()
