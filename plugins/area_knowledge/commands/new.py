"""Start a new case study, hub or practitioner file from the content contract.

    scripts/new.py case-study "Title" --theme reading --school 123456 --summary "..."
    scripts/new.py hub "Title" --theme send --lead ada-lovelace --host-school 123456 \\
        --summary "..."
    scripts/new.py practitioner "Name" --role "SENCO" --school 123456 --theme send

Every field of the contract is an option named after it (`host_school` is
`--host-school`); a list field takes its option once per value
(`--theme reading --theme send`). Common options: `--content DIR` (default
`content`), `--today YYYY-MM-DD`, `--id ID` (the file name, by default made
from the title).

Writes `content/<folder>/<id>.md` with the values given, the other fields as
comments to fill in, and a body with a heading for each section. Themes,
schools, hubs and people are checked against the area before anything is
written. A missing required value is asked for in a terminal; elsewhere the
script stops and names it.

Exits 0 when the file is written with no problem, 1 when a file would be
overwritten or the new file has a problem, 2 when a value is missing or wrong.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from datetime import date
from typing import Any

from ..authoring.new_entry import (
    Known,
    defaults,
    entry_id,
    known_in,
    missing_fields,
    option_fields,
    option_name,
    read_option,
    read_options,
)
from ..authoring.scaffold import entry_text, kind_hint
from ..contract.schema import (
    COLLECTIONS,
    HUBS,
    PRACTITIONERS,
    SUMMARY_LIMIT,
    THEMES_FILE,
    Collection,
    Field,
    Kind,
)
from ..reading.area import load_area
from ..reading.sections import is_empty_section
from ..reading.values import Invalid, read_date, read_value
from . import run

USAGE_ERROR = 2


METAVARS = {
    Kind.THEME: "ID",
    Kind.SCHOOL: "URN",
    Kind.HUB: "ID",
    Kind.PRACTITIONER: "ID",
    Kind.DATE: "YYYY-MM-DD",
    Kind.CHOICE: "VALUE",
}


def offer(spec: Field, known: Known) -> None:
    """Show what a contributor may choose from before asking for a reference."""
    if spec.kind is Kind.THEME:
        print(f"Themes in {known.content}/{THEMES_FILE}:")
        for theme_id, title in sorted(known.theme_titles.items()):
            print(f"  {theme_id:<32} {title}")
    elif spec.kind is Kind.SCHOOL:
        print("Type a school's URN, or part of its name to look it up.")
    elif spec.kind in (Kind.HUB, Kind.PRACTITIONER):
        collection = HUBS if spec.kind is Kind.HUB else PRACTITIONERS
        ids = known.entry_ids[collection.name]
        print(f"{collection.plural} in {known.content}/{collection.folder}/: {', '.join(ids)}")


def schools_named(text: str, known: Known) -> list[str]:
    """Schools whose name contains `text`, as 'URN  name' lines."""
    wanted = text.casefold()
    found = {urn: name for urn, name in known.schools.values() if wanted in name.casefold()}
    return [f"  {urn}  {name}" for urn, name in sorted(found.items(), key=lambda s: s[1])]


def refusal(spec: Field, answer: str, error: Invalid, known: Known) -> str:
    """What to tell someone whose answer was not valid; a school is looked up by name."""
    if spec.kind is not Kind.SCHOOL or answer.isdigit():
        return f"  {error}"
    found = schools_named(answer, known)
    if not found:
        return f"  No school's name contains '{answer}': type its URN or another part of its name"
    return "\n".join([f"  Schools whose name contains '{answer}':", *found[:20]])


def ask(spec: Field, known: Known) -> Any:
    """Ask for a required value in the terminal until it is valid."""
    offer(spec, known)
    hints = [spec.help] if spec.help else []
    if spec.kind is Kind.SUMMARY:
        hints.append(f"at most {SUMMARY_LIMIT} characters")
    if spec.many:
        hints.append("separate several with commas")
    prompt = f"{spec.name} ({'; '.join(hints)}): " if hints else f"{spec.name}: "
    while True:
        answer = input(prompt).strip()
        parts = [part.strip() for part in answer.split(",")] if spec.many else [answer]
        read: list[Any] = []
        for part in filter(None, parts):
            try:
                read.append(read_option(spec, part, known))
            except Invalid as error:
                print(refusal(spec, part, error, known))
                break
        else:
            if read:
                return tuple(dict.fromkeys(read)) if spec.many else read[0]
            print(f"  {spec.name} is required")


def build_parser() -> argparse.ArgumentParser:
    """One sub-command per collection, with an option for each of its fields."""
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument(
        "--content", default="content", metavar="DIR", help="the area's content folder"
    )
    common.add_argument(
        "--today", metavar="YYYY-MM-DD", help="the date to start from, YYYY-MM-DD (default: today)"
    )
    common.add_argument("--id", help="the file name without .md (default: made from the title)")
    parser = argparse.ArgumentParser(
        description=(__doc__ or "").splitlines()[0], allow_abbrev=False
    )
    kinds = parser.add_subparsers(dest="collection", required=True, metavar="KIND")
    for collection in COLLECTIONS:
        sub = kinds.add_parser(
            collection.name,
            parents=[common],
            allow_abbrev=False,
            help=f"a new {collection.label.lower()} in content/{collection.folder}/",
        )
        title = collection.title_field
        sub.add_argument("title", metavar=title.name.upper(), help=f"the {title.name}")
        for spec in option_fields(collection):
            sub.add_argument(
                option_name(spec),
                dest=spec.name,
                action="append" if spec.many else "store",
                metavar=METAVARS.get(spec.kind, spec.kind.name),
                help=kind_hint(spec, "content") + ("; repeat for several" if spec.many else ""),
            )
    return parser


def is_terminal() -> bool:
    """Whether someone is there to answer questions."""
    return sys.stdin is not None and sys.stdin.isatty()


def shown(path: str) -> str:
    """A path as a contributor would type it."""
    return os.path.normpath(path).replace(os.sep, "/")


class _Stop(Exception):
    """The command stops with `code`, after printing each of `messages`."""

    def __init__(self, code: int, *messages: str) -> None:
        super().__init__(*messages)
        self.code = code
        self.messages = messages


def _main(argv: Sequence[str] | None) -> int:
    """Check the values, ask for what is missing, write the entry and report on it."""
    args = build_parser().parse_args(argv)
    collection = next(c for c in COLLECTIONS if c.name == args.collection)
    content: str = args.content
    try:
        today, title, target = _where(args, collection)
        values = _values(collection, args, title, today)
        _write(target, entry_text(collection, values, shown(content)))
    except _Stop as stop:
        for message in stop.messages:
            print(message, file=sys.stderr)
        return stop.code
    return _report(content, target, today)


def _where(args: argparse.Namespace, collection: Collection) -> tuple[date, str, str]:
    """The day, the title and the file to write, if the options allow a new file there."""
    try:
        today = read_date(args.today) if args.today else date.today()
        title = read_value(collection.title_field, args.title)
        if not title:
            raise Invalid(f"the {collection.title_field.name} is empty: give it in quotes")
        new_id = entry_id(title, args.id)
    except Invalid as error:
        raise _Stop(USAGE_ERROR, f"new.py: {error}") from None
    if not os.path.isdir(args.content):
        raise _Stop(
            USAGE_ERROR,
            f"{args.content}: no such folder: give the area's content folder with --content",
        )
    target = os.path.join(args.content, collection.folder, f"{new_id}.md")
    if os.path.exists(target):
        raise _Stop(
            1,
            f"{shown(target)}: already exists, and new.py never overwrites a file: "
            "edit that file, or choose another title or --id",
        )
    return today, title, target


def _values(
    collection: Collection, args: argparse.Namespace, title: str, today: date
) -> dict[str, Any]:
    """The entry's values: the options checked against the area, the rest asked for."""
    known = known_in(load_area(args.content, today=today), shown(args.content))
    values, errors = read_options(collection, vars(args), known)
    values[collection.title_field.name] = title
    for name, value in defaults(today).items():
        if any(spec.name == name for spec in collection.fields):
            values.setdefault(name, value)
    missing = missing_fields(collection, values)
    if missing and not is_terminal():
        options = ", ".join(option_name(spec) for spec in missing)
        errors.append(f"missing {options}: give them as options, or run in a terminal to be asked")
    if errors:
        raise _Stop(USAGE_ERROR, *(f"new.py: {message}" for message in errors))
    try:
        for spec in missing:
            values[spec.name] = ask(spec, known)
    except (EOFError, KeyboardInterrupt):
        raise _Stop(USAGE_ERROR, "\nnew.py: stopped; nothing was written") from None
    return values


def _write(target: str, text: str) -> None:
    """Write the new file, never over one that appeared meanwhile."""
    os.makedirs(os.path.dirname(target), exist_ok=True)
    try:
        with open(target, "x", encoding="utf-8", newline="\n") as stream:
            stream.write(text)
    except FileExistsError:
        raise _Stop(
            1, f"{shown(target)}: already exists, and new.py never overwrites a file"
        ) from None
    except OSError as error:
        raise _Stop(1, f"{shown(target)}: cannot be written: {error.strerror}") from None


def _report(content: str, target: str, today: date) -> int:
    """The new file's problems but its sections to write, and what to do next."""
    written = os.path.abspath(target)
    area = load_area(content, today=today)
    problems = [p for p in area.problems if os.path.abspath(p.path) == written]
    for problem in problems:
        if not is_empty_section(problem):
            print(problem)
    sections = sum(1 for problem in problems if is_empty_section(problem))
    print(
        f"Wrote {shown(target)}: write its {sections} sections, then check it with "
        "scripts/validate.py (until they are written, it lists them)"
    )
    faults = [p for p in problems if p.severity == "error" and not is_empty_section(p)]
    return 1 if faults else 0


def main(argv: Sequence[str] | None = None) -> int:
    return run(_main, argv)
