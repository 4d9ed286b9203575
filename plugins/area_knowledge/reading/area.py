"""Loading a whole area: every file sorted, read, checked and resolved, in one run.

`load_area` is the one entry point: the build, the validator and the scripts
all call it, so they agree on what is valid. Every problem of every file is
reported at once; a file with a bad name is still checked, under the id it
would have, so that a contributor fixes everything in one round.
"""

from __future__ import annotations

import hashlib
import os
import re
from collections.abc import Callable
from datetime import date

from ..contract.model import Area, Mention, PartnershipPage
from ..contract.problems import Problem
from ..contract.schema import (
    COLLECTIONS,
    PRACTITIONERS,
    SCHOOLS_FILE,
    SLUG,
    THEMES_FILE,
    Collection,
    Field,
    Kind,
    is_reserved_id,
)
from ..parallel import forked_map
from .attachments import read_attachment
from .bounds import bound_problems
from .files import (
    MAX_FILE_BYTES,
    Record,
    at_most_per_file,
    bytes_at_most,
    entry_record,
    read_register,
    read_text,
    split_front_matter,
)
from .inventory import ContentFile, take_inventory
from .markup import markup_problems
from .references import ReadEntry, Resolver
from .registers import read_schools, read_themes
from .sections import empty_section_problems
from .values import read_fields, slugify

PAGE_FIELDS = (Field("title", Kind.TEXT),)

# Where a person's file cannot be read as fields, these lines still name them.
_NAME_LINE = re.compile(r"^name:[ \t]*[\"']?(.+?)[\"']?[ \t]*$", re.MULTILINE)
_CONTACT_LINE = re.compile(r"^contact:[ \t]*[\"']?(\S+@[^\s\"']+)", re.MULTILINE)


def load_area(root: str, *, today: date | None = None, shown_from: str | None = None) -> Area:
    """Load, check and resolve the area in `root` (a `content/` folder).

    Paths in problems are shown relative to `shown_from` (default: the current
    directory), so that they can be clicked in a terminal or annotated on GitHub.
    """
    problems: list[Problem] = []
    show = _shown_from(shown_from if shown_from is not None else os.getcwd())
    area = Area(root=root, today=today or date.today(), problems=problems)
    inventory = take_inventory(root, show, problems)
    registers = {}
    for name in (THEMES_FILE, SCHOOLS_FILE):
        file = inventory.registers.get(name)
        if file is None:
            path = os.path.join(root, name)
            problems.append(
                Problem(show(path), 1, "", f"is missing: every area needs content/{name}")
            )
        registers[name] = _read_register_once(file, problems) if file else []
    area.themes = read_themes(registers[THEMES_FILE], problems)
    area.schools = read_schools(registers[SCHOOLS_FILE], problems)

    files = [(c, file) for c in COLLECTIONS for file in inventory.entries[c.name]]
    read = [item for item in _read_entries(files, area, problems) if item is not None]
    resolver = Resolver(area, read, problems)
    for item in read:
        resolver.build(item)
    area.people_in_doubt += _unbuilt_people(read, area)
    area.people_in_doubt += _refused_people(inventory.refused_people)
    for file in inventory.pages:
        page = _read_page(file, problems)
        if page is not None:
            area.pages[page.path] = page
    for file in inventory.attachments:
        attachment = read_attachment(file, problems)
        if attachment is not None:
            area.attachments[attachment.name] = attachment
    # However many problems one file has, the log stays readable.
    problems[:] = at_most_per_file(problems)
    return area


def _shown_from(base: str) -> Callable[[str], str]:
    def show(path: str) -> str:
        relative = os.path.relpath(path, base)
        return path if relative.startswith("..") else relative.replace(os.sep, "/")

    return show


# A preview loads the area again after every edit: a file it has read before, with
# the same bytes, is not parsed again. Keyed by all that the reading depends on.
_READ: dict[tuple[object, ...], tuple[ReadEntry | None, list[Problem], list[Mention]]] = {}
_MOST_READ = 100_000


_Read = tuple[ReadEntry | None, list[Problem], list[Mention]]


def _read_entries(
    files: list[tuple[Collection, ContentFile]], area: Area, problems: list[Problem]
) -> list[ReadEntry | None]:
    """`_read_entry` of each file, in order, on every core; what a file with the same
    bytes gave before is not read again."""
    keys = [_read_key(collection, file, area) for collection, file in files]
    if len(_READ) + len(files) > _MOST_READ:
        _READ.clear()
    unread = [n for n, key in enumerate(keys) if key is None or key not in _READ]
    read = forked_map(lambda n: _read_apart(*files[n], area.today), unread)
    fresh = dict(zip(unread, read, strict=True))
    items = []
    for n, key in enumerate(keys):
        result = fresh[n] if n in fresh else _READ[key]  # type: ignore[index]
        if key is not None:
            _READ[key] = result
        item, found, doubted = result
        problems += found
        area.people_in_doubt += doubted
        items.append(item)
    return items


def _read_key(collection: Collection, file: ContentFile, area: Area) -> tuple[object, ...] | None:
    """All that reading the file depends on, its bytes' digest among it; None if unreadable."""
    data = _bytes_of(file.path)
    if data is None:
        return None
    return (collection.name, file.path, file.shown, area.today, hashlib.sha256(data).digest())


def _read_apart(collection: Collection, file: ContentFile, today: date) -> _Read:
    """`_read_entry` with its problems and the people it leaves in doubt, apart from the area."""
    scratch = Area(root="", today=today)
    found: list[Problem] = []
    item = _read_entry(collection, file, scratch, found)
    return item, found, scratch.people_in_doubt


# By file: the digest of the bytes last read, and what they gave.
_REGISTERS: dict[tuple[str, str], tuple[bytes, list[Record], list[Problem]]] = {}


def _read_register_once(file: ContentFile, problems: list[Problem]) -> list[Record]:
    """`read_register`, or what it gave for this file with the same bytes."""
    data = _bytes_of(file.path)
    if data is None:
        return read_register(file.path, file.shown, problems)
    key, digest = (file.path, file.shown), hashlib.sha256(data).digest()
    if key not in _REGISTERS or _REGISTERS[key][0] != digest:
        found: list[Problem] = []
        _REGISTERS[key] = (digest, read_register(file.path, file.shown, found), found)
    _, records, found = _REGISTERS[key]
    problems += found
    return records


def _bytes_of(path: str) -> bytes | None:
    try:
        return bytes_at_most(path, MAX_FILE_BYTES + 1)
    except OSError:
        return None


def _read_entry(
    collection: Collection, file: ContentFile, area: Area, problems: list[Problem]
) -> ReadEntry | None:
    """One entry's fields and body, checked; its file name is checked beside them."""
    entry_id = _checked_id(file, problems)
    text = read_text(file.path, file.shown, problems)
    if text is None:
        return None
    record = entry_record(text, file.shown, problems)
    if record is None:
        if collection is PRACTITIONERS:
            area.people_in_doubt += _mentions_in(text)
        return None
    values = read_fields(record, collection.fields, problems)
    problems += bound_problems(record.body, record.path, record.body_line)
    problems += markup_problems(record.body, record.path, record.body_line)
    problems += empty_section_problems(record.body, record.path, record.body_line)
    return ReadEntry(collection.name, entry_id, record, values)


def _checked_id(file: ContentFile, problems: list[Problem]) -> str:
    """The entry's id: its file name, or what it would be, with a problem if not valid."""
    if is_reserved_id(file.name):
        problems.append(
            Problem(
                file.shown,
                1,
                "",
                f"'{file.name}.md' is a name the site uses for its own listing pages: "
                "rename the file, e.g. by adding a word from its title",
            )
        )
    elif not SLUG.match(file.name):
        fixed = slugify(file.name) or "my-entry"
        problems.append(
            Problem(
                file.shown,
                1,
                "",
                f"file name '{file.name}.md' is not a valid id: use lower-case letters, digits "
                f"and hyphens, e.g. '{fixed}.md'",
            )
        )
        return fixed
    return file.name


def _read_page(file: ContentFile, problems: list[Problem]) -> PartnershipPage | None:
    """A page of the partnership's: an optional title, and a body checked like an entry's."""
    text = read_text(file.path, file.shown, problems)
    if text is None:
        return None
    title, body, body_line = "", text, 1
    if split_front_matter(text) is not None:
        record = entry_record(text, file.shown, problems)
        if record is None:
            return None
        title = read_fields(record, PAGE_FIELDS, problems)["title"] or ""
        body, body_line = record.body, record.body_line
    problems += bound_problems(body, file.shown, body_line)
    problems += markup_problems(body, file.shown, body_line)
    return PartnershipPage(file.name, file.shown, title, body, body_line)


def _unbuilt_people(read: list[ReadEntry], area: Area) -> list[Mention]:
    """Names and addresses of people whose file gave no practitioner: they stay unnamed."""
    mentions = []
    for item in read:
        if item.collection_name != PRACTITIONERS.name or item.id in area.practitioners:
            continue
        name, contact = item.values.get("name"), item.values.get("contact")
        if isinstance(name, str) and name:
            mentions.append(Mention(name, contact if isinstance(contact, str) else ""))
    return mentions


def _refused_people(files: list[ContentFile]) -> list[Mention]:
    """Whoever a file refused in practitioners/ names: when in doubt, no one is published."""
    found: list[Mention] = []
    for file in files:
        try:
            data = bytes_at_most(file.path, MAX_FILE_BYTES)
        except OSError:
            continue
        found += _mentions_in(data.decode("utf-8", "replace"))
    return found


def _mentions_in(text: str) -> list[Mention]:
    name = _NAME_LINE.search(text)
    contact = _CONTACT_LINE.search(text)
    if name is None and contact is None:
        return []
    return [Mention(name.group(1) if name else "", contact.group(1) if contact else "")]
