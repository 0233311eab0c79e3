"""Printed documents rendered from templates: report PDFs, partners' summaries and the toolkit's level guide.

Their templates are in ``outputs/templates/`` and use the report pieces that
the web pages show too (``present/templates/``). Links in them are full
addresses (the site's URL and the path): a PDF is read away from the site.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from markupsafe import Markup

from ..present.charts import Charts
from ..present.siteviews import SiteViews
from ..present.templating import Renderer, environment

ASSETS = Path(__file__).with_name("assets")
CSS = ASSETS / "report.css"


def stylesheet(primary: str) -> str:
    """The print stylesheet, with the partnership's primary colour."""
    return f":root {{ --primary: {primary}; }}\n" + CSS.read_text(encoding="utf-8")


class Documents(Renderer):
    """Renders the print templates of one build's views, with full addresses for links."""

    def __init__(self, views: SiteViews, charts: Charts | None = None, known_urls: set[str] | None = None, compiled: Path | None = None):
        super().__init__(environment(__package__, compiled), views, charts or Charts(names=views.names))
        self.known_urls = set(known_urls or ())

    def document(self, template: str, **values: Any) -> str:
        """``template`` as a whole HTML document ready for print, its stylesheet inline."""
        return self.render(template, self.absolute, css=Markup(stylesheet(self.dataset.site.colours.primary)), **values)
