"""Writes every file the site offers beside its pages: the build's manifest, each file by its kind.

Calendars, open data, the feed, the JSON Schemas, report tables and PDFs,
partners' summaries and the toolkit's documents: what
:attr:`~..present.siteviews.SiteViews.files` lists (and the rule for
hand-written files at the site's addresses reads), made from the build's
views, nothing worked out again. This runs while the pages
are built (in the build's second process where it can: see
:mod:`partnership.core.worker`) and writes straight into the site folder; it
returns every file's size, which the pages show beside their download links.

PDFs, Word, Excel and zip files come from the output cache when what they are
made from has not changed (:mod:`.cache`); the PDFs that must be printed start
printing first, on every core the machine offers when ``parallel``, while the
other files are written (:class:`Printing`).
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Callable
from concurrent.futures import Future, ProcessPoolExecutor
from functools import partial
from multiprocessing import get_context
from pathlib import Path

from ..models import schema
from ..present.colours import brand_css
from ..present.manifest import DOWNLOADS, FileKind, OutputFile
from ..views.toolkit import README_NAME, Toolkit
from ..worker import cores, die_with_parent
from . import ics, opendata, reportdata, zipped
from . import toolkit as toolkit_files
from .cache import OutputCache, key, office_salt, pdf_salt, site_files
from .documents import Documents
from .pdf import html_to_pdf, partner_html, report_html

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
        try:
            target.write_bytes(content)
        except OSError as error:  # a full disk: say which file (a failed write names none)
            error.filename = error.filename or str(target)
            raise
        self.sizes[relative] = len(content)


class Printing:
    """The PDFs of ``documents`` (path: HTML): from the cache at once, the others printed meanwhile.

    Printing starts as soon as this is made, in worker processes on every core
    when ``parallel`` (in the order given: the reports, the longest, first), so
    that the PDFs print while the calendars and data files are written;
    otherwise each is printed here when :meth:`result` asks for it.
    """

    def __init__(self, documents: dict[str, str], content_dir: Path, site_url: str | None, cache: OutputCache, parallel: bool):
        self.documents, self.content_dir, self.site_url, self.cache = documents, content_dir, site_url, cache
        self._found: dict[str, bytes] = {}
        self._missing: dict[str, tuple[str, str]] = {}  # path: (cache key, HTML)
        files = site_files(content_dir) if documents else ""
        for path, html in documents.items():
            name = key(pdf_salt(), files, site_url or "", html)
            kept = cache.get("pdf", name)
            if kept is None:
                self._missing[path] = (name, html)
            else:
                self._found[path] = kept
        self._pool: ProcessPoolExecutor | None = None
        self._printing: dict[str, Future[bytes]] = {}
        workers = min(len(self._missing), cores()) if parallel else 1
        if workers > 1:
            import weasyprint  # noqa: F401  (imported once here, before the workers fork, instead of once in each)

            # Each printer ends with the process that started it, even when that is killed (worker.die_with_parent).
            self._pool = ProcessPoolExecutor(workers, mp_context=get_context("fork"), initializer=die_with_parent, initargs=(os.getpid(),))
            self._printing = {
                path: self._pool.submit(html_to_pdf, html, content_dir, site_url, path) for path, (_, html) in self._missing.items()
            }

    def result(self) -> dict[str, bytes]:
        """Every PDF by its path (waits for the printing); each printed one is kept in the cache."""
        try:
            for path, (name, html) in self._missing.items():
                found = (
                    self._printing[path].result() if path in self._printing else html_to_pdf(html, self.content_dir, self.site_url, path)
                )
                self.cache.put("pdf", name, found)
                self._found[path] = found
        finally:
            self.cancel()
        return {path: self._found[path] for path in self.documents}

    def cancel(self) -> None:
        if self._pool is not None:
            self._pool.shutdown(cancel_futures=True)
            self._pool = None


def _document(docs: Documents, file: OutputFile) -> str:
    """The HTML a PDF of the manifest is printed from."""
    views = docs.views
    if file.kind == FileKind.REPORT_PDF:
        assert file.year is not None
        return report_html(docs, file.year)
    if file.kind == FileKind.PARTNER_PDF:
        assert file.year is not None
        return partner_html(docs, views.partners[file.of], views.reports[file.year].report)
    assert file.kind == FileKind.TOOLKIT_FILE and views.toolkit is not None
    return PRINTED_DOWNLOADS[file.of](docs, views.toolkit)


PRINTED_DOWNLOADS: dict[str, Callable[[Documents, Toolkit], str]] = {"pcf-level-guide": toolkit_files.level_guide_html}
"""The toolkit's downloads offered as PDFs (by key): what each is printed from."""


def _documents(docs: Documents, files: list[OutputFile]) -> dict[str, str]:
    """The PDFs among ``files``, by path: their HTML (the reports, the longest, first: they start printing first)."""
    printed = sorted((file for file in files if file.printed), key=lambda file: file.kind != FileKind.REPORT_PDF)
    return {file.path: _document(docs, file) for file in printed}


def _data_file(docs: Documents, file: OutputFile, calendars: ics.CalendarWriter, schemas: dict[str, bytes]) -> bytes:
    """The bytes of a calendar, open data, the feed, a schema, the site's colours or a report's table."""
    views, catalogue, site = docs.views, docs.catalogue, docs.dataset.site
    kind = file.kind
    if kind == FileKind.COLOURS:
        return brand_css(site.colours.primary, site.colours.accent).encode()
    if kind == FileKind.EVENT_CALENDAR:
        event = catalogue.by_id[file.of]
        return calendars.calendar([event], event.title)
    if kind == FileKind.CALENDAR:
        return calendars.calendar(catalogue.upcoming, f"{site.short_name} CPD")
    if kind == FileKind.STAGE_CALENDAR:
        stage = docs.dataset.stage_by_id[file.of]
        return calendars.calendar(catalogue.for_stage(stage.id), f"{site.short_name} CPD: {stage.name}")
    if kind == FileKind.OPEN_DATA:
        return opendata.events_json(catalogue)
    if kind == FileKind.FEED:
        return opendata.feed(catalogue)
    if kind == FileKind.SCHEMA:
        return schemas[file.of]
    assert file.year is not None
    view = views.reports[file.year]
    if kind == FileKind.REPORT_TABLE:
        table = next(section.table for section in view.sections if section.table and section.table.area.area == file.of)
        return reportdata.measures_csv(table, docs.names)
    assert kind == FileKind.ATTENDANCE_TABLE
    found = views.appendix(view.report)
    assert found is not None
    return reportdata.attendance_csv(found)


def _dated(docs: Documents) -> dt.datetime:
    """The instant the toolkit's files carry: when their data last changed (:attr:`~..present.siteviews.SiteViews.toolkit_dated`),
    never the build's (the build's only when nothing says when the data changed)."""
    return docs.views.toolkit_dated or docs.now


def _office_files(docs: Documents, files: list[OutputFile], cache: OutputCache) -> dict[str, bytes | None]:
    """The toolkit's files among ``files`` by path, in the order the zip holds them: Word and Excel made (or from the
    cache); None for a PDF, which is printed."""
    views = docs.views
    kit, site, dated = views.toolkit, docs.dataset.site, _dated(docs)
    offered = {download.key: download for download in views.downloads}
    inputs = toolkit_files.inputs(kit, site, dated) if kit is not None else ""
    made: dict[str, bytes | None] = {}
    for file in files:
        if file.kind != FileKind.TOOLKIT_FILE:
            continue
        assert kit is not None
        if file.printed:
            made[file.path] = None
            continue
        name = key(office_salt(), inputs, file.path)
        made[file.path] = cache.file(
            file.extension, name, partial(toolkit_files.document, offered[file.of], file.extension, kit, views.downloads, site, dated)
        )
    return made


def write_outputs(
    docs: Documents,
    site_dir: Path,
    *,
    pdf: bool = True,
    downloads: bool = True,
    cache: OutputCache | None = None,
    parallel: bool = False,
    log: Log = print,
) -> dict[str, int]:
    """Write every file of the build's manifest (:attr:`~..present.siteviews.SiteViews.files`) into ``site_dir``;
    without ``pdf`` no PDF, without ``downloads`` none of the toolkit's files. (The browser editor's, at /admin/,
    are the build's: :meth:`partnership.core.build.SiteBuild.write_editor`.)

    Returns the size of every file written, by its path in the site.
    """
    cache = cache or OutputCache(None)
    files = [
        file
        for file in docs.views.files
        if file.kind != FileKind.EDITOR and (pdf or not file.printed) and (downloads or file.kind not in DOWNLOADS)
    ]
    documents = _documents(docs, files)
    if documents:
        log(f"Printing {len(documents)} PDFs (reports, partners' summaries, the toolkit's level guide)")
    printing = Printing(documents, docs.dataset.content_dir, docs.dataset.site.url, cache, parallel)
    try:
        out = _Folder(site_dir)
        calendars = ics.CalendarWriter(docs.dataset.site, docs.now)
        schemas = schema.schema_files()
        for file in files:
            if file.kind not in DOWNLOADS and not file.printed:
                out.write(file.path, _data_file(docs, file, calendars, schemas))
        office = _office_files(docs, files, cache)
        printed = printing.result()
    finally:
        printing.cancel()
    for path, content in printed.items():
        out.write(path, content)
    made = {path: content if content is not None else printed[path] for path, content in office.items()}
    for path, content in made.items():
        if path not in printed:
            out.write(path, content)
    archive = next((file for file in files if file.kind == FileKind.TOOLKIT_ZIP), None)
    if archive is not None and docs.views.toolkit is not None:
        kit = docs.views.toolkit
        members = {path.rpartition("/")[2]: content for path, content in made.items()}
        dated = _dated(docs)
        members = {README_NAME: toolkit_files.readme(kit, docs.views.downloads, docs.dataset.site, dated, list(members)), **members}
        name = key(office_salt(), dated.isoformat(), *(part for item in members.items() for part in item))
        out.write(archive.path, cache.file("zip", name, lambda: zipped.archive(members, dated)))
    log(f"Reused {cache.reused} PDF, Word, Excel and zip files from the cache; made {cache.made}")
    cache.prune()
    return out.sizes
