"""What every page template is rendered with.

:class:`SitePage` is one public page: its URL, its title, and a function
that renders its HTML when the site generator asks for it (so that listing
3,000 pages costs nothing until each is written). :class:`RenderContext`
holds the build's views and the Jinja environment; templates get a ``url()``
function that links relative to the page being rendered.

Every template is rendered with autoescaping on: text from YAML can never
become markup.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import partial
from typing import Any

import jinja2
from markupsafe import Markup

from ..dataset import Dataset
from ..models.common import slugify
from ..models.events import FORMAT_NAMES, STATUS_NAMES, TYPE_NAMES
from ..models.metrics import MetricsArea
from ..models.partners import KIND_NAMES
from ..models.pathways import STRAND_NAMES
from ..models.strategy import COLUMNS as MODEL_COLUMNS
from ..present import format as fmt
from ..present import urls
from ..present.charts import chart, chart_id, chartable, finding
from ..present.markdown import NarrativeRenderer, plain, render_text
from ..present.values import change_text, part_text, target_text, value_html, value_text
from ..views.catalogue import SERVICE_NAMES, Catalogue
from ..views.reports import measure_table
from ..views.strategy import follow_ups_in, section_objectives
from . import calendarlinks
from .eventtext import EventText
from .fan import fan, group_colours
from .jsonld import event_json_ld
from .sizes import size_marker


@dataclass
class SitePage:
    """One generated page of the site."""

    url: str
    """Root-relative, ending in /: events/strengths-based-practice-2026-03/."""
    title: str
    render: Callable[[], str]
    """Returns the page's HTML (its main content, from the h1 down)."""
    description: str = ""
    """One sentence for search engines and link previews."""
    kind: str = "page"
    """What sort of page this is: event, facet, stage, report …"""
    in_nav: bool = False
    """True for the few section pages that the navigation lists."""
    search: bool = True
    """False to keep the page out of the site search (facet pages repeat events)."""
    toc: bool = True
    """False to hide the table of contents."""
    search_render: Callable[[], str] | None = None
    """A short version of the page for the site search to index instead of the whole page."""


def _environment() -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.PackageLoader("partnership.core.html", "templates"),
        autoescape=True,
        trim_blocks=True,
        lstrip_blocks=True,
        undefined=jinja2.StrictUndefined,
        keep_trailing_newline=False,
        auto_reload=False,  # one environment per build; templates do not change during it
    )
    env.filters.update(
        date=fmt.date,
        day=fmt.day,
        short_day=fmt.short_day,
        time=fmt.time,
        number=fmt.number,
        hours=fmt.hours,
        filesize=fmt.filesize,
        markdown=render_text,
        plain=plain,
        join_words=fmt.join,
        lookup=lambda values, names: [names.get(v, v) for v in values],
    )
    env.tests["contains"] = lambda values, item: item in values
    env.globals.update(
        fmt=fmt,
        urls=urls,
        event_json_ld=event_json_ld,
        calendar_links=calendarlinks,
        fan_svg=fan,
        group_colours=group_colours,
        TYPE_NAMES=TYPE_NAMES,
        FORMAT_NAMES=FORMAT_NAMES,
        STATUS_NAMES=STATUS_NAMES,
        SERVICE_NAMES=SERVICE_NAMES,
        STRAND_NAMES=STRAND_NAMES,
        KIND_NAMES=KIND_NAMES,
    )
    return env


@dataclass
class RenderContext:
    """The views of one build, shared by every page."""

    dataset: Dataset
    now: dt.datetime
    catalogue: Catalogue
    env: jinja2.Environment = field(default_factory=_environment)

    pdf: bool = True
    """Whether report PDFs are made (pages link to them only then)."""
    known_urls: set[str] = field(default_factory=set)
    """Every generated page's URL, for checking links in hand-written narratives."""
    broken_links: list[tuple[str, str]] = field(default_factory=list)
    """(content file, link) of every narrative link that leads nowhere."""

    def __post_init__(self) -> None:
        self._cards: dict[tuple[str, str, int, int], Markup] = {}
        self.env.globals.update(
            card_html=self.card,
            row_html=self.row,
            related_html=self.related,
            t=EventText(),
            size=size_marker,
            narrative=self.narrative,
            value_text=value_text,
            value_html=value_html,
            target_text=target_text,
            change_text=change_text,
            chartable=chartable,
            finding=finding,
            chart=chart,
            chart_id=chart_id,
            slug=slugify,
            latest_value=self.latest_value,
            section_objectives=lambda report, area: section_objectives(self.dataset, report, area),
            follow_ups_in=lambda report: follow_ups_in(self.dataset, report),
            model_columns=MODEL_COLUMNS,
            part_text=part_text,
            measure_table_for=lambda area, measure, years: measure_table(
                MetricsArea.model_construct(area=area.area, title=area.title, measures=[measure]), years
            ),
        )

    def latest_value(self, measure_id: str) -> str:
        """``12% (2025-26)``: a measure's latest value, or empty when it has none."""
        found = self.dataset.measure_by_id.get(measure_id)
        if not found:
            return ""
        measure = found[1]
        for year in sorted(measure.values, reverse=True):
            value = measure.values[year]
            if value.number is not None or value.by:
                return f"{value_text(value, measure.unit)} ({year})"
        return ""

    def narrative(self, path: str, prefix: str, link: Callable[[str], str]) -> Markup:
        """A content/ Markdown file as HTML, its links rewritten by ``link`` (a page's ``url``)."""

        def resolve(target: str) -> str | None:
            if target.endswith(".md"):
                found = urls.content_page(target)
                if (self.dataset.content_dir / target).is_file() or found in self.known_urls:
                    return found
                return None
            return target if (self.dataset.content_dir / target).is_file() else None

        renderer = NarrativeRenderer("", resolve, lambda target, _page: link(target))
        text = (self.dataset.content_dir / path).read_text(encoding="utf-8")
        html = renderer.render(text, path, prefix)
        self.broken_links.extend(b for b in renderer.broken if b not in self.broken_links)
        return html

    @classmethod
    def build(cls, dataset: Dataset, now: dt.datetime, pdf: bool = True) -> RenderContext:
        return cls(dataset, now, Catalogue.build(dataset, now), pdf=pdf)

    def card(self, event: Any, heading: int, page_url: str) -> Markup:
        """An event's card, rendered once for every page at the same depth.

        A card's only links go to site pages, and a relative link from any
        page at depth d to ``events/<id>/`` is the same, so a card made for
        one facet page serves every other page at that depth.
        """
        return self._per_depth("_card.html", event, heading, page_url)

    def row(self, event: Any, heading: int, page_url: str) -> Markup:
        """An event's row in a compact list (facet, stage and item pages); made once per depth, like a card."""
        return self._per_depth("_row.html", event, heading, page_url)

    def related(self, event: Any, page_url: str) -> Markup:
        """An event in another event's related list; made once per depth, like a card."""
        return self._per_depth("_related.html", event, 0, page_url)

    def _per_depth(self, template: str, event: Any, heading: int, page_url: str) -> Markup:
        key = (template, event.id, heading, page_url.count("/"))
        found = self._cards.get(key)
        if found is None:
            found = Markup(self.render(template, page_url, ev=event, heading=heading))
            self._cards[key] = found
        return found

    def absolute(self, target: str) -> str:
        """A full address for documents read away from the site (PDFs): the site's URL + the path."""
        base = self.dataset.site.url
        return (base.rstrip("/") + "/" + target) if base else target

    def render(self, template: str, page_url: str, absolute: bool = False, **values: Any) -> str:
        """Render ``template`` for the page at ``page_url`` (links relative, or full for documents)."""
        return self.env.get_template(template).render(
            url=self.absolute if absolute else partial(urls.relative, page=page_url),
            page_url=page_url,
            pdf=self.pdf,
            site=self.dataset.site,
            data=self.dataset,
            catalogue=self.catalogue,
            now=self.now,
            **values,
        )

    def page(self, url: str, title: str, template: str, description: str = "", **options: Any) -> SitePage:
        """A :class:`SitePage` that renders ``template`` with ``values`` when asked."""
        values = options.pop("values", {})
        search_template = options.pop("search_template", None)
        return SitePage(
            url=url,
            title=title,
            render=lambda: self.render(template, url, title=title, **values),
            description=description,
            search_render=(lambda: self.render(search_template, url, title=title, **values)) if search_template else None,
            **options,
        )
