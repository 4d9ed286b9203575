"""Reading content files into plain data that remembers where each value was.

Nothing here knows the contract: it turns bytes into `Record`s (a mapping, the
line of each value, and a Markdown body for entries) and reports files that
cannot be read at all. A symbolic link is never followed, whatever the caller.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from typing import Any

import yaml

from ..contract.problems import Problem
from .yaml_safe import LineKey, kind_of, parse_yaml

# A file bigger than this is not a contributor's case study; refusing it keeps
# a stray export or an alias bomb from stalling every build.
MAX_FILE_BYTES = 1_000_000

FRONT_MATTER_FENCE = re.compile(r"^(---|\.\.\.)[ \t]*$", re.MULTILINE)


@dataclass
class Record:
    """One mapping from a content file: front matter, or an item of a register."""

    path: str
    data: dict[str, Any]
    first_line: int
    lines: dict[LineKey, int] = field(default_factory=dict)
    body: str = ""
    body_line: int = 1

    def line(self, *key: object) -> int:
        """The line of the value at `key`, or of the nearest enclosing value known."""
        while key:
            if key in self.lines:
                return self.lines[key]
            key = key[:-1]
        return self.first_line


def read_bytes(path: str, shown_as: str, limit: int, problems: list[Problem]) -> bytes | None:
    """A file's bytes, at most `limit` of them; never through a symbolic link."""
    try:
        descriptor = os.open(path, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0))
        with os.fdopen(descriptor, "rb") as stream:
            raw = stream.read(limit + 1)
    except OSError as error:
        problems.append(Problem(shown_as, 1, "", f"cannot be read: {error.strerror}"))
        return None
    if len(raw) > limit:
        problems.append(
            Problem(
                shown_as,
                1,
                "",
                f"file is larger than {limit / 1_000_000:g} MB: "
                "split it, or move large resources out of content/",
            )
        )
        return None
    return raw


def read_text(path: str, shown_as: str, problems: list[Problem]) -> str | None:
    """A file's text with a byte-order mark and Windows line endings accepted."""
    raw = read_bytes(path, shown_as, MAX_FILE_BYTES, problems)
    if raw is None:
        return None
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        problems.append(
            Problem(
                shown_as,
                line,
                "",
                f"is not UTF-8 (byte 0x{raw[error.start]:02x}): "
                "save the file as UTF-8 in your editor",
            )
        )
        return None
    return text.replace("\r\n", "\n").replace("\r", "\n")


def split_front_matter(text: str) -> tuple[str, str, int] | None:
    """(front matter, body, line where the body starts), or None without a front matter."""
    if not text.startswith("---"):
        return None
    first = text.split("\n", 1)
    if first[0].rstrip() != "---" or len(first) < 2:
        return None
    rest = first[1]
    fence = FRONT_MATTER_FENCE.search(rest)
    if fence is None:
        return None
    front = rest[: fence.start()]
    body = rest[fence.end() :].lstrip("\n")
    body_line = text[: len(text) - len(body)].count("\n") + 1
    return front, body, body_line


def read_entry(path: str, shown_as: str, problems: list[Problem]) -> Record | None:
    """Read one Markdown entry: its front matter as a `Record`, with its body."""
    text = read_text(path, shown_as, problems)
    if text is None:
        return None
    return entry_record(text, shown_as, problems)


def entry_record(text: str, shown_as: str, problems: list[Problem]) -> Record | None:
    """The front matter and body of an entry's text, or None with the problem."""
    parts = split_front_matter(text)
    if parts is None:
        problems.append(
            Problem(
                shown_as,
                1,
                "",
                "front matter is never closed: the closing '---' line is missing after the fields"
                if text.startswith("---")
                else "has no front matter: start the file with a line '---', "
                "then the fields (name: value), then another '---'",
            )
        )
        return None
    front, body, body_line = parts
    reported = len(problems)
    parsed = parse_yaml(front, shown_as, 2, problems)
    if parsed is None:
        if len(problems) == reported:
            problems.append(
                Problem(
                    shown_as, 1, "", "front matter is empty: add the fields between the '---' lines"
                )
            )
        return None
    if not isinstance(parsed.value, dict):
        problems.append(
            Problem(
                shown_as,
                2,
                "",
                f"front matter must be fields written 'name: value', not {kind_of(parsed.value)}",
            )
        )
        return None
    return Record(shown_as, parsed.value, 1, parsed.lines, body, body_line)


def read_register(path: str, shown_as: str, problems: list[Problem]) -> list[Record]:
    """Read a register (`themes.yml`, `schools.yml`): a list of mappings."""
    text = read_text(path, shown_as, problems)
    return [] if text is None else register_records(text, shown_as, problems)


def register_records(text: str, shown_as: str, problems: list[Problem]) -> list[Record]:
    """The items of a register's text, each a `Record` with its lines."""
    parsed = parse_yaml(text, shown_as, 1, problems)
    if parsed is None:
        return []
    if not isinstance(parsed.value, list) or not isinstance(parsed.node, yaml.SequenceNode):
        problems.append(
            Problem(
                shown_as,
                1,
                "",
                f"must be a list of items, each starting with '- ', not {kind_of(parsed.value)}",
            )
        )
        return []
    by_item: dict[object, dict[LineKey, int]] = {}
    for key, at in parsed.lines.items():
        by_item.setdefault(key[0], {})[key[1:]] = at
    records = []
    for index, (item_node, item) in enumerate(zip(parsed.node.value, parsed.value, strict=True)):
        line = 1 + item_node.start_mark.line
        if not isinstance(item, dict):
            problems.append(
                Problem(shown_as, line, "", f"each item must be fields, not {kind_of(item)}")
            )
            continue
        records.append(Record(shown_as, item, line, by_item.get(index, {})))
    return records
