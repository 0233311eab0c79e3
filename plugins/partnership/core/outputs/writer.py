"""Writes every file the site offers beside its pages, after the pages are built.

Calendars, open data, the feed and the JSON Schemas are cheap and written
here; the report PDFs and the toolkit's documents are made earlier (their
sizes appear on pages) and only copied.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from .. import schema
from ..colours import brand_css
from ..html import urls
from ..html.context import RenderContext
from . import ics, opendata

Log = Callable[[str], None]


def _write(site_dir: Path, relative: str, content: bytes) -> None:
    target = site_dir / relative
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes(content)


def write_outputs(ctx: RenderContext, site_dir: Path, *, pdf: bool = True, downloads: bool = True, log: Log = print) -> int:
    """Write calendars, open data, feed and schemas into ``site_dir``; return how many files."""
    catalogue = ctx.catalogue
    site = ctx.dataset.site
    _write(site_dir, "assets/stylesheets/brand.css", brand_css(site.colours.primary, site.colours.accent).encode())
    count = 1
    for ev in catalogue.events:
        if ev.sessions:
            _write(site_dir, urls.event_ics(ev.id), ics.calendar([ev], site, ev.title, ctx.now))
            count += 1
    _write(site_dir, urls.calendar(), ics.calendar(catalogue.upcoming, site, f"{site.short_name} CPD", ctx.now))
    count += 1
    for stage in ctx.dataset.pathways:
        events = catalogue.for_stage(stage.id)
        _write(site_dir, urls.stage_calendar(stage.id), ics.calendar(events, site, f"{site.short_name} CPD: {stage.name}", ctx.now))
        count += 1
    _write(site_dir, urls.open_data(), opendata.events_json(catalogue))
    _write(site_dir, urls.feed(), opendata.feed(catalogue))
    count += 2
    for name, content in schema.schema_files().items():
        _write(site_dir, f"schema/{name}", content)
        count += 1
    return count
