"""Theme parts rendered once for every page kept out of the navigation.

Material renders the header, the tabs, the navigation drawer and the footer
into every page. For a page that is not in the navigation nothing in those
parts is marked as current, so they differ from page to page only by their
links (relative to the page) and the header's title. Rendering them once per
build instead of once per page saves a third of the theme's time on a
catalogue with thousands of events (see ``benchmarks/catalogue.py``).

So while a shared part is rendered, the theme's ``url`` filter writes each
link from the site's root behind a marker instead of relative to the page;
the part is kept as text between links, and for each page the links are
worked out by MkDocs' own ``normalize_url`` for that page: exactly the links
the theme would have written, including a page's link to itself. The
header's title, which varies, is passed as ``varying`` and put back in its
place (when it appears in the header exactly once; otherwise the header is
rendered for each page).

``theme/main.html`` wraps the parts in ``{% call shared_chrome(name, page) %}``.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any
from urllib.parse import urlsplit

from jinja2 import pass_context
from markupsafe import Markup
from mkdocs.structure.pages import Page
from mkdocs.utils import normalize_url

ROOT = "\x1d"
"""Marks a link from the site's root in a shared part, until the part is put in a page."""
_LINK = re.compile(ROOT + r"""([^\s"'<>\x1d]*)""")

Piece = tuple[str, ...]
"""Text and links in turn: text, link, text, … text (links are site paths as the theme gave them)."""


class SharedChrome:
    """A Jinja ``call`` helper, with the ``url`` filter it needs: each part rendered once for pages out of the nav."""

    def __init__(self, url_filter: Callable[..., str]) -> None:
        self._parts: dict[str, tuple[Piece, ...]] = {}
        self._theme_url = url_filter
        self._rooting = False

    @pass_context
    def url(self, context: Any, value: str) -> str:
        """The theme's ``url`` filter: as MkDocs has it, except inside a shared part being rendered."""
        if self._rooting and not _outside(str(value)):
            return ROOT + str(value)
        return self._theme_url(context, value)

    def __call__(self, name: str, page: Any, varying: Any = None, *, caller: Callable[[], str]) -> Markup:
        if not isinstance(page, Page) or page.file.inclusion.is_in_nav():
            return Markup(caller())  # in the nav (it and its section are marked as current), or no page (404)
        text = "" if varying is None else str(varying)
        found = self._parts.get(name)
        if found is None:
            found = self._kept(caller, text if varying is not None else None)
            if found is None:  # the title is not in the header exactly once: rendered for each page
                return Markup(caller())
            self._parts[name] = found
        return Markup(text.join(_in_page(piece, page) for piece in found))

    def _kept(self, caller: Callable[[], str], varying: str | None) -> tuple[Piece, ...] | None:
        """The part rendered with links from the root, cut at its links (and around the title, once)."""
        self._rooting = True
        try:
            html = caller()
        finally:
            self._rooting = False
        if varying is None:
            pieces = [html]
        else:
            pieces = html.split(varying) if varying else []
            if len(pieces) != 2:
                return None
        return tuple(tuple(_LINK.split(piece)) for piece in pieces)


def _outside(value: str) -> bool:
    """A full address, a root path or an anchor: MkDocs' filter leaves these as they are."""
    parts = urlsplit(value)
    return bool(parts.scheme or parts.netloc) or value.startswith(("/", "#"))


def _in_page(piece: Piece, page: Page) -> str:
    """A kept piece with its links made relative to ``page``, as the theme's ``url`` filter makes them."""
    return "".join(text if index % 2 == 0 else normalize_url(text, page=page) for index, text in enumerate(piece))
