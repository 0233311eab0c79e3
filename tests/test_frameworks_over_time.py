"""Frameworks and career stages that change over time, on real data, checks and builds.

The rules: a framework's successor must exist, the two may not overlap, a
crosswalk must name real items, an event must map only to frameworks (and be
for stages) that apply on the day it starts. Each rule is broken in a copy of
the example data and must give one located message; the example itself must
pass. The pages are read from real builds: the shared one at the tests'
instant (22 November 2026) and one on 1 July 2027, after the child and family
KSS stopped applying.
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path
from zoneinfo import ZoneInfo

import lxml.html
import openpyxl
import pytest
import yaml
from dateutil.relativedelta import relativedelta

from conftest import NOW, ROOT, build_site, copy_project, problems, run_cli

LONDON = ZoneInfo("Europe/London")
AFTER = "2027-07-01T12:00"
KSS_CF = "data/frameworks/kss-cf.yml"
ECS = "data/frameworks/cf-early-career.yml"
PATHWAYS = "data/pathways.yml"

EVENT = """\
title: Test event
summary: A line.
type: workshop
provider: riverside-children
audience: [{audience}]
services: [{services}]
format: online
sessions: [{{start: {day}T09:30, end: {day}T12:30}}]
frameworks: [{frameworks}]
"""


def event(day: str, frameworks: str, audience: str = "early-career", services: str = "children") -> str:
    return EVENT.format(day=day, frameworks=frameworks, audience=audience, services=services)


def edit(project: Path, relative: str, old: str, new: str) -> None:
    path = project / relative
    text = path.read_text(encoding="utf-8")
    assert old in text, (relative, old)
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def write(project: Path, relative: str, text: str) -> None:
    path = project / relative
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


def text_of(tree: lxml.html.HtmlElement) -> str:
    return re.sub(r"\s+", " ", tree.text_content())


def page(site: Path, url: str) -> lxml.html.HtmlElement:
    return lxml.html.fromstring((site / url / "index.html").read_text(encoding="utf-8")).xpath("//article")[0]


# -- the rules, on the data ----------------------------------------------------


def test_the_example_data_passes_and_maps_events_either_side_of_1_april_2027() -> None:
    assert problems(ROOT) == []
    before = after = 0
    for path in (ROOT / "data/events").rglob("*.yml"):
        data = yaml.safe_load(path.read_text())
        if not data.get("sessions"):
            continue
        day = min(dt.datetime.fromisoformat(str(s["start"])) for s in data["sessions"]).date()
        frameworks = {ref.split(":")[0] for ref in data.get("frameworks", [])}
        if "kss-cf" in frameworks:
            assert day <= dt.date(2027, 3, 31), path.name
            before += 1
        if "cf-early-career" in frameworks:
            assert day >= dt.date(2027, 4, 1), path.name
            after += 1
    assert before >= 5 and after >= 4


def test_an_event_after_the_kss_end_fails_check_naming_the_early_career_standards(project: Path) -> None:
    write(project, "data/events/test/late.yml", event("2027-05-19", "kss-cf:9, pcf:2"))
    (project / "site").mkdir()
    (project / "site/marker.txt").write_text("last good site")
    result = run_cli(project, "check")
    assert result.returncode == 1
    lines = [line for line in result.stderr.splitlines() if line.startswith("data/")]
    assert lines == [
        "data/events/test/late.yml:9:14: frameworks: 'kss-cf:9': this event starts on 2027-05-19, but kss-cf (the Knowledge and "
        "skills statement for child and family practitioners) applies only until 2027-03-31; cf-early-career (the Child and "
        "family social worker early career standards) replaces it: map the event to cf-early-career:reflection-learning instead"
    ]
    assert "1 problem found; nothing was published." in result.stderr
    assert (project / "site/marker.txt").read_text() == "last good site"


def test_the_last_and_first_days_are_in_force(project: Path) -> None:
    write(project, "data/events/test/last.yml", event("2027-03-31", "kss-cf:9"))
    write(project, "data/events/test/first.yml", event("2027-04-01", "cf-early-career:reflection"))
    assert problems(project) == []


def test_without_a_crosswalk_the_message_names_an_item_of_the_successor(project: Path) -> None:
    edit(project, KSS_CF, "  9: [reflection-learning]\n", "")
    write(project, "data/events/test/late.yml", event("2027-05-19", "kss-cf:supervision"))
    assert problems(project) == [
        "data/events/test/late.yml:9:14: frameworks: 'kss-cf:supervision': this event starts on 2027-05-19, but kss-cf (the "
        "Knowledge and skills statement for child and family practitioners) applies only until 2027-03-31; cf-early-career "
        "(the Child and family social worker early career standards) replaces it: map the event to an item of cf-early-career, "
        "like cf-early-career:anti-discriminatory-practice instead"
    ]


def test_an_event_before_a_framework_applies_is_a_problem(project: Path) -> None:
    write(project, "data/events/test/early.yml", event("2027-03-17", "cf-early-career:intervention"))
    assert problems(project) == [
        "data/events/test/early.yml:9:14: frameworks: 'cf-early-career:intervention': this event starts on 2027-03-17, but "
        "cf-early-career (the Child and family social worker early career standards) applies only from 2027-04-01; "
        "until then use kss-cf"
    ]


FRAMEWORK_CASES = [
    (
        "unknown successor",
        KSS_CF,
        "replaced_by: cf-early-career ",
        "replaced_by: cf-early-carer ",
        "data/frameworks/kss-cf.yml:40:14: replaced_by: 'cf-early-carer' is not a framework id (did you mean cf-early-career?); "
        "allowed: cf-early-career, kss-adults, kss-pl-cf",
    ),
    (
        "replaced by itself",
        KSS_CF,
        "replaced_by: cf-early-career ",
        "replaced_by: kss-cf ",
        "data/frameworks/kss-cf.yml:40:14: replaced_by: a framework cannot replace itself; write the id of the one that takes over",
    ),
    (
        "overlapping periods",
        ECS,
        "in_force: {from: 2027-04-01}",
        "in_force: {from: 2027-03-01}",
        "data/frameworks/kss-cf.yml:39:19: in_force: kss-cf applies until 2027-03-31 but cf-early-career, which replaces it, "
        "applies from 2027-03-01 (data/frameworks/cf-early-career.yml); the two overlap",
    ),
    (
        "successor without a start",
        ECS,
        "in_force: {from: 2027-04-01}",
        "",
        "data/frameworks/kss-cf.yml:39:19: replaced_by: cf-early-career replaces kss-cf after 2027-03-31, but cf-early-career "
        "has no start date (data/frameworks/cf-early-career.yml), so the two would overlap; add in_force: {from: 2027-04-01} to it",
    ),
    (
        "replaced framework without an end",
        KSS_CF,
        "in_force: {until: 2027-03-31}",
        "",
        "data/frameworks/kss-cf.yml:40:14: replaced_by: cf-early-career replaces kss-cf from 2027-04-01, but kss-cf has no end "
        "date, so the two would overlap; add in_force: {until: 2027-03-31}",
    ),
    (
        "end before start",
        "data/frameworks/swe.yml",
        "in_force: {from: 2019-12-02}",
        "in_force: {from: 2019-12-02, until: 2019-01-01}",
        "data/frameworks/swe.yml:50:37: in_force: until 2019-01-01 is before from 2019-12-02; a framework must start before "
        "it stops applying",
    ),
    (
        "misspelt in_force field",
        ECS,
        "in_force: {from: 2027-04-01}",
        "in_force: {form: 2027-04-01}",
        "data/frameworks/cf-early-career.yml:38:12: 'in_force.form' is not a field here (did you mean from?); allowed: from, until",
    ),
    (
        "crosswalk to an unknown item",
        KSS_CF,
        "  9: [reflection-learning]",
        "  9: [reflection-learnin]",
        "data/frameworks/kss-cf.yml:100:7: crosswalk: 'cf-early-career:reflection-learnin': Child and family social worker early "
        "career standards has no item 'reflection-learnin' (did you mean cf-early-career:reflection-learning?)",
    ),
    (
        "crosswalk from an unknown item",
        KSS_CF,
        "  10: [leadership-management]",
        "  11: [leadership-management]",
        "data/frameworks/kss-cf.yml:101:3: crosswalk: 'kss-cf:11': Knowledge and skills statement for child and family "
        "practitioners has no item '11'",
    ),
    (
        "crosswalk into another framework",
        KSS_CF,
        "  10: [leadership-management]",
        "  10: [kss-adults:8]",
        "data/frameworks/kss-cf.yml:101:8: crosswalk: 'kss-adults:8' is not an item of cf-early-career, which replaces kss-cf",
    ),
    (
        "crosswalk without a successor",
        "data/frameworks/kss-adults.yml",
        "services: [adults]\n",
        "services: [adults]\ncrosswalk: {1: [x]}\n",
        "data/frameworks/kss-adults.yml:32:1: crosswalk: there is no replaced_by to map these items to",
    ),
    (
        "stage whole framework: unknown framework",
        PATHWAYS,
        "frameworks: [pcf@last-placement, swe, swe-ets]",
        "frameworks: [pcf@last-placement, swee, swe-ets]",
        "data/pathways.yml:35:36: frameworks: 'swee': there is no framework 'swee' (did you mean swe?)",
    ),
    (
        "stage whole framework: unknown level",
        PATHWAYS,
        "frameworks: [pcf@last-placement, swe, swe-ets]",
        "frameworks: [pcf@last-placment, swe, swe-ets]",
        "data/pathways.yml:35:16: frameworks: 'pcf@last-placment': 'last-placment' is not a level of pcf (did you mean last-placement?)",
    ),
    (
        "stage whole framework: a level of a framework without levels",
        PATHWAYS,
        "frameworks: [pcf@last-placement, swe, swe-ets]",
        "frameworks: [pcf@last-placement, swe@registered, swe-ets]",
        "data/pathways.yml:35:36: frameworks: 'swe@registered': Social Work England professional standards has no levels; "
        "write swe for the whole framework",
    ),
    (
        "stage reference written wrongly",
        PATHWAYS,
        "frameworks: [pcf@last-placement, swe, swe-ets]",
        "frameworks: [pcf@last-placement, 'swe:', swe-ets]",
        "data/pathways.yml:35:36: frameworks: 'swe:' is not a framework reference; write framework:item (pcf:values-ethics), "
        "a whole framework (kss-cf) or a whole framework at a level (pcf@asye)",
    ),
    (
        "stage replaced by an unknown stage",
        PATHWAYS,
        "replaced_by: {stage: nqsw-ecdp,",
        "replaced_by: {stage: nqsw-ecpd,",
        "data/pathways.yml:70:24: replaced_by.stage: 'nqsw-ecpd' is not a career stage (did you mean nqsw-ecdp?)",
    ),
    (
        "stage replaced by itself",
        PATHWAYS,
        "replaced_by: {stage: nqsw-ecdp,",
        "replaced_by: {stage: nqsw-asye,",
        "data/pathways.yml:70:24: replaced_by.stage: a stage cannot replace itself",
    ),
    (
        "stage handed over before the new stage exists",
        PATHWAYS,
        "  in_force: {from: 2027-09-01}",
        "  in_force: {from: 2027-10-01}",
        "data/pathways.yml:70:41: replaced_by: nqsw-ecdp takes over on 2027-09-01, but it exists only from 2027-10-01 "
        "(its in_force); make the two dates agree",
    ),
    (
        "stage working towards a framework that never applies while it exists",
        PATHWAYS,
        "  frameworks: [cf-early-career]\n",
        "  frameworks: [cf-early-career, kss-cf:9]\n",
        "data/pathways.yml:108:33: frameworks: 'kss-cf:9': Knowledge and skills statement for child and family practitioners "
        "applies until 2027-03-31, never while this stage exists (from 2027-09-01)",
    ),
    (
        "an event maps to a whole framework",
        "data/events/2027-28/ecdp-induction-2027.yml",
        "frameworks: [cf-early-career:reflection-learning,",
        "frameworks: [cf-early-career,",
        "data/events/2027-28/ecdp-induction-2027.yml:23:14: frameworks: 'cf-early-career' is not a framework reference; write "
        "framework:item, like pcf:values-ethics or kss-cf:3",
    ),
]


@pytest.mark.parametrize(("name", "relative", "old", "new", "expected"), FRAMEWORK_CASES, ids=[c[0] for c in FRAMEWORK_CASES])
def test_framework_and_stage_rules(project: Path, name: str, relative: str, old: str, new: str, expected: str) -> None:
    edit(project, relative, old, new)
    found = problems(project)
    assert any(p.startswith(expected) for p in found), "\n".join(found)


STAGE_EVENT_CASES = [
    (
        "children's ASYE event after the ECDP takes over",
        event("2027-09-22", "pcf:1", audience="nqsw-asye"),
        "data/events/test/x.yml:5:12: audience: 'nqsw-asye': from 2027-09-01 nqsw-ecdp (Newly qualified social worker (ECDP)) "
        "takes over from this stage in children's services, and this event (2027-09-22) is for those services only; "
        "write nqsw-ecdp instead",
    ),
    (
        "ECDP event before the ECDP begins",
        event("2027-06-22", "pcf:1", audience="nqsw-ecdp"),
        "data/events/test/x.yml:5:12: audience: 'nqsw-ecdp': this event starts on 2027-06-22, but the stage 'Newly qualified "
        "social worker (ECDP)' exists only from 2027-09-01; until then write nqsw-asye",
    ),
    ("ASYE event for both services after September 2027", event("2027-09-22", "pcf:1", "nqsw-asye", "children, adults"), None),
    ("adults' ASYE event after September 2027", event("2027-09-22", "pcf:1", "nqsw-asye", "adults"), None),
    ("children's ASYE event before September 2027", event("2027-08-31", "pcf:1", "nqsw-asye"), None),
    ("ECDP event from its first day", event("2027-09-01", "cf-early-career:intervention", "nqsw-ecdp"), None),
]


@pytest.mark.parametrize(("name", "text", "expected"), STAGE_EVENT_CASES, ids=[c[0] for c in STAGE_EVENT_CASES])
def test_events_for_stages_that_change(project: Path, name: str, text: str, expected: str | None) -> None:
    write(project, "data/events/test/x.yml", text)
    found = problems(project)
    assert found == ([expected] if expected else []), "\n".join(found)


@pytest.mark.slow
def test_new_event_refuses_a_framework_not_in_force(project: Path) -> None:
    result = run_cli(
        project,
        *[
            "new",
            "event",
            "--yes",
            "--title",
            "Zebra Court",
            "--type",
            "workshop",
            "--provider",
            "downsford-children",
            "--audience",
            "early-career",
            "--services",
            "children",
        ],
        *["--format", "online", "--session"],
        "2027-06-02 09:30-12:30",
        "--frameworks",
        "kss-cf:8",
    )
    assert result.returncode == 1
    assert (
        "--frameworks: kss-cf:8: kss-cf (Knowledge and skills statement for child and family practitioners) applies only until "
        "2027-03-31; use cf-early-career (Child and family social worker early career standards) instead." in result.stdout
    )
    assert not list((project / "data/events").rglob("zebra-court-*.yml"))


# -- the pages, at the tests' instant (22 November 2026) --------------------------


def test_framework_pages_say_what_applies_when(built: Path) -> None:
    kss = page(built, "frameworks/kss-cf")
    notice = text_of(kss.xpath('.//*[contains(@class, "cpd-notice--dates")]')[0])
    assert notice == (
        "What applies when: Applies until 31 March 2027; replaced by the Child and family social worker early career "
        "standards from 1 April 2027."
    )
    assert kss.xpath('.//*[contains(@class, "cpd-notice--dates")]//a/@href') == ["../cf-early-career/"]
    assert (
        kss.xpath('.//a[text()="Read the full framework on the owner\'s website"]/@href')[0]
        == "https://www.gov.uk/government/publications/knowledge-and-skills-statements-for-child-and-family-social-work"
    )
    rows = kss.xpath('.//h2[@id="crosswalk"]/following::table[1]/tbody/tr')
    assert len(rows) == 10
    assert text_of(rows[8]) == " 9. The role of supervision Reflection and learning "

    ecs = page(built, "frameworks/cf-early-career")
    assert "Will apply from 1 April 2027, in place of the Knowledge and skills statement for child and family practitioners." in text_of(
        ecs
    )
    assert "proposed in its 2025 consultation" in text_of(ecs)  # the note: the headings are not confirmed
    takes_over = text_of(ecs.xpath('.//h2[@id="takes-over"]/following::ul[1]')[0])
    assert "Anti-discriminatory practice: new: nothing earlier maps to it" in takes_over
    assert "Reflection and learning: KSS (children) 9 The role of supervision" in takes_over

    listing = text_of(page(built, "frameworks"))
    assert "Applies until 31 March 2027; replaced by the Child and family social worker early career standards" in listing


def test_item_pages_say_what_applies_when_and_where_it_goes(built: Path) -> None:
    item = text_of(page(built, "frameworks/kss-cf/supervision"))
    assert "Applies until 31 March 2027; replaced by the Child and family social worker early career standards" in item
    assert "maps this statement to ECS (children) Reflection and learning" in item
    successor = text_of(page(built, "frameworks/cf-early-career/reflection-learning"))
    assert "It takes over from KSS (children) 9 The role of supervision" in successor
    swe = page(built, "frameworks/swe/rights-strengths-wellbeing")
    assert [text_of(li).split()[0] for li in swe.xpath('.//ul[contains(@class, "cpd-parts")]/li')] == [f"1.{n}" for n in range(1, 8)]


def test_the_asye_stage_shows_every_part_with_its_events_and_gaps(built: Path) -> None:
    stage = page(built, "pathways/nqsw-asye")
    assert (
        "From 1 September 2027, Newly qualified social worker (ECDP) will take over from this stage in children's services; no change is set for adults' services."
        in text_of(stage)
    )
    headings = [text_of(h).strip() for h in stage.xpath('.//h2[@id="working-towards"]/following-sibling::h3')]
    assert headings == [
        "Professional Capabilities Framework at the Assessed and Supported Year in Employment level",
        "Knowledge and skills statement for child and family practitioners",
        "Child and family social worker early career standards",
        "Knowledge and skills statement for social workers in adult services",
    ]
    pcf_rows = stage.xpath('.//h3[@id="towards-pcf"]/following::table[1]/tbody/tr')
    assert len(pcf_rows) == 9  # the whole PCF at the ASYE level, not one or two domains
    expected = expected_for_stage("nqsw-asye")
    for table_id, framework in (("towards-pcf", "pcf"), ("towards-kss-cf", "kss-cf"), ("towards-cf-early-career", "cf-early-career")):
        rows = stage.xpath(f'.//h3[@id="{table_id}"]/following::table[1]/tbody/tr')
        items = yaml.safe_load((ROOT / f"data/frameworks/{framework}.yml").read_text())["items"]
        assert len(rows) == len(items)
        for row, item in zip(rows, items, strict=True):
            titles = {e["title"] for e in expected if f"{framework}:{item['id']}" in e["keys"]}
            links = {text_of(a).strip() for a in row.xpath("./td[last()-1]//a") if not text_of(a).endswith(" more")}
            status = text_of(row.xpath("./td[last()]")[0]).strip()
            assert status == ("Covered" if titles else "Gap"), (framework, item["id"])
            assert links <= titles and (len(links) == min(3, len(titles))), (framework, item["id"])
    descriptor = text_of(pcf_rows[1].xpath("./td[1]")[0]).strip()
    pcf = yaml.safe_load((ROOT / "data/frameworks/pcf.yml").read_text())
    assert descriptor == pcf["items"][1]["descriptors"]["asye"]
    assert "Applies until 31 March 2027" in text_of(stage.xpath('.//h3[@id="towards-kss-cf"]/following-sibling::p[1]')[0])


def test_the_ecdp_stage_says_when_it_begins(built: Path) -> None:
    stage = text_of(page(built, "pathways/nqsw-ecdp"))
    assert "This stage begins on 1 September 2027. It takes over from Newly qualified social worker (ASYE) in children's services." in stage
    diagram = page(built, "pathways").xpath('.//ol[contains(@class, "cpd-pathway__trunk")]')[0]
    trunk = [text_of(a).strip() for a in diagram.xpath('./li/a[contains(@class, "cpd-stage__name")]')]
    assert "Newly qualified social worker (ECDP)" not in trunk  # drawn inside the ASYE's box, not after it
    assert "In children's services from 1 September 2027: Newly qualified social worker (ECDP)" in text_of(diagram)


def test_catalogue_filters_say_what_applies_when(built: Path) -> None:
    catalogue = lxml.html.fromstring((built / "events/index.html").read_text(encoding="utf-8"))
    labels = {label.get("for"): text_of(label).strip() for label in catalogue.xpath("//form//label")}
    assert labels["cpd-f-kss-cf"] == "KSS (children) statement (until 31 March 2027)"
    assert labels["cpd-f-cf-early-career"] == "ECS (children) area (from 1 April 2027)"
    assert labels["cpd-f-pcf"] == "PCF domain"


def expected_for_stage(stage: str, now: dt.datetime | None = None, last: dt.date | None = None) -> list[dict]:
    """Upcoming, not cancelled events for ``stage`` from the YAML (and starting by ``last``), with their item keys."""
    now = now or dt.datetime.fromisoformat(NOW).replace(tzinfo=LONDON)
    found = []
    aliases = {}
    for path in (ROOT / "data/frameworks").glob("*.yml"):
        data = yaml.safe_load(path.read_text())
        for item in data["items"]:
            for name in [item["id"], *item.get("aliases", []), *([str(item["number"])] if "number" in item else [])]:
                aliases[f"{data['id']}:{name}"] = f"{data['id']}:{item['id']}"
    for path in (ROOT / "data/events").rglob("*.yml"):
        data = yaml.safe_load(path.read_text())
        starts = [dt.datetime.fromisoformat(str(s["start"])).replace(tzinfo=LONDON) for s in data.get("sessions", [])]
        ends = [dt.datetime.fromisoformat(str(s["end"])).replace(tzinfo=LONDON) for s in data.get("sessions", [])]
        if data.get("status") == "cancelled" or stage not in data["audience"] or (ends and max(ends) < now):
            continue
        if last and starts and min(starts).date() > last:
            continue
        hours = data.get("cpd_hours", sum((e - s).total_seconds() / 3600 for s, e in zip(starts, ends, strict=True)))
        found.append({"title": data["title"], "keys": {aliases[str(r)] for r in data.get("frameworks", [])}, "hours": hours})
    return found


def test_coverage_grid_counts_events_and_hours_per_stage_and_item(built: Path) -> None:
    coverage = page(built, "frameworks/coverage")
    now = dt.datetime.fromisoformat(NOW).replace(tzinfo=LONDON)
    last = now.date() + relativedelta(months=12) - dt.timedelta(days=1)
    assert f"from 22 November 2026 to {last.day} {last:%B %Y}" in text_of(coverage)
    table = coverage.xpath('.//h3[@id="grid-cf-early-career"]/following::table[1]')[0]
    caption = text_of(table.xpath("./caption")[0])
    assert caption.startswith("Child and family social worker early career standards: upcoming events and CPD hours")
    columns = [text_of(th).strip() for th in table.xpath("./thead/tr/th")]
    assert columns == ["Area", "Newly qualified social worker (ASYE)", "Newly qualified social worker (ECDP)"]
    assert table.xpath("./thead/tr/th/@scope") == ["col"] * 3 and set(table.xpath("./tbody/tr/th/@scope")) == {"row"}
    items = yaml.safe_load((ROOT / "data/frameworks/cf-early-career.yml").read_text())["items"]
    statuses = []
    for stage_index, stage in enumerate(("nqsw-asye", "nqsw-ecdp")):
        expected = expected_for_stage(stage, now, last)
        for row, item in zip(table.xpath("./tbody/tr"), items, strict=True):
            matched = [e for e in expected if f"cf-early-career:{item['id']}" in e["keys"]]
            cell = text_of(row.xpath("./td")[stage_index]).strip()
            status = "Gap" if not matched else "Under-served" if len(matched) == 1 else "Covered"
            statuses.append(status)
            assert cell.endswith(status), (stage, item["id"], cell)  # the status in words, not only a colour
            if matched:
                hours = round(sum(e["hours"] for e in matched), 2)
                assert cell.startswith(f"{len(matched)} event"), (stage, item["id"], cell)
                assert f"{hours:g} hour" in cell, (stage, item["id"], cell)
    assert "Gap" in statuses and "Under-served" in statuses
    summary = text_of(table.xpath("./preceding::p[1]")[0])
    assert summary.startswith(
        f"{statuses.count('Gap')} gaps, {statuses.count('Under-served')} under-served and {statuses.count('Covered')} covered"
    )


def test_the_toolkit_says_which_frameworks_it_follows(built: Path) -> None:
    toolkit = text_of(page(built, "toolkit"))
    assert "The files follow the frameworks in force on 22 November 2026" in toolkit
    assert (
        "Not yet included, because it does not apply yet: the Child and family social worker early career standards (from 1 April 2027)."
        in toolkit
    )
    for framework, short in (("kss-cf", "KSS (children)"), ("kss-adults", "KSS (adults)")):
        book = openpyxl.load_workbook(built / f"toolkit/asye-grid-{framework}.xlsx")
        assert short in book.sheetnames and not (built / "toolkit/asye-grid-cf-early-career.xlsx").exists()


# -- the pages after 31 March 2027 ------------------------------------------------


@pytest.fixture(scope="module")
def built_after(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The example site built on 1 July 2027, when the child and family KSS no longer apply."""
    project = copy_project(tmp_path_factory.mktemp("after") / "project")
    result = build_site(project, "--no-pdf", now=AFTER)
    assert result.returncode == 0, result.stdout + result.stderr
    return project / "site"


@pytest.mark.slow
def test_after_the_change_the_filters_offer_the_standards_in_force(built_after: Path) -> None:
    catalogue = lxml.html.fromstring((built_after / "events/index.html").read_text(encoding="utf-8"))
    labels = {label.get("for"): text_of(label).strip() for label in catalogue.xpath("//form//label")}
    assert "cpd-f-kss-cf" not in labels  # no listed event falls before 1 April 2027
    assert labels["cpd-f-cf-early-career"] == "ECS (children) area"
    assert not (built_after / "events/kss-cf").exists()
    kss = text_of(page(built_after, "frameworks/kss-cf"))
    assert "Applied until 31 March 2027; replaced by the Child and family social worker early career standards from 1 April 2027." in kss
    ecs = text_of(page(built_after, "frameworks/cf-early-career"))
    assert "Applies from 1 April 2027, in place of the Knowledge and skills statement for child and family practitioners." in ecs


@pytest.mark.slow
def test_after_the_change_the_toolkit_follows_the_early_career_standards(built_after: Path) -> None:
    book = openpyxl.load_workbook(built_after / "toolkit/asye-grid-cf-early-career.xlsx")
    assert book.sheetnames == ["Cover", "ASYE", "ECS (children)", "Evidence log"]
    areas = [book["ECS (children)"].cell(row=r, column=1).value for r in range(3, 9)]
    assert areas == [item["title"] for item in yaml.safe_load((ROOT / ECS).read_text())["items"]]
    assert book.properties.title == "ASYE evidence grid: children's services, ECS (children)"
    notes = " ".join(str(c.value) for c in book["Cover"]["A"] if c.value)
    assert "For an ASYE in children's services begun between 1 April 2027 and 31 August 2027, against the ECS (children)" in notes
    assert book["ECS (children)"]["A2"].value == "Area"
    kept = openpyxl.load_workbook(built_after / "toolkit/asye-grid-kss-cf.xlsx")
    assert "Into ECS (children)" in kept.sheetnames, "a worker who began on the KSS keeps it, mapped to the new standards"
    toolkit = text_of(page(built_after, "toolkit"))
    assert "The files follow the frameworks in force on 1 July 2027" in toolkit
    assert "Child and family social worker early career standards. Applies from 1 April 2027" in toolkit
    assert "Not yet included" not in toolkit
