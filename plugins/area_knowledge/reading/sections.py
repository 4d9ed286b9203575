"""A body's sections: a heading with nothing under it is a section left to write.

A new entry's file starts with a heading for each section and a line of
guidance in a comment; untouched, it would publish a page of empty headings.
"""

from __future__ import annotations

import re

from ..contract.problems import Problem
from .markup import fenced_blocks

EMPTY = "is empty: write it, or delete its heading"
_HEADING = re.compile(r"^(#{1,6})\s+(.+?)\s*#*\s*$")
_COMMENT = re.compile(r"<!--.*?-->", re.S)


def empty_section_problems(body: str, path: str, first_line: int) -> list[Problem]:
    """A problem for each heading followed by nothing but comments before the next of its rank."""
    lines = body.split("\n")
    fenced, _ = fenced_blocks(lines)
    headings = [
        (index, len(match.group(1)), match.group(2))
        for index, line in enumerate(lines)
        if not fenced[index] and (match := _HEADING.match(line))
    ]
    found = []
    for position, (index, level, title) in enumerate(headings):
        following = [h for h in headings[position + 1 :] if h[1] <= level]
        nested = any(h[1] > level for h in headings[position + 1 : position + 2])
        end = following[0][0] if following else len(lines)
        text = _COMMENT.sub("", "\n".join(lines[index + 1 : end])).strip()
        if not text and not nested:
            found.append(
                Problem(
                    path,
                    first_line + index,
                    "body",
                    f"the section '{title[:60]}' {EMPTY}",
                )
            )
    return found


def is_empty_section(problem: Problem) -> bool:
    """Whether the problem is a section left to write: a new file's to-do, not a mistake."""
    return problem.field == "body" and problem.message.endswith(EMPTY)
