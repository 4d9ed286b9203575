"""Loading a whole area and resolving every reference once everything has loaded.

`load_area` is the one entry point: the build, the validator and the scripts
all call it, so they agree on what is valid.
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date
from typing import Any

from .fields import SLUG, Ref, read_fields, slugify, suggest
from .loading import Record, read_entry, read_register, read_text, split_front_matter
from .model import Area, CaseStudy, Hub, Practitioner, Problem, School, Theme
from .safety import markup_problems
from .schema import (
    CASE_STUDIES,
    COLLECTIONS,
    HUBS,
    PRACTITIONERS,
    SCHOOL_FIELDS,
    SCHOOLS_FILE,
    THEME_FIELDS,
    THEMES_FILE,
    Collection,
)

# File names the site generates in each folder: its index and listing pages.
RESERVED_ID = re.compile(r"index|page-\d+")


def is_reserved_id(entry_id: str) -> bool:
    """Whether an entry cannot take this id because the site's own pages use it."""
    return RESERVED_ID.fullmatch(entry_id) is not None


# Python-Markdown slows quadratically on bodies dense with raw tags: a few
# thousand would stall every build. A case study needs far fewer.
MAX_BODY_TAGS = 1000
_TAG_START = re.compile(r"<[A-Za-z/!?]")


@dataclass
class _Read:
    """An entry's values as read, references not yet resolved."""

    collection: Collection
    id: str
    record: Record
    values: dict[str, Any]


def load_area(root: str, *, today: date | None = None, shown_from: str | None = None) -> Area:
    """Load, check and resolve the area in `root` (a `content/` folder).

    Paths in problems are shown relative to `shown_from` (default: the current
    directory), so that they can be clicked in a terminal or annotated on GitHub.
    """
    problems: list[Problem] = []
    base = shown_from if shown_from is not None else os.getcwd()

    def show(path: str) -> str:
        relative = os.path.relpath(path, base)
        return path if relative.startswith("..") else relative.replace(os.sep, "/")

    area = Area(root=root, today=today or date.today(), problems=problems)
    themes_path = os.path.join(root, THEMES_FILE)
    schools_path = os.path.join(root, SCHOOLS_FILE)
    for path in (themes_path, schools_path):
        if not os.path.exists(path):
            problems.append(
                Problem(
                    show(path),
                    1,
                    "",
                    f"is missing: every area needs content/{os.path.basename(path)}",
                )
            )
    theme_records = (
        read_register(themes_path, show(themes_path), problems)
        if os.path.exists(themes_path)
        else []
    )
    school_records = (
        read_register(schools_path, show(schools_path), problems)
        if os.path.exists(schools_path)
        else []
    )
    area.themes = _themes(theme_records, problems)
    area.schools = _schools(school_records, problems)

    read: list[_Read] = []
    for collection in COLLECTIONS:
        folder = os.path.join(root, collection.folder)
        if not os.path.isdir(folder):
            continue
        for name in sorted(os.listdir(folder)):
            path = os.path.join(folder, name)
            if not name.endswith(".md") or not os.path.isfile(path):
                continue
            entry_id = name[:-3]
            if is_reserved_id(entry_id):
                problems.append(
                    Problem(
                        show(path),
                        1,
                        "",
                        f"'{name}' is a name the site uses for its own listing pages: "
                        "rename the file, e.g. by adding a word from its title",
                    )
                )
                continue
            if not SLUG.match(entry_id):
                problems.append(
                    Problem(
                        show(path),
                        1,
                        "",
                        f"file name '{name}' is not a valid id: use lower-case letters, digits "
                        f"and hyphens, e.g. '{slugify(entry_id) or 'my-entry'}.md'",
                    )
                )
                continue
            record = read_entry(path, show(path), problems)
            if record is None:
                continue
            values = read_fields(record, collection.fields, problems)
            # An entry whose body is unsafe is reported and left out of the site,
            # so that not even a preview or a non-strict build publishes it.
            if _body_problems(record.body, record.path, record.body_line, problems):
                continue
            read.append(_Read(collection, entry_id, record, values))
    _check_other_pages(root, show, problems)

    resolver = _Resolver(area, read, problems)
    for item in read:
        resolver.build(item)
    return area


def _body_problems(body: str, path: str, first_line: int, problems: list[Problem]) -> bool:
    """Report markup that could run script, or that would stall the build; True if any."""
    found = markup_problems(body, path, first_line)
    tags = len(_TAG_START.findall(body))
    if tags > MAX_BODY_TAGS:
        found.append(
            Problem(
                path,
                first_line,
                "body",
                f"has {tags} HTML tags; the limit is {MAX_BODY_TAGS}: "
                "write the text in Markdown rather than HTML",
            )
        )
    problems.extend(found)
    return bool(found)


def _check_other_pages(root: str, show: Callable[[str], str], problems: list[Problem]) -> None:
    """Pages beside the entries (the home page, say) arrive by pull request too."""
    entry_folders = {os.path.join(root, c.folder) for c in COLLECTIONS}
    for folder, subfolders, names in os.walk(root):
        subfolders[:] = sorted(
            d for d in subfolders if os.path.join(folder, d) not in entry_folders
        )
        for name in sorted(n for n in names if n.endswith(".md")):
            path = os.path.join(folder, name)
            text = read_text(path, show(path), problems)
            if text is None:
                continue
            parts = split_front_matter(text)
            body, first = (parts[1], parts[2]) if parts else (text, 1)
            _body_problems(body, show(path), first, problems)


def _themes(register: list[Record], problems: list[Problem]) -> dict[str, Theme]:
    themes: dict[str, Theme] = {}
    records: dict[str, Record] = {}
    parents: dict[str, Ref] = {}
    for record in register:
        values = read_fields(record, THEME_FIELDS, problems)
        theme_id = values["id"]
        if theme_id is None or values["title"] is None:
            continue
        if theme_id in themes:
            problems.append(
                Problem(
                    record.path,
                    record.line("id"),
                    "id",
                    f"'{theme_id}' is already the id of the theme on line "
                    f"{records[theme_id].line('id')}: "
                    "give each theme its own id",
                )
            )
            continue
        records[theme_id] = record
        if isinstance(values["parent"], Ref):
            parents[theme_id] = values["parent"]
        themes[theme_id] = Theme(
            id=theme_id,
            title=values["title"],
            description=values["description"] or "",
            aliases=tuple(values["aliases"]),
            priority=values["priority"],
        )
    owner: dict[str, str] = {theme_id: theme_id for theme_id in themes}
    for theme in themes.values():
        record = records[theme.id]
        for index, alias in enumerate(theme.aliases):
            if alias in owner and owner[alias] != theme.id:
                problems.append(
                    Problem(
                        record.path,
                        record.line("aliases", index),
                        "aliases",
                        f"'{alias}' already names the theme '{owner[alias]}': "
                        "an alias can lead to one theme only",
                    )
                )
                continue
            owner[alias] = theme.id
    resolved: dict[str, Theme] = {}
    for theme_id, theme in themes.items():
        ref = parents.get(theme_id)
        parent: str | None = None
        if ref is not None:
            record = records[theme_id]
            target = owner.get(str(ref.value))
            if target is None:
                problems.append(
                    Problem(
                        record.path,
                        ref.line,
                        "parent",
                        f"unknown theme '{ref.value}'" + suggest(str(ref.value), list(owner)),
                    )
                )
            elif target == theme_id:
                problems.append(
                    Problem(record.path, ref.line, "parent", "a theme cannot be its own parent")
                )
            else:
                parent = target
        resolved[theme_id] = Theme(
            id=theme.id,
            title=theme.title,
            description=theme.description,
            aliases=theme.aliases,
            parent=parent,
            priority=theme.priority,
        )
    for theme in resolved.values():
        parent_theme = resolved.get(theme.parent) if theme.parent else None
        if parent_theme is not None and parent_theme.parent is not None:
            record = records[theme.id]
            problems.append(
                Problem(
                    record.path,
                    parents[theme.id].line,
                    "parent",
                    f"'{parent_theme.id}' has a parent itself: one level of themes is enough, "
                    f"so make '{theme.id}' a sub-theme of '{parent_theme.parent}' or of none",
                )
            )
            resolved[theme.id] = Theme(
                theme.id, theme.title, theme.description, theme.aliases, None, theme.priority
            )
    return resolved


def _schools(records: list[Record], problems: list[Problem]) -> dict[int, School]:
    schools: dict[int, School] = {}
    lines: dict[int, int] = {}
    records_by_urn: dict[int, Record] = {}
    for record in records:
        values = read_fields(record, SCHOOL_FIELDS, problems)
        urn = values["urn"]
        if urn is None or values["name"] is None or values["phase"] is None:
            continue
        if urn in lines:
            problems.append(
                Problem(
                    record.path,
                    record.line("urn"),
                    "urn",
                    f"{urn} is already the URN of the school on line {lines[urn]}: "
                    "list each school once",
                )
            )
            continue
        lines[urn] = record.line("urn")
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
        records_by_urn[urn] = record
    _check_previous_urns(schools, records_by_urn, problems)
    return schools


def _check_previous_urns(
    schools: dict[int, School], records: dict[int, Record], problems: list[Problem]
) -> None:
    """A previous URN must lead to one school only, and not be a current URN."""
    claimed: dict[int, int] = {}
    for school in schools.values():
        record = records[school.urn]
        for index, old in enumerate(school.previous_urns):
            line = record.line("previous_urns", index)
            if old in schools:
                problems.append(
                    Problem(
                        record.path,
                        line,
                        "previous_urns",
                        f"{old} is the current URN of {schools[old].name}: "
                        "a URN listed here must no longer be in use",
                    )
                )
            elif old in claimed and claimed[old] != school.urn:
                problems.append(
                    Problem(
                        record.path,
                        line,
                        "previous_urns",
                        f"{old} is already a previous URN of {schools[claimed[old]].name}: "
                        "an old URN can lead to one school only",
                    )
                )
            else:
                claimed[old] = school.urn


class _Resolver:
    """Turns read entries into typed ones, resolving each reference by its kind."""

    def __init__(self, area: Area, read: list[_Read], problems: list[Problem]) -> None:
        self.area = area
        self.problems = problems
        self.theme_names: dict[str, str] = {}
        for theme in area.themes.values():
            self.theme_names[theme.id] = theme.id
            for alias in theme.aliases:
                self.theme_names.setdefault(alias, theme.id)
        self.urns: dict[int, int] = {urn: urn for urn in area.schools}
        for school in area.schools.values():
            for old in school.previous_urns:
                self.urns.setdefault(old, school.urn)
        self.ids: dict[str, set[str]] = {
            collection.name: {item.id for item in read if item.collection is collection}
            for collection in COLLECTIONS
        }

    def themes(self, item: _Read, refs: Iterable[Ref]) -> tuple[str, ...]:
        return self._resolve(
            item,
            "themes",
            refs,
            self.theme_names.get,
            "theme",
            lambda value: suggest(str(value), list(self.theme_names)),
        )

    def schools(self, item: _Read, field: str, refs: Iterable[Ref]) -> tuple[int, ...]:
        def hint(value: str | int) -> str:
            close = suggest(str(value), [str(urn) for urn in self.urns])
            return close or f": add the school to content/{SCHOOLS_FILE}, or check the URN on GIAS"

        return self._resolve(item, field, refs, lambda v: self.urns.get(int(v)), "school", hint)

    def entries(
        self, item: _Read, field: str, refs: Iterable[Ref], collection: Collection
    ) -> tuple[str, ...]:
        known = self.ids[collection.name]
        return self._resolve(
            item,
            field,
            refs,
            lambda v: str(v) if str(v) in known else None,
            collection.label.lower(),
            lambda value: (
                suggest(str(value), sorted(known))
                or f": no file content/{collection.folder}/{value}.md"
            ),
        )

    def _resolve(
        self,
        item: _Read,
        field: str,
        refs: Iterable[Ref],
        look_up: Callable[[Any], Any],
        noun: str,
        hint: Callable[[Any], str],
    ) -> tuple[Any, ...]:
        resolved: list[Any] = []
        for ref in refs:
            target = look_up(ref.value)
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

    def one(
        self, item: _Read, field: str, resolve: Callable[..., tuple[Any, ...]], *args: Any
    ) -> Any:
        ref = item.values[field]
        if ref is None:
            return None
        found = resolve(item, field, [ref], *args)
        return found[0] if found else None

    def build(self, item: _Read) -> None:
        values = item.values
        base = {"id": item.id, "path": item.record.path, "body": item.record.body}
        themes = self.themes(item, values["themes"] or ())
        if item.collection is CASE_STUDIES:
            schools = self.schools(item, "schools", values["schools"] or ())
            hub = self.one(item, "hub", self.entries, HUBS)
            contacts = self.entries(item, "contacts", values["contacts"], PRACTITIONERS)
            if None in (values["title"], values["summary"], values["published"]):
                return
            self.area.case_studies[item.id] = CaseStudy(
                **base,
                title=values["title"],
                themes=themes,
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
        elif item.collection is HUBS:
            lead = self.one(item, "lead", self.entries, PRACTITIONERS)
            host = self.one(item, "host_school", self.schools)
            schools = self.schools(item, "schools", values["schools"])
            if None in (values["title"], values["summary"]):
                return
            self.area.hubs[item.id] = Hub(
                **base,
                title=values["title"],
                themes=themes,
                summary=values["summary"],
                lead=lead,
                host_school=host,
                schools=schools,
                meets=values["meets"] or "",
                join=values["join"] or "",
                status=values["status"],
            )
        else:
            school = self.one(item, "school", self.schools)
            if None in (values["name"], values["role"], values["consent"], values["review_by"]):
                return
            practitioner = Practitioner(
                **base,
                title=values["name"],
                themes=themes,
                role=values["role"],
                school=school,
                consent=values["consent"],
                review_by=values["review_by"],
                phases=values["phases"] or self._school_phases(() if school is None else (school,)),
                designations=values["designations"],
                offers=values["offers"],
                availability=values["availability"],
                contact=values["contact"] or "",
                status=values["status"],
            )
            self.area.practitioners[item.id] = practitioner
            self._warn_if_unlisted(item, practitioner)

    def _warn_if_unlisted(self, item: _Read, person: Practitioner) -> None:
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

    def _school_phases(self, urns: Iterable[int]) -> tuple[str, ...]:
        phases: list[str] = []
        for urn in urns:
            school = self.area.schools.get(urn)
            for phase in school.phases if school else ():
                if phase not in phases:
                    phases.append(phase)
        return tuple(phases)
