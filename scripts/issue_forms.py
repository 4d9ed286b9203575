#!/usr/bin/env python3
"""Write the GitHub issue forms for proposing a case study or a listing, from the schema.

    scripts/issue_forms.py            # writes .github/ISSUE_TEMPLATE/*.yml
    scripts/issue_forms.py --check    # exits 1 if a form there is out of date

Run it from the repository's folder, as it is or with the project's Python.
The logic is in `area_knowledge.authoring.issue_forms`.
"""

import _project  # noqa: F401  (restarts with the project's Python if needed)

from area_knowledge.authoring.issue_forms import main

raise SystemExit(main())
