"""File sizes on pages ("PDF, 1.2 MB") for files written in parallel with the pages.

A page is rendered before its downloads may exist, so templates write a
marker, and whoever writes the page out fills the markers in once the files
are there.
"""

from __future__ import annotations

import re

from markupsafe import Markup

from ..present import format as fmt

_MARKER = re.compile(r"<!--partnership-size:([^>]*?)-->")


def size_marker(path: str) -> Markup:
    """A placeholder for the size of the site file at ``path`` (root-relative)."""
    return Markup(f"<!--partnership-size:{path}-->")


def has_markers(html: str) -> bool:
    return "<!--partnership-size:" in html


def fill_sizes(html: str, sizes: dict[str, int]) -> str:
    """Replace every marker with the file's size, like ``1.2 MB``."""
    return _MARKER.sub(lambda m: fmt.filesize(sizes[m.group(1)]) if m.group(1) in sizes else "", html)
