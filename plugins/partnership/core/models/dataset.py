"""The validated data of one partnership, and where each part came from.

:func:`partnership.core.load.load_dataset` builds a :class:`Dataset`; every
view and writer reads from it, and nothing can write back to it.
"""

from __future__ import annotations

import dataclasses
import functools
import posixpath
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path as FsPath
from types import MappingProxyType
from typing import TypeVar

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


T = TypeVar("T")


def origin(model: DataModel) -> Origin:
    """Where ``model`` was read from (models built in code have an empty origin)."""
    found = model._origin
    return found if isinstance(found, Origin) else Origin(SourceMap("<built in code>"))


@dataclass(frozen=True)
class Unread:
    """What could not be read (a file YAML cannot parse, an entry that failed validation).

    The cross-file rules ask :meth:`missing` before saying that a reference
    leads nowhere: when partners.yml cannot be read, every event's provider
    would otherwise be "not a partner id", burying the one real mistake
    under dozens that only follow from it.
    """

    ids: Mapping[str, frozenset[str]] = field(default_factory=lambda: MappingProxyType({}))
    """Kind (``partner``, ``stage``, ``framework``, ``event``, ``area``, ``measure``) → ids not read; ``*`` when a whole file of them was not."""

    def missing(self, kind: str, identifier: str) -> bool:
        """True when ``identifier`` may be one of the ``kind`` entries that could not be read."""
        found = self.ids.get(kind, frozenset())
        return "*" in found or identifier in found


def content_key(relative: str) -> str:
    """A content/ file's key in :attr:`Dataset.markdown`: its path there, ``.`` and ``..`` folded (``a/./b.md`` → ``a/b.md``)."""
    return posixpath.normpath(relative.replace("\\", "/"))


def _fixed(mapping: Mapping[str, T]) -> Mapping[str, T]:
    """A read-only view of a copy of ``mapping`` (kept as it is when it is one already)."""
    return mapping if isinstance(mapping, MappingProxyType) else MappingProxyType(dict(mapping))


@dataclass(frozen=True)
class Dataset:
    """Everything in ``data/``, validated and cross-checked; it cannot be changed.

    Lists are kept as tuples and mappings as read-only views (the models in
    them are frozen too), so the one dataset a build loads, and the loader's
    cache hands out again (:func:`..load.cache.load_dataset_cached`), is
    the same for every page and file. A changed dataset is a new one
    (:func:`dataclasses.replace`, as :meth:`published` does).
    """

    data_dir: FsPath
    """The data/ folder."""
    content_dir: FsPath
    """The content/ folder of hand-written Markdown."""
    site: Site
    partners: Sequence[Partner]
    frameworks: Mapping[str, Framework]
    pathways: Sequence[Stage]
    events: Sequence[Event]
    metrics: Mapping[str, MetricsArea]
    attendance: Mapping[str, AttendanceTable]
    """Keyed by the path under data/, e.g. attendance/2021-22.csv."""
    reports: Sequence[Report]
    """Newest first."""
    import_settings: ImportSettings = field(default_factory=ImportSettings)
    """How to read booking exports (data/import.yml, or the defaults)."""
    logic_models: Sequence[LogicModel] = ()
    """Oldest period first."""
    markdown: Mapping[str, str] = field(default_factory=lambda: MappingProxyType({}))
    """Every Markdown file under content/ (and every report's narrative), by its path there: read once, when the data was loaded.

    The rules check this text, and the pages and PDFs show it: nothing reads content/ again."""
    warnings: Sequence[Problem] = ()
    """Likely typos in valid data (see :mod:`..problems`): listed by check, build and the preview; never stopping a build."""
    unread: Unread = field(default_factory=Unread)
    """What could not be read; the rules leave alone what only follows from it."""
    refs: FrameworkIndex = field(init=False)
    partner_by_id: Mapping[str, Partner] = field(init=False)
    stage_by_id: Mapping[str, Stage] = field(init=False)
    event_by_id: Mapping[str, Event] = field(init=False)
    measure_by_id: Mapping[str, tuple[MetricsArea, Measure]] = field(init=False)

    def __post_init__(self) -> None:
        fix = functools.partial(object.__setattr__, self)  # the one place a frozen dataset's fields are set
        for name in ("partners", "pathways", "events", "reports", "logic_models", "warnings"):
            fix(name, tuple(getattr(self, name)))
        for name in ("frameworks", "metrics", "attendance", "markdown"):
            fix(name, _fixed(getattr(self, name)))
        fix("refs", FrameworkIndex(self.frameworks))
        fix("partner_by_id", MappingProxyType({p.id: p for p in self.partners}))
        fix("stage_by_id", MappingProxyType({s.id: s for s in self.pathways}))
        fix("event_by_id", MappingProxyType({e.id: e for e in self.events}))
        fix("measure_by_id", MappingProxyType({m.id: (area, m) for area in self.metrics.values() for m in area.measures}))

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

    def text(self, relative: str) -> str:
        """The Markdown of the content/ file ``relative`` (a report's narrative, the toolkit's text), as loaded, lines ending in ``\\n``."""
        return self.markdown[content_key(relative)].replace("\r\n", "\n").replace("\r", "\n")

    def report(self, year: str) -> Report | None:
        return next((r for r in self.reports if r.year == year), None)

    def logic_model_for(self, year: Year) -> LogicModel | None:
        """The logic model whose period covers the year ``2025-26`` (April 2025 to March 2026)."""
        for model in reversed(self.logic_models):
            first, last = period_years(model.period)
            if first <= year.start < last:
                return model
        return None
