"""Annual reports, built for real: the shared fixture's table cell by cell, the appendix, CSVs and the PDF."""

from __future__ import annotations

import csv
import io
import re
import shutil
import subprocess
from pathlib import Path

import lxml.html
import pikepdf
import pytest
import yaml

from conftest import ROOT, SHARED, shared_build

FIXTURE = SHARED / "fixtures" / "admissions-2021-22.yml"

REPORT = """\
year: 2021-22
title: "2021-22 Progress Report: Evaluating Our Success"
period: {start: 2021-04-01, end: 2022-03-31}
baseline: 2017-18
sections:
  - title: Admissions & Curriculum
    metrics: admissions
attendance: attendance/2021-22.csv
"""

# A learning and development appendix as a partnership published it: 1,382
# bookings, 796 attended, 57.60% attendance. Expected cells worked out by hand
# from these rows (each % of bookings, rounded half up to two decimals).
ROWS = {
    "riverside-children": (412, 251, 61, 50),
    "riverside-adults": (268, 161, 42, 39),
    "downsford-children": (195, 104, 37, 41),
    "downsford-adults": (143, 79, 24, 28),
    "university-of-riverside": (88, 61, 12, 9),
    "hartwell-council": (97, 47, 18, 23),
    "harbour-family-trust": (54, 30, 9, 11),
    "riverside-downs-nhs": (61, 31, 10, 14),
    "other": (45, 22, 8, 11),
    "unknown": (19, 10, 2, 4),
}
APPENDIX = [
    ["Riverside Borough Council Children's Services", "412", "251", "161", "60.92%", "39.08%", "14.81%", "12.14%"],
    ["Riverside Borough Council Adult Social Care", "268", "161", "107", "60.07%", "39.93%", "15.67%", "14.55%"],
    ["Downsford County Council Children and Families", "195", "104", "91", "53.33%", "46.67%", "18.97%", "21.03%"],
    ["Downsford County Council Adults and Health", "143", "79", "64", "55.24%", "44.76%", "16.78%", "19.58%"],
    ["University of Riverside", "88", "61", "27", "69.32%", "30.68%", "13.64%", "10.23%"],
    ["Hartwell Borough Council", "97", "47", "50", "48.45%", "51.55%", "18.56%", "23.71%"],
    ["Downs Valley University", "0", "0", "0", "–", "–", "–", "–"],
    ["Harbour Family Trust", "54", "30", "24", "55.56%", "44.44%", "16.67%", "20.37%"],
    ["Riverside and Downs NHS Foundation Trust", "61", "31", "30", "50.82%", "49.18%", "16.39%", "22.95%"],
    ["Oakleaf Care Partnership", "0", "0", "0", "–", "–", "–", "–"],
    ["Carers' Voice Riverside", "0", "0", "0", "–", "–", "–", "–"],
    ["Other", "45", "22", "23", "48.89%", "51.11%", "17.78%", "24.44%"],
    ["Unknown", "19", "10", "9", "52.63%", "47.37%", "10.53%", "21.05%"],
    ["Overall", "1,382", "796", "586", "57.60%", "42.40%", "16.14%", "16.64%"],
]

# The fixture's measure table as the report must show it: every cell, in order.
FIXTURE_TABLE = [
    ["% of students with 120+ UCAS points", "52%", "76%", "85%", "89%", "No data", "", "", "Up 4 points (better)"],
    ["Average (mean) UCAS points", "123.1", "131.8", "139.62", "139.95", "No data", "", "", "Up 0.33 (better)"],
    [
        "First time pass % Readiness for Direct Practice module",
        "71%",
        "90%",
        "94% (BA) 100% (MSW)",
        "71% (BA) 89% (MSW)",
        "No data",
        "At least 78% (Original partnership target)",
        "Not met (2020-21)",
        "",
    ],
    [
        "% NQSW posts offered to Kingston University graduates (AfC and Sutton average)",
        "12%",
        "29%",
        "47%",
        "45%",
        "No data",
        "",
        "",
        "Down 2 points (worse)",
    ],
    ["% students graduating with 2:1 or a 1st (BA)", "44%", "78%", "59%", "62%", "No data", "", "", "Up 3 points (better)"],
    [
        "% of students graduating with distinction or commendation (MSW)",
        "76%",
        "81%",
        "87%",
        "91%",
        "No data",
        "",
        "",
        "Up 4 points (better)",
    ],
    ["% of BA students progressing from Level 4 to Level 5", "77%", "85%", "87%", "88%", "No data", "", "", "Up 1 point (better)"],
]


def with_the_fixture(project: Path) -> None:
    """The shared fixture as the admissions area, and a 2021-22 report with a published attendance table."""
    shutil.copy(FIXTURE, project / "data/metrics/admissions.yml")
    # the example logic model measures a panel figure the real table does not have
    model = project / "data/logic-model/2024-26.yml"
    model.write_text(model.read_text().replace("measures: [lived-experience-panels]", "measures: []"))
    (project / "data/reports/2021-22.yml").write_text(REPORT)
    lines = ["event,partner,booked,attended,cancelled,no_show"]
    lines += [f"Event {i},{partner},{b},{a},{c},{n}" for i, (partner, (b, a, c, n)) in enumerate(ROWS.items())]
    (project / "data/attendance/2021-22.csv").write_text("\n".join(lines) + "\n")
    # bookings and attendance are computed from the attendance files: 2021-22 now has one, so its typed figures go
    workforce = project / "data/metrics/workforce.yml"
    workforce.write_text(workforce.read_text().replace("{2021-22: 1021, ", "{").replace("{2021-22: 61.2, ", "{"))


@pytest.fixture(scope="module")
def fixture_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The example project with the shared fixture as its admissions area and a 2021-22 report, built once."""
    project, result = shared_build(tmp_path_factory, "fixture", with_the_fixture)
    assert result.returncode == 0, result.stdout + result.stderr
    return project / "site"


def cells(table: lxml.html.HtmlElement) -> list[list[str]]:
    return [[" ".join(cell.text_content().split()) for cell in row.xpath("./th|./td")] for row in table.xpath("./tbody/tr")]


def strip_note_marks(row: list[str]) -> list[str]:
    return [re.sub(r"(?<=[%\d)])\d$", "", cell) for cell in row]


@pytest.mark.slow
def test_fixture_table_cell_by_cell(fixture_site: Path) -> None:
    page = lxml.html.fromstring((fixture_site / "reports/2021-22/index.html").read_text())
    table = page.xpath('//table[contains(@class, "cpd-measures")]')[0]
    header = [" ".join(th.text_content().split()) for th in table.xpath("./thead/tr/th")]
    assert header == [
        "Measure",
        "2017-18 (Baseline)",
        "2018-19",
        "2019-20",
        "2020-21",
        "2021-22",
        "Target",
        "Status",
        "Change on the year before",
    ]
    assert cells(table) == FIXTURE_TABLE
    # status is a word with a class, never colour alone
    status = table.xpath('.//span[contains(@class, "cpd-judgement")]')[0]
    assert status.text_content() == "Not met" and "cpd-judgement--not-met" in status.get("class")


@pytest.mark.slow
def test_fixture_csv(fixture_site: Path) -> None:
    rows = list(csv.DictReader(io.StringIO((fixture_site / "reports/2021-22/data/admissions.csv").read_text(encoding="utf-8"))))
    fixture = yaml.safe_load(FIXTURE.read_text())
    assert list(rows[0]) == ["area", "measure_id", "measure", "unit", "year", "cohort", "value", "text", "note", "cohort_name"]
    split = [r for r in rows if r["measure_id"] == "rdp-first-time-pass" and r["year"] == "2019-20"]
    assert [(r["cohort"], r["value"], r["text"]) for r in split] == [("BA", "94", "94%"), ("MSW", "100", "100%")]
    mean = {r["year"]: r["value"] for r in rows if r["measure_id"] == "mean-ucas"}
    assert mean == {"2017-18": "123.1", "2018-19": "131.8", "2019-20": "139.62", "2020-21": "139.95", "2021-22": ""}
    missing = [r for r in rows if r["year"] == "2021-22"]
    assert len(missing) == len(fixture["measures"]) and all(r["text"] == "No data" for r in missing)


@pytest.mark.slow
def test_appendix_reproduces_a_published_table(fixture_site: Path) -> None:
    page = lxml.html.fromstring((fixture_site / "reports/2021-22/index.html").read_text())
    table = page.xpath('//table[contains(@class, "cpd-attendance")]')[0]
    header = [" ".join(th.text_content().split()) for th in table.xpath("./thead/tr/th")]
    assert header == [
        "Partner",
        "Bookings",
        "Attendance",
        "Non-attendance",
        "% attendance",
        "% non-attendance",
        "% cancelled",
        "% no shows",
    ]
    assert cells(table) == APPENDIX
    data = list(csv.DictReader(io.StringIO((fixture_site / "reports/2021-22/data/attendance.csv").read_text())))
    overall = next(r for r in data if r["group"] == "overall")
    assert (overall["bookings"], overall["attendance"], overall["attendance_percent"]) == ("1382", "796", "57.60")


def test_appendix_by_type_of_event_only_when_bookings_name_catalogue_events(built: Path) -> None:
    """2025-26's bookings name catalogue events, so the appendix breaks them down by type;
    2024-25's name none (events kept outside the catalogue), so a table by type would
    only repeat the overall row, and it is left out along with its mention."""
    event_ids = {p.stem for p in (ROOT / "data/events").rglob("*.yml")}
    for year in ("2024-25", "2025-26"):
        bookings = list(csv.DictReader((ROOT / f"data/attendance/{year}.csv").open(encoding="utf-8")))
        named = [b for b in bookings if b["event"] in event_ids]
        page = lxml.html.fromstring((built / f"reports/{year}/index.html").read_text())
        by_type = page.xpath(
            '//table[contains(@class, "cpd-attendance")][caption[starts-with(., "Bookings and attendance by type of event")]]'
        )
        intro = " ".join(page.xpath('//h2[@id="learning-and-development"]/following-sibling::p[1]')[0].text_content().split())
        if named:
            assert len(by_type) == 1, year
            assert "by partner and by type of event." in intro
            shown = {row[0]: row for row in cells(by_type[0])}
            assert shown["Overall"][1] == f"{sum(int(b['booked']) for b in bookings):,}"
            outside = sum(int(b["booked"]) for b in bookings if b["event"] not in event_ids)
            assert shown["Not in the catalogue"][1] == f"{outside:,}"
        else:
            assert by_type == [], year
            assert "by partner." in intro and "type of event" not in intro


def test_example_report_page(built: Path) -> None:
    page = lxml.html.fromstring((built / "reports/2025-26/index.html").read_text())
    text = page.text_content()
    assert "Of the measures with targets, in the latest year with figures: 9 met, 2 not met" in " ".join(text.split())
    placements = page.xpath('//h2[@id="placements-practice-education"]')[0]
    assert placements.text_content() == "Placements & Practice Education"
    rows = {r[0]: r for r in cells(page.xpath('//table[contains(@class, "cpd-measures")][caption[starts-with(., "Placements")]]')[0])}
    independent = rows["% of independent PEs used annually"]
    assert independent[1:6] == ["18%", "22%1", "17%", "14%", "12%"]
    assert independent[6:] == ["No more than 20% (DfE)", "Met (2025-26)", "Down 2 points (better)"]
    breakdowns = rows["% of placements ending early"]
    assert breakdowns[3] == "[x]2" and breakdowns[-2:] == ["Not met (2025-26)", "Up 0.8 points (worse)"]
    notes = page.xpath('//ol[@class="cpd-notes"]')[1]
    assert notes.xpath("./li")[0].get("id") == "placements-practice-education-note-1"
    # the PDF link gives the size of the file
    link = page.xpath('//a[@href="report.pdf"]')[0].text_content()
    size = (built / "reports/2025-26/report.pdf").stat().st_size
    assert f"(PDF, {round(size / 1024):,} KB)" in link
    for area in ("admissions", "placements", "workforce", "income", "reputation"):
        assert (built / f"reports/2025-26/data/{area}.csv").is_file()


def test_charts_state_the_finding_and_carry_text(built: Path) -> None:
    page = lxml.html.fromstring((built / "reports/2025-26/index.html").read_text())
    figures = page.xpath('//figure[@class="cpd-chart-figure"]')
    assert figures
    captions = [f.xpath("./figcaption")[0].text_content() for f in figures]
    assert "% of independent PEs used annually: rose from 18% in 2021-22 to 12% in 2025-26." not in captions
    assert "% of independent PEs used annually: fell from 18% in 2021-22 to 12% in 2025-26." in captions
    svg = figures[captions.index("% of independent PEs used annually: fell from 18% in 2021-22 to 12% in 2025-26.")].xpath(
        "./*[local-name()='svg']"
    )[0]
    assert svg.get("role") == "img"
    _title_id, desc_id = svg.get("aria-labelledby").split()
    desc = svg.xpath(f"//*[@id='{desc_id}']")[0].text_content()
    assert desc.startswith("% of independent PEs used annually: 2021-22 18%, 2022-23 22%, 2023-24 17%, 2024-25 14%, 2025-26 12%.")
    assert "Target: No more than 20% (DfE), met in 2025-26." in desc
    texts = [t.text_content() for t in svg.xpath(".//*[local-name()='text']")]
    assert "2025-26" in texts, "axis labels stay text in the SVG"
    ids = page.xpath("//@id")
    assert len(ids) == len(set(ids)), "ids must be unique on the page"
    # back where it started but not level in between (96% in 2023-24): never "stayed at"
    panels = next(c for c in captions if c.startswith("% of admissions interviews with a person with lived experience"))
    assert panels.endswith(": was 100% in 2021-22 and in 2025-26, with a low of 96% in 2023-24."), panels


def test_measure_pages_follow_a_figure_over_time(built: Path) -> None:
    page = lxml.html.fromstring((built / "reports/measures/toolkit-visits/index.html").read_text())
    rows = cells(page.xpath('//table[contains(@class, "cpd-measures")]')[0])
    assert rows[0][:6] == ["Visits to the PCF toolkit page", "[x]", "720", "910", "1,019", "2,2741"]
    reports = [a.text_content() for a in page.xpath('//h2[@id="reports"]/following-sibling::ul[1]//a')]
    assert reports == ["2025-26 Progress Report: Staying in Practice", "2024-25 Progress Report: Evaluating Our Success"]
    index = (built / "reports/index.html").read_text()
    assert index.index("2025-26 Progress Report") < index.index("2024-25 Progress Report"), "newest first"


def pdf_text(path: Path) -> str:
    return subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True).stdout


@pytest.mark.slow
@pytest.mark.poppler
def test_pdf_holds_the_same_figures(fixture_site: Path, built: Path) -> None:
    # in reading order, not laid out: a split's parts may wrap within their narrow year column
    text = " ".join(
        subprocess.run(
            ["pdftotext", str(fixture_site / "reports/2021-22/report.pdf"), "-"], capture_output=True, text=True, check=True
        ).stdout.split()
    )
    for value in ("52%", "139.62", "94% (BA)", "100% (MSW)", "At least 78%", "Not met", "57.60%", "1,382"):
        assert value in text, value
    example = pdf_text(built / "reports/2024-25/report.pdf")
    assert "57.60%" in example and "1,382 bookings" in example
    assert re.search(r"Page 3 of \d+", example)
    assert re.search(r"Admissions & Curriculum\s*\.*\s*\d+", example), "contents with page numbers"


def _walk(node: pikepdf.Object, seen: set[int] | None = None):
    seen = set() if seen is None else seen
    if isinstance(node, pikepdf.Dictionary):
        if node.objgen != (0, 0):
            if node.objgen in seen:
                return
            seen.add(node.objgen)
        yield node
        kids = node.get("/K")
        if kids is not None:
            for kid in kids if isinstance(kids, pikepdf.Array) else [kids]:
                yield from _walk(kid, seen)


def test_pdf_is_tagged_with_title_language_and_embedded_fonts(built: Path) -> None:
    with pikepdf.open(built / "reports/2025-26/report.pdf") as pdf:
        root = pdf.Root
        assert root.MarkInfo.Marked is True
        assert str(root.Lang) == "en-GB"
        assert root.ViewerPreferences.DisplayDocTitle is True
        with pdf.open_metadata() as meta:
            assert meta["dc:title"] == "2025-26 Progress Report: Staying in Practice"
            assert "pdfuaid:part" in str(meta) or meta.get("pdfuaid:part") == "1"
        roles = [str(n.get("/S")) for n in _walk(root.StructTreeRoot) if n.get("/S") is not None]
        for role in ("/H1", "/H2", "/Table", "/TH", "/TD", "/TR", "/Figure", "/L", "/LI", "/P"):
            assert role in roles, role
        figures = [n for n in _walk(root.StructTreeRoot) if str(n.get("/S")) == "/Figure"]
        assert figures and all(n.get("/Alt") for n in figures), "every figure has a text alternative"
        for page in pdf.pages:
            for font in page.Resources.get("/Font", {}).values():
                descendants = font.get("/DescendantFonts")
                descriptor = (descendants[0] if descendants else font).get("/FontDescriptor")
                assert descriptor is not None and any(k in descriptor for k in ("/FontFile", "/FontFile2", "/FontFile3")), (
                    "fonts are embedded"
                )
