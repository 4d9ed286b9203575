"""Run the scripts with the project's Python, wherever they are started from.

`scripts/validate.py` works typed as it is: when the system's Python lacks the
project's packages, this starts the same script again with `.venv/bin/python`,
which `make` installs. Imported first by every script; it does nothing when
the project's packages are already importable.
"""

from __future__ import annotations

import importlib.util
import os
import sys

if importlib.util.find_spec("area_knowledge") is None:
    _venv = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", ".venv")
    _python = os.path.join(_venv, "bin", "python")
    if os.path.exists(_python) and os.path.realpath(sys.prefix) != os.path.realpath(_venv):
        os.execv(_python, [_python, *sys.argv])
    raise SystemExit("The project is not installed: run `make serve` or `make test` once first.")
