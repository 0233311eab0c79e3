"""The career pathway: /pathways/ and one page per stage."""

from __future__ import annotations

from collections.abc import Iterator

from ...models.common import SERVICES
from ...models.pathways import Stage
from ...present import urls
from ...present.siteviews import SiteViews
from ...views.catalogue import SERVICE_NAMES
from ...views.pathways import next_dates
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
        services = [s for s in SERVICES if not stage.services or s in stage.services]
        everything = views.catalogue.for_stage(stage.id)
        common = {
            "stage": stage,
            "level": levels.get(stage.pcf_level or ""),
            "previous": previous[stage.id],
            "next_stages": [views.dataset.stage_by_id[n] for n in stage.next if n in views.dataset.stage_by_id],
            "services_offered": [(s, SERVICE_NAMES[s]) for s in services] if len(services) > 1 else [],
        }
        # The stage for every service (with the coverage CPD leads read), then for one service at a time: a choice that
        # needs no JavaScript. A stage in one service only (the ECDP) has the one page.
        for service in [None, *services] if len(services) > 1 else [None]:
            events = [e for e in everything if service is None or service in e.event.services]
            yield SitePage(
                urls.stage(stage.id, service),
                stage.name if service is None else f"{stage.name}: {SERVICE_NAMES[service]}",
                "stage.html",
                description=stage.summary or f"CPD and career development for: {stage.name}.",
                kind="stage",
                search=service is None,
                search_template="stage_search.html",
                values={
                    **common,
                    "service": service,
                    "events": events,
                    "next_dates": next_dates(events),
                    "targets": views.targets[stage.id] if service is None else [],
                },
            )
