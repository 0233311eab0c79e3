"""The manifest: every file a build writes beside its pages, each with its address, what it is and what it is made from.

One list, made once per build (:class:`.siteviews.SiteViews` holds it), that
both the writer (:mod:`partnership.core.outputs.writer`, which makes each
entry by its kind) and the rule for hand-written files at the site's
addresses (:mod:`partnership.core.build.addresses`) read: a file cannot be
written without being listed, nor listed without being written.

Each entry names the records and views it is made from (:attr:`OutputFile.inputs`):

=====================  ==========================================================
``site``               data/site.yml (the partnership's name, colours, address)
``event:<id>``         one event's record and view
``stage:<id>``         one career stage (pathways.yml)
``catalogue``          every event, as upcoming or past at the build's instant
``report:<year>``      a report's record and view: its tables, words and charts
``attendance:<path>``  an attendance file and its appendix (``attendance/2025-26.csv``)
``partner:<id>``       a partner's record and view (its events, bookings, measures)
``toolkit``            the toolkit's view: frameworks, levels, partners, the ASYE
``models``             the data files' models (the JSON Schemas are made from them)
``data``               every data file (the editor's choices: stages, partners, frameworks, measures)
``editor``             the browser editor's own files and npm install (``core/cms/``)
=====================  ==========================================================
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from enum import StrEnum
from pathlib import PurePosixPath

from ..models.dataset import Dataset
from ..models.schema import KINDS as SCHEMA_KINDS
from ..models.schema import schema_name
from ..models.year import Year
from ..views.catalogue import Catalogue
from ..views.reports import ReportView
from . import urls
from .toolkit import Download


class FileKind(StrEnum):
    """What sort of file an entry is: the writer makes each sort its own way."""

    COLOURS = "colours"
    EVENT_CALENDAR = "event-calendar"
    CALENDAR = "calendar"
    STAGE_CALENDAR = "stage-calendar"
    OPEN_DATA = "open-data"
    FEED = "feed"
    SCHEMA = "schema"
    REPORT_TABLE = "report-table"
    ATTENDANCE_TABLE = "attendance-table"
    REPORT_PDF = "report-pdf"
    PARTNER_PDF = "partner-pdf"
    TOOLKIT_FILE = "toolkit-file"
    TOOLKIT_ZIP = "toolkit-zip"
    EDITOR = "editor"


DOWNLOADS = frozenset({FileKind.TOOLKIT_FILE, FileKind.TOOLKIT_ZIP})
"""The toolkit's files, which a build without downloads leaves out."""


@dataclass(frozen=True)
class OutputFile:
    """One file beside the pages."""

    path: str
    """Its address in the site: ``reports/2025-26/data/placements.csv``."""
    kind: FileKind
    what: str
    """What it is, in words: ``the 2025-26 report's placements table``."""
    of: str = ""
    """The id of what it is of: an event, a stage, a schema's file name, a metrics area, a partner, a toolkit download."""
    year: Year | None = None
    """The report's year, for a report's or partner's file."""
    inputs: tuple[str, ...] = ()
    """The records and views it is made from (see the module's table)."""

    @property
    def printed(self) -> bool:
        """A PDF: printed from HTML (and left out of a build without PDFs)."""
        return self.path.endswith(".pdf")

    @property
    def extension(self) -> str:
        return PurePosixPath(self.path).suffix.lstrip(".")


def manifest(
    dataset: Dataset,
    catalogue: Catalogue,
    reports: Mapping[Year, ReportView],
    downloads: tuple[Download, ...] | None,
    editor: tuple[str, ...] = (),
) -> tuple[OutputFile, ...]:
    """Every file the site writes beside its pages, in the order they are listed here; ``downloads``: the toolkit's
    (None: no toolkit); ``editor``: the browser editor's files under /admin/ (none: no editor in this build)."""
    found = [OutputFile(urls.brand_css(), FileKind.COLOURS, "the site's colours", inputs=("site",))]
    for event in catalogue.events:
        if event.sessions:
            what = f"the calendar file of the event {event.id}"
            found.append(
                OutputFile(urls.event_ics(event.id), FileKind.EVENT_CALENDAR, what, event.id, inputs=(f"event:{event.id}", "site"))
            )
    found.append(OutputFile(urls.calendar(), FileKind.CALENDAR, "every upcoming event as a calendar", inputs=("catalogue", "site")))
    for stage in dataset.pathways:
        what = f"the calendar of the career stage {stage.id}"
        uses = (f"stage:{stage.id}", "catalogue", "site")
        found.append(OutputFile(urls.stage_calendar(stage.id), FileKind.STAGE_CALENDAR, what, stage.id, inputs=uses))
    found.append(OutputFile(urls.open_data(), FileKind.OPEN_DATA, "the open data of every event", inputs=("catalogue", "site")))
    found.append(OutputFile(urls.feed(), FileKind.FEED, "the feed of new events", inputs=("catalogue", "site")))
    for kind in SCHEMA_KINDS:
        name = schema_name(kind)
        found.append(OutputFile(urls.schema_file(name), FileKind.SCHEMA, "a JSON Schema of the data files", name, inputs=("models",)))
    inputs: tuple[str, ...]
    for year, view in reports.items():
        report = view.report
        for section in view.sections:
            if section.table:
                area = section.table.area.area
                what = f"the {year} report's {area} table"
                found.append(OutputFile(urls.report_csv(year, area), FileKind.REPORT_TABLE, what, area, year, (f"report:{year}",)))
        if report.attendance and report.attendance in dataset.attendance:
            what = f"the {year} report's attendance table"
            inputs = (f"report:{year}", f"attendance:{report.attendance}")
            found.append(OutputFile(urls.report_attendance_csv(year), FileKind.ATTENDANCE_TABLE, what, year=year, inputs=inputs))
        inputs = (f"report:{year}", "site") + ((f"attendance:{report.attendance}",) if report.attendance else ())
        found.append(OutputFile(urls.report_pdf(year), FileKind.REPORT_PDF, f"the {year} report as a PDF", year=year, inputs=inputs))
        for partner in dataset.partners:
            what = f"{partner.id}'s summary for {year}"
            inputs = (f"partner:{partner.id}", f"report:{year}", "catalogue", "site")
            found.append(OutputFile(urls.partner_pdf(partner.id, year), FileKind.PARTNER_PDF, what, partner.id, year, inputs))
    if downloads is not None:
        for download in downloads:
            for extension in download.formats:
                path = urls.toolkit_file(download.key, extension)
                found.append(
                    OutputFile(path, FileKind.TOOLKIT_FILE, "a download of the PCF toolkit", download.key, inputs=("toolkit", "site"))
                )
        what = "the PCF toolkit's downloads in one zip"
        found.append(OutputFile(urls.toolkit_zip(), FileKind.TOOLKIT_ZIP, what, inputs=("toolkit", "site")))
    editor_inputs: dict[str, tuple[str, ...]] = {"index.html": ("editor", "site"), "config.json": ("editor", "data", "site")}
    for name in editor:
        inputs = editor_inputs.get(name, ("editor",))
        found.append(OutputFile(urls.editor_file(name), FileKind.EDITOR, "the browser editor", name, inputs=inputs))
    return tuple(found)


__all__ = ["DOWNLOADS", "FileKind", "OutputFile", "manifest"]
