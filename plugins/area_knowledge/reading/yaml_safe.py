"""YAML read safely and within bounds, remembering the line of every value.

Tags that would construct objects are refused; dates stay text, so that the
schema can say what is wrong with an impossible one; numbers are decimal only.
Nesting is bounded before anything is composed, because libyaml composes
recursively and a file nested 40,000 deep would crash the whole run. A key
given twice is found in every mapping, at every depth: YAML would silently
keep the last.

What a document is made of is checked before anything is built from it: every
unknown tag, every merge key (`<<`) and every key that is not a field name, each
on its line. A merge key is the one thing that makes building a document cost
more than reading it (PyYAML copies the merged fields into every mapping, so
twenty lines merging twice each make a million keys); an alias (`*name`) is
built once and shared, and nothing after this module walks into one twice.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

import yaml

from ..contract.problems import Problem

# Front matter of the contract is three levels deep (impact: a list of
# mappings); registers four. Anything far deeper is not content.
MAX_DEPTH = 12

LineKey = tuple[object, ...]

_YAML_TAG = "tag:yaml.org,2002:"
_MERGE = _YAML_TAG + "merge"
# What a key that is not text is read as, in a contributor's words.
_KEY_KINDS = {
    "int": "a number",
    "float": "a number",
    "bool": "a yes/no value",
    "null": "nothing (null)",
    "timestamp": "a date and time",
    "binary": "binary data",
}

# libyaml's parser where it is installed: several times faster on large areas.
_SafeLoader: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class ContentLoader(_SafeLoader):  # type: ignore[valid-type,misc]
    """SafeLoader that keeps dates as text and refuses anything but plain data."""


_DECIMAL_INT = re.compile(r"^[-+]?(?:0|[1-9][0-9_]*)$")
_DECIMAL_FLOAT = re.compile(r"^[-+]?(?:[0-9][0-9_]*)?\.[0-9_]+(?:[eE][-+]?[0-9]+)?$")
# YAML 1.1 would read "9:30" as 570 (base 60) and "0x…" as hexadecimal.
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

# Nesting deeper than MAX_DEPTH needs that many brackets, or a line indented
# or prefixed that far; text without either is composed at once.
_MAYBE_DEEP = re.compile(rf"^[ \t?-]{{{MAX_DEPTH}}}", re.MULTILINE)


def _constructed_safely(tag: str, construct: Any) -> Any:
    """A constructor whose failure on a value names the value's line and the fix."""

    def construct_or_explain(loader: yaml.SafeLoader, node: yaml.Node) -> Any:
        try:
            return construct(loader, node)
        except (ValueError, KeyError, AttributeError, TypeError, OverflowError):
            raise yaml.constructor.ConstructorError(
                None,
                None,
                f"{_shown_scalar(node)} cannot be read as {tag.rsplit(':', 1)[-1]}: "
                "remove the '!!' tag, or put the value in double quotes",
                node.start_mark,
            ) from None

    return construct_or_explain


def _shown_scalar(node: yaml.Node) -> str:
    value = node.value if isinstance(node, yaml.ScalarNode) else "this value"
    return repr(value[:40]) if isinstance(value, str) else "this value"


for _tag, _construct in list(yaml.SafeLoader.yaml_constructors.items()):
    if _tag is not None:
        ContentLoader.add_constructor(_tag, _constructed_safely(_tag, _construct))


@dataclass(frozen=True)
class Parsed:
    """A YAML document: its node (for lines), its value, and the line of each key."""

    node: yaml.Node
    value: Any
    lines: dict[LineKey, int]


def parse_yaml(text: str, shown_as: str, first_line: int, problems: list[Problem]) -> Any:
    """Compose YAML safely: a `Parsed`, or None when empty or unreadable (with a problem)."""
    deep = _too_deep(text)
    if deep is not None:
        problems.append(
            Problem(
                shown_as,
                first_line + deep,
                "",
                f"is not valid content: values are nested more than {MAX_DEPTH} deep: "
                "write fields as 'name: value' and lists as '- value'",
            )
        )
        return None
    loader = ContentLoader(text)
    try:
        node = loader.get_single_node()
        if node is None:
            return None
        refused = False
        for refusal in _refusals(node, first_line):
            problems.append(Problem(shown_as, *refusal.problem))
            refused = refused or refusal.blocks
        if refused:
            return None
        value = loader.construct_document(node)
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        # An unclosed bracket is noticed lines later; name where it was opened.
        if error.context_mark and mark and error.context_mark.line < mark.line:
            mark = error.context_mark
        line = first_line + (mark.line if mark else 0)
        problems.append(Problem(shown_as, line, "", f"is not valid YAML: {_reason(error)}"))
        return None
    except yaml.YAMLError as error:
        problems.append(_unreadable_character(error, text, shown_as, first_line))
        return None
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
        return None
    finally:
        loader.dispose()
    lines: dict[LineKey, int] = {}
    for key, line in _walk(node, (), first_line, lines, set()):
        problems.append(Problem(shown_as, line, str(key[-1]), "is given twice: keep one of them"))
    return Parsed(node, value, lines)


def _unreadable_character(
    error: yaml.YAMLError, text: str, shown_as: str, first_line: int
) -> Problem:
    """A reader error (a control character, say), on the line of the character it names."""
    # libyaml gives the position in bytes, PyYAML in characters: find the character instead.
    code = getattr(error, "character", None)
    at = text.find(chr(code)) if isinstance(code, int) and 0 <= code < 0x110000 else -1
    line = first_line + (text.count("\n", 0, at) if at >= 0 else 0)
    if at < 0 or not isinstance(code, int):
        reason = getattr(error, "reason", "") or "it cannot be read"
        return Problem(shown_as, line, "", f"is not valid YAML: {reason}: remove the character")
    return Problem(
        shown_as,
        line,
        "",
        f"is not valid YAML: it contains the character U+{code:04X}, which YAML does not "
        "allow (a control character, or not a character at all): delete it",
    )


@dataclass(frozen=True)
class _Refusal:
    """A problem with what a document is made of (line, field, message).

    A refusal that `blocks` stops the document being built: a merge key would be
    expanded, an unknown tag cannot be built. A key that is a number can be.
    """

    problem: tuple[int, str, str]
    blocks: bool = True


def _refusals(root: yaml.Node, first_line: int) -> Iterator[_Refusal]:
    """Unknown tags, merge keys, keys that are not field names, values that hold themselves.

    Each node is visited once, before anything is built: an alias is the very
    node it names, so a document that repeats itself costs no more than its text.
    """
    seen: set[int] = set()
    # Nodes still being walked: an alias to one of them is a value inside itself.
    # Depth is bounded: an alias names a node before it, which is walked already.
    open_nodes: set[int] = set()

    def line(node: yaml.Node) -> int:
        return first_line + node.start_mark.line

    def visit(node: yaml.Node) -> Iterator[_Refusal]:
        if id(node) in open_nodes:
            yield _Refusal(
                (
                    line(node),
                    "",
                    "is too large or repeats itself: this value holds an alias ('*') to "
                    "itself, so it never ends: write the value out, without '&' and '*'",
                )
            )
            return
        if id(node) in seen:
            return
        seen.add(id(node))
        if node.tag not in ContentLoader.yaml_constructors:
            yield _Refusal((line(node), "", f"is not valid YAML: {_tag_refused(node.tag)}"))
            return
        open_nodes.add(id(node))
        if isinstance(node, yaml.MappingNode):
            for key_node, value_node in node.value:
                key_refusal = _key_refusal(key_node, line(key_node))
                if key_refusal is not None:
                    yield key_refusal
                    if key_refusal.blocks:
                        continue
                yield from visit(value_node)
        elif isinstance(node, yaml.SequenceNode):
            for item in node.value:
                yield from visit(item)
        open_nodes.discard(id(node))

    yield from visit(root)


def _key_refusal(key: yaml.Node, line: int) -> _Refusal | None:
    """Why a mapping's key is not a field name, or None when it is one."""
    if key.tag == _MERGE:
        return _Refusal(
            (
                line,
                "",
                "is not valid content: '<<' (a YAML merge key) copies fields from elsewhere, "
                "and content does not use it: write each field out where it belongs",
            )
        )
    if not isinstance(key, yaml.ScalarNode):
        return _Refusal(
            (
                line,
                "",
                "is not valid YAML: a field name must be a word, written 'name: value', "
                "not a list or a mapping",
            )
        )
    if key.tag not in ContentLoader.yaml_constructors:
        return _Refusal((line, "", f"is not valid YAML: {_tag_refused(key.tag)}"))
    if key.tag == _YAML_TAG + "str":
        return None
    if not key.value:
        return _Refusal(
            (line, "", "a field name is missing before ':': write one, as in 'title: …'"),
            blocks=False,
        )
    kind = _KEY_KINDS.get(key.tag.removeprefix(_YAML_TAG), "something other than text")
    return _Refusal(
        (
            line,
            _shown_key(key.value),
            f"keys are field names: '{_shown_key(key.value)}' is read as {kind}; "
            "write a field name, as in 'title: …'",
        ),
        blocks=False,
    )


def _shown_key(written: str) -> str:
    return written if len(written) <= 40 and written.isprintable() else repr(written[:40])


def _tag_refused(tag: str) -> str:
    """The message for a tag content may not use, naming it as it was written."""
    shown = "!!" + tag.removeprefix(_YAML_TAG) if tag.startswith(_YAML_TAG) else tag
    if shown.startswith("!!python/"):
        # The tags that would run code: named as the family everyone knows.
        return (
            "tags such as '!!python/object' are not allowed in content: "
            "write plain text, lists and fields"
        )
    shown = shown if len(shown) <= 40 and shown.isprintable() else repr(shown[:40])
    return (
        f"the tag '{shown}' is not allowed in content: "
        "write plain text, lists and fields, without a '!' before the value"
    )


def _too_deep(text: str) -> int | None:
    """The line (from 0) where nesting first passes MAX_DEPTH, or None."""
    if text.count("[") + text.count("{") <= MAX_DEPTH and not _MAYBE_DEEP.search(text):
        return None
    depth = 0
    try:
        for event in yaml.parse(text, Loader=_SafeLoader):
            if isinstance(event, yaml.CollectionStartEvent):
                depth += 1
                if depth > MAX_DEPTH:
                    return int(event.start_mark.line) if event.start_mark else 0
            elif isinstance(event, yaml.CollectionEndEvent):
                depth -= 1
    except yaml.YAMLError:
        return None  # composing reports it, with its line
    return None


def _walk(
    node: yaml.Node,
    at: LineKey,
    first_line: int,
    lines: dict[LineKey, int],
    seen: set[int],
) -> Iterator[tuple[LineKey, int]]:
    """Record the line of every value under `at`; yield keys given twice in one mapping.

    Aliases share nodes: each node is walked once, so an alias bomb costs nothing.
    """
    if id(node) in seen:
        return
    seen.add(id(node))
    if isinstance(node, yaml.MappingNode):
        names: set[object] = set()
        for key_node, value_node in node.value:
            key = key_node.value if isinstance(key_node, yaml.ScalarNode) else id(key_node)
            line = first_line + key_node.start_mark.line
            if key in names:
                yield (*at, key), line
                continue
            names.add(key)
            lines[(*at, key)] = line
            yield from _walk(value_node, (*at, key), first_line, lines, seen)
    elif isinstance(node, yaml.SequenceNode):
        for index, item in enumerate(node.value):
            lines[(*at, index)] = first_line + item.start_mark.line
            yield from _walk(item, (*at, index), first_line, lines, seen)


def _reason(error: yaml.MarkedYAMLError) -> str:
    reason = error.problem or error.context or "cannot be read"
    if "could not determine a constructor" in reason:
        tag = re.search(r"for the tag '([^']*)'", reason)
        return _tag_refused(tag.group(1) if tag else "!")
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


def kind_of(value: object) -> str:
    """What a YAML value is, in a contributor's words."""
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
