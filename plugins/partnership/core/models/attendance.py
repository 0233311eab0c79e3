"""``data/attendance/<year>.csv``: aggregated booking and attendance counts.

Counts, never people: one row per event and partner. The CSV is read by
:mod:`partnership.core.load`; these are the rows it produces.
"""

from __future__ import annotations

from dataclasses import dataclass

from .importing import ImportLog
from .year import Year

COLUMNS: tuple[str, ...] = ("event", "partner", "booked", "attended", "cancelled", "no_show")
COUNT_COLUMNS: tuple[str, ...] = ("booked", "attended", "cancelled", "no_show")
SPECIAL_PARTNERS: tuple[str, ...] = ("other", "unknown")

#: Column names that would hold personal data, compared after lower-casing and
#: removing spaces, hyphens and underscores, so ``First Name`` is caught too.
PERSONAL_COLUMNS: frozenset[str] = frozenset(
    {"name", "names", "attendee", "attendees", "delegate", "person", "mail", "address", "dob", "initials"}
)
#: Parts of a column name that mark personal data wherever they appear.
PERSONAL_PARTS: tuple[str, ...] = (
    "email",
    "firstname",
    "lastname",
    "surname",
    "forename",
    "fullname",
    "givenname",
    "familyname",
    "attendeename",
    "delegatename",
    "phone",
    "mobile",
    "postcode",
    "dateofbirth",
    "birthdate",
    "staffid",
    "employeeid",
    "payroll",
    "registration",
)


def is_personal_column(name: str) -> bool:
    """True when a column's name says it would hold personal data."""
    key = "".join(ch for ch in name.lower() if ch.isalnum())
    return key in PERSONAL_COLUMNS or any(part in key for part in PERSONAL_PARTS)


@dataclass(frozen=True)
class AttendanceRow:
    event: str
    partner: str
    booked: int
    attended: int
    cancelled: int
    no_show: int
    line: int = 0
    """The row's line in the CSV file."""
    partner_column: int = 1
    """The column where the row's partner cell starts."""


@dataclass(frozen=True)
class AttendanceTable:
    year: Year
    path: str
    rows: tuple[AttendanceRow, ...]
    imports: ImportLog | None = None
    """What imports wrote into it (``<year>.imports.yml``), when any did."""


IMPORT_LOG_SUFFIX = ".imports.yml"
"""``2025-26.imports.yml`` records what each import wrote into ``2025-26.csv``."""
