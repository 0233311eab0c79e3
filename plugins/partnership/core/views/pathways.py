"""What a career stage works towards, part by part, with the upcoming CPD that covers each part.

A stage names items (``kss-cf:9``), whole frameworks (``kss-cf``) or whole
frameworks at a level (``pcf@asye``). :func:`working_towards` turns those
into one :class:`Target` per framework, listing every part the stage works
towards with the upcoming events *for that stage* mapped to it, so that the
stage's page can show the whole set and its gaps.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..models.dataset import Dataset
from ..models.events import EventStatus
from ..models.frameworks import Framework, Item, Level
from ..models.pathways import Stage
from ..models.refs import ResolvedFramework, ResolvedItem
from .catalogue import Catalogue
from .events import EventView


@dataclass(frozen=True)
class Part:
    """One item a stage works towards, and the stage's upcoming events that map to it."""

    item: ResolvedItem
    descriptor: str | None
    """What the item looks like at the target's level, when the framework says."""
    events: tuple[EventView, ...]

    @property
    def gap(self) -> bool:
        """True when no upcoming event for the stage covers this part."""
        return not self.events


@dataclass(frozen=True)
class Target:
    """A framework (or some of its items) that a stage works towards."""

    framework: Framework
    level: Level | None
    whole: bool
    """True when the stage works towards every item (``kss-cf`` or ``pcf@asye``)."""
    parts: tuple[Part, ...]

    @property
    def gaps(self) -> tuple[Part, ...]:
        return tuple(part for part in self.parts if part.gap)


def stage_items(stage: Stage, dataset: Dataset) -> dict[str, tuple[Level | None, bool, list[Item]]]:
    """Framework id → (level, whole?, items) of what ``stage`` works towards, in the stage's order."""
    found: dict[str, tuple[Level | None, bool, list[Item]]] = {}
    for ref in stage.frameworks:
        target = dataset.refs.resolve_target(ref)
        if isinstance(target, ResolvedFramework):
            found[target.framework.id] = (target.level, True, list(target.framework.items))
        elif isinstance(target, ResolvedItem):
            level, whole, items = found.get(target.framework.id, (None, False, []))
            if not whole and target.item not in items:
                items.append(target.item)
            found[target.framework.id] = (level, whole, items)
    return found


def working_towards(stage: Stage, dataset: Dataset, catalogue: Catalogue) -> list[Target]:
    """Every framework ``stage`` works towards, each part with the stage's upcoming, not cancelled events."""
    events = [event for event in catalogue.for_stage(stage.id) if event.event.status != EventStatus.CANCELLED]
    targets = []
    for framework_id, (level, whole, items) in stage_items(stage, dataset).items():
        framework = dataset.frameworks[framework_id]
        if level is None and framework.id == "pcf" and stage.pcf_level:
            level = next((lv for lv in framework.levels if lv.id == stage.pcf_level), None)
        parts = []
        for item in items:
            key = f"{framework.id}:{item.id}"
            descriptor = item.descriptors.get(level.id) if level else None
            parts.append(Part(ResolvedItem(framework, item), descriptor, tuple(e for e in events if key in e.keys)))
        targets.append(Target(framework, level, whole, tuple(parts)))
    return targets


NEXT_DATES = 3
"""How many of a stage's next events its page puts first, under "What to do next"."""


def next_dates(events: list[EventView], count: int = NEXT_DATES) -> list[EventView]:
    """The soonest events that go ahead (not cancelled or postponed) with a date, for "What to do next"."""
    return [event for event in events if event.goes_ahead and event.start is not None][:count]
