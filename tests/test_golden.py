"""Golden cases: small areas on disk, and exactly what the core makes of them.

`tests/golden/area/` is one small area (`content/` and its `mkdocs.yml`). Under
`expected/` beside it are, at the same paths, the Markdown (front matter and all)
and the data files the core makes of it on a fixed day, as `scripts/publish.py`
writes them; `pages.txt` and `files.txt` list everything it makes, and
`problems.txt` what it reports.

`tests/golden/problems/<case>/content/` is one bad file, added to the valid area
in `problems/base/content/`; `expected.txt` beside it is exactly what
`scripts/validate.py content` prints for the result, run from the area's folder.

A change to a template or a message is meant to show up here. To accept one,
rewrite the expected files, then read the diff before committing it:

    GOLDEN_UPDATE=1 .venv/bin/python -m pytest tests/test_golden.py
    git diff tests/golden/

Without `GOLDEN_UPDATE=1`, any difference fails with a unified diff.
"""

from __future__ import annotations

import difflib
import functools
import os
import shutil
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import pytest

from area_knowledge.commands import validate
from area_knowledge.contract.model import Area, Practitioner
from area_knowledge.reading.area import load_area
from area_knowledge.settings import read_settings
from area_knowledge.site.source import SiteSource, site_source

GOLDEN = Path(__file__).resolve().parent / "golden"
AREA = GOLDEN / "area"
EXPECTED = AREA / "expected"
PROBLEMS = GOLDEN / "problems"
BASE = PROBLEMS / "base"
# The day the golden area is read: after one listing's review_by, before the others'.
TODAY = date(2026, 11, 22)
UPDATE = os.environ.get("GOLDEN_UPDATE") == "1"

# One of each kind of page, and each data file; `pages.txt` lists the rest.
COMPARED = (
    "index.md",
    "case-studies/index.md",
    "case-studies/same-day-phonics.md",
    "case-studies/first-day-calls.md",
    "hubs/wrenfield-reading-hub.md",
    "practitioners/index.md",
    "practitioners/ruth-ashdown.md",
    "themes/early-reading.md",
    "themes/send.md",
    "schools/131004.md",
    "localities/ashby-marsh.md",
    "map/index.md",
    "data/knowledge.json",
    "data/case-studies.csv",
    "data/directory.csv",
    "feed.xml",
)
LISTS = ("pages.txt", "files.txt", "problems.txt")
CASES = sorted(path.name for path in PROBLEMS.iterdir() if path.is_dir())


def assert_golden(actual: str, expected: Path) -> None:
    """`actual` is the text of `expected`; with GOLDEN_UPDATE=1, it becomes so."""
    if UPDATE:
        expected.parent.mkdir(parents=True, exist_ok=True)
        expected.write_bytes(actual.encode("utf-8"))
        return
    shown = expected.relative_to(GOLDEN.parent.parent)
    if not expected.is_file():
        pytest.fail(f"{shown} is missing: write it with GOLDEN_UPDATE=1 and review it")
    # Compared byte for byte: the CSV exports end their lines with CRLF, as RFC 4180 has it.
    wanted = expected.read_bytes().decode("utf-8")
    if actual != wanted:
        diff = difflib.unified_diff(
            wanted.splitlines(keepends=True),
            actual.splitlines(keepends=True),
            f"{shown} (expected)",
            f"{shown} (made now)",
        )
        pytest.fail(
            "".join(diff) + "\nIf the change is meant, rewrite with GOLDEN_UPDATE=1 and review it",
            pytrace=False,
        )


@dataclass(frozen=True)
class GoldenSite:
    area: Area
    source: SiteSource
    outputs: dict[str, str]


@functools.cache
def golden_site() -> GoldenSite:
    """The golden area as the core publishes it: each page's Markdown and each file, by path."""
    settings = read_settings(str(AREA / "mkdocs.yml"))
    area = load_area(str(AREA / "content"), today=TODAY, shown_from=str(AREA))
    source = site_source(area, settings)
    outputs = {uri: page.markdown for uri, page in source.page_sources(stash=False).items()}
    outputs.update({path: data.decode("utf-8") for path, data in source.files.items()})
    return GoldenSite(area, source, outputs)


@pytest.mark.parametrize("path", COMPARED)
def test_page_or_file_is_exactly_its_golden_file(path: str) -> None:
    assert_golden(golden_site().outputs[path], EXPECTED / path)


def test_site_has_exactly_the_expected_pages() -> None:
    pages = sorted(page.uri for page in golden_site().source.pages)
    assert_golden("".join(f"{uri}\n" for uri in pages), EXPECTED / "pages.txt")


def test_site_has_exactly_the_expected_data_files_and_assets() -> None:
    files = sorted(golden_site().source.files)
    assert_golden("".join(f"{path}\n" for path in files), EXPECTED / "files.txt")


def test_golden_area_reports_only_its_withheld_people() -> None:
    site = golden_site()
    problems = sorted(
        [*site.area.problems, *site.source.problems], key=lambda p: (p.path, p.line, p.field)
    )
    assert_golden("".join(f"{problem}\n" for problem in problems), EXPECTED / "problems.txt")


def withheld_people(site: GoldenSite) -> list[Practitioner]:
    published = site.source.published.practitioners
    return [p for p in site.area.practitioners.values() if p.id not in published]


def test_golden_area_withholds_the_withdrawn_and_the_expired_person() -> None:
    ids = {person.id for person in withheld_people(golden_site())}
    assert ids == {"tobias-penhallow", "marguerite-quennell"}


def test_withheld_people_are_named_in_no_golden_or_generated_file() -> None:
    site = golden_site()
    texts = {f"expected/{p.relative_to(EXPECTED)}": p.read_text("utf-8") for p in expected_files()}
    texts.update(site.outputs)
    for person in withheld_people(site):
        for secret in filter(None, (person.name, person.contact)):
            named = sorted(path for path, text in texts.items() if secret in text)
            assert named == [], f"{secret!r} is published in {named}"


def expected_files() -> list[Path]:
    return sorted(path for path in EXPECTED.rglob("*") if path.is_file())


def test_expected_folder_holds_only_files_that_are_compared() -> None:
    if UPDATE:
        for path in expected_files():
            if path.relative_to(EXPECTED).as_posix() not in (*COMPARED, *LISTS):
                path.unlink()
    found = sorted(path.relative_to(EXPECTED).as_posix() for path in expected_files())
    assert found == sorted((*COMPARED, *LISTS))


def validate_output(
    case: str, root: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> tuple[int, str]:
    """What `scripts/validate.py content` prints for the base area plus the case's files."""
    shutil.copytree(BASE / "content", root / "content")
    if case != BASE.name:
        shutil.copytree(PROBLEMS / case / "content", root / "content", dirs_exist_ok=True)
    monkeypatch.chdir(root)
    # The script's own function, on the fixed day: a review date passing changes no case.
    monkeypatch.setattr(validate, "load_area", functools.partial(load_area, today=TODAY))
    code = validate.main(["content"])
    printed = capsys.readouterr()
    return code, (printed.out + printed.err).replace(str(root), "<area>")


@pytest.mark.parametrize("case", CASES)
def test_validate_prints_exactly_the_expected_messages(
    case: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    code, printed = validate_output(case, tmp_path, monkeypatch, capsys)
    assert_golden(printed, PROBLEMS / case / "expected.txt")
    summary = printed.splitlines()[-1]
    assert code == (0 if summary.startswith("0 errors") else 1)
