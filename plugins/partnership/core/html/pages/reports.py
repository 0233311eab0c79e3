"""Annual progress reports: /reports/, one page per report, one page per measure."""

from __future__ import annotations

from collections.abc import Iterator

from .. import urls
from ..context import RenderContext, SitePage


def pages(ctx: RenderContext) -> Iterator[SitePage]:
    yield ctx.page(
        urls.reports(), "Annual reports", "reports.html",
        description="The partnership's annual progress reports, newest first.",
        kind="reports", in_nav=True, toc=False,
    )
