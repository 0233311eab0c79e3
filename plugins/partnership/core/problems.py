"""Problems found in the data, and how they are reported.

Every rule in the core reports through here, so that every message has the
same shape, the one the data contract fixes::

    data/events/2026/x.yml:7:3: audience: 'astronaut' is not a career stage; allowed: student, nqsw-asye, …

Problems are collected, never raised one at a time: the people who keep the
data fix everything in one go. :class:`DataError` carries them all, sorted by
file, line and column.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field


@dataclass(frozen=True, order=True)
class Problem:
    """One thing wrong in one place.

    ``line`` and ``column`` count from 1, as editors show them; a problem
    with the file as a whole (it is missing, or empty) is at ``1:1``.
    """

    path: str
    line: int
    column: int
    message: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}:{self.column}: {self.message}"


class DataError(Exception):
    """The data has problems; nothing may be published from it."""

    def __init__(self, problems: Iterable[Problem]):
        self.problems: list[Problem] = sorted(set(problems))
        super().__init__(self.report())

    def report(self) -> str:
        """Every problem, one a line, then a count."""
        lines = [str(p) for p in self.problems]
        count = len(self.problems)
        lines.append(f"{count} problem{'s' if count != 1 else ''} found; nothing was published.")
        return "\n".join(lines)


@dataclass
class Problems:
    """A collector that rules add to; :meth:`raise_if_any` ends a pass."""

    items: list[Problem] = field(default_factory=list)

    def add(self, path: str, line: int, column: int, message: str) -> None:
        self.items.append(Problem(path, max(line, 1), max(column, 1), message))

    def extend(self, problems: Iterable[Problem]) -> None:
        self.items.extend(problems)

    def __bool__(self) -> bool:
        return bool(self.items)

    def __len__(self) -> int:
        return len(self.items)

    def raise_if_any(self) -> None:
        if self.items:
            raise DataError(self.items)


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
