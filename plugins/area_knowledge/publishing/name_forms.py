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

# What may join two parts of a name, once folded.
_JOIN = r"(?: ?[-_.+] ?| )"
# An apostrophe in a name may be written, left out or made a space: O'Neill, ONeill, O Neill.
_APOSTROPHE = r"(?:' ?| )?"
_TITLES = r"(?:mr|mrs|ms|miss|mx|dr|prof|professor|sir|dame|rev|mister)"
# Lower-case words that belong to the surname after them: "van", "de la".
_PARTICLES = frozenset(
    "van von der den de del della di da du la le dos das ap bin bint al el".split()
)
# A single name shorter than this is a word ("The", "a"), not anyone to find.
_SHORTEST_SINGLE_NAME = 4
# A middle name in full, joined to the names around it as an id or web address joins
# them, never by a full stop and a space, which ends a sentence ("Jane. Alice Doe").
_MIDDLE_JOIN = r"(?:[-_.+]| )"
# Words between a forename and a surname that are prose, not a middle name.
_NOT_MIDDLE = (
    "and|or|nor|but|with|without|to|from|for|at|by|in|on|of|the|a|an|as|than|then|via|"
    "plus|vs|also|is|was|were|are|has|had|will|would|said|says|told|tells|met|meets|"
    "asked|asks|thanked|thanks|led|leads|helped|helps|joined|joins|taught|teaches"
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

    @property
    def keys(self) -> tuple[str, ...]:
        """The longest piece of each half of the surname: a cheap first look for any of
        the forms, each of which ("Priya Holt" for "Priya Ramaswamy-Holt" too) holds one.

        Apostrophes part pieces too: "O'Neill" is also written "ONeill" and "O Neill",
        each of which holds "neill".
        """
        halves = [half for half in self.surname.split("-") if half.strip(" '")]
        return tuple(dict.fromkeys(max(re.split(r"[ ']+", half), key=len) for half in halves))


def name_forms(
    name: str, *, surname_shared: bool = False, taken: Collection[str] = ()
) -> NameForms | None:
    """Every form of `name`; only the full name when a listed person shares the surname.

    `taken` are folded names of people the site lists: no guessed form (half of a
    double-barrelled surname) is withheld that is one of them.
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
    # "Jane A. Doe": middle initials between the first name and the surname.
    middle = rf"{joined(forenames[0])}(?:{_JOIN}[a-z]\.?){{1,3}}{_JOIN}{joined(surname)}"
    patterns = [full, joined(forenames[0], surname), middle]
    # "Jane Alice Doe", "Jane Mary-Ann Doe": middle names in full, not prose between.
    loose = [_with_middle_names(joined(forenames[0]), surname)]
    # "JaneDoe", "declanashcombe-reyes": run together, as handles and file names are.
    loose += [joined(*words, tight=True), joined(forenames[0], surname, tight=True)]
    ran = _run_together(*words) + _run_together(forenames[0], surname)
    # "Priya Holt", "Priya Ramaswamy": a forename and half a double-barrelled surname.
    halves = [
        half
        for half in surname.split("-")
        if half != surname and half and f"{forenames[0]} {half}" not in taken
    ]
    loose += [joined(forenames[0], half) for half in halves]
    ran += tuple(w for half in halves for w in _words(f"{forenames[0]} {half}"))
    if surname_shared:
        # Every form holds the first forename: a page must hold it to be read closely.
        held = _fewest(_words(f"{forenames[0]} {surname}"))
        return NameForms(tuple(patterns), surname, held, tuple(loose), _fewest(ran, held))
    patterns += _surname_forms(forenames, surname)
    # "DOE Jane", "DoeJane", as a register lists people: not when a listed person
    # shares the surname, whose name would run into the next one's ("Sam Doe Jane Smith").
    loose += [joined(surname, *forenames), joined(surname, forenames[0], tight=True)]
    # "J. Alice Doe": an initial, then a middle name in full.
    loose.append(_with_middle_names(rf"{re.escape(forenames[0][0])}\.?", surname))
    # An initial may run into the surname ("JDoe"), which then holds no word "doe".
    held = _fewest(_words(surname) + _words(forenames[0][0] + surname))
    ran += _run_together(surname, forenames[0])
    return NameForms(
        tuple(dict.fromkeys(patterns)),
        surname,
        held,
        tuple(dict.fromkeys(loose)),
        _fewest(ran, held),
    )


def _with_middle_names(first: str, surname: str) -> str:
    """The pattern `first`, then middle names in full, then the surname."""
    word = rf"(?!(?:{_NOT_MIDDLE})(?![a-z']))[a-z]+(?:'[a-z]+)?"
    middle = rf"(?:{_MIDDLE_JOIN}{word}){{1,{_MOST_MIDDLE_NAMES}}}"
    return f"{first}{middle}{_MIDDLE_JOIN}{joined(surname)}"


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
        rf"{initials} ?{last}",
        rf"{last} ?, ?(?:{title})?(?:{joined(*forenames)}|{initials})",
    ]
    if len(re.split(r"[ -]", surname)) > 1:
        forms.append(last)
    return forms


def _surname_start(words: list[str]) -> int:
    """Where the surname begins: the last word, with the particles before it."""
    cut = len(words) - 1
    while cut > 1 and words[cut - 1] in _PARTICLES:
        cut -= 1
    return cut


def joined(*parts: str, tight: bool = False) -> str:
    """A pattern of `parts`, and of the pieces of each hyphenated part, joined as names
    are; `tight`, also with nothing between them ("JaneDoe")."""
    pieces = [piece for part in parts for piece in re.split(r"[ -]+", part) if piece]
    join = f"{_JOIN}?" if tight else _JOIN
    return join.join(re.escape(piece).replace("'", _APOSTROPHE) for piece in pieces)


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
    pieces = [piece for part in parts for piece in re.split(r"[ -]+", part) if piece]
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
