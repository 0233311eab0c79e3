"""Asking questions in the terminal, checking each answer as it is typed.

Every question says what kind of answer it wants, offers numbered choices
where there is a list, accepts choices by number, by name or in words
("5 and 7", "children's and adults'", "both", "face to face": :mod:`.choices`),
lists the candidates of an answer that could be several, and offers the
whole answer corrected when a word is mistyped (Enter accepts it), reads
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
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import TextIO, TypeVar

from .choices import Choices, read_choices

T = TypeVar("T")


class Cancelled(Exception):
    """The answers ran out: the end of the input (Ctrl+D, or a script's last line)."""


class Stopped(KeyboardInterrupt):
    """Stopped by a signal other than Ctrl+C (SIGTERM, SIGHUP: the terminal closed): nobody is there to answer any more."""


@dataclass
class Asker:
    """Asks questions on ``out`` and reads answers from ``source`` (by default the streams in use when it is made:
    the command line's, which show control characters as escapes, core/text.py)."""

    source: TextIO = field(default_factory=lambda: sys.stdin)
    out: TextIO = field(default_factory=lambda: sys.stdout)

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

    def choose(
        self, question: str, options: Sequence[tuple[str, str]], *, default: str | None = None, aliases: Mapping[str, str] | None = None
    ) -> str:
        """One of ``options`` (value, label), by number, value, label or another word for it (``aliases``)."""
        return self.choose_many(question, options, default=default, many=False, aliases=aliases)[0]

    def choose_many(
        self,
        question: str,
        options: Sequence[tuple[str, str]],
        *,
        default: str | None = None,
        many: bool = True,
        required: bool = True,
        aliases: Mapping[str, str] | None = None,
    ) -> list[str]:
        """Several of ``options``, in words or numbers: "2, 5", "5 and 7", "both" (:mod:`.choices`)."""
        choices = Choices(options, aliases)
        self.say(question)
        for choice in choices.choices:
            label, value = choice.label, choice.value
            self.say(f"  {choice.number:>2}. {label if label == value else f'{label} ({value})'}")
        prompt = "Numbers or names (like 1, 3 or 1 and 3)" if many else "Number or name"
        while True:
            raw = self.text(prompt, required=required, default=default)
            if raw is None:
                return []
            reading = read_choices(raw, choices, many)
            while reading.problem:
                self.say(f"  {reading.problem}")
                if not reading.suggestion:
                    break
                shown = ", ".join(choices.by_value[value].label for value in reading.suggestion)
                answer = self._read(f"Use {shown}? [Y/n, or type another answer]: ")
                if answer.lower() in ("", "y", "yes"):
                    return reading.suggestion
                if answer.lower() in ("n", "no"):
                    break
                reading = read_choices(answer, choices, many)
            else:
                return reading.picked

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
