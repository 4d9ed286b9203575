"""The area's knowledge as typed values: registers, entries and problems.

Entries hold references exactly as resolved: theme ids, URNs, hub and
practitioner ids. Values compare by their id, so they can key indexes.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from .problems import Problem
from .schema import EVIDENCE, GIAS_PHASES

EVIDENCE_ORDER = tuple(EVIDENCE)


@dataclass(frozen=True, eq=False)
class Theme:
    id: str
    title: str
    description: str = ""
    aliases: tuple[str, ...] = ()
    parent: str | None = None
    priority: bool = False
    # The register's path and the line of the theme's id, for messages about it.
    written_at: tuple[str, int] = ("", 1)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Theme) and other.id == self.id

    def __hash__(self) -> int:
        return hash(("theme", self.id))


@dataclass(frozen=True, eq=False)
class School:
    urn: int
    name: str
    phase: str
    type: str = ""
    trust: str = ""
    locality: str = ""
    previous_urns: tuple[int, ...] = ()
    member: bool = True

    @property
    def phases(self) -> tuple[str, ...]:
        """The phases of entries from this school, from its GIAS phase and type."""
        if self.phase != "Not applicable":
            return GIAS_PHASES.get(self.phase, ())
        kind = self.type.lower()
        if "alternative provision" in kind or "pupil referral" in kind:
            return ("alternative-provision",)
        return ("special",) if "special" in kind else ()

    def __eq__(self, other: object) -> bool:
        return isinstance(other, School) and other.urn == self.urn

    def __hash__(self) -> int:
        return hash(("school", self.urn))


@dataclass(frozen=True)
class Impact:
    measure: str
    result: str
    evidence: str


@dataclass(frozen=True, eq=False)
class Entry:
    """What every case study, hub and practitioner has."""

    id: str
    path: str
    title: str
    body: str
    themes: tuple[str, ...]
    # Values of fields the schema declares and this class does not name: a field
    # just added to the schema reaches the exports and templates with no change here.
    more: tuple[tuple[str, object], ...] = field(default=(), kw_only=True)
    # The line of the file where the body starts, for problems found in it later.
    body_line: int = field(default=1, kw_only=True)

    def value(self, name: str) -> object:
        """The value of `name`, a field or property of the class or one of `more`; else None."""
        if hasattr(self, name):
            return getattr(self, name)
        return dict(self.more).get(name)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Entry) and type(other) is type(self) and other.id == self.id

    def __hash__(self) -> int:
        return hash((type(self).__name__, self.id))


@dataclass(frozen=True, eq=False)
class CaseStudy(Entry):
    summary: str
    schools: tuple[int, ...]
    published: date
    hub: str | None = None
    contacts: tuple[str, ...] = ()
    phases: tuple[str, ...] = ()
    reviewed: date | None = None
    impact: tuple[Impact, ...] = ()
    status: str = "published"

    @property
    def strongest_evidence(self) -> str | None:
        """The strongest `evidence` among its impact, or None without any."""
        levels = [EVIDENCE_ORDER.index(i.evidence) for i in self.impact]
        return EVIDENCE_ORDER[max(levels)] if levels else None

    @property
    def last_confirmed(self) -> date:
        """When its owners last said it is true: its review, else its publication."""
        return self.reviewed or self.published


@dataclass(frozen=True, eq=False)
class Hub(Entry):
    summary: str
    lead: str | None
    host_school: int | None
    schools: tuple[int, ...] = ()
    meets: str = ""
    join: str = ""
    status: str = "active"

    @property
    def member_schools(self) -> tuple[int, ...]:
        """The host and the members, host first, each once."""
        host = () if self.host_school is None else (self.host_school,)
        return (*host, *(urn for urn in self.schools if urn != self.host_school))


@dataclass(frozen=True, eq=False)
class Practitioner(Entry):
    role: str
    school: int | None
    consent: date
    review_by: date
    phases: tuple[str, ...] = ()
    designations: tuple[str, ...] = ()
    offers: tuple[str, ...] = ()
    availability: str = "available"
    contact: str = ""
    status: str = "listed"

    @property
    def name(self) -> str:
        return self.title

    def is_listed(self, today: date) -> bool:
        """Whether the site may publish this person: listed and not past review."""
        return self.status == "listed" and self.review_by >= today


@dataclass(frozen=True)
class PartnershipPage:
    """A page the partnership writes itself: the home page's words, an "about" page."""

    path: str
    shown: str
    title: str
    body: str
    body_line: int


@dataclass(frozen=True)
class Attachment:
    """A file checked by its content, published at `attachments/<name>`."""

    name: str
    data: bytes
    # Where the file is, as problems show it.
    shown: str = ""


@dataclass(frozen=True)
class Mention:
    """How a person is named in text: to withhold them wherever they must not appear."""

    name: str
    contact: str = ""


@dataclass
class Area:
    """Everything loaded from one `content/` folder, references resolved."""

    root: str
    today: date
    themes: dict[str, Theme] = field(default_factory=dict)
    schools: dict[int, School] = field(default_factory=dict)
    case_studies: dict[str, CaseStudy] = field(default_factory=dict)
    hubs: dict[str, Hub] = field(default_factory=dict)
    practitioners: dict[str, Practitioner] = field(default_factory=dict)
    pages: dict[str, PartnershipPage] = field(default_factory=dict)
    attachments: dict[str, Attachment] = field(default_factory=dict)
    # People whose file could not be read as an entry: in doubt, so never named.
    people_in_doubt: list[Mention] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)

    @property
    def faulty_paths(self) -> frozenset[str]:
        """Files with an error: none of them is published, whatever else it holds."""
        return frozenset(p.path for p in self.problems if p.severity == "error")

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.severity == "error"]

    @property
    def warnings(self) -> list[Problem]:
        return [p for p in self.problems if p.severity == "warning"]
