"""Hostile content, as an attacker wrote it: refused on its line, and nothing of it published.

The cases come from an attack on the site: a merge-key bomb, control and
bidirectional characters in text, empty choices that fell back to their
defaults, blank and enormous titles, one locality spelt three ways, and
messages that named the wrong tag, line or value.
"""

from __future__ import annotations

import json
import time
import unicodedata
import xml.dom.minidom
from pathlib import Path

import pytest

from area_knowledge import Area, load_area
from area_knowledge.contract.problems import Problem
from area_knowledge.publishing.published import publish
from area_knowledge.reading.files import MAX_PROBLEMS_PER_FILE, at_most_per_file
from conftest import MAILBOX, SCHOOLS, THEMES, TODAY, AreaWriter, build_site, load_apart

CONTROL = (
    "which cannot be shown and breaks the site's feeds: "
    "delete it (an editor may show it as a box, or not at all)"
)
BIDI = (
    "which reorders the text shown around it: delete it; "
    "text in a right-to-left script is shown the right way without it"
)
MERGE = (
    "is not valid content: '<<' (a YAML merge key) copies fields from elsewhere, "
    "and content does not use it: write each field out where it belongs"
)


def load(area: AreaWriter) -> Area:
    return load_area(str(area.content), today=TODAY, shown_from=str(area.root))


def messages(area: AreaWriter) -> list[str]:
    return [str(p) for p in load(area).problems]


def front(**fields: str) -> str:
    """A case study's text, each field written exactly as given (YAML, not a Python value)."""
    lines = {
        "title": "Reading ladder",
        "summary": "Tutors read with pupils daily.",
        "themes": "[reading]",
        "schools": "[100001]",
        "published": "2026-01-15",
    }
    lines.update(fields)
    return "---\n" + "".join(f"{k}: {v}\n" for k, v in lines.items()) + "---\n\nBody text.\n"


def person(**fields: str) -> str:
    """A practitioner's text, listed until long after the test day, fields written as given."""
    lines = {
        "name": "Ada Lovelace",
        "role": "Reading lead",
        "school": "100001",
        "themes": "[reading]",
        "consent": "2025-09-01",
        "review_by": "2027-09-01",
    }
    lines.update(fields)
    return "---\n" + "".join(f"{k}: {v}\n" for k, v in lines.items()) + "---\n\nBody text.\n"


def published_studies(area: AreaWriter) -> dict[str, object]:
    return dict(publish(load(area), MAILBOX).case_studies)


# A merge-key bomb: twenty lines, a million keys once merged


def merge_bomb(levels: int) -> str:
    lines = ["---", "m0: &m0 {k0: 1, k1: 2}"]
    lines += [f"m{i}: &m{i} {{<<: [*m{i - 1}, *m{i - 1}], x{i}: 1}}" for i in range(1, levels + 1)]
    lines += [f"<<: *m{levels}", "title: merge bomb", "summary: s", "themes: [reading]"]
    lines += ["schools: [100001]", "published: 2026-10-01", "---", "body", ""]
    return "\n".join(lines)


MEMORY = 1 << 29  # 512 MiB


def test_merge_key_bomb_is_refused_before_it_is_merged(area: AreaWriter) -> None:
    area.raw("case-studies", "merge-bomb", merge_bomb(20))

    started = time.monotonic()
    result = load_apart(area, MEMORY)

    assert time.monotonic() - started < 10
    assert result["problems"] == [
        f"content/case-studies/merge-bomb.md:{line}: {MERGE}" for line in range(3, 24)
    ]
    assert result["entries"] == []


def test_one_merge_key_is_refused_on_its_line(area: AreaWriter) -> None:
    area.raw(
        "case-studies",
        "merged",
        "---\nbase: &b\n  themes: [reading]\n  schools: [100001]\n<<: *b\n"
        "title: Merged\nsummary: S\npublished: 2026-10-08\n---\nBody.\n",
    )

    assert messages(area) == [f"content/case-studies/merged.md:5: {MERGE}"]
    assert "merged" not in load(area).case_studies


def test_merge_key_in_a_register_is_refused(area: AreaWriter) -> None:
    (area.content / "themes.yml").write_text(
        "- &r {id: reading, title: Reading}\n- {<<: *r, id: send}\n", encoding="utf-8"
    )

    assert f"content/themes.yml:2: {MERGE}" in messages(area)


def test_value_that_holds_itself_is_refused(area: AreaWriter) -> None:
    area.raw("case-studies", "loop", front(summary="&s {again: *s}"))

    assert messages(area) == [
        "content/case-studies/loop.md:3: is too large or repeats itself: this value holds an "
        "alias ('*') to itself, so it never ends: write the value out, without '&' and '*'"
    ]


ALIAS_BOMB = [f"&a [{', '.join(['lol'] * 9)}]"] + [
    f"&{chr(ord('a') + i)} [{', '.join(['*' + chr(ord('a') + i - 1)] * 9)}]" for i in range(1, 9)
]


def test_alias_bomb_in_a_date_an_id_or_an_address_is_never_written_out(area: AreaWriter) -> None:
    anchors = "".join(f"x{i}: {anchor}\n" for i, anchor in enumerate(ALIAS_BOMB))
    area.raw("case-studies", "bomb", "---\n" + anchors + front(published="*i")[4:])
    area.raw("practitioners", "bomb", "---\n" + anchors + person(contact="*i")[4:])
    (area.content / "themes.yml").write_text(
        "- id: reading\n  title: Reading\n- x: "
        + ALIAS_BOMB[0]
        + "\n"
        + "".join(f"  x{i}: {a}\n" for i, a in enumerate(ALIAS_BOMB[1:], 1))
        + "- id: *i\n  title: Bomb\n",
        encoding="utf-8",
    )

    result = load_apart(area, MEMORY)

    found = "\n".join(result["problems"])
    assert "content/case-studies/bomb.md:15: published: [[[" in found
    assert "content/practitioners/bomb.md:17: contact: must be one value written as text" in found
    assert "content/themes.yml:12: id: must be one value written as text" in found


# No file floods the log


def test_no_file_gives_more_than_fifty_problems_and_a_count_of_the_rest() -> None:
    problems = [Problem("a.md", line, "title", "is wrong", "warning") for line in range(1, 121)]
    problems.insert(60, Problem("b.md", 1, "", "is wrong"))
    problems.append(Problem("a.md", 200, "status", "is wrong"))

    kept = at_most_per_file(problems)

    assert len(kept) == MAX_PROBLEMS_PER_FILE + 2
    assert kept[:MAX_PROBLEMS_PER_FILE] == problems[:MAX_PROBLEMS_PER_FILE]
    assert kept[MAX_PROBLEMS_PER_FILE] == Problem(
        "a.md",
        51,
        "",
        "… and 71 more problems in this file: fix those above, then check again to see the rest",
        "error",
    )
    assert kept[-1] == Problem("b.md", 1, "", "is wrong")


def test_a_file_of_a_thousand_unknown_fields_gives_fifty_problems_and_a_count(
    area: AreaWriter,
) -> None:
    unknown = "".join(f"field{n}: x\n" for n in range(1000))
    area.raw("case-studies", "flood", "---\n" + unknown + front()[4:])

    found = messages(area)

    assert len(found) == MAX_PROBLEMS_PER_FILE + 1
    assert found[-1].startswith("content/case-studies/flood.md:52: … and 950 more problems")


# Characters no page may hold


@pytest.mark.parametrize(
    ("written", "character", "kind", "fix"),
    [
        (r'"Attendance reset\e"', "U+001B", "a control character", CONTROL),
        (r'"Attendance reset\v"', "U+000B", "a control character", CONTROL),
        (r'"Attendance reset\0"', "U+0000", "a control character", CONTROL),
        (r'"Attendance reset\r"', "U+000D", "a control character", CONTROL),
        (r'"Attendance reset\x85"', "U+0085", "a control character", CONTROL),
        (r'"Attendance reset\x7f"', "U+007F", "a control character", CONTROL),
        (r'"Attendance reset\uFFFE"', "U+FFFE", "not a character", CONTROL),
        (r'"Attendance reset\uFDD0"', "U+FDD0", "not a character", CONTROL),
        (r'"Attendance reset\U0001FFFF"', "U+1FFFF", "not a character", CONTROL),
        (r'"Attendance reset\u202E"', "U+202E", "a right-to-left override", BIDI),
        (r'"Attendance reset\u2066"', "U+2066", "a left-to-right isolate", BIDI),
        (r'"Attendance reset\u200F"', "U+200F", "a right-to-left mark", BIDI),
        (r'"Attendance reset\u061C"', "U+061C", "an Arabic letter mark", BIDI),
    ],
    ids=lambda value: value if isinstance(value, str) and value.startswith("U+") else "",
)
def test_character_no_page_may_hold_is_named_in_a_title(
    area: AreaWriter, written: str, character: str, kind: str, fix: str
) -> None:
    area.raw("case-studies", "ctl", front(title=written))

    assert messages(area) == [
        f"content/case-studies/ctl.md:2: title: contains {character} ({kind}) "
        f"after 'Attendance reset', {fix}"
    ]
    assert "ctl" not in published_studies(area)


def test_zero_width_space_in_a_name_is_refused(area: AreaWriter) -> None:
    area.raw("practitioners", "ada", person(name=r'"Ada Love\u200Blace"'))

    assert messages(area) == [
        "content/practitioners/ada.md:2: name: contains U+200B (a zero-width space) after "
        "'Ada Love', which is invisible or breaks the line: delete it, or write an ordinary space"
    ]
    assert not publish(load(area), MAILBOX).practitioners


def test_right_to_left_override_at_the_start_of_a_summary_is_refused(area: AreaWriter) -> None:
    area.raw("case-studies", "bidi", front(summary=r'"\u202eAn override reverses this line"'))

    assert messages(area) == [
        "content/case-studies/bidi.md:3: summary: contains U+202E (a right-to-left override) "
        f"at the start, {BIDI}"
    ]


def test_nul_in_a_join_link_is_refused(area: AreaWriter) -> None:
    area.practitioner("ada-lovelace")
    area.hub("reading-hub", join="\x00https://evil.example")

    assert messages(area) == [
        f"content/hubs/reading-hub.md:8: join: contains U+0000 (a control character) "
        f"at the start, {CONTROL}"
    ]
    assert not publish(load(area), MAILBOX).hubs


@pytest.mark.parametrize(
    ("register", "items", "line", "field"),
    [
        ("schools.yml", [*SCHOOLS[:3], {**SCHOOLS[3], "name": "Damson\x1bPrimary"}], 19, "name"),
        (
            "schools.yml",
            [{**SCHOOLS[0], "locality": "North\u202eside"}, *SCHOOLS[1:]],
            4,
            "locality",
        ),
        ("themes.yml", [{**THEMES[0], "title": "Read\x00ing"}, *THEMES[1:]], 2, "title"),
        (
            "themes.yml",
            [{**THEMES[0], "description": "Every\ufffe phase"}, *THEMES[1:]],
            3,
            "description",
        ),
    ],
    ids=["school-name", "locality", "theme-title", "theme-description"],
)
def test_character_no_page_may_hold_is_refused_in_a_register(
    area: AreaWriter, register: str, items: list[dict[str, object]], line: int, field: str
) -> None:
    area.register(register, items)

    # A theme refused leaves its sub-themes' parent unknown: the first message is the character.
    assert messages(area)[0].startswith(f"content/{register}:{line}: {field}: contains U+")


def test_raw_control_character_in_front_matter_is_named_on_its_line(area: AreaWriter) -> None:
    area.raw("case-studies", "raw", front(summary="Élèves à l'école", title="Reading\x01ladder"))

    assert messages(area) == [
        "content/case-studies/raw.md:2: is not valid YAML: it contains the character U+0001, "
        "which YAML does not allow (a control character, or not a character at all): delete it"
    ]


def test_characters_no_page_may_hold_in_a_body_are_named_once_each(area: AreaWriter) -> None:
    body = "Intro.\n\nA\x00b\n\nc\x00d and \u202eevil\n\n\x00\n"
    area.raw("case-studies", "body", front().replace("Body text.\n", body))

    assert messages(area) == [
        "content/case-studies/body.md:11: body: contains U+0000 (a control character) here "
        f"and on lines 13, 15, {CONTROL}",
        "content/case-studies/body.md:13: body: contains U+202E (a right-to-left override), "
        + BIDI,
    ]
    assert "body" not in published_studies(area)


def test_control_character_in_a_page_without_front_matter_is_named(area: AreaWriter) -> None:
    (area.content / "about.md").write_text("# About\n\nWe \x02are\x03 here.\n", encoding="utf-8")

    assert messages(area) == [
        f"content/about.md:3: body: contains U+0002 (a control character), {CONTROL}",
        f"content/about.md:3: body: contains U+0003 (a control character), {CONTROL}",
    ]


def test_an_accent_written_as_two_characters_is_kept_and_counted_as_one(
    area: AreaWriter,
) -> None:
    decomposed = "e\u0301" * 300
    area.raw("case-studies", "accents", front(summary=f'"{decomposed}"', title='"Cafe\u0301s"'))

    area_read = load(area)

    assert area_read.problems == []
    study = area_read.case_studies["accents"]
    assert study.summary == "\u00e9" * 300
    assert study.title == "Caf\u00e9s"
    assert unicodedata.is_normalized("NFC", study.summary)


def test_a_feed_stays_xml_whatever_a_title_held(area: AreaWriter, tmp_path: Path) -> None:
    area.raw("case-studies", "ctl", front(title=r'"Attendance reset\e"'))
    area.case_study("fine")
    config = area.mkdocs_yml()

    site = build_site(config, tmp_path / "site", strict=False)

    feed = (site / "feed.xml").read_text(encoding="utf-8")
    xml.dom.minidom.parseString(feed)
    assert "Attendance reset" not in feed


# Empty choices, blank and enormous text


@pytest.mark.parametrize(
    "written", ['""', "", "'  '", "~"], ids=["quoted", "null", "spaces", "tilde"]
)
def test_empty_status_is_an_error_and_the_person_is_not_listed(
    area: AreaWriter, written: str
) -> None:
    area.raw("practitioners", "sam", person(status=written))

    assert messages(area) == [
        "content/practitioners/sam.md:8: status: is empty: write one of listed, withdrawn, "
        "or delete the line to mean 'listed'"
    ]
    assert not publish(load(area), MAILBOX).practitioners


@pytest.mark.parametrize(
    ("field", "line", "expected"),
    [
        ("status", 7, "one of published, draft, archived, or delete the line to mean 'published'"),
    ],
)
def test_empty_case_study_status_is_an_error(
    area: AreaWriter, field: str, line: int, expected: str
) -> None:
    area.raw("case-studies", "empty", front(**{field: ""}))

    assert messages(area) == [
        f"content/case-studies/empty.md:{line}: {field}: is empty: write {expected}"
    ]
    assert "empty" not in published_studies(area)


def test_empty_yes_no_value_in_a_register_is_an_error(area: AreaWriter) -> None:
    (area.content / "schools.yml").write_text(
        "- urn: 100001\n  name: Alder Primary School\n  phase: Primary\n  member:\n",
        encoding="utf-8",
    )

    assert messages(area) == [
        "content/schools.yml:4: member: is empty: write true or false, "
        "or delete the line to mean true"
    ]


def test_empty_availability_is_an_error(area: AreaWriter) -> None:
    area.raw("practitioners", "sam", person(availability="''"))

    assert messages(area) == [
        "content/practitioners/sam.md:8: availability: is empty: write one of available, "
        "limited, unavailable, or delete the line to mean 'available'"
    ]


def test_consent_after_today_is_an_error_and_the_person_is_not_listed(area: AreaWriter) -> None:
    area.raw("practitioners", "sam", person(consent="2027-09-01", review_by="2028-09-01"))

    assert messages(area) == [
        "content/practitioners/sam.md:6: consent: 2027-09-01 is after today: "
        "give the date the person agreed"
    ]
    assert not publish(load(area), MAILBOX).practitioners


@pytest.mark.parametrize("title", ['"   "', '"\\t\\n"', "'\u00a0'"], ids=["spaces", "tab", "nbsp"])
def test_title_of_only_spaces_is_required_and_nothing_is_made_of_it(
    area: AreaWriter, title: str
) -> None:
    area.raw("case-studies", "blank", front(title=title))

    assert messages(area) == [
        "content/case-studies/blank.md:2: title: is required, but it is empty"
    ]
    assert "blank" not in load(area).case_studies


def test_blank_alias_is_refused(area: AreaWriter) -> None:
    area.register("themes.yml", [{**THEMES[0], "aliases": ["reading ", "   "]}, *THEMES[1:]])

    assert messages(area) == [
        "content/themes.yml:6: aliases: is empty: write it, or delete the line"
    ]


def test_spaces_in_a_one_line_field_are_tidied(area: AreaWriter) -> None:
    area.raw("case-studies", "spaced", front(title='"  Reading \\t ladder\\n  for   Year 7 "'))
    area.raw("practitioners", "ada", person(name="' Ada   Lovelace '", role='"Reading\\nlead"'))
    area.register("schools.yml", [{**SCHOOLS[0], "locality": " North  side "}, *SCHOOLS[1:]])

    read = load(area)

    assert read.problems == []
    assert read.case_studies["spaced"].title == "Reading ladder for Year 7"
    assert read.practitioners["ada"].name == "Ada Lovelace"
    assert read.practitioners["ada"].role == "Reading lead"
    assert read.schools[100001].locality == "North side"


def test_no_break_space_inside_a_title_is_kept(area: AreaWriter) -> None:
    area.raw("case-studies", "nbsp", front(title="'Year\u00a07 reading'"))

    assert load(area).case_studies["nbsp"].title == "Year\u00a07 reading"


@pytest.mark.parametrize(
    ("folder", "text", "field", "line", "length", "limit"),
    [
        ("case-studies", front(title="T" * 550_000), "title", 2, 550_000, 5000),
        ("practitioners", person(name="N" * 151), "name", 2, 151, 150),
        ("practitioners", person(role="R" * 151), "role", 3, 151, 150),
    ],
    ids=["title", "name", "role"],
)
def test_text_longer_than_its_limit_is_refused(
    area: AreaWriter, folder: str, text: str, field: str, line: int, length: int, limit: int
) -> None:
    area.raw(folder, "long", text)

    assert messages(area) == [
        f"content/{folder}/long.md:{line}: {field}: is {length} characters; "
        f"the limit is {limit}: shorten it"
    ]


def test_long_locality_and_trust_are_refused(area: AreaWriter) -> None:
    area.register(
        "schools.yml", [{**SCHOOLS[0], "locality": "L" * 81, "trust": "T" * 151}, *SCHOOLS[1:]]
    )

    assert messages(area) == [
        "content/schools.yml:5: trust: is 151 characters; the limit is 150: shorten it",
        "content/schools.yml:4: locality: is 81 characters; the limit is 80: shorten it",
    ]


# One place, one spelling


def test_one_locality_written_three_ways_is_reported_for_each_other_spelling(
    area: AreaWriter,
) -> None:
    schools = [
        {"urn": 100001, "name": "Alder", "phase": "Primary", "locality": "Oakhurst Vale"},
        {"urn": 100002, "name": "Birch", "phase": "Primary", "locality": "Oakhurst-Vale"},
        {"urn": 100003, "name": "Cedar", "phase": "Primary", "locality": "oakhurst vale"},
        {"urn": 100004, "name": "Damson", "phase": "Primary", "locality": " Oakhurst  Vale "},
    ]
    area.register("schools.yml", schools)

    assert messages(area) == [
        "content/schools.yml:8: locality: 'Oakhurst-Vale' and 'Oakhurst Vale' (line 4) are the "
        "same place written two ways: write it one way, e.g. 'Oakhurst Vale'",
        "content/schools.yml:12: locality: 'oakhurst vale' and 'Oakhurst Vale' (line 4) are the "
        "same place written two ways: write it one way, e.g. 'Oakhurst Vale'",
    ]


def test_locality_without_letters_or_digits_is_refused(area: AreaWriter) -> None:
    area.register("schools.yml", [{**SCHOOLS[0], "locality": ".."}, *SCHOOLS[1:]])

    assert messages(area) == [
        "content/schools.yml:4: locality: '..' has no letters or digits: write the name of the "
        "town or district, or leave locality out"
    ]


# Messages that name what was written


def test_each_unknown_tag_is_named_as_written(area: AreaWriter) -> None:
    area.raw("case-studies", "tags", front(title='!ENV [HOME, "fallback"]', summary="!relative x"))

    assert messages(area) == [
        "content/case-studies/tags.md:2: is not valid YAML: the tag '!ENV' is not allowed in "
        "content: write plain text, lists and fields, without a '!' before the value",
        "content/case-studies/tags.md:3: is not valid YAML: the tag '!relative' is not allowed in "
        "content: write plain text, lists and fields, without a '!' before the value",
    ]


def test_python_tag_and_another_tag_are_both_reported(area: AreaWriter) -> None:
    area.raw("case-studies", "tags", front(title="!!python/name:os.system", summary="!ENV PATH"))

    found = messages(area)

    assert found[0] == (
        "content/case-studies/tags.md:2: is not valid YAML: tags such as '!!python/object' "
        "are not allowed in content: write plain text, lists and fields"
    )
    assert found[1].startswith("content/case-studies/tags.md:3: is not valid YAML: the tag '!ENV'")


def test_keys_that_are_not_field_names_are_each_named_on_their_line(area: AreaWriter) -> None:
    area.raw("case-studies", "keys", "---\nnull: x\n1: y\ntrue: z\n1.5: w\n" + front()[4:])

    assert messages(area) == [
        "content/case-studies/keys.md:2: null: keys are field names: 'null' is read as nothing "
        "(null); write a field name, as in 'title: …'",
        "content/case-studies/keys.md:3: 1: keys are field names: '1' is read as a number; "
        "write a field name, as in 'title: …'",
        "content/case-studies/keys.md:4: true: keys are field names: 'true' is read as a yes/no "
        "value; write a field name, as in 'title: …'",
        "content/case-studies/keys.md:5: 1.5: keys are field names: '1.5' is read as a number; "
        "write a field name, as in 'title: …'",
    ]


def test_key_that_is_a_list_is_named_on_its_line(area: AreaWriter) -> None:
    area.raw("case-studies", "keys", "---\n? [a, b]\n: x\n" + front()[4:])

    assert messages(area) == [
        "content/case-studies/keys.md:2: is not valid YAML: a field name must be a word, written "
        "'name: value', not a list or a mapping"
    ]


def test_unknown_key_with_a_control_character_is_shown_escaped(area: AreaWriter) -> None:
    area.raw("case-studies", "keys", '---\n"tit\\x1ble": x\n' + front()[4:])

    [message] = messages(area)

    assert message.startswith("content/case-studies/keys.md:2: 'tit\\x1ble': is not a field")
    assert "\x1b" not in message


def test_two_themes_that_are_each_others_parent_are_told_to_drop_one(area: AreaWriter) -> None:
    area.register(
        "themes.yml",
        [
            *THEMES,
            {"id": "cyc-a", "title": "Cycle A", "parent": "cyc-b"},
            {"id": "cyc-b", "title": "Cycle B", "parent": "cyc-a"},
        ],
    )

    assert messages(area) == [
        "content/themes.yml:23: parent: 'cyc-a' and 'cyc-b' are each other's parent: one level "
        "of themes is enough, so delete the parent of one of them"
    ]


@pytest.mark.parametrize("written", ["012345", '"012345"'], ids=["plain", "quoted"])
def test_urn_with_a_leading_zero_is_shown_as_written(area: AreaWriter, written: str) -> None:
    area.raw("case-studies", "zero", front(schools=f"[{written}]"))

    assert messages(area) == [
        "content/case-studies/zero.md:5: schools: '012345' is not a URN: no URN starts with 0; "
        "check the school's URN on Get Information About Schools, and write it as its six "
        "digits, e.g. 117001"
    ]


@pytest.mark.parametrize(
    "contact",
    [
        "javascript:alert(1)//@school.sch.uk",
        "c8@[127.0.0.1]",
        "c11@sch\u043eol.sch.uk",
        "ada@school.sch.uk\u202e",
    ],
    ids=["script", "address-literal", "look-alike", "override"],
)
def test_contact_that_is_not_a_plain_work_address_is_refused(
    area: AreaWriter, contact: str
) -> None:
    area.raw("practitioners", "ada", person(contact=json.dumps(contact)))

    [message] = messages(area)

    assert message.startswith("content/practitioners/ada.md:8: contact: ")
    assert not publish(load(area), MAILBOX).practitioners


def test_contact_written_as_a_mailto_link_is_kept_as_the_address(area: AreaWriter) -> None:
    area.raw("practitioners", "ada", person(contact="mailto:ada.lovelace@school.sch.uk"))

    assert load(area).practitioners["ada"].contact == "ada.lovelace@school.sch.uk"
