"""Loading and resolving an area: what a contributor writes, and what they are told."""

from __future__ import annotations

from datetime import date

from area_knowledge import load_area
from conftest import THEMES, TODAY, AreaWriter


def load(area: AreaWriter):
    return load_area(str(area.content), today=TODAY, shown_from=str(area.root))


def messages(area: AreaWriter) -> list[str]:
    return [str(p) for p in load(area).problems]


def test_valid_area_loads_every_entry_with_no_problem(area: AreaWriter) -> None:
    area.practitioner("ada-lovelace", school=100003, themes=["send"])
    area.hub("send-hub", schools=[100001])
    area.case_study("phonics", hub="send-hub", contacts=["ada-lovelace"])

    loaded = load(area)

    assert loaded.problems == []
    assert set(loaded.case_studies) == {"phonics"}
    assert set(loaded.hubs) == {"send-hub"}
    assert set(loaded.practitioners) == {"ada-lovelace"}
    assert loaded.case_studies["phonics"].published == date(2026, 1, 15)


def test_theme_alias_resolves_to_theme_id(area: AreaWriter) -> None:
    area.case_study("premium", themes=["pupil premium", "fluency"])

    assert load(area).case_studies["premium"].themes == ("disadvantage", "reading-fluency")


def test_previous_urn_resolves_to_current_school(area: AreaWriter) -> None:
    area.case_study("old-urn", schools=[140002])

    assert load(area).case_studies["old-urn"].schools == (100002,)


def test_theme_in_another_case_is_accepted_with_a_warning_giving_its_id(
    area: AreaWriter,
) -> None:
    path = area.raw(
        "case-studies",
        "bad-theme",
        """\
        ---
        title: Bad theme
        summary: Something.
        themes:
          - reading
          - Send
        schools: [100001]
        published: 2026-01-01
        ---
        """,
    )

    assert messages(area) == [
        f"content/case-studies/{path.name}:6: themes: warning: 'Send' is read as the theme "
        "'send': write its id, 'send', as content/themes.yml lists it"
    ]
    assert load(area).case_studies["bad-theme"].themes == ("reading", "send")


def test_theme_named_by_its_title_is_accepted_with_a_warning(area: AreaWriter) -> None:
    area.case_study("by-title", themes=["Reading fluency"])

    assert messages(area) == [
        "content/case-studies/by-title.md:5: themes: warning: 'Reading fluency' is read as the "
        "theme 'reading-fluency': write its id, 'reading-fluency', as content/themes.yml lists it"
    ]


def test_theme_title_two_themes_could_mean_is_still_unknown(area: AreaWriter) -> None:
    themes = [*THEMES, {"id": "reading-2", "title": "Reading fluency"}]
    area.register("themes.yml", themes)
    area.case_study("ambiguous", themes=["reading fluency"])

    assert any("unknown theme 'reading fluency'" in m for m in messages(area))


def test_unknown_school_names_the_register(area: AreaWriter) -> None:
    area.case_study("bad-school", schools=[555555])

    [message] = messages(area)
    assert message.startswith("content/case-studies/bad-school.md:")
    assert "schools: unknown school 555555" in message
    assert "content/schools.yml" in message


def test_unknown_hub_and_contact_suggest_close_ids(area: AreaWriter) -> None:
    area.practitioner("ada-lovelace")
    area.hub("send-hub")
    area.case_study("bad-refs", hub="sned-hub", contacts=["ada-lovelac"])

    found = messages(area)

    assert any("hub: unknown hub 'sned-hub': did you mean 'send-hub'?" in m for m in found)
    assert any(
        "contacts: unknown practitioner 'ada-lovelac': did you mean 'ada-lovelace'?" in m
        for m in found
    )


def test_missing_required_fields_are_each_reported(area: AreaWriter) -> None:
    area.entry("case-studies", "bare", {"title": "Bare"})

    found = messages(area)

    for field in ("summary", "themes", "schools", "published"):
        assert any(f"bare.md:1: {field}: is required" in m for m in found), field


def test_impossible_date_is_reported_with_its_line(area: AreaWriter) -> None:
    area.raw(
        "case-studies",
        "leap",
        """\
        ---
        title: Leap
        summary: Something.
        themes: [reading]
        schools: [100001]
        published: 2026-02-30
        ---
        """,
    )

    [message] = messages(area)
    assert message.startswith("content/case-studies/leap.md:6: published: '2026-02-30'")
    assert "is not a real date" in message


def test_wrong_types_name_field_and_value(area: AreaWriter) -> None:
    area.case_study("typed", published="last spring", schools=["12ab"])
    area.practitioner("ada-lovelace", contact="not-an-address", availability="sometimes")

    found = "\n".join(messages(area))

    assert "published: 'last spring' is not a date: write it as YYYY-MM-DD" in found
    assert "schools: '12ab' is not a URN" in found
    assert "contact: 'not-an-address' is not an e-mail address" in found
    assert "availability: 'sometimes' is not one of available, limited, unavailable" in found


def test_evidence_outside_the_scale_suggests_the_closest(area: AreaWriter) -> None:
    area.case_study(
        "evidence",
        impact=[{"measure": "Reading age", "result": "Up 14 months", "evidence": "school data"}],
    )

    [message] = messages(area)
    assert "evidence: 'school data' is not one of" in message
    assert "did you mean 'school-data'?" in message


def test_unknown_gias_phase_suggests_the_spelling(area: AreaWriter) -> None:
    area.register("schools.yml", [{"urn": 100001, "name": "Alder", "phase": "primary"}])

    [message] = messages(area)
    assert "phase: 'primary' is not one of" in message
    assert "did you mean 'Primary'?" in message


def test_misspelt_field_name_suggests_the_field(area: AreaWriter) -> None:
    area.case_study("typo", themse=["send"])

    assert any("themse: is not a field: did you mean 'themes'?" in m for m in messages(area))


def test_every_problem_in_the_area_is_reported_in_one_run(area: AreaWriter) -> None:
    area.case_study("one", themes=["nope"])
    area.case_study("two", published="2026-13-01")
    area.raw("hubs", "three", "no front matter\n")

    found = messages(area)

    assert len(found) == 3
    assert {m.split(":")[0] for m in found} == {
        "content/case-studies/one.md",
        "content/case-studies/two.md",
        "content/hubs/three.md",
    }


def test_phases_default_to_the_schools_phases(area: AreaWriter) -> None:
    area.case_study("joint", schools=[100001, 100002, 100003])
    area.case_study("stated", phases=["EYFS", "post-16"])

    loaded = load(area)

    assert loaded.case_studies["joint"].phases == ("primary", "secondary", "special")
    assert loaded.case_studies["stated"].phases == ("early-years", "post-16")


def test_withdrawn_and_expired_people_are_warnings_not_errors(area: AreaWriter) -> None:
    area.practitioner("gone", status="withdrawn")
    area.practitioner("lapsed", review_by="2026-06-30")

    loaded = load(area)

    assert loaded.errors == []
    assert [(p.path, p.field) for p in loaded.warnings] == [
        ("content/practitioners/gone.md", "status"),
        ("content/practitioners/lapsed.md", "review_by"),
    ]


def test_nothing_in_content_changes_when_loading(area: AreaWriter) -> None:
    area.case_study("one", themes=["nope"])
    before = {p: p.read_bytes() for p in area.content.rglob("*") if p.is_file()}

    load(area)

    after = {p: p.read_bytes() for p in area.content.rglob("*") if p.is_file()}
    assert after == before


def test_previous_urn_that_is_in_use_or_claimed_twice_is_reported(area: AreaWriter) -> None:
    area.register(
        "schools.yml",
        [
            {"urn": 100001, "name": "Alder", "phase": "Primary", "previous_urns": [100002]},
            {"urn": 100002, "name": "Birch", "phase": "Primary", "previous_urns": [140001]},
            {"urn": 100003, "name": "Cedar", "phase": "Primary", "previous_urns": [140001]},
        ],
    )

    found = messages(area)

    assert "previous_urns: 100002 is the current URN of Birch" in found[0]
    assert "previous_urns: 140001 is already a previous URN of Birch" in found[1]


def test_personal_address_as_contact_is_a_warning_that_says_why(area: AreaWriter) -> None:
    area.practitioner("ada-lovelace", contact="ada.lovelace1815@gmail.com")

    [warning] = load(area).problems

    assert warning.severity == "warning" and warning.field == "contact"
    assert "'ada.lovelace1815@gmail.com' looks like a personal address" in warning.message
