"""A CSV file as GIAS publishes it: Windows-1252, a first row of column names.

A copy someone re-saved as UTF-8 (with or without a byte-order mark) is read
too; a spreadsheet or an archive saved under a `.csv` name is refused.
"""

from __future__ import annotations

import codecs
import csv
import re
from collections.abc import Iterator, Mapping, Sequence

from ..reading.values import suggest
from .cannot_import import CannotImport

CHUNK = 1 << 20
SAME_FILE_FIX = "use the file GIAS publishes, with its first row of column names"


def file_encoding(path: str, shown: str) -> str:
    """cp1252, as GIAS publishes; UTF-8 when someone re-saved the file so."""
    decoder = codecs.getincrementaldecoder("utf-8")()
    beyond_ascii = False
    try:
        with open(path, "rb") as stream:
            chunk = stream.read(CHUNK)
            if chunk.startswith(codecs.BOM_UTF8):
                return "utf-8-sig"
            if chunk.startswith(b"PK\x03\x04") or b"\0" in chunk[:4096]:
                raise CannotImport(
                    f"{shown}: is not a CSV file (it looks like a spreadsheet or an archive): "
                    "download the establishment data as CSV from GIAS, or save it as CSV"
                )
            while chunk:
                beyond_ascii = beyond_ascii or not chunk.isascii()
                decoder.decode(chunk)
                chunk = stream.read(CHUNK)
            decoder.decode(b"", final=True)
    except UnicodeDecodeError:
        return "cp1252"
    except OSError as error:
        raise CannotImport(f"{shown}: cannot be read: {error.strerror}") from None
    return "utf-8" if beyond_ascii else "cp1252"


def csv_rows(
    path: str,
    shown: str,
    needed: Sequence[str],
    wanted: Sequence[str] = (),
    advice: Mapping[str, str] | None = None,
) -> Iterator[tuple[int, dict[str, str]]]:
    """(line, row) for each row, with the `needed` columns and those `wanted` the file has.

    `CannotImport` names the file for what cannot be read, and each needed
    column it lacks, with `advice` for that column where given.
    """
    encoding = file_encoding(path, shown)
    reader = None
    try:
        with open(path, encoding=encoding, newline="") as stream:
            reader = csv.reader(stream)
            columns = next(reader, None)
            if not columns:
                raise CannotImport(f"{shown}: is empty: download the CSV from GIAS again")
            missing = [name for name in needed if name not in columns]
            if missing:
                raise CannotImport(missing_columns(shown, missing, columns, advice or {}))
            at = {name: columns.index(name) for name in (*needed, *wanted) if name in columns}
            for row in reader:
                yield (
                    reader.line_num,
                    {name: row[index] if index < len(row) else "" for name, index in at.items()},
                )
    except UnicodeDecodeError:
        raise CannotImport(undecodable(path, shown, encoding)) from None
    except csv.Error as error:
        line = reader.line_num if reader is not None else 1
        raise CannotImport(
            f"{shown}:{line}: is not a CSV file GIAS would publish: {error}"
        ) from None


def missing_columns(
    shown: str, missing: list[str], columns: list[str], advice: Mapping[str, str]
) -> str:
    """What a file lacks, each column with the one of its own it may have meant, and the fix."""
    named = ", ".join(f"'{name}'{column_like(name, columns)}" for name in missing)
    fixes = [advice.get(name, SAME_FILE_FIX) for name in missing]
    return f"{shown}: has no column {named}: " + "; ".join(dict.fromkeys(fixes))


def column_like(name: str, columns: list[str]) -> str:
    """': did you mean X?' for the column spelt like `name` but for spaces, brackets and case."""
    loose = {re.sub(r"[^0-9a-z]", "", column.casefold()): column for column in columns}
    same = loose.get(re.sub(r"[^0-9a-z]", "", name.casefold()))
    return f": did you mean '{same}'?" if same else suggest(name, columns)


def undecodable(path: str, shown: str, encoding: str) -> str:
    """Where a file stops being text in `encoding`, for someone to find the bad line."""
    with open(path, "rb") as stream:
        raw = stream.read()
    try:
        raw.decode(encoding)
    except UnicodeDecodeError as error:
        line = raw.count(b"\n", 0, error.start) + 1
        return (
            f"{shown}:{line}: is not a Windows-1252 CSV (byte 0x{raw[error.start]:02x} "
            "cannot be read): download the file from GIAS again"
        )
    return f"{shown}: is not a Windows-1252 CSV: download the file from GIAS again"
