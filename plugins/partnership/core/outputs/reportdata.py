"""The data behind report tables, as CSV: one row per measure, year and cohort.

UTF-8 with a header row. ``value`` holds the number as recorded (empty for
keywords, pending figures and missing years); ``text`` holds what the
report shows (``57.60%``, ``[x]``, ``Data available in 2023``, ``No
data``); ``note`` any footnote. A split's ``cohort`` is as the data writes
it (a partner's id) and ``cohort_name`` as the report shows it (the
partner's name). Text that a spreadsheet would run as a
formula is written as text (:mod:`.cells`).
"""

from __future__ import annotations

import csv
import io
from decimal import Decimal

from ..present import format as fmt
from ..present.values import NO_DATA_TEXT, NO_SHARE_TEXT, Names, cohort_name, part_text, value_text
from ..views.attendance import Appendix
from ..views.reports import MeasureTable
from .cells import csv_row

MEASURE_COLUMNS = ("area", "measure_id", "measure", "unit", "year", "cohort", "value", "text", "note", "cohort_name")
ATTENDANCE_COLUMNS = (
    "group",
    "key",
    "label",
    "bookings",
    "attendance",
    "non_attendance",
    "attendance_percent",
    "non_attendance_percent",
    "cancelled_percent",
    "no_show_percent",
)


def _csv(header: tuple[str, ...], rows: list[list[object]]) -> bytes:
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(header)
    writer.writerows(csv_row(row) for row in rows)
    return buffer.getvalue().encode("utf-8")


def _number(value: float) -> str:
    return fmt.number(value).replace(",", "")


def _share(share: Decimal | None) -> str:
    """``57.60`` (a percentage, without the sign); ``–`` when there were no bookings."""
    return NO_SHARE_TEXT if share is None else str(share)


def measures_csv(table: MeasureTable, names: Names | None = None) -> bytes:
    """One row per measure, year and part of a split; ``names`` (partner id → name) fill ``cohort_name``."""
    rows: list[list[object]] = []
    area = table.area
    for row in table.rows:
        m = row.measure
        for year, value, _ in row.cells:
            note = value.note if value and value.note else ""
            if value is not None and value.by:
                for cohort, part in value.by.items():
                    number = _number(part.number) if part.number is not None else ""
                    text = part_text(part, m)
                    rows.append([area.area, m.id, m.name, m.unit, year, cohort, number, text, note, cohort_name(cohort, names or {})])
                continue
            number = _number(value.number) if value is not None and value.number is not None else ""
            text = value_text(value, m) if value is not None else NO_DATA_TEXT
            rows.append([area.area, m.id, m.name, m.unit, year, "", number, text, note, ""])
    return _csv(MEASURE_COLUMNS, rows)


def attendance_csv(appendix: Appendix) -> bytes:
    rows: list[list[object]] = []
    for group, figures in (("partner", appendix.by_partner), ("type", appendix.by_type), ("overall", [appendix.overall])):
        for f in figures:
            rows.append(
                [
                    group,
                    f.key,
                    f.label,
                    f.bookings,
                    f.attended,
                    f.non_attendance,
                    _share(f.attendance_percent),
                    _share(f.non_attendance_percent),
                    _share(f.cancelled_percent),
                    _share(f.no_show_percent),
                ]
            )
    return _csv(ATTENDANCE_COLUMNS, rows)
