"""Reading content files into plain data that remembers where each value was.

Nothing here knows the contract: it turns bytes into `Record`s (a mapping, the
line of each value, and a Markdown body for entries) and reports files that
cannot be read at all. A symbolic link is never followed, whatever the caller.

It also knows the characters that no page may hold, in a body or in a field:
those XML 1.0 forbids (a feed with one is not XML at all), the other controls,
non-characters, and the controls that reorder text shown right to left, with
which a date can be shown reversed or a name hidden.
"""

from __future__ import annotations

import os
import re
from bisect import bisect_right
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

import yaml

from ..contract.problems import Problem
from .yaml_safe import LineKey, kind_of, parse_yaml

# A file bigger than this is not a contributor's case study; refusing it keeps
# a stray export or an alias bomb from stalling every build.
MAX_FILE_BYTES = 1_000_000

FRONT_MATTER_FENCE = re.compile(r"^(---|\.\.\.)[ \t]*$", re.MULTILINE)

# One file can have any number of problems; past this many, the rest are counted.
MAX_PROBLEMS_PER_FILE = 50

BIDI_CONTROLS: dict[str, str] = {
    "\u061c": "an Arabic letter mark",
    "\u200e": "a left-to-right mark",
    "\u200f": "a right-to-left mark",
    "\u202a": "a left-to-right embedding",
    "\u202b": "a right-to-left embedding",
    "\u202c": "the end of an embedding or override",
    "\u202d": "a left-to-right override",
    "\u202e": "a right-to-left override",
    "\u2066": "a left-to-right isolate",
    "\u2067": "a right-to-left isolate",
    "\u2068": "a first-strong isolate",
    "\u2069": "the end of an isolate",
}
# Where a field is one line of plain text, these hide or break what is shown.
INVISIBLE_IN_FIELDS: dict[str, str] = {
    "\u200b": "a zero-width space",
    "\u2060": "a word joiner",
    "\ufeff": "a zero-width no-break space (a byte-order mark)",
    "\u2028": "a line separator",
    "\u2029": "a paragraph separator",
}
_NONCHARACTERS = "\ufdd0-\ufdef" + "".join(
    f"{chr(plane + 0xFFFE)}{chr(plane + 0xFFFF)}" for plane in range(0, 0x110000, 0x10000)
)
_REFUSED = "\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff" + _NONCHARACTERS + "".join(BIDI_CONTROLS)
_REFUSED_IN_BODY = re.compile(f"[{_REFUSED}]")
_REFUSED_IN_FIELDS = re.compile(f"[{_REFUSED}{''.join(INVISIBLE_IN_FIELDS)}]")


def _ascii_of(refused: re.Pattern[str]) -> re.Pattern[str]:
    """The same search for ASCII text, most of what is written: a class of a few
    characters is tried far faster than one spanning every plane."""
    return re.compile(
        "[" + "".join(re.escape(chr(c)) for c in range(128) if refused.match(chr(c))) + "]"
    )


_REFUSED_ASCII = {
    _REFUSED_IN_BODY: _ascii_of(_REFUSED_IN_BODY),
    _REFUSED_IN_FIELDS: _ascii_of(_REFUSED_IN_FIELDS),
}


def _refused_in(text: str, refused: re.Pattern[str]) -> re.Pattern[str]:
    return _REFUSED_ASCII[refused] if text.isascii() else refused


def refused_character(text: str, *, in_body: bool = False) -> tuple[int, str] | None:
    """The offset of the first character no page may hold, and a message naming it, or None."""
    found = _refused_in(text, _REFUSED_IN_BODY if in_body else _REFUSED_IN_FIELDS).search(text)
    if found is None:
        return None
    before = text[: found.start()].strip()[-30:]
    where = f" after '{before}'" if before else " at the start"
    return found.start(), character_message(found.group(), where)


def character_message(character: str, where: str = "") -> str:
    """What is wrong with a character no page may hold, named as U+XXXX, and the fix.

    `where` (" after 'Reading'", " on lines 3 and 5") follows the character's name.
    """
    code = ord(character)
    named = f"U+{code:04X}"
    if character in BIDI_CONTROLS:
        return (
            f"contains {named} ({BIDI_CONTROLS[character]}){where}, which reorders the text shown "
            "around it: delete it; text in a right-to-left script is shown the right way "
            "without it"
        )
    if character in INVISIBLE_IN_FIELDS:
        return (
            f"contains {named} ({INVISIBLE_IN_FIELDS[character]}){where}, which is invisible or "
            "breaks the line: delete it, or write an ordinary space"
        )
    if 0xD800 <= code <= 0xDFFF:
        kind = "half of a character pair, without its other half"
    elif code < 0x20 or 0x7F <= code <= 0x9F:
        kind = "a control character"
    else:
        kind = "not a character"
    return (
        f"contains {named} ({kind}){where}, which cannot be shown and breaks the site's feeds: "
        "delete it (an editor may show it as a box, or not at all)"
    )


def body_character_problems(body: str, shown_as: str, first_line: int) -> list[Problem]:
    """One problem for each character no page may hold, on the first line it is on."""
    if _refused_in(body, _REFUSED_IN_BODY).search(body) is None:
        return []
    starts = [match.end() for match in re.finditer("\n", body)]
    lines: dict[str, list[int]] = {}
    for found in _REFUSED_IN_BODY.finditer(body):
        on = lines.setdefault(found.group(), [])
        line = first_line + bisect_right(starts, found.start())
        if not on or on[-1] != line:
            on.append(line)
    problems = []
    for character, on in lines.items():
        where = ""
        if len(on) > 1:
            more = f" and {len(on) - 4} more" if len(on) > 4 else ""
            where = " here and on line" + ("s " if len(on) > 2 else " ")
            where += ", ".join(map(str, on[1:4])) + more
        problems.append(Problem(shown_as, on[0], "body", character_message(character, where)))
    return problems


def at_most_per_file(
    problems: Iterable[Problem], limit: int = MAX_PROBLEMS_PER_FILE
) -> list[Problem]:
    """The problems, at most `limit` of any one file, then one saying how many more there are.

    Whatever a file holds, the log stays readable; a file keeps an error among
    its problems if any of those left out is one, so that it is still not published.
    """
    kept: list[Problem] = []
    counted: Counter[str] = Counter()
    left_off: dict[str, list[Problem]] = {}
    at: dict[str, int] = {}
    for problem in problems:
        counted[problem.path] += 1
        if counted[problem.path] <= limit:
            kept.append(problem)
            continue
        if problem.path not in left_off:
            at[problem.path] = len(kept)
            kept.append(problem)
        left_off.setdefault(problem.path, []).append(problem)
    for path, rest in left_off.items():
        kept[at[path]] = Problem(
            path,
            rest[0].line,
            "",
            f"… and {len(rest)} more problems in this file: fix those above, "
            "then check again to see the rest",
            "error" if any(p.severity == "error" for p in rest) else "warning",
        )
    return kept


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


def bytes_at_most(path: str, limit: int) -> bytes:
    """At most `limit` bytes of the file at `path`, never through a symbolic link.

    A read of `limit` bytes would first make room for all of them; a file is read
    by its size instead, which is ten times quicker for the small files of an area.
    """
    descriptor = os.open(path, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0))
    with os.fdopen(descriptor, "rb") as stream:
        size = os.fstat(descriptor).st_size
        raw = stream.read(min(size + 1, limit))
        if len(raw) > size and len(raw) < limit:
            # The file grew while it was read: take the rest, up to the limit.
            raw += stream.read(limit - len(raw))
        return raw


def read_bytes(path: str, shown_as: str, limit: int, problems: list[Problem]) -> bytes | None:
    """A file's bytes, at most `limit` of them; never through a symbolic link."""
    try:
        raw = bytes_at_most(path, limit + 1)
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
    """A file's text with a byte-order mark and Windows line endings accepted.

    A Markdown file's body (all of it, where it has no front matter) is checked
    for characters no page may hold; its fields are checked as they are read.
    """
    text = _decoded_text(path, shown_as, problems)
    if text is not None and path.endswith(".md"):
        parts = split_front_matter(text)
        if parts is not None:
            problems += body_character_problems(parts[1], shown_as, parts[2])
        elif not text.startswith("---"):
            problems += body_character_problems(text, shown_as, 1)
    return text


def _decoded_text(path: str, shown_as: str, problems: list[Problem]) -> str | None:
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
    text = _decoded_text(path, shown_as, problems)
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
