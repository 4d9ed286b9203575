"""Laying out pages as Markdown from the cross-indexes, through Jinja templates.

Every page is Markdown with relative `.md` links, so that the engine checks
each link and makes it work under any sub-path. Contributors' text is escaped
on the way in (`_finalize`): a title cannot open a link or inject markup.
"""

from __future__ import annotations

import os
import posixpath
import re
import secrets
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date
from functools import cache
from typing import Any
from urllib.parse import quote

from jinja2 import Environment, FileSystemLoader, StrictUndefined, pass_context
from markupsafe import Markup, escape

from .indexes import Indexes
from .knowledge import (
    DEFAULT_REVIEW_YEARS,
    GAP_KINDS,
    LEVEL_MEANINGS,
    LEVELS,
    KnowledgeMap,
    knowledge_map,
)
from .model import CaseStudy, Hub, Practitioner, School, Theme
from .schema import (
    AVAILABILITY,
    CASE_STUDIES,
    DESIGNATIONS,
    EVIDENCE,
    HUBS,
    OFFERS,
    PHASES,
    PRACTITIONERS,
)

TEMPLATES = os.path.join(os.path.dirname(__file__), "templates")

THEMES_FOLDER = "themes"
SCHOOLS_FOLDER = "schools"
INDEX = "index.md"
SEARCH_PAGE = "search/index.md"
# Long listings are split so that no page grows past a few hundred kilobytes.
LISTING_PAGE = 100
THEME_PAGE_STUDIES = 20
MAP_LIST_LIMIT = 50
MAP_PAGE = "map/index.md"
SHARE_PAGE = "share/index.md"
SECTION_PAGES = frozenset(
    {
        f"{CASE_STUDIES.folder}/{INDEX}",
        f"{HUBS.folder}/{INDEX}",
        f"{PRACTITIONERS.folder}/{INDEX}",
        f"{THEMES_FOLDER}/{INDEX}",
        f"{SCHOOLS_FOLDER}/{INDEX}",
        MAP_PAGE,
    }
)

_MARKDOWN_SPECIAL = re.compile(r"([\\`*_\[\]|])")
_BODY_TITLE = re.compile(r"\s*# ")
_LINK = re.compile(r"^(https?://|mailto:)\S+$")


@dataclass(frozen=True)
class Pager:
    """One page of a long listing, and its neighbours."""

    uri: str
    items: list[Any]
    number: int
    count: int
    previous: str | None
    next: str | None


def page_uris(first: str, count: int) -> list[str]:
    """`first`, then `page-2.md`… beside an index, or `name-2.md`… beside a named page."""
    folder, name = posixpath.split(first)
    stem = name[: -len(".md")]
    later = [
        posixpath.join(folder, f"page-{n}.md" if stem == "index" else f"{stem}-{n}.md")
        for n in range(2, count + 1)
    ]
    return [first, *later]


def paginate(items: list[Any], first: str, size: int) -> list[Pager]:
    """`items` in pages of `size`, at least one page even when there are none."""
    chunks = [items[start : start + size] for start in range(0, len(items), size)] or [[]]
    uris = page_uris(first, len(chunks))
    return [
        Pager(
            uri=uris[index],
            items=chunk,
            number=index + 1,
            count=len(chunks),
            previous=uris[index - 1] if index else None,
            next=uris[index + 1] if index + 1 < len(chunks) else None,
        )
        for index, chunk in enumerate(chunks)
    ]


@dataclass(frozen=True)
class GeneratedPage:
    """A page that exists only in the build, and the theme or school it is about."""

    uri: str
    markdown: str
    subject: Theme | School | None = None


@dataclass(frozen=True)
class Settings:
    """What a partnership sets in `mkdocs.yml` that pages need."""

    contact_email: str
    review_years: int = DEFAULT_REVIEW_YEARS
    directory_urls: bool = True


def page_uri(item: object) -> str:
    """Where the page of a theme, school or entry lives, relative to `content/`."""
    if isinstance(item, CaseStudy):
        return f"{CASE_STUDIES.folder}/{item.id}.md"
    if isinstance(item, Hub):
        return f"{HUBS.folder}/{item.id}.md"
    if isinstance(item, Practitioner):
        return f"{PRACTITIONERS.folder}/{item.id}.md"
    if isinstance(item, Theme):
        return f"{THEMES_FOLDER}/{item.id}.md"
    if isinstance(item, School):
        return f"{SCHOOLS_FOLDER}/{item.urn}.md"
    if isinstance(item, str):
        return item
    raise TypeError(f"no page for {item!r}")


@cache
def served_path(uri: str, directory_urls: bool) -> str:
    """Where the page built from `uri` is served, as MkDocs does it: 'a/b/' or 'a/b.html'."""
    stem = uri[: -len(".md")]
    if not directory_urls:
        return stem + ".html"
    if stem == "index" or stem.endswith("/index"):
        return stem[: -len("index")]
    return stem + "/"


def served_url(here: str, target: str, directory_urls: bool) -> str:
    """The relative URL from the page built from `here` to the one built from `target`."""
    depth = served_path(here, directory_urls).count("/")
    return "../" * depth + served_path(target, directory_urls) or "./"


def uk_date(value: date) -> str:
    """A date as pages in England write it: 22 November 2026."""
    return f"{value.day} {value:%B %Y}"


def _finalize(value: Any) -> Any:
    if isinstance(value, Markup) or not isinstance(value, str):
        return value
    return Markup(_MARKDOWN_SPECIAL.sub(r"\\\1", str(escape(value))))


def _environment() -> Environment:
    env = Environment(
        loader=FileSystemLoader(TEMPLATES),
        autoescape=True,
        finalize=_finalize,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters["uk_date"] = uk_date
    # For values inside raw HTML, where Markdown escapes would show as backslashes.
    env.filters["html"] = lambda value: escape(str(value))
    env.filters["mailto"] = lambda address: Markup("mailto:" + quote(address, safe="@.+-"))
    env.filters["url"] = lambda link: Markup(quote(link, safe=":/?#&=%@.~+,;!*'"))
    env.filters["href"] = _href
    env.filters["served_url"] = _served_url
    env.filters["stash"] = _stash
    env.globals.update(
        PHASES=PHASES,
        EVIDENCE=EVIDENCE,
        DESIGNATIONS=DESIGNATIONS,
        OFFERS=OFFERS,
        AVAILABILITY=AVAILABILITY,
        LEVELS=LEVELS,
        LEVEL_MEANINGS=LEVEL_MEANINGS,
        GAP_KINDS=GAP_KINDS,
        THEME_PAGE_STUDIES=THEME_PAGE_STUDIES,
        SEARCH_PAGE=SEARCH_PAGE,
        MAP_LIST_LIMIT=MAP_LIST_LIMIT,
    )
    return env


@dataclass
class _CurrentPage:
    """The page being rendered, which the link filters read when they run.

    Macros are imported without the template's context, so that Jinja caches
    them; they see this through the environment's globals instead.
    """

    uri: str = ""
    nonce: str = ""
    blocks: dict[str, str] = field(default_factory=dict)

    def stash(self, html: str) -> Markup:
        """Keep a block of HTML out of Markdown: a token now, the HTML after conversion.

        Python-Markdown parses raw HTML with a pure-Python parser, which made
        generated lists and panels a large share of the build.
        """
        token = f"akblock{self.nonce}n{len(self.blocks)}"
        self.blocks[token] = html
        return Markup(f"\n\n{token}\n\n")


def splice_blocks(html: str, blocks: dict[str, str]) -> str:
    """Put stashed blocks back into a page converted from Markdown."""
    for token, block in blocks.items():
        html = html.replace(f"<p>{token}</p>", block).replace(token, block)
    return html


@pass_context
def _stash(context: Any, html: str) -> Markup:
    current: _CurrentPage = context["current"]
    return current.stash(str(html))


@pass_context
def _served_url(context: Any, item: object) -> Markup:
    """For raw HTML, where MkDocs does not rewrite `.md` links: the served URL itself."""
    settings: Settings = context["settings"]
    here: _CurrentPage = context["current"]
    return Markup(quote(served_url(here.uri, page_uri(item), settings.directory_urls)))


@pass_context
def _href(context: Any, item: object) -> Markup:
    here = posixpath.dirname(context["current"].uri)
    return Markup(quote(posixpath.relpath(page_uri(item), here or ".")))


class SiteRenderer:
    """Renders every page the site generates, and the layout around entry pages."""

    def __init__(self, indexes: Indexes, settings: Settings) -> None:
        self.indexes = indexes
        self.settings = settings
        self.area = indexes.area
        self.env = _environment()
        # Contributors cannot guess the tokens, so cannot forge a block.
        self.current = _CurrentPage(nonce=secrets.token_hex(6))
        self.blocks: dict[str, dict[str, str]] = {}
        self.env.globals.update(area=self.area, ix=indexes, settings=settings, current=self.current)
        self.kmap: KnowledgeMap = knowledge_map(indexes, settings.review_years)
        self.map_rows = {row.theme.id: row for row in self.kmap.rows}

    def _render(self, template: str, here: str, **context: Any) -> str:
        self.current.uri = here
        self.current.blocks = self.blocks[here] = {}
        return self.env.get_template(template).render(here=here, **context)

    def generated_pages(self) -> list[GeneratedPage]:
        """Every page the site generates, with the theme or school it is about."""
        ix = self.indexes
        pages = [
            self._page("themes_index.md.j2", f"{THEMES_FOLDER}/{INDEX}"),
            self._page(
                "schools_index.md.j2", f"{SCHOOLS_FOLDER}/{INDEX}", groups=self.school_groups()
            ),
            *self._paged(ix.case_studies, f"{CASE_STUDIES.folder}/{INDEX}"),
            self._page("hubs_index.md.j2", f"{HUBS.folder}/{INDEX}"),
            *(
                GeneratedPage(
                    pager.uri,
                    self._render("practitioners_index.md.j2", pager.uri, pager=pager),
                )
                for pager in paginate(
                    ix.practitioners, f"{PRACTITIONERS.folder}/{INDEX}", LISTING_PAGE
                )
            ),
            self._page("search.md.j2", SEARCH_PAGE),
            self._page("knowledge_map.md.j2", MAP_PAGE, kmap=self.kmap),
            self._page("share.md.j2", SHARE_PAGE),
        ]
        for theme in self.area.themes.values():
            studies = ix.by_theme[theme.id].case_studies
            all_studies = f"{THEMES_FOLDER}/{theme.id}/case-studies.md"
            if len(studies) > THEME_PAGE_STUDIES:
                pages.extend(self._paged(studies, all_studies, theme))
            pages.append(
                self._page(
                    "theme.md.j2",
                    page_uri(theme),
                    theme,
                    all_studies=all_studies,
                    theme=theme,
                    row=self.map_rows[theme.id],
                    listing=ix.by_theme[theme.id],
                    parent=self.area.themes.get(theme.parent) if theme.parent else None,
                    children=ix.children.get(theme.id, []),
                )
            )
        for school in ix.schools_with_pages:
            pages.append(
                self._page(
                    "school.md.j2",
                    page_uri(school),
                    school,
                    school=school,
                    listing=ix.by_school[school.urn],
                )
            )
        return pages

    def _page(
        self, template: str, uri: str, subject: Theme | School | None = None, **context: Any
    ) -> GeneratedPage:
        return GeneratedPage(uri, self._render(template, uri, **context), subject)

    def _paged(
        self, studies: list[CaseStudy], first: str, theme: Theme | None = None
    ) -> list[GeneratedPage]:
        """Case studies, newest first, in pages of LISTING_PAGE: all, or a theme's."""
        return [
            GeneratedPage(
                pager.uri,
                self._render(
                    "case_studies_index.md.j2",
                    pager.uri,
                    pager=pager,
                    theme=theme,
                    total=len(studies),
                ),
            )
            for pager in paginate(studies, first, LISTING_PAGE)
        ]

    def school_groups(self) -> list[tuple[str, list[School]]]:
        """Every school in the register, grouped by locality (or phase, where none)."""
        groups: dict[str, list[School]] = defaultdict(list)
        for school in self.area.schools.values():
            groups[school.locality or school.phase].append(school)
        return [
            (name, sorted(schools, key=lambda s: s.name.lower()))
            for name, schools in sorted(groups.items(), key=lambda g: g[0].lower())
        ]

    def entry_page(self, entry: CaseStudy | Hub | Practitioner, body: str) -> str:
        """An entry's page: its facts panel and relations around the contributor's body."""
        ix = self.indexes
        here = page_uri(entry)
        exclude = frozenset({entry.id}) if isinstance(entry, CaseStudy) else frozenset()
        context: dict[str, Any] = {
            "entry": entry,
            "body": Markup(body),
            "has_title": bool(_BODY_TITLE.match(body)),
        }
        if isinstance(entry, CaseStudy):
            template = "case_study.md.j2"
            related = ix.related(entry.themes, entry.schools, entry.hub, exclude)
            context["contacts"] = self._people(entry.contacts)
            context["hub"] = self.area.hubs.get(entry.hub) if entry.hub else None
        elif isinstance(entry, Hub):
            template = "hub.md.j2"
            studies = ix.by_hub.get(entry.id, [])
            context["studies"] = studies
            context["lead"] = ix.listed(entry.lead)
            context["join_url"] = entry.join if _LINK.match(entry.join) else None
            context["join_label"] = entry.join.removeprefix("mailto:")
            related = ix.related(entry.themes, (), None, frozenset(s.id for s in studies))
        else:
            template = "practitioner.md.j2"
            own = ix.by_practitioner.get(entry.id)
            context["own"] = own
            shown = frozenset(s.id for s in own.case_studies) if own else frozenset()
            related = ix.related(
                entry.themes, () if entry.school is None else (entry.school,), None, shown
            )
        context["related"] = related
        return self._render(template, here, **context)

    def _people(self, ids: tuple[str, ...]) -> tuple[list[Practitioner], bool]:
        """The listed people among `ids`, and whether any named person is hidden."""
        listed = [p for p in (self.indexes.listed(i) for i in ids) if p is not None]
        return listed, len(listed) < len(ids)
