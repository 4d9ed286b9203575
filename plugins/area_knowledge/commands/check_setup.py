"""Say which of the demo's settings a partnership's own site still has.

    scripts/check_setup.py       # mkdocs.yml, the issue forms' links, the home page
    scripts/check_setup.py -f path/to/mkdocs.yml

A site made from this repository starts as the demo, the fictional
Castlebrook Education Partnership. Each line names a file, a setting and the
demo's value still in it, with what to put instead. Exits 1 while any
remains, 0 once none does (and says so).
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence

from ..settings import SettingsProblem, plugin_options, read_config
from . import run

DEMO_NAME = "Castlebrook"
DEMO_ADDRESS = "castlebrook-partnership"


def demo_values(config_path: str) -> list[str]:
    """A line for each of the demo's values still in the site's settings and start pages."""
    config = read_config(config_path)
    found = []
    for key, fix in (
        ("site_name", "your partnership's name"),
        ("site_description", "a sentence about your partnership"),
        ("site_url", "your site's address on GitHub Pages"),
        ("repo_url", "your repository's address"),
        ("copyright", "your partnership's name"),
    ):
        value = str(config.get(key) or "")
        if DEMO_NAME in value or DEMO_ADDRESS in value:
            found.append(f"{config_path}: {key}: {value!r} is the demo's: set {fix}")
    mailbox = str(plugin_options(config).get("contact_email") or "")
    if DEMO_ADDRESS in mailbox:
        found.append(
            f"{config_path}: plugins: area-knowledge: contact_email: {mailbox!r} is the demo's: "
            "set your partnership's mailbox"
        )
    base = os.path.dirname(os.path.abspath(config_path))
    for relative, fix in (
        (".github/ISSUE_TEMPLATE/config.yml", "set the share page's address on your site"),
        (os.path.join(str(config.get("docs_dir") or "docs"), "index.md"), "write your own words"),
    ):
        path = os.path.join(base, relative)
        if os.path.isfile(path) and _mentions_demo(path):
            found.append(f"{relative}: still names the demo ({DEMO_NAME}): {fix}")
    return found


def _mentions_demo(path: str) -> bool:
    with open(path, encoding="utf-8", errors="replace") as stream:
        text = stream.read()
    return DEMO_NAME in text or DEMO_ADDRESS in text


def _main(argv: Sequence[str] | None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("-f", "--config-file", default="mkdocs.yml", metavar="PATH")
    args = parser.parse_args(argv)
    if not os.path.isfile(args.config_file):
        print(f"{args.config_file}: no such file: give the site's mkdocs.yml", file=sys.stderr)
        return 2
    try:
        found = demo_values(args.config_file)
    except SettingsProblem as problem:
        print(problem, file=sys.stderr)
        return 2
    for line in found:
        print(f"warning: {line}")
    if not found:
        print("None of the demo's settings remain.")
    return 1 if found else 0


def main(argv: Sequence[str] | None = None) -> int:
    return run(_main, argv)
