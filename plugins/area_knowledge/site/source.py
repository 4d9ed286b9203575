"""The whole published site, as the core makes it: every page, data file and asset.

`site_source` is the one place the site is made from an area. An engine is
given exactly what it returns and nothing else: no file of `content/` reaches
it unless it is here, and every page's front matter is written here, its
values escaped for the theme, which prints them as they are.
"""

from __future__ import annotations

import html
import json
import os
from collections.abc import Callable
from dataclasses import dataclass, field

from ..contract.model import Area
from ..contract.problems import Problem
from ..contract.schema import COLLECTIONS
from ..publishing.indexes import Indexes, build_indexes
from ..publishing.knowledge_map import KnowledgeMap, knowledge_map
from ..publishing.published import PublishedArea, publish
from ..settings import Settings
from .bodies import LinkTargets
from .entry_pages import entry_pages
from .exports import data_files
from .feeds import AREA_FEED, feeds, theme_feed
from .layout import Layout, SitePage
from .page_source import PageSource, page_source
from .section_pages import section_pages
from .share import area_lists, taken_ids
from .subject_pages import subject_pages
from .urls import AREA_LISTS, ATTACHMENTS, HOME, SECTION_PAGES, TAKEN_IDS, page_uri, served_path

# Only a preview has it: a published site has no page of problems.
PREVIEW_PAGE = "_preview/index.md"
PREVIEW_DATA = "_preview/problems.json"
PREVIEW_BANNER_PROBLEMS = 5
ASSETS_FOLDER = os.path.join(os.path.dirname(__file__), "assets")
STYLESHEET = "assets/area-knowledge.css"
# The shared helpers first: the others use them.
SCRIPTS = ("assets/area-knowledge.js", "assets/search.js", "assets/share.js")


@dataclass
class SiteSource:
    """What the engine builds, and what the finishing step checks the result against."""

    published: PublishedArea
    indexes: Indexes
    kmap: KnowledgeMap
    pages: list[SitePage]
    files: dict[str, bytes]
    # Links that belong in a page's <head>, by the page's served path.
    head_links: dict[str, list[dict[str, str]]] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)
    # Above every page of a preview: where its script shows the content's problems.
    banner: str = ""
    layout: Layout | None = None

    def page_sources(self, *, stash: bool) -> dict[str, PageSource]:
        """Each page as the engine reads it, by its path in the docs folder."""
        return {page.uri: self.page_source(page, stash=stash) for page in self.pages}

    def page_source(self, page: SitePage, *, stash: bool) -> PageSource:
        """One page as the engine reads it."""
        return page_source(
            front_matter(page), self.banner + page.html, searchable=page.searchable, stash=stash
        )


def site_source(
    area: Area,
    settings: Settings,
    *,
    preview: bool = False,
    told: Callable[[str], None] | None = None,
) -> SiteSource:
    """The published site of `area`, laid out with `settings`; a preview shows its problems.
    `told` hears, every few seconds, how far a long layout has gone."""
    published = publish(area, settings.contact_email)
    ix = build_indexes(published)
    kmap = knowledge_map(ix, settings.review_years)
    layout = Layout(ix, kmap, settings, link_targets(area, ix, settings), told=told)
    layout.problems += published.problems
    pages = [*section_pages(layout), *entry_pages(layout), *subject_pages(layout)]
    files: dict[str, bytes] = {}
    for path, text in {**data_files(ix, kmap), **feeds(ix, settings)}.items():
        files[path] = text.encode("utf-8")
    files[TAKEN_IDS] = taken_ids(ix).encode("utf-8")
    files[AREA_LISTS] = area_lists(ix).encode("utf-8")
    for asset in (STYLESHEET, *SCRIPTS):
        with open(os.path.join(ASSETS_FOLDER, os.path.basename(asset)), "rb") as stream:
            files[asset] = stream.read()
    for attachment in published.attachments.values():
        files[f"{ATTACHMENTS}/{attachment.name}"] = attachment.data
    source = SiteSource(published, ix, kmap, pages, files, problems=layout.problems)
    source.layout = layout
    source.head_links = _feed_links(ix, settings)
    if preview:
        show_problems(source, area, layout)
    return source


def show_problems(source: SiteSource, area: Area, layout: Layout) -> None:
    """A preview's problems: a page of them all, and the data of a banner on every page.

    The banner is filled in by the site's script from `_preview/problems.json`,
    so that a problem found or fixed rewrites two files, not every page.
    """
    problems = [*area.problems, *layout.problems]
    source.banner = layout.render("preview_banner.html.j2", HOME, problems_url=PREVIEW_DATA)
    html = layout.render("preview_problems.html.j2", PREVIEW_PAGE, problems=problems)
    last = next((page for page in source.pages if page.uri == PREVIEW_PAGE), None)
    if last is None or last.html != html:
        # Kept as it was when the problems are, so that the engine renders it only then.
        source.pages = [page for page in source.pages if page.uri != PREVIEW_PAGE]
        source.pages.append(SitePage(PREVIEW_PAGE, "Problems in this preview", html))
    # The banner is for errors: warnings (a listing withdrawn, say) are on the page.
    errors = [p for p in problems if p.severity == "error"]
    shown = [
        {"path": p.path, "line": p.line, "field": p.field, "message": p.message}
        for p in errors[:PREVIEW_BANNER_PROBLEMS]
    ]
    data = {"errors": len(errors), "warnings": len(problems) - len(errors), "shown": shown}
    source.files[PREVIEW_DATA] = json.dumps(data, ensure_ascii=False).encode("utf-8")


def link_targets(area: Area, ix: Indexes, settings: Settings) -> LinkTargets:
    """What bodies may link to: every published page; every page that exists, for drafts."""
    published = ix.area
    pages = {
        *SECTION_PAGES,
        HOME,
        *(page_uri(s) for s in published.case_studies.values()),
        *(page_uri(h) for h in published.hubs.values()),
        *(page_uri(p) for p in published.practitioners.values()),
        *(page_uri(t) for t in published.themes.values()),
        *(page_uri(s) for s in ix.schools_with_pages),
        *published.pages,
    }
    known = {
        f"{collection.folder}/{entry_id}.md"
        for collection in COLLECTIONS
        for entry_id in getattr(area, collection.folder.replace("-", "_"))
    }
    # An attachment left off the site, as one that names someone withheld, is known too.
    known |= {
        f"{ATTACHMENTS}/{name}" for name in set(area.attachments) - set(published.attachments)
    }
    return LinkTargets(
        pages=frozenset(pages),
        known=frozenset(known | set(area.pages)),
        attachments=frozenset(published.attachments),
        directory_urls=settings.directory_urls,
    )


def front_matter(page: SitePage) -> dict[str, object]:
    """What the theme reads of a page: text it prints as it is, so escaped here."""
    # The home page's title is the site's name, which the theme writes itself.
    front: dict[str, object] = {} if page.uri == HOME else {"title": html.escape(page.title)}
    if page.description:
        front["description"] = html.escape(" ".join(page.description.split())[:300])
    if page.hide:
        front["hide"] = list(page.hide)
    return front


def _feed_links(ix: Indexes, settings: Settings) -> dict[str, list[dict[str, str]]]:
    def link(path: str, title: str) -> dict[str, str]:
        return {"rel": "alternate", "type": "application/atom+xml", "href": path, "title": title}

    area_feed = link(AREA_FEED, "New case studies")
    links = {
        served_path(HOME, settings.directory_urls): [area_feed],
        served_path("case-studies/index.md", settings.directory_urls): [area_feed],
    }
    for theme in ix.area.themes.values():
        links[served_path(page_uri(theme), settings.directory_urls)] = [
            link(theme_feed(theme.id), f"New case studies on {theme.title}")
        ]
    return links


def manifest(source: SiteSource) -> str:
    """The list of what the core wrote, for the finishing step of a build without the plugin."""
    return json.dumps(
        {"pages": [page.uri for page in source.pages], "files": sorted(source.files)}, indent=1
    )
