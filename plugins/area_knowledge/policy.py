"""The Content-Security-Policy of every page: only scripts the site ships may run.

GitHub Pages cannot send headers, so the policy travels in a `<meta>` tag.
Material writes a few inline scripts whose text depends on the page's depth;
each is allowed by its hash. Scripts inside a page's content are contributors'
and are never hashed, so even one that slipped past validation cannot run.
"""

from __future__ import annotations

import base64
import hashlib
import re

# What the theme template writes where the policy goes, replaced after rendering.
PLACEHOLDER = "area-knowledge-content-security-policy"

# An inline script as the theme writes it. The theme's HTML is well formed and
# holds no contributor text (the page's content is taken out first), so one
# pattern finds them all, far faster than an HTML parser on thousands of pages.
_INLINE_SCRIPT = re.compile(r"<script(?P<attributes>[^>]*)>(?P<code>.*?)</script>", re.S | re.I)
_NOT_CODE = re.compile(r"""\bsrc\s*=|\btype\s*=\s*["']?(?!text/javascript|module)""", re.I)


def script_hashes(html: str) -> list[str]:
    """CSP hash sources of the inline scripts in `html`, in order, each once."""
    hashes = (
        "'sha256-"
        + base64.b64encode(hashlib.sha256(m["code"].encode("utf-8")).digest()).decode()
        + "'"
        for m in _INLINE_SCRIPT.finditer(html)
        if not _NOT_CODE.search(m["attributes"])
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
