"""The register of schools brought up to date from GIAS: a plain function of what was read.

GIAS owns name, phase, type and trust, refreshed for every school already in
the register whatever its authority. Staff own `member` and `locality`, kept
as they set them and passed on to the school that replaces one. New schools
come from the local authorities and type groups asked for; closed ones go,
except one that an entry still names and no successor covers.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass, field
from typing import Any

from ..contract.problems import Problem
from ..contract.schema import SCHOOL_FIELDS
from ..reading.files import register_records
from ..reading.registers import school_register_problems
from ..reading.values import read_urn
from .cannot_import import CannotImport
from .establishments import Establishment
from .register_text import Comment, register_text, staff_comments
from .selection import CLOSED, Selection

# Fields partnership staff set by hand: kept, and passed on to a school's successor.
HAND_SET = ("member", "locality")


@dataclass(frozen=True)
class Current:
    """The register as it stands: its entries, with defaults written, and staff's comments."""

    entries: list[dict[str, Any]]
    comments: list[Comment]


@dataclass(frozen=True)
class Sources:
    """What the register is brought up to date from, and what the person running it asked."""

    establishments: dict[int, Establishment]
    selection: Selection
    before: dict[int, set[int]] | None
    named: dict[int, list[str]]
    members: bool = False


@dataclass
class Changes:
    """What a run did to the register, for the person running it."""

    added: list[str] = field(default_factory=list)
    changed: list[str] = field(default_factory=list)
    dropped: list[str] = field(default_factory=list)
    left_out: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class Update:
    """The new register's text, its number of schools, what changed and the comments lost."""

    text: str
    schools: int
    changes: Changes
    unplaced: list[Comment]


def current_register(text: str | None, shown: str) -> Current:
    """The register's entries and comments; `CannotImport` while the core finds errors in it."""
    if text is None:
        return Current([], [])
    refuse_errors(
        school_register_problems(text, shown),
        f"{shown}: fix these first: the register is not changed while it has errors",
    )
    records = register_records(text, shown, [])
    comments = staff_comments(text, [(r.first_line, read_urn(r.data["urn"])) for r in records])
    return Current([normal(record.data) for record in records], comments)


def updated_register(current: Current, sources: Sources, shown: str) -> Update:
    """The register brought up to date, as text the core has checked."""
    entries, changes = merge(current.entries, sources)
    text, unplaced = register_text(entries, current.comments)
    refuse_errors(
        school_register_problems(text, shown), f"{shown}: not written, as the core found errors"
    )
    return Update(text, len(entries), changes, unplaced)


def refuse_errors(problems: list[Problem], why: str) -> None:
    """`CannotImport` listing the errors among `problems` and why that stops the import."""
    errors = [problem for problem in problems if problem.severity == "error"]
    if errors:
        raise CannotImport("\n".join(map(str, errors)) + f"\n{why}")


def normal(entry: dict[str, Any]) -> dict[str, Any]:
    """An entry with fields in the contract's order, URNs as numbers and defaults written."""
    result: dict[str, Any] = {}
    for spec in SCHOOL_FIELDS:
        value = entry.get(spec.name)
        if spec.name == "urn":
            value = read_urn(value)
        elif spec.name == "previous_urns" and value:
            value = sorted({read_urn(old) for old in value})
        elif value is None and isinstance(spec.default, bool):
            value = spec.default
        if value not in (None, "", []):
            result[spec.name] = value
    return result


def from_gias(entry: dict[str, Any], school: Establishment) -> dict[str, Any]:
    """An entry with the fields GIAS owns taken from its row, and a locality if it has none."""
    updated = {**entry, "name": school.name, "phase": school.phase}
    updated.update(type=school.type, trust=school.trust)
    if not updated.get("locality"):
        updated["locality"] = school.locality
    return normal(updated)


def described(entry: dict[str, Any] | Establishment) -> str:
    """A school as the person running the import recognises it: URN and name."""
    if isinstance(entry, Establishment):
        return f"{entry.urn} {entry.name}"
    return f"{entry['urn']} {entry['name']}"


def differences(before: dict[str, Any], after: dict[str, Any]) -> str:
    """'field: old -> new' for each field that changed."""
    return "; ".join(
        f"{key}: {before.get(key, '(none)')!r} -> {after.get(key, '(none)')!r}"
        for key in dict.fromkeys([*before, *after])
        if before.get(key) != after.get(key)
    )


def ancestors(urn: int, before: dict[int, set[int]]) -> set[int]:
    """Every URN a school had before, through conversions and amalgamations."""
    found: set[int] = set()
    waiting = list(before.get(urn, ()))
    while waiting:
        old = waiting.pop()
        if old in found or old == urn:
            continue
        found.add(old)
        waiting.extend(before.get(old, ()))
    return found


def alphabetical(entry: dict[str, Any]) -> tuple[str, str, int]:
    """Order by name as a reader looks one up: "École" among the E's, then by URN."""
    name = str(entry["name"])
    plain = "".join(c for c in unicodedata.normalize("NFKD", name) if not unicodedata.combining(c))
    return plain.casefold(), name, int(entry["urn"])


def merge(existing: list[dict[str, Any]], sources: Sources) -> tuple[list[dict[str, Any]], Changes]:
    """The new register in order, and what changed."""
    changes = Changes()
    old = {entry["urn"]: entry for entry in existing}
    result: dict[int, dict[str, Any]] = {}
    closed: list[dict[str, Any]] = []
    for urn, entry in old.items():
        school = sources.establishments.get(urn)
        if school is None:
            result[urn] = entry
            changes.warnings.append(
                f"warning: {described(entry)} is not in the GIAS file: kept as it is; "
                "check its URN on GIAS"
            )
        elif school.status == CLOSED:
            closed.append(entry)
        else:
            result[urn] = from_gias(entry, school)
    add_new_schools(result, old, sources, changes)
    if sources.before is not None:
        fill_previous_urns(result, old, sources.before)
    settle_closed(closed, result, old, sources, changes)
    for urn, entry in result.items():
        if urn in old and entry != old[urn]:
            changes.changed.append(f"  ~ {described(entry)}: {differences(old[urn], entry)}")
    return sorted(result.values(), key=alphabetical), changes


def add_new_schools(
    result: dict[int, dict[str, Any]],
    old: dict[int, dict[str, Any]],
    sources: Sources,
    changes: Changes,
) -> None:
    """Add the schools asked for; one replacing a listed school keeps its hand-set fields.

    Each other establishment of the LAs asked for is left out with the reason.
    """
    for urn, school in sorted(sources.establishments.items()):
        if urn in old or not sources.selection.asked_for(school):
            continue
        reason = sources.selection.left_out_because(school)
        if reason is not None:
            changes.left_out.append(f"  {described(school)}: {reason}")
            continue
        replaces = sorted(ancestors(urn, sources.before or {}) & old.keys())
        entry: dict[str, Any] = {"urn": urn}
        for prior in replaces:
            for kept in HAND_SET:
                if kept in old[prior]:
                    entry.setdefault(kept, old[prior][kept])
        entry.setdefault("member", sources.members)
        result[urn] = from_gias(entry, school)
        note = f" (replaces {', '.join(map(str, replaces))}; member and locality kept)"
        changes.added.append(f"  + {described(result[urn])}{note if replaces else ''}")


def fill_previous_urns(
    result: dict[int, dict[str, Any]], old: dict[int, dict[str, Any]], before: dict[int, set[int]]
) -> None:
    """Each school's previous URNs from the links, and those of the schools it replaces."""
    for urn, entry in result.items():
        previous = set(entry.get("previous_urns", ())) | ancestors(urn, before)
        for prior in previous & old.keys():
            previous |= set(old[prior].get("previous_urns", ()))
        result[urn] = normal({**entry, "previous_urns": sorted(previous - {urn})})


def settle_closed(
    closed: list[dict[str, Any]],
    result: dict[int, dict[str, Any]],
    old: dict[int, dict[str, Any]],
    sources: Sources,
    changes: Changes,
) -> None:
    """Drop closed schools, but keep one that entries name and no successor covers."""
    successor = {
        prior: urn for urn, entry in result.items() for prior in entry.get("previous_urns", ())
    }
    owner = {prior: urn for urn, entry in old.items() for prior in entry.get("previous_urns", ())}
    for entry in closed:
        urn = entry["urn"]
        naming = sorted(
            {
                path
                for number, paths in sources.named.items()
                if (number if number in old else owner.get(number, number)) == urn
                for path in paths
            }
        )
        if urn in successor:
            changes.dropped.append(
                f"  - {described(entry)}: closed; entries naming it now lead to "
                f"{described(result[successor[urn]])}"
            )
        elif naming:
            result[urn] = from_gias(entry, sources.establishments[urn])
            changes.warnings.append(kept_closed(entry, naming))
        else:
            changes.dropped.append(f"  - {described(entry)}: closed")


def kept_closed(entry: dict[str, Any], naming: list[str]) -> str:
    """The warning for a closed school kept because entries still name it."""
    one = len(naming) == 1
    return (
        f"warning: {described(entry)} is closed, but {', '.join(naming)} "
        f"{'names' if one else 'name'} it: kept, so that "
        f"{'entry still links' if one else 'those entries still link'} "
        "to it; if the school has a successor, add this URN to its previous_urns"
    )
