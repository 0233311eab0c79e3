"""Reports on screen, as a browser draws them: no table wider than its column at 1280 px, and
charts where no label covers a point, a line or another label, nothing is drawn outside the chart,
a year without a figure is a gap with a note, and partners are named by name.

The overlap check runs in Chromium on the SVG itself (tests/chart_labels.js): every text's box
against every data marker's box, every other text's box, and every data or target line's stroke
(sampled point by point with isPointInStroke). The charts of 2025-26 as they were before the
labels were placed (tests/fixtures/old-charts/, where the target's label covered the latest point)
show that it finds what it should.
"""

from __future__ import annotations

import re
from pathlib import Path

import lxml.html
import pytest

pytestmark = pytest.mark.browser

CHECK = (Path(__file__).parent / "chart_labels.js").read_text(encoding="utf-8")
OLD_CHARTS = sorted((Path(__file__).parent / "fixtures/old-charts").glob("*.svg"))


def chart_problems(page, selector: str = "svg.cpd-chart") -> dict[str, list[str]]:
    found = {}
    for svg in page.query_selector_all(selector):
        problems = page.evaluate(CHECK, svg)
        if problems:
            found[svg.get_attribute("aria-labelledby").split()[0]] = problems
    return found


def test_no_chart_label_collides_on_any_report_or_measure_page(browser, built: Path, site_url: str) -> None:
    pages = sorted(p.parent.relative_to(built).as_posix() for p in (built / "reports").rglob("index.html"))
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    charts = 0
    problems = {}
    for path in pages:
        page.goto(f"{site_url}{path}/", wait_until="load")
        charts += len(page.query_selector_all("svg.cpd-chart"))
        problems.update({f"{path}: {chart}": found for chart, found in chart_problems(page).items()})
    context.close()
    assert charts > 50, "every report's charts and every measure's"
    assert problems == {}


def test_the_check_finds_the_labels_that_used_to_collide(browser) -> None:
    assert len(OLD_CHARTS) == 3
    context = browser.new_context(viewport={"width": 900, "height": 600})
    page = context.new_page()
    for svg in OLD_CHARTS:
        page.set_content(f'<!doctype html><body style="margin:0;width:640px">{svg.read_text(encoding="utf-8")}</body>')
        problems = chart_problems(page)
        found = " ".join(p for ps in problems.values() for p in ps)
        assert "overlaps" in found and "covers a point" in found, (svg.name, problems)
    context.close()


def test_gaps_names_and_text_alternatives(built: Path) -> None:
    page = lxml.html.fromstring((built / "reports/2025-26/index.html").read_text(encoding="utf-8"))
    figures = {f.xpath("./figcaption")[0].text_content(): f for f in page.xpath('//figure[@class="cpd-chart-figure"]')}
    # a year without a figure keeps its place on the axis, the line breaks and a note says why
    breakdowns = next(f for caption, f in figures.items() if caption.startswith("% of placements ending early"))
    texts = [t.text_content() for t in breakdowns.xpath(".//*[local-name()='text']")]
    assert "2023-24" in texts and "no figure" in texts
    assert (
        breakdowns.xpath('.//p[@class="cpd-chart-note"]')[0].text_content()
        == "The line breaks where there is no figure: 2023-24 (not available)."
    )
    # a split by partner: named by the partners' names in the legend, the title and the description, never by id
    by_partner = next(f for caption, f in figures.items() if caption.startswith("Statutory placements offered, by partner council"))
    svg_text = " ".join(by_partner.xpath(".//*[local-name()='svg']")[0].itertext())
    assert "Riverside Borough Council Children's Services" in svg_text and "Hartwell Borough Council" in svg_text
    ids = ("riverside-children", "riverside-adults", "downsford-children", "downsford-adults", "hartwell-council")
    whole = lxml.html.tostring(page, encoding="unicode")
    for partner in ids:
        shown = re.sub(r'(href|id|class|aria-labelledby|xlink:href)="[^"]*"', "", whole)
        assert partner not in shown, f"{partner} appears in the report page's text"
    # the text alternative states the finding and whether the target is met
    asye = next(f for caption, f in figures.items() if caption.startswith("% of ASYE social workers"))
    desc = asye.xpath(".//*[local-name()='desc']")[0].text_content()
    assert "Target: At least 90% (Partnership target), met in 2025-26." in desc


def test_no_report_table_scrolls_sideways_at_1280_px(browser, built: Path, site_url: str) -> None:
    """Every table of every report and measure page fits its column on a 1280 px screen (narrow screens may scroll)."""
    pages = sorted(p.parent.relative_to(built).as_posix() for p in (built / "reports").rglob("index.html"))
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    wide = []
    tables = 0
    for path in pages:
        page.goto(f"{site_url}{path}/", wait_until="load")
        found = page.evaluate(
            """() => [...document.querySelectorAll('.md-content table')].map(t => {
                const box = t.closest('.cpd-table-wrap') || t.parentElement;
                return [t.caption ? t.caption.textContent : '', t.getBoundingClientRect().width, box.clientWidth, box.scrollWidth];
            })"""
        )
        tables += len(found)
        wide += [
            f"{path}: {caption} is {width:.0f} px in {room} px"
            for caption, width, room, scroll in found
            if width > room + 1 or scroll > room + 1
        ]
    context.close()
    assert tables > 40
    assert wide == []


def test_the_width_check_finds_a_table_that_scrolls(browser, site_url: str) -> None:
    """Guard for the test above: the placements table with its split cells kept on one line, as they were, scrolls."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.goto(f"{site_url}reports/2025-26/", wait_until="load")
    page.add_style_tag(content=".md-typeset table.cpd-measures td { white-space: nowrap !important; }")
    scrolls = page.evaluate(
        "() => [...document.querySelectorAll('table.cpd-measures')].some(t => { const b = t.closest('.cpd-table-wrap'); return b.scrollWidth > b.clientWidth + 1; })"
    )
    context.close()
    assert scrolls
