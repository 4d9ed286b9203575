#!/usr/bin/env python3
"""Write a synthetic area in the contract format, for benchmarks and tests at scale.

    scripts/generate_area.py OUT_DIR --schools 500 --case-studies 3000 --hubs 100 \\
        --practitioners 1500 --themes 40 [--seed 1] [--today 2026-11-22]

writes OUT_DIR/content/ (themes.yml, schools.yml, case-studies/, hubs/,
practitioners/, index.md) and OUT_DIR/mkdocs.yml, a copy of the project's
own with `docs_dir: content`. The same arguments always give the same bytes.

The area looks like a real one at scale: British English text of the demo's
lengths, a few popular themes and a long tail of rare ones, busy and quiet
schools, and each rule of the contract exercised (drafts, archived case
studies, withdrawn people and people past their review date, aliases and
previous URNs). Dates are set around `--today`, so that people listed as
current stay current for at least a year after it.
"""

from __future__ import annotations

import argparse
import bisect
import itertools
import os
import re
import sys
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from random import Random
from typing import Any, Generic, TypeVar

import yaml

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "plugins"))

from area_knowledge.fields import slugify
from area_knowledge.schema import (
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

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DEFAULT_TODAY = date(2026, 11, 22)

T = TypeVar("T")

# Shares of entries that exercise each rule; below MIN_FOR_RULES entries a rule
# is applied only as often as its share gives.
DRAFT_SHARE = 0.03
ARCHIVED_SHARE = 0.02
WITHDRAWN_SHARE = 0.02
EXPIRED_SHARE = 0.02
MIN_FOR_RULES = 10
SUMMARY_RANGE = (120, 280)
CASE_STUDY_WORDS = (300, 700)
PRACTITIONER_WORDS = (95, 145)
HUB_WORDS = (150, 250)


# --- The vocabulary -----------------------------------------------------------
# Each broad theme: title, aliases, description, sub-themes (title, aliases)
# and practices that case studies on it describe.

ThemeSeed = tuple[
    str, tuple[str, ...], str, tuple[tuple[str, tuple[str, ...]], ...], tuple[str, ...]
]

BROAD_THEMES: tuple[ThemeSeed, ...] = (
    (
        "Reading",
        ("literacy", "reading for pleasure"),
        "Helping every pupil read widely, well and often, from the first sounds in Reception "
        "to disciplinary reading in Key Stage 4.",
        (
            ("Early reading and phonics", ("phonics", "SSP")),
            ("Reading fluency", ("fluency",)),
            ("Disciplinary reading", ()),
        ),
        (
            "daily keep-up phonics sessions",
            "a reading fluency programme",
            "a reading-for-pleasure library",
            "whole-class reading lessons",
        ),
    ),
    (
        "Writing",
        ("extended writing",),
        "Composition, transcription and the teaching of writing across the curriculum.",
        (("Handwriting", ()), ("Spelling", ("spelling and grammar",))),
        ("shared writing sessions", "a sentence-level writing sequence", "writing moderation"),
    ),
    (
        "Oracy",
        ("spoken language", "talk"),
        "Teaching pupils to speak well and to learn through talk, in every subject.",
        (("Structured talk", ()),),
        ("structured talk routines", "an oracy framework", "debate clubs in tutor time"),
    ),
    (
        "Mathematics",
        ("maths", "numeracy"),
        "Teaching for mastery, fluency with number and problem solving from the early years "
        "to GCSE.",
        (("Early mathematics", ("early maths",)), ("Times tables", ("multiplication facts",))),
        ("a maths mastery approach", "daily number fluency practice", "maths catch-up groups"),
    ),
    (
        "Science",
        (),
        "Practical science, scientific vocabulary and a curriculum that builds knowledge "
        "year on year.",
        (("Practical science", ("practical work",)),),
        ("planned practical work", "a shared science curriculum", "science knowledge organisers"),
    ),
    (
        "Primary curriculum",
        ("curriculum design",),
        "Designing, sequencing and reviewing a broad primary curriculum, including the "
        "foundation subjects and mixed-age planning.",
        (("Mixed-age planning", ("mixed-age classes",)), ("Foundation subjects", ())),
        ("a knowledge-rich curriculum", "a two-year rolling programme", "subject leader reviews"),
    ),
    (
        "Assessment",
        (),
        "Finding out what pupils know and can do, and using it to adapt teaching.",
        (
            ("Formative assessment", ("assessment for learning", "AfL")),
            ("Moderation", ()),
        ),
        ("hinge questions in every lesson", "comparative judgement", "cluster moderation"),
    ),
    (
        "SEND",
        ("SEN", "special educational needs", "special needs"),
        "Special educational needs and disabilities: SEN support, EHC plans, ordinarily "
        "available provision and the work of SENCOs and special schools.",
        (
            ("SEN support", ()),
            ("EHC plans", ("EHCP", "education, health and care plans")),
            ("Autism", ("ASD", "autistic pupils")),
            ("Speech, language and communication", ("SLCN", "speech and language")),
        ),
        (
            "a provision walk with the SENCO",
            "one-page SEN support plans",
            "outreach from a special school",
            "a shared audit of ordinarily available provision",
        ),
    ),
    (
        "Inclusion",
        ("inclusive practice",),
        "Making mainstream schools work for every child in the area, so that fewer pupils "
        "are excluded, missing or taught elsewhere.",
        (
            ("Alternative provision", ("AP",)),
            ("Reducing exclusions", ("exclusions", "suspensions")),
        ),
        ("an inclusion panel", "a reintegration plan after suspension", "an in-school hub"),
    ),
    (
        "Attendance",
        ("persistent absence",),
        "Improving attendance and reducing persistent and severe absence, working with "
        "families rather than against them.",
        (
            ("Severe absence", ()),
            ("Emotionally based school avoidance", ("EBSA",)),
        ),
        (
            "first-day calls to families",
            "attendance conversations at the school gate",
            "a walking register",
            "attendance mentoring",
        ),
    ),
    (
        "Behaviour",
        ("behaviour for learning",),
        "Calm, orderly classrooms built on clear routines and strong relationships.",
        (
            ("Relational practice", ("relational approaches",)),
            ("Restorative approaches", ("restorative practice",)),
        ),
        ("a consistent routine at the classroom door", "restorative conversations"),
    ),
    (
        "Mental health and wellbeing",
        ("wellbeing", "mental health"),
        "The mental health of pupils and staff, from universal support to early help.",
        (("Staff wellbeing", ()), ("Pupil mental health", ())),
        ("a weekly check-in circle", "trained mental health first aiders", "a wellbeing audit"),
    ),
    (
        "Disadvantage",
        ("pupil premium", "disadvantaged pupils"),
        "Closing the gaps for disadvantaged pupils through great teaching, targeted support "
        "and wider strategies.",
        (("Tutoring", ("school-led tutoring",)), ("Cultural capital", ("enrichment",))),
        ("small-group tutoring in the school day", "a pupil premium review", "funded trips"),
    ),
    (
        "Early years",
        ("EYFS", "early years foundation stage"),
        "Nursery and Reception: communication, play and the foundations of learning.",
        (
            ("Communication and language", ("early language",)),
            ("Provision for two-year-olds", ("two-year-olds",)),
        ),
        ("home visits before Reception", "a language-rich continuous provision", "stay-and-play"),
    ),
    (
        "Transition",
        (),
        "Moving well between settings and phases, especially from primary to secondary.",
        (
            ("Primary to secondary transition", ("Year 6 to Year 7",)),
            ("Starting school", ("transition into Reception",)),
        ),
        ("an enhanced transition programme", "shared transition records", "Year 6 taster days"),
    ),
    (
        "Teacher development",
        ("CPD", "professional development"),
        "Professional development that changes practice: coaching, collaborative enquiry and "
        "support for teachers early in their careers.",
        (
            ("Instructional coaching", ("coaching",)),
            ("Early career teachers", ("ECT", "early career framework")),
        ),
        ("a fortnightly coaching cycle", "lesson study triads", "an ECT mentor network"),
    ),
    (
        "Leadership",
        ("school leadership",),
        "Developing leaders at every level, from subject leads to executive headteachers.",
        (("Middle leadership", ("middle leaders",)), ("Headship", ("new headteachers",))),
        ("a middle leader programme", "peer support for new headteachers"),
    ),
    (
        "Governance",
        ("governors",),
        "Effective boards and governing bodies that support and challenge school leaders.",
        (),
        ("governor buddying", "board-ready briefings", "a skills audit for governors"),
    ),
    (
        "English as an additional language",
        ("EAL",),
        "Welcoming new arrivals and helping multilingual pupils learn in English.",
        (("New arrivals", ("international new arrivals",)),),
        ("a new-arrivals induction", "bilingual buddies", "EAL assessment on entry"),
    ),
    (
        "Safeguarding",
        ("child protection",),
        "Keeping children safe, in school and out of it.",
        (),
        ("safeguarding supervision", "a contextual safeguarding map"),
    ),
    (
        "Family engagement",
        ("parental engagement", "working with families"),
        "Working with parents and carers as partners in their children's learning.",
        (),
        ("family learning sessions", "a parent ambassador scheme", "coffee mornings"),
    ),
    (
        "Careers",
        ("careers education", "Gatsby benchmarks"),
        "Careers education, encounters with employers and guidance that widens horizons.",
        (),
        ("employer encounters in every year group", "a careers fair run by pupils"),
    ),
    (
        "Post-16",
        ("sixth form",),
        "Study programmes, retention and progression after sixteen.",
        (),
        ("a sixth form study skills programme", "retention reviews in the first term"),
    ),
    (
        "Digital technology",
        ("edtech", "technology"),
        "Using technology where it helps teaching and reduces workload.",
        (),
        ("shared digital resources", "visualisers in every classroom"),
    ),
    (
        "Physical education and sport",
        ("PE", "school sport"),
        "Physical education, school sport and active lives.",
        (),
        ("a daily mile", "inclusive sports festivals"),
    ),
    (
        "Arts and music",
        ("music", "arts"),
        "Music, art, drama and dance for every pupil.",
        (),
        ("whole-class instrumental teaching", "an arts award programme"),
    ),
    (
        "Languages",
        ("MFL", "modern foreign languages"),
        "Teaching languages from Key Stage 2 onwards, with phonics, vocabulary and grammar.",
        (),
        ("a shared Key Stage 2 French scheme", "language phonics routines"),
    ),
    (
        "Humanities",
        ("history", "geography"),
        "History and geography taught as disciplines, with local study at their heart.",
        (),
        ("a local history enquiry", "fieldwork in the locality"),
    ),
    (
        "Personal development",
        ("PSHE", "RSHE"),
        "PSHE, relationships and sex education, and preparing pupils for life.",
        (),
        ("a spiral PSHE curriculum", "pupil leadership roles"),
    ),
    (
        "Vocabulary",
        ("word learning",),
        "Explicit teaching of tier 2 and subject vocabulary.",
        (),
        ("a word of the week", "subject vocabulary lists"),
    ),
    (
        "Metacognition",
        ("self-regulation", "metacognition and self-regulation"),
        "Helping pupils plan, monitor and evaluate their own learning.",
        (),
        ("modelled thinking aloud", "learning journals"),
    ),
    (
        "Feedback",
        ("marking",),
        "Feedback that moves learning on without adding to workload.",
        (),
        ("whole-class feedback", "live marking"),
    ),
    (
        "Recruitment and retention",
        ("workload", "staff retention"),
        "Recruiting and keeping good teachers, and the workload that drives them away.",
        (),
        ("a workload charter", "flexible working pilots"),
    ),
    (
        "Teaching assistants",
        ("TAs", "support staff"),
        "Deploying and developing teaching assistants well.",
        (),
        ("a TA deployment review", "TA-led interventions"),
    ),
    (
        "Looked-after children",
        ("children in care", "virtual school"),
        "Education for children in care and previously looked-after children.",
        (),
        ("personal education plan reviews", "a designated teacher network"),
    ),
    (
        "Young carers",
        (),
        "Finding and supporting pupils who care for someone at home.",
        (),
        ("a young carers' group", "a young carers' card"),
    ),
    (
        "Key Stage 4 outcomes",
        ("GCSE", "GCSE results"),
        "Preparing pupils well for GCSE and other qualifications at sixteen.",
        (),
        ("structured revision sessions", "mock examination reviews"),
    ),
    (
        "Small schools",
        ("rural schools",),
        "The particular strengths and pressures of small and rural schools.",
        (),
        ("a federation of small schools", "shared subject leadership"),
    ),
    (
        "School improvement",
        ("peer review",),
        "Schools improving schools through peer review and shared expertise.",
        (),
        ("peer review triads", "a school improvement partnership"),
    ),
    (
        "Community partnerships",
        ("community",),
        "Working with local services, charities and employers.",
        (),
        ("a community food pantry", "partnership with the local library"),
    ),
    (
        "Climate and sustainability",
        ("sustainability", "climate education"),
        "Climate education and sustainable schools.",
        (),
        ("an eco council", "a school grounds rewilding project"),
    ),
    (
        "Adaptive teaching",
        ("differentiation",),
        "Adapting teaching in the moment so that every pupil can succeed.",
        (),
        ("scaffolds that are removed over time", "pre-teaching of key content"),
    ),
    (
        "Homework",
        ("home learning",),
        "Homework that helps pupils practise and remember.",
        (),
        ("a homework club", "retrieval quizzes at home"),
    ),
)

# Narrower versions of a broad theme, when the area needs more themes than the vocabulary has.
CONTEXTS = (
    "in the early years",
    "in Key Stage 1",
    "in Key Stage 2",
    "in Key Stage 3",
    "in Key Stage 4",
    "in special schools",
    "in small schools",
    "after sixteen",
    "for new arrivals",
    "for disadvantaged pupils",
)

PLACE_STARTS = (
    "Ash", "Birch", "Bram", "Castle", "Elm", "Fern", "Glen", "Hazel", "Holly", "Kings",
    "Lark", "Marsh", "Mill", "Oak", "Rose", "Stan", "Thorn", "Wil", "Wood", "Yew",
    "Alder", "Black", "Brack", "Cold", "Copper", "Crow", "Deep", "Hart", "Heron", "Kes",
    "Long", "Meadow", "North", "Ox", "Pen", "Red", "Salt", "Silver", "South", "Wyvern",
)  # fmt: skip
PLACE_ENDS = (
    "field", "brook", "wood", "ley", "ton", "bury", "dale", "ford", "gate", "hurst",
    "mead", "stead", "well", "worth", "combe", "den", "fold", "moor", "wick", "stow",
)  # fmt: skip
LOCALITY_SUFFIXES = ("", "", "", " Vale", " End", " Green", " Central")

FIRST_NAMES = (
    "Aisha", "Amara", "Chloe", "Daniel", "Declan", "Eleanor", "Farhan", "Grace", "Hannah",
    "Joseph", "Kwame", "Lucy", "Mohammed", "Niamh", "Priya", "Ravinder", "Rebecca", "Seun",
    "Siobhan", "Tomasz", "Wei", "Yusuf", "Adam", "Alice", "Amelia", "Amir", "Anna", "Ben",
    "Bethany", "Callum", "Charlotte", "Chidi", "Ciara", "David", "Deborah", "Dominika",
    "Edward", "Ellie", "Emily", "Emma", "Fatima", "Gareth", "Georgia", "Hamza", "Harriet",
    "Helen", "Ibrahim", "Imogen", "Isaac", "Jack", "James", "Jasmine", "Joanne", "Jonathan",
    "Kate", "Katie", "Kieran", "Laura", "Leah", "Liam", "Lily", "Louise", "Maria", "Mark",
    "Martha", "Matthew", "Megan", "Michael", "Naomi", "Nathan", "Nia", "Oliver", "Olivia",
    "Omar", "Paul", "Rachel", "Rhys", "Richard", "Rosie", "Ruth", "Sam", "Sana", "Sarah",
    "Shona", "Simon", "Sophie", "Stephen", "Tariq", "Thomas", "Tom", "Victoria", "Zainab",
    "Zara", "Zoe", "Agnieszka", "Bilal", "Carys", "Dev", "Esther", "Femi", "Gemma", "Hugh",
    "Ifeoma", "Jamal", "Karen", "Lorna", "Marek", "Nadia", "Owen", "Pooja", "Rory", "Sian",
)  # fmt: skip
SURNAMES = (
    "Rahman", "Okonkwo", "Hartigan", "Osei", "Ashcombe", "Fairbairn", "Siddiqui", "Adeyemi",
    "Whitlock", "Mensah", "Boateng", "Pemberton", "Iqbal", "Gallagher", "Ramaswamy", "Sandhu",
    "Thornton", "Adebayo", "McAllister", "Nowicki", "Chen", "Karim", "Ahmed", "Allen",
    "Bailey", "Baker", "Barker", "Begum", "Bell", "Bennett", "Brown", "Campbell", "Carter",
    "Chapman", "Clarke", "Collins", "Cooper", "Cox", "Davies", "Dawson", "Edwards", "Ellis",
    "Evans", "Fisher", "Fletcher", "Foster", "Gill", "Graham", "Green", "Griffiths", "Hall",
    "Harris", "Hill", "Holmes", "Hughes", "Hussain", "Jackson", "James", "Jenkins", "Johnson",
    "Jones", "Kaur", "Kelly", "Khan", "King", "Knight", "Kowalski", "Lee", "Lewis", "Lloyd",
    "Marshall", "Martin", "Mason", "Mitchell", "Moore", "Morgan", "Morris", "Murphy", "Murray",
    "Nguyen", "Owen", "Palmer", "Parker", "Patel", "Phillips", "Price", "Reid", "Richards",
    "Roberts", "Robinson", "Rogers", "Russell", "Saunders", "Scott", "Shah", "Sharma", "Shaw",
    "Simpson", "Singh", "Smith", "Stevens", "Stewart", "Taylor", "Thomas", "Thompson",
    "Turner", "Walker", "Ward", "Watson", "White", "Williams", "Wilson", "Wood", "Wright",
    "Young", "O'Connor", "O'Brien", "Okafor", "Mahmood", "Novak", "Sesay", "Achterberg",
)  # fmt: skip
SAINTS = ("Mary", "Joseph", "Peter", "Anne", "John", "Bede", "Chad", "Hilda", "Cuthbert", "Aidan")

SCHOOL_KINDS: dict[str, tuple[str, ...]] = {
    "Nursery": ("Nursery School", "Early Years Centre"),
    "Primary": (
        "Primary School",
        "Primary Academy",
        "Infant School",
        "Junior School",
        "Church of England Primary School",
        "Community Primary School",
    ),
    "Middle deemed primary": ("Middle School",),
    "Middle deemed secondary": ("Middle School",),
    "Secondary": ("Academy", "High School", "School", "College"),
    "All-through": ("All-through Academy", "All-through School"),
    "16 plus": ("Sixth Form College",),
    "special": ("School", "Specialist School"),
    "alternative-provision": ("Centre", "Pupil Referral Unit"),
}
PHASE_WEIGHTS: dict[str, int] = {
    "Primary": 62,
    "Secondary": 15,
    "Nursery": 4,
    "special": 5,
    "alternative-provision": 2,
    "All-through": 3,
    "16 plus": 3,
    "Middle deemed primary": 1,
    "Middle deemed secondary": 1,
}
ACADEMY_TYPES = ("Academy converter", "Academy sponsor led", "Free schools")
MAINTAINED_TYPES = (
    "Community school",
    "Voluntary aided school",
    "Voluntary controlled school",
    "Foundation school",
)
SPECIAL_TYPES = (
    "Foundation special school",
    "Community special school",
    "Academy special converter",
)
AP_TYPES = ("Pupil referral unit", "Academy alternative provision converter")
TRUST_FORMS = (
    "{} Learning Trust",
    "{} Academy Trust",
    "{} Multi-Academy Trust",
    "{} Partnership Trust",
)

ROLES = (
    "Headteacher",
    "Executive headteacher",
    "Deputy headteacher",
    "Assistant headteacher and reading lead",
    "Assistant headteacher for inclusion",
    "SENCO",
    "Assistant SENCO",
    "Designated safeguarding lead",
    "Attendance lead",
    "Early years lead",
    "Head of mathematics",
    "Head of English",
    "Head of science",
    "Head of Year 7",
    "Curriculum lead",
    "Research lead",
    "Specialist teacher for autism",
    "Speech and language lead",
    "Head of centre",
    "Class teacher and English lead",
    "Class teacher and maths lead",
    "Trust director of education",
    "Mental health lead",
    "Careers leader",
    "ECT induction tutor",
)

GROUPS = (
    "disadvantaged pupils",
    "pupils on SEN support",
    "pupils with an EHC plan",
    "pupils who speak English as an additional language",
    "pupils in Year 7",
    "persistently absent pupils",
    "children in the Reception year",
    "pupils in Key Stage 2",
    "looked-after children",
    "young carers",
    "boys in Year 9",
    "pupils eligible for free school meals",
    "early career teachers",
    "teaching assistants",
    "middle leaders",
    "governors",
    "families new to the school",
    "pupils in Year 6",
    "pupils at risk of suspension",
    "sixth form students",
)
STAFF = (
    "the SENCO",
    "the attendance officer",
    "our teaching assistants",
    "class teachers",
    "the pastoral team",
    "the English lead",
    "the maths lead",
    "subject leaders",
    "the deputy headteacher",
    "heads of year",
    "the early years team",
    "two trained coaches",
)
PERIODS = ("week", "fortnight", "half-term", "term")
TIMINGS = (
    "during registration",
    "in the first twenty minutes of the afternoon",
    "in tutor time",
    "straight after lunch",
    "before school, with breakfast",
    "in a rotating lesson each week",
)
MEASURES = (
    ("Persistent absence", "Fell from {a}% to {b}% over the year"),
    ("Pupils meeting the expected standard in reading", "Rose from {a}% to {b}%"),
    ("Phonics screening check pass rate", "Rose from {a}% to {b}%"),
    ("Suspensions", "Fell from {x} to {y} in a year"),
    ("Staff confidence (survey, scale of 1 to 10)", "Average rose from {p} to {q}"),
    ("Reading age of pupils in the programme", "An average gain of {m} months over two terms"),
    ("Attendance at sessions", "Rose from {a}% to {b}%"),
    ("Referrals to the SEND hub", "Fell by a third over two terms"),
    ("Pupils at the expected standard in mathematics", "Rose from {a}% to {b}%"),
    ("Parents attending review meetings", "Rose from {a}% to {b}%"),
    ("Pupil survey: 'I feel I belong at this school'", "Agreement rose from {a}% to {b}%"),
)
EVIDENCE_WEIGHTS = {"anecdotal": 35, "school-data": 50, "external-evaluation": 15}
MEETS = (
    "Termly, rotating between member schools",
    "Half-termly, after school",
    "Monthly, online, with a summer conference",
    "Twice a term at the host school",
    "Termly network meetings and an open week each June",
)
HUB_NAMES = ("Hub", "Network", "Collaborative", "Forum", "Alliance")


# --- Randomness with a shape -----------------------------------------------------


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
    base = "-".join(slugify(title).split("-")[:words]) or "entry"
    return unique("entry" if base == "index" else base, taken)


# --- The area as plain data ----------------------------------------------------


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


class AreaGenerator:
    """Builds one synthetic area, file by file, from one seeded random source."""

    def __init__(self, size: AreaSize, seed: int, today: date) -> None:
        if size.schools < 1 or size.themes < 1:
            raise ValueError("an area needs at least one school and one theme")
        if size.hubs and not size.practitioners:
            raise ValueError("hubs need a lead: give at least one practitioner")
        self.size = size
        self.rng = Random(seed)
        self.today = today
        self.themes = self._themes()
        self.localities = self._localities()
        self.schools = self._schools()
        self.text = Prose(self.rng, today)
        self.theme_draw = Weighted(self.themes, self.rng, 1.0)
        # Entries come from member schools; busy ones name many, quiet ones few or none.
        members = [s for s in self.schools if s.member] or self.schools
        self.school_draw = Weighted(members, self.rng, 0.5)
        self.people: list[PersonItem] = []
        self.people_by_school: dict[int, list[PersonItem]] = {}
        self.hubs: list[HubItem] = []
        self.hubs_by_theme: dict[str, list[HubItem]] = {}

    def files(self) -> dict[str, str]:
        """Every file of the area, by its path under `content/`."""
        files = {
            THEMES_FILE: self._themes_yml(),
            SCHOOLS_FILE: self._schools_yml(),
            "index.md": self._home(),
        }
        # People first: hubs name a lead, case studies name contacts.
        files.update(self._practitioners())
        files.update(self._hubs())
        files.update(self._case_studies())
        return files

    # Themes ---------------------------------------------------------------------

    def _themes(self) -> list[ThemeItem]:
        total = self.size.themes
        children = total // 4 if total >= 4 else 0
        broad = [self._broad_theme(index) for index in range(total - children)]
        taken_ids = {t.id for t in broad}
        taken_titles = {t.title for t in broad}
        narrow: list[ThemeItem] = []
        pending = {t.id: self._narrow_titles(t) for t in broad}
        for parent in itertools.cycle(broad):
            if len(narrow) == children:
                break
            for title, aliases in pending[parent.id]:
                if title in taken_titles:
                    continue
                taken_titles.add(title)
                narrow.append(
                    ThemeItem(
                        id=unique(slugify(title), taken_ids),
                        title=title,
                        aliases=list(aliases),
                        description=(
                            f"{title}: {parent.practices[0]} and more, shared by schools "
                            "across the area."
                        ),
                        parent=parent.id,
                        practices=parent.practices,
                    )
                )
                break
        themes: list[ThemeItem] = []
        for theme in broad:
            themes.append(theme)
            themes.extend(t for t in narrow if t.parent == theme.id)
        self._drop_clashing_aliases(themes)
        for theme in themes:
            if self.rng.random() < 0.15:
                theme.description = ""
        roots = [t for t in themes if t.parent is None]
        for theme in self.rng.sample(roots, min(len(roots), self.rng.randint(3, 5))):
            theme.priority = True
        return themes

    def _broad_theme(self, index: int) -> ThemeItem:
        seed = BROAD_THEMES[index % len(BROAD_THEMES)]
        title, aliases, description, _, practices = seed
        round_ = index // len(BROAD_THEMES)
        if round_:
            # Beyond the vocabulary: the same topics, narrowed to a phase or a group.
            title = f"{title} {CONTEXTS[(round_ - 1) % len(CONTEXTS)]}"
            if round_ > len(CONTEXTS):
                title += f" ({round_ // len(CONTEXTS) + 1})"
            aliases = ()
        return ThemeItem(slugify(title), title, list(aliases), description, None, practices)

    @staticmethod
    def _narrow_titles(theme: ThemeItem) -> Iterator[tuple[str, tuple[str, ...]]]:
        for seed in BROAD_THEMES:
            if seed[0] == theme.title:
                yield from seed[3]
        for context in CONTEXTS:
            yield f"{theme.title} {context}", ()

    @staticmethod
    def _drop_clashing_aliases(themes: list[ThemeItem]) -> None:
        owner = {t.id: t.id for t in themes}
        for theme in themes:
            kept = []
            for alias in theme.aliases:
                if owner.setdefault(alias, theme.id) == theme.id:
                    kept.append(alias)
            theme.aliases = kept

    def _themes_yml(self) -> str:
        items = []
        for theme in self.themes:
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
        header = (
            "# A synthetic area's controlled vocabulary of themes, written by\n"
            "# scripts/generate_area.py. An entry may use a theme's id or any alias.\n"
        )
        return header + "\n" + "\n".join(dump([item]) for item in items)

    # Schools --------------------------------------------------------------------

    def _place_names(self) -> Iterator[str]:
        places = [start + end for start in PLACE_STARTS for end in PLACE_ENDS]
        self.rng.shuffle(places)
        for round_ in itertools.count():
            for place in places:
                yield place if round_ == 0 else f"{place} {('Park', 'Hill', 'Lane')[round_ % 3]}"

    def _localities(self) -> list[str]:
        count = max(2, round(self.size.schools / 30))
        names: list[str] = []
        for place in self._place_names():
            if len(names) == count:
                break
            name = place + self.rng.choice(LOCALITY_SUFFIXES)
            if name not in names:
                names.append(name)
        return names

    def _schools(self) -> list[SchoolItem]:
        rng = self.rng
        trusts = [
            rng.choice(TRUST_FORMS).format(place)
            for place in itertools.islice(self._place_names(), max(2, self.size.schools // 8))
        ]
        names: set[str] = set()
        urns = rng.sample(range(100000, 152000), self.size.schools)
        schools: list[SchoolItem] = []
        places = self._place_names()
        for urn in urns:
            kind = rng.choices(list(PHASE_WEIGHTS), weights=list(PHASE_WEIGHTS.values()))[0]
            special = kind in ("special", "alternative-provision")
            phase = "Not applicable" if special else kind
            if kind == "special":
                school_type = rng.choice(SPECIAL_TYPES)
            elif kind == "alternative-provision":
                school_type = rng.choice(AP_TYPES)
            elif kind == "Nursery":
                school_type = "Local authority nursery school"
            elif kind == "16 plus":
                school_type = "Sixth form college"
            else:
                academy = rng.random() < 0.55
                school_type = rng.choice(ACADEMY_TYPES if academy else MAINTAINED_TYPES)
            while True:
                place = next(places)
                ending = rng.choice(SCHOOL_KINDS[kind])
                if "Church of England" in ending and rng.random() < 0.5:
                    name = f"St {rng.choice(SAINTS)}'s Catholic Primary School"
                    name = f"{place} {name}"
                else:
                    name = f"{place} {ending}"
                if name not in names:
                    names.add(name)
                    break
            schools.append(
                SchoolItem(
                    urn=urn,
                    name=name,
                    phase=phase,
                    kind=kind,
                    # A special school needs its type: the type decides its phase.
                    type=school_type if special or rng.random() < 0.95 else "",
                    trust=rng.choice(trusts) if "cademy" in school_type else "",
                    locality=rng.choice(self.localities),
                    domain=slugify(place).replace("-", ""),
                    member=rng.random() >= 0.05,
                )
            )
        current = set(urns)
        old_urns = (urn for urn in rng.sample(range(100000, 140000), 3 * len(schools) + 10))
        for school in schools:
            if school.type.startswith("Academy") and rng.random() < 0.35:
                school.previous_urns = [
                    next(u for u in old_urns if u not in current)
                    for _ in range(1 if rng.random() < 0.9 else 2)
                ]
        return schools

    def _schools_yml(self) -> str:
        parts = [
            "# A synthetic area's register of schools, written by scripts/generate_area.py.\n"
            "# One item per establishment, keyed by its URN; previous_urns lead old\n"
            "# references to the school's current URN.\n"
        ]
        for locality in self.localities:
            in_locality = [s for s in self.schools if s.locality == locality]
            if not in_locality:
                continue
            parts.append(f"# --- {locality} {'-' * max(3, 72 - len(locality))}\n")
            for school in in_locality:
                item: dict[str, Any] = {"urn": school.urn, "name": school.name}
                item["phase"] = school.phase
                if school.type:
                    item["type"] = school.type
                if school.trust:
                    item["trust"] = school.trust
                item["locality"] = school.locality
                if school.previous_urns:
                    item["previous_urns"] = school.previous_urns
                if not school.member:
                    item["member"] = False
                parts.append(dump([item]))
        return "\n".join(parts)

    def school_ref(self, school: SchoolItem) -> int:
        """How an entry names a school: now and then by the URN it had before."""
        if school.previous_urns and self.rng.random() < 0.2:
            return self.rng.choice(school.previous_urns)
        return school.urn

    def theme_refs(self, themes: list[ThemeItem]) -> list[str]:
        """How an entry names themes: by id, now and then by an alias."""
        return [
            self.rng.choice(t.aliases) if t.aliases and self.rng.random() < 0.15 else t.id
            for t in themes
        ]

    # Practitioners ---------------------------------------------------------------

    def _practitioners(self) -> dict[str, str]:
        rng = self.rng
        total = self.size.practitioners
        hidden = rng.sample(
            range(total),
            rule_count(total, WITHDRAWN_SHARE) + rule_count(total, EXPIRED_SHARE),
        )
        withdrawn = set(hidden[: rule_count(total, WITHDRAWN_SHARE)])
        expired = set(hidden[rule_count(total, WITHDRAWN_SHARE) :])
        names: set[str] = set()
        ids: set[str] = set()
        files: dict[str, str] = {}
        for index in range(total):
            while True:
                first = rng.choice(FIRST_NAMES)
                surname = rng.choice(SURNAMES)
                if rng.random() < 0.05:
                    surname = f"{surname}-{rng.choice(SURNAMES)}"
                name = f"{first} {surname}"
                if name not in names:
                    names.add(name)
                    break
            school = self.school_draw.one(rng)
            themes = self.theme_draw.some(rng, count_of(rng, {1: 30, 2: 45, 3: 25}))
            person = PersonItem(
                id=entry_id(name, ids),
                name=name,
                first=first,
                school=school,
                themes=themes,
                status="withdrawn" if index in withdrawn else "listed",
                expired=index in expired,
            )
            self.people.append(person)
            self.people_by_school.setdefault(school.urn, []).append(person)
            files[f"{PRACTITIONERS.folder}/{person.id}.md"] = self._practitioner_file(
                person, surname
            )
        return files

    def _practitioner_file(self, person: PersonItem, surname: str) -> str:
        rng = self.rng
        role = rng.choice(ROLES)
        fields: dict[str, Any] = {
            "name": person.name,
            "role": role,
            "school": self.school_ref(person.school),
            "themes": self.theme_refs(person.themes),
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
            local = re.sub(r"[^a-z]", "", surname.lower())
            fields["contact"] = f"{person.first[0].lower()}.{local}@{person.school.domain}.sch.uk"
        if person.expired:
            review_by = self.today - timedelta(days=rng.randint(1, 400))
        else:
            review_by = self.today + timedelta(days=rng.randint(365, 3 * 365))
        consent = review_by - timedelta(days=rng.randint(2 * 365, 3 * 365))
        fields["consent"] = min(consent, self.today - timedelta(days=rng.randint(10, 300)))
        fields["review_by"] = review_by
        if person.status == "withdrawn":
            fields["status"] = "withdrawn"
        body = self.text.practitioner(person, role)
        return front_matter(fields) + "\n" + body

    # Hubs ---------------------------------------------------------------------------

    def _hubs(self) -> dict[str, str]:
        rng = self.rng
        ids: set[str] = set()
        titles: set[str] = set()
        files: dict[str, str] = {}
        for _ in range(self.size.hubs):
            host = self.school_draw.one(rng)
            themes = self.theme_draw.some(rng, count_of(rng, {1: 40, 2: 40, 3: 20}))
            title = f"{host.locality} {themes[0].title} {rng.choice(HUB_NAMES)}"
            while title in titles:
                title = f"{rng.choice(self.localities)} {themes[0].title} {rng.choice(HUB_NAMES)}"
                if title in titles:
                    title = f"{title} {len(titles)}"
            titles.add(title)
            hub = HubItem(entry_id(title, ids), title, host, themes)
            self.hubs.append(hub)
            for theme in themes:
                self.hubs_by_theme.setdefault(theme.id, []).append(hub)
            at_host = self.people_by_school.get(host.urn, [])
            lead = rng.choice(at_host) if at_host else rng.choice(self.people)
            members = [s for s in self.school_draw.some(rng, rng.randint(3, 15)) if s is not host]
            # Some hubs list their host among the members, as the contract allows.
            listed = [host, *members] if rng.random() < 0.5 else members
            fields: dict[str, Any] = {
                "title": title,
                "summary": self.text.hub_summary(hub, len(members)),
                "themes": self.theme_refs(themes),
                "lead": lead.id,
                "host_school": self.school_ref(host),
                "schools": [self.school_ref(s) for s in listed],
                "meets": rng.choice(MEETS),
                "join": (
                    f"mailto:{hub.id[:40].rstrip('-')}@{host.domain}.sch.uk"
                    if rng.random() < 0.2
                    else "Ask your headteacher to email the partnership; new members join "
                    "at the start of each term."
                ),
            }
            if rng.random() < 0.08:
                fields["status"] = "closed"
            files[f"{HUBS.folder}/{hub.id}.md"] = (
                front_matter(fields) + "\n" + self.text.hub_body(hub, lead)
            )
        return files

    # Case studies ----------------------------------------------------------------

    def _case_studies(self) -> dict[str, str]:
        rng = self.rng
        total = self.size.case_studies
        marked = rng.sample(
            range(total), rule_count(total, DRAFT_SHARE) + rule_count(total, ARCHIVED_SHARE)
        )
        drafts = set(marked[: rule_count(total, DRAFT_SHARE)])
        archived = set(marked[rule_count(total, DRAFT_SHARE) :])
        ids: set[str] = set()
        titles: set[str] = set()
        files: dict[str, str] = {}
        for index in range(total):
            themes = self.theme_draw.some(rng, count_of(rng, {1: 25, 2: 40, 3: 25, 4: 10}))
            schools = self.school_draw.some(rng, count_of(rng, {1: 70, 2: 22, 3: 8}))
            practice = rng.choice(themes[0].practices)
            group = rng.choice(GROUPS)
            title = self.text.case_study_title(practice, group, schools[0])
            while title in titles:
                title = self.text.case_study_title(rng.choice(themes[0].practices), group, None)
            titles.add(title)
            study_id = entry_id(title, ids)
            published = self.today - timedelta(days=rng.randint(20, 5 * 365))
            fields: dict[str, Any] = {
                "title": title,
                "summary": self.text.summary(schools[0], practice, group),
                "themes": self.theme_refs(themes),
                "schools": [self.school_ref(s) for s in schools],
            }
            hub = self._hub_for(themes)
            if hub is not None:
                fields["hub"] = hub.id
            contacts = self._contacts_for(schools)
            if contacts:
                fields["contacts"] = [p.id for p in contacts]
            if rng.random() < 0.4:
                fields["phases"] = list(dict.fromkeys(k for s in schools for k in s.phase_keys))
            fields["published"] = published
            if rng.random() < 0.3:
                fields["reviewed"] = published + timedelta(
                    days=rng.randint(0, (self.today - published).days)
                )
            impact = [
                self.text.impact() for _ in range(count_of(rng, {0: 15, 1: 35, 2: 35, 3: 15}))
            ]
            if impact:
                fields["impact"] = impact
            if index in drafts:
                fields["status"] = "draft"
            elif index in archived:
                fields["status"] = "archived"
            body = self.text.case_study_body(schools[0], practice, group, themes[0], contacts)
            files[f"{CASE_STUDIES.folder}/{study_id}.md"] = front_matter(fields) + "\n" + body
        return files

    def _hub_for(self, themes: list[ThemeItem]) -> HubItem | None:
        if not self.hubs or self.rng.random() >= 0.25:
            return None
        near = [h for t in themes for h in self.hubs_by_theme.get(t.id, [])]
        return self.rng.choice(near or self.hubs)

    def _contacts_for(self, schools: list[SchoolItem]) -> list[PersonItem]:
        rng = self.rng
        wanted = count_of(rng, {0: 15, 1: 65, 2: 20})
        if not self.people:
            return []
        near = [p for s in schools for p in self.people_by_school.get(s.urn, [])]
        contacts: list[PersonItem] = []
        for _ in range(wanted):
            person = rng.choice(near) if near and rng.random() < 0.8 else rng.choice(self.people)
            if person not in contacts:
                contacts.append(person)
        return contacts

    # The home page ---------------------------------------------------------------

    def _home(self) -> str:
        localities = ", ".join(self.localities[:-1]) + f" and {self.localities[-1]}"
        return (
            "---\ntitle: A synthetic education partnership\n---\n\n"
            "Welcome to the shared knowledge of a synthetic partnership of "
            f"{len(self.schools)} schools across {localities}. Everything here was written by "
            "scripts/generate_area.py, to measure the site at scale.\n\n"
            "## How to use this site\n\n"
            "- Read the [case studies](case-studies/index.md): practice from the area's "
            "schools, with what was done, the impact and how it was measured.\n"
            "- Join one of the [hubs](hubs/index.md): school-led groups that meet regularly.\n"
            "- Find [experts](practitioners/index.md) who offer coaching, visits or training.\n"
            "- Browse by [themes](themes/index.md), including the current priorities.\n"
            "- Look up [schools](schools/index.md) to see what each school has shared.\n"
        )


# --- Prose -------------------------------------------------------------------------


class Prose:
    """British English sentences from the sector's phrases, to the demo's lengths."""

    def __init__(self, rng: Random, today: date) -> None:
        self.rng = rng
        self.today = today

    def pick(self, options: Sequence[str]) -> str:
        return self.rng.choice(options)

    def fill(self, template: str, **slots: str) -> str:
        rng = self.rng
        a = rng.randint(8, 70)
        values = {
            "group": self.pick(GROUPS),
            "staff": self.pick(STAFF),
            "period": self.pick(PERIODS),
            "timing": self.pick(TIMINGS),
            "n": str(rng.randint(3, 40)),
            "a": str(a),
            "b": str(min(99, a + rng.randint(3, 20))),
            "year": str(self.today.year - rng.randint(1, 6)),
            "months": str(rng.randint(4, 18)),
            **slots,
        }
        text = template.format(**values)
        return text[0].upper() + text[1:]

    def case_study_title(self, practice: str, group: str, school: SchoolItem | None) -> str:
        rng = self.rng
        hook = (
            f"The {self.pick(HOOK_ADJECTIVES)} {self.pick(HOOK_NOUNS)}"
            if rng.random() < 0.6
            else f"{self.pick(DAYS)} {self.pick(NUMBERS)}"
        )
        what = practice[0].upper() + practice[1:]
        if school is not None and rng.random() < 0.3:
            return f"{what} at {school.name}"
        return f"{hook}: {practice} for {group}"

    def summary(self, school: SchoolItem, practice: str, group: str) -> str:
        low, high = SUMMARY_RANGE
        while True:
            first = self.fill(
                self.pick(SUMMARY_OPENINGS), school=school.name, practice=practice, group=group
            )
            text = f"{first} {self.fill(self.pick(SUMMARY_RESULTS), group=group)}"
            if len(text) > high:
                text = first
            if low <= len(text) <= min(high, SUMMARY_LIMIT):
                return text

    def hub_summary(self, hub: HubItem, members: int) -> str:
        themes = " and ".join(t.title.lower() for t in hub.themes[:2])
        text = (
            f"{members + 1} schools working together on {themes}: termly meetings, shared "
            f"resources, {hub.themes[0].practices[0]} and open visits to {hub.host.name}."
        )
        return text[: SUMMARY_RANGE[1]].rstrip()

    def impact(self) -> dict[str, str]:
        measure, result = self.rng.choice(MEASURES)
        p = self.rng.randint(30, 69) / 10
        return {
            "measure": measure,
            "result": self.fill(
                result,
                x=str(self.rng.randint(12, 60)),
                y=str(self.rng.randint(2, 11)),
                p=f"{p:.1f}",
                q=f"{min(9.8, p + self.rng.randint(8, 30) / 10):.1f}",
                m=str(self.rng.randint(6, 20)),
            ),
            "evidence": self.rng.choices(
                list(EVIDENCE_WEIGHTS), weights=list(EVIDENCE_WEIGHTS.values())
            )[0],
        }

    def paragraphs(self, bank: Sequence[str], words: int, **slots: str) -> list[str]:
        """Paragraphs of three to five sentences from `bank`, until `words` is reached."""
        paragraphs: list[str] = []
        deck: list[str] = []
        count = 0
        while count < words:
            sentences = []
            for _ in range(self.rng.randint(3, 5)):
                # Each sentence of the bank once before any comes again.
                if not deck:
                    deck = list(bank)
                    self.rng.shuffle(deck)
                sentence = self.fill(deck.pop(), **slots)
                sentences.append(sentence)
                count += len(sentence.split())
                if count >= words:
                    break
            paragraphs.append(" ".join(sentences))
        return paragraphs

    def case_study_body(
        self,
        school: SchoolItem,
        practice: str,
        group: str,
        theme: ThemeItem,
        contacts: list[PersonItem],
    ) -> str:
        low, high = CASE_STUDY_WORDS
        # Each section overshoots by up to a sentence and headings count as words.
        words = self.rng.randint(low + 20, high - 150)
        slots = {
            "school": school.name,
            "practice": practice,
            "theme": theme.title.lower(),
            "locality": school.locality,
            "target": group,
            "lead": contacts[0].name if contacts else "our deputy headteacher",
        }
        sections = [
            ("Context", CONTEXT_SENTENCES, 0.22),
            ("What we did", DID_SENTENCES, 0.36),
            ("Impact and how we measured it", IMPACT_SENTENCES, 0.24),
            ("What we would do differently", DIFFERENTLY_SENTENCES, 0.12),
            ("Resources", RESOURCE_SENTENCES, 0.06),
        ]
        parts = []
        for heading, bank, share in sections:
            budget = max(12, round(words * share))
            bullets = []
            if heading == "What we did" and self.rng.random() < 0.5:
                bullets = [
                    f"- **{self.pick(BULLET_LEADS)}.** "
                    + self.fill(self.pick(DID_SENTENCES), **slots)
                    for _ in range(self.rng.randint(2, 4))
                ]
                budget -= sum(len(bullet.split()) for bullet in bullets)
            paragraphs = self.paragraphs(bank, max(12, budget), **slots)
            if bullets:
                paragraphs.insert(1, "\n".join(bullets))
            parts.append(f"## {heading}\n\n" + "\n\n".join(paragraphs))
        return "\n\n".join(parts) + "\n"

    def practitioner(self, person: PersonItem, role: str) -> str:
        slots = {
            "first": person.first,
            "school": person.school.name,
            "role": role.lower(),
            "theme": person.themes[0].title.lower(),
            "practice": person.themes[0].practices[0],
            "locality": person.school.locality,
        }
        words = self.rng.randint(*PRACTITIONER_WORDS)
        sentences = [self.fill(self.pick(PERSON_OPENINGS), **slots)]
        count = len(sentences[0].split())
        bank = list(PERSON_SENTENCES)
        self.rng.shuffle(bank)
        for template in bank:
            if count >= words - 10:
                break
            sentences.append(self.fill(template, **slots))
            count += len(sentences[-1].split())
        middle = len(sentences) // 2
        return " ".join(sentences[:middle]) + "\n\n" + " ".join(sentences[middle:]) + "\n"

    def hub_body(self, hub: HubItem, lead: PersonItem) -> str:
        slots = {
            "school": hub.host.name,
            "practice": hub.themes[0].practices[-1],
            "theme": hub.themes[0].title.lower(),
            "locality": hub.host.locality,
            "target": self.pick(GROUPS),
            "lead": lead.name,
        }
        words = self.rng.randint(*HUB_WORDS)
        sections = [
            ("What we do", HUB_SENTENCES, 0.55),
            ("Who it is for", HUB_AUDIENCE_SENTENCES, 0.25),
            ("How to join", HUB_JOIN_SENTENCES, 0.2),
        ]
        return (
            "\n\n".join(
                f"## {heading}\n\n"
                + "\n\n".join(self.paragraphs(bank, round(words * share), **slots))
                for heading, bank, share in sections
            )
            + "\n"
        )


HOOK_ADJECTIVES = (
    "Green", "Open", "Quiet", "Daily", "Second", "First", "Bright", "Steady", "Common",
    "Shared", "Blue", "Long", "Small", "Golden", "Morning", "Weekly", "Twenty-Minute",
)  # fmt: skip
HOOK_NOUNS = (
    "Door", "Ladder", "Lantern", "Bridge", "Compass", "Thread", "Promise", "Table", "Circle",
    "Window", "Path", "Map", "Garden", "Toolkit", "Welcome", "Register", "Check-in", "Clinic",
)  # fmt: skip
DAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday")
NUMBERS = ("Ten", "Fifteen", "Twenty", "Thirty", "Forty", "Hundred")

SUMMARY_OPENINGS = (
    "{school} introduced {practice} for {group}.",
    "{school} redesigned its approach around {practice}, led by {staff}.",
    "Staff at {school} trialled {practice} over two terms with {group}.",
    "{school} moved from ad hoc support to {practice}, timetabled {timing}.",
)
SUMMARY_RESULTS = (
    "Persistent absence among {group} fell from {b}% to {a}% in a year.",
    "The proportion meeting the expected standard rose from {a}% to {b}%.",
    "Pupils gained an average of {months} months in reading age over two terms.",
    "Staff say it is the most useful change they have made in years.",
    "Suspensions halved, and families say they feel listened to.",
    "Attendance at sessions rose from {a}% to {b}%, and it now runs across the trust.",
)
CONTEXT_SENTENCES = (
    "{school} is a school in {locality} where {a}% of pupils are eligible for the pupil premium.",
    "Before we started, {target} were making less progress than their peers, and the gap "
    "was widening.",
    "Our own data showed that {a}% of {target} had fallen behind by the end of the autumn term.",
    "Staff told us in a survey that they felt least confident about {theme}.",
    "The work began after a peer review of {theme} by two other schools in the partnership.",
    "We had tried small-group catch-up before, but it was hard to sustain beyond a single term.",
    "Our last inspection asked us to make our work on {theme} more consistent across the school.",
    "Leaders agreed that {theme} would be one of three priorities in the school development plan.",
    "Like many schools in {locality}, we had seen the effects of the pandemic linger for years.",
    "Families told us that they did not always know whom to speak to when things went wrong.",
    "Much of the good practice we had depended on one or two people and was not written down.",
    "Our pupils come from {n} language backgrounds, and many join us part-way through a year.",
    "Governors asked how we knew that our spending on {theme} was making a difference.",
    "We wanted {target} to experience the same curriculum as everyone else, not a thinner one.",
    "Teachers were working hard, but in different directions, and pupils noticed.",
    "A small group of staff read the research on {theme} together over the summer term.",
    "The school had been through {n} changes of leadership in six years.",
    "The local authority's data put {locality} among the areas with the highest rates of "
    "persistent absence in the county.",
)
DID_SENTENCES = (
    "We introduced {practice} for {target}, led by {staff}.",
    "Every {period}, {staff} met to look at what was working and what to change.",
    "We trained {n} members of staff over two twilight sessions, with follow-up coaching each "
    "half-term.",
    "Sessions took place {timing}, so that no pupil missed the same lesson twice.",
    "We agreed a short script for conversations with families, which every member of staff used.",
    "{staff} kept a simple tracker, reviewed at each {period} meeting.",
    "We visited two schools in the partnership to see how they organised {practice}.",
    "{lead} led the work and reported to governors each term.",
    "Pupils and families were told about the change at the start, and their views shaped it.",
    "We kept the approach deliberately simple, so that a new member of staff could pick it up "
    "in a day.",
    "Each session followed the same structure: a short review, new teaching and practice.",
    "We protected the time in the calendar, so that the work was never the first thing to go.",
    "Teaching assistants were trained alongside teachers, so that everyone used the same language.",
    "We started with one year group in the spring term and extended it in September.",
    "Every pupil in the group had a named adult who checked in with them {timing}.",
    "We wrote the routines down on a single page, displayed in every classroom.",
    "Leaders dropped in to sessions each {period}, to support rather than to judge.",
    "We used the partnership's network on {theme} to test our plans with colleagues.",
    "Resources were stored in one shared folder, so that no one had to start from scratch.",
    "We asked {target} what helped them most, and changed the timetable as a result.",
    "{staff} planned the sessions together, each taking a different strand.",
    "We stopped two things that took time without making a difference, to make room for this.",
)
BULLET_LEADS = (
    "In the school day",
    "Short and frequent",
    "Trained staff",
    "Clear routines",
    "Families first",
    "Shared resources",
    "Regular review",
)
IMPACT_SENTENCES = (
    "Over the year, the proportion of {target} meeting the expected standard rose from {a}% "
    "to {b}%.",
    "We compared the results of {target} with those of the previous year's cohort.",
    "The effect was largest for {group}, although the numbers are small.",
    "We do not have a comparison group, so we cannot say how much of the change is due to "
    "{practice} alone.",
    "Staff confidence, measured by a short survey, rose from five to eight out of ten.",
    "Pupils told us that the sessions helped them feel ready for lessons.",
    "Attendance at sessions stayed above {b}% throughout the year.",
    "Two other schools in {locality} have since adopted the approach.",
    "Persistent absence among the pupils involved fell from {b}% to {a}%.",
    "We will know more when we have a second year of data.",
    "Teachers report that pupils now settle more quickly and that lessons lose less time.",
    "The gap between {target} and their peers narrowed by {n} percentage points.",
    "Families who had not come into school for years attended review meetings.",
    "Our external adviser noted the consistency of the approach in every classroom she visited.",
    "Fewer pupils needed further support by the end of the year, which freed time for others.",
    "The results held in the second year, when a new team ran the sessions.",
)
DIFFERENTLY_SENTENCES = (
    "We would involve families from the start rather than after the first term.",
    "We underestimated the time staff needed to prepare, and would plan for it.",
    "With hindsight, we would start with a smaller group and grow the work once it was secure.",
    "We would collect baseline data more carefully, so that the impact was easier to show.",
    "We would share the approach with governors earlier.",
    "Some pupils needed something different, and we would screen for that at the start.",
    "We would build in time for {staff} to observe one another much earlier.",
    "We would write the approach down sooner, so that it did not depend on one person.",
    "We would be more cautious about adding new strands before the first was secure.",
)
RESOURCE_SENTENCES = (
    "The planning templates and training materials are available from {school} on request.",
    "{school} is happy to host visits in the spring and summer terms.",
    "Our tracker and the script for conversations with families can be shared with any "
    "partnership school.",
    "Contact {lead} through the partnership to arrange a conversation or a visit.",
)
PERSON_OPENINGS = (
    "{first} is {role} at {school} in {locality}, and has worked there since {year}.",
    "{first} has taught in {locality} for {n} years and is now {role} at {school}.",
)
PERSON_SENTENCES = (
    "Before that, {first} taught in two schools in the area, first as a class teacher.",
    "{first} led the school's work on {theme}, including {practice}.",
    "Under {first}'s leadership the school developed {practice}, now used by other schools.",
    "{first} has trained staff across the partnership and contributes to the area's network "
    "on {theme}.",
    "Schools can ask {first} for training, coaching or a visit to see the work in practice.",
    "{first} is particularly interested in how schools sustain change beyond the first year.",
    "{first} sits on the partnership's steering group for {theme}.",
    "Visits are best arranged in the spring term, when the work can be seen in full.",
)
HUB_SENTENCES = (
    "The hub is a community of practice on {theme}, hosted by {school} and led by {lead}.",
    "Each term we meet at a different member school and spend the afternoon on one question.",
    "Members share {practice} and test new approaches together.",
    "The hub grew out of a shared concern among schools in {locality}.",
    "Our shared audit is now used by schools across the area to check their provision.",
    "Each summer, member schools open their doors for a week of visits.",
    "Between meetings, members visit one another in pairs and report back.",
    "The hub keeps a shared library of plans, audits and case studies from member schools.",
    "This year's focus is on {practice}, with a small enquiry in each school.",
    "Members have written case studies for this site from the hub's work.",
    "A termly newsletter summarises what members have tried and what they found.",
)
HUB_AUDIENCE_SENTENCES = (
    "Leaders and teachers in any phase who work on {theme}.",
    "Headteachers are welcome at the summer meeting, which looks at the year's data.",
    "New members often bring a colleague to their first meeting.",
    "Teaching assistants and support staff are welcome, as are governors with a link role.",
    "Schools outside the partnership may join as guests for a term.",
)
HUB_JOIN_SENTENCES = (
    "Ask your headteacher to email the partnership with the school's name.",
    "New members join at the start of a term and are invited to a short induction.",
    "There is no charge for partnership schools.",
    "Contact {lead} through the partnership with any questions before joining.",
    "Meetings are recorded for members who cannot attend in person.",
)


# --- Writing files ---------------------------------------------------------------------


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
    return f"---\n{dump(fields)}---\n"


def generate_area(size: AreaSize, seed: int = 1, today: date = DEFAULT_TODAY) -> dict[str, str]:
    """Every file of a synthetic area, by its path under `content/`."""
    return AreaGenerator(size, seed, today).files()


def area_mkdocs_yml(project_config: str) -> str:
    """The project's mkdocs.yml as text, pointed at `content/` beside it."""
    if re.search(r"^docs_dir:.*$", project_config, re.MULTILINE):
        return re.sub(r"^docs_dir:.*$", "docs_dir: content", project_config, flags=re.MULTILINE)
    return "docs_dir: content\n" + project_config


def write_area(out_dir: str, files: dict[str, str], project_config: str) -> None:
    """Write the area's files under `out_dir/content/` and its mkdocs.yml beside them."""
    content = os.path.join(out_dir, "content")
    for relative, text in sorted(files.items()):
        path = os.path.join(content, relative)
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, "w", encoding="utf-8", newline="\n") as stream:
            stream.write(text)
    with open(os.path.join(out_dir, "mkdocs.yml"), "w", encoding="utf-8", newline="\n") as stream:
        stream.write(area_mkdocs_yml(project_config))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
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
    args = parser.parse_args(argv)

    counts = (args.schools, args.case_studies, args.hubs, args.practitioners, args.themes)
    if min(counts) < 0:
        parser.error("counts cannot be negative")
    content = os.path.join(args.out_dir, "content")
    if os.path.isdir(content) and os.listdir(content):
        print(
            f"{content} already has files: give an empty or new folder, so that no one's "
            "content is overwritten",
            file=sys.stderr,
        )
        return 2
    size = AreaSize(
        schools=args.schools,
        case_studies=args.case_studies,
        hubs=args.hubs,
        practitioners=args.practitioners,
        themes=args.themes,
    )
    try:
        files = generate_area(size, args.seed, args.today)
    except ValueError as error:
        parser.error(str(error))
    with open(os.path.join(REPO, "mkdocs.yml"), encoding="utf-8") as stream:
        project_config = stream.read()
    write_area(args.out_dir, files, project_config)
    entries = args.case_studies + args.hubs + args.practitioners
    print(
        f"{entries} entries, {args.themes} themes and {args.schools} schools in {content}",
        file=sys.stderr,
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
