"""The practice educators' PCF toolkit: /toolkit/ and its downloads."""

from __future__ import annotations

from collections.abc import Iterator

from ...present import urls
from ...present.toolkit import PHASES, downloads, track_for, track_name
from ...sources.history import last_changed
from ...views.toolkit import toolkit
from ..context import RenderContext, SitePage

#: Markdown the partnership writes for the toolkit page, under content/toolkit/.
CONTENT = ("toolkit/introduction.md", "toolkit/using-the-toolkit.md")


def pages(ctx: RenderContext) -> Iterator[SitePage]:
    dataset = ctx.dataset
    kit = toolkit(dataset, ctx.now.date())
    sources = [dataset.data_dir / "frameworks", dataset.content_dir / "toolkit"]
    changed = last_changed(sources, dataset.data_dir.parent) if kit else None
    yield ctx.page(
        urls.toolkit(),
        "PCF toolkit for practice educators",
        "toolkit.html",
        description="Level guides, evidence grids and templates for practice educators, as Word, Excel and PDF, built from the PCF.",
        kind="toolkit",
        in_nav=True,
        values={
            "kit": kit,
            "phases": PHASES,
            "downloads": downloads(kit) if kit else (),
            "changed": changed,
            "content": [path for path in CONTENT if (dataset.content_dir / path).is_file()],
            "events": ctx.catalogue.for_stage("practice-educator"),
            "versions": [(track_name(track), track_for(track), track) for track in kit.tracks] if kit else [],
        },
    )
