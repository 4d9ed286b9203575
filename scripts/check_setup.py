#!/usr/bin/env python3
"""Say which of the demo's settings a partnership's own site still has.

    scripts/check_setup.py       # mkdocs.yml, the issue forms' links, the home page
    scripts/check_setup.py -f path/to/mkdocs.yml

Run it as it is, or with the project's Python; `--help` lists its options.
The logic is in `area_knowledge.commands.check_setup`.
"""

import _project  # noqa: F401  (restarts with the project's Python if needed)

from area_knowledge.commands.check_setup import main

raise SystemExit(main())
