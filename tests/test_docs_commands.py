"""Every command the README and CONTRIBUTING give runs as written, on the demo.

A partnership's staff copy them from the page into a terminal; each is run here
the same way, from a copy of the repository's folder, and must do what the
page says it does.
"""

from __future__ import annotations

import os
import re
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import REPO
from gias import COLUMNS, school, write_csv

DOCS = ("README.md", "CONTRIBUTING.md")
# What each script exits with on the demo, as its page says.
EXITS = {
    "validate.py": 0,
    "new.py": 0,
    "import_schools.py": 0,
    # Two demo listings are withheld: the scheduled check acts on that.
    "review.py": 1,
    "report.py": 0,
    # The demo's own settings are the demo's.
    "check_setup.py": 1,
    "publish.py": 0,
}


def documented_commands() -> list[tuple[str, str]]:
    """(document, command) for each line of a shell block that runs one of scripts/."""
    found = []
    for name in DOCS:
        text = (REPO / name).read_text(encoding="utf-8")
        for block in re.findall(r"```sh\n(.*?)```", text, re.DOTALL):
            for line in block.splitlines():
                command = re.sub(r"\s+#\s.*$", "", line.strip().removeprefix("$ "))
                if command.startswith("scripts/"):
                    found.append((name, command))
    return found


COMMANDS = documented_commands()


def test_the_documents_give_every_script() -> None:
    given = {shlex.split(command)[0].removeprefix("scripts/") for _, command in COMMANDS}
    assert given >= set(EXITS) - {"publish.py"}


@pytest.fixture
def copy(tmp_path: Path) -> Path:
    """The repository's folder as a partnership has it: content, settings, scripts."""
    for folder in ("content", "scripts", ".github"):
        shutil.copytree(REPO / folder, tmp_path / folder)
    shutil.copy(REPO / "mkdocs.yml", tmp_path / "mkdocs.yml")
    # The engines `make` installed, which the documents name by their paths.
    for venv in (".venv", ".venv-properdocs"):
        if (REPO / venv).is_dir():
            (tmp_path / venv).symlink_to(REPO / venv)
    rows = [
        school(148903, "Oakhurst Vale Academy", **{"LA (name)": "Castlebrook", "Town": "Oakhurst"}),
        school(151234, "Kestrel Lane Primary School", **{"LA (name)": "Castlebrook"}),
    ]
    write_csv(tmp_path / "edubasealldata.csv", COLUMNS, rows)
    return tmp_path


@pytest.mark.parametrize(("document", "command"), COMMANDS, ids=[c for _, c in COMMANDS])
def test_documented_command_runs_as_written(document: str, command: str, copy: Path) -> None:
    argv = shlex.split(command)
    # The scripts start with `#!/usr/bin/env python3`: the project's Python comes first.
    path = f"{Path(sys.executable).parent}{os.pathsep}{os.environ.get('PATH', '')}"
    run = subprocess.run(
        argv,
        cwd=copy,
        env={**os.environ, "PATH": path},
        capture_output=True,
        text=True,
        timeout=300,
    )

    said = run.stdout + run.stderr
    assert "Traceback" not in said, said
    assert run.returncode == EXITS[Path(argv[0]).name], f"{document}: {command}\n{said}"
    if argv[0] == "scripts/new.py":
        written = re.search(r"^Wrote (content/\S+\.md):", run.stdout, re.MULTILINE)
        assert written and (copy / written[1]).is_file(), said
