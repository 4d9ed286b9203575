"""What the "Share your practice" page offers: choices from the registers and the new-file link.

The page's form writes a file to the contract and opens GitHub's "create new
file" page with it filled in; without JavaScript, the page offers the same
templates that `scripts/new.py` writes.
"""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import urlsplit

from ..authoring.scaffold import SECTIONS, entry_text
from ..contract.schema import (
    AVAILABILITY,
    CASE_STUDIES,
    DESIGNATIONS,
    EVIDENCE,
    OFFERS,
    PHASES,
    PRACTITIONERS,
    RESERVED_ID,
    SUMMARY_LIMIT,
    Collection,
)
from ..publishing.indexes import Indexes
from ..settings import Settings


@dataclass(frozen=True)
class Choice:
    value: str
    label: str
    group: str = ""


@dataclass(frozen=True)
class ShareForm:
    """Everything the share page's template and script need, as plain values."""

    themes: list[Choice]
    schools: list[Choice]
    hubs: list[Choice]
    people: list[Choice]
    taken_ids: dict[str, list[str]]
    new_file_url: str
    folders: dict[str, str]
    sections: dict[str, list[dict[str, str]]]
    templates: dict[str, str]
    summary_limit: int = SUMMARY_LIMIT
    phases: tuple[Choice, ...] = tuple(Choice(k, v) for k, v in PHASES.items())
    evidence: tuple[Choice, ...] = tuple(Choice(k, v) for k, v in EVIDENCE.items())
    designations: tuple[Choice, ...] = tuple(Choice(k, v) for k, v in DESIGNATIONS.items())
    offers: tuple[Choice, ...] = tuple(Choice(k, v) for k, v in OFFERS.items())
    availability: tuple[Choice, ...] = tuple(Choice(k, v) for k, v in AVAILABILITY.items())

    def script_config(self) -> dict[str, object]:
        """What the page's script needs to write the file and the link."""
        return {
            "newFileUrl": self.new_file_url,
            "folders": self.folders,
            "sections": self.sections,
            "takenIds": self.taken_ids,
            "summaryLimit": self.summary_limit,
            "reservedId": RESERVED_ID.pattern,
        }


def new_file_url(repo_url: str, edit_uri: str, docs_folder: str) -> str:
    """GitHub's "create new file" address for the content folder, or '' if not on GitHub.

    The branch and folder come from `edit_uri` ("edit/main/content/"), which
    a partnership already sets for the "Edit this page" links.
    """
    if urlsplit(repo_url).netloc.lower() not in {"github.com", "www.github.com"}:
        return ""
    parts = [part for part in edit_uri.strip("/").split("/") if part]
    if len(parts) >= 2 and parts[0] in {"edit", "blob"}:
        branch, folder = parts[1], "/".join(parts[2:])
    else:
        branch, folder = "main", docs_folder
    return f"{repo_url.rstrip('/')}/new/{branch}/" + (f"{folder}/" if folder else "")


def share_form(indexes: Indexes, settings: Settings) -> ShareForm:
    """The choices of the share page, from the published area."""
    area = indexes.area
    repo_new_file_url = new_file_url(settings.repo_url, settings.edit_uri, settings.content_folder)
    collections: tuple[Collection, ...] = (CASE_STUDIES, PRACTITIONERS)
    return ShareForm(
        themes=[
            Choice(
                theme.id,
                theme.title,
                area.themes[theme.parent].title if theme.parent else theme.title,
            )
            for theme in indexes.themes
        ],
        schools=[
            Choice(str(school.urn), f"{school.name} ({school.urn})", school.locality or "Other")
            for school in sorted(
                area.schools.values(), key=lambda s: (s.locality.lower(), s.name.lower())
            )
        ],
        hubs=[Choice(hub.id, hub.title) for hub in indexes.hubs if hub.status == "active"],
        people=[Choice(person.id, person.name) for person in indexes.practitioners],
        # Only published ids: an unlisted person's file name may be their name.
        taken_ids={
            CASE_STUDIES.name: sorted(s.id for s in (*indexes.case_studies, *indexes.archived)),
            PRACTITIONERS.name: sorted(p.id for p in indexes.practitioners),
        },
        new_file_url=repo_new_file_url,
        folders={c.name: c.folder for c in collections},
        sections={
            c.name: [{"heading": h, "guidance": g} for h, g in SECTIONS[c.name]]
            for c in collections
        },
        templates={c.name: entry_text(c, {}, settings.content_folder) for c in collections},
    )
