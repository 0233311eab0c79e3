"""``data/logic-model/<period>.yml``: the logic model and objectives a board agrees for a period.

A logic model has five columns, from what the partnership puts in to the
difference it makes: inputs → activities → outputs → outcomes → impact.
Each item says which items it leads to and, where it can be measured, which
measures and which CPD (by event tag) show it. The objectives for the period
sit beside it, one or more per area of work; each report sets their status.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Annotated

from pydantic import AfterValidator, Field
from pydantic_core import PydanticCustomError

from ..clock import FIRST_YEAR, LAST_YEAR
from ..problems import quote
from .common import Closed, DataModel, Slug

_PERIOD = re.compile(r"^(\d{4})-(\d{2})$", re.ASCII)

COLUMNS: tuple[tuple[str, str], ...] = (
    ("inputs", "Inputs"),
    ("activities", "Activities"),
    ("outputs", "Outputs"),
    ("outcomes", "Outcomes"),
    ("impact", "Impact"),
)


class ObjectiveStatus(Closed):
    """How far an objective has come, as a report says: from embedded (the best) to not started."""

    EMBEDDED = "embedded"
    ON_TRACK = "on track"
    SOME_PROGRESS = "some progress"
    NOT_STARTED = "not started"


OBJECTIVE_STATUSES: tuple[ObjectiveStatus, ...] = tuple(ObjectiveStatus)


class FollowUpStatus(Closed):
    """What became of an earlier report's recommendation."""

    DONE = "done"
    IN_PROGRESS = "in progress"
    DROPPED = "dropped"


def _check_period(value: str) -> str:
    match = _PERIOD.match(value)
    if match:
        start, end = int(match.group(1)), int(match.group(2))
        end_year = start - start % 100 + end + (100 if end < start % 100 else 0)
        if end_year > start and start >= FIRST_YEAR and end_year <= LAST_YEAR:
            return value
    raise PydanticCustomError(
        "period",
        "{value} is not a period; write the first and last calendar years like 2024-26 (April 2024 to March 2026), "
        "between {first} and {last}",
        {"value": quote(value), "first": FIRST_YEAR, "last": LAST_YEAR},
    )


Period = Annotated[str, AfterValidator(_check_period), Field(json_schema_extra={"pattern": _PERIOD.pattern})]


def period_years(period: str) -> tuple[int, int]:
    """``2024-26`` → (2024, 2026): the years it starts and ends in."""
    start, end = int(period[:4]), int(period[5:])
    return start, start - start % 100 + end + (100 if end < start % 100 else 0)


class LogicItem(DataModel):
    """One box of the logic model."""

    id: Slug
    title: str
    description: str | None = None
    leads_to: list[Slug] = []
    """Ids of the items this one leads to (usually in the next column)."""
    measures: list[Slug] = []
    """Measure ids (data/metrics/) that show whether it is happening."""
    tags: list[str] = []
    """Event tags whose CPD delivers or evidences it."""


class Objective(DataModel):
    """One objective for the period, in one area of work."""

    id: Slug
    area: Slug
    """A metrics area (a file name in data/metrics/): the report section it belongs to."""
    title: str
    measures: list[Slug] = []
    """Measure ids that show progress towards it."""


class LogicModel(DataModel):
    """The logic model and objectives agreed for a period."""

    period: Period
    """The same as the file name: 2024-26 for April 2024 to March 2026."""
    title: str
    agreed: dt.date | None = None
    """When the board agreed it (the visioning day)."""
    summary: str | None = None
    inputs: list[LogicItem] = []
    activities: list[LogicItem] = []
    outputs: list[LogicItem] = []
    outcomes: list[LogicItem] = []
    impact: list[LogicItem] = []
    objectives: list[Objective] = []


class ObjectiveUpdate(DataModel):
    """An objective's status in one report year."""

    status: ObjectiveStatus
    """embedded, on track, some progress or not started."""
    evidence: str
    """One sentence: what shows it."""


class Recommendation(DataModel):
    """A recommendation a report makes, for later reports to follow up."""

    id: Slug
    """Unique across every report, so that later reports can refer to it."""
    text: str
    area: Slug | None = None
    """Optional metrics area whose report section should show its follow-ups."""
    owner: str | None = None
    """Who is responsible."""


class FollowUp(DataModel):
    """What became of an earlier report's recommendation."""

    status: FollowUpStatus
    """done, in progress or dropped."""
    note: str
    """One sentence: what happened."""
