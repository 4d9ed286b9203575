"""What each page gives the search index: its kind, facets, sort key and result card.

Pagefind reads these from the page's markup, which the templates write; only
pages that get a `SearchRecord` are indexed, so listings, the home page and
anything unpublished never are. Words that find a page without being on it
(the aliases of its themes) are indexed too, out of sight.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ..contract.model import CaseStudy, Hub, Practitioner, School, Theme
from ..contract.schema import AVAILABILITY, DESIGNATIONS, EVIDENCE, OFFERS, PHASES
from ..publishing.indexes import Indexes, locality_of

# Facets in the order the search page shows them, with their headings.
FACETS: dict[str, str] = {
    "kind": "Kind",
    "theme": "Theme",
    "locality": "Locality",
    "phase": "Phase",
    "evidence": "Strength of evidence",
    "school": "School",
    "hub": "Hub",
    "designation": "Designation",
    "offer": "Offers",
    "availability": "Availability",
}

# What readers call each kind of page, wherever it is shown.
KINDS: dict[str, str] = {
    "case-study": "Case study",
    "hub": "Hub",
    "practitioner": "Expert",
    "theme": "Theme",
    "school": "School",
    "locality": "Locality",
}

Subject = CaseStudy | Hub | Practitioner | Theme | School
# Themes a school's page is found by at most.
SCHOOL_THEMES = 100


@dataclass(frozen=True)
class SearchRecord:
    """A page as the search index sees it."""

    title: str
    filters: dict[str, list[str]]
    meta: dict[str, str]
    published: str = ""
    # Words that find the page without being on it: its themes and their aliases.
    also_known_as: list[str] = field(default_factory=list)
    # How much those words count: an entry is what a reader wants; a theme's or a
    # school's page only points to entries, so its words count for little.
    weight: float = 2.0


def search_record(subject: Subject, ix: Indexes) -> SearchRecord:
    """The facets and result card of the page about `subject`."""
    filters, meta = _described(subject, ix)
    theme_ids = _theme_ids(subject, ix)
    with_parents = list(
        dict.fromkeys(
            key
            for theme_id in theme_ids
            for key in (theme_id, ix.area.themes[theme_id].parent)
            if key
        )
    )
    filters["theme"] = [ix.area.themes[t].title for t in with_parents]
    if theme_ids and not isinstance(subject, Theme):
        meta["themes"] = ", ".join(ix.area.themes[t].title for t in theme_ids)
    return SearchRecord(
        title=subject.name if isinstance(subject, School) else subject.title,
        filters={name: values for name, values in filters.items() if values},
        meta={name: value for name, value in meta.items() if value},
        published=subject.published.isoformat() if isinstance(subject, CaseStudy) else "",
        also_known_as=_also_known_as(subject, ix, with_parents),
        weight=0.5 if isinstance(subject, (Theme, School)) else 2.0,
    )


def _also_known_as(subject: Subject, ix: Indexes, theme_ids: list[str]) -> list[str]:
    """An entry's themes and their aliases; a theme's aliases; nothing for a school."""
    if isinstance(subject, School):
        return []
    themes = [ix.area.themes[t] for t in theme_ids]
    titles = [] if isinstance(subject, Theme) else [theme.title for theme in themes]
    return titles + [alias for theme in themes for alias in theme.aliases]


def locality_record(name: str, schools: list[School]) -> SearchRecord:
    """The search record of a locality's page."""
    return SearchRecord(
        title=name,
        filters={"kind": [KINDS["locality"]], "locality": [name]},
        meta={"kind": KINDS["locality"], "summary": f"{len(schools)} schools in {name}"},
        weight=0.5,
    )


def _theme_ids(subject: Subject, ix: Indexes) -> tuple[str, ...]:
    if isinstance(subject, Theme):
        return (subject.id,)
    if isinstance(subject, School):
        listing = ix.by_school.get(subject.urn)
        studies = listing.case_studies if listing else []
        # Those of its newest practice, as many as a page's facets should carry: a school
        # named by every entry of a long vocabulary would otherwise carry them all.
        return tuple(dict.fromkeys(t for s in studies for t in s.themes))[:SCHOOL_THEMES]
    return subject.themes


def _described(subject: Subject, ix: Indexes) -> tuple[dict[str, list[str]], dict[str, str]]:
    """Filters and card text by kind: where it is, who did it, how strong, how available."""
    area = ix.area
    if isinstance(subject, Theme):
        return {"kind": [KINDS["theme"]]}, {"kind": KINDS["theme"], "summary": subject.description}
    if isinstance(subject, School):
        return _school(subject)
    schools = _schools_of(subject, ix)
    filters = {
        "school": [s.name for s in schools],
        "locality": list(dict.fromkeys(locality_of(s) for s in schools)),
    }
    meta = {"where": _where(schools)}
    if isinstance(subject, CaseStudy):
        filters.update(
            kind=[KINDS["case-study"]],
            phase=[PHASES[p] for p in subject.phases],
            hub=[area.hubs[subject.hub].title] if subject.hub else [],
            evidence=[EVIDENCE[subject.strongest_evidence]] if subject.strongest_evidence else [],
        )
        meta.update(kind=KINDS["case-study"], summary=subject.summary)
        meta["evidence"] = filters["evidence"][0] if filters["evidence"] else ""
    elif isinstance(subject, Hub):
        filters.update(kind=[KINDS["hub"]], hub=[subject.title])
        meta.update(kind=KINDS["hub"], summary=subject.summary)
    else:
        filters.update(
            kind=[KINDS["practitioner"]],
            phase=[PHASES[p] for p in subject.phases],
            designation=[DESIGNATIONS[d] for d in subject.designations],
            offer=[OFFERS[o] for o in subject.offers],
            availability=[AVAILABILITY[subject.availability]],
        )
        meta.update(
            kind=KINDS["practitioner"],
            summary=subject.role,
            availability=AVAILABILITY[subject.availability],
            offers=", ".join(OFFERS[o] for o in subject.offers),
        )
    return filters, meta


def _school(school: School) -> tuple[dict[str, list[str]], dict[str, str]]:
    filters = {
        "kind": [KINDS["school"]],
        "school": [school.name],
        "locality": [locality_of(school)],
        "phase": [PHASES[p] for p in school.phases],
    }
    summary = " · ".join(p for p in (school.phase, school.type) if p and p != "Not applicable")
    return filters, {"kind": KINDS["school"], "summary": summary, "where": locality_of(school)}


def _schools_of(subject: CaseStudy | Hub | Practitioner, ix: Indexes) -> list[School]:
    schools = ix.area.schools
    if isinstance(subject, CaseStudy):
        urns: tuple[int, ...] = subject.schools
    elif isinstance(subject, Hub):
        urns = subject.member_schools
    else:
        urns = () if subject.school is None else (subject.school,)
    return [schools[urn] for urn in urns if urn in schools]


def _where(schools: list[School]) -> str:
    """The school and town, as a result card shows them: 'Alder Primary, Northside'."""
    if not schools:
        return ""
    names = ", ".join(s.name for s in schools[:2]) + (
        f" and {len(schools) - 2} more" if len(schools) > 2 else ""
    )
    places = list(dict.fromkeys(s.locality for s in schools if s.locality))
    return names + (f" · {', '.join(places[:3])}" if places else "")
