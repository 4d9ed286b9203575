"""Withholding: every form a school writes a withdrawn person's name in, and what is left alone.

Hostile cases an attacker found in built sites: surnames with a title or
initials, names split by markup or written in a web address, look-alike
letters, addresses at the end of a sentence or disguised; and the other way
round, a person's name inside a school's that must never stop the site.
"""

from __future__ import annotations

import re
from urllib.parse import unquote

import pytest
from hypothesis import given
from hypothesis import strategies as st

from area_knowledge.publishing.name_forms import name_forms
from area_knowledge.publishing.withholding import Mentions, any_of, unquoted

MAILBOX = "hello@partnership.example"
PEOPLE = Mentions(
    ["Priya Ramaswamy-Holt", "Declan Ashcombe-Reyes", "Thomas More", "Jane Doe"],
    ["d.ashcombe-reyes@wharfside.sch.uk", "p.ramaswamy-holt@oakhurst.sch.uk"],
    MAILBOX,
    shown_names=["Sam Doe"],
    dedications=["St Thomas More Catholic Primary School", "Thomas More Academy Trust"],
)


@pytest.mark.parametrize(
    "text",
    [
        "Ms Ramaswamy-Holt led it",
        "Mrs P. Ramaswamy-Holt led it",
        "P. Ramaswamy-Holt led it",
        "Ramaswamy-Holt, P. led it",
        "Ramaswamy-Holt, Priya led it",
        "Priya Ramaswamy Holt led it",
        "Ramaswamy Holt led it",
        "Dr Ashcombe-Reyes led it",
        "D Ashcombe Reyes led it",
        "Pr\u0456ya R\u0430maswamy-Holt led it",
        "priya_ramaswamy_holt led it",
        "Priya Ramaswamy-Holt\u2019s class led it",
    ],
)
def test_other_forms_of_a_withheld_name_are_withheld(text: str) -> None:
    withheld = PEOPLE.withhold(text)

    assert withheld.startswith("[name withheld]") or "[name withheld]" in withheld
    assert "amaswamy" not in withheld and "Ashcombe" not in withheld
    assert withheld.endswith("led it")


def test_a_shared_surname_is_withheld_only_with_the_forename() -> None:
    assert PEOPLE.withhold("Ms Doe and Sam Doe") == "Ms Doe and Sam Doe"
    assert PEOPLE.withhold("Jane Doe and Sam Doe") == "[name withheld] and Sam Doe"


def test_an_address_is_withheld_at_the_end_of_a_sentence_or_disguised() -> None:
    assert PEOPLE.withhold("Write to d.ashcombe-reyes@wharfside.sch.uk.") == (
        f"Write to {MAILBOX}."
    )
    assert PEOPLE.withhold("p.ramaswamy-holt [at] oakhurst.sch.uk") == MAILBOX


def test_a_name_inside_a_school_or_after_saint_is_a_dedication_left_as_it_is() -> None:
    text = "St Thomas More Catholic Primary School, the Thomas More Academy Trust, St Thomas More"

    assert PEOPLE.withhold(text) == text
    assert (
        PEOPLE.named_in(f"<p>{text}</p><a href='/st-thomas-more-catholic-primary-school/'>") == []
    )
    assert PEOPLE.withhold("Thomas More phoned") == "[name withheld] phoned"


def test_a_name_in_a_link_an_id_or_a_split_heading_is_withheld_from_html() -> None:
    html = (
        '<p><a href="https://example.org/staff/priya-ramaswamy-holt">profile</a></p>'
        '<h2 id="priya-ramaswamy-holt">Priya Ramaswamy-<br>Holt</h2>'
        '<p><a href="mailto:p.ramaswamy%2Dholt@oakhurst.sch.uk">write</a></p>'
    )

    withheld = PEOPLE.withhold_html(html)

    assert PEOPLE.named_in(withheld) == []
    assert "<a>profile</a>" in withheld and "<h2>[name withheld]<br></h2>" in withheld


def test_the_guard_reads_adjacent_elements_as_separate_words() -> None:
    page = "<span>Inclusion</span><span>Priya Ramaswamy-Holt</span>"

    assert "priya ramaswamy-holt" in PEOPLE.named_in(page)


@pytest.mark.parametrize("name", ["The", "a", "Al"])
def test_a_name_too_short_to_be_anyone_is_not_withheld_from_every_text(name: str) -> None:
    mentions = Mentions([name], [], MAILBOX)

    assert mentions.withhold("The cat sat on a mat with Al.") == "The cat sat on a mat with Al."


@pytest.mark.parametrize("text", ["Ms Janet Doe", "Jane Does", "Jane Doe-Smith", "Holt Primary"])
def test_other_people_and_longer_names_are_left_as_they_are(text: str) -> None:
    assert PEOPLE.withhold(text) == text


ACCENTED = Mentions(["Zoë Brontë-Ødegård", "Siobhan O'Neill-Dunne"], [], MAILBOX)


@pytest.mark.parametrize(
    "text",
    [
        "Ask Zoe Bronte-Odegard about it",
        "Ask ZOË BRONTË-ØDEGÅRD about it",
        "Ask Zoe\u0308 Bronte\u0308-\u00d8degard about it",
        "Ask Siobhan ONeill-Dunne about it",
        "Ask Siobhan O\u02bc Neill-Dunne about it",
        "Ask Siobhan O Neill-Dunne about it",
        "Ask Ms O\u2019Neill-Dunne about it",
    ],
    ids=["plain letters", "capitals", "decomposed", "no apostrophe", "modifier and space",
         "space", "curly"],
)  # fmt: skip
def test_a_name_written_without_its_accents_or_apostrophe_is_withheld(text: str) -> None:
    assert ACCENTED.withhold(text) == "Ask [name withheld] about it"


def test_every_spelling_of_an_apostrophe_surname_keeps_words_for_the_quick_look() -> None:
    # A name with no word that every spelling holds would make the guard read every
    # page of the site closely, which made a 5,000-entry build take twice as long.
    forms = name_forms("Adam O'Brien")

    assert forms is not None
    assert set(forms.words) == {
        frozenset({b"o", b"brien"}),
        frozenset({b"obrien"}),
        # "AO'Brien", "AOBrien": the initial run into the surname.
        frozenset({b"ao", b"brien"}),
        frozenset({b"aobrien"}),
    }
    # "AdamO'Brien", "AdamOBrien", "OBrienAdam": the whole name run together, looked
    # for only in what is withheld from, not by the guard.
    assert set(forms.loose_words) == {
        frozenset({b"adamo", b"brien"}),
        frozenset({b"adamobrien"}),
        frozenset({b"o", b"brienadam"}),
        frozenset({b"obrienadam"}),
        # "neirB'O madA": backwards.
        frozenset({b"neirb", b"o", b"mada"}),
        frozenset({b"neirbo", b"mada"}),
    }


@pytest.mark.parametrize(
    "page",
    [
        "<p><em>J</em>ane Doe led it</p>",
        "<p>J&#97;ne Doe led it</p>",
        "<p>Priya Ramaswamy-Ho<em>lt</em> led it</p>",
        '<p><a href="/people/jane-doe/">her page</a></p>',
        # Lines ending in a tag are read a piece at a time: names still run across them.
        "<p>Jane</p>\n<p>Doe led it</p>\n",
        "<li><em>\nJane\n</em>\n<strong>\nDoe</strong>\n</li>",
        '<a href="/people/jane-%64oe/">\nher page</a>',
        "<p>P\n<em>riya</em>\nRamaswamy-Holt</p>",
        # An initial run into the surname holds no word of the surname alone.
        "<p>Ask DAshcombe-Reyes</p>",
        "<p>Ask Ms PRamaswamy-Holt</p>",
        "<p>Ask <em>P</em>Ramaswamy-Holt</p>",
        # Drawn right to left by an override: the reader sees "Priya Ramaswamy-Holt".
        "<p>Led by \u202etloH-ymawsamaR ayirP\u202c.</p>",
        # Elements a browser draws inline: old, SVG's, and custom ones.
        "<p>Priya Ramaswamy-Ho<font>lt</font> led it</p>",
        "<svg><text>Priya Ramaswamy-Ho<tspan>lt</tspan></text></svg>",
        "<p>Priya Ramaswamy-Ho<x-name>lt</x-name> led it</p>",
        # Attributes as minifiers write them, unquoted.
        "<img alt=Priya&#32;Ramaswamy-Holt src=a.png>",
        "<a href=../practitioners/priya-ramaswamy&#45;holt/>her page</a>",
        # A browser unescapes an attribute, then decodes its escapes: this title is "Jane Doe".
        '<div title="Jane D&#37;6Fe">x</div>',
        '<a href="/people/jane-d&#X25;6fe/">\nher page</a>',
        # Comments end where a browser ends them: "<!-->" is an empty one, so is "<!--->",
        # and "--!>" ends one; between them the name is drawn on the page.
        "<p><!-->Jane Doe<!-- --></p>",
        "<p><!--->J<em></em>ane Doe<!-- --></p>",
        "<p><!-- a --!>J<em></em>ane Doe<!-- b --></p>",
        "<p>Ja<!-- a -->ne Doe</p>",
        "<p>Ja<!-- <br>\n -->ne Doe</p>",
        # What a comment holds is published too, in the page's source.
        "<!-- written by Jane Doe -->",
        "<script>const a = '<!--', b = 'Jane Doe'; // --></script>",
    ],
)
def test_the_guard_finds_a_name_however_the_page_breaks_up_its_words(page: str) -> None:
    assert PEOPLE.named_in(page)
    # Read again, as the theme's lines are on every page, it is found again.
    assert PEOPLE.named_in("<p>Other text</p>\n" + page)


@given(st.text(alphabet="%2a5Fg\u00e9 x", max_size=40))
def test_percent_escapes_are_decoded_as_the_standard_library_decodes_them(text: str) -> None:
    assert unquoted(text) == unquote(text)


@given(
    st.lists(st.text(alphabet="ab'- ", min_size=1, max_size=5), min_size=1, max_size=8),
    st.text(alphabet="ab'- x", max_size=20),
)
def test_a_tree_of_names_matches_wherever_one_of_the_names_does(
    words: list[str], text: str
) -> None:
    one_by_one = re.compile("|".join(map(re.escape, words)))

    assert bool(re.search(any_of(words), text)) == bool(one_by_one.search(text))


@pytest.mark.parametrize(
    "text",
    [
        # British quotation marks, straight and curly: the quote is no part of a name.
        "The award went to 'Priya Ramaswamy-Holt'.",
        "The award went to \u2018Declan Ashcombe-Reyes\u2019.",
        # A dash between clauses, written without spaces.
        "Declan Ashcombe-Reyes\u2014our SENCo\u2014retired.",
        "\u201cBrilliant.\u201d\u2014Declan Ashcombe-Reyes",
        # Middle initials.
        "Led by Priya K. Ramaswamy-Holt.",
        "Led by Jane A. Doe.",
        # Characters no browser draws, inside the name or between its parts.
        "Led by Jane Do\u2062e.",
        "Led by Jane Do\u034fe.",
        "Led by Jane Do\ufe0fe.",
        "Led by Jane Do\U000e0020e.",
        "Led by Jane\u3164Doe.",
        "Led by Jane\u2800Doe.",
        # Letters of other scripts drawn as Latin ones.
        "Led by Jane D\u0585e.",
        "Led by J\u0251ne Doe.",
        "Led by Jane \ua4d3oe.",
        "Led by Jane \u1d05\u1d0f\u1d07.",
    ],
)
def test_a_name_is_found_and_withheld_however_the_text_disguises_it(text: str) -> None:
    page = f"<p>{text}</p>"

    assert PEOPLE.named_in(page)
    assert PEOPLE.named_in(PEOPLE.withhold_html(page)) == []
    assert "[name withheld]" in PEOPLE.withhold_html(page)


@pytest.mark.parametrize("text", ["D'Jane Doe led it", "Jane and Doe led it", "Ms Doe-Smith"])
def test_a_longer_name_or_a_surname_alone_is_not_a_mention(text: str) -> None:
    assert PEOPLE.named_in(f"<p>{text}</p>") == []


@pytest.mark.parametrize("at", [0, 1, 16_380, 16_384, 50_000, 99_990])
def test_a_long_export_is_searched_in_parts_without_losing_a_name_at_their_ends(at: int) -> None:
    """An export holding every entry is read a part at a time: a name is found
    wherever it falls, and a dedication around a part's end is still one."""
    # Places sharing the surnames of a dozen more people withheld: the export holds the
    # words of too many names to search it whole for them all.
    places = ["Ashby", "Brook", "Carew", "Denton", "Elston", "Farley", "Garth", "Hale"]
    places += ["Irwell", "Jarrow", "Kersey", "Lydd"]
    people = Mentions(
        ["Priya Ramaswamy-Holt", "Declan Ashcombe-Reyes", "Thomas More", "Jane Doe"]
        + [f"Alex {place}" for place in places],
        [],
        MAILBOX,
        dedications=["St Thomas More Catholic Primary School"],
    )
    text = f"Nine schools from {', '.join(places)} met to compare reading plans. "
    filler = (text * 2_000)[:100_000]
    export = filler[:at] + " Jane Doe and Declan Ashcombe-Reyes led it. " + filler[at:]
    dedicated = filler[:at] + " St Thomas More Catholic Primary School hosted. " + filler[at:]

    assert sorted(set(people.named_in(export))) == ["declan ashcombe-reyes", "jane doe"]
    assert people.named_in(dedicated) == []
    # Holding the words of few names, it is searched whole, for those alone.
    assert sorted(set(PEOPLE.named_in(export))) == ["declan ashcombe-reyes", "jane doe"]
    assert PEOPLE.named_in(dedicated) == []


@pytest.mark.parametrize(
    "text",
    [
        "Led by Priya Anjali Ramaswamy-Holt.",
        "Led by Jane Alice Doe.",
        "Led by Jane Mary-Ann Doe.",
        "Led by jane-alice-doe.",
        "Led by P. Anjali Ramaswamy-Holt.",
        "Led by D Anthony Ashcombe-Reyes.",
        # As a register lists people: surname first, in capitals, no comma.
        "Led by RAMASWAMY-HOLT Priya.",
        "Led by ASHCOMBE-REYES Declan.",
    ],
)
def test_middle_names_in_full_and_a_surname_first_are_withheld_from_text(text: str) -> None:
    assert PEOPLE.withhold(text) == "Led by [name withheld]."


@pytest.mark.parametrize(
    "text",
    [
        # Sam Doe is listed: "DOE Jane" may be the end of his name and the start of another.
        "With Sam DOE Jane Smith led it.",
        "Thanks to Jane and Doe.",
        "Jane told Doe about it.",
        "Thanks Jane. Alice Doe led it.",
        # Sam Doe is listed: "J. Alice Doe" may be Alice Doe, her first name's initial given.
        "J. Alice Doe led it.",
    ],
)
def test_prose_between_a_forename_and_a_surname_is_not_a_middle_name(text: str) -> None:
    assert PEOPLE.withhold(text) == text


def test_the_guard_does_not_read_a_listing_of_people_as_a_loose_form_of_a_name() -> None:
    # Two people listed one after another: a reader sees "Sam Doe" and "Jane Smith",
    # not "Doe Jane"; the build must not stop for them.
    listing = "<ul><li>Sam Doe</li><li>Jane Smith</li><li>Alice Doe-Kent</li></ul>"
    unshared = Mentions(["Jane Doe"], [], MAILBOX)

    assert PEOPLE.named_in(listing) == []
    assert unshared.named_in(listing) == []
    assert unshared.withhold("DOE Jane, Year 4") == "[name withheld], Year 4"


@pytest.mark.parametrize(
    "text",
    [
        # Compounded, as reports write it: no longer name, so still a mention.
        "It was a [Jane Doe]-led review.",
        "An [Declan Ashcombe-Reyes]-inspired scheme.",
        "The [Ms Ramaswamy-Holt]-style lesson.",
        # Run together, as handles and file names write a name.
        "Ask [JaneDoe] about it.",
        "Ask [declanashcombereyes] about it.",
        "Ask [DeclanAshcombe-Reyes] about it.",
        "Ask [PriyaRamaswamyHolt] about it.",
        # Half a double-barrelled surname, with the forename.
        "Ask [Priya Holt] about it.",
        "Ask [Declan Reyes] about it.",
        "Ask [Priya Ramaswamy] about it.",
    ],
)
def test_a_name_compounded_run_together_or_halved_is_withheld(text: str) -> None:
    expected = re.sub(r"\[[^]]+\]", "[name withheld]", text)

    assert PEOPLE.withhold(text.replace("[", "").replace("]", "")) == expected


@pytest.mark.parametrize(
    "text", ["Jane Doe-Smith led it.", "Ask Jane Doe-Ledbetter.", "Ask JaneDoes.", "Ask Priya."]
)
def test_a_longer_name_than_a_compound_or_run_together_one_is_left_alone(text: str) -> None:
    assert PEOPLE.withhold(text) == text


def test_half_a_surname_that_is_a_listed_persons_name_is_left_alone() -> None:
    listed = Mentions(["Priya Ramaswamy-Holt"], [], MAILBOX, shown_names=["Priya Holt"])

    assert listed.withhold("Priya Holt and Priya Ramaswamy") == "Priya Holt and [name withheld]"


ORDINARY = Mentions(
    ["Max Well", "Mark Ing", "Ali Son", "Rose Hill", "Isla Hope", "Amy Lane", "Ed Li"],
    [],
    MAILBOX,
)


@pytest.mark.parametrize(
    "text",
    [
        # Names run together into an ordinary word or another name are not them.
        "Maxwell Primary marks with Alison Brown.",
        "Marking less, feedback more.",
        # A full stop and a space end a sentence between a forename and a surname.
        "A red rose. Hill walks follow.",
        # "I" and "a" are words before a surname, not initials.
        "I hope a lane closure ends soon.",
        # Before so short a surname, an initial run in makes a word: Eli is not E. Li.
        "Eli read it.",
    ],
)
def test_ordinary_words_made_of_a_withheld_name_are_left_alone(text: str) -> None:
    assert ORDINARY.withhold(text) == text


@pytest.mark.parametrize(
    "text",
    ["MaxWell", "MarkIng", "Rose.Hill", "I. Hope", "Ms A Lane", "E. Li", "E Li"],
)
def test_the_same_names_written_as_names_are_withheld(text: str) -> None:
    assert ORDINARY.withhold(f"Ask {text} today.") == "Ask [name withheld] today."


@pytest.mark.parametrize("text", ["Ann-Marie Lee", "ann-marie lee", "Who will not learn"])
def test_a_hyphenated_forename_or_a_word_between_is_not_a_middle_name(text: str) -> None:
    mentions = Mentions(["Ann Lee", "Will Learn"], [], MAILBOX)

    assert mentions.withhold(text) == text


@pytest.mark.parametrize(
    "text",
    ["Ask Ms Ramaswamy today.", "Ask Dr Holt today.", "Ask P. Ramaswamy today.",
     "Ask RamaswamyHolt today.", "Ask ramaswamyholt today."],
)  # fmt: skip
def test_half_a_surname_with_a_title_or_initials_or_the_surname_run_together_is_withheld(
    text: str,
) -> None:
    assert PEOPLE.withhold(text) == "Ask [name withheld] today."


def test_half_a_surname_a_listed_person_has_is_left_alone_with_a_title() -> None:
    mentions = Mentions(["Priya Ramaswamy-Holt"], [], MAILBOX, shown_names=["Sam Holt"])

    assert mentions.withhold("Ms Holt and Ms Ramaswamy") == "Ms Holt and [name withheld]"


@pytest.mark.parametrize(
    "text", ["p.ramaswamyholt@oakhurst.sch.uk", "pramaswamy.holt [at] oakhurst.sch.uk"]
)
def test_an_address_with_the_marks_in_its_name_moved_is_withheld(text: str) -> None:
    assert PEOPLE.withhold(f"Write to {text}.") == f"Write to {MAILBOX}."


@pytest.mark.parametrize(
    "text",
    ["Priya Holt-Ramaswamy", "Holt-Ramaswamy, Priya", "Ms Holt-Ramaswamy", "Priya R.-H.",
     "Priya R-Holt", "Priya Ramaswamy-H.", "the Ramaswamy-Holts", "tloH-ymawsamaR ayirP",
     "PriyaRamaswamy"],
)  # fmt: skip
def test_a_double_barrelled_name_swapped_shortened_or_backwards_is_withheld(text: str) -> None:
    assert "amaswamy" not in PEOPLE.withhold(f"Ask {text} today.").replace("[name withheld]", "")
    assert "[name withheld]" in PEOPLE.withhold(f"Ask {text} today.")


@pytest.mark.parametrize(
    "text",
    ["d dot ashcombe hyphen reyes at wharfside dot sch dot uk",
     "d.ashcombe-reyes (at) wharfside (dot) sch (dot) uk"],
)  # fmt: skip
def test_an_address_spelt_out_is_withheld(text: str) -> None:
    assert PEOPLE.withhold(f"Write to {text} today.") == f"Write to {MAILBOX} today."


@pytest.mark.parametrize(
    "text",
    ["Pri-ya Ra-ma-swa-my-Holt", "R A M A S W A M Y - H O L T", "P·R·I·Y·A RAMASWAMY-HOLT",
     'Priya "Ramaswamy" Holt', "Priya`Ramaswamy`-Holt", "J a n e  D o e", "J.A.N.E D.O.E",
     "P·R·I·Y·A RAMASWAMY", "Pr1ya R4maswamy-H0lt", "J4ne D03"],
)  # fmt: skip
def test_a_name_with_marks_or_digits_among_its_letters_is_withheld(text: str) -> None:
    assert PEOPLE.withhold(f"Ask {text} today.") == "Ask [name withheld] today."


def test_a_name_spread_is_left_alone_inside_a_dedication_or_across_a_sentence() -> None:
    spread = Mentions(["Rose Hill", "Thomas More"], [], MAILBOX, dedications=["St Thomas More"])

    assert spread.withhold("A red rose. Hill walks.") == "A red rose. Hill walks."
    assert spread.withhold("St T-h-o-m-a-s More") == "St T-h-o-m-a-s More"


@pytest.mark.parametrize("text", ["Year 4 pupils in Room 101.", "J4 and D03 are forms."])
def test_digits_that_spell_no_withheld_name_are_left_alone(text: str) -> None:
    assert PEOPLE.withhold(text) == text
