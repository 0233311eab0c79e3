"""Strategy and accountability: the logic model, objectives over time, recommendations, partner pages."""

from __future__ import annotations

from collections.abc import Iterator

from ...present import urls
from ...views.strategy import objective_histories, partner_view, recommendation_histories
from ..context import RenderContext, SitePage


def pages(ctx: RenderContext) -> Iterator[SitePage]:
    dataset = ctx.dataset
    yield ctx.page(
        urls.strategy(),
        "Strategy and accountability",
        "strategy.html",
        description="The partnership's logic model, its objectives year by year, and what became of every recommendation.",
        kind="strategy",
        toc=False,
    )
    for model in dataset.logic_models:
        yield ctx.page(
            urls.logic_model(model.period),
            model.title,
            "logic_model.html",
            description=model.summary or f"The partnership's logic model for {model.period}.",
            kind="logic-model",
            toc=False,
            values={"model": model, "histories": objective_histories(dataset, model)},
        )
    yield ctx.page(
        urls.recommendations(),
        "Recommendations and what became of them",
        "recommendations.html",
        description="Every recommendation the partnership's reports have made, with each later report's follow-up.",
        kind="recommendations",
        values={"histories": recommendation_histories(dataset)},
    )
    yield ctx.page(
        urls.partners(),
        "Partners",
        "partners.html",
        description=f"The organisations in the {dataset.site.short_name}, and what the partnership gives each.",
        kind="partners",
        toc=False,
    )
    for partner in dataset.partners:
        yield ctx.page(
            urls.partner(partner.id),
            partner.name,
            "partner.html",
            description=f"{partner.name} in the {dataset.site.short_name}: CPD, bookings and attendance, year by year.",
            kind="partner",
            values={"view": partner_view(dataset, ctx.catalogue, partner)},
        )
