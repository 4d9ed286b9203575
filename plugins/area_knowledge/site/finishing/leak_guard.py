"""The last check before a site is published: no file names anyone the site must not.

Every file of the built site is read (Pagefind's compressed index and
fragments decompressed, feeds, exports and the sitemap included) and searched
for the names and addresses of withheld people, and for links to where their
pages would be. Finding one stops the build: the rules of `publishing/` should
make that impossible, and this proves it on what is actually published.
"""

from __future__ import annotations

import contextlib
import hashlib
import html
import os
import posixpath
import re
import zlib
from collections.abc import Iterator
from dataclasses import dataclass

from ...parallel import forked_map
from ...publishing.withholding import Mentions, any_of, unquoted
from ...reading.attachment_pdf import Refused, pdf_text

# Files found clean, by their path in the site: what each held then (`digest`).
Vouched = dict[str, bytes]

_TEXT = frozenset({".html", ".xml", ".json", ".csv", ".txt", ".js", ".css", ".svg", ".md"})
# A compressed file is read up to this much: an index chunk is far smaller.
_MAX_INFLATED = 50_000_000


@dataclass(frozen=True)
class Leak:
    path: str
    what: str

    def __str__(self) -> str:
        return f"{self.path}: names {self.what}, whom the site must not show"


class Guard:
    """What no file may hold: the withheld people's names and addresses, links to their pages."""

    def __init__(self, mentions: Mentions, withheld_pages: tuple[str, ...]) -> None:
        self.mentions = mentions
        self.pages = _PageLinks(withheld_pages) if withheld_pages else None

    def __bool__(self) -> bool:
        return bool(self.mentions) or self.pages is not None

    def check(self, shown: str, text: str) -> list[Leak]:
        """What in one file's text (`shown` by its path) names someone it must not."""
        found = [Leak(shown, repr(name)) for name in dict.fromkeys(self.mentions.named_in(text))]
        link = self.pages.search(text, shown) if self.pages is not None else None
        if link:
            found.append(Leak(shown, f"the page {link!r}"))
        return found


def leaks(
    site_dir: str,
    mentions: Mentions,
    withheld_pages: tuple[str, ...],
    folder: str = "",
    skip: tuple[str, ...] | str = (),
    checked: frozenset[str] = frozenset(),
    only: frozenset[str] | None = None,
    vouched: Vouched | None = None,
    shipped: frozenset[bytes] = frozenset(),
) -> list[Leak]:
    """Every file under `site_dir` (or its `folder`, less `skip` and the files `checked`
    already; of the files `only`, if given) that names a withheld person or links to
    their page. A file `vouched` for is read again only if it has changed since; one
    `shipped` (by its digest) as an installed theme holds it is not read: no content
    reaches it, and its credits name its authors."""
    guard = Guard(mentions, withheld_pages)
    if not guard:
        return []
    files = [
        (path, shown)
        for path in _paths(os.path.join(site_dir, folder), skip)
        if (shown := os.path.relpath(path, site_dir).replace(os.sep, "/")) not in checked
        and (only is None or shown in only)
    ]

    clean = vouched or {}

    def check(file: tuple[str, str]) -> list[Leak]:
        with open(file[0], "rb") as stream:
            data = stream.read()
        held = digest(data)
        if (file[1] in clean and clean[file[1]] == held) or held in shipped:
            return []
        return guard.check(file[1], text_of(file[0], data))

    return [leak for found in forked_map(check, files) for leak in found]


# An attribute's value holding an entity, a percent-escape, or a tab or line break (which a
# browser takes out of a link).
_ESCAPED_VALUE = re.compile(
    r"""=\s*(?:"([^"%&\t\n\r]*[%&\t\n\r][^"]*)"|'([^'%&\t\n\r]*[%&\t\n\r][^']*)'"""
    r"""|([^\s"'=<>`%&]*[%&][^\s"'=<>`]*))"""
)
# What ends a link, as a browser reads one: a space, a quote, a bracket.
_LINK_END = re.compile(r"""[\s"'<>()`=]""")
# How far back from a withheld page's id its link is looked for.
_MOST_BEHIND = 2000
# Before a link's path: its scheme and host ("https://example.org", "//example.org").
_ORIGIN = re.compile(r"(?:[a-z][a-z0-9+.-]*:)?//[^/]*|[a-z][a-z0-9+.-]*:", re.I)
_TAB_OR_BREAK = re.compile(r"[\t\n\r]")


class _PageLinks:
    """Links to where withheld pages would be: written whole ("practitioners/jd17"), with
    steps a browser takes out ("practitioners/./jd17", "practitioners\\jd17"), or, in
    the folder of such pages, relative to the file ("jd17/", "../jd17")."""

    def __init__(self, withheld_pages: tuple[str, ...]) -> None:
        self.ids: dict[str, set[str]] = {}
        for page in withheld_pages:
            folder, _, entry_id = page.rpartition("/")
            self.ids.setdefault(folder, set()).add(entry_id)
        self.pattern = re.compile(
            "|".join(rf"{re.escape(folder)}/([a-z0-9-]+)" for folder in self.ids) or "$^"
        )
        # A folder's name before anything but a plain link ("practitioners/amara/"): its
        # link is resolved, as a browser would, to find the page it leads to.
        self.unplain = re.compile(
            "|".join(
                rf"{re.escape(folder)}(?=[/\\])(?!/[a-z0-9-]*/?[\s\"'<>()`#?,])"
                for folder in self.ids
            )
        )
        self.folders: dict[str, list[str]] = {}
        for folder, ids in self.ids.items():
            for entry_id in ids:
                self.folders.setdefault(entry_id, []).append(folder)
        # In a folder of withheld pages, a link to one need not name the folder: an id
        # after an attribute's '=', a bracket or a slash (not a closing tag's).
        self.id_pattern = re.compile(
            rf"""[=/\\(,](?<!</)\s*["']?((?:{any_of(self.folders)}))(?![\w-])"""
        )

    def search(self, text: str, shown: str = "") -> str | None:
        """The first link to a withheld page in the text of the file `shown`, as written
        or as a browser reads it: unescaped, then its percent-escapes decoded
        ("jane-d&#37;6Fe" is "jane-doe"), and resolved from where the file is."""
        here = posixpath.dirname(shown)
        found = self._search(text) or self._resolving(self.unplain, text, here)
        if found is None and any(f"/{here}/".startswith(f"/{f}/") for f in self.ids):
            found = self._resolving(self.id_pattern, text, here)
        for double, single, bare in _ESCAPED_VALUE.findall(text) if found is None else ():
            value = _TAB_OR_BREAK.sub("", unquoted(html.unescape(double or single or bare)))
            found = self._search(value) or self._resolved(value.strip(), here)
            if found is not None:
                break
        return found

    def _search(self, text: str) -> str | None:
        for match in self.pattern.finditer(text):
            entry_id = next(group for group in match.groups() if group is not None)
            folder = match.group()[: -len(entry_id) - 1]
            if entry_id in self.ids.get(folder, ()):
                return match.group()
        return None

    def _resolving(self, pattern: re.Pattern[str], text: str, here: str) -> str | None:
        """A withheld page that a link around a match of `pattern` leads to, in a file in
        the folder `here`."""
        for hit in pattern.finditer(text):
            at = hit.start(hit.lastindex or 0)
            behind = text[max(0, at - _MOST_BEHIND) : at][::-1]
            before, after = _LINK_END.search(behind), _LINK_END.search(text, at)
            start = at - (before.start() if before else len(behind))
            link = text[start : after.start() if after else len(text)]
            found = self._resolved(link, here)
            if found is not None:
                return found
        return None

    def _resolved(self, link: str, here: str) -> str | None:
        """The withheld page `link` leads to from the folder `here`, if any."""
        path = re.split("[?#]", link.replace("\\", "/"), maxsplit=1)[0]
        origin = _ORIGIN.match(path)
        if origin:
            path = "/" + path[origin.end() :]
        elif not path.startswith("/"):
            path = f"/{here}/{path}"
        segments = posixpath.normpath(path).lower().split("/")
        for at, segment in enumerate(segments):
            for folder in self.folders.get(segment, ()):
                if "/".join(segments[: at + 1]).endswith(f"/{folder}/{segment}"):
                    return f"{folder}/{segment}"
        return None


def _paths(site_dir: str, skip: tuple[str, ...] | str) -> Iterator[str]:
    """Every file under `site_dir`, less its folders named in `skip`."""
    skipped = {skip} if isinstance(skip, str) else set(skip)
    for folder, subfolders, names in os.walk(site_dir):
        if folder == site_dir:
            subfolders[:] = [name for name in subfolders if name not in skipped]
        for name in sorted(names):
            yield os.path.join(folder, name)


def digest(data: bytes) -> bytes:
    """What a file held when it was found clean, to know it again."""
    return hashlib.blake2b(data, digest_size=32).digest()


def text_of(name: str, data: bytes) -> str:
    """A file's text: compressed ones decompressed; any that is UTF-8 (or UTF-16 with its
    mark) read so, whatever its name ('.htm', '.ics', '.tsv'); a PDF's bytes and, after
    them, the text its compressed streams and fonts' maps draw; the rest as Latin-1."""
    if data[:5] == b"%PDF-":
        try:
            drawn = pdf_text(data)
        except Refused:
            # The site publishes no PDF it cannot read: this one's bytes are all there is.
            drawn = ""
        return data.decode("latin-1") + "\n" + drawn
    if data[:2] == b"\x1f\x8b":
        with contextlib.suppress(OSError, EOFError, zlib.error):
            data = _gunzip(data)
    if data[:2] in (b"\xff\xfe", b"\xfe\xff"):
        return data.decode("utf-16", "replace")
    extension = os.path.splitext(name)[1].lower()
    if extension in _TEXT or data[:12] == b"pagefind_dcd":
        return data.decode("utf-8", "replace")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return data.decode("latin-1")


def _gunzip(data: bytes) -> bytes:
    """Every member of a gzip file, one after another, to at most `_MAX_INFLATED` bytes."""
    inflater = zlib.decompressobj(16 + zlib.MAX_WBITS)
    inflated = inflater.decompress(data, _MAX_INFLATED)
    while (
        len(inflated) < _MAX_INFLATED and inflater.eof and inflater.unused_data[:2] == b"\x1f\x8b"
    ):
        rest = inflater.unused_data
        inflater = zlib.decompressobj(16 + zlib.MAX_WBITS)
        try:
            inflated += inflater.decompress(rest, _MAX_INFLATED - len(inflated))
        except zlib.error:
            break
    return inflated
