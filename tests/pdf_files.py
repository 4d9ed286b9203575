"""PDF files assembled byte by byte, as an attacker or a careless exporter writes them."""

from __future__ import annotations

PAGE_TEXT = b"BT /F1 18 Tf 50 700 Td (Reading ladder results) Tj ET"


def pdf(*objects: bytes, trailer: bytes = b"") -> bytes:
    """A PDF of `objects`, numbered from 1, with a cross-reference table."""
    out = b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n"
    offsets = []
    for number, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    table = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R " % (len(objects) + 1) + trailer + b">>\n"
    return out + b"startxref\n%d\n%%%%EOF\n" % table


def stream(entries: bytes, data: bytes) -> bytes:
    return b"<< " + entries + b" /Length %d >>\nstream\n" % len(data) + data + b"\nendstream"


def document(
    content: bytes = PAGE_TEXT,
    catalog: bytes = b"",
    page: bytes = b"",
    extra: tuple[bytes, ...] = (),
    content_entries: bytes = b"",
    trailer: bytes = b"",
) -> bytes:
    """A one-page PDF: catalog 1, pages 2, page 3, its content 4, font 5, then `extra` from 6."""
    return pdf(
        b"<< /Type /Catalog /Pages 2 0 R " + catalog + b">>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> >> " + page + b">>",
        stream(content_entries, content),
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        *extra,
        trailer=trailer,
    )
