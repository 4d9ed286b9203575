#!/usr/bin/env python3
"""Write a synthetic area in the contract format, for benchmarks and tests at scale.

    .venv/bin/python benchmarks/generate_area.py OUT_DIR --schools 500 --case-studies 3000 \\
        --hubs 100 --practitioners 1500 --themes 40 [--seed 1] [--today 2026-11-22] \\
        [--skew school|theme]

writes OUT_DIR/content/ (themes.yml, schools.yml, case-studies/, hubs/,
practitioners/, index.md) and OUT_DIR/mkdocs.yml, a copy of the project's
own as it is at the time, with `docs_dir: content`. The same arguments always
give the same bytes. From Python (benchmarks/run.py):

    write_area(out_dir, AreaSize(schools=500, case_studies=3000, hubs=100,
               practitioners=1500, themes=40), seed=1, today=DEFAULT_TODAY, skew=None)

The area looks like a real one at scale: British English text of the demo's
lengths, a few popular themes and a long tail of rare ones, busy and quiet
schools, and each rule of the contract exercised (drafts, archived case
studies, withdrawn people and people past their review date, aliases and
previous URNs). Dates are set around `--today`, so that people listed as
current stay current for at least a year after it. `--skew school` names one
school on about three quarters of the case studies, as a teaching-school hub
can be; `--skew theme` puts one theme on every entry.

The words are data, not code: benchmarks/vocabulary/ holds them, one YAML file
per kind of thing, read with `read_vocabulary`.
"""

from __future__ import annotations

import argparse
import bisect
import dataclasses
import itertools
import re
import sys
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path
from random import Random
from typing import (
    TYPE_CHECKING,
    Any,
    Generic,
    Literal,
    Protocol,
    TypeVar,
    get_args,
    get_origin,
    get_type_hints,
)

import yaml

from area_knowledge.contract.schema import (
    CASE_STUDIES,
    DESIGNATIONS,
    GIAS_PHASES,
    HUBS,
    OFFERS,
    PRACTITIONERS,
    SCHOOLS_FILE,
    SUMMARY_LIMIT,
    THEMES_FILE,
)
from area_knowledge.reading.values import slugify

if TYPE_CHECKING:
    from _typeshed import DataclassInstance

REPO = Path(__file__).resolve().parent.parent
PROJECT_MKDOCS_YML = REPO / "mkdocs.yml"
VOCABULARY = Path(__file__).resolve().parent / "vocabulary"
DEFAULT_TODAY = date(2026, 11, 22)

T = TypeVar("T")
D = TypeVar("D", bound="DataclassInstance")

Skew = Literal["school", "theme"]
SKEWS: tuple[Skew, ...] = ("school", "theme")

# Shares of entries that exercise each rule; below MIN_FOR_RULES entries a rule
# is applied only as often as its share gives.
DRAFT_SHARE = 0.03
ARCHIVED_SHARE = 0.02
WITHDRAWN_SHARE = 0.02
EXPIRED_SHARE = 0.02
MIN_FOR_RULES = 10
SKEWED_SCHOOL_SHARE = 0.75
SUMMARY_RANGE = (120, 280)
CASE_STUDY_WORDS = (300, 700)
PRACTITIONER_WORDS = (95, 145)
HUB_WORDS = (150, 250)
EVIDENCE_WEIGHTS = {"anecdotal": 35, "school-data": 50, "external-evaluation": 15}

THEMES_HEADER = (
    "# A synthetic area's controlled vocabulary of themes, written by\n"
    "# benchmarks/generate_area.py. An entry may use a theme's id or any alias.\n"
)
SCHOOLS_HEADER = (
    "# A synthetic area's register of schools, written by benchmarks/generate_area.py.\n"
    "# One item per establishment, keyed by its URN; previous_urns lead old\n"
    "# references to the school's current URN.\n"
)


# --- The vocabulary, as read from benchmarks/vocabulary/ ----------------------------
# Each file's keys are the fields of one dataclass below.


@dataclass(frozen=True)
class Narrower:
    title: str
    aliases: tuple[str, ...] = ()


@dataclass(frozen=True)
class ThemeSeed:
    """A broad theme, with narrower themes under it and practices entries on it describe."""

    title: str
    description: str
    practices: tuple[str, ...]
    aliases: tuple[str, ...] = ()
    narrower: tuple[Narrower, ...] = ()


@dataclass(frozen=True)
class ThemeWords:
    """themes.yml."""

    themes: tuple[ThemeSeed, ...]
    contexts: tuple[str, ...]
    narrow_description: str


@dataclass(frozen=True)
class PlaceWords:
    """places.yml."""

    starts: tuple[str, ...]
    ends: tuple[str, ...]
    locality_suffixes: tuple[str, ...]
    repeat_suffixes: tuple[str, ...]


@dataclass(frozen=True)
class SchoolKind:
    kind: str
    weight: int
    endings: tuple[str, ...]


@dataclass(frozen=True)
class Catholic:
    replaces: str
    name: str
    saints: tuple[str, ...]


@dataclass(frozen=True)
class SchoolWords:
    """schools.yml."""

    kinds: tuple[SchoolKind, ...]
    catholic: Catholic
    fixed_types: dict[str, str]
    drawn_types: dict[str, tuple[str, ...]]
    academy_types: tuple[str, ...]
    maintained_types: tuple[str, ...]
    trusts: tuple[str, ...]
    domain: str


@dataclass(frozen=True)
class Phrases:
    """phrases.yml: what fills the slots of every kind of entry's sentences."""

    groups: tuple[str, ...]
    staff: tuple[str, ...]
    periods: tuple[str, ...]
    timings: tuple[str, ...]


@dataclass(frozen=True)
class Section:
    """A heading of a body, its share of the words and the sentences it is written from."""

    heading: str
    share: float
    sentences: tuple[str, ...]
    bullet_leads: tuple[str, ...] = ()


@dataclass(frozen=True)
class TitleWords:
    adjectives: tuple[str, ...]
    nouns: tuple[str, ...]
    days: tuple[str, ...]
    numbers: tuple[str, ...]
    hook: str
    counted_hook: str
    for_group: str
    at_school: str


@dataclass(frozen=True)
class SummaryWords:
    openings: tuple[str, ...]
    results: tuple[str, ...]


@dataclass(frozen=True)
class Measure:
    measure: str
    result: str


@dataclass(frozen=True)
class CaseStudyWords:
    """case-studies.yml."""

    titles: TitleWords
    summaries: SummaryWords
    sections: tuple[Section, ...]
    no_contact: str
    measures: tuple[Measure, ...]


@dataclass(frozen=True)
class HubWords:
    """hubs.yml."""

    title: str
    names: tuple[str, ...]
    summary: str
    meets: tuple[str, ...]
    join: str
    sections: tuple[Section, ...]


@dataclass(frozen=True)
class PractitionerWords:
    """practitioners.yml."""

    first_names: tuple[str, ...]
    surnames: tuple[str, ...]
    roles: tuple[str, ...]
    contact: str
    openings: tuple[str, ...]
    sentences: tuple[str, ...]


@dataclass(frozen=True)
class Vocabulary:
    """Every word a synthetic area is written in."""

    themes: ThemeWords
    places: PlaceWords
    schools: SchoolWords
    phrases: Phrases
    case_studies: CaseStudyWords
    hubs: HubWords
    practitioners: PractitionerWords
    home: str


class VocabularyError(ValueError):
    """A vocabulary file whose shape is not the one its dataclass declares."""


def read_vocabulary(folder: Path = VOCABULARY) -> Vocabulary:
    """The vocabulary in `folder`: one YAML file per kind of thing, and the home page."""
    return Vocabulary(
        themes=read_words(ThemeWords, folder / "themes.yml"),
        places=read_words(PlaceWords, folder / "places.yml"),
        schools=read_words(SchoolWords, folder / "schools.yml"),
        phrases=read_words(Phrases, folder / "phrases.yml"),
        case_studies=read_words(CaseStudyWords, folder / "case-studies.yml"),
        hubs=read_words(HubWords, folder / "hubs.yml"),
        practitioners=read_words(PractitionerWords, folder / "practitioners.yml"),
        home=(folder / "home.md").read_text(encoding="utf-8"),
    )


def read_words(cls: type[D], path: Path) -> D:
    """The dataclass `cls` from the YAML file at `path`, checked field by field."""
    with path.open(encoding="utf-8") as stream:
        data = yaml.safe_load(stream)
    return as_dataclass(cls, data, path.name)


def as_dataclass(cls: type[D], raw: object, where: str) -> D:
    """`raw`, a mapping of the dataclass's field names, as an instance of `cls`."""
    if not isinstance(raw, dict):
        raise VocabularyError(f"{where}: expected a mapping, found {raw!r}")
    hints = get_type_hints(cls)
    fields = {f.name: f for f in dataclasses.fields(cls)}
    unknown = sorted(set(raw) - set(fields))
    missing = [
        name for name, f in fields.items() if name not in raw and f.default is dataclasses.MISSING
    ]
    if unknown or missing:
        raise VocabularyError(f"{where}: unknown keys {unknown}, missing keys {missing}")
    values = {name: shaped(hints[name], raw[name], f"{where}: {name}") for name in raw}
    return cls(**values)


def shaped(hint: Any, raw: object, where: str) -> object:
    """`raw` as the type `hint` names: a dataclass, tuple, dict, text or number."""
    origin, args = get_origin(hint), get_args(hint)
    if isinstance(hint, type) and dataclasses.is_dataclass(hint):
        return as_dataclass(hint, raw, where)
    if origin is tuple and isinstance(raw, list):
        return tuple(shaped(args[0], item, f"{where}[{n}]") for n, item in enumerate(raw))
    if origin is dict and isinstance(raw, dict):
        return {str(key): shaped(args[1], value, f"{where}.{key}") for key, value in raw.items()}
    if hint is float and isinstance(raw, (int, float)) and not isinstance(raw, bool):
        return float(raw)
    if hint in (str, int) and type(raw) is hint:
        return raw
    raise VocabularyError(f"{where}: expected {hint}, found {raw!r}")


# --- Randomness with a shape ----------------------------------------------------------


class Weighted(Generic[T]):
    """Draws from items with Zipf-like weights: a few popular, a long tail of rare ones."""

    def __init__(self, items: Sequence[T], rng: Random, exponent: float) -> None:
        order = list(range(len(items)))
        rng.shuffle(order)
        self.items = [items[i] for i in order]
        self.cumulative = list(
            itertools.accumulate(1 / (rank + 1) ** exponent for rank in range(len(items)))
        )

    def one(self, rng: Random) -> T:
        """One item; the first items most often."""
        return self.items[bisect.bisect(self.cumulative, rng.random() * self.cumulative[-1])]

    def some(self, rng: Random, count: int) -> list[T]:
        """`count` distinct items (fewer when there are not that many)."""
        count = min(count, len(self.items))
        chosen: list[T] = []
        while len(chosen) < count:
            item = self.one(rng)
            if item not in chosen:
                chosen.append(item)
        return chosen


def count_of(rng: Random, weights: dict[int, int]) -> int:
    """A count drawn with the weights given for each."""
    return rng.choices(list(weights), weights=list(weights.values()))[0]


def rule_count(total: int, share: float) -> int:
    """How many of `total` entries take a rule: its share, and at least one when big enough."""
    count = round(total * share)
    return max(count, 1) if total >= MIN_FOR_RULES else count


def unique(base: str, taken: set[str]) -> str:
    """`base`, or `base-2`, `base-3`… whichever is not taken yet; then taken."""
    candidate = base
    for number in itertools.count(2):
        if candidate not in taken:
            break
        candidate = f"{base}-{number}"
    taken.add(candidate)
    return candidate


def entry_id(title: str, taken: set[str], words: int = 8) -> str:
    """An id for an entry of this title: its first words, unique among `taken`."""
    base = "-".join(slugify(title).split("-")[:words]) or "entry"
    return unique("entry" if base == "index" else base, taken)


def capitalised(text: str) -> str:
    """`text` with its first letter in upper case and the rest as it is."""
    return text[0].upper() + text[1:]


def with_skew(items: list[T], skewed: T | None) -> list[T]:
    """`items`, and the skewed item at the end when there is one and it is missing."""
    if skewed is None or skewed in items:
        return items
    return [*items, skewed]


# --- The area as plain data -----------------------------------------------------------


class Counts(Protocol):
    """How many of each thing an area has: this module's AreaSize, or any like it."""

    @property
    def schools(self) -> int: ...
    @property
    def case_studies(self) -> int: ...
    @property
    def hubs(self) -> int: ...
    @property
    def practitioners(self) -> int: ...
    @property
    def themes(self) -> int: ...


@dataclass(frozen=True)
class AreaSize:
    """How many of each thing the area has."""

    schools: int
    case_studies: int
    hubs: int
    practitioners: int
    themes: int


@dataclass
class ThemeItem:
    id: str
    title: str
    aliases: list[str]
    description: str
    parent: str | None
    practices: tuple[str, ...]
    priority: bool = False


@dataclass
class SchoolItem:
    urn: int
    name: str
    phase: str
    kind: str
    type: str
    trust: str
    locality: str
    domain: str
    previous_urns: list[int] = field(default_factory=list)
    member: bool = True

    @property
    def phase_keys(self) -> list[str]:
        """Phase keys, as entries write them."""
        # GIAS gives special schools and AP no phase; their kind is the phase key.
        if self.phase == "Not applicable":
            return [self.kind]
        return list(GIAS_PHASES[self.phase])


@dataclass
class PersonItem:
    id: str
    name: str
    first: str
    surname: str
    school: SchoolItem
    themes: list[ThemeItem]
    status: str = "listed"
    expired: bool = False


@dataclass
class HubItem:
    id: str
    title: str
    host: SchoolItem
    themes: list[ThemeItem]


@dataclass(frozen=True)
class Draws:
    """What every draw is made with: one seeded random source, the words and the day."""

    rng: Random
    words: Vocabulary
    today: date


@dataclass
class Plan:
    """The area as drawn so far: registers, draws over them, entries that others name."""

    size: Counts
    themes: list[ThemeItem]
    localities: list[str]
    schools: list[SchoolItem]
    theme_draw: Weighted[ThemeItem]
    school_draw: Weighted[SchoolItem]
    skewed_school: SchoolItem | None = None
    skewed_theme: ThemeItem | None = None
    people: list[PersonItem] = field(default_factory=list)
    people_by_school: dict[int, list[PersonItem]] = field(default_factory=dict)
    hubs: list[HubItem] = field(default_factory=list)
    hubs_by_theme: dict[str, list[HubItem]] = field(default_factory=dict)


def generate_area(
    size: Counts,
    seed: int = 1,
    today: date = DEFAULT_TODAY,
    skew: Skew | None = None,
    words: Vocabulary | None = None,
) -> dict[str, str]:
    """Every file of a synthetic area, by its path under `content/`."""
    if size.schools < 1 or size.themes < 1:
        raise ValueError("an area needs at least one school and one theme")
    if size.hubs and not size.practitioners:
        raise ValueError("hubs need a lead: give at least one practitioner")
    draws = Draws(Random(seed), words or read_vocabulary(), today)
    plan = plan_area(draws, size, skew)
    files = {
        THEMES_FILE: themes_yml(plan.themes),
        SCHOOLS_FILE: schools_yml(plan),
        "index.md": home_page(draws.words, plan),
    }
    # People first: hubs name a lead, case studies name contacts.
    files.update(practitioner_files(draws, plan))
    files.update(hub_files(draws, plan))
    files.update(case_study_files(draws, plan))
    return files


def plan_area(draws: Draws, size: Counts, skew: Skew | None) -> Plan:
    """The registers, and the weighted draws that entries take their themes and schools from."""
    themes = draw_themes(draws, size.themes)
    localities = draw_localities(draws, max(2, round(size.schools / 30)))
    schools = draw_schools(draws, size.schools, localities)
    # Entries come from member schools; busy ones name many, quiet ones few or none.
    members = [s for s in schools if s.member] or schools
    plan = Plan(
        size=size,
        themes=themes,
        localities=localities,
        schools=schools,
        theme_draw=Weighted(themes, draws.rng, 1.0),
        school_draw=Weighted(members, draws.rng, 0.5),
    )
    # The skewed school or theme is the most popular one, made more popular still.
    if skew == "school":
        plan.skewed_school = plan.school_draw.items[0]
    elif skew == "theme":
        plan.skewed_theme = plan.theme_draw.items[0]
    return plan


# --- Themes ---------------------------------------------------------------------------


def draw_themes(draws: Draws, total: int) -> list[ThemeItem]:
    """`total` themes: broad ones, each followed by the narrower ones under it."""
    children = total // 4 if total >= 4 else 0
    broad = [broad_theme(draws.words.themes, index) for index in range(total - children)]
    narrow = narrow_themes(draws.words.themes, broad, children)
    themes: list[ThemeItem] = []
    for theme in broad:
        themes.append(theme)
        themes.extend(t for t in narrow if t.parent == theme.id)
    drop_clashing_aliases(themes)
    for theme in themes:
        if draws.rng.random() < 0.15:
            theme.description = ""
    roots = [t for t in themes if t.parent is None]
    for theme in draws.rng.sample(roots, min(len(roots), draws.rng.randint(3, 5))):
        theme.priority = True
    return themes


def broad_theme(words: ThemeWords, index: int) -> ThemeItem:
    """The vocabulary's broad theme at `index`; beyond its end, one narrowed by a context."""
    seed = words.themes[index % len(words.themes)]
    title, aliases = seed.title, seed.aliases
    round_ = index // len(words.themes)
    if round_:
        # Beyond the vocabulary: the same topics, narrowed to a phase or a group.
        title = f"{title} {words.contexts[(round_ - 1) % len(words.contexts)]}"
        if round_ > len(words.contexts):
            title += f" ({round_ // len(words.contexts) + 1})"
        aliases = ()
    return ThemeItem(slugify(title), title, list(aliases), seed.description, None, seed.practices)


def narrow_themes(words: ThemeWords, broad: list[ThemeItem], count: int) -> list[ThemeItem]:
    """`count` narrower themes, taken from each broad theme in turn."""
    taken_ids = {t.id for t in broad}
    taken_titles = {t.title for t in broad}
    pending = {t.id: narrow_titles(words, t) for t in broad}
    narrow: list[ThemeItem] = []
    for parent in itertools.cycle(broad):
        if len(narrow) == count:
            break
        for title, aliases in pending[parent.id]:
            if title in taken_titles:
                continue
            taken_titles.add(title)
            description = words.narrow_description.format(title=title, practice=parent.practices[0])
            theme_id = unique(slugify(title), taken_ids)
            narrow.append(
                ThemeItem(theme_id, title, list(aliases), description, parent.id, parent.practices)
            )
            break
    return narrow


def narrow_titles(words: ThemeWords, theme: ThemeItem) -> Iterator[tuple[str, tuple[str, ...]]]:
    """Titles and aliases of themes narrower than `theme`: the vocabulary's, then by context."""
    for seed in words.themes:
        if seed.title == theme.title:
            yield from ((n.title, n.aliases) for n in seed.narrower)
    for context in words.contexts:
        yield f"{theme.title} {context}", ()


def drop_clashing_aliases(themes: list[ThemeItem]) -> None:
    """Keep each alias on the first theme that has it, and off any that has it as an id."""
    owner = {t.id: t.id for t in themes}
    for theme in themes:
        theme.aliases = [a for a in theme.aliases if owner.setdefault(a, theme.id) == theme.id]


def themes_yml(themes: list[ThemeItem]) -> str:
    """content/themes.yml: one item per theme, optional fields only where set."""
    items = []
    for theme in themes:
        item: dict[str, Any] = {"id": theme.id, "title": theme.title}
        if theme.description:
            item["description"] = theme.description
        if theme.aliases:
            item["aliases"] = theme.aliases
        if theme.parent:
            item["parent"] = theme.parent
        if theme.priority:
            item["priority"] = True
        items.append(item)
    return THEMES_HEADER + "\n" + "\n".join(dump([item]) for item in items)


# --- Places and schools ---------------------------------------------------------------


def place_names(draws: Draws) -> Iterator[str]:
    """Place names in a shuffled order, endlessly: with a suffix after the first round."""
    places = [start + end for start in draws.words.places.starts for end in draws.words.places.ends]
    draws.rng.shuffle(places)
    suffixes = draws.words.places.repeat_suffixes
    for round_ in itertools.count():
        for place in places:
            yield place if round_ == 0 else f"{place} {suffixes[round_ % len(suffixes)]}"


def draw_localities(draws: Draws, count: int) -> list[str]:
    """`count` distinct locality names."""
    names: list[str] = []
    for place in place_names(draws):
        if len(names) == count:
            break
        suffix = draws.rng.choice(draws.words.places.locality_suffixes)
        name = f"{place} {suffix}" if suffix else place
        if name not in names:
            names.append(name)
    return names


def draw_schools(draws: Draws, count: int, localities: list[str]) -> list[SchoolItem]:
    """`count` schools with distinct URNs and names; some academies with previous URNs."""
    rng = draws.rng
    trust_places = itertools.islice(place_names(draws), max(2, count // 8))
    trusts = [rng.choice(draws.words.schools.trusts).format(place=p) for p in trust_places]
    names: set[str] = set()
    urns = rng.sample(range(100000, 152000), count)
    places = place_names(draws)
    schools = [draw_school(draws, urn, places, names, trusts, localities) for urn in urns]
    current = set(urns)
    old_urns = (urn for urn in rng.sample(range(100000, 140000), 3 * len(schools) + 10))
    for school in schools:
        if school.type.startswith("Academy") and rng.random() < 0.35:
            school.previous_urns = [
                next(u for u in old_urns if u not in current)
                for _ in range(1 if rng.random() < 0.9 else 2)
            ]
    return schools


def draw_school(
    draws: Draws,
    urn: int,
    places: Iterator[str],
    names: set[str],
    trusts: list[str],
    localities: list[str],
) -> SchoolItem:
    """One school: its kind first, then its type, its name and where it is."""
    rng, words = draws.rng, draws.words.schools
    kinds = words.kinds
    kind = rng.choices([k.kind for k in kinds], weights=[k.weight for k in kinds])[0]
    phase = kind if kind in GIAS_PHASES else "Not applicable"
    school_type = draw_school_type(draws, kind)
    name, place = draw_school_name(draws, kind, places, names)
    drawn = kind in words.drawn_types
    return SchoolItem(
        urn=urn,
        name=name,
        phase=phase,
        kind=kind,
        # A special school needs its type: the type decides its phase.
        type=school_type if drawn or rng.random() < 0.95 else "",
        trust=rng.choice(trusts) if "cademy" in school_type else "",
        locality=rng.choice(localities),
        domain=words.domain.format(place=slugify(place).replace("-", "")),
        member=rng.random() >= 0.05,
    )


def draw_school_type(draws: Draws, kind: str) -> str:
    """The GIAS type of a school of this kind."""
    words = draws.words.schools
    if kind in words.drawn_types:
        return draws.rng.choice(words.drawn_types[kind])
    if kind in words.fixed_types:
        return words.fixed_types[kind]
    academy = draws.rng.random() < 0.55
    return draws.rng.choice(words.academy_types if academy else words.maintained_types)


def draw_school_name(
    draws: Draws, kind: str, places: Iterator[str], names: set[str]
) -> tuple[str, str]:
    """A name no other school has, and the place it is named after."""
    rng, words = draws.rng, draws.words.schools
    endings = next(k.endings for k in words.kinds if k.kind == kind)
    while True:
        place = next(places)
        ending = rng.choice(endings)
        if words.catholic.replaces in ending and rng.random() < 0.5:
            ending = words.catholic.name.format(saint=rng.choice(words.catholic.saints))
        name = f"{place} {ending}"
        if name not in names:
            names.add(name)
            return name, place


def schools_yml(plan: Plan) -> str:
    """content/schools.yml: the schools grouped by locality, under a comment for each."""
    parts = [SCHOOLS_HEADER]
    for locality in plan.localities:
        in_locality = [s for s in plan.schools if s.locality == locality]
        if in_locality:
            parts.append(f"# --- {locality} {'-' * max(3, 72 - len(locality))}\n")
            parts.extend(dump([school_item(s)]) for s in in_locality)
    return "\n".join(parts)


def school_item(school: SchoolItem) -> dict[str, Any]:
    """A school's item in the register, optional fields only where set."""
    item: dict[str, Any] = {"urn": school.urn, "name": school.name, "phase": school.phase}
    if school.type:
        item["type"] = school.type
    if school.trust:
        item["trust"] = school.trust
    item["locality"] = school.locality
    if school.previous_urns:
        item["previous_urns"] = school.previous_urns
    if not school.member:
        item["member"] = False
    return item


def school_ref(rng: Random, school: SchoolItem) -> int:
    """How an entry names a school: now and then by the URN it had before."""
    if school.previous_urns and rng.random() < 0.2:
        return rng.choice(school.previous_urns)
    return school.urn


def theme_refs(rng: Random, themes: list[ThemeItem]) -> list[str]:
    """How an entry names themes: by id, now and then by an alias."""
    return [rng.choice(t.aliases) if t.aliases and rng.random() < 0.15 else t.id for t in themes]


# --- Practitioners --------------------------------------------------------------------


def practitioner_files(draws: Draws, plan: Plan) -> dict[str, str]:
    """The practitioners' files; each person is added to the plan for later entries."""
    total = plan.size.practitioners
    withdrawn_count = rule_count(total, WITHDRAWN_SHARE)
    hidden = draws.rng.sample(range(total), withdrawn_count + rule_count(total, EXPIRED_SHARE))
    withdrawn, expired = set(hidden[:withdrawn_count]), set(hidden[withdrawn_count:])
    names: set[str] = set()
    ids: set[str] = set()
    files: dict[str, str] = {}
    for index in range(total):
        person = draw_person(draws, plan, names, ids)
        person.status = "withdrawn" if index in withdrawn else "listed"
        person.expired = index in expired
        plan.people.append(person)
        plan.people_by_school.setdefault(person.school.urn, []).append(person)
        files[f"{PRACTITIONERS.folder}/{person.id}.md"] = practitioner_file(draws, person)
    return files


def draw_person(draws: Draws, plan: Plan, names: set[str], ids: set[str]) -> PersonItem:
    """A person no one else in the area shares a name with, at a school, with themes."""
    rng, words = draws.rng, draws.words.practitioners
    while True:
        first = rng.choice(words.first_names)
        surname = rng.choice(words.surnames)
        if rng.random() < 0.05:
            surname = f"{surname}-{rng.choice(words.surnames)}"
        name = f"{first} {surname}"
        if name not in names:
            names.add(name)
            break
    school = plan.school_draw.one(rng)
    themes = plan.theme_draw.some(rng, count_of(rng, {1: 30, 2: 45, 3: 25}))
    themes = with_skew(themes, plan.skewed_theme)
    return PersonItem(entry_id(name, ids), name, first, surname, school, themes)


def practitioner_file(draws: Draws, person: PersonItem) -> str:
    """A practitioner's front matter and body."""
    rng = draws.rng
    role = rng.choice(draws.words.practitioners.roles)
    fields: dict[str, Any] = {
        "name": person.name,
        "role": role,
        "school": school_ref(rng, person.school),
        "themes": theme_refs(rng, person.themes),
    }
    if rng.random() < 0.35:
        fields["phases"] = person.school.phase_keys
    designations = rng.sample(list(DESIGNATIONS), count_of(rng, {0: 45, 1: 40, 2: 15}))
    if designations:
        fields["designations"] = designations
    fields["offers"] = rng.sample(list(OFFERS), count_of(rng, {1: 35, 2: 40, 3: 25}))
    fields["availability"] = rng.choices(
        ("available", "limited", "unavailable"), weights=(70, 22, 8)
    )[0]
    if rng.random() < 0.75:
        fields["contact"] = draws.words.practitioners.contact.format(
            initial=person.first[0].lower(),
            surname=re.sub(r"[^a-z]", "", person.surname.lower()),
            domain=person.school.domain,
        )
    fields.update(listing_dates(draws, person.expired))
    if person.status == "withdrawn":
        fields["status"] = "withdrawn"
    return front_matter(fields) + "\n" + practitioner_body(draws, person, role)


def listing_dates(draws: Draws, expired: bool) -> dict[str, date]:
    """`consent` and `review_by`: past review when `expired`, else current for a year or more."""
    rng, today = draws.rng, draws.today
    if expired:
        review_by = today - timedelta(days=rng.randint(1, 400))
    else:
        review_by = today + timedelta(days=rng.randint(365, 3 * 365))
    consent = review_by - timedelta(days=rng.randint(2 * 365, 3 * 365))
    consent = min(consent, today - timedelta(days=rng.randint(10, 300)))
    return {"consent": consent, "review_by": review_by}


# --- Hubs -----------------------------------------------------------------------------


def hub_files(draws: Draws, plan: Plan) -> dict[str, str]:
    """The hubs' files; each hub is added to the plan for the case studies."""
    ids: set[str] = set()
    titles: set[str] = set()
    files: dict[str, str] = {}
    for _ in range(plan.size.hubs):
        hub = draw_hub(draws, plan, titles, ids)
        plan.hubs.append(hub)
        for theme in hub.themes:
            plan.hubs_by_theme.setdefault(theme.id, []).append(hub)
        files[f"{HUBS.folder}/{hub.id}.md"] = hub_file(draws, plan, hub)
    return files


def draw_hub(draws: Draws, plan: Plan, titles: set[str], ids: set[str]) -> HubItem:
    """A hub at a member school, on up to three themes, with a title no other hub has."""
    rng, words = draws.rng, draws.words.hubs
    host = plan.school_draw.one(rng)
    themes = plan.theme_draw.some(rng, count_of(rng, {1: 40, 2: 40, 3: 20}))
    themes = with_skew(themes, plan.skewed_theme)
    theme = themes[0].title
    title = words.title.format(locality=host.locality, theme=theme, name=rng.choice(words.names))
    while title in titles:
        locality = rng.choice(plan.localities)
        title = words.title.format(locality=locality, theme=theme, name=rng.choice(words.names))
        if title in titles:
            title = f"{title} {len(titles)}"
    titles.add(title)
    return HubItem(entry_id(title, ids), title, host, themes)


def hub_file(draws: Draws, plan: Plan, hub: HubItem) -> str:
    """A hub's front matter and body: a lead from its host where it can, and members."""
    rng, words = draws.rng, draws.words.hubs
    at_host = plan.people_by_school.get(hub.host.urn, [])
    lead = rng.choice(at_host) if at_host else rng.choice(plan.people)
    members = [s for s in plan.school_draw.some(rng, rng.randint(3, 15)) if s is not hub.host]
    # Some hubs list their host among the members, as the contract allows.
    listed = [hub.host, *members] if rng.random() < 0.5 else members
    fields: dict[str, Any] = {
        "title": hub.title,
        "summary": hub_summary(words, hub, len(members)),
        "themes": theme_refs(rng, hub.themes),
        "lead": lead.id,
        "host_school": school_ref(rng, hub.host),
        "schools": [school_ref(rng, s) for s in listed],
        "meets": rng.choice(words.meets),
        "join": (
            f"mailto:{hub.id[:40].rstrip('-')}@{hub.host.domain}"
            if rng.random() < 0.2
            else words.join
        ),
    }
    if rng.random() < 0.08:
        fields["status"] = "closed"
    return front_matter(fields) + "\n" + hub_body(draws, hub, lead)


# --- Case studies ---------------------------------------------------------------------


def case_study_files(draws: Draws, plan: Plan) -> dict[str, str]:
    """The case studies' files: a few drafts and archived ones among them."""
    rng = draws.rng
    total = plan.size.case_studies
    draft_count = rule_count(total, DRAFT_SHARE)
    marked = rng.sample(range(total), draft_count + rule_count(total, ARCHIVED_SHARE))
    statuses = {index: "draft" for index in marked[:draft_count]}
    statuses.update((index, "archived") for index in marked[draft_count:])
    skewed: set[int] = set()
    if plan.skewed_school is not None:
        skewed = set(rng.sample(range(total), round(total * SKEWED_SCHOOL_SHARE)))
    ids: set[str] = set()
    titles: set[str] = set()
    files: dict[str, str] = {}
    for index in range(total):
        study_id, text = case_study_file(
            draws, plan, titles, ids, statuses.get(index), index in skewed
        )
        files[f"{CASE_STUDIES.folder}/{study_id}.md"] = text
    return files


def case_study_file(
    draws: Draws,
    plan: Plan,
    titles: set[str],
    ids: set[str],
    status: str | None,
    skewed: bool,
) -> tuple[str, str]:
    """A case study's id, and its front matter and body."""
    rng = draws.rng
    themes = plan.theme_draw.some(rng, count_of(rng, {1: 25, 2: 40, 3: 25, 4: 10}))
    themes = with_skew(themes, plan.skewed_theme)
    schools = plan.school_draw.some(rng, count_of(rng, {1: 70, 2: 22, 3: 8}))
    if skewed:
        schools = with_skew(schools, plan.skewed_school)
    practice = rng.choice(themes[0].practices)
    group = rng.choice(draws.words.phrases.groups)
    title = case_study_title(draws, practice, group, schools[0])
    while title in titles:
        title = case_study_title(draws, rng.choice(themes[0].practices), group, None)
    titles.add(title)
    published = draws.today - timedelta(days=rng.randint(20, 5 * 365))
    fields: dict[str, Any] = {
        "title": title,
        "summary": case_study_summary(draws, schools[0], practice, group),
        "themes": theme_refs(rng, themes),
        "schools": [school_ref(rng, s) for s in schools],
    }
    links, contacts = case_study_links(draws, plan, themes, schools)
    fields.update(links)
    fields.update(case_study_dates_and_impact(draws, published, status))
    body = case_study_body(draws, schools[0], practice, group, themes[0], contacts)
    return entry_id(title, ids), front_matter(fields) + "\n" + body


def case_study_links(
    draws: Draws, plan: Plan, themes: list[ThemeItem], schools: list[SchoolItem]
) -> tuple[dict[str, Any], list[PersonItem]]:
    """A case study's `hub`, `contacts` and `phases` fields, where it has them; its contacts."""
    links: dict[str, Any] = {}
    hub = hub_for(draws.rng, plan, themes)
    if hub is not None:
        links["hub"] = hub.id
    contacts = contacts_for(draws.rng, plan, schools)
    if contacts:
        links["contacts"] = [p.id for p in contacts]
    if draws.rng.random() < 0.4:
        links["phases"] = list(dict.fromkeys(k for s in schools for k in s.phase_keys))
    return links, contacts


def case_study_dates_and_impact(
    draws: Draws, published: date, status: str | None
) -> dict[str, Any]:
    """A case study's `published`, `reviewed`, `impact` and `status` fields, where it has them."""
    rng, today = draws.rng, draws.today
    fields: dict[str, Any] = {"published": published}
    if rng.random() < 0.3:
        fields["reviewed"] = published + timedelta(days=rng.randint(0, (today - published).days))
    impact = [impact_item(draws) for _ in range(count_of(rng, {0: 15, 1: 35, 2: 35, 3: 15}))]
    if impact:
        fields["impact"] = impact
    if status is not None:
        fields["status"] = status
    return fields


def hub_for(rng: Random, plan: Plan, themes: list[ThemeItem]) -> HubItem | None:
    """For a quarter of case studies, the hub they came from: one on their themes if any."""
    if not plan.hubs or rng.random() >= 0.25:
        return None
    near = [h for t in themes for h in plan.hubs_by_theme.get(t.id, [])]
    return rng.choice(near or plan.hubs)


def contacts_for(rng: Random, plan: Plan, schools: list[SchoolItem]) -> list[PersonItem]:
    """Up to two people to ask, mostly from the schools that did the work."""
    wanted = count_of(rng, {0: 15, 1: 65, 2: 20})
    if not plan.people:
        return []
    near = [p for s in schools for p in plan.people_by_school.get(s.urn, [])]
    contacts: list[PersonItem] = []
    for _ in range(wanted):
        person = rng.choice(near) if near and rng.random() < 0.8 else rng.choice(plan.people)
        if person not in contacts:
            contacts.append(person)
    return contacts


# --- The home page --------------------------------------------------------------------


def home_page(words: Vocabulary, plan: Plan) -> str:
    """content/index.md: the partnership's own words about the area."""
    localities = ", ".join(plan.localities[:-1]) + f" and {plan.localities[-1]}"
    return words.home.format(schools=len(plan.schools), localities=localities)


# --- Prose ----------------------------------------------------------------------------


def fill(draws: Draws, template: str, **slots: str) -> str:
    """`template` with its slots filled: the given ones, else phrases and numbers drawn."""
    rng, phrases = draws.rng, draws.words.phrases
    a = rng.randint(8, 70)
    values = {
        "group": rng.choice(phrases.groups),
        "staff": rng.choice(phrases.staff),
        "period": rng.choice(phrases.periods),
        "timing": rng.choice(phrases.timings),
        "n": str(rng.randint(3, 40)),
        "a": str(a),
        "b": str(min(99, a + rng.randint(3, 20))),
        "year": str(draws.today.year - rng.randint(1, 6)),
        "months": str(rng.randint(4, 18)),
        **slots,
    }
    return capitalised(template.format(**values))


def case_study_title(draws: Draws, practice: str, group: str, school: SchoolItem | None) -> str:
    """A title: a hook and the practice, or now and then the practice at the school."""
    rng, words = draws.rng, draws.words.case_studies.titles
    hook = (
        words.hook.format(adjective=rng.choice(words.adjectives), noun=rng.choice(words.nouns))
        if rng.random() < 0.6
        else words.counted_hook.format(day=rng.choice(words.days), number=rng.choice(words.numbers))
    )
    if school is not None and rng.random() < 0.3:
        return words.at_school.format(practice=capitalised(practice), school=school.name)
    return words.for_group.format(hook=hook, practice=practice, group=group)


def case_study_summary(draws: Draws, school: SchoolItem, practice: str, group: str) -> str:
    """One or two sentences, of a length within SUMMARY_RANGE and the contract's limit."""
    rng, words = draws.rng, draws.words.case_studies.summaries
    low, high = SUMMARY_RANGE
    while True:
        opening = rng.choice(words.openings)
        first = fill(draws, opening, school=school.name, practice=practice, group=group)
        text = f"{first} {fill(draws, rng.choice(words.results), group=group)}"
        if len(text) > high:
            text = first
        if low <= len(text) <= min(high, SUMMARY_LIMIT):
            return text


def hub_summary(words: HubWords, hub: HubItem, members: int) -> str:
    """What the hub is: how many schools, on what, doing what."""
    text = words.summary.format(
        schools=members + 1,
        themes=" and ".join(t.title.lower() for t in hub.themes[:2]),
        practice=hub.themes[0].practices[0],
        host=hub.host.name,
    )
    return text[: SUMMARY_RANGE[1]].rstrip()


def impact_item(draws: Draws) -> dict[str, str]:
    """One `impact` item: a measure, its result with numbers drawn, and the evidence."""
    rng = draws.rng
    measure = rng.choice(draws.words.case_studies.measures)
    p = rng.randint(30, 69) / 10
    numbers = {
        "x": str(rng.randint(12, 60)),
        "y": str(rng.randint(2, 11)),
        "p": f"{p:.1f}",
        "q": f"{min(9.8, p + rng.randint(8, 30) / 10):.1f}",
        "m": str(rng.randint(6, 20)),
    }
    return {
        "measure": measure.measure,
        "result": fill(draws, measure.result, **numbers),
        "evidence": rng.choices(list(EVIDENCE_WEIGHTS), weights=list(EVIDENCE_WEIGHTS.values()))[0],
    }


def paragraphs(draws: Draws, bank: Sequence[str], words: int, **slots: str) -> list[str]:
    """Paragraphs of three to five sentences from `bank`, until `words` is reached."""
    rng = draws.rng
    result: list[str] = []
    deck: list[str] = []
    count = 0
    while count < words:
        sentences = []
        for _ in range(rng.randint(3, 5)):
            # Each sentence of the bank once before any comes again.
            if not deck:
                deck = list(bank)
                rng.shuffle(deck)
            sentence = fill(draws, deck.pop(), **slots)
            sentences.append(sentence)
            count += len(sentence.split())
            if count >= words:
                break
        result.append(" ".join(sentences))
    return result


def case_study_body(
    draws: Draws,
    school: SchoolItem,
    practice: str,
    group: str,
    theme: ThemeItem,
    contacts: list[PersonItem],
) -> str:
    """The body: one section per heading of the vocabulary, each its share of the words."""
    low, high = CASE_STUDY_WORDS
    # Each section overshoots by up to a sentence and headings count as words.
    words = draws.rng.randint(low + 20, high - 150)
    slots = {
        "school": school.name,
        "practice": practice,
        "theme": theme.title.lower(),
        "locality": school.locality,
        "target": group,
        "lead": contacts[0].name if contacts else draws.words.case_studies.no_contact,
    }
    sections = draws.words.case_studies.sections
    parts = [case_study_section(draws, section, words, slots) for section in sections]
    return "\n\n".join(parts) + "\n"


def case_study_section(draws: Draws, section: Section, words: int, slots: dict[str, str]) -> str:
    """A section of a case study: paragraphs, and bullets where the section has leads."""
    rng = draws.rng
    budget = max(12, round(words * section.share))
    bullets = []
    if section.bullet_leads and rng.random() < 0.5:
        bullets = [
            f"- **{rng.choice(section.bullet_leads)}.** "
            + fill(draws, rng.choice(section.sentences), **slots)
            for _ in range(rng.randint(2, 4))
        ]
        budget -= sum(len(bullet.split()) for bullet in bullets)
    text = paragraphs(draws, section.sentences, max(12, budget), **slots)
    if bullets:
        text.insert(1, "\n".join(bullets))
    return f"## {section.heading}\n\n" + "\n\n".join(text)


def practitioner_body(draws: Draws, person: PersonItem, role: str) -> str:
    """Two short paragraphs about the person: an opening, then sentences in a random order."""
    rng, words = draws.rng, draws.words.practitioners
    slots = {
        "first": person.first,
        "school": person.school.name,
        "role": role.lower(),
        "theme": person.themes[0].title.lower(),
        "practice": person.themes[0].practices[0],
        "locality": person.school.locality,
    }
    length = rng.randint(*PRACTITIONER_WORDS)
    sentences = [fill(draws, rng.choice(words.openings), **slots)]
    count = len(sentences[0].split())
    bank = list(words.sentences)
    rng.shuffle(bank)
    for template in bank:
        if count >= length - 10:
            break
        sentences.append(fill(draws, template, **slots))
        count += len(sentences[-1].split())
    middle = len(sentences) // 2
    return " ".join(sentences[:middle]) + "\n\n" + " ".join(sentences[middle:]) + "\n"


def hub_body(draws: Draws, hub: HubItem, lead: PersonItem) -> str:
    """The body: one section per heading of the vocabulary, each its share of the words."""
    rng = draws.rng
    slots = {
        "school": hub.host.name,
        "practice": hub.themes[0].practices[-1],
        "theme": hub.themes[0].title.lower(),
        "locality": hub.host.locality,
        "target": rng.choice(draws.words.phrases.groups),
        "lead": lead.name,
    }
    words = rng.randint(*HUB_WORDS)
    parts = []
    for section in draws.words.hubs.sections:
        text = paragraphs(draws, section.sentences, round(words * section.share), **slots)
        parts.append(f"## {section.heading}\n\n" + "\n\n".join(text))
    return "\n\n".join(parts) + "\n"


# --- Writing files --------------------------------------------------------------------


def dump(value: object) -> str:
    """YAML as a contributor would write it: fields in the contract's order, one per line."""
    return yaml.dump(
        value,
        Dumper=yaml.SafeDumper,
        sort_keys=False,
        allow_unicode=True,
        width=4096,
        default_flow_style=False,
    )


def front_matter(fields: dict[str, Any]) -> str:
    """An entry's front matter, between its `---` lines."""
    return f"---\n{dump(fields)}---\n"


def area_mkdocs_yml(project_config: str) -> str:
    """The project's mkdocs.yml as text, pointed at `content/` beside it."""
    if re.search(r"^docs_dir:.*$", project_config, re.MULTILINE):
        return re.sub(r"^docs_dir:.*$", "docs_dir: content", project_config, flags=re.MULTILINE)
    return "docs_dir: content\n" + project_config


def write_area(
    out_dir: str | Path,
    size: Counts,
    seed: int = 1,
    today: date = DEFAULT_TODAY,
    skew: Skew | None = None,
) -> Path:
    """Write a synthetic area into `out_dir`: content/ and mkdocs.yml; return content/.

    `size` is an AreaSize or any object with the same five counts. Refuses, with
    FileExistsError, a content/ folder that already has files; raises ValueError
    for counts no area can have.
    """
    content = Path(out_dir) / "content"
    if content.is_dir() and any(content.iterdir()):
        raise FileExistsError(
            f"{content} already has files: give an empty or new folder, so that no one's "
            "content is overwritten"
        )
    files = generate_area(size, seed, today, skew)
    project_config = PROJECT_MKDOCS_YML.read_text(encoding="utf-8")
    for relative, text in sorted(files.items()):
        write_text(content / relative, text)
    write_text(Path(out_dir) / "mkdocs.yml", area_mkdocs_yml(project_config))
    return content


def write_text(path: Path, text: str) -> None:
    """Write `text` to `path` with Unix line endings, making its folder if need be."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8", newline="\n") as stream:
        stream.write(text)


def parse_args(argv: list[str] | None) -> tuple[argparse.ArgumentParser, argparse.Namespace]:
    """The command line's parser, and the arguments it read."""
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("out_dir", help="folder to write content/ and mkdocs.yml into")
    parser.add_argument("--schools", type=int, default=500)
    parser.add_argument("--case-studies", type=int, default=3000)
    parser.add_argument("--hubs", type=int, default=100)
    parser.add_argument("--practitioners", type=int, default=1500)
    parser.add_argument("--themes", type=int, default=40)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument(
        "--today",
        type=date.fromisoformat,
        default=DEFAULT_TODAY,
        help=f"the day review dates are set around (default {DEFAULT_TODAY.isoformat()})",
    )
    parser.add_argument(
        "--skew",
        choices=SKEWS,
        help="school: one school on about three quarters of the case studies; "
        "theme: one theme on every entry",
    )
    return parser, parser.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    """Write the area the command line asks for; 2 when it would overwrite content."""
    parser, args = parse_args(argv)
    size = AreaSize(args.schools, args.case_studies, args.hubs, args.practitioners, args.themes)
    if min(dataclasses.astuple(size)) < 0:
        parser.error("counts cannot be negative")
    try:
        content = write_area(args.out_dir, size, args.seed, args.today, args.skew)
    except FileExistsError as error:
        print(error, file=sys.stderr)
        return 2
    except ValueError as error:
        parser.error(str(error))
    entries = size.case_studies + size.hubs + size.practitioners
    print(
        f"{entries} entries, {size.themes} themes and {size.schools} schools in {content}",
        file=sys.stderr,
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
