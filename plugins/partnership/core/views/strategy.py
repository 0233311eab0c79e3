"""Accountability over time: objectives year by year, recommendations and what became of them, partners' returns.

Nothing a board agreed disappears silently: every recommendation is listed
with each later report's follow-up, and a later report that says nothing
about one is shown as "No update in <year>".
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from ..models.dataset import Dataset
from ..models.metrics import Measure, Part
from ..models.partners import Partner
from ..models.reports import Report
from ..models.strategy import FollowUp, LogicModel, Objective, ObjectiveUpdate, Recommendation, period_years
from ..models.year import Year
from .attendance import Appendix, Figures, appendix
from .catalogue import Catalogue
from .events import EventView


def model_years(model: LogicModel) -> list[str]:
    first, last = period_years(model.period)
    return [Year.starting(y) for y in range(first, last)]


@dataclass(frozen=True)
class ObjectiveHistory:
    objective: Objective
    model: LogicModel
    updates: list[tuple[str, ObjectiveUpdate | None]]
    """(year, the status that year's report set) for every year of the period that has a report."""

    @property
    def latest(self) -> tuple[str, ObjectiveUpdate] | None:
        for year, update in reversed(self.updates):
            if update is not None:
                return year, update
        return None


def objective_histories(dataset: Dataset, model: LogicModel) -> list[ObjectiveHistory]:
    years = [y for y in model_years(model) if dataset.report(y)]
    return [
        ObjectiveHistory(objective, model, [(y, dataset.report(y).objectives.get(objective.id)) for y in years])  # type: ignore[union-attr]
        for objective in model.objectives
    ]


def section_objectives(dataset: Dataset, report: Report, area: str) -> list[tuple[Objective, ObjectiveUpdate | None]]:
    """The objectives of an area in the logic model covering the report's year, with this year's status."""
    model = dataset.logic_model_for(report.year)
    if model is None:
        return []
    return [(o, report.objectives.get(o.id)) for o in model.objectives if o.area == area]


@dataclass(frozen=True)
class RecommendationHistory:
    recommendation: Recommendation
    made_in: Report
    follow_ups: list[tuple[Report, FollowUp | None]] = field(default_factory=list)
    """Every later report, with what it said (None: it said nothing)."""

    @property
    def status(self) -> str:
        """The latest word: done, in progress, dropped, No update in <year>, or Awaiting the next report."""
        if not self.follow_ups:
            return "Awaiting the next report"
        report, follow_up = self.follow_ups[-1]
        if follow_up is None:
            return f"No update in {report.year}"
        return follow_up.status.capitalize()


def recommendation_histories(dataset: Dataset) -> list[RecommendationHistory]:
    """Every recommendation, oldest report first, with each later report's follow-up."""
    reports = sorted(dataset.reports, key=lambda r: r.year)
    histories = []
    for index, report in enumerate(reports):
        for recommendation in report.recommendations:
            later = [(r, r.follow_ups.get(recommendation.id)) for r in reports[index + 1 :]]
            histories.append(RecommendationHistory(recommendation, report, later))
    return histories


def follow_ups_in(
    dataset: Dataset, report: Report, histories: Sequence[RecommendationHistory] | None = None
) -> list[tuple[RecommendationHistory, FollowUp]]:
    """The earlier recommendations this report follows up (from ``histories``, when :func:`recommendation_histories` is worked out already)."""
    found = []
    for history in recommendation_histories(dataset) if histories is None else histories:
        for later, follow_up in history.follow_ups:
            if later.year == report.year and follow_up is not None:
                found.append((history, follow_up))
    return found


@dataclass(frozen=True)
class PartnerYear:
    year: str
    figures: Figures
    overall: Figures
    top_events: list[tuple[str, int]]
    """(event id or name, bookings) of the events the partner's staff booked most."""


@dataclass(frozen=True)
class PartnerView:
    partner: Partner
    provided_upcoming: list[EventView]
    provided_past: list[EventView]
    years: list[PartnerYear]
    measures: list[tuple[Measure, list[tuple[Year, Part]]]]
    """Measures split by partner: (measure, [(year, this partner's part)])."""

    def year(self, year: str) -> PartnerYear | None:
        return next((y for y in self.years if y.year == year), None)

    def provided_in(self, first: dt.date, last: dt.date) -> list[EventView]:
        """The events it ran that started between ``first`` and ``last``."""
        return [e for e in self.provided_past + self.provided_upcoming if e.start is not None and first <= e.start.date() <= last]


def partner_view(dataset: Dataset, catalogue: Catalogue, partner: Partner, appendices: Mapping[str, Appendix] | None = None) -> PartnerView:
    """What the partnership gives ``partner``; ``appendices``: each attendance file's (by path), when worked out already."""
    provided = [e for e in catalogue.events if e.provider is not None and e.provider.id == partner.id]
    years = []
    for path, table in sorted(dataset.attendance.items(), key=lambda kv: kv[1].year):
        extra = appendices[path] if appendices is not None else appendix(table, dataset)
        figures = next(f for f in extra.by_partner if f.key == partner.id)
        booked: dict[str, int] = {}
        for row in table.rows:
            if row.partner == partner.id:
                booked[row.event] = booked.get(row.event, 0) + row.booked
        top = sorted(booked.items(), key=lambda kv: (-kv[1], kv[0]))[:5]
        years.append(PartnerYear(table.year, figures, extra.overall, top))
    measures = []
    for area in dataset.metrics.values():
        for measure in area.measures:
            parts = [(year, value.by[partner.id]) for year, value in sorted(measure.values.items()) if value.by and partner.id in value.by]
            if parts:
                measures.append((measure, parts))
    return PartnerView(
        partner,
        [e for e in provided if e.upcoming],
        [e for e in provided if not e.upcoming],
        years,
        measures,
    )
