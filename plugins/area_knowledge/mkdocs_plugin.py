"""The MkDocs adapter: the only module that imports MkDocs.

It hands `content/` to the core, logs the core's problems, and swaps files:
entries that must not be published leave the build, generated pages join it
through `File.generated`, and entry pages are laid out by the core's renderer.
Nothing is ever written into `content/`.
"""

from __future__ import annotations

import logging
import os

from mkdocs.config import base
from mkdocs.config import config_options as c
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.pages import Page

from .exports import data_files
from .indexes import Indexes, build_indexes
from .knowledge import DEFAULT_REVIEW_YEARS
from .model import CaseStudy, Hub, Practitioner, School, Theme
from .policy import PLACEHOLDER, content_security_policy
from .rendering import (
    SEARCH_PAGE,
    SECTION_PAGES,
    SHARE_PAGE,
    Settings,
    SiteRenderer,
    page_uri,
    splice_blocks,
)
from .resolution import load_area
from .schema import COLLECTIONS, SCHOOLS_FILE, THEMES_FILE
from .search import FACETS, build_search_index, search_record
from .sharing import new_file_url, share_form

log = logging.getLogger("mkdocs.plugins.area_knowledge")

STYLESHEET = "assets/area-knowledge.css"
SCRIPT = "assets/area-knowledge.js"
ASSETS = (STYLESHEET, SCRIPT)
# What the generated pages are written with; added when mkdocs.yml leaves one out.
MARKDOWN_EXTENSIONS = ("admonition", "attr_list", "tables", "toc")
OVERRIDES = os.path.join(os.path.dirname(__file__), "overrides")
ENTRY_FOLDERS = frozenset(collection.folder for collection in COLLECTIONS)


class AreaKnowledgeConfig(base.Config):
    contact_email = c.Type(str)
    """The partnership's mailbox, shown wherever no listed person can be named."""
    review_years = c.Type(int, default=DEFAULT_REVIEW_YEARS)
    """After how many years unconfirmed a case study is named on the map as due for review."""


class AreaKnowledgePlugin(BasePlugin[AreaKnowledgeConfig]):
    """Builds the cross-indexed pages of an area from `docs_dir`."""

    def __init__(self) -> None:
        self.renderer: SiteRenderer | None = None
        self.entries: dict[str, CaseStudy | Hub | Practitioner] = {}
        self.subjects: dict[str, Theme | School] = {}

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        if config.theme.name != "material":
            raise PluginError(
                "area-knowledge: the site's pages are laid out for Material for MkDocs: "
                "set 'theme: name: material' in mkdocs.yml"
            )
        for extension in MARKDOWN_EXTENSIONS:
            if extension not in config.markdown_extensions:
                config.markdown_extensions.append(extension)
        if "@" not in self.config.contact_email:
            raise PluginError(
                "area-knowledge: set 'contact_email' under the plugin in mkdocs.yml to the "
                f"partnership's mailbox (it is {self.config.contact_email!r})"
            )
        if STYLESHEET not in config.extra_css:
            config.extra_css.insert(0, STYLESHEET)
        if SCRIPT not in config.extra_javascript:
            config.extra_javascript.append(SCRIPT)
        # After a partnership's own custom_dir, before Material's templates.
        if OVERRIDES not in config.theme.dirs:
            config.theme.dirs.insert(1 if config.theme.custom_dir else 0, OVERRIDES)
        return config

    def on_files(self, files: Files, config: MkDocsConfig) -> Files:
        area = load_area(config.docs_dir, shown_from=os.path.dirname(config.config_file_path))
        for problem in area.problems:
            # Errors fail a strict build; a person dropping off the site never should.
            (log.warning if problem.severity == "error" else log.info)(str(problem))
        indexes = build_indexes(area)
        settings = Settings(
            contact_email=self.config.contact_email,
            review_years=self.config.review_years,
            directory_urls=config.use_directory_urls,
        )
        self.renderer = SiteRenderer(indexes, settings)
        self.entries = _published_entries(indexes)

        for name in (THEMES_FILE, SCHOOLS_FILE):
            register = files.get_file_from_path(name)
            if register is not None:
                files.remove(register)
        for file in list(files):
            if not file.is_documentation_page():
                continue
            entry = self.entries.get(file.src_uri)
            if entry is not None:
                file.inclusion = InclusionLevel.NOT_IN_NAV
            elif _is_entry_file(file.src_uri):
                files.remove(file)

        self.subjects = {}
        for page in self.renderer.generated_pages():
            existing = files.get_file_from_path(page.uri)
            if existing is not None:
                files.remove(existing)
            generated = File.generated(config, page.uri, content=page.markdown)
            if page.subject is not None:
                self.subjects[page.uri] = page.subject
            # Only the sections' first pages may join a nav MkDocs builds itself.
            if page.uri not in SECTION_PAGES:
                generated.inclusion = InclusionLevel.NOT_IN_NAV
            files.append(generated)
        for uri, text in data_files(indexes, self.renderer.kmap).items():
            files.append(File.generated(config, uri, content=text))
        for asset in ASSETS:
            files.append(File.generated(config, asset, abs_src_path=_asset_path(asset)))
        return files

    def on_page_markdown(
        self, markdown: str, /, *, page: Page, config: MkDocsConfig, files: Files
    ) -> str:
        assert self.renderer is not None
        uri = page.file.src_uri
        entry = self.entries.get(uri)
        if entry is not None:
            # The loader's reading of the body, which is the one that was checked.
            markdown = self.renderer.entry_page(entry, entry.body)
            page.meta["title"] = self.renderer.indexes.withhold(entry.title)
        subject = entry or self.subjects.get(uri)
        # An archived case study keeps its page but, like listings, search leaves it out.
        if subject is not None and getattr(subject, "status", "") != "archived":
            page.meta["area_search"] = search_record(subject, self.renderer.indexes)
        if uri == SEARCH_PAGE:
            page.meta["area_facets"] = FACETS
        if uri == SHARE_PAGE:
            new_file = new_file_url(
                config.repo_url or "", config.edit_uri or "", os.path.basename(config.docs_dir)
            )
            page.meta["area_share"] = share_form(self.renderer.indexes, new_file)
        return markdown

    def on_page_content(
        self, html: str, /, *, page: Page, config: MkDocsConfig, files: Files
    ) -> str:
        assert self.renderer is not None
        html = splice_blocks(html, self.renderer.blocks.pop(page.file.src_uri, {}))
        return self.renderer.indexes.withhold(html)

    def on_post_page(self, output: str, /, *, page: Page, config: MkDocsConfig) -> str:
        theme_html = output.replace(page.content or "", "")
        return output.replace(PLACEHOLDER, content_security_policy(theme_html), 1)

    def on_post_template(
        self, output_content: str, /, *, template_name: str, config: MkDocsConfig
    ) -> str:
        return output_content.replace(PLACEHOLDER, content_security_policy(output_content), 1)

    def on_post_build(self, *, config: MkDocsConfig) -> None:
        try:
            summary = build_search_index(config.site_dir)
        except (OSError, RuntimeError) as error:
            raise PluginError(
                f"area-knowledge: Pagefind could not index the site: {error}"
            ) from None
        log.info(f"Search index: {summary}")


def _asset_path(asset: str) -> str:
    return os.path.join(os.path.dirname(__file__), asset)


def _published_entries(indexes: Indexes) -> dict[str, CaseStudy | Hub | Practitioner]:
    """Entries with a page, by source path: listed, archived, hubs and listed people."""
    pages: list[CaseStudy | Hub | Practitioner] = [
        *indexes.case_studies,
        *indexes.archived,
        *indexes.hubs,
        *indexes.practitioners,
    ]
    return {page_uri(entry): entry for entry in pages}


def _is_entry_file(src_uri: str) -> bool:
    folder, _, name = src_uri.partition("/")
    return folder in ENTRY_FOLDERS and "/" not in name
