"""The preview a hub lead runs: `scripts/preview.py` serving an area while they edit it.

Driven as a person would: start it, edit a file, and fetch the page until the
edit shows; break a file, and see the banner say which file and line.
"""

from __future__ import annotations

import json
import os
import re
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from conftest import REPO, AreaWriter, for_engine

PREVIEW = REPO / "scripts" / "preview.py"
# A cold start builds the whole small area; an edit is seen well within this.
STARTED_WITHIN = 90.0
SEEN_WITHIN = 30.0


@dataclass
class Preview:
    url: str
    area: AreaWriter
    log: Path


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def fetch(url: str) -> tuple[int, str]:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.status, response.read().decode("utf-8")
    except urllib.error.HTTPError as error:
        return error.code, ""
    except (urllib.error.URLError, ConnectionError, TimeoutError):
        return 0, ""


def wait_for(what: str, test: Callable[[], bool], within: float, log: Path) -> None:
    ends = time.monotonic() + within
    while time.monotonic() < ends:
        if test():
            return
        time.sleep(0.2)
    pytest.fail(f"{what} not within {within:.0f} s; the preview said:\n{log.read_text()[-3000:]}")


@pytest.fixture(scope="module")
def preview(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Preview]:
    root = tmp_path_factory.mktemp("preview")
    area = AreaWriter(root)
    area.practitioner("ada-lovelace")
    area.case_study("phonics", body="Phonics first.", contacts=["ada-lovelace"])
    config = for_engine(area.mkdocs_yml())
    port, log = free_port(), root / "preview.log"
    with log.open("wb") as output:
        server = subprocess.Popen(
            [sys.executable, str(PREVIEW), "--port", str(port), "-f", str(config)],
            cwd=root,
            stdout=output,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
    url = f"http://127.0.0.1:{port}/area/"
    try:
        wait_for("the preview", lambda: fetch(url)[0] == 200, STARTED_WITHIN, log)
        yield Preview(url, area, log)
    finally:
        os.killpg(server.pid, signal.SIGINT)
        try:
            server.wait(timeout=20)
        except subprocess.TimeoutExpired:
            os.killpg(server.pid, signal.SIGKILL)
            server.wait()


def problems(preview: Preview) -> dict[str, object]:
    status, text = fetch(preview.url + "_preview/problems.json")
    return json.loads(text) if status == 200 else {}


def test_edit_to_a_body_is_on_its_page_within_seconds(preview: Preview) -> None:
    page = preview.url + "case-studies/phonics/"
    preview.area.case_study("phonics", body="Phonics first, then a fluency clinic.")

    wait_for("the edit", lambda: "a fluency clinic" in fetch(page)[1], SEEN_WITHIN, preview.log)


def test_an_error_is_named_by_the_banners_data_and_gone_once_fixed(preview: Preview) -> None:
    preview.area.case_study("hostile", body="Hello <script>alert(1)</script>")
    wait_for("the error", lambda: problems(preview).get("errors") == 1, SEEN_WITHIN, preview.log)
    shown = problems(preview)["shown"]
    assert isinstance(shown, list)
    assert shown[0]["path"] == "content/case-studies/hostile.md"
    assert fetch(preview.url + "case-studies/hostile/")[0] == 404

    preview.area.case_study("hostile", body="Hello, a safe page.")

    wait_for("the fix", lambda: problems(preview).get("errors") == 0, SEEN_WITHIN, preview.log)
    wait_for(
        "the fixed page",
        lambda: fetch(preview.url + "case-studies/hostile/")[0] == 200,
        SEEN_WITHIN,
        preview.log,
    )


@pytest.mark.browser
def test_banner_shows_the_error_on_every_page_with_no_console_error(
    preview: Preview, browser: object
) -> None:
    from browser import Watched

    preview.area.case_study("broken", body="Hi <iframe src='x'></iframe>")
    wait_for("the error", lambda: problems(preview).get("errors") == 1, SEEN_WITHIN, preview.log)
    context = browser.new_context()  # type: ignore[attr-defined]
    watched = Watched(context.new_page(), preview.url)
    try:
        watched.page.goto(preview.url + "case-studies/phonics/")
        banner = watched.page.locator("[data-ak-preview]")
        banner.wait_for(state="visible", timeout=10_000)
        # The banner shows before it has fetched the problems it lists: wait for them.
        watched.page.wait_for_function(
            "() => document.querySelector('[data-ak-preview]').innerText.includes('broken.md')",
            timeout=10_000,
        )
        assert "content/case-studies/broken.md" in banner.inner_text()
        banner.get_by_role("link", name=re.compile("^See every problem")).click()
        assert "broken.md" in watched.page.locator("main").inner_text()
    finally:
        preview.area.content.joinpath("case-studies", "broken.md").unlink()
        context.close()
    watched.check()


def test_a_port_in_use_is_named_with_the_command_for_another(area: AreaWriter) -> None:
    config = for_engine(area.mkdocs_yml())
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        run = subprocess.run(
            [sys.executable, str(PREVIEW), "--port", str(port), "-f", str(config)],
            cwd=area.root,
            capture_output=True,
            text=True,
            timeout=60,
        )

    assert run.returncode == 2
    assert f"Port {port} is in use" in run.stderr
    assert f"make serve PORT={port + 1}" in run.stderr
