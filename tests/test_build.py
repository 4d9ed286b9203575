"""Real builds: the demo area and small areas, checked through their links and text."""

from __future__ import annotations

import html
import logging
import re
import zlib
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urljoin, urlparse

import pytest
from pdf_files import document

from area_knowledge import build_indexes, load_area, publish
from conftest import (
    MAILBOX,
    REPO,
    SCHOOLS,
    THEMES,
    TODAY,
    Abort,
    AreaWriter,
    BuildLog,
    build_site,
    captured_log,
    read_page,
)


class Links(HTMLParser):
    """Links of a page's article, by their text; and every URL the page would load."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.in_article = 0
        self.href: str | None = None
        self.text = ""
        self.links: list[tuple[str, str]] = []
        self.loads: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attributes = dict(attrs)
        if tag == "article":
            self.in_article += 1
        if tag == "a" and self.in_article:
            self.href, self.text = attributes.get("href"), ""
        if tag in {"script", "img", "iframe", "source", "audio", "video"} and attributes.get("src"):
            self.loads.append(attributes["src"] or "")
        if tag == "link" and attributes.get("rel") not in {"canonical", "alternate"}:
            self.loads.append(attributes.get("href") or "")

    def handle_endtag(self, tag: str) -> None:
        if tag == "article":
            self.in_article -= 1
        if tag == "a" and self.href is not None:
            self.links.append((" ".join(self.text.split()), self.href))
            self.href = None

    def handle_data(self, data: str) -> None:
        if self.href is not None:
            self.text += data


class Site:
    """A built site, read as a browser would follow it."""

    def __init__(self, root: Path) -> None:
        self.root = root

    def page(self, url: str) -> Links:
        parser = Links()
        parser.feed(self.file(url).read_text(encoding="utf-8"))
        return parser

    def file(self, url: str) -> Path:
        path = urlparse(url).path.lstrip("/")
        target = self.root / path
        return target / "index.html" if path.endswith("/") or path == "" else target

    def follow(self, url: str, text: str) -> str:
        """The URL reached by clicking the article link whose text is `text`."""
        links = self.page(url).links
        for link_text, href in links:
            if link_text == text:
                target = urljoin(url, href)
                assert self.file(target).is_file(), f"{text!r} on {url} leads nowhere: {href}"
                return target
        raise AssertionError(f"no link {text!r} on {url}; links are {[t for t, _ in links]}")

    def text(self) -> str:
        return "\n".join(
            p.read_text(encoding="utf-8", errors="replace")
            for p in self.root.rglob("*")
            if p.is_file() and p.suffix in {".html", ".xml", ".json", ".js", ".txt", ".css", ".csv"}
        )


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Site:
    with captured_log() as handler:
        site = build_site(REPO / "mkdocs.yml", tmp_path_factory.mktemp("demo") / "site")
    assert handler.at_least(logging.WARNING) == []
    return Site(site)


@pytest.fixture(scope="module")
def demo_area():
    return build_indexes(publish(load_area(str(REPO / "content")), MAILBOX))


def test_demo_follows_theme_to_case_study_to_school_to_person_and_back(demo, demo_area) -> None:
    study = next(
        s for s in demo_area.case_studies if s.contacts and demo_area.listed(s.contacts[0])
    )
    theme = demo_area.area.themes[study.themes[0]]
    school = demo_area.area.schools[study.schools[0]]
    person = demo_area.listed(study.contacts[0])

    study_url = demo.follow(f"/themes/{theme.id}/", study.title)
    assert demo.follow(study_url, theme.title) == f"/themes/{theme.id}/"
    school_url = demo.follow(study_url, school.name)
    assert demo.follow(school_url, study.title) == study_url
    person_url = demo.follow(study_url, person.name)
    assert demo.follow(person_url, study.title) == study_url


def test_demo_has_no_draft_and_no_hidden_person_anywhere(demo, demo_area) -> None:
    content = load_area(str(REPO / "content"))
    drafts = [s for s in content.case_studies.values() if s.status == "draft"]
    hidden = [p for p in content.practitioners.values() if p.id not in demo_area.area.practitioners]
    assert drafts and len(hidden) >= 2, "the demo must show both rules"
    everything = demo.text()

    for draft in drafts:
        assert draft.title not in everything
        assert not (demo.root / "case-studies" / draft.id).exists()
    for person in hidden:
        assert person.name not in everything
        assert not (demo.root / "practitioners" / person.id).exists()


def test_demo_archived_case_study_is_reachable_marked_and_unlisted(demo, demo_area) -> None:
    [archived] = demo_area.archived
    page = demo.file(f"/case-studies/{archived.id}/").read_text(encoding="utf-8")

    assert "Archived case study" in page
    listing = demo.page("/case-studies/")
    assert archived.title not in [text for text, _ in listing.links]


def test_demo_pages_load_nothing_from_another_host(demo) -> None:
    for page in demo.root.rglob("*.html"):
        loads = Links()
        loads.feed(page.read_text(encoding="utf-8"))
        foreign = [url for url in loads.loads if urlparse(url).netloc]
        assert foreign == [], f"{page} loads {foreign}"
    for sheet in demo.root.rglob("*.css"):
        assert not re.search(r"url\(\s*['\"]?(https?:)?//", sheet.read_text(encoding="utf-8"))


def test_demo_nav_holds_sections_not_entries(demo, demo_area) -> None:
    page = demo.file(f"/case-studies/{demo_area.case_studies[0].id}/").read_text(encoding="utf-8")
    start = page.index("md-nav--primary")
    nav = page[start : page.index("md-nav--secondary", start)]

    for section in ("Case studies", "Hubs", "Experts", "Themes", "Schools"):
        assert section in nav
    for study in demo_area.case_studies:
        assert study.title not in nav
    assert nav.count('class="md-nav__link') < 15


def test_build_writes_nothing_into_content(area: AreaWriter, tmp_path: Path) -> None:
    area.practitioner("ada-lovelace")
    area.case_study("phonics", contacts=["ada-lovelace"])
    config = area.mkdocs_yml()
    before = {p: p.read_bytes() for p in area.content.rglob("*") if p.is_file()}

    build_site(config, tmp_path / "site")

    assert {p: p.read_bytes() for p in area.content.rglob("*") if p.is_file()} == before


def test_hidden_contact_and_lead_point_to_the_partnership_mailbox(
    area: AreaWriter, tmp_path: Path
) -> None:
    area.practitioner("ada-lovelace", name="Ada Quill", status="withdrawn")
    area.practitioner("bo-lapsed", name="Bo Lapsed", review_by="2020-01-01")
    area.hub("send-hub", lead="ada-lovelace")
    area.case_study(
        "phonics",
        contacts=["bo-lapsed"],
        body="Ask Ada Quill about the phonics clinic.",
    )
    site = Site(build_site(area.mkdocs_yml(), tmp_path / "site"))

    for url in ("/hubs/send-hub/", "/case-studies/phonics/"):
        links = dict(site.page(url).links)
        assert links["contact the partnership"] == "mailto:hello@partnership.example", url
    text = site.text()
    assert "Ada Quill" not in text and "Bo Lapsed" not in text
    assert "Ask [name withheld] about the phonics clinic." in text


def test_contributor_text_cannot_inject_markup_into_generated_pages(
    area: AreaWriter, tmp_path: Path
) -> None:
    area.case_study("sneaky", title="Phonics <b>bold</b> [x](https://example.org) *star*")
    site = Site(build_site(area.mkdocs_yml(), tmp_path / "site"))

    listing = site.file("/case-studies/").read_text(encoding="utf-8")
    assert "<b>bold" not in listing and "&lt;b&gt;bold&lt;/b&gt;" in listing
    assert 'href="https://example.org"' not in listing
    assert "[x](https://example.org) *star*" in listing


def test_markup_that_could_run_script_in_a_title_is_refused(
    area: AreaWriter, tmp_path: Path, build_log: BuildLog
) -> None:
    area.case_study("sneaky", title="Phonics <script>alert(1)</script>")

    site = build_site(area.mkdocs_yml(), tmp_path / "site", strict=False)

    assert any("sneaky.md:2: title: <script> is not allowed" in m for m in build_log.at_least(30))
    assert "alert(1)" not in Site(site).text()


def test_content_error_fails_a_strict_build_naming_file_and_field(
    area: AreaWriter, tmp_path: Path, build_log: BuildLog
) -> None:
    area.case_study("bad", themes=["Sned"])

    with pytest.raises(Abort()):
        build_site(area.mkdocs_yml(), tmp_path / "site")
    assert build_log.at_least(logging.WARNING)[0] == (
        "content/case-studies/bad.md:5: themes: unknown theme 'Sned': did you mean 'send'?"
    )


def test_expired_listing_never_breaks_a_strict_build(
    area: AreaWriter, tmp_path: Path, build_log: BuildLog
) -> None:
    area.practitioner("bo-lapsed", review_by="2020-01-01")

    build_site(area.mkdocs_yml(), tmp_path / "site")

    assert build_log.at_least(logging.WARNING) == []
    assert any("bo-lapsed.md" in m for m in build_log.at_least(logging.INFO))


def test_a_lapsed_listing_named_as_a_school_never_breaks_the_build(
    area: AreaWriter, tmp_path: Path, build_log: BuildLog
) -> None:
    schools = [dict(s) for s in SCHOOLS]
    schools[0]["name"] = "St Thomas More Catholic Primary School"
    schools[1]["name"] = "Thomas More Academy"
    area.register("schools.yml", schools)
    area.practitioner("thomas-more", name="Thomas More", review_by="2020-01-01")
    area.case_study(
        "st-thomas-more-calls",
        title="First-day calls at St Thomas More",
        body="Thomas More phoned families. Thomas More Academy joined in.",
        schools=[100001, 100002],
    )

    site = build_site(area.mkdocs_yml(), tmp_path / "site")

    assert build_log.at_least(logging.WARNING) == []
    page = read_page(site, "case-studies/st-thomas-more-calls/index.html")
    assert "First-day calls at St Thomas More" in page and "Thomas More Academy" in page
    assert "[name withheld] phoned families" in page


def test_an_entry_whose_file_name_names_a_withheld_person_is_left_off(
    area: AreaWriter, tmp_path: Path, build_log: BuildLog
) -> None:
    area.practitioner("ann-lee", status="withdrawn")
    area.case_study("ann-lee-coaching", title="Coaching")

    site = build_site(area.mkdocs_yml(), tmp_path / "site")

    assert build_log.at_least(logging.WARNING) == []
    assert not (site / "case-studies" / "ann-lee-coaching").exists()
    assert any(
        "ann-lee-coaching.md:1: warning: is left off the site" in m
        for m in build_log.at_least(logging.INFO)
    )


def test_an_attachment_whose_text_names_a_withheld_person_is_left_off(
    area: AreaWriter, tmp_path: Path, build_log: BuildLog
) -> None:
    area.practitioner("ann-lee", status="withdrawn")
    named = zlib.compress(b"BT /F1 18 Tf 50 700 Td (Ask Ann Lee for the plans) Tj ET")
    attachments = area.content / "attachments"
    attachments.mkdir()
    (attachments / "plans.pdf").write_bytes(
        document(named, content_entries=b"/Filter /FlateDecode")
    )
    (attachments / "results.pdf").write_bytes(document())
    area.case_study("coaching", body="See [the plans](../attachments/plans.pdf).")

    site = build_site(area.mkdocs_yml(), tmp_path / "site")

    assert build_log.at_least(logging.WARNING) == []
    assert (site / "attachments" / "results.pdf").exists()
    assert not (site / "attachments" / "plans.pdf").exists()
    assert any(
        "attachments/plans.pdf:1: warning: is left off the site: its text names a person" in m
        for m in build_log.at_least(logging.INFO)
    )
    page = read_page(site, "case-studies/coaching/index.html")
    assert "Ann Lee" not in page
    assert ">the plans</a>." in page and "plans.pdf" not in page


def test_built_under_a_sub_path_links_stay_inside_it(area: AreaWriter, tmp_path: Path) -> None:
    area.case_study("phonics")
    site = Site(build_site(area.mkdocs_yml(), tmp_path / "site"))

    for text, href in site.page("/themes/reading/").links:
        assert not href.startswith("/"), f"{text} links to the host root: {href}"
    _ = TODAY


def test_every_entry_page_links_to_edit_its_file(demo, demo_area) -> None:
    entries = [*demo_area.case_studies, *demo_area.hubs, *demo_area.practitioners]
    for entry in entries:
        folder = entry.path.split("/")[1]
        html = demo.file(f"/{folder}/{entry.id}/").read_text(encoding="utf-8")
        edit = f"/edit/main/content/{folder}/{entry.id}.md"
        assert re.search(rf'href="[^"]+{re.escape(edit)}">Edit this page on GitHub<', html), entry


def test_entry_with_unsafe_markup_is_reported_and_not_published(
    area: AreaWriter, tmp_path: Path, build_log: BuildLog
) -> None:
    area.case_study("hostile", body="Hello <script>alert(1)</script>")
    area.case_study("fine")

    site = build_site(area.mkdocs_yml(), tmp_path / "site", strict=False)

    [message] = build_log.at_least(logging.WARNING)
    assert message.startswith("content/case-studies/hostile.md:") and "<script>" in message
    assert not (site / "case-studies" / "hostile").exists()
    assert (site / "case-studies" / "fine" / "index.html").is_file()
    assert "alert(1)" not in Site(site).text()


def test_hidden_name_in_a_title_or_summary_is_withheld_everywhere(
    area: AreaWriter, tmp_path: Path
) -> None:
    area.practitioner("ada", name="Ada Quill", status="withdrawn")
    area.case_study(
        "coaching",
        title="Coaching with Ada Quill",
        summary="Ada Quill coached twelve new teachers.",
    )
    site = Site(build_site(area.mkdocs_yml(), tmp_path / "site"))

    page = site.file("/case-studies/coaching/").read_text(encoding="utf-8")
    assert "<title>Coaching with [name withheld]" in page
    assert "Ada Quill" not in site.text()


def test_demo_heading_shows_an_apostrophe_as_written(demo, demo_area) -> None:
    school = next(s for s in demo_area.schools_with_pages if "'" in s.name)
    page = demo.file(f"/schools/{school.urn}/").read_text(encoding="utf-8")
    heading = re.search(r"<h1[^>]*>(.*?)</h1>", page, re.S)

    assert heading is not None
    assert html.unescape(re.sub(r"<[^>]+>", "", heading.group(1))).strip() == school.name


def test_a_second_file_for_a_withdrawn_person_is_left_off_and_the_site_still_builds(
    area: AreaWriter, tmp_path: Path, build_log: BuildLog
) -> None:
    area.practitioner("ann-lee", status="withdrawn", contact="a.lee@school.sch.uk")
    area.practitioner("a-lee", name="Ann Lee", contact="a.lee@school.sch.uk")
    area.case_study("coaching", body="Ann Lee coached the team.")

    # A build stopped would leave the last site up, naming her still.
    site = build_site(area.mkdocs_yml(), tmp_path / "site")

    assert build_log.at_least(logging.WARNING) == []
    assert not (site / "practitioners" / "a-lee").exists()
    assert any(
        "a-lee.md:1: warning: is left off the site: it has the name or address of "
        "content/practitioners/ann-lee.md" in m
        for m in build_log.at_least(logging.INFO)
    )
    assert not [p for p in site.rglob("*") if p.is_file() and b"Ann Lee" in p.read_bytes()]


@pytest.mark.parametrize(
    "name",
    ["A. Lee", "Lee, Ann", "AnnLee", "Ms Lee", "Ms Ramaswamy", "P. Holt", "Priya Holt-Ramaswamy"],
)
def test_a_listed_file_that_writes_a_withdrawn_name_another_way_is_left_off(
    area: AreaWriter, tmp_path: Path, build_log: BuildLog, name: str
) -> None:
    withdrawn = "priya-ramaswamy-holt" if "Ramaswamy" in name or "Holt" in name else "ann-lee"
    full = {"ann-lee": "Ann Lee", "priya-ramaswamy-holt": "Priya Ramaswamy-Holt"}[withdrawn]
    area.practitioner(withdrawn, status="withdrawn", name=full)
    area.practitioner("coach", name=name)

    # Perhaps the same person, perhaps not: left off, and the site still builds.
    site = build_site(area.mkdocs_yml(), tmp_path / "site")

    assert build_log.at_least(logging.WARNING) == []
    assert not (site / "practitioners" / "coach").exists()
    assert any(
        f"coach.md:1: warning: is left off the site: its name, '{name}', may be another way "
        f"of writing that of content/practitioners/{withdrawn}.md" in m
        for m in build_log.at_least(logging.INFO)
    )


@pytest.mark.parametrize("name", ["Ann-Marie Lee", "Ann Mary Lee", "Sam Lee", "Anne Lee"])
def test_a_listed_person_whose_name_holds_a_withdrawn_ones_parts_is_listed(
    area: AreaWriter, tmp_path: Path, build_log: BuildLog, name: str
) -> None:
    area.practitioner("ann-lee", status="withdrawn")
    area.practitioner("coach", name=name)

    site = build_site(area.mkdocs_yml(), tmp_path / "site")

    assert build_log.at_least(logging.WARNING) == []
    assert name in html.unescape(read_page(site, "practitioners/coach/index.html"))


def test_a_listed_person_whose_file_name_names_a_withdrawn_one_is_left_off(
    area: AreaWriter, tmp_path: Path, build_log: BuildLog
) -> None:
    area.practitioner("a-lee", name="Ann Lee", status="withdrawn")
    # Copied from her file and given to a colleague: its name would be the page's address.
    area.practitioner("ann-lee-coaching", name="Sam Doe")
    # Their own name in a file name is theirs, though it holds a withdrawn one's.
    area.practitioner("ann-lee-smith", name="Ann Lee-Smith")
    area.case_study("coaching", contacts=["ann-lee-coaching"])

    site = build_site(area.mkdocs_yml(), tmp_path / "site")

    assert build_log.at_least(logging.WARNING) == []
    assert not (site / "practitioners" / "ann-lee-coaching").exists()
    assert (site / "practitioners" / "ann-lee-smith" / "index.html").exists()
    assert any(
        "ann-lee-coaching.md:1: warning: is left off the site: its file name names" in m
        for m in build_log.at_least(logging.INFO)
    )
    assert "ann-lee-coaching" not in read_page(site, "case-studies/coaching/index.html")


def test_a_theme_or_page_whose_id_names_a_withdrawn_person_gets_no_address_naming_them(
    area: AreaWriter, tmp_path: Path, build_log: BuildLog
) -> None:
    area.practitioner("ann-lee", status="withdrawn")
    area.register("themes.yml", [*THEMES, {"id": "ann-lee-phonics", "title": "Phonics"}])
    area.case_study("phonics", themes=["ann-lee-phonics"], title="Phonics in Year 1")
    (area.content / "ann-lee-award.md").write_text("# The award\n\nGiven yearly.\n")

    site = build_site(area.mkdocs_yml(), tmp_path / "site")

    assert build_log.at_least(logging.WARNING) == []
    messages = build_log.at_least(logging.INFO)
    assert any(
        "themes.yml:" in m and "id: warning: 'ann-lee-phonics' names a person" in m
        for m in messages
    )
    assert any("ann-lee-award.md:1: warning: is left off the site" in m for m in messages)
    # The theme keeps its page and its case study, under an address that names no one.
    theme = read_page(site, "themes/theme-1/index.html")
    assert "Phonics in Year 1" in theme
    assert not [p for p in site.rglob("*") if "ann-lee" in p.name]
    assert not [p for p in site.rglob("*") if p.is_file() and b"ann-lee" in p.read_bytes()]


def test_a_withdrawn_person_named_in_the_themes_own_scripts_never_stops_the_site(
    area: AreaWriter, tmp_path: Path, build_log: BuildLog
) -> None:
    # The theme's scripts credit their authors, one a Thomas Robinson; a stemmer's table
    # holds "eli". Neither is a contributor's text, nor a withdrawn Thomas Robinson.
    area.practitioner("thomas-robinson", status="withdrawn")
    area.practitioner("ed-li", name="Ed Li", status="withdrawn")
    area.case_study("coaching", body="Thomas Robinson and E. Li coached the team.")

    site = build_site(area.mkdocs_yml(), tmp_path / "site")

    assert build_log.at_least(logging.WARNING) == []
    page = read_page(site, "case-studies/coaching/index.html")
    assert "[name withheld] and [name withheld] coached the team." in page


def test_a_listed_file_with_a_withdrawn_address_spelt_another_way_is_withheld(
    area: AreaWriter, tmp_path: Path, build_log: BuildLog
) -> None:
    area.practitioner("ann-lee", status="withdrawn", contact="ann.lee@school.sch.uk")
    area.practitioner("coach", name="Sam Doe", contact="annlee@school.sch.uk")
    area.case_study("coaching", body="Write to ann-lee@school.sch.uk or annlee@school.sch.uk.")

    site = build_site(area.mkdocs_yml(), tmp_path / "site")

    assert not (site / "practitioners" / "coach").exists()
    assert any(
        "coach.md:1: warning: is left off the site: it has the name or address of "
        "content/practitioners/ann-lee.md" in m
        for m in build_log.at_least(logging.INFO)
    )
    page = read_page(site, "case-studies/coaching/index.html")
    assert "Write to hello@partnership.example or hello@partnership.example." in page


def test_a_person_moved_into_a_folder_is_still_withheld(
    area: AreaWriter, tmp_path: Path, build_log: BuildLog
) -> None:
    moved = area.practitioner("ann-lee", status="withdrawn")
    (area.content / "practitioners" / "archive").mkdir()
    moved.rename(area.content / "practitioners" / "archive" / "ann-lee.md")
    area.case_study("coaching", body="Ann Lee coached the team.")

    site = build_site(area.mkdocs_yml(), tmp_path / "site", strict=False)

    assert "[name withheld] coached the team." in read_page(
        site, "case-studies/coaching/index.html"
    )
    assert not [p for p in site.rglob("*") if p.is_file() and b"Ann Lee" in p.read_bytes()]


def test_a_school_named_with_a_withheld_name_is_published_and_staff_are_told(
    area: AreaWriter, tmp_path: Path, build_log: BuildLog
) -> None:
    area.practitioner("ann-lee", status="withdrawn")
    area.register("schools.yml", [{**SCHOOLS[0], "name": "Ann Lee Academy"}, *SCHOOLS[1:]])
    area.case_study("coaching")

    site = build_site(area.mkdocs_yml(), tmp_path / "site")

    assert "Ann Lee Academy" in read_page(site, "case-studies/coaching/index.html")
    assert any(
        "ann-lee.md:1: warning: is withheld, but the name of school" in m
        and "'Ann Lee Academy'" in m
        for m in build_log.at_least(logging.INFO)
    )


def test_a_place_that_is_a_withheld_name_alone_lets_no_mention_of_them_through(
    area: AreaWriter, tmp_path: Path, build_log: BuildLog
) -> None:
    # An attacker's register row: her name as a locality, a trust and a type, which
    # as dedications would have let every mention of her through.
    area.practitioner("ann-lee", status="withdrawn")
    odd = {**SCHOOLS[0], "locality": "Ann Lee", "trust": "Ms Lee", "type": "Ann Lee"}
    area.register("schools.yml", [odd, *SCHOOLS[1:]])
    area.case_study("coaching", body="Ann Lee coached the team.")

    site = build_site(area.mkdocs_yml(), tmp_path / "site")

    assert build_log.at_least(logging.WARNING) == []
    assert "[name withheld] coached the team." in read_page(
        site, "case-studies/coaching/index.html"
    )
    assert not [p for p in site.rglob("*") if "ann-lee" in str(p.relative_to(site))]
    assert not [p for p in site.rglob("*") if p.is_file() and b"Ann Lee" in p.read_bytes()]
    assert any(
        "ann-lee.md:1: warning: is withheld, but the locality of school" in m
        and "is their name, which the site does not show there" in m
        for m in build_log.at_least(logging.INFO)
    )


def test_entry_pages_lead_back_through_breadcrumbs(demo, demo_area) -> None:
    study = demo_area.case_studies[0]
    school = demo_area.area.schools[study.schools[0]]

    assert demo.follow(f"/case-studies/{study.id}/", "Case studies") == "/case-studies/"
    school_page = demo.follow(f"/case-studies/{study.id}/", school.name)
    assert demo.follow(school_page, "Schools") == "/schools/"


def test_a_case_study_says_when_it_was_last_reviewed(demo, demo_area) -> None:
    study = next(s for s in demo_area.case_studies if s.reviewed)
    html = demo.file(f"/case-studies/{study.id}/").read_text(encoding="utf-8")

    assert f"Last reviewed {study.reviewed.day} {study.reviewed:%B %Y}" in html


def test_new_practice_is_offered_as_feeds_the_pages_name_in_their_head(demo, demo_area) -> None:
    theme = next(t for t in demo_area.area.themes.values() if t.id in demo_area.by_theme)
    for url, feed in (("/", "feed.xml"), (f"/themes/{theme.id}/", f"feed-{theme.id}.xml")):
        html = demo.file(url).read_text(encoding="utf-8")
        link = re.search(r'<link rel="alternate" type="application/atom\+xml" href="([^"]+)"', html)
        assert link, f"{url} names no feed"
        assert demo.file(urljoin(url, link[1])).name == feed
        assert demo.file(urljoin(url, link[1])).read_text(encoding="utf-8").startswith("<?xml")


def test_page_not_found_works_at_any_depth(demo) -> None:
    html = demo.file("/404.html").read_text(encoding="utf-8")
    hrefs = re.findall(r'<a [^>]*href="([^"#]+)"', html[html.index("<article") :])

    assert hrefs, "the 404 page links nowhere"
    assert all(h.startswith(("/", "https://", "mailto:")) for h in hrefs), hrefs
    assert 'role="search"' in html


def test_a_broken_link_is_reported_once_on_its_own_line(
    area: AreaWriter, tmp_path: Path, build_log: BuildLog
) -> None:
    path = area.case_study(
        "coaching", body="First line.\n\nSee [one](../nowhere.md) and [two](../nowhere.md)."
    )
    body_start = path.read_text(encoding="utf-8").splitlines().index("First line.") + 1

    build_site(area.mkdocs_yml(), tmp_path / "site", strict=False)

    reported = [m for m in build_log.at_least(logging.WARNING) if "nowhere.md" in m]
    assert reported == [
        f"content/case-studies/coaching.md:{body_start + 2}: body: links to '../nowhere.md', "
        "which is not a page or attachment of the site"
    ]


def test_a_link_to_a_draft_keeps_its_words_and_says_why(
    area: AreaWriter, tmp_path: Path, build_log: BuildLog
) -> None:
    area.case_study("plans", status="draft")
    area.case_study("coaching", body="See [the plans](plans.md).")

    site = build_site(area.mkdocs_yml(), tmp_path / "site")

    assert ">the plans</a>" in read_page(site, "case-studies/coaching/index.html")
    assert any(
        "coaching.md:" in m and "links to 'plans.md', which is not published (a draft" in m
        for m in build_log.at_least(logging.INFO)
    )
