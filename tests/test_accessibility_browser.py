"""WCAG 2.2 AA: axe-core finds nothing on one page of every kind, in its working states."""

from __future__ import annotations

import pytest

from browser import Watched

pytestmark = pytest.mark.browser

WCAG = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]

PAGES = {
    "home": "",
    "theme": "themes/send/",
    "school": "schools/141266/",
    "case study": "case-studies/tuesday-twenty-reading-clinic/",
    "hub": "hubs/send-hub/",
    "practitioner": "practitioners/amara-okonkwo/",
    "directory": "practitioners/?theme=inclusion",
    "knowledge map": "map/",
    "search with results": "search/?q=reading&phase=Primary",
    "share form": "share/",
    "themes index": "themes/",
    "schools index": "schools/",
    "case studies": "case-studies/",
    "hubs": "hubs/",
    "localities": "localities/",
    "locality": "localities/castlebrook-central/",
    "page not found": "404.html",
}


# Two frames for a scroll's effects to start, then every transition run to its end (or
# 2 s, should one never end): axe measured Material's "Back to top" button half faded in,
# at a contrast it never keeps.
_SETTLED = """async () => {
    await new Promise(done => requestAnimationFrame(() => requestAnimationFrame(done)));
    const ended = Promise.all(document.getAnimations().map(running => running.finished));
    await Promise.race([ended, new Promise(done => setTimeout(done, 2000))]);
}"""


def violations(watched: Watched) -> list[str]:
    from axe_playwright_python.sync_playwright import Axe

    watched.page.evaluate(_SETTLED)
    result = Axe().run(watched.page, options={"runOnly": {"type": "tag", "values": WCAG}})
    return [
        f"{v['id']} ({v['impact']}): {[n['target'] for n in v['nodes']][:3]}"
        for v in result.response["violations"]
    ]


@pytest.mark.parametrize("kind", list(PAGES))
def test_page_has_no_accessibility_violation(page: Watched, site_url: str, kind: str) -> None:
    page.page.goto(site_url + PAGES[kind])
    page.page.locator("article").wait_for()
    if kind == "search with results":
        page.page.locator(".ak-result").first.wait_for()

    assert violations(page) == []


def test_share_form_showing_errors_and_a_result_has_no_violation(
    page: Watched, site_url: str
) -> None:
    page.page.goto(site_url + "share/")
    form = page.page.locator("form[data-ak-share-form='practitioner']")
    form.get_by_role("button", name="Prepare the file").click()
    assert violations(page) == []

    form.get_by_label("Your name").fill("Kemi Adeyinka")
    form.get_by_label("Your role").fill("Reading lead")
    form.get_by_label("Your school").select_option(index=1)
    form.locator("input[name=themes]").first.check()
    form.get_by_label("I agree to my name").check()
    form.get_by_role("button", name="Prepare the file").click()
    form.locator("[data-ak-file]").wait_for()
    assert violations(page) == []


def test_first_tab_reaches_a_visible_skip_link(page: Watched, site_url: str) -> None:
    page.page.goto(site_url + "themes/send/")

    page.page.keyboard.press("Tab")

    focused = page.page.locator(":focus")
    assert focused.text_content().strip() == "Skip to content"
    assert focused.is_visible()
    page.page.keyboard.press("Enter")
    assert page.page.evaluate("location.hash") == "#send"
