"""Annual progress reports: /reports/, one page per report, and one page per measure."""

from __future__ import annotations

from collections.abc import Iterator

from ...present import urls
from ...views.attendance import appendix
from ...views.reports import all_years, outline, report_view
from ..context import RenderContext, SitePage


def pages(ctx: RenderContext) -> Iterator[SitePage]:
    dataset = ctx.dataset
    views = {report.year: report_view(report, dataset) for report in dataset.reports}
    yield ctx.page(
        urls.reports(),
        "Annual reports",
        "reports.html",
        description="The partnership's annual progress reports, newest first.",
        kind="reports",
        in_nav=True,
        toc=False,
        values={"views": views},
    )
    for report in dataset.reports:
        view = views[report.year]
        table = dataset.attendance.get(report.attendance or "")
        parts = outline(view, table is not None, dataset.logic_model_for(report.year) is not None)
        yield ctx.page(
            urls.report(report.year),
            report.title,
            "report.html",
            description=report.summary or f"{report.title}: the partnership's progress report.",
            kind="report",
            charts=True,
            values={"view": view, "appendix": appendix(table, dataset) if table else None, "outline": parts},
        )
    measures = [(area, measure) for area in dataset.metrics.values() for measure in area.measures]
    yield ctx.page(
        urls.measures(),
        "Every measure, year on year",
        "measures.html",
        description="Every progress measure the partnership reports, with all its years.",
        kind="measures",
        values={"areas": list(dataset.metrics.values())},
    )
    for area, measure in measures:
        years = all_years(measure)
        in_reports = [r for r in dataset.reports if any(s.metrics == area.area for s in r.sections)]
        yield ctx.page(
            urls.measure(measure.id),
            measure.name,
            "measure.html",
            description=f"{measure.name}: every year of this measure.",
            kind="measure",
            charts=True,
            values={"area": area, "measure": measure, "years": years, "in_reports": in_reports},
        )
