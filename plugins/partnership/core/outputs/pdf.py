"""Annual reports and partners' summaries as tagged A4 PDFs (PDF/UA-1), made with WeasyPrint.

The report is the report page's content laid out for print: a cover,
contents with page numbers, a running header and page numbers, tables
whose header rows repeat across pages, the same SVG charts as the web page
(as vector images with text alternatives), title and language set, fonts
embedded.

Each document is first rendered to HTML (quick), and the HTML is what the
PDF is made from: :func:`html_to_pdf` is the slow step, which the writer
skips when the output cache already holds the PDF of that HTML.

WeasyPrint would fetch whatever a document names (an image at ``http://…``,
``file:///etc/…``). :class:`SiteFiles` is its URL fetcher here: it serves
only the site's own files (under ``content/``, addressed by path or by the
site's own URL, and this package's assets) and ``data:`` URIs (the charts and
logo are embedded so); anything else is refused, never fetched, and named in
a logged warning.
"""

from __future__ import annotations

import base64
import logging
import mimetypes
import re
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit
from urllib.request import url2pathname

from ..models.metrics import Measure
from ..models.reports import Report
from ..models.year import Year
from ..views.strategy import PartnerView
from .documents import ASSETS, Documents

log = logging.getLogger("partnership.pdf")


def _fetcher_base() -> type:
    from weasyprint.urls import URLFetcher

    base: type = URLFetcher
    return base


class SiteFiles(_fetcher_base()):  # type: ignore[misc]
    """A WeasyPrint URL fetcher that serves only the site's own files; ``refused`` lists what it would not fetch."""

    def __init__(self, content_dir: Path, site_url: str | None, document: str):
        super().__init__(timeout=1, allowed_protocols=("file", "data"), allow_redirects=False)
        self.roots = [Path(content_dir).resolve(), ASSETS.resolve()]
        self.site_url = (site_url or "").rstrip("/") + "/" if site_url else ""
        self.document = document
        self.refused: list[str] = []

    def local(self, url: str) -> Path | None:
        """The site's own file that ``url`` names, or None."""
        if self.site_url and url.startswith(self.site_url):
            candidate = self.roots[0] / unquote(urlsplit(url[len(self.site_url) :]).path)
        elif url.startswith("file:"):
            candidate = Path(url2pathname(urlsplit(url).path))
        else:
            return None
        real = candidate.resolve()
        inside = any(real.is_relative_to(root) for root in self.roots)
        return real if inside and real.is_file() else None

    def fetch(self, url: str, headers: dict[str, str] | None = None) -> Any:
        if url.startswith("data:"):
            return super().fetch(url, headers)
        found = self.local(url)
        if found is None:
            self.refused.append(url)
            log.warning("%s: left out %s: a PDF uses only the site's own files, and fetches nothing from elsewhere", self.document, url)
            raise ValueError(f"not one of the site's own files: {url}")
        return super().fetch(found.as_uri(), headers)


def html_to_pdf(html: str, content_dir: Path, site_url: str | None, document: str) -> bytes:
    """A tagged PDF (PDF/UA-1) of an HTML document, fetching only the site's own files; ``document`` names it in warnings."""
    from weasyprint import HTML

    fetcher = SiteFiles(content_dir, site_url, document)
    html = breakable(html)
    pdf: bytes = HTML(string=html, base_url=str(content_dir), url_fetcher=fetcher).write_pdf(pdf_variant="pdf/ua-1")
    return pdf


LONG_WORD = 40
"""Letters in a row after which a word may break in a PDF (the longest English words have about 30)."""
_CELL = re.compile(r"(<t[dh]\b[^>]*>)(.*?)(</t[dh]\s*>)", re.S | re.I)
_MARKUP = re.compile(r"(<[^>]*>)|([^<]+)")
_LONG = re.compile(rf"[^\s&;<>]{{{LONG_WORD},}}")


def _break_opportunities(match: re.Match[str]) -> str:
    word = match.group()
    return "\u200b".join(word[start : start + LONG_WORD // 2] for start in range(0, len(word), LONG_WORD // 2))


def _cell(match: re.Match[str]) -> str:
    text = _MARKUP.sub(lambda m: m.group(1) or _LONG.sub(_break_opportunities, m.group(2)), match.group(2))
    return match.group(1) + text + match.group(3)


def breakable(html: str) -> str:
    """``html`` with a break opportunity (a zero-width space) every 20 letters of any word of :data:`LONG_WORD` letters or
    more in a table's cell.

    report.css's ``overflow-wrap: break-word`` breaks such a word in a paragraph, but a table sizes its columns before
    that, so a long word in a cell (a pasted address) made the table wider than the page and the rest of its row was
    lost; ``anywhere`` would size every column as if every word could break (the PCF level guide split "Throughout").
    Only the text of cells is touched (never a tag, an attribute or a paragraph), and no real word has 40 letters.
    """
    return _CELL.sub(_cell, html)


def _data_uri(content: bytes, mime: str) -> str:
    return f"data:{mime};base64," + base64.b64encode(content).decode("ascii")


def report_html(docs: Documents, year: Year) -> str:
    """The report of ``year`` as one HTML document ready for print: its view, outline and appendix as the build's views have them."""
    view = docs.views.reports[year]
    site = docs.dataset.site
    logo = None
    if site.logo:
        path = docs.dataset.content_dir / site.logo
        if path.is_file():
            logo = _data_uri(path.read_bytes(), mimetypes.guess_type(path.name)[0] or "image/png")

    def chart_uri(measure: Measure, years: list[Year]) -> str:
        return _data_uri(str(docs.charts.svg(measure, years)).encode("utf-8"), "image/svg+xml")

    return docs.document(
        "report_pdf.html",
        view=view,
        appendix=docs.views.appendix(view.report),
        outline=docs.views.outlines[year],
        logo=logo,
        chart_uri=chart_uri,
    )


def partner_html(docs: Documents, view: PartnerView, report: Report) -> str:
    """One page for a partner's board: what the partnership gave it in the report's year."""
    return docs.document("partner_pdf.html", view=view, report=report)
