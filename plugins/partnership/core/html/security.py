"""A Content-Security-Policy for every page: scripts from the site itself only.

The theme puts a few small scripts inline (its configuration and scope);
each is allowed by its SHA-256 hash, so that no other inline script, and no
script from another origin, can run. JSON data islands (the theme's
configuration, schema.org JSON-LD) are not scripts and need no hash.
"""

from __future__ import annotations

import base64
import hashlib
import re

_INLINE_SCRIPT = re.compile(r"<script\b(?![^>]*\bsrc=)([^>]*)>(.*?)</script>", re.S | re.I)
_TYPE = re.compile(r"""\btype\s*=\s*["']?([^"'\s>]+)""", re.I)
_DATA_TYPES = {"application/json", "application/ld+json"}


def policy(html: str) -> str:
    """The policy for one page, allowing its own inline scripts by hash."""
    hashes = set()
    for attributes, body in _INLINE_SCRIPT.findall(html):
        kind = _TYPE.search(attributes)
        if kind and kind.group(1).lower() in _DATA_TYPES:
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


def with_policy(html: str) -> str:
    """``html`` with a Content-Security-Policy meta element first in its head."""
    meta = f'<meta http-equiv="Content-Security-Policy" content="{policy(html)}">'
    head = re.search(r"<head\b[^>]*>", html, re.I)
    if head is None:
        return html
    return html[: head.end()] + "\n    " + meta + html[head.end() :]
