"""Measures whose yearly values are computed from the data instead of typed: ``computed: attendance.<figure>``.

A measure that says ``computed: attendance.attendance_pct`` takes, for every
year that has an ``attendance/<year>.csv``, that file's Overall figure (the
same number the report's learning and development appendix prints), so the
measure table, its chart, the narratives that quote it and the appendix can
never disagree. Years without an attendance file keep their typed values
(figures from before the partnership kept attendance files); typing a value
for a year that has a file is a problem (a rule of :mod:`..rules.metrics`),
because one of the two would be wrong. A percentage of no bookings is
``n/a``. A computed percentage shows two decimal places in every year, as the
appendix does, unless the measure sets ``decimals`` itself.
"""

from __future__ import annotations

from ..models.attendance import AttendanceTable
from ..models.metrics import ATTENDANCE_FIGURES, Keyword, Measure, MeasureValue, MetricsArea, Unit
from ..views.attendance import figure, overall


def computed_value(measure: Measure, table: AttendanceTable) -> MeasureValue:
    """The value of a computed measure in the year of ``table``."""
    assert measure.computed is not None
    found = figure(overall(table), measure.computed.split(".", 1)[1])
    return MeasureValue(keyword=Keyword.NOT_APPLICABLE) if found is None else MeasureValue(number=float(found))


def fill_computed(metrics: dict[str, MetricsArea], attendance: dict[str, AttendanceTable]) -> dict[str, MetricsArea]:
    """``metrics`` with every computed measure's values filled in from the attendance files.

    (What a computed measure may not say, a unit other than its figure's or a value typed for a year
    an attendance file counts, is a rule of :mod:`..rules.metrics`.)
    """
    by_year = {table.year: table for table in attendance.values()}
    filled: dict[str, MetricsArea] = {}
    for key, area in metrics.items():
        measures = []
        changed = False
        for measure in area.measures:
            if measure.computed is None or not area.valid("measures"):
                measures.append(measure)
                continue
            unit = ATTENDANCE_FIGURES[measure.computed.split(".", 1)[1]]
            values = dict(measure.values)
            for year, table in by_year.items():
                values[year] = computed_value(measure, table)
            update: dict[str, object] = {"values": {year: values[year] for year in sorted(values)}}
            if measure.decimals is None and unit == Unit.PERCENT:
                update["decimals"] = 2  # as the appendix prints its percentages: 57.60%, never 57.6% beside 61.84%
            measures.append(measure.model_copy(update=update))
            changed = True
        filled[key] = area.model_copy(update={"measures": measures}) if changed else area
    return filled
