"""Check an area's content without building the site.

    scripts/validate.py                    # checks ./content
    scripts/validate.py path/to/content    # checks another area
    scripts/validate.py --format github    # annotations for GitHub Actions

Prints each problem as `path:line: field: message`, all of them in one run.
Exits 1 when there are errors, 0 when there are only warnings, 2 when the
folder does not exist.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence

from ..contract.problems import Problem
from ..reading.area import load_area
from . import counted, run


def github_annotation(problem: Problem) -> str:
    """A problem as a GitHub Actions workflow command, shown on the contributor's line."""
    message = f"{problem.field}: {problem.message}" if problem.field else problem.message
    escaped = message.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    path = problem.path.replace("%", "%25").replace(",", "%2C").replace(":", "%3A")
    return f"::{problem.severity} file={path},line={problem.line}::{escaped}"


def _main(argv: Sequence[str] | None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("content", nargs="?", default="content", help="the area's content folder")
    parser.add_argument("--format", choices=("text", "github"), default="text")
    args = parser.parse_args(argv)
    if not os.path.isdir(args.content):
        print(
            f"{args.content}: no such folder: give the path of an area's content/", file=sys.stderr
        )
        return 2
    area = load_area(args.content)
    for problem in sorted(area.problems, key=lambda p: (p.path, p.line, p.field)):
        print(github_annotation(problem) if args.format == "github" else problem)
    entries = len(area.case_studies) + len(area.hubs) + len(area.practitioners)
    errors = sum(1 for p in area.problems if p.severity == "error")
    warnings = len(area.problems) - errors
    print(
        f"{counted(errors, 'error')}, {counted(warnings, 'warning')} in "
        f"{counted(entries, 'entry', 'entries')}, {counted(len(area.themes), 'theme')} and "
        f"{counted(len(area.schools), 'school')}",
        file=sys.stderr,
    )
    return 1 if errors else 0


def main(argv: Sequence[str] | None = None) -> int:
    return run(_main, argv)
