"""A page's HTML as the engine's source: front matter, Markdown headings and HTML blocks.

The core lays every page out as HTML. The engine still needs Markdown, to
build the table of contents and to wrap the page in its theme, so each
top-level heading becomes a Markdown heading (its text entity-escaped, so that
Markdown reads nothing in it) and everything else stays a raw HTML block,
which Python-Markdown passes through untouched. With the plugin, the blocks
are stashed as tokens and spliced back after conversion, which skips
Python-Markdown's slow HTML parser; without it, the same page renders the same.
"""

from __future__ import annotations

import hashlib
import json
import re
import secrets
from dataclasses import dataclass, field

_TAG = re.compile(
    r"""<(/?)([A-Za-z][A-Za-z0-9-]*)((?:[^>"']|"[^"]*"|'[^']*')*)>|<!--.*?-->""", re.S
)
_VOID = "area|base|br|col|embed|hr|img|input|link|meta|source|track|wbr"
_HEADING_OPEN = re.compile(r"<h([1-6])\b")
# An opening tag that is neither void nor written self-closed (SVG's `<rect .../>`).
_OPENING = re.compile(rf"<(?!(?:{_VOID})\b)[A-Za-z][^>]*(?<!/)>")
_CLOSING = re.compile(r"</[A-Za-z]")
_HEADING = re.compile(r"h([1-6])")
_ATTRIBUTE = re.compile(r"""([A-Za-z_:][\w:.-]*)(?:\s*=\s*"([^"]*)"|\s*=\s*'([^']*)')?""")
_SAFE_VALUE = re.compile(r"^[^\"{}\n]*$")
# Characters Markdown or attr_list would read in a heading: written as entities instead.
_MARKDOWN_SPECIAL = re.compile(r"[\\`*_\[\]{}#!|~<>]")
_TOKEN_KEY = secrets.token_bytes(32)
# An entity the HTML already holds is left whole: its '#' is no Markdown.
_TEXT_SPECIAL = re.compile(r"&#?\w+;|[\\`*_\[\]{}#!|~]")


@dataclass(frozen=True)
class Heading:
    level: int
    html: str
    attributes: tuple[tuple[str, str | None], ...]


@dataclass(frozen=True)
class Block:
    html: str


Part = Heading | Block


def parts_of(html: str) -> list[Part]:
    """The page's top-level headings, and the HTML between them as blocks.

    Depth is counted between one heading and the next, at C speed: the core's
    HTML never holds a '<' inside an attribute (templates and nh3 escape it).
    """
    parts: list[Part] = []
    depth, counted, start = 0, 0, 0
    for heading in _HEADING_OPEN.finditer(html):
        if heading.start() < start:
            continue
        depth += len(_OPENING.findall(html, counted, heading.start()))
        depth -= len(_CLOSING.findall(html, counted, heading.start()))
        counted = heading.start()
        closing = html.find(f"</h{heading.group(1)}>", heading.end())
        if depth != 0 or closing < 0:
            continue
        end = closing + len("</h1>")
        if html[start : heading.start()].strip():
            parts.append(Block(html[start : heading.start()].strip()))
        parts.append(_part(f"h{heading.group(1)}", html[heading.start() : end]))
        start = counted = end
    if html[start:].strip():
        parts.append(Block(html[start:].strip()))
    return parts


def _part(name: str, element: str) -> Part:
    heading = _HEADING.fullmatch(name)
    opening = _TAG.match(element)
    if heading is None or opening is None or not element.endswith(f"</{name}>"):
        return Block(element)
    inner = element[opening.end() : -len(f"</{name}>")]
    attributes = tuple(
        (m.group(1), m.group(2) if m.group(2) is not None else m.group(3))
        for m in _ATTRIBUTE.finditer(opening.group(3) or "")
    )
    return Heading(int(heading.group(1)), inner, attributes)


def heading_markdown(heading: Heading, extra: tuple[str, ...] = ()) -> str:
    """A Markdown heading that renders exactly as the HTML one, attributes and all."""
    text = " ".join(_escaped_inner(heading.html).split())
    attributes = []
    for name, value in heading.attributes:
        if value is not None and not _SAFE_VALUE.match(value):
            continue
        if name == "id" and value:
            attributes.append(f"#{value}")
        elif name == "class" and value:
            attributes += [f".{cls}" for cls in value.split()]
        else:
            attributes.append(name if value is None else f'{name}="{value}"')
    attributes += extra
    suffix = f" {{: {' '.join(attributes)} }}" if attributes else ""
    return f"{'#' * heading.level} {text}{suffix}"


def _escaped_inner(inner: str) -> str:
    """Entity-escape what Markdown would read, in text and tags alike (both decode the same)."""
    pieces = []
    at = 0
    for tag in _TAG.finditer(inner):
        pieces.append(_TEXT_SPECIAL.sub(_entity, inner[at : tag.start()]))
        pieces.append(tag.group().replace("_", "&#95;").replace("*", "&#42;"))
        at = tag.end()
    pieces.append(_TEXT_SPECIAL.sub(_entity, inner[at:]))
    return "".join(pieces)


def _entity(match: re.Match[str]) -> str:
    found = match.group()
    return found if len(found) > 1 else f"&#{ord(found)};"


@dataclass
class PageSource:
    """What the engine is given for one page, and the blocks to splice back with a plugin."""

    markdown: str
    blocks: dict[str, str] = field(default_factory=dict)


def page_source(
    front_matter: dict[str, object], html: str, *, searchable: bool, stash: bool
) -> PageSource:
    """The page as Markdown with front matter; HTML blocks as tokens when `stash`."""
    # Unguessable, so that no contributor can write a token; the same for the same page
    # in one process, so that a preview sees an unchanged page as unchanged.
    nonce = hashlib.blake2b(html.encode("utf-8"), key=_TOKEN_KEY, digest_size=6).hexdigest()
    body_marker = ("data-pagefind-body",) if searchable else ()
    lines: list[str] = []
    blocks: dict[str, str] = {}
    for part in parts_of(html):
        if isinstance(part, Heading):
            lines.append(heading_markdown(part, _marker(part, body_marker)))
            continue
        block = _marked_block(part.html) if searchable else part.html
        if stash:
            token = f"akblock{nonce}n{len(blocks)}"
            blocks[token] = block
            lines.append(token)
        else:
            lines.append(block)
    # JSON is YAML, and far quicker to write.
    front = json.dumps(front_matter, ensure_ascii=False)
    return PageSource(f"---\n{front}\n---\n\n" + "\n\n".join(lines) + "\n", blocks)


def _marker(heading: Heading, marker: tuple[str, ...]) -> tuple[str, ...]:
    ignored = any(name == "data-pagefind-ignore" for name, _ in heading.attributes)
    return () if ignored else marker


def _marked_block(block: str) -> str:
    """The block inside one element marked for search (what it marks ignored stays so)."""
    return f'<div class="ak-part" data-pagefind-body>\n{block}\n</div>'


def splice_blocks(html: str, blocks: dict[str, str]) -> str:
    """Put stashed blocks back into a page the engine converted from Markdown."""
    for token, block in blocks.items():
        html = html.replace(f"<p>{token}</p>", block, 1)
    return html
