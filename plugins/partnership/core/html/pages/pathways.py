"""The career pathway: /pathways/ and one page per stage."""

from __future__ import annotations

from collections.abc import Iterator

from ...models.pathways import Stage
from ...present import urls
from ...present.siteviews import SiteViews
from ..context import SitePage


def pages(views: SiteViews) -> Iterator[SitePage]:
    stages = views.dataset.pathways
    # A stage that takes over from another (the ECDP from the ASYE) is drawn inside that stage's box, not after it.
    taking_over = {s.replaced_by.stage for s in stages if s.replaced_by}
    trunk = [s for s in stages if s.strand is None and s.id not in taking_over]
    strands: dict[str, list[Stage]] = {}
    for stage in stages:
        if stage.strand:
            strands.setdefault(stage.strand, []).append(stage)
    previous = {s.id: [o for o in stages if s.id in o.next] for s in stages}
    yield SitePage(
        urls.pathways(),
        "Career pathways",
        "pathways.html",
        description="The social work career pathway, stage by stage, with the CPD that fits each.",
        kind="pathways",
        in_nav=True,
        search_template="page_search.html",
        values={
            "trunk": trunk,
            "strands": strands,
            "search_text": "The career stages of social work, from student to principal social worker, in three strands: "
            + ", ".join(s.name for s in stages)
            + ".",
        },
    )
    pcf = views.dataset.frameworks.get("pcf")
    levels = {level.id: level for level in pcf.levels} if pcf else {}
    for stage in stages:
        yield SitePage(
            urls.stage(stage.id),
            stage.name,
            "stage.html",
            description=stage.summary or f"CPD and career development for: {stage.name}.",
            kind="stage",
            search_template="stage_search.html",
            values={
                "stage": stage,
                "level": levels.get(stage.pcf_level or ""),
                "previous": previous[stage.id],
                "next_stages": [views.dataset.stage_by_id[n] for n in stage.next if n in views.dataset.stage_by_id],
                "events": views.catalogue.for_stage(stage.id),
                "targets": views.targets[stage.id],
            },
        )
