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
* its front matter's title and description are plain text (:mod:`.frontmatter`).

Each page's Markdown is then read, bounded, and held to the sanitiser's
allow-list by :mod:`.markdown`, with the data's own Markdown.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

from ..problems import Problems
from ..sources.files import SourceFiles
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


def check_content(content_dir: Path, markdown: Mapping[str, str], theme_dir: Path, files: SourceFiles, problems: Problems) -> list[Source]:
    """Every rule above, over the names under ``content_dir`` and ``theme_dir`` and over ``markdown`` (content/'s
    Markdown pages, read once by the loader: :attr:`~..models.dataset.Dataset.markdown`); the pages to read as Markdown.

    Walking a folder again reads nothing and reports nothing twice (``files`` remembers what it refused).
    """
    for folder in (content_dir, theme_dir):
        if folder.is_dir() and files.check(folder):
            check_names(folder, list(files.walk(folder)), folder.name, problems)
    pages = []
    for relative, text in markdown.items():
        shown = files.display(content_dir / relative)
        _control_problems(text, shown, problems)
        front_matter_problems(text, shown, problems, theme_dir)
        pages.append(Source(shown, text))
    return pages
