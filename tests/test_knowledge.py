"""The knowledge map and the data exports, without building a site."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable
from typing import Any

import pytest

from area_knowledge import Indexes, build_indexes, load_area, publish
from area_knowledge.publishing.knowledge_map import (
    LEVEL_MEANINGS,
    LEVELS,
    KnowledgeMap,
    ThemeRow,
    knowledge_level,
    knowledge_map,
)
from area_knowledge.site.exports import case_studies_csv, directory_csv, knowledge_json
from conftest import MAILBOX, TODAY, AreaWriter


def indexes(area: AreaWriter) -> Indexes:
    return build_indexes(
        publish(load_area(str(area.content), today=TODAY, shown_from=str(area.root)), MAILBOX)
    )


def mapped(area: AreaWriter, review_years: int = 2) -> KnowledgeMap:
    return knowledge_map(indexes(area), review_years)


def row(kmap: KnowledgeMap, theme_id: str) -> ThemeRow:
    return next(r for r in kmap.rows if r.theme.id == theme_id)


def ids(items: Iterable[Any]) -> list[str]:
    return [item.id for item in items]


def hide_two_people(area: AreaWriter) -> None:
    """A withdrawn and an expired person, expert in a priority theme and named as contacts."""
    area.practitioner("gone-person", status="withdrawn", themes=["governance"], school=100002)
    area.practitioner("lapsed-person", review_by="2026-11-21", themes=["governance"])
    area.hub("governors-hub", themes=["governance"], lead="gone-person", host_school=100002)
    area.case_study("named", themes=["governance"], contacts=["gone-person", "lapsed-person"])


def test_priority_theme_with_no_content_is_a_gap_lacking_everything(area: AreaWriter) -> None:
    area.practitioner("ada-lovelace", themes=["send"])
    area.hub("send-hub", themes=["send"])
    area.case_study("send-audit", themes=["send"], contacts=["ada-lovelace"])

    gaps = mapped(area).gaps

    assert [(gap.theme.id, gap.missing) for gap in gaps.priority_themes] == [
        ("governance", ("case-study", "expert", "hub"))
    ]
    assert ids(gaps.priority_themes_without("case-study")) == ["governance"]


def test_priority_gap_names_only_what_is_missing(area: AreaWriter) -> None:
    area.practitioner("ada-lovelace", themes=["send"])
    area.case_study("send-audit", themes=["send"])

    gaps = mapped(area).gaps

    assert ("send", ("hub",)) in [(gap.theme.id, gap.missing) for gap in gaps.priority_themes]


def test_closed_hub_does_not_fill_a_gap(area: AreaWriter) -> None:
    area.practitioner("ada-lovelace", themes=["send"])
    area.hub("old-send-hub", themes=["send"], status="closed")

    kmap = mapped(area)

    assert row(kmap, "send").hubs == 0
    assert ids(kmap.gaps.priority_themes_without("hub")) == ["send", "governance"]
    assert kmap.headlines.active_hubs == 0


def test_broader_theme_counts_include_its_sub_themes(area: AreaWriter) -> None:
    area.case_study("fluency-clinic", themes=["reading-fluency"])
    area.case_study("library", themes=["reading"])
    area.practitioner("ada-lovelace", themes=["fluency"])

    kmap = mapped(area)

    assert (row(kmap, "reading").case_studies, row(kmap, "reading").experts) == (2, 1)
    assert (row(kmap, "reading-fluency").case_studies, row(kmap, "reading-fluency").experts) == (
        1,
        1,
    )


def test_rows_follow_theme_tree_order(area: AreaWriter) -> None:
    assert ids(r.theme for r in mapped(area).rows) == [
        "reading",
        "reading-fluency",
        "send",
        "disadvantage",
        "governance",
    ]


def test_map_shows_every_theme_of_a_short_vocabulary_and_the_broad_ones_of_a_long_one(
    area: AreaWriter,
) -> None:
    short = mapped(area)
    assert short.shown == short.rows and not short.broad_only

    area.long_vocabulary(30)
    area.case_study("fluency", themes=["theme-029-early"])
    kmap = mapped(area)

    assert len(kmap.rows) == 90 and kmap.broad_only
    assert ids(r.theme for r in kmap.shown) == [f"theme-{n:03}" for n in range(30)]
    assert row(kmap, "theme-029").case_studies == 1


def test_schools_behind_a_theme_are_counted_once_from_studies_hubs_and_people(
    area: AreaWriter,
) -> None:
    area.case_study("send-audit", themes=["send"], schools=[100001, 100002])
    area.hub("send-hub", themes=["send"], host_school=100003, schools=[100001])
    area.practitioner("ada-lovelace", themes=["send"], school=100004)

    assert row(mapped(area), "send").schools == 4


def test_available_experts_are_those_available_now(area: AreaWriter) -> None:
    area.practitioner("ada-lovelace", themes=["send"])
    area.practitioner("grace-hopper", themes=["send"], availability="limited")
    area.practitioner("alan-turing", themes=["send"], availability="unavailable")

    send = row(mapped(area), "send")

    assert (send.experts, send.available_experts) == (3, 1)


@pytest.mark.parametrize(
    ("counts", "level"),
    [
        ((0, 0, 0, 0), "none"),
        ((4, 0, 0, 6), "thin"),
        ((0, 2, 0, 2), "thin"),
        ((1, 1, 0, 1), "some"),
        ((1, 1, 1, 2), "some"),
        ((1, 1, 1, 3), "strong"),
    ],
)
def test_level_rises_with_kinds_of_knowledge_and_schools(
    counts: tuple[int, int, int, int], level: str
) -> None:
    assert knowledge_level(*counts) == level


def test_every_level_has_a_word_and_a_meaning_so_colour_is_not_the_only_signal() -> None:
    assert set(LEVELS) == set(LEVEL_MEANINGS) == {"none", "thin", "some", "strong"}
    assert all(LEVELS.values()) and all(LEVEL_MEANINGS.values())


def test_row_level_is_computed_from_its_counts(area: AreaWriter) -> None:
    area.case_study("send-audit", themes=["send"], schools=[100001, 100002])
    area.hub("send-hub", themes=["send"], host_school=100003)
    area.practitioner("ada-lovelace", themes=["send"])

    kmap = mapped(area)

    assert row(kmap, "send").level == "strong"
    assert row(kmap, "governance").level == "none"


def test_theme_with_case_studies_but_no_listed_expert_is_a_gap(area: AreaWriter) -> None:
    area.case_study("library", themes=["reading"])
    area.case_study("governor-induction", themes=["governance"])
    area.practitioner("ada-lovelace", themes=["reading"])

    assert ids(mapped(area).gaps.themes_without_experts) == ["governance"]


def test_expert_named_as_contact_on_no_case_study_is_a_gap(area: AreaWriter) -> None:
    area.practitioner("ada-lovelace")
    area.practitioner("grace-hopper")
    area.case_study("library", contacts=["ada-lovelace"])

    assert ids(mapped(area).gaps.experts_without_case_studies) == ["grace-hopper"]


def test_member_school_named_on_no_case_study_is_a_gap_even_in_a_hub(
    area: AreaWriter,
) -> None:
    area.case_study("library", schools=[100001])
    area.hub("send-hub", host_school=100003, schools=[])

    kmap = mapped(area)

    # One figure: a school "has shared" when a listed case study names it.
    assert [school.urn for school in kmap.gaps.schools_not_sharing] == [100002, 100003]
    assert kmap.headlines.member_schools - kmap.headlines.sharing_schools == 2


def test_school_only_in_a_closed_hub_or_an_archived_study_is_not_sharing(
    area: AreaWriter,
) -> None:
    area.hub("old-hub", host_school=100002, status="closed")
    area.case_study("old-news", schools=[100002], status="archived")

    assert 100002 in [school.urn for school in mapped(area).gaps.schools_not_sharing]


def test_old_unreviewed_case_study_is_flagged_for_review(area: AreaWriter) -> None:
    area.case_study("old-unreviewed", published="2023-05-01")
    area.case_study("old-but-reviewed", published="2023-05-01", reviewed="2026-01-10")
    area.case_study("exactly-two-years", published="2024-11-22")
    area.case_study("recent", published="2026-01-15")

    kmap = mapped(area)

    assert ids(kmap.gaps.case_studies_due_review) == ["old-unreviewed"]
    assert kmap.review_cutoff.isoformat() == "2024-11-22"


def test_review_period_can_be_longer(area: AreaWriter) -> None:
    area.case_study("old-unreviewed", published="2023-05-01")

    assert mapped(area, review_years=4).gaps.case_studies_due_review == ()


def test_headline_figures_equal_counts_from_the_content(area: AreaWriter) -> None:
    area.case_study("library", themes=["reading"], schools=[100001, 100004])
    area.case_study("send-audit", themes=["send"], schools=[100003])
    area.case_study("draft", status="draft", schools=[100002])
    area.case_study("old-news", status="archived", schools=[100002])
    area.hub("send-hub", themes=["send"])
    area.hub("old-hub", themes=["governance"], status="closed")
    area.practitioner("ada-lovelace", themes=["send"])
    area.practitioner("grace-hopper", themes=["reading"], availability="limited")
    hide_two_people(area)

    h = mapped(area).headlines

    # Members: Alder, Birch, Cedar (Damson is not). Sharing: Alder and Cedar; Birch is only
    # in the draft and the archived study.
    assert (h.member_schools, h.sharing_schools, h.sharing_percent) == (3, 2, 67)
    # Ada is available (send); Grace is limited (reading); the hidden people do not count.
    assert (h.themes_with_available_expert, h.themes) == (1, 5)
    # library, send-audit, named; send-hub and governors-hub; Ada and Grace.
    assert (h.case_studies, h.active_hubs, h.experts) == (3, 2, 2)
    # send has a case study, an expert and a hub; governance has no listed expert.
    assert (h.priority_themes_with_gap, h.priority_themes) == (1, 2)


def test_withdrawn_or_expired_practitioner_appears_in_no_row_or_gap(area: AreaWriter) -> None:
    hide_two_people(area)

    kmap = mapped(area)

    assert row(kmap, "governance").experts == 0
    assert [(gap.theme.id, gap.missing) for gap in kmap.gaps.priority_themes] == [
        ("send", ("case-study", "expert", "hub")),
        ("governance", ("expert",)),
    ]
    assert kmap.gaps.experts_without_case_studies == ()
    assert ids(kmap.gaps.themes_without_experts) == ["governance"]
    assert kmap.headlines.experts == 0


def test_withdrawn_or_expired_practitioner_is_in_no_json_or_csv(area: AreaWriter) -> None:
    hide_two_people(area)
    area.practitioner("ada-lovelace")
    ix = indexes(area)

    exported = [
        json.dumps(knowledge_json(ix, knowledge_map(ix))),
        case_studies_csv(ix),
        directory_csv(ix),
    ]

    for text in exported:
        for hidden in ("gone-person", "Gone Person", "lapsed-person", "Lapsed Person"):
            assert hidden not in text


def test_hidden_persons_name_is_withheld_from_exported_text(area: AreaWriter) -> None:
    area.practitioner("gone-person", status="withdrawn")
    area.case_study("named", summary="Led by Gone Person with two schools.")
    ix = indexes(area)

    document = knowledge_json(ix, knowledge_map(ix))

    assert document["case_studies"][0]["summary"] == "Led by [name withheld] with two schools."
    assert "Gone Person" not in case_studies_csv(ix)


def test_json_is_versioned_and_uses_ids_urns_and_iso_dates(area: AreaWriter) -> None:
    area.practitioner("ada-lovelace", themes=["send"])
    area.hub("send-hub", themes=["special educational needs"], schools=[100001])
    area.case_study(
        "send-audit",
        themes=["special educational needs"],
        schools=[140002],
        hub="send-hub",
        contacts=["ada-lovelace"],
        reviewed="2026-06-01",
        impact=[{"measure": "Reading age", "result": "Up 18 months", "evidence": "school-data"}],
    )
    ix = indexes(area)

    document = json.loads(json.dumps(knowledge_json(ix, knowledge_map(ix))))

    assert (document["schema_version"], document["generated"]) == (1, "2026-11-22")
    study = document["case_studies"][0]
    assert study["themes"] == ["send"]
    assert study["schools"] == [100002]
    assert (study["hub"], study["contacts"]) == ("send-hub", ["ada-lovelace"])
    assert (study["published"], study["reviewed"]) == ("2026-01-15", "2026-06-01")
    assert study["impact"][0]["evidence"] == "school-data"
    assert document["hubs"][0]["schools"] == [100003, 100001]
    assert [school["urn"] for school in document["schools"]] == [100001, 100002, 100003]
    assert document["area"]["case_studies"] == 1
    assert document["map"]["gaps"]["priority_themes"] == [
        {"theme": "governance", "missing": ["case-study", "expert", "hub"]}
    ]


def test_practitioner_export_has_contract_fields_only(area: AreaWriter) -> None:
    area.practitioner("ada-lovelace", contact="a.lovelace@alder.sch.uk")
    ix = indexes(area)

    person = knowledge_json(ix, knowledge_map(ix))["practitioners"][0]

    assert set(person) == {
        "id",
        "name",
        "role",
        "school",
        "themes",
        "phases",
        "designations",
        "offers",
        "availability",
        "contact",
    }


def test_directory_csv_has_a_header_and_one_row_per_listed_person(area: AreaWriter) -> None:
    area.practitioner("ada-lovelace", themes=["send", "reading"], offers=["coaching", "training"])
    area.practitioner("grace-hopper")
    area.practitioner("gone-person", status="withdrawn")

    rows = list(csv.DictReader(io.StringIO(directory_csv(indexes(area)))))

    assert [r["name"] for r in rows] == ["Grace Hopper", "Ada Lovelace"]
    ada = rows[1]
    assert (ada["themes"], ada["offers"]) == ("send; reading", "coaching; training")
    assert ada["school_name"] == "Alder Primary School"
    assert "consent" not in ada and "review_by" not in ada


def test_case_studies_csv_has_a_header_and_one_row_per_listed_case_study(
    area: AreaWriter,
) -> None:
    area.case_study("library", schools=[100001, 100002])
    area.case_study("draft", status="draft")
    area.case_study("old-news", status="archived")

    rows = list(csv.DictReader(io.StringIO(case_studies_csv(indexes(area)))))

    assert [r["id"] for r in rows] == ["library"]
    assert rows[0]["schools"] == "100001; 100002"
    assert rows[0]["school_names"] == "Alder Primary School; Birch Academy"


def test_csv_cell_that_a_spreadsheet_would_run_as_a_formula_is_kept_as_text(
    area: AreaWriter,
) -> None:
    area.case_study("sneaky", title='=HYPERLINK("http://example.com")')

    rows = list(csv.DictReader(io.StringIO(case_studies_csv(indexes(area)))))

    assert rows[0]["title"] == '\'=HYPERLINK("http://example.com")'
