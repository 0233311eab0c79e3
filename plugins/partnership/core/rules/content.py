"""Rules for the hand-written files: ``content/`` (Markdown pages, images) and ``theme/``.

Run by the loader with the data's rules, so ``check``, the build and the
preview all report them, each with its place:

* every entry of ``content/`` and ``theme/`` is an ordinary file or folder,
  or a link to one inside the project's source folders
  (:mod:`..sources.files`); nothing else is read or published;
* every name is one that Windows, macOS and Linux can all hold (:mod:`.names`);
* a Markdown page is UTF-8 and at most :data:`..sources.files.LIMITS` long
  (the loader says so as it reads each once), and holds no hidden control
  character (:mod:`..text`);
* its front matter's title and description are plain text (:mod:`.frontmatter`);
* a hand-written HTML or SVG file (``.html``, ``.htm``, ``.xhtml``, ``.svg``),
  which the site publishes as it is, holds nothing that runs script (no
  ``<script>``, no event handler, no ``javascript:`` address: the
  sanitiser's rules for a page's raw HTML, :func:`..present.safehtml.script_places`),
  each a problem at its line and column: opened by itself, such a file runs
  its script with the site's address, where no Content-Security-Policy of a
  page protects it.

Each page's Markdown is then read, bounded, and held to the sanitiser's
allow-list by :mod:`.markdown`, with the data's own Markdown.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

from ..present.safehtml import script_places
from ..problems import Problems
from ..sources.files import MEGABYTE, SourceFiles
from ..text import controls, describe
from .frontmatter import front_matter_problems
from .markdown import Source
from .names import check_names


def _control_problems(text: str, shown: str, problems: Problems) -> None:
    """A located problem for each line holding a hidden control character (a line break ends each line: CR LF is fine)."""
    for number, line in enumerate(text.replace("\r\n", "\n").split("\n"), start=1):
        found = controls(line)
        if found:
            offset, char = found[0]
            more = f", and {len(found) - 1} more such on this line" if len(found) > 1 else ""
            problems.add(
                shown,
                number,
                offset + 1,
                f"this line holds {describe(char)}{more}: a hidden character that pages cannot show; delete it "
                "(it often comes from copying text out of another program)",
            )


MARKUP = (".html", ".htm", ".xhtml", ".xht", ".shtml", ".svg", ".xml", ".xsl", ".xslt")
"""Hand-written files a browser opens as a document and runs the script of, which content/ may hold only without script."""


def _script_problems(path: Path, files: SourceFiles, problems: Problems) -> None:
    content = files.read(path, limit=MEGABYTE)
    if content is None:
        return
    shown = files.display(path)
    image = path.suffix.lower() == ".svg"
    kind = "SVG image" if image else f"{path.suffix.lower()[1:].upper()} file"
    instead = "an image needs no script to show" if image else "or write the page in Markdown"
    for line, column, what in script_places(content.decode("utf-8", errors="replace")):
        problems.add(
            shown,
            line,
            column,
            f"{what}: this {kind} is published as it is, and opened by itself it would run that script with the site's "
            f"address, so it is not allowed; remove it ({instead})",
        )


def check_content(content_dir: Path, markdown: Mapping[str, str], theme_dir: Path, files: SourceFiles, problems: Problems) -> list[Source]:
    """Every rule above, over the names under ``content_dir`` and ``theme_dir`` and over ``markdown`` (content/'s
    Markdown pages, read once by the loader: :attr:`~..models.dataset.Dataset.markdown`); the pages to read as Markdown.

    Walking a folder again reads nothing and reports nothing twice (``files`` remembers what it refused).
    """
    for folder in (content_dir, theme_dir):
        if folder.is_dir() and files.check(folder):
            found = list(files.walk(folder))
            check_names(folder, found, folder.name, problems)
            if folder == content_dir:
                for path in found:
                    if path.suffix.lower() in MARKUP:
                        _script_problems(path, files, problems)
    pages = []
    for relative, text in markdown.items():
        shown = files.display(content_dir / relative)
        _control_problems(text, shown, problems)
        front_matter_problems(text, shown, problems, theme_dir)
        pages.append(Source(shown, text))
    return pages
