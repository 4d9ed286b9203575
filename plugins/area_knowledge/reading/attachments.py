"""Attachments: images and PDFs a case study links to, checked by what they hold.

A file's name says what it claims to be; its first bytes say what it is. Only
PNG, JPEG, GIF and WebP images and PDF documents are published, each at most
`MAX_ATTACHMENT_BYTES`, and never a PDF that carries script, actions that
launch programs, or embedded files. HTML and SVG never pass, whatever they are
called, because a browser would run what they hold.
"""

from __future__ import annotations

import re
import zlib

from ..contract.model import Attachment
from ..contract.problems import Problem
from ..contract.schema import ATTACHMENT_TYPES, MAX_ATTACHMENT_BYTES
from .files import read_bytes
from .inventory import ContentFile

_SIGNATURES: dict[str, tuple[bytes, ...]] = {
    "pdf": (b"%PDF-",),
    "png": (b"\x89PNG\r\n\x1a\n",),
    "jpg": (b"\xff\xd8\xff",),
    "jpeg": (b"\xff\xd8\xff",),
    "gif": (b"GIF87a", b"GIF89a"),
    "webp": (b"RIFF",),
}
# PDF names of what a viewer may run or open; '#xx' escapes are decoded first.
_PDF_ACTIVE = frozenset(
    {b"JavaScript", b"JS", b"Launch", b"EmbeddedFile", b"EmbeddedFiles", b"RichMedia", b"XFA"}
)
_PDF_NAME = re.compile(rb"/([A-Za-z0-9#]+)")
_PDF_STREAM = re.compile(rb"stream\r?\n")
# Streams are inflated to look inside them, up to this much each.
_MAX_INFLATED = 20_000_000


def read_attachment(file: ContentFile, problems: list[Problem]) -> Attachment | None:
    """The file if it is what its name says and carries nothing active; else a problem."""
    data = read_bytes(file.path, file.shown, MAX_ATTACHMENT_BYTES, problems)
    if data is None:
        return None
    extension = file.name.rpartition(".")[2].lower()
    is_webp = extension != "webp" or data[8:12] == b"WEBP"
    if not data.startswith(_SIGNATURES[extension]) or not is_webp:
        problems.append(
            Problem(
                file.shown,
                1,
                "",
                f"is not {ATTACHMENT_TYPES[extension]}, whatever its name says: "
                "save it again in that format, or give it the right ending",
            )
        )
        return None
    if extension == "pdf" and _pdf_is_active(data):
        problems.append(
            Problem(
                file.shown,
                1,
                "",
                "is a PDF that carries script, launches programs or embeds files: "
                "print it to a new PDF (File > Print > Save as PDF) and attach that",
            )
        )
        return None
    return Attachment(file.name, data)


def _pdf_is_active(data: bytes) -> bool:
    """Whether the PDF, or any stream inside it, names something a viewer may run."""
    if _names_active(data):
        return True
    view = memoryview(data)
    for start in _PDF_STREAM.finditer(data):
        inflater = zlib.decompressobj()
        try:
            inflated = inflater.decompress(view[start.end() :], _MAX_INFLATED)
        except zlib.error:
            continue
        if _names_active(inflated):
            return True
    return False


def _names_active(data: bytes) -> bool:
    for match in _PDF_NAME.finditer(data):
        name = re.sub(rb"#([0-9A-Fa-f]{2})", lambda m: bytes([int(m[1], 16)]), match[1])
        if name in _PDF_ACTIVE:
            return True
    return False
