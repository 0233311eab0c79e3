"""Pages every public-sector site needs: the accessibility statement and the privacy notice."""

from __future__ import annotations

from collections.abc import Iterator

from ...models import schema
from ...present import urls
from ...present.siteviews import SiteViews
from ...views.mycpd import CPD_TYPES
from ..context import SitePage


def pages(views: SiteViews) -> Iterator[SitePage]:
    site = views.dataset.site
    yield SitePage(
        urls.accessibility(),
        "Accessibility statement",
        "accessibility.html",
        description=f"How accessible the {site.name} website is, and how to report a problem.",
        kind="statement",
    )
    yield SitePage(
        urls.privacy(),
        "Privacy and cookies",
        "privacy.html",
        description=f"What the {site.short_name} website keeps about you: nothing, and what your browser keeps.",
        kind="statement",
        toc=False,
    )
    yield SitePage(
        urls.schema(),
        "Data schemas",
        "schemas.html",
        description="JSON Schemas of the data files this site is built from.",
        kind="schemas",
        toc=False,
        values={"kinds": schema.KINDS},
    )
    yield SitePage(
        urls.my_cpd(),
        "My CPD record",
        "my_cpd.html",
        description="Keep a private note of the CPD you attended, and download a record for Social Work England.",
        kind="mycpd",
        toc=False,
        values={"cpd_types": CPD_TYPES},
    )
