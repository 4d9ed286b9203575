#!/usr/bin/env python3
"""Write or update the register of schools from Get Information About Schools (GIAS).

    scripts/import_schools.py edubasealldata.csv --la "Hertfordshire"
    scripts/import_schools.py edubasealldata.csv --la "Camden" --la "Islington" \\
        --links links_edubasealldata.csv --register content/schools.yml --content content

Reads the establishment CSV as GIAS publishes it (Windows-1252; a copy re-saved
as UTF-8 is read too) and writes `content/schools.yml`:

- adds every open establishment of the given local authorities (status "Open"
  or "Open, but proposed to close");
- refreshes name, phase, type and trust from GIAS for every school already in
  the register, whatever its authority; keeps `member` and `locality` as
  partnership staff set them, and any other field;
- fills `previous_urns` from the GIAS links file (`--links`), following
  predecessors back, so that entries naming an old URN still resolve; a new
  school inherits `member` and `locality` from the predecessor it replaces;
- drops schools GIAS lists as closed, except one that content still names and
  no successor in the register covers: that one is kept, with a warning.

Prints what it added, changed and dropped. Running it again on the same files
changes nothing. Exits 0 when the register is written or already up to date,
1 when nothing could be written (the reason names the file and the fix).
"""

from __future__ import annotations

import argparse
import codecs
import csv
import dataclasses
import os
import sys
import tempfile
import unicodedata
from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any

import yaml

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "plugins"))

from area_knowledge import Problem, load_area
from area_knowledge.fields import Invalid, Ref, read_fields, read_urn, read_value, suggest
from area_knowledge.loading import read_entry, read_register
from area_knowledge.schema import (
    COLLECTIONS,
    SCHOOL_FIELDS,
    SCHOOLS_FILE,
    THEMES_FILE,
    Kind,
)

URN = "URN"
NAME = "EstablishmentName"
TYPE = "TypeOfEstablishment (name)"
STATUS = "EstablishmentStatus (name)"
PHASE = "PhaseOfEducation (name)"
LA = "LA (name)"
TRUST = "Trusts (name)"
TOWN = "Town"
COLUMNS = (URN, NAME, TYPE, STATUS, PHASE, LA, TRUST, TOWN)
LINK_COLUMNS = ("URN", "LinkURN", "LinkType")

OPEN = frozenset({"Open", "Open, but proposed to close"})
CLOSED = "Closed"

# Fields partnership staff set by hand: kept, and passed on to a school's successor.
HAND_SET = ("member", "locality")

HEADER = """\
# Register of the area's schools, from Get Information About Schools (GIAS).
#
# Written by scripts/import_schools.py: run it again with a newer GIAS download
# to bring the register up to date. name, phase, type and trust come from GIAS
# and are replaced on each run. Set by hand and kept: member (false for a
# school listed for reference that has not joined the partnership) and
# locality (the town from GIAS until you change it). previous_urns are the
# URNs a school had before, so that older entries naming them still resolve.

"""

PHASE_FIELD = next(spec for spec in SCHOOL_FIELDS if spec.name == "phase")
CHUNK = 1 << 20


class CannotImport(Exception):
    """A reason the register cannot be written, as `path: message` for the person running it."""


@dataclass(frozen=True)
class Establishment:
    """One row of the GIAS file, as the register needs it."""

    urn: int
    name: str
    phase: str
    type: str
    trust: str
    town: str
    la: str
    status: str


@dataclass
class Changes:
    """What a run did to the register, for the person running it."""

    added: list[str] = field(default_factory=list)
    changed: list[str] = field(default_factory=list)
    dropped: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)


@dataclass
class Download:
    """The rows of a GIAS file that matter to this area, and every LA it names."""

    establishments: dict[int, Establishment]
    authorities: Counter[str]
    warnings: list[str]


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
                try:
                    decoder.decode(chunk)
                except UnicodeDecodeError:
                    return "cp1252"
                chunk = stream.read(CHUNK)
            decoder.decode(b"", final=True)
    except UnicodeDecodeError:
        return "cp1252"
    except OSError as error:
        raise CannotImport(f"{shown}: cannot be read: {error.strerror}") from None
    return "utf-8" if beyond_ascii else "cp1252"


def csv_rows(path: str, needed: Sequence[str]) -> Iterator[tuple[int, dict[str, str]]]:
    """(line, row) of a CSV file; `CannotImport` naming the file for what cannot be read."""
    shown = display(path)
    encoding = file_encoding(path, shown)
    reader: csv.DictReader[str] | None = None
    try:
        with open(path, encoding=encoding, newline="") as stream:
            reader = csv.DictReader(stream)
            columns = reader.fieldnames
            if not columns:
                raise CannotImport(f"{shown}: is empty: download the CSV from GIAS again")
            missing = [name for name in needed if name not in columns]
            if missing:
                raise CannotImport(
                    f"{shown}: has no column "
                    + ", ".join(f"'{name}'{suggest(name, list(columns))}" for name in missing)
                    + ": use the file GIAS publishes, with its first row of column names"
                )
            for row in reader:
                yield reader.line_num, row
    except UnicodeDecodeError:
        raise CannotImport(undecodable(path, encoding)) from None
    except csv.Error as error:
        line = reader.line_num if reader is not None else 1
        raise CannotImport(
            f"{shown}:{line}: is not a CSV file GIAS would publish: {error}"
        ) from None


def undecodable(path: str, encoding: str) -> str:
    """Where a file stops being text in `encoding`, for someone to find the bad line."""
    with open(path, "rb") as stream:
        raw = stream.read()
    try:
        raw.decode(encoding)
    except UnicodeDecodeError as error:
        line = raw.count(b"\n", 0, error.start) + 1
        return (
            f"{display(path)}:{line}: is not a Windows-1252 CSV (byte 0x{raw[error.start]:02x} "
            "cannot be read): download the file from GIAS again"
        )
    return f"{display(path)}: is not a Windows-1252 CSV: download the file from GIAS again"


def read_download(path: str, authorities: set[str], urns: set[int]) -> Download:
    """Rows of the given LAs (folded to lower case) and of the given URNs, and all LA names."""
    wanted_urns = {str(urn) for urn in urns}
    found: dict[int, Establishment] = {}
    seen: Counter[str] = Counter()
    warnings: list[str] = []
    for line, row in csv_rows(path, COLUMNS):
        la = (row[LA] or "").strip()
        seen[la] += 1
        urn_text = (row[URN] or "").strip()
        if la.casefold() not in authorities and urn_text not in wanted_urns:
            continue
        try:
            urn = read_urn(urn_text)
            phase = read_value(PHASE_FIELD, (row[PHASE] or "").strip())
        except Invalid as error:
            warnings.append(f"{display(path)}:{line}: warning: skipped: {error}")
            continue
        found[urn] = Establishment(
            urn=urn,
            name=(row[NAME] or "").strip(),
            phase=phase,
            type=(row[TYPE] or "").strip(),
            trust=(row[TRUST] or "").strip(),
            town=(row[TOWN] or "").strip(),
            la=la,
            status=(row[STATUS] or "").strip(),
        )
    return Download(found, seen, warnings)


def read_predecessors(path: str) -> dict[int, set[int]]:
    """URNs each school had before, from the GIAS links file, direct links only."""
    before: dict[int, set[int]] = {}
    for _, row in csv_rows(path, LINK_COLUMNS):
        try:
            urn, link = read_urn(row["URN"]), read_urn(row["LinkURN"])
        except Invalid:
            continue
        kind = (row["LinkType"] or "").strip()
        if kind.startswith("Predecessor"):
            before.setdefault(urn, set()).add(link)
        elif kind.startswith("Successor"):
            before.setdefault(link, set()).add(urn)
    return before


def ancestors(urn: int, before: dict[int, set[int]]) -> set[int]:
    """Every URN a school had before, through conversions and amalgamations."""
    found: set[int] = set()
    waiting = list(before.get(urn, ()))
    while waiting:
        old = waiting.pop()
        if old in found or old == urn:
            continue
        found.add(old)
        waiting.extend(before.get(old, ()))
    return found


def urns_named_by_content(content: str) -> dict[int, list[str]]:
    """Each URN a case study, hub or practitioner names, as written, with the files naming it."""
    named: dict[int, list[str]] = {}
    for collection in COLLECTIONS:
        folder = os.path.join(content, collection.folder)
        if not os.path.isdir(folder):
            continue
        school_fields = [spec for spec in collection.fields if spec.kind is Kind.SCHOOL]
        for name in sorted(os.listdir(folder)):
            path = os.path.join(folder, name)
            if not name.endswith(".md") or not os.path.isfile(path):
                continue
            record = read_entry(path, display(path), [])
            if record is None:
                continue
            values = read_fields(record, tuple(school_fields), [])
            for spec in school_fields:
                value = values[spec.name]
                for ref in value if spec.many else (value,):
                    if isinstance(ref, Ref) and display(path) not in named.get(int(ref.value), []):
                        named.setdefault(int(ref.value), []).append(display(path))
    return named


def register_problems(text: str, shown: str) -> list[Problem]:
    """What the core says about a register, before it replaces the one in use."""
    with tempfile.TemporaryDirectory() as folder:
        with open(os.path.join(folder, SCHOOLS_FILE), "w", encoding="utf-8") as stream:
            stream.write(text)
        with open(os.path.join(folder, THEMES_FILE), "w", encoding="utf-8") as stream:
            stream.write("[]\n")
        area = load_area(folder, shown_from=folder)
    return [
        dataclasses.replace(problem, path=shown)
        for problem in area.problems
        if problem.path == SCHOOLS_FILE
    ]


def read_existing(path: str) -> list[dict[str, Any]]:
    """The register's entries as written, after the core has found nothing wrong with them."""
    if not os.path.exists(path):
        return []
    shown = display(path)
    text = read_text(path)
    errors = [p for p in register_problems(text, shown) if p.severity == "error"]
    if errors:
        raise CannotImport(
            "\n".join(str(problem) for problem in errors)
            + f"\n{shown}: fix these first: the register is not changed while it has errors"
        )
    problems: list[Problem] = []
    records = read_register(path, shown, problems)
    return [normal(record.data) for record in records]


def normal(entry: dict[str, Any]) -> dict[str, Any]:
    """An entry with fields in the contract's order, URNs as numbers and defaults written."""
    result: dict[str, Any] = {}
    for spec in SCHOOL_FIELDS:
        value = entry.get(spec.name)
        if spec.name == "urn":
            value = read_urn(value)
        elif spec.name == "previous_urns" and value:
            value = sorted({read_urn(old) for old in value})
        elif value is None and isinstance(spec.default, bool):
            value = spec.default
        if value not in (None, "", []):
            result[spec.name] = value
    known = {spec.name for spec in SCHOOL_FIELDS}
    result.update((key, value) for key, value in entry.items() if key not in known)
    return result


def from_gias(entry: dict[str, Any], school: Establishment) -> dict[str, Any]:
    """An entry with the fields GIAS owns taken from its row, and a locality if it has none."""
    updated = {**entry, "name": school.name, "phase": school.phase}
    updated.update(type=school.type, trust=school.trust)
    if not updated.get("locality"):
        updated["locality"] = school.town
    return normal(updated)


def described(entry: dict[str, Any]) -> str:
    """A school as the person running the import recognises it: URN and name."""
    return f"{entry['urn']} {entry['name']}"


def differences(before: dict[str, Any], after: dict[str, Any]) -> str:
    """'field: old -> new' for each field that changed."""
    return "; ".join(
        f"{key}: {before.get(key, '(none)')!r} -> {after.get(key, '(none)')!r}"
        for key in dict.fromkeys([*before, *after])
        if before.get(key) != after.get(key)
    )


def merge(
    existing: list[dict[str, Any]],
    download: dict[int, Establishment],
    authorities: set[str],
    before: dict[int, set[int]] | None,
    named: dict[int, list[str]],
) -> tuple[list[dict[str, Any]], Changes]:
    """The new register, and what changed: a plain function of what was read."""
    changes = Changes()
    old = {entry["urn"]: entry for entry in existing}
    result: dict[int, dict[str, Any]] = {}
    closed: list[dict[str, Any]] = []
    for urn, entry in old.items():
        school = download.get(urn)
        if school is None:
            result[urn] = entry
            changes.warnings.append(
                f"warning: {described(entry)} is not in the GIAS file: kept as it is; "
                "check its URN on GIAS"
            )
        elif school.status == CLOSED:
            closed.append(entry)
        else:
            result[urn] = from_gias(entry, school)
    add_open_schools(result, old, download, authorities, before or {}, changes)
    if before is not None:
        for urn, entry in result.items():
            previous = set(entry.get("previous_urns", ())) | ancestors(urn, before)
            for prior in previous & old.keys():
                previous |= set(old[prior].get("previous_urns", ()))
            result[urn] = normal({**entry, "previous_urns": sorted(previous - {urn})})
    settle_closed(closed, result, old, download, named, changes)
    for urn, entry in result.items():
        if urn in old and entry != old[urn]:
            changes.changed.append(f"  ~ {described(entry)}: {differences(old[urn], entry)}")
    return sorted(result.values(), key=alphabetical), changes


def alphabetical(entry: dict[str, Any]) -> tuple[str, str, int]:
    """Order by name as a reader looks one up: "École" among the E's, then by URN."""
    name = str(entry["name"])
    plain = "".join(c for c in unicodedata.normalize("NFKD", name) if not unicodedata.combining(c))
    return plain.casefold(), name, int(entry["urn"])


def add_open_schools(
    result: dict[int, dict[str, Any]],
    old: dict[int, dict[str, Any]],
    download: dict[int, Establishment],
    authorities: set[str],
    before: dict[int, set[int]],
    changes: Changes,
) -> None:
    """Add the LAs' open schools; one replacing a listed school keeps its hand-set fields."""
    for urn, school in sorted(download.items()):
        if urn in result or school.status not in OPEN or school.la.casefold() not in authorities:
            continue
        replaces = sorted(ancestors(urn, before) & old.keys())
        entry: dict[str, Any] = {"urn": urn}
        for prior in replaces:
            for kept in HAND_SET:
                if kept in old[prior]:
                    entry.setdefault(kept, old[prior][kept])
        result[urn] = from_gias(entry, school)
        note = f" (replaces {', '.join(map(str, replaces))}; member and locality kept)"
        changes.added.append(f"  + {described(result[urn])}{note if replaces else ''}")


def settle_closed(
    closed: list[dict[str, Any]],
    result: dict[int, dict[str, Any]],
    old: dict[int, dict[str, Any]],
    download: dict[int, Establishment],
    named: dict[int, list[str]],
    changes: Changes,
) -> None:
    """Drop closed schools, but keep one that entries name and no successor covers."""
    successor = {
        prior: urn for urn, entry in result.items() for prior in entry.get("previous_urns", ())
    }
    owner = {prior: urn for urn, entry in old.items() for prior in entry.get("previous_urns", ())}

    def school_meant(number: int) -> int:
        return number if number in old else owner.get(number, number)

    for entry in closed:
        urn = entry["urn"]
        naming = sorted(
            {path for n, paths in named.items() if school_meant(n) == urn for path in paths}
        )
        if urn in successor:
            changes.dropped.append(
                f"  - {described(entry)}: closed; entries naming it now lead to "
                f"{described(result[successor[urn]])}"
            )
        elif naming:
            result[urn] = from_gias(entry, download[urn])
            changes.warnings.append(
                f"warning: {described(entry)} is closed, but {', '.join(naming)} "
                f"{'names' if len(naming) == 1 else 'name'} it: kept, so that "
                f"{'entry still links' if len(naming) == 1 else 'those entries still link'} "
                "to it; if the school has a successor, add this URN to its previous_urns"
            )
        else:
            changes.dropped.append(f"  - {described(entry)}: closed")


class _IndentedDumper(yaml.SafeDumper):
    """Indents list items under their field, as the area's files are written by hand."""

    def increase_indent(self, flow: bool = False, indentless: bool = False) -> None:
        super().increase_indent(flow, False)


def register_text(register: list[dict[str, Any]]) -> str:
    """The register as YAML: a fixed header, then one block per school."""
    text = yaml.dump(
        register, Dumper=_IndentedDumper, allow_unicode=True, sort_keys=False, width=10_000
    )
    # A blank line between schools, for people reading the file; only they start a line with "- ".
    return HEADER + text.replace("\n- ", "\n\n- ")


def check_authorities(asked: list[str], seen: Counter[str], shown: str) -> dict[str, str]:
    """The LAs asked for as GIAS spells them, by lower-case name; or `CannotImport` naming any
    the file lacks, with the names close to it."""
    spelt = {name.casefold(): name for name in seen}
    unknown = [name for name in asked if name.strip().casefold() not in spelt]
    if unknown:
        lines = []
        for name in unknown:
            close = sorted(la for la in seen if name.strip().casefold() in la.casefold())
            hint = suggest(name.strip(), list(seen)) or (
                f": did you mean {' or '.join(repr(la) for la in close[:5])}?" if close else ""
            )
            lines.append(
                f"{shown}: no establishments in the LA '{name}'{hint} "
                "(write the LA as GIAS does in its 'LA (name)' column)"
            )
        raise CannotImport("\n".join(lines))
    return {name.strip().casefold(): spelt[name.strip().casefold()] for name in asked}


def read_text(path: str) -> str:
    """A register's text, as the importer wrote it or someone saved it."""
    try:
        with open(path, encoding="utf-8-sig") as stream:
            return stream.read()
    except (OSError, UnicodeDecodeError) as error:
        raise CannotImport(f"{display(path)}: cannot be read: {error}") from None


def write_register(path: str, text: str) -> None:
    """Replace the register in one step, so that no one ever sees half of it."""
    folder = os.path.dirname(os.path.abspath(path))
    try:
        with tempfile.NamedTemporaryFile(
            "w", encoding="utf-8", newline="\n", dir=folder, suffix=".tmp", delete=False
        ) as temporary:
            temporary.write(text)
        os.replace(temporary.name, path)
    except OSError as error:
        raise CannotImport(f"{display(path)}: cannot be written: {error.strerror}") from None


def display(path: str) -> str:
    """A path as the person running the script typed it: relative where it can be."""
    relative = os.path.relpath(path)
    return (path if relative.startswith("..") else relative).replace(os.sep, "/")


def run(args: argparse.Namespace) -> int:
    """Read, merge, check and write; `CannotImport` before anything is written."""
    shown = display(args.register)
    if not os.path.isdir(args.content):
        raise CannotImport(
            f"{args.content}: no such folder: give the area's content folder with --content, "
            "so that schools its entries name are kept"
        )
    if not os.path.isdir(os.path.dirname(os.path.abspath(args.register))):
        raise CannotImport(f"{shown}: its folder does not exist")
    existing = read_existing(args.register)
    download = read_download(
        args.csv, {name.strip().casefold() for name in args.la}, {e["urn"] for e in existing}
    )
    authorities = check_authorities(args.la, download.authorities, display(args.csv))
    before = read_predecessors(args.links) if args.links else None
    named = urns_named_by_content(args.content)

    register, changes = merge(existing, download.establishments, set(authorities), before, named)
    text = register_text(register)
    unchanged = os.path.exists(args.register) and read_text(args.register) == text
    errors = (
        [] if unchanged else [p for p in register_problems(text, shown) if p.severity == "error"]
    )
    if errors:
        raise CannotImport(
            "\n".join(map(str, errors)) + f"\n{shown}: not written, as the core found errors"
        )

    for warning in download.warnings:
        print(warning)
    for folded, name in sorted(authorities.items()):
        if not any(
            s.la.casefold() == folded and s.status in OPEN for s in download.establishments.values()
        ):
            print(f"{display(args.csv)}: warning: no open establishment in the LA '{name}'")
    for title, items in (
        ("Added", changes.added),
        ("Changed", changes.changed),
        ("Dropped", changes.dropped),
    ):
        if items:
            print(f"{title} {len(items)} {'school' if len(items) == 1 else 'schools'}:")
            print("\n".join(items))
    for warning in changes.warnings:
        print(f"{shown}: {warning}")
    if not unchanged:
        write_register(args.register, text)
    print(
        f"{shown}: {'up to date' if unchanged else 'written'}: {len(register)} schools; "
        f"{len(changes.added)} added, {len(changes.changed)} changed, "
        f"{len(changes.dropped)} dropped"
    )
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=(__doc__ or "").splitlines()[0], allow_abbrev=False
    )
    parser.add_argument("csv", help="the GIAS establishment CSV, e.g. edubasealldata20261122.csv")
    parser.add_argument(
        "--la",
        action="append",
        required=True,
        metavar="NAME",
        help="a local authority as GIAS spells it, e.g. Hertfordshire; repeat for several",
    )
    parser.add_argument("--links", metavar="CSV", help="the GIAS links file, for previous URNs")
    parser.add_argument("--register", default=os.path.join("content", SCHOOLS_FILE), metavar="YML")
    parser.add_argument("--content", default="content", metavar="DIR")
    args = parser.parse_args(argv)
    try:
        return run(args)
    except CannotImport as error:
        print(error, file=sys.stderr)
        return 1


if __name__ == "__main__":
    sys.exit(main())
