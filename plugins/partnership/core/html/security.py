"""A Content-Security-Policy for every page: scripts from the site itself only.

The theme puts a few small scripts inline (its storage helpers, its tab
state, its consent and analytics snippets when configured); each is allowed
by its SHA-256 hash, so that no other inline script, and no script from
another origin, can run.

Only the theme's and the plugin's *own* scripts are hashed, never "every
inline script in the page": a ``<script>`` typed into a report narrative or
a content page is removed by the sanitiser (:mod:`..present.safehtml`), and
should one ever slip through, it gets no hash and the browser refuses to
run it. The theme's own scripts are those written in its templates (the
``*.html`` files of the theme folders MkDocs renders with, Material's and
``theme/``): :class:`ThemeScripts` reads them once and recognises each by its
whole text, where only the values its template fills in (``{{ base_url }}``
and the like) may differ, and those only within a quoted string.

JSON data islands (the theme's configuration, schema.org JSON-LD) are not
scripts and need no hash.
"""

from __future__ import annotations

import base64
import functools
import hashlib
import re
from collections.abc import Iterable, Sequence
from pathlib import Path

_INLINE_SCRIPT = re.compile(r"<script\b(?![^>]*\bsrc=)([^>]*)>(.*?)</script>", re.S | re.I)
_TYPE = re.compile(r"""\btype\s*=\s*["']?([^"'\s>]+)""", re.I)
_DATA_TYPES = {"application/json", "application/ld+json"}
_TEMPLATE_VALUE = re.compile(r"\{\{.*?\}\}", re.S)
#: What a template value may become inside a script: text within quotes, never a quote, backslash or tag.
_VALUE_TEXT = r"[^\"'\\<>\n]*"

PLUGIN_SCRIPTS: tuple[str, ...] = ()
"""Inline scripts the plugin itself adds to published pages (none: its scripts are files under assets/)."""


class ThemeScripts:
    """The inline scripts written in a set of template folders, as patterns of their whole text."""

    def __init__(self, bodies: Iterable[str]):
        patterns = []
        for body in sorted(set(bodies)):
            pieces = _TEMPLATE_VALUE.split(body)
            patterns.append(_VALUE_TEXT.join(re.escape(piece) for piece in pieces))
        self._pattern = re.compile("|".join(f"(?:{p})" for p in patterns) or r"(?!)", re.S)

    @classmethod
    def from_folders(cls, folders: Sequence[str | Path]) -> ThemeScripts:
        return _from_folders(tuple(str(folder) for folder in folders))

    def owns(self, body: str) -> bool:
        """True when ``body`` is, whole, one of the theme's (or the plugin's) inline scripts."""
        return body in PLUGIN_SCRIPTS or self._pattern.fullmatch(body) is not None


@functools.cache
def _from_folders(folders: tuple[str, ...]) -> ThemeScripts:
    bodies: list[str] = []
    for folder in folders:
        for template in sorted(Path(folder).rglob("*.html")):
            text = template.read_text(encoding="utf-8", errors="replace")
            for attributes, body in _INLINE_SCRIPT.findall(text):
                kind = _TYPE.search(attributes)
                if kind and kind.group(1).lower() in _DATA_TYPES:
                    continue
                if "{%" not in body:  # a script assembled by template logic is not recognisable as a whole
                    bodies.append(body)
    return ThemeScripts(bodies)


def policy(html: str, theme: ThemeScripts) -> str:
    """The policy for one page, allowing the theme's own inline scripts in it by hash."""
    hashes = set()
    for attributes, body in _INLINE_SCRIPT.findall(html):
        kind = _TYPE.search(attributes)
        if kind and kind.group(1).lower() in _DATA_TYPES:
            continue
        if not theme.owns(body):
            continue
        digest = base64.b64encode(hashlib.sha256(body.encode("utf-8")).digest()).decode("ascii")
        hashes.add(f"'sha256-{digest}'")
    scripts = " ".join(["'self'", *sorted(hashes)])
    return (
        "default-src 'self'; "
        f"script-src {scripts}; "
        "style-src 'self' 'unsafe-inline'; "
        "img-src 'self' data:; "
        "font-src 'self'; "
        "connect-src 'self'; "
        "worker-src 'self'; "
        "object-src 'none'; "
        "base-uri 'self'; "
        "form-action 'self'"
    )


def with_policy(html: str, theme: ThemeScripts) -> str:
    """``html`` with a Content-Security-Policy meta element first in its head."""
    meta = f'<meta http-equiv="Content-Security-Policy" content="{policy(html, theme)}">'
    head = re.search(r"<head\b[^>]*>", html, re.I)
    if head is None:
        return html
    return html[: head.end()] + "\n    " + meta + html[head.end() :]
