"""Finding the people the site must not name, however the text writes them.

A withdrawn or expired person is personal data the site may no longer
publish. Their name is found in every form schools write it (`name_forms.py`)
on text folded as names are compared (`folding.py`): in text, in HTML with
inline tags read through, and in attributes such as links and ids. A
possessive ("Ann Lee's") is a mention; a longer name ("Ann Lee-Smith") is not.
Their address is found the same way, also written "name [at] school", and
replaced by the partnership's.

A name inside the name of a school, trust or place ("St Thomas More Catholic
Primary School") or after "St" is a dedication, not a mention: it is left as
it is, so that a listing's date passing never breaks the site.

The same `Mentions` object withholds text before it is rendered and, in the
finishing step, proves that no file of the built site names anyone it holds:
by every form of a name but the loose ones ("DOE Jane", "Jane Alice Doe"),
which are withheld from text but would find a name where a listing's people
run together.
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable, Iterable
from functools import cache, cached_property
from typing import TypeVar
from urllib.parse import unquote

from .folding import (
    COMMENT,
    INLINE_TAG,
    WORD,
    Folded,
    fold,
    folded_html,
    folded_text,
    html_text,
    quick_fold,
    words_of,
)
from .name_forms import SPREAD_LETTERS, joined, name_forms, run_together_shown, surname_of

WITHHELD_NAME = "[name withheld]"
_Kept = TypeVar("_Kept")

# Around a name: not inside a longer word or name; "Ann Lee's" is a mention.
# An apostrophe after a letter is in a word ("D'Jane"); after anything else, a quote.
_BEFORE_ANY = r"(?<![\w-])(?<!\w')"
_BEFORE = _BEFORE_ANY + r"(?<!\bst[ ._-])(?<!\bst\. )(?<!\bsaint[ ._-])"
# Words a name is compounded with, which make no longer name: "a Jane Doe-led review".
_COMPOUNDS = "|".join(
    "led run based inspired style type like designed devised developed approved endorsed "
    "trained taught created made written authored backed funded era ish ism esque".split()
)
# After a name: no letter, no hyphen and a longer name ("Jane Doe-Smith"), and no
# apostrophe in a word ("Doe'an"); a hyphen and a word it is compounded with may follow.
_AFTER = rf"(?!\w)(?!-(?!(?:{_COMPOUNDS})(?!\w)))(?!'(?!s\b)\w)"
# The "@" of an address, also as schools disguise it: "name [at] school.sch.uk".
_AT = r"(?: ?@ ?| ?[\[(] ?at ?[\])] ?| at )"
# An attribute's value, quoted either way or, as minifiers write them, not at all.
_ATTRIBUTE = re.compile(r"""=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+))""")
_TAG_ATTRIBUTE = re.compile(r"""(\s[\w:-]+)\s*=\s*("[^"]*"|'[^']*'|[^\s"'=<>`]+)""")
_TAG = re.compile(r"</?[A-Za-z][^>]*>")
# Patterns kept for the sets of names texts hold, at most this many.
_MOST_NARROWED = 4096
# Pieces of markup whose words are kept, at most this many: the theme's recur.
_MOST_PIECES = 50_000
# A long text is searched a part at a time, each for the names whose words it holds: an
# export holding every entry holds every surname, and one pattern of them all is slow.
_PART = 2048
# A text holding the words of at most this many names is searched whole, for them alone:
# a pattern of so few is quick, quicker than finding the words of each part.
_FEW_NAMES = 8
# A right-to-left override's run of text, to its end, the line's or the next tag.
_OVERRIDDEN = re.compile("\u202e([^\u202c<\n]*)")
# An entity for '%': unescaped, it makes a percent-escape of what follows.
_PERCENT_ENTITY = re.compile(r"&(?:#0*37|#x0*25|percnt;)", re.IGNORECASE)
# What is not a letter, taken out of a text to see whether its letters hold a name's.
_NOT_LETTER = re.compile("[^a-z]+")
# Runs of percent-escapes, as `unquote` decodes them.
_ESCAPES = re.compile(r"(?:%[0-9A-Fa-f]{2})+")


def unquoted(text: str) -> str:
    """`urllib.parse.unquote`, at C speed where a text holds many '%' that escape nothing."""
    return _ESCAPES.sub(lambda run: unquote(run.group()), text) if "%" in text else text


# A tree of letters: each word is a path from the root; "" marks where one ends.
_Letters = dict[str, "_Letters"]


def any_of(words: Iterable[str]) -> str:
    """A pattern matching any of `words`, as a tree of their letters: the engine tries
    each letter once at each place, not every word, which for many names is far quicker."""
    tree: _Letters = {}
    for word in words:
        node = tree
        for letter in word:
            node = node.setdefault(letter, {})
        node[""] = {}
    return _tree_pattern(tree)


def _tree_pattern(node: _Letters) -> str:
    branches = [
        re.escape(letter) + _tree_pattern(rest) for letter, rest in sorted(node.items()) if letter
    ]
    if "" in node:
        # A word ends here: what a longer word would add is optional.
        branches = [f"(?:{'|'.join(branches)})?"] if branches else []
    if len(branches) == 1:
        return branches[0]
    return f"(?:{'|'.join(branches)})" if branches else ""


class Mentions:
    """The names and addresses of people the site must not show, and where text names them."""

    def __init__(
        self,
        names: Iterable[str],
        addresses: Iterable[str],
        mailbox: str,
        *,
        shown_names: Iterable[str] = (),
        dedications: Iterable[str] = (),
    ) -> None:
        """`shown_names` are listed people's: a surname they share is found only in full,
        and no guessed form of a withheld name ("Priya Holt") is withheld that is one.
        `dedications` are names of schools, trusts and places, left as they are."""
        shown_names = {fold(name) for name in shown_names}
        shared = {surname_of(name) for name in shown_names} - {""}
        forms = [
            found
            for name in sorted({fold(n) for n in names if fold(n)}, key=len, reverse=True)
            if (
                found := name_forms(
                    name,
                    surname_shared=surname_of(name) in shared,
                    taken=shown_names,
                    taken_surnames=shared,
                )
            )
        ]
        self.names = tuple(form.surname for form in forms)
        self.addresses = tuple(sorted({fold(a) for a in addresses if "@" in a}, key=len)[::-1])
        self.mailbox = mailbox
        name_patterns = [pattern for form in forms for pattern in form.patterns]
        address_patterns = [_address_pattern(address) for address in self.addresses]
        self._pattern = _compiled(name_patterns, address_patterns)
        # Every form of a name holds the longest piece of its surname; an address, however
        # its name is spelt, its domain.
        domains = [address.split("@")[1] for address in self.addresses]
        keys = [key for form in forms for key in form.keys]
        keys += [max(domain.split("."), key=len) for domain in domains]
        self._quick = re.compile(any_of(keys)) if keys else None
        # The words each name or address holds, with its place among them: a text holding
        # only some names' words is searched for those names alone.
        self._forms = forms
        self._address_patterns = address_patterns
        self._owned_words = [(words, i) for i, form in enumerate(forms) for words in form.words]
        self._owned_words += [
            (frozenset(WORD.findall(domain.encode("ascii", "ignore"))), len(forms) + i)
            for i, domain in enumerate(domains)
        ]
        self._always = any(not words for words, _ in self._owned_words)
        # Full names' letters alone: where a text's letters hold them, their spread forms.
        spread_letters = [letters for form in forms for letters in form.letters]
        self._spread_letters = re.compile(any_of(spread_letters)) if spread_letters else None
        self._spread_patterns: dict[str, re.Pattern[str]] = {}
        # With the words only loose forms hold: what withholding, not the guard, looks for.
        self._owned_loose_words = self._owned_words + [
            (words, i) for i, form in enumerate(forms) for words in form.loose_words
        ]
        self._narrowed: dict[tuple[frozenset[int], bool], re.Pattern[str] | None] = {}
        self._piece_words: dict[str, frozenset[bytes]] = {}
        self._piece_texts: dict[str, tuple[str, str]] = {}
        self._values_read: dict[str, tuple[str, frozenset[bytes]]] = {}
        # Only the names whose words some dedication holds can be inside one.
        folded_dedications = {fold(d) for d in dedications}
        inside = frozenset().union(
            *(self._owners(words_of(d), loose=True) for d in folded_dedications)
        )
        dedicated = [self._forms[i] for i in sorted(inside) if i < len(forms)]
        self._dedications = _dedications_naming(
            folded_dedications,
            _compiled(
                [
                    p
                    for form in dedicated
                    for p in (*form.loose, *form.patterns, *form.run_together)
                ],
                [],
                _BEFORE_ANY,
            ),
        )
        # How far a mention, or a dedication around it, can reach: no form joins more
        # than three characters between two letters, nor adds more than a title and
        # three initials.
        longest = max(map(len, [*self.names, *self.addresses, *folded_dedications]), default=0)
        self._reach = 4 * longest + 64

    def __bool__(self) -> bool:
        return self._pattern is not None

    @cached_property
    def _withheld_by(self) -> re.Pattern[str] | None:
        """What text is withheld by when every text is searched for every name: the loose
        forms, each longer than a form it holds ("DOE Jane" holds "Doe"), then the rest."""
        names = [p for form in self._forms for p in (*form.loose, *form.patterns)]
        run = [p for form in self._forms for p in form.run_together]
        return _compiled(names, self._address_patterns, run_together=run)

    def might_name(self, text: str, *, markup: bool = False) -> bool:
        """Whether `text` could name someone: False is certain, True needs a closer look."""
        return self._might(quick_fold(text, markup))

    def _might(self, quick: str) -> bool:
        return self._quick is not None and bool(self._quick.search(quick))

    def found(self, text: str, *, markup: bool = False) -> list[tuple[int, int, str]]:
        """(start, end, kind) in `text` of each mention; kind is 'name' or 'address'."""
        quick = quick_fold(text, markup)
        # Folded exactly at most once, by whichever look first needs it.
        folded_once = cache(lambda: folded_html(text) if markup else folded_text(text))
        spread = self._spread_in(quick, folded_once)
        if self._pattern is None or not self._might(quick):
            return spread
        _, pattern = self._pattern_holding(text, markup=markup, loose=True)
        if pattern is None:
            return spread
        exact = folded_once()
        found = []
        for start, end, kind in self._spans(exact.text, pattern):
            start, end = exact.origin[start], exact.ends[end - 1]
            if kind == "run":
                if not run_together_shown(
                    html_text(text[start:end]) if markup else text[start:end]
                ):
                    continue
                kind = "name"
            found.append((start, end, kind))
        return _merged(found + spread) if spread else found

    def _spread_in(self, quick: str, folded: Callable[[], Folded]) -> list[tuple[int, int, str]]:
        """Each mention of a full name with marks among its letters ("R A M A S W A M Y",
        "Pri-ya"), looked for only where the text's letters alone (from its `quick` fold)
        hold the name's."""
        if self._spread_letters is None:
            return []
        hits = set(
            self._spread_letters.findall(_NOT_LETTER.sub("", quick.translate(SPREAD_LETTERS)))
        )
        if not hits:
            return []
        # The quick fold keeps a name's letters, and its marks or spaces for them: a spread
        # form is in the exact fold only if it is in the quick one.
        patterns = [self._spread_of(letters) for letters in sorted(hits)]
        if not any(pattern.search(quick) for pattern in patterns):
            return []
        exact = folded()
        return [
            (exact.origin[start], exact.ends[end - 1], kind)
            for pattern in patterns
            for start, end, kind in self._spans(exact.text, pattern)
        ]

    def _spread_of(self, letters: str) -> re.Pattern[str]:
        """The pattern of the spread forms of the names whose letters are `letters`."""
        if letters not in self._spread_patterns:
            spreads = [
                spread
                for form in self._forms
                for own, spread in zip(form.letters, form.spread, strict=True)
                if own == letters
            ]
            self._spread_patterns[letters] = re.compile(
                rf"{_BEFORE}(?P<name>{'|'.join(spreads)}){_AFTER}"
            )
        return self._spread_patterns[letters]

    def _spans(
        self, folded: str, pattern: re.Pattern[str] | None = None
    ) -> list[tuple[int, int, str]]:
        """Each mention in folded text, less those inside a dedication."""
        found = pattern or self._pattern
        assert found is not None
        matches = list(found.finditer(folded))
        if not matches or self._dedications is None:
            return [(m.start(), m.end(), m.lastgroup or "name") for m in matches]
        kept = [(m.start(), m.end()) for m in self._dedications.finditer(folded)]
        return [
            (m.start(), m.end(), m.lastgroup or "name")
            for m in matches
            if not any(start <= m.start() and m.end() <= end for start, end in kept)
        ]

    def _spans_in_parts(
        self, folded: str, pattern: re.Pattern[str] | None = None
    ) -> list[tuple[int, int, str]]:
        """`_spans` of a long text a part at a time, each part searched, with as much of
        its neighbours as a mention can reach, for the names whose words it holds: an
        export holding every entry holds every surname, and one pattern of them all is
        slow. A short text is searched whole, with `pattern`."""
        if len(folded) <= 4 * _PART or self._always:
            return self._spans(folded, pattern)
        spans = []
        for start in range(0, len(folded), _PART):
            offset = max(0, start - self._reach)
            part = folded[offset : start + _PART + self._reach]
            narrowed = self._narrowed_to(self._owners(words_of(part)))
            if narrowed is None:
                continue
            spans += [
                (found_start + offset, found_end + offset, kind)
                for found_start, found_end, kind in self._spans(part, narrowed)
                if start <= found_start + offset < start + _PART
            ]
        return spans

    def withhold(self, text: str) -> str:
        """Plain text with each name replaced and each address made the partnership's."""
        return _replaced(text, self.found(text), self.mailbox)

    def withhold_html(self, markup: str) -> str:
        """HTML with each mention replaced in its text, tags left whole, and each attribute
        that names someone (a link, an id, a title) taken off its tag."""
        spans = self.found(markup, markup=True)
        result = _replaced_in_markup(markup, spans, self.mailbox) if spans else markup
        result = self._addresses_in_attributes(result)
        if self._pattern is None or not self.might_name(unquoted(result)):
            return result
        return _TAG.sub(self._tag_withheld, result)

    def _addresses_in_attributes(self, markup: str) -> str:
        if not self.addresses or "@" not in markup:
            return markup
        pattern = re.compile("|".join(map(re.escape, self.addresses)), re.IGNORECASE)
        return pattern.sub(self.mailbox, markup)

    def _tag_withheld(self, tag: re.Match[str]) -> str:
        def attribute(found: re.Match[str]) -> str:
            value = found.group(2)
            value = value[1:-1] if value[0] in "\"'" else value
            return "" if self._names_any(unquoted(html.unescape(value))) else found.group()

        return _TAG_ATTRIBUTE.sub(attribute, tag.group())

    def _names_any(self, text: str) -> bool:
        return bool(self.found(text))

    def _markup_words(self, markup: str) -> set[bytes]:
        """The words of markup as written and as read, through tags and entities, taken a
        piece at a time: the theme's pieces, on every page, are read once.

        A piece ends where a tag ends a line, which no word, entity, escape or
        tag crosses; so the pieces hold every word the whole does, and at most
        the names of tags cut off there besides. A comment can cross one: the
        words around such a comment are read again, whole.
        """
        present: set[bytes] = set()
        known = self._piece_words
        for piece in markup.split(">\n"):
            words = known.get(piece)
            if words is None:
                words = _kept(known, piece, frozenset(_words_read(piece)))
            present |= words
        for comment in COMMENT.finditer(markup) if "<!--" in markup else ():
            if ">\n" in comment.group():
                start = markup.rfind(">\n", 0, comment.start()) + 1
                end = markup.find(">\n", comment.end())
                present |= _words_read(markup[start : end if end >= 0 else len(markup)])
        return present

    def _html_texts(self, document: str) -> tuple[str, str]:
        """`html_text` of a document both ways, inline tags read through and apart, taken
        a piece at a time as `_markup_words` takes them: the theme's are read once.

        The text at a piece's end is a tag's, before a line break: each piece's
        text joined by a space is the whole's, unless a comment crosses a piece's
        end, when the whole is read at once.
        """
        if "<!--" in document and any(">\n" in c.group() for c in COMMENT.finditer(document)):
            return html_text(document), html_text(document, inline_apart=True)
        known = self._piece_texts
        *pieces, last = document.split(">\n")
        read = []
        for piece in pieces:
            texts = known.get(piece)
            if texts is None:
                # Its '>' back: the line break after it is a space in either text.
                texts = (html_text(piece + ">"), html_text(piece + ">", inline_apart=True))
                _kept(known, piece, texts)
            read.append(texts)
        read.append((html_text(last), html_text(last, inline_apart=True)))
        through = " ".join(texts[0] for texts in read if texts[0])
        return through, " ".join(texts[1] for texts in read if texts[1])

    def _pattern_holding(
        self, text: str, *, markup: bool = True, loose: bool = False
    ) -> tuple[int, re.Pattern[str] | None]:
        """How many names and addresses the text holds every word of, and their pattern,
        None if it holds none; markup as written and as read, through tags and entities
        ("<em>J</em>ane", "J&#97;ne"). With their `loose` forms, for withholding."""
        if self._always:
            every = len(self._forms) + len(self.addresses)
            return every, self._withheld_by if loose else self._pattern
        present = self._markup_words(text) if markup else words_of(text)
        owners = self._owners(present, loose=loose)
        return len(owners), self._narrowed_to(owners, loose=loose)

    def _owners(self, present: set[bytes], *, loose: bool = False) -> frozenset[int]:
        """The names and addresses (by their place) whose every word is `present`, in one
        of their forms, the `loose` ones too if asked."""
        owned = self._owned_loose_words if loose else self._owned_words
        return frozenset(owner for words, owner in owned if words <= present)

    def _narrowed_to(
        self, owners: frozenset[int], *, loose: bool = False
    ) -> re.Pattern[str] | None:
        """The pattern of the names and addresses `owners` alone (with their `loose`
        forms, if asked), or None if none."""
        if not owners:
            return None
        if (owners, loose) not in self._narrowed:
            if len(self._narrowed) >= _MOST_NARROWED:
                self._narrowed.clear()
            forms = [self._forms[i] for i in sorted(owners) if i < len(self._forms)]
            names = [p for form in forms for p in (*(form.loose if loose else ()), *form.patterns)]
            run = [p for form in forms for p in form.run_together] if loose else []
            addresses = [
                self._address_patterns[i - len(self._forms)]
                for i in sorted(owners)
                if i >= len(self._forms)
            ]
            self._narrowed[owners, loose] = _compiled(names, addresses, run_together=run)
        return self._narrowed[owners, loose]

    def named_in(self, document: str) -> list[str]:
        """Every mention in a built file: its text and its tags' attributes, as folded."""
        if self._pattern is None:
            return []
        holding, pattern = self._pattern_holding(document)
        # An attribute's value is unescaped, then its escapes decoded, as a browser reads
        # a link: "D&#37;6Fe" is "Doe" there, and holds no word "doe" in the markup.
        if pattern is None and not _PERCENT_ENTITY.search(document) and "\u202e" not in document:
            return []
        found = []
        # Read both ways: "<em>J</em>ane" is one word, "<span>A</span><span>B</span>" two.
        if pattern is not None:
            search = self._spans if holding <= _FEW_NAMES else self._spans_in_parts
            for text in self._html_texts(document):
                found += [text[s:e] for s, e, _ in search(text, pattern)]
        if "\u202e" in document:
            # Letters behind a right-to-left override are drawn reversed: "eoD enaJ".
            drawn = html_text(_OVERRIDDEN.sub(lambda run: run.group(1)[::-1], document))
            found += [drawn[s:e] for s, e, _ in self._spans_in_parts(drawn)]
        # Only the names whose every word the attributes hold are looked for in them.
        values = [self._value_read(a or b or c) for a, b, c in _ATTRIBUTE.findall(document)]
        held: re.Pattern[str] | None = self._pattern
        if not self._always:
            held = self._narrowed_to(self._owners(set().union(*(w for _, w in values))))
        if held is not None:
            text = fold(" ".join(read for read, _ in values))
            found += [text[s:e] for s, e, _ in self._spans_in_parts(text, held)]
        return found

    def _value_read(self, value: str) -> tuple[str, frozenset[bytes]]:
        """An attribute's value as a browser reads it, and its words: the theme's recur."""
        known = self._values_read.get(value)
        if known is None:
            read = unquoted(html.unescape(value))
            known = _kept(self._values_read, value, (read, frozenset(words_of(read))))
        return known


def _kept(known: dict[str, _Kept], key: str, value: _Kept) -> _Kept:
    """`value`, kept in `known` by its `key`; `known` emptied first once it holds
    `_MOST_PIECES`, so that pages' own pieces, never seen again, do not pile up."""
    if len(known) >= _MOST_PIECES:
        known.clear()
    known[key] = value
    return value


def _words_read(markup: str) -> set[bytes]:
    """The words of markup as written and as read: through inline tags, comments and
    entities, its escapes decoded."""
    raw = unquoted(markup)
    words = words_of(html.unescape(raw))
    through, comments = COMMENT.subn("", raw) if "<!--" in raw else (raw, 0)
    through, tags = INLINE_TAG.subn("", through)
    if tags or comments:
        words |= words_of(html.unescape(through))
    return words


def _dedications_naming(
    dedications: Iterable[str], names: re.Pattern[str] | None
) -> re.Pattern[str] | None:
    """The dedications that hold a form of a name: only those need looking for."""
    folded = {fold(d) for d in dedications}
    naming = sorted((d for d in folded if names and names.search(d)), key=len, reverse=True)
    # Written in a web address or an id too: "oakhurst-vale-academy".
    return re.compile("|".join(joined(d) for d in naming)) if naming else None


def _address_pattern(address: str) -> str:
    """An address, its name's letters joined by any or none of the marks an address's
    name may hold, or those marks spelt out: "p.ramaswamyholt@" and "p dot ramaswamy
    hyphen holt at" are "p.ramaswamy-holt@" to whoever reads them."""
    local, _, domain = address.partition("@")
    letters = [re.escape(c) for c in local if c not in "._+-"]
    name = f"(?:[._+-]|{_SPELT})?".join(letters) or re.escape(local)
    labels = f"(?:\\.|{_SPELT_DOT})".join(map(re.escape, domain.split(".")))
    return f"{name}{_AT}{labels}"


# Marks in an address spelt out, as people write them to foil harvesters.
_SPELT = r" ?[\[(]? ?(?:dot|hyphen|dash|underscore|plus) ?[\])]? ?"
_SPELT_DOT = r" ?[\[(]? ?dot ?[\])]? ?"


def _compiled(
    names: list[str],
    addresses: list[str],
    before: str = _BEFORE,
    *,
    run_together: list[str] | None = None,
) -> re.Pattern[str] | None:
    """One pattern of names and addresses; a match's group says which it is: 'address',
    'name', or 'run' for a name run together, a mention only as `run_together_shown`."""
    patterns = []
    if addresses:
        # First: "d.lee@school" is an address before its "d.lee" is a name.
        # A full stop ends a sentence, not the address, unless a word follows it.
        patterns.append(rf"(?<![\w.+-])(?P<address>{'|'.join(addresses)})(?![\w-]|\.[\w-])")
    if names:
        patterns.append(rf"{before}(?P<name>{'|'.join(names)}){_AFTER}")
    if run_together:
        patterns.append(rf"{before}(?P<run>{'|'.join(run_together)}){_AFTER}")
    return re.compile("|".join(patterns)) if patterns else None


def _merged(spans: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """Spans in order, those that overlap made one: an address, if either is one (the
    name in an address is replaced with it)."""
    merged: list[tuple[int, int, str]] = []
    for start, end, kind in sorted(spans):
        if merged and start < merged[-1][1]:
            last = merged[-1]
            joined_kind = "address" if "address" in (kind, last[2]) else kind
            merged[-1] = (last[0], max(end, last[1]), joined_kind)
        else:
            merged.append((start, end, kind))
    return merged


def _replaced(text: str, spans: list[tuple[int, int, str]], mailbox: str) -> str:
    pieces, at = [], 0
    for start, end, kind in spans:
        if start < at:
            continue
        pieces += [text[at:start], WITHHELD_NAME if kind == "name" else mailbox]
        at = end
    return "".join([*pieces, text[at:]])


def _replaced_in_markup(markup: str, spans: list[tuple[int, int, str]], mailbox: str) -> str:
    """Replace each span's text; tags inside a span stay, emptied of the name's letters."""
    pieces, at = [], 0
    for start, end, kind in spans:
        if start < at:
            continue
        inner = "".join(m.group() for m in re.finditer(r"<[^>]*>", markup[start:end]))
        pieces += [markup[at:start], html.escape(WITHHELD_NAME if kind == "name" else mailbox)]
        pieces.append(inner)
        at = end
    return "".join([*pieces, markup[at:]])
