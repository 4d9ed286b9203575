"""What each page gives the search index: its kind, facets, sort keys and result text.

Pagefind reads these from the page's markup; the templates write them. Only
pages that get a `SearchRecord` are indexed, so listings, the home page and
anything unpublished never are.
"""

from __future__ import annotations

import subprocess
from dataclasses import dataclass, field

from .indexes import Indexes
from .model import CaseStudy, Hub, Practitioner, School, Theme
from .schema import AVAILABILITY, DESIGNATIONS, EVIDENCE, OFFERS, PHASES

# Facets in the order the search page shows them, with their headings.
FACETS: dict[str, str] = {
    "kind": "Kind",
    "theme": "Theme",
    "phase": "Phase",
    "evidence": "Strength of evidence",
    "school": "School",
    "hub": "Hub",
    "designation": "Designation",
    "offer": "Offers",
    "availability": "Availability",
}

KINDS = {
    CaseStudy: "Case study",
    Hub: "Hub",
    Practitioner: "Practitioner",
    Theme: "Theme",
    School: "School",
}


@dataclass(frozen=True)
class SearchRecord:
    """A page as the search index sees it."""

    kind: str
    filters: dict[str, list[str]]
    summary: str
    themes: str
    published: str = ""
    # Words that find the page without being on it: the aliases of its themes.
    also_known_as: list[str] = field(default_factory=list)


def search_record(
    subject: CaseStudy | Hub | Practitioner | Theme | School, indexes: Indexes
) -> SearchRecord:
    """The search facets and result text of a page about `subject`."""
    area = indexes.area
    kind = KINDS[type(subject)]
    filters: dict[str, list[str]] = {"kind": [kind]}
    theme_ids: tuple[str, ...] = ()
    summary = ""
    published = ""
    if isinstance(subject, Theme):
        theme_ids = (subject.id,)
        summary = subject.description
    elif isinstance(subject, School):
        listing = indexes.by_school.get(subject.urn)
        theme_ids = tuple(
            dict.fromkeys(t for s in (listing.case_studies if listing else []) for t in s.themes)
        )
        filters["school"] = [subject.name]
        filters["phase"] = [PHASES[p] for p in subject.phases]
        summary = " · ".join(p for p in (subject.phase, subject.type, subject.locality) if p)
    else:
        theme_ids = subject.themes
    if isinstance(subject, CaseStudy):
        summary = subject.summary
        published = subject.published.isoformat()
        filters["school"] = [area.schools[urn].name for urn in subject.schools]
        filters["phase"] = [PHASES[p] for p in subject.phases]
        if subject.hub and subject.hub in area.hubs:
            filters["hub"] = [area.hubs[subject.hub].title]
        if subject.strongest_evidence:
            filters["evidence"] = [EVIDENCE[subject.strongest_evidence]]
    elif isinstance(subject, Hub):
        summary = subject.summary
        filters["school"] = [area.schools[urn].name for urn in subject.member_schools]
        filters["hub"] = [subject.title]
    elif isinstance(subject, Practitioner):
        school = area.schools.get(subject.school) if subject.school else None
        summary = subject.role + (f", {school.name}" if school else "")
        if school:
            filters["school"] = [school.name]
        filters["phase"] = [PHASES[p] for p in subject.phases]
        filters["designation"] = [DESIGNATIONS[d] for d in subject.designations]
        filters["offer"] = [OFFERS[o] for o in subject.offers]
        filters["availability"] = [AVAILABILITY[subject.availability]]

    with_parents = list(
        dict.fromkeys(
            key for theme_id in theme_ids for key in (theme_id, area.themes[theme_id].parent) if key
        )
    )
    filters["theme"] = [area.themes[t].title for t in with_parents]
    return SearchRecord(
        kind=kind,
        filters={name: values for name, values in filters.items() if values},
        summary=indexes.withhold(summary),
        themes=", ".join(area.themes[t].title for t in theme_ids),
        published=published,
        also_known_as=[alias for t in with_parents for alias in area.themes[t].aliases],
    )


def build_search_index(site_dir: str) -> str:
    """Run Pagefind over a built site; its summary, or `RuntimeError` with its output."""
    from pagefind_bin import get_executable

    result = subprocess.run(
        [str(get_executable()), "--site", site_dir],
        capture_output=True,
        text=True,
        check=False,
    )
    if result.returncode != 0:
        raise RuntimeError((result.stderr or result.stdout).strip())
    return " ".join(line.strip() for line in result.stdout.splitlines() if "Indexed" in line)
