"""An area written to the contract by someone else: plain files, a bare mkdocs.yml."""

from __future__ import annotations

import logging
import textwrap
from pathlib import Path

import pytest

from conftest import Abort, BuildLog, build_site


def write(root: Path, path: str, text: str) -> None:
    target = root / path
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(textwrap.dedent(text).lstrip(), encoding="utf-8")


def other_area(root: Path) -> Path:
    write(
        root,
        "mkdocs.yml",
        """
        site_name: Riverside Learning Partnership
        docs_dir: docs
        theme:
          name: material
        plugins:
          - area-knowledge:
              contact_email: office@riverside.example
        """,
    )
    write(root, "docs/index.md", "# Riverside\n\nOur shared practice.\n")
    write(
        root,
        "docs/themes.yml",
        """
        - id: maths
          title: Mathematics
        - id: mastery
          title: Teaching for mastery
          parent: maths
          aliases: [maths mastery]
        """,
    )
    write(
        root,
        "docs/schools.yml",
        """
        - urn: 300001
          name: Kingfisher Primary
          phase: Primary
        - urn: 300002
          name: Otter Bank Academy
          phase: Secondary
          previous_urns: [290002]
        """,
    )
    write(
        root,
        "docs/practitioners/sam-ito.md",
        """
        ---
        name: Sam Ito
        role: Maths lead
        school: 300001
        themes: [maths mastery]
        consent: 2026-01-10
        review_by: 2099-01-10
        ---
        Sam leads maths across Key Stage 2.
        """,
    )
    write(
        root,
        "docs/case-studies/bar-models.md",
        """
        ---
        title: Bar models from Year 3
        summary: Bar models taught from Year 3 lifted reasoning scores.
        themes: [maths mastery]
        schools: [290002, 300001]
        contacts: [sam-ito]
        published: 2026-03-01
        ---
        # Bar models from Year 3

        We started in Year 3.
        """,
    )
    return root / "mkdocs.yml"


def test_bare_area_builds_strictly_and_cross_indexes(tmp_path: Path, build_log: BuildLog) -> None:
    site = build_site(other_area(tmp_path), tmp_path / "site")

    assert build_log.at_least(logging.WARNING) == []
    parent = (site / "themes" / "maths" / "index.html").read_text(encoding="utf-8")
    assert "Bar models from Year 3" in parent and "Sam Ito" in parent
    school = (site / "schools" / "300002" / "index.html").read_text(encoding="utf-8")
    assert "Bar models from Year 3" in school
    study = (site / "case-studies" / "bar-models" / "index.html").read_text(encoding="utf-8")
    assert study.count("<h1") == 1
    assert 'class="ak-facts"' in study and "<dl>" in study
    assert (site / "pagefind" / "pagefind.js").is_file()
    assert (site / "map" / "index.html").is_file()


def test_theme_other_than_material_is_refused_with_the_fix(
    tmp_path: Path, build_log: BuildLog
) -> None:
    config = other_area(tmp_path)
    (tmp_path / "own-theme").mkdir()
    (tmp_path / "own-theme" / "main.html").write_text("{{ page.content }}", encoding="utf-8")
    text = config.read_text("utf-8").replace(
        "name: material", "name: null\n  custom_dir: own-theme"
    )
    config.write_text(text, encoding="utf-8")

    with pytest.raises(Abort()):
        build_site(config, tmp_path / "site")
    assert any(
        "set 'theme: name: material' (or materialx) in mkdocs.yml" in m
        for m in build_log.at_least(40)
    )
