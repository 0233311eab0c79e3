"""Annual progress reports: /reports/, one page per report, and one page per measure."""

from __future__ import annotations

from collections.abc import Iterator

from ...present import urls
from ...present.siteviews import SiteViews
from ..context import SitePage


def pages(views: SiteViews) -> Iterator[SitePage]:
    dataset = views.dataset
    yield SitePage(
        urls.reports(),
        "Annual reports",
        "reports.html",
        description="The partnership's annual progress reports, newest first.",
        kind="reports",
        in_nav=True,
        toc=False,
        values={"views": views.reports},
    )
    for report in dataset.reports:
        yield SitePage(
            urls.report(report.year),
            report.title,
            "report.html",
            description=report.summary or f"{report.title}: the partnership's progress report.",
            kind="report",
            charts=True,
            values={"view": views.reports[report.year], "appendix": views.appendix(report), "outline": views.outlines[report.year]},
        )
    measures = [(area, measure) for area in dataset.metrics.values() for measure in area.measures]
    yield SitePage(
        urls.measures(),
        "Every measure, year on year",
        "measures.html",
        description="Every progress measure the partnership reports, with all its years.",
        kind="measures",
        values={"areas": list(dataset.metrics.values())},
    )
    for area, measure in measures:
        table = views.measures[measure.id]
        in_reports = [r for r in dataset.reports if any(s.metrics == area.area for s in r.sections)]
        yield SitePage(
            urls.measure(measure.id),
            measure.name,
            "measure.html",
            description=f"{measure.name}: every year of this measure.",
            kind="measure",
            charts=True,
            values={"area": area, "measure": measure, "years": table.years, "table": table, "in_reports": in_reports},
        )
