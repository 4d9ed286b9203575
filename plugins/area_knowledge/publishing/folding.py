"""Text folded as names are compared: what makes two spellings of a name the same.

Case, accents, whitespace and line breaks, apostrophes and dashes are folded;
zero-width and direction-control characters dropped; letters of other
scripts that look like Latin ones (Cyrillic 'a', Greek 'o') read as those. In
HTML, inline tags (emphasis, links, code) are read through, block tags read
as spaces, and entities decoded. Two folds: an exact one that keeps, for each
folded character, where it came from (to replace a name in place), and a quick
one at C speed that never misses what the exact one would find.
"""

from __future__ import annotations

import html
import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

# Dropped: soft hyphen, zero-width characters, and the controls of text direction
# (a name written backwards behind a right-to-left override is still the name).
_DROPPED = "\u00ad\u200b\u200c\u200d\u2060\ufeff\u200e\u200f\u061c"
_DROPPED += "".join(map(chr, range(0x202A, 0x202F))) + "".join(map(chr, range(0x2066, 0x206A)))
# The rest of Unicode's default-ignorable characters, which no browser draws: invisible
# operators, the grapheme joiner, variation selectors, Mongolian ones, tags.
_IGNORABLE = [0x034F, 0x17B4, 0x17B5, *range(0x180B, 0x1810), *range(0x2061, 0x2066)]
_IGNORABLE += [*range(0x206A, 0x2070), *range(0xFE00, 0xFE10), *range(0xFFF0, 0xFFF9)]
_IGNORABLE += [*range(0x1BCA0, 0x1BCA4), *range(0x1D173, 0x1D17B), *range(0xE0000, 0xE1000)]
_ZERO_WIDTH = dict.fromkeys([*map(ord, _DROPPED), *_IGNORABLE])
# Drawn as blank space without being whitespace: Hangul fillers, the blank Braille cell.
_BLANKS = {code: " " for code in (0x115F, 0x1160, 0x3164, 0xFFA0, 0x2800)}
_APOSTROPHES = "\u2018\u2019\u201b\u02bc\u00b4\u0060\u2032"
_DASHES = "\u2010\u2011\u2012\u2013\u2212\ufe63\uff0d"
# A dash between clauses, never inside a name: "Jane Doe\u2014our SENCo\u2014retired".
_CLAUSE_DASHES = "\u2014\u2015"
# Cyrillic and Greek letters drawn as Latin ones: a name spelt with them is the name.
# Capitals first (Greek capital eta is an H, its small letter is not), then small letters.
_UPPER_LOOK_ALIKES = {
    ord(k): v
    for k, v in zip("АВЕКМНОРСТХІЈЅΑΒΕΖΗΙΚΜΝΟΡΤΥΧ", "ABEKMHOPCTXIJSABEZHIKMNOPTYX", strict=True)  # noqa: RUF001
}
_LOWER_LOOK_ALIKES = {
    ord(k): v
    for k, v in zip("аеіјорсухѕԁԛԝһӏкαορικντυχε", "aeijopcyxsdqwhlkaopikvtuxe", strict=True)
}
# More drawn as Latin letters: Armenian, Greek yot and eta, Latin alpha, small capitals,
# and the Lisu letters (capitals, which have no small letters to fold to).
_LOWER_LOOK_ALIKES.update(
    {
        ord(k): v
        for k, v in zip(
            "օոսհզϳηɑɡᴀʙᴄᴅᴇɢʜɪᴊᴋʟᴍɴᴏᴘʀꜱᴛᴜᴠᴡʏᴢꓐꓑꓓꓔꓖꓗꓙꓚꓜꓝꓟꓠꓡꓢꓣꓦꓧꓪꓫꓬꓮꓰꓲꓳꓴ",
            "onuhqjnagabcdeghijklmnoprstuvwyzbpdtgkjczfmnlsrvhwxyaeiou",
            strict=True,
        )
    }
)
# Latin letters that no decomposition strips to a plain one: "Ødegård" is also "Odegard".
_PLAIN_LETTERS = {
    ord(k): v
    for k, v in {
        "ø": "o", "æ": "ae", "œ": "oe", "ł": "l", "đ": "d", "ð": "d",
        "þ": "th", "ħ": "h", "ŧ": "t", "ŋ": "n", "ƒ": "f",
        "\u0131": "i",  # dotless i
    }.items()
}  # fmt: skip
_LOWER_LOOK_ALIKES.update(_PLAIN_LETTERS)
INLINE_TAGS = frozenset(
    "a abbr b bdi bdo cite code data del dfn em i ins kbd mark q s samp small span strong "
    "sub sup time u var wbr big font label nobr output rb rp rt rtc ruby tt tspan".split()
)
# A comment, ended where a browser ends it: "<!-->" and "<!--->" are empty ones, "--!>"
# ends one too, and one left open runs to the end.
_COMMENT_TEXT = r"<!--(?:-?>|.*?--!?>|.*\Z)"
# Markup as the finishing step and the sanitiser write it: comments, tags, entities, text.
_HTML_TOKEN = re.compile(
    rf"{_COMMENT_TEXT}|<(/?)([A-Za-z][A-Za-z0-9-]*)[^>]*>|&#?\w+;|[^<&]+|[<&]", re.S
)
WORD = re.compile(rb"[a-z0-9]+")
# A word as bytes: ASCII letters and digits, and any character beyond ASCII.
_RAW_WORD = re.compile(rb"(?:[a-z0-9]|[\x80-\xff])+")
COMMENT = re.compile(_COMMENT_TEXT, re.S)
_COMMENT_MARKS = re.compile(r"<!--|--!?>")
# A custom element ("x-name") may be drawn inline too: read through like the others.
_CUSTOM_ELEMENT = r"[a-z][a-z0-9]*-[\w.-]*"
INLINE_TAG = re.compile(
    rf"</?(?:{'|'.join(sorted(INLINE_TAGS))}|{_CUSTOM_ELEMENT})(?![\w.-])[^>]*>", re.I
)
_ANY_TAG = re.compile(r"<[A-Za-z/][^>]*>")
_NOT_NAME = re.compile(r"[^\w\s'@.+-]|_")
_SPACES = re.compile(r"\s+")
# Text in runs of ASCII and of the rest: ASCII folds at C speed, a run at a time
# (whitespace a space, the backtick an apostrophe, letters small).
_ASCII_OR_NOT = re.compile(r"[\x00-\x7f]+|[^\x00-\x7f]+")
_ASCII_SPACES = {code: " " for code in range(128) if chr(code).isspace()} | {ord("`"): "'"}
_SPACE_RUNS = re.compile(r"  +")
_ONE_OR_MORE_SPACES = re.compile(" +")


@lru_cache(maxsize=4096)
def _fold(character: str) -> str:
    """One character as names are compared: no case, accent or look-alike punctuation."""
    if character.isspace() or ord(character) in _BLANKS or character in _CLAUSE_DASHES:
        return " "
    if character in _APOSTROPHES:
        return "'"
    if character in _DASHES:
        return "-"
    decomposed = unicodedata.normalize("NFKD", character)
    kept = "".join(c for c in decomposed if not unicodedata.combining(c))
    return (
        kept.translate(_ZERO_WIDTH)
        .translate(_UPPER_LOOK_ALIKES)
        .casefold()
        .translate(_LOWER_LOOK_ALIKES)
    )


@lru_cache(maxsize=1)
def _quick_table() -> dict[int, str | None]:
    """What the quick fold deletes or changes: every combining mark, look-alike punctuation."""
    table: dict[int, str | None] = {
        code: None for code in range(0x110000) if unicodedata.combining(chr(code))
    }
    table.update(_ZERO_WIDTH)
    table.update(_BLANKS)
    table.update({ord(c): "'" for c in _APOSTROPHES})
    table.update({ord(c): "-" for c in _DASHES})
    table.update({ord(c): " " for c in _CLAUSE_DASHES})
    table.update(_UPPER_LOOK_ALIKES)
    return table


def fold(text: str) -> str:
    """`text` as names are compared, whitespace runs made single spaces."""
    if text.isascii():
        # Most text: folded at C speed, with no piece beyond ASCII to fold a letter at a time.
        return _ONE_OR_MORE_SPACES.sub(" ", text.translate(_ASCII_SPACES).lower()).strip()
    pieces = (
        piece.translate(_ASCII_SPACES).lower() if piece.isascii() else "".join(map(_fold, piece))
        for piece in _ASCII_OR_NOT.findall(text)
    )
    return _ONE_OR_MORE_SPACES.sub(" ", "".join(pieces)).strip()


def quick_fold(text: str, markup: bool) -> str:
    """A looser fold at C speed: what is no part of a name becomes a space."""
    if markup:
        text = _text_of_html(text)
    folded = unicodedata.normalize("NFKD", text).translate(_quick_table())
    folded = folded.casefold().translate(_LOWER_LOOK_ALIKES)
    return _SPACES.sub(" ", _NOT_NAME.sub(" ", folded))


def html_text(markup: str, *, inline_apart: bool = False) -> str:
    """The text of HTML folded, as `folded_html` folds it but without the offsets, at C
    speed: inline tags read through (or, `inline_apart`, as spaces like the others)."""
    return fold(_text_of_html(markup, inline_apart=inline_apart))


def _text_of_html(markup: str, *, inline_apart: bool = False) -> str:
    """HTML's text, entities decoded, tags made spaces: inline tags and comments read
    through ("Ja<!-- -->ne" is drawn "Jane"), or, `inline_apart`, inline tags as spaces and
    what comments hold as text, which is published too, in the page's source."""
    if inline_apart:
        text = _COMMENT_MARKS.sub(" ", markup)
    else:
        text = INLINE_TAG.sub("", COMMENT.sub("", markup))
    return html.unescape(_ANY_TAG.sub(" ", text))


def words_of(document: str) -> set[bytes]:
    """The words of a file, folded as names are: cheap for the ASCII words most files hold."""
    encoded = document.encode("utf-8", "replace").lower()
    raw = set(_RAW_WORD.findall(encoded))
    if encoded.isascii():
        return raw
    words = {word for word in raw if word.isascii()}
    if len(words) < len(raw):
        # The rest folded together, a space apart: each folds as it would alone.
        rest = b" ".join(raw - words).decode("utf-8", "replace")
        words.update(WORD.findall(fold(rest).encode("ascii", "replace")))
    return words


@dataclass(frozen=True)
class Folded:
    """Text folded for matching, with the offset in the original of each character."""

    text: str
    origin: list[int]
    ends: list[int]


def folded_text(text: str) -> Folded:
    out: list[str] = []
    origin: list[int] = []
    ends: list[int] = []
    _append(out, origin, ends, text, 0)
    return Folded("".join(out), origin, ends)


def folded_html(markup: str) -> Folded:
    """The text of HTML folded, inline tags read through, block tags as spaces."""
    out: list[str] = []
    origin: list[int] = []
    ends: list[int] = []
    for token in _HTML_TOKEN.finditer(markup):
        piece = token.group()
        if piece.startswith("<!--"):
            continue
        if token.group(2):
            if token.group(2).lower() not in INLINE_TAGS and "-" not in token.group(2):
                _append(out, origin, ends, " ", token.start(), token.end())
            continue
        if piece.startswith("&") and len(piece) > 1:
            _append(out, origin, ends, html.unescape(piece), token.start(), token.end())
        else:
            _append(out, origin, ends, piece, token.start())
    return Folded("".join(out), origin, ends)


def _append(
    out: list[str], origin: list[int], ends: list[int], text: str, start: int, end: int = -1
) -> None:
    """Fold `text` (found at `start`, ending at `end` in the original) onto `out`."""
    if end < 0:
        for run in _ASCII_OR_NOT.finditer(text):
            if run.group().isascii():
                _append_ascii(out, origin, ends, run.group(), start + run.start())
            else:
                _append_each(out, origin, ends, run.group(), start + run.start(), end)
        return
    _append_each(out, origin, ends, text, start, end)


def _append_each(
    out: list[str], origin: list[int], ends: list[int], text: str, start: int, end: int
) -> None:
    """`_append` a character at a time: for text beyond ASCII, or an entity's."""
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


def _append_ascii(
    out: list[str], origin: list[int], ends: list[int], text: str, start: int
) -> None:
    """`_append` for ASCII text, at C speed: only runs of spaces need a step of their own."""
    folded = text.translate(_ASCII_SPACES).lower()
    at = 0
    for run in _SPACE_RUNS.finditer(folded):
        _append_plain(out, origin, ends, folded[at : run.start()], start + at)
        if out and out[-1] == " ":
            ends[-1] = start + run.end()
        else:
            out.append(" ")
            origin.append(start + run.start())
            ends.append(start + run.end())
        at = run.end()
    _append_plain(out, origin, ends, folded[at:], start + at)


def _append_plain(
    out: list[str], origin: list[int], ends: list[int], text: str, first: int
) -> None:
    """Folded ASCII text that holds no two spaces together, found at `first`."""
    if text[:1] == " " and out and out[-1] == " ":
        ends[-1] = first + 1
        text, first = text[1:], first + 1
    out.extend(text)
    origin.extend(range(first, first + len(text)))
    ends.extend(range(first + 1, first + len(text) + 1))
