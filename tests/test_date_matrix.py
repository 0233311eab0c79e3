"""What the site says about time, at the instants where it is most easily wrong.

The example is built at each instant in INSTANTS the way the nightly job
builds it: without ``PARTNERSHIP_NOW``, on Python's own clock, which
time-machine sets to the instant. Then the date-sensitive parts are checked
against what the data and the instant say (never against figures written
down per instant): the catalogue's upcoming and past events, the
calendars and feeds, the event pages, the home page's "Coming up", the
programme year of the coverage view, the frameworks the toolkit follows
(those in force that day), the reports (whose "latest year" comes
from the data, not the calendar), and My CPD's CPD year in a browser whose
clock is set to the same instant. The nightly rebuild is checked too: an
event upcoming in one night's build is past in the next night's.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections import Counter
from pathlib import Path
from xml.etree import ElementTree as ET

import docx
import icalendar
import openpyxl
import pytest
import time_machine
import yaml

from conftest import LONDON, NOW_INSTANT, ROOT, build_site, copy_project
from test_catalogue import card_titles, end_of, page, raw_events

UTC = dt.UTC

#: The instants, each a real moment (aware), and why it is here.
INSTANTS = {
    "cpd-year-last-minute": dt.datetime(2026, 11, 30, 23, 59, tzinfo=LONDON),  # Social Work England's deadline
    "cpd-year-first-minute": dt.datetime(2026, 12, 1, 0, 0, tzinfo=LONDON),  # the next CPD year
    "clocks-go-forward": dt.datetime(2027, 3, 28, 1, 0, tzinfo=UTC),  # 01:00 GMT is 02:00 BST
    "clocks-go-back": dt.datetime(2027, 10, 31, 1, 30, tzinfo=UTC),  # the second 01:30 of the night, in GMT
    "leap-day": dt.datetime(2028, 2, 29, 12, 0, tzinfo=LONDON),
    "new-years-eve": dt.datetime(2026, 12, 31, 23, 59, tzinfo=LONDON),
    # the early career standards apply, the ECDP has not begun: children's ASYEs run on two sets of standards at once
    "between-the-standards-and-the-ecdp": dt.datetime(2027, 6, 15, 12, 0, tzinfo=LONDON),
    "real-clock": dt.datetime.now(LONDON).replace(microsecond=0),  # today, read when the tests are collected
}


def upcoming_at(instant: dt.datetime) -> list[dict]:
    return [e for e in raw_events() if end_of(e) is None or end_of(e) >= instant]


def past_at(instant: dt.datetime) -> list[dict]:
    return [e for e in raw_events() if end_of(e) is not None and end_of(e) < instant]


def catalogue_order(events: list[dict]) -> list[str]:
    """Titles as the catalogue lists them: soonest first, then the undated ones by title."""
    dated = sorted((e for e in events if e.get("sessions")), key=lambda e: min(str(s["start"]) for s in e["sessions"]))
    undated = sorted((e for e in events if not e.get("sessions")), key=lambda e: e["title"].lower())
    return [e["title"] for e in dated + undated]


def sessions(events: list[dict]) -> int:
    return sum(len(e.get("sessions", [])) for e in events)


def calendar_uids(path: Path) -> set[str]:
    return {str(v.get("uid")) for v in icalendar.Calendar.from_ical(path.read_bytes()).walk("VEVENT")}


@pytest.fixture(scope="module")
def matrix_project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return copy_project(tmp_path_factory.mktemp("date-matrix") / "project")


def build_at(project: Path, instant: dt.datetime, name: str) -> Path:
    """The example built as the nightly job builds it (no PARTNERSHIP_NOW), with Python's clock stopped at ``instant``."""
    with time_machine.travel(instant, tick=False):
        assert dt.datetime.now(LONDON) == instant.astimezone(LONDON)
        result = build_site(project, "--no-pdf", "--site-dir", f"site-{name}", now=None)
    assert result.returncode == 0, result.stdout + result.stderr
    return project / f"site-{name}"


def check_site(site: Path, instant: dt.datetime) -> None:
    """Every date-sensitive part of ``site`` agrees with the data at ``instant``."""
    upcoming, past = upcoming_at(instant), past_at(instant)
    upcoming_ids = {e["id"] for e in upcoming}
    assert upcoming_ids | {e["id"] for e in past} == {e["id"] for e in raw_events()}

    # the catalogue: every upcoming event, soonest first, and nothing else
    catalogue = page(site, "events")
    assert card_titles(catalogue) == catalogue_order(upcoming)
    assert f"Showing all {len(upcoming)} upcoming events." in catalogue.text_content()
    # the home page's "Coming up": the first three
    assert card_titles(page(site, "")) == catalogue_order(upcoming)[:3]

    # past events, by the year they started
    years = Counter(min(str(s["start"]) for s in e["sessions"])[:4] for e in past)
    archive = " ".join(page(site, "events/archive").text_content().split())
    assert dict(Counter({y: int(n) for y, n in re.findall(r"(\d{4}) \((\d+) events?\)", archive)})) == dict(years)
    for year, count in years.items():
        assert len(page(site, f"events/archive/{year}").xpath("//table/tbody/tr")) == count

    # each event's own page
    for event in raw_events():
        tree = page(site, f"events/{event['id']}")
        said = "This event has taken place." in tree.text_content()
        if event.get("status", "scheduled") == "scheduled":
            assert said == (event["id"] not in upcoming_ids), event["id"]
        if event["id"] not in upcoming_ids:
            assert not tree.xpath('//a[contains(@class, "md-button--primary")]'), f"{event['id']} is past but offers booking"

    # open data, the feed and the calendars
    flags = {e["id"]: e["upcoming"] for e in json.loads((site / "events.json").read_text())["events"]}
    assert flags == {e["id"]: e["id"] in upcoming_ids for e in raw_events()}
    assert len(ET.fromstring((site / "events/feed.xml").read_bytes()).findall("./channel/item")) == len(upcoming)
    assert len(calendar_uids(site / "calendar.ics")) == sessions(upcoming)
    for stage in yaml.safe_load((ROOT / "data/pathways.yml").read_text()):
        mine = [e for e in upcoming if stage["id"] in e["audience"]]
        assert len(calendar_uids(site / f"pathways/{stage['id']}/calendar.ics")) == sessions(mine), stage["id"]

    # the coverage view counts the programme year (April to March) that holds the instant
    local = instant.astimezone(LONDON)
    first = local.year if local.month >= 4 else local.year - 1
    coverage = " ".join(page(site, "frameworks/coverage").text_content().split())
    assert f"Programme coverage {first}-{(first + 1) % 100:02d}" in coverage
    assert f"(1 April {first} to 31 March {first + 1}, cancelled events left out)" in coverage


def article(site: Path, url: str) -> str:
    return " ".join(page(site, url).xpath("//article")[0].text_content().split())


def year_on(day: dt.date) -> dt.date:
    """The day before the same date a year later (an ASYE begun on 31 March 2027 ends by 30 March 2028)."""
    return dt.date(day.year + 1, day.month, min(day.day, 28 if day.month == 2 else day.day)) - dt.timedelta(days=1)


def asye_versions(day: dt.date) -> list[str]:
    """The ASYE's versions (a service and its standards) the toolkit should offer on ``day``, worked out from the data.

    Each service follows its KSS and what replaces it; a version is for ASYEs begun while its standards apply and before
    the ASYE hands over to another stage in its service, and is offered until a year after the last such start.
    """
    frameworks = {f["id"]: f for f in (yaml.safe_load(p.read_text()) for p in (ROOT / "data/frameworks").glob("*.yml"))}
    asye = next(s for s in yaml.safe_load((ROOT / "data/pathways.yml").read_text()) if s.get("pcf_level") == "asye")
    handover = asye.get("replaced_by") or {}
    offered = []
    for service, first_id in (("children", "kss-cf"), ("adults", "kss-adults")):
        framework = frameworks[first_id]
        while framework:
            window = framework.get("in_force") or {}
            last = window.get("until")
            if handover and service in (handover.get("services") or ["children", "adults"]):
                closes = handover["from"] - dt.timedelta(days=1)
                last = min(last, closes) if last else closes
            first = window.get("from")
            if not (first and last and last < first) and (not first or first <= day) and (not last or day <= year_on(last)):
                offered.append(framework["id"])
            framework = frameworks.get(framework.get("replaced_by", ""))
    return offered


def check_toolkit(site: Path, instant: dt.datetime) -> None:
    """The toolkit follows the frameworks in force on the instant's day: an ASYE version (forms and grid) for each set of
    standards an ASYE in progress on that day can have begun on, never two services' standards in one file, and a page
    that says which frameworks are not yet included."""
    day = instant.astimezone(LONDON).date()
    frameworks = {f["id"]: f for f in (yaml.safe_load(p.read_text()) for p in (ROOT / "data/frameworks").glob("*.yml"))}
    expected = asye_versions(day)
    grids = sorted(p.name for p in (site / "toolkit").glob("asye-grid-*.xlsx"))
    assert grids == sorted(f"asye-grid-{fid}.xlsx" for fid in expected), (day, grids)
    for fid in expected:
        book = openpyxl.load_workbook(site / f"toolkit/asye-grid-{fid}.xlsx")
        assert book.sheetnames[2] == frameworks[fid]["short_name"], "this version's standards, and no other's"
        assert (site / f"toolkit/asye-review-{fid}.docx").is_file()
    page = article(site, "toolkit")
    assert [f"ASYE review: {name}" in page for name in ("children's services, KSS (children)",)] == ["kss-cf" in expected]
    if "kss-cf" in expected and "cf-early-career" in expected:
        review = docx.Document(site / "toolkit/asye-review-kss-cf.docx")
        text = "\n".join(p.text for p in review.paragraphs)
        assert "keeps these forms to the end of their ASYE" in text, "a worker who began on the KSS keeps KSS forms"
        assert "Not yet confirmed:" in page, "the April to August 2027 group is told what applies"
    later = [f for f in frameworks.values() if (f.get("in_force") or {}).get("from", day) > day]
    assert ("Not yet included" in page) == bool(later)


def check_reports(site: Path, reference: Path) -> None:
    """The latest report is the newest in data/reports/ whatever the date, and what each report says does not change with it."""
    years = sorted((p.stem for p in (ROOT / "data/reports").glob("*.yml")), reverse=True)
    cards = page(site, "reports").xpath('//section[contains(@class, "cpd-report-card")]/h2/a/@href')
    assert [href.strip("/") for href in cards] == years, "newest report first"
    for year in years:
        assert "in the latest year with figures" in article(site, f"reports/{year}")
        assert article(site, f"reports/{year}") == article(reference, f"reports/{year}"), year


@pytest.fixture(scope="module")
def reference(matrix_project: Path) -> Path:
    """The same build (no PDFs, on Python's clock) at the tests' usual instant."""
    return build_at(matrix_project, NOW_INSTANT, "now")


@pytest.mark.slow
@pytest.mark.parametrize("name", sorted(INSTANTS))
def test_date_sensitive_pages_at(matrix_project: Path, reference: Path, name: str) -> None:
    instant = INSTANTS[name]
    site = build_at(matrix_project, instant, name)
    check_site(site, instant)
    check_toolkit(site, instant)
    check_reports(site, reference)


def nightly_runs() -> tuple[int, int]:
    """(hour, minute) in UTC of the nightly publish, as .github/workflows/publish.yml schedules it."""
    workflow = yaml.safe_load((ROOT / ".github/workflows/publish.yml").read_text())
    cron = workflow[True]["schedule"][0]["cron"]  # YAML 1.1 reads the key "on" as True
    minute, hour, *_ = cron.split()
    return int(hour), int(minute)


@pytest.mark.slow
def test_the_nightly_build_moves_an_event_to_the_past(matrix_project: Path) -> None:
    """The first event to end after NOW is upcoming in the nightly build before it ends, and past in the next night's."""
    hour, minute = nightly_runs()
    event = min((e for e in raw_events() if end_of(e) is not None and end_of(e) > NOW_INSTANT), key=end_of)
    end = end_of(event)
    night = end.astimezone(UTC).replace(hour=hour, minute=minute, second=0, microsecond=0)
    before = night if night < end else night - dt.timedelta(days=1)
    after = before + dt.timedelta(days=1)
    assert before < end <= after
    moved = {e["id"] for e in upcoming_at(before)} - {e["id"] for e in upcoming_at(after)}
    assert event["id"] in moved or end == after
    sites = {when: build_at(matrix_project, when, f"night-{when:%Y%m%d}") for when in (before, after)}
    for when, site in sites.items():
        check_site(site, when)
    uids = {when: calendar_uids(site / "calendar.ics") for when, site in sites.items()}
    gone = {uid.split("@")[0].rsplit("-", 1)[0] for uid in uids[before] - uids[after]}
    assert gone == moved, "the calendar drops exactly the events that ended between the two nights"
    assert event["title"] in card_titles(page(sites[before], "events"))
    assert event["title"] not in card_titles(page(sites[after], "events"))


def cpd_year_end(instant: dt.datetime) -> int:
    """Social Work England's CPD year runs 1 December to 30 November: the year in which the one holding ``instant`` ends."""
    local = instant.astimezone(LONDON)
    return local.year + 1 if local.month == 12 else local.year


@pytest.mark.parametrize("name", sorted(INSTANTS))
def test_my_cpd_counts_the_cpd_year_of_the_browser_clock(browser, site_url: str, name: str, tmp_path: Path) -> None:
    """My CPD, in a browser whose clock is at the instant, counts the CPD year that holds it, and only that year."""
    instant = INSTANTS[name]
    end = cpd_year_end(instant)
    with browser.at(instant):
        context = browser.new_context(accept_downloads=True)
    page = context.new_page()
    page.goto(site_url + "my-cpd/", wait_until="networkidle")
    assert page.evaluate("() => Date.now()") - instant.timestamp() * 1000 < 60_000
    assert page.evaluate("() => Intl.DateTimeFormat().resolvedOptions().timeZone") == "Europe/London"
    for title, day in (("First day of this CPD year", dt.date(end - 1, 12, 1)), ("Last day of the one before", dt.date(end - 1, 11, 30))):
        page.fill("#mycpd-title", title)
        page.fill("#mycpd-date", day.isoformat())
        page.click("form[data-mycpd-add] button[type=submit]")
    summary = page.text_content("[data-mycpd-summary]")
    assert f"This CPD year (1 December {end - 1} to 30 November {end}): 1 piece of CPD, 0 with peer reflection." in summary, summary
    assert summary.startswith("Status: not yet."), summary
    with page.expect_download() as download:
        page.click("[data-mycpd-download='md']")
    target = tmp_path / "record.md"
    download.value.save_as(target)
    assert f"CPD year: 1 December {end - 1} to 30 November {end}" in target.read_text()
    assert download.value.suggested_filename == f"my-cpd-record-to-30-november-{end}.md"
    context.close()
