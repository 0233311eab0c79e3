"""What every page template is rendered with.

:class:`SitePage` is one public page: its URL, its title, and the template
and values its HTML is rendered from when the site generator asks for it (so
that listing 3,000 pages costs nothing until each is written).
:class:`RenderContext` holds the build's views
(:class:`~..present.siteviews.SiteViews`) and the pages' Jinja environment,
and renders a page.

Templates write every link from the site's root (``url()`` is
:func:`urls.rooted`), and a page's HTML is made relative to the page in one
pass once it is whole (:func:`urls.relativise`). So an event's card, its row in
a list and its line in a related list do not depend on the page that shows
them: each is rendered once per build and reused by every page, whatever its
folder or depth.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from markupsafe import Markup

from ..models.dataset import Dataset
from ..present import urls
from ..present.charts import Charts
from ..present.siteviews import SiteViews
from ..present.templating import Renderer, environment
from ..views.events import EventView
from . import calendarlinks
from .eventtext import EventText
from .fan import fan, group_colours
from .jsonld import event_json_ld
from .sizes import size_marker


@dataclass(frozen=True)
class SitePage:
    """One generated page of the site: what to render it with, and what the site generator needs to know of it.

    Nothing is rendered until the site generator asks (:meth:`RenderContext.page_html`),
    so that listing 3,000 pages costs nothing until each is written.
    """

    url: str
    """Root-relative, ending in /: events/strengths-based-practice-2026-03/."""
    title: str
    template: str
    """The template of its HTML (its main content, from the h1 down)."""
    values: Mapping[str, Any] = field(default_factory=dict)
    """What the template is given besides the build's views: the page's own part of them."""
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
    search_template: str | None = None
    """The template of a short version of the page for the site search to index instead of the whole page."""
    charts: bool = False
    """True when the page shows report charts (drawn ahead, in the build's second process)."""


class RenderContext(Renderer):
    """The pages' Jinja environment and the views of one build, shared by every page."""

    def __init__(self, views: SiteViews, charts: Charts | None = None, pdf: bool = True, compiled: Path | None = None):
        super().__init__(environment(__package__, compiled), views, charts or Charts(names=views.names))
        self.pdf = pdf
        """Whether report PDFs are made (pages link to them only then)."""
        self._fragments: dict[tuple[str, str, int], Markup] = {}
        self.env.globals.update(
            card_html=self.card,
            row_html=self.row,
            related_html=self.related,
            t=EventText(views.dataset.site.contact_email),
            size=size_marker,
            event_json_ld=event_json_ld,
            calendar_links=calendarlinks,
            fan_svg=fan,
            group_colours=group_colours,
        )

    @classmethod
    def build(
        cls, dataset: Dataset, now: dt.datetime, pdf: bool = True, charts: Charts | None = None, compiled: Path | None = None
    ) -> RenderContext:
        """The pages of ``dataset`` (every report, drafts too) as of ``now``; ``compiled``: where compiled templates are kept between builds."""
        from .pages import all_pages  # the pages' modules import this one

        views = SiteViews.compute(dataset, now, drafts=True)
        context = cls(views, charts, pdf=pdf, compiled=compiled)
        context.known_urls = {page.url for page in all_pages(views)}
        return context

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

    def page_html(self, page: SitePage) -> str:
        """The HTML of ``page`` (its main content, from the h1 down), links relative to the page."""
        return self.render_page(page.template, page.url, title=page.title, **page.values)

    def search_html(self, page: SitePage) -> str | None:
        """The short version of ``page`` for the site search to index, if it has one."""
        if page.search_template is None:
            return None
        return self.render_page(page.search_template, page.url, title=page.title, **page.values)
