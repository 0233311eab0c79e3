"""A content page's front matter: the ``title`` and ``description`` that go into its ``<head>``.

The theme writes a page's ``title:`` into ``<title>`` and its
``description:`` into ``<meta name="description" content="…">`` without
escaping them (the plugin escapes them: :mod:`partnership.plugin.plugin`),
and MkDocs reads front matter two ways: YAML between ``---`` lines, or, when
a page has none, ``Key: value`` lines at its very top (MultiMarkdown's
style). Either way each of these is a located problem:

* a title or description holding markup (``</title><meta http-equiv=…>``):
  they are plain text, shown as typed;
* a title or description that is a list or a set of fields, not text;
* a ``template:`` that is not one of ``theme/``'s files (the build would fail on it);
* YAML front matter that cannot be read, or any of its text holding a
  hidden control character (as in every data file: :mod:`..sources.yamlsource`).
"""

from __future__ import annotations

import re
from pathlib import Path

from ..problems import Problems, quote
from ..sources.yamlsource import load_yaml

_YAML = re.compile(r"\A-{3}[ \t]*\n(.*?\n)(?:\.{3}|-{3})[ \t]*\n", re.S)
"""MkDocs' own pattern for YAML front matter (``mkdocs.utils.meta.YAML_RE``)."""
_KEY = re.compile(r"^[ ]{0,3}(?P<key>[A-Za-z0-9_-]+):\s*(?P<value>.*)")
_MORE = re.compile(r"^(?:[ ]{4}|\t)\s*(?P<value>.*)")
_MARKUP = re.compile(r"<\s*[A-Za-z/!?]|&#?\w+;")
HEAD_FIELDS = ("title", "description")
"""The front matter fields the theme puts into the page's ``<head>``."""


def _head_problem(key: str, value: object) -> str | None:
    if isinstance(value, (dict, list)):
        return f"{key}: a page's {key} is text, not a list or a set of fields; write it on one line, like '{key}: About us'"
    markup = _MARKUP.search(str(value)) if isinstance(value, str) else None
    if markup:
        return (
            f"{key}: {quote(value)} holds markup ({quote(markup.group())}); a page's {key} is plain text, shown as typed in the "
            "browser's tab and in search results: write it without < > and &…; codes"
        )
    return None


def _meta_lines(text: str) -> list[tuple[int, str, str]]:
    """(line, key, value) of MultiMarkdown-style meta lines at the top of a page without YAML front matter, as MkDocs reads them."""
    found: list[tuple[int, str, str]] = []
    for number, line in enumerate(text.replace("\r\n", "\n").split("\n"), start=1):
        if not line.strip():
            break
        if head := _KEY.match(line):
            found.append((number, head["key"].lower(), head["value"].strip()))
        elif (more := _MORE.match(line)) and found:
            found.append((number, found[-1][1], more["value"].strip()))
        else:
            break
    return found


def front_matter_end(text: str) -> int:
    """Where the page's Markdown starts: after its front matter (either kind), or 0."""
    found = _YAML.match(text)
    if found:
        return found.end()
    meta = _meta_lines(text)
    if not meta:
        return 0
    lines = text.split("\n")
    return min(len(text), sum(len(line) + 1 for line in lines[: meta[-1][0]]))


def without_front_matter(text: str) -> str:
    """``text`` with its front matter as empty lines: what Markdown reads, at the same lines."""
    end = front_matter_end(text)
    return "\n" * text.count("\n", 0, end) + text[end:]


def _template_problem(value: object, theme_dir: Path) -> str | None:
    """A page's ``template:`` must be one of the theme's own files (``theme/``); anything else fails the build."""
    name = str(value)
    inside = not name.startswith(("/", "\\")) and ".." not in re.split(r"[/\\]", name)
    if inside and name.endswith(".html") and (theme_dir / name).is_file():
        return None
    return (
        f"template: {quote(name)} is not a template of theme/, so the page could not be built; delete the line "
        "(pages use the theme's own), or name a file in theme/, like main.html"
    )


def front_matter_problems(text: str, shown: str, problems: Problems, theme_dir: Path) -> None:
    """Every rule above, over the page ``text`` (read from ``shown``); ``theme_dir`` holds the templates a page may name."""
    found = _YAML.match(text)
    if found:
        scratch = Problems()
        document = load_yaml(found.group(1), shown, scratch)
        for problem in scratch.items:  # the front matter starts on the page's second line
            problems.add(problem.path, problem.line + 1, problem.column, problem.message, frame=problem.frame)
        if document is None or not isinstance(document.data, dict):
            return
        for key in HEAD_FIELDS:
            if key in document.data:
                message = _head_problem(key, document.data[key])
                if message:
                    mark = document.where.at((key,))
                    problems.add(shown, mark.line + 1, mark.column, message)
        if "template" in document.data and (message := _template_problem(document.data["template"], theme_dir)):
            mark = document.where.at(("template",))
            problems.add(shown, mark.line + 1, mark.column, message)
        return
    values: dict[str, tuple[int, str]] = {}
    for number, key, value in _meta_lines(text):
        before = values.get(key)
        values[key] = (before[0], f"{before[1]} {value}") if before else (number, value)
    for key in HEAD_FIELDS:
        if key in values:
            message = _head_problem(key, values[key][1])
            if message:
                problems.add(shown, values[key][0], 1, message)
    if "template" in values and (message := _template_problem(values["template"][1], theme_dir)):
        problems.add(shown, values["template"][0], 1, message)
