"""Which establishments the register takes: the local authorities, statuses and type groups.

A partnership brings together the state-funded schools and special schools of
its area; independent schools, colleges, universities and the like are left
out unless staff ask for their type group. Names are matched whatever their
case, and written back as GIAS spells them.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable
from dataclasses import dataclass

from ..reading.values import suggest
from .cannot_import import CannotImport
from .establishments import GROUP, LA, Establishment

OPEN = frozenset({"Open", "Open, but proposed to close"})
CLOSED = "Closed"
PROPOSED = "Proposed to open"

# GIAS's establishment type groups, spelt as its 'EstablishmentTypeGroup (name)' column does.
DEFAULT_GROUPS = (
    "Local authority maintained schools",
    "Academies",
    "Free Schools",
    "Special schools",
)
OTHER_GROUPS = (
    "Independent schools",
    "Colleges",
    "Universities",
    "Other types",
    "Online provider",
    "Welsh schools",
)


@dataclass(frozen=True)
class Selection:
    """What the register takes: LAs and type groups folded to lower case; no groups for all."""

    authorities: frozenset[str]
    groups: frozenset[str] | None

    def asked_for(self, school: Establishment) -> bool:
        """Whether the school is in one of the local authorities asked for."""
        return school.la.casefold() in self.authorities

    def left_out_because(self, school: Establishment) -> str | None:
        """Why a school of the LAs asked for is not added to the register, or None to add it."""
        if school.status == CLOSED:
            return "closed"
        if school.status == PROPOSED:
            return "proposed to open"
        if school.status not in OPEN:
            return f"its status '{school.status}' is not open"
        if self.groups is None or school.group.casefold() in self.groups:
            return None
        if not school.group:
            return "GIAS gives it no type group: add --all-groups to import it"
        return (
            f"type group '{school.group}' is not imported: "
            f'add --include-group "{school.group}" to import it'
        )


def selection(authorities: Iterable[str], groups: Iterable[str] | None) -> Selection:
    """A selection of the given LAs and of the default type groups plus `groups`, or of all."""
    return Selection(
        frozenset(name.strip().casefold() for name in authorities),
        None
        if groups is None
        else frozenset(name.strip().casefold() for name in (*DEFAULT_GROUPS, *groups)),
    )


def authorities_in_file(asked: Iterable[str], seen: Collection[str], shown: str) -> list[str]:
    """The LAs asked for, as GIAS spells them, or `CannotImport` naming those the file lacks."""
    return spelt_as_in_file(
        asked, seen, shown, "no establishments in the LA '{}'", "write the LA as GIAS does", LA
    )


def groups_in_file(asked: Iterable[str], seen: Collection[str], shown: str) -> list[str]:
    """The type groups asked for, as GIAS spells them; any group GIAS has is accepted."""
    return spelt_as_in_file(
        asked,
        {*DEFAULT_GROUPS, *OTHER_GROUPS, *seen},
        shown,
        "'{}' is not a type group of GIAS",
        "write the group as GIAS does",
        GROUP,
    )


def spelt_as_in_file(
    asked: Iterable[str], known: Collection[str], shown: str, unknown: str, fix: str, column: str
) -> list[str]:
    """Each name asked for as spelt in `known`; `CannotImport` naming each other, with close ones.

    `unknown` is the message for a name not known, with `{}` where the name goes.
    """
    spelt = {name.casefold(): name for name in known}
    found, problems = [], []
    for name in asked:
        folded = name.strip().casefold()
        if folded in spelt:
            found.append(spelt[folded])
        else:
            problems.append(
                f"{shown}: {unknown.format(name)}{close_to(name, known)} "
                f"({fix} in its '{column}' column)"
            )
    if problems:
        raise CannotImport("\n".join(problems))
    return found


def close_to(name: str, known: Collection[str]) -> str:
    """': did you mean …?' with the nearest spelling, or the names that contain this one."""
    close = sorted(item for item in known if name.strip().casefold() in item.casefold())
    return suggest(name.strip(), sorted(known)) or (
        f": did you mean {' or '.join(repr(item) for item in close[:5])}?" if close else ""
    )
