"""Calendars, JSON-LD and the feed carry clean text and true dates; every event offers "Add to your calendar" links."""

from __future__ import annotations

import datetime as dt
import json
import os
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import icalendar
import lxml.html
import pytest
import yaml

from conftest import run_cli

EVENT = "data/events/2026-27/young-carers-2026-12.yml"
DESCRIPTION = "Carers & families, <together>: what helps, and what doesn't."


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The example with one event's summary removed and a description full of characters HTML escapes, built in git."""
    from conftest import copy_project

    project = copy_project(tmp_path_factory.mktemp("feeds") / "project")
    path = project / EVENT
    text = path.read_text()
    text = text.replace("summary: Young carers from Carers' Voice talk about what helped them, and what did not.\n", "")
    start = text.index("description: |")
    end = text.index("type: webinar")
    path.write_text(text[:start] + f"description: {json.dumps(DESCRIPTION)}\n" + text[end:])
    env = dict(os.environ, GIT_AUTHOR_DATE="2026-09-14T10:00:00", GIT_COMMITTER_DATE="2026-09-14T10:00:00")
    for command in (["init", "-q"], ["add", "-A"], ["-c", "user.name=t", "-c", "user.email=t@t", "commit", "-qm", "example"]):
        subprocess.run(["git", *command], cwd=project, env=env, check=True)
    result = run_cli(project, "build", "--no-pdf")
    assert result.returncode == 0, result.stderr
    return project


def test_calendar_and_json_ld_text_is_the_yaml_text(site: Path) -> None:
    """Guard: plain() unescapes entities; without it the calendar says 'Carers &amp; families, &lt;together&gt;'."""
    written = yaml.safe_load((site / EVENT).read_text())["description"]
    calendar = icalendar.Calendar.from_ical((site / "site/events/young-carers-2026-12/event.ics").read_bytes())
    description = str(calendar.walk("VEVENT")[0].get("description"))
    assert description.split("\n\n")[0] == written == DESCRIPTION
    tree = lxml.html.fromstring((site / "site/events/young-carers-2026-12/index.html").read_text())
    data = json.loads(tree.xpath('//script[@type="application/ld+json"]')[0].text)
    assert data["description"] == written
    for text in (description, data["description"]):
        assert "&amp;" not in text and "&lt;" not in text and "&#" not in text


def test_the_feed_never_dates_an_event_1970(site: Path, tmp_path: Path) -> None:
    feed = ET.fromstring((site / "site/events/feed.xml").read_bytes())
    dates = {item.findtext("link").rstrip("/").rsplit("/", 1)[1]: item.findtext("pubDate") for item in feed.findall("./channel/item")}
    assert not [d for d in dates.values() if d and "1970" in d]
    raw = {p.stem: yaml.safe_load(p.read_text()) for p in (site / "data/events").rglob("*.yml")}
    without = [i for i in dates if "added" not in raw[i]]
    assert without, "the example has events without added:"
    for event_id in without:  # dated by the day its file was first committed
        assert dates[event_id] == "Mon, 14 Sep 2026 09:00:00 +0100", event_id
    for event_id in set(dates) - set(without):
        day = raw[event_id]["added"]
        assert dates[event_id].startswith(f"{day:%a, %d %b %Y} 09:00:00"), event_id
    # Outside git an event without added: has no date at all, and comes last.
    (site / ".git").rename(tmp_path / "git")
    try:
        result = run_cli(site, "build", "--no-pdf", "--site-dir", "site-nogit")
        assert result.returncode == 0, result.stderr
    finally:
        (tmp_path / "git").rename(site / ".git")
    items = ET.fromstring((site / "site-nogit/events/feed.xml").read_bytes()).findall("./channel/item")
    dated = [item.findtext("pubDate") is not None for item in items]
    assert dated == sorted(dated, reverse=True) and not all(dated), "undated events last"
    assert not [i for i in items if "1970" in (i.findtext("pubDate") or "")]


def test_add_to_your_calendar_links(built: Path) -> None:
    tree = lxml.html.fromstring((built / "events/young-carers-2026-12/index.html").read_text())
    box = tree.xpath('//*[contains(@class, "cpd-addcal")]')[0]
    assert box.text_content().split()[:4] == ["Add", "to", "your", "calendar:"]
    links = {a.text_content().split(",")[0].strip(): a.get("href") for a in box.xpath(".//a")}
    assert set(links) == {"Google Calendar", "Outlook", "Apple Calendar"}
    assert links["Apple Calendar"] == "event.ics"
    google = parse_qs(urlsplit(links["Google Calendar"]).query)
    assert urlsplit(links["Google Calendar"]).netloc == "calendar.google.com"
    assert google["dates"] == ["20261209T123000Z/20261209T133000Z"] and google["text"] == ["Supporting Young Carers"]
    outlook = parse_qs(urlsplit(links["Outlook"]).query)
    assert outlook["startdt"] == ["2026-12-09T12:30:00Z"] and outlook["subject"] == ["Supporting Young Carers"]
    # A session in summer time: 9:30 in London is 08:30 UTC.
    summer = lxml.html.fromstring((built / "events/early-career-managers-2027/index.html").read_text())
    rows = summer.xpath('//table[caption[contains(., "Sessions of")]]//tbody/tr')
    april = next(r for r in rows if "April" in r.text_content())
    google = parse_qs(urlsplit(april.xpath('.//a[contains(@href, "google")]')[0].get("href")).query)
    start = dt.datetime.strptime(google["dates"][0].split("/")[0], "%Y%m%dT%H%M%SZ")
    assert (start.hour, start.minute) == (8, 30)
    for path in built.rglob("*.html"):
        assert "(ICS)" not in path.read_text(encoding="utf-8"), path
