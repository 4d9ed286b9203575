"""The area's published knowledge as data: one JSON document and two CSV tables.

Only what the site publishes is exported: listed case studies, hubs, listed
people (contract fields, no consent or review dates) and the schools that have
pages. Exports are made from the published area, in which no hidden person is named
and no entry refers to one.

`knowledge_json` returns a document with `schema_version` 1. Dates are ISO
strings (YYYY-MM-DD); themes are ids, schools are URNs, entries are ids;
a missing single value is null, a missing list is [].

- `schema_version`: 1; a key is only ever added within a version.
- `generated`: the day the area was read.
- `review_years`: how many years a case study stays confirmed.
- `area`: the headline figures, as `knowledge.Headlines` names them: `member_schools`,
  `sharing_schools` (members named on a listed case study), `sharing_percent`,
  `themes`, `themes_with_available_expert`, `case_studies`, `active_hubs`, `experts`,
  `priority_themes`, `priority_themes_with_gap`.
- `themes`: every theme, parents first: `id`, `title`, `description`, `aliases`,
  `parent`, `priority`.
- `schools`: schools with a page: `urn`, `name`, `phase` (as GIAS says it), `phases`
  (phase keys), `type`, `trust`, `locality`, `previous_urns`, `member`.
- `case_studies`: listed, newest first: `id`, `title`, `summary`, `themes`, `schools`,
  `hub`, `contacts`, `phases`, `published`, `reviewed`, `last_confirmed`, `impact`
  (a list of `measure`, `result`, `evidence`).
- `hubs`: active first: `id`, `title`, `summary`, `themes`, `lead` (null when the lead is
  not listed), `host_school`, `schools` (host first), `meets`, `join`, `status`.
- `practitioners`: listed people by surname: `id`, `name`, `role`, `school`, `themes`,
  `phases`, `designations`, `offers`, `availability`, `contact`.
- `map`: `levels` (level key to its meaning), `rows` (per theme: `theme`, `level`,
  `case_studies`, `experts`, `available_experts`, `hubs`, `schools`) and `gaps`:
  `priority_themes` (`theme`, `missing`: of `case-study`, `expert`, `hub`),
  `themes_without_experts` (theme ids), `experts_without_case_studies` (practitioner ids),
  `schools_not_sharing` (`urn`, `name`), `case_studies_due_review` (`id`, `last_confirmed`).
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable
from dataclasses import asdict
from typing import Any

from ..contract.model import CaseStudy, Hub, Practitioner, School, Theme
from ..publishing.indexes import Indexes
from ..publishing.knowledge_map import LEVEL_MEANINGS, KnowledgeMap

SCHEMA_VERSION = 1

LIST_SEPARATOR = "; "

CASE_STUDY_COLUMNS = (
    "id",
    "title",
    "summary",
    "themes",
    "schools",
    "school_names",
    "hub",
    "contacts",
    "phases",
    "published",
    "reviewed",
    "strongest_evidence",
)

DIRECTORY_COLUMNS = (
    "id",
    "name",
    "role",
    "school",
    "school_name",
    "themes",
    "phases",
    "designations",
    "offers",
    "availability",
    "contact",
)

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
    schools = indexes.area.schools
    rows = (
        {
            "id": study.id,
            "title": study.title,
            "summary": study.summary,
            "themes": study.themes,
            "schools": study.schools,
            "school_names": [schools[urn].name for urn in study.schools if urn in schools],
            "hub": study.hub,
            "contacts": study.contacts,
            "phases": study.phases,
            "published": study.published.isoformat(),
            "reviewed": study.reviewed.isoformat() if study.reviewed else None,
            "strongest_evidence": study.strongest_evidence,
        }
        for study in indexes.case_studies
    )
    return _csv(CASE_STUDY_COLUMNS, rows)


def directory_csv(indexes: Indexes) -> str:
    """The directory of listed people, by surname, contract fields only."""
    schools = indexes.area.schools
    rows = (
        {
            **_practitioner(person),
            "school_name": schools[person.school].name if person.school in schools else None,
        }
        for person in indexes.practitioners
    )
    return _csv(DIRECTORY_COLUMNS, rows)


def _theme(theme: Theme) -> dict[str, Any]:
    return {
        "id": theme.id,
        "title": theme.title,
        "description": theme.description,
        "aliases": list(theme.aliases),
        "parent": theme.parent,
        "priority": theme.priority,
    }


def _school(school: School) -> dict[str, Any]:
    return {
        "urn": school.urn,
        "name": school.name,
        "phase": school.phase,
        "phases": list(school.phases),
        "type": school.type,
        "trust": school.trust,
        "locality": school.locality,
        "previous_urns": list(school.previous_urns),
        "member": school.member,
    }


def _case_study(study: CaseStudy) -> dict[str, Any]:
    return {
        "id": study.id,
        "title": study.title,
        "summary": study.summary,
        "themes": list(study.themes),
        "schools": list(study.schools),
        "hub": study.hub,
        "contacts": list(study.contacts),
        "phases": list(study.phases),
        "published": study.published.isoformat(),
        "reviewed": study.reviewed.isoformat() if study.reviewed else None,
        "last_confirmed": study.last_confirmed.isoformat(),
        "impact": [
            {"measure": i.measure, "result": i.result, "evidence": i.evidence} for i in study.impact
        ],
    }


def _hub(hub: Hub) -> dict[str, Any]:
    return {
        "id": hub.id,
        "title": hub.title,
        "summary": hub.summary,
        "themes": list(hub.themes),
        "lead": hub.lead,
        "host_school": hub.host_school,
        "schools": list(hub.member_schools),
        "meets": hub.meets,
        "join": hub.join,
        "status": hub.status,
    }


def _practitioner(person: Practitioner) -> dict[str, Any]:
    return {
        "id": person.id,
        "name": person.name,
        "role": person.role,
        "school": person.school,
        "themes": list(person.themes),
        "phases": list(person.phases),
        "designations": list(person.designations),
        "offers": list(person.offers),
        "availability": person.availability,
        "contact": person.contact or None,
    }


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
