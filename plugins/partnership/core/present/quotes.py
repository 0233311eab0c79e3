"""Figures quoted by reference in a report's words, written as the tables write them.

:mod:`partnership.core.views.references` says what a reference stands for;
here it becomes text: ``{{ measure:cpd-attendance }}`` reads ``61.84%``
(with the measure's decimal places and symbols), ``{{ attendance:booked }}``
``1,457`` and ``{{ attendance:attendance_pct }}`` ``61.84%``, as the
appendix prints them. ``check`` refuses a reference that names nothing; a
figure that a draft report quotes before the data has it reads
``[figure not yet available: …]`` in the preview (a published report with
one is refused by ``check``).
"""

from __future__ import annotations

import dataclasses
import re
from decimal import Decimal

from ..models.dataset import Dataset
from ..models.reports import Report
from ..views.references import Quoted, Unresolved, references, resolve
from . import format as fmt
from .values import Names, number_text, share_text, value_text

_MARKDOWN_SPECIAL = re.compile(r"([\\`*_\[\]<>#])")


def quoted_text(found: Quoted, names: Names) -> str:
    """A resolved reference as the report's tables write it."""
    if found.measure is not None:
        measure = found.measure
        if found.target:
            assert measure.target is not None
            return number_text(measure.target.value, measure.unit)
        return value_text(found.value, measure, names)
    if isinstance(found.attendance, Decimal) or (found.attendance is None and found.figure.endswith("_pct")):
        return share_text(found.attendance)
    return fmt.number(found.attendance or 0)


def with_figures(text: str, report: Report, dataset: Dataset, names: Names, markdown: bool = False) -> str:
    """``text`` with every reference replaced by its figure (escaped for Markdown when ``markdown``; code spans left alone)."""
    if "{{" not in text:
        return text
    pieces, last = [], 0
    for reference in references(text, markdown):
        try:
            shown = quoted_text(resolve(reference, report, dataset), names)
        except Unresolved as error:
            shown = f"[figure not yet available: {error}]" if error.missing else reference.source
        pieces.append(text[last : reference.start])
        pieces.append(_MARKDOWN_SPECIAL.sub(r"\\\1", shown) if markdown else shown)
        last = reference.end
    pieces.append(text[last:])
    return "".join(pieces)


def report_with_figures(report: Report, dataset: Dataset, names: Names) -> Report:
    """``report`` with the references in its summary, evidence, notes and recommendations replaced by their figures."""

    def fill(text: str | None) -> str | None:
        return None if text is None else with_figures(text, report, dataset, names)

    def fill_text(text: str) -> str:
        return with_figures(text, report, dataset, names)

    objectives = {key: update.model_copy(update={"evidence": fill_text(update.evidence)}) for key, update in report.objectives.items()}
    follow_ups = {key: follow.model_copy(update={"note": fill_text(follow.note)}) for key, follow in report.follow_ups.items()}
    recommendations = [r.model_copy(update={"text": fill_text(r.text)}) for r in report.recommendations]
    return report.model_copy(
        update={"summary": fill(report.summary), "objectives": objectives, "follow_ups": follow_ups, "recommendations": recommendations}
    )


def dataset_with_figures(dataset: Dataset, names: Names) -> Dataset:
    """``dataset`` whose reports' words quote their figures (see :func:`report_with_figures`)."""
    if not any("{{" in r.model_dump_json() for r in dataset.reports):
        return dataset
    return dataclasses.replace(dataset, reports=[report_with_figures(r, dataset, names) for r in dataset.reports])
