"""One built page finished: checked for script the theme did not write, given the policy
first in its `<head>`, and the `<head>` links the core asked for (its feeds)."""

from __future__ import annotations

import html
from dataclasses import dataclass

from .policy import content_security_policy, foreign_script, script_hashes, with_policy


class FinishingFailed(RuntimeError):
    """The built site cannot be published as it is; the message says which file and why."""


@dataclass(frozen=True)
class PagePolicy:
    """What every page gets: the policy, and the theme's scripts it allows."""

    policy: str
    allowed: frozenset[str]
    head_links: dict[str, list[dict[str, str]]]

    @classmethod
    def from_theme(
        cls, theme_page: str, head_links: dict[str, list[dict[str, str]]], *, preview: bool
    ) -> PagePolicy:
        """Taken from a page the theme rendered with no contributor text in it: the 404 page."""
        hashes = script_hashes(theme_page)
        return cls(content_security_policy(hashes, preview=preview), frozenset(hashes), head_links)

    def finished(self, page: str, relative: str) -> str:
        """The page as it is published; `FinishingFailed` if it must not be."""
        stray = foreign_script(page, self.allowed)
        if stray:
            raise FinishingFailed(f"{relative}: holds {stray}: the build is stopped")
        finished = with_policy(page, self.policy)
        if finished is None:
            raise FinishingFailed(f"{relative}: has no <head> for the Content-Security-Policy")
        served = relative[: -len("index.html")] if relative.endswith("index.html") else relative
        links = self.head_links.get(served, [])
        if not links:
            return finished
        depth = "../" * served.count("/")
        tags = "".join(
            f'<link rel="{link["rel"]}" type="{link["type"]}" '
            f'href="{html.escape(depth + link["href"])}" title="{html.escape(link["title"])}">'
            for link in links
        )
        return finished.replace("</head>", tags + "</head>", 1)
