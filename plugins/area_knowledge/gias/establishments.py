"""The establishment file and the links file of GIAS, read into plain rows.

Only the rows the register can use are kept: those of the local authorities
asked for and those of schools already in the register. Each value the
register takes is checked as the contract checks it, so that one odd row is
skipped with a warning instead of stopping the import.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from ..contract.schema import SCHOOL_FIELDS
from ..reading.values import Invalid, read_urn, read_value
from .csv_files import csv_rows

URN = "URN"
NAME = "EstablishmentName"
TYPE = "TypeOfEstablishment (name)"
GROUP = "EstablishmentTypeGroup (name)"
STATUS = "EstablishmentStatus (name)"
PHASE = "PhaseOfEducation (name)"
LA = "LA (name)"
TRUST = "Trusts (name)"
TOWN = "Town"
DISTRICT = "DistrictAdministrative (name)"
COLUMNS = (URN, NAME, TYPE, STATUS, PHASE, LA, TRUST, TOWN)
LINK_COLUMNS = ("URN", "LinkURN", "LinkType")

GROUP_ADVICE = (
    "it says which establishments are state-funded or special schools: download the full "
    "establishment data from GIAS (edubasealldata....csv, with every column), "
    "or give --all-groups to import establishments of every type"
)

# The register's fields that GIAS fills, with the column each is read from.
_SPECS = {spec.name: spec for spec in SCHOOL_FIELDS}
_FROM_COLUMNS = (("name", NAME), ("phase", PHASE), ("type", TYPE), ("trust", TRUST))


@dataclass(frozen=True)
class Establishment:
    """One row of the GIAS file, as the register needs it."""

    urn: int
    name: str
    phase: str
    type: str
    trust: str
    locality: str
    la: str
    status: str
    group: str


@dataclass
class Download:
    """The rows of a GIAS file that matter to this area, and what the whole file names."""

    establishments: dict[int, Establishment] = field(default_factory=dict)
    authorities: Counter[str] = field(default_factory=Counter)
    groups: set[str] = field(default_factory=set)
    other_rows: int = 0
    warnings: list[str] = field(default_factory=list)


def read_establishments(
    path: str, shown: str, authorities: set[str], urns: set[int], *, need_groups: bool
) -> Download:
    """Rows of the given LAs (folded to lower case) and of the given URNs; all LAs named."""
    wanted_urns = {str(urn) for urn in urns}
    needed = (*COLUMNS, GROUP) if need_groups else COLUMNS
    advice = {GROUP: GROUP_ADVICE}
    download = Download()
    for line, row in csv_rows(path, shown, needed, (GROUP, DISTRICT), advice):
        la = row[LA].strip()
        download.authorities[la] += 1
        download.groups.add(row.get(GROUP, "").strip())
        if la.casefold() not in authorities and row[URN].strip() not in wanted_urns:
            download.other_rows += 1
            continue
        try:
            school = establishment(row)
        except Invalid as error:
            download.warnings.append(f"{shown}:{line}: warning: {error}: row skipped")
            continue
        download.establishments[school.urn] = school
    download.groups.discard("")
    return download


def establishment(row: dict[str, str]) -> Establishment:
    """A row as the register takes it, or `Invalid` naming the column and the value."""
    try:
        urn = read_urn(row[URN])
    except Invalid as error:
        raise Invalid(f"{URN}: {error}") from None
    values = {name: checked(name, column, row[column]) for name, column in _FROM_COLUMNS}
    return Establishment(
        urn=urn,
        locality=locality(row),
        la=row[LA].strip(),
        status=row[STATUS].strip(),
        group=row.get(GROUP, "").strip(),
        **values,
    )


def locality(row: dict[str, str]) -> str:
    """The town GIAS places a school in or, where it names none, its district; or none."""
    if row[TOWN].strip() or not row.get(DISTRICT, "").strip():
        return checked("locality", TOWN, row[TOWN])
    return checked("locality", DISTRICT, row[DISTRICT])


def checked(name: str, column: str, raw: str) -> str:
    """A value of the register's field `name`, read from `column`, checked as the contract does."""
    spec = _SPECS[name]
    text = raw.strip()
    if not text:
        if spec.required:
            raise Invalid(f"{column}: is empty, but the register needs a school's {name}")
        return ""
    try:
        return str(read_value(spec, text))
    except Invalid as error:
        raise Invalid(f"{column}: {error}") from None


def read_predecessors(path: str, shown: str) -> dict[int, set[int]]:
    """URNs each school had before, from the GIAS links file, direct links only."""
    before: dict[int, set[int]] = {}
    for _, row in csv_rows(path, shown, LINK_COLUMNS):
        try:
            urn, link = read_urn(row["URN"]), read_urn(row["LinkURN"])
        except Invalid:
            continue
        kind = row["LinkType"].strip()
        if kind.startswith("Predecessor"):
            before.setdefault(urn, set()).add(link)
        elif kind.startswith("Successor"):
            before.setdefault(link, set()).add(urn)
    return before
