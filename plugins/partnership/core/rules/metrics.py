"""Rules for ``data/metrics/``: a measure's id is its own, and each year's value means what its unit says.

A value's form (a number, a keyword, a split, pending text) is the model's (:func:`..models.metrics.parse_value`);
what it must mean, given its measure and the other files, is here: a percentage from 0 to 100, a count whole, no
typed value where an attendance file gives it, and the warnings for a fraction typed as a percentage or a year far ahead.
"""

from __future__ import annotations

from ..models.common import DataModel
from ..models.dataset import origin
from ..models.metrics import ATTENDANCE_FIGURES, MeasureValue, MetricsArea, Unit
from ..problems import quote
from .base import Rules

YEARS_AHEAD = 1
"""A measure's value for a year more than this after the newest report's is probably a mistyped year (a warning)."""


class MetricRules(Rules):
    """The measures and their values."""

    def check(self) -> None:
        first: dict[str, str] = {}
        for area in self.d.metrics.values():
            for index, measure in enumerate(area.measures):
                if measure.id in first:
                    self.add(
                        area,
                        ("measures", index, "id"),
                        f"id: {quote(measure.id)} is already the id of a measure in {first[measure.id]}; "
                        "measure ids must be different across all areas, because each has its own page",
                    )
                else:
                    first[measure.id] = origin(area).path
                if measure.target and measure.unit == Unit.PERCENT and not 0 <= measure.target.value <= 100:
                    self.add(
                        area,
                        ("measures", index, "target", "value"),
                        f"target: {measure.target.value:g} is not a percentage; a percent is from 0 to 100",
                    )
                counted = {table.year for table in self.d.attendance.values()} if measure.computed else set()
                for year, value in measure.values.items():
                    if year in counted:
                        continue  # counted from the year's attendance file, whose own rules say what is wrong with it
                    label = f"measures[{index + 1}].values.{year}"
                    self.value(area, ("measures", index, "values", year), label, measure.unit, value)
                self.computed(area, index)
                self.fraction_typos(area, index)
                self.year_typos(area, index)

    def computed(self, area: MetricsArea, index: int) -> None:
        """A computed measure's unit is its figure's, and no year an attendance file counts has a typed value as well."""
        measure = area.measures[index]
        if measure.computed is None or not area.valid("measures"):
            return
        unit = ATTENDANCE_FIGURES[measure.computed.split(".", 1)[1]]
        if measure.unit != unit:
            self.add(
                area,
                ("measures", index, "unit"),
                f"unit: {measure.unit} does not fit computed: {measure.computed}, which is a {unit}; write unit: {unit}",
            )
        typed = origin(area)
        for table in self.d.attendance.values():
            if typed.has("measures", index, "values", table.year):
                self.add(
                    area,
                    ("measures", index, "values", table.year),
                    f"values.{table.year}: this measure is computed from {table.path} ({measure.computed}), so its {table.year} value "
                    f"cannot be typed as well; delete this value (the site shows the file's figure)",
                )

    def fraction_typos(self, area: MetricsArea, index: int) -> None:
        """Warnings: a percentage written as a fraction (0.11 when the other years are 11 to 22)."""
        measure = area.measures[index]
        if measure.unit != Unit.PERCENT:
            return
        numbers = {year: value.number for year, value in measure.values.items() if value.number is not None}
        for year, number in numbers.items():
            others = [n for y, n in numbers.items() if y != year]
            if not 0 < number < 1 or not others or min(others) < 2:
                continue
            self.warn(
                area,
                ("measures", index, "values", year),
                f"measures[{index + 1}].values.{year}: {number:g} looks like a fraction, but the other years are "
                f"{min(others):g} to {max(others):g} percent; did you mean {number * 100:g}?",
            )

    def year_typos(self, area: MetricsArea, index: int) -> None:
        """Warnings: a value for a year far beyond the newest report's (2052-53 typed for 2025-26)."""
        newest = max((r.year for r in self.d.reports if r.valid("year")), default=None)
        if newest is None:
            return
        measure = area.measures[index]
        for year in measure.values:
            ahead = year.start - newest.start
            if ahead > YEARS_AHEAD:
                self.warn(
                    area,
                    ("measures", index, "values", year),
                    f"measures[{index + 1}].values: {year} is {ahead} years after the newest report ({newest}); is the year right?",
                    key=True,
                )

    def value(self, area: DataModel, path: tuple[str | int, ...], label: str, unit: Unit, value: MeasureValue) -> None:
        numbers: list[tuple[tuple[str | int, ...], float]] = []
        if value.number is not None:
            numbers.append(((*path, "value") if origin(area).has(*path, "value") else path, value.number))
        for cohort, part in (value.by or {}).items():
            if part.number is not None:
                numbers.append(((*path, "by", cohort), part.number))
        for where, number in numbers:
            if unit == Unit.PERCENT and not 0 <= number <= 100:
                self.add(
                    area, where, f"{label}: {number:g} is not a percentage; a percent is from 0 to 100 (write 57.6, not 0.576 or 5760)"
                )
            elif unit == Unit.COUNT and (number < 0 or number != int(number)):
                self.add(area, where, f"{label}: {number:g} is not a count; a count is a whole number, 0 or more")
