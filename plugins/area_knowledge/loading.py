"""Reading content files into plain data that remembers where each value was.

Nothing here knows the contract: it turns bytes into `Record`s (a mapping, the
line of each value, and a Markdown body for entries) and reports files that
cannot be read at all. YAML is read safely: tags that would construct objects
are refused, and dates stay text so that the schema can say what is wrong
with an impossible one.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

import yaml

from .model import Problem

# A file bigger than this is not a contributor's case study; refusing it keeps
# a stray export or an alias bomb from stalling every build.
MAX_FILE_BYTES = 1_000_000

FRONT_MATTER_FENCE = re.compile(r"^(---|\.\.\.)[ \t]*$", re.MULTILINE)

LineKey = tuple[object, ...]


# libyaml's parser where it is installed: several times faster on large areas.
_SafeLoader: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class ContentLoader(_SafeLoader):  # type: ignore[valid-type,misc]
    """SafeLoader that keeps dates as text and refuses anything but plain data."""


# Dates stay text, for the schema to check. Numbers are decimal only: YAML 1.1
# would read "9:30" as 570 (base 60) and "0x…" as hexadecimal.
_DECIMAL_INT = re.compile(r"^[-+]?(?:0|[1-9][0-9_]*)$")
_DECIMAL_FLOAT = re.compile(r"^[-+]?(?:[0-9][0-9_]*)?\.[0-9_]+(?:[eE][-+]?[0-9]+)?$")
ContentLoader.yaml_implicit_resolvers = {
    first: [
        (
            tag,
            _DECIMAL_INT
            if tag.endswith(":int")
            else _DECIMAL_FLOAT
            if tag.endswith(":float")
            else regexp,
        )
        for tag, regexp in resolvers
        if tag != "tag:yaml.org,2002:timestamp"
    ]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


def _constructed_safely(tag: str, construct: Any) -> Any:
    """A constructor whose failure on a value names the value's line and the fix."""

    def construct_or_explain(loader: yaml.SafeLoader, node: yaml.Node) -> Any:
        try:
            return construct(loader, node)
        except (ValueError, KeyError, AttributeError, TypeError, OverflowError):
            raise yaml.constructor.ConstructorError(
                None,
                None,
                f"{shown_scalar(node)} cannot be read as {tag.rsplit(':', 1)[-1]}: "
                "remove the '!!' tag, or put the value in double quotes",
                node.start_mark,
            ) from None

    return construct_or_explain


def shown_scalar(node: yaml.Node) -> str:
    value = node.value if isinstance(node, yaml.ScalarNode) else "this value"
    return repr(value[:40]) if isinstance(value, str) else "this value"


for _tag, _construct in list(yaml.SafeLoader.yaml_constructors.items()):
    if _tag is not None:
        ContentLoader.add_constructor(_tag, _constructed_safely(_tag, _construct))


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


def read_text(path: str, shown_as: str, problems: list[Problem]) -> str | None:
    """A file's text with a byte-order mark and Windows line endings accepted."""
    try:
        with open(path, "rb") as stream:
            raw = stream.read(MAX_FILE_BYTES + 1)
    except OSError as error:
        problems.append(Problem(shown_as, 1, "", f"cannot be read: {error.strerror}"))
        return None
    if len(raw) > MAX_FILE_BYTES:
        problems.append(
            Problem(
                shown_as,
                1,
                "",
                f"file is larger than {MAX_FILE_BYTES // 1_000_000} MB: "
                "split it, or move large resources out of content/",
            )
        )
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


def parse_yaml(
    text: str, shown_as: str, first_line: int, problems: list[Problem]
) -> tuple[yaml.Node | None, Any]:
    """Compose YAML safely: (node, value), or (None, None) when empty or unreadable."""
    loader = ContentLoader(text)
    try:
        node = loader.get_single_node()
        if node is None:
            return None, None
        value = loader.construct_document(node)
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        # An unclosed bracket is noticed lines later; name where it was opened.
        if error.context_mark and mark and error.context_mark.line < mark.line:
            mark = error.context_mark
        line = first_line + (mark.line if mark else 0)
        problems.append(Problem(shown_as, line, "", f"is not valid YAML: {_yaml_reason(error)}"))
        return None, None
    except yaml.YAMLError as error:
        # Reader errors (a control character, say) carry no mark of their own kind.
        position = getattr(error, "position", None)
        line = first_line + (text[:position].count("\n") if position is not None else 0)
        reason = getattr(error, "reason", "") or "it cannot be read"
        problems.append(
            Problem(shown_as, line, "", f"is not valid YAML: {reason}: remove the character")
        )
        return None, None
    except (ValueError, KeyError, AttributeError, TypeError, OverflowError, RecursionError):
        # PyYAML's constructors raise these for tagged values they cannot build
        # ("!!bool maybe", "!!timestamp soon") and for numbers too long to read.
        problems.append(
            Problem(
                shown_as,
                first_line,
                "",
                "is not valid YAML: a value cannot be read (a '!!' tag on plain text, or a "
                "number too long): remove the tag, or put the value in double quotes",
            )
        )
        return None, None
    finally:
        loader.dispose()
    return node, value


def _yaml_reason(error: yaml.MarkedYAMLError) -> str:
    reason = error.problem or error.context or "cannot be read"
    if "could not determine a constructor" in reason:
        return (
            "tags such as '!!python/object' are not allowed in content: "
            "write plain text, lists and fields"
        )
    if "found character '\\t'" in reason or "cannot start any token" in reason:
        return f"{reason}: indent with spaces, not tabs, and quote text that starts with a symbol"
    if "unhashable key" in reason:
        return "a field name must be a word, written 'name: value', not a list or a mapping"
    if "mapping values are not allowed" in reason:
        return (
            f"{reason}: a value that contains a colon must be in double quotes, "
            'e.g. title: "Reading: a fresh start"'
        )
    return reason


def line_map(node: yaml.Node, first_line: int, value: Any) -> dict[LineKey, int]:
    """Lines of each field, list item and impact sub-field, keyed by their path."""
    lines: dict[LineKey, int] = {}
    if not isinstance(node, yaml.MappingNode) or not isinstance(value, dict):
        return lines
    for key_node, value_node in node.value:
        key = key_node.value
        lines[(key,)] = first_line + key_node.start_mark.line
        if isinstance(value_node, yaml.SequenceNode):
            for index, item in enumerate(value_node.value):
                lines[(key, index)] = first_line + item.start_mark.line
                if isinstance(item, yaml.MappingNode):
                    for sub_key, _ in item.value:
                        lines[(key, index, sub_key.value)] = first_line + sub_key.start_mark.line
    return lines


def duplicate_keys(node: yaml.Node) -> Iterator[tuple[str, int]]:
    """Keys written twice in one mapping: YAML keeps only the last, silently."""
    if not isinstance(node, yaml.MappingNode):
        return
    seen: set[str] = set()
    for key_node, _ in node.value:
        if key_node.value in seen:
            yield key_node.value, key_node.start_mark.line
        seen.add(key_node.value)


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
    parts = split_front_matter(text)
    if parts is None and text.startswith("---"):
        problems.append(
            Problem(
                shown_as,
                1,
                "",
                "front matter is never closed: the closing '---' line is missing after the fields",
            )
        )
        return None
    if parts is None:
        problems.append(
            Problem(
                shown_as,
                1,
                "",
                "has no front matter: start the file with a line '---', "
                "then the fields (name: value), then another '---'",
            )
        )
        return None
    front, body, body_line = parts
    reported = len(problems)
    node, data = parse_yaml(front, shown_as, 2, problems)
    if node is None:
        if len(problems) == reported:
            problems.append(
                Problem(
                    shown_as, 1, "", "front matter is empty: add the fields between the '---' lines"
                )
            )
        return None
    if not isinstance(data, dict):
        problems.append(
            Problem(
                shown_as,
                2,
                "",
                f"front matter must be fields written 'name: value', not {_yaml_kind(data)}",
            )
        )
        return None
    for key, line in duplicate_keys(node):
        problems.append(Problem(shown_as, 2 + line, str(key), "is given twice: keep one of them"))
    return Record(shown_as, data, 1, line_map(node, 2, data), body, body_line)


def read_register(path: str, shown_as: str, problems: list[Problem]) -> list[Record]:
    """Read a register (`themes.yml`, `schools.yml`): a list of mappings."""
    text = read_text(path, shown_as, problems)
    if text is None:
        return []
    node, data = parse_yaml(text, shown_as, 1, problems)
    if node is None:
        return []
    if not isinstance(data, list) or not isinstance(node, yaml.SequenceNode):
        problems.append(
            Problem(
                shown_as,
                1,
                "",
                f"must be a list of items, each starting with '- ', not {_yaml_kind(data)}",
            )
        )
        return []
    records = []
    for item_node, item in zip(node.value, data, strict=True):
        line = 1 + item_node.start_mark.line
        if not isinstance(item, dict):
            problems.append(
                Problem(shown_as, line, "", f"each item must be fields, not {_yaml_kind(item)}")
            )
            continue
        for key, key_line in duplicate_keys(item_node):
            problems.append(Problem(shown_as, 1 + key_line, str(key), "is given twice"))
        records.append(Record(shown_as, item, line, line_map(item_node, 1, item)))
    return records


def _yaml_kind(value: object) -> str:
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "fields"
    if isinstance(value, str):
        return "a line of text"
    if isinstance(value, bool):
        return "true or false"
    if isinstance(value, (int, float)):
        return "a number"
    if value is None:
        return "nothing"
    return "binary data" if isinstance(value, bytes) else "a value of another kind"
