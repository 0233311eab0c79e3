"""Asking questions in the terminal, checking each answer as it is typed.

Every question says what kind of answer it wants, offers numbered choices
where there is a list, accepts a choice by number or by name whatever its
capitals (and suggests the nearest name when a word is mistyped), reads
dates and times as people in the UK write them (:mod:`.answers`) and says
back how it understood them, and asks again, explaining why, until the
answer is valid: a wrong answer never ends the command. Questions read from
any text stream, so tests and scripts can answer them.

Plain numbered prompts rather than arrow-key menus (questionary and
prompt_toolkit): they work the same in every terminal, over SSH, in the
Windows console, when answers are piped in, and with a screen reader, which
full-screen menus do not.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TextIO, TypeVar

from ..core.problems import did_you_mean

T = TypeVar("T")


class Cancelled(Exception):
    """The person stopped answering (end of input or Ctrl+C)."""


@dataclass
class Asker:
    """Asks questions on ``out`` and reads answers from ``source``."""

    source: TextIO = sys.stdin
    out: TextIO = sys.stdout

    def say(self, text: str = "") -> None:
        print(text, file=self.out, flush=True)

    def _read(self, prompt: str) -> str:
        self.out.write(prompt)
        self.out.flush()
        line = self.source.readline()
        if not line:
            raise Cancelled()
        if not getattr(self.source, "isatty", lambda: False)():
            self.out.write(line if line.endswith("\n") else line + "\n")  # echo answers read from a file
        return line.strip()

    def text(
        self, question: str, *, required: bool = True, default: str | None = None, check: Callable[[str], str | None] | None = None
    ) -> str | None:
        """Free text. ``check`` returns a reason to refuse the answer, or None."""
        hint = f" [{default}]" if default else ("" if required else " (optional, Enter to skip)")
        while True:
            answer = self._read(f"{question}{hint}: ") or (default or "")
            if not answer:
                if required:
                    self.say("  An answer is needed here.")
                    continue
                return None
            problem = check(answer) if check else None
            if problem:
                self.say(f"  {problem}")
                continue
            return answer

    def value(self, question: str, read: Callable[[str], T], *, default: str | None = None, echo: Callable[[T], str] | None = None) -> T:
        """An answer turned into a value by ``read`` (which raises ValueError with the reason); said back with ``echo``."""
        while True:
            answer = self.text(question, default=default) or ""
            try:
                found = read(answer)
            except ValueError as error:
                self.say(f"  {error}")
                continue
            if echo is not None:
                self.say(f"  → {echo(found)}")
            return found

    def lines(self, question: str) -> str | None:
        """Several lines of text, ended by an empty line (an empty first line skips the question)."""
        self.say(f"{question} (end with an empty line; press Enter now to skip)")
        lines: list[str] = []
        while True:
            line = self._read("  " if lines else "> ")
            if not line:
                return "\n".join(lines).strip() or None
            lines.append(line)

    def choose(self, question: str, options: Sequence[tuple[str, str]], *, default: str | None = None) -> str:
        """One of ``options`` (value, label), by number, value or label."""
        return self.choose_many(question, options, default=default, many=False)[0]

    def choose_many(
        self, question: str, options: Sequence[tuple[str, str]], *, default: str | None = None, many: bool = True, required: bool = True
    ) -> list[str]:
        """Several of ``options``, separated by commas."""
        self.say(question)
        for number, (value, label) in enumerate(options, start=1):
            shown = label if label == value else f"{label} ({value})"
            self.say(f"  {number:>2}. {shown}")
        prompt = "Numbers or names, separated by commas" if many else "Number or name"
        while True:
            raw = self.text(prompt, required=required, default=default)
            if raw is None:
                return []
            picked, problem = _pick(raw, options, many)
            if problem:
                self.say(f"  {problem}")
                continue
            return picked

    def yes(self, question: str, default: bool = False) -> bool:
        while True:
            answer = self._read(f"{question} [{'Y/n' if default else 'y/N'}]: ").lower()
            if not answer:
                return default
            if answer in ("y", "yes"):
                return True
            if answer in ("n", "no"):
                return False
            self.say("  Answer y or n.")


def _pick(raw: str, options: Sequence[tuple[str, str]], many: bool) -> tuple[list[str], str | None]:
    values = [value for value, _ in options]
    by_label = {label.lower(): value for value, label in options}
    picked: list[str] = []
    parts = [p.strip() for p in raw.split(",") if p.strip()] if many else [raw.strip()]
    for part in parts:
        by_value = {v.lower(): v for v in values}
        if part.isdigit() and 1 <= int(part) <= len(options):
            value = values[int(part) - 1]
        elif part.lower() in by_value:
            value = by_value[part.lower()]
        elif part.lower() in by_label:
            value = by_label[part.lower()]
        elif len(containing := [v for v, label in options if part.lower() in label.lower() or part.lower() == v.rpartition(":")[2]]) == 1:
            value = containing[0]  # a word of one choice only ('values' → PCF 2 Values and Ethics)
        else:
            guess = did_you_mean(part, values) or did_you_mean(part, list(by_label))
            if guess in by_label:
                guess = by_label[guess]
            hint = f" Did you mean {guess}?" if guess else ""
            return [], f"'{part}' is not one of the choices.{hint} Type a number from 1 to {len(options)}, or a name."
        if value not in picked:
            picked.append(value)
    if not picked:
        return [], "Choose at least one."
    return picked, None
