"""Frameworks: /frameworks/, one page per framework and item, and the coverage view."""

from __future__ import annotations

from collections.abc import Iterator

from ...present import urls
from ...present.siteviews import SiteViews
from ..context import SitePage


def pages(views: SiteViews) -> Iterator[SitePage]:
    catalogue = views.catalogue
    frameworks = views.dataset.frameworks
    yield SitePage(
        urls.frameworks(),
        "Frameworks",
        "frameworks.html",
        description="The capability frameworks and standards the partnership's CPD is mapped to.",
        kind="frameworks",
        in_nav=True,
    )
    coverage = views.coverage
    year, first, last = catalogue.programme_year()
    yield SitePage(
        urls.coverage(),
        f"Programme coverage {year}",
        "coverage.html",
        description="Which framework items this year's CPD programme covers, and which it under-serves.",
        kind="coverage",
        search_template="page_search.html",
        values={
            "search_text": "Which framework items this year's CPD programme covers, and which it under-serves: a planning view for CPD leads.",
            "tables": {fw.id: [(item, coverage[(fw.id, item.id)]) for item in fw.items] for fw in frameworks.values()},
            "first": first,
            "last": last,
            "planning": views.planning,
        },
    )
    for framework in frameworks.values():
        yield SitePage(
            urls.framework(framework.id),
            framework.name,
            "framework.html",
            description=framework.summary or f"{framework.name}, and the CPD mapped to it.",
            kind="framework",
            search_template="page_search.html",
            values={
                "framework": framework,
                "coverage": coverage,
                "search_text": f"{framework.summary or ''} {framework.owner}, {framework.version}. "
                + "; ".join(item.title for item in framework.items)
                + ".",
            },
        )
        for item in framework.items:
            upcoming, past = catalogue.for_item(framework.id, item.id)
            resolved = views.dataset.refs.resolve(f"{framework.id}:{item.id}")
            yield SitePage(
                urls.framework_item(framework.id, item.id),
                resolved.label if resolved else item.title,
                "item.html",
                description=item.summary or f"{item.title}: CPD mapped to it.",
                kind="item",
                search_template="item_search.html",
                values={"framework": framework, "item": item, "upcoming": upcoming, "past": past, "resolved": resolved},
            )
