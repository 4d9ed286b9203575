"""What a preview keeps between rebuilds, so that an edit costs the pages it changed.

`PageSources` turns each page into what the engine reads only when the page
is a new one; `WrittenFiles` keeps the site's files in a folder of their own
and rewrites only those whose content changed, so that an engine's dirty
build (which renders a file only when it is newer than its output) renders
only those pages. A file that is no longer part of the site is taken out of
the folder and out of the built site.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Callable

from .page_source import PageSource
from .source import SiteSource


class PageSources:
    """Each page's source, made again only for a page not seen in the last rebuild."""

    def __init__(self) -> None:
        self._made: dict[str, tuple[object, str, PageSource]] = {}

    def of(self, source: SiteSource) -> dict[str, PageSource]:
        made = {}
        for page in source.pages:
            known = self._made.get(page.uri)
            if known is not None and known[0] is page and known[1] == source.banner:
                made[page.uri] = known
            else:
                made[page.uri] = (page, source.banner, source.page_source(page, stash=True))
        self._made = made
        return {uri: found[2] for uri, found in made.items()}


class WrittenFiles:
    """The site's files in `folder`, each written only when its content changed."""

    def __init__(self, folder: str) -> None:
        self.folder = folder
        self._digests: dict[str, bytes] = {}
        self._contents: dict[str, str | bytes] = {}

    def update(self, contents: dict[str, str | bytes], built_at: Callable[[str], str]) -> list[str]:
        """Write what changed; remove what went, with its built file. The paths written."""
        written = []
        for path, content in contents.items():
            if self._contents.get(path) is content:
                continue
            data = content.encode("utf-8") if isinstance(content, str) else content
            digest = hashlib.sha256(data).digest()
            if self._digests.get(path) != digest:
                target = os.path.join(self.folder, *path.split("/"))
                os.makedirs(os.path.dirname(target), exist_ok=True)
                with open(target, "wb") as stream:
                    stream.write(data)
                self._digests[path] = digest
                written.append(path)
        for path in set(self._digests) - set(contents):
            for gone in (os.path.join(self.folder, *path.split("/")), built_at(path)):
                if os.path.isfile(gone):
                    os.remove(gone)
            del self._digests[path]
        self._contents = dict(contents)
        return written
