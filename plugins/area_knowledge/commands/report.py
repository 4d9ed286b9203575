"""Report what the area knows and where the gaps are, for a partnership meeting.

    scripts/report.py                       # reports on ./content
    scripts/report.py path/to/content       # reports on another area
    scripts/report.py --format json         # the same as data (schema_version 1)
    scripts/report.py --format csv          # the figures by academic year, for a spreadsheet
    scripts/report.py --since 2026-09-01    # the figures since a day, beside each year's
    scripts/report.py --review-years 3      # case studies stay confirmed for 3 years

The settings are read from mkdocs.yml next to the content folder (or the one
given with --config-file), as the build reads them. Only what the site
publishes is counted. Exits 0; 2 when the folder is missing or mkdocs.yml
cannot be used.
"""

from __future__ import annotations

import argparse
import csv
import dataclasses
import io
import json
import os
import sys
from collections.abc import Sequence

from ..publishing.figures import PeriodFigures, by_academic_year, since
from ..publishing.indexes import Indexes, build_indexes
from ..publishing.knowledge_map import GAP_KINDS, LEVELS, KnowledgeMap, knowledge_map
from ..publishing.published import publish
from ..reading.area import load_area
from ..reading.values import Invalid, read_date
from ..settings import Settings, SettingsProblem, read_settings
from ..site.exports import knowledge_json
from ..site.templates import uk_date
from . import counted, run

PERIOD_COLUMNS = (
    ("period", "Period"),
    ("case_studies", "Case studies"),
    ("sharing_schools", "Member schools sharing"),
    ("member_schools", "Member schools"),
    ("new_experts", "New experts"),
)


def report_text(
    indexes: Indexes, kmap: KnowledgeMap, partnership: str, periods: list[PeriodFigures]
) -> str:
    """The report as plain text: headline figures, figures by year, gaps, every theme."""
    title = f"{partnership}: what the area knows, {uk_date(kmap.today)}"
    lines = [title, "=" * len(title), ""]
    lines += headline_lines(kmap)
    lines += ["", "By academic year (1 September to 31 August)", "-" * 44]
    lines += period_lines(periods)
    lines += ["", "Gaps", "----"]
    lines += gap_lines(indexes, kmap)
    lines += ["", "Themes", "------"]
    lines += theme_lines(kmap)
    return "\n".join(lines) + "\n"


def period_lines(periods: list[PeriodFigures]) -> list[str]:
    """Each period's figures, one a line, under the columns' headings."""
    header = [label for _, label in PERIOD_COLUMNS]
    rows = [[str(getattr(p, name)) for name, _ in PERIOD_COLUMNS] for p in periods]
    widths = [max(len(cell) for cell in column) for column in zip(header, *rows, strict=True)]
    return [
        "  ".join(cell.ljust(width) for cell, width in zip(row, widths, strict=True)).rstrip()
        for row in (header, *rows)
    ]


def periods_csv(periods: list[PeriodFigures]) -> str:
    """The figures by period as CSV, a row each, with the period's first and last day."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow([name for name, _ in PERIOD_COLUMNS] + ["start", "end"])
    for period in periods:
        values = [getattr(period, name) for name, _ in PERIOD_COLUMNS]
        writer.writerow([*values, period.start.isoformat(), period.end.isoformat()])
    return out.getvalue()


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


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("content", nargs="?", default="content", help="the area's content folder")
    parser.add_argument("--format", choices=("text", "json", "csv"), default="text")
    parser.add_argument("--since", metavar="YYYY-MM-DD", help="also count from this day to today")
    parser.add_argument(
        "--review-years",
        type=int,
        metavar="N",
        help="years before a case study needs confirming again (default: from mkdocs.yml)",
    )
    parser.add_argument(
        "-f",
        "--config-file",
        metavar="PATH",
        help="the site's mkdocs.yml (default: the one next to the content folder)",
    )
    return parser


class _Unusable(Exception):
    """An argument or a setting the report cannot use, said as the person can act on it."""


def _settings(args: argparse.Namespace) -> Settings:
    """The site's settings, as the build reads them, with --review-years over them."""
    if not os.path.isdir(args.content):
        raise _Unusable(f"{args.content}: no such folder: give the path of an area's content/")
    if args.review_years is not None and args.review_years < 1:
        raise _Unusable("--review-years: give a whole number of years, 1 or more")
    config_path = args.config_file or os.path.join(
        os.path.dirname(os.path.abspath(args.content)), "mkdocs.yml"
    )
    try:
        settings = (
            read_settings(config_path, mailbox_required=False)
            if args.config_file or os.path.isfile(config_path)
            else Settings(contact_email="")
        )
    except SettingsProblem as problem:
        raise _Unusable(str(problem)) from None
    if args.review_years:
        settings = dataclasses.replace(settings, review_years=args.review_years)
    return settings


def _main(argv: Sequence[str] | None) -> int:
    args = _parser().parse_args(argv)
    try:
        settings = _settings(args)
        since_day = read_date(args.since) if args.since else None
    except Invalid as error:
        print(f"--since: {error}", file=sys.stderr)
        return 2
    except _Unusable as problem:
        print(problem, file=sys.stderr)
        return 2
    area = load_area(args.content)
    indexes = build_indexes(publish(area, settings.contact_email))
    kmap = knowledge_map(indexes, settings.review_years)
    periods = by_academic_year(indexes)
    if since_day is not None:
        periods.append(since(indexes, since_day))
    if args.format == "json":
        document = knowledge_json(indexes, kmap)
        document["periods"] = [
            {**dataclasses.asdict(p), "start": p.start.isoformat(), "end": p.end.isoformat()}
            for p in periods
        ]
        print(json.dumps(document, indent=2, ensure_ascii=False))
    elif args.format == "csv":
        print(periods_csv(periods), end="")
    else:
        print(report_text(indexes, kmap, settings.site_name, periods), end="")
    if area.errors:
        print(
            f"{counted(len(area.errors), 'error')} in the content: entries with errors are "
            "left out of these figures; run scripts/validate.py to see them",
            file=sys.stderr,
        )
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    return run(_main, argv)
