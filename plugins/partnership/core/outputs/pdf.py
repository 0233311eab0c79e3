"""Annual reports as tagged A4 PDFs (PDF/UA-1), made with WeasyPrint.

The document is the report page's content laid out for print: a cover,
contents with page numbers, a running header and page numbers, tables
whose header rows repeat across pages, the same SVG charts as the web page
(as vector images with text alternatives), title and language set, fonts
embedded.
"""

from __future__ import annotations

import base64
import mimetypes
from pathlib import Path

from markupsafe import Markup

from ..html.context import RenderContext
from ..models.metrics import Measure
from ..models.reports import Report
from ..present import urls
from ..present.charts import chart, chart_id, description
from ..views.attendance import Appendix
from ..views.reports import ReportView
from ..views.strategy import PartnerView

CSS = Path(__file__).with_name("assets") / "report.css"


def _data_uri(content: bytes, mime: str) -> str:
    return f"data:{mime};base64," + base64.b64encode(content).decode("ascii")


def _chart_uri(measure: Measure, years: list[str]) -> str:
    svg = str(chart(measure, years, chart_id(measure, years)))
    return _data_uri(svg.encode("utf-8"), "image/svg+xml")


def report_html(ctx: RenderContext, view: ReportView, appendix: Appendix | None) -> str:
    """The report as one HTML document ready for print."""
    site = ctx.dataset.site
    logo = None
    if site.logo:
        path = ctx.dataset.content_dir / site.logo
        if path.is_file():
            logo = _data_uri(path.read_bytes(), mimetypes.guess_type(path.name)[0] or "image/png")
    css = f":root {{ --primary: {site.colours.primary}; }}\n" + CSS.read_text(encoding="utf-8")
    return ctx.render(
        "report_pdf.html",
        urls.report(view.year),
        absolute=True,
        view=view,
        appendix=appendix,
        css=Markup(css),
        logo=logo,
        chart_uri=_chart_uri,
        chart_description=description,
    )


def partner_pdf(ctx: RenderContext, view: PartnerView, report: Report) -> bytes:
    """One page for a partner's board: what the partnership gave it in the report's year."""
    from weasyprint import HTML

    css = f":root {{ --primary: {ctx.dataset.site.colours.primary}; }}\n" + CSS.read_text(encoding="utf-8")
    html = ctx.render("partner_pdf.html", urls.partner(view.partner.id), absolute=True, view=view, report=report, css=Markup(css))
    return HTML(string=html, base_url=str(ctx.dataset.content_dir)).write_pdf(pdf_variant="pdf/ua-1")


def report_pdf(ctx: RenderContext, view: ReportView, appendix: Appendix | None) -> bytes:
    """The report as a tagged PDF."""
    from weasyprint import HTML

    document = HTML(string=report_html(ctx, view, appendix), base_url=str(ctx.dataset.content_dir))
    return document.write_pdf(pdf_variant="pdf/ua-1", uncompressed_pdf=False)
