"""The planning grid: career stage × framework item over the next twelve months.

For each framework in force at some time in the next twelve months, and each
career stage that works towards it, :func:`planning_grids` counts the
upcoming events (not cancelled) that are for that stage and map to each item,
with their CPD hours. A cell for an item the stage works towards is judged:
**Gap** (no event), **Under-served** (one) or **Covered** (two or more), so
that a CPD lead sees, say, what the April 2027 early career standards need
that the programme lacks.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from dateutil.relativedelta import relativedelta

from ..models.events import EventStatus
from ..models.frameworks import Framework, Item
from ..models.pathways import Stage
from .catalogue import Catalogue
from .pathways import stage_items

#: How far ahead the grid looks.
WINDOW = relativedelta(months=12)


@dataclass(frozen=True)
class Cell:
    """The events for one stage that map to one item, and whether the stage works towards it."""

    events: int
    hours: float
    needed: bool

    @property
    def status(self) -> str | None:
        """A word, never only a colour: Gap, Under-served or Covered; None where the stage does not work towards the item."""
        if not self.needed:
            return None
        if self.events == 0:
            return "Gap"
        if self.events == 1:
            return "Under-served"
        return "Covered"


@dataclass(frozen=True)
class Grid:
    """One framework's items (rows) against the stages that work towards it (columns)."""

    framework: Framework
    stages: tuple[Stage, ...]
    rows: tuple[tuple[Item, tuple[Cell, ...]], ...]

    def count(self, status: str) -> int:
        """How many cells have ``status``."""
        return sum(1 for _, cells in self.rows for cell in cells if cell.status == status)


@dataclass(frozen=True)
class Planning:
    first: dt.date
    last: dt.date
    grids: tuple[Grid, ...]
    unplanned: tuple[Framework, ...]
    """Frameworks in force in the window that no career stage works towards (no grid to draw)."""


def planning_grids(catalogue: Catalogue) -> Planning:
    """The grids for the twelve months from the build's day."""
    dataset = catalogue.dataset
    first = catalogue.now.date()
    last = first + WINDOW - dt.timedelta(days=1)
    events = [
        event
        for event in catalogue.upcoming
        if event.event.status != EventStatus.CANCELLED and (event.start is None or event.start.date() <= last)
    ]
    stages = [stage for stage in dataset.pathways if stage.in_force is None or stage.in_force.overlaps(first, last)]
    wanted = {stage.id: stage_items(stage, dataset) for stage in stages}
    grids, unplanned = [], []
    for framework in dataset.frameworks.values():
        if framework.in_force is not None and not framework.in_force.overlaps(first, last):
            continue
        columns = [stage for stage in stages if framework.id in wanted[stage.id]]
        if not columns:
            unplanned.append(framework)
            continue
        rows = []
        for item in framework.items:
            key = f"{framework.id}:{item.id}"
            cells = []
            for stage in columns:
                matched = [e for e in events if key in e.keys and any(s.id == stage.id for s in e.stages)]
                needed = item in wanted[stage.id][framework.id][2]
                cells.append(Cell(len(matched), round(sum(e.hours or 0 for e in matched), 2), needed))
            rows.append((item, tuple(cells)))
        grids.append(Grid(framework, tuple(columns), tuple(rows)))
    return Planning(first, last, tuple(grids), tuple(unplanned))
