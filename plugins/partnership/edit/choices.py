"""Reading an answer against a list of choices the way people mean it.

People answer in words, not in the form a list was printed in: "5 and 7",
"PCF 5 and 7" (PCF 5 and PCF 7), "children's and adults'", "both", "face to
face" (in person), "values and knowledge". :func:`read_choices` reads such an
answer whole, and returns either every choice it names, in order, or what
went wrong with each part that named none: a part that could be several
choices lists them all, and a part that is probably a slip gets a suggestion
for the whole answer, never one that quietly drops the rest of it.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from ..core.problems import did_you_mean

#: Words that mean every choice of a list (``both`` only when there are two).
EVERY = frozenset({"all", "all of them", "every", "everyone", "all of the above", "any"})

_SEPARATORS = re.compile(r"\s*(?:,|;|&|\+|/|\band\b|\bplus\b)\s*")
_NUMBERED = re.compile(r"^(?P<prefix>[a-z][\w()'&-]*(?: [a-z][\w()'&-]*)*) (?P<number>\d+)$")


def normal(text: str) -> str:
    """An answer or a label as compared: lower case, plain quotes, no possessive, one space between words."""
    text = text.replace("’", "'").replace("‘", "'").lower()
    text = re.sub(r"(\w)'s\b", r"\1", text)  # children's → children
    text = re.sub(r"(\w)s'(?=\W|$)", r"\1s", text)  # adults' → adults
    text = re.sub(r"[\"'.!?]+(?=\s|$)", "", text)
    text = re.sub(r"[-_]", " ", text)
    return " ".join(text.split())


@dataclass(frozen=True)
class Choice:
    """One choice: the value written into the file, its label, and its place in the printed list (from 1)."""

    value: str
    label: str
    number: int

    def shown(self) -> str:
        return f"{self.number}. {self.label}" if self.label == self.value else f"{self.number}. {self.label} ({self.value})"


@dataclass
class Reading:
    """What an answer named: every choice (``picked``), or what went wrong (``problem``) and perhaps a ``suggestion``."""

    picked: list[str] = field(default_factory=list)
    problem: str | None = None
    suggestion: list[str] | None = None
    """The whole answer as it probably was meant, every part of it kept, when each part that failed has one likely choice."""


class Choices:
    """A list of choices and the other words people use for them (``face to face`` → ``in-person``)."""

    def __init__(self, options: Sequence[tuple[str, str]], aliases: Mapping[str, str] | None = None):
        self.choices = [Choice(str(value), label, number) for number, (value, label) in enumerate(options, start=1)]
        self.by_value = {choice.value: choice for choice in self.choices}
        self.aliases = {normal(word): value for word, value in (aliases or {}).items() if value in self.by_value}
        self._names: dict[str, str] = {}
        for choice in self.choices:
            for name in (choice.value, choice.value.rpartition(":")[2], choice.label):
                self._names.setdefault(normal(name), choice.value)

    def one(self, text: str) -> tuple[str | None, list[str]]:
        """The choice ``text`` names (value, []), the choices it could be (None, [several]), or neither (None, [])."""
        key = normal(text)
        if not key:
            return None, []
        if key.isdigit():
            number = int(key)
            return (self.choices[number - 1].value, []) if 1 <= number <= len(self.choices) else (None, [])
        if key in self._names:
            return self._names[key], []
        if key in self.aliases:
            return self.aliases[key], []
        words = re.compile(rf"(?:^|\W){re.escape(key)}(?:$|\W)")
        containing = [c.value for c in self.choices if words.search(normal(c.label)) or words.search(normal(c.value))]
        if len(containing) == 1:
            return containing[0], []
        return None, containing

    def exactly(self, text: str) -> bool:
        """True when ``text`` is a choice's number, value, label or other word, whole (not a word inside a label)."""
        key = normal(text)
        return (key.isdigit() and 1 <= int(key) <= len(self.choices)) or key in self._names or key in self.aliases

    def guess(self, text: str) -> str | None:
        """The choice a mistyped part is probably (``workshp`` → workshop), or None."""
        key = normal(text)
        guess = did_you_mean(key, list(self._names)) or did_you_mean(key, list(self.aliases))
        if guess is None:
            return None
        return self._names.get(guess) or self.aliases.get(guess)


def read_choices(raw: str, choices: Choices, many: bool) -> Reading:
    """Every choice ``raw`` names, in order, each once; or why it cannot be read (see the module's docstring)."""
    text = normal(raw)
    everything = [c.value for c in choices.choices]
    if many and (text in EVERY or (text == "both" and len(everything) == 2)):
        return Reading(everything)
    whole, candidates = choices.one(raw)
    if whole is not None and choices.exactly(raw):
        return Reading([whole])
    parts = [part for part in _SEPARATORS.split(text) if part]
    if not many:
        if len(parts) > 1 and all(choices.one(part)[0] for part in parts):
            return Reading(problem="Choose one only.")
        if whole is not None:
            return Reading([whole])
        return _failed(raw, [(raw, candidates, None if candidates else choices.guess(raw))], [], choices)
    if len(parts) > 1:
        # Parts first: "2 and 3" is choices 2 and 3, not the one choice whose label says "years 2 and 3".
        split = _read_parts(raw, parts, choices)
        if split.problem is None or whole is None:
            return split
    return Reading([whole]) if whole is not None else _read_parts(raw, parts, choices)


def _read_parts(raw: str, parts: list[str], choices: Choices) -> Reading:
    """The choices the parts of an answer name, a run of parts read as one where that names a choice ("values and ethics")."""
    picked: list[str] = []
    failed: list[tuple[str, list[str], str | None]] = []
    order: list[tuple[int, str | None]] = []  # (failure index or -1, value) in the answer's order
    prefix = ""
    start = 0
    while start < len(parts):
        part = parts[start]
        found, end = None, start + 1
        if choices.exactly(part) or (prefix and part.isdigit()):  # a number or a whole name stands alone: "2 and 3"
            found = _named(part, prefix, choices)
        else:
            for stop in range(len(parts), start, -1):  # the longest run of parts that names one choice: "values and ethics"
                found = _named(" and ".join(parts[start:stop]), prefix, choices)
                if found is not None:
                    end = stop
                    break
        numbered = _NUMBERED.match(part)
        prefix = numbered.group("prefix") if numbered else prefix if part.isdigit() else ""
        if found is None:
            _, candidates = choices.one(part)
            failed.append((part, candidates, None if candidates else choices.guess(part)))
            order.append((len(failed) - 1, None))
        elif found not in picked:
            picked.append(found)
            order.append((-1, found))
        start = end
    if failed:
        return _failed(raw, failed, order, choices)
    return Reading(picked) if picked else Reading(problem="Choose at least one.")


def _named(text: str, prefix: str, choices: Choices) -> str | None:
    """The one choice ``text`` names; a bare number after "PCF 5" is read as "PCF 7" first (PCF 5 and 7)."""
    if prefix and text.isdigit():
        found, _ = choices.one(f"{prefix} {text}")
        if found is not None:
            return found
    return choices.one(text)[0]


def _failed(raw: str, failed: list[tuple[str, list[str], str | None]], order: list[tuple[int, str | None]], choices: Choices) -> Reading:
    """What to say about the parts that named no one choice; a whole-answer suggestion when each has one likely choice."""
    lines = []
    for part, candidates, guess in failed:
        if candidates:
            listed = "; ".join(choices.by_value[value].shown() for value in candidates)
            lines.append(
                f"'{part}' could be {len(candidates)} choices: {listed}. Type the number of each one you mean (or the whole answer again)."
            )
        else:
            hint = f" Did you mean {guess}?" if guess else ""
            lines.append(f"'{part}' is not one of the choices.{hint}")
    understood = [value for index, value in order if index == -1 and value is not None]
    if understood:
        lines.append("Understood so far: " + ", ".join(choices.by_value[value].label for value in understood) + ".")
    suggestion = None
    if all(guess for _, candidates, guess in failed) and (len(failed) > 1 or understood):
        suggestion = []
        for index, value in order or [(0, None)]:
            chosen = value if index == -1 else failed[index][2]
            if chosen is not None and chosen not in suggestion:
                suggestion.append(chosen)
        lines.append("The whole answer would then be: " + ", ".join(choices.by_value[v].label for v in suggestion) + ".")
    elif len(failed) == 1 and failed[0][2] and not understood:
        suggestion = [failed[0][2]]
    if not suggestion and not any(candidates for _, candidates, _ in failed):
        lines.append(f"Type a number from 1 to {len(choices.choices)}, or a name.")
    return Reading(problem=" ".join(lines), suggestion=suggestion)


__all__ = ["Choice", "Choices", "Reading", "normal", "read_choices"]
