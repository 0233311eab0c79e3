"""Accountability views: the logic model, objectives and recommendations over the years, partner pages."""

from __future__ import annotations

import csv
import subprocess
from pathlib import Path

import lxml.html
import pytest
import yaml

from conftest import ROOT, build_site, problems

MODEL = yaml.safe_load((ROOT / "data/logic-model/2024-26.yml").read_text())
REPORTS = {year: yaml.safe_load((ROOT / f"data/reports/{year}.yml").read_text()) for year in ("2024-25", "2025-26")}


def shown(text: str, year: str) -> str:
    """``text`` from a report's file as the site shows it: figures quoted by reference ({{ measure:<id> }}) filled in."""
    from partnership.core.load import load_dataset
    from partnership.core.present.quotes import with_figures
    from partnership.core.views.reports import partner_names

    dataset = load_dataset(ROOT / "data", ROOT / "content")
    report = dataset.report(year)
    assert report is not None
    return with_figures(text, report, dataset, partner_names(dataset))


def page(built: Path, url: str) -> lxml.html.HtmlElement:
    return lxml.html.fromstring((built / url / "index.html").read_text())


def text(element) -> str:
    return " ".join(element.text_content().split())


def words(element) -> str:
    """Text with a space wherever the markup breaks a line (as a reader hears it)."""
    return " ".join(" ".join(element.itertext()).split())


def test_logic_model_page_is_a_diagram_of_lists(built: Path) -> None:
    tree = page(built, "strategy/2024-26")
    columns = [text(h) for h in tree.xpath('//div[@class="cpd-logic"]/section/h3')]
    assert columns == ["Inputs", "Activities", "Outputs", "Outcomes", "Impact"]
    for column in ("inputs", "activities", "outputs", "outcomes", "impact"):
        titles = [text(p) for p in tree.xpath(f'//section[@aria-labelledby="lm-2024-26-{column}"]//p[@class="cpd-logic__title"]')]
        assert titles == [item["title"] for item in MODEL[column]]
    funding = tree.xpath('//li[@id="lm-2024-26-funding"]')[0]
    assert [a.get("href") for a in funding.xpath('.//p[@class="cpd-logic__leads"]/a')] == [
        "#lm-2024-26-cpd-programme",
        "#lm-2024-26-practice-education",
        "#lm-2024-26-early-career-offer",
    ]
    assert "(£452,000 (2025-26))" in text(funding)
    peps = tree.xpath('//li[@id="lm-2024-26-practice-education"]//a[contains(@href, "?keyword=peps")]')[0]
    expected = sum(1 for p in (ROOT / "data/events").rglob("*.yml") if "peps" in (yaml.safe_load(p.read_text()).get("tags") or []))
    assert text(peps) == f"{expected} events tagged peps"


def test_objectives_year_by_year(built: Path) -> None:
    tree = page(built, "strategy/2024-26")
    rows = tree.xpath('//table[contains(@class, "cpd-objectives-over-time")]/tbody/tr')
    assert len(rows) == len(MODEL["objectives"])
    for row, objective in zip(rows, MODEL["objectives"], strict=False):
        cells = row.xpath("./th|./td")
        assert text(cells[0]) == objective["title"]
        for cell, year in zip(cells[2:], ("2024-25", "2025-26"), strict=False):
            update = REPORTS[year]["objectives"][objective["id"]]
            assert words(cell) == f"{update['status'].capitalize()} {shown(update['evidence'], year)}"


def test_recommendations_and_what_became_of_them(built: Path) -> None:
    tree = page(built, "strategy/recommendations")
    for recommendation in REPORTS["2024-25"]["recommendations"]:
        item = tree.xpath(f'//li[@id="{recommendation["id"]}"]')[0]
        follow_up = REPORTS["2025-26"]["follow_ups"][recommendation["id"]]
        assert f"Latest: {follow_up['status'].capitalize()}" in text(item)
        assert f"2025-26: {follow_up['status'].capitalize()}. {shown(follow_up['note'], '2025-26')}" in text(item)
    for recommendation in REPORTS["2025-26"]["recommendations"]:
        assert "Latest: Awaiting the next report" in text(tree.xpath(f'//li[@id="{recommendation["id"]}"]')[0])


@pytest.mark.slow
def test_a_forgotten_recommendation_is_shown(project: Path) -> None:
    report = project / "data/reports/2025-26.yml"
    report.write_text(
        report.read_text().replace('  r2425-website: {status: done, note: "This website replaced the e-mailed PDFs in July 2026."}\n', "")
    )
    result = build_site(project, "--no-pdf")
    assert result.returncode == 0, result.stderr
    item = lxml.html.fromstring((project / "site/strategy/recommendations/index.html").read_text()).xpath('//li[@id="r2425-website"]')[0]
    assert "Latest: No update in 2025-26" in text(item)
    assert "2025-26: No update in that report." in text(item)


@pytest.mark.poppler
def test_report_shows_objectives_follow_ups_and_the_logic_model(built: Path) -> None:
    tree = page(built, "reports/2025-26")
    placements = tree.xpath('//table[caption[starts-with(., "Placements & Practice Education: objectives")]]')[0]
    assert [text(r.xpath("./th")[0]) for r in placements.xpath("./tbody/tr")] == [
        o["title"] for o in MODEL["objectives"] if o["area"] == "placements"
    ]
    assert "Embedded" in text(placements)
    workforce = tree.xpath('//table[caption[starts-with(., "Recruitment, Retention & Workforce Development: what became")]]')[0]
    assert "Monthly non-attendance lists started in October 2025" in text(workforce)
    general = tree.xpath('//h2[@id="earlier-recommendations"]/following-sibling::div[1]//tbody/tr')
    assert [text(r.xpath("./th")[0]) for r in general] == [REPORTS["2024-25"]["recommendations"][3]["text"]]
    assert next(text(li) for li in tree.xpath('//h2[@id="recommendations"]/following-sibling::ol[1]/li')).startswith(
        REPORTS["2025-26"]["recommendations"][0]["text"]
    )
    assert tree.xpath('//h2[@id="logic-model"]') and tree.xpath('//div[@class="cpd-logic"]')
    pdf = subprocess.run(["pdftotext", str(built / "reports/2025-26/report.pdf"), "-"], capture_output=True, text=True, check=True).stdout
    flat = " ".join(pdf.split())
    assert "Appendix: logic model 2024-26" in flat and "Progress on earlier recommendations" in flat
    assert "This website replaced the e-mailed PDFs in July 2026." in flat


def partner_counts(partner: str, year: str) -> tuple[int, int]:
    rows = list(csv.DictReader((ROOT / f"data/attendance/{year}.csv").open()))
    mine = [r for r in rows if r["partner"] == partner]
    return sum(int(r["booked"]) for r in mine), sum(int(r["attended"]) for r in mine)


@pytest.mark.parametrize("partner", [p["id"] for p in yaml.safe_load((ROOT / "data/partners.yml").read_text())])
def test_partner_pages(built: Path, partner: str) -> None:
    tree = page(built, f"partners/{partner}")
    rows = {
        text(r.xpath("./th")[0]): [text(c) for c in r.xpath("./td")]
        for r in tree.xpath('//h2[@id="attendance"]/following-sibling::div[1]//tbody/tr')
    }
    for year in ("2024-25", "2025-26"):
        booked, attended = partner_counts(partner, year)
        assert rows[year][:2] == [f"{booked:,}", f"{attended:,}"]
    for year in ("2024-25", "2025-26"):
        assert (built / f"partners/{partner}/{year}.pdf").is_file()


@pytest.mark.poppler
def test_partner_summary_pdf(built: Path) -> None:
    booked, attended = partner_counts("riverside-children", "2025-26")
    pdf = built / "partners/riverside-children/2025-26.pdf"
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout
    assert "Pages:           1" in info and "Tagged:          yes" in info
    flat = " ".join(subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout.split())
    assert (
        f"{booked} bookings on partnership CPD by Riverside Borough Council Children's Services staff, of which {attended} attended" in flat
    )
    assert "Statutory placements offered, by partner council: 37" in flat


@pytest.mark.parametrize(
    "edit,expected",
    [
        (
            ("data/logic-model/2024-26.yml", "leads_to: [well-matched-students]", "leads_to: [well-matched-student]"),
            "data/logic-model/2024-26.yml:34:16: leads_to: 'well-matched-student' is not an item of this logic model (did you mean well-matched-students?)",
        ),
        (
            ("data/reports/2025-26.yml", "r2425-courses-income: {status: done", "r2425-course-income: {status: done"),
            "data/reports/2025-26.yml:59:3: follow_ups: 'r2425-course-income' is not a recommendation of an earlier report (did you mean r2425-courses-income?)",
        ),
        (
            ("data/reports/2025-26.yml", "grow-our-own: {status: on track", "grow-our-own: {status: going well"),
            "data/reports/2025-26.yml:51:26: objectives.grow-our-own.status: 'going well' is not allowed here; allowed: embedded, on track, some progress, not started",
        ),
        (
            ("data/reports/2024-25.yml", "  cpd-attendance-75: {status", "  cpd-attendance: {status"),
            "data/reports/2024-25.yml:33:3: objectives: 'cpd-attendance' is not one of the 2024-26 logic model's objectives (did you mean cpd-attendance-75?)",
        ),
        (
            ("data/logic-model/2024-26.yml", "    area: income", "    area: money"),
            "data/logic-model/2024-26.yml:105:11: area: 'money' is not a metrics area in data/metrics/",
        ),
    ],
)
def test_strategy_rules(project: Path, edit: tuple[str, str, str], expected: str) -> None:
    path, old, new = edit
    target = project / path
    assert old in target.read_text()
    target.write_text(target.read_text().replace(old, new, 1))
    found = problems(project)
    assert any(p.startswith(expected) for p in found), "\n".join(found)
