"""Images rewritten without their metadata, so that no name or place in it is published.

A photo carries text a reader never sees on the page: the camera owner's name,
the author, comments, GPS position, a thumbnail. The site needs none of it, so
each image is rebuilt from the parts that draw it, on an allow-list: whatever
is not known to be picture data is left out, and so is whatever follows a part
that cannot be read, or the image's end. The one fact kept from EXIF is the
orientation, rewritten on its own, so that a portrait photo stays upright.
"""

from __future__ import annotations

import struct
import zlib
from collections.abc import Iterator

_PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
# Chunks that draw the image (APNG's too); text, time, EXIF and colour profiles are dropped.
_PNG_KEPT = frozenset(
    (
        b"IHDR PLTE IDAT IEND tRNS cHRM gAMA sBIT sRGB bKGD hIST pHYs cICP mDCv cLLi acTL fcTL fdAT"
    ).split()
)
_PNG_END = b"IEND"
# JPEG markers that draw the image: frames, tables, restart interval, scan; the
# application segments (EXIF, XMP, ICC, Photoshop) and comments are dropped.
_JPEG_KEPT = frozenset({*range(0xC0, 0xC8), *range(0xC9, 0xD0), 0xDB, 0xDC, 0xDD})
_JPEG_SCAN = 0xDA
_JPEG_END = b"\xff\xd9"
_EXIF_ORIENTATION = 0x0112
# WebP chunks that draw the image; VP8X loses its flags for ICC, EXIF and XMP.
_WEBP_KEPT = frozenset({b"VP8 ", b"VP8L", b"ALPH", b"ANIM"})
_WEBP_FRAME_KEPT = frozenset({b"VP8 ", b"VP8L", b"ALPH"})
_VP8X_EXIF_FLAG = 0x08
_VP8X_METADATA_FLAGS = 0x20 | _VP8X_EXIF_FLAG | 0x04


def without_metadata(extension: str, data: bytes) -> bytes:
    """The image's bytes with nothing but what draws it (and its orientation)."""
    if extension == "png":
        return _png(data)
    if extension in ("jpg", "jpeg"):
        return _jpeg(data)
    if extension == "gif":
        return _gif(data)
    if extension == "webp":
        return _webp(data)
    raise ValueError(f"not an image type: {extension}")


def _png(data: bytes) -> bytes:
    out = bytearray(_PNG_SIGNATURE)
    at, size = len(_PNG_SIGNATURE), len(data)
    while at + 12 <= size:
        (length,) = struct.unpack_from(">I", data, at)
        kind = data[at + 4 : at + 8]
        end = at + 12 + length
        if length > 0x7FFFFFFF or end > size or not kind.isalpha() or not kind.isascii():
            break
        if kind in _PNG_KEPT:
            out += data[at:end]
        elif kind == b"eXIf":
            orientation = _orientation(data[at + 8 : end - 4])
            if orientation != 1:
                out += _png_chunk(b"eXIf", _tiff_orientation(orientation))
        at = end
        if kind == _PNG_END:
            return bytes(out)
    return bytes(out + _png_chunk(_PNG_END, b""))


def _png_chunk(kind: bytes, body: bytes) -> bytes:
    checksum = zlib.crc32(kind + body) & 0xFFFFFFFF
    return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", checksum)


def _jpeg(data: bytes) -> bytes:
    out = bytearray(data[:2])
    at, size = 2, len(data)
    while at < size and data[at] == 0xFF:
        while at < size and data[at] == 0xFF:
            at += 1
        if at >= size:
            break
        marker = data[at]
        at += 1
        if 0xD0 <= marker <= 0xD7 or marker == 0x01:
            out += bytes([0xFF, marker])
            continue
        if marker in (0x00, 0xD8, 0xD9) or at + 2 > size:
            break
        (length,) = struct.unpack_from(">H", data, at)
        if length < 2 or at + length > size:
            break
        segment = data[at + 2 : at + length]
        at += length
        if marker in _JPEG_KEPT or marker == _JPEG_SCAN:
            out += _jpeg_segment(marker, segment)
        elif kept := _jpeg_application(marker, segment):
            out += _jpeg_segment(marker, kept)
        if marker == _JPEG_SCAN:
            scan_end = _entropy_end(data, at)
            out += data[at:scan_end]
            at = scan_end
    return bytes(out + _JPEG_END)


def _jpeg_segment(marker: int, body: bytes) -> bytes:
    return bytes([0xFF, marker]) + struct.pack(">H", len(body) + 2) + body


def _jpeg_application(marker: int, segment: bytes) -> bytes:
    """What an application segment keeps: JFIF's header, Adobe's colour transform, the
    orientation from EXIF; nothing else, and never a thumbnail."""
    if marker == 0xE0 and segment.startswith(b"JFIF\x00") and len(segment) >= 14:
        return segment[:12] + b"\x00\x00"
    if marker == 0xEE and segment.startswith(b"Adobe") and len(segment) >= 12:
        return segment[:12]
    if marker == 0xE1 and segment.startswith(b"Exif\x00\x00"):
        orientation = _orientation(segment[6:])
        if orientation != 1:
            return b"Exif\x00\x00" + _tiff_orientation(orientation)
    return b""


def _entropy_end(data: bytes, at: int) -> int:
    """Where a scan's coded data ends: at the first marker that is not a restart."""
    while True:
        found = data.find(b"\xff", at)
        if found < 0 or found + 1 >= len(data):
            return len(data)
        following = data[found + 1]
        if following == 0x00 or 0xD0 <= following <= 0xD7:
            at = found + 2
            continue
        return found


def _orientation(tiff: bytes) -> int:
    """The EXIF orientation (1 to 8) in a TIFF structure, 1 where there is none to read."""
    order = {b"II*\x00": "<", b"MM\x00*": ">"}.get(tiff[:4])
    if order is None or len(tiff) < 8:
        return 1
    (directory,) = struct.unpack_from(order + "I", tiff, 4)
    if directory + 2 > len(tiff):
        return 1
    (count,) = struct.unpack_from(order + "H", tiff, directory)
    for index in range(count):
        entry = directory + 2 + 12 * index
        if entry + 12 > len(tiff):
            break
        tag, kind, number, value = struct.unpack_from(order + "HHIH", tiff, entry)
        if tag == _EXIF_ORIENTATION and kind == 3 and number == 1:
            return value if 1 <= value <= 8 else 1
    return 1


def _tiff_orientation(orientation: int) -> bytes:
    """A TIFF structure that holds the orientation and nothing else."""
    entry = struct.pack(">HHIHH", _EXIF_ORIENTATION, 3, 1, orientation, 0)
    return b"MM\x00*" + struct.pack(">IH", 8, 1) + entry + struct.pack(">I", 0)


def _gif(data: bytes) -> bytes:
    size = len(data)
    out = bytearray(data[:13])
    at = 13
    if size >= 13 and data[10] & 0x80:
        at += 3 << ((data[10] & 0x07) + 1)
        out += data[13:at]
    while at < size:
        block = data[at]
        if block == 0x2C and at + 10 <= size:
            flags = data[at + 9]
            start = at + 10 + (3 << ((flags & 0x07) + 1) if flags & 0x80 else 0) + 1
            end = _sub_blocks_end(data, start)
            if end is None:
                break
            out += data[at:end]
        elif block == 0x21 and at + 2 <= size:
            end = _sub_blocks_end(data, at + 2)
            if end is None:
                break
            out += _gif_extension(data[at + 1], data[at + 2 : end])
        else:
            break
        at = end
    return bytes(out + b"\x3b")


def _sub_blocks_end(data: bytes, at: int) -> int | None:
    """Just past the empty sub-block that ends the sub-blocks from `at`; None if cut short."""
    while at < len(data):
        length = data[at]
        at += 1 + length
        if length == 0:
            return at
    return None


def _gif_extension(label: int, blocks: bytes) -> bytes:
    """An extension as kept: frame timing, and the loop count of an animation; no comments,
    text or application data."""
    if label == 0xF9 and blocks[:1] == b"\x04" and len(blocks) >= 5:
        return b"\x21\xf9\x04" + blocks[1:5] + b"\x00"
    if (
        label == 0xFF
        and blocks[:12] in (b"\x0bNETSCAPE2.0", b"\x0bANIMEXTS1.0")
        and blocks[12:14] == b"\x03\x01"
        and len(blocks) >= 16
    ):
        return b"\x21\xff\x0bNETSCAPE2.0\x03\x01" + blocks[14:16] + b"\x00"
    return b""


def _webp(data: bytes) -> bytes:
    chunks: list[tuple[bytes, bytes]] = []
    orientation = 1
    for kind, body in _riff_chunks(data, 12):
        if kind == b"VP8X" and len(body) >= 10 and not chunks:
            chunks.append((kind, bytes([body[0] & ~_VP8X_METADATA_FLAGS & 0xFF]) + body[1:10]))
        elif kind == b"ANMF" and len(body) >= 16:
            frame = [_riff_chunk(k, b) for k, b in _riff_chunks(body, 16) if k in _WEBP_FRAME_KEPT]
            chunks.append((kind, body[:16] + b"".join(frame)))
        elif kind in _WEBP_KEPT:
            chunks.append((kind, body))
        elif kind == b"EXIF":
            orientation = _orientation(body[6:] if body.startswith(b"Exif\x00\x00") else body)
    if orientation != 1 and chunks and chunks[0][0] == b"VP8X":
        flags = chunks[0][1]
        chunks[0] = (b"VP8X", bytes([flags[0] | _VP8X_EXIF_FLAG]) + flags[1:])
        chunks.append((b"EXIF", _tiff_orientation(orientation)))
    payload = b"WEBP" + b"".join(_riff_chunk(kind, body) for kind, body in chunks)
    return b"RIFF" + struct.pack("<I", len(payload)) + payload


def _riff_chunks(data: bytes, at: int) -> Iterator[tuple[bytes, bytes]]:
    """Each (kind, body) of the RIFF chunks from `at`, up to the first that is cut short."""
    while at + 8 <= len(data):
        (length,) = struct.unpack_from("<I", data, at + 4)
        end = at + 8 + length
        if end > len(data):
            return
        yield data[at : at + 4], data[at + 8 : end]
        at = end + length % 2


def _riff_chunk(kind: bytes, body: bytes) -> bytes:
    return kind + struct.pack("<I", len(body)) + body + b"\x00" * (len(body) % 2)
