"""Resolving every reference once everything has loaded, and building typed entries.

A theme is named by its id or an alias; where neither matches but its title
or another case does, and only one theme could be meant, the reference is
accepted with a warning that gives the id. A school is named by its URN or a
URN it had before. Hubs and people are named by their file names.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

from ..contract.model import Area, CaseStudy, Entry, Hub, Practitioner
from ..contract.problems import Problem
from ..contract.schema import (
    CASE_STUDIES,
    COLLECTIONS,
    HUBS,
    PERSONAL_MAIL_DOMAINS,
    PRACTITIONERS,
    SCHOOLS_FILE,
)
from .files import Record
from .values import Ref, slugify, suggest


@dataclass
class ReadEntry:
    """An entry's values as read, references not yet resolved."""

    collection_name: str
    id: str
    record: Record
    values: dict[str, Any]


class Resolver:
    """Turns read entries into typed ones, resolving each reference by its kind."""

    def __init__(self, area: Area, read: list[ReadEntry], problems: list[Problem]) -> None:
        self.area = area
        self.problems = problems
        self.theme_names = theme_names(area)
        self.loose_themes = loose_theme_names(area)
        self.urns = school_urns(area)
        self.ids: dict[str, set[str]] = {
            collection.name: {item.id for item in read if item.collection_name == collection.name}
            for collection in COLLECTIONS
        }

    def build(self, item: ReadEntry) -> None:
        """Add the entry to the area, its references resolved; problems for the rest."""
        builders = {
            CASE_STUDIES.name: self._case_study,
            HUBS.name: self._hub,
            PRACTITIONERS.name: self._practitioner,
        }
        builders[item.collection_name](item)

    def _case_study(self, item: ReadEntry) -> None:
        values = item.values
        themes = self._themes(item)
        schools = self._schools(item, "schools", values["schools"] or ())
        hub = self._one(item, "hub", HUBS.name)
        contacts = self._entries(item, "contacts", values["contacts"], PRACTITIONERS.name)
        if None in (values["title"], values["summary"], values["published"]):
            return
        self.area.case_studies[item.id] = CaseStudy(
            **_base(item, CaseStudy),
            themes=themes,
            title=values["title"],
            summary=values["summary"],
            schools=schools,
            published=values["published"],
            hub=hub,
            contacts=contacts,
            phases=values["phases"] or self._school_phases(schools),
            reviewed=values["reviewed"],
            impact=values["impact"],
            status=values["status"],
        )

    def _hub(self, item: ReadEntry) -> None:
        values = item.values
        themes = self._themes(item)
        lead = self._one(item, "lead", PRACTITIONERS.name)
        host = self._host(item)
        schools = self._schools(item, "schools", values["schools"])
        if None in (values["title"], values["summary"]):
            return
        self.area.hubs[item.id] = Hub(
            **_base(item, Hub),
            themes=themes,
            title=values["title"],
            summary=values["summary"],
            lead=lead,
            host_school=host,
            schools=schools,
            meets=values["meets"] or "",
            join=values["join"] or "",
            status=values["status"],
        )

    def _practitioner(self, item: ReadEntry) -> None:
        values = item.values
        themes = self._themes(item)
        ref = values["school"]
        found = self._schools(item, "school", [ref]) if ref is not None else ()
        school = found[0] if found else None
        if None in (values["name"], values["role"], values["consent"], values["review_by"]):
            return
        person = Practitioner(
            **_base(item, Practitioner),
            themes=themes,
            title=values["name"],
            role=values["role"],
            school=school,
            consent=values["consent"],
            review_by=values["review_by"],
            phases=values["phases"] or self._school_phases(found),
            designations=values["designations"],
            offers=values["offers"],
            availability=values["availability"],
            contact=values["contact"] or "",
            status=values["status"],
        )
        self.area.practitioners[item.id] = person
        self._refuse_consent_to_come(item, person)
        self._warn_if_unlisted(item, person)
        self._warn_if_personal(item, person.contact)

    def _themes(self, item: ReadEntry) -> tuple[str, ...]:
        return self._resolve(
            item, "themes", item.values["themes"] or (), self._theme, "theme", self._theme_hint
        )

    def _theme(self, written: object) -> str | None:
        return self.theme_names.get(str(written))

    def _theme_hint(self, written: object) -> str:
        return suggest(str(written), list(self.theme_names))

    def _schools(self, item: ReadEntry, field: str, refs: Iterable[Ref]) -> tuple[int, ...]:
        def hint(value: object) -> str:
            close = suggest(str(value), [str(urn) for urn in self.urns])
            return close or f": add the school to content/{SCHOOLS_FILE}, or check the URN on GIAS"

        return self._resolve(item, field, refs, lambda v: self.urns.get(int(v)), "school", hint)

    def _host(self, item: ReadEntry) -> int | None:
        ref = item.values["host_school"]
        found = self._schools(item, "host_school", [ref]) if ref is not None else ()
        return found[0] if found else None

    def _entries(
        self, item: ReadEntry, field: str, refs: Iterable[Ref], collection_name: str
    ) -> tuple[str, ...]:
        collection = next(c for c in COLLECTIONS if c.name == collection_name)
        known = self.ids[collection_name]

        def hint(value: object) -> str:
            return suggest(str(value), sorted(known)) or (
                f": no file content/{collection.folder}/{value}.md"
            )

        return self._resolve(
            item,
            field,
            refs,
            lambda v: str(v) if str(v) in known else None,
            collection.label.lower(),
            hint,
        )

    def _one(self, item: ReadEntry, field: str, collection_name: str) -> str | None:
        ref = item.values[field]
        found = self._entries(item, field, [ref], collection_name) if ref is not None else ()
        return found[0] if found else None

    def _resolve(
        self,
        item: ReadEntry,
        field: str,
        refs: Iterable[Ref],
        look_up: Callable[[Any], Any],
        noun: str,
        hint: Callable[[Any], str],
    ) -> tuple[Any, ...]:
        resolved: list[Any] = []
        for ref in refs:
            target = look_up(ref.value)
            if target is None and noun == "theme":
                target = self._loosely_named_theme(item, field, ref)
            if target is None:
                shown_value = f"'{ref.value}'" if isinstance(ref.value, str) else str(ref.value)
                self.problems.append(
                    Problem(
                        item.record.path,
                        ref.line,
                        field,
                        f"unknown {noun} {shown_value}{hint(ref.value)}",
                    )
                )
            elif target not in resolved:
                resolved.append(target)
        return tuple(resolved)

    def _loosely_named_theme(self, item: ReadEntry, field: str, ref: Ref) -> str | None:
        """The one theme whose id, alias or title this is in another case, with a warning."""
        target = self.loose_themes.get(_loosely(str(ref.value)))
        if target is None:
            return None
        self.problems.append(
            Problem(
                item.record.path,
                ref.line,
                field,
                f"'{ref.value}' is read as the theme '{target}': "
                f"write its id, '{target}', as content/themes.yml lists it",
                "warning",
            )
        )
        return target

    def _refuse_consent_to_come(self, item: ReadEntry, person: Practitioner) -> None:
        """Consent is given on a day that has come: a later date is a mistake, never a plan."""
        if person.consent > self.area.today:
            self.problems.append(
                Problem(
                    item.record.path,
                    item.record.line("consent"),
                    "consent",
                    f"{person.consent.isoformat()} is after today: give the date the person agreed",
                )
            )

    def _warn_if_unlisted(self, item: ReadEntry, person: Practitioner) -> None:
        if person.status == "withdrawn":
            self.problems.append(
                Problem(
                    item.record.path,
                    item.record.line("status"),
                    "status",
                    "withdrawn: this person appears on no page, listing or search index, and "
                    "entries that name them point to the partnership's mailbox",
                    "warning",
                )
            )
        elif person.review_by < self.area.today:
            self.problems.append(
                Problem(
                    item.record.path,
                    item.record.line("review_by"),
                    "review_by",
                    f"{person.review_by.isoformat()} has passed: this person is left off the "
                    "site until they confirm their listing and review_by is moved on",
                    "warning",
                )
            )

    def _warn_if_personal(self, item: ReadEntry, contact: str) -> None:
        if contact.rpartition("@")[2].lower() in PERSONAL_MAIL_DOMAINS:
            self.problems.append(
                Problem(
                    item.record.path,
                    item.record.line("contact"),
                    "contact",
                    f"'{contact}' looks like a personal address: the site lists work "
                    "addresses only; give a school address, or leave contact out so that "
                    "readers are pointed to the partnership",
                    "warning",
                )
            )

    def _school_phases(self, urns: Iterable[int]) -> tuple[str, ...]:
        phases: list[str] = []
        for urn in urns:
            school = self.area.schools.get(urn)
            for phase in school.phases if school else ():
                if phase not in phases:
                    phases.append(phase)
        return tuple(phases)


# Fields an entry holds under another name: a practitioner's name is its title.
_READ_AS = frozenset({"name"})


def _base(item: ReadEntry, kind: type[Entry]) -> dict[str, Any]:
    """What every entry is built with, and the values of fields `kind` does not name."""
    named = kind.__dataclass_fields__
    more = tuple(
        (name, value)
        for name, value in item.values.items()
        if name not in named and name not in _READ_AS and value is not None
    )
    return {
        "id": item.id,
        "path": item.record.path,
        "body": item.record.body,
        "body_line": item.record.body_line,
        "more": more,
    }


def _loosely(text: str) -> str:
    return slugify(text) or text.casefold().strip()


def theme_names(area: Area) -> dict[str, str]:
    """Each theme's id and aliases, to its id."""
    names: dict[str, str] = {}
    for theme in area.themes.values():
        names[theme.id] = theme.id
        for alias in theme.aliases:
            names.setdefault(alias, theme.id)
    return names


def school_urns(area: Area) -> dict[int, int]:
    """Each school's URN and the URNs it had before, to its URN."""
    urns: dict[int, int] = {urn: urn for urn in area.schools}
    for school in area.schools.values():
        for old in school.previous_urns:
            urns.setdefault(old, school.urn)
    return urns


def loose_theme_names(area: Area) -> dict[str, str]:
    """Ids, aliases and titles in a loose spelling, to the one theme each could mean."""
    candidates: dict[str, set[str]] = {}
    for theme in area.themes.values():
        for name in (theme.id, theme.title, *theme.aliases):
            candidates.setdefault(_loosely(name), set()).add(theme.id)
    return {name: next(iter(ids)) for name, ids in candidates.items() if len(ids) == 1}
