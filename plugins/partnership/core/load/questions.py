"""Finding the attendee's organisation in a booking question's column, by what it asks and what people answered.

Eventbrite puts each question a booking form asks in a column named by the
question itself ("Which organisation do you work for?"), so no list of
column names can know them all. When none of the names ``import.yml`` lists
is in the export, each other column is weighed: does its name ask about an
organisation (``organisation``, ``employer``, ``work for`` …), and do its
answers name the partnership's organisations (a partner's name or id, or a
spelling ``import.yml`` maps, exactly as the data writes them: a venue called
"Riverside Guildhall" is no partner)? The column whose answers name
organisations most is taken when its name asks about one, or when most of its
answers are organisations. A column of personal data (names, e-mail addresses, phone
numbers: the export's own person columns, any column whose name says so, and
any whose answers are e-mail addresses) is never weighed, never taken and
never suggested.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from ..models.attendance import is_personal_column
from ..models.dataset import Dataset

#: Words in a column's name that ask about the attendee's organisation.
ORGANISATION_WORDS: tuple[str, ...] = (
    "organisation",
    "organization",
    "employer",
    "employed",
    "company",
    "work for",
    "works for",
    "workplace",
    "place of work",
    "agency",
    "local authority",
)
MOST = 0.5
"""The share of a column's answers that must name organisations for it to be taken without a name that asks for one."""

_EMAIL = re.compile(r"[^@\s]+@[^@\s]+\.[^@\s]+")


def _normal(text: str) -> str:
    return " ".join(text.replace("’", "'").lower().split())


@dataclass(frozen=True)
class Recognised:
    """A column taken as the organisation's, and why."""

    column: str
    asks: bool
    """Its name asks about an organisation."""
    named: int
    """Answers that name an organisation the data knows."""
    answered: int
    """Answers given (not empty)."""

    def why(self) -> str:
        """``its name asks for an organisation; 64 of 72 answers name partners or organisations import.yml knows``."""
        parts = ["its name asks for an organisation"] if self.asks else []
        parts.append(f"{self.named} of {self.answered} answers name partners or organisations import.yml knows")
        return "; ".join(parts)


def organisation_question(header: Sequence[str], rows: Sequence[Sequence[str]], dataset: Dataset, taken: set[str]) -> Recognised | None:
    """The booking question's column that holds the attendee's organisation, or None (see the module's docstring)."""
    known = _known_organisations(dataset)
    person = set(dataset.import_settings.columns.person)
    best: Recognised | None = None
    for index, column in enumerate(header):
        if column in taken or column in person or is_personal_column(column):
            continue
        answers = [cells[index].strip() for cells in rows if index < len(cells) and cells[index].strip()]
        if not answers or any(_EMAIL.search(answer) for answer in answers):
            continue
        named = sum(1 for answer in answers if _normal(answer) in known)  # exactly: a venue "Riverside Guildhall" is no partner
        asks = any(word in _normal(column) for word in ORGANISATION_WORDS)
        found = Recognised(column, asks, named, len(answers))
        if named and (asks or named / len(answers) >= MOST) and (best is None or (named, asks) > (best.named, best.asks)):
            best = found
    return best


def _known_organisations(dataset: Dataset) -> set[str]:
    """Every way the data names an organisation: partners' ids and names, the spellings import.yml maps, 'other'."""
    known = {"other"}
    for partner in dataset.partners:
        known |= {_normal(partner.id), _normal(partner.name)}
    known |= {_normal(spelling) for spelling in dataset.import_settings.organisations}
    return known


def safe_to_suggest(header: Sequence[str], dataset: Dataset) -> list[str]:
    """The columns a message may suggest: never one of personal data."""
    person = set(dataset.import_settings.columns.person)
    return [column for column in header if column not in person and not is_personal_column(column)]


__all__ = ["ORGANISATION_WORDS", "Recognised", "organisation_question", "safe_to_suggest"]
