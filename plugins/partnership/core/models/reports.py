"""``data/reports/<year>.yml``: one annual progress report."""

from __future__ import annotations

import datetime as dt

from pydantic import Field

from .common import Closed, DataModel, Slug
from .strategy import FollowUp, ObjectiveUpdate, Recommendation
from .year import Year


class Period(DataModel):
    """The dates the report covers."""

    start: dt.date
    end: dt.date


class Section(DataModel):
    """One area of work in the report."""

    title: str
    id: Slug | None = None
    """Optional anchor id; defaults to one made from the title."""
    content: str | None = None
    """A Markdown file under content/, e.g. reports/2021-22/placements.md."""
    metrics: Slug | None = None
    """A metrics area (the name of a file in data/metrics/) whose table this section shows."""


class Status(Closed):
    """Whether a report is published, or a draft shown in the preview only."""

    DRAFT = "draft"
    PUBLISHED = "published"


PARTS: tuple[tuple[str, str], ...] = (
    ("foreword", "Foreword"),
    ("executive_summary", "Executive summary"),
    ("governance", "Governance and membership"),
    ("method", "How we evaluated our work"),
    ("risks", "Challenges and risks"),
    ("future", "Future ambitions"),
    ("glossary", "Glossary"),
)
"""The optional parts a report may name (field, heading), each a Markdown file under content/."""


class Report(DataModel):
    """An annual progress report."""

    year: Year
    """The year it reports on, the same as the file name: 2021-22."""
    status: Status = Status.PUBLISHED
    """draft (shown only in the preview, with a Draft banner) or published (the default)."""
    title: str
    period: Period
    baseline: Year
    """The first year shown in every measure table."""
    summary: str | None = None
    """A short paragraph shown on the reports list and the PDF cover."""
    foreword: str | None = None
    """A Markdown file under content/: the chair's foreword, first in the report."""
    executive_summary: str | None = None
    """A Markdown file under content/: the year's strengths; the report's recommendations follow it."""
    introduction: str | None = None
    """A Markdown file under content/ shown before the first section."""
    governance: str | None = None
    """A Markdown file under content/: how the partnership is governed, and who its members are."""
    method: str | None = None
    """A Markdown file under content/: how the evaluation was done, and the limits of its figures."""
    risks: str | None = None
    """A Markdown file under content/: challenges and risks, after the sections."""
    future: str | None = None
    """A Markdown file under content/: future ambitions, after the risks."""
    glossary: str | None = None
    """A Markdown file under content/: the abbreviations and terms the report uses, near its end."""
    headlines: list[Slug] = []
    """Measure ids shown as the headline figures in "At a glance", in this order."""
    published: dt.date | None = None
    """When the board approved the report."""
    sections: list[Section] = Field(min_length=1)
    """The areas of work, in order: each names a Markdown file under content/ (its narrative) and a metrics area (its measure table).
    The report's parts (foreword, executive summary, introduction, governance, method, risks, future, glossary) are shown in that
    fixed order around them, whatever the order in the file."""
    attendance: str | None = None
    """An attendance CSV under data/, e.g. attendance/2021-22.csv: the learning and development appendix."""
    objectives: dict[Slug, ObjectiveUpdate] = {}
    """This year's status of the logic model's objectives: objective id → {status, evidence}."""
    recommendations: list[Recommendation] = []
    """What this report recommends; later reports follow them up."""
    follow_ups: dict[Slug, FollowUp] = {}
    """What became of earlier reports' recommendations: recommendation id → {status, note}."""

    def narratives(self) -> list[tuple[tuple[str | int, ...], str]]:
        """Every Markdown file under content/ the report names, with the field that names it: its parts, introduction and sections."""
        found: list[tuple[tuple[str | int, ...], str]] = []
        for name in ("foreword", "executive_summary", "introduction", "governance", "method"):
            if getattr(self, name):
                found.append(((name,), getattr(self, name)))
        found.extend((("sections", index, "content"), s.content) for index, s in enumerate(self.sections) if s.content)
        for name in ("risks", "future", "glossary"):
            if getattr(self, name):
                found.append(((name,), getattr(self, name)))
        return found
