"""The content contract, declared once.

The loader, the validator, the scaffolder and the site's forms all read these
declarations; nothing else in the project lists the fields of an entry.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import Enum


class Kind(str, Enum):
    """What a field's value is, which decides how it is read and checked."""

    TEXT = "text"
    SUMMARY = "summary"
    SLUG = "slug"
    URN = "urn"
    DATE = "date"
    BOOL = "bool"
    EMAIL = "email"
    TEXT_OR_URL = "text-or-url"
    CHOICE = "choice"
    THEME = "theme"
    SCHOOL = "school"
    HUB = "hub"
    PRACTITIONER = "practitioner"
    PHASE = "phase"
    IMPACT = "impact"
    INTEGER = "integer"


REFERENCE_KINDS = (Kind.THEME, Kind.SCHOOL, Kind.HUB, Kind.PRACTITIONER)

SUMMARY_LIMIT = 300


class Filled(str, Enum):
    """How a form for a new entry fills a field: by asking, or by itself."""

    ASKED = "asked"
    # The day the file is written.
    TODAY = "today"
    # A year after the day the file is written.
    A_YEAR_ON = "a-year-on"
    # The person ticks that they agree; the value is the day they do.
    AGREED = "agreed"
    # Never on a new entry: the partnership sets it later.
    LATER = "later"


@dataclass(frozen=True)
class Question:
    """How the forms for a new entry (the share page, the issue forms) ask for a field."""

    label: str = ""
    """What the form asks, in a teacher's words: "Schools that did the work"."""
    hint: str = ""
    """One sentence under the question; default: the field's `help`, unless that is about files."""
    missing: str = ""
    """What the form says when a required field is left empty; by default made from the label."""
    autocomplete: str = ""
    """The HTML autocomplete token where a person is asked about themselves: "name", "email"."""
    filled: Filled = Filled.ASKED
    """Whether the form asks for it, or fills it itself (the day, a year on) or not at all."""


@dataclass(frozen=True)
class Field:
    """One field of an entry or a register item."""

    name: str
    kind: Kind
    required: bool = False
    many: bool = False
    choices: tuple[str, ...] = ()
    default: object = None
    help: str = ""
    choice_labels: tuple[str, ...] = ()
    """How forms show each of `choices`, in the same order; default: the choices as they are."""
    question: Question = Question()

    @property
    def form_label(self) -> str:
        """What a form calls the field: its question's label, else its name."""
        return self.question.label or self.name.replace("_", " ").capitalize()

    @property
    def form_hint(self) -> str:
        """The sentence a form shows under the field, or ''.

        A reference's or a date's `help` says how to write it in a file
        ("URN", "YYYY-MM-DD"), which is no help beside a list to choose from.
        """
        if self.question.hint or not self.help or self.kind in (*REFERENCE_KINDS, Kind.DATE):
            return self.question.hint
        return self.help[0].upper() + self.help[1:] + "."

    @property
    def labelled_choices(self) -> tuple[tuple[str, str], ...]:
        """Each choice with the label forms show for it."""
        labels = self.choice_labels or self.choices
        return tuple(zip(self.choices, labels, strict=True))


# Phases an entry may name. GIAS phases of schools map onto these.
PHASES: dict[str, str] = {
    "early-years": "Early years",
    "primary": "Primary",
    "secondary": "Secondary",
    "post-16": "Post-16",
    "special": "Special",
    "alternative-provision": "Alternative provision",
}

# Other ways contributors write a phase; each resolves to a key of PHASES.
PHASE_ALIASES: dict[str, str] = {
    "eyfs": "early-years",
    "early years": "early-years",
    "nursery": "early-years",
    "ks1": "primary",
    "ks2": "primary",
    "key stage 1": "primary",
    "key stage 2": "primary",
    "ks3": "secondary",
    "ks4": "secondary",
    "key stage 3": "secondary",
    "key stage 4": "secondary",
    "post 16": "post-16",
    "16 plus": "post-16",
    "sixth form": "post-16",
    "ks5": "post-16",
    "send": "special",
    "ap": "alternative-provision",
    "alternative provision": "alternative-provision",
}

# Phases of education as Get Information About Schools spells them.
GIAS_PHASES: dict[str, tuple[str, ...]] = {
    "Nursery": ("early-years",),
    "Primary": ("primary",),
    "Middle deemed primary": ("primary",),
    "Middle deemed secondary": ("secondary",),
    "Secondary": ("secondary",),
    "All-through": ("primary", "secondary"),
    "16 plus": ("post-16",),
    "Not applicable": (),
}

EVIDENCE: dict[str, str] = {
    "anecdotal": "Anecdotal",
    "school-data": "School data",
    "external-evaluation": "External evaluation",
}

DESIGNATIONS: dict[str, str] = {
    "LLE": "Local Leader of Education",
    "NLE": "National Leader of Education",
    "SLE": "Specialist Leader of Education",
    "SENCO": "SENCO",
    "research-lead": "Research lead",
    "hub-lead": "Hub lead",
}

OFFERS: dict[str, str] = {
    "coaching": "Coaching",
    "mentoring": "Mentoring",
    "school-visits": "School visits",
    "training": "Training",
    "peer-review": "Peer review",
    "resources": "Resources",
}

AVAILABILITY: dict[str, str] = {
    "available": "Available",
    "limited": "Limited availability",
    "unavailable": "Not available at present",
}

CASE_STUDY_STATUSES = ("published", "draft", "archived")
HUB_STATUSES = ("active", "closed")
PRACTITIONER_STATUSES = ("listed", "withdrawn")

IMPACT_FIELDS: tuple[Field, ...] = (
    Field("measure", Kind.TEXT, required=True, help="what was measured"),
    Field("result", Kind.TEXT, required=True, help="what changed, with figures"),
    Field(
        "evidence",
        Kind.CHOICE,
        required=True,
        choices=tuple(EVIDENCE),
        help="how strong the evidence is",
        choice_labels=tuple(EVIDENCE.values()),
    ),
)

THEME_FIELDS: tuple[Field, ...] = (
    Field("id", Kind.SLUG, required=True, help="how entries refer to the theme"),
    Field("title", Kind.TEXT, required=True, help="shown on pages"),
    Field("description", Kind.TEXT, help="a sentence or two for the theme page"),
    Field("aliases", Kind.TEXT, many=True, default=(), help="other spellings contributors use"),
    Field("parent", Kind.THEME, help="a broader theme"),
    Field("priority", Kind.BOOL, default=False, help="one of the area's current priorities"),
)

SCHOOL_FIELDS: tuple[Field, ...] = (
    Field("urn", Kind.URN, required=True, help="the school's URN from GIAS"),
    Field("name", Kind.TEXT, required=True),
    Field("phase", Kind.CHOICE, required=True, choices=tuple(GIAS_PHASES), help="as GIAS says it"),
    Field("type", Kind.TEXT, help="as GIAS says it"),
    Field("trust", Kind.TEXT, help="its multi-academy trust, if any"),
    Field("locality", Kind.TEXT, help="the town or district, for grouping"),
    Field("previous_urns", Kind.INTEGER, many=True, default=(), help="URNs it had before"),
    Field("member", Kind.BOOL, default=True, help="member of the partnership"),
)

CASE_STUDY_FIELDS: tuple[Field, ...] = (
    Field(
        "title",
        Kind.TEXT,
        required=True,
        question=Question(
            hint="What you did, in a few words: “The Tuesday Twenty: a reading fluency clinic”.",
            autocomplete="off",
        ),
    ),
    Field(
        "summary",
        Kind.SUMMARY,
        required=True,
        help="what was done and what changed",
        question=Question(
            hint="One or two sentences: what was done and what changed. "
            f"At most {SUMMARY_LIMIT} characters.",
            missing="Enter a summary of what was done and what changed",
        ),
    ),
    Field(
        "themes",
        Kind.THEME,
        required=True,
        many=True,
        help="theme ids or aliases",
        question=Question(hint="Choose every theme the work is about."),
    ),
    Field(
        "schools",
        Kind.SCHOOL,
        required=True,
        many=True,
        help="URNs of the schools",
        question=Question(label="Schools that did the work"),
    ),
    Field(
        "hub",
        Kind.HUB,
        help="the hub it came from",
        question=Question(hint="If the work came from one of the area's hubs."),
    ),
    Field(
        "contacts",
        Kind.PRACTITIONER,
        many=True,
        default=(),
        help="whom to ask",
        question=Question(
            label="Whom to ask",
            hint="Listed experts who can answer questions about it. "
            "Not listed yet? List yourself as an expert first.",
        ),
    ),
    Field(
        "phases",
        Kind.PHASE,
        many=True,
        default=(),
        help="when absent, the schools'",
        question=Question(hint="Leave empty to take the phases of the schools."),
    ),
    Field(
        "published",
        Kind.DATE,
        required=True,
        help="YYYY-MM-DD",
        question=Question(filled=Filled.TODAY),
    ),
    Field(
        "reviewed",
        Kind.DATE,
        help="last time its owners confirmed it",
        question=Question(filled=Filled.LATER),
    ),
    Field(
        "impact",
        Kind.IMPACT,
        many=True,
        default=(),
        help="measure, result, evidence",
        question=Question(
            hint="Each result with a figure and how strong the evidence is, e.g. “Reading age” "
            "— “up 18 months in 8 weeks” — school data."
        ),
    ),
    Field(
        "status",
        Kind.CHOICE,
        choices=CASE_STUDY_STATUSES,
        default="published",
        question=Question(filled=Filled.LATER),
    ),
)

HUB_FIELDS: tuple[Field, ...] = (
    Field("title", Kind.TEXT, required=True),
    Field("summary", Kind.SUMMARY, required=True),
    Field("themes", Kind.THEME, required=True, many=True),
    Field("lead", Kind.PRACTITIONER, required=True, help="practitioner id"),
    Field("host_school", Kind.SCHOOL, required=True, help="URN"),
    Field("schools", Kind.SCHOOL, many=True, default=(), help="member schools"),
    Field("meets", Kind.TEXT, help="how and when it meets"),
    Field("join", Kind.TEXT_OR_URL, help="how a school joins"),
    Field("status", Kind.CHOICE, choices=HUB_STATUSES, default="active"),
)

PRACTITIONER_FIELDS: tuple[Field, ...] = (
    Field(
        "name",
        Kind.TEXT,
        required=True,
        question=Question(label="Your name", autocomplete="name"),
    ),
    Field(
        "role",
        Kind.TEXT,
        required=True,
        question=Question(
            label="Your role",
            hint="For example “Assistant headteacher and reading lead”.",
            autocomplete="organization-title",
        ),
    ),
    Field(
        "school",
        Kind.SCHOOL,
        required=True,
        help="URN",
        question=Question(label="Your school"),
    ),
    Field(
        "themes",
        Kind.THEME,
        required=True,
        many=True,
        help="areas of expertise",
        question=Question(label="Your areas of expertise"),
    ),
    Field(
        "phases",
        Kind.PHASE,
        many=True,
        default=(),
        help="when absent, the school's",
        question=Question(hint="Leave empty to take your school's."),
    ),
    Field(
        "designations",
        Kind.CHOICE,
        many=True,
        choices=tuple(DESIGNATIONS),
        default=(),
        choice_labels=tuple(DESIGNATIONS.values()),
    ),
    Field(
        "offers",
        Kind.CHOICE,
        many=True,
        choices=tuple(OFFERS),
        default=(),
        choice_labels=tuple(OFFERS.values()),
        question=Question(label="What you can offer"),
    ),
    Field(
        "availability",
        Kind.CHOICE,
        choices=tuple(AVAILABILITY),
        default="available",
        choice_labels=tuple(AVAILABILITY.values()),
    ),
    Field(
        "contact",
        Kind.EMAIL,
        help="a work address",
        question=Question(
            label="Work e-mail",
            hint="Your school address, not a personal one. "
            "Leave empty to be contacted through the partnership.",
            autocomplete="email",
        ),
    ),
    Field(
        "consent",
        Kind.DATE,
        required=True,
        help="when they agreed to be listed",
        question=Question(
            label="I agree to my name, role, school and work e-mail being published on the site.",
            missing="Agree to be listed, or the partnership cannot publish your entry",
            filled=Filled.AGREED,
        ),
    ),
    Field(
        "review_by",
        Kind.DATE,
        required=True,
        help="when the listing must be confirmed",
        question=Question(filled=Filled.A_YEAR_ON),
    ),
    Field(
        "status",
        Kind.CHOICE,
        choices=PRACTITIONER_STATUSES,
        default="listed",
        question=Question(filled=Filled.LATER),
    ),
)


@dataclass(frozen=True)
class Collection:
    """A folder of entries under `content/`."""

    name: str
    folder: str
    label: str
    plural: str
    fields: tuple[Field, ...]

    @property
    def title_field(self) -> Field:
        """The field an entry is called by: a case study's title, a person's name."""
        return self.fields[0]


CASE_STUDIES = Collection(
    "case-study", "case-studies", "Case study", "Case studies", CASE_STUDY_FIELDS
)
HUBS = Collection("hub", "hubs", "Hub", "Hubs", HUB_FIELDS)
PRACTITIONERS = Collection(
    "practitioner", "practitioners", "Practitioner", "Practitioners", PRACTITIONER_FIELDS
)
COLLECTIONS: tuple[Collection, ...] = (CASE_STUDIES, HUBS, PRACTITIONERS)

THEMES_FILE = "themes.yml"
SCHOOLS_FILE = "schools.yml"

# The one folder of content/ whose files are published as they are, once checked.
ATTACHMENTS_FOLDER = "attachments"
ATTACHMENT_TYPES: dict[str, str] = {
    "pdf": "a PDF document",
    "png": "a PNG image",
    "jpg": "a JPEG image",
    "jpeg": "a JPEG image",
    "gif": "a GIF image",
    "webp": "a WebP image",
}
MAX_ATTACHMENT_BYTES = 5_000_000

# Folders of the published site that the core writes itself; no page of the
# partnership's may take their names.
GENERATED_FOLDERS = (
    "themes",
    "schools",
    "localities",
    "search",
    "map",
    "share",
    "data",
    "assets",
    "pagefind",
)

# File names the site gives its own listing pages in every folder.
RESERVED_ID = re.compile(r"index|page-\d+|404")


def is_reserved_id(entry_id: str) -> bool:
    """Whether an entry or a theme cannot take this id because the site's own pages use it."""
    return RESERVED_ID.fullmatch(entry_id) is not None


SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")

# Addresses of people, not of schools: the contract asks for work addresses only.
PERSONAL_MAIL_DOMAINS = frozenset(
    """aol.com btinternet.com gmail.com googlemail.com hotmail.co.uk hotmail.com icloud.com
    live.co.uk live.com me.com msn.com outlook.com protonmail.com proton.me sky.com
    talktalk.net virginmedia.com yahoo.co.uk yahoo.com ymail.com""".split()
)
