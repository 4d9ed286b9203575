"""The one way the import stops: a reason the person running it can act on."""

from __future__ import annotations


class CannotImport(Exception):
    """Why the register cannot be written, as `path[:line]: message` with the fix."""
