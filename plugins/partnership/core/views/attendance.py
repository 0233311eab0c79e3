"""The learning and development appendix: bookings and attendance, by partner and by event type.

Every percentage is a share of bookings, rounded half up to two decimals
(``Decimal("57.60")``, which pages show as ``57.60%``), as partnerships
publish them; None when there are no bookings to divide by. Partners come in partners.yml
order, then Other, then Unknown, then the Overall row; every partner has a
row even with no bookings, so the table has the same shape every year.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from ..models.attendance import AttendanceRow, AttendanceTable
from ..models.dataset import Dataset
from ..models.events import TYPE_NAMES

NOT_IN_CATALOGUE = "Not in the catalogue"


def percent(part: int, whole: int) -> Decimal | None:
    """``part`` as a percentage of ``whole`` to two decimals, rounded half up; None when ``whole`` is 0."""
    if whole == 0:
        return None
    return (Decimal(part) * 100 / Decimal(whole)).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)


@dataclass(frozen=True)
class Figures:
    """One row of the appendix."""

    label: str
    key: str
    bookings: int
    attended: int
    cancelled: int
    no_show: int

    @property
    def non_attendance(self) -> int:
        return self.bookings - self.attended

    @property
    def attendance_percent(self) -> Decimal | None:
        return percent(self.attended, self.bookings)

    @property
    def non_attendance_percent(self) -> Decimal | None:
        return percent(self.non_attendance, self.bookings)

    @property
    def cancelled_percent(self) -> Decimal | None:
        return percent(self.cancelled, self.bookings)

    @property
    def no_show_percent(self) -> Decimal | None:
        return percent(self.no_show, self.bookings)


def figure(figures: Figures, name: str) -> int | Decimal | None:
    """One figure of a row by the name ``computed: attendance.<name>`` gives it (None: a share of no bookings)."""
    return {
        "booked": figures.bookings,
        "attended": figures.attended,
        "non_attended": figures.non_attendance,
        "attendance_pct": figures.attendance_percent,
        "non_attendance_pct": figures.non_attendance_percent,
        "cancelled_pct": figures.cancelled_percent,
        "no_show_pct": figures.no_show_percent,
    }[name]


def overall(table: AttendanceTable) -> Figures:
    """The Overall row of a year's attendance: every booking in the file."""
    return _total("Overall", "overall", table.rows)


def _total(label: str, key: str, rows: Iterable[AttendanceRow]) -> Figures:
    rows = list(rows)
    return Figures(
        label,
        key,
        sum(r.booked for r in rows),
        sum(r.attended for r in rows),
        sum(r.cancelled for r in rows),
        sum(r.no_show for r in rows),
    )


@dataclass(frozen=True)
class Appendix:
    table: AttendanceTable
    by_partner: list[Figures]
    by_type: list[Figures]
    overall: Figures


def appendix(table: AttendanceTable, dataset: Dataset) -> Appendix:
    rows = table.rows
    by_partner = [_total(p.name, p.id, (r for r in rows if r.partner == p.id)) for p in dataset.partners]
    by_partner.append(_total("Other", "other", (r for r in rows if r.partner == "other")))
    by_partner.append(_total("Unknown", "unknown", (r for r in rows if r.partner == "unknown")))

    def kind(row: AttendanceRow) -> str:
        event = dataset.event_by_id.get(row.event)
        return event.type if event else NOT_IN_CATALOGUE

    kinds = {kind(r) for r in rows}
    by_type: list[Figures] = []
    if kinds - {NOT_IN_CATALOGUE}:  # only then does a table by type say more than the overall row
        by_type = [_total(name, key, (r for r in rows if kind(r) == key)) for key, name in TYPE_NAMES.items() if key in kinds]
        if NOT_IN_CATALOGUE in kinds:
            by_type.append(_total(NOT_IN_CATALOGUE, "not-in-catalogue", (r for r in rows if kind(r) == NOT_IN_CATALOGUE)))
    return Appendix(table, by_partner, by_type, overall(table))
