"""The published area: the only view of the content that the site is made from.

`publish` applies the rules (`rules.py`) and withholds every person the site
must not name before anything is laid out: the entries it returns hold no
hidden person, no reference to one, and no mention of one in any text field.
Whoever renders them cannot leak what they were never given.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import date
from typing import TypeVar

from ..contract.model import (
    Area,
    Attachment,
    CaseStudy,
    Hub,
    Impact,
    PartnershipPage,
    Practitioner,
    School,
    Theme,
)
from ..contract.problems import Problem
from ..contract.schema import PRACTITIONERS, THEMES_FILE
from ..reading.attachments import attachment_text
from .folding import fold
from .name_forms import NameForms, joined, name_forms, surname_of
from .rules import has_page, person_is_listed
from .withholding import Mentions

_Themed = TypeVar("_Themed", CaseStudy, Hub, Practitioner)
# Why a file is left off whose name names someone withheld.
_NAMED_BY_FILE = (
    "its file name names a person who is no longer listed, and would be its web address"
)


@dataclass(frozen=True)
class PublishedArea:
    """What the site may show, each text already withheld."""

    today: date
    mailbox: str
    themes: dict[str, Theme]
    schools: dict[int, School]
    case_studies: dict[str, CaseStudy]
    hubs: dict[str, Hub]
    practitioners: dict[str, Practitioner]
    pages: dict[str, PartnershipPage]
    attachments: dict[str, Attachment]
    # Case studies that named someone the site may not show: they point to the mailbox.
    unnamed_contacts: frozenset[str]
    mentions: Mentions
    # Where hidden people's pages would be: no file may link there.
    withheld_pages: tuple[str, ...]
    # Entries left off the site for what publishing them would reveal.
    problems: tuple[Problem, ...] = ()


def publish(area: Area, mailbox: str) -> PublishedArea:
    """The area as the site may show it, on the area's day."""
    faulty = area.faulty_paths
    today = area.today
    people = {
        p.id: p
        for p in area.practitioners.values()
        if p.path not in faulty and person_is_listed(p, today)
    }
    problems: list[Problem] = []
    people = _not_listed_again(area, people, problems)
    mentions = _mentions(area, people, mailbox)
    people = _not_addressed_by_another(people, mentions, problems)
    problems += _named_places(area, people)
    studies = {
        s.id: s
        for s in area.case_studies.values()
        if s.path not in faulty and has_page(s, today) and _unnamed(s, mentions, problems)
    }
    hubs = {
        h.id: _hub(h, people, mentions)
        for h in area.hubs.values()
        if h.path not in faulty and _unnamed(h, mentions, problems)
    }
    addresses = _theme_addresses(area, mentions, problems)
    themes = {addresses[t.id]: _theme(t, addresses, mentions) for t in area.themes.values()}
    return PublishedArea(
        today=today,
        mailbox=mailbox,
        themes=themes,
        schools={urn: _school(school, mentions) for urn, school in area.schools.items()},
        case_studies={
            i: _themed(_case_study(s, people, hubs, mentions), addresses)
            for i, s in studies.items()
        },
        hubs={i: _themed(h, addresses) for i, h in hubs.items()},
        practitioners={i: _themed(_person(p, mentions), addresses) for i, p in people.items()},
        pages={
            path: replace(
                page, title=mentions.withhold(page.title), body=withheld_body(page.body, mentions)
            )
            for path, page in area.pages.items()
            if page.shown not in faulty and _page_unnamed(page, mentions, problems)
        },
        attachments={
            name: attachment
            for name, attachment in area.attachments.items()
            if _attachment_unnamed(attachment, mentions, problems)
        },
        unnamed_contacts=frozenset(
            s.id for s in studies.values() if any(c not in people for c in s.contacts)
        ),
        mentions=mentions,
        withheld_pages=tuple(
            f"{PRACTITIONERS.folder}/{p}" for p in sorted(set(area.practitioners) - set(people))
        ),
        problems=tuple(problems),
    )


def _not_listed_again(
    area: Area, listed: dict[str, Practitioner], problems: list[Problem]
) -> dict[str, Practitioner]:
    """The listed people less any who have the name or address of someone withheld, or a
    name that may be another way of writing theirs ("A. Lee", "Lee, Ann"), each with a
    warning.

    A second file for a person who withdrew would publish what the first withholds;
    when in doubt about a person, the site does not publish them.
    """
    withheld: dict[str, str] = {}
    for person in area.practitioners.values():
        if person.id not in listed:
            withheld |= {key: person.path for key in _keys_of(person.title, person.contact)}
    for mention in area.people_in_doubt:
        withheld |= {
            key: "a file that cannot be read" for key in _keys_of(mention.name, mention.contact)
        }
    names = {fold(key): path for key, path in withheld.items() if "@" not in key}
    written = _WrittenAs(names)
    kept = {}
    for person in listed.values():
        same = next(
            (withheld[k] for k in _keys_of(person.title, person.contact) if k in withheld), ""
        )
        if not same and (whose := written.whose(person.title)):
            # Perhaps the same person, perhaps not: left off, without stopping the site.
            why = (
                f"its name, '{person.title}', may be another way of writing that of {whose}, "
                "whom the site withholds"
            )
            problems.append(
                _left_off(person.path, why, "if it is someone else, give their name in full")
            )
            continue
        if not same:
            kept[person.id] = person
            continue
        # A warning, not an error: an error would stop the site, and the last one
        # published, still naming whoever just lapsed, would stay up.
        problems.append(
            _left_off(
                person.path,
                f"it has the name or address of {same}, whom the site withholds",
                "if they have agreed to be listed again, give the new consent and review_by "
                "in that file and delete this one; if it is someone else of the same name, "
                "the partnership must delete that file first",
            )
        )
    return kept


class _WrittenAs:
    """Whose withheld name a name is wholly another way of writing: "A. Lee", "Lee, Ann"
    or "AnnLee" may be Ann Lee, "Ms Ramaswamy" Priya Ramaswamy-Holt. Only the forms the
    guard looks for and those with half a surname and a title or initials: a looser one
    ("Ann-Marie Lee", "Ann Mary Lee") is too often someone else."""

    def __init__(self, names: dict[str, str]) -> None:
        """`names`: the folded names of withheld people, with the file that withholds each."""
        self._letters = {_letters(name): path for name, path in names.items()}
        # Each name's forms by the keys every one of them holds (pieces of the surname):
        # a listed name is matched only against those whose keys it holds.
        self._by_key: dict[str, list[tuple[NameForms, str]]] = {}
        for name, path in names.items():
            if forms := name_forms(name):
                for key in forms.keys:
                    self._by_key.setdefault(key, []).append((forms, path))
        self._compiled: dict[int, re.Pattern[str]] = {}

    def whose(self, name: str) -> str:
        """The file withholding the person `name` is a form of the name of, or ''."""
        if together := self._letters.get(_letters(name)):
            return together
        text = fold(name).strip()
        for piece in set(re.findall(r"[a-z]+", text)):
            for forms, path in self._by_key.get(piece, ()):
                if self._pattern(forms).fullmatch(text):
                    return path
        return ""

    def _pattern(self, forms: NameForms) -> re.Pattern[str]:
        if id(forms) not in self._compiled:
            self._compiled[id(forms)] = re.compile("|".join((*forms.patterns, *forms.halved)))
        return self._compiled[id(forms)]


def _letters(name: str) -> str:
    """A name's letters alone, folded: "AnnLee" and "Ann Lee" are the same."""
    return re.sub(r"[^a-z]", "", fold(name))


def _not_addressed_by_another(
    listed: dict[str, Practitioner], mentions: Mentions, problems: list[Problem]
) -> dict[str, Practitioner]:
    """The listed people less any whose file name, their page's web address, names
    someone withheld: "jane-doe.md" for Sam Doe would publish Jane Doe's name."""
    kept = {}
    for person in listed.values():
        if not _names_anyone(person.id.replace("/", " "), mentions):
            kept[person.id] = person
            continue
        own = re.compile(joined(fold(person.title), tight=True))
        rest = own.sub(" ", fold(person.id.replace("/", " ")))
        if _names_anyone(rest, mentions):
            problems.append(_left_off(person.path, _NAMED_BY_FILE, "rename the file"))
        else:
            kept[person.id] = person
    return kept


def _named_places(area: Area, listed: dict[str, Practitioner]) -> list[Problem]:
    """A warning for each school, trust or locality that holds a withheld person's name.

    A place may be named after a person ("The John Warner School"), so the register's
    names are published as they are; staff are told, in case it is the person.
    """
    places = [(urn, field, text, fold(text)) for urn, field, text in _place_names(area)]
    found = []
    for person in area.practitioners.values():
        if person.id in listed or " " not in fold(person.title):
            continue
        # The full name, or a compound surname, which the site withholds on its own too.
        surname = surname_of(person.title)
        names = [fold(person.title), *([surname] if "-" in surname else [])]
        pattern = re.compile("|".join(rf"(?<!\w){re.escape(n)}(?!\w)" for n in names))
        found += [
            Problem(
                person.path,
                1,
                "",
                f"is withheld, but the {field} of school {urn} in the register, '{text}', "
                + (
                    "is their name, which the site does not show there: correct the register"
                    if pattern.fullmatch(folded.strip())
                    else "holds their name and is published as it is: if the school is not "
                    "named after someone else, correct the register"
                ),
                "warning",
            )
            for urn, field, text, folded in places
            if pattern.search(folded)
        ]
    return found


def _place_names(area: Area) -> list[tuple[int, str, str]]:
    """(URN, field, text) of each school's name, trust and locality that is given."""
    return [
        (school.urn, field, text)
        for school in area.schools.values()
        for field, text in (
            ("name", school.name),
            ("trust", school.trust),
            ("locality", school.locality),
        )
        if text
    ]


def _keys_of(name: str, contact: str) -> set[str]:
    """A person's folded name, and their address as it reads, whatever marks its name
    holds: "p.ramaswamyholt@" is "p.ramaswamy-holt@"."""
    local, at, domain = fold(contact).partition("@")
    address = re.sub(r"[._+-]", "", local) + at + domain
    return {key for key in (fold(name), address) if key}


def _names_anyone(file_name: str, mentions: Mentions) -> bool:
    """Whether a file name names someone: "ann-lee-coaching.md" names Ann Lee."""
    return bool(mentions.found(file_name.replace("-", " ").replace("_", " ")))


def _attachment_unnamed(
    attachment: Attachment, mentions: Mentions, problems: list[Problem]
) -> bool:
    """Whether neither the attachment's name nor the text it holds names someone withheld."""
    if _names_anyone(attachment.name, mentions):
        why = "its file name names"
    elif mentions.found(attachment_text(attachment)):
        why = "its text names"
    else:
        return True
    where = attachment.shown or attachment.name
    problems.append(
        _left_off(
            where, f"{why} a person who is no longer listed", "attach a copy without their name"
        )
    )
    return False


def _theme_addresses(area: Area, mentions: Mentions, problems: list[Problem]) -> dict[str, str]:
    """Each theme's id as the site publishes it: its own, or, where it names someone
    withheld, a neutral one ("theme-1"), since it is the theme page's web address.

    A theme cannot be left off as an entry is: every entry on it would lose it.
    """
    addresses = {theme_id: theme_id for theme_id in area.themes}
    count = 0
    for theme_id, theme in sorted(area.themes.items()):
        if not _names_anyone(theme_id, mentions):
            continue
        count += 1
        while f"theme-{count}" in area.themes:
            count += 1
        addresses[theme_id] = neutral = f"theme-{count}"
        problems.append(
            Problem(
                theme.written_at[0] or THEMES_FILE,
                theme.written_at[1],
                "id",
                f"'{theme_id}' names a person who is no longer listed, and would "
                f"be its theme page's web address: the site publishes it as '{neutral}': "
                "give it another id",
                "warning",
            )
        )
    return addresses


def _themed(entry: _Themed, addresses: dict[str, str]) -> _Themed:
    """The entry with its themes by the ids the site publishes them under."""
    themes = tuple(addresses.get(theme_id, theme_id) for theme_id in entry.themes)
    return entry if themes == entry.themes else replace(entry, themes=themes)


def _page_unnamed(page: PartnershipPage, mentions: Mentions, problems: list[Problem]) -> bool:
    """Whether the partnership page's web address, its file name, names no one withheld."""
    if not _names_anyone(page.path.replace("/", " "), mentions):
        return True
    problems.append(_left_off(page.shown, _NAMED_BY_FILE, "rename the file"))
    return False


def _unnamed(entry: CaseStudy | Hub, mentions: Mentions, problems: list[Problem]) -> bool:
    """Whether the entry's web address, its file name, names no one the site must not show."""
    if not _names_anyone(entry.id, mentions):
        return True
    problems.append(_left_off(entry.path, _NAMED_BY_FILE, "rename the file"))
    return False


def _left_off(path: str, why: str, fix: str) -> Problem:
    """The warning for a file the site leaves off for whom it would name."""
    return Problem(path, 1, "", f"is left off the site: {why}: {fix}", "warning")


def _mentions(area: Area, listed: dict[str, Practitioner], mailbox: str) -> Mentions:
    """Everyone the site must not name, less names and addresses a listed person shares."""
    hidden = [(p.name, p.contact) for p in area.practitioners.values() if p.id not in listed] + [
        (m.name, m.contact) for m in area.people_in_doubt
    ]
    shown_names = {fold(p.name) for p in listed.values()}
    shown_addresses = {fold(p.contact) for p in listed.values() if p.contact}
    names = [name for name, _ in hidden if fold(name) not in shown_names]
    addresses = [c for _, c in hidden if c and fold(c) not in shown_addresses]
    return Mentions(
        names,
        addresses,
        mailbox,
        shown_names=shown_names,
        dedications=_dedications(area, Mentions(names, [], mailbox, shown_names=shown_names)),
    )


def _dedications(area: Area, mentions: Mentions) -> set[str]:
    """Names of schools, trusts and places: a person's name inside one is not them.

    A place that is a withheld person's name and nothing more ("Priya Ramaswamy-Holt"
    as a locality) is no dedication: it would let every mention of them through.
    """
    return {text for _, _, text in _place_names(area) if not _wholly_named(text, mentions)}


def _wholly_named(text: str, mentions: Mentions) -> bool:
    """Whether `text` is a withheld person's name, in any form, and nothing more."""
    text = text.strip()
    return any(start == 0 and end == len(text) for start, end, _ in mentions.found(text))


def _school(school: School, mentions: Mentions) -> School:
    """The school as the site shows it: a type, trust or locality that names someone
    withheld left off, a name that does withheld (names of places that merely hold
    theirs are dedications, left as they are)."""

    def kept(text: str) -> str:
        return "" if mentions.withhold(text) != text else text

    shown = replace(
        school,
        name=mentions.withhold(school.name),
        type=kept(school.type),
        trust=kept(school.trust),
        locality=kept(school.locality),
    )
    same = (shown.name, shown.type, shown.trust, shown.locality) == (
        school.name,
        school.type,
        school.trust,
        school.locality,
    )
    return school if same else shown


def withheld_body(body: str, mentions: Mentions) -> str:
    """A body with every mention withheld, its placeholder kept as text by Markdown."""
    # Markdown reads the brackets of the placeholder as text once escaped.
    return mentions.withhold(body).replace("[name withheld]", "\\[name withheld\\]")


def _case_study(
    study: CaseStudy, people: dict[str, Practitioner], hubs: dict[str, Hub], mentions: Mentions
) -> CaseStudy:
    return replace(
        study,
        title=mentions.withhold(study.title),
        summary=mentions.withhold(study.summary),
        body=withheld_body(study.body, mentions),
        contacts=tuple(c for c in study.contacts if c in people),
        hub=study.hub if study.hub in hubs else None,
        impact=tuple(
            Impact(mentions.withhold(i.measure), mentions.withhold(i.result), i.evidence)
            for i in study.impact
        ),
        more=_more(study.more, mentions),
    )


def _hub(hub: Hub, people: dict[str, Practitioner], mentions: Mentions) -> Hub:
    return replace(
        hub,
        title=mentions.withhold(hub.title),
        summary=mentions.withhold(hub.summary),
        body=withheld_body(hub.body, mentions),
        lead=hub.lead if hub.lead in people else None,
        meets=mentions.withhold(hub.meets),
        join=mentions.withhold(hub.join),
        more=_more(hub.more, mentions),
    )


def _person(person: Practitioner, mentions: Mentions) -> Practitioner:
    return replace(
        person,
        role=mentions.withhold(person.role),
        body=withheld_body(person.body, mentions),
        more=_more(person.more, mentions),
    )


def _more(
    values: tuple[tuple[str, object], ...], mentions: Mentions
) -> tuple[tuple[str, object], ...]:
    """Values of fields the model does not name, every text in them withheld: a field
    added to the schema is withheld before anyone writes code for it."""
    return tuple((name, _withheld_value(value, mentions)) for name, value in values)


def _withheld_value(value: object, mentions: Mentions) -> object:
    if isinstance(value, str):
        return mentions.withhold(value)
    if isinstance(value, tuple):
        return tuple(_withheld_value(item, mentions) for item in value)
    return value


def _theme(theme: Theme, addresses: dict[str, str], mentions: Mentions) -> Theme:
    return replace(
        theme,
        id=addresses[theme.id],
        parent=addresses.get(theme.parent, theme.parent) if theme.parent else None,
        title=mentions.withhold(theme.title),
        description=mentions.withhold(theme.description),
        aliases=tuple(mentions.withhold(alias) for alias in theme.aliases),
    )
