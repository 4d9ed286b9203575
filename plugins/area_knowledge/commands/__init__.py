"""The command-line tools, each a thin layer of arguments and printing over the core.

`scripts/*.py` and the console commands in pyproject.toml call `main` of these
modules. `run` gives every one the same ending: an exit code, never a traceback,
whether the reader closed the pipe (`| head`) or pressed Ctrl-C.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Sequence

Main = Callable[[Sequence[str] | None], int]


def run(main: Main, argv: Sequence[str] | None = None) -> int:
    """Call `main`, turning a closed pipe or an interrupt into a quiet exit."""
    try:
        return main(argv)
    except BrokenPipeError:
        # The reader has seen enough; tell Python not to complain on the way out.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return 1
    except KeyboardInterrupt:
        print("\nstopped", file=sys.stderr)
        return 130


def counted(number: int, one: str, many: str = "") -> str:
    """'1 entry', '52 entries', '29,000 establishments': `many` defaults to `one` + 's'."""
    return f"{number:,} {one if number == 1 else many or one + 's'}"
