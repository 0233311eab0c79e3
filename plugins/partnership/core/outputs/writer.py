"""Writes every file the site offers beside its pages.

Calendars, open data, the feed, the JSON Schemas, report tables and PDFs,
partners' summaries and the toolkit's documents. This runs while the pages
are built (in a second process where it can: see ``plugin/jobs.py``) and
writes straight into the site folder; it returns every file's size, which
the pages show beside their download links.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from .. import schema
from ..colours import brand_css
from ..html.context import RenderContext
from ..present import urls
from ..views.attendance import appendix
from ..views.reports import report_view
from ..views.strategy import partner_view
from . import ics, opendata, reportdata
from .pdf import partner_pdf, report_pdf
from .toolkit import toolkit_files

Log = Callable[[str], None]


class _Folder:
    """Writes files under one folder and remembers their sizes."""

    def __init__(self, root: Path):
        self.root = root
        self.sizes: dict[str, int] = {}
        self._made: set[Path] = set()

    def write(self, relative: str, content: bytes) -> None:
        target = self.root / relative
        if target.parent not in self._made:
            target.parent.mkdir(parents=True, exist_ok=True)
            self._made.add(target.parent)
        target.write_bytes(content)
        self.sizes[relative] = len(content)


def write_outputs(ctx: RenderContext, site_dir: Path, *, pdf: bool = True, downloads: bool = True, log: Log = print) -> dict[str, int]:
    """Write calendars, open data, feed, schemas and downloads into ``site_dir``.

    Returns the size of every file written, by its path in the site.
    """
    catalogue = ctx.catalogue
    site = ctx.dataset.site
    out = _Folder(site_dir)
    out.write(urls.brand_css(), brand_css(site.colours.primary, site.colours.accent).encode())
    calendars = ics.CalendarWriter(site, ctx.now)
    for ev in catalogue.events:
        if ev.sessions:
            out.write(urls.event_ics(ev.id), calendars.calendar([ev], ev.title))
    out.write(urls.calendar(), calendars.calendar(catalogue.upcoming, f"{site.short_name} CPD"))
    for stage in ctx.dataset.pathways:
        events = catalogue.for_stage(stage.id)
        out.write(urls.stage_calendar(stage.id), calendars.calendar(events, f"{site.short_name} CPD: {stage.name}"))
    out.write(urls.open_data(), opendata.events_json(catalogue))
    out.write(urls.feed(), opendata.feed(catalogue))
    for name, content in schema.schema_files().items():
        out.write(urls.schema_file(name), content)
    for report in ctx.dataset.reports:
        view = report_view(report, ctx.dataset)
        table = ctx.dataset.attendance.get(report.attendance or "")
        extra = appendix(table, ctx.dataset) if table else None
        for section in view.sections:
            if section.table:
                out.write(urls.report_csv(report.year, section.table.area.area), reportdata.measures_csv(section.table))
        if extra:
            out.write(urls.report_attendance_csv(report.year), reportdata.attendance_csv(extra))
        if pdf:
            log(f"Writing the {report.year} report PDF")
            out.write(urls.report_pdf(report.year), report_pdf(ctx, view, extra))
    if pdf and ctx.dataset.reports:
        log("Writing partners' one-page summaries")
        for partner in ctx.dataset.partners:
            view = partner_view(ctx.dataset, catalogue, partner)
            for report in ctx.dataset.reports:
                out.write(urls.partner_pdf(partner.id, report.year), partner_pdf(ctx, view, report))
    if downloads:
        log("Writing the PCF toolkit's files")
        for path, content in toolkit_files(ctx, pdf=pdf).items():
            out.write(path, content)
    return out.sizes
