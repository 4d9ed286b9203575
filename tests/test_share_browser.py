"""The "Share your practice" page in Chromium: what it writes must pass the validator."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlparse

import pytest

from area_knowledge import build_indexes, load_area, publish
from area_knowledge.reading.values import slugify
from browser import Watched, serve
from conftest import MAILBOX, REPO, AreaWriter, build_site

pytestmark = pytest.mark.browser

CASE_STUDY = "form[data-ak-share-form='case-study']"
PRACTITIONER = "form[data-ak-share-form='practitioner']"
AWKWARD = 'Reading: "a fresh start" #1 — Zoë’s class, 50% more & <b>bold</b>'


@pytest.fixture(scope="module")
def demo():
    return build_indexes(publish(load_area(str(REPO / "content")), MAILBOX))


def prepared(watched: Watched, form: str) -> tuple[str, str, str]:
    """Press "Prepare the file"; the file's path, its text and the GitHub link."""
    scope = watched.page.locator(form)
    scope.get_by_role("button", name="Prepare the file").click()
    area = scope.locator("[data-ak-file]")
    area.wait_for()
    link = scope.locator("[data-ak-propose]").get_attribute("href") or ""
    return area.get_attribute("data-ak-file") or "", area.input_value(), link


def problems_with(tmp_path: Path, path: str, text: str) -> list[str]:
    """Problems the validator finds in `text`, saved at `path` in a copy of the demo."""
    root = tmp_path / "area"
    shutil.copytree(REPO / "content", root / "content")
    target = root / path
    assert not target.exists(), f"{path} would overwrite an existing file"
    target.write_text(text, encoding="utf-8")
    area = load_area(str(root / "content"), shown_from=str(root))
    return [str(p) for p in area.problems if p.path == path]


def fill_case_study(watched: Watched, demo: Any, choice: str) -> None:
    form = watched.page.locator(CASE_STUDY)
    themes = list(demo.area.themes.values())
    studies_schools = sorted(demo.area.schools)
    if choice == "minimal":
        form.get_by_label("Title").fill("Breakfast club")
        form.get_by_label("Summary").fill("A free breakfast club cut lateness by half.")
        form.get_by_role("group", name="Themes").get_by_label(themes[0].title, exact=True).check()
        form.get_by_label("Schools that did the work").select_option(str(studies_schools[0]))
        return
    form.get_by_label("Title").fill(AWKWARD if choice == "awkward" else "Everything chosen")
    form.get_by_label("Summary").fill(("Pupils: “up 18 months” # not a comment. " * 8)[:300])
    theme_group = form.get_by_role("group", name="Themes")
    for theme in themes if choice == "everything" else themes[-2:]:
        theme_group.get_by_label(theme.title, exact=True).check()
    form.get_by_label("Schools that did the work").select_option(str(studies_schools[1]))
    for number, urn in enumerate(studies_schools[2:4], start=2):
        form.get_by_role("button", name="Add another school").click()
        form.get_by_label(f"School {number}", exact=True).select_option(str(urn))
    form.locator("select[name=hub]").select_option(index=1)
    form.get_by_label("Whom to ask").select_option(index=1)
    if choice == "everything":
        form.get_by_role("button", name="Add another contact").click()
        form.get_by_label("Contact 2", exact=True).select_option(index=2)
    for phase in ("Primary", "Post-16"):
        form.get_by_role("group", name="Phases").get_by_label(phase, exact=True).check()
    form.get_by_role("button", name="Add a result").click()
    rows = form.locator(".ak-impact__row")
    for index, evidence in enumerate(("school-data", "external-evaluation")):
        rows.nth(index).locator("[name=measure]").fill(f"Measure: {AWKWARD}")
        rows.nth(index).locator("[name=result]").fill("From 7.8 to 8.9 out of 10")
        rows.nth(index).locator("[name=evidence]").select_option(evidence)
    form.get_by_label("Context").fill(
        f"{AWKWARD}\n\n- a list\n- ---\n\n---\n\ntitle: not front matter"
    )
    form.get_by_label("What we did").fill("Twice a week, for eight weeks.\r\nThen termly.")


@pytest.mark.parametrize("choice", ["minimal", "everything", "awkward"])
def test_case_study_form_writes_a_file_that_validates(
    page: Watched, site_url: str, demo, tmp_path: Path, choice: str
) -> None:
    page.page.goto(site_url + "share/")
    fill_case_study(page, demo, choice)

    path, text, _ = prepared(page, CASE_STUDY)

    assert path.startswith("content/case-studies/") and path.endswith(".md")
    assert problems_with(tmp_path, path, text) == []


def test_case_study_keeps_the_contributors_words(
    page: Watched, site_url: str, demo, tmp_path: Path
) -> None:
    page.page.goto(site_url + "share/")
    fill_case_study(page, demo, "awkward")

    path, text, _ = prepared(page, CASE_STUDY)
    root = tmp_path / "check"
    shutil.copytree(REPO / "content", root / "content")
    (root / path).write_text(text, encoding="utf-8")
    study = load_area(str(root / "content")).case_studies[Path(path).stem]

    assert study.title == AWKWARD
    assert study.impact[0].measure == f"Measure: {AWKWARD}"
    assert "title: not front matter" in study.body


def test_practitioner_form_writes_a_listing_that_validates(
    page: Watched, site_url: str, demo, tmp_path: Path
) -> None:
    page.page.goto(site_url + "share/")
    form = page.page.locator(PRACTITIONER)
    form.get_by_label("Your name").fill("Zoë O’Neill-Brown")
    form.get_by_label("Your role").fill("SENCO: primary")
    form.get_by_label("Your school").select_option(str(sorted(demo.area.schools)[0]))
    form.get_by_role("group", name="Your areas of expertise").get_by_label("SEND").check()
    form.get_by_label("Specialist Leader of Education").check()
    form.get_by_label("Coaching", exact=True).check()
    form.get_by_label("Availability").select_option("limited")
    form.get_by_label("Work e-mail", exact=True).fill("z.oneill@school.sch.uk")
    form.get_by_label("Experience").fill("Twelve years as a SENCO.")
    form.get_by_label("I agree to my name").check()

    path, text, _ = prepared(page, PRACTITIONER)

    assert path == f"content/practitioners/{slugify('Zoë O’Neill-Brown')}.md"
    assert problems_with(tmp_path, path, text) == []


def test_propose_link_opens_githubs_new_file_page_with_path_and_content(
    page: Watched, site_url: str, demo
) -> None:
    page.page.goto(site_url + "share/")
    fill_case_study(page, demo, "minimal")

    path, text, link = prepared(page, CASE_STUDY)
    url = urlparse(link)
    query = parse_qs(url.query)

    assert url.netloc == "github.com"
    assert url.path == "/castlebrook-partnership/area-knowledge/new/main/content/case-studies"
    assert query["filename"] == [Path(path).name]
    assert query["value"] == [text]


def test_new_id_never_takes_a_published_entrys_file(page: Watched, site_url: str, demo) -> None:
    taken = demo.case_studies[0]
    page.page.goto(site_url + "share/")
    fill_case_study(page, demo, "minimal")
    page.page.locator(CASE_STUDY).get_by_label("Title").fill(taken.id.replace("-", " ").upper())

    path, _, _ = prepared(page, CASE_STUDY)

    assert path == f"content/case-studies/{taken.id}-2.md"


def test_missing_answers_are_summarised_and_linked_to_their_fields(
    page: Watched, site_url: str
) -> None:
    page.page.goto(site_url + "share/")
    form = page.page.locator(CASE_STUDY)

    form.get_by_role("button", name="Prepare the file").click()

    summary = form.locator("[data-ak-summary]")
    assert summary.evaluate("el => el === document.activeElement")
    items = summary.locator("li a").all_text_contents()
    assert items == [
        "Enter a title",
        "Enter a summary of what was done and what changed",
        "Choose at least one theme",
        "Choose at least one school",
    ]
    summary.get_by_role("link", name="Enter a title").click()
    assert page.page.evaluate("document.activeElement.id") == "cs-title"
    assert form.locator("#cs-title").get_attribute("aria-invalid") == "true"


def test_share_form_can_be_completed_with_the_keyboard_alone(
    page: Watched, site_url: str, demo, tmp_path: Path
) -> None:
    keys = page.page.keyboard
    page.page.goto(site_url + "share/")
    page.page.locator(PRACTITIONER).scroll_into_view_if_needed()

    def tab_to(element_id: str) -> None:
        for _ in range(200):
            keys.press("Tab")
            if page.page.evaluate("document.activeElement.id") == element_id:
                return
        raise AssertionError(f"Tab never reached #{element_id}")

    tab_to("pr-name")
    keys.type("Kemi Adeyinka")
    tab_to("pr-role")
    keys.type("Reading lead")
    tab_to("pr-school-1")
    keys.press("ArrowDown")
    tab_to("pr-themes-1")
    keys.press("Space")
    tab_to("pr-consent")
    keys.press("Space")
    keys.press("Tab")
    keys.press("Enter")

    form = page.page.locator(PRACTITIONER)
    form.locator("[data-ak-file]").wait_for()
    assert page.page.evaluate("document.activeElement.textContent") == "Your file is ready"
    path = form.locator("[data-ak-file]").get_attribute("data-ak-file") or ""
    assert problems_with(tmp_path, path, form.locator("[data-ak-file]").input_value()) == []


def test_without_javascript_the_page_offers_templates_to_copy(browser, site_url: str) -> None:
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(site_url + "share/")

    assert not page.locator(CASE_STUDY).is_visible()
    page.get_by_text("Template for a case study").click()
    template = page.locator("details.ak-template pre").first.text_content() or ""
    assert template.startswith("---\n") and "title:" in template
    context.close()


LISTS = "**/data/area-lists.json"


def test_schools_and_experts_arrive_as_text_in_their_localities(
    page: Watched, site_url: str
) -> None:
    # The page holds no list of its own: a large area's would make it too heavy to load.
    hostile = '<img src=x onerror="document.title=1">'
    lists = {
        "school": [["1", hostile, "Old Town"], ["2", "Brook", "Old Town"], ["3", "C", "<b>"]],
        "hub": [["h", "Reading hub"]],
        "practitioner": [["p", hostile]],
    }
    page.page.route(LISTS, lambda route: route.fulfill(json=lists))
    page.page.goto(site_url + "share/")
    form = page.page.locator(CASE_STUDY)
    schools = form.get_by_label("Schools that did the work")
    schools.locator("option[value='3']").wait_for(state="attached")

    groups = schools.locator("optgroup").evaluate_all(
        "groups => groups.map(g => [g.label, g.children.length])"
    )
    assert groups == [["Old Town", 2], ["<b>", 1]]
    assert schools.locator("option[value='1']").text_content() == hostile
    assert form.get_by_label("Whom to ask").locator("option").all_text_contents() == [
        "Nobody yet",
        hostile,
    ]
    assert form.locator("select img").count() == 0
    assert page.page.title() != "1"


def test_a_school_added_before_the_lists_arrive_is_filled_when_they_do(
    page: Watched, site_url: str, demo
) -> None:
    held: list[Any] = []
    page.page.route(LISTS, lambda route: held.append(route))
    page.page.goto(site_url + "share/")
    form = page.page.locator(CASE_STUDY)
    form.get_by_role("button", name="Add another school").click()
    assert form.get_by_label("School 2", exact=True).locator("option").count() == 1

    held[0].continue_()

    urn = str(sorted(demo.area.schools)[-1])
    form.get_by_label("School 2", exact=True).select_option(urn)
    form.get_by_label("Schools that did the work").select_option(urn)


def test_lists_that_cannot_be_loaded_say_so_and_offer_the_templates(
    browser: Any, site_url: str
) -> None:
    context = browser.new_context()
    page = context.new_page()
    page.route(LISTS, lambda route: route.abort())
    page.goto(site_url + "share/")

    message = page.get_by_role("alert").filter(has_text="could not be loaded")
    message.wait_for()
    schools = page.locator(CASE_STUDY).get_by_label("Schools that did the work")
    assert schools.locator("option").all_text_contents() == ["Choose a school"]
    message.get_by_role("link", name="write the file yourself").click()
    assert page.url.endswith("share/#templates")
    context.close()


def test_a_long_vocabulary_is_chosen_a_theme_at_a_time_from_its_broad_themes(
    browser: Any, area: AreaWriter, tmp_path: Path
) -> None:
    # 450 themes as boxes to tick would be a page too long to load or to read.
    area.long_vocabulary(150)
    site = build_site(area.mkdocs_yml(), tmp_path / "site", site_url="http://127.0.0.1/area/")
    assert 'name="themes" value=' not in (site / "share" / "index.html").read_text("utf-8")
    with serve(site) as url:
        context = browser.new_context()
        watched = Watched(context.new_page(), url)
        watched.page.goto(url + "share/")
        form = watched.page.locator(CASE_STUDY)
        themes = form.get_by_label("Themes (required)")
        themes.locator("option[value='theme-149-later']").wait_for(state="attached")
        groups = themes.locator("optgroup").evaluate_all("groups => groups.map(g => g.label)")
        assert groups == [f"Theme {n:03}" for n in range(150)]

        themes.select_option("theme-149-later")
        form.get_by_role("button", name="Add another theme").click()
        form.get_by_label("Theme 2", exact=True).select_option("theme-000")
        form.get_by_label("Title").fill("Breakfast club")
        form.get_by_label("Summary").fill("A free breakfast club cut lateness by half.")
        form.get_by_label("Schools that did the work").select_option("100001")
        form.get_by_role("button", name="Prepare the file").click()
        text = form.locator("[data-ak-file]").input_value()
        context.close()
    assert "themes:\n  - theme-149-later\n  - theme-000\n" in text
    watched.check()
