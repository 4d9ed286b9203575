"""PDF attachments: whether a viewer would act on one, and the text it holds.

A PDF is read the way a viewer repairing a damaged file reads it: every
`N G obj` in the bytes is an object, wherever it sits, and every dictionary
followed by `stream` is a stream, decoded through its filters
(`attachment_filters`). The names that make a viewer act or reach elsewhere
(script, programs, packed files, media, links, automatic actions) are looked
for wherever a viewer could follow them: outside stream data, in any object
hidden inside stream data, and in every stream that could serve as an object
stream (one with /N and /First). Names inside page text, fonts and pictures
are data no viewer follows. An /OpenAction that only opens a page is allowed.

Whatever cannot be read that way refuses the file: an unknown filter, data
that does not decode, a stream outside any object, a key given twice,
encryption, or more than the bounds below allow. Nothing is published that
was not checked. The text found on the way (`attachment_pdf_text`) is returned
for the caller to look for withheld names in.
"""

from __future__ import annotations

import bisect
import itertools
import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any, NamedTuple

from .attachment_filters import Budget, TooLarge, Undecodable, check_chain, decode_chain
from .attachment_pdf_text import (
    MAX_CMAPS,
    ToUnicode,
    differences_maps,
    hex_bytes,
    mapped_text,
    pdf_name,
    stream_text,
    strings_text,
    to_unicode_map,
    unescaped,
)

# A file unpacks to at most this much in all; more is refused, as a bomb would be.
MAX_DECODED = 20_000_000
# More objects or streams than a real document of `MAX_ATTACHMENT_BYTES` has.
MAX_OBJECTS = 500_000
MAX_STREAMS = 20_000
# Tokens read from stream dictionaries in all, and how deep they may nest.
MAX_TOKENS = 1_000_000
MAX_DEPTH = 32

_FIX = "print it to a new PDF (File > Print > Save as PDF) and attach that"
_LINK_FIX = (
    "export it again without links, or flatten it (print it with 'Microsoft Print to PDF' "
    "or 'Adobe PDF'), and attach that"
)
# What each name lets a viewer do, in the words a message uses, in the order a
# message names them. A name written with '#xx' escapes is decoded first.
_SCRIPT = "runs script"
_PROGRAMS = "starts programs"
_FILES = "has files packed inside it"
_MEDIA = "plays media or 3D content"
_LINKS = "links to other websites or files"
_ACTIONS = "runs actions when it is opened or read"
_ORDER = (_SCRIPT, _PROGRAMS, _FILES, _MEDIA, _LINKS, _ACTIONS)
_ACTIVE: dict[str, str] = {
    **dict.fromkeys(("JavaScript", "JS", "XFA"), _SCRIPT),
    "Launch": _PROGRAMS,
    **dict.fromkeys(
        ("EmbeddedFile", "EmbeddedFiles", "EF", "AF", "FileAttachment", "Collection"), _FILES
    ),
    **dict.fromkeys(("Movie", "Sound", "Rendition", "3D"), _MEDIA),
    **dict.fromkeys(("URI", "URL", "GoToR", "GoToE", "SubmitForm", "ImportData"), _LINKS),
    **dict.fromkeys(("AA", "OpenAction"), _ACTIONS),
}
_ACTIVE_PREFIXES = {"RichMedia": _MEDIA}
# A stream whose data is another file, fetched by the viewer.
_EXTERNAL = frozenset({"F", "FFilter", "FDecodeParms"})
# What a /GoTo action holds when all it does is open a page (/Next would chain another).
_GOTO_KEYS = frozenset({"Type", "S", "D", "SD"})

_WS = rb"[\x00\t\n\x0c\r ]"
_REGULAR = rb"[^\x00\t\n\x0c\r ()<>\[\]{}/%]"
# Space and comments between tokens; a comment runs to its end of line, so that
# there is one way only to read a run of '%' (no backtracking to explode).
_GAP = rb"(?:[\x00\t\n\x0c\r ]|%[^\r\n]*[\r\n])*"
_HEADER = re.compile(
    rb"(?<![0-9])(\d{1,10})" + _WS + rb"+(\d{1,5})" + _WS + rb"*obj(?!" + _REGULAR + rb")"
)
_STREAM = re.compile(rb">>" + _GAP + rb"stream(?!" + _REGULAR + rb")")
_STREAM_EOL = re.compile(rb"[ \t]*(?:\r\n|\n|\r)?")
_ENDSTREAM = re.compile(_WS + rb"*endstream")
_ENDOBJ = re.compile(rb"endobj")
_REFERENCE = re.compile(
    _GAP + rb"(\d{1,10})" + _WS + rb"+(\d{1,5})" + _WS + rb"*R(?!" + _REGULAR + rb")"
)
_NAME = re.compile(rb"/(" + _REGULAR + rb"*)")
_TOKEN = re.compile(
    _GAP + rb"(?:(<<|\[)|(>>|\])|/(" + _REGULAR + rb"*)|<([^<>]*)>|(\()|(" + _REGULAR + rb"+))"
)
_PAREN = re.compile(rb"[()\\]")
_NUMBER = re.compile(rb"[+-]?(?:\d+\.?\d*|\.\d+)")
_INTEGER = re.compile(rb"[+-]?\d+")


# Past this many maps from fonts' codes to letters, a file's text could hide behind those
# not read: it is refused.
_TOO_MANY_FONTS = (
    f"draws its text in more than {MAX_CMAPS} ways of coding letters, more than the site "
    "reads to check it names no one: export it again as a standard PDF"
)


class Refused(Exception):
    """Why a PDF may not be published, in words for whoever attached it."""


@dataclass(frozen=True)
class PdfReading:
    """What a PDF that may be published holds: its text, decoded, for finding names in."""

    text: str


def read_pdf(data: bytes) -> PdfReading:
    """The PDF's text if a viewer would do nothing with it but show it; else `Refused`."""
    headers = _headers(data)
    work = _Work()
    streams = _streams(data, headers, work)
    outside = [data[start:end] for start, end in _outside_stream_data(data, headers, streams)]
    # Objects an /OpenAction refers to: harmless if each is only a page to open at.
    opened: list[int] = []
    _refuse_active(_active_names(outside, opened, work))
    if any(name == "Encrypt" for name in _names(outside)):
        raise Refused(
            "is a PDF protected by a password or encryption, which the site cannot check: "
            "save a copy without protection and attach that"
        )
    budget = Budget(MAX_DECODED)
    parts = [chunk.decode("latin-1") for chunk in outside]
    parts += [strings_text(chunk) for chunk in outside]
    parts += _escaped_names(outside)
    cmaps: list[ToUnicode] = [found for chunk in outside for found in differences_maps(chunk)]
    if len(cmaps) > MAX_CMAPS:
        raise Refused(_TOO_MANY_FONTS)
    packed: dict[int, list[tuple[bytes, int]]] = {}
    shown: list[bytes] = []
    for stream in streams:
        if stream.is_image:
            _undecoded(stream)
            continue
        decoded = _decoded(data[stream.start : stream.end], stream, budget)
        if stream.may_hold_objects:
            _refuse_active(_active_names([decoded], opened, work))
            _index_objects(decoded, stream.info, packed)
            parts += _escaped_names([decoded])
            cmaps += differences_maps(decoded)
        if stream.is_binary:
            continue
        parts.append(stream_text(decoded))
        cmap = to_unicode_map(decoded)
        if cmap is not None:
            cmaps.append(cmap)
        elif not stream.may_hold_objects:
            shown.append(decoded)
        if len(cmaps) > MAX_CMAPS:
            raise Refused(_TOO_MANY_FONTS)
    defined = _definitions(data, headers, packed)
    if not all(_opens_a_page(defined.get(number, []), work) for number in opened):
        _refuse_active([_ACTIONS])
    parts += mapped_text(shown, cmaps)
    return PdfReading("\n".join(part for part in parts if part))


def pdf_text(data: bytes) -> str:
    """The decoded text of a PDF that may be published (see `read_pdf`)."""
    return read_pdf(data).text


class _Ref(NamedTuple):
    number: int
    generation: int


class _Name(str):
    """A PDF name, as against a string (which is kept as bytes)."""


@dataclass(frozen=True)
class _Header:
    start: int
    end: int
    number: int


@dataclass(frozen=True)
class _Stream:
    number: int
    info: dict[str, Any]
    start: int
    end: int

    @property
    def may_hold_objects(self) -> bool:
        """Whether a viewer could read objects from it: an object stream needs /N and /First."""
        return "N" in self.info and "First" in self.info

    @property
    def is_image(self) -> bool:
        picture = self.info.get("Subtype") == "Image" or (
            "Width" in self.info and "Height" in self.info
        )
        return picture and not self.may_hold_objects

    @property
    def is_binary(self) -> bool:
        """Fonts, colour profiles and cross-reference tables: no text anyone reads."""
        font = bool({"Length1", "Length2", "Length3"} & self.info.keys()) or self.info.get(
            "Subtype"
        ) in ("Type1C", "CIDFontType0C", "OpenType")
        profile = "N" in self.info and "First" not in self.info
        return font or profile or self.info.get("Type") == "XRef"


class _Malformed(Exception):
    pass


class _Work:
    """Tokens still to be read from dictionaries in this file."""

    def __init__(self) -> None:
        self.tokens = MAX_TOKENS

    def spend(self) -> None:
        self.tokens -= 1
        if self.tokens < 0:
            raise Refused(f"is a PDF laid out in more parts than the site can check: {_FIX}")


def _headers(data: bytes) -> list[_Header]:
    headers = []
    for match in _HEADER.finditer(data):
        headers.append(_Header(match.start(), match.end(), int(match[1])))
        if len(headers) > MAX_OBJECTS:
            raise Refused(f"is a PDF of more objects than the site can check: {_FIX}")
    return headers


def _streams(data: bytes, headers: list[_Header], work: _Work) -> list[_Stream]:
    """Every stream in the file, each owned by the object whose dictionary precedes it."""
    starts = [header.start for header in headers]
    last = {header.number: header for header in headers}
    streams: list[_Stream] = []
    for found in _STREAM.finditer(data):
        if len(streams) >= MAX_STREAMS:
            raise Refused(f"is a PDF of more streams than the site can check: {_FIX}")
        dictionary_end = found.start() + 2
        owner = _owner(data, headers, starts, dictionary_end, work)
        if owner is None:
            raise Refused(
                "is a PDF laid out in a way the site cannot read (a stream outside any object, "
                f"or a dictionary that gives a key twice), so it cannot be checked: {_FIX}"
            )
        number, info = owner
        if _EXTERNAL & info.keys():
            raise Refused(f"is a PDF that has {_LINKS} (its object {number}): {_LINK_FIX}")
        start = _skipped(_STREAM_EOL, data, found.end())
        length = info.get("Length")
        if isinstance(length, _Ref):
            length = _integer_object(data, last.get(length.number), work)
        end = _stream_end(data, start, length if _is_int(length) else None)
        streams.append(_Stream(number, info, start, end))
    return streams


def _skipped(pattern: re.Pattern[bytes], data: bytes, at: int, end: int | None = None) -> int:
    """Where `pattern`, which may match nothing, stops matching from `at`."""
    match = pattern.match(data, at, len(data) if end is None else end)
    return at if match is None else match.end()


def _owner(
    data: bytes, headers: list[_Header], starts: list[int], dictionary_end: int, work: _Work
) -> tuple[int, dict[str, Any]] | None:
    """The object number and dictionary that end at `dictionary_end`, if any object's do."""
    at = bisect.bisect_left(starts, dictionary_end)
    for header in reversed(headers[max(0, at - 3) : at]):
        if header.end > dictionary_end:
            continue
        try:
            value, end = _value(data, header.end, dictionary_end, work)
        except _Malformed:
            continue
        if isinstance(value, dict) and end == dictionary_end:
            return header.number, value
    return None


def _stream_end(data: bytes, start: int, length: int | None) -> int:
    """Where a stream's data ends: at its /Length if `endstream` follows there, else before
    the next `endstream`, as a viewer repairing the file reads it."""
    if length is not None and length >= 0 and _ENDSTREAM.match(data, start + length):
        return start + length
    found = data.find(b"endstream", start)
    if found < 0:
        return len(data)
    for eol in (b"\r\n", b"\n", b"\r"):
        if data.endswith(eol, start, found):
            return found - len(eol)
    return found


def _integer_object(data: bytes, header: _Header | None, work: _Work) -> int | None:
    """The object that `header` opens, if it is an integer."""
    if header is None:
        return None
    try:
        value, _ = _value(data, header.end, len(data), work)
    except _Malformed:
        return None
    return value if _is_int(value) else None


def _value(data: bytes, at: int, end: int, work: _Work) -> tuple[Any, int]:
    """The PDF object at `at` (not past `end`) and where it ends; `_Malformed` if it is not one."""
    open_containers: list[tuple[bytes, list[Any]]] = []
    while True:
        work.spend()
        match = _TOKEN.match(data, at, end)
        if match is None:
            raise _Malformed
        opening, closing, name, hexadecimal, literal, word = match.groups()
        at = match.end()
        value: Any
        if opening is not None:
            if len(open_containers) >= MAX_DEPTH:
                raise _Malformed
            open_containers.append((opening, []))
            continue
        if closing is not None:
            if not open_containers or (closing == b">>") != (open_containers[-1][0] == b"<<"):
                raise _Malformed
            kind, members = open_containers.pop()
            value = members if kind == b"[" else _dictionary(members)
        elif name is not None:
            value = _Name(pdf_name(name))
        elif hexadecimal is not None:
            try:
                value = hex_bytes(hexadecimal)
            except ValueError:
                raise _Malformed from None
        elif literal is not None:
            at = _literal_end(data, match.start(5), end)
            value = unescaped(data[match.start(5) + 1 : at - 1])
        elif word == b"R" and open_containers:
            value = _reference(open_containers[-1][1])
        else:
            value = _word(word)
        if not open_containers:
            return value, at
        open_containers[-1][1].append(value)


def _dictionary(members: list[Any]) -> dict[str, Any]:
    keys = members[::2]
    # A key given twice is read differently by different viewers: refuse to guess.
    if (
        len(members) % 2
        or not all(isinstance(k, _Name) for k in keys)
        or len(set(keys)) < len(keys)
    ):
        raise _Malformed
    return {str(k): v for k, v in zip(keys, members[1::2], strict=True)}


def _reference(members: list[Any]) -> _Ref:
    """`N G R`: the two integers before it, taken off `members`."""
    if len(members) < 2 or not all(_is_int(m) for m in members[-2:]):
        raise _Malformed
    generation, number = members.pop(), members.pop()
    return _Ref(number, generation)


def _word(word: bytes) -> bool | int | float | None:
    if word in (b"true", b"false"):
        return word == b"true"
    if word == b"null":
        return None
    if _INTEGER.fullmatch(word):
        return int(word)
    if _NUMBER.fullmatch(word):
        return float(word)
    raise _Malformed


def _is_int(value: object) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def _literal_end(data: bytes, at: int, end: int) -> int:
    """Where the literal string opening at `at` closes, nested parentheses and escapes read."""
    depth = 0
    while True:
        match = _PAREN.search(data, at, end)
        if match is None:
            raise _Malformed
        character = data[match.start()]
        if character == 0x5C:
            at = match.start() + 2
            continue
        depth += 1 if character == 0x28 else -1
        at = match.end()
        if depth == 0:
            return at


def _outside_stream_data(
    data: bytes, headers: list[_Header], streams: list[_Stream]
) -> list[tuple[int, int]]:
    """The spans a viewer may read objects from: all but stream data, and any object inside it."""
    regions = sorted((s.start, s.end) for s in streams)
    spans: list[tuple[int, int]] = []
    at = 0
    for start, end in regions:
        if start > at:
            spans.append((at, start))
        at = max(at, end)
    spans.append((at, len(data)))
    region_starts = [start for start, _ in regions]
    reaches = list(itertools.accumulate((end for _, end in regions), max))
    closings = [found.end() for found in _ENDOBJ.finditer(data)]
    for header in headers:
        index = bisect.bisect_right(region_starts, header.start) - 1
        if index >= 0 and header.start < reaches[index]:
            closing = bisect.bisect_left(closings, header.end)
            spans.append(
                (header.start, closings[closing] if closing < len(closings) else len(data))
            )
    return _merged(spans)


def _merged(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    merged: list[tuple[int, int]] = []
    for start, end in sorted(spans):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        elif end > start:
            merged.append((start, end))
    return merged


def _names(chunks: list[bytes]) -> Iterator[str]:
    for chunk in chunks:
        for match in _NAME.finditer(chunk):
            yield pdf_name(match[1])


def _active_names(chunks: list[bytes], opened: list[int], work: _Work) -> list[str]:
    """What each active name found lets a viewer do. An /OpenAction that only opens a page is
    not active; one that refers to an object adds its number to `opened`, to be looked at."""
    found = []
    for chunk in chunks:
        for match in _NAME.finditer(chunk):
            name = pdf_name(match[1])
            what = _ACTIVE.get(name) or next(
                (w for p, w in _ACTIVE_PREFIXES.items() if name.startswith(p)), None
            )
            if what is None:
                continue
            if name == "OpenAction":
                opening = _opening(chunk, match.end(), work)
                if isinstance(opening, _Ref):
                    opened.append(opening.number)
                if opening is not None:
                    continue
            found.append(what)
    return found


def _opening(chunk: bytes, at: int, work: _Work) -> _Ref | bool | None:
    """What the /OpenAction value at `at` does: True if it only opens a page, the object it
    refers to if it refers to one, None if it is (or may be) anything else."""
    reference = _REFERENCE.match(chunk, at)
    if reference:
        return _Ref(int(reference[1]), int(reference[2]))
    try:
        value, _ = _value(chunk, at, len(chunk), work)
    except _Malformed:
        return None
    return True if _is_page_opening(value) else None


def _is_page_opening(value: object) -> bool:
    """A destination (an array), or an action that goes to one and does nothing else."""
    return isinstance(value, list) or (
        isinstance(value, dict) and value.get("S") == "GoTo" and value.keys() <= _GOTO_KEYS
    )


def _index_objects(
    decoded: bytes, info: dict[str, Any], packed: dict[int, list[tuple[bytes, int]]]
) -> None:
    """Record where each object of an object stream starts, as its header says."""
    count, first = info.get("N"), info.get("First")
    if not isinstance(count, int) or not isinstance(first, int) or not 0 <= count <= MAX_OBJECTS:
        return
    numbers = [int(n) for n in re.findall(rb"\d+", decoded[:first])[: 2 * count]]
    for number, offset in zip(numbers[::2], numbers[1::2], strict=False):
        packed.setdefault(number, []).append((decoded, first + offset))


def _definitions(
    data: bytes, headers: list[_Header], packed: dict[int, list[tuple[bytes, int]]]
) -> dict[int, list[tuple[bytes, int]]]:
    """Every place each object is defined: after its header, or in an object stream."""
    defined: dict[int, list[tuple[bytes, int]]] = {}
    for header in headers:
        defined.setdefault(header.number, []).append((data, header.end))
    for number, places in packed.items():
        defined.setdefault(number, []).extend(places)
    return defined


def _opens_a_page(places: list[tuple[bytes, int]], work: _Work) -> bool:
    """Whether every definition of an object only opens a page: no action of another kind."""
    if not places:
        return False
    for data, at in places:
        try:
            value, _ = _value(data, at, len(data), work)
        except _Malformed:
            return False
        if not _is_page_opening(value):
            return False
    return True


def _refuse_active(found: list[str]) -> None:
    if not found:
        return
    what = sorted(set(found), key=_ORDER.index)
    if what == [_LINKS]:
        raise Refused(f"is a PDF that has {_LINKS}, and no request may leave the site: {_LINK_FIX}")
    said = " and ".join(w if w != _LINKS else "has " + w for w in what)
    fix = _LINK_FIX if _LINKS in what else _FIX
    raise Refused(f"is a PDF that {said}, and an attachment of the site must not act: {fix}")


def _undecoded(picture: _Stream) -> None:
    """A picture is left encoded (its pixels hold no text), but only in filters that exist."""
    try:
        check_chain(_filters(picture)[0])
    except Undecodable as error:
        raise _unreadable(picture, error) from None


def _decoded(raw: bytes, stream: _Stream, budget: Budget) -> bytes:
    filters, parameters = _filters(stream)
    try:
        return decode_chain(raw, filters, parameters, budget)
    except TooLarge:
        raise Refused(
            f"is a PDF that unpacks to more than {MAX_DECODED // 1_000_000} MB, "
            f"more than the site can check: {_FIX}"
        ) from None
    except Undecodable as error:
        raise _unreadable(stream, error) from None


def _unreadable(stream: _Stream, error: Undecodable) -> Refused:
    return Refused(f"is a PDF the site cannot check: its object {stream.number} {error}; {_FIX}")


def _filters(stream: _Stream) -> tuple[list[str], list[dict[str, Any]]]:
    """The stream's filters and the parameters of each; `Refused` if they are not plain."""
    named = stream.info.get("Filter")
    given = stream.info.get("DecodeParms")
    filters = [named] if isinstance(named, _Name) else named if named is not None else []
    parameters = [given] if isinstance(given, dict) else given if given is not None else []
    if (
        not isinstance(filters, list)
        or not all(isinstance(f, _Name) for f in filters)
        or not isinstance(parameters, list)
        or not all(p is None or isinstance(p, dict) for p in parameters)
    ):
        raise Refused(
            f"is a PDF the site cannot check: its object {stream.number} names its encoding "
            f"in a way the site does not read; {_FIX}"
        )
    return [str(f) for f in filters], [p or {} for p in parameters]


def _escaped_names(chunks: list[bytes]) -> list[str]:
    """Names written with '#xx' escapes, decoded: a name can be spelled out that way."""
    return [
        pdf_name(match[1])
        for chunk in chunks
        if b"#" in chunk
        for match in _NAME.finditer(chunk)
        if b"#" in match[1]
    ]
