"""The Content-Security-Policy: script that reaches a built page still cannot run."""

from __future__ import annotations

from pathlib import Path

import pytest

from browser import serve
from conftest import AreaWriter, build_site

pytestmark = pytest.mark.browser

# What a slip in an engine or a theme might let through, written into a page
# after it was built: the policy alone must stop all three.
HOSTILE = (
    '<script>document.title = "ran inline script";</script>'
    '<img src="missing.png" onerror="document.title = \'ran event handler\'">'
    "<a href=\"javascript:document.title='ran javascript link'\">A link</a>"
)


def test_script_written_into_a_built_page_does_not_run(
    area: AreaWriter, tmp_path: Path, browser
) -> None:
    site = build_site(area.mkdocs_yml(), tmp_path / "site")
    home = site / "index.html"
    html = home.read_text(encoding="utf-8")
    home.write_text(html.replace("<h1", HOSTILE + "<h1", 1), encoding="utf-8")

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
