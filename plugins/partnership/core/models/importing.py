"""``data/import.yml`` and ``data/attendance/<year>.imports.yml``: reading booking exports, and what each import wrote.

Booking systems name their columns differently and people type their
organisation's name in many ways; ``import.yml`` says which column is which
(a list of the names booking systems use, the first one an export has being
taken), which values mean "came" and "cancelled", and which spellings mean
which partner or event. ``python3 build.py import-attendance`` reads it.

The import writes ``<year>.imports.yml`` beside ``<year>.csv``: which rows
each import wrote, named by the event names of the export they came from.
Importing those events again replaces exactly those rows; rows typed by hand,
and rows from other exports, are never touched. It holds event names and
partner ids only, never anything about a person.
"""

from __future__ import annotations

import datetime as dt
import re

from pydantic import Field

from .common import DataModel

ColumnNames = str | list[str]
"""One column name, or the names different booking systems give it (the first one the export has is used)."""


def names(value: ColumnNames | None) -> list[str]:
    """A column's possible names as a list (``None`` → none)."""
    if value is None:
        return []
    return [value] if isinstance(value, str) else list(value)


class Columns(DataModel):
    """Which column of the export holds what: for each, the names booking systems give it. Defaults fit Eventbrite."""

    event: ColumnNames = ["Event Name", "Event", "Event Title", "Course", "Course Title"]
    """The event's name."""
    organisation: ColumnNames = [
        "Organisation",
        "Organization",
        "Organisation name",
        "Organization name",
        "Company",
        "Employer",
    ]
    """The booking question asking for the attendee's organisation."""
    status: ColumnNames | None = ["Attendee Status", "Status", "Booking Status"]
    """The booking's status (attending, cancelled, refunded …)."""
    checked_in: ColumnNames | None = ["Checked In", "Check-in", "Check In"]
    """Whether the attendee was checked in on the day."""
    person: list[str] = ["Email"]
    """Columns that together identify one person, to spot duplicate bookings. Read in memory, never written."""


class ImportSettings(DataModel):
    """How to turn an attendee export into attendance counts."""

    columns: Columns = Columns()
    attended: list[str] = Field(default_factory=lambda: ["Checked In", "Yes", "Attended"])
    """Values of the checked-in (or status) column that mean the person came."""
    cancelled: list[str] = Field(default_factory=lambda: ["Cancelled", "Refunded", "Not Attending", "Deleted"])
    """Values of the status column that mean the booking was cancelled."""
    events: dict[str, str] = {}
    """Event names as the export writes them → event ids in data/events/."""
    organisations: dict[str, str] = {}
    """Organisation names as people type them → partner ids (or other)."""


FINGERPRINT = re.compile(r"^sha256:[0-9a-f]{64}$")


class ImportedEvent(DataModel):
    """The rows one import wrote for one event of its export."""

    name: str
    """The event's name in the export."""
    event: str
    """The attendance file's ``event`` cell of those rows: the event's id, or the export's name when it is not in the catalogue."""
    partners: list[str] = []
    """The ``partner`` cell of each row written for it."""


class ImportedExport(DataModel):
    """One import of one booking export."""

    export: str
    """The export's file name (left out when it held a person's name)."""
    fingerprint: str = Field(pattern=FINGERPRINT.pattern)
    """``sha256:`` and the SHA-256 of the export's bytes: the same export imported twice has the same one."""
    imported: dt.datetime
    """When it was imported (UK time)."""
    events: list[ImportedEvent] = []


class ImportLog(DataModel):
    """What each import wrote into one year's attendance file (written by the import; not edited by hand)."""

    imports: list[ImportedExport] = []


__all__ = ["Columns", "ImportLog", "ImportSettings", "ImportedEvent", "ImportedExport", "names"]
