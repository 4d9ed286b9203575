"""`scripts/import_schools.py`: write or update the register of schools from a GIAS download.

    scripts/import_schools.py edubasealldata.csv --la "Hertfordshire"
    scripts/import_schools.py edubasealldata.csv --la "Camden" --la "Islington" \\
        --links links_edubasealldata.csv --include-group "Independent schools" --members

The arguments and the printing; the work is done by the rest of `gias`. Exits 0
when the register is written or already up to date, 1 when nothing could be
written (the reason names the file and the fix), 2 for arguments it cannot use.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from collections.abc import Sequence

from ..commands import counted as plain_count
from ..commands import run
from ..contract.problems import Problem
from ..contract.schema import SCHOOLS_FILE
from ..reading.files import read_text
from .cannot_import import CannotImport
from .establishments import Download, read_establishments, read_predecessors
from .named_schools import urns_named_by_content
from .register import Changes, Sources, Update, current_register, updated_register
from .register_text import Comment
from .selection import (
    DEFAULT_GROUPS,
    OPEN,
    authorities_in_file,
    groups_in_file,
    selection,
)

DESCRIPTION = "Write or update the register of schools from Get Information About Schools (GIAS)."
EPILOG = (
    "By default only state-funded schools and special schools are imported (type groups: "
    + ", ".join(DEFAULT_GROUPS)
    + "). New schools are written with member: false unless --members is given. "
    "member and locality set by hand are kept, and so are comments written directly above "
    "a school or inside its block."
)


def main(argv: Sequence[str] | None = None) -> int:
    """Run the import with `argv` (default: the command line); the exit code."""
    return run(_main, argv)


def _main(argv: Sequence[str] | None) -> int:
    args = parser().parse_args(argv)
    try:
        return import_schools(args)
    except CannotImport as error:
        print(error, file=sys.stderr)
        return 1


def parser() -> argparse.ArgumentParser:
    """The command line, as `--help` shows it."""
    parser = argparse.ArgumentParser(
        prog="import_schools.py", description=DESCRIPTION, epilog=EPILOG, allow_abbrev=False
    )
    parser.add_argument("csv", help="the GIAS establishment CSV, e.g. edubasealldata20261122.csv")
    parser.add_argument(
        "--la",
        action="append",
        required=True,
        metavar="NAME",
        help="a local authority as GIAS spells it, e.g. Hertfordshire; repeat for several",
    )
    parser.add_argument("--links", metavar="CSV", help="the GIAS links file, to fill previous_urns")
    groups = parser.add_mutually_exclusive_group()
    groups.add_argument(
        "--include-group",
        action="append",
        default=[],
        metavar="NAME",
        help='import this establishment type group too, e.g. "Independent schools"; '
        "repeat for several",
    )
    groups.add_argument(
        "--all-groups", action="store_true", help="import establishments of every type group"
    )
    parser.add_argument(
        "--members",
        action="store_true",
        help="write new schools as members of the partnership (member: true)",
    )
    parser.add_argument(
        "--content", default="content", metavar="DIR", help="the area's content folder"
    )
    parser.add_argument(
        "--register", metavar="YML", help=f"the register to write (default: DIR/{SCHOOLS_FILE})"
    )
    return parser


def import_schools(args: argparse.Namespace) -> int:
    """Read, merge, check, write, then say what was done; `CannotImport` before any writing."""
    path = args.register or os.path.join(args.content, SCHOOLS_FILE)
    shown = display(path)
    check_folders(args.content, path)
    text = existing_text(path, shown)
    current = current_register(text, shown)
    download = read_establishments(
        args.csv,
        display(args.csv),
        {name.strip().casefold() for name in args.la},
        {entry["urn"] for entry in current.entries},
        need_groups=not args.all_groups,
    )
    authorities = authorities_in_file(args.la, download.authorities, display(args.csv))
    groups = groups_in_file(args.include_group, download.groups, display(args.csv))
    sources = Sources(
        download.establishments,
        selection(authorities, None if args.all_groups else groups),
        read_predecessors(args.links, display(args.links)) if args.links else None,
        urns_named_by_content(args.content, display),
        members=args.members,
    )
    update = updated_register(current, sources, shown)
    unchanged = text == update.text
    if not unchanged:
        write_register(path, shown, update.text)
    report(update, download, authorities, display(args.csv), shown)
    print(
        f"{shown}: {'up to date' if unchanged else 'written'}: {update.schools} schools; "
        f"{len(update.changes.added)} added, {len(update.changes.changed)} changed, "
        f"{len(update.changes.dropped)} dropped"
    )
    return 0


def check_folders(content: str, register: str) -> None:
    """`CannotImport` unless the content folder and the register's folder exist."""
    if not os.path.isdir(content):
        raise CannotImport(
            f"{display(content)}: no such folder: give the area's content folder with --content, "
            "so that schools its entries name are kept"
        )
    if not os.path.isdir(os.path.dirname(os.path.abspath(register))):
        raise CannotImport(f"{display(register)}: its folder does not exist")


def existing_text(path: str, shown: str) -> str | None:
    """The register's text as the core reads it, or None where there is no register yet."""
    if not os.path.lexists(path):
        return None
    problems: list[Problem] = []
    text = read_text(path, shown, problems)
    if text is None:
        raise CannotImport(
            "\n".join(map(str, problems))
            + f"\n{shown}: fix this first: the register is not changed while it cannot be read"
        )
    return text


def write_register(path: str, shown: str, text: str) -> None:
    """Replace the register in one step, so that no one ever sees half of it."""
    folder = os.path.dirname(os.path.abspath(path))
    temporary = None
    try:
        with tempfile.NamedTemporaryFile(
            "w", encoding="utf-8", newline="\n", dir=folder, suffix=".tmp", delete=False
        ) as stream:
            temporary = stream.name
            stream.write(text)
        os.replace(temporary, path)
    except OSError as error:
        raise CannotImport(f"{shown}: cannot be written: {error.strerror}") from None
    finally:
        if temporary is not None and os.path.exists(temporary):
            os.unlink(temporary)


def report(
    update: Update, download: Download, authorities: list[str], csv_shown: str, shown: str
) -> None:
    """Say what the run did: rows skipped, schools added, changed, dropped and left out."""
    for warning in download.warnings:
        print(warning)
    for name in authorities:
        if not any(
            school.la.casefold() == name.casefold() and school.status in OPEN
            for school in download.establishments.values()
        ):
            print(f"{csv_shown}: warning: no open establishment in the LA '{name}'")
    print_changes(update.changes, authorities)
    if download.other_rows:
        print(
            f"Left out {counted(download.other_rows, 'establishment')} of other local authorities "
            "(add --la NAME to import an authority's schools)"
        )
    for warning in update.changes.warnings:
        print(f"{shown}: {warning}")
    for comment in update.unplaced:
        print(unplaced(comment, shown))


def print_changes(changes: Changes, authorities: list[str]) -> None:
    """Each list of schools, under a heading that counts it."""
    for heading, items in (
        (f"Added {counted(changes.added, 'school')}", changes.added),
        (f"Changed {counted(changes.changed, 'school')}", changes.changed),
        (f"Dropped {counted(changes.dropped, 'school')}", changes.dropped),
        (
            f"Left out {counted(changes.left_out, 'establishment')} of {' and '.join(authorities)}",
            changes.left_out,
        ),
    ):
        if items:
            print(f"{heading}:")
            print("\n".join(items))


def counted(items: Sequence[object] | int, noun: str) -> str:
    """'1 school', '6 schools', '29,000 establishments'."""
    return plain_count(items if isinstance(items, int) else len(items), noun)


def unplaced(comment: Comment, shown: str) -> str:
    """The warning for a comment the new register could not keep, naming where it was."""
    more = f" (and {counted(comment.lines[1:], 'more line')})" if len(comment.lines) > 1 else ""
    where = (
        f"it sat with school {comment.urn}, which is no longer in the register"
        if comment.urn is not None
        else "it is not directly above or inside a school's block; "
        "write it on the line above the school it is about"
    )
    return f"{shown}:{comment.line}: warning: comment not kept: {comment.lines[0]!r}{more}: {where}"


def display(path: str) -> str:
    """A path as the person running the script typed it: relative where it can be."""
    relative = os.path.relpath(path)
    return (path if relative.startswith("..") else relative).replace(os.sep, "/")
