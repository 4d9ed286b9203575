"""The last check before a site is published: no file names anyone the site must not.

Every file of the built site is read (Pagefind's compressed index and
fragments decompressed, feeds, exports and the sitemap included) and searched
for the names and addresses of withheld people, and for links to where their
pages would be. Finding one stops the build: the rules of `publishing/` should
make that impossible, and this proves it on what is actually published.
"""

from __future__ import annotations

import contextlib
import os
import re
import zlib
from collections.abc import Iterator
from dataclasses import dataclass

from ...publishing.withholding import Mentions

_TEXT = frozenset({".html", ".xml", ".json", ".csv", ".txt", ".js", ".css", ".svg", ".md"})
# A compressed file is read up to this much: an index chunk is far smaller.
_MAX_INFLATED = 50_000_000


@dataclass(frozen=True)
class Leak:
    path: str
    what: str

    def __str__(self) -> str:
        return f"{self.path}: names {self.what}, whom the site must not show"


def leaks(site_dir: str, mentions: Mentions, withheld_pages: tuple[str, ...]) -> list[Leak]:
    """Every file under `site_dir` that names a withheld person or links to their page."""
    found: list[Leak] = []
    pages = _page_pattern(withheld_pages)
    if not mentions and pages is None:
        return found
    for path, text in _readable(site_dir):
        shown = os.path.relpath(path, site_dir)
        found += [Leak(shown, repr(name)) for name in dict.fromkeys(mentions.named_in(text))]
        link = pages.search(text) if pages is not None else None
        if link:
            found.append(Leak(shown, f"the page {link.group()!r}"))
    return found


def _page_pattern(withheld_pages: tuple[str, ...]) -> re.Pattern[str] | None:
    if not withheld_pages:
        return None
    return re.compile(
        "|".join(rf"{re.escape(page)}(?:/|\.html|\.md)" for page in withheld_pages), re.IGNORECASE
    )


def _readable(site_dir: str) -> Iterator[tuple[str, str]]:
    """(path, text) of every file, compressed ones decompressed, binary ones as Latin-1."""
    for folder, _, names in os.walk(site_dir):
        for name in sorted(names):
            path = os.path.join(folder, name)
            with open(path, "rb") as stream:
                data = stream.read()
            yield path, _text(name, data)


def _text(name: str, data: bytes) -> str:
    if data[:2] == b"\x1f\x8b":
        with contextlib.suppress(OSError, EOFError, zlib.error):
            data = _gunzip(data)
    extension = os.path.splitext(name)[1].lower()
    if extension in _TEXT or data[:12] == b"pagefind_dcd":
        return data.decode("utf-8", "replace")
    return data.decode("latin-1")


def _gunzip(data: bytes) -> bytes:
    inflater = zlib.decompressobj(16 + zlib.MAX_WBITS)
    return inflater.decompress(data, _MAX_INFLATED)
