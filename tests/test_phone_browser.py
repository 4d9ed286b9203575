"""Phone first: results before filters, nothing wider than the screen, charts that read.

Teachers often arrive on a phone. At 375 px the first search result is in the
first screen, the filters wait in a panel that says how many are chosen, and
no page of any kind scrolls sideways at 320 px.
"""

from __future__ import annotations

import re

import pytest
from test_accessibility_browser import PAGES, violations

from browser import Watched, results

pytestmark = pytest.mark.browser

PHONE = {"width": 375, "height": 667}
NARROWEST = {"width": 320, "height": 640}


@pytest.fixture
def phone(browser, site_url: str):
    context = browser.new_context(viewport=PHONE, is_mobile=True, has_touch=True)
    watched = Watched(context.new_page(), site_url)
    yield watched
    context.close()
    watched.check()


def test_first_result_is_in_the_first_screen_after_a_search_on_a_phone(
    phone: Watched, site_url: str
) -> None:
    phone.page.goto(site_url + "search/?q=reading")
    results(phone)

    first = phone.page.locator(".ak-result").first.bounding_box()

    assert first is not None and first["y"] + 40 < PHONE["height"]


def test_filters_wait_in_a_panel_whose_button_counts_those_chosen(
    phone: Watched, site_url: str
) -> None:
    phone.page.goto(site_url + "search/?q=reading")
    results(phone)
    toggle = phone.page.get_by_role("button", name=re.compile("^Filters"))
    facets = phone.page.locator("[data-ak-facets]")

    assert not facets.is_visible() and toggle.get_attribute("aria-expanded") == "false"
    toggle.click()
    assert facets.is_visible() and toggle.get_attribute("aria-expanded") == "true"
    phone.page.get_by_role("group", name="Kind").get_by_label(re.compile("^Case study")).check()
    phone.page.locator("[data-ak-active-count]").filter(has_text="1 chosen").wait_for()
    assert violations(phone) == []


@pytest.mark.parametrize("kind", sorted(PAGES))
def test_no_page_scrolls_sideways_at_320_px(browser, site_url: str, kind: str) -> None:
    context = browser.new_context(viewport=NARROWEST, is_mobile=True, has_touch=True)
    watched = Watched(context.new_page(), site_url)
    watched.page.goto(site_url + PAGES[kind])
    watched.page.locator("article").wait_for()

    overflow = watched.page.evaluate(
        "document.documentElement.scrollWidth - document.documentElement.clientWidth"
    )

    context.close()
    watched.check()
    assert overflow <= 0, f"{kind} is {overflow} px wider than the screen"
