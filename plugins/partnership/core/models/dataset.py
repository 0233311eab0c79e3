"""The validated data of one partnership, and where each part came from.

:func:`partnership.core.load.load_dataset` builds a :class:`Dataset`; every
view and writer reads from it and nothing writes back to it.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from pathlib import Path as FsPath

from ..problems import Problem
from ..sources.yamlsource import Mark, Path, SourceMap
from .attendance import AttendanceTable
from .common import DataModel
from .events import Event
from .frameworks import Framework
from .importing import ImportSettings
from .metrics import Measure, MetricsArea
from .partners import Partner
from .pathways import Stage
from .refs import FrameworkIndex
from .reports import Report, Status
from .site import Site
from .strategy import LogicModel, period_years
from .year import Year


@dataclass(frozen=True)
class Origin:
    """The file a model was read from, and the path of the model inside it."""

    where: SourceMap
    prefix: Path = ()

    @property
    def path(self) -> str:
        return self.where.path

    def at(self, *path: str | int) -> Mark:
        return self.where.at(self.prefix + path)

    def key_at(self, *path: str | int) -> Mark:
        return self.where.key_at(self.prefix + path)

    def has(self, *path: str | int) -> bool:
        return self.where.has(self.prefix + path)


def set_origin(model: DataModel, where: SourceMap, prefix: Path = ()) -> None:
    model._origin = Origin(where, prefix)


def origin(model: DataModel) -> Origin:
    """Where ``model`` was read from (models built in code have an empty origin)."""
    found = model._origin
    return found if isinstance(found, Origin) else Origin(SourceMap("<built in code>"))


@dataclass
class Unread:
    """What could not be read (a file YAML cannot parse, an entry that failed validation).

    The cross-file rules ask :meth:`missing` before saying that a reference
    leads nowhere: when partners.yml cannot be read, every event's provider
    would otherwise be "not a partner id", burying the one real mistake
    under dozens that only follow from it.
    """

    ids: dict[str, set[str]] = field(default_factory=dict)
    """Kind (``partner``, ``stage``, ``framework``, ``event``, ``area``, ``measure``) → ids not read; ``*`` when a whole file of them was not."""

    def add(self, kind: str, identifier: object = "*") -> None:
        self.ids.setdefault(kind, set()).add(identifier if isinstance(identifier, str) and identifier else "*")

    def missing(self, kind: str, identifier: str) -> bool:
        """True when ``identifier`` may be one of the ``kind`` entries that could not be read."""
        found = self.ids.get(kind, set())
        return "*" in found or identifier in found


@dataclass
class Dataset:
    """Everything in ``data/``, validated and cross-checked."""

    data_dir: FsPath
    """The data/ folder."""
    content_dir: FsPath
    """The content/ folder of hand-written Markdown."""
    site: Site
    partners: list[Partner]
    frameworks: dict[str, Framework]
    pathways: list[Stage]
    events: list[Event]
    metrics: dict[str, MetricsArea]
    attendance: dict[str, AttendanceTable]
    """Keyed by the path under data/, e.g. attendance/2021-22.csv."""
    reports: list[Report]
    """Newest first."""
    import_settings: ImportSettings = field(default_factory=ImportSettings)
    """How to read booking exports (data/import.yml, or the defaults)."""
    logic_models: list[LogicModel] = field(default_factory=list)
    """Oldest period first."""
    warnings: list[Problem] = field(default_factory=list)
    """Likely typos in valid data (see :mod:`.problems`): listed by check, build and the preview; never stopping a build."""
    unread: Unread = field(default_factory=Unread)
    """What could not be read; the rules leave alone what only follows from it."""
    refs: FrameworkIndex = field(init=False)

    def __post_init__(self) -> None:
        self.refs = FrameworkIndex(self.frameworks)
        self.partner_by_id: dict[str, Partner] = {p.id: p for p in self.partners}
        self.stage_by_id: dict[str, Stage] = {s.id: s for s in self.pathways}
        self.event_by_id: dict[str, Event] = {e.id: e for e in self.events}
        self.measure_by_id: dict[str, tuple[MetricsArea, Measure]] = {
            m.id: (area, m) for area in self.metrics.values() for m in area.measures
        }

    def published(self) -> Dataset:
        """The data as the published site shows it: no draft report, and no figure for a year that only a draft reports on.

        A draft (``status: draft``) is shown in the preview only. Its year's
        measure values and attendance file are the draft's too: they appear
        nowhere (measure pages, partner pages, charts) until a published report covers the year.
        """
        drafts = [r for r in self.reports if r.status == Status.DRAFT]
        if not drafts:
            return self
        reports = [r for r in self.reports if r.status != Status.DRAFT]
        withheld = {r.year for r in drafts} - {r.year for r in reports}
        metrics = {
            key: area.model_copy(
                update={
                    "measures": [
                        m.model_copy(update={"values": {y: v for y, v in m.values.items() if y not in withheld}}) for m in area.measures
                    ]
                }
            )
            for key, area in self.metrics.items()
        }
        attendance = {path: table for path, table in self.attendance.items() if table.year not in withheld}
        return dataclasses.replace(self, reports=reports, metrics=metrics, attendance=attendance)

    def report(self, year: str) -> Report | None:
        return next((r for r in self.reports if r.year == year), None)

    def logic_model_for(self, year: Year) -> LogicModel | None:
        """The logic model whose period covers the year ``2025-26`` (April 2025 to March 2026)."""
        for model in reversed(self.logic_models):
            first, last = period_years(model.period)
            if first <= year.start < last:
                return model
        return None
