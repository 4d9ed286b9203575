"""Finding the people the site must not name, however the text writes them.

A withdrawn or expired person is personal data the site may no longer
publish. Their name is found on normalised text: case, accents, whitespace and
line breaks, apostrophes and dashes folded; zero-width characters dropped; in
HTML, inline tags (emphasis, links, code) read through and entities decoded.
A possessive ("Ann Lee's") is a mention; a longer name ("Ann Lee-Smith") is
not. Their address is found the same way, and replaced by the partnership's.

The same `Mentions` object withholds text before it is rendered and, in the
finishing step, proves that no file of the built site names anyone it holds.
"""

from __future__ import annotations

import html
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

WITHHELD_NAME = "[name withheld]"

_ZERO_WIDTH = dict.fromkeys(map(ord, "\u00ad\u200b\u200c\u200d\u2060\ufeff"))
_APOSTROPHES = "\u2018\u2019\u201b\u02bc\u00b4\u0060\u2032"
_DASHES = "\u2010\u2011\u2012\u2013\u2014\u2015\u2212\ufe63\uff0d"
_INLINE_TAGS = frozenset(
    [
        "a",
        "abbr",
        "b",
        "bdi",
        "bdo",
        "cite",
        "code",
        "data",
        "del",
        "dfn",
        "em",
        "i",
        "ins",
        "kbd",
        "mark",
        "q",
        "s",
        "samp",
        "small",
        "span",
        "strong",
        "sub",
        "sup",
        "time",
        "u",
        "var",
        "wbr",
    ]
)
# Markup as the finishing step and the sanitiser write it: comments, tags, entities, text.
_HTML_TOKEN = re.compile(r"<!--.*?-->|<(/?)([A-Za-z][A-Za-z0-9-]*)[^>]*>|&#?\w+;|[^<&]+|[<&]", re.S)
_WORD = re.compile(rb"[a-z0-9]+")
# A word as bytes: ASCII letters and digits, and any character beyond ASCII.
_RAW_WORD = re.compile(rb"(?:[a-z0-9]|[\x80-\xff])+")
_COMMENT = re.compile(r"<!--.*?-->", re.S)
_INLINE_TAG = re.compile(rf"</?(?:{'|'.join(sorted(_INLINE_TAGS))})\b[^>]*>", re.I)
_ANY_TAG = re.compile(r"<[A-Za-z/][^>]*>")
_NOT_NAME = re.compile(r"[^\w\s'@.+-]|_")
_SPACES = re.compile(r"\s+")
_ATTRIBUTE = re.compile(r"""=\s*"([^"]*)"|=\s*'([^']*)'""")


@lru_cache(maxsize=4096)
def _fold(character: str) -> str:
    """One character as names are compared: no case, accent or look-alike punctuation."""
    if character.isspace():
        return " "
    if character in _APOSTROPHES:
        return "'"
    if character in _DASHES:
        return "-"
    decomposed = unicodedata.normalize("NFKD", character)
    kept = "".join(c for c in decomposed if not unicodedata.combining(c))
    return kept.translate(_ZERO_WIDTH).casefold()


@lru_cache(maxsize=1)
def _quick_table() -> dict[int, str | None]:
    """What the quick fold deletes or changes: every combining mark, look-alike punctuation."""
    table: dict[int, str | None] = {
        code: None for code in range(0x110000) if unicodedata.combining(chr(code))
    }
    table.update(_ZERO_WIDTH)
    table.update({ord(c): "'" for c in _APOSTROPHES})
    table.update({ord(c): "-" for c in _DASHES})
    return table


def _words_of(document: str) -> set[bytes]:
    """The words of a file, folded as names are: cheap for the ASCII words most files hold."""
    raw = set(_RAW_WORD.findall(document.encode("utf-8", "replace").lower()))
    words = {word for word in raw if word.isascii()}
    for word in raw - words:
        words.update(
            _WORD.findall(fold(word.decode("utf-8", "replace")).encode("ascii", "replace"))
        )
    return words


def _quick_fold(text: str, markup: bool) -> str:
    if markup:
        text = _COMMENT.sub("", text)
        text = html.unescape(_ANY_TAG.sub(" ", _INLINE_TAG.sub("", text)))
    folded = unicodedata.normalize("NFKD", text).translate(_quick_table())
    return _SPACES.sub(" ", _NOT_NAME.sub(" ", folded)).casefold()


def fold(text: str) -> str:
    """`text` as names are compared, whitespace runs made single spaces."""
    return re.sub(" +", " ", "".join(_fold(c) for c in text)).strip()


@dataclass(frozen=True)
class _Folded:
    """Text folded for matching, with the offset in the original of each character."""

    text: str
    origin: list[int]
    ends: list[int]


def _folded_text(text: str) -> _Folded:
    out: list[str] = []
    origin: list[int] = []
    ends: list[int] = []
    _append(out, origin, ends, text, 0)
    return _Folded("".join(out), origin, ends)


def _append(
    out: list[str], origin: list[int], ends: list[int], text: str, start: int, end: int = -1
) -> None:
    """Fold `text` (found at `start`, ending at `end` in the original) onto `out`."""
    for index, character in enumerate(text):
        at = start + index if end < 0 else start
        stop = at + 1 if end < 0 else end
        for folded in _fold(character):
            if folded == " " and out and out[-1] == " ":
                ends[-1] = stop
                continue
            out.append(folded)
            origin.append(at)
            ends.append(stop)


def _folded_html(markup: str) -> _Folded:
    """The text of HTML folded, inline tags read through, block tags as spaces."""
    out: list[str] = []
    origin: list[int] = []
    ends: list[int] = []
    for token in _HTML_TOKEN.finditer(markup):
        piece = token.group()
        if piece.startswith("<!--"):
            continue
        if token.group(2):
            if token.group(2).lower() not in _INLINE_TAGS:
                _append(out, origin, ends, " ", token.start(), token.end())
            continue
        if piece.startswith("&") and len(piece) > 1:
            _append(out, origin, ends, html.unescape(piece), token.start(), token.end())
        else:
            _append(out, origin, ends, piece, token.start())
    return _Folded("".join(out), origin, ends)


class Mentions:
    """The names and addresses of people the site must not show, and where text names them."""

    def __init__(self, names: Iterable[str], addresses: Iterable[str], mailbox: str) -> None:
        folded_names = sorted({fold(n) for n in names if fold(n)}, key=len, reverse=True)
        folded_addresses = sorted({fold(a) for a in addresses if "@" in a}, key=len, reverse=True)
        self.names = tuple(folded_names)
        self.addresses = tuple(folded_addresses)
        self.mailbox = mailbox
        patterns = [
            rf"(?<![\w'-])(?P<name>{'|'.join(map(re.escape, folded_names))})"
            r"(?![\w-])(?!'(?!s\b)\w)"
            if folded_names
            else "",
            rf"(?<![\w.+-])(?P<address>{'|'.join(map(re.escape, folded_addresses))})(?![\w.-])"
            if folded_addresses
            else "",
        ]
        self._pattern = re.compile("|".join(p for p in patterns if p)) if any(patterns) else None
        # For whole files: a name written out plainly has each of its words in the file.
        self._words = [
            frozenset(_WORD.findall(name.encode("ascii", "ignore")))
            for name in (*folded_names, *folded_addresses)
        ]
        self._always = any(not words for words in self._words)

    def __bool__(self) -> bool:
        return self._pattern is not None

    def might_name(self, text: str, *, markup: bool = False) -> bool:
        """Whether `text` could name someone: False is certain, True needs a closer look.

        The text is folded at C speed, less exactly than `found` folds it but
        never missing what `found` would find: characters that are no part of
        a name become spaces, and combining marks fall away.
        """
        return self._pattern is not None and bool(self._pattern.search(_quick_fold(text, markup)))

    def found(self, text: str, *, markup: bool = False) -> list[tuple[int, int, str]]:
        """(start, end, kind) in `text` of each mention; kind is 'name' or 'address'."""
        if self._pattern is None or not self.might_name(text, markup=markup):
            return []
        folded = _folded_html(text) if markup else _folded_text(text)
        return [
            (folded.origin[m.start()], folded.ends[m.end() - 1], m.lastgroup or "name")
            for m in self._pattern.finditer(folded.text)
        ]

    def withhold(self, text: str) -> str:
        """Plain text with each name replaced and each address made the partnership's."""
        return _replaced(text, self.found(text), self.mailbox)

    def withhold_html(self, markup: str) -> str:
        """HTML with each mention replaced in its text, tags left whole; addresses in links too."""
        spans = self.found(markup, markup=True)
        result = _replaced_in_markup(markup, spans, self.mailbox) if spans else markup
        return self._addresses_in_attributes(result)

    def named_in(self, document: str) -> list[str]:
        """Every mention in a built file: its text and its tags' attributes, as folded."""
        if self._pattern is None:
            return []
        present = _words_of(document)
        if not self._always and not any(words <= present for words in self._words):
            return []
        found = []
        if self.might_name(document, markup=True):
            found += [m.group() for m in self._pattern.finditer(_folded_html(document).text)]
        attributes = " ".join(
            html.unescape(double or single) for double, single in _ATTRIBUTE.findall(document)
        )
        if self.might_name(attributes):
            found += [m.group() for m in self._pattern.finditer(fold(attributes))]
        return found

    def _addresses_in_attributes(self, markup: str) -> str:
        if not self.addresses or "@" not in markup:
            return markup
        pattern = re.compile("|".join(map(re.escape, self.addresses)), re.IGNORECASE)
        return pattern.sub(self.mailbox, markup)


def _replaced(text: str, spans: list[tuple[int, int, str]], mailbox: str) -> str:
    pieces, at = [], 0
    for start, end, kind in spans:
        if start < at:
            continue
        pieces += [text[at:start], WITHHELD_NAME if kind == "name" else mailbox]
        at = end
    return "".join([*pieces, text[at:]])


def _replaced_in_markup(markup: str, spans: list[tuple[int, int, str]], mailbox: str) -> str:
    """Replace each span's text; tags inside a span stay, emptied of the name's letters."""
    pieces, at = [], 0
    for start, end, kind in spans:
        if start < at:
            continue
        inner = "".join(m.group() for m in re.finditer(r"<[^>]*>", markup[start:end]))
        pieces += [markup[at:start], html.escape(WITHHELD_NAME if kind == "name" else mailbox)]
        pieces.append(inner)
        at = end
    return "".join([*pieces, markup[at:]])
