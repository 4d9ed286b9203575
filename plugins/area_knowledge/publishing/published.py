"""The published area: the only view of the content that the site is made from.

`publish` applies the rules (`rules.py`) and withholds every person the site
must not name before anything is laid out: the entries it returns hold no
hidden person, no reference to one, and no mention of one in any text field.
Whoever renders them cannot leak what they were never given.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date

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
from ..contract.schema import PRACTITIONERS
from ..reading.attachments import attachment_text
from .folding import fold
from .rules import has_page, person_is_listed
from .withholding import Mentions


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
    mentions = _mentions(area, people, mailbox)
    problems: list[Problem] = []
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
    return PublishedArea(
        today=today,
        mailbox=mailbox,
        themes={t.id: _theme(t, mentions) for t in area.themes.values()},
        schools=dict(area.schools),
        case_studies={i: _case_study(s, people, hubs, mentions) for i, s in studies.items()},
        hubs=hubs,
        practitioners={i: _person(p, mentions) for i, p in people.items()},
        pages={
            path: replace(
                page, title=mentions.withhold(page.title), body=withheld_body(page.body, mentions)
            )
            for path, page in area.pages.items()
            if page.shown not in faulty
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
    problems.append(
        Problem(
            attachment.shown or attachment.name,
            1,
            "",
            f"is left off the site: {why} a person who is no longer listed: "
            "attach a copy without their name",
            "warning",
        )
    )
    return False


def _unnamed(entry: CaseStudy | Hub, mentions: Mentions, problems: list[Problem]) -> bool:
    """Whether the entry's web address, its file name, names no one the site must not show."""
    if not _names_anyone(entry.id, mentions):
        return True
    problems.append(
        Problem(
            entry.path,
            1,
            "",
            "is left off the site: its file name names a person who is no longer "
            "listed, and would be its web address: rename the file",
            "warning",
        )
    )
    return False


def _mentions(area: Area, listed: dict[str, Practitioner], mailbox: str) -> Mentions:
    """Everyone the site must not name, less names and addresses a listed person shares."""
    hidden = [(p.name, p.contact) for p in area.practitioners.values() if p.id not in listed] + [
        (m.name, m.contact) for m in area.people_in_doubt
    ]
    shown_names = {fold(p.name) for p in listed.values()}
    shown_addresses = {fold(p.contact) for p in listed.values() if p.contact}
    return Mentions(
        (name for name, _ in hidden if fold(name) not in shown_names),
        (contact for _, contact in hidden if contact and fold(contact) not in shown_addresses),
        mailbox,
        shown_names=shown_names,
        dedications=_dedications(area),
    )


def _dedications(area: Area) -> set[str]:
    """Names of schools, trusts and places: a person's name inside one is not them."""
    names: set[str] = set()
    for school in area.schools.values():
        names.update(text for text in (school.name, school.trust, school.locality) if text)
    return names


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


def _theme(theme: Theme, mentions: Mentions) -> Theme:
    return replace(
        theme,
        title=mentions.withhold(theme.title),
        description=mentions.withhold(theme.description),
        aliases=tuple(mentions.withhold(alias) for alias in theme.aliases),
    )
