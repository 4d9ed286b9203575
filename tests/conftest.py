"""Shared fixtures: small areas written into tmp_path, and real MkDocs builds."""

from __future__ import annotations

import importlib
import json
import logging
import os
import re
import subprocess
import sys
import tempfile
import textwrap
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest
import yaml

REPO = Path(__file__).resolve().parent.parent
TODAY = date(2026, 11, 22)
MAILBOX = "hello@partnership.example"
# The engine stack the tests build with: `make test` runs every test on both.
ENGINE = os.environ.get("AREA_ENGINE", "mkdocs")
THEME = {"mkdocs": "material", "properdocs": "materialx"}[ENGINE]
if ENGINE == "properdocs":
    # As its own command does: `mkdocs.*` imports, the plugin's among them, become ProperDocs'.
    importlib.import_module("properdocs.replacement")

THEMES = [
    {"id": "reading", "title": "Reading", "description": "Reading in every phase."},
    {
        "id": "reading-fluency",
        "title": "Reading fluency",
        "aliases": ["fluency"],
        "parent": "reading",
    },
    {
        "id": "send",
        "title": "SEND",
        "aliases": ["special educational needs"],
        "priority": True,
    },
    {"id": "disadvantage", "title": "Disadvantage", "aliases": ["pupil premium"]},
    {"id": "governance", "title": "Governance", "priority": True},
]

SCHOOLS = [
    {"urn": 100001, "name": "Alder Primary School", "phase": "Primary", "locality": "Northside"},
    {
        "urn": 100002,
        "name": "Birch Academy",
        "phase": "Secondary",
        "type": "Academy converter",
        "trust": "Oak Learning Trust",
        "locality": "Southside",
        "previous_urns": [140002],
    },
    {
        "urn": 100003,
        "name": "Cedar School",
        "phase": "Not applicable",
        "type": "Foundation special school",
        "locality": "Northside",
    },
    {"urn": 100004, "name": "Damson Primary", "phase": "Primary", "member": False},
]


class AreaWriter:
    """Writes a small valid area, to which a test adds or breaks files."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.content = root / "content"
        for folder in ("case-studies", "hubs", "practitioners"):
            (self.content / folder).mkdir(parents=True, exist_ok=True)
        self.register("themes.yml", THEMES)
        self.register("schools.yml", SCHOOLS)
        (self.content / "index.md").write_text("# Test area\n\nWelcome.\n", encoding="utf-8")

    def register(self, name: str, items: list[dict[str, Any]]) -> Path:
        path = self.content / name
        path.write_text(yaml.safe_dump(items, sort_keys=False), encoding="utf-8")
        return path

    def long_vocabulary(self, broad: int, priorities: int = 0) -> Path:
        """`broad` themes ("theme-000"), each with two narrower ones ("theme-000-early",
        "theme-000-later"); the first `priorities` broad ones are priorities."""
        themes: list[dict[str, Any]] = []
        for number in range(broad):
            theme_id = f"theme-{number:03}"
            title = f"Theme {number:03}"
            themes.append({"id": theme_id, "title": title, "priority": number < priorities})
            themes += [
                {"id": f"{theme_id}-{part}", "title": f"{title} {part}", "parent": theme_id}
                for part in ("early", "later")
            ]
        return self.register("themes.yml", themes)

    def entry(self, folder: str, entry_id: str, fields: dict[str, Any], body: str = "") -> Path:
        """An entry with the given front matter, dumped as YAML."""
        front = yaml.safe_dump(fields, sort_keys=False, allow_unicode=True)
        return self.raw(folder, entry_id, f"---\n{front}---\n\n{body or 'Body text.'}\n")

    def raw(self, folder: str, entry_id: str, text: str | bytes) -> Path:
        path = self.content / folder / f"{entry_id}.md"
        if isinstance(text, bytes):
            path.write_bytes(text)
        else:
            path.write_text(textwrap.dedent(text), encoding="utf-8")
        return path

    def case_study(self, entry_id: str, body: str = "", **fields: Any) -> Path:
        values: dict[str, Any] = {
            "title": entry_id.replace("-", " ").capitalize(),
            "summary": "What was done and what changed.",
            "themes": ["reading"],
            "schools": [100001],
            "published": "2026-01-15",
        }
        values.update(fields)
        return self.entry("case-studies", entry_id, values, body)

    def hub(self, entry_id: str, body: str = "", **fields: Any) -> Path:
        values: dict[str, Any] = {
            "title": entry_id.replace("-", " ").capitalize(),
            "summary": "A hub of schools working together.",
            "themes": ["send"],
            "lead": "ada-lovelace",
            "host_school": 100003,
        }
        values.update(fields)
        return self.entry("hubs", entry_id, values, body)

    def practitioner(self, entry_id: str, body: str = "", **fields: Any) -> Path:
        values: dict[str, Any] = {
            "name": entry_id.replace("-", " ").title(),
            "role": "Assistant headteacher",
            "school": 100001,
            "themes": ["reading"],
            "consent": "2025-09-01",
            # Builds use the real date, so a listing must stay current whenever tests run.
            "review_by": (date.today() + timedelta(days=365)).isoformat(),
        }
        values.update(fields)
        return self.entry("practitioners", entry_id, values, body)

    def mkdocs_yml(self, **overrides: Any) -> Path:
        """A minimal mkdocs.yml for this area, as a partnership would write it."""
        config: dict[str, Any] = {
            "site_name": "Test Partnership",
            "site_url": "https://example.github.io/area/",
            "docs_dir": "content",
            "theme": {"name": "material", "font": False},
            "plugins": [{"area-knowledge": {"contact_email": "hello@partnership.example"}}],
            "markdown_extensions": ["admonition", "attr_list", "def_list", "md_in_html", "tables"],
            # As strict as the demo's: a page left out of the nav is a warning.
            "validation": {
                "nav": {"omitted_files": "warn", "not_found": "warn"},
                "links": {"not_found": "warn", "anchors": "warn", "unrecognized_links": "warn"},
            },
        }
        config.update(overrides)
        path = self.root / "mkdocs.yml"
        path.write_text(yaml.safe_dump(config, sort_keys=False), encoding="utf-8")
        return path


@pytest.fixture
def area(tmp_path: Path) -> AreaWriter:
    return AreaWriter(tmp_path)


class BuildLog(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.DEBUG)
        self.records: list[logging.LogRecord] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append(record)

    def at_least(self, level: int) -> list[str]:
        return [r.getMessage() for r in self.records if r.levelno >= level]


@contextmanager
def captured_log() -> Iterator[BuildLog]:
    """What the engine and the plugin log, INFO and above, while the block runs."""
    handler = BuildLog()
    loggers = [logging.getLogger(name) for name in dict.fromkeys(("mkdocs", ENGINE))]
    levels = [logger.level for logger in loggers]
    for logger in loggers:
        logger.setLevel(logging.INFO)
        logger.addHandler(handler)
    try:
        yield handler
    finally:
        for logger, level in zip(loggers, levels, strict=True):
            logger.removeHandler(handler)
            logger.setLevel(level)


@pytest.fixture
def build_log() -> Iterator[BuildLog]:
    with captured_log() as handler:
        yield handler


def engine_module(name: str) -> Any:
    """A module of the engine under test: 'commands.build', 'config', 'exceptions'."""
    return importlib.import_module(f"{ENGINE}.{name}")


def Abort() -> type[BaseException]:
    """What the engine raises when a strict build fails."""
    exception: type[BaseException] = engine_module("exceptions").Abort
    return exception


def for_engine(config_file: Path) -> Path:
    """The site's config as the engine under test needs it: its theme named.

    A test's own config gets a sibling, so that problems name files as they do
    with the other engine; the project's is copied elsewhere, never beside it.
    """
    if THEME == "material":
        return config_file
    text = re.sub(r"(?m)^(\s+name:) material$", rf"\1 {THEME}", config_file.read_text("utf-8"))
    if config_file.parent == REPO:
        folder = Path(tempfile.mkdtemp(prefix=f"{ENGINE}-"))
        text = re.sub(r"(?m)^docs_dir: (\S+)$", f"docs_dir: {REPO}/\\1", text)
    else:
        folder = config_file.parent
    stack = folder / f".{config_file.stem}-{ENGINE}.yml"
    stack.write_text(text, encoding="utf-8")
    return stack


def build_site(config_file: Path, site_dir: Path, *, strict: bool = True, **overrides: Any) -> Path:
    """Build for real, as `mkdocs build --strict` would, into `site_dir`."""
    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    config = engine_module("config").load_config(
        str(for_engine(config_file)), site_dir=str(site_dir), strict=strict, **overrides
    )
    engine_module("commands.build").build(config)
    return site_dir


def read_page(site: Path, path: str) -> str:
    return (site / path).read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def site_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The demo, built for a sub-path and served under it on 127.0.0.1."""
    from browser import serve

    site = tmp_path_factory.mktemp("served") / "site"
    build_site(REPO / "mkdocs.yml", site, site_url="http://127.0.0.1/area/")
    with serve(site) as url:
        yield url


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    from browser import CHROMIUM, CHROMIUM_FLAGS, require_chromium

    require_chromium()
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_FLAGS)
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser: Any, site_url: str) -> Iterator[Any]:
    """A fresh page that fails its test on a console error or a request to another host."""
    from browser import Watched

    context = browser.new_context()
    watched = Watched(context.new_page(), site_url)
    yield watched
    context.close()
    watched.check()


_LOAD_APART = """
import json, resource, sys
from datetime import date
from area_knowledge import load_area
limit = int(sys.argv[3])
resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
area = load_area(sys.argv[1], today=date(2026, 11, 22), shown_from=sys.argv[2])
print(json.dumps({"problems": [str(p) for p in area.problems],
                  "entries": sorted(area.case_studies)}))
"""


def load_apart(area: AreaWriter, memory: int) -> dict[str, list[str]]:
    """Load the area in a child process given `memory` bytes and 20 seconds: a hostile
    file that would take more fails the test, not the machine."""
    pytest.importorskip("resource")
    done = subprocess.run(
        [sys.executable, "-c", _LOAD_APART, str(area.content), str(area.root), str(memory)],
        capture_output=True,
        text=True,
        timeout=20,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    result: dict[str, list[str]] = json.loads(done.stdout)
    return result
