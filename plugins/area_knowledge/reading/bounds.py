"""Limits on a Markdown body, so that no file can stall or crash the build.

Python-Markdown is quadratic in unclosed brackets and tags within a paragraph,
and recursive in nested lists, quotes and emphasis: a 48 KB file of `[a](`
took 65 seconds, and a list nested 300 deep ends in a RecursionError. A case
study needs nothing near these limits; each problem says where and how to fix.
"""

from __future__ import annotations

import re
from bisect import bisect_right

from ..contract.problems import Problem
from .markup import fenced_blocks

MAX_BRACKETS = 500
MAX_TAGS = 1000
MAX_INDENT = 40
MAX_QUOTE_DEPTH = 16
MAX_MARKER_RUN = 100

_TAG_START = re.compile(r"<[A-Za-z/!?]")
_FENCE = re.compile(r"^(?:`{3,}|~{3,})", re.MULTILINE)
_DEEP_INDENT = re.compile(rf"^[ \t]{{{MAX_INDENT + 1}}}[ \t]*\S", re.MULTILINE)
_DEEP_QUOTE = re.compile(rf"^[ \t]*(?:>[ \t]*){{{MAX_QUOTE_DEPTH + 1}}}", re.MULTILINE)
_MARKER_RUN = re.compile(rf"[*_~]{{{MAX_MARKER_RUN + 1}}}")


def bound_problems(body: str, path: str, first_line: int) -> list[Problem]:
    """A problem for each limit the body passes, on the line where it first does."""
    found: list[Problem] = []
    starts = [match.end() for match in re.finditer("\n", body)]

    def at(offset: int) -> int:
        return first_line + bisect_right(starts, offset)

    def report(offset: int, message: str) -> None:
        found.append(Problem(path, at(offset), "body", message))

    brackets = body.count("[")
    if brackets > MAX_BRACKETS:
        report(
            _nth(body, "[", MAX_BRACKETS),
            f"has {brackets} '[' characters; the limit is {MAX_BRACKETS}: "
            "a page needs far fewer links; write lists of sources as plain text",
        )
    tags = _TAG_START.findall(body)
    if len(tags) > MAX_TAGS:
        report(
            0,
            f"has {len(tags)} HTML tags; the limit is {MAX_TAGS}: "
            "write the text in Markdown rather than HTML",
        )
    indent = _deep_indent(body.expandtabs(4))
    if indent is not None:
        found.append(
            Problem(
                path,
                first_line + indent,
                "body",
                f"is indented more than {MAX_INDENT} spaces: lists and quotes nest a few "
                "levels at most; put code in a fenced block (```)",
            )
        )
    quote = _DEEP_QUOTE.search(body)
    if quote:
        report(
            quote.start(),
            f"nests quotes more than {MAX_QUOTE_DEPTH} deep: use one or two '>' at most",
        )
    run = _MARKER_RUN.search(body)
    if run:
        report(
            run.start(),
            f"has a run of more than {MAX_MARKER_RUN} '*', '_' or '~': "
            "emphasis needs one to three; use --- for a dividing line",
        )
    return found


def _deep_indent(body: str) -> int | None:
    """The index of the first line indented past the limit outside fenced code."""
    first = _DEEP_INDENT.search(body)
    if first is None:
        return None
    if not _FENCE.search(body):
        return body.count("\n", 0, first.start())
    # Code in fences is read as it is, however it is indented.
    lines = body.split("\n")
    fenced, _ = fenced_blocks(lines)
    for index, (line, in_fence) in enumerate(zip(lines, fenced, strict=True)):
        if not in_fence and _DEEP_INDENT.match(line):
            return index
    return None


def _nth(text: str, character: str, count: int) -> int:
    """The offset of the `count`-th `character` in `text` (from 1)."""
    offset = -1
    for _ in range(count):
        offset = text.find(character, offset + 1)
    return max(offset, 0)
