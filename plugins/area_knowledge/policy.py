"""The Content-Security-Policy of every page: only scripts the site ships may run.

GitHub Pages cannot send headers, so the policy travels in a `<meta>` tag.
Material writes a few inline scripts whose text depends on the page's depth;
each is allowed by its hash. Scripts inside a page's content are contributors'
and are never hashed, so even one that slipped past validation cannot run.
"""

from __future__ import annotations

import base64
import hashlib
from html.parser import HTMLParser

# What the theme template writes where the policy goes, replaced after rendering.
PLACEHOLDER = "area-knowledge-content-security-policy"

_SCRIPT_TYPES = {"", "text/javascript", "module", "application/javascript"}


class _InlineScripts(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=False)
        self.scripts: list[str] = []
        self._collecting = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attributes = dict(attrs)
        kind = (attributes.get("type") or "").strip().lower()
        if tag == "script" and "src" not in attributes and kind in _SCRIPT_TYPES:
            self._collecting = True
            self.scripts.append("")

    def handle_endtag(self, tag: str) -> None:
        if tag == "script":
            self._collecting = False

    def handle_data(self, data: str) -> None:
        if self._collecting:
            self.scripts[-1] += data


def script_hashes(html: str) -> list[str]:
    """CSP hash sources of the inline scripts in `html`, in order, each once."""
    parser = _InlineScripts()
    parser.feed(html)
    hashes = (
        "'sha256-" + base64.b64encode(hashlib.sha256(s.encode("utf-8")).digest()).decode() + "'"
        for s in parser.scripts
    )
    return list(dict.fromkeys(hashes))


def content_security_policy(theme_html: str) -> str:
    """The policy for a page whose HTML, its content taken out, is `theme_html`."""
    scripts = " ".join(["'self'", "'wasm-unsafe-eval'", *script_hashes(theme_html)])
    return "; ".join(
        (
            "default-src 'self'",
            # Pagefind's index is read by WebAssembly.
            f"script-src {scripts}",
            "style-src 'self' 'unsafe-inline'",
            "img-src 'self' data:",
            "font-src 'self'",
            "connect-src 'self'",
            "object-src 'none'",
            "frame-src 'none'",
            "base-uri 'self'",
            "form-action 'self'",
        )
    )
