"""Write the published site's source, for an engine to build with no plugin of ours.

    scripts/publish.py build/published                  # write the source only
    scripts/publish.py build/published --engine .venv/bin/mkdocs --site-dir site
    scripts/publish.py build/published --engine .venv-properdocs/bin/properdocs

The folder gets `mkdocs.yml` (no plugin, the partnership's theme settings),
`docs/` (every page, data file and asset the core made, and nothing from
`content/` that the core did not emit) and `overrides/` (the theme's
templates). With `--engine`, the engine builds it into `--site-dir` and the
finishing step (Content-Security-Policy, script check, Pagefind, leak guard)
runs over the result. Exits 0 when done, 1 when the content has errors or the
finished site would leak, 2 for unusable settings.
"""

from __future__ import annotations

import argparse
import glob
import os
import shutil
import subprocess
import sys
from collections.abc import Sequence

from ..authoring.yaml_text import yaml_text
from ..engines.config import OVERRIDES, THEMES, engine_config
from ..reading.area import load_area
from ..settings import Settings, SettingsProblem, plugin_options, read_config, settings_from
from ..site.finishing.finish import FinishingFailed, finish_site
from ..site.finishing.leak_guard import digest
from ..site.source import SiteSource, site_source
from . import run


def write_source(
    source: SiteSource, config: dict[str, object], settings: Settings, out: str
) -> str:
    """Write the source folder; the path of its `mkdocs.yml`."""
    if os.path.isdir(out):
        shutil.rmtree(out)
    docs = os.path.join(out, "docs")
    for uri, page in source.page_sources(stash=False).items():
        _write(os.path.join(docs, uri), page.markdown.encode("utf-8"))
    for path, data in source.files.items():
        _write(os.path.join(docs, path), data)
    overrides = os.path.join(out, "overrides")
    shutil.copytree(OVERRIDES, overrides)
    theme = dict(config.get("theme") or {})  # type: ignore[call-overload]
    custom = theme.pop("custom_dir", None)
    if custom:
        base = os.path.dirname(str(config.get("config_file_path", "")))
        shutil.copytree(os.path.join(base, str(custom)), overrides, dirs_exist_ok=True)
    published = engine_config(dict(config), theme, "overrides")
    published["extra"] = {**published.get("extra", {}), "scope": settings.site_path}
    config_path = os.path.join(out, "mkdocs.yml")
    _write(config_path, yaml_text(published).encode("utf-8"))
    return config_path


def _write(path: str, data: bytes) -> None:
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "wb") as stream:
        stream.write(data)


def _main(argv: Sequence[str] | None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("out", help="the folder to write the source into (emptied first)")
    parser.add_argument("-f", "--config-file", default="mkdocs.yml", metavar="PATH")
    parser.add_argument(
        "--engine", metavar="COMMAND", help="build with this engine, e.g. .venv/bin/mkdocs"
    )
    parser.add_argument("--site-dir", default="site", metavar="DIR")
    args = parser.parse_args(argv)
    try:
        config = read_config(args.config_file)
        settings = settings_from(config, plugin_options(config), args.config_file)
    except SettingsProblem as problem:
        print(problem, file=sys.stderr)
        return 2
    theme = config.get("theme") or {}
    if not isinstance(theme, dict) or theme.get("name") not in THEMES:
        print(f"{args.config_file}: theme: name: use one of {', '.join(THEMES)}", file=sys.stderr)
        return 2
    base = os.path.dirname(os.path.abspath(args.config_file))
    config["config_file_path"] = os.path.abspath(args.config_file)
    area = load_area(os.path.join(base, str(config.get("docs_dir") or "docs")), shown_from=base)
    source = site_source(area, settings)
    problems = [*area.problems, *source.problems]
    for found in problems:
        print(found, file=sys.stderr)
    config_path = write_source(source, config, settings, args.out)
    print(f"Wrote {len(source.pages)} pages and {len(source.files)} files to {args.out}")
    if any(p.severity == "error" for p in problems):
        return 1
    return _build(args.engine, config_path, args.site_dir, source) if args.engine else 0


def _build(engine: str, config_path: str, site_dir: str, source: SiteSource) -> int:
    """Build the source with the engine, then finish the site."""
    site = os.path.abspath(site_dir)
    done = subprocess.run([engine, "build", "--strict", "-f", config_path, "-d", site], check=False)
    if done.returncode != 0:
        print(f"{engine}: the build failed (exit {done.returncode})", file=sys.stderr)
        return 1
    published = source.published
    try:
        finished = finish_site(
            site,
            published.mentions,
            published.withheld_pages,
            source.head_links,
            shipped=installed_copies(engine, site),
        )
    except FinishingFailed as error:
        print(f"{site_dir}: the site cannot be published: {error}", file=sys.stderr)
        return 1
    print(f"Finished {finished.pages} pages in {site_dir}; search index: {finished.search}")
    return 0


# The packages an engine's theme and its assets come from.
_THEME_PACKAGES = (*THEMES, "mkdocs", "properdocs", "zensical")


def installed_copies(engine: str, site: str) -> frozenset[bytes]:
    """The digests of the site's files (pages aside) that the engine's installed theme
    holds byte for byte: the guard need not read them, and their credits name their
    authors. Found by name and size among the theme packages beside the engine."""
    command = shutil.which(engine)
    if command is None:
        return frozenset()
    prefix = os.path.dirname(os.path.dirname(os.path.realpath(command)))
    wanted = {
        (name, os.path.getsize(os.path.join(folder, name)))
        for folder, _, names in os.walk(site)
        for name in names
        if not name.endswith(".html")
    }
    found = set()
    for packages in glob.glob(os.path.join(prefix, "lib", "python3*", "site-packages")):
        for package in _THEME_PACKAGES:
            for folder, _, names in os.walk(os.path.join(packages, package)):
                for name in names:
                    path = os.path.join(folder, name)
                    if (name, os.path.getsize(path)) in wanted:
                        with open(path, "rb") as stream:
                            found.add(digest(stream.read()))
    return frozenset(found)


def main(argv: Sequence[str] | None = None) -> int:
    return run(_main, argv)
