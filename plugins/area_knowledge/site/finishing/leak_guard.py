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


def leaks(
    site_dir: str,
    mentions: Mentions,
    withheld_pages: tuple[str, ...],
    folder: str = "",
    skip: str | None = None,
) -> list[Leak]:
    """Every file under `site_dir` (or its `folder`, less `skip`) that names a withheld
    person or links to their page."""
    found: list[Leak] = []
    pages = _page_pattern(withheld_pages)
    if not mentions and pages is None:
        return found
    for path, text in _readable(os.path.join(site_dir, folder), skip):
        shown = os.path.relpath(path, site_dir).replace(os.sep, "/")
        found += [Leak(shown, repr(name)) for name in dict.fromkeys(mentions.named_in(text))]
        link = pages.search(text) if pages is not None else None
        if link:
            found.append(Leak(shown, f"the page {link!r}"))
    return found


class _PageLinks:
    """Links to where withheld pages would be: each folder found first, then its ids."""

    def __init__(self, withheld_pages: tuple[str, ...]) -> None:
        self.ids: dict[str, set[str]] = {}
        for page in withheld_pages:
            folder, _, entry_id = page.rpartition("/")
            self.ids.setdefault(folder, set()).add(entry_id)
        self.pattern = re.compile(
            "|".join(rf"{re.escape(folder)}/([a-z0-9-]+)" for folder in self.ids) or "$^"
        )

    def search(self, text: str) -> str | None:
        for match in self.pattern.finditer(text):
            entry_id = next(group for group in match.groups() if group is not None)
            folder = match.group()[: -len(entry_id) - 1]
            if entry_id in self.ids.get(folder, ()):
                return match.group()
        return None


def _page_pattern(withheld_pages: tuple[str, ...]) -> _PageLinks | None:
    return _PageLinks(withheld_pages) if withheld_pages else None


def _readable(site_dir: str, skip: str | None) -> Iterator[tuple[str, str]]:
    """(path, text) of every file, compressed ones decompressed, binary ones as Latin-1."""
    for folder, subfolders, names in os.walk(site_dir):
        if skip and folder == site_dir and skip in subfolders:
            subfolders.remove(skip)
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
