#!/usr/bin/env python3
"""Report what the area knows and where the gaps are, for a partnership meeting.

    scripts/report.py                       # reports on ./content
    scripts/report.py path/to/content       # reports on another area
    scripts/report.py --format json         # the same as data (schema_version 1)
    scripts/report.py --review-years 3      # case studies stay confirmed for 3 years

The review period is `review_years` under the `area-knowledge` plugin in
mkdocs.yml (next to the content folder, or given with --config-file), else 2.
Only what the site publishes is counted. Exits 0; 2 when the folder is missing
or mkdocs.yml cannot be used.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from typing import Any

import yaml

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "plugins"))

from area_knowledge import Indexes, build_indexes, load_area
from area_knowledge.exports import knowledge_json
from area_knowledge.knowledge import (
    DEFAULT_REVIEW_YEARS,
    GAP_KINDS,
    LEVELS,
    KnowledgeMap,
    knowledge_map,
)
from area_knowledge.rendering import uk_date

PLUGIN = "area-knowledge"


class _ConfigLoader(yaml.SafeLoader):
    """SafeLoader that reads tagged values (`!ENV`, `!!python/name:`) as nothing."""


def _ignore_tag(loader: yaml.SafeLoader, suffix: str, node: yaml.Node) -> None:
    return None


# mkdocs.yml often names Python objects for Material's extensions; we need none of them.
_ConfigLoader.add_multi_constructor("!", _ignore_tag)
_ConfigLoader.add_multi_constructor("tag:yaml.org,2002:python/", _ignore_tag)


class ConfigProblem(Exception):
    """A value in mkdocs.yml the report cannot use; the message says how to fix it."""


def read_mkdocs_yml(path: str) -> dict[str, Any]:
    """The settings in mkdocs.yml, or {} when there is no such file."""
    if not os.path.isfile(path):
        return {}
    with open(path, encoding="utf-8-sig") as stream:
        try:
            config = yaml.load(stream, Loader=_ConfigLoader)
        except (yaml.YAMLError, UnicodeDecodeError) as error:
            raise ConfigProblem(f"{path}: cannot be read: {error}") from None
    return config if isinstance(config, dict) else {}


def plugin_options(config: dict[str, Any]) -> dict[str, Any]:
    """This project's plugin options, whether `plugins` is written as a list or a mapping."""
    plugins = config.get("plugins")
    options: object = None
    if isinstance(plugins, dict):
        options = plugins.get(PLUGIN)
    elif isinstance(plugins, list):
        options = next((p[PLUGIN] for p in plugins if isinstance(p, dict) and PLUGIN in p), None)
    return options if isinstance(options, dict) else {}


def configured_review_years(config: dict[str, Any], path: str) -> int:
    """`review_years` from the plugin's options, or the default."""
    value = plugin_options(config).get("review_years", DEFAULT_REVIEW_YEARS)
    if isinstance(value, bool) or not isinstance(value, int) or value < 1:
        raise ConfigProblem(
            f"{path}: plugins: {PLUGIN}: review_years: {value!r} is not a whole number of "
            "years: write, for example, 'review_years: 2'"
        )
    return value


def report_text(indexes: Indexes, kmap: KnowledgeMap, partnership: str) -> str:
    """The report as plain text, headline figures first, then the gaps, then every theme."""
    title = f"{partnership}: what the area knows, {uk_date(kmap.today)}"
    lines = [title, "=" * len(title), ""]
    lines += headline_lines(kmap)
    lines += ["", "Gaps", "----"]
    lines += gap_lines(indexes, kmap)
    lines += ["", "Themes", "------"]
    lines += theme_lines(kmap)
    return "\n".join(lines) + "\n"


def headline_lines(kmap: KnowledgeMap) -> list[str]:
    """The headline figures, one a line."""
    h = kmap.headlines
    figures = [
        ("Member schools", str(h.member_schools)),
        (
            "Member schools that have shared practice",
            f"{h.sharing_schools} of {h.member_schools} ({h.sharing_percent}%)",
        ),
        ("Themes with an available expert", f"{h.themes_with_available_expert} of {h.themes}"),
        ("Case studies", str(h.case_studies)),
        ("Active hubs", str(h.active_hubs)),
        ("Experts listed", str(h.experts)),
        ("Priority themes with a gap", f"{h.priority_themes_with_gap} of {h.priority_themes}"),
    ]
    width = max(len(label) for label, _ in figures)
    return [f"{label + ':':<{width + 1}}  {value}" for label, value in figures]


def gap_lines(indexes: Indexes, kmap: KnowledgeMap) -> list[str]:
    """Every gap, each list under its question; 'none' where there is no gap."""
    gaps = kmap.gaps
    schools = indexes.area.schools

    def school_name(urn: int | None) -> str:
        return schools[urn].name if urn in schools else "school not known"

    sections: list[tuple[str, list[str]]] = [
        (
            f"Priority themes with no {label}",
            [theme.title for theme in gaps.priority_themes_without(kind)],
        )
        for kind, label in GAP_KINDS.items()
    ]
    sections += [
        (
            "Themes with case studies but no listed expert",
            [theme.title for theme in gaps.themes_without_experts],
        ),
        (
            "Experts named as contact on no case study",
            [
                f"{person.name} ({school_name(person.school)})"
                for person in gaps.experts_without_case_studies
            ],
        ),
        (
            "Member schools that have shared no case study and belong to no hub",
            [school.name for school in gaps.schools_not_sharing],
        ),
        (
            f"Case studies last confirmed more than {_years(kmap.review_years)} ago, "
            f"before {uk_date(kmap.review_cutoff)}",
            [
                f"{study.title} (last confirmed {uk_date(study.last_confirmed)})"
                for study in gaps.case_studies_due_review
            ],
        ),
    ]
    lines: list[str] = []
    for question, items in sections:
        if len(items) <= 1:
            lines.append(f"{question}: {items[0] if items else 'none'}")
        else:
            lines.append(f"{question} ({len(items)}):")
            lines += [f"  - {item}" for item in items]
    return lines


def theme_lines(kmap: KnowledgeMap) -> list[str]:
    """Every theme with its level and counts; sub-themes indented under their parent."""
    names = [
        ("  " if row.theme.parent else "")
        + row.theme.title
        + (" (priority)" if row.theme.priority else "")
        for row in kmap.rows
    ]
    width = max([len("Theme"), *(len(name) for name in names)])
    header = ("Theme", "Level", "Case studies", "Experts", "Available", "Hubs", "Schools")
    lines = ["  ".join([f"{header[0]:<{width}}", f"{header[1]:<6}", *header[2:]])]
    for name, row in zip(names, kmap.rows, strict=True):
        counts = (row.case_studies, row.experts, row.available_experts, row.hubs, row.schools)
        lines.append(
            "  ".join(
                [
                    f"{name:<{width}}",
                    f"{LEVELS[row.level]:<6}",
                    *(
                        f"{count:>{len(label)}}"
                        for count, label in zip(counts, header[2:], strict=True)
                    ),
                ]
            ).rstrip()
        )
    lines += [
        "",
        "A broader theme's counts include its sub-themes (indented). Available: experts "
        "available now.",
    ]
    return lines


def _years(count: int) -> str:
    return "1 year" if count == 1 else f"{count} years"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("content", nargs="?", default="content", help="the area's content folder")
    parser.add_argument("--format", choices=("text", "json"), default="text")
    parser.add_argument(
        "--review-years",
        type=int,
        metavar="N",
        help="years before a case study needs confirming again (default: from mkdocs.yml, else 2)",
    )
    parser.add_argument(
        "-f",
        "--config-file",
        metavar="PATH",
        help="the site's mkdocs.yml (default: the one next to the content folder)",
    )
    args = parser.parse_args(argv)

    if not os.path.isdir(args.content):
        print(
            f"{args.content}: no such folder: give the path of an area's content/", file=sys.stderr
        )
        return 2
    if args.review_years is not None and args.review_years < 1:
        print("--review-years: give a whole number of years, 1 or more", file=sys.stderr)
        return 2
    config_path = args.config_file or os.path.join(
        os.path.dirname(os.path.abspath(args.content)), "mkdocs.yml"
    )
    try:
        config = read_mkdocs_yml(config_path)
        review_years = args.review_years or configured_review_years(config, config_path)
    except ConfigProblem as problem:
        print(problem, file=sys.stderr)
        return 2

    area = load_area(args.content)
    indexes = build_indexes(area)
    kmap = knowledge_map(indexes, review_years)
    if args.format == "json":
        print(json.dumps(knowledge_json(indexes, kmap), indent=2, ensure_ascii=False))
    else:
        partnership = str(config.get("site_name") or "The partnership")
        print(indexes.withhold(report_text(indexes, kmap, partnership)), end="")
    if area.errors:
        errors = len(area.errors)
        print(
            f"{errors} {'error' if errors == 1 else 'errors'} in the content: entries with "
            "errors may be missing from these figures; run scripts/validate.py to see them",
            file=sys.stderr,
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
