"""Characters that must never reach a page, a file or a terminal as they are.

A data file, a front matter field, a file name or a cell of a booking export
may hold characters nobody can see: control characters pasted from another
program (a vertical tab, ``\\x01``), a terminal's escape sequences
(``\\x1b[2J`` clears the screen, ``\\x1b]0;…\\x07`` sets the window's title)
or Unicode's bidirectional overrides, which make text read in another order
than it is stored (``\\u202e``). One list of them is kept here:

* :func:`controls` finds them in a value, so that the rules report each with
  its place (a Word file cannot hold them at all; XML, HTML and calendars
  turn them into invalid files or hidden text);
* :func:`visible` writes them as escapes (``\\x1b``, ``\\n``), so that a
  message that names a file or quotes a value can neither run a terminal's
  escape sequences nor forge a ``path:line:column:`` line of its own;
* :class:`VisibleStream` does the same to everything a command prints.

:func:`formula_like` is the one rule for text a spreadsheet would run as a
formula (a CSV cell starting with ``=``, ``+``, ``-``, ``@``, a tab or a
carriage return): downloads write such text as text, and nothing an import
writes into ``data/`` may be one.

Tab and newline are text in a multi-line field and in a message; every other
C0 control, DEL, the C1 controls, the bidirectional embeddings,
overrides and isolates, Unicode's noncharacters (U+FFFE, U+FFFF, U+FDD0…)
and lone surrogates are not.
"""

from __future__ import annotations

import re
import unicodedata
from typing import TextIO

_BIDI = "\u202a-\u202e\u2066-\u2069"
NONCHARACTERS = "\ufdd0-\ufdef" + "".join(f"{chr(plane * 0x10000 + 0xFFFE)}{chr(plane * 0x10000 + 0xFFFF)}" for plane in range(17))
"""Unicode's noncharacters (U+FDD0 to U+FDEF, and the last two code points of every plane, U+FFFE, U+FFFF … U+10FFFF):
never text, refused by XML (so by Word files and feeds); with the surrogates (U+D800 to U+DFFF, half of a pair, which a
YAML escape can make and UTF-8 cannot hold)."""
_NOT_TEXT = NONCHARACTERS + "\ud800-\udfff"
CONTROL = re.compile(f"[\x00-\x08\x0b-\x1f\x7f-\x9f{_BIDI}{_NOT_TEXT}]")
"""A character no value may hold: C0 controls except tab and newline, DEL, C1 controls, bidi embeddings and overrides,
noncharacters and lone surrogates."""
_ONE_LINE = re.compile(f"[\x00-\x1f\x7f-\x9f{_BIDI}{_NOT_TEXT}]")

_NAMES = {
    0x00: "a null character",
    0x07: "a bell",
    0x08: "a backspace",
    0x09: "a tab",
    0x0A: "a line break",
    0x0B: "a vertical tab",
    0x0C: "a form feed",
    0x0D: "a carriage return",
    0x1B: "an escape, which starts a terminal's control sequences",
    0x7F: "a delete character",
    0x85: "a next-line control",
}


def controls(text: str) -> list[tuple[int, str]]:
    """Every character of :data:`CONTROL` in ``text``, with its offset."""
    return [(match.start(), match.group()) for match in CONTROL.finditer(text)]


def describe(char: str) -> str:
    """``a vertical tab (U+000B)``: a control character named for people."""
    code = ord(char)
    name = _NAMES.get(code)
    if name is None:
        if 0x202A <= code <= 0x202E or 0x2066 <= code <= 0x2069:
            name = f"the {unicodedata.name(char).lower()}, which makes text read in another order than it is written"
        elif 0xD800 <= code <= 0xDFFF:
            return f"half of a surrogate pair (U+{code:04X}), which is not a character and cannot be saved as UTF-8"
        elif 0xFDD0 <= code <= 0xFDEF or code & 0xFFFE == 0xFFFE:
            return f"a Unicode noncharacter (U+{code:04X}), which is never text: Word files and feeds cannot hold it"
        elif code < 0x20:
            name = "a control character"
        else:
            name = "a hidden control character"
    return f"{name} (U+{code:04X})"


def _escape(match: re.Match[str]) -> str:
    char = match.group()
    special = {"\n": "\\n", "\t": "\\t", "\r": "\\r"}.get(char)
    if special:
        return special
    code = ord(char)
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}" if code < 0x10000 else f"\\U{code:08x}"


def visible(text: str, *, one_line: bool = True) -> str:
    """``text`` with its control characters written as escapes (``\\x1b``); ``one_line`` escapes tabs and line breaks too."""
    return (_ONE_LINE if one_line else CONTROL).sub(_escape, text)


def control_problem(text: str) -> str | None:
    """What a value holding control characters is told, or None: the first one, named, and what to do."""
    if CONTROL.search(text) is None:  # the usual case, at the regular expression engine's speed
        return None
    found = controls(text)
    more = f", and {len(found) - 1} more such" if len(found) > 1 else ""
    return (
        f"this text holds {describe(found[0][1])}{more}: a hidden character that pages, calendars and Word files "
        "cannot show; delete it (it often comes from copying text out of another program)"
    )


FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
"""What a spreadsheet reads as the start of a formula in a CSV cell (OWASP's list)."""
_NUMBER = re.compile(r"[+-]?[£$€]?\d[\d,]*(?:\.\d+)?%?", re.ASCII)


def formula_like(value: str) -> bool:
    """True for text that Excel or LibreOffice would run as a formula in a CSV cell (``=HYPERLINK(…)``, ``@SUM(…)``,
    `` =1+1`` after spaces); a number as written (``-5``, ``-3.2%``) is not."""
    stripped = value.lstrip()  # a spreadsheet skips leading spaces (a no-break space too) before the =
    return (value.startswith(FORMULA_STARTS) or stripped.startswith(FORMULA_STARTS)) and not _NUMBER.fullmatch(stripped)


class VisibleStream:
    """A text stream that writes control characters as escapes (tab and line breaks pass): what commands print to."""

    def __init__(self, stream: TextIO):
        self._stream = stream

    def write(self, text: str) -> int:
        self._stream.write(visible(text, one_line=False))
        return len(text)

    def writelines(self, lines: list[str]) -> None:
        for line in lines:
            self.write(line)

    def __getattr__(self, name: str) -> object:
        return getattr(self._stream, name)
