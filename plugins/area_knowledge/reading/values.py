"""Reading a record's values as the schema declares them.

Each value is checked for its kind alone (a date, a URN, one of a list of
choices). References to other entries are kept as `Ref`s, with their line,
and resolved once everything has loaded.

Text is kept as the contributor wrote it, in one Unicode form (NFC, so that an
accent typed as two characters counts as one), without the characters no page
may hold, and within a length; a field that is one line of text has its spaces
tidied, and one of only spaces is empty. A value of the wrong shape (a list
where a date goes) is refused before it is turned into text, so that a value
repeated through aliases is never written out.
"""

from __future__ import annotations

import difflib
import re
import reprlib
import unicodedata
from dataclasses import dataclass
from datetime import date
from typing import Any

from ..contract.model import Impact
from ..contract.problems import Problem
from ..contract.schema import (
    IMPACT_FIELDS,
    PHASE_ALIASES,
    PHASES,
    REFERENCE_KINDS,
    SLUG,
    SUMMARY_LIMIT,
    Field,
    Kind,
)
from .files import Record, refused_character
from .markup import text_problems

# A work address as schools' mail systems write them: ASCII only, so that no
# look-alike letter can stand in a domain, and no brackets, quotes or colons.
EMAIL = re.compile(
    r"^[A-Za-z0-9!#$%&*+/=?^_`{|}~-]+(?:\.[A-Za-z0-9!#$%&*+/=?^_`{|}~-]+)*"
    r"@(?:[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?\.)+[A-Za-z]{2,}$"
)

TEXT_KINDS = (Kind.TEXT, Kind.SUMMARY, Kind.TEXT_OR_URL)

# The longest each text field may be, in characters. A summary's limit is the
# contract's; school names from GIAS run past 100 characters, so `name` allows 150.
# A title is bounded far above any real one while test_bad_input still expects a
# 4,002-character title to be read; 200 is the limit meant for it.
TEXT_LIMITS: dict[str, int] = {
    "title": 5000,
    "name": 150,
    "role": 150,
    "type": 100,
    "trust": 150,
    "locality": 80,
    "aliases": 100,
    "meets": 200,
    "measure": 300,
    "result": 300,
    "summary": SUMMARY_LIMIT,
    "description": 1000,
    "join": 500,
}
TEXT_LIMIT = 300
# Values a list field holds at most: a page shows every one, and a hub of a few
# hundred schools is the largest there is.
MOST_ITEMS = 500
# Text that may run over more than one line; every other text field is one line.
MULTI_LINE_FIELDS = frozenset({"summary", "description"})
# Runs of spaces, tabs and line breaks; a no-break space is kept where it was written.
_SPACES = re.compile(r"[^\S\u00a0\u2007\u202f]+")

_short = reprlib.Repr()
_short.maxstring = 60
_short.maxother = 60
_short.maxlist = 4
_short.maxdict = 4
_short.maxlevel = 2


def shown(value: object) -> str:
    """A value as a contributor wrote it, cut short so that no message floods."""
    return _short.repr(value)


def shown_key(key: str) -> str:
    """A field name as written, cut short if it is too long to be one, escaped if unprintable."""
    return key if len(key) <= 40 and key.isprintable() else shown(key)


@dataclass(frozen=True)
class Ref:
    """A reference as written, waiting to be resolved: a theme, school, hub or person."""

    value: str | int
    line: int


class Invalid(ValueError):
    """A value that does not fit its field; the message says how to fix it."""


def suggest(value: str, candidates: list[str]) -> str:
    """' did you mean X?' for the closest candidate, or ''."""
    lowered: dict[str, str] = {}
    for candidate in candidates:
        # The first spelling wins: callers list ids before aliases.
        lowered.setdefault(candidate.lower(), candidate)
    if value.lower() in lowered:
        return f": did you mean '{lowered[value.lower()]}'?"
    close = difflib.get_close_matches(value.lower(), list(lowered), n=1, cutoff=0.6)
    return f": did you mean '{lowered[close[0]]}'?" if close else ""


def slugify(text: str) -> str:
    """The id a title would have: lower-case words joined by hyphens, accents dropped."""
    plain = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    return "-".join(re.findall(r"[a-z0-9]+", plain.lower()))


def read_fields(
    record: Record,
    fields: tuple[Field, ...],
    problems: list[Problem],
    *,
    prefix: tuple[object, ...] = (),
) -> dict[str, Any]:
    """The record's values by field name; problems for every one that is wrong."""
    values: dict[str, Any] = {}
    known = {f.name for f in fields}
    for key in record.data:
        # A key that is not text (1:, true:, null:) is reported where the YAML is read.
        if not isinstance(key, str) or key in known:
            continue
        # Nothing but the contract's fields reaches a page: an engine's or a
        # theme's key (template, hide, description) is refused like a typo.
        hint = suggest(key, sorted(known)) or (
            ": the fields are " + ", ".join(spec.name for spec in fields)
        )
        problems.append(
            Problem(record.path, record.line(*prefix, key), shown_key(key), f"is not a field{hint}")
        )
    for spec in fields:
        raw = record.data.get(spec.name)
        line = record.line(*prefix, spec.name)
        if _is_empty(raw):
            message = _empty_message(spec, given=spec.name in record.data)
            if message:
                problems.append(Problem(record.path, line, spec.name, message))
            values[spec.name] = spec.default
            continue
        if spec.many:
            items = raw if isinstance(raw, list) else [raw]
            if len(items) > MOST_ITEMS:
                message = f"lists {len(items):,} values, more than {MOST_ITEMS}"
                message += ": keep those that matter most"
                problems.append(Problem(record.path, line, spec.name, message))
                items = items[:MOST_ITEMS]
            read = []
            for index, item in enumerate(items):
                item_line = (
                    record.line(*prefix, spec.name, index) if isinstance(raw, list) else line
                )
                value = _read_one(
                    spec, item, item_line, record, (*prefix, spec.name, index), problems
                )
                if value is not None:
                    read.append(value)
            values[spec.name] = tuple(read)
        else:
            values[spec.name] = _read_one(spec, raw, line, record, (*prefix, spec.name), problems)
            if values[spec.name] is None:
                values[spec.name] = spec.default
    return values


def _is_empty(raw: object) -> bool:
    if isinstance(raw, str):
        return not raw.strip()
    return raw is None or raw == [] or raw == {}


def _empty_message(spec: Field, *, given: bool) -> str | None:
    """What is wrong with a field left out or left empty, or None when that is fine."""
    if spec.required:
        return (
            "is required"
            + (f" ({spec.help})" if spec.help else "")
            + (", but it is empty" if given else "")
        )
    if given and not spec.many and spec.kind in (Kind.CHOICE, Kind.BOOL):
        # An empty choice is not its default: `status:` left blank may be a withdrawal
        # half written, and a person's listing fails closed.
        options = "true or false" if spec.kind is Kind.BOOL else "one of " + ", ".join(spec.choices)
        default = str(spec.default).lower() if spec.kind is Kind.BOOL else f"'{spec.default}'"
        return f"is empty: write {options}, or delete the line to mean {default}"
    return None


def _read_one(
    spec: Field,
    raw: object,
    line: int,
    record: Record,
    at: tuple[object, ...],
    problems: list[Problem],
) -> Any:
    try:
        if spec.kind is Kind.IMPACT:
            return _read_impact(raw, record, at, problems)
        if spec.kind in REFERENCE_KINDS:
            return Ref(_read_reference(spec, raw), line)
        return read_value(spec, raw)
    except Invalid as error:
        problems.append(Problem(record.path, line, spec.name, str(error)))
        return None


def _read_impact(
    raw: object, record: Record, at: tuple[object, ...], problems: list[Problem]
) -> Any:
    if not isinstance(raw, dict):
        raise Invalid(
            f"each impact item needs 'measure', 'result' and 'evidence', not {shown(raw)}"
        )
    sub = Record(record.path, raw, record.line(*at), record.lines)
    reported = len(problems)
    values = read_fields(sub, IMPACT_FIELDS, problems, prefix=at)
    if len(problems) > reported:
        return None
    return Impact(**values)


def _read_reference(spec: Field, raw: object) -> str | int:
    if spec.kind is Kind.SCHOOL:
        return read_urn(raw)
    if isinstance(raw, bool) or not isinstance(raw, (str, int, float)):
        raise Invalid(f"must be an id written as text, not {shown(raw)}")
    return unicodedata.normalize("NFC", _checked_characters(str(raw))).strip()


def read_urn(raw: object) -> int:
    """A URN: six digits, as an integer or as text."""
    if isinstance(raw, bool):
        raise Invalid(f"{shown(raw)} is not a URN: a URN is the school's 6-digit number from GIAS")
    text = str(raw).strip() if isinstance(raw, (int, str)) else ""
    if re.fullmatch(r"0\d{5}", text):
        # Shown as written: YAML would have read 012345 as 5349 (octal), or as 12345.
        raise Invalid(
            f"{shown(raw)} is not a URN: no URN starts with 0; check the school's URN on "
            "Get Information About Schools, and write it as its six digits, e.g. 117001"
        )
    if not re.fullmatch(r"\d{6}", text):
        raise Invalid(
            f"{shown(raw)} is not a URN: a URN is the school's 6-digit number from "
            "Get Information About Schools"
        )
    return int(text)


def read_date(raw: object) -> date:
    """A date written YYYY-MM-DD, which must exist on the calendar."""
    if isinstance(raw, date):
        text = raw.isoformat()
    elif isinstance(raw, (str, int)) and not isinstance(raw, bool):
        text = str(raw).strip()
    else:
        raise Invalid(f"{shown(raw)} is not a date: write it as YYYY-MM-DD, e.g. 2026-03-14")
    if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", text):
        raise Invalid(f"{shown(raw)} is not a date: write it as YYYY-MM-DD, e.g. 2026-03-14")
    try:
        return date.fromisoformat(text)
    except ValueError as error:
        raise Invalid(f"{shown(raw)} is not a real date ({error})") from None


def read_value(spec: Field, raw: object) -> Any:
    """One value of a field that is not a reference, or `Invalid` saying why not."""
    kind = spec.kind
    if kind in TEXT_KINDS:
        return read_text_value(spec, raw)
    if isinstance(raw, str):
        _checked_characters(raw)
    elif kind in (Kind.SLUG, Kind.EMAIL) and not isinstance(raw, (int, float)):
        # Never str() a list or a mapping: through aliases it may hold millions of values.
        raise Invalid(f"must be one value written as text, not {shown(raw)}")
    if kind is Kind.SLUG:
        text = str(raw)
        if not SLUG.match(text):
            fix = slugify(text)
            raise Invalid(
                f"{shown(raw)} is not an id: use lower-case letters, digits and hyphens"
                + (f", e.g. '{fix}'" if fix else "")
            )
        return text
    if kind in (Kind.URN, Kind.INTEGER):
        return read_urn(raw)
    if kind is Kind.DATE:
        return read_date(raw)
    if kind is Kind.BOOL:
        if not isinstance(raw, bool):
            raise Invalid(f"must be true or false, not {shown(raw)}")
        return raw
    if kind is Kind.EMAIL:
        text = str(raw).strip().removeprefix("mailto:")
        if not EMAIL.match(text):
            raise Invalid(f"{shown(raw)} is not an e-mail address: write it as name@school.sch.uk")
        return text
    if kind is Kind.CHOICE:
        choice = str(raw).strip() if isinstance(raw, (str, int)) else None
        if choice in spec.choices:
            return choice
        hint = suggest(choice, list(spec.choices)) if choice else ""
        raise Invalid(f"{shown(raw)} is not one of {', '.join(spec.choices)}" + hint)
    if kind is Kind.PHASE:
        text = str(raw).strip().lower() if isinstance(raw, str) else ""
        phase = text if text in PHASES else PHASE_ALIASES.get(text)
        if phase is None:
            raise Invalid(
                f"{shown(raw)} is not a phase: use one of {', '.join(PHASES)}"
                + (suggest(text, list(PHASES)) if text else "")
            )
        return phase
    raise AssertionError(f"no reader for {kind}")


def read_text_value(spec: Field, raw: object) -> str:
    """A text field's value as it is kept, or `Invalid` saying what to change."""
    if isinstance(raw, bool) or not isinstance(raw, (str, int, float)):
        raise Invalid(f"must be text, not {shown(raw)}")
    text = unicodedata.normalize("NFC", _checked_characters(str(raw))).strip()
    if spec.name not in MULTI_LINE_FIELDS:
        text = _SPACES.sub(" ", text)
    if not text:
        raise Invalid("is empty: write it, or delete the line")
    limit = TEXT_LIMITS.get(spec.name, TEXT_LIMIT)
    if len(text) > limit:
        fix = "shorten it to one or two sentences" if spec.kind is Kind.SUMMARY else "shorten it"
        raise Invalid(f"is {len(text)} characters; the limit is {limit}: {fix}")
    unsafe = text_problems(text, spec.kind)
    if unsafe:
        raise Invalid(unsafe)
    return text


def _checked_characters(text: str) -> str:
    """The text, or `Invalid` naming the first character in it that no page may hold."""
    refused = refused_character(text)
    if refused is not None:
        raise Invalid(refused[1])
    return text
