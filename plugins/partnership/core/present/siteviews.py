"""One build's views, computed once from its dataset: every page, file, chart and address reads them.

:meth:`SiteViews.compute` works out, from the checked dataset and the
build's instant, everything the site shows: the data as the site shows it
(draft reports left out unless previewing, figures quoted in reports' words
filled in), the catalogue with each event's related events, every report's
view, outline and words, the attendance appendices, each partner's and each
measure's view, the toolkit, the charts to draw, the pages' planning views,
and the manifest of every file written beside the pages (:mod:`.manifest`),
the browser editor's at /admin/ among them.

The pages (``html/``), the files and PDFs (``outputs/``), the charts, the rule
for hand-written files at the site's addresses (``build/addresses.py``) and
the preview all read this one object, so nothing is worked out twice in a
build: ``python3 build.py`` computes it while checking the data, and the
site generator's build uses the same one. Templates are given what they show;
none calls back into a view.

It cannot be changed: its fields are tuples and read-only mappings, made once;
a new build (the preview after a save) computes a new one. Each file in
:attr:`SiteViews.files` names the records and views it is made from, so a
later build can tell which files a change touches.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass
from types import MappingProxyType
from typing import TypeVar

from ..clock import LONDON
from ..models.dataset import Dataset, content_key
from ..models.reports import Report, Status
from ..models.year import Year
from ..sources.history import changed_at
from ..views.attendance import Appendix, appendix
from ..views.catalogue import Catalogue, Coverage
from ..views.coverage import Planning, planning_grids
from ..views.events import EventView
from ..views.pathways import Target, working_towards
from ..views.reports import MeasureTable, OutlineEntry, ReportView, all_years, measure_table, outline, partner_names, report_view, single
from ..views.strategy import (
    ObjectiveHistory,
    PartnerView,
    RecommendationHistory,
    objective_histories,
    partner_view,
    recommendation_histories,
)
from ..views.toolkit import Toolkit, in_force_since, toolkit
from .charts import ChartSpec, report_charts
from .manifest import OutputFile, manifest
from .quotes import dataset_with_figures, with_figures
from .toolkit import Download, downloads

K = TypeVar("K")
V = TypeVar("V")


def _fixed(mapping: dict[K, V]) -> Mapping[K, V]:
    return MappingProxyType(mapping)


@dataclass(frozen=True)
class SiteViews:
    """Everything one build shows, computed once (see the module's docstring)."""

    source: Dataset
    """The dataset as loaded and checked, that these views were computed from."""
    dataset: Dataset
    """The data as the site shows it: no draft report (unless :attr:`drafts`), figures quoted in reports' words filled in."""
    now: dt.datetime
    """The build's instant: what is upcoming, what is in force."""
    drafts: bool
    """Whether draft reports are shown (the live preview) or left out (the published site)."""
    withheld: tuple[Report, ...]
    """Draft reports the published site leaves out: their words are no pages of their own either."""
    names: Mapping[str, str]
    """Partner id → name, in partners.yml order: a split by partner is shown by name."""
    catalogue: Catalogue
    related: Mapping[str, tuple[EventView, ...]]
    """Each event's related events (:meth:`Catalogue.related`), by event id."""
    reports: Mapping[Year, ReportView]
    """Each report's view, newest first."""
    outlines: Mapping[Year, tuple[OutlineEntry, ...]]
    """Each report's parts in order, the same on its page, in its contents and in its PDF."""
    appendices: Mapping[str, Appendix]
    """The learning and development appendix of each attendance file, by its path under data/ (``attendance/2025-26.csv``)."""
    narratives: Mapping[tuple[Year, str], str]
    """Each report's words (its Markdown under content/), the figures it quotes filled in: by (report year, path)."""
    partners: Mapping[str, PartnerView]
    """Each partner's view, by id."""
    measures: Mapping[str, MeasureTable]
    """Each measure's own table over every year it has (its page), by measure id."""
    charts: tuple[ChartSpec, ...]
    """Every chart the report pages, the measure pages and the report PDFs show."""
    toolkit: Toolkit | None
    """The practice educators' toolkit (None without a PCF with levels in force)."""
    downloads: tuple[Download, ...]
    """The toolkit's files, in the order a placement uses them."""
    toolkit_dated: dt.datetime | None
    """The instant the toolkit's files carry (their properties, footers, zip entries, "Made on"), and its page's "last updated":
    when their sources (the frameworks, partners, career stages, site.yml, content/toolkit/) last changed
    (:func:`~..sources.history.changed_at`), or the day the calendar last changed what is in force, if later
    (:func:`~..views.toolkit.in_force_since`). Never the build's instant: the same data, the same files, whatever the hour."""
    coverage: Mapping[tuple[str, str], Coverage]
    """This programme year's events for each framework item, by (framework id, item id)."""
    planning: Planning
    """The planning grids: career stage × framework item over the next twelve months."""
    targets: Mapping[str, tuple[Target, ...]]
    """What each career stage works towards, with the CPD for each part, by stage id."""
    objectives: Mapping[str, tuple[ObjectiveHistory, ...]]
    """Each logic model's objectives year by year, by its period."""
    recommendations: tuple[RecommendationHistory, ...]
    """Every recommendation with what each later report said of it."""
    files: tuple[OutputFile, ...]
    """The manifest: every file written beside the pages."""
    editor: tuple[str, ...] = ()
    """The browser editor's files under /admin/ that this build writes (in :attr:`files` too); none: no editor."""

    @classmethod
    def compute(cls, dataset: Dataset, now: dt.datetime, *, drafts: bool = False, editor: tuple[str, ...] = ()) -> SiteViews:
        """The views of ``dataset`` (checked) at ``now``; ``drafts``: show draft reports, as the preview does;
        ``editor``: the browser editor's files under /admin/ (:func:`partnership.core.cms.admin.published_files`), for the manifest."""
        shown = dataset if drafts else dataset.published()
        names = partner_names(shown)
        shown = dataset_with_figures(shown, names)
        catalogue = Catalogue.build(shown, now)
        histories = recommendation_histories(shown)
        reports = {report.year: report_view(report, shown, histories) for report in shown.reports}
        appendices = {path: appendix(table, shown) for path, table in shown.attendance.items()}
        kit = toolkit(shown, now.date())
        files = downloads(kit) if kit is not None else None
        changed = None
        if kit is not None:
            # What the files are made from: the frameworks, the partnership's organisations (the forms' lists), the career
            # stages (the ASYE's notes) and its identity, and the page's own words. Their last change is the page's one date.
            sources = [
                shown.data_dir / "frameworks",
                shown.data_dir / "partners.yml",
                shown.data_dir / "pathways.yml",
                shown.data_dir / "site.yml",
                shown.content_dir / "toolkit",
            ]
            changed = changed_at(sources, shown.data_dir.parent)
            since = in_force_since(shown, now.date())
            if since is not None:
                midnight = dt.datetime.combine(since, dt.time(), LONDON)
                changed = max(changed, midnight) if changed is not None else midnight
        return cls(
            source=dataset,
            dataset=shown,
            now=now,
            drafts=drafts,
            withheld=() if drafts else tuple(report for report in dataset.reports if report.status == Status.DRAFT),
            names=_fixed(names),
            catalogue=catalogue,
            related=_fixed({event.id: tuple(catalogue.related(event)) for event in catalogue.events}),
            reports=_fixed(reports),
            outlines=_fixed({year: tuple(_outline(shown, view)) for year, view in reports.items()}),
            appendices=_fixed(appendices),
            narratives=_fixed(_narratives(shown, names)),
            partners=_fixed({partner.id: partner_view(shown, catalogue, partner, appendices) for partner in shown.partners}),
            measures=_fixed(
                {
                    measure.id: measure_table(single(area, measure), all_years(measure), names)
                    for area in shown.metrics.values()
                    for measure in area.measures
                }
            ),
            charts=tuple(report_charts(shown, reports.values())),
            toolkit=kit,
            downloads=files or (),
            toolkit_dated=changed,
            coverage=_fixed({(row.framework_id, row.item_id): row for row in catalogue.coverage()}),
            planning=planning_grids(catalogue),
            targets=_fixed({stage.id: tuple(working_towards(stage, shown, catalogue)) for stage in shown.pathways}),
            objectives=_fixed({model.period: tuple(objective_histories(shown, model)) for model in shown.logic_models}),
            recommendations=tuple(histories),
            files=manifest(shown, catalogue, reports, files, editor),
            editor=editor,
        )

    @property
    def toolkit_changed(self) -> dt.date | None:
        """The day of :attr:`toolkit_dated`: the toolkit page's "last updated"."""
        return self.toolkit_dated.date() if self.toolkit_dated is not None else None

    def appendix(self, report: Report) -> Appendix | None:
        """The learning and development appendix of ``report`` (None: it has none)."""
        return self.appendices.get(report.attendance or "")


def _outline(dataset: Dataset, view: ReportView) -> list[OutlineEntry]:
    report = view.report
    return outline(view, dataset.attendance.get(report.attendance or "") is not None, dataset.logic_model_for(report.year) is not None)


def _narratives(dataset: Dataset, names: Mapping[str, str]) -> dict[tuple[Year, str], str]:
    """Every report's words as Markdown, the figures they quote filled in from ``dataset``."""
    return {
        (report.year, content_key(relative)): with_figures(dataset.text(relative), report, dataset, names, markdown=True)
        for report in dataset.reports
        for _, relative in report.narratives()
    }


__all__ = ["SiteViews"]
