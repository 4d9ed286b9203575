"""Every internal link and anchor of the built demo resolves."""

from __future__ import annotations

from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urljoin, urlparse

import pytest

from conftest import REPO, build_site

BASE = "http://site.invalid/area/"


class Page(HTMLParser):
    """The ids a page defines and the URLs it links to or loads."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.ids: set[str] = set()
        self.urls: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attributes = dict(attrs)
        for name in ("id", "name") if tag == "a" else ("id",):
            if attributes.get(name):
                self.ids.add(attributes[name] or "")
        for name in ("href", "src"):
            value = attributes.get(name)
            if value and not (tag == "link" and attributes.get("rel") == "canonical"):
                self.urls.append(value)


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_site(REPO / "mkdocs.yml", tmp_path_factory.mktemp("links") / "site", site_url=BASE)


def parse(path: Path) -> Page:
    page = Page()
    page.feed(path.read_text(encoding="utf-8"))
    return page


def test_every_internal_link_and_anchor_resolves(site: Path) -> None:
    pages = {path: parse(path) for path in site.rglob("*.html")}
    broken: list[str] = []
    checked = 0
    for path, page in pages.items():
        here = BASE + str(path.relative_to(site).as_posix())
        for url in page.urls:
            target = urlparse(urljoin(here, url))
            if target.scheme not in ("http", "https") or target.netloc != urlparse(BASE).netloc:
                continue
            checked += 1
            relative = unquote(target.path)[len(urlparse(BASE).path) :]
            file = site / relative
            if relative == "" or relative.endswith("/"):
                file = file / "index.html"
            if not file.is_file():
                broken.append(f"{path.relative_to(site)}: {url} (no {relative})")
            elif target.fragment and file.suffix == ".html":
                ids = pages[file].ids if file in pages else parse(file).ids
                if unquote(target.fragment) not in ids:
                    broken.append(f"{path.relative_to(site)}: {url} (no #{target.fragment})")

    assert checked > 1000
    assert broken == []


def test_links_leave_the_site_only_to_github_and_mail(site: Path) -> None:
    hosts = set()
    for path in site.rglob("*.html"):
        for url in parse(path).urls:
            parsed = urlparse(url)
            if parsed.scheme == "mailto":
                continue
            if parsed.netloc and parsed.netloc != urlparse(BASE).netloc:
                hosts.add(parsed.netloc)

    # The themes' credits in the footer: Material's and MaterialX's own sites.
    assert hosts <= {"github.com", "squidfunk.github.io", "jaywhj.github.io", "www.mkdocs.org"}
