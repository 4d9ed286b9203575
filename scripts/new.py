#!/usr/bin/env python3
"""Start a new case study, hub or practitioner file from the content contract.

    scripts/new.py case-study "Title" --theme reading --school 123456 --summary "..."
    scripts/new.py hub "Title" --theme send --lead ada-lovelace --host-school 123456 \
        --summary "..."
    scripts/new.py practitioner "Name" --role "SENCO" --school 123456 --theme send

Run it as it is, or with the project's Python; `--help` lists its options.
The logic is in `area_knowledge.commands.new`.
"""

import _project  # noqa: F401  (restarts with the project's Python if needed)

from area_knowledge.commands.new import main

raise SystemExit(main())
