"""Why a YAML file cannot be read, placed where the mistake most likely is, with the lines around it.

PyYAML says where its reader gave up, which is often not where the mistake
is: a missing colon is found on the line after it, an unclosed quote at the
end of the file, a field indented too far is "mapping values are not allowed
here" (which reads like a quoting problem). :func:`diagnose` works back from
PyYAML's two marks (where it gave up, and where the thing it was reading
began), the tokens read before the error, and the text, to the likely line;
it says what to write there. When the place is uncertain it names both
candidates: "line 7, or the end of line 6".

ruamel.yaml was measured as an alternative: its scanner is a fork of
PyYAML's and gives the very same marks for a missing colon, an unclosed
quote, a tab and an indentation mistake, so it would add a dependency and
no precision.

:func:`code_frame` shows the lines around a place with a caret under the
column, as compilers do.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

import yaml

PREFIX = "this is not valid YAML: "


@dataclass(frozen=True)
class Diagnosis:
    """Where the mistake most likely is (both from 1), and what to do about it."""

    line: int
    column: int
    message: str


@dataclass(frozen=True)
class _Error:
    """A PyYAML error with everything the rules look at."""

    text: str
    lines: list[str]
    problem: str
    context: str
    line: int
    column: int
    context_line: int | None
    context_column: int | None

    def content(self, line: int) -> str:
        return self.lines[line - 1] if 0 < line <= len(self.lines) else ""

    def previous(self, line: int) -> int | None:
        """The nearest line above ``line`` with something other than a comment on it."""
        for number in range(line - 1, 0, -1):
            stripped = self.content(number).strip()
            if stripped and not stripped.startswith("#"):
                return number
        return None


_KEY_VALUE = re.compile(r"^(?P<indent>\s*(?:-\s+)?)(?P<key>[^\s:#'\"\[\]{},][^:#]*?):(?:\s+(?P<value>.*?))?\s*$")
_KEY_NO_SPACE = re.compile(r"^\s*(?:-\s+)?(?P<key>[A-Za-z_][\w-]*):(?P<value>[^\s/].*)$")
_WORDS_NO_COLON = re.compile(r"^(?P<indent>\s*(?:-\s+)?)(?P<key>[A-Za-z_][\w-]*)\s+(?P<value>\S.*?)\s*$")


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip(" "))


def _tab(error: _Error) -> Diagnosis | None:
    text = error.content(error.line)
    leading = text[: len(text) - len(text.lstrip())]
    column = error.column
    if "\t" in leading:
        column = leading.index("\t") + 1  # a tab in the indentation, wherever PyYAML stopped on the line
    elif text[column - 1 : column] != "\t" and "tab character" not in error.problem:
        return None
    where = "starts with" if not text[: column - 1].strip() else "has"
    return Diagnosis(error.line, column, f"line {error.line} {where} a tab character; indent with spaces only")


def _quoted_tokens(error: _Error) -> list[yaml.ScalarToken]:
    """The quoted values PyYAML read before it gave up."""
    found = []
    try:
        for token in yaml.scan(error.text, Loader=yaml.SafeLoader):
            if isinstance(token, yaml.ScalarToken) and token.style in ('"', "'"):
                found.append(token)
    except yaml.YAMLError:
        pass
    return found


def _unclosed_quote(error: _Error) -> Diagnosis | None:
    if "while scanning a quoted scalar" in error.context and error.context_line:
        line, column = error.context_line, error.context_column or 1
        quote = error.content(line)[column - 1 : column] or '"'
        return Diagnosis(
            line,
            column,
            f"the quote {quote} that starts this value on line {line} is never closed; end the value with {quote} on line {line}",
        )
    # A quoted value that runs over a line end is almost always a quote left open: YAML reads on to the next quote.
    spanning = [t for t in _quoted_tokens(error) if t.start_mark.line != t.end_mark.line and t.start_mark.line + 1 < error.line]
    if spanning:
        token = spanning[-1]
        line, column = token.start_mark.line + 1, token.start_mark.column + 1
        quote = token.style
        return Diagnosis(
            line,
            column,
            f"the quote {quote} that starts this value is not closed on line {line}, so YAML reads on to the next {quote} "
            f"(line {token.end_mark.line + 1}); end the value with {quote} on line {line}",
        )
    return None


def _text_after_quote(error: _Error) -> Diagnosis | None:
    """``title: 'Carers' voices'``: a quote inside the value closes it early."""
    if "but found '<scalar>'" not in error.problem and "did not find expected key" not in error.problem:
        return None
    same_line = [t for t in _quoted_tokens(error) if t.end_mark.line + 1 == error.line and t.end_mark.column < error.column]
    if not same_line:
        return None
    token = same_line[-1]
    column = token.end_mark.column  # the closing quote, counted from 1
    if token.style == "'":
        return Diagnosis(
            error.line,
            column,
            "an apostrophe inside single quotes ends the value early; write it twice ('Carers'' voices'), "
            'or put the value in double quotes instead ("Carers\' voices")',
        )
    return Diagnosis(
        error.line,
        column,
        "a double quote inside double quotes ends the value early; put the value in single quotes instead "
        '(\'The "team" day\'), or write the inner quote as \\"',
    )


def _missing_colon(error: _Error) -> Diagnosis | None:
    if "could not find expected ':'" not in error.problem or not error.context_line:
        return None
    line = error.context_line
    text = error.content(line)
    glued = _KEY_NO_SPACE.match(text)
    if glued:
        return _no_space(line, text, glued)
    words = _WORDS_NO_COLON.match(text)
    previous = error.previous(line)
    following = next((n for n in range(line + 1, len(error.lines) + 1) if error.content(n).strip()), None)
    opens_block = following is not None and _indent(error.content(following)) > _indent(text)
    continues = ""
    if previous and _KEY_VALUE.match(error.content(previous)) and not opens_block:
        continues = f", or, if it carries on the value of line {previous}, join it to the end of line {previous}"
    single = re.fullmatch(r"(\s*(?:-\s+)?)([A-Za-z_][\w-]*)\s*", text)
    if single:
        column = len(single.group(1)) + len(single.group(2)) + 1
        return Diagnosis(line, column, f"line {line} has no colon after {single.group(2)}; write {single.group(2)}:{continues}")
    if words:
        column = len(words.group("indent")) + len(words.group("key")) + 1
        fixed = (
            f"{words.group('indent').strip() + ' ' if words.group('indent').strip() else ''}{words.group('key')}: {words.group('value')}"
        )
        return Diagnosis(line, column, f"line {line} has no colon after its field name; write {fixed}{continues}")
    column = len(text.rstrip()) + 1
    return Diagnosis(line, column, f"line {line} has no colon; write each field as name: value{continues}")


def _no_space(line: int, text: str, glued: re.Match[str]) -> Diagnosis:
    """``title:Risk``: YAML needs a space after a field's colon."""
    return Diagnosis(
        line, text.index(":") + 2, f"line {line} needs a space after its colon: write {glued.group('key')}: {glued.group('value')}"
    )


def _mapping_value(error: _Error) -> Diagnosis | None:
    """``mapping values are not allowed here``: a colon inside a value, or a field indented too far."""
    if "mapping values are not allowed" not in error.problem:
        return None
    text = error.content(error.line)
    before = text[: error.column - 1]
    entry = _KEY_VALUE.match(before + ":")
    key_then_value = re.match(r"^\s*(?:-\s+)?[^\s:#][^:#]*:\s+\S", before)
    if key_then_value:
        key_value = _KEY_VALUE.match(text)
        example = (
            f'{key_value.group("key")}: "{key_value.group("value")}"'
            if key_value and key_value.group("value")
            else 'title: "Risk: a workshop"'
        )
        return Diagnosis(
            error.line,
            error.column,
            f"a colon followed by a space inside a value; put the whole value in quotes, like {example}",
        )
    previous = error.previous(error.line)
    if previous is not None:
        above = error.content(previous)
        glued = _KEY_NO_SPACE.match(above)
        if glued:
            return _no_space(previous, above, glued)
        above_entry = _KEY_VALUE.match(above)
        if entry and above_entry and _indent(text) > _indent(above):
            key = entry.group("key").strip()
            above_key = above_entry.group("key").strip()
            if above_entry.group("value"):
                why = f"so YAML reads it as part of the value of {above_key}"
            else:
                why = f"but {above_key} on line {previous} is not a group of fields"
            spaces = f"{_indent(above)} spaces before it" if _indent(above) else "at the start of the line"
            return Diagnosis(
                error.line,
                _indent(text) + 1,
                f"line {error.line} is indented more than line {previous}, {why}; line up {key}: with {above_key}: ({spaces})",
            )
    return Diagnosis(
        error.line,
        error.column,
        f"YAML cannot read the colon on line {error.line}: if it is inside a value, put the whole value in quotes; "
        "if it starts a field, line the field up with the fields around it",
    )


def _list_indent(error: _Error) -> Diagnosis | None:
    needles = (
        "but found '<block sequence start>'",
        "but found '<block mapping start>'",
        "expected '-' indicator",
        "did not find expected key",
    )
    if not any(needle in error.problem for needle in needles):
        return None
    text = error.content(error.line)
    previous = error.previous(error.line)
    if text.lstrip().startswith("-"):
        dashes = [n for n in range(error.line - 1, 0, -1) if error.content(n).lstrip().startswith("- ")]
        if dashes:
            other = dashes[0]
            return Diagnosis(
                error.line,
                _indent(text) + 1,
                f"the dash on line {error.line} is not lined up with the dash on line {other} "
                f"({_indent(error.content(other))} spaces before it); items of one list start at the same column",
            )
    where = f" (line {previous} has {_indent(error.content(previous))} spaces)" if previous else ""
    return Diagnosis(
        error.line,
        _indent(text) + 1,
        f"line {error.line} is indented differently from the lines around it{where}; line up the fields of one item",
    )


def _missing_dash(error: _Error) -> Diagnosis | None:
    """``- id: a`` … then ``id: b`` at the list's level: an item without its dash."""
    text = error.content(error.line)
    dash = "but found '?'" in error.problem or "expected '-' indicator" in error.problem
    if not dash or "block collection" not in error.context or text.lstrip().startswith("-"):
        return None
    return Diagnosis(
        error.line,
        _indent(text) + 1,
        f"line {error.line} starts a new item of the list but has no dash; start each item with '- ', like - {text.strip()}",
    )


def _unclosed_bracket(error: _Error) -> Diagnosis | None:
    found = re.search(r"',' or '([\]}])'", error.problem)
    if not found or not error.context_line:
        return None
    close = found.group(1)
    opening = "[" if close == "]" else "{"
    line, column = error.context_line, error.context_column or 1
    return Diagnosis(
        line,
        column,
        f"the {opening} on line {line} is not closed; end it with {close} on line {line} (values inside are separated by commas)",
    )


def _list_on_key_line(error: _Error) -> Diagnosis | None:
    if "sequence entries are not allowed" not in error.problem:
        return None
    entry = _KEY_VALUE.match(error.content(error.line))
    key = entry.group("key").strip() if entry else "the field"
    return Diagnosis(
        error.line,
        error.column,
        f"a list cannot start on the same line as its field: put each '- item' on its own line under {key}:, "
        f"indented by two spaces, or write the list in brackets, like {key}: [first, second]",
    )


def _cannot_start(error: _Error) -> Diagnosis | None:
    found = "that cannot start any token" in error.problem
    alias = "while scanning an alias" in error.context or "while scanning an anchor" in error.context
    if not found and not alias:
        return None
    column = (error.context_column if alias and error.context_line == error.line else None) or error.column
    character = error.content(error.line)[column - 1 : column] or "*"
    entry = _KEY_VALUE.match(error.content(error.line))
    example = f' like {entry.group("key").strip()}: "{entry.group("value")}"' if entry and entry.group("value") else ""
    return Diagnosis(error.line, column, f"a value cannot start with {character}; put the whole value in quotes,{example}".rstrip(","))


_HINTS = {
    "found undefined alias": "an alias (*name) with no anchor (&name) before it",
    "found unknown escape character": "a backslash in double quotes; use single quotes, or write \\\\ for a backslash",
    "found unexpected end of stream": "the file ends inside an unfinished value; check the quotes and brackets",
}

_RULES: list[Callable[[_Error], Diagnosis | None]] = [
    _tab,
    _unclosed_quote,
    _text_after_quote,
    _missing_colon,
    _mapping_value,
    _missing_dash,
    _list_indent,
    _unclosed_bracket,
    _list_on_key_line,
    _cannot_start,
]


def diagnose(text: str, error: yaml.MarkedYAMLError) -> Diagnosis:
    """The likely place of a YAML syntax error, and what to write there (the message starts 'this is not valid YAML: ')."""
    mark, context = error.problem_mark, error.context_mark
    line, column = (mark.line + 1, mark.column + 1) if mark else (1, 1)
    found = _Error(
        text=text,
        lines=text.splitlines(),
        problem=(error.problem or "").strip(),
        context=(error.context or "").strip(),
        line=line,
        column=column,
        context_line=context.line + 1 if context else None,
        context_column=context.column + 1 if context else None,
    )
    for rule in _RULES:
        diagnosis = rule(found)
        if diagnosis is not None:
            return Diagnosis(diagnosis.line, diagnosis.column, PREFIX + diagnosis.message)
    for needle, hint in _HINTS.items():
        if needle in found.problem:
            return Diagnosis(line, column, PREFIX + hint)
    # Nothing recognised: PyYAML stops at the start of a line when the trouble is often at the end of the one before.
    stripped = found.content(line)[: column - 1].strip()
    previous = found.previous(line)
    where = f"line {line}" + (f", or the end of line {previous}" if not stripped and previous else "")
    return Diagnosis(line, column, PREFIX + f"YAML could not read on from here ({found.problem or 'unknown error'}); look at {where}")


def code_frame(text: str, line: int, column: int, before: int = 2, after: int = 1, width: int = 100) -> str:
    """The lines around ``line`` with its number marked and a caret under ``column``::

      5 | title: Risk workshop
    > 6 | summary One line
        |        ^
      7 | type: workshop
    """
    lines = text.splitlines() or [""]
    line = min(max(line, 1), len(lines) + 1)
    first, last = max(1, line - before), min(len(lines), line + after)
    digits = len(str(max(last, line)))
    shown = []
    for number in range(first, max(last, line) + 1):
        content = lines[number - 1] if number <= len(lines) else ""
        content = content.replace("\t", "→")  # a tab, shown as one visible character
        start = max(0, column - width // 2) if number == line and len(content) > width else 0
        content = ("…" if start else "") + content[start : start + width]
        marker = ">" if number == line else " "
        shown.append(f"  {marker} {number:>{digits}} | {content}".rstrip())
        if number == line:
            offset = column - 1 - start + (1 if start else 0)
            shown.append(f"    {' ' * digits} | {' ' * max(offset, 0)}^")
    return "\n".join(shown)


__all__ = ["Diagnosis", "code_frame", "diagnose"]
