"""Every address the site makes itself, and the hand-written files that would take one.

A file under ``content/`` is published at its own path (a Markdown page at
``<name>/``). If that is the address of a page or file the site generates (an
event's page, ``calendar.ics``, ``events.json``, a toolkit download…), one of
the two would silently replace the other. ``check`` lists every such file,
each with its place, before anything is built.

The files beside the pages are the build's manifest
(:attr:`~..present.siteviews.SiteViews.files`), the same list the writer
(:mod:`..outputs.writer`) writes; a test compares the two on a real build.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from pathlib import Path

from ..html.context import SitePage
from ..present import urls
from ..present.manifest import OutputFile
from ..present.siteviews import SiteViews
from ..problems import Problem
from ..sources.files import SourceFiles


def published_at(relative: str) -> str:
    """Where a content/ file is published: ``about.md`` → ``about/index.html``, ``x.ics`` → ``x.ics``."""
    if relative.lower().endswith(".md"):
        return urls.content_page(relative) + "index.html"
    return relative


def taken(pages: Iterable[SitePage], files: Iterable[OutputFile]) -> dict[str, str]:
    """Every address the site makes, a page's (``events/x/index.html``) or a file's (the manifest's), → what it is there."""
    found = {page.url + "index.html": f"the page /{page.url}" for page in pages}
    found.update({file.path: f"/{file.path}, {file.what}" for file in files})
    return found


def content_files(files: SourceFiles, content: Path, embedded: set[str]) -> list[tuple[str, str]]:
    """Every file under ``content`` that is published as it is (not embedded in a generated page): (as shown, its address)."""
    found = []
    for path in files.walk(content):
        relative = path.relative_to(content).as_posix()
        if relative not in embedded:
            found.append((files.display(path), published_at(relative)))
    return found


def clashes(taken: Mapping[str, str], hand_written: Iterable[tuple[str, str]]) -> list[Problem]:
    """A problem for every hand-written file, (as shown, its address), at an address the site makes (``taken``: address → what).

    The one rule for hand-written files and generated ones: ``check`` asks it of content/ before anything
    is built (:func:`taken`, :func:`content_files`), and the MkDocs plugin of the pages and files MkDocs
    itself found, in case a generator other than ``build.py``'s runs it.
    """
    return [
        Problem(shown, 1, 1, f"this file would be published at /{address}, where the site makes {taken[address]}; rename it or move it")
        for shown, address in hand_written
        if address in taken
    ]


def embedded_content(views: SiteViews) -> set[str]:
    """content/ files that generated pages embed (report narratives, the toolkit's text), or a draft report left out
    would: never pages of their own."""
    from ..html.pages.toolkit import CONTENT as TOOLKIT_CONTENT

    found: set[str] = set(TOOLKIT_CONTENT)
    for report in (*views.dataset.reports, *views.withheld):
        found.update(relative for _, relative in report.narratives())
    return found


__all__ = ["clashes", "content_files", "embedded_content", "published_at", "taken"]
