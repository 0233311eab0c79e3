"""Every generated page of the site, one module per part of it."""

from __future__ import annotations

from ...present.siteviews import SiteViews
from ..context import SitePage
from . import catalogue, frameworks, pathways, reports, statements, strategy, toolkit


def all_pages(views: SiteViews) -> list[SitePage]:
    """The generated pages of a build's views, in a stable order (nothing rendered yet, and nothing computed: the views are)."""
    found: list[SitePage] = []
    for module in (catalogue, pathways, frameworks, reports, strategy, toolkit, statements):
        found.extend(module.pages(views))
    return found
