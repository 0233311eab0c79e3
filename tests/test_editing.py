"""The editing commands, used as communications staff would: questions, booking exports, new files."""

from __future__ import annotations

import csv
import datetime as dt
import io
import os
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest
import yaml

from conftest import EXPORT_EVENTS, NOW, ROOT, build_site, drop_attendance_rows, problems, run_cli

EXPORT = ROOT / "tests/fixtures/eventbrite-attendees.csv"


def answer(project: Path, args: list[str], answers: list[str]) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, PARTNERSHIP_ROOT=str(project), PARTNERSHIP_NOW=NOW)
    return subprocess.run(
        [sys.executable, "-m", "partnership.cli", *args],
        cwd=project,
        env=env,
        input="\n".join(answers) + "\n",
        capture_output=True,
        text=True,
        timeout=120,
    )


@pytest.mark.slow
def test_new_event_by_questions_checks_every_answer(project: Path) -> None:
    result = answer(
        project,
        ["new", "event"],
        [
            "Safer Recruitment for Panels",
            "How to run values-based interviews.",
            "A morning on values-based interviewing.",  # the description, ended by an empty line
            "With a practice panel.",
            "",
            "workshp",
            "Workshop",  # a typo, then (at "Use Workshop?") the name in capitals
            "5",  # University of Riverside
            "IN-PERSON",
            "Riverside Civic Centre, Room 2",
            "12/05/2026",  # last May: the event would go straight to the archive
            "9.30am-12.30pm",
            "n",
            "n",  # do not keep the past date: asked again
            "31/13/2027",
            "31/04/2027",
            "12/05/2027",  # UK day first: 12 May
            "9:30-4:30",  # 4:30 after 9:30 is the afternoon
            "y",
            "Thu 19 May 2027",
            "19 May 2027",
            "09:30-12:30pm",
            "n",
            "both",
            "newly qualified and early career",  # in May 2027 only the ASYE is for newly qualified workers
            "20",
            "www.example.org",
            "https://bookings.example.org/safer",
            "Free",
            "2, knowledge",
            "1",
            "",
            "recruitment",
            "all",  # kept for the catalogue's own page events/all/
            "safer recruitment",
            "",  # keep the short address offered
            "y",
        ],
    )
    assert result.returncode == 0, result.stdout + result.stderr
    out = result.stdout
    assert "'workshp' is not one of the choices. Did you mean workshop?" in out
    assert "Every session is in the past (today is Sunday 22 November 2026), so the event would go straight to the past events" in out
    assert "'31/13/2027' is not a real date: there is no month 13; months run from 1 (January) to 12 (December)." in out
    assert "'31/04/2027' is not a real date: April has 30 days." in out
    assert "  → Wednesday 12 May 2027\n" in out and "  → 9:30am to 4:30pm (4:30 read as 16:30)\n" in out
    assert "19 May 2027 is a Wednesday, not a Thursday; check the date." in out
    assert "'www.example.org' is not a web address" in out
    assert "'all' is kept for the catalogue's own pages; choose something more specific, like all-workshop." in out
    assert "'safer recruitment' cannot be a web address; use lower-case words joined by hyphens, like safer-recruitment." in out
    assert "Its web address will be /events/safer-recruitment-panels-2027-05/." in out
    # The dates come before the stages, which are those that exist on the first day (no ECDP in May 2027).
    assert out.index("Date of the session") < out.index("Which career stages is it for? (the stages that exist on Wednesday 12 May 2027)")
    stages = out.split("Which career stages is it for?")[1].split("Numbers or names")[0]
    assert "ECDP" not in stages and "Newly qualified social worker (ASYE) (in children's services until 31 August 2027)" in stages
    path = project / "data/events/2027-28/safer-recruitment-panels-2027-05.yml"
    assert path.is_file()
    data = yaml.safe_load(path.read_text())
    assert data["type"] == "workshop" and data["provider"] == "university-of-riverside" and data["format"] == "in-person"
    assert data["description"] == "A morning on values-based interviewing.\nWith a practice panel.\n"
    assert data["audience"] == ["nqsw-asye", "early-career"] and data["services"] == ["children", "adults"]
    # In May 2027 the child and family KSS no longer apply: the question offers the early career standards.
    assert "Which ECS (children) areas?" in out and "KSS (children)" not in out
    assert data["frameworks"] == ["pcf:values-ethics", "pcf:knowledge", "cf-early-career:anti-discriminatory-practice"]
    assert [(str(s["start"]), str(s["end"])) for s in data["sessions"]] == [
        ("2027-05-12T09:30", "2027-05-12T16:30"),
        ("2027-05-19T09:30", "2027-05-19T12:30"),
    ]
    assert data["added"] == dt.date(2026, 11, 22), "the tests' instant, not the machine's clock"
    assert path.read_text().startswith("# yaml-language-server: $schema=../../../schema/event.schema.json")
    assert str(data["added"]) == NOW[:10], "dated by the build's clock (PARTNERSHIP_NOW), not the machine's"
    assert problems(project) == []
    assert "It will be published at /events/safer-recruitment-panels-2027-05/." in out
    assert not (project / "data/drafts").exists(), "a finished event leaves no draft"


def test_new_report_asks_again_until_the_year_is_right(project: Path) -> None:
    result = answer(project, ["new", "report"], ["next year", "2025-26", "2026/27"])
    assert result.returncode == 0, result.stdout + result.stderr
    assert "'next year' is not a year; write it like 2026-27 (or 2026/27), two years in a row." in result.stdout
    assert (
        "There is a report for 2025-26 already (data/reports/2025-26.yml); reports so far: 2024-25, 2025-26. Choose another year."
        in result.stdout
    )
    assert (project / "data/reports/2026-27.yml").is_file()
    assert problems(project) == []


@pytest.mark.slow
def test_new_event_from_options(project: Path) -> None:
    ok = run_cli(
        project,
        "new",
        "event",
        "--yes",
        "--title",
        "Court Skills Refresher",
        "--type",
        "workshop",
        "--provider",
        "downsford-children",
        "--audience",
        "nqsw-asye,early-career",
        "--services",
        "children",
        "--format",
        "online",
        "--session",
        "2027-06-02 09:30-12:30",
        "--frameworks",
        "cf-early-career:intervention,pcf:knowledge",
    )
    assert ok.returncode == 0, ok.stdout + ok.stderr
    assert (project / "data/events/2027-28/court-skills-refresher-2027-06.yml").is_file()
    again = run_cli(
        project,
        "new",
        "event",
        "--yes",
        "--title",
        "Court Skills Refresher",
        "--type",
        "workshop",
        "--provider",
        "downsford-children",
        "--audience",
        "nqsw-asye",
        "--services",
        "children",
        "--format",
        "online",
        "--session",
        "9/6/2027 9.30am-12.30pm",
        "--format",
        "Online",
    )
    assert again.returncode == 0, again.stdout
    assert yaml.safe_load((project / "data/events/2027-28/court-skills-refresher-2027-06-2.yml").read_text())["sessions"] == [
        {"start": "2027-06-09T09:30", "end": "2027-06-09T12:30"}
    ]
    bad = run_cli(
        project,
        "new",
        "event",
        "--yes",
        "--title",
        "X",
        "--type",
        "workshop",
        "--provider",
        "nobody",
        "--audience",
        "nqsw-asye",
        "--services",
        "children",
        "--format",
        "online",
        "--session",
        "2027-06-02 09:30-12:30",
    )
    assert bad.returncode == 1 and "--provider 'nobody' is not allowed" in bad.stdout
    missing = run_cli(project, "new", "event", "--yes", "--title", "X")
    assert missing.returncode == 1 and "missing: --type, --audience, --services, --format, --provider" in missing.stdout
    assert problems(project) == []


@pytest.mark.slow
def test_new_partner_and_report(project: Path) -> None:
    partner = run_cli(
        project,
        "new",
        "partner",
        "--yes",
        "--name",
        "Westmoor Fostering Network",
        "--kind",
        "pvi",
        "--tier",
        "associate",
        "--services",
        "children",
    )
    assert partner.returncode == 0, partner.stdout + partner.stderr
    partners = yaml.safe_load((project / "data/partners.yml").read_text())
    assert partners[-1] == {
        "id": "westmoor-fostering-network",
        "name": "Westmoor Fostering Network",
        "kind": "pvi",
        "tier": "associate",
        "services": ["children"],
    }
    report = run_cli(project, "new", "report", "--yes", "--year", "2026-27")
    assert report.returncode == 0, report.stdout + report.stderr
    data = yaml.safe_load((project / "data/reports/2026-27.yml").read_text())
    assert [s["metrics"] for s in data["sections"]] == ["admissions", "placements", "workforce", "income", "reputation"]
    assert (project / "content/reports/2026-27/placements.md").read_text().startswith("### Objectives")
    assert data["status"] == "draft", "a new report is a draft until it is finished"
    assert problems(project) == []
    built = build_site(project, "--no-pdf")
    assert built.returncode == 0, built.stdout + built.stderr
    assert not (project / "site/reports/2026-27").exists(), "a draft is not published"


def expected_counts() -> Counter[tuple[str, str, str]]:
    """Count the fixture export by hand: (event, partner, outcome), duplicates once."""
    organisations = {
        "Riverside Borough Council Children's Services": "riverside-children",
        "riverside-adults": "riverside-adults",
        "Riverside Council (children)": "riverside-children",
        "RBC Adults": "riverside-adults",
        "Downsford County Council Children and Families": "downsford-children",
        "Downsford CC": "downsford-children",
        "University of Riverside": "university-of-riverside",
        "Harbour Family Trust": "harbour-family-trust",
        "other": "other",
    }
    events = {
        "Strengths-Based Practice": "strengths-based-practice-2026-03",
        "Contextual Safeguarding: Exploitation Outside the Home": "contextual-safeguarding-2026-03",
    }
    seen, counts = set(), Counter()
    for row in csv.DictReader(EXPORT.open(encoding="utf-8")):
        key = (row["Event Name"], row["Email"].lower())
        if key in seen:
            continue
        seen.add(key)
        event = events.get(row["Event Name"], row["Event Name"])
        partner = organisations.get(row["Organisation"], "unknown")
        if row["Attendee Status"] in ("Cancelled", "Refunded"):
            outcome = "cancelled"
        elif row["Checked In"] == "Yes":
            outcome = "attended"
        else:
            outcome = "no_show"
        counts[(event, partner, "booked")] += 1
        counts[(event, partner, outcome)] += 1
    return counts


def import_export(project: Path, *extra: str, export: Path = EXPORT) -> subprocess.CompletedProcess[str]:
    return run_cli(project, "import-attendance", str(export), "--year", "2025-26", *extra)


def assert_counted_by_hand(rows: list[dict[str, str]]) -> None:
    """The attendance file's rows for the export's events hold the counts :func:`expected_counts` makes by hand: 78 bookings."""
    expected = expected_counts()
    imported = [r for r in rows if r["event"] in {e for e, _, _ in expected}]
    for row in imported:
        for column in ("booked", "attended", "cancelled", "no_show"):
            assert int(row[column]) == expected[(row["event"], row["partner"], column)], (row, column)
    assert sum(int(r["booked"]) for r in imported) == 78


def attendance(project: Path) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO((project / "data/attendance/2025-26.csv").read_text())))


@pytest.mark.slow
def test_import_attendance_counts_and_keeps_nothing_personal(project: Path) -> None:
    refused = import_export(project)
    assert refused.returncode == 1
    assert "Nothing was written: data/attendance/2025-26.csv already counts events of this export" in refused.stderr
    assert 'lines 91-97: "strengths-based-practice-2026-03", typed by hand (no import wrote them)' in refused.stderr
    assert 'lines 9-13: "Annual Conference 2025", typed by hand' in refused.stderr
    assert not (project / "data/attendance/2025-26.imports.yml").exists()
    drop_attendance_rows(project, "2025-26", EXPORT_EVENTS)
    result = import_export(project)
    assert result.returncode == 0, result.stdout + result.stderr
    out = result.stdout
    assert "Read 80 bookings from eventbrite-attendees.csv (UTF-8)." in out
    assert "none were written anywhere" in out
    assert "Ignored 2 duplicate bookings" in out
    assert "6 bookings named 2 organisations not mapped to a partner" in out
    # every unmapped spelling, with its suggestion, indented ready to paste under organisations:
    assert '\n  "Riverside Childrens Services": riverside-children   # probably; 5 bookings\n' in out
    assert '\n  "Locum agency": other' in out and "no partner is close: other, if it is outside the partnership; 1 booking\n" in out
    assert '# "Annual Conference 2025": no catalogue event of 2025-26 is close; 30 bookings stay under this name' in out
    assert '3 events: 2 found in the catalogue, 1 kept under the export\'s name ("Annual Conference 2025").' in out
    rows = attendance(project)
    assert_counted_by_hand(rows)
    log = (project / "data/attendance/2025-26.imports.yml").read_text()
    for text in ((project / "data/attendance/2025-26.csv").read_text(), log):
        for word in ("@", "example.org", "Testwood", "Mei", "Email", "First Name"):
            assert word not in text, word
    kept = [r for r in rows if r["event"] == "neurodivergent-parents-2025-12"]
    assert kept, "rows for other events in the year's file are kept"
    assert problems(project) == []


@pytest.mark.slow
def test_import_twice_replaces_what_it_wrote_and_nothing_else(project: Path) -> None:
    """The issue's story: import, map an event the import could not match, import again: nothing is counted twice."""
    drop_attendance_rows(project, "2025-26", EXPORT_EVENTS)
    hand_typed = [r for r in attendance(project)]
    assert import_export(project).returncode == 0
    (project / "data/events/2025-26/annual-conference-2025.yml").write_text(
        "title: 'Annual Conference 2025: Learning Together'\ntype: conference\nprovider: university-of-riverside\n"
        "audience: [nqsw-asye]\nservices: [children, adults]\nformat: in-person\nvenue: Riverside Guildhall\n"
        "sessions:\n  - {start: 2025-06-12T09:30, end: 2025-06-12T16:30}\n"
    )
    settings = project / "data/import.yml"
    settings.write_text(settings.read_text().replace("events:\n", 'events:\n  "Annual Conference 2025": annual-conference-2025\n', 1))
    again = import_export(project)
    assert again.returncode == 0, again.stdout + again.stderr
    assert (
        'Replacing 6 rows (lines 92-97) that the import of eventbrite-attendees.csv on 22 November 2026 wrote for "Annual Conference 2025" (the same export, imported again).'
        in again.stdout
    )
    rows = attendance(project)
    assert not [r for r in rows if r["event"] == "Annual Conference 2025"], "the rows under the export's name are replaced"
    conference = [r for r in rows if r["event"] == "annual-conference-2025"]
    assert sum(int(r["booked"]) for r in conference) == 30
    assert sum(int(r["booked"]) for r in rows) == sum(int(r["booked"]) for r in hand_typed) + 78, "no booking counted twice"
    assert rows[: len(hand_typed)] == hand_typed, "rows typed by hand are untouched"
    first = (project / "data/attendance/2025-26.csv").read_bytes(), (project / "data/attendance/2025-26.imports.yml").read_bytes()
    assert import_export(project).returncode == 0
    assert ((project / "data/attendance/2025-26.csv").read_bytes(), (project / "data/attendance/2025-26.imports.yml").read_bytes()) == first
    assert problems(project) == []
    # Without its record the import cannot tell its own rows from hand-typed ones, so it stops rather than count twice.
    (project / "data/attendance/2025-26.imports.yml").unlink()
    refused = import_export(project)
    assert refused.returncode == 1 and "typed by hand (no import wrote them)" in refused.stderr
    assert (project / "data/attendance/2025-26.csv").read_bytes() == first[0]


@pytest.mark.slow
def test_check_warns_when_free_text_names_a_catalogue_event(project: Path) -> None:
    path = project / "data/attendance/2025-26.csv"
    path.write_text(path.read_text() + "court skills for children's social workers,other,3,2,1,0\n")
    result = run_cli(project, "check")
    assert result.returncode == 0, result.stderr
    line = len(path.read_text().splitlines())
    assert (
        f"data/attendance/2025-26.csv:{line}:1: warning: event: 'court skills for children's social workers' is the catalogue's "
        "event court-skills-2026-04, written as free text, so its counts are not joined to the event; write court-skills-2026-04 instead"
    ) in result.stdout
    assert "1 warning: probably typing mistakes" in result.stdout


@pytest.mark.slow
def test_import_accepts_its_suggestions_after_showing_them(project: Path) -> None:
    drop_attendance_rows(project, "2025-26", EXPORT_EVENTS)
    result = import_export(project, "--accept-suggestions")
    assert result.returncode == 0, result.stdout + result.stderr
    out = result.stdout
    shown = out.index('  "Riverside Childrens Services": riverside-children   # probably; 5 bookings')
    added = out.index('Added to data/import.yml:\n  under organisations:\n    "Riverside Childrens Services": riverside-children\n')
    assert shown < added < out.index("Counted again with them.") < out.index("Wrote data/attendance/2025-26.csv")
    settings = (project / "data/import.yml").read_text()
    assert '  "Downsford CC": downsford-children\n  "Riverside Childrens Services": riverside-children\n' in settings
    assert "Locum agency" not in settings, "only the suggestions marked probably are added"
    rows = attendance(project)
    assert sum(int(r["booked"]) for r in rows if r["event"] == "strengths-based-practice-2026-03" and r["partner"] == "unknown") < 6
    assert problems(project) == []


@pytest.mark.slow
def test_import_knows_other_names_for_columns_and_counts_in_words(project: Path, tmp_path: Path) -> None:
    drop_attendance_rows(project, "2025-26", EXPORT_EVENTS)
    lines = EXPORT.read_text(encoding="utf-8").splitlines()
    for name in ("Company", "Organisation name"):
        export = tmp_path / f"{name}.csv"
        export.write_text("\n".join([lines[0].replace("Organisation", name), *lines[1:]]) + "\n")
        result = import_export(project, "--dry-run", export=export)
        assert result.returncode == 0, result.stderr
        assert f"organisation from '{name}'" in result.stdout
    one = tmp_path / "one.csv"
    one.write_text(
        lines[0] + "\n" + lines[1].replace("Riverside Borough Council Children's Services", "Riverside Childrens Services") + "\n"
    )
    result = import_export(project, "--dry-run", export=one)
    assert "Read 1 booking from one.csv" in result.stdout
    assert "1 booking named 1 organisation not mapped to a partner; it is counted as unknown until you map it." in result.stdout
    assert "1 bookings" not in result.stdout and "1 rows" not in result.stdout


@pytest.mark.slow
def test_import_handles_windows_encodings_and_byte_order_marks(project: Path, tmp_path: Path) -> None:
    drop_attendance_rows(project, "2025-26", EXPORT_EVENTS)
    text = EXPORT.read_text(encoding="utf-8").replace("Harbour Family Trust", "Harbour Family Trust").replace("Locum agency", "Café Locums")
    legacy = tmp_path / "legacy.csv"
    legacy.write_bytes(text.encode("cp1252"))
    result = import_export(project, "--dry-run", export=legacy)
    assert result.returncode == 0, result.stderr
    assert "(Windows-1252)" in result.stdout and '"Café Locums": other' in result.stdout
    assert "Dry run" in result.stdout
    bom = tmp_path / "bom.csv"
    bom.write_bytes(b"\xef\xbb\xbf" + EXPORT.read_bytes())
    result = import_export(project, "--dry-run", export=bom)
    assert "Read 80 bookings from bom.csv (UTF-8)." in result.stdout


@pytest.mark.slow
def test_import_says_which_column_is_missing(project: Path, tmp_path: Path) -> None:
    drop_attendance_rows(project, "2025-26", EXPORT_EVENTS)
    header, *rows = list(csv.reader(EXPORT.open(encoding="utf-8")))
    column = header.index("Organisation")
    header[column] = "Workplace"
    # A column import.yml does not name, with nothing in it to recognise it by: missing.
    export = tmp_path / "renamed.csv"
    with export.open("w", encoding="utf-8", newline="") as out:
        csv.writer(out).writerows([header, *([*row[:column], "", *row[column + 1 :]] for row in rows)])
    result = import_export(project, export=export)
    assert result.returncode == 1
    assert (
        "The export has no column for the attendee's organisation ('organisation'): looked for 'Organisation', 'Organization'"
        in result.stderr
    )
    assert "Its columns are: Order #, Order Date" in result.stderr
    assert "under 'columns:' in data/import.yml" in result.stderr
    # Named in import.yml, it is read without being weighed.
    with export.open("w", encoding="utf-8", newline="") as out:
        csv.writer(out).writerows([header, *rows])
    settings = project / "data/import.yml"
    settings.write_text(settings.read_text().replace("organisation: [Organisation,", "organisation: [Workplace, Organisation,"))
    result = import_export(project, export=export)
    assert result.returncode == 0, result.stderr
    assert "organisation from 'Workplace'" in result.stdout and "booking question" not in result.stdout


def test_import_settings_are_checked(project: Path) -> None:
    settings = project / "data/import.yml"
    settings.write_text(settings.read_text().replace('"RBC Adults": riverside-adults', '"RBC Adults": riverside-adult'))
    found = problems(project)
    assert any(
        p.startswith("data/import.yml:") and "'riverside-adult' is not a partner id (did you mean riverside-adults?)" in p for p in found
    ), found


QUESTIONS = ROOT / "tests/fixtures/eventbrite-booking-questions.csv"
"""A realistic Eventbrite attendee report: the organisation is the booking question "Which organisation do you work for?",
beside Eventbrite's own columns, a phone number, and other questions (the team, access needs, diet, how they heard)."""


@pytest.mark.slow
def test_import_finds_the_organisation_in_a_booking_question(project: Path) -> None:
    drop_attendance_rows(project, "2025-26", EXPORT_EVENTS)
    result = import_export(project, export=QUESTIONS)
    assert result.returncode == 0, result.stdout + result.stderr
    out = result.stdout
    assert "organisation from 'Which organisation do you work for?'" in out
    assert (
        "The organisation is in the booking question 'Which organisation do you work for?', which import.yml does not name: "
        "taken because its name asks for an organisation; 65 of 72 answers name partners or organisations import.yml knows."
    ) in out
    # The same bookings as the export with an Organisation column: counted the same.
    rows = attendance(project)
    assert_counted_by_hand(rows)
    written = (project / "data/attendance/2025-26.csv").read_text() + (project / "data/attendance/2025-26.imports.yml").read_text()
    for word in ("07700", "Child Protection", "Vegan", "Testwood", "@"):
        assert word not in written, word
    assert problems(project) == []


@pytest.mark.slow
def test_import_never_suggests_a_personal_column(project: Path, tmp_path: Path) -> None:
    """The issue's export once got "(is it 'Last Name'?)": a column of names is never suggested, nor taken."""
    drop_attendance_rows(project, "2025-26", EXPORT_EVENTS)
    rows = list(csv.reader(QUESTIONS.open(encoding="utf-8")))
    where = rows[0].index("Which organisation do you work for?")
    export = tmp_path / "no-organisation.csv"
    with export.open("w", encoding="utf-8", newline="") as out:
        csv.writer(out).writerows([row[:where] + row[where + 1 :] for row in rows])
    result = import_export(project, export=export)
    assert result.returncode == 1
    assert "The export has no column for the attendee's organisation ('organisation')" in result.stderr
    for personal in ("First Name", "Last Name", "Email", "Mobile Phone", "Attendee #"):
        assert f"(is it '{personal}'?)" not in result.stderr, personal
    assert not (project / "data/attendance/2025-26.imports.yml").exists()


@pytest.mark.slow
def test_import_refuses_rather_than_write_nothing(project: Path, tmp_path: Path) -> None:
    drop_attendance_rows(project, "2025-26", EXPORT_EVENTS)
    before = (project / "data/attendance/2025-26.csv").read_bytes()
    settings = project / "data/import.yml"
    text = settings.read_text()
    # Following a hint to a column of names: every row would carry a person's name, so none is read.
    settings.write_text(text.replace("organisation: [Organisation,", "organisation: [Last Name, Organisation,"))
    result = import_export(project)
    assert result.returncode == 1, result.stdout
    assert "Nothing was written: no booking in eventbrite-attendees.csv could be counted (80 rows read; 80 rows could not be read" in (
        result.stderr
    )
    assert "Wrote" not in result.stdout
    # A column that names no organisation anyone knows (job titles): refused, naming the column and its answers.
    settings.write_text(text.replace("organisation: [Organisation,", "organisation: [Job title, Organisation,"))
    result = import_export(project)
    assert result.returncode == 1, result.stdout
    assert "none of the 78 bookings names an organisation the partnership knows in the column 'Job title'" in result.stderr
    assert "'Social worker'" in result.stderr
    # An export with a header and no bookings.
    settings.write_text(text)
    empty = tmp_path / "empty.csv"
    empty.write_text(EXPORT.read_text(encoding="utf-8").splitlines()[0] + "\n")
    result = import_export(project, export=empty)
    assert result.returncode == 1 and "Nothing was written: no booking in empty.csv could be counted (0 rows read)" in result.stderr
    assert (project / "data/attendance/2025-26.csv").read_bytes() == before
    assert not (project / "data/attendance/2025-26.imports.yml").exists()
