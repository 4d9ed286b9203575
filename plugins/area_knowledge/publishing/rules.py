"""The contract's publishing rules, decided once: what has a page, a listing, a search record.

- A case study that is a draft appears nowhere; an archived one keeps its page,
  marked, but leaves every listing and the search index.
- A practitioner is listed only while their status is `listed` and their
  `review_by` date has not passed; otherwise they appear nowhere at all.
- A closed hub keeps its page and its place in history, not in theme listings,
  the map's counts or search.
- Any entry with an error in its file is left out, whatever else it holds:
  a strict build fails on the error, and any other build publishes nothing
  that has not been fully checked (fail closed).
"""

from __future__ import annotations

from datetime import date

from ..contract.model import CaseStudy, Entry, Hub, Practitioner


def has_page(entry: Entry, today: date) -> bool:
    """Whether the entry gets a page of its own (faults aside)."""
    if isinstance(entry, CaseStudy):
        return entry.status in ("published", "archived")
    if isinstance(entry, Practitioner):
        return person_is_listed(entry, today)
    return isinstance(entry, Hub)


def is_listed(entry: Entry, today: date) -> bool:
    """Whether the entry appears in listings, related lists, exports and search."""
    if isinstance(entry, CaseStudy):
        return entry.status == "published"
    return has_page(entry, today)


def is_searchable(entry: Entry, today: date) -> bool:
    """Whether search finds the entry: listed, and for a hub, still meeting."""
    if isinstance(entry, Hub):
        return hub_is_active(entry)
    return is_listed(entry, today)


def person_is_listed(person: Practitioner, today: date) -> bool:
    """Whether the site may name this person: listed, and not past their review date."""
    return person.status == "listed" and person.review_by >= today


def hub_is_active(hub: Hub) -> bool:
    """Whether the hub still meets: a closed hub is history, not somewhere to turn."""
    return hub.status == "active"
