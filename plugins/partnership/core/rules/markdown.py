"""Markdown from ``content/`` pages and from the data (events' descriptions): bounded, then held to the sanitiser.

Markdown is read by a parser whose time and memory the text decides: a list
nested 500 deep ends in a ``RecursionError``, ``"[" * 300000`` keeps it
busy for minutes, a few kilobytes of ``<http://a`` for longer. So, for every
page and every description, before any page is made:

1. a linear scan finds nesting the site does not accept (lists and quotes
   more than :data:`MAX_NESTING` levels deep, as many unclosed brackets or
   HTML tags, more than :data:`MAX_EMPHASIS` ``*``/``_`` marks in one
   paragraph), each a problem at its line and column; such text is not read;
2. the rest is read in a second process that may spend :data:`SECONDS` on
   each text and two gigabytes in all, and dies with the command
   (:func:`..worker.bounded_map`); a text that overruns is a problem naming
   the file, never a hang or a traceback. ``check``, the build and the
   preview all load the data this way, and a build makes its pages only from
   text that was read here within the bound;
3. whatever the sanitiser (:mod:`..present.safehtml`) would remove from the
   HTML that Markdown made is a located problem naming the tag, attribute or
   address, so that a writer learns why it would vanish.
"""

from __future__ import annotations

import os
import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass

import markdown

from ..models.dataset import Dataset, origin
from ..present.markdown import checked_html
from ..present.safehtml import Finding, findings
from ..problems import Problems
from ..sources.kept import Kept
from ..worker import Overran, bounded_map
from .frontmatter import front_matter_end, without_front_matter

#: The Markdown extensions of mkdocs.yml: what a page's raw HTML and attributes become.
EXTENSIONS = ["attr_list", "md_in_html", "tables", "admonition", "def_list", "footnotes", "sane_lists", "toc"]

MAX_NESTING = 20
"""Levels of lists, quotes, brackets or HTML elements one inside another (real pages use four at most)."""
MAX_EMPHASIS = 1_000
"""``*`` and ``_`` marks in one paragraph (a real one has a few dozen)."""
SECONDS = float(os.environ.get("PARTNERSHIP_MARKDOWN_SECONDS") or 20)
"""How long the Markdown of one page or description may take to read (a 1 MB page of prose takes about a second)."""

_CODE_SPAN = re.compile(r"(?P<ticks>`+)(?!`).+?(?<!`)(?P=ticks)(?!`)", re.S)
_CONTAINER = re.compile(r"[ \t]*(?:>|[-*+](?=[ \t])|\d{1,9}[.)](?=[ \t]))")
_BRACKET = re.compile(r"\\.|[\[\]()]")
_TAG = re.compile(r"<(/?)([A-Za-z][A-Za-z0-9-]*)\b[^<>]*?(/?)>")
_EMPHASIS = re.compile(r"\*+|_+")
_VOID_OR_OPTIONAL = frozenset(
    {
        "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr", "p",
        "li", "dt", "dd", "tr", "td", "th", "thead", "tbody", "tfoot", "option", "colgroup", "caption",
    }
)  # fmt: skip
"""Elements that never nest (void) or whose end tag may be left out (``<p>``, ``<li>``): not counted as nesting."""


@dataclass(frozen=True)
class Source:
    """One text to read as Markdown: a page of content/ (``page``), or a field of a data file (``field``, like ``description``)."""

    shown: str
    text: str
    field: str = ""
    line: int = 1
    column: int = 1

    @property
    def is_page(self) -> bool:
        return not self.field


def _position(text: str, offset: int) -> tuple[int, int]:
    line = text.count("\n", 0, offset) + 1
    return line, offset - (text.rfind("\n", 0, offset) + 1) + 1


def _too_deep(what: str, allowed: str) -> str:
    return f"{what} nested more than {MAX_NESTING} levels deep, more than the site reads; {allowed}"


def nesting_problems(text: str) -> Iterator[tuple[int, str]]:
    """(offset, message) for each kind of nesting in ``text`` beyond the limits, at its first place; in one pass."""
    said: set[str] = set()
    offset = 0
    brackets = parentheses = emphasis = 0
    for line in text.splitlines(keepends=True):
        if not line.strip():
            brackets = parentheses = emphasis = 0
        depth, position, indent = 0, 0, True
        while match := _CONTAINER.match(line, position):
            lead = match.group()[: len(match.group()) - len(match.group().lstrip(" \t"))]
            if indent:
                depth += len(lead.expandtabs(4)) // 4
                indent = False
            depth += 1
            position = match.end()
            if depth > MAX_NESTING and "lists" not in said:
                said.add("lists")
                yield offset + position - 1, _too_deep("lists or quotes (- , 1. or >) are", "nest them at most a few levels")
        for match in _BRACKET.finditer(line):
            char = match.group()
            if char in "[(":
                brackets += char == "["
                parentheses += char == "("
                if max(brackets, parentheses) > MAX_NESTING and "brackets" not in said:
                    said.add("brackets")
                    yield (
                        offset + match.start(),
                        _too_deep(f"'{char}' brackets are open or", "close each one, or write \\[ for a bracket that is text"),
                    )
            elif char == "]":
                brackets = max(brackets - 1, 0)
            elif char == ")":
                parentheses = max(parentheses - 1, 0)
        for match in _EMPHASIS.finditer(line):
            emphasis += 1
            if emphasis > MAX_EMPHASIS and "emphasis" not in said:
                said.add("emphasis")
                yield (
                    offset + match.start(),
                    (
                        f"this paragraph has more than {MAX_EMPHASIS:,} * or _ marks, more than the site reads; "
                        "write \\* or \\_ for marks that are text"
                    ),
                )
        offset += len(line)
    elements = 0
    for match in _TAG.finditer(text):
        name = match.group(2).lower()
        if name in _VOID_OR_OPTIONAL or match.group(3):
            continue
        elements = max(elements - 1, 0) if match.group(1) else elements + 1
        if elements > MAX_NESTING:
            yield match.start(), _too_deep(f"HTML elements (<{name}>) are", "close each element, or use Markdown instead")
            break


def read(source: Source) -> str:
    """The HTML Markdown makes of ``source`` (what the sanitiser is then asked about). Runs in the bounded worker."""
    if source.is_page:
        return markdown.markdown(without_front_matter(source.text), extensions=EXTENSIONS, output_format="html")
    return checked_html(source.text)


def _blank(match: re.Match[str]) -> str:
    return re.sub(r"[^\n]", " ", match.group(0))


def _masked(text: str) -> str:
    """``text`` with front matter and `code spans` blanked out, lines and columns kept.

    (mkdocs.yml has no fenced code blocks: three backticks start a code span.)
    """
    end = front_matter_end(text)
    text = re.sub(r"[^\n]", " ", text[:end]) + text[end:]
    return _CODE_SPAN.sub(_blank, text)


def _written(value: str) -> str:
    """A pattern for ``value`` as it may be written in HTML: each character itself or a character reference (&#47; &#x5C; &sol;)."""
    return "".join(rf"(?:{re.escape(char)}|&#0*{ord(char)};?|&#x0*{ord(char):x};?|&[A-Za-z]+;)" for char in value)


def _needle(finding: Finding) -> re.Pattern[str]:
    if finding.kind == "tag":
        return re.compile(rf"<\s*{re.escape(finding.name)}(?![\w-])", re.I)
    if finding.kind in ("attribute", "theme-id"):
        name = finding.name.split(" ", 1)[0]
        if "&" in name:  # a character reference in the name: the name is all there is, with no = after it
            return re.compile(rf"(?<![\w-]){re.escape(name)}", re.I)
        return re.compile(rf"(?<![\w-]){re.escape(name)}\s*=", re.I)
    if finding.kind in ("image", "disguised"):
        return re.compile(_written(finding.value) + r"(?=[\s\"')>]|$)")
    # An address's scheme as a browser reads it: tabs, line breaks and character references may sit between its letters.
    gap = r"(?:\s|&#0*9;?|&#0*1[03];?|&#x0*[9ad];?|&Tab;|&NewLine;)*"
    return re.compile(gap.join(_letter(char) for char in finding.name) + rf"{gap}(?::|&colon;|&#0*58;?|&#x0*3a;?)", re.I)


def _letter(char: str) -> str:
    """A pattern for one letter of a scheme as it may be written: itself, or a character reference to either case (&#106;)."""
    codes = {ord(char.lower()), ord(char.upper())}
    return "(?:" + "|".join([re.escape(char), *(rf"&#0*{code};?|&#x0*{code:x};?" for code in sorted(codes))]) + ")"


def html_problems(text: str, html: str, shown: str, problems: Problems) -> None:
    """A located problem for everything the sanitiser would remove from ``html``, Markdown's HTML of the page ``text``.

    Each finding is placed at the matching occurrence in the source, code
    spans skipped (when Markdown read more raw HTML than that, every
    occurrence counts).
    """
    found = findings(html)
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


def descriptions(dataset: Dataset) -> list[Source]:
    """Every event's description, placed where its value starts."""
    found = []
    for event in dataset.events:
        if event.description and event.valid("description"):
            where = origin(event)
            mark = where.at("description")
            found.append(Source(where.path, event.description, "description", mark.line, mark.column))
    return found


def markdown_problems(sources: list[Source], problems: Problems, kept: Kept | None = None) -> None:
    """Every rule above, over ``sources``; ``kept``: the HTML of texts read before (:mod:`..sources.kept`), so that only
    new or changed texts go to the bounded reader."""
    kept = kept or Kept(None)
    readable = []
    for source in sources:
        nested = list(nesting_problems(source.text))
        for offset, message in nested:
            if source.is_page:
                problems.add(source.shown, *_position(source.text, offset), message)
            else:
                line, _ = _position(source.text, offset)
                problems.add(source.shown, source.line, source.column, f"{source.field}: line {line} of the text: {message}")
        if not nested:
            readable.append(source)
    keys = [kept.key("markdown-page" if source.is_page else "markdown-field", source.text) for source in readable]
    known = [kept.find(key) for key in keys]
    unread = [source for source, (found, _) in zip(readable, known, strict=True) if not found]
    fresh = iter(bounded_map(read, unread, SECONDS))
    for source, key, (found, html) in zip(readable, keys, known, strict=True):
        if not found:
            html = next(fresh)
            if not isinstance(html, Overran):
                kept.keep(key, html)
        if isinstance(html, Overran):
            where = "this page" if source.is_page else f"{source.field}: this text"
            problems.add(
                source.shown,
                source.line,
                source.column,
                f"{where} could not be read as Markdown: {html.why}, so it was stopped. Something in it makes the Markdown "
                "reader slow (very many brackets, < or * marks in one paragraph, or deep nesting); simplify that part",
            )
        elif source.is_page:
            html_problems(source.text, html, source.shown, problems)
        else:
            for finding in findings(html):
                problems.add(source.shown, source.line, source.column, f"{source.field}: {finding.explain()}")
