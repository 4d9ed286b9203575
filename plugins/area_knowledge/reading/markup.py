"""Keeping contributors' Markdown from running script in a reader's browser.

Entries arrive by pull request from people outside the core team, and
Python-Markdown passes raw HTML through untouched. The body of an entry is
therefore read as Python-Markdown will read it: what it turns into code
(fenced blocks, inline code spans) is left alone, and everything else that
could carry script is reported on its line: dangerous elements, event-handler
attributes, and `javascript:`, `vbscript:` or `data:` URLs in links, images,
reference definitions, autolinks, HTML attributes and `{: attribute lists }`.

Where the renderer's reading is uncertain (an HTML comment, a `markdown`
attribute, an unusual fence or backtick), the check treats the text as live
rather than as code: a false alarm costs a contributor a minute, a miss costs
a reader.

The reading follows Python-Markdown 3 with MkDocs' built-in extensions and
those in this project's mkdocs.yml (attr_list, md_in_html, ...). An extension
that changes what counts as code or as a link (pymdownx.superfences,
pymdownx.magiclink) needs this module, and tests/test_safety.py, revisited.
"""

from __future__ import annotations

import html
import re
import string
from bisect import bisect_right
from collections import defaultdict
from html.parser import HTMLParser

from markdown.inlinepatterns import HTML_RE
from markdown.util import BLOCK_LEVEL_ELEMENTS

from ..contract.problems import Problem
from ..contract.schema import Kind

# Why each element is refused, as the end of the contributor's message.
FORBIDDEN_ELEMENTS: dict[str, str] = {
    "script": "a page cannot run a contributor's code in a reader's browser",
    "iframe": "it embeds another site in the page; link to it instead",
    "frame": "it embeds another site in the page; link to it instead",
    "frameset": "it embeds another site in the page; link to it instead",
    "object": "it embeds a program in the page; link to it instead",
    "embed": "it embeds a program in the page; link to it instead",
    "applet": "it embeds a program in the page; link to it instead",
    "style": "it restyles the whole site; use Markdown for headings and emphasis",
    "form": "it can send what readers type to another site; link to the form instead",
    "base": "it changes where every link on the page goes",
    "meta": "it can send readers to another site",
    "link": "it loads styles or scripts from elsewhere; write a link as [text](https://…)",
    "svg": "an SVG drawing can carry script; add the picture as a .png or .jpg image",
    "math": "MathML can carry script; write the formula as text or add it as an image",
}

# Attributes whose value the browser follows or loads as a URL.
URL_ATTRIBUTES = frozenset(
    {
        "href",
        "src",
        "action",
        "formaction",
        "srcset",
        "imagesrcset",
        "xlink:href",
        "poster",
        "background",
        "cite",
        "data",
        "codebase",
        "longdesc",
        "lowsrc",
        "dynsrc",
        "ping",
    }
)

DANGEROUS_SCHEMES = ("javascript:", "vbscript:", "data:")

# Event handlers browsers know, less their "on" (HTML, SVG, legacy). Markup is refused for
# any attribute starting with "on"; this list keeps the context-free backstop
# from taking prose such as "online=yes" for one.
EVENT_HANDLERS = frozenset(
    re.findall(
        r"[a-z]+",
        """
    abort activate afterprint afterupdate animationcancel animationend animationiteration
    animationstart auxclick beforeactivate beforecopy beforecut beforedeactivate
    beforeeditfocus beforeinput beforematch beforepaste beforeprint beforetoggle
    beforeunload beforeupdate begin blur bounce cancel canplay canplaythrough cellchange
    change click close contentvisibilityautostatechange contextlost contextmenu
    contextrestored controlselect copy cuechange cut dataavailable datasetchanged
    datasetcomplete dblclick deactivate drag dragend dragenter dragexit dragleave dragover
    dragstart drop durationchange emptied end ended error errorupdate filterchange finish
    focus focusin focusout formdata fullscreenchange fullscreenerror gotpointercapture
    hashchange help input invalid keydown keypress keyup languagechange layoutcomplete load
    loadeddata loadedmetadata loadend loadstart losecapture lostpointercapture message
    messageerror mousedown mouseenter mouseleave mousemove mouseout mouseover mouseup
    mousewheel move moveend movestart offline online pagehide pagereveal pageshow pageswap
    paste pause play playing pointercancel pointerdown pointerenter pointerleave pointermove
    pointerout pointerover pointerrawupdate pointerup popstate progress propertychange
    ratechange readystatechange rejectionhandled repeat reset resize resizeend resizestart
    rowenter rowexit rowsdelete rowsinserted scroll scrollend search
    securitypolicyviolation seeked seeking select selectionchange selectstart slotchange
    stalled start storage submit suspend timeupdate toggle touchcancel touchend touchmove
    touchstart transitioncancel transitionend transitionrun transitionstart
    unhandledrejection unload volumechange waiting wheel zoom
    """,
    )
)

# A line that starts with one of these opens a raw HTML block, where backticks mean nothing.
_BLOCK_LEVEL = frozenset(BLOCK_LEVEL_ELEMENTS)

# Python-Markdown passes each match of this through as raw HTML, wherever it is.
_INLINE_HTML = re.compile(HTML_RE, re.DOTALL)

_TAB_LENGTH = 4  # Python-Markdown's, which MkDocs keeps

# Python-Markdown's fence opening (FencedBlockPreprocessor), for one line.
_FENCE_OPENING = re.compile(
    r"(?P<fence>~{3,}|`{3,})[ ]*"
    r"(?:\{[^\n]*\}|\.?[\w#.+-]*[ ]*(?:hl_lines=(?P<quote>[\"'])[^\n]*?(?P=quote)[ ]*)?)"
)
# An hl_lines value that Python-Markdown may read across several lines.
_FENCE_UNSURE = re.compile(r"(?:~{3,}|`{3,})[ ]*\.?[\w#.+-]*[ ]*hl_lines=[\"']")
_BACKTICKS = re.compile(r"`+")
# Characters of a code span that could start a tag, an entity or link syntax.
_CODE_NEUTRAL = str.maketrans({c: "_" for c in "<>&[]()!"})
_LINK_TARGET = re.compile(r"\]\(")  # [text](url) and ![alt](url)
_REFERENCE_DEFINITION = re.compile(r"\]:")  # [label]: url
_AUTOLINK = re.compile(r"<(?=[A-Za-z])")  # <scheme:...>
# What a dangerous URL can start with: skipped characters, then j, v, d or an entity.
_MAYBE_DANGEROUS = re.compile(r"[\x00-\x20\x7f\\]*[jvdJVD&]")
_ENTITY = re.compile(r"&(?:#[0-9]+;?|#[xX][0-9a-fA-F]+;?|[A-Za-z][A-Za-z0-9]*;?)")
# A line with a '{' (attr_list reads from there to the line's last '}').
_ATTRIBUTE_LIST = re.compile(r"^[^\n{]*\{[^\n]*", re.MULTILINE)
_ATTRIBUTE_LIST_HANDLER = re.compile(r"(?:^|[\s{:])(on[^\s=}{:]*)\s*=", re.IGNORECASE)
_ATTRIBUTE_LIST_URL = re.compile(
    r"(?:^|[\s{:])(" + "|".join(sorted(map(re.escape, URL_ATTRIBUTES))) + r")\s*=\s*[\"']?",
    re.IGNORECASE,
)
# A tag without attributes: unless its name is refused, it cannot carry script.
_PLAIN_TAG = re.compile(r"</?([A-Za-z][A-Za-z0-9]*)>")
# What makes a tag worth reading closely: a refused name, or an attribute that matters.
_WORTH_READING = re.compile(
    r"^</?(?:"
    + "|".join(FORBIDDEN_ELEMENTS)
    + r")\b|[\s/\"'](?:on|"
    + "|".join(sorted(map(re.escape, URL_ATTRIBUTES)))
    + ")",
    re.IGNORECASE,
)
# The same, token by token, whatever surrounds them: a backstop for where
# html.parser, Python-Markdown and browsers disagree on where a tag ends.
_ELEMENT = re.compile(r"<([A-Za-z][^\t\n\r\f />\x00]*)")
_HANDLER = re.compile(r"(?<=[\s/\"'])on([a-z]+)\s*=", re.IGNORECASE)
_VENDOR_HANDLER = re.compile(r"(?:webkit|moz|ms)[a-z]+")
_URL_ATTRIBUTE = re.compile(
    r"(?<=[\s/\"'])(" + "|".join(sorted(map(re.escape, URL_ATTRIBUTES))) + r")\s*=\s*[\"']?",
    re.IGNORECASE,
)
_TEXT_SCHEME = re.compile(
    r"\b(?:(javascript|vbscript):(?=\S)|(data):(?:,|[a-z-]+/[a-z0-9.+-]+[;,]))", re.IGNORECASE
)
_URL_WITH_SCHEME = re.compile(r"[A-Za-z][A-Za-z0-9+.-]*:\S*")
_FOLLOWABLE_LINK = re.compile(r"(?:https?://|mailto:)\S+", re.IGNORECASE)


def markup_problems(body: str, path: str, first_line: int) -> list[Problem]:
    """Problems for markup in an entry's Markdown body that could run script.

    `first_line` is the line of the file on which the body starts.
    """
    text = _as_markdown_reads(body)
    lines = text.split("\n")
    fenced, openings = fenced_blocks(lines)
    live = [" " * len(line) if fenced[i] else line for i, line in enumerate(lines)]
    raw = _raw_html_lines(live)
    shown, blanked = _mask_code_spans(live, raw)
    live_text = "\n".join(live)
    shown_text = "\n".join(shown)
    starts = _line_starts(shown_text)

    findings: set[tuple[int, str]] = set()
    for line, message in _html_findings(shown_text, "\n".join(blanked)):
        findings.add((line, message))
    for index, message in _markdown_url_findings(shown_text, live_text):
        findings.add((bisect_right(starts, index) + 1, message))
    for attributes in _ATTRIBUTE_LIST.finditer(live_text):
        for message in _attribute_list_findings(attributes.group()):
            findings.add((bisect_right(starts, attributes.start()) + 1, message))
    for index in openings:
        for message in _attribute_list_findings(lines[index]):
            findings.add((index + 1, message))
    return [
        Problem(path, first_line + line - 1, "body", message) for line, message in sorted(findings)
    ]


def text_problems(value: str, kind: Kind = Kind.TEXT) -> str | None:
    """A message if a front-matter text holds markup or a URL that could run script.

    The site escapes these fields, so nothing would run; the contributor is told
    all the same. With `Kind.TEXT_OR_URL` (a hub's `join`), a value written as a
    URL must be one readers can follow: https://, http:// or mailto:.
    """
    for _, message in sorted(_html_findings(value, value, in_text=True)):
        return message
    found = _TEXT_SCHEME.search(value)
    if found:
        return _scheme_message((found.group(1) or found.group(2)).lower() + ":", "")
    link = value.strip()
    if (
        kind is Kind.TEXT_OR_URL
        and _URL_WITH_SCHEME.fullmatch(link)
        and not _FOLLOWABLE_LINK.fullmatch(link)
    ):
        return (
            f"'{link[:60]}' is not a link readers can follow: "
            "write a web address (https://…) or an e-mail link (mailto:…)"
        )
    return None


def _as_markdown_reads(body: str) -> str:
    """The body as Python-Markdown sees it (NormalizeWhitespace), line for line."""
    text = body.replace("\x02", "").replace("\x03", "")
    text = text.replace("\r\n", "\n").replace("\r", "\n").expandtabs(_TAB_LENGTH)
    return re.sub(r"(?m)^ +$", "", text)


def _line_starts(text: str) -> list[int]:
    """Offsets of the start of every line after the first: bisect gives a 1-based line."""
    return [match.end() for match in re.finditer("\n", text)]


def fenced_blocks(lines: list[str]) -> tuple[list[bool], list[int]]:
    """Which lines Python-Markdown turns into fenced code, and the opening lines.

    Found as its FencedBlockPreprocessor finds them: an opening at the start of
    a line, closed by the same fence on a line of its own.
    """
    fences = [i for i, line in enumerate(lines) if line.startswith(("```", "~~~"))]
    closings: dict[str, list[int]] = defaultdict(list)
    for index in fences:
        stripped = lines[index].rstrip(" ")
        if stripped == stripped[0] * len(stripped):
            closings[stripped].append(index)
    fenced = [False] * len(lines)
    openings: list[int] = []
    next_free = 0
    for index in fences:
        if index < next_free:
            continue
        opening = _FENCE_OPENING.fullmatch(lines[index])
        if opening is None:
            if _FENCE_UNSURE.match(lines[index]):
                break  # the renderer may read on past this line: treat the rest as live
            continue
        candidates = closings.get(opening.group("fence"), [])
        after = bisect_right(candidates, index)
        if after == len(candidates):
            continue
        closing = candidates[after]
        openings.append(index)
        fenced[index : closing + 1] = [True] * (closing + 1 - index)
        next_free = closing + 1
    return fenced, openings


class _RawHtmlBlocks(HTMLParser):
    """Lines Python-Markdown may pass through as raw HTML, where code spans are not code.

    Follows its HTMLExtractor: a block-level start tag at the start of a line
    opens a block that ends with the line of the end tag that empties the stack,
    plus the rest of that line. It errs on the side of more raw lines.
    """

    def __init__(self, lines: list[str]) -> None:
        super().__init__(convert_charrefs=False)
        self.lines = lines
        self.text = "\n".join(lines)
        self.starts = [0, *_line_starts(self.text)]
        self.stack: list[str] = []
        self.opened = 0
        self.in_tail = False
        self.tail_from = 0
        self.spans: list[tuple[int, int]] = []
        self.unsure = False

    def _here(self) -> int:
        return self.getpos()[0] - 1

    def _at_line_start(self) -> bool:
        line, offset = self.getpos()
        return self.lines[line - 1][:offset].strip() == ""

    def _tail(self) -> None:
        if self.in_tail:
            self.spans.append((self.tail_from, self._here()))

    def _close_block(self, last: int) -> None:
        self.spans.append((self.opened, last))
        self.in_tail = True
        self.tail_from = last

    def _note(self, attrs: list[tuple[str, str | None]]) -> None:
        # md_in_html parses what such an element holds by other rules.
        if any(name == "markdown" for name, _ in attrs):
            self.unsure = True

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._note(attrs)
        self._tail()
        if self.stack:
            self.stack.append(tag)
        elif tag in _BLOCK_LEVEL and (self.in_tail or self._at_line_start()):
            self.opened = self._here()
            if tag == "hr":
                self._close_block(self.opened)
            else:
                self.stack = [tag]

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._note(attrs)
        self._tail()
        if not self.stack and tag in _BLOCK_LEVEL and (self.in_tail or self._at_line_start()):
            self.opened = self._here()
            self._close_block(self.opened)

    def handle_endtag(self, tag: str) -> None:
        self._tail()
        line, offset = self.getpos()
        at = self.starts[line - 1] + offset
        # Python-Markdown reads '</' followed by anything but a letter as text.
        if not self.stack or self.text[at + 2 : at + 3] not in string.ascii_letters:
            return
        if tag in self.stack:
            while self.stack.pop() != tag:
                pass
        if not self.stack:
            end = self.text.find(">", at)
            self._close_block(bisect_right(self.starts, end if end >= 0 else at) - 1)

    def handle_data(self, data: str) -> None:
        if self.in_tail and "\n" in data:
            self.spans.append((self.tail_from, self._here()))
            self.in_tail = False

    def set_cdata_mode(self, elem: str, *, escapable: bool = False) -> None:
        # Outside a raw block Python-Markdown reads on after <script> (it may be in a code span).
        if not self.stack:
            return
        if escapable:
            super().set_cdata_mode(elem, escapable=True)
        else:
            super().set_cdata_mode(elem)

    def raw_lines(self) -> list[bool] | None:
        """Which lines may be raw HTML, or None when the reading is too uncertain."""
        if self.unsure:
            return None
        last = len(self.lines) - 1
        if self.stack:
            self.spans.append((self.opened, last))
        if self.in_tail:
            self.spans.append((self.tail_from, last))
        change = [0] * (len(self.lines) + 1)
        for first, final in self.spans:
            change[first] += 1
            change[final + 1] -= 1
        raw, depth = [], 0
        for index in range(len(self.lines)):
            depth += change[index]
            raw.append(depth > 0)
        return raw


def _raw_html_lines(lines: list[str]) -> list[bool] | None:
    """Lines that may be raw HTML; None if code spans cannot be trusted anywhere."""
    text = "\n".join(lines)
    if "`" not in text:
        return [False] * len(lines)
    # Comments, declarations and processing instructions are read differently by
    # Python-Markdown, html.parser and browsers.
    if "<!" in text or "<?" in text:
        return None
    parser = _RawHtmlBlocks(lines)
    parser.feed(text)
    parser.close()
    return parser.raw_lines()


def _code_spans(line: str) -> list[tuple[int, int, int]] | None:
    """(start, end, fence length) of each code span, or None if the line is ambiguous.

    Only a line whose backtick runs pair off in order, each pair of equal
    length and none escaped, is read the same by Python-Markdown whatever the
    paragraph around it: there the pairs are exactly its code spans.
    """
    if "`" not in line:
        return []
    runs = [(m.start(), m.end()) for m in _BACKTICKS.finditer(line)]
    if len(runs) % 2 or any(start and line[start - 1] == "\\" for start, _ in runs):
        return None
    spans = []
    for (start, opened), (closing, end) in zip(runs[::2], runs[1::2], strict=True):
        if opened - start != end - closing:
            return None
        spans.append((start, end, opened - start))
    return spans


def _mask_code_spans(lines: list[str], raw: list[bool] | None) -> tuple[list[str], list[str]]:
    """The lines with code spans neutralised where they are certainly code, and blanked.

    A code span's text can still end up in a URL or inside a tag (Python-Markdown
    puts it there), so the first only neutralises what it escapes: `<`, `>`, `&`,
    and the link syntax that cannot start inside a code span. The second blanks
    code spans out, for the backstop that reads tokens without their context.
    """
    if raw is None or not any("`" in line for line in lines):
        return list(lines), list(lines)
    masked = list(lines)
    blanked = list(lines)
    index = 0
    while index < len(lines):
        if lines[index].strip(" ") == "":
            index += 1
            continue
        end = index
        while end < len(lines) and lines[end].strip(" ") != "":
            end += 1
        paragraph = range(index, end)
        spans = [_code_spans(lines[i]) for i in paragraph]
        trusted = all(s is not None for s in spans) and not any(
            raw[i] and "`" in lines[i] for i in paragraph
        )
        if trusted:
            for i, line_spans in zip(paragraph, spans, strict=True):
                if raw[i] or not line_spans:
                    continue
                line = lines[i]
                pieces, blanks, at = [], [], 0
                for start, stop, fence in line_spans:
                    content = line[start + fence : stop - fence].translate(_CODE_NEUTRAL)
                    pieces += [line[at:start], " " * fence, content, " " * fence]
                    blanks += [line[at:start], " " * (stop - start)]
                    at = stop
                masked[i] = "".join([*pieces, line[at:]])
                blanked[i] = "".join([*blanks, line[at:]])
        index = end
    return masked, blanked


class _MarkupChecker(HTMLParser):
    """Reports dangerous elements and attributes, reading on through every element."""

    def __init__(self, *, in_text: bool) -> None:
        super().__init__(convert_charrefs=False)
        self.in_text = in_text
        self.findings: list[tuple[int, str]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._check(tag, attrs)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._check(tag, attrs)

    def set_cdata_mode(self, elem: str, *, escapable: bool = False) -> None:
        """Read the inside of <script> and <style> as markup too, so that all is reported."""

    def _check(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        line = self.getpos()[0]
        if tag in FORBIDDEN_ELEMENTS:
            self.findings.append((line, _element_message(tag, in_text=self.in_text)))
        source = self.get_starttag_text() or ""
        for name, value in attrs:
            if name.startswith("on"):
                self.findings.append((self._line_of(name, source, line), _handler_message(name)))
            elif name in URL_ATTRIBUTES and value:
                candidates = value.split(",") if name.endswith("srcset") else [value]
                for candidate in candidates:
                    found = _dangerous_scheme(candidate, 0, decode=False)
                    if found:
                        where = self._line_of(name, source, line)
                        self.findings.append((where, _scheme_message(found[0], f"{name}=")))

    @staticmethod
    def _line_of(name: str, source: str, line: int) -> int:
        at = re.search(r"(?:^|[\s/\"'])" + re.escape(name), source, re.IGNORECASE)
        return line + source[: at.start()].count("\n") if at else line


def _html_findings(shown: str, blanked: str, *, in_text: bool = False) -> list[tuple[int, str]]:
    """(line, message) for dangerous HTML, read three ways.

    `shown` has its code spans neutralised, `blanked` has them blanked out. It is
    read as a browser reads a raw HTML block; tag by tag as Python-Markdown picks
    raw tags out of a paragraph; and token by token, for where the readers
    disagree on where a tag ends (a quote left open, a tag cut off).
    """
    if "<" not in shown:
        return []
    # Comments, CDATA and declarations end differently in browsers and in
    # html.parser; read what they hold as markup instead. A '<' that opens no
    # tag is text to both, and cheaper to read as such.
    text = re.sub(r"<(?![A-Za-z/])", "_", shown)
    checker = _MarkupChecker(in_text=in_text)
    # A tag left open at the end is closed by whatever the page has next.
    checker.feed(_PLAIN_TAG.sub(_blank_plain_tag, text) + "\n\"'>")
    checker.close()
    findings = checker.findings
    starts = _line_starts(text)
    # Matched at every '<', overlapping: Python-Markdown reads each paragraph on
    # its own, so a tag that swallows the next one here may not do so there.
    for opening in re.finditer("<", text):
        tag = _INLINE_HTML.match(text, opening.start())
        if tag is None or not _WORTH_READING.search(tag.group()):
            continue
        alone = _MarkupChecker(in_text=in_text)
        alone.feed(tag.group())
        alone.close()
        line = bisect_right(starts, tag.start())
        findings += [(line + inner, message) for inner, message in alone.findings]
    first_tag = _ELEMENT.search(blanked)
    if first_tag is None:
        return findings
    for element in _ELEMENT.finditer(blanked, first_tag.start()):
        name = element.group(1).lower()
        if name in FORBIDDEN_ELEMENTS:
            line = bisect_right(starts, element.start()) + 1
            findings.append((line, _element_message(name, in_text=in_text)))
    for handler in _HANDLER.finditer(blanked, first_tag.start()):
        event = handler.group(1).lower()
        if event in EVENT_HANDLERS or _VENDOR_HANDLER.fullmatch(event):
            line = bisect_right(starts, handler.start()) + 1
            findings.append((line, _handler_message("on" + event)))
    for attribute in _URL_ATTRIBUTE.finditer(blanked, first_tag.start()):
        if not _MAYBE_DANGEROUS.match(blanked, attribute.end()):
            continue
        found = _dangerous_scheme(blanked, attribute.end(), decode=True)
        if found:
            line = bisect_right(starts, found[1]) + 1
            where = f"{attribute.group(1).lower()}="
            findings.append((line, _scheme_message(found[0], where)))
    return findings


def _blank_plain_tag(tag: re.Match[str]) -> str:
    return tag.group() if tag.group(1).lower() in FORBIDDEN_ELEMENTS else "_" * len(tag.group())


def _markdown_url_findings(shown: str, live: str) -> list[tuple[int, str]]:
    """(offset, message) for dangerous URLs in Markdown links, images and autolinks.

    Reference definitions are read in `live`, with code spans intact, because
    Python-Markdown reads them before it knows about code spans.
    """
    findings = []
    for text, opener, is_autolink in (
        (shown, _LINK_TARGET, False),
        (live, _REFERENCE_DEFINITION, False),
        (shown, _AUTOLINK, True),
    ):
        for match in opener.finditer(text):
            start = match.end()
            if not is_autolink:
                while start < len(text) and text[start] in " \n":
                    start += 1
                if text.startswith("<", start):  # [text](<url>)
                    start += 1
            if not _MAYBE_DANGEROUS.match(text, start):
                continue
            found = _dangerous_scheme(text, start, decode=True)
            if found:
                findings.append((found[1], _scheme_message(found[0], "")))
    return findings


def _attribute_list_findings(text: str) -> list[str]:
    """Messages for `{: onclick=… href=…}`: attr_list puts these on the element itself."""
    opening, closing = text.find("{"), text.rfind("}")
    if opening < 0 or closing < opening:
        return []
    attributes = text[opening : closing + 1]
    messages = [
        _handler_message(m.group(1).lower()) for m in _ATTRIBUTE_LIST_HANDLER.finditer(attributes)
    ]
    for match in _ATTRIBUTE_LIST_URL.finditer(attributes):
        found = _dangerous_scheme(attributes, match.end(), decode=True)
        if found:
            messages.append(_scheme_message(found[0], f"{match.group(1).lower()}="))
    return messages


def _dangerous_scheme(text: str, start: int, *, decode: bool) -> tuple[str, int] | None:
    """(scheme, offset) if the URL at `start` is javascript:, vbscript: or data:.

    Reads as a browser does, and then some: entities decoded (when `decode`),
    whitespace, control characters and backslashes skipped, case ignored. It
    stops at the first character that no dangerous scheme could continue with,
    so that scanning every candidate URL stays linear.
    """
    prefix = ""
    first = -1
    index = start
    while index < len(text):
        at = index
        entity = _ENTITY.match(text, index) if decode and text[index] == "&" else None
        if entity:
            characters = html.unescape(entity.group())
            index = entity.end()
        else:
            characters = text[index]
            index += 1
        for character in characters:
            if character <= " " or character in "\x7f\\":
                continue
            if first < 0:
                first = at
            prefix += character.lower()
            if prefix in DANGEROUS_SCHEMES:
                return prefix, first
            if not any(scheme.startswith(prefix) for scheme in DANGEROUS_SCHEMES):
                return None
    return None


def _element_message(tag: str, *, in_text: bool) -> str:
    if in_text:
        return f"<{tag}> is not allowed: write plain text; {FORBIDDEN_ELEMENTS[tag]}"
    return (
        f"<{tag}> is not allowed in content: remove it; {FORBIDDEN_ELEMENTS[tag]} "
        f"(to show it as an example, put it in backticks: `<{tag}>`)"
    )


def _handler_message(name: str) -> str:
    return (
        f"{name}= is not allowed: event handlers run code in a reader's browser; "
        "remove the attribute"
    )


def _scheme_message(scheme: str, attribute: str) -> str:
    where = f" (in {attribute})" if attribute else ""
    if scheme == "data:":
        return (
            f"data: URLs are not allowed{where}: link to a web page (https://…), "
            "or add the file to the site and link to it"
        )
    return f"{scheme} links are not allowed{where}: link to a web page (https://…) instead"
