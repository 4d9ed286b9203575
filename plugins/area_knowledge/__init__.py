"""The core of the site: the area's knowledge, loaded, checked, resolved and cross-indexed.

Nothing in this package imports MkDocs except `mkdocs_plugin`, the adapter.
"""

from __future__ import annotations

from .indexes import Indexes, build_indexes
from .model import Area, CaseStudy, Hub, Practitioner, Problem, School, Theme
from .resolution import load_area

__all__ = [
    "Area",
    "CaseStudy",
    "Hub",
    "Indexes",
    "Practitioner",
    "Problem",
    "School",
    "Theme",
    "build_indexes",
    "load_area",
]
