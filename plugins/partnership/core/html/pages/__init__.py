"""Every generated page of the site, one module per part of it."""

from __future__ import annotations

from ..context import RenderContext, SitePage
from . import catalogue, frameworks, pathways, reports, statements, strategy, toolkit


def all_pages(ctx: RenderContext) -> list[SitePage]:
    """The generated pages, in a stable order."""
    found: list[SitePage] = []
    for module in (catalogue, pathways, frameworks, reports, strategy, toolkit, statements):
        found.extend(module.pages(ctx))
    ctx.known_urls = {page.url for page in found}
    return found
