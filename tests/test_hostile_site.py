"""Hostile contributions, built for real: each class of attack fails for a reason of its own.

One area holds a file of every kind an attacker might try beside valid
entries. It is built without --strict, as a preview would be, so that each
check can look at what was published anyway; a strict build of it fails.
"""

from __future__ import annotations

import gzip
import json
import logging
import os
import re
import time
from pathlib import Path

import pytest

from area_knowledge import load_area
from conftest import THEMES, Abort, AreaWriter, build_site, captured_log

MARK = '<a style="position:fixed;inset:0" href="https://evil.example">Cover</a> & "q"'
ESCAPED_MARK = "&lt;a style="
WITHDRAWN = "Wilhelmina Quartermaine"
WITHDRAWN_EMAIL = "w.quartermaine@elm.sch.uk"
REFUSED_STATUS = "Bartholomew Okafor-Lindqvist"
PNG = b"\x89PNG\r\n\x1a\n" + b"\0" * 64


def hostile_area(area: AreaWriter) -> AreaWriter:
    """Every class of hostile file, beside entries that are fine."""
    content = area.content
    # Files the validator never read, which MkDocs would have published as they are.
    (content / "case-studies" / "evil.html").write_text("<script>alert(1)</script>")
    (content / "hubs" / "drawing.svg").write_text("<svg onload=alert(1)/>")
    (content / "practitioners" / "nested").mkdir()
    (content / "practitioners" / "nested" / "deep.md").write_text("---\nname: X\n---\n")
    (content / "case-studies" / "folder.md").mkdir()
    (content / ".htaccess").write_text("Redirect / https://evil.example/")
    (content / "robots.txt").write_text("Disallow: /")
    (content / "themes").mkdir()
    (content / "themes" / "send.md").write_text("# Replaced\n")
    outside = area.root / "secret.txt"
    outside.write_text("the contents of a system file", encoding="utf-8")
    os.symlink(outside, content / "case-studies" / "linked.md")
    os.symlink(area.root, content / "hubs" / "loop")
    attachments = content / "attachments"
    attachments.mkdir()
    (attachments / "chart.png").write_bytes(PNG)
    (attachments / "fake.png").write_text("<svg xmlns='http://www.w3.org/2000/svg'/>")
    (attachments / "plan.pdf").write_bytes(b"%PDF-1.4\n1 0 obj << /OpenAction << /S /JavaScript >>")
    (attachments / "page.html").write_text("<script>alert(1)</script>")
    # Keys that would reach the theme.
    area.case_study("keys-description", description='"><script>alert(1)</script>')
    area.case_study("keys-template", template="redirect.html")
    area.hub("keys-hide", hide=5, lead="ada-lovelace")
    area.case_study("keys-author", author="Someone")
    # Markup in every text field of every kind, and in every register column.
    area.register(
        "themes.yml",
        [*THEMES, {"id": "marked", "title": MARK, "description": MARK, "aliases": [MARK]}],
    )
    schools = area.content / "schools.yml"
    schools.write_text(
        schools.read_text("utf-8")
        + f"- urn: 100009\n  name: '{MARK.replace(chr(39), '')}'\n  phase: Primary\n"
        f"  type: '{MARK}'\n  trust: '{MARK}'\n  locality: '{MARK}'\n"
    )
    area.case_study(
        "marked-study",
        title=MARK,
        summary=MARK,
        themes=["marked"],
        schools=[100009],
        impact=[{"measure": MARK, "result": MARK, "evidence": "school-data"}],
        body=f"Plain text with {MARK.replace('<', '&lt;')} quoted.",
    )
    area.hub("marked-hub", title=MARK, summary=MARK, meets=MARK, join=MARK, themes=["marked"])
    area.practitioner("ada-lovelace", name=MARK, role=MARK, themes=["marked"])
    # A person who withdrew, named in every way text can name them.
    area.practitioner("wilhelmina", name=WITHDRAWN, contact=WITHDRAWN_EMAIL, status="withdrawn")
    area.practitioner("bartholomew", name=REFUSED_STATUS, status="Withdrawn")
    area.case_study(
        "names-them",
        summary=f"Led by {WITHDRAWN} with {REFUSED_STATUS}.",
        contacts=["wilhelmina", "ada-lovelace"],
        impact=[{"measure": f"{WITHDRAWN}’s survey", "result": "Up", "evidence": "anecdotal"}],
        body=(
            f"Ask **Wilhelmina** Quartermaine, or Wilhelmina\nQuartermaine's team, "
            f"at <{WITHDRAWN_EMAIL}> or [by mail](mailto:{WITHDRAWN_EMAIL}). "
            f"See [her page](../practitioners/wilhelmina.md). Bartholomew\nOkafor-Lindqvist too."
        ),
    )
    area.hub("her-hub", title=f"{WITHDRAWN}'s hub", lead="wilhelmina")
    # Parsing without bounds, and ids the site keeps for itself.
    area.raw("case-studies", "brackets", f"---\ntitle: B\n---\n\n{'[a](' * 12_000}\n")
    area.raw(
        "case-studies",
        "impact-twice",
        "---\ntitle: T\nsummary: S.\nthemes: [reading]\nschools: [100001]\n"
        "published: 2026-01-01\nimpact:\n  - measure: A\n    measure: B\n"
        "    result: R\n    evidence: anecdotal\n---\n",
    )
    return area


@pytest.fixture(scope="module")
def hostile(tmp_path_factory: pytest.TempPathFactory) -> tuple[AreaWriter, Path, list[str]]:
    area = hostile_area(AreaWriter(tmp_path_factory.mktemp("hostile")))
    started = time.monotonic()
    with captured_log() as handler:
        site = build_site(area.mkdocs_yml(), area.root / "site", strict=False)
    assert time.monotonic() - started < 60
    return area, site, handler.at_least(logging.WARNING)


def every_file(site: Path) -> dict[str, str]:
    """Every file of the built site as text, compressed ones decompressed."""
    files = {}
    for path in site.rglob("*"):
        if path.is_file():
            data = path.read_bytes()
            if data[:2] == b"\x1f\x8b":
                data = gzip.decompress(data)
            files[str(path.relative_to(site))] = data.decode("utf-8", "replace")
    return files


def test_files_outside_the_contract_are_named_and_never_published(hostile) -> None:
    _area, site, warnings = hostile
    for name in (
        "case-studies/evil.html",
        "hubs/drawing.svg",
        "practitioners/nested",
        "case-studies/folder.md",
        ".htaccess",
        "robots.txt",
        "themes",
        "case-studies/linked.md",
        "hubs/loop",
        "attachments/fake.png",
        "attachments/plan.pdf",
        "attachments/page.html",
    ):
        assert any(m.startswith(f"content/{name}:") for m in warnings), name
    published = every_file(site)
    assert not any(p.endswith((".svg", ".htaccess", "robots.txt", "evil.html")) for p in published)
    assert not any("the contents of a system file" in text for text in published.values())
    assert "attachments/chart.png" in published and "attachments/fake.png" not in published
    assert "Replaced" not in published["themes/send/index.html"]


def test_engine_keys_are_refused_and_their_entries_left_out(hostile) -> None:
    _area, site, warnings = hostile
    for entry, key in (
        ("case-studies/keys-description.md", "description"),
        ("case-studies/keys-template.md", "template"),
        ("hubs/keys-hide.md", "hide"),
        ("case-studies/keys-author.md", "author"),
    ):
        assert any(
            m.startswith(f"content/{entry}:") and f": {key}: is not a field" in m for m in warnings
        ), entry
        assert not (site / entry.replace(".md", "")).exists()


def test_markup_in_every_text_field_is_shown_as_text_everywhere(hostile) -> None:
    _, site, _ = hostile
    published = every_file(site)
    pages = {path: text for path, text in published.items() if path.endswith(".html")}

    assert all("<a style=" not in text for text in pages.values())
    for page in (
        "case-studies/marked-study/index.html",
        "hubs/marked-hub/index.html",
        "practitioners/ada-lovelace/index.html",
        "themes/marked/index.html",
        "schools/100009/index.html",
        "share/index.html",
    ):
        assert ESCAPED_MARK in pages[page], page
    study = pages["case-studies/marked-study/index.html"]
    assert re.search(r"<title>&lt;a style=", study)
    assert re.search(r'<meta name="description" content="&lt;a style=[^"]*&quot;q&quot;', study)
    # Search data and exports are data: the script and spreadsheets show them as text.
    fragments = [t for p, t in published.items() if "pagefind/fragment" in p]
    assert any('Cover</a> & \\"q\\"' in t or "Cover</a>" in t for t in fragments)


def test_withheld_person_appears_in_no_file_of_the_site(hostile) -> None:
    _area, site, warnings = hostile
    published = every_file(site)

    for text in published.values():
        assert "Wilhelmina" not in text and "Quartermaine" not in text
        assert WITHDRAWN_EMAIL not in text and "practitioners/wilhelmina" not in text
        assert "Bartholomew" not in text
    study = published["case-studies/names-them/index.html"]
    assert study.count("[name withheld]") >= 4
    assert "contact the partnership" in study
    assert "mailto:hello@partnership.example" in study
    assert any("bartholomew.md" in m and "status" in m for m in warnings)


def test_share_form_is_told_only_published_ids_and_fetches_them(hostile) -> None:
    _area, site, _ = hostile
    published = every_file(site)

    # A file of its own, so that a large area's share page stays light.
    taken = json.loads(published["data/taken-ids.json"])
    assert "ada-lovelace" in taken["practitioner"]
    assert "wilhelmina" not in taken["practitioner"]
    assert "bartholomew" not in taken["practitioner"]
    assert "marked-study" in taken["case-study"]
    share = published["share/index.html"]
    assert 'data-ak-taken="../data/taken-ids.json"' in share
    assert "ada-lovelace" not in share.split("data-ak-config=")[1].split(">")[0]


def test_share_form_offers_listed_people_only_from_a_file_of_its_own(hostile) -> None:
    _area, site, _ = hostile
    published = every_file(site)

    lists = json.loads(published["data/area-lists.json"])
    people = [value for value, _label in lists["practitioner"]]
    assert "ada-lovelace" in people
    assert "wilhelmina" not in people and "bartholomew" not in people
    # Drawn as text by the page's script, with the page's own grouping by locality.
    schools = {value: (label, group) for value, label, group in lists["school"]}
    assert schools["100009"] == (f"{MARK.replace(chr(39), '')} (100009)", MARK)
    share = published["share/index.html"]
    assert 'data-ak-lists="../data/area-lists.json"' in share
    assert "ada-lovelace" not in share and '<option value="100009"' not in share


def test_parsing_is_bounded_and_nothing_is_lost_silently(hostile) -> None:
    _, _, warnings = hostile

    assert any(
        m.startswith("content/case-studies/brackets.md:5: body: has 12000 '['") for m in warnings
    )
    assert any(
        m.startswith("content/case-studies/impact-twice.md:9: measure: is given twice")
        for m in warnings
    )


def test_the_hostile_area_fails_a_strict_build(hostile, tmp_path: Path) -> None:
    area, _, _ = hostile
    with pytest.raises(Abort()):
        build_site(area.root / "mkdocs.yml", tmp_path / "strict")


def test_odd_but_good_files_build_strictly(area: AreaWriter, tmp_path: Path, build_log) -> None:
    text = "---\ntitle: Crlf\nsummary: Windows line ends.\nthemes: [reading]\nschools: [100001]\n"
    text += "published: 2026-01-01\n---\n\nBody.\n"
    (area.content / "case-studies" / "crlf.md").write_bytes(
        b"\xef\xbb\xbf" + text.replace("\n", "\r\n").encode("utf-8")
    )
    area.case_study("enormous", body="word " * 150_000)
    area.case_study("ada-lovelace")
    area.practitioner("ada-lovelace")

    site = build_site(area.mkdocs_yml(), tmp_path / "site")

    assert build_log.at_least(logging.WARNING) == []
    assert (site / "case-studies" / "crlf" / "index.html").is_file()
    assert (site / "case-studies" / "ada-lovelace" / "index.html").is_file()
    assert (site / "practitioners" / "ada-lovelace" / "index.html").is_file()
    assert load_area(str(area.content)).problems == []
