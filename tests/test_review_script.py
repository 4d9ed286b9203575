"""`scripts/review.py`: the listings staff must confirm, as the scheduled check posts them."""

from __future__ import annotations

import subprocess
import sys
from datetime import date, timedelta

from conftest import REPO, AreaWriter

SCRIPT = REPO / "scripts" / "review.py"
TODAY = date.today()


def review(area: AreaWriter, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, str(SCRIPT), "content", *args],
        cwd=area.root,
        capture_output=True,
        text=True,
        check=False,
    )


def test_listing_due_within_thirty_days_is_named_by_its_file_and_date(area: AreaWriter) -> None:
    soon = TODAY + timedelta(days=10)
    area.practitioner("ada-lovelace", review_by=soon.isoformat())
    area.practitioner("grace-hopper", review_by=(TODAY + timedelta(days=90)).isoformat())

    result = review(area, "--format", "markdown")

    assert result.returncode == 1
    assert "### Listings due for review (1)" in result.stdout
    assert f"`content/practitioners/ada-lovelace.md`: review by {soon.day} " in result.stdout
    assert "grace-hopper" not in result.stdout


def test_withheld_listing_is_named_by_initials_only(area: AreaWriter) -> None:
    area.practitioner("wilhelmina-quartermaine", name="Wilhelmina Quartermaine", status="withdrawn")
    lapsed = TODAY - timedelta(days=3)
    area.practitioner("bea-brown", name="Bea Brown", review_by=lapsed.isoformat())

    result = review(area)

    assert "content/practitioners/w…-q….md: withheld: withdrawn" in result.stdout
    assert (
        f"content/practitioners/b…-b….md: withheld: its review date, {lapsed.day}" in result.stdout
    )
    assert "Wilhelmina" not in result.stdout and "wilhelmina" not in result.stdout
    assert "brown" not in result.stdout.lower()


def test_nothing_to_review_prints_nothing_and_exits_0(area: AreaWriter) -> None:
    area.practitioner("ada-lovelace")

    result = review(area)

    assert (result.returncode, result.stdout) == (0, "")
