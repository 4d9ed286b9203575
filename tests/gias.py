"""Files as the Department for Education's GIAS publishes them, for tests of the importer."""

from __future__ import annotations

import csv
from pathlib import Path

USED = [
    "URN",
    "EstablishmentName",
    "TypeOfEstablishment (name)",
    "EstablishmentStatus (name)",
    "PhaseOfEducation (name)",
    "LA (name)",
    "Trusts (name)",
    "Town",
]
# GIAS publishes about 130 columns; the importer must find its own among them.
COLUMNS = [
    "LA (code)",
    "EstablishmentNumber",
    *USED[:2],
    "TypeOfEstablishment (code)",
    *USED[2:],
    "EstablishmentTypeGroup (name)",
    "Postcode",
    *(f"Extra column {n:03}" for n in range(1, 120)),
]

HERTS = "Hertfordshire"


def school(urn: int, name: str, **fields: str) -> dict[str, str]:
    row = {
        "URN": str(urn),
        "EstablishmentName": name,
        "TypeOfEstablishment (name)": "Community school",
        "EstablishmentStatus (name)": "Open",
        "PhaseOfEducation (name)": "Primary",
        "LA (name)": HERTS,
        "Trusts (name)": "",
        "Town": "Hemel Hempstead",
        "Postcode": "HP1 1AA",
        "Extra column 050": "x",
    }
    row.update(fields)
    return row


def write_csv(path: Path, columns: list[str], rows: list[dict[str, str]]) -> Path:
    """A CSV as GIAS publishes it: Windows-1252, every field quoted."""
    with path.open("w", encoding="cp1252", newline="") as stream:
        writer = csv.DictWriter(stream, columns, restval="", quoting=csv.QUOTE_ALL)
        writer.writeheader()
        writer.writerows(rows)
    return path
