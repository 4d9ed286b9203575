"""The knowledge map: does the area know what the area knows?

For each theme, how much the area has to offer (case studies, experts, hubs
and the schools behind them), and where the gaps are, in the terms a
partnership reports to its board. Only what the site publishes is counted:
listed case studies, listed people and active hubs.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from ..contract.model import CaseStudy, Practitioner, School, Theme
from ..settings import DEFAULT_REVIEW_YEARS
from .calendar import years_before
from .indexes import Indexes
from .rules import hub_is_active

# A theme is strong when its knowledge is spread over at least this many schools.
STRONG_SCHOOLS = 3

LEVELS: dict[str, str] = {
    "none": "None",
    "thin": "Thin",
    "some": "Some",
    "strong": "Strong",
}

LEVEL_MEANINGS: dict[str, str] = {
    "none": "no case study, expert or hub yet",
    "thin": "only one of case studies, experts and hubs",
    "some": "two of case studies, experts and hubs, or all three from fewer than "
    f"{STRONG_SCHOOLS} schools",
    "strong": f"case studies, experts and a hub, from at least {STRONG_SCHOOLS} schools",
}

# Themes the map's charts and tables show at most. A longer vocabulary is shown by its
# broad themes (each counting its sub-themes), and if even those are more, by the
# priorities and the themes with most case studies: every theme is in the exports.
MAP_THEMES = 60

# What a priority theme can lack, by key, as a report names it.
GAP_KINDS: dict[str, str] = {
    "case-study": "case study",
    "expert": "expert",
    "hub": "hub",
}


@dataclass(frozen=True)
class ThemeRow:
    """One theme on the map; a broader theme's counts include its sub-themes."""

    theme: Theme
    case_studies: int
    experts: int
    available_experts: int
    hubs: int
    schools: int
    level: str

    @property
    def missing(self) -> tuple[str, ...]:
        """Keys of `GAP_KINDS` this theme has none of."""
        counts = {"case-study": self.case_studies, "expert": self.experts, "hub": self.hubs}
        return tuple(kind for kind in GAP_KINDS if not counts[kind])


@dataclass(frozen=True)
class PriorityGap:
    """A priority theme and what it has none of (keys of `GAP_KINDS`)."""

    theme: Theme
    missing: tuple[str, ...]


@dataclass(frozen=True)
class Gaps:
    """Where the area does not know what it knows, each list in the order a page shows it."""

    priority_themes: tuple[PriorityGap, ...]
    themes_without_experts: tuple[Theme, ...]
    experts_without_case_studies: tuple[Practitioner, ...]
    schools_not_sharing: tuple[School, ...]
    case_studies_due_review: tuple[CaseStudy, ...]

    def priority_themes_without(self, kind: str) -> tuple[Theme, ...]:
        """Priority themes with no `kind` (a key of `GAP_KINDS`)."""
        return tuple(gap.theme for gap in self.priority_themes if kind in gap.missing)


@dataclass(frozen=True)
class Headlines:
    """The figures a partnership reports to its board and local authority."""

    member_schools: int
    sharing_schools: int
    sharing_percent: int
    themes: int
    themes_with_available_expert: int
    case_studies: int
    active_hubs: int
    experts: int
    priority_themes: int
    priority_themes_with_gap: int


@dataclass(frozen=True)
class KnowledgeMap:
    """The map of one area on one day."""

    today: date
    review_years: int
    review_cutoff: date
    headlines: Headlines
    rows: tuple[ThemeRow, ...]
    gaps: Gaps
    # The rows the map's charts and tables show (`shown_rows`), in the vocabulary's order.
    shown: tuple[ThemeRow, ...] = ()

    @property
    def broad_only(self) -> bool:
        """Whether the map shows broad themes only, each with its sub-themes' figures."""
        broad = sum(1 for row in self.rows if not row.theme.parent)
        return len(self.shown) < len(self.rows) and len(self.shown) == broad


def knowledge_map(indexes: Indexes, review_years: int = DEFAULT_REVIEW_YEARS) -> KnowledgeMap:
    """The knowledge map of the published area: a row per theme, the gaps and the headlines."""
    area = indexes.area
    rows = tuple(theme_row(indexes, theme) for theme in indexes.themes)
    cutoff = years_before(area.today, review_years)
    gaps = Gaps(
        priority_themes=tuple(
            PriorityGap(row.theme, row.missing)
            for row in rows
            if row.theme.priority and row.missing
        ),
        themes_without_experts=tuple(
            row.theme for row in rows if row.case_studies and not row.experts
        ),
        experts_without_case_studies=tuple(
            person
            for person in indexes.practitioners
            if not indexes.by_practitioner[person.id].case_studies
        ),
        schools_not_sharing=tuple(
            school
            for school in sorted(area.schools.values(), key=lambda s: s.name.lower())
            if school.member and not shares(indexes, school.urn)
        ),
        case_studies_due_review=tuple(
            sorted(
                (s for s in indexes.case_studies if s.last_confirmed < cutoff),
                key=lambda s: (s.last_confirmed, s.title.lower()),
            )
        ),
    )
    members = {urn for urn, school in area.schools.items() if school.member}
    sharing = {urn for urn in members if shares(indexes, urn)}
    priorities = [row for row in rows if row.theme.priority]
    headlines = Headlines(
        member_schools=len(members),
        sharing_schools=len(sharing),
        sharing_percent=round(100 * len(sharing) / len(members)) if members else 0,
        themes=len(rows),
        themes_with_available_expert=sum(1 for row in rows if row.available_experts),
        case_studies=len(indexes.case_studies),
        active_hubs=sum(1 for hub in indexes.hubs if hub_is_active(hub)),
        experts=len(indexes.practitioners),
        priority_themes=len(priorities),
        priority_themes_with_gap=len(gaps.priority_themes),
    )
    return KnowledgeMap(
        today=area.today,
        review_years=review_years,
        review_cutoff=cutoff,
        headlines=headlines,
        rows=rows,
        gaps=gaps,
        shown=shown_rows(rows),
    )


def shown_rows(rows: tuple[ThemeRow, ...], most: int = MAP_THEMES) -> tuple[ThemeRow, ...]:
    """The rows a page of the map can show: all of a vocabulary of at most `most`;
    else its broad themes; else the `most` broad themes that are priorities or have
    most case studies, in the vocabulary's order."""
    if len(rows) <= most:
        return rows
    broad = [(at, row) for at, row in enumerate(rows) if not row.theme.parent]
    if len(broad) > most:
        ranked = sorted(
            broad, key=lambda item: (not item[1].theme.priority, -item[1].case_studies, item[0])
        )
        broad = sorted(ranked[:most], key=lambda item: item[0])
    return tuple(row for _, row in broad)


def theme_row(indexes: Indexes, theme: Theme) -> ThemeRow:
    """What the area has to offer on one theme, its sub-themes included."""
    listing = indexes.by_theme[theme.id]
    hubs = listing.active_hubs
    people = listing.practitioners
    schools = {
        *(urn for study in listing.case_studies for urn in study.schools),
        *(urn for hub in hubs for urn in hub.member_schools),
        *(person.school for person in people if person.school is not None),
    }
    return ThemeRow(
        theme=theme,
        case_studies=len(listing.case_studies),
        experts=len(people),
        available_experts=sum(1 for person in people if person.availability == "available"),
        hubs=len(hubs),
        schools=len(schools),
        level=knowledge_level(len(listing.case_studies), len(people), len(hubs), len(schools)),
    )


def knowledge_level(case_studies: int, experts: int, hubs: int, schools: int) -> str:
    """How much the area knows on a theme, as a key of `LEVELS` (see `LEVEL_MEANINGS`)."""
    kinds = sum(1 for count in (case_studies, experts, hubs) if count)
    if kinds == 0:
        return "none"
    if kinds == 1:
        return "thin"
    if kinds == 3 and schools >= STRONG_SCHOOLS:
        return "strong"
    return "some"


def shares(indexes: Indexes, urn: int) -> bool:
    """Whether a school has shared practice: it is named on a listed case study."""
    listing = indexes.by_school.get(urn)
    return listing is not None and bool(listing.case_studies)


# Localities the theme-by-place grid shows at most: the ones with most schools.
GRID_PLACES = 12


@dataclass(frozen=True)
class PlaceGrid:
    """Case studies on each theme from each locality's schools: where practice is, and is not."""

    places: tuple[str, ...]
    rows: tuple[tuple[Theme, tuple[int, ...]], ...]
    other_places: int


def place_grid(indexes: Indexes, themes: tuple[Theme, ...]) -> PlaceGrid:
    """The grid of `themes` (sub-themes counted in their parent) by the largest localities."""
    ranked = sorted(indexes.by_locality.items(), key=lambda item: (-len(item[1]), item[0]))
    places = tuple(name for name, _ in ranked[:GRID_PLACES])
    counts: dict[tuple[str, str], int] = {}
    for place in places:
        for study in indexes.in_locality[place].case_studies:
            on = {t for theme_id in study.themes for t in _with_parent(indexes, theme_id)}
            for theme_id in on:
                counts[(theme_id, place)] = counts.get((theme_id, place), 0) + 1
    rows = tuple(
        (theme, tuple(counts.get((theme.id, place), 0) for place in places)) for theme in themes
    )
    return PlaceGrid(places, rows, len(ranked) - len(places))


def _with_parent(indexes: Indexes, theme_id: str) -> tuple[str, ...]:
    parent = indexes.area.themes[theme_id].parent
    return (theme_id, parent) if parent else (theme_id,)
