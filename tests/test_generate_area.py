"""`scripts/generate_area.py`: synthetic areas that are repeatable, valid and buildable."""

from __future__ import annotations

import importlib.util
import logging
import sys
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType

import pytest
import yaml

from area_knowledge import load_area
from conftest import REPO, BuildLog, build_site

SCRIPT = REPO / "scripts" / "generate_area.py"
TINY = ["--schools", "12", "--case-studies", "20", "--hubs", "3", "--practitioners", "10"]
TINY += ["--themes", "8"]


@pytest.fixture(scope="module")
def generator() -> Iterator[ModuleType]:
    spec = importlib.util.spec_from_file_location("generate_area", SCRIPT)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    # Dataclasses look their module up in sys.modules while it loads.
    sys.modules["generate_area"] = module
    try:
        spec.loader.exec_module(module)
        yield module
    finally:
        del sys.modules["generate_area"]


def generate(generator: ModuleType, out: Path, *extra: str) -> Path:
    assert generator.main([str(out), *TINY, *extra]) == 0
    return out


def tree(root: Path) -> dict[str, bytes]:
    return {
        str(p.relative_to(root)): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()
    }


def front_matter(path: Path) -> dict[str, object]:
    data = yaml.safe_load(path.read_text(encoding="utf-8").split("---\n")[1])
    assert isinstance(data, dict)
    return data


def test_same_seed_writes_identical_trees(generator: ModuleType, tmp_path: Path) -> None:
    first = generate(generator, tmp_path / "a", "--seed", "7")
    second = generate(generator, tmp_path / "b", "--seed", "7")

    assert tree(first) == tree(second)


def test_another_seed_writes_another_area(generator: ModuleType, tmp_path: Path) -> None:
    first = generate(generator, tmp_path / "a", "--seed", "1")
    second = generate(generator, tmp_path / "b", "--seed", "2")

    assert tree(first) != tree(second)


def test_writes_as_many_of_each_as_asked(generator: ModuleType, tmp_path: Path) -> None:
    content = generate(generator, tmp_path) / "content"

    assert len(list((content / "case-studies").glob("*.md"))) == 20
    assert len(list((content / "hubs").glob("*.md"))) == 3
    assert len(list((content / "practitioners").glob("*.md"))) == 10
    assert len(yaml.safe_load((content / "schools.yml").read_text(encoding="utf-8"))) == 12
    assert len(yaml.safe_load((content / "themes.yml").read_text(encoding="utf-8"))) == 8
    assert (content / "index.md").is_file()


def test_area_loads_with_no_errors(generator: ModuleType, tmp_path: Path) -> None:
    area = load_area(str(generate(generator, tmp_path) / "content"))

    assert area.errors == []
    assert (len(area.case_studies), len(area.hubs), len(area.practitioners)) == (20, 3, 10)


def test_publishing_rules_are_exercised(generator: ModuleType, tmp_path: Path) -> None:
    content = generate(generator, tmp_path) / "content"
    studies = [front_matter(p) for p in (content / "case-studies").glob("*.md")]
    people = [front_matter(p) for p in (content / "practitioners").glob("*.md")]
    area = load_area(str(content), today=generator.DEFAULT_TODAY)

    assert any(s.get("status") == "draft" for s in studies)
    assert any(s.get("status") == "archived" for s in studies)
    assert any(p.get("status") == "withdrawn" for p in people)
    assert any(
        p.review_by < area.today and p.status == "listed" for p in area.practitioners.values()
    )


def test_mkdocs_yml_is_the_projects_pointed_at_content(
    generator: ModuleType, tmp_path: Path
) -> None:
    written = (generate(generator, tmp_path) / "mkdocs.yml").read_text(encoding="utf-8")

    project = (REPO / "mkdocs.yml").read_text(encoding="utf-8")
    assert written == generator.area_mkdocs_yml(project)
    assert "\ndocs_dir: content\n" in written


def test_refuses_to_write_over_existing_content(generator: ModuleType, tmp_path: Path) -> None:
    (tmp_path / "content").mkdir()
    (tmp_path / "content" / "index.md").write_text("Someone's area.\n", encoding="utf-8")

    assert generator.main([str(tmp_path), *TINY]) == 2
    assert (tmp_path / "content" / "index.md").read_text(encoding="utf-8") == "Someone's area.\n"


def test_tiny_area_builds_strict_with_no_warnings(
    generator: ModuleType, tmp_path: Path, build_log: BuildLog
) -> None:
    area = generate(generator, tmp_path / "area")

    site = build_site(area / "mkdocs.yml", tmp_path / "site")

    assert build_log.at_least(logging.WARNING) == []
    assert (site / "case-studies" / "index.html").is_file()
