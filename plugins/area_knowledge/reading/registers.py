"""The two registers: the area's themes and its schools, each item checked on its line.

A locality is grouped by the name of its page: two spellings of one place
("Oakhurst Vale", "oakhurst-vale") would write the same page, one over the other.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from ..contract.model import School, Theme
from ..contract.problems import Problem
from ..contract.schema import SCHOOL_FIELDS, THEME_FIELDS, is_reserved_id
from .files import Record, register_records
from .values import Ref, read_fields, slugify, suggest


@dataclass(frozen=True)
class _ThemeRecord:
    theme: Theme
    record: Record
    parent: Ref | None


def read_themes(register: list[Record], problems: list[Problem]) -> dict[str, Theme]:
    """Themes by id, each parent resolved; one level of hierarchy at most."""
    read = _theme_records(register, problems)
    owners = _alias_owners(read, problems)
    themes = {
        theme_id: replace(item.theme, parent=_parent(item, owners, problems))
        for theme_id, item in read.items()
    }
    for theme in list(themes.values()):
        parent = themes.get(theme.parent) if theme.parent else None
        if parent is not None and parent.parent is not None:
            item = read[theme.id]
            line = item.parent.line if item.parent else item.record.first_line
            if parent.parent == theme.id:
                message = (
                    f"'{theme.id}' and '{parent.id}' are each other's parent: one level of "
                    f"themes is enough, so delete the parent of one of them"
                )
            else:
                message = (
                    f"'{parent.id}' has a parent itself: one level of themes is enough, "
                    f"so make '{theme.id}' a sub-theme of '{parent.parent}' or of none"
                )
            problems.append(Problem(item.record.path, line, "parent", message))
            themes[theme.id] = replace(theme, parent=None)
    return themes


def _theme_records(register: list[Record], problems: list[Problem]) -> dict[str, _ThemeRecord]:
    read: dict[str, _ThemeRecord] = {}
    for record in register:
        values = read_fields(record, THEME_FIELDS, problems)
        theme_id = values["id"]
        if theme_id is None or values["title"] is None:
            continue
        if is_reserved_id(theme_id):
            problems.append(
                Problem(
                    record.path,
                    record.line("id"),
                    "id",
                    f"'{theme_id}' is a name the site uses for its own pages: "
                    f"choose another id, e.g. '{theme_id}-theme'",
                )
            )
            continue
        if theme_id in read:
            problems.append(
                Problem(
                    record.path,
                    record.line("id"),
                    "id",
                    f"'{theme_id}' is already the id of the theme on line "
                    f"{read[theme_id].record.line('id')}: give each theme its own id",
                )
            )
            continue
        theme = Theme(
            id=theme_id,
            title=values["title"],
            description=values["description"] or "",
            aliases=tuple(values["aliases"]),
            priority=values["priority"],
            written_at=(record.path, record.line("id")),
        )
        parent = values["parent"] if isinstance(values["parent"], Ref) else None
        read[theme_id] = _ThemeRecord(theme, record, parent)
    return read


def _alias_owners(read: dict[str, _ThemeRecord], problems: list[Problem]) -> dict[str, str]:
    """Each id and alias, to the theme it names; an alias claimed twice is reported."""
    owners: dict[str, str] = {theme_id: theme_id for theme_id in read}
    for item in read.values():
        for index, alias in enumerate(item.theme.aliases):
            if owners.get(alias, item.theme.id) != item.theme.id:
                problems.append(
                    Problem(
                        item.record.path,
                        item.record.line("aliases", index),
                        "aliases",
                        f"'{alias}' already names the theme '{owners[alias]}': "
                        "an alias can lead to one theme only",
                    )
                )
                continue
            owners[alias] = item.theme.id
    return owners


def _parent(item: _ThemeRecord, owners: dict[str, str], problems: list[Problem]) -> str | None:
    ref = item.parent
    if ref is None:
        return None
    target = owners.get(str(ref.value))
    if target is None:
        problems.append(
            Problem(
                item.record.path,
                ref.line,
                "parent",
                f"unknown theme '{ref.value}'" + suggest(str(ref.value), list(owners)),
            )
        )
    elif target == item.theme.id:
        problems.append(
            Problem(item.record.path, ref.line, "parent", "a theme cannot be its own parent")
        )
    else:
        return target
    return None


def read_schools(records: list[Record], problems: list[Problem]) -> dict[int, School]:
    """Schools by URN; a previous URN leads to one school only and is no longer in use."""
    schools: dict[int, School] = {}
    by_urn: dict[int, Record] = {}
    for record in records:
        values = read_fields(record, SCHOOL_FIELDS, problems)
        urn = values["urn"]
        if urn is None or values["name"] is None or values["phase"] is None:
            continue
        if urn in by_urn:
            problems.append(
                Problem(
                    record.path,
                    record.line("urn"),
                    "urn",
                    f"{urn} is already the URN of the school on line "
                    f"{by_urn[urn].line('urn')}: list each school once",
                )
            )
            continue
        by_urn[urn] = record
        schools[urn] = School(
            urn=urn,
            name=values["name"],
            phase=values["phase"],
            type=values["type"] or "",
            trust=values["trust"] or "",
            locality=values["locality"] or "",
            previous_urns=tuple(values["previous_urns"]),
            member=values["member"],
        )
    _check_previous_urns(schools, by_urn, problems)
    _check_localities(schools, by_urn, problems)
    return schools


def _check_previous_urns(
    schools: dict[int, School], records: dict[int, Record], problems: list[Problem]
) -> None:
    claimed: dict[int, int] = {}
    for school in schools.values():
        record = records[school.urn]
        for index, old in enumerate(school.previous_urns):
            line = record.line("previous_urns", index)
            if old in schools:
                message = (
                    f"{old} is the current URN of {schools[old].name}: "
                    "a URN listed here must no longer be in use"
                )
            elif claimed.get(old, school.urn) != school.urn:
                message = (
                    f"{old} is already a previous URN of {schools[claimed[old]].name}: "
                    "an old URN can lead to one school only"
                )
            else:
                claimed[old] = school.urn
                continue
            problems.append(Problem(record.path, line, "previous_urns", message))


def _check_localities(
    schools: dict[int, School], records: dict[int, Record], problems: list[Problem]
) -> None:
    """Each place written one way: spellings that make one page name are one place."""
    first: dict[str, tuple[str, int]] = {}
    for school in schools.values():
        if not school.locality:
            continue
        record = records[school.urn]
        line = record.line("locality")
        slug = slugify(school.locality)
        if not slug:
            problems.append(
                Problem(
                    record.path,
                    line,
                    "locality",
                    f"'{school.locality}' has no letters or digits: write the name of the "
                    "town or district, or leave locality out",
                )
            )
            continue
        spelling, first_line = first.setdefault(slug, (school.locality, line))
        if spelling != school.locality:
            problems.append(
                Problem(
                    record.path,
                    line,
                    "locality",
                    f"'{school.locality}' and '{spelling}' (line {first_line}) are the same "
                    f"place written two ways: write it one way, e.g. '{spelling}'",
                )
            )


def school_register_problems(text: str, shown_as: str) -> list[Problem]:
    """What is wrong with a register of schools given as text, before it replaces one in use."""
    problems: list[Problem] = []
    read_schools(register_records(text, shown_as, problems), problems)
    return problems
