"""A preview's next site from its last: after an edit to bodies only, only their pages.

A hub lead previewing a large area mostly rewrites the text of one entry. Its
body is shown on its own page and nowhere else (listings, search filters,
exports and the map are made from the fields), so when every field, register,
page and attachment is as it was, the site is the last one with those entries'
pages laid out again. Anything else is laid out in full, as a build would.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import fields, replace
from operator import attrgetter
from typing import Any

from ..contract.model import Area, CaseStudy, Hub, Practitioner
from ..contract.problems import Problem
from ..publishing.published import withheld_body
from ..settings import Settings
from .entry_pages import entry_page
from .source import SiteSource, show_problems, site_source
from .urls import page_uri

Entry = CaseStudy | Hub | Practitioner
_COLLECTIONS = ("case_studies", "hubs", "practitioners")


def next_source(
    previous: SiteSource | None,
    last: Area | None,
    area: Area,
    settings: Settings,
    told: Callable[[str], None] | None = None,
) -> SiteSource:
    """The preview's site for `area`, from `previous` (made from `last`) where it can be;
    `told` hears how far a whole layout has gone."""
    if previous is not None and last is not None and previous.layout is not None:
        changed = bodies_changed(last, area)
        if changed is not None:
            return _with_bodies(previous, area, changed)
    return site_source(area, settings, preview=True, told=told)


def bodies_changed(last: Area, area: Area) -> list[Entry] | None:
    """The entries of `area` whose body alone differs from `last`; None if more changed."""
    if last.today != area.today or last.faulty_paths != area.faulty_paths:
        return None
    if last.people_in_doubt != area.people_in_doubt or last.pages != area.pages:
        return None
    if _attachments(last) != _attachments(area):
        return None
    for name in ("themes", "schools"):
        if not _same_values(getattr(last, name), getattr(area, name), ()):
            return None
    changed: list[Entry] = []
    for name in _COLLECTIONS:
        before, after = getattr(last, name), getattr(area, name)
        if not _same_values(before, after, ("body",)):
            return None
        changed += [entry for key, entry in after.items() if entry.body != before[key].body]
    return changed


def _with_bodies(previous: SiteSource, area: Area, changed: list[Entry]) -> SiteSource:
    """`previous` with the page of each changed entry laid out again."""
    layout = previous.layout
    assert layout is not None
    paths = {entry.path for entry in changed}
    layout.problems = [p for p in layout.problems if not _of_body(p, paths)]
    published = previous.published
    pages = {page.uri: page for page in previous.pages}
    for entry in changed:
        shown: dict[str, Any] = getattr(published, _collection_of(entry))
        if entry.id not in shown:
            continue
        entry = replace(shown[entry.id], body=withheld_body(entry.body, published.mentions))
        shown[entry.id] = entry
        page, problems = entry_page(layout, entry)
        pages[page_uri(entry)] = page
        layout.problems += problems
    source = replace(previous, pages=list(pages.values()), files=dict(previous.files))
    source.problems = layout.problems
    show_problems(source, area, layout)
    return source


def _same_values(before: dict[Any, Any], after: dict[Any, Any], but: tuple[str, ...]) -> bool:
    """Whether two collections hold the same items with the same values, `but` aside."""
    if before.keys() != after.keys():
        return False
    return all(_values(before[key], but) == _values(item, but) for key, item in after.items())


def _values(item: Any, but: tuple[str, ...]) -> tuple[Any, ...]:
    key = (type(item), but)
    if key not in _GETTERS:
        _GETTERS[key] = attrgetter(*(f.name for f in fields(item) if f.name not in but))
    return _GETTERS[key](item)  # type: ignore[no-any-return]


_GETTERS: dict[tuple[type, tuple[str, ...]], attrgetter[Any]] = {}


def _attachments(area: Area) -> dict[str, bytes]:
    return {name: attachment.data for name, attachment in area.attachments.items()}


def _of_body(problem: Problem, paths: set[str]) -> bool:
    return problem.field == "body" and problem.path in paths


def _collection_of(entry: Entry) -> str:
    if isinstance(entry, CaseStudy):
        return "case_studies"
    return "hubs" if isinstance(entry, Hub) else "practitioners"
