"""Every rule of the data contract, each broken in a real file.

Each case writes one broken file into a copy of the example data and
expects one message, located at file:line:column, saying what is wrong and
what is allowed.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import problems

EVENT = """\
title: Test event
summary: A line.
type: workshop
provider: riverside-children
audience: [nqsw-asye]
services: [children]
format: online
sessions: [{start: 2027-03-04T09:30, end: 2027-03-04T12:30}]
frameworks: [pcf:2]
"""


def write(project: Path, relative: str, text: str | bytes) -> None:
    path = project / relative
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(text, bytes):
        path.write_bytes(text)
    else:
        path.write_text(text, encoding="utf-8")


def event(**changes: str) -> str:
    """The valid EVENT with some of its lines replaced (key → whole new line, '' to drop)."""
    lines = EVENT.splitlines()
    out = []
    for line in lines:
        key = line.split(":", 1)[0]
        if key in changes:
            if changes[key]:
                out.append(changes.pop(key))
        else:
            out.append(line)
    out.extend(v for v in changes.values() if v)
    return "\n".join(out) + "\n"


E = "data/events/test/x.yml"

CASES = [
    # (name, file, content, expected message)
    ("valid event", E, EVENT, None),
    (
        "audience not a stage",
        E,
        event(audience="audience: [nqsw-asye, astronaut]"),
        "data/events/test/x.yml:5:23: audience: 'astronaut' is not a career stage; allowed: student, nqsw-asye, nqsw-ecdp, early-career",
    ),
    (
        "audience suggestion",
        E,
        event(audience="audience: [nqsw]"),
        "data/events/test/x.yml:5:12: audience: 'nqsw' is not a career stage (did you mean nqsw-asye?); allowed:",
    ),
    (
        "misspelt field",
        E,
        event(title="tittle: Test event"),
        "data/events/test/x.yml:1:1: 'tittle' is not a field here (did you mean title?); allowed: id, title",
    ),
    ("missing field", E, event(type=""), "data/events/test/x.yml:1:1: type is missing; add a line 'type: …' here"),
    (
        "type not allowed",
        E,
        event(type="type: workshp"),
        "data/events/test/x.yml:3:7: type: 'workshp' is not allowed here (did you mean workshop?); allowed: workshop, course",
    ),
    (
        "unknown partner",
        E,
        event(provider="provider: riverside-childrens"),
        "data/events/test/x.yml:4:11: provider: 'riverside-childrens' is not a partner id (did you mean riverside-children?)",
    ),
    (
        "provider and provider_name",
        E,
        event(provider_name="provider_name: Someone"),
        "data/events/test/x.yml:10:1: provider_name: write either provider (a partner id) or provider_name (free text), not both",
    ),
    (
        "unknown framework",
        E,
        event(frameworks="frameworks: [pfc:2]"),
        "data/events/test/x.yml:9:14: frameworks: 'pfc:2': there is no framework 'pfc' (did you mean pcf:2?); frameworks: cf-early-career, kss-adults, kss-cf, kss-pl-cf, kss-ps-adults, kss-ps-cf, pcf, peps, swe",
    ),
    (
        "unknown framework item",
        E,
        event(frameworks="frameworks: [pcf:valuez]"),
        "data/events/test/x.yml:9:14: frameworks: 'pcf:valuez': Professional Capabilities Framework has no item 'valuez' (did you mean pcf:values-ethics?)",
    ),
    (
        "item number out of range",
        E,
        event(frameworks="frameworks: [kss-cf:11]"),
        "data/events/test/x.yml:9:14: frameworks: 'kss-cf:11': Knowledge and skills statement for child and family practitioners has no item '11'; use an id or a number 1–10",
    ),
    (
        "not a reference",
        E,
        event(frameworks="frameworks: [values]"),
        "data/events/test/x.yml:9:14: frameworks: 'values' is not a framework reference; write framework:item, like pcf:values-ethics or kss-cf:3",
    ),
    (
        "end before start",
        E,
        event(sessions="sessions:\n  - {start: 2027-03-04T09:30, end: 2027-03-04T08:30}"),
        "data/events/test/x.yml:9:36: sessions[1].end: 2027-03-04T08:30 is not after its start (2027-03-04T09:30); a session must end after it starts",
    ),
    (
        "overlapping sessions",
        E,
        event(
            sessions="sessions:\n  - {start: 2027-03-04T09:30, end: 2027-03-04T12:30}\n  - {start: 2027-03-04T12:00, end: 2027-03-04T13:00}"
        ),
        "data/events/test/x.yml:10:13: sessions[2] starts at 2027-03-04T12:00, before session 1 ends (2027-03-04T12:30); sessions must not overlap",
    ),
    (
        "not a date-time",
        E,
        event(sessions="sessions:\n  - {start: 2027-13-04T09:30, end: 2027-03-04T12:30}"),
        "data/events/test/x.yml:9:13: sessions[1].start: '2027-13-04T09:30' is not a date and time; write it like 2026-03-04T09:30",
    ),
    (
        "no sessions",
        E,
        event(sessions=""),
        "data/events/test/x.yml:1:1: sessions: an event needs at least one session with a start and end",
    ),
    (
        "venue missing",
        E,
        event(format="format: in-person"),
        "data/events/test/x.yml:7:9: venue is missing; an event that is in-person needs 'venue:' to say where it happens",
    ),
    (
        "booking not a URL",
        E,
        event(booking="booking: www.example.org/book"),
        "data/events/test/x.yml:10:10: booking: 'www.example.org/book' is not a web address; write it in full, like https://www.example.org/page",
    ),
    (
        "capacity not a number",
        E,
        event(capacity="capacity: twenty"),
        "data/events/test/x.yml:10:11: capacity: must be a whole number, like 25; found 'twenty'",
    ),
    (
        "reserved id",
        "data/events/test/stage.yml",
        EVENT,
        "data/events/test/stage.yml:1:1: the id 'stage' is kept for the catalogue's own pages",
    ),
    (
        "file name is not an id",
        "data/events/test/My Event.yml",
        EVENT,
        "data/events/test/My Event.yml:1:1: the file name 'My Event' cannot be the event's id; rename the file to my-event.yml, or add a line 'id: my-event'",
    ),
    (
        "duplicate event id",
        "data/events/test/strengths-based-practice-2026-03.yml",
        EVENT,
        "data/events/test/strengths-based-practice-2026-03.yml:1:1: id: 'strengths-based-practice-2026-03' is already the id of another event (data/events/2025-26/strengths-based-practice-2026-03.yml:4)",
    ),
    (
        "invalid YAML",
        E,
        "title: Risk: a workshop\n",
        "data/events/test/x.yml:1:12: this is not valid YAML: a colon followed by a space inside a value; put the whole value in quotes",
    ),
    (
        "tab indentation",
        E,
        "title: x\nsessions:\n\t- {start: 2027-03-04T09:30}\n",
        "data/events/test/x.yml:3:1: this is not valid YAML: line 3 starts with a tab character; indent with spaces only",
    ),
    (
        "duplicate key",
        E,
        EVENT + "title: Again\n",
        "data/events/test/x.yml:10:1: 'title' is written twice in the same place (first on line 1); keep one and delete the other",
    ),
    (
        "object-building tag",
        E,
        EVENT + "tags: !!python/object:os.system [x]\n",
        "data/events/test/x.yml:10:7: YAML tags such as 'tag:yaml.org,2002:python/object:os.system' are not allowed",
    ),
    (
        "not UTF-8",
        E,
        EVENT.replace("A line.", "Caf\xe9").encode("cp1252"),
        "data/events/test/x.yml:2:13: this file is not saved as UTF-8 text",
    ),
    (
        "file in the wrong place",
        "data/event.yml",
        EVENT,
        "data/event.yml:1:1: data/ has no place for the file 'event.yml', so it would be ignored; data/ holds: site.yml",
    ),
    (
        "not a YAML file",
        "data/events/test/notes.txt",
        "notes",
        "data/events/test/notes.txt:1:1: 'notes.txt' is not a .yml or .yaml file, so it would be ignored",
    ),
]


@pytest.mark.parametrize("name,relative,content,expected", CASES, ids=[c[0] for c in CASES])
def test_event_rules(project: Path, name: str, relative: str, content: str, expected: str | None) -> None:
    write(project, relative, content)
    found = problems(project)
    if expected is None:
        assert found == []
    else:
        assert any(p.startswith(expected) for p in found), "\n".join(found)


def replace(project: Path, relative: str, old: str, new: str) -> None:
    path = project / relative
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {relative}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


EDIT_CASES = [
    (
        "duplicate partner id",
        "data/partners.yml",
        "- id: riverside-adults",
        "- id: riverside-children",
        "data/partners.yml:18:7: id: 'riverside-children' is already the id of another partner (line 11)",
    ),
    (
        "partner kind",
        "data/partners.yml",
        "kind: nhs",
        "kind: hospital",
        "data/partners.yml:64:9: kind: 'hospital' is not allowed here; allowed: local-authority, hei, pvi, nhs, other",
    ),
    (
        "partner service",
        "data/partners.yml",
        "services: [adults]\n\n- id: downsford-children",
        "services: [adult]\n\n- id: downsford-children",
        "data/partners.yml:22:14: services: 'adult' is not allowed here (did you mean adults?); allowed: children, adults",
    ),
    (
        "stage pcf level",
        "data/pathways.yml",
        "pcf_level: asye",
        "pcf_level: asy",
        "data/pathways.yml:40:14: pcf_level: 'asy' is not a level of the PCF (did you mean asye?); allowed: entry, readiness",
    ),
    (
        "stage next",
        "data/pathways.yml",
        "next: [early-career]",
        "next: [early-carer]",
        "data/pathways.yml:81:10: next: 'early-carer' is not a career stage (did you mean early-career?)",
    ),
    (
        "framework descriptor level",
        "data/frameworks/pcf.yml",
        "      asye: Takes responsibility",
        "      asy: Takes responsibility",
        "data/frameworks/pcf.yml:103:7: descriptors: 'asy' is not a level of pcf (did you mean asye?); allowed: entry, readiness",
    ),
    (
        "framework id is the file name",
        "data/frameworks/peps.yml",
        "id: peps",
        "id: pep",
        "data/frameworks/peps.yml:21:5: id: 'pep' must be the same as the file name (peps); rename the file to pep.yml or change the id",
    ),
    (
        "alias clash",
        "data/frameworks/pcf.yml",
        "aliases: [values]",
        "aliases: [knowledge]",
        "data/frameworks/pcf.yml:178:9: 'knowledge' already means the item 'values-ethics'",
    ),
    (
        "metric percent over 100",
        "data/metrics/placements.yml",
        "2021-22: 18\n",
        "2021-22: 118\n",
        "data/metrics/placements.yml:18:16: measures[2].values.2021-22: 118 is not a percentage; a percent is from 0 to 100",
    ),
    (
        "metric split part over 100",
        "data/metrics/admissions.yml",
        "2022-23: {by: {BA: 81, MSW: 92}}",
        "2022-23: {by: {BA: 810, MSW: 92}}",
        "data/metrics/admissions.yml:45:26: measures[4].values.2022-23: 810 is not a percentage; a percent is from 0 to 100",
    ),
    (
        "metric value kind",
        "data/metrics/placements.yml",
        "2025-26: 12\n",
        "2025-26: twelve\n",
        "data/metrics/placements.yml:22:16: measures[2].values.2025-26: 'twelve' is not a value; write a number, unknown, n/a, suppressed, or a mapping with one of value, by or pending",
    ),
    (
        "metric value with two kinds",
        "data/metrics/placements.yml",
        "2024-25: 14\n",
        "2024-25: {value: 14, pending: later}\n",
        "data/metrics/placements.yml:21:16: measures[2].values.2024-25: a value needs exactly one of value, by or pending; found value, pending",
    ),
    (
        "metric year",
        "data/metrics/income.yml",
        "2021-22: 498000",
        "2021/22: 498000",
        "data/metrics/income.yml:9:14: measures[1].values: '2021/22' is not a year; write a year as YYYY-YY, like 2021-22",
    ),
    (
        "metric unit",
        "data/metrics/income.yml",
        "unit: gbp",
        "unit: pounds",
        "data/metrics/income.yml:7:11: measures[1].unit: 'pounds' is not allowed here; allowed: percent, count, number, gbp",
    ),
    (
        "measure id across areas",
        "data/metrics/income.yml",
        "- id: dfe-grant",
        "- id: cpd-events",
        "data/metrics/workforce.yml:54:9: id: 'cpd-events' is already the id of a measure in data/metrics/income.yml",
    ),
    (
        "report area",
        "data/reports/2025-26.yml",
        "metrics: placements",
        "metrics: placement",
        "data/reports/2025-26.yml:34:14: metrics: 'placement' is not a metrics area in data/metrics/ (did you mean placements?); allowed: admissions, income, placements, reputation, workforce",
    ),
    (
        "report content file",
        "data/reports/2025-26.yml",
        "content: reports/2025-26/income.md",
        "content: reports/2025-26/incomes.md",
        "data/reports/2025-26.yml:39:14: content: there is no file content/reports/2025-26/incomes.md; create it, or correct the path",
    ),
    (
        "report baseline",
        "data/reports/2025-26.yml",
        "baseline: 2021-22",
        "baseline: 2026-27",
        "data/reports/2025-26.yml:9:11: baseline: 2026-27 is after the report's year (2025-26)",
    ),
    (
        "report year is the file name",
        "data/reports/2025-26.yml",
        "year: 2025-26",
        "year: 2024-25",
        "data/reports/2025-26.yml:6:7: year: '2024-25' must be the same as the file name (2025-26)",
    ),
    (
        "report attendance file",
        "data/reports/2025-26.yml",
        "attendance: attendance/2025-26.csv",
        "attendance: attendance/2025.csv",
        "data/reports/2025-26.yml:44:13: attendance: 'attendance/2025.csv' is not an attendance file under data/",
    ),
    (
        "site colour contrast",
        "data/site.yml",
        'primary: "#1d4f91"',
        'primary: "#9fc3f0"',
        "data/site.yml:16:12: colours.primary: #9fc3f0 on white, or white on it, has a contrast of only 1.8:1; choose a darker colour",
    ),
    (
        "site e-mail",
        "data/site.yml",
        "contact_email: cpd@rdtp.example.org",
        "contact_email: cpd at rdtp",
        "data/site.yml:12:16: contact_email: 'cpd at rdtp' is not an e-mail address; write it like cpd@example.org",
    ),
]


@pytest.mark.parametrize("name,relative,old,new,expected", EDIT_CASES, ids=[c[0] for c in EDIT_CASES])
def test_file_rules(project: Path, name: str, relative: str, old: str, new: str, expected: str) -> None:
    replace(project, relative, old, new)
    found = problems(project)
    assert any(p.startswith(expected) for p in found), "\n".join(found)


CSV = "data/attendance/2025-26.csv"
HEADER = "event,partner,booked,attended,cancelled,no_show\n"

CSV_CASES = [
    ("valid", HEADER + "x,riverside-children,10,6,2,2\n", None),
    (
        "attended more than booked",
        HEADER + "x,riverside-children,10,12,0,0\n",
        "data/attendance/2025-26.csv:2:25: attended (12) is more than booked (10); attended can be at most the number booked",
    ),
    (
        "non-attendance does not add up",
        HEADER + "x,riverside-children,10,6,3,2\n",
        "data/attendance/2025-26.csv:2:27: cancelled + no_show (3 + 2 = 5) is more than booked − attended (10 − 6 = 4); together they can be at most 4",
    ),
    ("unknown partner", HEADER + "x,riverside,10,6,2,2\n", "data/attendance/2025-26.csv:2:3: partner: 'riverside' is not a partner id"),
    (
        "not a count",
        HEADER + "x,other,ten,6,2,2\n",
        "data/attendance/2025-26.csv:2:9: booked: 'ten' is not a count; write a whole number, 0 or more",
    ),
    (
        "personal data",
        "event,partner,booked,attended,cancelled,no_show,Email Address\nx,other,1,1,0,0,a@b.org\n",
        "data/attendance/2025-26.csv:1:49: column 'Email Address' would hold personal data; attendance files hold counts only",
    ),
    (
        "names",
        "Name,event,partner,booked,attended,cancelled,no_show\nAnn,x,other,1,1,0,0\n",
        "data/attendance/2025-26.csv:1:1: column 'Name' would hold personal data",
    ),
    (
        "missing column",
        "event,partner,booked,attended,cancelled\nx,other,1,1,0\n",
        "data/attendance/2025-26.csv:1:1: the header has no 'no_show' column; the header must be: event,partner,booked,attended,cancelled,no_show",
    ),
    (
        "duplicate row",
        HEADER + "x,other,1,1,0,0\nx,other,2,1,0,0\n",
        "data/attendance/2025-26.csv:3:1: 'x' and 'other' already have a row on line 2; add the counts together in one row",
    ),
    ("file name not a year", None, "data/attendance/2025.csv:1:1: the file name '2025' is not a year; name the file like 2021-22.csv"),
]


@pytest.mark.parametrize("name,content,expected", CSV_CASES, ids=[c[0] for c in CSV_CASES])
def test_attendance_rules(project: Path, name: str, content: str | None, expected: str | None) -> None:
    if content is None:
        write(project, "data/attendance/2025.csv", HEADER)
    else:
        write(project, CSV, content)
    found = problems(project)
    if expected is None:
        assert found == []
    else:
        assert any(p.startswith(expected) for p in found), "\n".join(found)


def test_every_problem_at_once_sorted(project: Path) -> None:
    write(project, "data/events/test/a.yml", event(type="type: workshp", audience="audience: [astronaut]"))
    write(project, "data/events/test/b.yml", event(format="format: in-person"))
    replace(project, "data/partners.yml", "kind: nhs", "kind: hospital")
    write(project, CSV, HEADER + "x,riverside-children,10,12,0,0\n")
    found = problems(project)
    assert len(found) == 5, "\n".join(found)
    assert found == sorted(found, key=lambda p: (p.split(":")[0], int(p.split(":")[1]), int(p.split(":")[2])))
    assert [p.split(":")[0] for p in found] == [
        "data/attendance/2025-26.csv",
        "data/events/test/a.yml",
        "data/events/test/a.yml",
        "data/events/test/b.yml",
        "data/partners.yml",
    ]


def test_example_data_is_valid(project: Path) -> None:
    assert problems(project) == []
