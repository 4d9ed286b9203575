"""Starting a new entry from the contract: what the area holds, and the values given for it.

The command `scripts/new.py` asks and prints; this module decides: which
references are valid, what the file is called, which fields are still missing.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from datetime import date
from typing import Any

from ..contract.model import Area
from ..contract.schema import (
    COLLECTIONS,
    HUBS,
    PRACTITIONERS,
    SCHOOLS_FILE,
    SLUG,
    THEMES_FILE,
    Collection,
    Field,
    Kind,
    is_reserved_id,
)
from ..publishing.calendar import years_after
from ..reading.references import school_urns, theme_names
from ..reading.values import Invalid, read_urn, read_value, slugify, suggest


@dataclass(frozen=True)
class Known:
    """What the area already holds, that a new entry may refer to."""

    content: str
    theme_names: dict[str, str]
    theme_titles: dict[str, str]
    schools: dict[int, tuple[int, str]]
    entry_ids: dict[str, tuple[str, ...]]


def known_in(area: Area, content: str) -> Known:
    """Themes with their aliases, schools with their old URNs, and entries by file name."""
    names = theme_names(area)
    schools = {old: (urn, area.schools[urn].name) for old, urn in school_urns(area).items()}
    entry_ids: dict[str, tuple[str, ...]] = {}
    for collection in COLLECTIONS:
        folder = os.path.join(content, collection.folder)
        files = sorted(os.listdir(folder)) if os.path.isdir(folder) else []
        entry_ids[collection.name] = tuple(
            name[:-3] for name in files if name.endswith(".md") and not is_reserved_id(name[:-3])
        )
    return Known(
        content=content,
        theme_names=names,
        theme_titles={theme.id: theme.title for theme in area.themes.values()},
        schools=schools,
        entry_ids=entry_ids,
    )


def option_name(spec: Field) -> str:
    """A field's option: `host_school` is `--host-school`, the list `themes` is `--theme`."""
    name: str = spec.name.removesuffix("s") if spec.many else spec.name
    return "--" + name.replace("_", "-")


def option_fields(collection: Collection) -> tuple[Field, ...]:
    """Fields given as options: all but the title (an argument) and impact (a structure)."""
    return tuple(
        spec
        for spec in collection.fields
        if spec is not collection.title_field and spec.kind is not Kind.IMPACT
    )


def defaults(today: date) -> dict[str, object]:
    """Values a new entry starts with unless given: published today, reviewed in a year.

    Consent is never assumed: the person's agreement is a date someone must give.
    """
    return {"published": today, "review_by": years_after(today, 1)}


def read_option(spec: Field, raw: str, known: Known) -> Any:
    """One value given for a field, checked against the area; `Invalid` says how to fix it."""
    text = raw.strip()
    if spec.kind is Kind.THEME:
        theme = known.theme_names.get(text)
        if theme is None:
            hint = suggest(text, list(known.theme_names)) or (
                f": the themes are listed in {known.content}/{THEMES_FILE}"
            )
            raise Invalid(f"unknown theme '{text}'{hint}")
        return theme
    if spec.kind is Kind.SCHOOL:
        urn = read_urn(text)
        school = known.schools.get(urn)
        if school is None:
            hint = suggest(text, [str(u) for u in known.schools]) or (
                f": add the school to {known.content}/{SCHOOLS_FILE}, or check the URN on GIAS"
            )
            raise Invalid(f"unknown school {urn}{hint}")
        return school[0]
    if spec.kind in (Kind.HUB, Kind.PRACTITIONER):
        collection = HUBS if spec.kind is Kind.HUB else PRACTITIONERS
        ids = known.entry_ids[collection.name]
        if text not in ids:
            hint = suggest(text, list(ids)) or (
                f": no file {known.content}/{collection.folder}/{text}.md "
                f"(start one with: scripts/new.py {collection.name} ...)"
            )
            raise Invalid(f"unknown {collection.label.lower()} '{text}'{hint}")
        return text
    return read_value(spec, text)


def read_options(
    collection: Collection, given: dict[str, Any], known: Known
) -> tuple[dict[str, Any], list[str]]:
    """The values given on the command line, and a message for each wrong one."""
    values: dict[str, Any] = {}
    errors: list[str] = []
    for spec in option_fields(collection):
        raw = given.get(spec.name)
        if raw is None:
            continue
        read: list[Any] = []
        for item in raw if spec.many else [raw]:
            if not item.strip():
                errors.append(f"{option_name(spec)}: is empty: give a value, or leave it out")
                continue
            try:
                value = read_option(spec, item, known)
            except Invalid as error:
                errors.append(f"{option_name(spec)}: {error}")
                continue
            if value not in read:
                read.append(value)
        if read:
            values[spec.name] = tuple(read) if spec.many else read[0]
    return values, errors


def missing_fields(collection: Collection, values: dict[str, Any]) -> list[Field]:
    """Required fields that have no value yet."""
    return [spec for spec in collection.fields if spec.required and spec.name not in values]


def entry_id(title: str, chosen: str | None) -> str:
    """The file name of the new entry, without `.md`; `Invalid` when none can be made."""
    made = chosen if chosen is not None else slugify(title)
    if not made:
        raise Invalid(
            f"cannot make a file name from {title!r}: give one with --id, e.g. --id my-entry"
        )
    if not SLUG.match(made) or is_reserved_id(made):
        fix = f"{made}-1" if is_reserved_id(made) else slugify(made)
        raise Invalid(
            f"'{made}' cannot be a file name: use lower-case letters, digits and hyphens, "
            f"e.g. --id {fix or 'my-entry'}"
        )
    return made
