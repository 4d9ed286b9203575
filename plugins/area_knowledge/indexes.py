"""The cross-indexes: for each theme, school, hub and person, what points at it.

`build_indexes` applies the contract's publishing rules first (drafts out,
archived case studies reachable but unlisted, withdrawn or expired people
nowhere) and then inverts the published entries in one pass.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field
from functools import cached_property

from .model import Area, CaseStudy, Hub, Practitioner, School, Theme

RELATED_LIMIT = 5
RELATED_SCAN = 100
WITHHELD = "[name withheld]"


@dataclass
class Listing:
    """Everything published under one key, grouped by kind."""

    case_studies: list[CaseStudy] = field(default_factory=list)
    hubs: list[Hub] = field(default_factory=list)
    practitioners: list[Practitioner] = field(default_factory=list)


@dataclass
class SchoolListing(Listing):
    hosted_hubs: list[Hub] = field(default_factory=list)


@dataclass
class PersonListing:
    case_studies: list[CaseStudy] = field(default_factory=list)
    hubs: list[Hub] = field(default_factory=list)


@dataclass
class Indexes:
    """The published area, cross-indexed. Lists are in the order pages show them."""

    area: Area
    case_studies: list[CaseStudy]
    archived: list[CaseStudy]
    hubs: list[Hub]
    practitioners: list[Practitioner]
    hidden_practitioners: list[Practitioner]
    by_theme: dict[str, Listing]
    by_school: dict[int, SchoolListing]
    by_practitioner: dict[str, PersonListing]
    by_hub: dict[str, list[CaseStudy]]
    children: dict[str, list[Theme]]

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

    def withhold(self, text: str) -> str:
        """`text` with the name of every person the site must not show replaced."""
        if self._withheld_names is None:
            return text
        # Most pages name nobody hidden: a plain search is far cheaper than the pattern.
        lowered = text.lower()
        if not any(name in lowered for name in self._hidden_lowered):
            return text
        return self._withheld_names.sub(WITHHELD, text)

    @cached_property
    def _hidden_names(self) -> list[str]:
        """Names to withhold, longest first: a listed namesake's name is theirs to show."""
        listed = {p.name.strip().lower() for p in self.practitioners}
        names = {p.name.strip() for p in self.hidden_practitioners if p.name.strip()}
        return sorted((n for n in names if n.lower() not in listed), key=len, reverse=True)

    @cached_property
    def _hidden_lowered(self) -> list[str]:
        return [name.lower() for name in self._hidden_names]

    @cached_property
    def _withheld_names(self) -> re.Pattern[str] | None:
        if not self._hidden_names:
            return None
        # Hyphens and apostrophes belong to a name, so that "Ann Lee" is not
        # withheld out of a listed "Ann Lee-Smith".
        return re.compile(
            "|".join(rf"(?<![\w'’-]){re.escape(name)}(?![\w'’-])" for name in self._hidden_names),
            re.IGNORECASE,
        )

    def listed(self, practitioner_id: str | None) -> Practitioner | None:
        """The person, if the site may name them; None if hidden or unknown."""
        if practitioner_id is None:
            return None
        person = self.area.practitioners.get(practitioner_id)
        return person if person is not None and person.is_listed(self.area.today) else None

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
            for study in self._direct_theme[theme_id][:RELATED_SCAN]:
                scores[study.id] += 2
        for urn in schools:
            listing = self.by_school.get(urn)
            for study in listing.case_studies if listing else ():
                scores[study.id] += 3
        if hub:
            for study in self.by_hub.get(hub, []):
                scores[study.id] += 1
        studies = self.area.case_studies
        ranked = sorted(
            (study_id for study_id in scores if study_id not in exclude),
            key=lambda i: (-scores[i], -studies[i].published.toordinal(), studies[i].title),
        )
        return [studies[i] for i in ranked[:RELATED_LIMIT]]

    _direct_theme: dict[str, list[CaseStudy]] = field(default_factory=dict)


def build_indexes(area: Area) -> Indexes:
    """Apply the publishing rules and invert the published entries, in one pass each."""
    today = area.today
    listed_studies = sorted(
        (s for s in area.case_studies.values() if s.status == "published"),
        key=lambda s: (-s.published.toordinal(), s.title.lower()),
    )
    archived = sorted(
        (s for s in area.case_studies.values() if s.status == "archived"),
        key=lambda s: (-s.published.toordinal(), s.title.lower()),
    )
    hubs = sorted(area.hubs.values(), key=lambda h: (h.status != "active", h.title.lower()))
    people = [p for p in area.practitioners.values() if p.is_listed(today)]
    people.sort(key=lambda p: (_surname(p.name), p.name.lower()))
    hidden = [p for p in area.practitioners.values() if not p.is_listed(today)]

    children: dict[str, list[Theme]] = defaultdict(list)
    for theme in area.themes.values():
        if theme.parent:
            children[theme.parent].append(theme)

    def theme_keys(theme_ids: tuple[str, ...]) -> list[str]:
        keys: list[str] = []
        for theme_id in theme_ids:
            for key in (theme_id, area.themes[theme_id].parent):
                if key and key not in keys:
                    keys.append(key)
        return keys

    by_theme: dict[str, Listing] = {theme_id: Listing() for theme_id in area.themes}
    direct: dict[str, list[CaseStudy]] = defaultdict(list)
    by_school: dict[int, SchoolListing] = defaultdict(SchoolListing)
    by_practitioner: dict[str, PersonListing] = {p.id: PersonListing() for p in people}
    by_hub: dict[str, list[CaseStudy]] = {h.id: [] for h in hubs}

    for study in listed_studies:
        for key in theme_keys(study.themes):
            by_theme[key].case_studies.append(study)
        for theme_id in study.themes:
            direct[theme_id].append(study)
        for urn in study.schools:
            by_school[urn].case_studies.append(study)
        for person_id in study.contacts:
            if person_id in by_practitioner:
                by_practitioner[person_id].case_studies.append(study)
        if study.hub:
            by_hub[study.hub].append(study)
    for study in archived:
        for urn in study.schools:
            by_school[urn]
    for hub in hubs:
        # A closed hub keeps its page and its place in history, not in theme listings.
        for key in theme_keys(hub.themes) if hub.status == "active" else ():
            by_theme[key].hubs.append(hub)
        if hub.host_school is not None:
            by_school[hub.host_school].hosted_hubs.append(hub)
        for urn in hub.member_schools:
            by_school[urn].hubs.append(hub)
        if hub.lead in by_practitioner:
            by_practitioner[hub.lead].hubs.append(hub)
    for person in people:
        for key in theme_keys(person.themes):
            by_theme[key].practitioners.append(person)
        if person.school is not None:
            by_school[person.school].practitioners.append(person)

    return Indexes(
        area=area,
        case_studies=listed_studies,
        archived=archived,
        hubs=hubs,
        practitioners=people,
        hidden_practitioners=hidden,
        by_theme=by_theme,
        by_school=dict(by_school),
        by_practitioner=by_practitioner,
        by_hub=by_hub,
        children=dict(children),
        _direct_theme=direct,
    )


def _surname(name: str) -> str:
    return name.split()[-1].lower() if name.split() else ""
