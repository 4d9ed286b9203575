"""The ways text writes one person's name, as patterns over folded text.

Schools write "Priya Ramaswamy-Holt", but also "Ms Ramaswamy-Holt", "P.
Ramaswamy-Holt", "Ramaswamy-Holt, P." and, in a web address or an id,
"priya-ramaswamy-holt" or "Priya_Ramaswamy_Holt". Each form here is found
between the parts of a name whatever joins them (a space, a hyphen, an
underscore, a full stop, a line break). A surname alone is a mention only when
it is a compound one ("Ramaswamy-Holt"): a single surname ("Holt") is too
often a place or another person to be withheld wherever it appears.

Some forms are loose: the surname first with no comma, as registers write it
("DOE Jane"), middle names in full ("Jane Alice Doe"), the name run together
as handles and file names write it ("JaneDoe", "declanashcombereyes"), and a
forename with one half of a double-barrelled surname ("Priya Holt"), unless
that is a listed person's name. They are looked for in what contributors
write, where a wrong match only withholds a few words, but not by the leak
guard: it reads a listing of several people as one text ("Sam Doe Jane
Smith", "<b>Jane</b><b>Doe</b>"), where such a form would stop a build for no
one.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Collection
from dataclasses import dataclass

from .folding import WORD, fold

# What may join two parts of a name, once folded: never a full stop and a space, which
# ends a sentence ("a red rose. Hill walks" is not Rose Hill).
_JOIN = r"(?: ?[-_+] ?|\.| )"
# An apostrophe in a name may be written, left out or made a space: O'Neill, ONeill, O Neill.
_APOSTROPHE = r"(?:' ?| )?"
_TITLES = r"(?:mr|mrs|ms|miss|mx|dr|prof|professor|sir|dame|rev|mister)"
# Lower-case words that belong to the surname after them: "van", "de la".
_PARTICLES = frozenset(
    "van von der den de del della di da du la le dos das ap bin bint al el".split()
)
# A single name shorter than this is a word ("The", "a"), not anyone to find.
_SHORTEST_SINGLE_NAME = 4
# What joins a middle name in full to the names around it in an id or a web address.
_MIDDLE_JOIN = r"[-_.+]"
# Words between a forename and a surname that are prose, not a middle name.
_NOT_MIDDLE = (
    "and|or|nor|but|with|without|to|from|for|at|by|in|on|of|the|a|an|as|than|then|via|"
    "plus|vs|also|is|was|were|are|has|had|will|would|said|says|told|tells|met|meets|"
    "asked|asks|thanked|thanks|led|leads|helped|helps|joined|joins|taught|teaches|"
    "not|never|always|now|soon|still|only|just|all|each|both|who|that|which|we|you|they|"
    "he|she|it|can|could|should|may|might|must|shall|do|does|did|be|been|so|if|when|"
    "where|while|into|over|after|before|about|up|out|more|most|less|very|too|no|our|"
    "their|his|her|its|my|your|this|these|those|there|here|first|last|next"
)
# At most this many middle names in full, hyphenated ones counting each part.
_MOST_MIDDLE_NAMES = 2
# A name run together is looked for closely in every way its pieces can run together
# when it has at most this many pieces; beyond, only all apart or all together.
_MOST_RUN_PIECES = 5


@dataclass(frozen=True)
class NameForms:
    """The patterns of one name, and the folded words that any of them holds: every
    form holds all the words of one of `words`."""

    patterns: tuple[str, ...]
    surname: str
    words: tuple[frozenset[bytes], ...]
    # Withheld from what contributors write, not looked for by the leak guard.
    loose: tuple[str, ...] = ()
    # The words the loose forms hold that no set of `words` is part of ("janedoe"):
    # a text must be read closely for them only when it is withheld from, not guarded.
    loose_words: tuple[frozenset[bytes], ...] = ()
    # Loose forms of the name run together ("JaneDoe"), a mention only where the text
    # shows where the parts meet, or where so long a run is no ordinary word
    # (`run_together_shown`): "Maxwell" is not Max Well.
    run_together: tuple[str, ...] = ()
    # Loose forms with half a double-barrelled surname and a title or initials ("Ms
    # Ramaswamy", "P. Holt"): a listed file of that name may be the same person.
    halved: tuple[str, ...] = ()
    # Keys for forms that hold no piece of the surname ("Priya R.-H."): the forename.
    more_keys: tuple[str, ...] = ()
    # The full name's letters alone ("priyaramaswamyholt"), and the name with marks
    # among its letters ("R A M A S W A M Y", "Pri-ya", 'Priya "Ramaswamy" Holt'):
    # looked for only where a text's letters alone hold those letters.
    letters: tuple[str, ...] = ()
    spread: tuple[str, ...] = ()

    @property
    def keys(self) -> tuple[str, ...]:
        """The longest piece of each half of the surname: a cheap first look for any of
        the forms, each of which ("Priya Holt" for "Priya Ramaswamy-Holt" too) holds one.

        Apostrophes part pieces too: "O'Neill" is also written "ONeill" and "O Neill",
        each of which holds "neill".
        """
        halves = [half for half in self.surname.split("-") if half.strip(" '")]
        keys = [_longest_piece(half) for half in halves]
        # Backwards too: "tloH-ymawsamaR".
        return tuple(dict.fromkeys([*keys, *(key[::-1] for key in keys), *self.more_keys]))


def name_forms(
    name: str,
    *,
    surname_shared: bool = False,
    taken: Collection[str] = (),
    taken_surnames: Collection[str] = (),
) -> NameForms | None:
    """Every form of `name`; only the full name when a listed person shares the surname.

    `taken` are folded names of people the site lists, `taken_surnames` their
    surnames: no guessed form (half of a double-barrelled surname, with the
    forename, a title or initials) is withheld that names one of them.
    """
    words = fold(name).split(" ")
    if not words or not words[0]:
        return None
    if len(words) == 1:
        if len(words[0]) < _SHORTEST_SINGLE_NAME:
            return None
        return NameForms((joined(words[0]),), words[0], _words(words[0]))
    cut = _surname_start(words)
    forenames, surname = words[:cut], " ".join(words[cut:])
    full = joined(*words)
    spreads = [_spread(words)]
    # "Jane A. Doe": middle initials between the first name and the surname.
    middle = rf"{joined(forenames[0])}(?:{_JOIN}[a-z]\.?){{1,3}}{_JOIN}{joined(surname)}"
    patterns = [full, joined(forenames[0], surname), middle]
    # "Jane Alice Doe", "Jane Mary-Ann Doe": middle names in full, not prose between.
    loose = [_with_middle_names(joined(forenames[0]), surname)]
    # "JaneDoe", "declanashcombereyes": run together, as handles and file names are.
    run = [joined(*words, tight=True), joined(forenames[0], surname, tight=True)]
    ran = _run_together(*words) + _run_together(forenames[0], surname)
    # "Priya Holt", "Priya Ramaswamy": a forename and half a double-barrelled surname.
    halves = [half for half in surname.split("-") if half != surname and half]
    own_halves = [half for half in halves if f"{forenames[0]} {half}" not in taken]
    loose += [joined(forenames[0], half) for half in own_halves]
    # "P·R·I·Y·A RAMASWAMY": spread too.
    spreads += [_spread([forenames[0], half]) for half in own_halves]
    ran += tuple(w for half in halves for w in _words(f"{forenames[0]} {half}"))
    # "tloH-ymawsamaR ayirP": the name written backwards.
    backwards = [piece[::-1] for piece in reversed(_pieces(*words))]
    loose.append(joined(*backwards))
    ran += _words(" ".join(backwards))
    swapped = ""
    more_keys: tuple[str, ...] = ()
    if len(halves) == 2:
        more_keys = (_longest_piece(forenames[0]),)
        first, second = halves
        swapped = f"{second}-{first}"
        forename, initials = joined(forenames[0]), (re.escape(first[0]), re.escape(second[0]))
        loose += [
            # "Priya Holt-Ramaswamy": the halves swapped.
            joined(forenames[0], swapped),
            # "Priya R.-H.", "Priya R-Holt", "Priya Ramaswamy-H.": halves as initials.
            rf"{forename}{_JOIN}{initials[0]}\.? ?-? ?{initials[1]}\.?",
            rf"{forename}{_JOIN}{initials[0]}\.? ?- ?{joined(second)}",
            rf"{forename}{_JOIN}{joined(first)} ?- ?{initials[1]}\.?",
        ]
        for text in (f"{first[0]} {second[0]}", f"{first[0]} {second}", f"{first} {second[0]}"):
            ran += _words(f"{forenames[0]} {text}")
        # "PriyaRamaswamy": a forename and the first half run together.
        run.append(joined(forenames[0], first, tight=True))
        ran += _words(forenames[0] + first)
    if surname_shared:
        # Every form holds the first forename: a page must hold it to be read closely.
        held = _fewest(_words(f"{forenames[0]} {surname}"))
        return NameForms(
            tuple(patterns),
            surname,
            held,
            tuple(loose),
            _fewest(ran, held),
            tuple(run),
            more_keys=more_keys,
            letters=tuple(letters for letters, _ in spreads),
            spread=tuple(spread for _, spread in spreads),
        )
    patterns += _surname_forms(forenames, surname)
    # "Ms Ramaswamy", "P. Holt", "Holt, P.": half the surname with a title or initials,
    # unless a listed person has that surname.
    halved = []
    for half in halves:
        if half not in taken_surnames:
            halved += _surname_forms(forenames, half)
            ran += _words(half)
    if swapped:
        # "Priya Holt-Ramaswamy", "Ms Holt-Ramaswamy", "Holt-Ramaswamy, P.".
        halved += [joined(forenames[0], swapped), *_surname_forms(forenames, swapped)]
    if len(halves) > 1:
        # "ramaswamyholt": the surname alone, run together; "the Ramaswamy-Holts".
        run.append(joined(surname, tight=True))
        ran += _run_together(surname)
        halved.append(rf"{joined(surname)}e?s")
        # "R A M A S W A M Y - H O L T": the surname alone, spread.
        spreads.append(_spread([surname]))
    loose += halved
    # "DOE Jane", "DoeJane", as a register lists people: not when a listed person
    # shares the surname, whose name would run into the next one's ("Sam Doe Jane Smith").
    loose += [joined(surname, *forenames), joined(surname, forenames[0])]
    run.append(joined(surname, forenames[0], tight=True))
    # "J. Alice Doe": an initial, then a middle name in full.
    loose.append(_with_middle_names(rf"{re.escape(forenames[0][0])}\.?", surname))
    held = _words(surname)
    if _runs_in(surname):
        # An initial may run into the surname ("JDoe"), which then holds no word "doe".
        held += _words(forenames[0][0] + surname)
    ran += _run_together(surname, forenames[0])
    return NameForms(
        tuple(dict.fromkeys(patterns)),
        surname,
        _fewest(held),
        tuple(dict.fromkeys(loose)),
        _fewest(ran, _fewest(held)),
        tuple(dict.fromkeys(run)),
        tuple(dict.fromkeys(halved)),
        more_keys,
        tuple(letters for letters, _ in spreads),
        tuple(spread for _, spread in spreads),
    )


def _with_middle_names(first: str, surname: str) -> str:
    """The pattern `first`, then middle names in full, then the surname.

    In prose the names are spaced ("Jane Mary-Ann Doe"); in an id or a web address
    all are joined alike ("jane-alice-doe"). A hyphen after the first name makes
    another first name ("Ann-Marie Lee" is not Ann Lee), not a middle one.
    """
    word = rf"(?!(?:{_NOT_MIDDLE})(?![a-z']))[a-z]+(?:'[a-z]+)?"
    spaced = rf"(?: {word}(?:-{word})?){{1,{_MOST_MIDDLE_NAMES}}} "
    linked = rf"(?:{_MIDDLE_JOIN}{word}){{1,{_MOST_MIDDLE_NAMES}}}{_MIDDLE_JOIN}"
    return f"{first}(?:{spaced}|{linked}){joined(surname)}"


def surname_of(name: str) -> str:
    """The folded surname of `name`, particles included: what the forms turn on."""
    words = fold(name).split(" ")
    return " ".join(words[_surname_start(words) :]) if len(words) > 1 else ""


def _surname_forms(forenames: list[str], surname: str) -> list[str]:
    """Forms that give the surname with a title or initials, or on its own if compound."""
    last = joined(surname)
    initial = re.escape(forenames[0][0])
    # "P.", "P", "P. J.": later initials only with their full stops, at most three.
    initials = rf"{initial}\.?(?: ?[a-z]\.){{0,3}}"
    title = rf"{_TITLES}(?:\. ?| )"
    forms = [
        rf"{title}(?:{initials} ?)?{last}",
        rf"{_initials_before(initial, surname)}{last}",
        rf"{last} ?, ?(?:{title})?(?:{joined(*forenames)}|{initials})",
    ]
    if len(re.split(r"[ -]", surname)) > 1:
        forms.append(last)
    return forms


def _initials_before(initial: str, surname: str) -> str:
    """Initials before a surname with no title: "P. Holt", "P.J. Holt", "P Holt" and,
    run in, "PHolt"; but not "I Hope" or "a Lane", the word "I" or "a", nor, before a
    surname of fewer than four letters, run in: "Eli" is not E. Li."""
    dotted = rf"{initial}\.(?: ?[a-z]\.){{0,3}} ?|{initial}(?: ?[a-z]\.){{1,3}} ?"
    bare = []
    if initial not in "ai":
        bare.append(" ")
    if _runs_in(surname):
        bare.append("")
    return f"(?:{dotted}|{initial}(?:{'|'.join(bare)}))" if bare else f"(?:{dotted})"


def _runs_in(surname: str) -> bool:
    """Whether an initial run into the surname ("JHolt") is a form of the name: not
    before one of fewer than four letters, where it makes a word ("Eli", "Mali")."""
    return len(re.sub(r"[^a-z]", "", surname)) >= _SHORTEST_SINGLE_NAME


# A name run together is one, whatever its case, from this many letters: no English word
# is so long a run of two names.
_LONGEST_WORD_OF_NAMES = 12


def run_together_shown(written: str) -> bool:
    """Whether text a run-together form matched, as written, is a name: its parts
    apart after all ("Jane Doe"), meeting in a capital ("JaneDoe"), or too long a
    run for a word ("declanashcombereyes"); not "Maxwell" for Max Well."""
    if not written.isalpha():
        return True
    if any(a.islower() and b.isupper() for a, b in itertools.pairwise(written)):
        return True
    return len(written) >= _LONGEST_WORD_OF_NAMES


def _surname_start(words: list[str]) -> int:
    """Where the surname begins: the last word, with the particles before it."""
    cut = len(words) - 1
    while cut > 1 and words[cut - 1] in _PARTICLES:
        cut -= 1
    return cut


def _pieces(*parts: str) -> list[str]:
    """The pieces of `parts`, each hyphenated part in its pieces: what forms join."""
    return [piece for part in parts for piece in re.split(r"[ -]+", part) if piece]


def _longest_piece(part: str) -> str:
    """The longest piece of `part`, apostrophes parting pieces: a quick look's key."""
    return max(re.split(r"[ ']+", part), key=len)


def joined(*parts: str, tight: bool = False) -> str:
    """A pattern of `parts`, and of the pieces of each hyphenated part, joined as names
    are; `tight`, also with nothing between them ("JaneDoe")."""
    pieces = _pieces(*parts)
    join = f"{_JOIN}?" if tight else _JOIN
    return join.join(re.escape(piece).replace("'", _APOSTROPHE) for piece in pieces)


# Among a name's letters, at most this many marks that are no letter; between its
# parts, at least one and at most this many, never those that end a clause (a full
# stop, a comma), between words of a sentence and not of a name ("a rose. Hill").
_MARKS_IN_PART = 2
_MARKS_BETWEEN = 4


# Digits written for the letters they look like ("Pr1ya R4maswamy-H0lt").
_DIGIT_FOR = {"a": "4", "b": "8", "e": "3", "g": "9", "i": "1", "l": "1", "o": "0", "s": "5",
              "t": "7"}  # fmt: skip
# A text's letters as the spread forms compare them: those digits read as letters, and
# "l" as "i", since a "1" may be either.
SPREAD_LETTERS = str.maketrans("4830157l9", "abeoistig")


def _spread(words: list[str]) -> tuple[str, str]:
    """The letters of the name alone (as `SPREAD_LETTERS` reads them), and the pattern of
    its letters, or digits for them, with marks among them (see `NameForms.spread`)."""
    pieces = [letters for piece in _pieces(*words) if (letters := re.sub(r"[^a-z]", "", piece))]
    inside = rf"[^a-z0-9]{{0,{_MARKS_IN_PART}}}"
    between = rf"[^a-z0-9.,;:!?]{{1,{_MARKS_BETWEEN}}}"

    def letter(c: str) -> str:
        return f"[{c}{_DIGIT_FOR[c]}]" if c in _DIGIT_FOR else re.escape(c)

    spread = between.join(inside.join(map(letter, piece)) for piece in pieces)
    return "".join(pieces).translate(SPREAD_LETTERS), spread


def _fewest(
    held: tuple[frozenset[bytes], ...], already: tuple[frozenset[bytes], ...] = ()
) -> tuple[frozenset[bytes], ...]:
    """The sets of words in `held` that hold no other, nor any of `already`: a text
    holding a larger one holds the smaller, and is read closely for it anyway."""
    unique = tuple(dict.fromkeys(held))
    return tuple(
        words
        for words in unique
        if not any(other < words for other in unique) and not any(a <= words for a in already)
    )


def _run_together(*parts: str) -> tuple[frozenset[bytes], ...]:
    """The words of `parts` in each way their pieces can run together: "Declan
    Ashcombe-Reyes" holds declan and ashcombereyes, or declanashcombereyes, or..."""
    pieces = _pieces(*parts)
    if len(pieces) > _MOST_RUN_PIECES:
        ways: list[tuple[str, ...]] = [(" ",) * (len(pieces) - 1), ("",) * (len(pieces) - 1)]
    else:
        ways = list(itertools.product((" ", ""), repeat=len(pieces) - 1))
    texts = [pieces[0] + "".join(map("".join, zip(way, pieces[1:], strict=True))) for way in ways]
    return tuple(dict.fromkeys(words for text in texts for words in _words(text)))


def _words(surname: str) -> tuple[frozenset[bytes], ...]:
    """The words of the surname, as written with its apostrophes and as written without.

    "O'Neill-Dunne" holds the words o, neill and dunne, or oneill and dunne; never
    none, which would make every file worth a closer look.
    """
    apart = re.sub("'", " ", surname)
    together = surname.replace("'", "")
    return tuple(
        dict.fromkeys(
            frozenset(WORD.findall(text.encode("ascii", "ignore"))) for text in (apart, together)
        )
    )
