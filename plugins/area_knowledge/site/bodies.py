"""A contributor's Markdown body, rendered and then sanitised against an allow-list.

The validator's messages help contributors; the guarantee is here. After
Python-Markdown has rendered a body, nh3 (the Ammonia sanitiser) keeps only the
elements and attributes below: no script, style, form or embedded content, no
style or event-handler attribute, and URLs only relative, `http`, `https` or
`mailto`. Links between pages are resolved here, to the page's served URL, or
dropped (their text kept) when they lead to nothing the site publishes; an
image must be one of the site's attachments, so that no request leaves the site.
People the site must not name are withheld from the result, attributes included.
"""

from __future__ import annotations

import posixpath
import re
from dataclasses import dataclass, field
from urllib.parse import urlsplit

import markdown
import nh3

from ..publishing.withholding import Mentions
from .urls import ATTACHMENTS, INDEX, served_url

EXTENSIONS = [
    "abbr",
    "admonition",
    "attr_list",
    "def_list",
    "fenced_code",
    "footnotes",
    "sane_lists",
    "tables",
    "toc",
]
TAGS = frozenset(
    [
        "a",
        "abbr",
        "b",
        "blockquote",
        "br",
        "caption",
        "code",
        "col",
        "colgroup",
        "dd",
        "del",
        "details",
        "dfn",
        "div",
        "dl",
        "dt",
        "em",
        "figcaption",
        "figure",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "hr",
        "i",
        "img",
        "ins",
        "kbd",
        "li",
        "mark",
        "ol",
        "p",
        "pre",
        "q",
        "s",
        "samp",
        "small",
        "span",
        "strong",
        "sub",
        "summary",
        "sup",
        "table",
        "tbody",
        "td",
        "tfoot",
        "th",
        "thead",
        "tr",
        "u",
        "ul",
        "var",
    ]
)
ATTRIBUTES = {
    "*": {"id"},
    "a": {"href", "title"},
    "abbr": {"title"},
    "img": {"src", "alt", "title", "width", "height"},
    "ol": {"start"},
    "li": {"value"},
    "td": {"colspan", "rowspan", "align"},
    "th": {"colspan", "rowspan", "align", "scope"},
    "details": {"open"},
}
ADMONITIONS = {"note", "abstract", "info", "tip", "success", "question", "warning"}
ADMONITIONS |= {"failure", "danger", "bug", "example", "quote"}
CLASSES = {
    "div": {"admonition", "footnote", *ADMONITIONS},
    "p": {"admonition-title"},
    "a": {"footnote-ref", "footnote-backref"},
    "sup": {"footnote-ref"},
    "hr": set(),
}
_NUMBER_ATTRIBUTES = frozenset({"width", "height", "colspan", "rowspan", "start", "value"})
_ALIGN = frozenset({"left", "right", "center"})
# Ids the theme and the site's own pages use are not a body's to take.
_ID = re.compile(r"^(?!md-|ak-|__)[A-Za-z][\w:.-]{0,80}$")
_H1 = re.compile(r"<(/?)h1\b")


@dataclass(frozen=True)
class LinkTargets:
    """What a body may link to: published pages, every page that exists, attachments."""

    pages: frozenset[str]
    known: frozenset[str]
    attachments: frozenset[str]
    directory_urls: bool = True


@dataclass
class RenderedBody:
    """A body as safe HTML, and what was wrong with its links."""

    html: str
    problems: list[str] = field(default_factory=list)
    # What a contributor should know but need not fix: a link kept as text, say.
    notes: list[str] = field(default_factory=list)


_markdown = markdown.Markdown(extensions=EXTENSIONS)


def render_body(text: str, here: str, targets: LinkTargets, mentions: Mentions) -> RenderedBody:
    """The body of the page `here` (a path like 'case-studies/x.md') as safe HTML."""
    problems: list[str] = []
    notes: list[str] = []
    try:
        rendered = _markdown.reset().convert(text)
    except (RecursionError, ValueError, IndexError) as error:
        # The bounds the validator applies make this unlikely; a page must never crash a build.
        return RenderedBody("", [f"cannot be rendered ({type(error).__name__}): simplify it"])

    def keep(tag: str, attribute: str, value: str) -> str | None:
        return _attribute(tag, attribute, value, here, targets, mentions, problems, notes)

    clean = nh3.clean(
        rendered,
        tags=set(TAGS),
        clean_content_tags={"script", "style", "template", "textarea", "title", "noscript"},
        attributes={tag: set(names) for tag, names in ATTRIBUTES.items()},
        attribute_filter=keep,
        url_schemes={"http", "https", "mailto"},
        allowed_classes={tag: set(names) for tag, names in CLASSES.items()},
        strip_comments=True,
        link_rel="noopener",
    )
    return RenderedBody(mentions.withhold_html(_H1.sub(r"<\1h2", clean)), problems, notes)


def _attribute(
    tag: str,
    attribute: str,
    value: str,
    here: str,
    targets: LinkTargets,
    mentions: Mentions,
    problems: list[str],
    notes: list[str],
) -> str | None:
    if attribute == "href" and tag == "a":
        return _link(value, here, targets, problems, notes)
    if attribute == "src":
        return _image(value, here, targets, problems)
    if attribute == "id":
        return value if _ID.match(value) else None
    if attribute in _NUMBER_ATTRIBUTES:
        return value if value.isdigit() and len(value) <= 5 else None
    if attribute == "align":
        return value if value in _ALIGN else None
    if attribute in ("title", "alt"):
        return mentions.withhold(value)
    return value


def _link(
    value: str, here: str, targets: LinkTargets, problems: list[str], notes: list[str]
) -> str | None:
    url = urlsplit(value)
    if url.scheme or url.netloc:
        return value  # http, https and mailto only: nh3 has dropped the rest
    if not url.path:
        return value  # '#section' on the same page
    target = _resolve(url.path, here, problems)
    if target is None:
        return None
    anchor = f"#{url.fragment}" if url.fragment else ""
    for page in (target, posixpath.join(target, INDEX)):
        if page in targets.pages:
            return served_url(here, page, targets.directory_urls) + anchor
        if page in targets.known:
            # A draft, or a person no longer listed: the text stays, unlinked.
            notes.append(
                f"links to '{value}', which is not published (a draft, or someone no longer "
                "listed): the link's words are shown without the link until it is"
            )
            return None
    attachment = _attachment(target, targets)
    if attachment:
        return served_url(here, attachment, targets.directory_urls)
    problems.append(f"links to '{value}', which is not a page or attachment of the site")
    return None


def _image(value: str, here: str, targets: LinkTargets, problems: list[str]) -> str | None:
    url = urlsplit(value)
    if url.scheme or url.netloc:
        problems.append(
            f"shows the image '{value[:80]}' from another site: no page may load anything "
            f"from elsewhere; add the image to content/{ATTACHMENTS}/ and show it from there"
        )
        return None
    target = _resolve(url.path, here, problems)
    attachment = _attachment(target, targets) if target else None
    if attachment is None:
        problems.append(f"shows '{value[:80]}', which is not an image in content/{ATTACHMENTS}/")
        return None
    return served_url(here, attachment, targets.directory_urls)


def _resolve(path: str, here: str, problems: list[str]) -> str | None:
    """A relative link's target as a path from the top of the site, or None if outside it."""
    if path.startswith("/"):
        problems.append(
            f"links to '{path}' from the top of a web server: write a relative link "
            "such as ../case-studies/other-case-study.md, which works wherever the site is"
        )
        return None
    target = posixpath.normpath(posixpath.join(posixpath.dirname(here), path))
    if target.startswith("../") or target == "..":
        problems.append(f"links to '{path}', which is outside the site")
        return None
    return target


def _attachment(target: str, targets: LinkTargets) -> str | None:
    folder, _, name = target.partition("/")
    return target if folder == ATTACHMENTS and name in targets.attachments else None
