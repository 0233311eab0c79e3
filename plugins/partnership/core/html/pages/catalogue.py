"""The catalogue's pages: /events/, one page per event, facets and the archive."""

from __future__ import annotations

from collections.abc import Iterator

from ...present import urls
from ...present.siteviews import SiteViews
from ..context import SitePage

#: How many event cards the catalogue page holds before it asks the reader's
#: browser to fetch the rest (events/all/), keeping the page small at scale.
INLINE_CARDS = 60


def pages(views: SiteViews) -> Iterator[SitePage]:
    catalogue = views.catalogue
    site = views.dataset.site
    count = len(catalogue.upcoming)
    yield SitePage(
        urls.events(),
        "Find CPD",
        "catalogue.html",
        description=f"{count} upcoming CPD events from the {site.name}, for every career stage.",
        kind="catalogue",
        in_nav=True,
        toc=False,
        search_template="page_search.html",
        values={
            "inline": catalogue.upcoming[:INLINE_CARDS],
            "more": max(0, count - INLINE_CARDS),
            "search_text": "Find CPD: upcoming workshops, courses, conferences, twilight sessions and webinars; filter by career stage, service, format, PCF domain and KSS statement; add events to your calendar.",
        },
    )
    yield SitePage(
        urls.all_events(),
        "All upcoming events",
        "all_cards.html",
        kind="cards",
        search=False,
        toc=False,
        values={"events": catalogue.upcoming},
    )
    for event in catalogue.events:
        yield SitePage(
            urls.event(event.id),
            event.title,
            "event.html",
            description=event.event.summary or f"{event.title}: CPD from the {site.short_name}.",
            kind="event",
            toc=False,
            values={"ev": event, "related": views.related[event.id]},
            search_template="event_search.html",
        )
    for facet in catalogue.facets:
        for value in facet.values:
            yield SitePage(
                urls.facet(facet.kind, value.value),
                f"{facet.label}: {value.label}",
                "facet.html",
                description=f"Upcoming CPD events: {value.label}.",
                kind="facet",
                search=False,
                toc=False,
                values={"facet": facet, "value": value, "narrower": catalogue.narrower(facet.kind, value.value)},
            )
    for combination in catalogue.combinations.values():
        yield SitePage(
            urls.stage_in_service(combination.stage.value, combination.service.value),
            combination.label,
            "facet_combined.html",
            description=f"Upcoming CPD events for {combination.stage.label} in {combination.service.label.lower()}.",
            kind="facet",
            search=False,
            toc=False,
            values={"combination": combination},
        )
    years = catalogue.past_by_year()
    yield SitePage(
        urls.archive(),
        "Past events",
        "archive.html",
        kind="archive",
        toc=False,
        search=False,
        values={"years": years},
    )
    for year, events in years.items():
        yield SitePage(
            urls.archive(year),
            f"Past events in {year}",
            "archive_year.html",
            kind="archive",
            search=False,
            toc=False,
            values={"year": year, "events": events},
        )
