"""The practice educators' PCF toolkit: /toolkit/ and its downloads."""

from __future__ import annotations

from collections.abc import Iterator

from ...present import urls
from ...present.siteviews import SiteViews
from ...present.toolkit import PHASES, track_for, track_name
from ..context import SitePage

#: Markdown the partnership writes for the toolkit page, under content/toolkit/.
CONTENT = ("toolkit/introduction.md", "toolkit/using-the-toolkit.md")


def pages(views: SiteViews) -> Iterator[SitePage]:
    kit = views.toolkit
    yield SitePage(
        urls.toolkit(),
        "PCF toolkit for practice educators",
        "toolkit.html",
        description="Level guides, evidence grids and templates for practice educators, as Word, Excel and PDF, built from the PCF.",
        kind="toolkit",
        in_nav=True,
        values={
            "kit": kit,
            "phases": PHASES,
            "downloads": views.downloads,
            "changed": views.toolkit_changed,
            "content": [path for path in CONTENT if path in views.dataset.markdown],
            "events": views.catalogue.for_stage("practice-educator"),
            "versions": [(track_name(track), track_for(track), track) for track in kit.tracks] if kit else [],
        },
    )
