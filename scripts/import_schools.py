#!/usr/bin/env python3
"""Write or update the register of schools from Get Information About Schools (GIAS).

    .venv/bin/python scripts/import_schools.py edubasealldata.csv --la "Hertfordshire"
    .venv/bin/python scripts/import_schools.py edubasealldata.csv --la "Camden" \\
        --la "Islington" --links links_edubasealldata.csv --include-group "Independent schools"

`--help` lists every option; the work is done in `area_knowledge.gias`.
"""

from __future__ import annotations

import _project  # noqa: F401  (restarts with the project's Python if needed)

from area_knowledge.gias.command import main

raise SystemExit(main())
