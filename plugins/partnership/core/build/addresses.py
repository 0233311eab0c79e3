"""Every address the site makes itself, and the hand-written files that would take one.

A file under ``content/`` is published at its own path (a Markdown page at
``<name>/``). If that is the address of a page or file the site generates (an
event's page, ``calendar.ics``, ``events.json``, a toolkit download…), one of
the two would silently replace the other. ``check`` lists every such file,
each with its place, before anything is built.

:func:`generated_files` must name what :mod:`..outputs.writer` writes; a test
compares the two on a real build.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from pathlib import Path

from ..html.context import RenderContext
from ..html.pages import all_pages
from ..models.schema import schema_files
from ..present import urls
from ..present.toolkit import downloads
from ..problems import Problem
from ..sources.files import SourceFiles
from ..views.toolkit import toolkit


def generated_files(ctx: RenderContext) -> dict[str, str]:
    """Each file the site writes beside its pages (by path in the site) → what it is."""
    data = ctx.dataset
    found = {urls.brand_css(): "the site's colours"}
    for event in ctx.catalogue.events:
        if event.sessions:
            found[urls.event_ics(event.id)] = f"the calendar file of the event {event.id}"
    found[urls.calendar()] = "every upcoming event as a calendar"
    for stage in data.pathways:
        found[urls.stage_calendar(stage.id)] = f"the calendar of the career stage {stage.id}"
    found[urls.open_data()] = "the open data of every event"
    found[urls.feed()] = "the feed of new events"
    for name in schema_files():
        found[urls.schema_file(name)] = "a JSON Schema of the data files"
    for report in data.reports:
        for section in report.sections:
            if section.metrics and section.metrics in data.metrics:
                found[urls.report_csv(report.year, section.metrics)] = f"the {report.year} report's {section.metrics} table"
        if report.attendance and report.attendance in data.attendance:
            found[urls.report_attendance_csv(report.year)] = f"the {report.year} report's attendance table"
        found[urls.report_pdf(report.year)] = f"the {report.year} report as a PDF"
        for partner in data.partners:
            found[urls.partner_pdf(partner.id, report.year)] = f"{partner.id}'s summary for {report.year}"
    kit = toolkit(data, ctx.now.date())
    if kit is not None:
        for download in downloads(kit):
            for extension in download.formats:
                found[urls.toolkit_file(download.key, extension)] = "a download of the PCF toolkit"
        found[urls.toolkit_zip()] = "the PCF toolkit's downloads in one zip"
    return found


def published_at(relative: str) -> str:
    """Where a content/ file is published: ``about.md`` → ``about/index.html``, ``x.ics`` → ``x.ics``."""
    if relative.lower().endswith(".md"):
        return urls.content_page(relative) + "index.html"
    return relative


def taken(ctx: RenderContext) -> dict[str, str]:
    """Every address the site makes, a page's (``events/x/index.html``) or a file's, → what it is there."""
    found = {page.url + "index.html": f"the page /{page.url}" for page in all_pages(ctx)}
    found.update({path: f"/{path}, {what}" for path, what in generated_files(ctx).items()})
    return found


def content_files(files: SourceFiles, content: Path, embedded: set[str]) -> list[tuple[str, str]]:
    """Every file under ``content`` that is published as it is (not embedded in a generated page): (as shown, its address)."""
    found = []
    for path in files.walk(content):
        relative = path.relative_to(content).as_posix()
        if relative not in embedded:
            found.append((files.display(path), published_at(relative)))
    return found


def clashes(taken: Mapping[str, str], hand_written: Iterable[tuple[str, str]]) -> list[Problem]:
    """A problem for every hand-written file, (as shown, its address), at an address the site makes (``taken``: address → what).

    The one rule for hand-written files and generated ones: ``check`` asks it of content/ before anything
    is built (:func:`taken`, :func:`content_files`), and the MkDocs plugin of the pages and files MkDocs
    itself found, in case a generator other than ``build.py``'s runs it.
    """
    return [
        Problem(shown, 1, 1, f"this file would be published at /{address}, where the site makes {taken[address]}; rename it or move it")
        for shown, address in hand_written
        if address in taken
    ]


def embedded_content(ctx: RenderContext) -> set[str]:
    """content/ files that generated pages embed (report narratives, the toolkit's text): never pages of their own."""
    from ..html.pages.toolkit import CONTENT as TOOLKIT_CONTENT

    found: set[str] = set(TOOLKIT_CONTENT)
    for report in ctx.dataset.reports:
        found.update(relative for _, relative in report.narratives())
    return found


__all__ = ["clashes", "content_files", "embedded_content", "generated_files", "published_at", "taken"]
