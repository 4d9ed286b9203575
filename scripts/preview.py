#!/usr/bin/env python3
"""Preview the site while you edit it, at http://127.0.0.1:8000/area-knowledge/.

    scripts/preview.py              # what `make serve` runs
    scripts/preview.py --port 8001  # another port, when 8000 is taken

Run it as it is, or with the project's Python; `--help` lists its options.
The logic is in `area_knowledge.commands.preview`.
"""

import _project  # noqa: F401  (restarts with the project's Python if needed)

from area_knowledge.commands.preview import main

raise SystemExit(main())
