"""The text a PDF shows or holds, decoded, for finding people's names in.

Strings are read as a viewer shows them: escapes undone, UTF-16 where a
byte-order mark says so. Page text drawn in a font that numbers its glyphs
(as most generators do now) is read back through the font's map to Unicode
(its ToUnicode CMap), and text in a font whose encoding renames its glyphs
(its /Differences) through the letters the glyphs are named for. Each run of
shown text is given once as laid out, once run together and once run together
backwards, so that a name is found whether its letters or its words were
placed one by one, first to last or last to first.
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable
from dataclasses import dataclass

# Page text in fonts that number their glyphs is read through each font's map
# to Unicode (a file with more maps than this is refused), up to this many characters
# in all.
MAX_CMAPS = 64
MAX_CMAP_ENTRIES = 200_000
MAX_MAPPED = 20_000_000

# Strings as content streams show them: alone (Tj) or in an array with spacing (TJ).
_LITERAL = rb"\((?:[^()\\]|\\.|\((?:[^()\\]|\\.)*\))*\)"
_HEX = rb"<[0-9A-Fa-f\x00\t\n\x0c\r ]*>"
_SHOWN = re.compile(
    rb"\[((?:" + _LITERAL + rb"|" + _HEX + rb"|[^\[\]()<>])*)\]"
    rb"|(" + _LITERAL + rb"|" + _HEX + rb")",
    re.S,
)
# A content stream's tokens, for where text is placed: shown text (a string, or an array
# of them, with the operator after it), numbers, and operators.
_TOKEN = re.compile(
    rb"(\[(?:" + _LITERAL + rb"|" + _HEX + rb"|[^\[\]()<>])*\]|" + _LITERAL + rb"|" + _HEX + rb")"
    rb"|([+-]?(?:\d+\.?\d*|\.\d+))|/[^\s/\[\]()<>{}%]*|([A-Za-z'\"*]+)",
    re.S,
)
_IN_ARRAY = re.compile(rb"(" + _LITERAL + rb"|" + _HEX + rb")|(-\d+\.?\d*)", re.S)
_CODESPACE = re.compile(rb"begincodespacerange(.*?)endcodespacerange", re.S)
_BFCHAR = re.compile(rb"beginbfchar(.*?)endbfchar", re.S)
_BFRANGE = re.compile(rb"beginbfrange(.*?)endbfrange", re.S)
_HEX_TOKEN = re.compile(rb"<([0-9A-Fa-f\s]*)>")
_RANGE = re.compile(
    rb"<([0-9A-Fa-f]{1,8})>\s*<([0-9A-Fa-f]{1,8})>\s*(?:<([0-9A-Fa-f]{1,64})>|\[([^\]]*)\])"
)
_STRING_ESCAPE = re.compile(rb"\\(?:([0-7]{1,3})|(\r\n|\r|\n)|(.))", re.S)
_ESCAPED = {b"n": b"\n", b"r": b"\r", b"t": b"\t", b"b": b"\b", b"f": b"\f"}
# Spacing in a TJ array, in thousandths of the font size, wider than this is a space.
_WORD_GAP = -180
_SPACES = re.compile(rb"[\x00\t\n\x0c\r ]")
# An encoding's renamed glyphs: /Differences [code /name /name code /name ...], the key
# perhaps written with escapes (/Differ#65nces).
_DIFFERENCES = re.compile(rb"/((?:[A-Za-z]|#[0-9A-Fa-f]{2}){4,40})\s*\[([^\]]{0,200000})\]")
_DIFFERENCE = re.compile(rb"(\d{1,6})|/((?:[^\s/\[\]<>(){}%#]|#[0-9A-Fa-f]{2}){1,127})")
_NAME_ESCAPE = re.compile(rb"#([0-9A-Fa-f]{2})")
# Glyph names that stand for a character other than their own letters.
_GLYPH_WORDS = {
    "space": " ", "hyphen": "-", "period": ".", "comma": ",", "quoteright": "'",
    "quotesingle": "'", "at": "@", "underscore": "_", "zero": "0", "one": "1", "two": "2",
    "three": "3", "four": "4", "five": "5", "six": "6", "seven": "7", "eight": "8",
    "nine": "9", "ff": "ff", "fi": "fi", "fl": "fl", "ffi": "ffi", "ffl": "ffl",
}  # fmt: skip
_SURROGATE = range(0xD800, 0xE000).__contains__
_UNI = re.compile(r"(?:uni((?:[0-9A-F]{4})+)|u([0-9A-F]{4,6}))")
# A letter with an accent, named as the Adobe Glyph List names it: "eacute", "Ccedilla".
_ACCENTED = re.compile(
    r"([A-Za-z])(?:acute|grave|circumflex|dieresis|tilde|ring|cedilla|caron|macron|breve"
    r"|ogonek|dotaccent|hungarumlaut|commaaccent|stroke|slash)"
)
_NOT_HEX = re.compile(rb"[^0-9A-Fa-f]")


def hex_bytes(digits: bytes) -> bytes:
    """A hexadecimal string's bytes, spaces ignored and an odd last digit padded;
    ValueError if it holds anything else."""
    digits = _SPACES.sub(b"", digits)
    if _NOT_HEX.search(digits):
        raise ValueError("not hexadecimal")
    return bytes.fromhex((digits + b"0" * (len(digits) % 2)).decode("ascii"))


def unescaped(raw: bytes) -> bytes:
    """A literal string's bytes, its backslash escapes undone."""

    def replace(match: re.Match[bytes]) -> bytes:
        octal, _line, other = match.groups()
        if octal is not None:
            return bytes([int(octal, 8) & 0xFF])
        if other is not None:
            return _ESCAPED.get(other, other)
        return b""

    return _STRING_ESCAPE.sub(replace, raw)


def stream_text(decoded: bytes) -> str:
    """A decoded stream as text: as it is, its XML references decoded, the strings it shows."""
    text = _text_of(decoded)
    parts = [text]
    if "&" in text:
        parts.append(html.unescape(text))
    parts.append(strings_text(decoded))
    return "\n".join(parts)


def strings_text(chunk: bytes) -> str:
    """The strings in `chunk`, each shown text run once as laid out and once run together,
    in the order they are drawn and, if that differs, in the order they are placed."""
    runs = _shown_runs(chunk)
    return _rendered(runs, _text_of) + _rendered_placed(_reading_order(chunk, runs), _text_of)


def _reading_order(chunk: bytes, runs: list[list[bytes | None]]) -> list[list[bytes | None]] | None:
    """The shown runs of `chunk` in reading order, each where the page places it, top to
    bottom and left to right, if that is not the order they are drawn in ("swamy-Holt"
    drawn first at the right of "Priya Rama" reads "Priya Ramaswamy-Holt"); else None."""
    if len(runs) < 2 or b"T" not in chunk:
        return None
    placed = _placed_runs(chunk)
    in_order = [run for _, _, run in sorted(placed, key=lambda item: (-item[0], item[1]))]
    return None if in_order == [run for _, _, run in placed] else in_order


def _rendered_placed(
    in_order: list[list[bytes | None]] | None, decode: Callable[[bytes], str]
) -> str:
    return "" if in_order is None else "\n" + _rendered(in_order, decode)


def _placed_runs(chunk: bytes) -> list[tuple[float, float, list[bytes | None]]]:
    """(y, x, run) for each run of shown text, where its text matrix places it: from Tm, Td,
    TD, T* and the quoting operators, scale and rotation aside."""
    placed: list[tuple[float, float, list[bytes | None]]] = []
    line_x = line_y = leading = 0.0
    numbers: list[float] = []
    for token in _TOKEN.finditer(chunk):
        shown, number, operator = token[1], token[2], token[3]
        if number is not None:
            numbers.append(float(number))
            continue
        if shown is not None:
            run = _shown_runs(shown)
            if run:
                placed.append((line_y, line_x, run[0]))
            continue
        if operator == b"BT":
            line_x = line_y = 0.0
        elif operator == b"Tm" and len(numbers) >= 6:
            line_x, line_y = numbers[-2], numbers[-1]
        elif operator in (b"Td", b"TD") and len(numbers) >= 2:
            line_x, line_y = line_x + numbers[-2], line_y + numbers[-1]
            leading = -numbers[-1] if operator == b"TD" else leading
        elif operator == b"TL" and numbers:
            leading = numbers[-1]
        elif operator == b"T*":
            line_y -= leading
        numbers = []
    return placed


def _rendered(runs: list[list[bytes | None]], decode: Callable[[bytes], str]) -> str:
    if not runs:
        return ""
    laid_out = ["".join(" " if piece is None else decode(piece) for piece in run) for run in runs]
    together = "".join(decode(piece) for run in runs for piece in run if piece is not None)
    # Letters drawn last to first, each moved back into place, read "eoDenaJ" in order.
    return " ".join(laid_out) + "\n" + together + "\n" + together[::-1]


def _shown_runs(chunk: bytes) -> list[list[bytes | None]]:
    """Each string shown alone, or array of strings shown together (None where spacing is
    wide enough to be a space between words), as raw bytes."""
    runs: list[list[bytes | None]] = []
    for match in _SHOWN.finditer(chunk):
        if match[1] is None:
            runs.append([_string_bytes(match[2])])
            continue
        run: list[bytes | None] = []
        for item in _IN_ARRAY.finditer(match[1]):
            if item[1] is not None:
                run.append(_string_bytes(item[1]))
            elif run and float(item[2]) < _WORD_GAP:
                run.append(None)
        if run:
            runs.append(run)
    return runs


def _string_bytes(token: bytes) -> bytes:
    if token.startswith(b"("):
        return unescaped(token[1:-1])
    try:
        return hex_bytes(token[1:-1])
    except ValueError:
        return b""


@dataclass(frozen=True)
class ToUnicode:
    """A font's map from its codes (one or two bytes each) to Unicode (a ToUnicode CMap)."""

    width: int
    table: dict[int, str]

    def text(self, raw: bytes) -> str:
        if self.width == 1:
            codes = raw.decode("latin-1")
        else:
            codes = raw[: len(raw) // 2 * 2].decode("utf-16-be", "surrogatepass")
        return codes.translate(self.table)


def to_unicode_map(decoded: bytes) -> ToUnicode | None:
    """The map a ToUnicode CMap stream sets out, if it is one and its codes are of one width,
    1 or 2 bytes."""
    if b"begincmap" not in decoded:
        return None
    space = _CODESPACE.search(decoded)
    first = _HEX_TOKEN.search(space[1]) if space else _HEX_TOKEN.search(decoded)
    width = len(re.sub(rb"\s", b"", first[1])) // 2 if first else 0
    if width not in (1, 2):
        return None
    table: dict[int, str] = {}
    for block in _BFCHAR.findall(decoded):
        tokens = [re.sub(rb"\s", b"", t) for t in _HEX_TOKEN.findall(block)]
        for source, target in zip(tokens[::2], tokens[1::2], strict=False):
            table[int(source or b"0", 16)] = _unicode(target)
    for block in _BFRANGE.findall(decoded):
        for low, high, target, targets in _RANGE.findall(block):
            start, end = int(low, 16), int(high, 16)
            if not 0 <= end - start <= 0xFFFF or len(table) > MAX_CMAP_ENTRIES:
                return None
            if targets:
                listed = [re.sub(rb"\s", b"", t) for t in _HEX_TOKEN.findall(targets)]
                table.update(zip(range(start, end + 1), map(_unicode, listed), strict=False))
                continue
            base, size = int(target, 16), len(target) // 2
            for offset in range(end - start + 1):
                code = (base + offset) % (1 << (8 * size))
                table[start + offset] = _unicode(code.to_bytes(size, "big").hex().encode())
    return ToUnicode(width, table) if table else None


def differences_maps(chunk: bytes) -> list[ToUnicode]:
    """A map from codes to letters for each encoding in `chunk` that renames glyphs
    (/Differences [65 /J /a /n /e]): a viewer draws code 65 as the glyph named J."""
    maps = []
    for match in _DIFFERENCES.finditer(chunk):
        if pdf_name(match[1]) != "Differences":
            continue
        table: dict[int, str] = {}
        code = 0
        for number, name in _DIFFERENCE.findall(match[2]):
            if number:
                code = int(number)
                continue
            if 0 <= code <= 0xFF:
                table[code] = _glyph_letters(pdf_name(name))
            code += 1
        if table:
            maps.append(ToUnicode(1, table))
    return maps


def pdf_name(raw: bytes) -> str:
    """A PDF name as a viewer reads it, its #-escapes decoded ("/Differ#65nces")."""
    return _NAME_ESCAPE.sub(lambda m: bytes([int(m[1], 16)]), raw).decode("latin-1")


def _glyph_letters(glyph: str) -> str:
    """The text a glyph's name stands for: "J", "uni004A", "eacute" (an e), "f_f"."""
    base = glyph.split(".", 1)[0]
    if "_" in base:
        return "".join(map(_glyph_letters, base.split("_")))
    if len(base) == 1 or base in _GLYPH_WORDS:
        return _GLYPH_WORDS.get(base, base)
    if found := _UNI.fullmatch(base):
        digits = found[1] or found[2]
        step = 4 if found[1] else len(digits)
        codes = [int(digits[at : at + step], 16) for at in range(0, len(digits), step)]
        return "".join(chr(code) for code in codes if code <= 0x10FFFF and not _SURROGATE(code))
    if accented := _ACCENTED.fullmatch(base):
        return accented[1]
    return ""


def _unicode(target: bytes) -> str:
    try:
        return bytes.fromhex(target.decode("ascii")).decode("utf-16-be", "replace")
    except ValueError:
        return ""


def mapped_text(shown: list[bytes], cmaps: list[ToUnicode]) -> list[str]:
    """Page text read through each font's map, until `MAX_MAPPED` characters are made."""
    if not cmaps:
        return []
    # Each chunk's runs, and their reading order if it differs: the same for every map.
    runs = [
        (chunk_runs, _reading_order(chunk, chunk_runs))
        for chunk in shown
        if (chunk_runs := _shown_runs(chunk))
    ]
    parts, made = [], 0
    for cmap in cmaps:
        for chunk_runs, in_order in runs:
            part = _rendered(chunk_runs, cmap.text) + _rendered_placed(in_order, cmap.text)
            parts.append(part)
            made += len(part)
            if made > MAX_MAPPED:
                return parts
    return parts


def _text_of(raw: bytes) -> str:
    """Bytes as a viewer would show them: UTF-16 or UTF-8 where a byte-order mark says so."""
    if raw.startswith((b"\xfe\xff", b"\xff\xfe")):
        text = raw.decode("utf-16", "replace")
    elif raw.startswith(b"\xef\xbb\xbf"):
        text = raw[3:].decode("utf-8", "replace")
    else:
        try:
            text = raw.decode("utf-8")
        except UnicodeDecodeError:
            text = raw.decode("latin-1")
    # A viewer shows nothing for a NUL: UTF-16 without its mark still reads as the name.
    return text.replace("\x00", "") if "\x00" in text else text
