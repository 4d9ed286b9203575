"""Serving a built site under a sub-path and driving it in Debian's Chromium."""

from __future__ import annotations

import functools
import http.server
import os
import re
import shutil
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import urlparse

import pytest

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_FLAGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
SUB_PATH = "/area/"


class _SubPathHandler(http.server.SimpleHTTPRequestHandler):
    """Serves the site only under SUB_PATH, as GitHub project pages do."""

    def translate_path(self, path: str) -> str:
        if not path.startswith(SUB_PATH):
            return os.path.join(str(self.directory), "\0not-found")
        return super().translate_path("/" + path[len(SUB_PATH) :])

    def log_message(self, format: str, *args: object) -> None:
        pass


@contextmanager
def serve(site: Path) -> Iterator[str]:
    """Serve `site` on 127.0.0.1 under the sub-path; yields the site's URL."""
    handler = functools.partial(_SubPathHandler, directory=str(site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}{SUB_PATH}"
    finally:
        server.shutdown()
        server.server_close()


def require_chromium() -> None:
    if shutil.which(CHROMIUM) is None and not os.path.exists(CHROMIUM):
        message = "Debian's chromium is not installed: run `make test`, which installs it"
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)


class Watched:
    """A page that records console errors and every request to another host."""

    def __init__(self, page, site_url: str) -> None:  # type: ignore[no-untyped-def]
        self.page = page
        self.errors: list[str] = []
        self.foreign: list[str] = []
        host = urlparse(site_url).netloc
        page.on("console", lambda m: m.type == "error" and self.errors.append(m.text))
        page.on("pageerror", lambda e: self.errors.append(str(e)))
        page.on(
            "request",
            lambda r: urlparse(r.url).netloc not in (host, "") and self.foreign.append(r.url),
        )

    def check(self) -> None:
        assert self.errors == [], f"console errors: {self.errors}"
        assert self.foreign == [], f"requests to other hosts: {self.foreign}"


def results(watched: Watched) -> list[str]:
    """Titles of the results shown, once the search has answered."""
    page = watched.page
    page.locator("[data-ak-status]").filter(has_text=re.compile("result", re.I)).wait_for()
    return page.locator("[data-ak-results] .ak-result__title a").all_text_contents()


def all_results(watched: Watched) -> list[str]:
    """Every result, pressing "Show more results" until there are no more."""
    shown = results(watched)
    more = watched.page.get_by_role("button", name="Show more results")
    while more.is_visible():
        more.click()
        watched.page.locator("[data-ak-results] li").nth(len(shown)).wait_for()
        shown = results(watched)
    return shown
