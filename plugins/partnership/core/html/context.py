"""What every page template is rendered with.

:class:`SitePage` is one public page: its URL, its title, and a function
that renders its HTML when the site generator asks for it (so that listing
3,000 pages costs nothing until each is written). :class:`RenderContext`
holds the build's views and the pages' Jinja environment.

Templates write every link from the site's root (``url()`` is
:func:`urls.rooted`), and a page's HTML is made relative to the page in one
pass once it is whole (:func:`urls.relativise`). So an event's card, its row in
a list and its line in a related list do not depend on the page that shows
them: each is rendered once per build and reused by every page, whatever its
folder or depth.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from markupsafe import Markup

from ..models.dataset import Dataset
from ..present import urls
from ..present.charts import Charts
from ..present.templating import Renderer, environment
from ..views.catalogue import Catalogue
from ..views.events import EventView
from ..views.reports import measure_table, partner_names, single
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
    """Returns the page's HTML (its main content, from the h1 down), links relative to the page."""
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
    charts: bool = False
    """True when the page shows report charts (drawn ahead, in the build's second process)."""


class RenderContext(Renderer):
    """The views of one build, shared by every page."""

    def __init__(
        self, dataset: Dataset, now: dt.datetime, catalogue: Catalogue, charts: Charts, pdf: bool = True, compiled: Path | None = None
    ):
        super().__init__(environment(__package__, compiled), dataset, now, catalogue, charts)
        self.pdf = pdf
        """Whether report PDFs are made (pages link to them only then)."""
        self._fragments: dict[tuple[str, str, int], Markup] = {}
        self.env.globals.update(
            card_html=self.card,
            row_html=self.row,
            related_html=self.related,
            t=EventText(dataset.site.contact_email),
            size=size_marker,
            event_json_ld=event_json_ld,
            calendar_links=calendarlinks,
            fan_svg=fan,
            group_colours=group_colours,
            measure_table_for=lambda area, measure, years: measure_table(single(area, measure), years, self.names),
        )

    @classmethod
    def build(
        cls, dataset: Dataset, now: dt.datetime, pdf: bool = True, charts: Charts | None = None, compiled: Path | None = None
    ) -> RenderContext:
        """The views of ``dataset`` as of ``now``; ``compiled``: where compiled templates are kept between builds."""
        return cls(dataset, now, Catalogue.build(dataset, now), charts or Charts(names=partner_names(dataset)), pdf=pdf, compiled=compiled)

    def compile_templates(self) -> None:
        """Compile every page template now (before the build forks, so that no process compiles them again)."""
        for name in self.env.list_templates():
            self.env.get_template(name)

    def card(self, event: EventView, heading: int) -> Markup:
        """An event's card (catalogue, home page), rendered once per build and heading level."""
        return self._fragment("_card.html", event, heading)

    def row(self, event: EventView, heading: int) -> Markup:
        """An event's row in a compact list (facet, stage and item pages), rendered once per build and heading level."""
        return self._fragment("_row.html", event, heading)

    def related(self, event: EventView) -> Markup:
        """An event in another event's related list, rendered once per build."""
        return self._fragment("_related.html", event, 0)

    def _fragment(self, template: str, event: EventView, heading: int) -> Markup:
        key = (template, event.id, heading)
        found = self._fragments.get(key)
        if found is None:
            found = self._fragments[key] = Markup(self.render(template, urls.rooted, ev=event, heading=heading))
        return found

    def render_page(self, template: str, page_url: str, **values: Any) -> str:
        """``template`` as the HTML of the page at ``page_url``: rendered from the root, then made relative to the page."""
        return urls.relativise(self.render(template, urls.rooted, pdf=self.pdf, **values), page_url)

    def page(self, url: str, title: str, template: str, description: str = "", **options: Any) -> SitePage:
        """A :class:`SitePage` that renders ``template`` with ``values`` when asked."""
        values = options.pop("values", {})
        search_template = options.pop("search_template", None)
        return SitePage(
            url=url,
            title=title,
            render=lambda: self.render_page(template, url, title=title, **values),
            description=description,
            search_render=(lambda: self.render_page(search_template, url, title=title, **values)) if search_template else None,
            **options,
        )
