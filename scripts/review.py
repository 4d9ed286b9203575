#!/usr/bin/env python3
"""List the experts' listings to confirm: due for review soon, or already withheld.

    scripts/review.py                      # the next 30 days, for ./content
    scripts/review.py --days 60            # a longer look ahead
    scripts/review.py --format markdown    # as the scheduled GitHub check posts it

Run it as it is, or with the project's Python; `--help` lists its options.
The logic is in `area_knowledge.commands.review`.
"""

import _project  # noqa: F401  (restarts with the project's Python if needed)

from area_knowledge.commands.review import main

raise SystemExit(main())
