"""The editing commands, used as communications staff would: questions, booking exports, new files."""

from __future__ import annotations

import csv
import io
import os
import subprocess
import sys
from collections import Counter
from pathlib import Path

import yaml

from conftest import NOW, ROOT, problems, run_cli

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


def test_new_event_by_questions_checks_every_answer(project: Path) -> None:
    result = answer(
        project,
        ["new", "event"],
        [
            "Safer Recruitment for Panels",
            "How to run values-based interviews.",
            "workshp",
            "1",  # a typo, then the number
            "5",  # University of Riverside
            "nqsw",
            "2, 4",  # a shortened id, then numbers (nqsw-asye, early-career)
            "3",  # both services
            "in-person",
            "Riverside Civic Centre, Room 2",
            "2027-13-01",
            "2027-05-12",
            "9:30-4:30",
            "09:30-16:30",
            "y",
            "2027-05-19",
            "09:30-12:30",
            "n",
            "20",
            "www.example.org",
            "https://bookings.example.org/safer",
            "Free",
            "2, knowledge",
            "1",
            "",
            "recruitment",
            "y",
        ],
    )
    assert result.returncode == 0, result.stdout + result.stderr
    out = result.stdout
    assert "'workshp' is not one of the choices. Did you mean workshop?" in out
    assert "'nqsw' is not one of the choices. Did you mean nqsw-asye?" in out
    assert "'2027-13-01' is not a date; write it as YYYY-MM-DD" in out
    assert "the end must be after the start (use the 24-hour clock: 4:30pm is 16:30)" in out
    assert "'www.example.org' is not a web address" in out
    path = project / "data/events/2027-28/safer-recruitment-for-panels-2027-05.yml"
    assert path.is_file()
    data = yaml.safe_load(path.read_text())
    assert data["type"] == "workshop" and data["provider"] == "university-of-riverside"
    assert data["audience"] == ["nqsw-asye", "early-career"] and data["services"] == ["children", "adults"]
    # In May 2027 the child and family KSS no longer apply: the question offers the early career standards.
    assert "Which ECS (children) areas?" in out and "KSS (children)" not in out
    assert data["frameworks"] == ["pcf:values-ethics", "pcf:knowledge", "cf-early-career:anti-discriminatory-practice"]
    assert [str(s["start"]) for s in data["sessions"]] == ["2027-05-12T09:30", "2027-05-19T09:30"]
    assert path.read_text().startswith("# yaml-language-server: $schema=../../../schema/event.schema.json")
    assert problems(project) == []
    assert "It will be published at /events/safer-recruitment-for-panels-2027-05/." in out


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
        "2027-06-09 09:30-12:30",
    )
    assert again.returncode == 0 and (project / "data/events/2027-28/court-skills-refresher-2027-06-2.yml").is_file()
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
    built = run_cli(project, "build", "--no-pdf")
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


def test_import_attendance_counts_and_keeps_nothing_personal(project: Path) -> None:
    result = run_cli(project, "import-attendance", str(EXPORT), "--year", "2025-26")
    assert result.returncode == 0, result.stdout + result.stderr
    out = result.stdout
    assert "Read 80 bookings from eventbrite-attendees.csv (UTF-8)." in out
    assert "none were written anywhere" in out
    assert "Ignored 2 duplicate bookings" in out
    assert '"Riverside Childrens Services" (5) - probably riverside-children' in out
    assert '"Locum agency" (1)' in out
    assert '3 events: 2 found in the catalogue, 1 kept by the name in the export: "Annual Conference 2025".' in out
    written = (project / "data/attendance/2025-26.csv").read_text()
    rows = list(csv.DictReader(io.StringIO(written)))
    expected = expected_counts()
    imported = [r for r in rows if r["event"] in {e for e, _, _ in expected}]
    for row in imported:
        for column in ("booked", "attended", "cancelled", "no_show"):
            assert int(row[column]) == expected[(row["event"], row["partner"], column)], (row, column)
    assert sum(int(r["booked"]) for r in imported) == 78
    for word in ("@", "example.org", "Testwood", "Mei", "Email", "First Name"):
        assert word not in written, word
    kept = [r for r in rows if r["event"] == "neurodivergent-parents-2025-12"]
    assert kept, "rows for other events in the year's file are kept"
    assert problems(project) == []


def test_import_handles_windows_encodings_and_byte_order_marks(project: Path, tmp_path: Path) -> None:
    text = EXPORT.read_text(encoding="utf-8").replace("Harbour Family Trust", "Harbour Family Trust").replace("Locum agency", "Café Locums")
    legacy = tmp_path / "legacy.csv"
    legacy.write_bytes(text.encode("cp1252"))
    result = run_cli(project, "import-attendance", str(legacy), "--year", "2025-26", "--dry-run")
    assert result.returncode == 0, result.stderr
    assert "(Windows-1252)" in result.stdout and '"Café Locums" (1)' in result.stdout
    assert "Dry run" in result.stdout
    bom = tmp_path / "bom.csv"
    bom.write_bytes(b"\xef\xbb\xbf" + EXPORT.read_bytes())
    result = run_cli(project, "import-attendance", str(bom), "--year", "2025-26", "--dry-run")
    assert "Read 80 bookings from bom.csv (UTF-8)." in result.stdout


def test_import_says_which_column_is_missing(project: Path, tmp_path: Path) -> None:
    text = EXPORT.read_text(encoding="utf-8").replace("Organisation", "Employer", 1)
    export = tmp_path / "renamed.csv"
    export.write_text(text)
    result = run_cli(project, "import-attendance", str(export), "--year", "2025-26")
    assert result.returncode == 1
    assert "The export has no column 'Organisation'. Its columns are: Order #, Order Date" in result.stderr
    assert "under 'columns:' in data/import.yml" in result.stderr
    settings = project / "data/import.yml"
    settings.write_text(settings.read_text().replace("organisation: Organisation", "organisation: Employer"))
    result = run_cli(project, "import-attendance", str(export), "--year", "2025-26")
    assert result.returncode == 0, result.stderr


def test_import_settings_are_checked(project: Path) -> None:
    settings = project / "data/import.yml"
    settings.write_text(settings.read_text().replace('"RBC Adults": riverside-adults', '"RBC Adults": riverside-adult'))
    found = problems(project)
    assert any(
        p.startswith("data/import.yml:") and "'riverside-adult' is not a partner id (did you mean riverside-adults?)" in p for p in found
    ), found
