"""``data/import.yml``: how to read a booking system's attendee export.

Booking systems name their columns differently and people type their
organisation's name in many ways; this file says which column is which,
which values mean "came" and "cancelled", and which spellings mean which
partner. ``python3 build.py import-attendance`` reads it.
"""

from __future__ import annotations

from pydantic import Field

from .common import DataModel


class Columns(DataModel):
    """Which column of the export holds what. Defaults fit Eventbrite's attendee report."""

    event: str = "Event Name"
    """The event's name."""
    organisation: str = "Organisation"
    """The booking question asking for the attendee's organisation."""
    status: str | None = "Attendee Status"
    """The booking's status (attending, cancelled, refunded …)."""
    checked_in: str | None = "Checked In"
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
