"""A long build says how far it has gone, every few seconds, and a short one stays quiet."""

from __future__ import annotations

from pathlib import Path

import pytest

from area_knowledge import progress as progress_module
from area_knowledge.progress import Progress
from area_knowledge.publishing.withholding import Mentions
from area_knowledge.reading.area import load_area
from area_knowledge.settings import Settings
from area_knowledge.site.finishing import live
from area_knowledge.site.source import site_source

DEMO = Path(__file__).parent.parent / "content"


class Clock:
    def __init__(self) -> None:
        self.now = 100.0

    def __call__(self) -> float:
        return self.now


def test_progress_is_told_at_most_every_few_seconds_with_the_count_and_total() -> None:
    clock, heard = Clock(), []
    progress = Progress("Pages written", 5_615, heard.append, every=5.0, clock=clock)

    for _ in range(1_000):
        progress.advance()
    clock.now += 4.9
    progress.advance()
    assert heard == []

    clock.now += 0.2
    progress.advance(1_399)
    clock.now += 1.0
    progress.advance()

    assert heard == ["Pages written: 2,400 of 5,615"]


def test_a_step_over_within_a_few_seconds_says_nothing() -> None:
    heard: list[str] = []
    progress = Progress("Entry pages laid out", 30, heard.append)
    for _ in range(30):
        progress.advance()

    assert heard == []


def test_the_pages_written_are_counted_as_the_engine_hands_them_over(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    heard: list[str] = []
    monkeypatch.setattr(progress_module, "EVERY_SECONDS", 0.0)
    finishing = live.LiveFinishing(
        str(tmp_path), Mentions([], [], "x@y.z"), (), {}, told=heard.append, pages=3
    )
    theme = "<!doctype html><html><head><title>x</title></head><body><p>Not found</p></body></html>"
    finishing.theme_page(theme)
    finishing.page(theme.replace("Not found", "One"), "one/index.html")

    assert heard == ["Pages written: 1 of 3", "Pages written: 2 of 3"]


def test_laying_out_the_entry_pages_is_counted_too(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(progress_module, "EVERY_SECONDS", 0.0)
    heard: list[str] = []
    area = load_area(str(DEMO))

    source = site_source(
        area, Settings(contact_email="hello@partnership.org.uk"), told=heard.append
    )

    entries = len(source.indexes.case_studies) + len(source.indexes.archived)
    entries += len(source.indexes.hubs) + len(source.indexes.practitioners)
    assert heard[-1] == f"Entry pages laid out: {entries:,} of {entries:,}"
    assert len(heard) == entries
