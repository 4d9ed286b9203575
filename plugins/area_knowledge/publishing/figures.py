"""Figures a partnership reports to its board: by academic year, since a day, and reviews due.

"How many schools shared practice this year?" counts member schools named on
a listed case study published in the year (1 September to 31 August). Only
what the site publishes is counted. Listings due for review are read from the
whole area, since a withheld listing is one staff must act on.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from ..contract.model import Area
from .calendar import academic_year, academic_year_name, academic_year_span
from .indexes import Indexes
from .rules import person_is_listed


@dataclass(frozen=True)
class PeriodFigures:
    """What the area shared in one period."""

    period: str
    start: date
    end: date
    case_studies: int
    sharing_schools: int
    member_schools: int
    new_experts: int


@dataclass(frozen=True)
class Review:
    """A listing to confirm: its file, its review date, and why it is here."""

    path: str
    review_by: date
    state: str  # "due", "expired" or "withdrawn"


def period_figures(ix: Indexes, period: str, start: date, end: date) -> PeriodFigures:
    """The figures of `start` to `end`, both included."""
    members = {urn for urn, school in ix.area.schools.items() if school.member}
    studies = [s for s in ix.case_studies if start <= s.published <= end]
    sharing = {urn for study in studies for urn in study.schools} & members
    experts = [p for p in ix.practitioners if start <= p.consent <= end]
    return PeriodFigures(period, start, end, len(studies), len(sharing), len(members), len(experts))


def by_academic_year(ix: Indexes) -> list[PeriodFigures]:
    """The figures of every academic year since the first case study, the current one last."""
    today = ix.area.today
    days = [s.published for s in ix.case_studies] + [p.consent for p in ix.practitioners]
    first = academic_year(min(days, default=today))
    return [
        period_figures(ix, academic_year_name(year), *academic_year_span(year))
        for year in range(first, academic_year(today) + 1)
    ]


def since(ix: Indexes, day: date) -> PeriodFigures:
    """The figures from `day` to the area's day."""
    return period_figures(ix, f"since {day.isoformat()}", day, ix.area.today)


def reviews(area: Area, days: int) -> list[Review]:
    """Listings whose review is due within `days`, and those the site already withholds."""
    horizon = area.today + timedelta(days=days)
    found = []
    for person in area.practitioners.values():
        if person.status == "withdrawn":
            found.append(Review(person.path, person.review_by, "withdrawn"))
        elif not person_is_listed(person, area.today):
            found.append(Review(person.path, person.review_by, "expired"))
        elif person.review_by <= horizon:
            found.append(Review(person.path, person.review_by, "due"))
    return sorted(found, key=lambda review: (review.review_by, review.path))
