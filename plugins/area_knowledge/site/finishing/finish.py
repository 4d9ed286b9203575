"""The finishing step over a built site, whatever engine built it.

In order: every page checked for script the theme did not write and given the
Content-Security-Policy (the theme's own scripts allowed by hash, taken from
its 404 page) and its feed links; the search index; and last, the leak guard
over every file, the index included. Any failure raises `FinishingFailed`,
which stops the build: nothing half-checked ships. `live.py` does the same
page by page, for an engine that hands pages over as it writes them.
"""

from __future__ import annotations

import os
from dataclasses import dataclass

from ...publishing.withholding import Mentions
from .leak_guard import leaks
from .pages import FinishingFailed, PagePolicy
from .search_index import SearchIndex

THEME_ONLY_PAGE = "404.html"
SEARCH_FOLDER = "pagefind"

__all__ = ["SEARCH_FOLDER", "THEME_ONLY_PAGE", "Finished", "FinishingFailed", "finish_site"]


@dataclass(frozen=True)
class Finished:
    pages: int
    search: str


def finish_site(
    site_dir: str,
    mentions: Mentions,
    withheld_pages: tuple[str, ...],
    head_links: dict[str, list[dict[str, str]]],
    *,
    preview: bool = False,
    search: bool = True,
    shipped: frozenset[bytes] = frozenset(),
) -> Finished:
    """Finish the site in `site_dir` in place; `FinishingFailed` if it must not be published.

    `shipped`: the digests of files as an installed theme holds them, which the guard
    does not read (`installed_copies`)."""
    probe = os.path.join(site_dir, THEME_ONLY_PAGE)
    if not os.path.isfile(probe):
        raise FinishingFailed(f"{probe}: missing: the theme must render a 404 page")
    with open(probe, encoding="utf-8") as stream:
        policy = PagePolicy.from_theme(stream.read(), head_links, preview=preview)
    pages = _pages(site_dir)
    for path in pages:
        relative = os.path.relpath(path, site_dir).replace(os.sep, "/")
        with open(path, encoding="utf-8") as stream:
            finished = policy.finished(stream.read(), relative)
        with open(path, "w", encoding="utf-8") as stream:
            stream.write(finished)
    index = SearchIndex(site_dir) if search else None
    found = leaks(site_dir, mentions, withheld_pages, skip=SEARCH_FOLDER, shipped=shipped)
    summary = index.result() if index else ""
    if index and os.path.isdir(os.path.join(site_dir, SEARCH_FOLDER)):
        found += leaks(site_dir, mentions, withheld_pages, folder=SEARCH_FOLDER)
    if found:
        raise FinishingFailed("\n".join(str(leak) for leak in found[:20]))
    return Finished(len(pages), summary)


def _pages(site_dir: str) -> list[str]:
    return sorted(
        os.path.join(folder, name)
        for folder, _, names in os.walk(site_dir)
        for name in names
        if name.endswith(".html")
    )
