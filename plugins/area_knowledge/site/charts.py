"""The knowledge map as pictures, drawn at build time as SVG."""

from __future__ import annotations

from .layout import Layout


def map_charts(layout: Layout) -> str:
    """The map's charts as HTML; empty until they are drawn."""
    return ""
