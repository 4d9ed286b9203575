"""Search in a real browser: the demo built with a sub-path, served under it, in Chromium."""

from __future__ import annotations

import re
from urllib.parse import parse_qs, urlparse

import pytest

from area_knowledge import build_indexes, load_area, publish
from browser import Watched, all_results, results
from conftest import MAILBOX, REPO

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def demo():
    return build_indexes(publish(load_area(str(REPO / "content")), MAILBOX))


def result_count(watched: Watched) -> int:
    results(watched)
    status = watched.page.locator("[data-ak-status]").text_content() or ""
    match = re.match(r"(\d+) results?", status)
    return int(match.group(1)) if match else 0


def search(watched: Watched, site_url: str, query: str) -> list[str]:
    watched.page.goto(site_url + f"search/?q={query}")
    return results(watched)


def text_of(study) -> str:
    return f"{study.title}\n{study.summary}\n{study.body}".lower()


def test_header_search_finds_a_phrase_of_one_body_first(page: Watched, site_url: str, demo) -> None:
    phrase = "family room next to the playground"
    holders = [s for s in demo.case_studies if phrase in s.body]
    assert len(holders) == 1 and phrase not in holders[0].summary.lower()

    page.page.goto(site_url)
    page.page.keyboard.press("/")
    page.page.keyboard.type(phrase)
    page.page.keyboard.press("Enter")

    assert results(page)[0] == holders[0].title
    assert urlparse(page.page.url).path == "/area/search/"


def test_theme_alias_finds_entries_of_the_theme(page: Watched, site_url: str, demo) -> None:
    alias, theme, hidden = next(
        (alias, theme, studies)
        for theme in demo.area.themes.values()
        for alias in theme.aliases
        for studies in [
            [s for s in demo.by_theme[theme.id].case_studies if alias.lower() not in text_of(s)]
        ]
        if studies and len(alias) > 4
    )

    page.page.goto(site_url + f"search/?q={alias}")
    found = all_results(page)

    assert {s.title for s in hidden} & set(found), f"{alias!r} should find {theme.title}"


def test_facet_narrows_the_list_and_is_kept_in_the_url(page: Watched, site_url: str) -> None:
    before = result_count_for(page, site_url + "search/?q=reading")

    page.page.get_by_role("group", name="Kind").get_by_label(re.compile("^Case study")).check()
    page.page.wait_for_url(re.compile(r"kind=Case\+study"))
    after = result_count(page)

    assert 0 < after < before
    kinds = page.page.locator("[data-ak-results] .ak-result__kind").all_text_contents()
    assert set(kinds) == {"Case study"}
    assert parse_qs(urlparse(page.page.url).query) == {"q": ["reading"], "kind": ["Case study"]}


def result_count_for(watched: Watched, url: str) -> int:
    watched.page.goto(url)
    return result_count(watched)


def test_filters_without_a_query_match_the_content(page: Watched, site_url: str, demo) -> None:
    send = demo.by_theme["send"].case_studies

    count = result_count_for(page, site_url + "search/?theme=SEND&kind=Case+study")

    assert count == len(send)
    assert set(all_results(page)) == {s.title for s in send}


def test_facet_counts_equal_counts_from_the_content(page: Watched, site_url: str, demo) -> None:
    page.page.goto(site_url + "search/?kind=Case+study")
    results(page)

    def count(facet: str, value: str) -> int:
        label = page.page.get_by_role("group", name=facet).get_by_label(re.compile(f"^{value} "))
        text = page.page.locator(f"label[for='{label.get_attribute('id')}']").text_content()
        return int(re.search(r"\((\d+)\)", text or "").group(1))  # type: ignore[union-attr]

    assert count("Kind", "Case study") == len(demo.case_studies)
    assert count("Kind", "Expert") == len(demo.practitioners)
    primary = [s for s in demo.case_studies if "primary" in s.phases]
    assert count("Phase", "Primary") == len(primary)


def test_values_of_one_facet_are_ored_and_facets_anded(page: Watched, site_url: str, demo) -> None:
    either = {s.title for s in demo.case_studies if {"send", "attendance"} & set(s.themes)}
    both_and_primary = {
        s.title
        for s in demo.case_studies
        if {"send", "attendance"} & set(s.themes) and "primary" in s.phases
    }

    page.page.goto(site_url + "search/?kind=Case+study&theme=SEND&theme=Attendance")
    assert set(all_results(page)) == either
    page.page.goto(site_url + "search/?kind=Case+study&theme=SEND&theme=Attendance&phase=Primary")
    assert set(all_results(page)) == both_and_primary


def test_shared_search_url_reloads_to_the_same_results(
    page: Watched, site_url: str, browser
) -> None:
    page.page.goto(site_url + "search/?q=attendance")
    results(page)
    page.page.get_by_role("group", name="Phase").get_by_label(re.compile("^Primary")).check()
    page.page.wait_for_url(re.compile("phase=Primary"))
    shown = results(page)

    other = Watched(browser.new_page(), site_url)
    other.page.goto(page.page.url)
    assert results(other) == shown
    other.check()


def test_opening_a_result_goes_to_its_page(page: Watched, site_url: str) -> None:
    first = search(page, site_url, "Walking Register")[0]

    page.page.get_by_role("link", name=first).click()

    page.page.wait_for_url(re.compile("/area/case-studies/"))
    assert page.page.locator("article h1").text_content() == first


def test_sort_by_date_puts_newest_first(page: Watched, site_url: str, demo) -> None:
    page.page.goto(site_url + "search/?kind=Case+study&sort=newest")

    assert results(page)[:3] == [s.title for s in demo.case_studies[:3]]


def test_drafts_and_unlisted_people_are_not_found(page: Watched, site_url: str, demo) -> None:
    content = load_area(str(REPO / "content"))
    drafts = [s for s in content.case_studies.values() if s.status == "draft"]
    hidden = [p for p in content.practitioners.values() if p.id not in demo.area.practitioners]
    assert drafts and hidden
    for query in [*(p.name for p in hidden), drafts[0].title]:
        page.page.goto(site_url + f"search/?q={query}")
        found = results(page)
        assert query not in found
        assert all(p.name not in found for p in hidden)


def test_site_built_for_a_sub_path_loads_search_from_it(page: Watched, site_url: str) -> None:
    loaded: list[str] = []
    page.page.on("request", lambda r: loaded.append(urlparse(r.url).path))

    search(page, site_url, "phonics")

    pagefind = [path for path in loaded if "/pagefind/" in path]
    assert pagefind and all(path.startswith("/area/pagefind/") for path in pagefind)


def test_first_search_transfer_is_small(page: Watched, site_url: str) -> None:
    sizes: list[int] = []
    page.page.on(
        "requestfinished",
        lambda r: "/pagefind/" in r.url and sizes.append(r.sizes()["responseBodySize"]),
    )

    search(page, site_url, "attendance")

    print(f"\nfirst search transferred {sum(sizes) / 1024:.0f} KiB in {len(sizes)} requests")
    assert 0 < sum(sizes) < 300 * 1024


def test_search_and_its_filters_work_by_keyboard_alone(page: Watched, site_url: str) -> None:
    keys = page.page.keyboard
    page.page.goto(site_url)
    keys.press("/")
    keys.type("attendance")
    keys.press("Enter")
    before = len(all_results(page))

    for _ in range(60):
        keys.press("Tab")
        focused = page.page.evaluate("document.activeElement.getAttribute('name')")
        if focused == "kind":
            break
    else:
        raise AssertionError("Tab never reached a filter")
    keys.press("Space")

    page.page.wait_for_url(re.compile("kind="))
    after = all_results(page)
    assert 0 < len(after) < before
