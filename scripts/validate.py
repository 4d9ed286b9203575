#!/usr/bin/env python3
"""Check an area's content without building the site.

    scripts/validate.py                    # checks ./content
    scripts/validate.py path/to/content    # checks another area
    scripts/validate.py --format github    # annotations for GitHub Actions

Run it as it is, or with the project's Python; `--help` lists its options.
The logic is in `area_knowledge.commands.validate`.
"""

import _project  # noqa: F401  (restarts with the project's Python if needed)

from area_knowledge.commands.validate import main

raise SystemExit(main())
