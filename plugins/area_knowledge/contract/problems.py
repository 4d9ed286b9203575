"""A problem in the content, located for the contributor who can fix it."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

Severity = Literal["error", "warning"]


@dataclass(frozen=True)
class Problem:
    """Something wrong in the content, located for the contributor to fix."""

    path: str
    line: int
    field: str
    message: str
    severity: Severity = "error"

    def __str__(self) -> str:
        prefix = "warning: " if self.severity == "warning" else ""
        where = f"{self.path}:{self.line}"
        return (
            f"{where}: {self.field}: {prefix}{self.message}"
            if self.field
            else (f"{where}: {prefix}{self.message}")
        )
