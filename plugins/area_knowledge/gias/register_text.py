"""The register as a file: a fixed header, then one block per school, staff's comments kept.

A comment staff wrote directly above a school's block, or inside it, goes with
that school (by URN, or by a previous URN of the school that replaced it) and
is written on the lines above its block; the import can then be run again and
again without moving it. A comment that sits with no school, or with one that
left the register, cannot be placed and is reported.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from ..authoring.yaml_text import yaml_text

HEADER = """\
# Register of the area's schools, from Get Information About Schools (GIAS).
#
# Written by scripts/import_schools.py: run it again with a newer GIAS download
# to bring the register up to date. name, phase, type and trust come from GIAS
# and are replaced on each run. Set by hand and kept: member (true for a school
# that has joined the partnership; a new school comes in as false unless the
# import is run with --members) and locality (the town from GIAS, or its
# district, until you change it). previous_urns are the URNs a school had
# before, so that older entries naming them still resolve. A comment on the
# lines directly above a school, or inside its block, stays with that school.

"""

# The header the importer wrote before this one: replaced, not reported as staff's comment.
EARLIER_HEADERS = (
    """\
# Register of the area's schools, from Get Information About Schools (GIAS).
#
# Written by scripts/import_schools.py: run it again with a newer GIAS download
# to bring the register up to date. name, phase, type and trust come from GIAS
# and are replaced on each run. Set by hand and kept: member (false for a
# school listed for reference that has not joined the partnership) and
# locality (the town from GIAS until you change it). previous_urns are the
# URNs a school had before, so that older entries naming them still resolve.

""",
)

_QUOTED = re.compile(r"'(?:[^']|'')*'|\"(?:[^\"\\]|\\.)*\"")
_INLINE_COMMENT = re.compile(r"\s(#.*)$")


@dataclass(frozen=True)
class Comment:
    """Lines of comment as staff wrote them, where they start, and the school they sit with."""

    line: int
    lines: tuple[str, ...]
    urn: int | None


def staff_comments(text: str, blocks: Sequence[tuple[int, int]]) -> list[Comment]:
    """The comments of a register's text, each with the school whose block holds it.

    `blocks` gives (first line, URN) of each school's block; the importer's own
    header is not a comment of staff's. A comment at the end of a line of values
    goes with the school too.
    """
    lines = text.splitlines()
    starts = sorted(block_start(lines, first) for first, _ in blocks)
    urns = dict(zip(starts, (urn for _, urn in sorted(blocks)), strict=True))
    comments: list[Comment] = []
    index = header_length(lines)
    while index < len(lines):
        run = comment_run(lines, index)
        if run:
            owner = run_owner(lines, starts, index + 1, index + len(run))
            comments.append(Comment(index + 1, run, None if owner is None else urns[owner]))
            index += len(run)
            continue
        inline = inline_comment(lines[index])
        owner = block_of(starts, index + 1)
        if inline and owner is not None:
            comments.append(Comment(index + 1, (inline,), urns[owner]))
        index += 1
    return comments


def block_start(lines: list[str], first: int) -> int:
    """The line that starts a school's block: its '- ', which may stand on a line of its own."""
    return first - 1 if first > 1 and lines[first - 2].strip() == "-" else first


def header_length(lines: list[str]) -> int:
    """How many lines the importer's own header takes, this one or an earlier one."""
    for header in (HEADER, *EARLIER_HEADERS):
        own = header.splitlines()
        if lines[: len(own)] == own:
            return len(own)
    return 0


def comment_run(lines: list[str], index: int) -> tuple[str, ...]:
    """The comment lines that start at `index`, as written but for their indentation."""
    run: list[str] = []
    while index < len(lines) and lines[index].lstrip().startswith("#"):
        run.append(lines[index].strip())
        index += 1
    return tuple(run)


def run_owner(lines: list[str], starts: list[int], first: int, last: int) -> int | None:
    """The block that comment lines `first` to `last` stand directly above or inside, or None.

    Lines are counted from 1. A run with a blank line on each side belongs to no block.
    """
    if is_content(lines, last + 1):
        return block_of(starts, last + 1)
    if is_content(lines, first - 1):
        return block_of(starts, first - 1)
    return None


def is_content(lines: list[str], line: int) -> bool:
    """Whether line `line` (counted from 1) holds part of a school's block: not blank."""
    return 1 <= line <= len(lines) and bool(lines[line - 1].strip())


def block_of(starts: list[int], line: int) -> int | None:
    """The start of the block that line `line` is in, or None before the first block."""
    at = bisect.bisect_right(starts, line)
    return starts[at - 1] if at else None


def inline_comment(line: str) -> str | None:
    """A comment after a value on the same line ('locality: Apsley  # by hand'), if any."""
    if "#" not in line:
        return None
    found = _INLINE_COMMENT.search(_QUOTED.sub(lambda quoted: "_" * len(quoted[0]), line))
    return line[found.start(1) :].strip() if found else None


def register_text(
    entries: list[dict[str, Any]], comments: list[Comment]
) -> tuple[str, list[Comment]]:
    """The register's text, and the comments it could not place with a school in it."""
    home = {
        urn: entry["urn"]
        for entry in entries
        for urn in (entry["urn"], *entry.get("previous_urns", ()))
    }
    above: dict[int, list[str]] = {}
    unplaced = []
    for comment in comments:
        if comment.urn in home:
            above.setdefault(home[comment.urn], []).extend(comment.lines)
        else:
            unplaced.append(comment)
    blocks = [
        "".join(f"{line}\n" for line in above.get(entry["urn"], ())) + yaml_text([entry])
        for entry in entries
    ]
    return HEADER + ("\n".join(blocks) if blocks else "[]\n"), unplaced
