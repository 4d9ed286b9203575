"""The page of each published case study, hub and expert: facts, body, relations."""

from __future__ import annotations

import re

from ..contract.model import CaseStudy, Hub, Practitioner
from ..contract.problems import Problem
from ..parallel import forked_map
from ..progress import Progress
from ..publishing.rules import is_searchable
from .layout import LISTING_PAGE, Layout, SitePage
from .search import search_record
from .urls import page_uri

_LINK = re.compile(r"^(https?://|mailto:)\S+$")


def entry_pages(layout: Layout) -> list[SitePage]:
    """Every entry's page: listed and archived case studies, hubs, listed experts."""
    ix = layout.ix
    entries: list[CaseStudy | Hub | Practitioner] = [*ix.case_studies, *ix.archived, *ix.hubs]
    entries += ix.practitioners

    pages = []
    progress = Progress("Entry pages laid out", len(entries), layout.told)
    for page, problems in forked_map(lambda entry: entry_page(layout, entry), entries, progress):
        pages.append(page)
        layout.problems += problems
    return pages


def entry_page(
    layout: Layout, entry: CaseStudy | Hub | Practitioner
) -> tuple[SitePage, list[Problem]]:
    """One entry's page, and the problems found in laying it out (not kept in `layout`)."""
    reported = len(layout.problems)
    page = _ENTRY_PAGES[type(entry)](layout, entry)  # type: ignore[operator]
    problems = layout.problems[reported:]
    del layout.problems[reported:]
    return page, problems


def _page(
    layout: Layout, entry: CaseStudy | Hub | Practitioner, template: str, **context: object
) -> SitePage:
    uri = page_uri(entry)
    body = layout.body(entry.body, uri, entry.path, entry.body_line)
    searchable = is_searchable(entry, layout.ix.area.today)
    html = layout.render(
        template,
        uri,
        entry=entry,
        body=body,
        record=search_record(entry, layout.ix) if searchable else None,
        **context,
    )
    summary = entry.role if isinstance(entry, Practitioner) else entry.summary
    return SitePage(uri, entry.title, html, summary, searchable, source=uri)


def case_study_page(layout: Layout, study: CaseStudy) -> SitePage:
    ix = layout.ix
    return _page(
        layout,
        study,
        "case_study.html.j2",
        contacts=[ix.area.practitioners[c] for c in study.contacts],
        unnamed=study.id in ix.area.unnamed_contacts,
        hub=ix.area.hubs.get(study.hub) if study.hub else None,
        related=ix.related(study.themes, study.schools, study.hub, frozenset({study.id})),
    )


def hub_page(layout: Layout, hub: Hub) -> SitePage:
    ix = layout.ix
    studies = ix.by_hub.get(hub.id, [])
    return _page(
        layout,
        hub,
        "hub.html.j2",
        studies=studies[:LISTING_PAGE],
        lead=ix.listed(hub.lead),
        join_url=hub.join if _LINK.match(hub.join) else None,
        join_label=hub.join.removeprefix("mailto:"),
        related=ix.related(hub.themes, (), None, frozenset(s.id for s in studies)),
    )


def practitioner_page(layout: Layout, person: Practitioner) -> SitePage:
    ix = layout.ix
    own = ix.by_practitioner.get(person.id)
    shown = frozenset(s.id for s in own.case_studies) if own else frozenset()
    schools = () if person.school is None else (person.school,)
    return _page(
        layout,
        person,
        "practitioner.html.j2",
        own=own,
        related=ix.related(person.themes, schools, None, shown),
    )


_ENTRY_PAGES = {CaseStudy: case_study_page, Hub: hub_page, Practitioner: practitioner_page}
