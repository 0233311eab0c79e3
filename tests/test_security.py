"""Hostile text in every free-text field of the data stays text: nothing from YAML runs.

The same string, holding a script element, an image with an error handler
and template syntax, goes into the site's, a partner's, a stage's, an
event's, a framework item's, a report's and a measure's text, and (as text:
in code spans and as entities, since raw HTML in content/ is checked, see
``test_adversarial.py``) into a content page and a report narrative. The
site is built and then read as files (pages, JSON-LD, calendars, the feed,
report CSVs, the report PDF's text, the toolkit's Word and Excel files) and
in a browser (with its search), and must show the string as typed while
running none of it.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from conftest import serve_folder, shared_build

HOSTILE = "<script>alert(1)</script>{{ 7*7 }}{% raw %}<img src=x onerror=alert(2)>"
ESCAPED = "&lt;script&gt;alert(1)&lt;/script&gt;{{ 7*7 }}{% raw %}&lt;img src=x onerror=alert(2)&gt;"


def q(text: str) -> str:
    return yaml.safe_dump(text, default_style='"').strip()


def edit(project: Path, relative: str, *pairs: tuple[str, str]) -> None:
    path = project / relative
    text = path.read_text()
    for old, new in pairs:
        assert old in text, (relative, old)
        text = text.replace(old, new, 1)
    path.write_text(text)


def make_hostile(project: Path) -> None:
    """Put HOSTILE into every free-text field the site shows."""
    h = q(HOSTILE)
    edit(
        project,
        "data/site.yml",
        ("name: Riverside and Downs Social Work Teaching Partnership", f"name: {q('Riverside ' + HOSTILE)}"),
        ("region: Riverside, Downsford and Hartwell", f"region: {h}"),
    )
    edit(
        project,
        "data/partners.yml",
        ("name: Riverside Borough Council Children's Services", f"name: {q('Riverside Children ' + HOSTILE)}"),
        ("summary: Hosts the partnership's central team and the ASYE programme for children's social workers.", f"summary: {h}"),
    )
    edit(
        project,
        "data/pathways.yml",
        ("name: Newly qualified social worker (ASYE)", f"name: {q('NQSW ' + HOSTILE)}"),
        ("roles: [Newly qualified social worker]", f"roles: [{h}]"),
        ("    - Three direct observations of practice", f"    - {h}"),
    )
    edit(
        project,
        "data/events/2026-27/young-carers-2026-12.yml",
        ("title: Supporting Young Carers", f"title: {q('Young Carers ' + HOSTILE)}"),
        ("summary: Young carers from Carers' Voice talk about what helped them, and what did not.", f"summary: {h}"),
        ("cost: Free", f"cost: {h}"),
        ("tags: [carers]", f"tags: [{h}]"),
        ("status: scheduled", f"status: full\nstatus_note: {h}\naccreditation: {h}"),
        ("description: |\n", f"description: |\n  {HOSTILE}\n\n"),
    )
    edit(
        project,
        "data/frameworks/pcf.yml",
        ("    title: Values and Ethics", f"    title: {q('Values ' + HOSTILE)}"),
        ("      asye: Manages ethical tensions in complex work and promotes people's rights to choice.", f"      asye: {h}"),
    )
    edit(
        project,
        "data/reports/2025-26.yml",
        ('title: "2025-26 Progress Report: Staying in Practice"', f"title: {q('Report ' + HOSTILE)}"),
        ("  - title: Income\n", f"  - title: {q('Income ' + HOSTILE)}\n"),
    )
    edit(
        project,
        "data/metrics/income.yml",
        ("title: Income", f"title: {h}"),
        ("name: Partner membership fees", f"name: {q('Fees ' + HOSTILE)}"),
        ("2021-22: n/a, 2022-23: n/a", f"2021-22: {{pending: {h}}}, 2022-23: {{value: n/a, note: {h}}}"),
    )
    content_text = "Content: `<script>alert(1)</script>` {{ 7*7 }}{% raw %} &lt;img src=x onerror=alert(2)&gt;\n"
    for page in ("content/about.md", "content/reports/2025-26/income.md"):
        (project / page).write_text((project / page).read_text() + "\n" + content_text)


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    project, result = shared_build(tmp_path_factory, "hostile", make_hostile)
    assert result.returncode == 0, result.stdout + result.stderr
    return project / "site"


@pytest.mark.slow
def test_hostile_text_is_escaped_in_every_page(hostile_site: Path) -> None:
    pages = sorted(hostile_site.rglob("*.html"))
    shown = 0
    for path in pages:
        html = path.read_text()
        assert "<script>alert" not in html, path
        assert "<img src=x" not in html and "onerror=alert(2)>" not in html.replace("onerror=alert(2)&gt;", ""), path
        assert "javascript:alert" not in html, path
        shown += ESCAPED in html
    assert shown > 20, "the hostile text should be shown, as text, on many pages"
    event = (hostile_site / "events/young-carers-2026-12/index.html").read_text()
    assert event.count(ESCAPED) >= 6
    for page in ("about/index.html", "reports/2025-26/index.html"):
        html = (hostile_site / page).read_text()
        assert "<code>&lt;script&gt;alert(1)&lt;/script&gt;</code> {{ 7*7 }}{% raw %} &lt;img src=x onerror=alert(2)&gt;" in html, page


@pytest.mark.slow
@pytest.mark.poppler
def test_hostile_text_stays_text_in_every_file_format(hostile_site: Path) -> None:
    """JSON-LD, calendars, the feed, CSV, the PDF's text, Word and Excel all hold the string as plain text."""
    import csv
    import io
    import json
    import re
    import subprocess
    import xml.etree.ElementTree as ElementTree

    import docx
    import icalendar
    import openpyxl

    event = (hostile_site / "events/young-carers-2026-12/index.html").read_text()
    islands = re.findall(r'<script type="application/ld\+json">(.*?)</script>', event, re.S)
    assert islands and "<" not in islands[0], "JSON-LD cannot close its script element"
    assert json.loads(islands[0])["name"] == "Young Carers " + HOSTILE

    calendar = icalendar.Calendar.from_ical((hostile_site / "events/young-carers-2026-12/event.ics").read_bytes())
    summaries = [str(c.get("SUMMARY")) for c in calendar.walk("VEVENT")]
    assert summaries and all(s.startswith("Young Carers " + HOSTILE) for s in summaries), summaries

    feed = ElementTree.parse(hostile_site / "events/feed.xml")
    titles = [t.text for t in feed.iter("title")]
    assert "Young Carers " + HOSTILE in titles

    rows = list(csv.DictReader(io.StringIO((hostile_site / "reports/2025-26/data/income.csv").read_text(encoding="utf-8"))))
    assert "Fees " + HOSTILE in {row["measure"] for row in rows}
    assert HOSTILE in {row["note"] for row in rows} and HOSTILE in {row["text"] for row in rows}

    text = subprocess.run(["pdftotext", "-layout", str(hostile_site / "reports/2025-26/report.pdf"), "-"], capture_output=True, text=True)
    assert text.returncode == 0
    flat = " ".join(text.stdout.split())
    assert "Report <script>alert(1)</script>{{ 7*7 }}{% raw %}<img src=x" in flat
    assert "`<script>alert(1)</script>`" not in flat and "Content: <script>alert(1)</script>" in flat

    document = docx.Document(str(hostile_site / "toolkit/pcf-level-guide.docx"))
    cells = [cell.text for table in document.tables for row in table.rows for cell in row.cells]
    assert any(cell.endswith("Values " + HOSTILE) for cell in cells), "the domain title is text in the Word table"

    workbook = openpyxl.load_workbook(hostile_site / "toolkit/evidence-grid.xlsx")
    values = [c for sheet in workbook.worksheets for row in sheet.iter_rows() for c in row if isinstance(c.value, str)]
    assert any(c.value.endswith("Values " + HOSTILE) and c.data_type == "s" for c in values)


@pytest.mark.slow
@pytest.mark.browser
def test_nothing_runs_in_the_browser(hostile_site: Path, browser) -> None:
    dialogs: list[str] = []
    with serve_folder(hostile_site) as base:
        context = browser.new_context()
        page = context.new_page()
        page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
        for path in (
            "",
            "events/",
            "events/young-carers-2026-12/",
            "pathways/nqsw-asye/",
            "frameworks/pcf/values-ethics/",
            "reports/2025-26/",
            "reports/measures/membership-fees/",
            "about/",
            "my-cpd/",
        ):
            page.goto(base + path, wait_until="networkidle")
            assert "alert(1)" in page.inner_text("article") or path in ("my-cpd/",), path
        page.goto(base + "events/young-carers-2026-12/", wait_until="networkidle")
        page.click("[data-mycpd-toggle]")
        page.goto(base + "my-cpd/", wait_until="networkidle")
        assert "Young Carers <script>alert(1)</script>" in page.inner_text("[data-mycpd-items]")
        page.fill("input.md-search__input", "alert")
        page.wait_for_timeout(800)
        page.keyboard.press("Enter")
        page.wait_for_timeout(300)
        context.close()
    assert dialogs == []
