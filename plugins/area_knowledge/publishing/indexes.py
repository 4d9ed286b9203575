"""The cross-indexes: for each theme, school, locality, hub and person, what points at it.

`build_indexes` inverts the published area in one pass. Lists are in the
order pages show them: case studies newest first, hubs active first, people
by surname.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from ..contract.model import CaseStudy, Hub, Practitioner, School, Theme
from .published import PublishedArea
from .rules import hub_is_active, is_listed

RELATED_LIMIT = 5
RELATED_SCAN = 100
# Schools without a locality are grouped under this name, wherever localities are shown.
NO_LOCALITY = "Other"


@dataclass
class Listing:
    """Everything published under one key, grouped by kind."""

    case_studies: list[CaseStudy] = field(default_factory=list)
    hubs: list[Hub] = field(default_factory=list)
    practitioners: list[Practitioner] = field(default_factory=list)

    @property
    def active_hubs(self) -> list[Hub]:
        return [hub for hub in self.hubs if hub_is_active(hub)]


@dataclass
class SchoolListing(Listing):
    hosted_hubs: list[Hub] = field(default_factory=list)


@dataclass
class PersonListing:
    case_studies: list[CaseStudy] = field(default_factory=list)
    hubs: list[Hub] = field(default_factory=list)


@dataclass
class Indexes:
    """The published area, cross-indexed."""

    area: PublishedArea
    case_studies: list[CaseStudy]
    archived: list[CaseStudy]
    hubs: list[Hub]
    practitioners: list[Practitioner]
    by_theme: dict[str, Listing]
    by_school: dict[int, SchoolListing]
    by_locality: dict[str, list[School]]
    in_locality: dict[str, Listing]
    by_practitioner: dict[str, PersonListing]
    by_hub: dict[str, list[CaseStudy]]
    children: dict[str, list[Theme]]
    direct_theme: dict[str, list[CaseStudy]]

    @property
    def themes(self) -> list[Theme]:
        """Themes in register order, each parent followed by its sub-themes."""
        ordered: list[Theme] = []
        for theme in self.area.themes.values():
            if theme.parent is None:
                ordered.append(theme)
                ordered.extend(self.children.get(theme.id, []))
        return ordered

    @property
    def schools_with_pages(self) -> list[School]:
        """Schools named by any page of the site, by name."""
        return sorted(
            (self.area.schools[urn] for urn in self.by_school), key=lambda s: s.name.lower()
        )

    def listed(self, practitioner_id: str | None) -> Practitioner | None:
        """The person, if the site may name them; None if hidden or unknown."""
        return self.area.practitioners.get(practitioner_id) if practitioner_id else None

    def related(
        self,
        themes: tuple[str, ...],
        schools: tuple[int, ...],
        hub: str | None = None,
        exclude: frozenset[str] = frozenset(),
    ) -> list[CaseStudy]:
        """Up to five listed case studies that share themes or schools, best first.

        A shared school weighs more than a shared theme: practice from the same
        school is the likeliest next read.
        """
        scores: dict[str, int] = defaultdict(int)
        for theme_id in themes:
            # The newest of a popular theme are enough to choose five from, and
            # keep the cost per page flat however big the area grows.
            for study in self.direct_theme.get(theme_id, [])[:RELATED_SCAN]:
                scores[study.id] += 2
        for urn in schools:
            listing = self.by_school.get(urn)
            for study in listing.case_studies[:RELATED_SCAN] if listing else ():
                scores[study.id] += 3
        for study in self.by_hub.get(hub, [])[:RELATED_SCAN] if hub else ():
            scores[study.id] += 1
        studies = self.area.case_studies
        ranked = sorted(
            (study_id for study_id in scores if study_id not in exclude),
            key=lambda i: (-scores[i], -studies[i].published.toordinal(), studies[i].title),
        )
        return [studies[i] for i in ranked[:RELATED_LIMIT]]


def locality_of(school: School) -> str:
    """The locality a school is grouped under: its own, or 'Other'."""
    return school.locality or NO_LOCALITY


def build_indexes(area: PublishedArea) -> Indexes:
    """Invert the published entries, in one pass each."""
    today = area.today
    newest_first = sorted(
        area.case_studies.values(), key=lambda s: (-s.published.toordinal(), s.title.lower())
    )
    listed = [s for s in newest_first if is_listed(s, today)]
    hubs = sorted(area.hubs.values(), key=lambda h: (not hub_is_active(h), h.title.lower()))
    people = sorted(area.practitioners.values(), key=lambda p: (_surname(p.name), p.name.lower()))
    children: dict[str, list[Theme]] = defaultdict(list)
    for theme in area.themes.values():
        if theme.parent:
            children[theme.parent].append(theme)
    indexes = Indexes(
        area=area,
        case_studies=listed,
        archived=[s for s in newest_first if not is_listed(s, today)],
        hubs=hubs,
        practitioners=people,
        by_theme={theme_id: Listing() for theme_id in area.themes},
        by_school=defaultdict(SchoolListing),
        by_locality=defaultdict(list),
        in_locality=defaultdict(Listing),
        by_practitioner={p.id: PersonListing() for p in people},
        by_hub={h.id: [] for h in hubs},
        children=dict(children),
        direct_theme=defaultdict(list),
    )
    _invert_case_studies(indexes)
    _invert_hubs(indexes)
    _invert_people(indexes)
    for school in sorted(area.schools.values(), key=lambda s: s.name.lower()):
        indexes.by_locality[locality_of(school)].append(school)
    _invert_localities(indexes)
    indexes.by_school = dict(indexes.by_school)
    indexes.by_locality = dict(sorted(indexes.by_locality.items(), key=_locality_order))
    indexes.direct_theme = dict(indexes.direct_theme)
    return indexes


def _theme_keys(area: PublishedArea, theme_ids: tuple[str, ...]) -> list[str]:
    """Each theme and its parent, once: a broader theme lists its sub-themes' entries."""
    keys: list[str] = []
    for theme_id in theme_ids:
        for key in (theme_id, area.themes[theme_id].parent):
            if key and key not in keys:
                keys.append(key)
    return keys


def _invert_case_studies(ix: Indexes) -> None:
    for study in ix.case_studies:
        for key in _theme_keys(ix.area, study.themes):
            ix.by_theme[key].case_studies.append(study)
        for theme_id in study.themes:
            ix.direct_theme[theme_id].append(study)
        for urn in study.schools:
            ix.by_school[urn].case_studies.append(study)
        for person_id in study.contacts:
            ix.by_practitioner[person_id].case_studies.append(study)
        if study.hub:
            ix.by_hub[study.hub].append(study)
    for study in ix.archived:
        for urn in study.schools:
            ix.by_school[urn]  # an archived case study's school keeps its page


def _invert_hubs(ix: Indexes) -> None:
    for hub in ix.hubs:
        for key in _theme_keys(ix.area, hub.themes) if hub_is_active(hub) else ():
            ix.by_theme[key].hubs.append(hub)
        if hub.host_school is not None:
            ix.by_school[hub.host_school].hosted_hubs.append(hub)
        for urn in hub.member_schools:
            ix.by_school[urn].hubs.append(hub)
        if hub.lead in ix.by_practitioner:
            ix.by_practitioner[hub.lead].hubs.append(hub)


def _invert_people(ix: Indexes) -> None:
    for person in ix.practitioners:
        for key in _theme_keys(ix.area, person.themes):
            ix.by_theme[key].practitioners.append(person)
        if person.school is not None:
            ix.by_school[person.school].practitioners.append(person)


def _invert_localities(ix: Indexes) -> None:
    """What the schools of each locality shared, each entry once per locality."""
    schools = ix.area.schools

    def places(urns: tuple[int, ...]) -> list[str]:
        return list(dict.fromkeys(locality_of(schools[urn]) for urn in urns if urn in schools))

    for study in ix.case_studies:
        for place in places(study.schools):
            ix.in_locality[place].case_studies.append(study)
    for hub in ix.hubs:
        for place in places(hub.member_schools) if hub_is_active(hub) else ():
            ix.in_locality[place].hubs.append(hub)
    for person in ix.practitioners:
        for place in places(() if person.school is None else (person.school,)):
            ix.in_locality[place].practitioners.append(person)
    ix.in_locality = {name: ix.in_locality[name] for name in ix.by_locality}


def _locality_order(item: tuple[str, list[School]]) -> tuple[bool, str]:
    return item[0] == NO_LOCALITY, item[0].lower()


def _surname(name: str) -> str:
    return name.split()[-1].lower() if name.split() else ""
