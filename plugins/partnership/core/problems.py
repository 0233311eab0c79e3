"""Problems found in the data, and how they are reported.

Every rule in the core reports through here, so that every message has the
same shape, the one the data contract fixes::

    data/events/2026/x.yml:7:3: audience: 'astronaut' is not a career stage; allowed: student, nqsw-asye, …

Problems are collected, never raised one at a time: the people who keep the
data fix everything in one go. :class:`DataError` carries them all: first the
files that could not be read at all (other problems may follow from them),
then the rest sorted by file, line and column.

Beside problems there are **warnings**: likely typos that are still valid
data (a session years away from the others, a percentage written as a
fraction). A warning never stops a build; ``check``, ``build`` and the
preview list it, located like a problem::

    data/events/2026/x.yml:12:12: warning: sessions[3].start: …
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Literal

from .text import visible

Level = Literal["syntax", "problem", "warning"]
"""``syntax``: the file could not be read at all; ``problem``: the data is wrong; ``warning``: probably a typo."""
_RANK: dict[str, int] = {"syntax": 0, "problem": 1, "warning": 2}


@dataclass(frozen=True, order=True)
class Problem:
    """One thing wrong (or probably wrong) in one place.

    ``line`` and ``column`` count from 1, as editors show them; a problem
    with the file as a whole (it is missing, or empty) is at ``1:1``.
    ``frame`` is the file's text around the place with a caret under the
    column, for problems where seeing the lines helps (YAML that cannot be read).
    """

    path: str
    line: int
    column: int
    message: str
    level: Level = "problem"
    frame: str = field(default="", compare=False, repr=False)

    def __str__(self) -> str:
        marker = "warning: " if self.level == "warning" else ""
        # A file name or a quoted value never runs a terminal's escapes nor starts a line of its own.
        return f"{visible(self.path)}:{self.line}:{self.column}: {marker}{visible(self.message)}"

    def shown(self) -> str:
        """The problem's line, with its code frame below it when it has one."""
        return f"{self}\n{self.frame}" if self.frame else str(self)


def in_order(problems: Iterable[Problem]) -> list[Problem]:
    """Files that cannot be read first (the likely root causes), then by file, line and column; duplicates once."""
    return sorted(set(problems), key=lambda p: (_RANK[p.level], p))


def plural(count: int, word: str) -> str:
    """``1 problem``, ``2 problems``."""
    return f"{count} {word}{'' if count == 1 else 's'}"


class DataError(Exception):
    """The data has problems; nothing may be published from it."""

    def __init__(self, problems: Iterable[Problem], warnings: Iterable[Problem] = (), held_back: int = 0):
        self.problems: list[Problem] = in_order(problems)
        self.warnings: list[Problem] = in_order(warnings)
        self.held_back = held_back
        """References not checked because they lead to what could not be read (see :class:`Problems`)."""
        super().__init__(self.report())

    def report(self) -> str:
        """Every problem (with its code frame), then a count; then the warnings."""
        lines = [p.shown() for p in self.problems]
        if self.held_back:
            lines.append(
                f"({plural(self.held_back, 'reference')} in other files to what could not be read above "
                f"{'is' if self.held_back == 1 else 'are'} not checked until it can be.)"
            )
        lines.append(f"{plural(len(self.problems), 'problem')} found; nothing was published.")
        if self.warnings:
            lines.append(warnings_report(self.warnings))
        return "\n".join(lines)


def warnings_report(warnings: Sequence[Problem]) -> str:
    """The warnings, one a line, under a line saying what they are."""
    head = f"{plural(len(warnings), 'warning')}: probably typing mistakes; the site is built anyway, so check each says what you meant:"
    return "\n".join([head, *(str(w) for w in warnings)])


@dataclass
class Problems:
    """A collector that rules add to; :meth:`raise_if_any` ends a pass."""

    items: list[Problem] = field(default_factory=list)
    warnings: list[Problem] = field(default_factory=list)
    held_back: int = 0
    """References a rule did not check because they lead to a file (or an entry) that could not be read."""

    def add(self, path: str, line: int, column: int, message: str, *, level: Level = "problem", frame: str = "") -> None:
        problem = Problem(path, max(line, 1), max(column, 1), message, level, frame)
        (self.warnings if level == "warning" else self.items).append(problem)

    def warn(self, path: str, line: int, column: int, message: str) -> None:
        """A likely typo: listed, never stopping the build."""
        self.add(path, line, column, message, level="warning")

    def extend(self, problems: Iterable[Problem]) -> None:
        self.items.extend(problems)

    def __bool__(self) -> bool:
        return bool(self.items)

    def __len__(self) -> int:
        return len(self.items)

    def raise_if_any(self) -> None:
        if self.items:
            raise DataError(self.items, self.warnings, self.held_back)


def quote(value: object) -> str:
    """A value as the user typed it, quoted, and short enough for one line."""
    text = value if isinstance(value, str) else _plain(value)
    if len(text) > 60:
        text = text[:57] + "…"
    return f"'{text}'"


def _plain(value: object) -> str:
    if value is None:
        return "nothing"
    if value is True:
        return "true"
    if value is False:
        return "false"
    return str(value)


def allowed(choices: Sequence[str], limit: int = 12) -> str:
    """``allowed: a, b, c`` with an ellipsis when the list is long."""
    shown = list(choices[:limit])
    more = ", …" if len(choices) > limit else ""
    if not shown:
        return "there is nothing to choose from yet"
    return "allowed: " + ", ".join(shown) + more


def did_you_mean(value: object, choices: Iterable[str]) -> str | None:
    """The nearest choice to a mistyped value, or None when nothing is close.

    Catches both typing slips (``'workshp'`` → ``workshop``) and shortened
    ids (``'nqsw'`` → ``nqsw-asye``).
    """
    if not isinstance(value, str) or not value:
        return None
    pool = list(choices)
    lowered = {c.lower(): c for c in pool}
    needle = value.strip().lower()
    if needle in lowered and lowered[needle] != value:
        return lowered[needle]
    # The closest by difflib's ratio (as get_close_matches, cutoff 0.6); on a tie the earlier choice wins,
    # so 'nqsw' suggests nqsw-asye, listed first, rather than whichever sorts last.
    scored = [(difflib.SequenceMatcher(None, key, needle).ratio(), -index, key) for index, key in enumerate(lowered)]
    best = max((entry for entry in scored if entry[0] >= 0.6), default=None)
    if best is not None:
        return lowered[best[2]]
    starts = [c for c in pool if c.lower().startswith(needle) or needle.startswith(c.lower())]
    if len(starts) == 1:
        return starts[0]
    return None


def not_one_of(what: str, value: object, choices: Sequence[str]) -> str:
    """``'x' is not a <what>; did you mean y? allowed: …``"""
    return f"{quote(value)} is not {what}{hint(value, choices)}; {allowed(choices)}"


def hint(value: object, choices: Iterable[str]) -> str:
    """`` (did you mean x?)`` when a choice is close to ``value``, else nothing."""
    guess = did_you_mean(value, choices)
    return f" (did you mean {guess}?)" if guess else ""
