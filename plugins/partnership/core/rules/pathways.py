"""Rules for ``data/pathways.yml``: stages lead to stages, work towards what the frameworks have, and exist while what
they work towards applies; a stage that is replaced is replaced by a stage that exists then.
"""

from __future__ import annotations

import datetime as dt

from ..models.pathways import Stage
from ..problems import allowed, not_one_of, quote
from .base import Rules, span


class PathwayRules(Rules):
    """The career stages."""

    def check(self) -> None:
        self.pathways()
        self.stages_over_time()

    def pathways(self) -> None:
        self.duplicates(self.d.pathways, lambda s: s.id, "id", "another stage")
        pcf = self.d.frameworks.get("pcf")
        levels = [level.id for level in pcf.levels] if pcf else []
        stage_ids = [s.id for s in self.d.pathways]
        for stage in self.d.pathways:
            if stage.pcf_level is not None:
                if pcf is None:
                    self.add(
                        stage,
                        ("pcf_level",),
                        "pcf_level: there is no data/frameworks/pcf.yml to take levels from; add it, or remove pcf_level",
                    )
                elif stage.pcf_level not in levels:
                    self.add(stage, ("pcf_level",), "pcf_level: " + not_one_of("a level of the PCF", stage.pcf_level, levels))
            for index, next_id in enumerate(stage.next):
                if next_id == stage.id:
                    self.add(stage, ("next", index), f"next: a stage cannot lead to itself ({quote(next_id)})")
                elif next_id not in stage_ids and not self.unread("stage", next_id):
                    self.add(stage, ("next", index), "next: " + not_one_of("a career stage", next_id, stage_ids))
            self.stage_targets(stage)

    def stage_targets(self, stage: Stage) -> None:
        """A stage works towards items (pcf:2), whole frameworks (kss-cf) or frameworks at a level (pcf@asye)."""
        for index, ref in enumerate(stage.frameworks):
            if self.d.refs.resolve_target(ref) is None and not self.framework_unread(ref):
                self.add(stage, ("frameworks", index), "frameworks: " + self.d.refs.explain_target(ref))

    def stages_over_time(self) -> None:
        """Each stage's in_force and replaced_by, and whether what it works towards applies while it exists."""
        stages = self.d.stage_by_id
        for stage in self.d.pathways:
            self.period(stage, "a stage")
            change = stage.replaced_by
            if change and stage.valid("replaced_by"):
                others = [s for s in stages if s != stage.id]
                successor = stages.get(change.stage)
                if change.stage == stage.id:
                    self.add(stage, ("replaced_by", "stage"), f"replaced_by.stage: a stage cannot replace itself; {allowed(others)}")
                elif successor is None and not self.unread("stage", change.stage):
                    self.add(stage, ("replaced_by", "stage"), "replaced_by.stage: " + not_one_of("a career stage", change.stage, others))
                elif (
                    successor is not None
                    and successor.in_force
                    and successor.valid("in_force")
                    and not successor.in_force.covers(change.start)
                ):
                    period = successor.in_force
                    self.add(
                        stage,
                        ("replaced_by", "from"),
                        f"replaced_by: {change.stage} takes over on {change.start}, but it exists only "
                        f"{span(period.start, period.until)} (its in_force); make the two dates agree",
                    )
            if stage.in_force and stage.valid("in_force", "frameworks"):
                self.stage_targets_in_force(stage)

    def stage_targets_in_force(self, stage: Stage) -> None:
        """What a stage works towards must apply at some time while the stage exists."""
        period = stage.in_force
        assert period is not None
        first, last = period.start or dt.date.min, period.until or dt.date.max
        for index, ref in enumerate(stage.frameworks):
            found = self.d.refs.resolve_target(ref)
            framework = found.framework if found else None
            if framework and framework.in_force and not framework.in_force.overlaps(first, last):
                self.add(
                    stage,
                    ("frameworks", index),
                    f"frameworks: {quote(ref)}: {framework.name} applies {span(framework.starts, framework.ends)}, never while "
                    f"this stage exists ({span(period.start, period.until)}); remove it, or name what applies then",
                )
