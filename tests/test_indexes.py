"""The cross-indexes and the contract's publishing rules, without building a site."""

from __future__ import annotations

from area_knowledge import build_indexes, load_area, publish
from conftest import MAILBOX, TODAY, AreaWriter


def indexes(area: AreaWriter):
    return build_indexes(
        publish(load_area(str(area.content), today=TODAY, shown_from=str(area.root)), MAILBOX)
    )


def ids(items) -> list[str]:
    return [item.id for item in items]


def test_parent_theme_lists_its_sub_themes_entries(area: AreaWriter) -> None:
    area.case_study("fluency-clinic", themes=["reading-fluency"])
    area.case_study("library", themes=["reading"])
    area.practitioner("ada-lovelace", themes=["fluency"])

    ix = indexes(area)

    assert ids(ix.by_theme["reading"].case_studies) == ["fluency-clinic", "library"]
    assert ids(ix.by_theme["reading"].practitioners) == ["ada-lovelace"]
    assert ids(ix.by_theme["reading-fluency"].case_studies) == ["fluency-clinic"]


def test_case_studies_are_listed_newest_first(area: AreaWriter) -> None:
    area.case_study("older", published="2024-03-01")
    area.case_study("newer", published="2026-03-01")

    assert ids(indexes(area).case_studies) == ["newer", "older"]


def test_school_index_holds_its_work_hubs_and_people(area: AreaWriter) -> None:
    area.practitioner("ada-lovelace", school=100003)
    area.hub("send-hub", host_school=100003, schools=[100001])
    area.case_study("outreach", schools=[100003, 100001])

    ix = indexes(area)

    cedar = ix.by_school[100003]
    assert ids(cedar.case_studies) == ["outreach"]
    assert ids(cedar.hosted_hubs) == ["send-hub"]
    assert ids(cedar.practitioners) == ["ada-lovelace"]
    assert ids(ix.by_school[100001].hubs) == ["send-hub"]
    assert 100004 not in ix.by_school


def test_person_index_holds_case_studies_and_hubs_led(area: AreaWriter) -> None:
    area.practitioner("ada-lovelace")
    area.hub("send-hub")
    area.case_study("outreach", contacts=["ada-lovelace"], hub="send-hub")

    ix = indexes(area)

    assert ids(ix.by_practitioner["ada-lovelace"].case_studies) == ["outreach"]
    assert ids(ix.by_practitioner["ada-lovelace"].hubs) == ["send-hub"]
    assert ids(ix.by_hub["send-hub"]) == ["outreach"]


def test_draft_is_in_no_index(area: AreaWriter) -> None:
    area.case_study("secret", status="draft", themes=["send"], schools=[100002])

    ix = indexes(area)

    assert ix.case_studies == [] and ix.archived == []
    assert ix.by_theme["send"].case_studies == []
    assert 100002 not in ix.by_school


def test_archived_case_study_is_reachable_but_unlisted(area: AreaWriter) -> None:
    area.case_study("old-news", status="archived", schools=[100002])

    ix = indexes(area)

    assert ids(ix.archived) == ["old-news"]
    assert ix.case_studies == []
    assert ix.by_theme["reading"].case_studies == []
    assert ix.by_school[100002].case_studies == []


def test_withdrawn_or_expired_person_is_in_no_index(area: AreaWriter) -> None:
    area.practitioner("gone", status="withdrawn", school=100002)
    area.practitioner("lapsed", review_by="2026-11-21", school=100002)
    area.practitioner("today", review_by="2026-11-22")
    area.case_study("named", contacts=["gone", "lapsed"])

    ix = indexes(area)

    assert ids(ix.practitioners) == ["today"]
    assert sorted(ix.area.withheld_pages) == ["practitioners/gone", "practitioners/lapsed"]
    assert ix.by_theme["reading"].practitioners == ix.practitioners
    assert "gone" not in ix.by_practitioner
    assert 100002 not in ix.by_school
    assert ix.listed("gone") is None and ix.listed("lapsed") is None


def test_related_prefers_shared_school_then_theme_and_excludes_itself(area: AreaWriter) -> None:
    area.case_study("subject", themes=["reading", "send"], schools=[100001])
    area.case_study("same-school", themes=["governance"], schools=[100001])
    area.case_study("two-themes", themes=["reading", "send"], schools=[100002])
    area.case_study("one-theme", themes=["send"], schools=[100002])
    area.case_study("unrelated", themes=["governance"], schools=[100002])

    ix = indexes(area)
    study = ix.area.case_studies["subject"]

    related = ix.related(study.themes, study.schools, None, frozenset({"subject"}))
    assert ids(related) == ["two-themes", "same-school", "one-theme"]


def test_related_is_at_most_five(area: AreaWriter) -> None:
    for number in range(8):
        area.case_study(f"study-{number}", themes=["send"])

    assert len(indexes(area).related(("send",), ())) == 5


def test_withholding_a_name_spares_longer_names_but_not_a_namesake(area: AreaWriter) -> None:
    area.practitioner("grace", name="Grace Achterberg", status="withdrawn")
    area.practitioner("grace-evans", name="Grace Achterberg-Evans")
    area.practitioner("sam-old", name="Sam Lee", status="withdrawn")
    area.practitioner("sam-new", name="Sam Lee")

    published = indexes(area).area
    withhold = published.mentions.withhold

    assert withhold("Ask Grace Achterberg.") == "Ask [name withheld]."
    assert withhold("Ask Grace Achterberg-Evans.") == "Ask Grace Achterberg-Evans."
    # A listing with the name of someone withdrawn may be them listed again without
    # their agreement: when in doubt about a person, the site does not publish them.
    assert withhold("Ask Sam Lee.") == "Ask [name withheld]."
    assert "sam-new" not in published.practitioners
    assert any("sam-new.md" in p.path and "withholds" in p.message for p in published.problems)
