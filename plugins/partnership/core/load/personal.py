"""What in a booking export's free text could be personal data, or could run in a spreadsheet.

An export's event and organisation cells are typed by people, and the
import writes them into ``data/`` (an event not in the catalogue is kept
under the export's name; an organisation the import suggests mapping goes
into ``data/import.yml``). So before a row is counted, :class:`Guard` says
why each of those cells could not be written, without ever quoting it:

* it looks like an e-mail address (``jo@x.org``, ``jo[at]x.org``,
  ``jo＠x.org``) or a UK telephone number, or it is one of the export's
  names or e-mail addresses (any row's);
* it holds the row's own name (first and last name, in either order) or
  the full name of anyone in the export (``Strengths-Based Practice for Ivy Pepper``);
* it is not the catalogue's or ``import.yml``'s own text and holds the
  row's own first name or surname alone, as a word of its own (unless that
  is a word of the catalogue's), or a name by a common pattern: a title and
  a name in any case (``Dr Walter Skinner``, ``dr walter skinner``), or two
  or three capitalised words after ``for``, ``with``, ``by`` or in brackets
  whose first is no word of the catalogue's (``… (Jo March)``);
* it would be a formula in a spreadsheet (:func:`..text.formula_like`),
  which ``data/attendance/*.csv``, a file editors open in Excel, must never hold;
* it holds a hidden control character or a line break.

Names are compared as :func:`skeleton` writes them: Unicode's compatibility
forms folded (NFKC: a fullwidth ＠ is an @), letters from other scripts that
look Latin read as the Latin letter (a Cyrillic е in ``Pеpper``), and case
folded, so that a look-alike spelling hides nothing.

The patterns cannot know every name, and may hold back an event's real
name now and then (``… (Motivational Interviewing)`` if no event of the
catalogue uses those words): the row is then left out with the reason,
and mapping that name to its event in ``data/import.yml`` lets it in.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from ..text import CONTROL, formula_like

_EMAIL = re.compile(r"[^@\s]+@[^@\s]+\.[^@\s]+|\S+\s*[\[(]\s*at\s*[\])]\s*\S+", re.I)
_PHONE = re.compile(r"(?<![\d+])(?:\+\s?44\s?\(?0?\)?|\(?0)\d(?:[\s-]?\(?\d\)?){8,9}(?!\d)")
"""A UK telephone number: 0 or +44 and nine or ten more digits, spaced or not (07700 900123, +44 (0)20 7946 0018)."""
_ANY_TITLE = re.compile(r"\b(?:dr|mr|mrs|ms|miss|mx|prof|professor|sir|dame|cllr|councillor|rev|revd)\.?\s+([^\W\d_]{2,})")
_LOOK_ALIKES = str.maketrans(
    "аеорсухіјѕԁɡӏһԛԝАВЕКМНОРСТХІЈЅУοαινκρτυχΑΒΕΖΗΙΚΜΝΟΡΤΥΧ",
    "aeopcyxijsdglhqwABEKMHOPCTXIJSYoaivkptuxABEZHIKMNOPTYX",
)
"""Cyrillic and Greek letters that look like Latin ones (from Unicode's confusables), read as the Latin letter."""
_WORD = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*")
_TITLE = re.compile(r"\b(?:Dr|Mr|Mrs|Ms|Miss|Mx|Prof|Professor|Sir|Dame|Cllr|Councillor|Rev|Revd)\.?\s+[A-Z][a-z'’-]+")
_NAME_RUN = re.compile(r"(?:\bfor|\bwith|\bby|\bfrom|\(|[-–—:,]\s)\s*((?:[A-Z][a-z'’-]+\s+){1,2}[A-Z][a-z'’-]+)\b")

COMMON_WORDS = frozenset(
    re.findall(
        r"\w+",
        """
    social work worker workers practice practices practitioner practitioners educator educators manager managers
    management team teams leader leaders leadership lead leads supervisor supervisors supervision student students
    newly qualified assessed assessor assessors year years first second third final children child adult adults young
    people family families parent parents carer carers service services council borough county district city trust
    university college school partnership partners partner training course courses workshop workshops session sessions
    part one two three four five six day days half full online virtual person face week weeks cohort group groups
    introduction advanced level levels stage stages module modules unit units network networks conference forum
    webinar programme program hub refresher update mental health safeguarding protection law legal court care skills
    learning development research reflective reflection assessment assessments planning approved professional
    professionals practise the and of for with in on to a an new england london north south east west central
    community public local national staff team support trauma informed domestic abuse violence risk strengths based
    systemic relationship relationships
        """,
    )
)
"""Words common in the names of social work events, organisations and courses: not taken for a person's name."""


def skeleton(text: str) -> str:
    """``text`` as names are compared: NFKC, look-alike letters read as Latin, case folded, one space between words."""
    return normal(unicodedata.normalize("NFKC", text).translate(_LOOK_ALIKES).casefold())


def normal(text: str) -> str:
    """Text as compared: lower case, one space between words, a curly apostrophe straight."""
    return " ".join(text.replace("’", "'").lower().split())


def _words(text: str) -> list[str]:
    return [word.lower() for word in _WORD.findall(text)]


def _phrases(words: list[str], longest: int = 3) -> Iterable[str]:
    for size in range(2, longest + 1):
        for start in range(len(words) - size + 1):
            yield " ".join(words[start : start + size])


@dataclass(frozen=True)
class Guard:
    """The export's people (kept in memory only) and the words of the catalogue: judges one row's free-text cells."""

    people: frozenset[str]
    """Every name and e-mail address in the export, normalised (each cell, and first and last names together)."""
    vocabulary: frozenset[str]
    """Words of the catalogue's titles, the partners' names and :data:`COMMON_WORDS`."""

    @classmethod
    def of(cls, people: Iterable[str], texts: Iterable[str]) -> Guard:
        return cls(
            frozenset(skeleton(person) for person in people),
            frozenset(COMMON_WORDS | {skeleton(word) for text in texts for word in _words(text)}),
        )

    def problem(self, value: str, own: list[str], known: Callable[[str], bool]) -> str | None:
        """Why ``value`` (an event or organisation cell) cannot be written, or None; ``own`` is the row's own name cells,
        ``known`` says whether the value is the catalogue's or import.yml's own text."""
        if formula_like(value):
            return "starts like a spreadsheet formula (=, +, -, @)"
        stripped = value.strip()
        if CONTROL.search(stripped) or "\n" in stripped:
            return "holds a line break or a hidden control character"
        folded = skeleton(stripped)
        if _EMAIL.search(folded):
            return "looks like an e-mail address"
        if _PHONE.search(folded):
            return "looks like a telephone number"
        if folded in self.people:
            return "is a person's name or e-mail address from the export"
        words = _words(folded)
        names = [w for cell in own if not _EMAIL.search(cell) for w in _words(skeleton(cell))]
        if len(names) >= 2 and all(name in words for name in names):
            return "holds the name of the person who booked"
        if any(phrase in self.people for phrase in _phrases(words)):
            return "holds the name of a person in the export"
        if known(stripped):
            return None
        if any(len(name) > 1 and name in words and name not in self.vocabulary for name in names):
            return "holds the first name or surname of the person who booked"
        if _TITLE.search(stripped) or any(match.group(1) not in self.vocabulary for match in _ANY_TITLE.finditer(folded)):
            return "holds what looks like a title and a name (Dr, Mrs …)"
        for match in _NAME_RUN.finditer(stripped):
            if _words(match.group(1))[0] not in self.vocabulary:  # a given name first, as in 'for Ivy Pepper', '(Jo March)'
                return "holds what looks like a person's name (capitalised words after 'for', 'with' or in brackets)"
        return None
