"""The core of the site: an area's knowledge read, checked, published and laid out.

The path of the data is the layout of the package: `contract` (the schema and
the model made from it), `reading` (content files to an `Area`), `publishing`
(what may be published, withheld, listed and counted), `site` (the whole
published site, and the finishing step over what an engine built) and
`engines` (the only code that imports an engine). Nothing outside `engines`
imports MkDocs.
"""

from __future__ import annotations

from .contract.model import Area, CaseStudy, Hub, Practitioner, School, Theme
from .contract.problems import Problem
from .publishing.indexes import Indexes, build_indexes
from .publishing.published import PublishedArea, publish
from .reading.area import load_area

__all__ = [
    "Area",
    "CaseStudy",
    "Hub",
    "Indexes",
    "Practitioner",
    "Problem",
    "PublishedArea",
    "School",
    "Theme",
    "build_indexes",
    "load_area",
    "publish",
]
