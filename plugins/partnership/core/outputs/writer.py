"""Writes every file the site offers beside its pages.

Calendars, open data, the feed, the JSON Schemas, report tables and PDFs,
partners' summaries and the toolkit's documents. This runs while the pages
are built (in the build's second process where it can: see
:mod:`partnership.core.worker`) and writes straight into the site folder; it
returns every file's size, which the pages show beside their download links.

PDFs, Word, Excel and zip files come from the output cache when what they are
made from has not changed (:mod:`.cache`); the PDFs that must be printed are
printed together, on every core the machine offers when ``parallel``.
"""

from __future__ import annotations

from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from multiprocessing import get_context
from pathlib import Path

from .. import schema
from ..colours import brand_css
from ..present import urls
from ..views.attendance import appendix
from ..views.reports import report_view
from ..views.strategy import partner_view
from ..views.toolkit import DOWNLOADS, toolkit
from ..worker import cores
from . import ics, opendata, reportdata, zipped
from . import toolkit as toolkit_files
from .cache import OutputCache, key, office_salt, pdf_salt, site_files
from .documents import Documents
from .pdf import html_to_pdf, partner_html, report_html

Log = Callable[[str], None]

#: The code that writes the Word, Excel and zip files: part of their cache keys.
OFFICE_CODE = (
    *sorted(Path(toolkit_files.__file__).parent.glob("*.py")),
    Path(zipped.__file__),
    Path(__file__).parents[1] / "views" / "toolkit.py",
)


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


def print_pdfs(documents: dict[str, str], content_dir: Path, site_url: str | None, cache: OutputCache, parallel: bool) -> dict[str, bytes]:
    """Every HTML document as a PDF, by its path: from the cache, or printed (in parallel when asked)."""
    found: dict[str, bytes] = {}
    missing: dict[str, tuple[str, str]] = {}
    files = site_files(content_dir) if documents else ""
    for path, html in documents.items():
        name = key(pdf_salt(), files, site_url or "", html)
        kept = cache.get("pdf", name)
        if kept is None:
            missing[path] = (name, html)
        else:
            found[path] = kept
    if missing:
        import weasyprint  # noqa: F401  (imported once here, before the workers fork, instead of once in each)

        htmls = [html for _, html in missing.values()]
        names = list(missing)
        workers = min(len(htmls), cores()) if parallel else 1
        if workers > 1:
            with ProcessPoolExecutor(workers, mp_context=get_context("fork")) as pool:
                printed = list(pool.map(html_to_pdf, htmls, [content_dir] * len(htmls), [site_url] * len(htmls), names))
        else:
            printed = [html_to_pdf(html, content_dir, site_url, name) for html, name in zip(htmls, names, strict=True)]
        for (path, (name, _)), content in zip(missing.items(), printed, strict=True):
            cache.put("pdf", name, content)
            found[path] = content
    return {path: found[path] for path in documents}


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
    dataset, catalogue = docs.dataset, docs.catalogue
    site = dataset.site
    out = _Folder(site_dir)
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
    documents: dict[str, str] = {}  # PDFs to print, by path: their HTML
    for report in dataset.reports:
        view = report_view(report, dataset)
        table = dataset.attendance.get(report.attendance or "")
        extra = appendix(table, dataset) if table else None
        for section in view.sections:
            if section.table:
                out.write(urls.report_csv(report.year, section.table.area.area), reportdata.measures_csv(section.table))
        if extra:
            out.write(urls.report_attendance_csv(report.year), reportdata.attendance_csv(extra))
        if pdf:
            documents[urls.report_pdf(report.year)] = report_html(docs, view, extra)
    if pdf and dataset.reports:
        for partner in dataset.partners:
            view = partner_view(dataset, catalogue, partner)
            for report in dataset.reports:
                documents[urls.partner_pdf(partner.id, report.year)] = partner_html(docs, view, report)
    kit = toolkit(dataset, docs.now.date()) if downloads else None
    files: dict[str, bytes | None] = {}  # the toolkit's files, in the order the zip holds them
    if kit is not None:
        inputs = toolkit_files.inputs(docs, kit)
        for download in DOWNLOADS:
            if download.key == "kss-asye-grid" and not kit.kss:
                continue
            for extension in download.formats:
                path = urls.toolkit_file(download.key, extension)
                if extension == "pdf":
                    if pdf:
                        documents[path] = toolkit_files.level_guide_html(docs, kit)
                        files[path] = None  # printed with the other PDFs, below
                    continue
                maker = toolkit_files.MAKERS[(download.key, extension)]
                name = key(office_salt(*OFFICE_CODE), inputs, path)
                files[path] = cache.file(extension, name, lambda maker=maker: maker(docs, kit))
    if documents:
        log(f"Printing {len(documents)} PDFs (reports, partners' summaries, the toolkit's level guide)")
    printed = print_pdfs(documents, dataset.content_dir, site.url, cache, parallel)
    for path, content in printed.items():
        if path not in files:
            out.write(path, content)
    if kit is not None:
        made = {path: content if content is not None else printed[path] for path, content in files.items()}
        for path, content in made.items():
            out.write(path, content)
        members = {path.rpartition("/")[2]: content for path, content in made.items()}
        name = key(office_salt(*OFFICE_CODE), docs.now.isoformat(), *(part for item in members.items() for part in item))
        out.write(urls.toolkit_zip(), cache.file("zip", name, lambda: zipped.archive(members, docs.now)))
    log(f"Reused {cache.reused} PDF, Word, Excel and zip files from the cache; made {cache.made}")
    cache.prune()
    return out.sizes
