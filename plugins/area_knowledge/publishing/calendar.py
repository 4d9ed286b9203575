"""Dates as the sector counts them: years on and back, and the academic year."""

from __future__ import annotations

from datetime import date


def years_after(day: date, years: int) -> date:
    """The same day `years` years on (or back, when negative); 29 February becomes the 28th."""
    try:
        return day.replace(year=day.year + years)
    except ValueError:
        return day.replace(year=day.year + years, day=28)


def years_before(day: date, years: int) -> date:
    """The same day `years` years earlier."""
    return years_after(day, -years)


def academic_year(day: date) -> int:
    """The academic year a day falls in, by the year it starts: 1 September to 31 August."""
    return day.year if day.month >= 9 else day.year - 1


def academic_year_name(start: int) -> str:
    """An academic year as schools write it: 2025/26."""
    return f"{start}/{(start + 1) % 100:02d}"


def academic_year_span(start: int) -> tuple[date, date]:
    """The first and last day of the academic year starting in September of `start`."""
    return date(start, 9, 1), date(start + 1, 8, 31)
