"""Rules for the hand-written files: ``content/`` (Markdown pages, images) and ``theme/``.

Run by the loader with the data's rules, so ``check``, the build and the
preview all report them, each with its place:

* every entry of ``content/`` and ``theme/`` is an ordinary file or folder,
  or a link to one inside the project's source folders
  (:mod:`..sources.files`); nothing else is read or published;
* a Markdown page is UTF-8 and at most :data:`..sources.files.LIMITS` long;
* raw HTML in a Markdown page (and attributes added with ``{: … }``) stays
  within the sanitiser's allow-list (:mod:`..present.safehtml`). Whatever
  the site would remove is a problem naming the tag, attribute or address,
  so that a writer learns why it would vanish (the build removes it anyway,
  should a page ever skip this check).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Mapping
from pathlib import Path

import markdown

from ..present.safehtml import Finding, findings
from ..problems import Problems
from ..sources.files import SourceFiles

#: The Markdown extensions of mkdocs.yml: what a page's raw HTML and attributes become.
EXTENSIONS = ["attr_list", "md_in_html", "tables", "admonition", "def_list", "footnotes", "sane_lists", "toc"]

_CODE_SPAN = re.compile(r"(?P<ticks>`+)(?!`).+?(?<!`)(?P=ticks)(?!`)", re.S)
_FRONT_MATTER = re.compile(r"\A---[ \t]*\n.*?\n(?:---|\.\.\.)[ \t]*\n", re.S)


def _blank(match: re.Match[str]) -> str:
    return re.sub(r"[^\n]", " ", match.group(0))


def _masked(text: str) -> str:
    """``text`` with front matter and `code spans` blanked out, lines and columns kept.

    (mkdocs.yml has no fenced code blocks: three backticks start a code span.)
    """
    text = _FRONT_MATTER.sub(_blank, text, count=1)
    return _CODE_SPAN.sub(_blank, text)


def _needle(finding: Finding) -> re.Pattern[str]:
    if finding.kind == "tag":
        return re.compile(rf"<\s*{re.escape(finding.name)}\b", re.I)
    if finding.kind == "attribute":
        name = finding.name.split(" ", 1)[0]
        return re.compile(rf"(?<![\w-]){re.escape(name)}\s*=", re.I)
    if finding.kind == "image":
        return re.compile(re.escape(finding.value))
    return re.compile(rf"{re.escape(finding.name)}\s*:", re.I)


def _position(text: str, offset: int) -> tuple[int, int]:
    line = text.count("\n", 0, offset) + 1
    return line, offset - (text.rfind("\n", 0, offset) + 1) + 1


def html_problems(text: str, shown: str, problems: Problems) -> None:
    """A located problem for everything the sanitiser would remove from the Markdown page ``text``.

    What would be removed is found in the HTML that Markdown makes, exactly as
    the build sees it; each finding is then placed at the matching occurrence
    in the source, code spans skipped (when Markdown read more raw HTML than
    that, every occurrence counts).
    """
    body = _FRONT_MATTER.sub(lambda m: "\n" * m.group(0).count("\n"), text, count=1)
    found = findings(markdown.markdown(body, extensions=EXTENSIONS, output_format="html"))
    wanted = Counter(_needle(finding).pattern for finding in found)
    masked = _masked(text)
    places: dict[str, list[int]] = {}
    for pattern, count in wanted.items():
        needle = re.compile(pattern, re.I)
        starts = [m.start() for m in needle.finditer(masked)]
        places[pattern] = starts if len(starts) >= count else [m.start() for m in needle.finditer(text)]
    used: Counter[str] = Counter()
    for finding in found:
        pattern = _needle(finding).pattern
        index = used[pattern]
        used[pattern] += 1
        line, column = _position(text, places[pattern][index]) if index < len(places[pattern]) else (1, 1)
        problems.add(shown, line, column, finding.explain())


def check_content(content_dir: Path, markdown: Mapping[str, str], theme_dir: Path, files: SourceFiles, problems: Problems) -> None:
    """Every rule above: over ``markdown`` (content/'s Markdown, read by the loader, which checked content/'s entries as
    it walked them) and the entries of ``theme_dir``."""
    if theme_dir.is_dir() and files.check(theme_dir):
        for _ in files.walk(theme_dir):  # each entry is checked as it is walked; nothing in theme/ is read here
            pass
    for relative, text in markdown.items():
        html_problems(text, files.display(content_dir / relative), problems)
