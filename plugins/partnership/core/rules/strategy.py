"""Rules for ``data/logic-model/`` and what reports say of it: items lead to items of the same model, objectives and
items name measures and areas that exist, reports set the status of their logic model's objectives and follow up
recommendations of earlier reports.
"""

from __future__ import annotations

from ..models.dataset import origin
from ..models.strategy import COLUMNS
from ..problems import did_you_mean, not_one_of, quote
from .base import Rules


class StrategyRules(Rules):
    """The logic models, objectives and recommendations."""

    def check(self) -> None:
        """Each logic model's items and objectives, then what the reports say of them."""
        measures = list(self.d.measure_by_id)
        areas = sorted(self.d.metrics)
        tags = sorted({t for e in self.d.events for t in e.tags})
        objective_ids: dict[str, str] = {}
        for model in self.d.logic_models:
            items = [(column, index, item) for column, _ in COLUMNS for index, item in enumerate(getattr(model, column))]
            ids = [item.id for _, _, item in items]
            seen: set[str] = set()
            for column, index, item in items:
                if item.id in seen:
                    self.add(model, (column, index, "id"), f"id: {quote(item.id)} is already the id of another item of this logic model")
                seen.add(item.id)
                for n, target in enumerate(item.leads_to):
                    if target == item.id:
                        self.add(model, (column, index, "leads_to", n), f"leads_to: an item cannot lead to itself ({quote(target)})")
                    elif target not in ids:
                        self.add(
                            model, (column, index, "leads_to", n), "leads_to: " + not_one_of("an item of this logic model", target, ids)
                        )
                for n, measure in enumerate(item.measures):
                    if measure not in measures and not self.unread("measure", measure):
                        self.add(model, (column, index, "measures", n), "measures: " + not_one_of("a measure id", measure, measures))
                for n, tag in enumerate(item.tags):
                    # A tag no event has yet shows as "0 events"; one a letter away from a real tag is a typo.
                    guess = did_you_mean(tag, tags)
                    if tag not in tags and guess:
                        self.add(model, (column, index, "tags", n), f"tags: no event has the tag {quote(tag)}; did you mean {guess}?")
            for index, objective in enumerate(model.objectives):
                if objective.id in objective_ids:
                    self.add(
                        model,
                        ("objectives", index, "id"),
                        f"id: {quote(objective.id)} is already the id of an objective in {objective_ids[objective.id]}",
                    )
                objective_ids.setdefault(objective.id, origin(model).path)
                if objective.area not in self.d.metrics and not self.unread("area", objective.area):
                    self.add(
                        model,
                        ("objectives", index, "area"),
                        "area: " + not_one_of("a metrics area in data/metrics/", objective.area, areas),
                    )
                for n, measure in enumerate(objective.measures):
                    if measure not in measures and not self.unread("measure", measure):
                        self.add(model, ("objectives", index, "measures", n), "measures: " + not_one_of("a measure id", measure, measures))
        self.reports()

    def reports(self) -> None:
        """Each report sets its logic model's objectives, follows up earlier reports' recommendations, and makes new ones."""
        areas = sorted(self.d.metrics)
        made: dict[str, str] = {}
        for report in sorted(self.d.reports, key=lambda r: r.year):
            if not report.valid("year"):
                continue
            logic = self.d.logic_model_for(report.year)
            allowed = [o.id for o in logic.objectives] if logic else []
            for objective_id in report.objectives:
                if objective_id not in allowed:
                    where = (
                        f"one of the {logic.period} logic model's objectives"
                        if logic
                        else f"an objective (no logic model in data/logic-model/ covers {report.year})"
                    )
                    self.add(report, ("objectives", objective_id), "objectives: " + not_one_of(where, objective_id, allowed), key=True)
            for recommendation_id in report.follow_ups:
                if recommendation_id not in made:
                    earlier = sorted(made)
                    self.add(
                        report,
                        ("follow_ups", recommendation_id),
                        "follow_ups: " + not_one_of("a recommendation of an earlier report", recommendation_id, earlier),
                        key=True,
                    )
            for index, recommendation in enumerate(report.recommendations):
                if recommendation.id in made:
                    self.add(
                        report,
                        ("recommendations", index, "id"),
                        f"id: {quote(recommendation.id)} is already a recommendation of the {made[recommendation.id]} report; every recommendation id must be different",
                    )
                elif recommendation.area and recommendation.area not in self.d.metrics and not self.unread("area", recommendation.area):
                    self.add(
                        report, ("recommendations", index, "area"), "area: " + not_one_of("a metrics area", recommendation.area, areas)
                    )
                made.setdefault(recommendation.id, report.year)
