"""The Content-Security-Policy of every page: only scripts the site ships may run.

GitHub Pages cannot send headers, so the policy travels in a `<meta>` tag,
put first in every page's `<head>`. The theme writes a few inline scripts;
each is allowed by its hash, taken from a page the theme renders with no
contributor text in it (the 404 page), never from the page being published.
The finishing step then refuses any page holding an inline script, an event
handler or a `javascript:` URL that the theme did not write.
"""

from __future__ import annotations

import base64
import hashlib
import re

# An inline script as the theme writes it; `src` or a data `type` makes it no script to hash.
_INLINE_SCRIPT = re.compile(r"<script(?P<attributes>[^>]*)>(?P<code>.*?)</script>", re.S)
_NOT_CODE = re.compile(r"""\bsrc\s*=|\btype\s*=\s*["']?(?!text/javascript|module)""", re.I)
# Found by a literal first, then checked where they are: far faster over large pages.
_HANDLER = re.compile(r"on[a-z]+\s*=")
_SCHEME = re.compile(r"(?:javascript|vbscript|data):")
_URL_ATTRIBUTE = re.compile(r"""(?:href|src|action|formaction)\s*=\s*["']?\s*$""")
_HEAD = re.compile(r"<head\b[^>]*>(?:\s*<meta charset=[^>]*>)?", re.I)


def script_hashes(html: str) -> list[str]:
    """CSP hash sources of the inline scripts in `html`, in order, each once."""
    hashes = (
        _hash(m["code"])
        for m in _INLINE_SCRIPT.finditer(html)
        if not _NOT_CODE.search(m["attributes"])
    )
    return list(dict.fromkeys(hashes))


def _hash(code: str) -> str:
    return (
        "'sha256-" + base64.b64encode(hashlib.sha256(code.encode("utf-8")).digest()).decode() + "'"
    )


def content_security_policy(hashes: list[str], *, preview: bool = False) -> str:
    """The policy of every page, allowing the theme's own inline scripts by their hashes.

    In a preview, the engine's live-reload script differs on every request, so
    inline scripts are allowed there, and only there; bodies are sanitised
    whatever the policy.
    """
    inline = ["'unsafe-inline'"] if preview else hashes
    scripts = " ".join(["'self'", "'wasm-unsafe-eval'", *inline])
    return "; ".join(
        (
            "default-src 'self'",
            # Pagefind's index is read by WebAssembly.
            f"script-src {scripts}",
            "style-src 'self' 'unsafe-inline'",
            "img-src 'self' data:",
            "font-src 'self'",
            "connect-src 'self'" + (" ws: wss:" if preview else ""),
            "object-src 'none'",
            "frame-src 'none'",
            "base-uri 'self'",
            "form-action 'self'",
        )
    )


def with_policy(page: str, policy: str) -> str | None:
    """The page with the policy first in its `<head>`; None if it has no `<head>`."""
    head = _HEAD.search(page)
    if head is None:
        return None
    tag = f'<meta http-equiv="Content-Security-Policy" content="{policy}">'
    return page[: head.end()] + tag + page[head.end() :]


def foreign_script(page: str, allowed: frozenset[str]) -> str | None:
    """What in the page could run that the theme did not write, or None.

    The page is searched in lower case without IGNORECASE, which is many times
    faster; the theme writes `<script>` in lower case, so any other case is foreign.
    """
    lowered = page.lower()
    scripts = list(_INLINE_SCRIPT.finditer(page))
    if lowered.count("<script") != len(scripts):
        return "a <script> element the theme did not write"
    for match in scripts:
        if not _NOT_CODE.search(match["attributes"]) and _hash(match["code"]) not in allowed:
            return f"an inline script the theme did not write: {match['code'][:60]!r}"
    for handler in _HANDLER.finditer(lowered):
        # Only an attribute inside a tag: "turn on = off" in text is none.
        before = lowered[handler.start() - 1 : handler.start()]
        attribute = before.isspace() or before in ("/", '"', "'")
        if attribute and _in_tag(lowered, handler.start()):
            return f"an event handler: {lowered[handler.start() : handler.end() + 40]!r}"
    for scheme in _SCHEME.finditer(lowered):
        url = _URL_ATTRIBUTE.search(lowered, max(0, scheme.start() - 30), scheme.start())
        if url and _in_tag(lowered, scheme.start()):
            return f"a script URL: {lowered[scheme.start() : scheme.end() + 40]!r}"
    return None


def _in_tag(page: str, at: int) -> bool:
    return page.rfind("<", 0, at) > page.rfind(">", 0, at)
