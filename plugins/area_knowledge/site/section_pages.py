"""The sections of the site: the home page, the listings, the map, search and sharing.

Listings are paged, so that none grows past a few hundred kilobytes however
large the area. The home page is written from the area's data, with the
partnership's own words from `content/index.md` inside it.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from markupsafe import Markup

from ..contract.schema import AVAILABILITY, DESIGNATIONS, OFFERS, PHASES
from ..publishing.knowledge_map import shown_rows
from ..publishing.rules import hub_is_active
from .charts import map_charts
from .feeds import AREA_FEED
from .layout import LISTING_PAGE, Layout, SitePage
from .share import share_form
from .subject_pages import studies_pages
from .urls import (
    HOME,
    LOCALITIES,
    MAP_PAGE,
    SCHOOLS,
    SEARCH_PAGE,
    SHARE_PAGE,
    THEMES,
    locality_uri,
    paginate,
)

NEWEST_ON_HOME = 5
# Themes and localities the expert finder offers at most.
FINDER_THEMES = 200
FINDER_LOCALITIES = 200


def section_pages(layout: Layout) -> Iterator[SitePage]:
    """The home page, every listing, the map, search, sharing and the partnership's pages."""
    yield home_page(layout)
    yield from case_study_listing(layout)
    yield from paged(
        layout,
        "hubs_index.html.j2",
        layout.ix.hubs,
        "hubs/index.md",
        "Hubs",
        active_count=sum(1 for h in layout.ix.hubs if hub_is_active(h)),
    )
    yield from paged(
        layout,
        "practitioners_index.html.j2",
        layout.ix.practitioners,
        "practitioners/index.md",
        "Experts",
        finder=finder_fields(layout),
    )
    yield from paged(
        layout,
        "themes_index.html.j2",
        layout.ix.themes,
        f"{THEMES}/index.md",
        "Themes",
        rows=layout.rows,
    )
    schools = [(name, school) for name, group in layout.ix.by_locality.items() for school in group]
    yield from paged(layout, "schools_index.html.j2", schools, f"{SCHOOLS}/index.md", "Schools")
    yield from localities_pages(layout)
    charts = Markup(map_charts(layout))
    yield SitePage(
        MAP_PAGE,
        "Knowledge map",
        layout.render("knowledge_map.html.j2", MAP_PAGE, charts=charts),
        "Where the area's practice, experts and hubs are, and where the gaps are",
    )
    yield SitePage(
        SEARCH_PAGE, "Search", layout.render("search.html.j2", SEARCH_PAGE), hide=("toc",)
    )
    form = share_form(layout.ix, layout.settings)
    yield SitePage(
        SHARE_PAGE,
        "Share your practice",
        layout.render("share.html.j2", SHARE_PAGE, form=form),
        "Propose a case study or list yourself as an expert",
        hide=("toc",),
    )
    yield from partnership_pages(layout)


def paged(
    layout: Layout, template: str, items: list[Any], first: str, title: str, **context: Any
) -> Iterator[SitePage]:
    """A listing in pages of LISTING_PAGE items."""
    for pager in paginate(items, first, LISTING_PAGE):
        html = layout.render(template, pager.uri, pager=pager, **context)
        yield SitePage(
            pager.uri, title if pager.number == 1 else f"{title}, page {pager.number}", html
        )


def case_study_listing(layout: Layout) -> Iterator[SitePage]:
    studies = layout.ix.case_studies
    pieces = "piece" if len(studies) == 1 else "pieces"
    intro = f"{len(studies)} {pieces} of practice from the area's schools, newest first."
    yield from studies_pages(
        layout, studies, "case-studies/index.md", "Case studies", [], intro, AREA_FEED
    )


def home_page(layout: Layout) -> SitePage:
    """The home page: search, the partnership's words, priorities, newest practice, figures."""
    area = layout.ix.area
    words = area.pages.get("index.md")
    html = layout.render(
        "home.html.j2",
        HOME,
        title=(words.title if words and words.title else layout.settings.site_name),
        words=layout.body(words.body, HOME, words.shown, words.body_line) if words else "",
        priorities=[row for row in layout.kmap.rows if row.theme.priority],
        newest=layout.ix.case_studies[:NEWEST_ON_HOME],
    )
    return SitePage(HOME, layout.settings.site_name, html, hide=("toc",))


def localities_pages(layout: Layout) -> Iterator[SitePage]:
    """The localities, with what each one's schools have to offer, in pages."""
    ix = layout.ix
    places = []
    for name, schools in ix.by_locality.items():
        listing = ix.in_locality[name]
        places.append(
            {
                "name": name,
                "uri": locality_uri(name),
                "schools": len(schools),
                "case_studies": len(listing.case_studies),
                "hubs": len(listing.hubs),
                "experts": len(listing.practitioners),
            }
        )
    return paged(layout, "localities_index.html.j2", places, f"{LOCALITIES}/index.md", "Localities")


def partnership_pages(layout: Layout) -> Iterator[SitePage]:
    for path, page in layout.ix.area.pages.items():
        if path == HOME:
            continue
        body = layout.body(page.body, path, page.shown, page.body_line)
        title = page.title or path.rpartition("/")[2][: -len(".md")].replace("-", " ").capitalize()
        yield SitePage(
            path, title, layout.render("page.html.j2", path, title=title, body=body), source=path
        )


def finder_fields(layout: Layout) -> list[dict[str, Any]]:
    """The expert finder's choices: each a facet of the search page."""
    # A vocabulary too long for one list offers its broad themes, which find their
    # sub-themes' experts too (search.py files an entry under each theme's parent).
    offered = [row.theme for row in shown_rows(layout.kmap.rows, FINDER_THEMES)]
    themes = [(t.title, ("– " if t.parent else "") + t.title) for t in offered]
    # The places that have experts: if more than a list can hold, those with most.
    ix = layout.ix
    placed = [name for name in ix.by_locality if ix.in_locality[name].practitioners]
    most = sorted(placed, key=lambda name: -len(ix.in_locality[name].practitioners))
    offered_places = set(most[:FINDER_LOCALITIES])
    localities = [(name, name) for name in placed if name in offered_places]
    return [
        {"name": "theme", "label": "Theme", "any": "Any theme", "options": themes},
        {"name": "locality", "label": "Locality", "any": "Anywhere", "options": localities},
        {"name": "phase", "label": "Phase", "any": "Any phase", "options": _labels(PHASES)},
        {
            "name": "designation",
            "label": "Designation",
            "any": "Any designation",
            "options": _labels(DESIGNATIONS),
        },
        {"name": "offer", "label": "Offers", "any": "Any support", "options": _labels(OFFERS)},
        {
            "name": "availability",
            "label": "Availability",
            "any": "Any availability",
            "options": _labels(AVAILABILITY),
        },
    ]


def _labels(names: dict[str, str]) -> list[tuple[str, str]]:
    return [(label, label) for label in names.values()]
