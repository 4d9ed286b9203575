"""Where every page of the site lives, and the relative URL from one page to another.

Pages are named by their source path relative to the published docs folder
(`themes/send.md`), as MkDocs names them; links between them are relative
served URLs, so that the site works under any sub-path and offline.
"""

from __future__ import annotations

import posixpath
import re
from dataclasses import dataclass
from functools import cache
from typing import Any

from ..contract.model import CaseStudy, Hub, Practitioner, School, Theme
from ..contract.schema import CASE_STUDIES, HUBS, PRACTITIONERS
from ..reading.values import slugify

THEMES = "themes"
SCHOOLS = "schools"
LOCALITIES = "localities"
INDEX = "index.md"
HOME = INDEX
SEARCH_PAGE = "search/index.md"
MAP_PAGE = "map/index.md"
SHARE_PAGE = "share/index.md"
DATA = "data"
# The ids the site already publishes, which the share page's forms do not give again.
TAKEN_IDS = f"{DATA}/taken-ids.json"
# The schools, hubs and experts the share page's forms offer to choose from.
AREA_LISTS = f"{DATA}/area-lists.json"
ASSETS = "assets"
ATTACHMENTS = "attachments"
SECTION_PAGES = (
    f"{CASE_STUDIES.folder}/{INDEX}",
    f"{HUBS.folder}/{INDEX}",
    f"{PRACTITIONERS.folder}/{INDEX}",
    f"{THEMES}/{INDEX}",
    f"{SCHOOLS}/{INDEX}",
    f"{LOCALITIES}/{INDEX}",
    MAP_PAGE,
    SEARCH_PAGE,
    SHARE_PAGE,
)
_RESERVED_SLUG = re.compile(r"index|page-\d+")


def page_uri(item: object) -> str:
    """Where the page of a theme, school or entry lives; a string is a path already."""
    if isinstance(item, CaseStudy):
        return f"{CASE_STUDIES.folder}/{item.id}.md"
    if isinstance(item, Hub):
        return f"{HUBS.folder}/{item.id}.md"
    if isinstance(item, Practitioner):
        return f"{PRACTITIONERS.folder}/{item.id}.md"
    if isinstance(item, Theme):
        return f"{THEMES}/{item.id}.md"
    if isinstance(item, School):
        return f"{SCHOOLS}/{item.urn}.md"
    if isinstance(item, str):
        return item
    raise TypeError(f"no page for {item!r}")


def locality_slug(name: str) -> str:
    """The file name of a locality's page: never one the site's listings use."""
    slug = slugify(name) or "locality"
    return f"{slug}-area" if _RESERVED_SLUG.fullmatch(slug) else slug


def locality_uri(name: str) -> str:
    return f"{LOCALITIES}/{locality_slug(name)}.md"


@cache
def served_path(uri: str, directory_urls: bool) -> str:
    """Where the page built from `uri` is served, as MkDocs does it: 'a/b/' or 'a/b.html'."""
    if not uri.endswith(".md"):
        return uri
    stem = uri[: -len(".md")]
    if not directory_urls:
        return stem + ".html"
    if stem == "index" or stem.endswith("/index"):
        return stem[: -len("index")]
    return stem + "/"


def served_url(here: str, target: str, directory_urls: bool) -> str:
    """The relative URL from the page built from `here` to the file or page `target`."""
    depth = served_path(here, directory_urls).count("/")
    return "../" * depth + served_path(target, directory_urls) or "./"


def page_uris(first: str, count: int) -> list[str]:
    """`first`, then `page-2.md`… beside an index, or `name-2.md`… beside a named page."""
    folder, name = posixpath.split(first)
    stem = name[: -len(".md")]
    later = [
        posixpath.join(folder, f"page-{n}.md" if stem == "index" else f"{stem}-{n}.md")
        for n in range(2, count + 1)
    ]
    return [first, *later]


@dataclass(frozen=True)
class Pager:
    """One page of a long listing, and its neighbours."""

    uri: str
    items: list[Any]
    number: int
    count: int
    total: int
    previous: str | None
    next: str | None


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
            total=len(items),
            previous=uris[index - 1] if index else None,
            next=uris[index + 1] if index + 1 < len(chunks) else None,
        )
        for index, chunk in enumerate(chunks)
    ]
