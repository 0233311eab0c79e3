"""The Jinja set-up that pages and documents share, and what every template is rendered with.

:func:`environment` makes a Jinja environment that loads a layer's own
templates (``html/templates/`` for pages, ``outputs/templates/`` for printed
documents) and then the templates both show (``present/templates/``: report
tables, charts, the logic model, follow-ups), with the site's filters and
names. :class:`Renderer` holds one build's views (:class:`.siteviews.SiteViews`) and renders a template with a
``url()`` that the caller chooses: links from the site's root, to be made
relative to their page (:func:`urls.rooted`), or full addresses for documents
read away from the site.

Every template is rendered with autoescaping on: text from YAML can never
become markup.
"""

from __future__ import annotations

import contextlib
import hashlib
import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

import jinja2
from markupsafe import Markup

from ..models.common import slugify
from ..models.dataset import content_key
from ..models.events import FORMAT_NAMES, STATUS_NAMES, TYPE_NAMES, EventStatus
from ..models.metrics import UNKNOWN_PART
from ..models.partners import KIND_NAMES
from ..models.pathways import STRAND_NAMES
from ..models.reports import PARTS, Report, Status
from ..models.site import Conformance
from ..models.strategy import COLUMNS as MODEL_COLUMNS
from ..release import salt
from ..views.catalogue import SERVICE_NAMES
from ..views.reports import EntryKind
from . import format as fmt
from . import urls
from .charts import Charts, alternative, chartable, finding, gaps_note
from .markdown import NarrativeRenderer, plain, render_text
from .siteviews import SiteViews
from .values import SYMBOLS, change_text, cohort_name, part_text, share_text, target_text, value_html, value_text

LANDSCAPE_AFTER = 6
"""A measure table with more year columns than this is printed on a landscape page of its own (portrait A4 fits six)."""

Link = Callable[[str], str]
"""Turns a root-relative site path into the address a rendered template writes."""


TEMPLATE_LIBRARY = "jinja2"
"""What compiles the templates: its version is part of where compiled templates are kept."""


def compiled_folder(folder: Path) -> Path:
    """Where this release keeps compiled templates under ``folder``: a folder named by :func:`..release.salt` for Jinja.

    Jinja checks each compiled template against its source; the folder's name
    adds this release of the code and Jinja's version (and MarkupSafe's), so
    that nothing compiled by another release is read. What other releases
    left in ``folder`` is deleted.
    """
    kept = folder / hashlib.sha256(salt(TEMPLATE_LIBRARY).encode("utf-8")).hexdigest()[:32]
    with contextlib.suppress(OSError):
        for entry in folder.iterdir():
            if entry.is_dir() and entry != kept:
                shutil.rmtree(entry, ignore_errors=True)
            elif not entry.is_dir():
                entry.unlink(missing_ok=True)
    return kept


def compiled_templates(folder: Path) -> jinja2.BytecodeCache:
    """Compiled templates kept in ``folder`` between builds (by template and source: never stale)."""
    folder.mkdir(parents=True, exist_ok=True)
    return jinja2.FileSystemBytecodeCache(str(folder))


def environment(package: str, compiled: Path | None = None) -> jinja2.Environment:
    """An environment loading ``package``'s ``templates/`` first, then the shared ones, with the site's filters.

    ``compiled``: a folder to keep compiled templates in between builds (Jinja
    checks each against its source, so a changed template is compiled again).
    """
    env = jinja2.Environment(
        loader=jinja2.ChoiceLoader([jinja2.PackageLoader(package, "templates"), jinja2.PackageLoader(__package__, "templates")]),
        autoescape=True,
        trim_blocks=True,
        lstrip_blocks=True,
        undefined=jinja2.StrictUndefined,
        keep_trailing_newline=False,
        auto_reload=False,  # one environment per build; templates do not change during it
        bytecode_cache=compiled_templates(compiled) if compiled else None,
    )
    env.filters.update(
        date=fmt.date,
        day=fmt.day,
        short_day=fmt.short_day,
        time=fmt.time,
        number=fmt.number,
        hours=fmt.hours,
        filesize=fmt.filesize,
        share=share_text,
        markdown=render_text,
        plain=plain,
        join_words=fmt.join,
        lookup=lambda values, names: [names.get(v, v) for v in values],
    )
    env.tests["contains"] = lambda values, item: item in values
    env.globals.update(
        fmt=fmt,
        urls=urls,
        TYPE_NAMES=TYPE_NAMES,
        FORMAT_NAMES=FORMAT_NAMES,
        STATUS_NAMES=STATUS_NAMES,
        SERVICE_NAMES=SERVICE_NAMES,
        STRAND_NAMES=STRAND_NAMES,
        KIND_NAMES=KIND_NAMES,
        target_text=target_text,
        SYMBOLS=SYMBOLS,
        change_text=change_text,
        part_text=part_text,
        UNKNOWN_PART=UNKNOWN_PART,
        EntryKind=EntryKind,
        ReportStatus=Status,
        EventStatus=EventStatus,
        Conformance=Conformance,
        chartable=chartable,
        slug=slugify,
        zip=zip,
        LANDSCAPE_AFTER=LANDSCAPE_AFTER,
        PARTS=dict(PARTS),
        model_columns=MODEL_COLUMNS,
    )
    return env


class Renderer:
    """One build's views (:class:`.siteviews.SiteViews`) and a Jinja environment: renders templates, each with the ``url()`` it is given.

    ``known_urls`` is every generated page's address (narratives may link to
    them); links in narratives that lead nowhere are collected in
    ``broken_links`` as ``(content file, link)``.
    """

    def __init__(self, env: jinja2.Environment, views: SiteViews, charts: Charts):
        self.env = env
        self.views = views
        self.dataset = views.dataset
        self.now = views.now
        self.catalogue = views.catalogue
        self.charts = charts
        self.known_urls: set[str] = set()
        self.broken_links: list[tuple[str, str]] = []
        self.names = views.names
        """Partner id → name: a split's parts are shown by name."""
        env.globals.update(
            chart=charts.svg,
            latest_value=self.latest_value,
            narrative=self.narrative,
            value_text=lambda value, measure: value_text(value, measure, self.names),
            value_html=lambda value, measure: value_html(value, measure, self.names),
            cohort_name=lambda cohort: cohort_name(cohort, self.names),
            finding=lambda measure, years: finding(measure, years, self.names),
            chart_gaps=lambda measure, years: gaps_note(measure, years, self.names),
            chart_alt=lambda measure, years: alternative(measure, years, self.names),
        )

    def render(self, template: str, url: Link, **values: Any) -> str:
        """``template`` rendered with links made by ``url`` and the build's views."""
        return self.env.get_template(template).render(
            url=url,
            site=self.dataset.site,
            data=self.dataset,
            catalogue=self.catalogue,
            now=self.now,
            **values,
        )

    def absolute(self, target: str) -> str:
        """A full address for documents read away from the site (PDFs): the site's URL + the path."""
        return urls.absolute(self.dataset.site.url, target)

    def latest_value(self, measure_id: str) -> str:
        """``12% (2025-26)``: a measure's latest value, or empty when it has none."""
        found = self.dataset.measure_by_id.get(measure_id)
        if not found:
            return ""
        measure = found[1]
        for year in sorted(measure.values, reverse=True):
            value = measure.values[year]
            if value.number is not None or value.by:
                return f"{value_text(value, measure, self.names)} ({year})"
        return ""

    def narrative(self, path: str, prefix: str, link: Link, report: Report | None = None) -> Markup:
        """A content/ Markdown file as HTML, its links written by ``link`` (the template's ``url``): ``report``'s words
        with the figures they quote (:attr:`.siteviews.SiteViews.narratives`), or, with no report, the file as loaded."""

        def resolve(target: str) -> str | None:
            if target.endswith(".md"):
                found = urls.content_page(target)
                if (self.dataset.content_dir / target).is_file() or found in self.known_urls:
                    return found
                return None
            return target if (self.dataset.content_dir / target).is_file() else None

        renderer = NarrativeRenderer("", resolve, lambda target, _page: link(target))
        text = self.views.narratives[(report.year, content_key(path))] if report is not None else self.dataset.text(path)
        html = renderer.render(text, path, prefix)
        self.broken_links.extend(b for b in renderer.broken if b not in self.broken_links)
        return html
