"""The Jinja environment every page is laid out with: HTML, escaped by default.

Autoescape is on, so every value a template prints is text unless the core
has made it `Markup` (a rendered, sanitised body). Links are written with the
`url` filter, which gives the served URL from the page being rendered; macros
are imported without the template's context, so that Jinja caches them, and
read the page being rendered from the environment instead.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from datetime import date
from typing import Any
from urllib.parse import quote

from jinja2 import Environment, FileSystemLoader, StrictUndefined, pass_environment
from markupsafe import Markup

from ..contract.schema import AVAILABILITY, DESIGNATIONS, EVIDENCE, OFFERS, PHASES
from ..publishing.knowledge_map import GAP_KINDS, LEVEL_MEANINGS, LEVELS
from ..settings import Settings
from . import urls
from .search import FACETS, KINDS
from .urls import page_uri, served_url

TEMPLATES = os.path.join(os.path.dirname(__file__), "templates")


@dataclass
class CurrentPage:
    """The page being rendered, which the `url` filter reads when it runs."""

    uri: str = urls.HOME


def uk_date(value: date) -> str:
    """A date as pages in England write it: 22 November 2026."""
    return f"{value.day} {value:%B %Y}"


def environment(settings: Settings) -> Environment:
    """The environment, with the site's filters and vocabularies."""
    env = Environment(
        loader=FileSystemLoader(TEMPLATES),
        autoescape=True,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        extensions=["jinja2.ext.do"],
    )
    current = CurrentPage()
    env.globals.update(
        current=current,
        settings=settings,
        PHASES=PHASES,
        EVIDENCE=EVIDENCE,
        DESIGNATIONS=DESIGNATIONS,
        OFFERS=OFFERS,
        AVAILABILITY=AVAILABILITY,
        LEVELS=LEVELS,
        LEVEL_MEANINGS=LEVEL_MEANINGS,
        GAP_KINDS=GAP_KINDS,
        FACETS=FACETS,
        KINDS={key.replace("-", "_"): label for key, label in KINDS.items()},
        **_page_names(),
    )
    env.filters.update(
        url=_url,
        uk_date=uk_date,
        mailto=lambda address: Markup("mailto:") + quote(address, safe="@.+-_"),
        anchor=lambda text: re.sub(r"[^a-z0-9]+", "-", str(text).lower()).strip("-") or "section",
        edit_url=_edit_url,
    )
    return env


def _page_names() -> dict[str, str]:
    return {
        "HOME": urls.HOME,
        "CASE_STUDIES_PAGE": "case-studies/index.md",
        "HUBS_PAGE": "hubs/index.md",
        "EXPERTS_PAGE": "practitioners/index.md",
        "THEMES_PAGE": f"{urls.THEMES}/index.md",
        "SCHOOLS_PAGE": f"{urls.SCHOOLS}/index.md",
        "LOCALITIES_PAGE": f"{urls.LOCALITIES}/index.md",
        "MAP_PAGE": urls.MAP_PAGE,
        "SEARCH_PAGE": urls.SEARCH_PAGE,
        "SHARE_PAGE": urls.SHARE_PAGE,
        "PAGEFIND": "pagefind/pagefind.js",
        "FEED": "feed.xml",
        "DATA_JSON": f"{urls.DATA}/knowledge.json",
        "DATA_STUDIES": f"{urls.DATA}/case-studies.csv",
        "DATA_DIRECTORY": f"{urls.DATA}/directory.csv",
        "TAKEN_IDS": urls.TAKEN_IDS,
        "AREA_LISTS": urls.AREA_LISTS,
    }


@pass_environment
def _url(env: Environment, item: Any) -> str:
    """The served URL, relative to the page being rendered, of an item or a path."""
    current: CurrentPage = env.globals["current"]  # type: ignore[assignment]
    settings: Settings = env.globals["settings"]  # type: ignore[assignment]
    return quote(served_url(current.uri, page_uri(item), settings.directory_urls), safe="/#.-_~")


@pass_environment
def _edit_url(env: Environment, entry: Any) -> str:
    """Where the entry's file is edited on GitHub, from `repo_url` and `edit_uri`."""
    settings: Settings = env.globals["settings"]  # type: ignore[assignment]
    base = settings.repo_url.rstrip("/") + "/" + settings.edit_uri.strip("/") + "/"
    return base + quote(page_uri(entry), safe="/.-_")
