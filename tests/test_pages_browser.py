"""The expert finder and the knowledge map as people use them: in Chromium, phone and keyboard."""

from __future__ import annotations

import re

import pytest

from area_knowledge import build_indexes, load_area, publish
from browser import Watched, all_results
from conftest import MAILBOX, REPO

pytestmark = pytest.mark.browser

PHONE = {"width": 375, "height": 740}


@pytest.fixture(scope="module")
def demo():
    return build_indexes(publish(load_area(str(REPO / "content")), MAILBOX))


def test_finder_shows_experts_on_a_theme_including_its_sub_themes(
    page: Watched, site_url: str, demo
) -> None:
    inclusion = {t.id for t in demo.area.themes.values() if t.parent == "inclusion"}
    expected = {p.name for p in demo.practitioners if ({"inclusion"} | inclusion) & set(p.themes)}
    page.page.goto(site_url + "practitioners/")

    page.page.get_by_label("Theme", exact=True).select_option(label="Inclusion")
    page.page.get_by_role("button", name="Find experts").click()

    page.page.wait_for_url(re.compile(r"/area/search/\?kind=Expert&theme=Inclusion"))
    assert set(all_results(page)) == expected


def test_finder_combines_choices_and_its_address_can_be_shared(
    page: Watched, site_url: str, demo, browser
) -> None:
    expected = {
        p.name for p in demo.practitioners if "coaching" in p.offers and "primary" in p.phases
    }
    page.page.goto(site_url + "practitioners/")

    page.page.get_by_label("Offers", exact=True).select_option("Coaching")
    page.page.get_by_label("Phase", exact=True).select_option("Primary")
    page.page.get_by_role("button", name="Find experts").click()

    page.page.wait_for_url(re.compile("offer=Coaching"))
    assert set(all_results(page)) == expected
    other = Watched(browser.new_page(), site_url)
    other.page.goto(page.page.url)
    assert set(all_results(other)) == expected
    other.check()


def test_map_reads_on_a_phone_without_sideways_scrolling(browser, site_url: str) -> None:
    context = browser.new_context(viewport=PHONE, is_mobile=True, has_touch=True)
    watched = Watched(context.new_page(), site_url)
    watched.page.goto(site_url + "map/")

    overflow = watched.page.evaluate(
        "document.documentElement.scrollWidth - document.documentElement.clientWidth"
    )
    headline = watched.page.locator(".ak-headlines li").first.bounding_box()

    assert overflow <= 0
    assert headline is not None and headline["width"] <= PHONE["width"]
    assert watched.page.get_by_text("AI in schools: no case study, no expert, no hub yet").count()
    context.close()
    watched.check()


def test_map_keyboard_walk_reaches_every_link_with_visible_focus(
    page: Watched, site_url: str
) -> None:
    page.page.goto(site_url + "map/")
    links = page.page.locator("article a[href]").count()
    reached: list[str] = []

    for _ in range(links + 40):
        page.page.keyboard.press("Tab")
        focused = page.page.evaluate(
            """() => {
                const el = document.activeElement;
                if (!el || !el.closest('article') || el.tagName !== 'A') return null;
                const style = getComputedStyle(el);
                const box = el.getBoundingClientRect();
                const outline = style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0;
                return {text: el.textContent.trim(), visible: box.width > 0 && box.height > 0,
                        outline: outline || style.boxShadow !== 'none'};
            }"""
        )
        if focused:
            assert focused["visible"] and focused["outline"], focused
            reached.append(focused["text"])
        if reached[-1:] == ["directory.csv"]:
            break

    assert reached[-1] == "directory.csv"
    assert len(reached) >= links - 1
