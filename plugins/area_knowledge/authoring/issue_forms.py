"""The GitHub issue forms that propose a case study or a listing, written from the schema.

A teacher who would rather not make a file fills in an issue form; the
partnership makes the file from it. Each form asks for the fields a new entry
asks for (`Question.filled`), in the contract's order, with the labels and
hints the share page uses. References (themes, schools, people) are asked for in
the teacher's own words, since nobody knows an id by heart; fixed vocabularies
(phases, offers) are ticked or chosen.

`scripts/issue_forms.py` writes them to `.github/ISSUE_TEMPLATE/`; with
`--check` it only says whether the files there are what it would write.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import yaml

from ..commands import run
from ..contract.schema import (
    CASE_STUDIES,
    EVIDENCE,
    IMPACT_FIELDS,
    PHASES,
    PRACTITIONERS,
    Collection,
    Field,
    Filled,
    Kind,
)

FOLDER = os.path.join(".github", "ISSUE_TEMPLATE")

HEADER = (
    "# Written by scripts/issue_forms.py from the content contract "
    "(plugins/area_knowledge/contract/schema.py).\n"
    "# Do not edit it here: change the schema, then run scripts/issue_forms.py.\n"
)


@dataclass(frozen=True)
class IssueForm:
    """What a form says of itself: the words around the fields."""

    file: str
    collection: Collection
    name: str
    description: str
    title: str
    label: str
    introduction: str


FORMS: tuple[IssueForm, ...] = (
    IssueForm(
        "propose-case-study.yml",
        CASE_STUDIES,
        name="Propose a case study",
        description="Tell the partnership about practice in your school that others could "
        "learn from.",
        title="Case study: ",
        label="case study",
        introduction="The partnership will turn this into a case study page and ask you to "
        "check it before it is published.",
    ),
    IssueForm(
        "list-practitioner.yml",
        PRACTITIONERS,
        name="List me as an expert",
        description="Offer your expertise to other schools in the area.",
        title="Expert listing: ",
        label="practitioner",
        introduction="Your name, role, school and work e-mail will be public on the site. "
        "You can withdraw at any time, and you will be asked to confirm your listing "
        "every year.",
    ),
)

# How to name what the area holds, when there is no list to choose from.
IN_OWN_WORDS: dict[Kind, tuple[str, str]] = {
    Kind.THEME: (
        "In your own words, for example reading fluency, attendance, SEND.",
        "In your own words, for example reading fluency, attendance, SEND.",
    ),
    Kind.SCHOOL: ("Its name, and its URN if you know it.", "Names, and URNs if you know them."),
    Kind.HUB: ("The hub's name, if the work came from one of the area's hubs.", ""),
    Kind.PRACTITIONER: (
        "A name and a work e-mail address, with their agreement.",
        "Names and work e-mail addresses, with their agreement.",
    ),
}

# The heading above the box a person ticks to agree.
AGREEMENT_LABEL = "Agreement"


def element(spec: Field) -> dict[str, Any] | None:
    """The form's element for one field, or None when a new entry does not ask for it."""
    filled = spec.question.filled
    if filled is Filled.AGREED:
        return {
            "type": "checkboxes",
            "id": spec.name,
            "attributes": {
                "label": AGREEMENT_LABEL,
                "options": [{"label": spec.form_label, "required": True}],
            },
        }
    if filled is not Filled.ASKED:
        return None
    attributes: dict[str, Any] = {"label": spec.form_label}
    description = _description(spec)
    if description:
        attributes["description"] = description
    kind = _type(spec)
    if kind in ("checkboxes", "dropdown"):
        labels = [label for _, label in _choices(spec)]
        if kind == "checkboxes":
            attributes["options"] = [{"label": label} for label in labels]
        else:
            attributes["options"] = labels
            if isinstance(spec.default, str) and spec.default in spec.choices:
                attributes["default"] = spec.choices.index(spec.default)
    item: dict[str, Any] = {"type": kind, "id": spec.name, "attributes": attributes}
    # GitHub refuses `required` on a set of checkboxes: each box is required or not.
    if spec.required and kind != "checkboxes":
        item["validations"] = {"required": True}
    return item


def issue_form(form: IssueForm) -> dict[str, Any]:
    """The issue form as data, in the order GitHub's documentation writes its keys."""
    body: list[dict[str, Any]] = [
        {"type": "markdown", "attributes": {"value": form.introduction + "\n"}}
    ]
    body += [item for spec in form.collection.fields if (item := element(spec)) is not None]
    return {
        "name": form.name,
        "description": form.description,
        "title": form.title,
        "labels": [form.label],
        "body": body,
    }


def issue_form_text(form: IssueForm) -> str:
    """The issue form's file, as `scripts/issue_forms.py` writes it."""
    return HEADER + yaml.dump(
        issue_form(form),
        Dumper=_FormDumper,
        allow_unicode=True,
        sort_keys=False,
        width=10_000,
    )


def issue_form_files() -> dict[str, str]:
    """Each generated form's text, by its file name in `.github/ISSUE_TEMPLATE/`."""
    return {form.file: issue_form_text(form) for form in FORMS}


def _type(spec: Field) -> str:
    if spec.kind in (Kind.PHASE, Kind.CHOICE):
        return "checkboxes" if spec.many else "dropdown"
    if spec.kind is Kind.BOOL:
        return "dropdown"
    return "textarea" if spec.kind in (Kind.SUMMARY, Kind.IMPACT) else "input"


def _choices(spec: Field) -> tuple[tuple[str, str], ...]:
    if spec.kind is Kind.PHASE:
        return tuple(PHASES.items())
    if spec.kind is Kind.BOOL:
        # Quoted by the dumper: YAML would read a bare Yes as true.
        return (("true", "Yes"), ("false", "No"))
    return spec.labelled_choices


def _description(spec: Field) -> str:
    """The sentence under the field: what to write in it, as a teacher would."""
    if spec.kind in IN_OWN_WORDS:
        one, many = IN_OWN_WORDS[spec.kind]
        return (many if spec.many else one) or spec.form_hint
    if spec.kind is Kind.IMPACT:
        parts = "; ".join(part.help for part in IMPACT_FIELDS if part.help)
        strengths = ", ".join(EVIDENCE.values())
        return f"For each result: {parts} ({strengths.lower()})."
    return spec.form_hint


class _FormDumper(yaml.SafeDumper):
    """YAML as the forms were written by hand: lists indented, long text as a block."""

    def increase_indent(self, flow: bool = False, indentless: bool = False) -> None:
        super().increase_indent(flow, False)


def _text(dumper: yaml.SafeDumper, value: str) -> yaml.ScalarNode:
    style = "|" if "\n" in value else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)


_FormDumper.add_representer(str, _text)


def main(argv: Sequence[str] | None = None) -> int:
    """Write the issue forms, or with `--check` say whether they are up to date."""
    return run(_main, argv)


def _main(argv: Sequence[str] | None) -> int:
    parser = argparse.ArgumentParser(
        prog="scripts/issue_forms.py",
        description="Write the GitHub issue forms that propose a case study or a listing, "
        "from the content contract.",
    )
    parser.add_argument(
        "--check",
        action="store_true",
        help="write nothing; exit 1 if a form differs from what would be written",
    )
    parser.add_argument("--folder", default=FOLDER, help=f"where the forms live (default {FOLDER})")
    args = parser.parse_args(argv)
    stale = []
    for name, text in issue_form_files().items():
        path = os.path.join(args.folder, name)
        try:
            with open(path, encoding="utf-8") as file:
                current: str | None = file.read()
        except FileNotFoundError:
            current = None
        if current == text:
            continue
        stale.append(path)
        if not args.check:
            os.makedirs(args.folder, exist_ok=True)
            with open(path, "w", encoding="utf-8", newline="\n") as file:
                file.write(text)
            print(f"wrote {path}")
    if args.check and stale:
        for path in stale:
            print(
                f"{path}: differs from the schema's form: run scripts/issue_forms.py to write it",
                file=sys.stderr,
            )
        return 1
    return 0
