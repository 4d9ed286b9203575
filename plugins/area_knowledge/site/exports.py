"""The area's published knowledge as data: one JSON document and two CSV tables.

Only what the site publishes is exported: listed case studies, hubs, listed
people (contract fields, no consent or review dates) and the schools that have
pages. Exports are made from the published area, in which no hidden person is named
and no entry refers to one.

Each entry, theme and school is exported as the schema declares it: its id, then
its fields in the schema's order, less those in `NOT_EXPORTED`, with the few
values only the site works out (`DERIVED`) beside the field they come from. A
field added to the schema is a key added to the JSON and a column added to the CSV.

`knowledge_json` returns a document with `schema_version` 1. Dates are ISO
strings (YYYY-MM-DD); themes are ids, schools are URNs, entries are ids;
a missing single value is null (text that is empty stays ""), a missing list is [].

- `schema_version`: 1; a key is only ever added within a version.
- `generated`: the day the area was read.
- `review_years`: how many years a case study stays confirmed.
- `area`: the headline figures, as `knowledge.Headlines` names them: `member_schools`,
  `sharing_schools` (members named on a listed case study), `sharing_percent`,
  `themes`, `themes_with_available_expert`, `case_studies`, `active_hubs`, `experts`,
  `priority_themes`, `priority_themes_with_gap`.
- `themes`: every theme, parents first, with the fields of `THEME_FIELDS`.
- `schools`: schools with a page, with the fields of `SCHOOL_FIELDS` (`phase` as GIAS
  says it) and `phases` (phase keys) after `phase`.
- `case_studies`: listed, newest first: `id`, the case study's fields but `status`
  (always "published" here), and `last_confirmed` after `reviewed`; `impact` is a list
  of `measure`, `result`, `evidence`.
- `hubs`: active first: `id` and the hub's fields; `lead` is null when the lead is not
  listed, `schools` are the members, host first.
- `practitioners`: listed people by surname: `id` and the practitioner's fields but
  `consent`, `review_by` and `status`.
- `map`: `levels` (level key to its meaning), `rows` (per theme: `theme`, `level`,
  `case_studies`, `experts`, `available_experts`, `hubs`, `schools`) and `gaps`:
  `priority_themes` (`theme`, `missing`: of `case-study`, `expert`, `hub`),
  `themes_without_experts` (theme ids), `experts_without_case_studies` (practitioner ids),
  `schools_not_sharing` (`urn`, `name`), `case_studies_due_review` (`id`, `last_confirmed`).

The CSV tables hold each entry's id and exported fields, as the JSON does, but that a
school's URN is followed by its name (`school_names`, `school_name`) and `impact`, a
structure no cell holds, is given as its `strongest_evidence`.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable
from dataclasses import asdict
from datetime import date
from typing import Any

from ..contract.model import CaseStudy, Entry, Hub, Practitioner, School, Theme
from ..contract.schema import (
    CASE_STUDIES,
    HUBS,
    IMPACT_FIELDS,
    PRACTITIONERS,
    SCHOOL_FIELDS,
    THEME_FIELDS,
    Collection,
    Field,
    Kind,
)
from ..publishing.indexes import Indexes
from ..publishing.knowledge_map import LEVEL_MEANINGS, KnowledgeMap

SCHEMA_VERSION = 1

LIST_SEPARATOR = "; "

# Fields the exports never hold. When a person agreed to be listed and when they
# must confirm it are the partnership's records, not the area's knowledge; and every
# exported case study and person is published and listed, so their status says nothing.
NOT_EXPORTED: dict[str, frozenset[str]] = {
    CASE_STUDIES.name: frozenset({"status"}),
    HUBS.name: frozenset(),
    PRACTITIONERS.name: frozenset({"consent", "review_by", "status"}),
}

# Values the site works out, exported after the field they are worked out from.
DERIVED: dict[str, dict[str, tuple[str, ...]]] = {
    CASE_STUDIES.name: {"reviewed": ("last_confirmed",)},
    "school": {"phase": ("phases",)},
}

# A hub's `schools` are exported as its members, host first, as its page lists them.
_EXPORTED_AS = {(HUBS.name, "schools"): "member_schools"}


def exported_fields(collection: Collection) -> tuple[Field, ...]:
    """The collection's fields that its exports hold, in the schema's order."""
    return tuple(f for f in collection.fields if f.name not in NOT_EXPORTED[collection.name])


def entry_keys(collection: Collection) -> tuple[str, ...]:
    """The keys of an entry of the collection in the JSON document, in order."""
    return _keys(collection.name, exported_fields(collection), first="id")


def csv_columns(collection: Collection) -> tuple[str, ...]:
    """The columns of the collection's CSV table: a school's name follows its URN."""
    columns: list[str] = ["id"]
    for spec in exported_fields(collection):
        if spec.kind is Kind.IMPACT:
            columns.append("strongest_evidence")
            continue
        columns.append(spec.name)
        if spec.kind is Kind.SCHOOL:
            columns.append(_names_column(spec))
    return tuple(columns)


def _names_column(spec: Field) -> str:
    """The column of the names of the schools a field gives by URN: `school_names`."""
    return f"{spec.name.removesuffix('s')}_names" if spec.many else f"{spec.name}_name"


CASE_STUDY_COLUMNS = csv_columns(CASE_STUDIES)

DIRECTORY_COLUMNS = csv_columns(PRACTITIONERS)

# A spreadsheet runs a cell that starts with one of these as a formula.
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def knowledge_json(indexes: Indexes, kmap: KnowledgeMap) -> dict[str, Any]:
    """The published area and its knowledge map as one JSON-ready document."""
    gaps = kmap.gaps
    return {
        "schema_version": SCHEMA_VERSION,
        "generated": kmap.today.isoformat(),
        "review_years": kmap.review_years,
        "area": asdict(kmap.headlines),
        "themes": [_theme(theme) for theme in indexes.themes],
        "schools": [_school(school) for school in indexes.schools_with_pages],
        "case_studies": [_case_study(study) for study in indexes.case_studies],
        "hubs": [_hub(hub) for hub in indexes.hubs],
        "practitioners": [_practitioner(person) for person in indexes.practitioners],
        "map": {
            "levels": dict(LEVEL_MEANINGS),
            "rows": [
                {
                    "theme": row.theme.id,
                    "level": row.level,
                    "case_studies": row.case_studies,
                    "experts": row.experts,
                    "available_experts": row.available_experts,
                    "hubs": row.hubs,
                    "schools": row.schools,
                }
                for row in kmap.rows
            ],
            "gaps": {
                "priority_themes": [
                    {"theme": gap.theme.id, "missing": list(gap.missing)}
                    for gap in gaps.priority_themes
                ],
                "themes_without_experts": [theme.id for theme in gaps.themes_without_experts],
                "experts_without_case_studies": [
                    person.id for person in gaps.experts_without_case_studies
                ],
                "schools_not_sharing": [
                    {"urn": school.urn, "name": school.name} for school in gaps.schools_not_sharing
                ],
                "case_studies_due_review": [
                    {"id": study.id, "last_confirmed": study.last_confirmed.isoformat()}
                    for study in gaps.case_studies_due_review
                ],
            },
        },
    }


def case_studies_csv(indexes: Indexes) -> str:
    """Listed case studies, newest first, one row each, lists joined with '; '."""
    rows = (
        {**_case_study(study), "strongest_evidence": study.strongest_evidence}
        for study in indexes.case_studies
    )
    return _csv(
        csv_columns(CASE_STUDIES),
        (_with_school_names(CASE_STUDIES, row, indexes) for row in rows),
    )


def directory_csv(indexes: Indexes) -> str:
    """The directory of listed people, by surname, contract fields only."""
    rows = (_practitioner(person) for person in indexes.practitioners)
    return _csv(
        csv_columns(PRACTITIONERS),
        (_with_school_names(PRACTITIONERS, row, indexes) for row in rows),
    )


def _with_school_names(
    collection: Collection, row: dict[str, Any], indexes: Indexes
) -> dict[str, Any]:
    """The row with the name of each school it gives by URN, beside the URN."""
    schools = indexes.area.schools
    named = dict(row)
    for spec in exported_fields(collection):
        if spec.kind is not Kind.SCHOOL:
            continue
        urns = row[spec.name] if spec.many else [row[spec.name]]
        names = [schools[urn].name for urn in urns if urn in schools]
        named[_names_column(spec)] = names if spec.many else next(iter(names), None)
    return named


def _theme(theme: Theme) -> dict[str, Any]:
    return _exported("theme", theme, THEME_FIELDS)


def _school(school: School) -> dict[str, Any]:
    return _exported("school", school, SCHOOL_FIELDS)


def _case_study(study: CaseStudy) -> dict[str, Any]:
    return _exported(CASE_STUDIES.name, study, exported_fields(CASE_STUDIES), first="id")


def _hub(hub: Hub) -> dict[str, Any]:
    return _exported(HUBS.name, hub, exported_fields(HUBS), first="id")


def _practitioner(person: Practitioner) -> dict[str, Any]:
    return _exported(PRACTITIONERS.name, person, exported_fields(PRACTITIONERS), first="id")


def _keys(kind: str, fields: tuple[Field, ...], first: str = "") -> tuple[str, ...]:
    keys = [first] if first else []
    for spec in fields:
        keys += [spec.name, *DERIVED.get(kind, {}).get(spec.name, ())]
    return tuple(keys)


def _exported(
    kind: str, item: object, fields: tuple[Field, ...], first: str = ""
) -> dict[str, Any]:
    """`item` as the exports hold it: each field's value as JSON writes it, in order.

    A field the model does not name (one just added to the schema) is exported
    from the entry's other values, and as null where a register item lacks it.
    """
    specs = {spec.name: spec for spec in fields}
    exported: dict[str, Any] = {}
    for key in _keys(kind, fields, first):
        name = _EXPORTED_AS.get((kind, key), key)
        value = item.value(name) if isinstance(item, Entry) else getattr(item, name, None)
        exported[key] = _json_value(specs.get(key), value)
    return exported


def _json_value(spec: Field | None, value: object) -> Any:
    """A value as the JSON document holds it: dates as ISO text, lists as lists."""
    if spec is not None and spec.kind is Kind.EMAIL:
        # An address is null when absent: an empty one is no address.
        return value or None
    if spec is not None and spec.kind is Kind.IMPACT and isinstance(value, tuple):
        return [{part.name: getattr(item, part.name) for part in IMPACT_FIELDS} for item in value]
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, tuple):
        return [_json_value(None, item) for item in value]
    return value


def _csv(columns: tuple[str, ...], rows: Iterable[dict[str, Any]]) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(columns)
    for row in rows:
        writer.writerow(_cell(row[column]) for column in columns)
    return out.getvalue()


def _cell(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, (list, tuple)):
        return LIST_SEPARATOR.join(_cell(item) for item in value)
    text = str(value)
    # Contributors' text arrives by pull request; it must not run in a spreadsheet.
    return "'" + text if text.startswith(_FORMULA_START) else text


DATA_FOLDER = "data"


def data_files(indexes: Indexes, kmap: KnowledgeMap) -> dict[str, str]:
    """The exports the site publishes, by path relative to the site's root."""
    document = json.dumps(knowledge_json(indexes, kmap), ensure_ascii=False, indent=1)
    return {
        f"{DATA_FOLDER}/knowledge.json": document + "\n",
        f"{DATA_FOLDER}/case-studies.csv": case_studies_csv(indexes),
        f"{DATA_FOLDER}/directory.csv": directory_csv(indexes),
    }
