"""The Content-Security-Policy: a script that reaches a page's content cannot run."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest

from browser import serve
from conftest import AreaWriter, BuildLog, build_site

pytestmark = pytest.mark.browser

HOSTILE = """\
<script>document.title = "ran inline script";</script>

<img src="missing.png" onerror="document.title = 'ran event handler'">

[A link](javascript:document.title='ran javascript link')
"""


def test_script_in_content_does_not_run_even_past_validation(
    area: AreaWriter, tmp_path: Path, browser, build_log: BuildLog
) -> None:
    # The home page is checked but, unlike an entry, still published by a
    # build that is not strict: the policy is what stops its script.
    (area.content / "index.md").write_text("# Hostile\n\n" + HOSTILE, encoding="utf-8")
    site = build_site(area.mkdocs_yml(), tmp_path / "site", strict=False)
    assert any("content/index.md" in m for m in build_log.at_least(logging.WARNING))

    with serve(site) as url:
        page = browser.new_page()
        violations: list[str] = []
        page.on(
            "console",
            lambda m: "Content Security Policy" in m.text and violations.append(m.text),
        )
        page.goto(url)
        # The policy blocks the navigation, so do not wait for one.
        page.get_by_role("link", name="A link").click(no_wait_after=True)
        page.wait_for_timeout(300)
        title = page.title()
        page.close()

    assert not title.startswith("ran ")
    assert len(violations) >= 3
