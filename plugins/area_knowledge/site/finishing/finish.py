"""The finishing step over a built site, whatever engine built it.

In order: the Content-Security-Policy first in every page, with the theme's
own scripts allowed by hash; every page refused that holds script the theme
did not write; `<head>` links the core asked for (feeds); the search index;
and last, the leak guard over every file, the index included. Any failure
raises `FinishingFailed`, which stops the build: nothing half-checked ships.
"""

from __future__ import annotations

import html
import os
from dataclasses import dataclass

from ...publishing.withholding import Mentions
from .leak_guard import leaks
from .policy import content_security_policy, foreign_script, script_hashes, with_policy
from .search_index import SearchIndex

THEME_ONLY_PAGE = "404.html"
SEARCH_FOLDER = "pagefind"


class FinishingFailed(RuntimeError):
    """The built site cannot be published as it is; the message says which file and why."""


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
) -> Finished:
    """Finish the site in `site_dir` in place; `FinishingFailed` if it must not be published."""
    probe = os.path.join(site_dir, THEME_ONLY_PAGE)
    if not os.path.isfile(probe):
        raise FinishingFailed(f"{probe}: missing: the theme must render a 404 page")
    with open(probe, encoding="utf-8") as stream:
        hashes = script_hashes(stream.read())
    policy = content_security_policy(hashes, preview=preview)
    allowed = frozenset(hashes)
    pages = 0
    for path in _pages(site_dir):
        relative = os.path.relpath(path, site_dir).replace(os.sep, "/")
        _finish_page(path, relative, policy, allowed, head_links, preview)
        pages += 1
    index = SearchIndex(site_dir) if search else None
    found = leaks(site_dir, mentions, withheld_pages, skip=SEARCH_FOLDER)
    summary = index.result() if index else ""
    if index and os.path.isdir(os.path.join(site_dir, SEARCH_FOLDER)):
        found += leaks(site_dir, mentions, withheld_pages, folder=SEARCH_FOLDER)
    if found:
        raise FinishingFailed("\n".join(str(leak) for leak in found[:20]))
    return Finished(pages, summary)


def _pages(site_dir: str) -> list[str]:
    return sorted(
        os.path.join(folder, name)
        for folder, _, names in os.walk(site_dir)
        for name in names
        if name.endswith(".html")
    )


def _finish_page(
    path: str,
    relative: str,
    policy: str,
    allowed: frozenset[str],
    head_links: dict[str, list[dict[str, str]]],
    preview: bool,
) -> None:
    with open(path, encoding="utf-8") as stream:
        page = stream.read()
    stray = foreign_script(page, allowed)
    if stray:
        raise FinishingFailed(f"{relative}: holds {stray}: the build is stopped")
    finished = with_policy(page, policy)
    if finished is None:
        raise FinishingFailed(f"{relative}: has no <head> for the Content-Security-Policy")
    served = relative[: -len("index.html")] if relative.endswith("index.html") else relative
    links = head_links.get(served, [])
    if links:
        depth = "../" * served.count("/")
        tags = "".join(
            f'<link rel="{link["rel"]}" type="{link["type"]}" '
            f'href="{html.escape(depth + link["href"])}" title="{html.escape(link["title"])}">'
            for link in links
        )
        finished = finished.replace("</head>", tags + "</head>", 1)
    with open(path, "w", encoding="utf-8") as stream:
        stream.write(finished)
