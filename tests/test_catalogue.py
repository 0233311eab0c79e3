"""The CPD catalogue, pathways and framework pages of a real build of the example site.

Expected figures are computed here straight from the YAML files (plain
PyYAML, not the site's own loader), so a page that miscounts disagrees with
an independent count.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections import Counter
from pathlib import Path
from zoneinfo import ZoneInfo

import icalendar
import lxml.html
import pytest
import yaml

from conftest import NOW, ROOT, build_site, copy_project, run_cli

LONDON = ZoneInfo("Europe/London")
NOW_DT = dt.datetime.fromisoformat(NOW).replace(tzinfo=LONDON)


def raw_events() -> list[dict]:
    events = []
    for path in sorted((ROOT / "data/events").rglob("*.yml")):
        data = yaml.safe_load(path.read_text())
        data.setdefault("id", path.stem)
        events.append(data)
    return events


def end_of(event: dict) -> dt.datetime | None:
    ends = [dt.datetime.fromisoformat(str(s["end"])).replace(tzinfo=LONDON) for s in event.get("sessions", [])]
    return max(ends) if ends else None


def upcoming() -> list[dict]:
    return [e for e in raw_events() if end_of(e) is None or end_of(e) >= NOW_DT]


def page(built: Path, url: str) -> lxml.html.HtmlElement:
    return lxml.html.fromstring((built / url / "index.html").read_text(encoding="utf-8"))


def cards(tree: lxml.html.HtmlElement) -> list[lxml.html.HtmlElement]:
    """Event cards (catalogue) and compact event rows (facet, stage and framework pages)."""
    return tree.xpath('//article//li[contains(concat(" ", @class, " "), " cpd-card ") or contains(concat(" ", @class, " "), " cpd-row ")]')


def card_titles(tree: lxml.html.HtmlElement) -> list[str]:
    return [c.xpath('.//*[contains(@class, "__title")]')[0].text_content().strip() for c in cards(tree)]


def test_catalogue_lists_every_upcoming_event_soonest_first(built: Path) -> None:
    tree = page(built, "events")
    expected = upcoming()
    dated = sorted((e for e in expected if e.get("sessions")), key=lambda e: min(str(s["start"]) for s in e["sessions"]))
    undated = sorted((e for e in expected if not e.get("sessions")), key=lambda e: e["title"].lower())
    assert card_titles(tree) == [e["title"] for e in dated + undated]
    assert card_titles(tree)[0] == "Peer Reflection Circle"
    assert f"Showing all {len(expected)} upcoming events." in tree.text_content()


def test_cards_show_dates_formats_and_status_words(built: Path) -> None:
    tree = page(built, "events")
    by_title = {c.xpath('.//*[contains(@class, "cpd-card__title")]')[0].text_content().strip(): c for c in cards(tree)}
    circle = by_title["Peer Reflection Circle"].text_content()
    assert "Wednesday 25 November 2026, 5:30pm to 7pm" in circle
    assert "Online" in circle and "1.5 hours" in circle
    assert "Riverside Borough Council Children's Services" in circle
    dols = by_title["Deprivation of Liberty Safeguards: Refresher"]
    assert dols.xpath('.//*[contains(@class, "cpd-status")]')[0].text_content() == "Full"
    court = by_title["Court Skills for Children's Social Workers"]
    assert court.xpath('.//*[contains(@class, "cpd-status")]')[0].text_content() == "Postponed"
    managers = by_title["Early Career Managers' Programme 2027"].text_content()
    assert "6 sessions, 13 January to 16 June 2027" in managers
    chips = [li.text_content().strip() for li in by_title["Early Career Managers' Programme 2027"].xpath('.//ul[@class="cpd-chips"]/li')]
    assert chips == ["PCF 9", "PCF 8", "KSS (children) 9", "KSS (adults) 10"]


FACETS = {
    "stage": lambda e: e["audience"],
    "service": lambda e: e["services"],
    "format": lambda e: [e["format"]],
    "type": lambda e: [e["type"]],
    "provider": lambda e: [e["provider"]] if e.get("provider") else [],
    "month": lambda e: sorted({str(s["start"])[:7] for s in e.get("sessions", [])}),
}


@pytest.mark.parametrize("kind", sorted(FACETS))
def test_facet_pages_count_what_the_data_says(built: Path, kind: str) -> None:
    counts = Counter(value for e in upcoming() for value in FACETS[kind](e))
    assert counts
    catalogue = page(built, "events")
    for value, count in counts.items():
        facet = page(built, f"events/{kind}/{value}")
        assert len(cards(facet)) == count, (kind, value)
        option = catalogue.xpath(f'//select[@name="{kind}"]/option[@value="{value}"]')[0].text_content()
        assert option.endswith(f"({count})"), (kind, value, option)


def test_framework_facets_resolve_numbers_and_aliases(built: Path) -> None:
    frameworks = {p.stem: yaml.safe_load(p.read_text()) for p in (ROOT / "data/frameworks").glob("*.yml")}

    def item_id(ref: str) -> tuple[str, str]:
        fw, name = ref.split(":")
        for item in frameworks[fw]["items"]:
            if name in (item["id"], str(item.get("number")), *item.get("aliases", [])):
                return fw, item["id"]
        raise AssertionError(ref)

    counts = Counter(item_id(ref) for e in upcoming() for ref in set(e.get("frameworks", [])))
    for (fw, item), count in counts.items():
        assert len(cards(page(built, f"events/{fw}/{item}"))) == count, (fw, item)
    # pcf:2 (by number) and pcf:values (alias) land on the same item page
    values = page(built, "frameworks/pcf/values-ethics")
    assert "pcf:values" in values.text_content() and "pcf:2" in values.text_content()


def test_event_page_summary_list_booking_and_json_ld(built: Path) -> None:
    tree = page(built, "events/early-career-managers-2027")
    rows = {
        row.xpath("./dt")[0].text_content().strip(): row.xpath("./dd")[0].text_content().strip()
        for row in tree.xpath('//dl[@class="cpd-summary"]/div')
    }
    assert rows["Format"] == "Hybrid"
    assert rows["Venue"] == "Riverside Civic Centre, Committee Room 1"
    assert rows["CPD hours"] == "39 hours"
    assert rows["Book by"] == "18 December 2026"
    assert rows["For"] == "Practice supervisor, Team or service manager"
    button = tree.xpath('//a[contains(@class, "md-button--primary")]')[0]
    assert button.get("href") == "https://bookings.rdtp.example.org/events/early-career-managers-2027"
    sessions = tree.xpath('//h2[@id="sessions"]/following-sibling::table[1]//tbody/tr')
    assert len(sessions) == 6
    data = json.loads(tree.xpath('//script[@type="application/ld+json"]')[0].text)
    assert data["@type"] == "Event"
    assert data["startDate"] == "2027-01-13T09:30:00+00:00"
    assert data["endDate"] == "2027-06-16T16:00:00+01:00"
    assert data["eventStatus"] == "https://schema.org/EventScheduled"
    assert data["eventAttendanceMode"] == "https://schema.org/MixedEventAttendanceMode"
    assert data["url"] == "https://rdtp.example.org/events/early-career-managers-2027/"


def test_closed_booking_says_why(built: Path) -> None:
    full = page(built, "events/dols-refresher-2026-12").text_content()
    assert "Full." in full and "waiting list" in full
    past = page(built, "events/strengths-based-practice-2026-03")
    assert "This event has taken place." in past.text_content()
    assert not past.xpath('//a[contains(@class, "md-button--primary")]')
    cancelled = page(built, "events/hoarding-self-neglect-2026-10").text_content()
    assert "Cancelled." in cancelled and "new date on 20 January 2027" in cancelled
    no_link = page(built, "events/parenting-capacity-2027-02")
    assert no_link.xpath('//a[contains(@class, "md-button--primary")]')


def test_archive_by_year(built: Path) -> None:
    past = [e for e in raw_events() if end_of(e) is not None and end_of(e) < NOW_DT]
    years = Counter(min(str(s["start"]) for s in e["sessions"])[:4] for e in past)
    archive = page(built, "events/archive").text_content()
    for year, count in years.items():
        assert f"{year} ({count} event{'s' if count != 1 else ''})" in archive
        rows = page(built, f"events/archive/{year}").xpath("//table/tbody/tr")
        assert len(rows) == count


def test_stage_pages(built: Path) -> None:
    counts = Counter(stage for e in upcoming() for stage in e["audience"])
    stages = yaml.safe_load((ROOT / "data/pathways.yml").read_text())
    for stage in stages:
        tree = page(built, f"pathways/{stage['id']}")
        assert tree.xpath("//h1")[0].text_content() == stage["name"]
        assert len(cards(tree)) == counts[stage["id"]]
        text = tree.text_content()
        for role in stage.get("roles", []):
            assert role in text
        for target in stage.get("next", []):
            assert tree.xpath(f'//a[@href="../{target}/"]'), (stage["id"], target)
    overview = page(built, "pathways")
    strands = [h.text_content() for h in overview.xpath('//section[contains(@class, "cpd-strand")]/h3')]
    assert strands == ["Practice and specialism", "Practice education and teaching", "Leadership and management"]


def test_framework_pages_and_coverage(built: Path) -> None:
    pcf = page(built, "frameworks/pcf")
    wedges = pcf.xpath('//*[local-name()="svg"]//*[local-name()="a"]')
    assert [w.get("aria-label") for w in wedges][:2] == ["1. Professionalism (Impact)", "2. Values and Ethics (Purpose)"]
    assert len(wedges) == 9
    item = page(built, "frameworks/pcf/skills-interventions")
    assert "No upcoming events are mapped to this yet." in item.text_content()
    coverage = page(built, "frameworks/coverage")
    rows = {
        row.xpath("./th")[0].text_content().strip(): row.xpath("./td")[-1].text_content().strip()
        for row in coverage.xpath('//h2[@id="pcf"]/following-sibling::table[1]/tbody/tr')
    }
    # 2026-27 programme: April 2026 to March 2027, cancelled events left out
    first, last = dt.date(2026, 4, 1), dt.date(2027, 3, 31)
    in_year = [
        e
        for e in raw_events()
        if e.get("status") != "cancelled"
        and (not e.get("sessions") or first <= dt.date.fromisoformat(min(str(s["start"]) for s in e["sessions"])[:10]) <= last)
    ]
    skills = sum(1 for e in in_year if {"pcf:skills-interventions", "pcf:7", "pcf:skills"} & set(e.get("frameworks", [])))
    expected = "Not covered" if skills == 0 else "Under-served" if skills == 1 else "Covered"
    assert rows["7. Skills and Interventions"] == expected


def test_calendar_files(built: Path) -> None:
    calendar = icalendar.Calendar.from_ical((built / "calendar.ics").read_bytes())
    assert calendar.get("x-wr-timezone") == "Europe/London"
    assert [tz.get("tzid") for tz in calendar.walk("VTIMEZONE")] == ["Europe/London"]
    vevents = calendar.walk("VEVENT")
    expected_sessions = sum(len(e.get("sessions", [])) for e in upcoming())
    assert len(vevents) == expected_sessions
    by_uid = {str(v.get("uid")): v for v in vevents}
    assert len(by_uid) == len(vevents), "UIDs must be unique"
    # Across the clock change: 9:30 local stays 9:30 local (08:30 UTC in BST).
    march = by_uid["early-career-managers-2027-3@rdtp.example.org"].decoded("dtstart")
    april = by_uid["early-career-managers-2027-4@rdtp.example.org"].decoded("dtstart")
    assert (march.hour, march.minute, april.hour, april.minute) == (9, 30, 9, 30)
    assert march.utcoffset() == dt.timedelta(0) and april.utcoffset() == dt.timedelta(hours=1)
    assert march.astimezone(dt.UTC).hour == 9 and april.astimezone(dt.UTC).hour == 8
    postponed = by_uid["court-skills-2027-04-1@rdtp.example.org"]
    assert str(postponed.get("status")) == "TENTATIVE"
    single = icalendar.Calendar.from_ical((built / "events/strengths-based-practice-2026-03/event.ics").read_bytes())
    event = single.walk("VEVENT")[0]
    assert event.decoded("dtstart") == dt.datetime(2026, 3, 4, 9, 30, tzinfo=LONDON)
    assert str(event.get("location")) == "Online"
    stage = icalendar.Calendar.from_ical((built / "pathways/practice-educator/calendar.ics").read_bytes())
    stage_sessions = sum(len(e.get("sessions", [])) for e in upcoming() if "practice-educator" in e["audience"])
    assert len(stage.walk("VEVENT")) == stage_sessions


@pytest.mark.slow
def test_cancelled_events_stay_in_calendars_marked_cancelled(project: Path) -> None:
    path = project / "data/events/2026-27/young-carers-2026-12.yml"
    path.write_text(path.read_text().replace("status: scheduled", "status: cancelled\nstatus_note: The speakers are unwell."))
    result = build_site(project, "--no-pdf")
    assert result.returncode == 0, result.stderr
    calendar = icalendar.Calendar.from_ical((project / "site/calendar.ics").read_bytes())
    event = next(v for v in calendar.walk("VEVENT") if str(v.get("uid")).startswith("young-carers-2026-12-"))
    assert str(event.get("status")) == "CANCELLED"
    assert str(event.get("summary")).startswith("Cancelled: ")
    first = (project / "site/calendar.ics").read_bytes()
    again = run_cli(project, "build", "--no-pdf")  # a new process, as the nightly build is
    assert again.returncode == 0
    assert (project / "site/calendar.ics").read_bytes() == first, "calendars must be stable from build to build"


def test_open_data_and_feed(built: Path) -> None:
    document = json.loads((built / "events.json").read_text())
    assert len(document["events"]) == len(raw_events())
    circle = next(e for e in document["events"] if e["id"] == "peer-reflection-circle-2026-11")
    assert [f["ref"] for f in circle["frameworks"]] == ["pcf:critical-reflection", "pcf:professionalism"]
    assert circle["sessions"][0]["start"] == "2026-11-25T17:30:00+00:00"
    assert circle["upcoming"] is True
    import xml.etree.ElementTree as ET

    feed = ET.fromstring((built / "events/feed.xml").read_bytes())
    items = feed.findall("./channel/item")
    assert len(items) == len(upcoming())
    added = {e["id"]: str(e.get("added", "")) for e in upcoming()}
    order = [i.findtext("link").rstrip("/").rsplit("/", 1)[1] for i in items]
    assert [added[i] for i in order] == sorted(added.values(), reverse=True), "newest additions first"
    assert items[0].findtext("link").startswith("https://rdtp.example.org/events/")


def test_site_search_finds_events(built: Path) -> None:
    index = json.loads((built / "search/search_index.json").read_text())
    locations = {doc["location"] for doc in index["docs"]}
    assert "events/strengths-based-practice-2026-03/" in locations
    assert not any(loc.startswith("events/stage/") for loc in locations), "facet pages repeat events; keep them out of search"


def test_events_stay_out_of_the_navigation(built: Path) -> None:
    home = (built / "index.html").read_text()
    nav = re.findall(r'class="md-nav__link[^"]*"[^>]*href="([^"]+)"|href="([^"]+)"[^>]*class="md-nav__link', home)
    links = {a or b for a, b in nav}
    assert not any(re.match(r"events/[a-z0-9-]+/$", link) for link in links), links


def test_navigation_links_work_from_every_page(built: Path) -> None:
    """The tabs, drawer, header and footer (rendered once per folder for pages out of the nav) are right everywhere.

    Their links lead to real pages; pages out of the navigation mark nothing
    as current, pages in it mark their own tab; the header shows each page's
    own title (the one part that varies), as the browser tab does.
    """
    pages = sorted(p for p in built.rglob("index.html") if p.parent != built / "admin")  # the editor's page is no page of the site's
    assert len(pages) > 100
    events = {built / "events" / e["id"] / "index.html" for e in json.loads((built / "events.json").read_text())["events"]}
    home = lxml.html.fromstring((built / "index.html").read_text(encoding="utf-8"))
    home_footer = [(built / href).resolve() for href in home.xpath('//footer//a[not(starts-with(@href, "mailto:"))]/@href')]
    assert {p.name for p in home_footer} >= {"accessibility", "privacy", "guide", "schema"}
    for path in pages:
        tree = lxml.html.fromstring(path.read_text(encoding="utf-8"))
        links = tree.xpath('//nav[contains(@class, "md-tabs")]//a/@href | //nav[contains(@class, "md-nav--primary")]//a/@href')
        assert links, path
        for href in links:
            target = (path.parent / href.split("#")[0]).resolve()
            assert (target / "index.html").is_file() or target.is_file(), f"{path.relative_to(built)}: {href}"
        footer = [(path.parent / href).resolve() for href in tree.xpath('//footer//a[not(starts-with(@href, "mailto:"))]/@href')]
        assert footer == home_footer, f"{path.relative_to(built)}: the footer leads elsewhere than the home page's"
        topic = " ".join(tree.xpath('string(//*[@data-md-component="header-topic"])').split())
        assert topic and tree.findtext(".//title").startswith(topic), f"{path.relative_to(built)}: header says {topic!r}"
        active_tabs = tree.xpath('//li[contains(@class, "md-tabs__item--active")]//a/@href')
        if path in events:  # out of the navigation
            assert not active_tabs, path
    events_section = lxml.html.fromstring((built / "events/index.html").read_text(encoding="utf-8"))
    assert events_section.xpath('//li[contains(@class, "md-tabs__item--active")]//a/@href') == ["./"]


HOSTILE = "<script>alert('x')</script> {{ 7 * 7 }} {% raw %}"


@pytest.mark.slow
def test_text_from_data_is_escaped_everywhere(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    path = project / "data/events/2026-27/young-carers-2026-12.yml"
    text = path.read_text()
    text = text.replace("title: Supporting Young Carers", f'title: "Young Carers {HOSTILE}"')
    text = text.replace("type: webinar", f'type: webinar\nvenue: "Room {HOSTILE}"').replace("cost: Free", f'cost: "{HOSTILE}"')
    # (a javascript: link in a description is a located problem: test_adversarial.py)
    text = text.replace("description: |\n", "description: |\n  <img src=x onerror=alert(1)>\n\n")
    path.write_text(text)
    result = build_site(project, "--no-pdf")
    assert result.returncode == 0, result.stdout + result.stderr
    html = (project / "site/events/young-carers-2026-12/index.html").read_text()
    assert "<script>alert" not in html
    assert "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; {{ 7 * 7 }} {% raw %}" in html
    assert "49" not in html.split("<article", 1)[1].split("</article>", 1)[0]
    assert "javascript:" not in html
    assert "<img src=x" not in html and "&lt;img src=x onerror=alert(1)&gt;" in html
    title = re.search(r"<title>(.*?)</title>", html, re.S).group(1)
    assert "<script>" not in title and "&lt;script&gt;" in title
    ld = re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S).group(1)
    assert "</script" not in ld.lower() and json.loads(ld)["name"].startswith("Young Carers <script>")
    catalogue = (project / "site/events/index.html").read_text()
    assert "<script>alert" not in catalogue


def test_related_events_share_most_then_come_soonest(built: Path) -> None:
    """Each event page's related list, against a brute-force count over the published open data.

    The rule: upcoming events, not cancelled, that share career stages or
    framework items; a shared item counts twice a shared stage; most shared
    first, then soonest (the catalogue's order); at most four.
    """
    data = {e["id"]: e for e in json.loads((built / "events.json").read_text())["events"]}
    catalogue = page(built, "events")
    order = [
        a.get("href").strip("/").split("/")[-1]
        for c in cards(catalogue)
        for a in c.xpath('.//*[contains(@class, "__title")]//a | .//a[contains(@class, "__title")]')[:1]
    ]
    assert len(order) == len(upcoming()), "the catalogue should list every upcoming event"

    def keys(event: dict) -> tuple[set[str], set[str]]:
        return {s["id"] for s in event["audience"]}, {f["ref"] for f in event["frameworks"]}

    checked = 0
    for event_id in order:
        stages, items = keys(data[event_id])
        scored = []
        for position, other_id in enumerate(order):
            other = data[other_id]
            if other_id == event_id or other["status"] == "cancelled":
                continue
            other_stages, other_items = keys(other)
            score = len(stages & other_stages) + 2 * len(items & other_items)
            if score:
                scored.append((-score, position, other_id))
        expected = [other_id for _, _, other_id in sorted(scored)[:4]]
        tree = page(built, f"events/{event_id}")
        heading = tree.xpath('//h2[@id="related"]')
        shown = [a.get("href").strip("/").split("/")[-1] for a in heading[0].getnext().xpath(".//a")] if heading else []
        assert shown == expected, event_id
        checked += bool(expected)
    assert checked >= 10


def test_related_events_weigh_the_soonest_window_in_a_large_catalogue(tmp_path: Path) -> None:
    """With more events sharing a stage or item than the window holds, related() still follows its rule.

    Brute force over a generated catalogue of 800 upcoming events (every one
    shares a stage with hundreds of others): for each stage or item, only the
    soonest RELATED_WINDOW events sharing it count; an item counts twice a
    stage; most shared first, then soonest; cancelled events never.
    """
    import random

    from partnership.core.load import load_dataset
    from partnership.core.views.catalogue import RELATED_WINDOW, Catalogue

    project = copy_project(tmp_path / "project")
    events = project / "data/events"
    rnd = random.Random(7)
    stages = ["nqsw-asye", "early-career", "experienced"]
    refs = [f"pcf:{n}" for n in range(1, 10)]
    for i in range(800):
        day = dt.datetime(2027, 1, 4, 9, 30) + dt.timedelta(days=i // 3, hours=i % 3)
        status = "cancelled" if i % 37 == 0 else "scheduled"
        (events / f"generated-{i:04d}.yml").write_text(
            f"title: Generated {i}\ntype: workshop\nprovider: riverside-children\n"
            f"audience: [{', '.join(rnd.sample(stages, rnd.randint(1, 2)))}]\nservices: [children, adults]\n"
            f"format: online\nstatus: {status}\n"
            f"sessions: [{{start: {day:%Y-%m-%dT%H:%M}, end: {day + dt.timedelta(hours=2):%Y-%m-%dT%H:%M}}}]\n"
            f"frameworks: [{', '.join(rnd.sample(refs, 2))}]\n"
        )
    catalogue = Catalogue.build(
        load_dataset(project / "data", project / "content"), dt.datetime.fromisoformat(NOW).replace(tzinfo=ZoneInfo("Europe/London"))
    )
    upcoming = catalogue.upcoming
    assert len(upcoming) > 800

    windows: dict[str, list[int]] = {}
    for position, other in enumerate(upcoming):
        if other.event.status != "cancelled":
            for key in other.related_keys:
                windows.setdefault(key, []).append(position)
    assert max(len(p) for p in windows.values()) > RELATED_WINDOW, "the test needs keys shared beyond the window"
    windows = {key: positions[:RELATED_WINDOW] for key, positions in windows.items()}

    for event in upcoming[::7]:
        scores: Counter[int] = Counter()
        for key in event.related_keys:
            for position in windows.get(key, []):
                scores[position] += 2 if ":" in key else 1
        scores.pop(upcoming.index(event), None)
        expected = [upcoming[p].id for p in sorted(scores, key=lambda p: (-scores[p], p))[:4]]
        assert [e.id for e in catalogue.related(event)] == expected, event.id
