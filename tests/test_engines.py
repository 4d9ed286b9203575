"""The published source builds with no plugin of ours, and leaks nothing when it does.

`scripts/publish.py` writes the pages, data and assets the core made, a
`mkdocs.yml` with no plugin and the theme's overrides; the engine under test
builds it and the finishing step runs over the result.
"""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

from area_knowledge import load_area
from browser import Watched, results, serve
from conftest import ENGINE, REPO, AreaWriter, build_site, for_engine

PUBLISH = REPO / "scripts" / "publish.py"


@pytest.fixture(scope="module")
def pluginless(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """(the published source, the site the engine built from it without our plugin)."""
    root = tmp_path_factory.mktemp("pluginless")
    engine = Path(sys.executable).with_name(ENGINE)
    done = subprocess.run(
        [
            sys.executable,
            str(PUBLISH),
            str(root / "source"),
            "-f",
            str(for_engine(REPO / "mkdocs.yml")),
            "--engine",
            str(engine),
            "--site-dir",
            str(root / "site"),
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr + done.stdout
    return root / "source", root / "site"


def test_published_config_names_no_plugin_and_no_content_folder(pluginless) -> None:
    source, _ = pluginless
    config = (source / "mkdocs.yml").read_text(encoding="utf-8")

    assert re.search(r"(?m)^plugins: \[\]$", config)
    assert re.search(r"(?m)^docs_dir: docs$", config)
    assert "content" not in re.findall(r"(?m)^docs_dir: (\S+)$", config)


def test_site_built_without_the_plugin_holds_no_draft_no_withheld_person_no_raw_file(
    pluginless,
) -> None:
    _, site = pluginless
    content = load_area(str(REPO / "content"))
    drafts = [s for s in content.case_studies.values() if s.status == "draft"]
    hidden = [p for p in content.practitioners.values() if p.status == "withdrawn"]
    files = [path for path in site.rglob("*") if path.is_file()]
    text = "\n".join(p.read_text("utf-8", "replace") for p in files if p.suffix != ".pf_fragment")

    assert drafts and hidden
    assert all(draft.title not in text for draft in drafts)
    assert all(person.name not in text for person in hidden)
    assert not any(path.suffix in (".md", ".yml") for path in files)
    assert (site / "pagefind" / "pagefind.js").is_file()
    assert "Content-Security-Policy" in (site / "index.html").read_text(encoding="utf-8")


def test_pages_are_the_same_with_and_without_the_plugin(pluginless, tmp_path: Path) -> None:
    _, site = pluginless
    with_plugin = build_site(REPO / "mkdocs.yml", tmp_path / "site")

    def article(root: Path, page: str) -> str:
        html = (root / page).read_text(encoding="utf-8")
        inner = html[html.index("<article") : html.index("</article>")]
        return " ".join(re.sub(r">\s+<", "><", inner).split())

    for page in (
        "case-studies/tuesday-twenty-reading-clinic/index.html",
        "themes/send/index.html",
        "map/index.html",
        "index.html",
    ):
        assert article(with_plugin, page) == article(site, page), page


@pytest.mark.browser
def test_search_works_on_the_site_built_without_the_plugin(pluginless, browser) -> None:
    _, site = pluginless
    with serve(site) as url:
        # Built for the demo's own sub-path, /area-knowledge/; served here under /area/.
        watched = Watched(browser.new_page(), url)
        watched.page.goto(url + "search/?q=fluency")
        found = results(watched)
        watched.page.close()

    assert any("Tuesday Twenty" in title for title in found)


def test_a_withdrawn_namesake_of_the_themes_authors_never_stops_a_pluginless_build(
    area: AreaWriter, tmp_path: Path
) -> None:
    # The theme's scripts credit a Thomas Robinson; the site does not name him.
    area.practitioner("thomas-robinson", status="withdrawn")
    area.case_study("coaching", body="Thomas Robinson coached the team.")
    site = tmp_path / "built"

    done = subprocess.run(
        [
            sys.executable,
            str(PUBLISH),
            str(tmp_path / "source"),
            "-f",
            str(for_engine(area.mkdocs_yml())),
            "--engine",
            str(Path(sys.executable).with_name(ENGINE)),
            "--site-dir",
            str(site),
        ],
        capture_output=True,
        text=True,
        check=False,
    )

    assert done.returncode == 0, done.stderr + done.stdout
    page = (site / "case-studies" / "coaching" / "index.html").read_text(encoding="utf-8")
    assert "[name withheld] coached the team." in page
