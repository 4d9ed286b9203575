"""Attachments: images and PDFs a case study links to, checked by what they hold.

A file's name says what it claims to be; its first bytes say what it is. Only
PNG, JPEG, GIF and WebP images and PDF documents are published, each at most
`MAX_ATTACHMENT_BYTES`. HTML and SVG never pass, whatever they are called,
because a browser would run what they hold.

An attachment must not act and must not name anyone the page does not: a PDF
that runs script, opens other files or links away from the site is refused
(`attachment_pdf`), and an image is published without its metadata
(`attachment_images`). What text a published attachment still holds is
`attachment_text`, for the publishing step to look for withheld names in.
"""

from __future__ import annotations

from ..contract.model import Attachment
from ..contract.problems import Problem
from ..contract.schema import ATTACHMENT_TYPES, MAX_ATTACHMENT_BYTES
from .attachment_images import without_metadata
from .attachment_pdf import Refused, pdf_text, read_pdf
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


def read_attachment(file: ContentFile, problems: list[Problem]) -> Attachment | None:
    """The file as it may be published if it is what its name says and does nothing but
    show itself; else a problem naming the file and why."""
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
    if extension != "pdf":
        return Attachment(file.name, without_metadata(extension, data), file.shown)
    try:
        read_pdf(data)
    except Refused as refusal:
        problems.append(Problem(file.shown, 1, "", str(refusal)))
        return None
    return Attachment(file.name, data, file.shown)


def attachment_text(attachment: Attachment) -> str:
    """The text a reader could find in a published attachment: a PDF's, decoded; none in
    an image, whose metadata was left out when it was read."""
    if attachment.name.rpartition(".")[2].lower() != "pdf":
        return ""
    try:
        return pdf_text(attachment.data)
    except Refused:
        return attachment.data.decode("latin-1")
