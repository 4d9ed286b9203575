"""The pages that tie entries together: one per theme, per school and per locality.

Each shows the first of its lists and links to all of them: case studies in
paged listings of their own, hubs and experts through the search page's
filters. No page grows with the size of the area.
"""

from __future__ import annotations

from collections.abc import Iterator

from ..contract.model import CaseStudy, School, Theme
from ..publishing.indexes import locality_of
from .feeds import theme_feed
from .layout import FIRST_ITEMS, LISTING_PAGE, Layout, SitePage
from .search import KINDS, locality_record, search_record
from .urls import LOCALITIES, locality_uri, page_uri, paginate


def subject_pages(layout: Layout) -> Iterator[SitePage]:
    """Every theme's, school's and locality's page, with their paged case studies."""
    for theme in layout.ix.area.themes.values():
        yield from theme_pages(layout, theme)
    for school in layout.ix.schools_with_pages:
        yield from school_pages(layout, school)
    for name, schools in layout.ix.by_locality.items():
        yield from locality_pages(layout, name, schools)


def studies_pages(
    layout: Layout,
    studies: list[CaseStudy],
    first: str,
    heading: str,
    trail: list[tuple[str, object]],
    intro: str = "",
    feed: str | None = None,
) -> Iterator[SitePage]:
    """Case studies, newest first, in pages of LISTING_PAGE."""
    for pager in paginate(studies, first, LISTING_PAGE):
        html = layout.render(
            "case_studies_index.html.j2",
            pager.uri,
            pager=pager,
            heading=heading,
            trail=trail,
            intro=intro or _all_of(len(studies)),
            feed=feed,
        )
        title = heading if pager.number == 1 else f"{heading}, page {pager.number}"
        yield SitePage(pager.uri, title, html)


def theme_pages(layout: Layout, theme: Theme) -> Iterator[SitePage]:
    ix = layout.ix
    uri = page_uri(theme)
    listing = ix.by_theme[theme.id]
    all_studies = f"{uri[: -len('.md')]}/case-studies.md"
    if len(listing.case_studies) > FIRST_ITEMS:
        yield from studies_pages(
            layout,
            listing.case_studies,
            all_studies,
            f"Case studies on {theme.title}",
            [(theme.title, theme)],
        )
    html = layout.render(
        "theme.html.j2",
        uri,
        theme=theme,
        listing=listing,
        row=layout.rows[theme.id],
        parent=ix.area.themes.get(theme.parent) if theme.parent else None,
        children=ix.children.get(theme.id, []),
        all_studies=all_studies,
        feed=theme_feed(theme.id),
        search_url=layout.search_url(uri, kind=KINDS["hub"], theme=theme.title),
        experts_url=layout.search_url(uri, kind=KINDS["practitioner"], theme=theme.title),
        record=search_record(theme, ix),
    )
    yield SitePage(uri, theme.title, html, theme.description, searchable=True)


def school_pages(layout: Layout, school: School) -> Iterator[SitePage]:
    ix = layout.ix
    uri = page_uri(school)
    listing = ix.by_school[school.urn]
    all_studies = f"{uri[: -len('.md')]}/case-studies.md"
    if len(listing.case_studies) > FIRST_ITEMS:
        yield from studies_pages(
            layout,
            listing.case_studies,
            all_studies,
            f"Case studies from {school.name}",
            [(school.name, school)],
        )
    locality = locality_of(school)
    html = layout.render(
        "school.html.j2",
        uri,
        school=school,
        listing=listing,
        locality=locality,
        locality_page=locality_uri(locality),
        all_studies=all_studies,
        experts_url=layout.search_url(uri, kind=KINDS["practitioner"], school=school.name),
        record=search_record(school, ix),
    )
    summary = f"Practice shared by {school.name}"
    yield SitePage(uri, school.name, html, summary, searchable=True)


def locality_pages(layout: Layout, name: str, schools: list[School]) -> Iterator[SitePage]:
    ix = layout.ix
    uri = locality_uri(name)
    listing = ix.in_locality[name]
    studies, hubs, people = listing.case_studies, listing.hubs, listing.practitioners
    all_studies = f"{uri[: -len('.md')]}/case-studies.md"
    if len(studies) > FIRST_ITEMS:
        yield from studies_pages(
            layout,
            studies,
            all_studies,
            f"Case studies from {name}",
            [("Localities", f"{LOCALITIES}/index.md"), (name, uri)],
        )
    html = layout.render(
        "locality.html.j2",
        uri,
        name=name,
        schools=schools,
        studies=studies,
        hubs=hubs,
        people=people,
        all_studies=all_studies,
        search_url=layout.search_url(uri, locality=name),
        experts_url=layout.search_url(uri, kind=KINDS["practitioner"], locality=name),
        record=locality_record(name, schools),
    )
    yield SitePage(uri, name, html, f"Practice shared by schools in {name}", searchable=True)


def _all_of(count: int) -> str:
    return "The one case study." if count == 1 else f"All {count} case studies, newest first."
