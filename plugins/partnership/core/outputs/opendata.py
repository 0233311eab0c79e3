"""Open data about events: ``events.json`` (everything, with its mappings) and an RSS feed of new events."""

from __future__ import annotations

import datetime as dt
import json
from email.utils import format_datetime
from pathlib import Path
from xml.etree import ElementTree as ET

from ..clock import LONDON
from ..models.dataset import Dataset, origin
from ..present import urls
from ..sources.history import first_committed
from ..views.catalogue import Catalogue
from ..views.events import EventView


def _event(ev: EventView, dataset: Dataset) -> dict[str, object]:
    e = ev.event
    return {
        "id": ev.id,
        "title": e.title,
        "summary": e.summary,
        "description": e.description,
        "type": e.type,
        "status": e.status,
        "status_note": e.status_note,
        "format": e.format,
        "venue": e.venue,
        "provider": {"id": ev.provider.id if ev.provider else None, "name": ev.provider_label},
        "audience": [{"id": s.id, "name": s.name} for s in ev.stages],
        "services": list(e.services),
        "sessions": [{"start": s.start.isoformat(), "end": s.end.isoformat(), "title": s.title} for s in ev.sessions],
        "cpd_hours": ev.hours,
        "capacity": e.capacity,
        "booking": e.booking,
        "booking_closes": e.booking_closes.isoformat() if e.booking_closes else None,
        "cost": e.cost,
        "accreditation": e.accreditation,
        "frameworks": [
            {
                "ref": item.key,
                "framework": item.framework.id,
                "framework_name": item.framework.name,
                "item": item.item.id,
                "number": item.item.number,
                "title": item.item.title,
            }
            for item in ev.items
        ],
        "tags": list(e.tags),
        "upcoming": ev.upcoming,
        "page": urls.event(ev.id),
        "calendar": urls.event_ics(ev.id) if ev.sessions else None,
    }


def events_json(catalogue: Catalogue) -> bytes:
    """Every event, past and upcoming, with resolved framework items.

    One event per line: the file reads and compares line by line, and each
    line is encoded by the json module's C encoder (indented output is not).
    """
    dataset = catalogue.dataset
    document = {
        "publisher": dataset.site.name,
        "licence": dataset.site.data_licence,
        "generated": catalogue.now.replace(microsecond=0).isoformat(),
        "timezone": "Europe/London",
        "note": "Page and calendar addresses are relative to the site's root.",
    }
    head = json.dumps(document, ensure_ascii=False, indent=2)
    events = ",\n".join("    " + json.dumps(_event(ev, dataset), ensure_ascii=False) for ev in catalogue.events)
    listed = f'  "events": [\n{events}\n  ]' if events else '  "events": []'
    return (head[: -len("\n}")] + ",\n" + listed + "\n}\n").encode("utf-8")


def published(catalogue: Catalogue) -> dict[str, dt.datetime]:
    """When each upcoming event was published: its ``added:`` date, else the day its file was first committed.

    An event with neither (a file not yet committed, or a site built outside
    git) has no date: the feed lists it last and without one, rather than
    invent one (1 January 1970, or the day of the build, which would make it
    new again every night).
    """
    dataset = catalogue.dataset
    root = dataset.data_dir.parent
    committed: dict[Path, dt.date] | None = None
    dates: dict[str, dt.datetime] = {}
    for ev in catalogue.upcoming:
        day = ev.event.added
        if day is None:
            if committed is None:
                committed = first_committed(dataset.data_dir / "events", root)
            day = committed.get((root / origin(ev.event).path).resolve())
        if day is not None:
            dates[ev.id] = dt.datetime.combine(day, dt.time(9, 0), LONDON)
    return dates


def feed(catalogue: Catalogue, limit: int = 50) -> bytes:
    """RSS 2.0 of upcoming events, newest published first (see :func:`published`)."""
    site = catalogue.dataset.site
    dates = published(catalogue)
    rss = ET.Element("rss", version="2.0")
    channel = ET.SubElement(rss, "channel")
    ET.SubElement(channel, "title").text = f"New CPD events: {site.name}"
    ET.SubElement(channel, "link").text = urls.absolute(site.url, urls.events())
    ET.SubElement(channel, "description").text = f"CPD events newly added to the {site.short_name} catalogue."
    ET.SubElement(channel, "language").text = "en-gb"
    ET.SubElement(channel, "lastBuildDate").text = format_datetime(catalogue.now)
    undated = dt.datetime.min.replace(tzinfo=LONDON)
    newest = sorted(catalogue.upcoming, key=lambda ev: dates.get(ev.id, undated), reverse=True)[:limit]
    for ev in newest:
        item = ET.SubElement(channel, "item")
        ET.SubElement(item, "title").text = ev.title
        ET.SubElement(item, "link").text = urls.absolute(site.url, urls.event(ev.id))
        ET.SubElement(item, "guid", isPermaLink="false").text = f"{site.short_name}:{ev.id}"
        if ev.id in dates:
            ET.SubElement(item, "pubDate").text = format_datetime(dates[ev.id])
        when = ev.sessions[0].start.strftime("%-d %B %Y") if ev.sessions else "Available any time"
        ET.SubElement(item, "description").text = f"{when}. {ev.event.summary or ''}".strip()
        ET.SubElement(item, "category").text = ev.event.type
    return ('<?xml version="1.0" encoding="utf-8"?>\n' + ET.tostring(rss, encoding="unicode")).encode("utf-8")
