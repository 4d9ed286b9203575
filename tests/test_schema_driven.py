"""One schema, declared once: the share form, the issue forms and the exports are made from it.

Each of them is checked against `contract/schema.py` here, and the last tests add
an optional field to the case study, as a maintainer would, and follow it into
every one of them with no other code changed.
"""

from __future__ import annotations

import csv
import io
import json
import re
import shutil
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest
import yaml

from area_knowledge import Indexes, build_indexes, load_area, publish
from area_knowledge.authoring import issue_forms
from area_knowledge.authoring.scaffold import entry_text
from area_knowledge.contract import schema
from area_knowledge.contract.schema import (
    CASE_STUDIES,
    COLLECTIONS,
    HUBS,
    IMPACT_FIELDS,
    PRACTITIONERS,
    Collection,
    Field,
    Filled,
    Kind,
)
from area_knowledge.publishing.knowledge_map import knowledge_map
from area_knowledge.reading.values import EMAIL
from area_knowledge.settings import Settings
from area_knowledge.site import exports, templates
from area_knowledge.site.finishing.policy import foreign_script
from area_knowledge.site.share import OFFERED, share_form
from area_knowledge.site.source import site_source
from area_knowledge.site.templates import environment
from conftest import MAILBOX, REPO, TODAY, AreaWriter

SHARE_JS = REPO / "plugins" / "area_knowledge" / "site" / "assets" / "share.js"
FORMS_FOLDER = REPO / ".github" / "ISSUE_TEMPLATE"
CONTRIBUTING = REPO / "CONTRIBUTING.md"
SETTINGS = Settings(
    contact_email=MAILBOX,
    repo_url="https://github.com/castlebrook-partnership/area-knowledge",
    edit_uri="edit/main/content/",
)
# How a form for a new entry fills a field that it does not leave to the partnership.
ON_A_NEW_ENTRY = (Filled.ASKED, Filled.AGREED)


def written_area(area: AreaWriter) -> AreaWriter:
    """A small area with something in every list the share form offers."""
    area.practitioner("ada-lovelace", themes=["send"])
    area.hub("send-hub")
    area.case_study("reading-clinic", contacts=["ada-lovelace"], hub="send-hub")
    return area


def indexes_of(area: AreaWriter) -> Indexes:
    loaded = load_area(str(area.content), today=TODAY, shown_from=str(area.root))
    return build_indexes(publish(loaded, MAILBOX))


def share_page(ix: Indexes) -> str:
    """The share page's HTML as the core lays it out, before the engine wraps it."""
    template = environment(SETTINGS).get_template("share.html.j2")
    return template.render(form=share_form(ix, SETTINGS), here="share/")


class _Config(HTMLParser):
    """The share page's `data-ak-config`, as the browser hands it to the script."""

    def __init__(self) -> None:
        super().__init__()
        self.config: dict[str, Any] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = dict(attrs).get("data-ak-config")
        if found is not None:
            self.config = json.loads(found)


def page_config(html: str) -> dict[str, Any]:
    parser = _Config()
    parser.feed(html)
    assert parser.config is not None, "the share page holds no data-ak-config"
    return parser.config


def described_fields(config: dict[str, Any], collection: Collection) -> dict[str, dict[str, Any]]:
    return {f["name"]: f for f in config["collections"][collection.name]["fields"]}


# The share form ---------------------------------------------------------------------------


@pytest.mark.parametrize("collection", OFFERED, ids=lambda c: c.name)
def test_share_page_describes_every_field_of_the_collection_as_the_schema_does(
    area: AreaWriter, collection: Collection
) -> None:
    fields = described_fields(page_config(share_page(indexes_of(written_area(area)))), collection)

    assert list(fields) == [spec.name for spec in collection.fields]
    for spec in collection.fields:
        described = fields[spec.name]
        assert described["label"] == spec.form_label
        assert described["help"] == spec.help
        assert described["required"] is spec.required
        assert described["many"] is spec.many
        assert described["kind"] == spec.kind.value
        assert described["filled"] == spec.question.filled.value
        if spec.kind is Kind.CHOICE:
            assert [c["value"] for c in described["choices"]] == list(spec.choices)


def test_share_page_gives_the_script_the_validators_email_pattern(area: AreaWriter) -> None:
    config = page_config(share_page(indexes_of(written_area(area))))

    assert config["emailPattern"] == EMAIL.pattern


def test_share_page_description_is_data_the_pages_policy_lets_through(area: AreaWriter) -> None:
    html = share_page(indexes_of(written_area(area)))

    assert "<script" not in html
    assert foreign_script(html, frozenset()) is None


def test_share_page_draws_a_control_for_every_field_a_new_entry_asks_for(
    area: AreaWriter,
) -> None:
    html = share_page(indexes_of(written_area(area)))

    for collection in OFFERED:
        for spec in collection.fields:
            drawn = f'data-ak-field="{spec.name}"' in html
            assert drawn is (spec.question.filled in ON_A_NEW_ENTRY), spec.name


def test_share_script_names_no_field_and_sets_no_required_flag() -> None:
    script = SHARE_JS.read_text("utf-8")
    names = {spec.name for c in OFFERED for spec in c.fields} | {f.name for f in IMPACT_FIELDS}

    for name in sorted(names):
        for written in (f'"{name}"', f"'{name}'", f"elements.{name}", f"[name={name}]"):
            assert written not in script, f"share.js names the field {name}: {written}"
    assert not re.search(r"required\s*[:=]\s*(?:true|false)", script)
    assert not re.search(r"""["'](?:case-study|practitioner)["']""", script)


@pytest.mark.parametrize("collection", OFFERED, ids=lambda c: c.name)
def test_no_script_template_writes_required_fields_out_and_optional_ones_as_comments(
    area: AreaWriter, collection: Collection
) -> None:
    template = share_form(indexes_of(written_area(area)), SETTINGS).templates[collection.name]
    lines = template.splitlines()

    assert template == entry_text(collection, {}, SETTINGS.content_folder)
    for spec in collection.fields:
        prefix = f"{spec.name}:" if spec.required else f"# {spec.name}:"
        assert any(line.startswith(prefix) for line in lines), prefix


# The issue forms -----------------------------------------------------------------------------


@pytest.mark.parametrize("file", sorted(issue_forms.issue_form_files()))
def test_committed_issue_form_is_the_one_the_schema_writes(file: str) -> None:
    committed = (FORMS_FOLDER / file).read_text("utf-8")

    assert committed == issue_forms.issue_form_files()[file], (
        f".github/ISSUE_TEMPLATE/{file} is out of date: run scripts/issue_forms.py"
    )


def test_issue_forms_check_fails_until_the_forms_are_written_again(tmp_path: Path) -> None:
    shutil.copytree(FORMS_FOLDER, tmp_path, dirs_exist_ok=True)
    stale = tmp_path / "list-practitioner.yml"
    stale.write_text(stale.read_text("utf-8").replace("Your role", "Job"), encoding="utf-8")
    untouched = (tmp_path / "withdraw-listing.yml").read_text("utf-8")

    assert issue_forms.main(["--check", "--folder", str(tmp_path)]) == 1
    assert issue_forms.main(["--folder", str(tmp_path)]) == 0
    assert issue_forms.main(["--check", "--folder", str(tmp_path)]) == 0
    assert (tmp_path / "withdraw-listing.yml").read_text("utf-8") == untouched


def test_issue_forms_script_checks_the_committed_forms() -> None:
    result = subprocess.run(
        [sys.executable, str(REPO / "scripts" / "issue_forms.py"), "--check"],
        cwd=REPO,
        capture_output=True,
        text=True,
        check=False,
    )

    assert result.returncode == 0, result.stderr


@pytest.mark.parametrize("form", issue_forms.FORMS, ids=lambda f: f.file)
def test_issue_form_asks_what_a_new_entry_asks_and_requires_what_the_schema_requires(
    form: issue_forms.IssueForm,
) -> None:
    body = issue_forms.issue_form(form)["body"]
    inputs = {item["id"]: item for item in body if item["type"] != "markdown"}

    asked = [s for s in form.collection.fields if s.question.filled in ON_A_NEW_ENTRY]
    assert list(inputs) == [spec.name for spec in asked]
    for spec in asked:
        item = inputs[spec.name]
        options = item["attributes"].get("options", [])
        required = item.get("validations", {}).get("required", False) or any(
            isinstance(option, dict) and option.get("required") for option in options
        )
        assert required is spec.required, spec.name


# What GitHub's issue forms accept, as far as it can be told without GitHub: the
# keys and types of its form schema, and the errors its documentation lists.
ELEMENT_TYPES = {"markdown", "input", "textarea", "dropdown", "checkboxes"}
ATTRIBUTES = {
    "markdown": {"value"},
    "input": {"label", "description", "placeholder", "value"},
    "textarea": {"label", "description", "placeholder", "value", "render"},
    "dropdown": {"label", "description", "multiple", "options", "default"},
    "checkboxes": {"label", "description", "options"},
}
TOP_LEVEL = {"name", "description", "title", "labels", "assignees", "projects", "type", "body"}
ID = re.compile(r"^[a-zA-Z0-9_-]+$")
# GitHub refuses a repository label longer than 50 characters; it documents no limit on an
# element's label, so this one is only a bound no form here should come near.
LABEL_LIMIT = 50
ELEMENT_LABEL_LIMIT = 200


def issue_form_problems(form: Any) -> list[str]:
    """What GitHub would refuse in an issue form, as far as can be checked offline."""
    problems: list[str] = []
    if not isinstance(form, dict):
        return ["the form is not a mapping"]
    problems += [f"{key}: not a key of an issue form" for key in sorted(set(form) - TOP_LEVEL)]
    for key in ("name", "description"):
        if not (isinstance(form.get(key), str) and form[key].strip()):
            problems.append(f"{key}: must be non-empty text")
    for label in form.get("labels", []):
        if not isinstance(label, str) or not label.strip() or len(label) > LABEL_LIMIT:
            problems.append(f"labels: {label!r} is not a label GitHub accepts")
    body = form.get("body")
    if not isinstance(body, list) or not body:
        return [*problems, "body: must be a non-empty list"]
    ids: list[str] = []
    labels: list[str] = []
    for index, item in enumerate(body):
        where = f"body[{index}]"
        kind = item.get("type")
        if kind not in ELEMENT_TYPES:
            problems.append(f"{where}: {kind!r} is not an element type")
            continue
        allowed = {"type", "attributes"} | (set() if kind == "markdown" else {"id", "validations"})
        problems += [f"{where}: {key} is not a key of an element" for key in set(item) - allowed]
        attributes = item.get("attributes", {})
        problems += [
            f"{where}: {key} is not an attribute of {kind}"
            for key in sorted(set(attributes) - ATTRIBUTES[kind])
        ]
        if set(item.get("validations", {})) - {"required"}:
            problems.append(f"{where}: validations hold only `required`")
        if "required" in attributes:
            problems.append(f"{where}: `required` belongs under validations")
        if kind == "markdown":
            if not str(attributes.get("value", "")).strip():
                problems.append(f"{where}: a markdown element needs a value")
            continue
        if "id" in item:
            if not ID.match(str(item["id"])):
                problems.append(f"{where}: id {item['id']!r} has characters GitHub refuses")
            ids.append(str(item["id"]))
        label = attributes.get("label")
        if not isinstance(label, str) or not label.strip() or len(label) > ELEMENT_LABEL_LIMIT:
            problems.append(f"{where}: label {label!r} is empty or too long")
        else:
            labels.append(label)
        options = attributes.get("options")
        if kind in ("dropdown", "checkboxes"):
            if not isinstance(options, list) or not options:
                problems.append(f"{where}: needs options")
                continue
            if kind == "dropdown":
                texts = options
                if any(not isinstance(o, str) or not o.strip() for o in texts):
                    problems.append(f"{where}: every option must be non-empty text")
                if any(str(o).lower() == "none" for o in texts):
                    problems.append(f"{where}: None is GitHub's own option")
                default = attributes.get("default")
                if default is not None and not (
                    isinstance(default, int) and 0 <= default < len(texts)
                ):
                    problems.append(f"{where}: default {default!r} is not an option's index")
            else:
                texts = [o.get("label") if isinstance(o, dict) else None for o in options]
                for option in options:
                    if not isinstance(option, dict) or set(option) - {"label", "required"}:
                        problems.append(f"{where}: an option holds only label and required")
                if any(not isinstance(t, str) or not t.strip() for t in texts):
                    problems.append(f"{where}: every option needs a label")
                labels += [t for t in texts if isinstance(t, str)]
            if len(set(map(str, texts))) != len(texts):
                problems.append(f"{where}: options must be unique")
    problems += [f"id {i!r} is used twice" for i in sorted({i for i in ids if ids.count(i) > 1})]
    problems += [
        f"label {label!r} is used twice"
        for label in sorted({x for x in labels if labels.count(x) > 1})
    ]
    if all(item.get("type") == "markdown" for item in body):
        problems.append("body: needs an element that is not markdown")
    return problems


ALL_FORMS = sorted(p.name for p in FORMS_FOLDER.glob("*.yml") if p.stem != "config")


@pytest.mark.parametrize("file", ALL_FORMS)
def test_issue_form_is_valid_for_githubs_issue_forms(file: str) -> None:
    form = yaml.safe_load((FORMS_FOLDER / file).read_text("utf-8"))

    assert issue_form_problems(form) == []


def test_issue_form_check_catches_what_github_refuses() -> None:
    broken = {
        "name": "Broken",
        "description": "A form GitHub would refuse.",
        "body": [
            {"type": "input", "id": "a b", "attributes": {"label": "Name", "required": True}},
            {"type": "dropdown", "id": "x", "attributes": {"label": "Name", "options": ["None"]}},
            {"type": "slider", "attributes": {"label": "Volume"}},
        ],
    }

    assert issue_form_problems(broken) == [
        "body[0]: required is not an attribute of input",
        "body[0]: `required` belongs under validations",
        "body[0]: id 'a b' has characters GitHub refuses",
        "body[1]: None is GitHub's own option",
        "body[2]: 'slider' is not an element type",
        "label 'Name' is used twice",
    ]


def test_written_issue_forms_pass_githubs_published_schema(tmp_path: Path) -> None:
    for name, text in issue_forms.issue_form_files().items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "check_jsonschema",
            "--builtin-schema",
            "vendor.github-issue-forms",
            *sorted(map(str, tmp_path.glob("*.yml"))),
        ],
        capture_output=True,
        text=True,
        check=False,
    )

    assert result.returncode == 0, result.stdout + result.stderr


# The exports ----------------------------------------------------------------------------------

NEVER_EXPORTED = {"consent", "review_by"}


def test_directory_never_holds_consent_or_review_dates(area: AreaWriter) -> None:
    ix = indexes_of(written_area(area))
    document = exports.knowledge_json(ix, knowledge_map(ix, 2))
    header = next(csv.reader(io.StringIO(exports.directory_csv(ix))))

    assert NEVER_EXPORTED.isdisjoint(header)
    assert NEVER_EXPORTED.isdisjoint(exports.DIRECTORY_COLUMNS)
    for person in document["practitioners"]:
        assert NEVER_EXPORTED.isdisjoint(person)


@pytest.mark.parametrize("collection", COLLECTIONS, ids=lambda c: c.name)
def test_exports_hold_every_field_of_the_schema_but_those_never_exported(
    collection: Collection,
) -> None:
    left_out = exports.NOT_EXPORTED[collection.name]
    keys = exports.entry_keys(collection)

    assert keys[0] == "id"
    assert [k for k in keys if k in {f.name for f in collection.fields}] == [
        f.name for f in collection.fields if f.name not in left_out
    ]


def test_export_columns_are_the_schemas_fields_with_school_names_and_evidence() -> None:
    assert exports.csv_columns(CASE_STUDIES) == exports.CASE_STUDY_COLUMNS
    assert exports.csv_columns(PRACTITIONERS) == exports.DIRECTORY_COLUMNS
    assert exports.CASE_STUDY_COLUMNS == (
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
    assert exports.DIRECTORY_COLUMNS == (
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


@pytest.mark.parametrize("collection", COLLECTIONS, ids=lambda c: c.name)
def test_json_entries_have_exactly_the_keys_the_schema_gives(
    area: AreaWriter, collection: Collection
) -> None:
    ix = indexes_of(written_area(area))
    document = exports.knowledge_json(ix, knowledge_map(ix, 2))
    key = {CASE_STUDIES.name: "case_studies", HUBS.name: "hubs"}.get(
        collection.name, "practitioners"
    )

    assert document[key]
    for entry in document[key]:
        assert tuple(entry) == exports.entry_keys(collection)


# CONTRIBUTING.md's field tables ---------------------------------------------------------------


def contributing_table(text: str, collection: Collection) -> dict[str, str] | None:
    """The field table of the section of CONTRIBUTING.md about the collection, or None.

    The section is the first heading naming the collection ("a case study", "a hub's
    page", "as a practitioner") up to the next heading as high; its table is the
    first whose rows start with a field in backticks. Each field maps to its
    "needed?" cell.
    """
    lines = text.splitlines()
    fenced = False
    headings: list[tuple[int, int, str]] = []
    for number, line in enumerate(lines):
        if line.startswith("```"):
            fenced = not fenced
        elif not fenced and (heading := re.match(r"(#+)\s+(.*)", line)):
            headings.append((number, len(heading.group(1)), heading.group(2).lower()))
    for index, (start, level, title) in enumerate(headings):
        if not re.search(rf"\b{re.escape(collection.label.lower())}\b", title):
            continue
        end = next((n for n, lv, _ in headings[index + 1 :] if lv <= level), len(lines))
        rows = {}
        for line in lines[start:end]:
            row = re.match(r"\|\s*`([a-z_]+)`\s*\|\s*([^|]*)\|", line)
            if row:
                rows[row.group(1)] = row.group(2).strip()
            elif rows and not line.startswith("|"):
                break
        return rows or None
    return None


@pytest.mark.parametrize(
    "collection",
    [CASE_STUDIES, HUBS, PRACTITIONERS],
    ids=lambda c: c.name,
)
def test_contributing_tables_list_every_field_and_mark_exactly_the_required_ones(
    collection: Collection,
) -> None:
    table = contributing_table(CONTRIBUTING.read_text("utf-8"), collection)

    assert table is not None, (
        f"CONTRIBUTING.md has no table of the {collection.label.lower()}'s fields under a "
        f'heading naming it (rows starting "| `field` |")'
    )
    assert sorted(table) == sorted(spec.name for spec in collection.fields)
    marked = {name for name, needed in table.items() if needed.lower().startswith("yes")}
    assert marked == {spec.name for spec in collection.fields if spec.required}


# Adding an optional field ---------------------------------------------------------------------

FUNDING = Field("funding", Kind.TEXT, help="how it was funded")


@pytest.fixture
def funding(monkeypatch: pytest.MonkeyPatch) -> Field:
    """The case study with one more optional field, as a maintainer would add it to schema.py."""
    fields = (*CASE_STUDIES.fields, FUNDING)
    monkeypatch.setattr(schema, "CASE_STUDY_FIELDS", fields)
    # Collections are frozen: the one object every module imported is changed in place.
    monkeypatch.setitem(CASE_STUDIES.__dict__, "fields", fields)
    return FUNDING


def funded_area(area: AreaWriter) -> Indexes:
    written_area(area).case_study("funded-clinic", funding="A grant from the local authority")
    loaded = load_area(str(area.content), today=TODAY, shown_from=str(area.root))
    assert [str(p) for p in loaded.problems] == []
    return build_indexes(publish(loaded, MAILBOX))


def test_new_optional_field_validates_with_no_problem(area: AreaWriter, funding: Field) -> None:
    ix = funded_area(area)

    assert "funded-clinic" in {study.id for study in ix.case_studies}


def test_new_optional_field_is_in_the_share_form_and_drawn_on_its_page(
    area: AreaWriter, funding: Field
) -> None:
    html = share_page(funded_area(area))
    described = described_fields(page_config(html), CASE_STUDIES)[funding.name]

    assert described["label"] == "Funding"
    assert described["help"] == "how it was funded"
    assert described["required"] is False
    assert described["control"] == "text"
    assert 'data-ak-field="funding"' in html


def test_new_optional_field_is_a_column_and_a_key_of_the_exports(
    area: AreaWriter, funding: Field
) -> None:
    ix = funded_area(area)
    document = exports.knowledge_json(ix, knowledge_map(ix, 2))
    header = next(csv.reader(io.StringIO(exports.case_studies_csv(ix))))

    assert "funding" in header
    assert all("funding" in study for study in document["case_studies"])


def test_new_optional_fields_value_reaches_the_exports(area: AreaWriter, funding: Field) -> None:
    ix = funded_area(area)
    document = exports.knowledge_json(ix, knowledge_map(ix, 2))
    study = next(s for s in document["case_studies"] if s["id"] == "funded-clinic")

    assert study["funding"] == "A grant from the local authority"


def test_new_optional_field_is_in_the_scaffolds_template(funding: Field) -> None:
    template = entry_text(CASE_STUDIES, {}, "content")

    assert "# funding:  # how it was funded\n" in template


def test_new_optional_field_is_asked_by_the_case_study_issue_form(funding: Field) -> None:
    form = next(f for f in issue_forms.FORMS if f.collection is CASE_STUDIES)
    body = issue_forms.issue_form(form)["body"]
    funding_item = next(item for item in body if item.get("id") == "funding")

    assert funding_item["type"] == "input"
    assert funding_item["attributes"] == {"label": "Funding", "description": "How it was funded."}
    assert "validations" not in funding_item
    assert issue_form_problems(issue_forms.issue_form(form)) == []


def test_new_optional_field_shows_on_its_page_with_one_line_of_one_template(
    area: AreaWriter, funding: Field, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The maintainer's one change outside the schema: a line in the case study's template.
    folder = tmp_path / "templates"
    shutil.copytree(templates.TEMPLATES, folder)
    page = folder / "case_study.html.j2"
    line = '{% if entry.value("funding") %}<p>Funded by {{ entry.value("funding") }}</p>{% endif %}'
    page.write_text(page.read_text(encoding="utf-8") + line + "\n", encoding="utf-8")
    monkeypatch.setattr(templates, "TEMPLATES", str(folder))
    written_area(area).case_study("funded-clinic", funding="a <b>grant</b> from the council")
    loaded = load_area(str(area.content), today=TODAY, shown_from=str(area.root))

    source = site_source(loaded, SETTINGS)

    html = next(p.html for p in source.pages if p.uri == "case-studies/funded-clinic.md")
    assert "<p>Funded by a &lt;b&gt;grant&lt;/b&gt; from the council</p>" in html
