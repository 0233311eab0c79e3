"""Figures quoted in a report's words, taken from the data: ``{{ measure:<id> }}`` and ``{{ attendance:<figure> }}``.

A narrative (or a report's summary, an objective's evidence, a follow-up's
note, a recommendation) quotes a figure by reference instead of typing it,
so that it says what the tables say, whatever changes:

=====================================  =====================================================
``{{ measure:<id> }}``                 the measure's value in the report's year (``61.84%``)
``{{ measure:<id>:<year> }}``          its value in another year (``{{ measure:cpd-attendance:2024-25 }}``)
``{{ measure:<id>:target }}``          its target's figure (``75%``)
``{{ attendance:<figure> }}``          the Overall figure of the report's attendance appendix
``{{ attendance:<figure>:<year> }}``   the Overall figure of ``attendance/<year>.csv``
=====================================  =====================================================

``<figure>`` is one of ``booked``, ``attended``, ``non_attended``,
``attendance_pct``, ``non_attendance_pct``, ``cancelled_pct``, ``no_show_pct``
(as ``computed:`` names them). Anything else between ``{{`` and ``}}`` that
starts with a word and a colon is a reference the check does not know, and a
problem; other text in braces (``{{ 7*7 }}``) stays text. Numbers typed in
prose stay prose.

This module finds references and works out the numbers they stand for;
:mod:`partnership.core.present.quotes` writes them as the tables do.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal

from ..models.dataset import Dataset
from ..models.metrics import ATTENDANCE_FIGURES, Measure, MeasureValue
from ..models.reports import Report
from ..models.year import Year
from ..problems import allowed, hint, quote
from .attendance import figure, overall

CODE_SPAN = re.compile(r"(?P<ticks>`+)(?!`).+?(?<!`)(?P=ticks)(?!`)", re.S)
"""A Markdown code span: a reference inside one is shown as written (that is how a page explains the syntax)."""
REFERENCE = re.compile(r"\{\{\s*([A-Za-z_][\w-]*)\s*:\s*([^{}]*?)\s*\}\}")
"""``{{ kind:rest }}``: what a reference looks like (a word, a colon, then anything up to ``}}``)."""
KINDS = ("measure", "attendance")


@dataclass(frozen=True)
class Reference:
    """One reference found in a text: where it starts and ends, and what it names."""

    start: int
    end: int
    source: str
    """As written: ``{{ measure:cpd-attendance }}``."""
    kind: str
    parts: tuple[str, ...]


@dataclass(frozen=True)
class Quoted:
    """What a reference stands for: a measure's value (or its target), or an attendance figure."""

    measure: Measure | None = None
    value: MeasureValue | None = None
    target: bool = False
    attendance: int | Decimal | None = None
    figure: str = ""


class Unresolved(Exception):
    """A reference that names nothing, or a figure the data does not have (yet: ``missing``)."""

    def __init__(self, message: str, missing: bool = False, unknown_measure: bool = False):
        super().__init__(message)
        self.missing = missing
        self.unknown_measure = unknown_measure
        """The measure id names no measure (perhaps one in a metrics file that has problems of its own)."""


def references(text: str, markdown: bool = False) -> list[Reference]:
    """Every reference in ``text``, in order; in ``markdown``, those outside code spans."""
    skipped = [(m.start(), m.end()) for m in CODE_SPAN.finditer(text)] if markdown else []
    found = []
    for match in REFERENCE.finditer(text):
        if any(start <= match.start() < end for start, end in skipped):
            continue
        parts = tuple(part.strip() for part in match.group(2).split(":"))
        found.append(Reference(match.start(), match.end(), match.group(0), match.group(1), parts))
    return found


def resolve(reference: Reference, report: Report, dataset: Dataset) -> Quoted:
    """The figure ``reference`` stands for in ``report``; :class:`Unresolved` when there is none."""
    if reference.kind == "measure":
        return _measure(reference, report, dataset)
    if reference.kind == "attendance":
        return _attendance(reference, report, dataset)
    raise Unresolved(f"{quote(reference.kind)} is not a kind of reference{hint(reference.kind, KINDS)}; {allowed(KINDS)}")


def _measure(reference: Reference, report: Report, dataset: Dataset) -> Quoted:
    if len(reference.parts) not in (1, 2) or not reference.parts[0]:
        raise Unresolved("write {{ measure:<id> }}, {{ measure:<id>:<year> }} or {{ measure:<id>:target }}")
    measure_id = reference.parts[0]
    found = dataset.measure_by_id.get(measure_id)
    if found is None:
        raise Unresolved(
            f"{quote(measure_id)} is not a measure{hint(measure_id, dataset.measure_by_id)}; {allowed(sorted(dataset.measure_by_id))}",
            unknown_measure=True,
        )
    measure = found[1]
    which = reference.parts[1] if len(reference.parts) == 2 else report.year
    if which == "target":
        if measure.target is None:
            raise Unresolved(f"the measure {measure_id} has no target to quote")
        return Quoted(measure=measure, target=True)
    year = Year.parse(which)
    if year is None:
        raise Unresolved(f"{quote(which)} is neither a year (like {report.year}) nor target")
    value = measure.values.get(year)
    if value is None or value.pending is not None:
        raise Unresolved(f"the measure {measure_id} has no figure for {which} yet", missing=True)
    return Quoted(measure=measure, value=value)


def _attendance(reference: Reference, report: Report, dataset: Dataset) -> Quoted:
    if len(reference.parts) not in (1, 2) or reference.parts[0] not in ATTENDANCE_FIGURES:
        name = reference.parts[0] if reference.parts else ""
        raise Unresolved(f"{quote(name)} is not an attendance figure{hint(name, ATTENDANCE_FIGURES)}; {allowed(list(ATTENDANCE_FIGURES))}")
    name = reference.parts[0]
    if len(reference.parts) == 2:
        year = Year.parse(reference.parts[1])
        if year is None:
            raise Unresolved(f"{quote(reference.parts[1])} is not a year; write it like {report.year}")
        table = next((t for t in dataset.attendance.values() if t.year == year), None)
        if table is None:
            raise Unresolved(f"there is no attendance file for {year} (data/attendance/{year}.csv)", missing=True)
    else:
        table = dataset.attendance.get(report.attendance or "")
        if table is None:
            raise Unresolved(
                f"the {report.year} report has no attendance appendix; add attendance: attendance/{report.year}.csv to it, "
                "or name a year: {{ attendance:" + name + ":<year> }}",
                missing=bool(report.attendance),
            )
    return Quoted(attendance=figure(overall(table), name), figure=name)
