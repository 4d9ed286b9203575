"""What the "Share your practice" page offers: its forms' fields, made from the schema.

The page's forms write a file to the contract and open GitHub's "create new
file" page with it filled in; without JavaScript, the page offers the same
templates that `scripts/new.py` writes. Every field a form shows, and what its
script checks and writes, comes from the schema's declaration of the field:
the template draws each field by its `control`, and the script reads the same
description from the page (`ShareForm.script_config`).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

from ..authoring.scaffold import SECTIONS, entry_text
from ..contract.schema import (
    CASE_STUDIES,
    IMPACT_FIELDS,
    PHASES,
    PRACTITIONERS,
    REFERENCE_KINDS,
    RESERVED_ID,
    SUMMARY_LIMIT,
    Collection,
    Field,
    Filled,
    Kind,
)
from ..publishing.indexes import Indexes
from ..reading.values import EMAIL
from ..settings import Settings

# The collections a contributor can propose from the page, in the page's order.
OFFERED: tuple[Collection, ...] = (CASE_STUDIES, PRACTITIONERS)

# Entries a field can name, which the area offers to choose from; hubs are chosen
# only while active, people only while listed.
_PICKED = (Kind.SCHOOL, Kind.HUB, Kind.PRACTITIONER)
# Choices that are the area's, not the schema's: the page holds them once, in its controls.
_AREA_KINDS = frozenset(kind.value for kind in REFERENCE_KINDS)
# Entries whose lists grow with the area: the page's script fills their selects from a
# file of their own (`area_lists`), so that the page weighs the same at any size.
_LISTED_KINDS = (*_PICKED, Kind.THEME)
_LISTED = frozenset(kind.value for kind in _LISTED_KINDS)
# Themes a form offers as boxes to tick at most; a longer vocabulary is chosen a theme
# at a time, from a list in its broad themes, as schools are.
MOST_THEME_BOXES = 40


@dataclass(frozen=True)
class Choice:
    value: str
    label: str
    group: str = ""


@dataclass(frozen=True)
class ShareField:
    """One field as a form shows, checks and writes it."""

    name: str
    label: str
    hint: str
    help: str
    required: bool
    many: bool
    kind: str
    # What the template draws: text, textarea, email, date, checkbox, checkboxes,
    # select (a vocabulary), entries (entries of the area, one per select), rows (of a
    # structure's parts: impact), agreement; '' for a field the form fills itself.
    control: str
    filled: str
    choices: tuple[Choice, ...] = ()
    default: str = ""
    missing: str = ""
    invalid: str = ""
    too_long: str = ""
    limit: int = 0
    noun: str = ""
    placeholder: str = ""
    autocomplete: str = ""
    parts: tuple[ShareField, ...] = ()

    @property
    def listed(self) -> bool:
        """Whether the page's script fills the field's selects from the area's lists."""
        return self.control == "entries" and self.kind in _LISTED

    @property
    def grouped(self) -> bool:
        """Whether its choices are drawn in groups: themes under their parents, schools by place."""
        return any(choice.group for choice in self.choices)

    def script(self) -> dict[str, Any]:
        """What the page's script needs of the field; entries of the area stay in the page."""
        described: dict[str, Any] = {
            "name": self.name,
            "label": self.label,
            "help": self.help,
            "required": self.required,
            "many": self.many,
            "kind": self.kind,
            "control": self.control,
            "filled": self.filled,
            "choices": [
                {"value": c.value, "label": c.label}
                for c in (() if self.kind in _AREA_KINDS else self.choices)
            ],
            "missing": self.missing,
            "invalid": self.invalid,
            "tooLong": self.too_long,
            "limit": self.limit,
        }
        if self.parts:
            described["parts"] = [part.script() for part in self.parts]
        return described


@dataclass(frozen=True)
class ShareCollection:
    """One form of the page: the collection it adds to, and its fields in the contract's order."""

    name: str
    folder: str
    title_field: str
    fields: tuple[ShareField, ...]

    @property
    def asked(self) -> tuple[ShareField, ...]:
        """The fields the form shows above the body's sections."""
        return tuple(f for f in self.fields if f.control and f.control != "agreement")

    @property
    def agreements(self) -> tuple[ShareField, ...]:
        """What the person must agree to, shown last, after everything they wrote."""
        return tuple(f for f in self.fields if f.control == "agreement")


@dataclass(frozen=True)
class ShareForm:
    """Everything the share page's template and script need, as plain values."""

    collections: dict[str, ShareCollection]
    new_file_url: str
    sections: dict[str, list[dict[str, str]]]
    templates: dict[str, str]

    @property
    def folders(self) -> dict[str, str]:
        return {name: c.folder for name, c in self.collections.items()}

    def script_config(self) -> dict[str, object]:
        """What the page's script needs to check the fields and write the file and the link."""
        return {
            "newFileUrl": self.new_file_url,
            "collections": {
                name: {
                    "folder": c.folder,
                    "titleField": c.title_field,
                    "fields": [f.script() for f in c.fields],
                }
                for name, c in self.collections.items()
            },
            "sections": self.sections,
            "reservedId": RESERVED_ID.pattern,
            "emailPattern": EMAIL.pattern,
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


def area_choices(indexes: Indexes) -> dict[Kind, tuple[Choice, ...]]:
    """What the published area offers for each kind of reference."""
    area = indexes.area
    return {
        Kind.THEME: tuple(
            Choice(
                theme.id,
                theme.title,
                area.themes[theme.parent].title if theme.parent else theme.title,
            )
            for theme in indexes.themes
        ),
        Kind.SCHOOL: tuple(
            Choice(str(school.urn), f"{school.name} ({school.urn})", school.locality or "Other")
            for school in sorted(
                area.schools.values(), key=lambda s: (s.locality.lower(), s.name.lower())
            )
        ),
        Kind.HUB: tuple(
            Choice(hub.id, hub.title) for hub in indexes.hubs if hub.status == "active"
        ),
        Kind.PRACTITIONER: tuple(Choice(p.id, p.name) for p in indexes.practitioners),
        Kind.PHASE: tuple(Choice(key, label) for key, label in PHASES.items()),
    }


def control(spec: Field, offered: int = 0) -> str:
    """What a form draws for the field, by its kind and how many choices the area
    `offered`; '' when the form fills it itself."""
    filled = spec.question.filled
    if filled is Filled.AGREED:
        return "agreement"
    if filled is not Filled.ASKED:
        return ""
    if spec.kind is Kind.IMPACT:
        return "rows"
    long_vocabulary = spec.kind is Kind.THEME and offered > MOST_THEME_BOXES
    if spec.kind in _PICKED or (spec.kind is Kind.THEME and not spec.many) or long_vocabulary:
        return "entries"
    if spec.kind in (Kind.THEME, Kind.PHASE, Kind.CHOICE):
        return "checkboxes" if spec.many else "select"
    controls = {
        Kind.SUMMARY: "textarea",
        Kind.EMAIL: "email",
        Kind.DATE: "date",
        Kind.BOOL: "checkbox",
    }
    return controls.get(spec.kind, "text")


def share_field(spec: Field, choices: dict[Kind, tuple[Choice, ...]]) -> ShareField:
    """One field of the contract as the share page's forms show, check and write it."""
    offered = choices.get(spec.kind) or tuple(Choice(v, t) for v, t in spec.labelled_choices)
    drawn = control(spec, len(offered))
    label = spec.form_label
    noun = (spec.name.removesuffix("s") if spec.many else spec.name).replace("_", " ")
    # The contract's one limit a reader can count down to; the validator checks the rest.
    limit = SUMMARY_LIMIT if spec.kind is Kind.SUMMARY else 0
    return ShareField(
        name=spec.name,
        label=label,
        hint=spec.form_hint,
        help=spec.help,
        required=spec.required,
        many=spec.many,
        kind=spec.kind.value,
        control=drawn,
        filled=spec.question.filled.value,
        choices=offered,
        default=spec.default if isinstance(spec.default, str) else "",
        missing=(spec.question.missing or _missing(drawn, spec.many, label, noun))
        if spec.required
        else "",
        invalid=_invalid(spec),
        too_long=f"Shorten {_the(label)} to {limit} characters" if limit else "",
        limit=limit,
        noun=noun.capitalize(),
        placeholder=_placeholder(spec, noun),
        autocomplete=spec.question.autocomplete,
        parts=(
            tuple(share_field(part, choices) for part in IMPACT_FIELDS)
            if spec.kind is Kind.IMPACT
            else ()
        ),
    )


def _missing(drawn: str, many: bool, label: str, noun: str) -> str:
    """What the form says of a required field left empty, as GOV.UK's forms say it."""
    if drawn not in ("checkboxes", "entries", "select"):
        return f"Enter {_a(label)}"
    return f"Choose at least one {noun}" if many else f"Choose {_the(label)}"


def _invalid(spec: Field) -> str:
    """What the form says of a value the validator would refuse, where the form can tell."""
    if spec.kind is not Kind.EMAIL:
        return ""
    return "Enter a work e-mail address like name@school.sch.uk" + (
        "" if spec.required else ", or leave it empty"
    )


def _placeholder(spec: Field, noun: str) -> str:
    """The first option of a list to choose from: none chosen yet."""
    if spec.required:
        return f"Choose {_a(noun)}"
    return "Nobody yet" if spec.kind is Kind.PRACTITIONER else "None"


def share_collection(collection: Collection, indexes: Indexes) -> ShareCollection:
    """A collection's form: every field of the contract, each as the page shows it."""
    choices = area_choices(indexes)
    fields = tuple(share_field(spec, choices) for spec in collection.fields)
    return ShareCollection(
        name=collection.name,
        folder=collection.folder,
        title_field=collection.title_field.name,
        # A reference with nothing to choose from, and not required, is left out.
        fields=tuple(f for f in fields if f.control != "entries" or f.choices or f.required),
    )


def share_form(indexes: Indexes, settings: Settings) -> ShareForm:
    """The forms of the share page, from the schema and the published area."""
    return ShareForm(
        collections={c.name: share_collection(c, indexes) for c in OFFERED},
        new_file_url=new_file_url(settings.repo_url, settings.edit_uri, settings.content_folder),
        sections={
            c.name: [{"heading": h, "guidance": g} for h, g in SECTIONS[c.name]] for c in OFFERED
        },
        templates={c.name: entry_text(c, {}, settings.content_folder) for c in OFFERED},
    )


def taken_ids(indexes: Indexes) -> str:
    """The ids a new entry must not take, by collection: a file of their own, which the
    page fetches, as a large area's would make the page too heavy to load.

    Only published ids: an unlisted person's file name may be their name.
    """
    taken = {
        CASE_STUDIES.name: sorted(s.id for s in (*indexes.case_studies, *indexes.archived)),
        PRACTITIONERS.name: sorted(p.id for p in indexes.practitioners),
    }
    return json.dumps(taken, separators=(",", ":")) + "\n"


def area_lists(indexes: Indexes) -> str:
    """The schools, active hubs, listed people and themes the forms offer, by kind, as
    `[value, label]`, or `[value, label, group]` for schools by locality and themes
    under their broad ones: a file the share page fetches, as a large area's would
    make the page too heavy to load.
    """
    choices = area_choices(indexes)
    lists = {
        kind.value: [
            [c.value, c.label, c.group] if c.group else [c.value, c.label] for c in choices[kind]
        ]
        for kind in _LISTED_KINDS
    }
    return json.dumps(lists, ensure_ascii=False, separators=(",", ":")) + "\n"


def _lower(label: str) -> str:
    return label[:1].lower() + label[1:]


def _the(label: str) -> str:
    """'the summary', but 'your role'."""
    text = _lower(label)
    return text if text.startswith("your ") else f"the {text}"


def _a(label: str) -> str:
    """'a title', 'an impact', but 'your name'."""
    text = _lower(label)
    if text.startswith("your "):
        return text
    return ("an " if text[:1] in "aeiou" else "a ") + text
