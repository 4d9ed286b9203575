"""What a partnership sets in `mkdocs.yml`, read once and checked, for the build and the scripts.

The plugin hands its config to `settings_from`; the scripts call
`read_settings`, which reads `mkdocs.yml` safely (tags such as `!ENV` are
evaluated, Python tags ignored) and then calls the same function.
"""

from __future__ import annotations

import os
import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

import yaml

PLUGIN = "area-knowledge"
DEFAULT_REVIEW_YEARS = 2
_EMAIL = re.compile(r"^[^@\s<>\"']+@[^@\s<>\"']+\.[^@\s<>\"']+$")


class SettingsProblem(ValueError):
    """A setting the site cannot use; the message names it and says how to fix it."""


@dataclass(frozen=True)
class Settings:
    """The settings pages, exports and scripts need."""

    contact_email: str
    review_years: int = DEFAULT_REVIEW_YEARS
    site_name: str = "The partnership"
    site_url: str = ""
    repo_url: str = ""
    edit_uri: str = ""
    directory_urls: bool = True
    content_folder: str = "content"

    @property
    def site_path(self) -> str:
        """The path the site is served under, e.g. '/area-knowledge/' on GitHub Pages."""
        path = re.sub(r"^[a-z]+://[^/]*", "", self.site_url) or "/"
        return path if path.endswith("/") else path + "/"


def settings_from(
    config: Mapping[str, Any],
    options: Mapping[str, Any],
    where: str = "mkdocs.yml",
    *,
    mailbox_required: bool = True,
) -> Settings:
    """Settings from the site's config and the plugin's options; `SettingsProblem` if unusable."""
    email = options.get("contact_email") or ""
    if (mailbox_required or email) and (
        not isinstance(email, str) or not _EMAIL.match(email.strip())
    ):
        raise SettingsProblem(
            f"{where}: plugins: {PLUGIN}: contact_email: set it to the partnership's mailbox, "
            f"e.g. 'contact_email: hello@partnership.org.uk' (it is {email!r})"
        )
    years = options.get("review_years", DEFAULT_REVIEW_YEARS)
    if isinstance(years, bool) or not isinstance(years, int) or years < 1:
        raise SettingsProblem(
            f"{where}: plugins: {PLUGIN}: review_years: {years!r} is not a whole number of "
            "years: write, for example, 'review_years: 2'"
        )
    return Settings(
        contact_email=email.strip(),
        review_years=years,
        site_name=str(config.get("site_name") or "The partnership"),
        site_url=str(config.get("site_url") or ""),
        repo_url=str(config.get("repo_url") or ""),
        edit_uri=str(config.get("edit_uri") or ""),
        directory_urls=config.get("use_directory_urls", True) is not False,
        content_folder=os.path.basename(str(config.get("docs_dir") or "content").rstrip("/")),
    )


def plugin_options(config: Mapping[str, Any]) -> dict[str, Any]:
    """This project's plugin options, whether `plugins` is written as a list or a mapping."""
    plugins = config.get("plugins")
    options: object = None
    if isinstance(plugins, dict):
        options = plugins.get(PLUGIN)
    elif isinstance(plugins, list):
        options = next((p[PLUGIN] for p in plugins if isinstance(p, dict) and PLUGIN in p), None)
    return options if isinstance(options, dict) else {}


class _ConfigLoader(yaml.SafeLoader):
    """SafeLoader for mkdocs.yml: `!ENV` evaluated, other tags read as nothing."""


def _environment(loader: yaml.SafeLoader, node: yaml.Node) -> Any:
    names = (
        [loader.construct_scalar(n) for n in node.value]
        if isinstance(node, yaml.SequenceNode)
        else [loader.construct_scalar(node)]  # type: ignore[arg-type]
    )
    default = names.pop() if len(names) > 1 else None
    return next((os.environ[str(n)] for n in names if str(n) in os.environ), default)


def _ignored(loader: yaml.SafeLoader, suffix: str, node: yaml.Node) -> None:
    return None


_ConfigLoader.add_constructor("!ENV", _environment)
_ConfigLoader.add_multi_constructor("!", _ignored)
_ConfigLoader.add_multi_constructor("tag:yaml.org,2002:python/", _ignored)


def read_config(path: str) -> dict[str, Any]:
    """The settings in `mkdocs.yml` as plain data, or {} when there is no such file."""
    if not os.path.isfile(path):
        return {}
    try:
        with open(path, encoding="utf-8-sig") as stream:
            config = yaml.load(stream, Loader=_ConfigLoader)
    except (yaml.YAMLError, UnicodeDecodeError, OSError) as error:
        raise SettingsProblem(f"{path}: cannot be read: {error}") from None
    return config if isinstance(config, dict) else {}


def read_settings(path: str, *, mailbox_required: bool = True) -> Settings:
    """The site's settings from the `mkdocs.yml` at `path`; `SettingsProblem` if unusable."""
    config = read_config(path)
    if not config:
        raise SettingsProblem(
            f"{path}: no such file: give the site's mkdocs.yml with --config-file"
        )
    return settings_from(config, plugin_options(config), path, mailbox_required=mailbox_required)
