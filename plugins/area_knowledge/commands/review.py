"""List the experts' listings to confirm: due for review soon, or already withheld.

    scripts/review.py                      # the next 30 days, for ./content
    scripts/review.py --days 60            # a longer look ahead
    scripts/review.py --format markdown    # as the scheduled GitHub check posts it

Each listing is named by its file and its date. A listing the site already
withholds (withdrawn, or past its review date) is named with its file name cut
to initials: the report may be posted where the site itself shows nothing of
that person. Prints nothing and exits 0 when no listing needs attention; exits
1 when one does, so that a scheduled job can act on it; 2 for a missing folder.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence

from ..publishing.figures import Review, reviews
from ..reading.area import load_area
from ..site.templates import uk_date
from . import run

WHY = {
    "due": "review by {date}",
    "expired": "withheld: its review date, {date}, has passed",
    "withdrawn": "withheld: withdrawn",
}


def shown_path(review: Review) -> str:
    """The file, its name cut to initials where the site no longer shows the person."""
    if review.state == "due":
        return review.path
    folder, _, name = review.path.rpartition("/")
    initials = "-".join(f"{part[:1]}…" for part in name.removesuffix(".md").split("-"))
    return f"{folder}/{initials}.md"


def report_lines(found: list[Review], *, markdown: bool) -> list[str]:
    """One line for each listing, under a heading for those due and those withheld."""
    lines: list[str] = []
    for states, heading in (
        (("due",), "Listings due for review"),
        (("expired", "withdrawn"), "Listings the site already withholds"),
    ):
        listed = [review for review in found if review.state in states]
        if not listed:
            continue
        lines.append(f"### {heading} ({len(listed)})" if markdown else f"{heading}:")
        for review in listed:
            path = f"`{shown_path(review)}`" if markdown else shown_path(review)
            why = WHY[review.state].format(date=uk_date(review.review_by))
            lines.append(f"- {path}: {why}" if markdown else f"  {path}: {why}")
        lines.append("")
    return lines


def _main(argv: Sequence[str] | None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("content", nargs="?", default="content", help="the area's content folder")
    parser.add_argument("--days", type=int, default=30, help="how far ahead to look (default 30)")
    parser.add_argument("--format", choices=("text", "markdown"), default="text")
    args = parser.parse_args(argv)
    if not os.path.isdir(args.content):
        print(
            f"{args.content}: no such folder: give the path of an area's content/", file=sys.stderr
        )
        return 2
    found = reviews(load_area(args.content), args.days)
    if not found:
        return 0
    print("\n".join(report_lines(found, markdown=args.format == "markdown")).rstrip())
    return 1


def main(argv: Sequence[str] | None = None) -> int:
    return run(_main, argv)
