"""YAML as people write it by hand: fields in order, list items indented under their field."""

from __future__ import annotations

from typing import Any

import yaml


class _IndentedDumper(yaml.SafeDumper):
    """Indents list items under their field, as the area's files are written by hand."""

    def increase_indent(self, flow: bool = False, indentless: bool = False) -> None:
        super().increase_indent(flow, False)


def yaml_text(value: Any) -> str:
    """`value` as YAML, quoted only where YAML needs it, in the order given."""
    return yaml.dump(
        value, Dumper=_IndentedDumper, allow_unicode=True, sort_keys=False, width=10_000
    )
