"""Strategy and accountability: the logic model, objectives over time, recommendations, partner pages."""

from __future__ import annotations

from collections.abc import Iterator

from ...present import urls
from ...present.siteviews import SiteViews
from ..context import SitePage


def pages(views: SiteViews) -> Iterator[SitePage]:
    dataset = views.dataset
    yield SitePage(
        urls.strategy(),
        "Strategy and accountability",
        "strategy.html",
        description="The partnership's logic model, its objectives year by year, and what became of every recommendation.",
        kind="strategy",
        toc=False,
    )
    for model in dataset.logic_models:
        yield SitePage(
            urls.logic_model(model.period),
            model.title,
            "logic_model.html",
            description=model.summary or f"The partnership's logic model for {model.period}.",
            kind="logic-model",
            toc=False,
            values={"model": model, "histories": views.objectives[model.period]},
        )
    yield SitePage(
        urls.recommendations(),
        "Recommendations and what became of them",
        "recommendations.html",
        description="Every recommendation the partnership's reports have made, with each later report's follow-up.",
        kind="recommendations",
        values={"histories": views.recommendations},
    )
    yield SitePage(
        urls.partners(),
        "Partners",
        "partners.html",
        description=f"The organisations in the {dataset.site.short_name}, and what the partnership gives each.",
        kind="partners",
        toc=False,
    )
    for partner in dataset.partners:
        yield SitePage(
            urls.partner(partner.id),
            partner.name,
            "partner.html",
            description=f"{partner.name} in the {dataset.site.short_name}: CPD, bookings and attendance, year by year.",
            kind="partner",
            values={"view": views.partners[partner.id]},
        )
