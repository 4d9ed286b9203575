"""Bad input: every broken file is named, with its line, field and fix, and nothing crashes.

Contributions come from people outside the core team, often through the GitHub
web editor. Whatever they send, the loader answers with problems, never with a
traceback, and loses nothing that is valid.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from area_knowledge import Area, load_area, publish
from area_knowledge.contract.schema import CASE_STUDY_FIELDS, HUB_FIELDS, PRACTITIONER_FIELDS
from conftest import MAILBOX, TODAY, AreaWriter, load_apart


def load(area: AreaWriter) -> Area:
    return load_area(str(area.content), today=TODAY, shown_from=str(area.root))


def messages(area: AreaWriter) -> list[str]:
    return [str(p) for p in load(area).problems]


def case_study_text(**lines: str) -> str:
    """A valid case study's front matter, one field a line, with some lines replaced."""
    fields = {
        "title": "Reading ladder",
        "summary": "Tutors read with pupils daily.",
        "themes": "[reading]",
        "schools": "[100001]",
        "published": "2026-01-15",
    }
    fields.update(lines)
    front = "".join(f"{name}: {value}\n" for name, value in fields.items())
    return f"---\n{front}---\n\nBody text.\n"


# Malformed YAML


def test_unclosed_list_is_reported_as_invalid_yaml(area: AreaWriter) -> None:
    area.raw("case-studies", "broken", case_study_text(themes="[reading, send"))

    [message] = messages(area)

    assert message.startswith("content/case-studies/broken.md:")
    assert "is not valid YAML" in message


def test_unclosed_list_is_traced_to_the_line_that_opens_it(area: AreaWriter) -> None:
    area.raw("case-studies", "broken", case_study_text(themes="[reading, send"))

    [message] = messages(area)

    assert message.startswith("content/case-studies/broken.md:4: ")


def test_tab_indentation_says_to_indent_with_spaces(area: AreaWriter) -> None:
    area.raw("case-studies", "tabbed", "---\ntitle: Tabbed\nthemes:\n\t- reading\n---\n")

    [message] = messages(area)

    assert message.startswith("content/case-studies/tabbed.md:4: is not valid YAML")
    assert "indent with spaces" in message


# Front matter missing, empty or not fields


@pytest.mark.parametrize(
    ("text", "line", "expected"),
    [
        ("Just a body.\n", 1, "has no front matter: start the file with a line '---'"),
        ("---\n---\nBody.\n", 1, "front matter is empty: add the fields between the '---' lines"),
        (
            "---\n- a\n- b\n---\n",
            2,
            "front matter must be fields written 'name: value', not a list",
        ),
        (
            "---\nJust a sentence\n---\n",
            2,
            "must be fields written 'name: value', not a line of text",
        ),
    ],
    ids=["missing", "empty", "list", "scalar"],
)
def test_front_matter_that_is_not_fields_is_explained(
    area: AreaWriter, text: str, line: int, expected: str
) -> None:
    area.raw("case-studies", "odd", text)

    [message] = messages(area)

    assert message.startswith(f"content/case-studies/odd.md:{line}: ")
    assert expected in message


def test_front_matter_that_is_a_bare_number_is_explained_in_words(area: AreaWriter) -> None:
    area.raw("case-studies", "odd", "---\n2026\n---\n")

    [message] = messages(area)

    assert message.endswith("front matter must be fields written 'name: value', not a number")


def test_front_matter_never_closed_says_the_closing_line_is_missing(area: AreaWriter) -> None:
    area.raw("case-studies", "open", "---\ntitle: Open\nsummary: S\n\nBody text.\n")

    [message] = messages(area)

    assert message.startswith("content/case-studies/open.md:1: ")
    assert "start the file with" not in message
    assert "closing '---'" in message


# Wrong types


@pytest.mark.parametrize(
    ("field", "value", "line", "expected"),
    [
        ("title", "[Reading, ladder]", 2, "title: must be text, not ['Reading', 'ladder']"),
        ("themes", "{reading: yes}", 4, "themes: must be an id written as text, not {'reading'"),
        ("schools", "[12345]", 5, "schools: 12345 is not a URN: a URN is the school's 6-digit"),
        ("schools", "[abcdef]", 5, "schools: 'abcdef' is not a URN: a URN is the school's 6-digit"),
        (
            "published",
            "31/12/2026",
            6,
            "published: '31/12/2026' is not a date: write it as YYYY-MM-DD, e.g. 2026-03-14",
        ),
    ],
    ids=["text-given-list", "list-given-mapping", "urn-five-digits", "urn-letters", "uk-date"],
)
def test_value_of_the_wrong_type_names_field_value_and_fix(
    area: AreaWriter, field: str, value: str, line: int, expected: str
) -> None:
    area.raw("case-studies", "typed", case_study_text(**{field: value}))

    found = messages(area)

    assert any(m.startswith(f"content/case-studies/typed.md:{line}: {expected}") for m in found)


def test_bool_given_text_names_field_value_and_fix(area: AreaWriter) -> None:
    area.register("themes.yml", [{"id": "reading", "title": "Reading", "priority": "yes"}])

    [message] = messages(area)

    assert message == "content/themes.yml:3: priority: must be true or false, not 'yes'"


@pytest.mark.parametrize("value", ["2026-02-30", "2026-13-01"])
def test_impossible_date_is_reported_as_not_a_real_date(area: AreaWriter, value: str) -> None:
    area.raw("case-studies", "when", case_study_text(published=value))

    [message] = messages(area)

    assert message.startswith(f"content/case-studies/when.md:6: published: '{value}' is not")
    assert "is not a real date" in message


# Unknown references


def test_unknown_references_of_each_kind_suggest_the_closest(area: AreaWriter) -> None:
    area.register(
        "themes.yml",
        [
            {"id": "reading", "title": "Reading"},
            {"id": "send", "title": "SEND", "parent": "readng"},
        ],
    )
    area.practitioner("ada-lovelace")
    area.hub("send-hub", lead="ada-lovelac")
    area.raw(
        "case-studies",
        "refs",
        case_study_text(
            themes="[Sned]", schools="[100011]", hub="sned-hub", contacts="[ada-lovelac]"
        ),
    )

    found = messages(area)

    for expected in [
        "content/themes.yml:5: parent: unknown theme 'readng': did you mean 'reading'?",
        "content/case-studies/refs.md:4: themes: unknown theme 'Sned': did you mean 'send'?",
        "content/case-studies/refs.md:5: schools: unknown school 100011: did you mean '100001'?",
        "content/case-studies/refs.md:7: hub: unknown hub 'sned-hub': did you mean 'send-hub'?",
        "content/case-studies/refs.md:8: contacts: unknown practitioner 'ada-lovelac': "
        "did you mean 'ada-lovelace'?",
        "content/hubs/send-hub.md:6: lead: unknown practitioner 'ada-lovelac': "
        "did you mean 'ada-lovelace'?",
    ]:
        assert expected in found


def test_summary_over_the_limit_gives_length_and_fix(area: AreaWriter) -> None:
    area.raw("case-studies", "wordy", case_study_text(summary="x" * 301))

    assert messages(area) == [
        "content/case-studies/wordy.md:3: summary: is 301 characters; the limit is 300: "
        "shorten it to one or two sentences"
    ]


# Encodings and line endings


@pytest.mark.parametrize(
    ("encoded", "line"),
    [
        ("---\ntitle: Café\n---\n".encode("latin-1"), 2),
        ("---\ntitle: Café\n---\n".encode("utf-16"), 1),
    ],
    ids=["latin-1", "utf-16-with-bom"],
)
def test_file_that_is_not_utf8_says_to_save_it_as_utf8(
    area: AreaWriter, encoded: bytes, line: int
) -> None:
    area.raw("case-studies", "encoded", encoded)

    [message] = messages(area)

    assert message.startswith(f"content/case-studies/encoded.md:{line}: is not UTF-8 (byte 0x")
    assert message.endswith("save the file as UTF-8 in your editor")


def test_byte_order_mark_and_windows_line_endings_are_accepted_everywhere(
    area: AreaWriter,
) -> None:
    for path in (area.case_study("windows"), area.content / "themes.yml"):
        path.write_bytes(b"\xef\xbb\xbf" + path.read_bytes().replace(b"\n", b"\r\n"))

    loaded = load(area)

    assert loaded.problems == []
    assert loaded.case_studies["windows"].themes == ("reading",)


# Names and registers


def test_file_name_that_is_not_an_id_suggests_one(area: AreaWriter) -> None:
    area.case_study("Year 7 Reading")

    assert messages(area) == [
        "content/case-studies/Year 7 Reading.md:1: file name 'Year 7 Reading.md' is not a valid "
        "id: use lower-case letters, digits and hyphens, e.g. 'year-7-reading.md'"
    ]


def test_duplicate_theme_ids_and_urns_point_to_the_first(area: AreaWriter) -> None:
    area.register("themes.yml", [{"id": "send", "title": "SEND"}, {"id": "send", "title": "Send"}])
    area.register(
        "schools.yml",
        [
            {"urn": 100001, "name": "Alder", "phase": "Primary"},
            {"urn": 100001, "name": "Alder again", "phase": "Primary"},
        ],
    )

    found = messages(area)

    assert (
        "content/themes.yml:3: id: 'send' is already the id of the theme on line 1: " in (found[0])
    )
    assert (
        "content/schools.yml:4: urn: 100001 is already the URN of the school on line 1: "
        in (found[1])
    )


# YAML that would build objects


@pytest.mark.parametrize(
    "tag",
    [
        "!!python/object/apply:os.system ['touch {marker}']",
        "!!python/object/new:os.system ['touch {marker}']",
        "!!python/name:os.system",
        "!!python/module:os",
    ],
    ids=["apply", "new", "name", "module"],
)
def test_python_tag_is_refused_and_never_run(area: AreaWriter, tmp_path: Path, tag: str) -> None:
    marker = tmp_path / "marker"
    area.raw("case-studies", "tagged", case_study_text(title=tag.format(marker=marker)))

    [message] = messages(area)

    assert message == (
        "content/case-studies/tagged.md:2: is not valid YAML: tags such as '!!python/object' "
        "are not allowed in content: write plain text, lists and fields"
    )
    assert not marker.exists()


def test_binary_value_is_reported_as_the_wrong_type(area: AreaWriter) -> None:
    area.raw("case-studies", "binary", case_study_text(title="!!binary UmVhZGluZw=="))

    assert messages(area) == [
        "content/case-studies/binary.md:2: title: must be text, not b'Reading'"
    ]


def test_bool_tag_on_a_word_is_reported_not_raised(area: AreaWriter) -> None:
    (area.content / "themes.yml").write_text(
        "- id: reading\n  title: Reading\n  priority: !!bool maybe\n", encoding="utf-8"
    )

    [message] = messages(area)

    assert message.startswith("content/themes.yml:3: ")


def test_timestamp_tag_on_a_word_is_reported_not_raised(area: AreaWriter) -> None:
    area.raw("case-studies", "when", case_study_text(published="!!timestamp next-spring"))

    [message] = messages(area)

    assert message.startswith("content/case-studies/when.md:6: ")


def test_huge_hexadecimal_number_is_text_never_a_crash(area: AreaWriter) -> None:
    huge = "0x" + "f" * 4000
    area.raw("case-studies", "huge", case_study_text(schools=huge))
    area.raw("case-studies", "long-title", case_study_text(title=huge))

    found = messages(area)

    assert len(found) == 1
    assert found[0].startswith("content/case-studies/huge.md:") and "schools:" in found[0]
    assert "is not a URN" in found[0]


def test_control_character_is_reported_in_plain_words(area: AreaWriter) -> None:
    area.raw("case-studies", "nul", case_study_text(title="Reading\x00ladder"))

    [message] = messages(area)

    assert message.startswith("content/case-studies/nul.md:2: ")
    assert "<unicode string>" not in message
    assert "\n" not in message


# Alias bombs: run apart, so that a failure cannot take the test run down with it

BOMB = [f"&a [{', '.join(['lol'] * 9)}]"] + [
    f"&{chr(ord('a') + i)} [{', '.join(['*' + chr(ord('a') + i - 1)] * 9)}]" for i in range(1, 9)
]

MEMORY = 1 << 30  # 1 GiB: the bomb, expanded, needs far more


def test_alias_bomb_in_a_list_field_is_reported_without_expanding_it(area: AreaWriter) -> None:
    themes = "".join(f"  - {anchor}\n" for anchor in BOMB)
    area.raw("case-studies", "bomb", case_study_text(themes="\n" + themes.rstrip("\n")))

    result = load_apart(area, MEMORY)

    assert result["problems"]
    assert all(
        p.startswith("content/case-studies/bomb.md:") and ": themes: must be an id" in p
        for p in result["problems"]
    )


def test_alias_bomb_at_the_top_level_is_handled_without_expanding_it(area: AreaWriter) -> None:
    anchors = "".join(f"{chr(ord('a') + i)}: {anchor}\n" for i, anchor in enumerate(BOMB))
    area.raw("case-studies", "bomb", "---\n" + anchors + case_study_text().removeprefix("---\n"))

    result = load_apart(area, MEMORY)

    assert result["entries"] == ["bomb"]


def test_alias_bomb_in_a_register_is_reported_without_expanding_it(area: AreaWriter) -> None:
    aliases = "".join(f"    - {anchor}\n" for anchor in BOMB)
    (area.content / "themes.yml").write_text(
        f"- id: reading\n  title: Reading\n  aliases:\n{aliases}", encoding="utf-8"
    )

    result = load_apart(area, MEMORY)

    assert any(
        p.startswith("content/themes.yml:4: aliases: must be text") for p in result["problems"]
    )


# Size and depth


def test_very_large_file_is_refused_with_the_limit_before_it_is_read(area: AreaWriter) -> None:
    # The front matter is broken too: had the file been read, that would be reported.
    area.raw("case-studies", "huge", "---\ntitle: [unclosed\n---\n" + "x" * 2_000_000)

    assert messages(area) == [
        "content/case-studies/huge.md:1: file is larger than 1 MB: split it, "
        "or move large resources out of content/"
    ]


@pytest.mark.parametrize(
    "nested",
    [
        "[" * 40_000 + "]" * 40_000,
        "{a: " * 10_000 + "1" + "}" * 10_000,
        "\n" + "".join("  " * i + "- \n" for i in range(1, 60)),
    ],
    ids=["lists", "mappings", "indented"],
)
def test_deeply_nested_value_is_refused_on_its_line_before_it_is_read(
    area: AreaWriter, nested: str
) -> None:
    area.raw("case-studies", "deep", case_study_text(themes=nested))
    area.case_study("fine")

    [message] = messages(area)

    assert message.startswith("content/case-studies/deep.md:")
    assert "nested more than 12 deep" in message
    assert "fine" in load(area).case_studies


# Keys that are not names


def test_key_that_is_a_number_is_reported(area: AreaWriter) -> None:
    area.raw("case-studies", "keyed", case_study_text().replace("title:", "2026: x\ntitle:"))

    [message] = messages(area)

    assert message.startswith("content/case-studies/keyed.md:2: 2026: ")


def test_key_that_is_a_list_is_reported_with_a_fix(area: AreaWriter) -> None:
    area.raw("case-studies", "keyed", case_study_text().replace("title:", "? [a, b]\n: c\ntitle:"))

    [message] = messages(area)

    assert message.startswith("content/case-studies/keyed.md:2: ")
    assert "unhashable" not in message
    assert "name: value" in message


# All at once


def test_ten_broken_files_are_each_reported_and_the_good_entries_still_load(
    area: AreaWriter,
) -> None:
    area.practitioner("ada-lovelace")
    area.case_study("good-one", contacts=["ada-lovelace"])
    broken = {
        "malformed": case_study_text(themes="[reading"),
        "no-front-matter": "Just a body.\n",
        "empty-front-matter": "---\n---\nBody.\n",
        "list-front-matter": "---\n- a\n---\n",
        "latin-1": "---\ntitle: Café\n---\n".encode("latin-1"),
        "python-tag": case_study_text(title="!!python/name:os.system"),
        "wordy": case_study_text(summary="x" * 301),
        "leap": case_study_text(published="2026-02-30"),
        "unknown-theme": case_study_text(themes="[nope]"),
        "bad-urn": case_study_text(schools="[12345]"),
    }
    for name, text in broken.items():
        area.raw("case-studies", name, text)

    loaded = load(area)

    reported = {p.path for p in loaded.problems}
    assert reported == {f"content/case-studies/{name}.md" for name in broken}
    assert {"good-one"} <= set(loaded.case_studies)
    assert loaded.case_studies["good-one"].contacts == ("ada-lovelace",)
    assert set(loaded.practitioners) == {"ada-lovelace"}


# Anything at all


def front_matter_values() -> st.SearchStrategy[object]:
    text = st.text(st.characters(exclude_categories=("Cs",)), max_size=20)
    scalars = st.one_of(
        text,
        st.integers(),
        st.floats(),
        st.booleans(),
        st.none(),
        st.dates(),
        st.sampled_from(["reading", "100001", "2026-01-15", "ada-lovelace", "send-hub"]),
    )
    return st.recursive(
        scalars,
        lambda children: st.one_of(
            st.lists(children, max_size=4),
            st.dictionaries(st.one_of(text, st.integers()), children, max_size=4),
        ),
        max_leaves=8,
    )


FIELD_NAMES = sorted({f.name for f in (*CASE_STUDY_FIELDS, *HUB_FIELDS, *PRACTITIONER_FIELDS)})
FOLDERS = ["case-studies", "hubs", "practitioners"]


def assert_only_problems(loaded: Area) -> None:
    for problem in loaded.problems:
        assert problem.path
        assert problem.line >= 1
        assert problem.message
        assert str(problem)


# Derandomized: content pull requests run CI, and must not meet a random failure.
@settings(
    max_examples=200,
    deadline=None,
    derandomize=True,
    database=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(
    folder=st.sampled_from(FOLDERS),
    fields=st.dictionaries(
        st.one_of(st.sampled_from(FIELD_NAMES), st.text(max_size=12), st.integers()),
        front_matter_values(),
        max_size=6,
    ),
)
def test_any_front_matter_gives_entries_or_problems(
    area: AreaWriter, folder: str, fields: dict[object, object]
) -> None:
    front = yaml.safe_dump(fields, sort_keys=False, allow_unicode=True)
    area.raw(folder, "random", f"---\n{front}---\n\nBody.\n")

    assert_only_problems(load(area))


# Pieces of YAML that, put together at random, make the mistakes contributors make.
YAML_PIECES = [
    *("!!bool ", "!!timestamp ", "!!int ", "!!float ", "0x" + "f" * 4000, "9" * 5000),
    *("---\n", "...\n", "\n", "  ", "- ", "? ", ": ", "[", "]", "{", "}", ",", "#", "|", ">"),
    *("'", '"', "\t", "&a ", "*a", "<<: *a\n", "!!str ", "!!binary ", "!!python/name:os.system"),
    *("title: ", "themes: ", "schools: ", "published: ", "impact:\n  - measure: "),
    *("reading", "100001", "2026-02-30", "yes", "~", "0o777", "1e309", ".nan", "\x00", "é"),
]


@settings(
    max_examples=200,
    deadline=None,
    derandomize=True,
    database=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(
    folder=st.sampled_from(FOLDERS),
    text=st.one_of(
        st.text(max_size=200),
        st.lists(st.sampled_from(YAML_PIECES), max_size=40).map("".join),
    ),
    fenced=st.booleans(),
)
def test_any_file_text_gives_entries_or_problems(
    area: AreaWriter, folder: str, text: str, fenced: bool
) -> None:
    content = ("---\n" + text + "\n---\n") if fenced else text
    area.raw(folder, "random", content.encode("utf-8", "surrogatepass"))

    assert_only_problems(load(area))


def test_a_list_longer_than_any_page_should_show_is_refused_by_its_count(
    area: AreaWriter,
) -> None:
    # Every school a list names is drawn on the page, and in its search facets.
    area.case_study("everyone", schools=[100001] * 501)

    assert messages(area) == [
        "content/case-studies/everyone.md:6: schools: lists 501 values, more than 500: "
        "keep those that matter most"
    ]
    assert "everyone" not in publish(load(area), MAILBOX).case_studies
