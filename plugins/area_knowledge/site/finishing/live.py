"""The finishing step page by page, as an engine's plugin hands each page over.

The same checks as `finish.py`, in a better order for a large site: each page
is finished in memory as it is written, and sent to a guard process that scans
it for withheld people on the second core while the engine renders the next.
After the build, Pagefind indexes the pages and the files that are not pages,
its index among them, are scanned.

Pagefind's service mode, which takes pages as they are written, was measured
here and left out: at 5,000 pages it indexed more slowly than the engine
rendered, and the build took longer than indexing the finished site at once.
"""

from __future__ import annotations

import multiprocessing
import os
import threading
from collections.abc import Callable
from multiprocessing.queues import Queue

from ...progress import Progress
from ...publishing.withholding import Mentions
from .finish import SEARCH_FOLDER, Finished
from .leak_guard import Guard, Leak, Vouched, digest, leaks, text_of
from .pages import FinishingFailed, PagePolicy
from .search_index import SearchIndex

# A preview's list of problems names the files, withheld people's among them: it
# is never published, and is the one thing the guard leaves alone.
PREVIEW_FOLDER = "_preview/"


class LiveFinishing:
    """Finishes pages one at a time; `finish` completes the site and raises on any leak."""

    def __init__(
        self,
        site_dir: str,
        mentions: Mentions,
        withheld_pages: tuple[str, ...],
        head_links: dict[str, list[dict[str, str]]],
        *,
        preview: bool = False,
        others: frozenset[str] | None = None,
        copied: dict[str, bytes | str] | None = None,
        told: Callable[[str], None] = print,
        pages: int = 0,
        shipped: frozenset[bytes] = frozenset(),
    ) -> None:
        """`others`: the files that are not pages to check, if not all of them (a preview
        that wrote only some); `copied`: what the engine will copy into the site, by its
        path there, as bytes or the file it copies, read by the guard while the engine
        is still busy with Markdown; `told` hears how a preview's search index went and,
        every few seconds, how many of the `pages` to be written are finished;
        `shipped`: the digests of files as an installed theme holds them, which the
        guard does not read."""
        self.site_dir = site_dir
        self.others = others
        self.told = told
        self.mentions = mentions
        self.withheld_pages = withheld_pages
        self.head_links = head_links
        self.preview = preview
        self.policy: PagePolicy | None = None
        self.checked: set[str] = set()
        self.leaks: list[Leak] = []
        self.progress = Progress("Pages written", pages, told)
        # The guard forks first, while this is the only thread; the index starts a thread.
        self.guard = _GuardProcess(Guard(mentions, withheld_pages), copied or {}, shipped)

    def theme_page(self, page: str) -> str:
        """The 404 page: the theme's own scripts are taken from it, and it is finished too."""
        self.policy = PagePolicy.from_theme(page, self.head_links, preview=self.preview)
        return self.page(page, "404.html")

    def page(self, page: str, relative: str) -> str:
        """A page as published, and checked; `FinishingFailed` if it must not be."""
        if self.policy is None:
            raise FinishingFailed(f"{relative}: was written before the theme's 404 page")
        finished = self.policy.finished(page, relative)
        self.checked.add(relative)
        self.progress.advance()
        if not (self.preview and relative.startswith(PREVIEW_FOLDER)):
            self.guard.check(relative, finished)
        return finished

    def finish(self) -> Finished:
        """Index the site, scan every other file, and stop at the first leak found.

        A preview is served before its search index is made again: the pages it
        indexes have each been checked already, and an edit is seen sooner.
        """
        index = None if self.preview else SearchIndex(self.site_dir)
        found, vouched = self.guard.result()
        # The search index is being written meanwhile: it is read once it is whole.
        skip = (SEARCH_FOLDER, PREVIEW_FOLDER.rstrip("/")) if self.preview else (SEARCH_FOLDER,)
        found += leaks(
            self.site_dir,
            self.mentions,
            self.withheld_pages,
            checked=frozenset(self.checked),
            only=self.others,
            skip=skip,
            vouched=vouched,
        )
        if index is None:
            _fail_on(found)
            _index_later(self.site_dir, self.told)
            return Finished(len(self.checked), "being made again in the background")
        summary = index.result()
        found += leaks(self.site_dir, self.mentions, self.withheld_pages, folder=SEARCH_FOLDER)
        _fail_on(found)
        return Finished(len(self.checked), summary)


def _fail_on(found: list[Leak]) -> None:
    if found:
        raise FinishingFailed("\n".join(str(leak) for leak in found[:20]))


_indexing: list[SearchIndex] = []


def stop_indexing() -> None:
    """Stop a preview's indexing still running: its site is being built again, or closed."""
    for running in _indexing:
        running.stop()


def _index_later(site_dir: str, told: Callable[[str], None]) -> None:
    """Pagefind over a preview's site in the background, stopping one still running."""
    stop_indexing()
    _indexing[:] = [SearchIndex(site_dir)]
    index = _indexing[0]

    def wait() -> None:
        try:
            told(f"Search index made again: {index.result()}")
        except RuntimeError as error:
            if not index.stopped:
                told(f"Search index not made: {error}")

    threading.Thread(target=wait, daemon=True).start()


class _GuardProcess:
    """The leak guard on another core, fed page by page; in this process if it cannot fork.

    Forked, it first reads the files the engine is to copy, while the engine
    converts Markdown and has no page for it yet, and says what each held
    when it was found clean (`Vouched`), so that a file found the same on disk
    is not read for names again. In this process, it reads them when asked
    for its result: the same findings, without the head start.
    """

    def __init__(
        self,
        guard: Guard,
        copied: dict[str, bytes | str],
        shipped: frozenset[bytes] = frozenset(),
    ) -> None:
        self.guard = guard
        self.copied = copied
        self.shipped = shipped
        self.found: list[Leak] = []
        self.process: multiprocessing.process.BaseProcess | None = None
        if threading.active_count() == 1 and (os.cpu_count() or 1) > 1:
            context = multiprocessing.get_context("fork")
            self.pages: Queue[tuple[str, str] | None] = context.Queue(maxsize=256)
            self.results: Queue[tuple[list[Leak], Vouched]] = context.Queue()
            self.process = context.Process(target=self._run, daemon=True)
            self.process.start()

    def check(self, shown: str, text: str) -> None:
        if self.process is None:
            self.found += self.guard.check(shown, text)
        else:
            self.pages.put((shown, text))

    def result(self) -> tuple[list[Leak], Vouched]:
        if self.process is None:
            found, vouched = self._check_copied()
            return found + self.found, vouched
        self.pages.put(None)
        forked = self.results.get()
        self.process.join()
        # Its feeder thread ends with it, so that later work may fork again.
        self.pages.close()
        self.pages.join_thread()
        return forked

    def _run(self) -> None:
        found, vouched = self._check_copied()
        while (item := self.pages.get()) is not None:
            found += self.guard.check(*item)
        self.results.put((found, vouched))

    def _check_copied(self) -> tuple[list[Leak], Vouched]:
        found: list[Leak] = []
        vouched: Vouched = {}
        for shown, copied in self.copied.items():
            data = _read(copied)
            if data is None:
                continue
            if (held := digest(data)) in self.shipped:
                # The theme's own, as installed: nothing a contributor wrote is in it.
                vouched[shown] = held
                continue
            leaked = self.guard.check(shown, text_of(shown, data))
            if leaked:
                found += leaked
            else:
                vouched[shown] = digest(data)
        return found, vouched


def _read(copied: bytes | str) -> bytes | None:
    """A file to be copied: its bytes, or those of the file it is copied from."""
    if isinstance(copied, bytes):
        return copied
    try:
        with open(copied, "rb") as stream:
            return stream.read()
    except OSError:
        return None
