#!/usr/bin/env python3
"""Write the published site's source, for an engine to build with no plugin of ours.

    scripts/publish.py build/published                  # write the source only
    scripts/publish.py build/published --engine .venv/bin/mkdocs --site-dir site
    scripts/publish.py build/published --engine .venv-properdocs/bin/properdocs

Run it as it is, or with the project's Python; `--help` lists its options.
The logic is in `area_knowledge.commands.publish`.
"""

import _project  # noqa: F401  (restarts with the project's Python if needed)

from area_knowledge.commands.publish import main

raise SystemExit(main())
