"""Atom feeds of new case studies: the whole area's, and one for each theme.

Feed readers need absolute addresses, so these are made from `site_url`. The
newest `FEED_ENTRIES` are listed; a feed is data, never a page, and holds only
what the published area holds.
"""

from __future__ import annotations

from datetime import date, datetime, time, timezone

from jinja2 import Environment, FileSystemLoader, StrictUndefined

from ..contract.model import CaseStudy
from ..publishing.indexes import Indexes
from ..settings import Settings
from .templates import TEMPLATES
from .urls import page_uri, served_path

FEED_ENTRIES = 50
# At the top of the site: Material's instant navigation reads the sitemap beside
# every `<link rel="alternate">`, and the only sitemap is there.
AREA_FEED = "feed.xml"

_env = Environment(loader=FileSystemLoader(TEMPLATES), autoescape=True, undefined=StrictUndefined)


def theme_feed(theme_id: str) -> str:
    """Where a theme's feed is published."""
    return f"feed-{theme_id}.xml"


def feeds(ix: Indexes, settings: Settings) -> dict[str, str]:
    """Every feed the site publishes, by its path in the site."""
    files = {
        AREA_FEED: _feed(
            ix,
            settings,
            ix.case_studies,
            AREA_FEED,
            "case-studies/index.md",
            f"{settings.site_name}: new case studies",
        )
    }
    for theme in ix.area.themes.values():
        files[theme_feed(theme.id)] = _feed(
            ix,
            settings,
            ix.by_theme[theme.id].case_studies,
            theme_feed(theme.id),
            page_uri(theme),
            f"{settings.site_name}: new case studies on {theme.title}",
        )
    return files


def _feed(
    ix: Indexes, settings: Settings, studies: list[CaseStudy], path: str, page: str, title: str
) -> str:
    root = settings.site_url.rstrip("/") + "/"

    def absolute(target: str) -> str:
        return root + served_path(target, settings.directory_urls)

    newest = studies[:FEED_ENTRIES]
    entries = [
        {
            "title": study.title,
            "url": absolute(page_uri(study)),
            "published": _stamp(study.published),
            "updated": _stamp(study.last_confirmed),
            "summary": study.summary,
            "themes": [ix.area.themes[t].title for t in study.themes],
        }
        for study in newest
    ]
    updated = max((s.last_confirmed for s in newest), default=ix.area.today)
    return _env.get_template("feed.xml.j2").render(
        title=title,
        subtitle=f"Practice shared by the schools of {settings.site_name}",
        self_url=root + path,
        page_url=absolute(page),
        updated=_stamp(updated),
        entries=entries,
        settings=settings,
    )


def _stamp(day: date) -> str:
    return datetime.combine(day, time(), timezone.utc).isoformat().replace("+00:00", "Z")
