#!/usr/bin/env python3
"""Report what the area knows and where the gaps are, for a partnership meeting.

    scripts/report.py                       # reports on ./content
    scripts/report.py path/to/content       # reports on another area
    scripts/report.py --format json         # the same as data (schema_version 1)
    scripts/report.py --review-years 3      # case studies stay confirmed for 3 years

Run it as it is, or with the project's Python; `--help` lists its options.
The logic is in `area_knowledge.commands.report`.
"""

import _project  # noqa: F401  (restarts with the project's Python if needed)

from area_knowledge.commands.report import main

raise SystemExit(main())
