"""The knowledge map as pictures, drawn at build time as SVG: no script, no other host.

Two charts, each a figure with a title, a description and its table beside it:
how much the area has on each theme (case studies, experts and hubs as bars),
and a grid of themes by locality showing where practice exists and where it
does not. Geometry is worked out here; the markup is in the templates.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..publishing.knowledge_map import place_grid
from .layout import Layout

ROW = 13
LABEL = 250
BAR_WIDTH = 420
SERIES = (
    ("case_studies", "Case studies", "#3949ab"),
    ("experts", "Experts", "#b3541e"),
    ("hubs", "Active hubs", "#2e7d32"),
)
CELL = 34
GRID_LABEL = 250


@dataclass(frozen=True)
class Bar:
    x: int
    y: int
    width: int
    colour: str
    value: int
    label: str


def map_charts(layout: Layout) -> str:
    """Both charts, as the map page shows them."""
    return layout.render(
        "charts.html.j2",
        "map/index.md",
        coverage=coverage(layout),
        grid=grid(layout),
        series=SERIES,
    )


def coverage(layout: Layout) -> dict[str, object]:
    """Three bars a theme, scaled to the largest count on the map."""
    rows = layout.kmap.shown
    largest = max((getattr(row, name) for row in rows for name, _, _ in SERIES), default=0) or 1
    band = ROW * len(SERIES) + 9
    themes = []
    for index, row in enumerate(rows):
        top = 30 + index * band
        bars = [
            Bar(
                LABEL,
                top + offset * ROW,
                bar_length(getattr(row, name), largest),
                colour,
                getattr(row, name),
                label,
            )
            for offset, (name, label, colour) in enumerate(SERIES)
        ]
        themes.append({"row": row, "y": top, "bars": bars})
    return {"themes": themes, "height": 30 + len(rows) * band, "width": LABEL + BAR_WIDTH + 60}


def bar_length(count: int, largest: int) -> int:
    """Width of a bar: none for nothing, and never too thin to see for one."""
    return max(2, round(BAR_WIDTH * count / largest)) if count else 0


def grid(layout: Layout) -> dict[str, object]:
    """A cell a theme and locality: its number of case studies, shaded by how many."""
    places = place_grid(layout.ix, tuple(row.theme for row in layout.kmap.shown))
    largest = max((count for _, counts in places.rows for count in counts), default=0) or 1
    cells = [
        {
            "theme": theme,
            "y": 90 + row_index * CELL,
            "cells": [
                {"x": GRID_LABEL + column * CELL, "count": count, "shade": _shade(count, largest)}
                for column, count in enumerate(counts)
            ],
        }
        for row_index, (theme, counts) in enumerate(places.rows)
    ]
    return {
        "places": [
            {"name": name, "x": GRID_LABEL + index * CELL + CELL // 2}
            for index, name in enumerate(places.places)
        ],
        "rows": cells,
        "other_places": places.other_places,
        "width": GRID_LABEL + len(places.places) * CELL + 10,
        "height": 90 + len(places.rows) * CELL + 10,
        "cell": CELL,
    }


def _shade(count: int, largest: int) -> str:
    """No practice is pale red and marked; more practice is a darker blue."""
    if count == 0:
        return "none"
    step = min(3, 1 + (3 * count) // (largest + 1))
    return f"some-{step}"
