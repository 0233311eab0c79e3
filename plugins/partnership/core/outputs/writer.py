"""Writes every file the site offers beside its pages.

Calendars, open data, the feed, the JSON Schemas, report tables and PDFs,
partners' summaries and the toolkit's documents. This runs while the pages
are built (in the build's second process where it can: see
:mod:`partnership.core.worker`) and writes straight into the site folder; it
returns every file's size, which the pages show beside their download links.

PDFs, Word, Excel and zip files come from the output cache when what they are
made from has not changed (:mod:`.cache`); the PDFs that must be printed start
printing first, on every core the machine offers when ``parallel``, while the
other files are written (:class:`Printing`).
"""

from __future__ import annotations

from collections.abc import Callable
from concurrent.futures import Future, ProcessPoolExecutor
from functools import partial
from multiprocessing import get_context
from pathlib import Path

from ..models import schema
from ..present import urls
from ..present.colours import brand_css
from ..present.toolkit import downloads as toolkit_downloads
from ..views.attendance import appendix
from ..views.reports import report_view
from ..views.strategy import partner_view
from ..views.toolkit import README_NAME, Toolkit, toolkit
from ..worker import cores
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

            self._pool = ProcessPoolExecutor(workers, mp_context=get_context("fork"))
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


def _documents(docs: Documents, pdf: bool, kit: Toolkit | None) -> dict[str, str]:
    """The documents to print as PDFs, by path: their HTML (the reports first, then partners' summaries and the level guide)."""
    if not pdf:
        return {}
    dataset = docs.dataset
    documents: dict[str, str] = {}
    for report in dataset.reports:
        table = dataset.attendance.get(report.attendance or "")
        documents[urls.report_pdf(report.year)] = report_html(
            docs, report_view(report, dataset), appendix(table, dataset) if table else None
        )
    for partner in dataset.partners if dataset.reports else ():
        view = partner_view(dataset, docs.catalogue, partner)
        for report in dataset.reports:
            documents[urls.partner_pdf(partner.id, report.year)] = partner_html(docs, view, report)
    if kit is not None:
        documents[urls.toolkit_file("pcf-level-guide", "pdf")] = toolkit_files.level_guide_html(docs, kit)
    return documents


def _write_data(out: _Folder, docs: Documents) -> None:
    """The site's colours, calendars, open data, feed, schemas and report tables."""
    dataset, catalogue = docs.dataset, docs.catalogue
    site = dataset.site
    out.write(urls.brand_css(), brand_css(site.colours.primary, site.colours.accent).encode())
    calendars = ics.CalendarWriter(site, docs.now)
    for ev in catalogue.events:
        if ev.sessions:
            out.write(urls.event_ics(ev.id), calendars.calendar([ev], ev.title))
    out.write(urls.calendar(), calendars.calendar(catalogue.upcoming, f"{site.short_name} CPD"))
    for stage in dataset.pathways:
        events = catalogue.for_stage(stage.id)
        out.write(urls.stage_calendar(stage.id), calendars.calendar(events, f"{site.short_name} CPD: {stage.name}"))
    out.write(urls.open_data(), opendata.events_json(catalogue))
    out.write(urls.feed(), opendata.feed(catalogue))
    for name, content in schema.schema_files().items():
        out.write(urls.schema_file(name), content)
    for report in dataset.reports:
        view = report_view(report, dataset)
        for section in view.sections:
            if section.table:
                out.write(urls.report_csv(report.year, section.table.area.area), reportdata.measures_csv(section.table, docs.names))
        table = dataset.attendance.get(report.attendance or "")
        if table:
            out.write(urls.report_attendance_csv(report.year), reportdata.attendance_csv(appendix(table, dataset)))


def _office_files(docs: Documents, kit: Toolkit, cache: OutputCache, pdf: bool) -> dict[str, bytes | None]:
    """The toolkit's Word and Excel files by path, in the order the zip holds them (None: the level guide's PDF, printed)."""
    files: dict[str, bytes | None] = {}
    site = docs.dataset.site
    inputs = toolkit_files.inputs(kit, site, docs.now)
    for download in toolkit_downloads(kit):
        for extension in download.formats:
            path = urls.toolkit_file(download.key, extension)
            if extension == "pdf":
                if pdf:
                    files[path] = None
                continue
            name = key(office_salt(), inputs, path)
            files[path] = cache.file(
                extension,
                name,
                partial(toolkit_files.document, download, extension, kit, site, docs.now),
            )
    return files


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
    """Write calendars, open data, feed, schemas and downloads into ``site_dir``.

    Returns the size of every file written, by its path in the site.
    """
    cache = cache or OutputCache(None)
    kit = toolkit(docs.dataset, docs.now.date()) if downloads else None
    documents = _documents(docs, pdf, kit)
    if documents:
        log(f"Printing {len(documents)} PDFs (reports, partners' summaries, the toolkit's level guide)")
    printing = Printing(documents, docs.dataset.content_dir, docs.dataset.site.url, cache, parallel)
    try:
        out = _Folder(site_dir)
        _write_data(out, docs)
        files = _office_files(docs, kit, cache, pdf) if kit is not None else {}
        printed = printing.result()
    finally:
        printing.cancel()
    for path, content in printed.items():
        if path not in files:
            out.write(path, content)
    if kit is not None:
        made = {path: content if content is not None else printed[path] for path, content in files.items()}
        for path, content in made.items():
            out.write(path, content)
        members = {path.rpartition("/")[2]: content for path, content in made.items()}
        members = {README_NAME: toolkit_files.readme(kit, docs.dataset.site, docs.now, list(members)), **members}
        name = key(office_salt(), docs.now.isoformat(), *(part for item in members.items() for part in item))
        out.write(urls.toolkit_zip(), cache.file("zip", name, lambda: zipped.archive(members, docs.now)))
    log(f"Reused {cache.reused} PDF, Word, Excel and zip files from the cache; made {cache.made}")
    cache.prune()
    return out.sizes
