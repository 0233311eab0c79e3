"""The report data of contract v2: computed attendance figures, figures quoted by reference,
decimals, suppressed values, drafts, and the report's parts, each on a real build or the loader."""

from __future__ import annotations

import csv
import io
import re
import subprocess
from pathlib import Path

import lxml.html
import pytest

from conftest import NOW_INSTANT, build_site, copy_project, load, problems, run_cli, shared_build
from test_reports import cells

pytestmark = pytest.mark.slow


def replace(project: Path, relative: str, old: str, new: str) -> None:
    path = project / relative
    text = path.read_text(encoding="utf-8")
    assert old in text, (relative, old)
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def pdf_text(path: Path) -> str:
    return " ".join(subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True, check=True).stdout.split())


def page_text(site: Path, path: str) -> str:
    return " ".join(lxml.html.fromstring((site / path).read_text(encoding="utf-8")).text_content().split())


# -- one source for every attendance figure ---------------------------------------------


@pytest.mark.poppler
def test_an_attendance_figure_cannot_differ_between_table_narrative_and_appendix(tmp_path: Path) -> None:
    """After an import changes the attendance file, the measure table, the narratives, the objectives'
    evidence, the executive summary, the appendix and the PDF all say the new figures, and none the old."""
    project = copy_project(tmp_path / "project")
    path = project / "data/attendance/2025-26.csv"
    rows = path.read_text(encoding="utf-8").splitlines()
    path.write_text("\n".join(rows[:-8]) + "\n", encoding="utf-8")  # an import with eight rows fewer
    kept = list(csv.DictReader(io.StringIO("\n".join(rows[:-8]))))
    booked = sum(int(r["booked"]) for r in kept)
    attended = sum(int(r["attended"]) for r in kept)
    from decimal import ROUND_HALF_UP, Decimal

    share = (Decimal(attended) * 100 / Decimal(booked)).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
    assert (booked, f"{share}%") != (1457, "61.84%")
    result = build_site(project)
    assert result.returncode == 0, result.stdout + result.stderr
    site = project / "site"
    page = lxml.html.fromstring((site / "reports/2025-26/index.html").read_text(encoding="utf-8"))
    table = page.xpath('//table[contains(@class, "cpd-measures")][caption[starts-with(., "Recruitment")]]')[0]
    rows_shown = {row[0]: row for row in cells(table)}
    assert rows_shown["Bookings on partnership CPD"][5] == f"{booked:,}"
    assert rows_shown["% of CPD bookings attended"][5] == f"{share}%"
    assert rows_shown["% of CPD bookings attended"][1] == "61.20%", "every year of the measure to two decimal places"
    overall = cells(page.xpath('//table[contains(@class, "cpd-attendance")]')[0])[-1]
    assert overall[:2] == ["Overall", f"{booked:,}"] and overall[4] == f"{share}%"
    text = " ".join(page.text_content().split())
    assert f"Only {share}% of the {booked:,} CPD bookings were attended" in text  # the introduction
    assert f"{share}% of bookings were attended, up from 57.60%" in text  # an objective's evidence
    assert f"CPD attendance: {share}% of {booked:,} bookings were attended" in text  # the executive summary
    printed = pdf_text(site / "reports/2025-26/report.pdf")
    for shown in (text, printed):
        assert "61.84%" not in shown and "1,457" not in shown, "the old figures are nowhere"
    assert f"Only {share}% of the {booked:,} CPD bookings were attended" in printed


def test_a_value_typed_beside_a_computed_one_is_a_located_problem(project: Path) -> None:
    replace(
        project,
        "data/metrics/workforce.yml",
        "values: {2021-22: 1021, 2022-23: 1188, 2023-24: 1276}",
        "values: {2021-22: 1021, 2022-23: 1188, 2023-24: 1276, 2025-26: 1457}",
    )
    found = problems(project)
    assert any(
        re.match(
            r"data/metrics/workforce\.yml:\d+:\d+: values\.2025-26: this measure is computed from data/attendance/2025-26\.csv \(attendance\.booked\), so its 2025-26 value cannot be typed as well",
            p,
        )
        for p in found
    ), found


def test_a_computed_figure_must_exist(project: Path) -> None:
    replace(project, "data/metrics/workforce.yml", "computed: attendance.booked", "computed: attendance.bookings")
    found = problems(project)
    assert any(
        re.match(
            r"data/metrics/workforce\.yml:\d+:\d+: .*'attendance\.bookings' is not a figure the site can compute; allowed: attendance\.booked, attendance\.attended",
            p,
        )
        for p in found
    ), found
    assert not any("in the 2025-26 report" in p for p in found), (
        "the report's references to the file's measures wait for the file to be fixed"
    )


def test_a_computed_figure_must_fit_the_unit(project: Path) -> None:
    replace(project, "data/metrics/workforce.yml", "computed: attendance.attendance_pct", "computed: attendance.attended")
    found = "\n".join(problems(project))
    assert "unit: percent does not fit computed: attendance.attended, which is a count; write unit: count" in found


def test_decimals_are_zero_to_three(project: Path) -> None:
    replace(project, "data/metrics/workforce.yml", "decimals: 2 ", "decimals: 4 ")
    found = "\n".join(problems(project))
    assert re.search(r"data/metrics/workforce\.yml:\d+:\d+: .*decimals", found), found


# -- figures quoted by reference -----------------------------------------------------------


def test_a_reference_must_name_a_figure_the_data_has(project: Path) -> None:
    narrative = "content/reports/2025-26/placements.md"
    replace(
        project,
        narrative,
        "### What we did\n",
        "### What we did\n\nWe placed {{ measure:statutory-placement }} students; {{ figure:x }}; {{ 7*7 }} stays text.\n",
    )
    replace(project, narrative, "### Impact\n", "### Impact\n\nRetention: {{ measure:retention-three-years }}.\n")
    replace(project, "data/reports/2025-26.yml", "summary: >-", "summary: >-\n  {{ attendance:bookings }}")
    found = problems(project)
    lines = (project / narrative).read_text().splitlines()
    line = next(number for number, text in enumerate(lines, 1) if "statutory-placement " in text)
    assert any(
        p.startswith(
            f"{narrative}:{line}:11: in the 2025-26 report: {{{{ measure:statutory-placement }}}}: 'statutory-placement' is not a measure (did you mean statutory-placements?)"
        )
        for p in found
    ), found
    assert any(f"{narrative}:{line}:" in p and "'figure' is not a kind of reference" in p for p in found), found
    assert not any("7*7" in p for p in found), "other text in braces stays text"
    assert any(
        "{{ measure:retention-three-years }}: the measure retention-three-years has no figure for 2025-26 yet" in p for p in found
    ), found
    assert any(
        re.match(r"data/reports/2025-26\.yml:\d+:\d+: summary: \{\{ attendance:bookings \}\}: 'bookings' is not an attendance figure", p)
        for p in found
    ), found


def test_a_draft_may_quote_a_figure_the_data_does_not_have_yet(project: Path) -> None:
    replace(project, "data/reports/2025-26.yml", "baseline: 2021-22", "baseline: 2021-22\nstatus: draft")
    replace(
        project, "content/reports/2025-26/workforce.md", "### Impact\n", "### Impact\n\nRetention: {{ measure:retention-three-years }}.\n"
    )
    assert problems(project) == []
    from partnership.core.build import SiteBuild

    build = SiteBuild(load(project), NOW_INSTANT, pdf=False, downloads=False, parallel=False, drafts=True)
    page = next(p for p in build.pages if p.url == "reports/2025-26/")
    html = build.page_html(page)
    assert "Retention: [figure not yet available: the measure retention-three-years has no figure for 2025-26 yet]." in " ".join(
        lxml.html.fromstring(html).text_content().split()
    )


# -- drafts ---------------------------------------------------------------------------------


def test_new_report_writes_a_draft_that_cannot_be_published_with_its_placeholders(project: Path) -> None:
    result = run_cli(project, "new", "report", "--yes", "--year", "2026-27")
    assert result.returncode == 0, result.stdout + result.stderr
    written = (project / "data/reports/2026-27.yml").read_text()
    assert "status: draft" in written and "foreword: reports/2026-27/foreword.md" in written
    assert problems(project) == [], "a draft may hold the template's text"
    replace(project, "data/reports/2026-27.yml", "status: draft", "status: published")
    found = problems(project)
    assert any(
        p.startswith(
            "content/reports/2026-27/introduction.md:1:1: in the 2026-27 report: 'Write the introduction here' is the new report template's placeholder"
        )
        for p in found
    ), found
    assert any(
        re.match(
            r"data/reports/2026-27\.yml:\d+:\d+: summary: 'One paragraph for the list of reports and the PDF cover\.' is the new report template's placeholder",
            p,
        )
        for p in found
    ), found
    quote = [p for p in found if p.startswith("content/reports/2026-27/placements.md:") and "A quote from someone who took part." in p]
    assert quote and quote[0].split(":")[1:3] == ["13", "4"], quote


def with_a_draft(project: Path) -> None:
    """A draft 2026-27 report (from new report), its attendance file and a figure for 2026-27."""
    (project / "data/attendance/2026-27.csv").write_text((project / "data/attendance/2025-26.csv").read_text())
    result = run_cli(project, "new", "report", "--yes", "--year", "2026-27")
    assert result.returncode == 0, result.stdout + result.stderr
    replace(
        project,
        "data/metrics/placements.yml",
        "values: {2021-22: 142, 2022-23: 151, 2023-24: 163, 2024-25: 158, 2025-26: 171}",
        "values: {2021-22: 142, 2022-23: 151, 2023-24: 163, 2024-25: 158, 2025-26: 171, 2026-27: 888}",
    )


@pytest.fixture(scope="module")
def draft_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    project, result = shared_build(tmp_path_factory, "draft", with_a_draft)
    assert result.returncode == 0, result.stdout + result.stderr
    return project


def test_a_draft_appears_nowhere_in_the_published_site(draft_site: Path) -> None:
    site = draft_site / "site"
    assert not (site / "reports/2026-27").exists(), "no page, PDF, CSV or narrative page"
    everything = [p for p in site.rglob("*") if p.is_file() and p.suffix in (".html", ".xml", ".json", ".csv", ".ics")]
    # a link, a sitemap entry or a search entry for it (the guide's text names content/reports/2026-27/ as an example)
    address = re.compile(r'(href="[^"]*|<loc>[^<]*|"location":")reports/2026-27/')
    for path in everything:
        text = path.read_text(encoding="utf-8", errors="replace")
        assert "2026-27 Progress Report" not in text, path
        assert not address.search(text), path
    assert "888" not in page_text(site, "reports/measures/statutory-placements/index.html"), "a year only a draft reports on"
    assert "2026-27" not in page_text(site, "reports/measures/cpd-bookings/index.html"), "nor its computed figures"
    partner = page_text(site, "partners/riverside-children/index.html")
    assert "2026-27" not in partner
    assert not list((site / "partners").rglob("2026-27.pdf"))


def test_the_preview_shows_a_draft_with_its_banner(draft_site: Path) -> None:
    from partnership.core.build import SiteBuild

    dataset = load(draft_site)
    build = SiteBuild(dataset, NOW_INSTANT, pdf=False, downloads=False, parallel=False, drafts=True)
    page = next(p for p in build.pages if p.url == "reports/2026-27/")
    text = " ".join(lxml.html.fromstring(build.page_html(page)).text_content().split())
    assert text.startswith("Annual reports Draft This report is a draft.")
    listing = next(p for p in build.pages if p.url == "reports/")
    assert "Draft 2026-27 Progress Report" in " ".join(lxml.html.fromstring(build.page_html(listing)).text_content().split())
    published = SiteBuild(dataset, NOW_INSTANT, pdf=False, downloads=False, parallel=False)
    assert "reports/2026-27/" not in {p.url for p in published.pages}
    assert "reports/2026-27/foreword.md" in published.embedded_content(), "a left-out draft's narratives are no pages of their own"


# -- the board's report ---------------------------------------------------------------------

PARTS = [
    "Foreword",
    "Executive summary",
    "At a glance",
    "Introduction",
    "Governance and membership",
    "How we evaluated our work",
    "Admissions & Curriculum",
    "Placements & Practice Education",
    "Recruitment, Retention & Workforce Development",
    "Income",
    "Reputation",
    "Challenges and risks",
    "Future ambitions",
    "Recommendations",
    "Appendix: learning and development",
    "Appendix: logic model",
    "Glossary",
]


@pytest.mark.poppler
def test_the_report_parts_in_one_order_in_page_contents_and_pdf(built: Path) -> None:
    page = lxml.html.fromstring((built / "reports/2025-26/index.html").read_text(encoding="utf-8"))
    contents = [a.text_content() for a in page.xpath('//nav[@class="cpd-contents"]//a')]
    assert contents == [*PARTS, "Data"]
    headings = [" ".join(h.text_content().split()) for h in page.xpath("//article//h2 | //div[contains(@class,'md-content')]//h2")]
    shown = [h for h in headings if any(h.startswith(part) for part in PARTS)]
    assert [next(p for p in PARTS if h.startswith(p)) for h in shown] == PARTS
    printed = pdf_text(built / "reports/2025-26/report.pdf")
    contents_page = printed[printed.index("Contents") : printed.index("About this report and its data")]
    assert [part for part in PARTS if part in contents_page] == PARTS
    positions = [printed.index(part, printed.index("About this report and its data")) for part in PARTS[:2]]
    assert positions == sorted(positions)
    assert "AMHP Approved Mental Health Professional" in printed and "PEPS Practice Educator Professional Standards" in printed


def test_at_a_glance_shows_headlines_and_targets_by_area(built: Path) -> None:
    page = lxml.html.fromstring((built / "reports/2025-26/index.html").read_text(encoding="utf-8"))
    headlines = [" ".join(li.text_content().split()) for li in page.xpath('//li[@class="cpd-headline"]')]
    assert (
        headlines[0]
        == "171 Statutory placements offered by partners in 2025-26 Up 13 (better) on 2024-25; target at least 160 (Partnership target): Met"
    )
    assert headlines[4].startswith("61.84% % of CPD bookings attended in 2025-26") and headlines[4].endswith("Not met")
    by_area = {row[0]: row for row in cells(page.xpath('//table[contains(@class, "cpd-glance-table")]')[0])}
    assert by_area["Placements & Practice Education"] == ["Placements & Practice Education", "2", "1", "0", "% of placements ending early"]
    assert by_area["All areas"][1:4] == ["9", "2", "0"]


@pytest.mark.poppler
def test_symbols_with_a_legend_and_partners_by_name(built: Path) -> None:
    page = lxml.html.fromstring((built / "reports/2025-26/index.html").read_text(encoding="utf-8"))
    workforce = page.xpath('//table[contains(@class, "cpd-measures")][caption[starts-with(., "Recruitment")]]')[0]
    rows = cells(workforce)
    leavers = rows.index(next(r for r in rows if r[0].startswith("Newly qualified social workers leaving")))
    assert rows[leavers + 1][:4] == [
        "Newly qualified social workers leaving a partner employer in their first year: Riverside Borough Council Children's Services",
        "",
        "",
        "6",
    ]
    assert rows[leavers + 2][3:6] == ["[c]", "[c]", "[c]"]
    legend = " ".join(
        workforce.xpath('ancestor::div[contains(@class, "cpd-measure-block")]//p[@class="cpd-symbols"]')[0].text_content().split()
    )
    assert legend == "Symbols: [z] not applicable; [c] confidential: withheld to protect small numbers."
    income = page.xpath('//table[contains(@class, "cpd-measures")][caption[starts-with(., "Income")]]')[0]
    assert "[z] not applicable." in income.xpath('ancestor::div[contains(@class, "cpd-measure-block")]')[0].text_content()
    admissions = page.xpath('//table[contains(@class, "cpd-measures")][caption[starts-with(., "Admissions")]]')[0]
    assert not admissions.xpath('ancestor::div[contains(@class, "cpd-measure-block")]//p[@class="cpd-symbols"]'), "no symbols, no legend"
    printed = pdf_text(built / "reports/2025-26/report.pdf")
    for partner in ("riverside-children", "riverside-adults", "downsford-children", "downsford-adults", "hartwell-council"):
        assert partner not in printed
    assert "Riverside Borough Council Children's Services 37" in printed or "Riverside Borough Council Children's Services" in printed


def test_headlines_and_parts_name_what_exists(project: Path) -> None:
    replace(project, "data/reports/2025-26.yml", "headlines: [statutory-placements,", "headlines: [statutory-placement,")
    replace(project, "data/reports/2025-26.yml", "glossary: reports/2025-26/glossary.md", "glossary: reports/2025-26/glosary.md")
    found = problems(project)
    assert any(
        re.match(
            r"data/reports/2025-26\.yml:\d+:\d+: headlines: 'statutory-placement' is not a measure id \(did you mean statutory-placements\?\)",
            p,
        )
        for p in found
    ), found
    assert any(
        re.match(r"data/reports/2025-26\.yml:\d+:\d+: glossary: there is no file content/reports/2025-26/glosary\.md", p) for p in found
    ), found
    assert len(found) == 2, found
