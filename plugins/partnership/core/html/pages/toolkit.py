"""The practice educators' PCF toolkit: /toolkit/ and its downloads."""

from __future__ import annotations

from collections.abc import Iterator

from .. import urls
from ..context import RenderContext, SitePage


def pages(ctx: RenderContext) -> Iterator[SitePage]:
    yield ctx.page(
        urls.toolkit(), "PCF toolkit", "toolkit.html",
        description="Level guides, evidence grids and templates for practice educators, as Word, Excel and PDF.",
        kind="toolkit", in_nav=True,
    )
