"""`benchmarks/generate_area.py`: synthetic areas that are repeatable, valid and buildable."""

from __future__ import annotations

import importlib.util
import logging
import shutil
import sys
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType

import pytest
import yaml

from area_knowledge import Area, Problem, load_area
from conftest import REPO, BuildLog, build_site

SCRIPT = REPO / "benchmarks" / "generate_area.py"
TINY = ["--schools", "12", "--case-studies", "20", "--hubs", "3", "--practitioners", "10"]
TINY += ["--themes", "8"]
# Enough case studies for a share of them to be measured.
SMALL = ["--schools", "40", "--case-studies", "200", "--hubs", "8", "--practitioners", "60"]
SMALL += ["--themes", "12"]


@pytest.fixture(scope="module")
def generator() -> Iterator[ModuleType]:
    spec = importlib.util.spec_from_file_location("generate_area", SCRIPT)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    # Dataclasses look their module up in sys.modules while it loads and while
    # the vocabulary is read into them.
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


def errors(area: Area) -> list[Problem]:
    return [p for p in area.problems if p.severity == "error"]


def entries(area: Area) -> list[tuple[str, tuple[str, ...]]]:
    """Every case study, hub and practitioner of the area, as its path and its themes."""
    kinds = (area.case_studies, area.hubs, area.practitioners)
    return [(entry.path, entry.themes) for kind in kinds for entry in kind.values()]


def test_same_seed_writes_identical_trees(generator: ModuleType, tmp_path: Path) -> None:
    first = generate(generator, tmp_path / "a", "--seed", "7")
    second = generate(generator, tmp_path / "b", "--seed", "7")

    assert tree(first) == tree(second)


def test_another_seed_writes_another_area(generator: ModuleType, tmp_path: Path) -> None:
    first = generate(generator, tmp_path / "a", "--seed", "1")
    second = generate(generator, tmp_path / "b", "--seed", "2")

    assert tree(first) != tree(second)


def test_write_area_writes_what_the_command_line_writes(
    generator: ModuleType, tmp_path: Path
) -> None:
    from_command = generate(generator, tmp_path / "a", "--seed", "3", "--skew", "theme")
    size = generator.AreaSize(schools=12, case_studies=20, hubs=3, practitioners=10, themes=8)

    generator.write_area(tmp_path / "b", size, seed=3, skew="theme")

    assert tree(tmp_path / "b") == tree(from_command)


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

    assert errors(area) == []
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


@pytest.mark.parametrize("skew", ["school", "theme"])
def test_skewed_area_loads_with_no_errors(generator: ModuleType, tmp_path: Path, skew: str) -> None:
    assert generator.main([str(tmp_path), *SMALL, "--skew", skew]) == 0

    area = load_area(str(tmp_path / "content"))

    assert errors(area) == []
    assert (len(area.case_studies), len(area.hubs), len(area.practitioners)) == (200, 8, 60)


def test_school_skew_names_one_school_on_three_quarters_of_case_studies(
    generator: ModuleType, tmp_path: Path
) -> None:
    assert generator.main([str(tmp_path), *SMALL, "--skew", "school"]) == 0
    area = load_area(str(tmp_path / "content"))

    naming = Counter(urn for study in area.case_studies.values() for urn in set(study.schools))
    (_, busiest), (_, next_busiest) = naming.most_common(2)

    assert 0.7 <= busiest / len(area.case_studies) <= 0.85
    assert next_busiest / len(area.case_studies) < 0.25


def test_without_skew_no_school_is_named_so_often(generator: ModuleType, tmp_path: Path) -> None:
    assert generator.main([str(tmp_path), *SMALL]) == 0
    area = load_area(str(tmp_path / "content"))

    naming = Counter(urn for study in area.case_studies.values() for urn in set(study.schools))

    assert max(naming.values()) / len(area.case_studies) < 0.25


def test_theme_skew_puts_one_theme_on_every_entry(generator: ModuleType, tmp_path: Path) -> None:
    assert generator.main([str(tmp_path), *SMALL, "--skew", "theme"]) == 0
    area = load_area(str(tmp_path / "content"))

    on_every_entry = set.intersection(*(set(themes) for _, themes in entries(area)))

    assert len(entries(area)) == 268
    assert len(on_every_entry) == 1


def test_without_skew_no_theme_is_on_every_entry(generator: ModuleType, tmp_path: Path) -> None:
    assert generator.main([str(tmp_path), *SMALL]) == 0
    area = load_area(str(tmp_path / "content"))

    assert set.intersection(*(set(themes) for _, themes in entries(area))) == set()


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


def test_vocabulary_file_with_an_unknown_key_is_refused_by_name(
    generator: ModuleType, tmp_path: Path
) -> None:
    vocabulary = tmp_path / "vocabulary"
    shutil.copytree(SCRIPT.parent / "vocabulary", vocabulary)
    hubs = vocabulary / "hubs.yml"
    hubs.write_text(hubs.read_text(encoding="utf-8") + "nmaes: [Hub]\n", encoding="utf-8")

    with pytest.raises(generator.VocabularyError, match=r"hubs\.yml: unknown keys \['nmaes'\]"):
        generator.read_vocabulary(vocabulary)


def test_tiny_area_builds_strict_with_no_warnings(
    generator: ModuleType, tmp_path: Path, build_log: BuildLog
) -> None:
    area = generate(generator, tmp_path / "area")

    site = build_site(area / "mkdocs.yml", tmp_path / "site")

    assert build_log.at_least(logging.WARNING) == []
    assert (site / "case-studies" / "index.html").is_file()
