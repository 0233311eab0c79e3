"""Rules for ``data/site.yml``: the logo is a file under content/, the colours are dark enough for text."""

from __future__ import annotations

from ..models.dataset import origin
from ..present.colours import contrast
from .base import Rules


class SiteRules(Rules):
    """The site's identity."""

    def check(self) -> None:
        site = self.d.site
        if site.logo and site.valid("logo"):
            self.content_file(site, ("logo",), site.logo, (".svg", ".png"))
        if site.valid("colours"):
            for name in ("primary", "accent"):
                colour = getattr(site.colours, name)
                ratio = contrast(colour, "#ffffff")
                if ratio < 4.5:
                    path = ("colours", name) if origin(site).has("colours", name) else ("colours",)
                    self.add(
                        site,
                        path,
                        f"colours.{name}: {colour} on white, or white on it, has a contrast of only {ratio:.1f}:1; "
                        "choose a darker colour (4.5:1 or more is needed for text, by WCAG 2.2 AA)",
                    )
