"""Theme parts that are the same on every page kept out of the navigation.

Material renders the whole navigation (the tabs and the drawer) into every page.
For a page that is not in the navigation nothing in those parts is marked as
current, and their links are relative to the page's folder, so every such page in
one folder (``/events/<id>/``, ``/partners/<id>/``) gets the same HTML. Rendering
it once per folder instead of once per page saves a third of the theme's time on
a catalogue with thousands of events (see ``benchmarks/catalogue.py``).

One thing in them does depend on the page: a link to the page itself, which
MkDocs writes as ``./``. A part holding such a link is not kept for other
pages (on them it would point to the wrong page); a part kept from another
page links to this one the long way (``../privacy/`` from ``/privacy/``),
which leads to the same place.

The header differs from page to page only by the page's title: it is passed
as ``varying``, and the header is kept with a gap where the title goes (when
the title appears in it exactly once; otherwise it is rendered for each page).

``theme/main.html`` wraps the parts in ``{% call once_per_folder(name, page) %}``.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from markupsafe import Markup
from mkdocs.structure.pages import Page

_SELF_LINK = re.compile(r'href="\.(?:/)?(?:#[^"]*)?"')


class OncePerFolder:
    """A Jinja ``call`` helper: the body's HTML, rendered once per (part, folder) for pages out of the nav."""

    def __init__(self) -> None:
        self._rendered: dict[tuple[str, str], tuple[str, ...]] = {}

    def __call__(self, name: str, page: Any, varying: Any = None, *, caller: Callable[[], str]) -> Markup:
        if not isinstance(page, Page) or page.file.inclusion.is_in_nav():
            return Markup(caller())  # in the nav (it and its section are marked as current), or no page (404)
        folder = page.url.rstrip("/").rpartition("/")[0]
        key = (name, folder)
        text = "" if varying is None else str(varying)
        found = self._rendered.get(key)
        if found is not None:
            return Markup(text.join(found))
        html = caller()
        if varying is None:
            pieces, wanted = (html,), 1
        else:
            pieces, wanted = (tuple(html.split(text)) if text else ()), 2  # the text once: a piece either side
        if len(pieces) == wanted and not _SELF_LINK.search(html):
            self._rendered[key] = pieces
        return Markup(html)
