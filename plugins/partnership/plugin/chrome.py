"""Theme parts that are the same on every page kept out of the navigation.

Material renders the whole navigation (the tabs and the drawer) into every page.
For a page that is not in the navigation nothing in those parts is marked as
current, and their links are relative to the page's folder, so every such page in
one folder (``/events/<id>/``, ``/partners/<id>/``) gets the same HTML. Rendering
it once per folder instead of once per page saves a third of the theme's time on
a catalogue with thousands of events (see ``benchmarks/catalogue.py``).

``theme/main.html`` wraps the parts in ``{% call once_per_folder(name, page) %}``.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from markupsafe import Markup
from mkdocs.structure.pages import Page


class OncePerFolder:
    """A Jinja ``call`` helper: the body's HTML, rendered once per (part, folder) for pages out of the nav."""

    def __init__(self) -> None:
        self._rendered: dict[tuple[str, str], Markup] = {}

    def __call__(self, name: str, page: Any, *, caller: Callable[[], str]) -> Markup:
        if not isinstance(page, Page) or page.file.inclusion.is_in_nav():
            return Markup(caller())  # in the nav (it and its section are marked as current), or no page (404)
        folder = page.url.rstrip("/").rpartition("/")[0]
        key = (name, folder)
        found = self._rendered.get(key)
        if found is None:
            found = self._rendered[key] = Markup(caller())
        return found
