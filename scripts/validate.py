#!/usr/bin/env python3
"""Check an area's content without building the site.

    scripts/validate.py                    # checks ./content
    scripts/validate.py path/to/content    # checks another area
    scripts/validate.py --format github    # annotations for GitHub Actions

Prints each problem as `path:line: field: message`, all of them in one run.
Exits 1 when there are errors, 0 when there are only warnings.
"""

from __future__ import annotations

import argparse
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "plugins"))

from area_knowledge import Problem, load_area


def github_annotation(problem: Problem) -> str:
    """A problem as a GitHub Actions workflow command, shown on the contributor's line."""
    message = f"{problem.field}: {problem.message}" if problem.field else problem.message
    escaped = message.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    path = problem.path.replace("%", "%25").replace(",", "%2C").replace(":", "%3A")
    return f"::{problem.severity} file={path},line={problem.line}::{escaped}"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("content", nargs="?", default="content", help="the area's content folder")
    parser.add_argument("--format", choices=("text", "github"), default="text")
    args = parser.parse_args(argv)

    if not os.path.isdir(args.content):
        print(
            f"{args.content}: no such folder: give the path of an area's content/", file=sys.stderr
        )
        return 2
    area = load_area(args.content)
    problems = sorted(area.problems, key=lambda p: (p.path, p.line, p.field))
    for problem in problems:
        print(github_annotation(problem) if args.format == "github" else problem)

    entries = len(area.case_studies) + len(area.hubs) + len(area.practitioners)
    errors, warnings = len(area.errors), len(area.warnings)
    summary = (
        f"{errors} {'error' if errors == 1 else 'errors'}, "
        f"{warnings} {'warning' if warnings == 1 else 'warnings'} in {entries} entries, "
        f"{len(area.themes)} themes and {len(area.schools)} schools"
    )
    print(summary, file=sys.stderr)
    return 1 if errors else 0


if __name__ == "__main__":
    try:
        sys.exit(main())
    except BrokenPipeError:
        # Piped into `head`: the reader has seen enough.
        sys.stderr.close()
        sys.exit(1)
