"""What the engine needs beside the pages: extensions, theme overrides, and its config.

The published site's source builds with no plugin of ours: `engine_config`
writes the `mkdocs.yml` that MkDocs, ProperDocs or any engine that reads it
needs for the folder the core wrote (`scripts/publish.py`).
"""

from __future__ import annotations

import os
from typing import Any

from ..site.source import SCRIPTS as SITE_SCRIPTS
from ..site.source import STYLESHEET
from ..site.urls import SECTION_PAGES

# Material and its maintained continuation; both read the overrides below.
THEMES = ("material", "materialx")
# What the pages the core writes need of Python-Markdown: heading attributes and ids.
ENGINE_EXTENSIONS = ("attr_list", "toc")
OVERRIDES = os.path.join(os.path.dirname(__file__), "material")
SCRIPTS = SITE_SCRIPTS

DEFAULT_NAV = [
    {"Home": "index.md"},
    {"Case studies": "case-studies/index.md"},
    {"Hubs": "hubs/index.md"},
    {"Experts": "practitioners/index.md"},
    {"Themes": "themes/index.md"},
    {"Localities": "localities/index.md"},
    {"Knowledge map": "map/index.md"},
    {"Search": "search/index.md"},
    {"Share your practice": "share/index.md"},
]

# Keys of the partnership's mkdocs.yml that the published config keeps as they are.
_KEPT = (
    "site_name",
    "site_description",
    "site_url",
    "site_author",
    "copyright",
    "repo_url",
    "repo_name",
    "use_directory_urls",
    "extra",
    "nav",
)


def engine_config(config: dict[str, Any], theme: dict[str, Any], overrides: str) -> dict[str, Any]:
    """The `mkdocs.yml` of the published source: no plugin, no contributor's key."""
    published: dict[str, Any] = {key: config[key] for key in _KEPT if key in config}
    published.setdefault("nav", DEFAULT_NAV)
    published["docs_dir"] = "docs"
    # Entry pages carry their own edit link; the theme's would point into docs/.
    published["edit_uri"] = ""
    published["theme"] = {**theme, "custom_dir": overrides}
    published["plugins"] = []
    published["markdown_extensions"] = list(ENGINE_EXTENSIONS)
    published["extra_css"] = [STYLESHEET]
    published["extra_javascript"] = list(SCRIPTS)
    published.setdefault("extra", {})
    published["not_in_nav"] = "\n".join(["/*/**", *(f"!/{page}" for page in SECTION_PAGES)])
    published["validation"] = {"nav": {"omitted_files": "info", "not_found": "warn"}}
    return published
