"""The MkDocs (and ProperDocs) adapter: the only module that imports the engine.

The engine is given exactly what the core made and nothing else. Its
`docs_dir` is pointed at an empty folder, so that it never lists, reads or
copies a file of `content/`; the core reads `content/` itself (watched for
the preview) and every page, data file and asset joins the build through
`File.generated`. After the build, the finishing step runs over `site/`.
"""

from __future__ import annotations

import functools
import gc
import logging
import os
import shutil
import tempfile
import time
from collections.abc import Callable

from mkdocs.config import base
from mkdocs.config import config_options as c
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.pages import Page

from ..contract.model import Area
from ..reading.area import load_area
from ..settings import DEFAULT_REVIEW_YEARS, Settings, SettingsProblem, settings_from
from ..site.finishing.finish import THEME_ONLY_PAGE, FinishingFailed, finish_site
from ..site.finishing.leak_guard import digest
from ..site.finishing.live import LiveFinishing, stop_indexing
from ..site.page_source import splice_blocks
from ..site.preview_files import PageSources, WrittenFiles
from ..site.source import STYLESHEET, SiteSource, site_source
from ..site.urls import SECTION_PAGES
from ..site.warm import next_source
from .config import ENGINE_EXTENSIONS, OVERRIDES, SCRIPTS, THEMES

# Under the engine's own logger, so that its strict mode counts our warnings:
# ProperDocs answers imports of `mkdocs.*` with its own modules.
log = logging.getLogger(f"{BasePlugin.__module__}.area_knowledge")


class AreaKnowledgeConfig(base.Config):
    contact_email = c.Type(str, default="")
    """The partnership's mailbox, shown wherever no listed person can be named."""
    review_years = c.Type(int, default=DEFAULT_REVIEW_YEARS)
    """After how many years unconfirmed a case study is named on the map as due for review."""


class AreaKnowledgePlugin(BasePlugin[AreaKnowledgeConfig]):
    """Builds the published site of the area in the config's `docs_dir`."""

    def __init__(self) -> None:
        self.preview = False
        self.content_dir = ""
        self.empty_dir = ""
        self.settings: Settings | None = None
        self.source: SiteSource | None = None
        self.area: Area | None = None
        self.blocks: dict[str, dict[str, str]] = {}
        self.dirty = False
        self.live: LiveFinishing | None = None
        # The theme's own files the engine copies, by digest: no content reaches them.
        self.shipped: frozenset[bytes] = frozenset()
        # A preview keeps these from one rebuild to the next (the engine keeps this object).
        self.page_sources = PageSources()
        self.written: WrittenFiles | None = None

    def on_startup(self, *, command: str, dirty: bool) -> None:
        self.preview = command == "serve"
        self.dirty = dirty
        if self.preview and dirty:
            # The engine warns of stale navigation on every dirty build; this plugin
            # rewrites every page whose navigation or links changed, so it does not apply.
            logging.getLogger(_ENGINE_BUILD).addFilter(_not_the_dirty_warning)

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        if config.theme.name not in THEMES:
            raise PluginError(
                "area-knowledge: the site's pages are laid out for Material for MkDocs: "
                "set 'theme: name: material' (or materialx) in mkdocs.yml"
            )
        try:
            self.settings = settings_from(config, self.config, config.config_file_path or "")
        except SettingsProblem as problem:
            raise PluginError(f"area-knowledge: {problem}") from None
        for extension in ENGINE_EXTENSIONS:
            if extension not in config.markdown_extensions:
                config.markdown_extensions.append(extension)
        config.extra.setdefault("scope", self.settings.site_path)
        if STYLESHEET not in config.extra_css:
            config.extra_css.insert(0, STYLESHEET)
        for script in SCRIPTS:
            if script not in config.extra_javascript:
                config.extra_javascript.append(script)
        # After a partnership's own custom_dir, before the theme's templates.
        if OVERRIDES not in config.theme.dirs:
            config.theme.dirs.insert(1 if config.theme.custom_dir else 0, OVERRIDES)
        self.content_dir = config.docs_dir
        # One per process: the preview rebuilds with new plugins, and watches the first.
        self.empty_dir = os.path.join(tempfile.gettempdir(), f"area-knowledge-engine-{os.getpid()}")
        os.makedirs(self.empty_dir, exist_ok=True)
        config.docs_dir = self.empty_dir
        config.watch.append(self.content_dir)
        return config

    def on_files(self, files: Files, config: MkDocsConfig) -> Files:
        source = self._lay_out(config)
        published = Files([])
        published.add_files_from_theme(config.theme.get_env(), config)
        sources = self.page_sources.of(source)
        self.blocks = {uri: page.blocks for uri, page in sources.items()}
        # Only the pages the nav names may join it: an automatic nav of every page
        # would make the build quadratic (the theme writes the nav into each page).
        in_nav = _nav_pages(config.nav) if config.nav else {*SECTION_PAGES, "index.md"}
        contents = {uri: page.markdown for uri, page in sources.items()} | source.files
        fresh = None
        if self.preview and self.dirty:
            # Files the engine reads from disk, rewritten only when changed: its dirty
            # build then renders only the pages an edit changed.
            self.written = self.written or WrittenFiles(self.empty_dir + "-pages")
            fresh = self.written.update(contents, lambda path: _dest(config, path))
        for path, content in contents.items():
            inclusion = InclusionLevel.NOT_IN_NAV
            if path in in_nav or not path.endswith(".md"):
                inclusion = InclusionLevel.UNDEFINED
            published.append(self._file(config, path, content, inclusion))
        self.shipped = _shipped(config, _copied(published))
        if not self.dirty or fresh is not None:
            # Pages are finished as they are written; a dirty build writes only some,
            # which only a preview, knowing which, finishes so.
            others = None if fresh is None else frozenset(_built(config, fresh))
            copied = _copied(published)
            if others is not None and self.live is not None:
                # A preview's last build read what did not change: only the rest again.
                copied = {path: data for path, data in copied.items() if path in others}
            written = sources if fresh is None else fresh
            self.live = LiveFinishing(
                config.site_dir,
                source.published.mentions,
                source.published.withheld_pages,
                source.head_links,
                preview=self.preview,
                others=others,
                copied=copied,
                shipped=self.shipped,
                told=log.info,
                # With the theme's 404 page, when the engine writes them all.
                pages=sum(path.endswith(".md") for path in written) + 1,
            )
        # What is laid out lives until the build ends: the collector need not walk it
        # again after each few hundred pages rendered (at 10,000 entries, a tenth of the
        # build).
        gc.freeze()
        return published

    def _lay_out(self, config: MkDocsConfig) -> SiteSource:
        """The area read and the site laid out (a preview's from its last), problems logged."""
        assert self.settings is not None
        shown_from = os.path.dirname(config.config_file_path or self.content_dir)
        started = time.monotonic()
        area = load_area(self.content_dir, shown_from=shown_from)
        if self.preview:
            self.source = next_source(self.source, self.area, area, self.settings, log.info)
        else:
            self.source = site_source(area, self.settings, told=log.info)
        self.area = area
        log.info(
            f"Area read and laid out in {time.monotonic() - started:.1f} s: "
            f"{len(self.source.pages)} pages, {len(self.source.files)} other files"
        )
        for problem in [*area.problems, *self.source.problems]:
            # Errors fail a strict build; a person dropping off the site never should.
            (log.warning if problem.severity == "error" else log.info)(str(problem))
        return self.source

    def _file(
        self, config: MkDocsConfig, path: str, content: str | bytes, inclusion: InclusionLevel
    ) -> File:
        """A file of the site for the engine: in memory, or in a preview's folder on disk."""
        if self.written is None:
            return File.generated(config, path, content=content, inclusion=inclusion)
        folder, site = self.written.folder, config.site_dir
        return File(path, folder, site, config.use_directory_urls, inclusion=inclusion)

    def on_page_content(
        self, html: str, /, *, page: Page, config: MkDocsConfig, files: Files
    ) -> str:
        return splice_blocks(html, self.blocks.pop(page.file.src_uri, {}))

    def on_post_template(
        self, output_content: str, /, *, template_name: str, config: MkDocsConfig
    ) -> str:
        if self.live is None or template_name != THEME_ONLY_PAGE:
            return output_content
        return self._finished(lambda: self.live.theme_page(output_content))  # type: ignore[union-attr]

    def on_post_page(self, output: str, /, *, page: Page, config: MkDocsConfig) -> str:
        if self.live is None:
            return output
        return self._finished(lambda: self.live.page(output, page.file.dest_uri))  # type: ignore[union-attr]

    def _finished(self, finish: Callable[[], str]) -> str:
        try:
            return finish()
        except FinishingFailed as error:
            raise PluginError(f"area-knowledge: the site cannot be published: {error}") from None

    def on_post_build(self, *, config: MkDocsConfig) -> None:
        assert self.source is not None
        started = time.monotonic()
        try:
            finished = (
                self.live.finish()
                if self.live is not None
                else finish_site(
                    config.site_dir,
                    self.source.published.mentions,
                    self.source.published.withheld_pages,
                    self.source.head_links,
                    preview=self.preview,
                    shipped=self.shipped,
                )
            )
        except (FinishingFailed, OSError, RuntimeError) as error:
            raise PluginError(f"area-knowledge: the site cannot be published: {error}") from None
        finally:
            self._tidy_after_build()
        log.info(
            f"Finished {finished.pages} pages in {time.monotonic() - started:.1f} s; "
            f"search index: {finished.search}"
        )

    def on_build_error(self, *, error: Exception) -> None:
        self._tidy_after_build()

    def _tidy_after_build(self) -> None:
        # A build run in a process of its own (a test's, a script's) has no shutdown.
        if not self.preview and self.empty_dir:
            shutil.rmtree(self.empty_dir, ignore_errors=True)

    def on_shutdown(self) -> None:
        stop_indexing()
        if self.empty_dir:
            shutil.rmtree(self.empty_dir, ignore_errors=True)
        if self.written is not None:
            shutil.rmtree(self.written.folder, ignore_errors=True)


_ENGINE_BUILD = f"{BasePlugin.__module__.split('.')[0]}.commands.build"


def _not_the_dirty_warning(record: logging.LogRecord) -> bool:
    return not record.getMessage().startswith("A 'dirty' build is being performed")


def _built(config: MkDocsConfig, paths: list[str]) -> list[str]:
    """The built files, as the finishing step names them, of the files that are not pages."""
    site = config.site_dir
    return [
        os.path.relpath(_dest(config, path), site).replace(os.sep, "/")
        for path in paths
        if not path.endswith(".md")
    ]


def _copied(files: Files) -> dict[str, bytes | str]:
    """What the engine copies into the site, by its path there: bytes, or the file copied."""
    return {
        file.dest_uri: file.abs_src_path or file.content_bytes
        for file in files
        if not file.is_documentation_page()
    }


def _shipped(config: MkDocsConfig, copied: dict[str, bytes | str]) -> frozenset[bytes]:
    """The digest of each file the engine copies from an installed theme, not the
    project's own folders: the guard need not read the theme's scripts for names
    (they credit their authors, which would stop the site for a namesake withheld)."""
    project = os.path.dirname(os.path.abspath(config.config_file_path or "."))
    themes = [
        os.path.abspath(folder) + os.sep
        for folder in config.theme.dirs
        if not os.path.abspath(folder).startswith(project + os.sep)
    ]
    shipped = set()
    for source in copied.values():
        if isinstance(source, str) and os.path.abspath(source).startswith(tuple(themes)):
            found = os.stat(source)
            shipped.add(_installed_digest(source, found.st_mtime_ns, found.st_size))
    return frozenset(shipped)


@functools.lru_cache(maxsize=4096)
def _installed_digest(path: str, mtime_ns: int, size: int) -> bytes:
    """What an installed theme file holds, read once while it is unchanged: a preview
    asks again at every rebuild."""
    with open(path, "rb") as stream:
        return digest(stream.read())


def _dest(config: MkDocsConfig, path: str) -> str:
    """Where the engine writes the file of `path`."""
    return File(path, None, config.site_dir, config.use_directory_urls).abs_dest_path


def _nav_pages(nav: object) -> set[str]:
    """Every page a nav from mkdocs.yml names, at any depth."""
    if isinstance(nav, str):
        return {nav}
    if isinstance(nav, dict):
        return {page for value in nav.values() for page in _nav_pages(value)}
    if isinstance(nav, list):
        return {page for item in nav for page in _nav_pages(item)}
    return set()
