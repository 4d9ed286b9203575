"""The URNs that the area's entries name, so that a closed school they still name is kept."""

from __future__ import annotations

from collections.abc import Callable

from ..contract.problems import Problem
from ..contract.schema import COLLECTIONS, Kind
from ..reading.files import read_entry
from ..reading.inventory import take_inventory
from ..reading.values import Ref, read_fields


def urns_named_by_content(content: str, show: Callable[[str], str]) -> dict[int, list[str]]:
    """Each URN a case study, hub or practitioner names, as written, with the files naming it.

    Files the site would refuse, or fields that cannot be read, name nothing here:
    the validator reports them.
    """
    ignored: list[Problem] = []
    inventory = take_inventory(content, show, ignored)
    named: dict[int, list[str]] = {}
    for collection in COLLECTIONS:
        fields = tuple(spec for spec in collection.fields if spec.kind is Kind.SCHOOL)
        for file in inventory.entries[collection.name]:
            record = read_entry(file.path, file.shown, ignored)
            if record is None:
                continue
            values = read_fields(record, fields, ignored)
            for ref in school_refs(values):
                files = named.setdefault(int(ref.value), [])
                if file.shown not in files:
                    files.append(file.shown)
    return named


def school_refs(values: dict[str, object]) -> list[Ref]:
    """The references among values read for schools' fields, each holding one or many."""
    refs: list[Ref] = []
    for value in values.values():
        items = value if isinstance(value, tuple) else (value,)
        refs += [item for item in items if isinstance(item, Ref)]
    return refs
