"""The PDF stream filters that can hide text, decoded within bounds.

A PDF stream is encoded by a chain of filters (ISO 32000-1, 7.4). Each filter
here that can carry text is decoded in full, its predictor undone, and its
output bounded as it is produced, so that a small stream that would unpack to
gigabytes is stopped at the bound, not after. A filter that is not known, or
data that does not decode, raises `Undecodable`: the caller refuses the file.
"""

from __future__ import annotations

import base64
import zlib
from collections.abc import Callable, Mapping, Sequence
from typing import Any

# What the PDF spec calls each filter, abbreviations (inline-image names, which
# viewers also accept in streams) resolved.
FILTER_NAMES: dict[str, str] = {
    "ASCIIHexDecode": "ASCIIHexDecode",
    "AHx": "ASCIIHexDecode",
    "ASCII85Decode": "ASCII85Decode",
    "A85": "ASCII85Decode",
    "LZWDecode": "LZWDecode",
    "LZW": "LZWDecode",
    "FlateDecode": "FlateDecode",
    "Fl": "FlateDecode",
    "RunLengthDecode": "RunLengthDecode",
    "RL": "RunLengthDecode",
    "CCITTFaxDecode": "CCITTFaxDecode",
    "CCF": "CCITTFaxDecode",
    "DCTDecode": "DCTDecode",
    "DCT": "DCTDecode",
    "JBIG2Decode": "JBIG2Decode",
    "JPXDecode": "JPXDecode",
    "Crypt": "Crypt",
}
# Filters that only ever hold pictures: fine in a picture, never anywhere else.
IMAGE_FILTERS = frozenset({"CCITTFaxDecode", "DCTDecode", "JBIG2Decode", "JPXDecode"})
# No real file chains more than two; a longer chain is someone hiding something.
MAX_CHAIN = 4
# Undoing a predictor is done byte by byte in Python: this much per file at most.
MAX_PREDICTED = 8_000_000
MAX_ROW = 1_000_000

_PDF_WHITESPACE = b"\x00\t\n\x0c\r "


class Undecodable(Exception):
    """A stream that cannot be decoded; the message says why, in plain words."""


class TooLarge(Undecodable):
    """A stream, or all streams together, unpacking to more than may be checked."""


class Budget:
    """How many bytes may still be decoded from one file, and predicted."""

    def __init__(self, decoded: int, predicted: int = MAX_PREDICTED) -> None:
        self.decoded = decoded
        self.predicted = predicted

    def spend(self, size: int) -> None:
        self.decoded -= size
        if self.decoded < 0:
            raise TooLarge("unpacks to more than the site can check")

    def spend_predicted(self, size: int) -> None:
        self.predicted -= size
        if self.predicted < 0:
            raise TooLarge("uses more predictor-encoded data than the site can check")


def decode_chain(
    raw: bytes, filters: Sequence[str], parameters: Sequence[Mapping[str, Any]], budget: Budget
) -> bytes:
    """`raw` through each of `filters` in turn, each with its parameters (or none)."""
    check_chain(filters)
    data = raw
    for index, name in enumerate(filters):
        standard = FILTER_NAMES[name]
        if standard in IMAGE_FILTERS:
            raise Undecodable(f"uses a picture encoding (/{standard}) for something not a picture")
        given = parameters[index] if index < len(parameters) else {}
        if standard == "Crypt":
            if given.get("Name", "Identity") != "Identity":
                raise Undecodable("is encrypted")
            continue
        data = _DECODERS[standard](data, budget.decoded, given)
        if standard in ("FlateDecode", "LZWDecode"):
            data = _unpredicted(data, given, budget)
    budget.spend(len(data))
    return data


def check_chain(filters: Sequence[str]) -> None:
    """`Undecodable` unless each filter is one the spec defines, and there are few of them."""
    if len(filters) > MAX_CHAIN:
        raise Undecodable(f"is encoded {len(filters)} times over, more than any real file")
    for name in filters:
        if name not in FILTER_NAMES:
            raise Undecodable(f"uses the unknown encoding /{name}")


def _ascii_hex(data: bytes, limit: int, _: Mapping[str, Any]) -> bytes:
    end = data.find(b">")
    digits = (data if end < 0 else data[:end]).translate(None, _PDF_WHITESPACE)
    if len(digits) % 2:
        digits += b"0"
    if len(digits) // 2 > limit:
        raise TooLarge("unpacks to more than the site can check")
    try:
        return bytes.fromhex(digits.decode("ascii"))
    except (UnicodeDecodeError, ValueError):
        raise Undecodable("has /ASCIIHexDecode data that is not hexadecimal") from None


def _ascii85(data: bytes, limit: int, _: Mapping[str, Any]) -> bytes:
    end = data.find(b"~>")
    text = (data if end < 0 else data[:end]).translate(None, _PDF_WHITESPACE)
    # Each 'z' stands for four bytes, every other five characters for four.
    zeros = text.count(b"z")
    if zeros * 4 + (len(text) - zeros) * 4 // 5 > limit:
        raise TooLarge("unpacks to more than the site can check")
    try:
        return base64.a85decode(text)
    except ValueError:
        raise Undecodable("has /ASCII85Decode data that is not ASCII85") from None


def _flate(data: bytes, limit: int, _: Mapping[str, Any]) -> bytes:
    inflater = zlib.decompressobj()
    try:
        out = inflater.decompress(data, limit + 1)
    except zlib.error:
        raise Undecodable("has /FlateDecode data that does not unpack") from None
    if len(out) > limit:
        raise TooLarge("unpacks to more than the site can check")
    return out


def _run_length(data: bytes, limit: int, _: Mapping[str, Any]) -> bytes:
    out = bytearray()
    at, size = 0, len(data)
    while at < size:
        length = data[at]
        if length == 128:
            break
        if length < 128:
            out += data[at + 1 : at + 2 + length]
            at += 2 + length
        else:
            out += data[at + 1 : at + 2] * (257 - length)
            at += 2
        if len(out) > limit:
            raise TooLarge("unpacks to more than the site can check")
    return bytes(out)


def _lzw(data: bytes, limit: int, parameters: Mapping[str, Any]) -> bytes:
    """LZW as PDF writes it: 9- to 12-bit codes, first bit first, 256 clears, 257 ends."""
    early = _integer(parameters, "EarlyChange", 1, 0, 1)
    out = bytearray()
    table: list[bytes] = [bytes([i]) for i in range(256)] + [b"", b""]
    width, previous = 9, b""
    buffer = held = 0
    for byte in data:
        buffer = (buffer << 8) | byte
        held += 8
        while held >= width:
            held -= width
            code = buffer >> held
            buffer &= (1 << held) - 1
            if code == 256:
                del table[258:]
                width, previous = 9, b""
                continue
            if code == 257:
                return bytes(out)
            if code < len(table):
                entry = table[code]
                if previous and len(table) < 4096:
                    table.append(previous + entry[:1])
            elif code == len(table) and previous:
                entry = previous + previous[:1]
                if len(table) < 4096:
                    table.append(entry)
            else:
                raise Undecodable("has /LZWDecode data that does not unpack")
            out += entry
            if len(out) > limit:
                raise TooLarge("unpacks to more than the site can check")
            previous = entry
            if len(table) + early >= 1 << width and width < 12:
                width += 1
    return bytes(out)


_DECODERS: dict[str, Callable[[bytes, int, Mapping[str, Any]], bytes]] = {
    "ASCIIHexDecode": _ascii_hex,
    "ASCII85Decode": _ascii85,
    "FlateDecode": _flate,
    "RunLengthDecode": _run_length,
    "LZWDecode": _lzw,
}


def _integer(parameters: Mapping[str, Any], key: str, default: int, low: int, high: int) -> int:
    value = parameters.get(key, default)
    if not isinstance(value, int) or isinstance(value, bool) or not low <= value <= high:
        raise Undecodable(f"has a /DecodeParms /{key} of {value!r}, which no reader accepts")
    return value


def _unpredicted(data: bytes, parameters: Mapping[str, Any], budget: Budget) -> bytes:
    """`data` with its /Predictor undone: TIFF 2 for whole bytes, or PNG (10-15)."""
    predictor = _integer(parameters, "Predictor", 1, 1, 15)
    if predictor == 1:
        return data
    colors = _integer(parameters, "Colors", 1, 1, 32)
    bits = _integer(parameters, "BitsPerComponent", 8, 1, 16)
    columns = _integer(parameters, "Columns", 1, 1, 1 << 24)
    if bits not in (1, 2, 4, 8, 16):
        raise Undecodable(f"has a /DecodeParms /BitsPerComponent of {bits}")
    row = (colors * bits * columns + 7) // 8
    if row > MAX_ROW:
        raise Undecodable(f"has predictor rows of {row} bytes, longer than any real file's")
    pixel = max(1, colors * bits // 8)
    budget.spend_predicted(len(data))
    if predictor == 2:
        if bits != 8:
            raise Undecodable("uses a TIFF predictor on parts of bytes, which the site cannot read")
        return _tiff_unpredicted(data, row, pixel)
    if predictor < 10:
        raise Undecodable(f"uses the unknown /Predictor {predictor}")
    return _png_unpredicted(data, row, pixel)


def _tiff_unpredicted(data: bytes, row: int, pixel: int) -> bytes:
    out = bytearray(data)
    for start in range(0, len(out) - len(out) % row, row):
        for at in range(start + pixel, start + row):
            out[at] = (out[at] + out[at - pixel]) & 0xFF
    return bytes(out)


def _png_unpredicted(data: bytes, row: int, pixel: int) -> bytes:
    out = bytearray()
    previous = bytes(row)
    for start in range(0, len(data), row + 1):
        kind, line = data[start], bytearray(data[start + 1 : start + 1 + row])
        line += bytes(row - len(line))
        if kind == 1:
            for at in range(pixel, row):
                line[at] = (line[at] + line[at - pixel]) & 0xFF
        elif kind == 2:
            line = bytearray((a + b) & 0xFF for a, b in zip(line, previous, strict=True))
        elif kind == 3:
            for at in range(row):
                left = line[at - pixel] if at >= pixel else 0
                line[at] = (line[at] + ((left + previous[at]) >> 1)) & 0xFF
        elif kind == 4:
            for at in range(row):
                left = line[at - pixel] if at >= pixel else 0
                corner = previous[at - pixel] if at >= pixel else 0
                line[at] = (line[at] + _paeth(left, previous[at], corner)) & 0xFF
        elif kind != 0:
            raise Undecodable(f"has a PNG predictor row of the unknown type {kind}")
        out += line
        previous = bytes(line)
    return bytes(out)


def _paeth(left: int, above: int, corner: int) -> int:
    estimate = left + above - corner
    to_left, to_above, to_corner = (abs(estimate - v) for v in (left, above, corner))
    if to_left <= to_above and to_left <= to_corner:
        return left
    return above if to_above <= to_corner else corner
