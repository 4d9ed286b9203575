"""Laying out one page: a template rendered for its place in the site, and what it is.

`Layout` holds what every page needs (the indexes, the knowledge map, the
settings and the Jinja environment); the modules beside it decide which pages
exist. A `SitePage` is plain data: its path, its title and description as
text, its HTML, and whether search indexes it.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlencode

from markupsafe import Markup

from ..contract.problems import Problem, Severity
from ..publishing.indexes import Indexes
from ..publishing.knowledge_map import KnowledgeMap, ThemeRow
from ..settings import Settings
from .bodies import LinkTargets, render_body
from .templates import environment
from .urls import SEARCH_PAGE, served_url

# Long listings are split so that no page grows past a few hundred kilobytes.
LISTING_PAGE = 100
# A theme's, school's or locality's page shows this many of each list, then links to all.
FIRST_ITEMS = 20
MAP_LIST_LIMIT = 50


@dataclass(frozen=True)
class SitePage:
    """A page of the published site, as the core lays it out."""

    uri: str
    title: str
    html: str
    description: str = ""
    searchable: bool = False
    hide: tuple[str, ...] = ()
    source: str = ""


@dataclass
class Layout:
    """Renders pages; collects what was wrong with the bodies it rendered."""

    ix: Indexes
    kmap: KnowledgeMap
    settings: Settings
    targets: LinkTargets
    problems: list[Problem] = field(default_factory=list)
    # Hears how far a long layout has gone (the engine's log), if anyone does.
    told: Callable[[str], None] | None = None

    def __post_init__(self) -> None:
        self.env = environment(self.settings)
        self.env.globals.update(
            area=self.ix.area,
            ix=self.ix,
            kmap=self.kmap,
            FIRST_ITEMS=FIRST_ITEMS,
            LISTING_PAGE=LISTING_PAGE,
            MAP_LIST_LIMIT=MAP_LIST_LIMIT,
        )
        self.rows: dict[str, ThemeRow] = {row.theme.id: row for row in self.kmap.rows}

    def render(self, template: str, uri: str, **context: Any) -> str:
        """The HTML of `template` laid out for the page at `uri`."""
        self.env.globals["current"].uri = uri  # type: ignore[attr-defined]
        return self.env.get_template(template).render(here=uri, **context)

    def body(self, text: str, uri: str, path: str, line: int) -> Markup:
        """A contributor's body as safe HTML; its link problems are kept, located."""
        rendered = render_body(text, uri, self.targets, self.ix.area.mentions)
        kinds: tuple[tuple[list[str], Severity], ...] = (
            (rendered.problems, "error"),
            (rendered.notes, "warning"),
        )
        found = {
            Problem(path, line + _lines_before(text, message), "body", message, severity): None
            for messages, severity in kinds
            for message in messages
        }
        self.problems += found
        return Markup(rendered.html)

    def search_url(self, here: str, **filters: str) -> str:
        """The search page with filters chosen, as a link from `here`."""
        query = urlencode({name: value for name, value in filters.items() if value})
        return served_url(here, SEARCH_PAGE, self.settings.directory_urls) + "?" + query


_QUOTED = re.compile(r"'([^']+)'")


def _lines_before(text: str, message: str) -> int:
    """How many lines into the body the value a message quotes first is, or 0."""
    quoted = _QUOTED.search(message)
    at = text.find(quoted[1]) if quoted else -1
    return text.count("\n", 0, at) if at > 0 else 0
