"""Hostile, broken and huge input, one case per kind of attack or slip, fed to a real check or build.

Each test asserts one of three outcomes: a located problem
(``path:line:column: what is wrong; what is allowed``, exit 1, nothing
published), a safe output, or no leak (the whole ``site/`` searched for a
planted secret). Every guard these tests rely on was removed once to watch
its test fail (see the notes on each test).

How often it was attacked, and how it ended:

* round one (issue 27, against main before it): 153 new hostile, broken and
  huge inputs, 107 ended well. Every case that did not is a kind tested below
  "Round two".
* round two (after issue 27's changes, new kinds only, by the engineer who made
  them): 63 tried, 55 ended well. The 8 that did not, each fixed and tested in
  "Found by attacking the change again": ``--site-dir data`` swapped the data
  folder away; an empty export was a traceback; a page's ``template:`` outside
  ``theme/`` failed the build without a place; a look-alike host (Cyrillic о)
  in a booking address passed; a 5,000-digit number got Python's advice; an
  address written with character references (``&#x5C;``), with a tab
  reference between its slashes, and ``<javascript:…>`` were located at 1:1.
  The same 63 again after the fixes: 63 ended well. What ended well from the
  start includes ``data:``/``vbscript:``/reference-style links, ``ontoggle=``,
  ``style=url()``, ``<base>``, CSS in a colour, a logo path out of
  ``content/``, Jinja in a narrative (it is text), ``</script>`` in JSON-LD,
  billion laughs in front matter, BOM before front matter, link loops,
  240-character names, zero-width characters in ids, ``title: no``, huge and
  unclosed cells in data CSVs, multi-line answers, CRLF, Windows-1252 and
  semicolon exports, 10,000-cell rows, ``--year ../../etc``, a bidi override
  in an organisation, 100,000-row exports, the preview's ``//about``,
  60,000-character paths, POST, a foreign Host header, ``PARTNERSHIP_NOW``
  with escapes and ``--data /etc``.
* round three (against main, by someone who had not seen round two's fixes):
  43 new kinds, 30 ended well before. The 13 that did not, each fixed and
  tested in "Round three" below: a hand-written ``.html``/``.svg`` under
  ``content/`` with script, published and served on the editor's API's
  origin (now refused by check, and the editor lives on its own port);
  the editor backend's ``extension``/``path`` parameters (any file read, a
  folder ``x.yml`` made), a negative Content-Length, symlinks followed,
  500s with tracebacks (private actions, deep JSON, a lone surrogate); an
  import interrupted mid check-and-undo; noncharacters (U+FFFE…); YAML 1.1
  numbers (``6:00`` as 360); a long word in a PDF table cell; ``.ics``
  escaping; names hidden by spelling from the import's guard; NFC/NFD
  twins in ``content/``; three places at 1:1 or wrongly named. After the
  fixes: 43 of 43 end well, each of the 13 by its test here (run against
  this branch, not by the attacker's own scripts again).
"""

from __future__ import annotations

import contextlib
import csv
import datetime as dt
import hashlib
import http.server
import io
import json
import logging
import os
import re
import shutil
import signal
import socket
import socketserver
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from conftest import (
    EXPORT_EVENTS,
    NOW,
    ROOT,
    build_site,
    drop_attendance_rows,
    file_size_limit,
    free_port,
    free_port_pair,
    problems,
    run_cli,
)

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
    """Guard: rules.markdown.html_problems (without it, check passes and the tags vanish without a word)."""
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
    """An event description's javascript: link and tracking image. Guard: rules.markdown.markdown_problems over descriptions."""
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
        or re.fullmatch(r"=COUNTIF\('Evidence log'!\$[A-Z]+\$4:\$[A-Z]+\$153,\"Yes\"\)", c.value)
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

    env = dict(os.environ, PARTNERSHIP_ROOT=str(project), PARTNERSHIP_NOW=NOW)
    result = subprocess.run(
        [sys.executable, "-m", "partnership.cli", "build", "--no-pdf"],
        cwd=project,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
        preexec_fn=file_size_limit(100_000),
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


# == Round two (issue 27): what an attacker who had read the tests above tried next ================
#
# One test per kind of attack or slip; each guard named in a docstring was removed once to watch its
# test fail.


# -- Text is escaped in <head> and in terminals ----------------------------------------------------


@pytest.mark.parametrize(
    ("page", "needle", "line"),
    [
        pytest.param(
            '---\ntitle: "</title><meta http-equiv=refresh content=0;url=https://evil.example/><script>alert(1)</script>"\n---\n# About\n',
            "title: ",
            2,
            id="yaml-title",
        ),
        pytest.param('---\ndescription: "x\\"><script>alert(1)</script>"\n---\n# About\n', "description: ", 2, id="yaml-description"),
        pytest.param("Title: About </title><script>alert(1)</script>\n\n# About\n", "title: ", 1, id="multimarkdown-title"),
        pytest.param("---\ntitle: [a, list]\n---\n# About\n", "title: a page's title is text", 2, id="title-not-text"),
        pytest.param('---\ntitle: "About\\x1b[2J"\n---\n# About\n', "hidden character", 2, id="title-escape-sequence"),
    ],
)
def test_front_matter_that_would_become_markup_in_head_is_a_located_problem(project: Path, page: str, needle: str, line: int) -> None:
    """Guard: rules.frontmatter.front_matter_problems (without it, check passes and the theme writes the markup into <head>)."""
    (project / "content/about.md").write_text(page)
    match = located(refused(run_cli(project, "check")), "content/about.md", needle)
    assert match["line"] == str(line)


@pytest.mark.slow
def test_a_title_taken_from_a_heading_is_text_in_head(project: Path) -> None:
    """A heading's character references are text; the theme's striptags would make them markup in <title> again.

    Guard: the title set from the heading in PartnershipPlugin.on_page_content (without it: </title><script> in <head>).
    """
    (project / "content/fees.md").write_text("# Fees &amp; funding &lt;/title&gt;&lt;script&gt;alert(1)&lt;/script&gt;\n\nText.\n")
    result = build_site(project, "--no-pdf")
    assert result.returncode == 0, result.stdout + result.stderr
    head = (project / "site/fees/index.html").read_text().split("</head>", 1)[0]
    assert "<script>alert" not in head
    assert "<title>Fees &amp; funding &lt;/title&gt;&lt;script&gt;alert(1)&lt;/script&gt; - " in head


TERMINAL_NAME = "\x1b[31mred\x1b]0;pwned\x07"
FORGED = "forged\nREADME.md:1:1: all is well"


@pytest.mark.parametrize("command", ["check", "build", "import-attendance", "new"])
def test_terminal_output_shows_control_characters_as_escapes(project: Path, tmp_path: Path, command: str) -> None:
    """File names and values holding escape sequences or line breaks reach the terminal only as escapes (\\x1b, \\n).

    Guards: the escaping in problems.Problem.__str__ and cli._visible_output (both removed: check, build and new
    print the escapes raw and the newline in a file name forges a README.md:1:1: line); import-attendance
    also writes the export's name with text.visible.
    """
    args: list[str] = [command]
    if command == "import-attendance":  # valid data: the import's own lines name the export
        export = tmp_path / f"{TERMINAL_NAME}{FORGED}.csv"
        export.write_text((ROOT / "tests/fixtures/eventbrite-attendees.csv").read_text())
        drop_attendance_rows(project, "2025-26", EXPORT_EVENTS)
        args += [str(export), "--year", "2025-26", "--dry-run"]
    else:
        (project / f"data/events/{TERMINAL_NAME}.yml").write_text("title: x\n")
        (project / f"data/events/{FORGED}.yml").write_text("title: y\n")
        replace(project, EVENT, "type: course", 'type: "\\x1b[2J\\x1b[31mworkshop"')
        args += {"build": ["--no-pdf"], "new": ["event", "--yes", "--title", "Day"]}.get(command, [])
    result = run_cli(project, *args)
    output = result.stdout + result.stderr
    assert result.returncode == (0 if command == "import-attendance" else 1), output
    assert "Traceback" not in output, output
    for raw in ("\x1b", "\x07"):
        assert raw not in output, (raw, output)
    assert "\\x1b[31mred\\x1b]0;pwned\\x07" in output
    assert "forged\\nREADME.md:1:1: all is well" in output
    assert not any(line.startswith("README.md:") for line in output.splitlines()), output


# -- Addresses are judged as browsers read them ----------------------------------------------------

BACKSLASH = "/\\evil.example/track.png"


@pytest.mark.parametrize(
    ("where", "text", "needle"),
    [
        ("content", f'<img src="{BACKSLASH}" alt="t">', "browsers read it as the site evil.example"),
        ("content", f"![t]({BACKSLASH})", "browsers read it as the site evil.example"),
        ("content", '<a href="\\\\evil.example/login">Log in</a>', "browsers read it as the site evil.example"),
        ("content", "[Log in](//evil.example/login)", "browsers read it as the site evil.example"),
        ("content", '<a href="jav&#x09;ascript:alert(1)">x</a>', "a javascript: address"),
        ("content", '<a href="  JaVa&#10;ScRiPt&colon;alert(1)">x</a>', "a javascript: address"),
        ("content", "[x](<java\u0009script:alert(1)>)", ""),  # Markdown makes the tab spaces: a path, not a scheme
        ("description", f"[Book]({BACKSLASH})", "browsers read it as the site evil.example"),
        ("booking", "https://bookings.rdtp.example.org@evil.example/book", "browsers open evil.example"),
        ("booking", "java\\tscript:alert(1)", "is not a web address"),
        ("booking", "https:evil.example", "is not a web address"),
        ("booking", "https://bookings.rdtp.example.org\\\\@evil.example", "holds a backslash"),
    ],
    ids=[
        "img-backslash",
        "markdown-image-backslash",
        "link-double-backslash",
        "markdown-link-protocol-relative",
        "tab-reference-in-scheme",
        "newline-reference-and-colon-entity",
        "markdown-tab-in-scheme",
        "description-backslash",
        "booking-credentials",
        "booking-tab-in-scheme",
        "booking-scheme-without-slashes",
        "booking-backslash",
    ],
)
def test_addresses_are_judged_as_browsers_read_them(project: Path, where: str, text: str, needle: str) -> None:
    """Guard: core.weburl (with urllib.parse's reading instead, each of these passes check and is published).

    Each is also removed from what the site publishes: the sanitiser and the data's Url type use the same parser.
    """
    if where == "content":
        (project / "content/about.md").write_text(f"# About\n\n{text}\n")
        path, line = "content/about.md", "3"
    elif where == "description":
        replace(project, EVENT, "description: |\n", f"description: |\n  {text}\n\n")
        path, line = EVENT, "6"
    else:
        replace(project, EVENT, "booking: https://bookings.rdtp.example.org/events/strengths-based-practice-2026-03", f'booking: "{text}"')
        path, line = EVENT, "19"
    result = run_cli(project, "check")
    if not needle:
        assert result.returncode == 0, result.stdout + result.stderr
        return
    assert located(refused(result), path, needle)["line"] == line


def test_the_sanitiser_removes_what_a_browser_would_read_as_another_site() -> None:
    """Guard: the weburl judgement in safehtml._keep_attribute and markdown._SafeLinks (without it, the addresses stay)."""
    from partnership.core.present.markdown import render_text
    from partnership.core.present.safehtml import clean

    html = clean(f'<img src="{BACKSLASH}" alt="a"><a href="\\\\evil.example/">b</a><a href="/ok/">c</a><img src="x.png" alt="d">')
    assert "evil" not in html and '<a href="/ok/">c</a>' in html and 'src="x.png"' in html
    text = str(render_text(f"[a]({BACKSLASH}) ![b](//evil.example/b.png) [c](https://example.org/)"))
    assert "evil" not in text and 'href="https://example.org/"' in text


# -- Nothing personal and nothing that runs reaches data/ from an export ---------------------------

ROW = "{n},2026-01-10 10:00,{first},{last},{mail},1,Partner staff,1,Attending,Yes,{event},{organisation},SW"


@pytest.mark.parametrize(
    ("first", "last", "event", "organisation", "why", "secret"),
    [
        (
            "Ivy",
            "Pepper",
            "Strengths-Based Practice for Ivy Pepper",
            "Harbour Family Trust",
            "its event holds the name of the person who booked",
            "Pepper",
        ),
        (
            "Amy",
            "Brown",
            "Strengths-Based Practice (Jo March)",
            "Harbour Family Trust",
            "its event holds what looks like a person's name",
            "Jo March",
        ),
        ("Bo", "Green", "Dr Walter Skinner", "Harbour Family Trust", "its event holds what looks like a title and a name", "Skinner"),
        (
            "Cy",
            "Gray",
            "Contextual Safeguarding with Mei Testwood",
            "Harbour Family Trust",
            "its event holds the name of a person in the export",
            "Testwood",
        ),
        (
            "Di",
            "Black",
            "Strengths-Based Practice",
            "Harbour Family Trust (Di Black)",
            "its organisation holds the name of the person who booked",
            "Black",
        ),
        (
            "Ed",
            "White",
            '"=HYPERLINK(""http://evil.example/"",""x"")"',
            "Harbour Family Trust",
            "its event starts like a spreadsheet formula",
            "HYPERLINK",
        ),
        ("Flo", "Pink", "@SUM(1+1)", "Harbour Family Trust", "its event starts like a spreadsheet formula", "SUM("),
        ("Gil", "Grey", '"\t=1+1"', "Harbour Family Trust", "its event starts like a spreadsheet formula", "=1+1"),
        ("Hal", "Rose", "Strengths-Based Practice", "+44 7700 900123", "its organisation starts like a spreadsheet formula", "7700"),
        (
            "Ina",
            "Teal",
            '"Strengths\x1b[2J Practice"',
            "Harbour Family Trust",
            "its event holds a line break or a hidden control character",
            "[2J",
        ),
    ],
    ids=[
        "own-name",
        "name-in-brackets",
        "title-and-name",
        "another-attendee",
        "organisation-own-name",
        "hyperlink",
        "at-sum",
        "tab-led",
        "phone-plus",
        "escape",
    ],
)
def test_an_exports_names_and_formulas_never_reach_data(
    project: Path, tmp_path: Path, first: str, last: str, event: str, organisation: str, why: str, secret: str
) -> None:
    """Guard: core.load.personal.Guard (without it, each cell is written into 2025-26.csv, its imports record or import.yml)."""
    export = _export_lines()
    mail = f"{first.lower()}.{last.lower()}@example.org"
    path = tmp_path / "export.csv"
    path.write_text(
        "\n".join([*export, ROW.format(n=4001, first=first, last=last, mail=mail, event=event, organisation=organisation)]) + "\n"
    )
    drop_attendance_rows(project, "2025-26", EXPORT_EVENTS)
    result = run_cli(project, "import-attendance", str(path), "--year", "2025-26", "--accept-suggestions")
    assert result.returncode == 0, result.stdout + result.stderr
    assert f"line {len(export) + 1}: {why}" in result.stdout
    written = "".join(
        (project / "data" / name).read_text() for name in ("attendance/2025-26.csv", "attendance/2025-26.imports.yml", "import.yml")
    )
    assert secret not in written and secret not in result.stdout


def test_a_formula_in_an_attendance_file_is_a_located_problem(project: Path) -> None:
    """Guard: the formula_like rule in load.loader._attendance_table (without it, check passes a file that runs in Excel)."""
    path = project / "data/attendance/2025-26.csv"
    path.write_text(path.read_text() + '"=HYPERLINK(""http://evil.example"",""x"")",other,1,1,0,0\n@SUM(1+1),other,1,1,0,0\n')
    lines = len(path.read_text().splitlines())
    output = refused(run_cli(project, "check"))
    assert located(output, "data/attendance/2025-26.csv", "starts with '='")["line"] == str(lines - 1)
    assert located(output, "data/attendance/2025-26.csv", "starts with '@'")["line"] == str(lines)


def _export_lines() -> list[str]:
    return (ROOT / "tests/fixtures/eventbrite-attendees.csv").read_text(encoding="utf-8").splitlines()


def _unclosed(path: Path) -> None:
    lines = _export_lines()
    lines[3] = lines[3].replace(",Strengths-Based Practice,", ',"Strengths-Based Practice,')
    path.write_text("\n".join(lines) + "\n")


def _second_event_column(path: Path) -> None:
    lines = _export_lines()
    path.write_text("\n".join([lines[0] + ",Event Name", *(line + ",Social worker" for line in lines[1:])]) + "\n")


def _huge_cell(path: Path) -> None:
    lines = _export_lines()
    path.write_text("\n".join([*lines[:2], lines[2].replace("Social worker", "x" * 200_000)]) + "\n")


@pytest.mark.parametrize(
    ("make", "needle"),
    [
        (_unclosed, 'Line 4 of the export opens a quote (") that is not closed until line 81'),
        (_second_event_column, "The export has 2 columns named like 'Event Name' (columns 11, 14)"),
        (_huge_cell, "Line 3 of the export has a cell longer than 131,072 characters"),
        (lambda p: p.write_bytes(b"PK\x03\x04" + bytes(range(256)) * 40), "The export is an Excel workbook (.xlsx)"),
        (lambda p: p.write_bytes(b"\x00\x01junk" * 1000), "The export is not text (it holds null bytes)"),
        (lambda p: _sparse(p), "is 1.1 GB, more than the 200 MB"),
        (lambda p: p.mkdir(), "is a folder, not a file"),
        (lambda p: os.mkfifo(p), "is a named pipe, not a file"),
        (lambda p: None, "There is no file"),
    ],
    ids=["unclosed-quote", "duplicate-column", "huge-cell", "workbook", "binary", "one-gigabyte", "folder", "pipe", "missing"],
)
def test_an_export_that_cannot_be_counted_whole_stops_with_one_plain_message(project: Path, tmp_path: Path, make, needle: str) -> None:
    """Guards: importing._records, _one_of_each and decode, attendance.read_export (without them: a traceback, a
    _csv.Error, a wait on the pipe, gigabytes read, or one booking written instead of 79)."""
    drop_attendance_rows(project, "2025-26", EXPORT_EVENTS)
    before = tree(project / "data")
    path = tmp_path / "export.csv"
    make(path)
    result = run_cli(project, "import-attendance", str(path), "--year", "2025-26", timeout=120)
    output = refused(result)
    assert needle in output
    assert len(output.strip().splitlines()) == 1, output
    assert tree(project / "data") == before


def _sparse(path: Path) -> None:
    with path.open("wb") as handle:
        handle.truncate(1_100_000_000)  # a sparse file: 1.1 GB long, no disk used


# -- A full disk leaves every data file as it was ---------------------------------------------------

NEW_EVENT = (
    "new", "event", "--yes", "--title", "Court Skills Refresher", "--type", "workshop", "--provider", "downsford-children",
    "--audience", "nqsw-asye", "--services", "children", "--format", "online", "--session", "9/6/2027 9.30am-12.30pm",
)  # fmt: skip


@contextlib.contextmanager
def full_disk(folder: Path) -> Iterator[None]:
    """``folder`` on a file system of its own with no room left (a tmpfs of 2 MB, filled): needs root, as CI has."""
    kept = folder.with_name(folder.name + "-kept")
    shutil.copytree(folder, kept)
    mounted = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=2m", "tmpfs", str(folder)], capture_output=True, text=True)
    if mounted.returncode != 0:
        pytest.skip(f"cannot mount a small file system here ({mounted.stderr.strip()}); the injected failure below still runs")
    try:
        shutil.copytree(kept, folder, dirs_exist_ok=True)
        with contextlib.suppress(OSError), (folder / ".filler").open("wb") as filler:  # hidden: the loader skips it
            while True:
                filler.write(b"\0" * 65536)
                filler.flush()
                os.fsync(filler.fileno())
        yield
    finally:
        subprocess.run(["umount", "-l", str(folder)], check=False)


@pytest.mark.parametrize("command", ["import-attendance", "new"])
def test_a_full_disk_leaves_every_data_file_whole(project: Path, tmp_path: Path, command: str) -> None:
    """A real full disk (ENOSPC) under data/: the command says so in one line and every data file is as it was.

    Guard: edit/files.write_whole (with write_text as before: 2025-26.imports.yml left at 0 bytes, the CSV cut mid-row).
    """
    drop_attendance_rows(project, "2025-26", EXPORT_EVENTS)
    export = tmp_path / "export.csv"
    export.write_text((ROOT / "tests/fixtures/eventbrite-attendees.csv").read_text())
    args = [command, str(export), "--year", "2025-26"] if command == "import-attendance" else list(NEW_EVENT)
    with full_disk(project / "data"):
        before = tree(project / "data")
        result = run_cli(project, *args)
        after = tree(project / "data")
    output = refused(result)
    assert "Nothing was written: No space left on device" in output and "Every data file is as it was before." in output
    assert {k: v for k, v in after.items() if not k.startswith(".")} == {k: v for k, v in before.items() if not k.startswith(".")}
    assert not [name for name in after if name.endswith(".writing")]


def test_a_write_that_fails_part_way_leaves_the_old_file(project: Path, tmp_path: Path) -> None:
    """The same by an injected failure, where no file system can be mounted: every write fails past 4,000 bytes
    (the file-size limit, which fails a write as a full disk does, part way through the file).

    Guard: write_whole's temporary file and rename (writing in place, 2025-26.csv is cut at 4,000 bytes, mid-row).
    """
    drop_attendance_rows(project, "2025-26", EXPORT_EVENTS)
    export = tmp_path / "export.csv"
    export.write_text((ROOT / "tests/fixtures/eventbrite-attendees.csv").read_text())
    before = tree(project / "data")

    result = subprocess.run(
        [sys.executable, "-m", "partnership.cli", "import-attendance", str(export), "--year", "2025-26"],
        cwd=project,
        env=dict(os.environ, PARTNERSHIP_ROOT=str(project), PARTNERSHIP_NOW=NOW),
        capture_output=True,
        text=True,
        timeout=600,
        preexec_fn=file_size_limit(4_000),
    )
    output = refused(result)
    assert "Nothing was written: File too large" in output
    assert tree(project / "data") == before
    assert not [p for p in (project / "data/attendance").iterdir() if p.name.startswith(".")]


# -- Control characters: a located problem in every kind of file ------------------------------------


@pytest.mark.parametrize(
    ("relative", "old", "new", "line"),
    [
        ("data/frameworks/pcf.yml", "    title: Values and Ethics", '    title: "Values\\x0band Ethics\\x01"', None),
        (EVENT, "cost: Free to partner staff", 'cost: "Free\\x7f to \\0partner staff"', 20),
        (EVENT, "cost: Free to partner staff", 'cost: "\\x1b[2JFree to partner staff"', 20),
        (EVENT, "title: Strengths-Based Practice", 'title: "Strengths-Based \\u202ePractice"', 4),
        (EVENT, "capacity: 25", '"cap\\x85acity": 25', 18),
        ("data/attendance/2025-26.csv", "event,partner", "event,partner", -1),
        ("content/about.md", "# About", "# About\x0c", 1),
        ("content/about.md", "# About", '---\ntitle: "About\\x01"\n---\n# About', 2),
    ],
    ids=[
        "word-writer-vt",
        "del-and-nul",
        "escape-in-summary",
        "bidi-override",
        "c1-in-key",
        "csv-cell",
        "markdown-form-feed",
        "front-matter",
    ],
)
def test_control_characters_are_a_located_problem_in_every_kind_of_file(project: Path, relative: str, old: str, new: str, line) -> None:
    """Guards: the control rule in yamlsource._Converter._text, csvsource.load_csv and rules.content._control_problems
    (without them: the Word writer's traceback, raw characters in pages, .ics and feed.xml)."""
    if line == -1:
        path = project / relative
        path.write_text(path.read_text() + '"Bell\x07 ring",other,1,1,0,0\n')
        line = len(path.read_text().splitlines())
    else:
        replace(project, relative, old, new)
    match = located(refused(run_cli(project, "check")), relative, "hidden character")
    if line is not None:
        assert match["line"] == str(line)


# -- Markdown has depth and time bounds --------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "needle", "line"),
    [
        ("# Deep\n\n" + "".join("    " * i + "- x\n" for i in range(500)), "lists or quotes", 23),
        ("# Deep\n\n" + "1. " * 20_000 + "x\n", "lists or quotes", 3),
        ("# Quotes\n\n" + "> " * 5_000 + "x\n", "lists or quotes", 3),
        ("# Brackets\n\n" + "[" * 300_000, "'[' brackets", 3),
        ("# Links\n\n" + "[a](" * 20_000, "'(' brackets", 3),
        ("# Divs\n\n" + "<div>" * 100_000, "HTML elements (<div>)", 3),
        ("# Emphasis\n\n" + "*_" * 200_000, "more than 1,000 * or _ marks", 3),
    ],
    ids=["list-500-deep", "ordered-list-on-one-line", "quotes", "brackets", "unclosed-links", "divs", "emphasis"],
)
def test_markdown_nested_beyond_the_limits_is_a_located_problem(project: Path, text: str, needle: str, line: int) -> None:
    """Guard: rules.markdown.nesting_problems (without it: a RecursionError, or minutes of parsing)."""
    (project / "content/deep.md").write_text(text)
    match = located(refused(run_cli(project, "check", timeout=120)), "content/deep.md", needle)
    assert match["line"] == str(line)


def test_a_description_nested_500_deep_is_a_located_problem(project: Path) -> None:
    """Guard: the same scan over data Markdown (without it, a RecursionError while the build renders the event)."""
    deep = "".join("  " + "    " * i + "- x\n" for i in range(500))
    replace(project, EVENT, "description: |\n", "description: |\n" + deep + "\n")
    found = [p for p in problems(project) if p.startswith(f"{EVENT}:6:14: description: line 21 of the text: lists or quotes")]
    assert found, problems(project)


def test_markdown_that_is_slow_to_read_is_stopped_by_its_time_bound(project: Path) -> None:
    """Nothing the scan knows, but quadratic for the Markdown reader: stopped after its time (3 s here), a located problem.

    Guard: worker.bounded_map in rules.markdown (without it, check runs for minutes).
    """
    (project / "content/slow.md").write_text("# Slow\n\n" + "<http://a" * 20_000 + "\n")
    env = dict(os.environ, PARTNERSHIP_ROOT=str(project), PARTNERSHIP_NOW=NOW, PARTNERSHIP_MARKDOWN_SECONDS="3")
    result = subprocess.run(
        [sys.executable, "-m", "partnership.cli", "check"], cwd=project, env=env, capture_output=True, text=True, timeout=300
    )
    match = located(refused(result), "content/slow.md", "could not be read as Markdown: reading it took more than 3 seconds")
    assert (match["line"], match["column"]) == ("1", "1")
    assert len([m for m in LOCATED.finditer(result.stderr) if m["path"] == "content/slow.md"]) == 1


Process = tuple[int, str]
"""A process id and its start time (/proc/<pid>/stat, field 22): this machine reuses ids (pid_max 32768), and a reused id
is someone else's process, never to be waited for or stopped."""


def _stat(pid: int) -> list[str] | None:
    try:
        return Path(f"/proc/{pid}/stat").read_text().rsplit(") ", 1)[1].split()
    except (OSError, IndexError):
        return None


def _children(pid: int) -> set[Process]:
    """The live processes ``pid`` forked (same program and arguments): its workers, not the programs a library runs a moment."""
    found: set[int] = set()
    with contextlib.suppress(OSError):
        program = Path(f"/proc/{pid}/cmdline").read_bytes()
        for task in Path(f"/proc/{pid}/task").iterdir():
            with contextlib.suppress(OSError):
                found |= {int(child) for child in (task / "children").read_text().split()}
    same: set[Process] = set()
    for child in found:
        with contextlib.suppress(OSError):
            fields = _stat(child)
            if fields and Path(f"/proc/{child}/cmdline").read_bytes() == program:
                same.add((child, fields[19]))
    return same


def _alive(process: Process) -> bool:
    """True while that very process runs (a zombie waiting for its reaper has ended)."""
    fields = _stat(process[0])
    return fields is not None and fields[19] == process[1] and fields[0] != "Z"


def _gone(processes: set[Process]) -> bool:
    return not any(_alive(process) for process in processes)


def _working(processes: set[Process], ticks: int = 50) -> bool:
    """True once each of ``processes`` has used ``ticks`` of processor time (half a second): it is past its start, where it
    asks for the parent-death signal, so stopping it cannot catch it before it did."""
    for process in processes:
        fields = _stat(process[0])
        if fields is not None and fields[19] == process[1] and int(fields[11]) + int(fields[12]) < ticks:
            return False
    return True


def _stop(processes: set[Process]) -> None:
    """Stop ``processes`` (SIGSTOP) so that none can notice its parent's end by itself (a failed write to it): only the
    kernel's parent-death signal then ends them, and a stopped orphan would wait for ever."""
    _signal(processes, signal.SIGSTOP)


def _signal(processes: set[Process], signum: int) -> None:
    for process in processes:
        if _alive(process):
            with contextlib.suppress(OSError):
                os.kill(process[0], signum)


def _killed_with(command: subprocess.Popen[bytes], processes: set[Process]) -> bool:
    """kill -9 of ``command`` once its ``processes`` are stopped (so only the parent-death signal can end them):
    whether they have all ended within a minute."""
    _stop(processes)
    command.kill()
    command.wait(timeout=60)
    for _ in range(600):
        if _gone(processes):
            return True
        time.sleep(0.1)
    return False


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc")
def test_no_worker_outlives_a_killed_command(project: Path) -> None:
    """kill -9 of check while its Markdown worker reads a slow page (and is stopped): the worker ends with it.

    Guard: worker.die_with_parent in _bounded_child (without it, the worker keeps reading as an orphan).
    """
    (project / "content/slow.md").write_text("# Slow\n\n" + "<http://a" * 40_000 + "\n")
    env = dict(os.environ, PARTNERSHIP_ROOT=str(project), PARTNERSHIP_NOW=NOW)
    command = subprocess.Popen([sys.executable, "-m", "partnership.cli", "check"], cwd=project, env=env, stdout=subprocess.DEVNULL)
    try:
        workers: set[Process] = set()
        for _ in range(600):  # until the worker has started (a runaway guard, not a time bound on the product)
            workers = _children(command.pid)
            if (workers and _working(workers)) or command.poll() is not None:
                break
            time.sleep(0.1)
        assert workers, "check never started its Markdown worker"
        assert _killed_with(command, workers), f"the worker {workers} outlived its command"
    finally:
        command.kill()
        _signal(workers, signal.SIGKILL)  # should the guard fail, the orphan it left is ended here


@pytest.mark.slow
@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc")
def test_no_process_of_a_build_outlives_it(project: Path) -> None:
    """kill -9 of a build while its second process prints PDFs (all of them stopped): that process and its printers end with it.

    Guard: worker.die_with_parent in worker._child and the printers' pool initializer (without them they print on as orphans).
    """
    env = dict(os.environ, PARTNERSHIP_ROOT=str(project), PARTNERSHIP_NOW=NOW)
    build = subprocess.Popen([sys.executable, "-m", "partnership.cli", "build"], cwd=project, env=env, stdout=subprocess.DEVNULL)
    family: set[Process] = set()
    try:
        for _ in range(1200):  # until the second process has started printers of its own (a runaway guard)
            children = _children(build.pid)
            grandchildren = {g for child in children for g in _children(child[0])}
            family = children | grandchildren
            if (grandchildren and _working(family)) or build.poll() is not None:
                break
            time.sleep(0.1)
        assert family and build.poll() is None, "the build never started its printers"
        assert _killed_with(build, family), f"{family} outlived the build"
    finally:
        build.kill()
        _signal(family, signal.SIGKILL)  # should the guard fail, the orphans it left are ended here


# -- The preview answers bad addresses with 400 ------------------------------------------------------


@pytest.mark.slow
def test_the_preview_answers_bad_addresses_with_400(project: Path) -> None:
    """Guard: serve._refusing_bad_requests (without it: 500 and a traceback for %00, 404 for the rest)."""
    import http.client

    port = free_port()
    env = dict(os.environ, PARTNERSHIP_ROOT=str(project), PARTNERSHIP_NOW=NOW)
    server = subprocess.Popen(
        [sys.executable, "-m", "partnership.cli", "serve", "--address", f"127.0.0.1:{port}"],
        cwd=project,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )

    def status(path: str) -> int:
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
        try:
            connection.request("GET", path)
            return connection.getresponse().status
        finally:
            connection.close()

    try:
        for _ in range(1200):  # until the preview answers (a runaway guard)
            try:
                if status("/about/") == 200:
                    break
            except OSError:
                time.sleep(0.25)
        bad = [
            "/index.html%00.png",
            "/%00",
            "/about/%zz",
            "/about/%e",
            "/..%2f..%2fetc/passwd",
            "/%2e%2e/%2e%2e/etc/passwd",
            "/assets/..%5c..%5cetc%5cpasswd",
            "/%C0%AE%C0%AE/etc/passwd",
            "/%ff/",
            "/%1b[2J/",
        ]
        assert {path: status(path) for path in bad} == dict.fromkeys(bad, 400)
        assert status("/about/") == 200 and status("/events/") == 200
    finally:
        server.terminate()
        output = server.communicate(timeout=60)[0]
    assert "Traceback" not in output, output


# -- Silent and unclear cases become located problems or plain messages ----------------------------


def _make(project: Path, relative: str, make) -> None:
    make(project / relative)


@pytest.mark.parametrize(
    ("edit", "path", "needle"),
    [
        (lambda p: replace(p, EVENT, SESSION, "start: 2026-03-06T09:00, end: 2026-03-08T17:00"), EVENT, "56 hours without a break"),
        (lambda p: replace(p, EVENT, "capacity: 25", "capacity: 1.0e+30"), EVENT, "capacity: must be a whole number"),
        (lambda p: replace(p, EVENT, "capacity: 25", "capacity: 250000"), EVENT, "capacity: must be 100000 or less"),
        (lambda p: replace(p, EVENT, "cpd_hours: 6", "cpd_hours: 0.000000001"), EVENT, "cpd_hours: must be 0.25 or more"),
        (
            lambda p: replace(p, "data/frameworks/pcf.yml", "      entry: Shows motivation", "      entry: " + "Shows " * 7_000),
            "data/frameworks/pcf.yml",
            "more than the 32,767 a spreadsheet cell holds",
        ),
        (
            lambda p: (p / "content/About.md").write_text("# About us\n"),
            "content/about.md",
            "differs from content/About.md only in capitals",
        ),
        (lambda p: (p / "content/nul.md").write_text("# Nul\n"), "content/nul.md", "one Windows keeps for a device"),
        (lambda p: _make(p, "content/aux", lambda t: (t.mkdir(), (t / "x.md").write_text("# x\n"))), "content/aux", "one Windows keeps"),
        (lambda p: (p / "content/what?.md").write_text("# What\n"), "content/what?.md", "which Windows does not allow in a name"),
        (lambda p: (p / "content/notes.").write_text("x"), "content/notes.", "ends with a dot"),
        (
            lambda p: (p / EVENT).write_bytes((p / EVENT).read_text().encode("utf-16")),
            EVENT,
            "saved as UTF-16 text, not UTF-8; save it as UTF-8 (in VS Code",
        ),
        (
            lambda p: ((p / "data/site.yml").unlink(), (p / "data/site.yml").mkdir()),
            "data/site.yml",
            "this is a folder, but it must be a file",
        ),
        (lambda p: replace(p, "data/pathways.yml", "- id: student", "- id: com9"), "data/pathways.yml", "like 'com9-1'"),
        (
            lambda p: (p / "content/about.md").write_text('# About\n\n<p id="__config">x</p>\n'),
            "content/about.md",
            "starts with __, which the theme keeps for its own ids",
        ),
    ],
    ids=[
        "friday-to-sunday",
        "capacity-1e30",
        "capacity-huge",
        "cpd-hours-tiny",
        "excel-cell-limit",
        "capitals-collision",
        "nul-md",
        "aux-folder",
        "question-mark",
        "trailing-dot",
        "utf-16-yaml",
        "site-yml-folder",
        "com9-example",
        "theme-id",
    ],
)
def test_silent_and_unclear_cases_are_located_problems(project: Path, edit, path: str, needle: str) -> None:
    """Guards: events.MAX_SESSION_HOURS, Event.capacity/cpd_hours bounds, yamlsource.MAX_TEXT, rules.names, csvsource.decode's
    UTF-16 case, loader.required's folder case, the Windows-reserved example, safehtml's theme-id finding."""
    edit(project)
    output = refused(run_cli(project, "check"))
    located(output, path, needle)


def test_one_bad_value_in_a_metrics_file_is_one_problem(project: Path) -> None:
    """Guard: the unread measures in load.loader._metrics (without it, four knock-on 'not a measure id' problems)."""
    replace(project, "data/metrics/placements.yml", "2022-23: {value: 22,", "2022-23: {value: twenty-two,")
    found = problems(project)
    assert len(found) == 1 and "'twenty-two' is not a number" in found[0], found


def test_a_file_named_site_is_refused_and_left_alone(project: Path) -> None:
    """Guard: publish.target_problem (without it, the file is swapped into .site-build-<pid>-… and never cleaned up)."""
    (project / "site").write_text("my notes\n")
    output = refused(run_cli(project, "build", "--no-pdf"))
    assert "site is a file, not a folder" in output
    assert (project / "site").read_text() == "my notes\n"
    assert not [p.name for p in project.iterdir() if p.name.startswith(".site-")]


@pytest.mark.slow
def test_a_word_longer_than_the_line_stays_on_the_pdf_page(tmp_path: Path) -> None:
    """A 6,000-letter word in a report's text. Guard: overflow-wrap in outputs/assets/report.css (without it, 55,000 points off the page)."""
    import pypdfium2

    from partnership.core.outputs.documents import stylesheet
    from partnership.core.outputs.pdf import html_to_pdf

    html = (
        f'<html lang="en"><head><title>t</title><style>{stylesheet("#005ea5")}</style></head>'
        f"<body><h2>Income</h2><p>Before {'W' * 6_000} after.</p></body></html>"
    )
    pdf = pypdfium2.PdfDocument(html_to_pdf(html, tmp_path, None, "test.pdf"))
    outside = []
    for page in pdf:
        width, _ = page.get_size()
        text = page.get_textpage()
        for index in range(text.count_chars()):
            left, _, right, _ = text.get_charbox(index)
            if right > width + 0.5 or left < -0.5:
                outside.append(right - width)
    assert not outside, f"{len(outside)} letters off the page, up to {max(outside):.0f} points"


# -- Found by attacking the change again (each failed before its fix) -------------------------------


@pytest.mark.parametrize("site_dir", ["data", "content", ".", "notes"])
def test_the_site_is_never_published_over_the_projects_own_files(project: Path, site_dir: str) -> None:
    """--site-dir data swapped the data folder away and deleted it. Guard: publish.target_problem's sources and foreign folders."""
    (project / "notes").mkdir()
    (project / "notes/minutes.txt").write_text("keep me\n")
    before = {part: tree(project / part) for part in ("data", "content", "notes")}
    output = refused(run_cli(project, "build", "--no-pdf", "--site-dir", site_dir))
    assert "The build did not start:" in output and "Nothing was published." in output
    assert {part: tree(project / part) for part in ("data", "content", "notes")} == before


@pytest.mark.parametrize(
    ("text", "needle", "line", "column"),
    [
        ('# A\n\n<a href="&#x2F;&#x5C;evil.example/">x</a>\n', "browsers read it as the site evil.example", 3, 10),
        ("# A\n\nText.\n\n<javascript:alert(1)>\n", "<javascript:alert(1)> is not allowed", 5, 1),
        ("---\ntemplate: ../../../../etc/passwd\n---\n# A\n", "template: '../../../../etc/passwd' is not a template of theme/", 2, 11),
    ],
    ids=["character-references", "tag-ending-in-punctuation", "template-outside-theme"],
)
def test_what_was_located_at_1_1_or_not_at_all_is_located(project: Path, text: str, needle: str, line: int, column: int) -> None:
    """Guards: rules.markdown._written and the tag needle's end; rules.frontmatter._template_problem."""
    (project / "content/about.md").write_text(text)
    match = located(refused(run_cli(project, "check")), "content/about.md", needle)
    assert (match["line"], match["column"]) == (str(line), str(column))


@pytest.mark.parametrize(
    ("old", "new", "needle"),
    [
        ("booking: https://bookings.rdtp", "booking: https://b\u043e\u043ekings.rdtp", "letters outside a to z in its host"),
        ("capacity: 25", "capacity: " + "9" * 5_000, "is too long to be a number (5,000 digits)"),
    ],
    ids=["look-alike-host", "five-thousand-digits"],
)
def test_values_found_in_the_second_attack_are_located_problems(project: Path, old: str, new: str, needle: str) -> None:
    """Guards: the xn-- rule in models.common.url_problem; the int case in yamlsource._Converter._scalar."""
    replace(project, EVENT, old, new)
    output = refused(run_cli(project, "check"))
    located(output, EVENT, needle)
    assert "sys.set_int_max_str_digits" not in output


def test_an_empty_export_is_one_plain_line(project: Path, tmp_path: Path) -> None:
    """Guard: the empty case in importing._records (a ValueError traceback from zip before)."""
    (tmp_path / "empty.csv").write_text("")
    output = refused(run_cli(project, "import-attendance", str(tmp_path / "empty.csv"), "--year", "2025-26"))
    assert "The export has no column for the event's name" in output


def test_a_save_in_the_browser_editor_is_whole_and_keeps_the_files_permissions(project: Path) -> None:
    """The editor's backend writes through edit/files.write_whole too (its own copy made every saved file private, 0600)."""
    from partnership.edit.backend import LocalBackend

    target = project / "data/site.yml"
    target.chmod(0o644)
    backend = LocalBackend(project, lambda: {"problems": [], "warnings": []})
    text = target.read_text().replace("Riverside and Downs", "Riverside and the Downs", 1)
    status, _ = backend.handle(json.dumps({"action": "persistEntry", "params": {"entry": {"path": "data/site.yml", "raw": text}}}).encode())
    assert status == 200
    assert target.read_text() == text and target.stat().st_mode & 0o777 == 0o644
    assert not [p.name for p in target.parent.iterdir() if p.name.startswith(".")]


# -- Round three: found by a third attacker, who had not seen round two's fixes (each failed before its fix) --


@pytest.mark.parametrize(
    ("relative", "text", "needle", "line", "column"),
    [
        ("content/evil.html", '<!doctype html>\n<html><body>\n  <script>fetch("/api/v1")</script>\n', "<script> runs script", 3, 3),
        ("content/evil.htm", '<p>x</p>\n<img src=x onerror="alert(1)">\n', "the attribute onerror= on <img> runs script", 2, 1),
        ("content/assets/evil.svg", '<svg xmlns="http://www.w3.org/2000/svg">\n<script>alert(1)</script></svg>\n', "<script>", 2, 1),
        ("content/assets/evil.svg", '<svg xmlns="http://www.w3.org/2000/svg"\n onload="alert(1)"/>\n', "onload= on <svg>", 1, 1),
        (
            "content/assets/evil.svg",
            '<svg xmlns="http://www.w3.org/2000/svg">\n<a xlink:href="java&#x9;script:alert(1)"><text>x</text></a></svg>\n',
            "in xlink:href= on <a> can run script",
            2,
            1,
        ),
        (
            "content/assets/evil.svg",
            '<svg>\n<set attributeName="href" to="javascript:alert(1)"/></svg>\n',
            "<set attributeName=href>",
            2,
            1,
        ),
        ("content/feed.xml", '<?xml version="1.0"?>\n<?xml-stylesheet type="text/xsl" href="x.xsl"?>\n<a/>\n', "xml-stylesheet", 2, 1),
    ],
    ids=["html-script", "htm-handler", "svg-script", "svg-onload", "svg-javascript-link", "svg-animated-href", "xml-stylesheet"],
)
def test_a_hand_written_html_or_svg_file_with_script_is_a_located_problem(
    project: Path, relative: str, text: str, needle: str, line: int, column: int
) -> None:
    """content/evil.html with <script> passed check and was published as it is, on the editor's API's origin.
    Guard: rules.content._script_problems (present.safehtml.script_places)."""
    (project / relative).write_text(text)
    match = located(refused(run_cli(project, "check")), relative, needle)
    assert (match["line"], match["column"]) == (str(line), str(column))


def test_a_clean_svg_and_html_page_pass(project: Path) -> None:
    """The rule refuses script, not pictures: a drawing with a link and a plain page pass (the example's logo.svg too)."""
    (project / "content/assets/chart.svg").write_text(
        '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><rect width="10" height="10" fill="#123"/>'
        '<a href="https://example.org/"><text>x</text></a><image href="data:image/png;base64,AAAA"/></svg>\n'
    )
    (project / "content/plain.html").write_text(
        '<!doctype html><html><head><meta charset="utf-8"><title>x</title></head><body>x</body></html>\n'
    )
    result = run_cli(project, "check")
    assert result.returncode == 0, result.stdout + result.stderr


def _post(url: str, body: bytes, headers: dict[str, str]) -> tuple[int, bytes]:
    import urllib.error
    import urllib.request

    request = urllib.request.Request(url, data=body, headers=headers, method="POST")
    try:
        with urllib.request.urlopen(request, timeout=60) as answer:
            return answer.status, answer.read()
    except urllib.error.HTTPError as error:
        return error.code, error.read()


def _get(url: str) -> tuple[int, bytes]:
    import urllib.error
    import urllib.request

    try:
        with urllib.request.urlopen(url, timeout=60) as answer:
            return answer.status, answer.read()
    except urllib.error.HTTPError as error:
        return error.code, error.read()


@pytest.mark.slow
def test_no_page_of_the_preview_can_call_the_editors_backend(project: Path) -> None:
    """The editor's API and /admin/ were on the preview's origin, so a page of content/ could write data files.
    Guard: serve.EditorServer (its own port) and its _foreign (the preview's Origin is another origin)."""
    from partnership.core.cms.admin import installed, node_modules

    if not installed(node_modules()):
        pytest.skip("the browser editor's npm install is missing (python3 build.py installs it)")
    port = free_port_pair()
    preview, editor = f"http://127.0.0.1:{port}", f"http://127.0.0.1:{port + 1}"
    log = project / "edit.log"
    env = dict(os.environ, PARTNERSHIP_ROOT=str(project), PARTNERSHIP_NOW=NOW)
    with log.open("w") as out:
        process = subprocess.Popen(
            [sys.executable, "-m", "partnership.cli", "edit", "--no-open", "--address", f"127.0.0.1:{port}"],
            cwd=project,
            env=env,
            stdout=out,
            stderr=subprocess.STDOUT,
        )
    try:
        deadline = time.monotonic() + 120  # a runaway guard only
        while "Serving on" not in log.read_text():
            assert process.poll() is None and time.monotonic() < deadline, log.read_text()
            time.sleep(0.2)
        assert f"the editor at {editor}/admin/" in log.read_text()
        save = json.dumps({"action": "persistEntry", "params": {"entry": {"path": "data/site.yml", "raw": "name: Hacked\n"}}}).encode()
        before = (project / "data/site.yml").read_text()
        # The preview serves neither the backend nor the editor's page.
        assert _post(preview + "/api/v1", save, {"Content-Type": "application/json", "Origin": preview})[0] in (404, 405)
        status, page = _get(preview + "/admin/")
        assert status == 404 and b"decap" not in page.lower()
        # The backend refuses a request from a page of the preview (another port is another origin).
        status, answer = _post(editor + "/api/v1", save, {"Content-Type": "application/json", "Origin": preview})
        assert status == 403 and b"only the editor's own page" in answer
        assert (project / "data/site.yml").read_text() == before
        # The editor's origin serves the editor, and nothing of the site.
        assert _get(editor + "/admin/")[0] == 200
        assert _get(editor + "/index.html")[0] == 404 and _get(editor + "/about/")[0] == 404
        info = json.dumps({"action": "info"}).encode()
        status, answer = _post(editor + "/api/v1", info, {"Content-Type": "application/json", "Origin": editor})
        assert status == 200 and json.loads(answer)["publish_modes"] == ["simple"]
    finally:
        process.send_signal(signal.SIGTERM)
        process.wait(timeout=60)


def _backend(project: Path) -> Any:
    from partnership.edit.backend import LocalBackend

    return LocalBackend(project, lambda: {"problems": [], "warnings": []})


def _ask(backend: Any, action: object, params: object = None, *, raw: bytes | None = None) -> tuple[int, Any]:
    body = raw if raw is not None else json.dumps({"action": action, "params": params or {}}).encode()
    return backend.handle(body)


@pytest.mark.parametrize(
    ("action", "params", "needle"),
    [
        ("entriesByFolder", {"folder": "data/events", "extension": "yml/../../../../etc/passwd", "depth": 2}, "extension must be one of"),
        ("entriesByFolder", {"folder": "data/events", "extension": ["yml"], "depth": 2}, "extension must be one of"),
        ("entriesByFolder", {"folder": "data/events", "extension": "yml", "depth": "2"}, "depth must be a whole number from 1 to 10"),
        ("entriesByFolder", {"folder": "data/events", "extension": "yml", "depth": 10**9}, "depth must be a whole number"),
        ("entriesByFolder", {"folder": "data/events", "extension": "yml", "depth": True}, "depth must be a whole number"),
        ("entriesByFolder", {"folder": "data/../../etc", "extension": "yml"}, "only files under data/"),
        ("persistEntry", {"entry": {"path": "data/evil.yml/x.yml", "raw": "a: 1\n"}}, "a new folder's name may not hold a dot"),
        ("persistEntry", {"entry": {"path": "data/events/2025-26/con.yml", "raw": "a: 1\n"}}, "one Windows keeps for a device"),
        ("persistEntry", {"entry": {"path": "data/events/.hidden.yml", "raw": "a: 1\n"}}, "a hidden name"),
        ("getEntry", {"path": "data/site.yml/"}, None),
    ],
    ids=[
        "extension-climbs",
        "extension-list",
        "depth-text",
        "depth-huge",
        "depth-bool",
        "folder-climbs",
        "folder-x.yml",
        "device",
        "hidden",
        "slash",
    ],
)
def test_every_parameter_of_the_editors_backend_is_held_to_what_the_cms_sends(
    project: Path, action: str, params: dict[str, Any], needle: str | None
) -> None:
    """entriesByFolder's extension read any file (yml/../../../../etc/passwd); persistEntry made a folder data/evil.yml/.
    Guard: edit.backend's checks of extension, depth and each name of a path."""
    before = tree(project)
    status, answer = _ask(_backend(project), action, params)
    if needle is None:
        assert status == 200 or 400 <= status < 500
    else:
        assert 400 <= status < 500 and needle in answer["error"], answer
        assert tree(project) == before
    assert "root:" not in json.dumps(answer)
    assert not (project / "data/evil.yml").exists()


def test_the_editors_backend_never_follows_a_link(project: Path, tmp_path: Path) -> None:
    """A link made while the editor runs was listed (its target's text sent) by entriesByFolder. Guard: edit.backend._files,
    _read (O_NOFOLLOW) and _no_links (each part of a path looked at with lstat)."""
    outside = tmp_path / "outside"
    outside.mkdir()
    secret = outside / "secret.yml"
    secret.write_text("token: SECRET-27b\n")
    backend = _backend(project)
    (project / "data/events/2025-26/leak.yml").symlink_to(secret)
    (project / "data/events/linked").symlink_to(outside, target_is_directory=True)
    status, listed = _ask(backend, "entriesByFolder", {"folder": "data/events", "extension": "yml", "depth": 3})
    assert status == 200 and listed and "SECRET-27b" not in json.dumps(listed)
    assert not [entry for entry in listed if "leak" in entry["file"]["path"] or "linked" in entry["file"]["path"]]
    for action, params in [
        ("getEntry", {"path": "data/events/2025-26/leak.yml"}),
        ("entriesByFiles", {"files": [{"path": "data/events/linked/secret.yml"}]}),
        ("persistEntry", {"entry": {"path": "data/events/linked/new.yml", "raw": "a: 1\n"}}),
        ("persistEntry", {"entry": {"path": "data/events/2025-26/leak.yml", "raw": "a: 1\n"}}),
        ("deleteFile", {"path": "data/events/linked/secret.yml"}),
    ]:
        status, answer = _ask(backend, action, params)
        assert status == 403 and "is a link; the editor never follows links" in answer["error"], (action, answer)
    assert secret.read_text() == "token: SECRET-27b\n" and sorted(p.name for p in outside.iterdir()) == ["secret.yml"]


@pytest.mark.parametrize(
    ("raw", "status", "needle"),
    [
        (json.dumps({"action": "shown", "params": {}}).encode(), 422, "unknown action"),
        (json.dumps({"action": "entry", "params": {}}).encode(), 422, "unknown action"),
        (json.dumps({"action": "_path", "params": {}}).encode(), 422, "unknown action"),
        (json.dumps({"action": ["info"], "params": {}}).encode(), 422, "unknown action"),
        (b'{"action": "info", "params": {"x": ' + b"[" * 100_000 + b"]" * 100_000 + b"}}", 400, "nests more than"),
        (
            b'{"action": "persistEntry", "params": {"entry": {"path": "data/site.yml", "raw": "name: \\ud800\\n"}}}',
            400,
            "half of a surrogate pair",
        ),
        (b"\xff\xfe", 400, "not UTF-8"),
        (b"[1]", 422, "not a JSON object"),
    ],
    ids=["private-shown", "private-entry", "private-path", "action-list", "deep-json", "lone-surrogate", "not-utf8", "not-object"],
)
def test_a_request_the_backend_cannot_carry_out_is_a_4xx_with_a_plain_message(project: Path, raw: bytes, status: int, needle: str) -> None:
    """Actions named after private methods, a non-int depth, deep JSON (RecursionError) and a lone surrogate were 500s with
    tracebacks. Guard: edit.backend.ACTIONS (an explicit table), _parsed and _encodable."""
    before = tree(project / "data")
    answered, answer = _backend(project).handle(raw)
    assert answered == status and needle in answer["error"], answer
    assert "Traceback" not in answer["error"]
    assert tree(project / "data") == before


def _raw_request(port: int, length: str | None, body: bytes) -> bytes:
    """POST ``body`` to the editor's backend saying Content-Length: ``length`` (None: no such header), keeping the connection
    open for writing (a server that reads until the client closes would wait for ever: the timeout is a runaway guard)."""
    said = "" if length is None else f"Content-Length: {length}\r\n"
    with socket.create_connection(("127.0.0.1", port), timeout=60) as connection:
        connection.sendall(
            f"POST /api/v1 HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nContent-Type: application/json\r\n{said}\r\n".encode() + body
        )
        answer = b""
        with contextlib.suppress(ConnectionResetError):
            while data := connection.recv(65536):
                answer += data
    return answer


@pytest.mark.parametrize(
    ("length", "status"),
    [("-1", b"400"), ("-9999999999", b"400"), ("1e3", b"400"), ("0x10", b"400"), ("99999999", b"413"), (None, b"411")],
    ids=["minus-one", "very-negative", "exponent", "hex", "over-the-limit", "none"],
)
def test_a_content_length_that_is_not_a_size_within_the_limit_is_refused_unread(project: Path, length: str | None, status: bytes) -> None:
    """Content-Length: -1 read the body until the connection closed, past the 8 MB limit. Guard: serve.EditorServer._api."""
    import types

    from partnership.serve import EditorServer

    server = EditorServer("127.0.0.1", 0, types.SimpleNamespace(backend=_backend(project)))  # type: ignore[arg-type]
    port = server.server_address[1]
    server.hosts.add(f"127.0.0.1:{port}")
    server.thread.start()
    try:
        answer = _raw_request(port, length, b'{"action": "info"}')
    finally:
        server.shutdown()
        server.server_close()
    assert answer.split(b" ", 2)[1] == status, answer[:300]
    assert b"Traceback" not in answer


@pytest.mark.parametrize(
    ("relative", "old", "new", "line"),
    [
        ("data/frameworks/pcf.yml", "    title: Values and Ethics", '    title: "Values \\ufffe Ethics"', 111),
        (EVENT, "title: Strengths-Based Practice", 'title: "Strengths \\uffff Practice"', 4),
        (EVENT, "title: Strengths-Based Practice", 'title: "Strengths \\U0010FFFF Practice"', 4),
        (EVENT, "cost: Free to partner staff", 'cost: "Free \\ufdd0 to partner staff"', 20),
        ("content/about.md", "# About", "# About \ufdef", 1),
    ],
    ids=["fffe-word-writer", "ffff", "plane-16", "fdd0", "markdown-fdef"],
)
def test_noncharacters_are_a_located_problem_like_control_characters(project: Path, relative: str, old: str, new: str, line: int) -> None:
    """U+FFFE in pcf.yml passed check and crashed the Word writer; U+FFFF was published raw. Guard: text.NONCHARACTERS in
    text.CONTROL (one list, located as control characters are)."""
    replace(project, relative, old, new)
    output = refused(run_cli(project, "check"))
    match = located(output, relative, "U+")
    assert match["line"] == str(line)
    assert "noncharacter" in match["message"]


def test_names_differing_only_in_unicode_normalisation_are_a_located_problem(project: Path) -> None:
    """content/café.md stored as NFC beside the same name as NFD: one file on macOS, two addresses that clash.
    Guard: rules.names.check_names' NFC key."""
    composed, decomposed = "caf\u00e9.md", "cafe\u0301.md"
    (project / "content" / composed).write_text("# Café\n")
    (project / "content" / decomposed).write_text("# Café\n")
    output = refused(run_cli(project, "check"))
    assert "only in how an accented letter is stored" in output


@pytest.mark.slow
def test_calendar_text_escapes_backslash_semicolon_and_comma(project: Path) -> None:
    r"""A title A;B,C\N was written SUMMARY:A\;B\,C\n (a line break) and X-WR-CALNAME:A;B,C\N (unescaped).
    Guard: outputs.ics.Text, the one place every text property is escaped (RFC 5545 3.3.11)."""
    from icalendar import Calendar

    replace(project, EVENT, "title: Strengths-Based Practice", "title: 'A;B,C\\N Practice'")
    result = build_site(project, "--no-pdf")
    assert result.returncode == 0, result.stdout + result.stderr
    raw = (project / "site/events/strengths-based-practice-2026-03/event.ics").read_bytes().decode()
    unfolded = raw.replace("\r\n ", "")
    assert "SUMMARY:A\\;B\\,C\\\\N Practice\r\n" in unfolded
    assert "X-WR-CALNAME:A\\;B\\,C\\\\N Practice\r\n" in unfolded
    parsed = Calendar.from_ical(raw)
    assert [str(event["summary"]) for event in parsed.walk("VEVENT")] == ["A;B,C\\N Practice"]


@pytest.mark.parametrize(
    ("old", "new", "needle"),
    [
        ("cpd_hours: 6", "cpd_hours: 6:00", "'6:00' would be read as 360 (YAML reads numbers with colons in base 60"),
        ("capacity: 25", "capacity: 1:30", "'1:30' would be read as 90"),
        ("capacity: 25", "capacity: 0x19", "'0x19' would be read as 25 (YAML reads a number starting 0x"),
        ("capacity: 25", "capacity: 031", "'031' would be read as 25"),
        ("capacity: 25", "capacity: 2_5", "'2_5' would be read as 25 (YAML drops the underscores)"),
    ],
    ids=["sexagesimal-hours", "sexagesimal-capacity", "hex", "octal", "underscore"],
)
def test_yaml_1_1_number_forms_are_a_located_problem(project: Path, old: str, new: str, needle: str) -> None:
    """cpd_hours: 6:00 was read as 360 hours, 0x19 and 2_5 as 25, without a word. Guard: yamlsource._PLAIN_INT/_PLAIN_FLOAT."""
    replace(project, EVENT, old, new)
    match = located(refused(run_cli(project, "check")), EVENT, needle)
    written = (project / EVENT).read_text().splitlines()
    assert new in written[int(match["line"]) - 1]


@pytest.mark.parametrize(
    ("first", "last", "event", "why", "secret"),
    [
        ("Ivy", "Pepper", "Strengths-Based Practice for Ivy P\u0435pper", "its event holds the name of the person who booked", "pper"),
        ("Ivy", "Pepper", "Strengths-Based Practice (Ivy)", "its event holds the first name or surname of the person who booked", "(Ivy)"),
        ("Ivy", "Pepper", "Strengths-Based Practice - Pepper", "its event holds the first name or surname", "- Pepper"),
        ("Bo", "Green", "dr walter skinner", "its event holds what looks like a title and a name", "skinner"),
        ("Cy", "Gray", "Strengths-Based Practice jo[at]example.org", "its event looks like an e-mail address", "[at]"),
        ("Cy", "Gray", "Strengths-Based Practice jo\uff20example.org", "its event looks like an e-mail address", "example.org"),
        ("Di", "Black", "Strengths-Based Practice 07700 900123", "its event looks like a telephone number", "900123"),
        ("Ed", "White", "\u00a0=1+1", "its event starts like a spreadsheet formula", "=1+1"),
        ("Ed", "White", " =1+1", "its event starts like a spreadsheet formula", "=1+1"),
    ],
    ids=[
        "cyrillic-look-alike",
        "first-name-only",
        "surname-only",
        "lower-case-title",
        "at-in-brackets",
        "fullwidth-at",
        "uk-phone",
        "no-break-space-formula",
        "space-formula",
    ],
)
def test_names_hidden_by_spelling_never_reach_data_and_the_row_is_named_by_its_line(
    project: Path, tmp_path: Path, first: str, last: str, event: str, why: str, secret: str
) -> None:
    """Round three: a Cyrillic е in the booker's name, a first name or surname alone, 'dr walter skinner', jo[at]x.org,
    a fullwidth ＠, a phone number, and ' =1+1' (which refused the whole import at a line of a file never written).
    Guard: load.personal.skeleton, _PHONE, _ANY_TITLE, the own-name-word rule, and text.formula_like's leading spaces."""
    export = _export_lines()
    path = tmp_path / "export.csv"
    row = ROW.format(n=4001, first=first, last=last, mail=f"{first.lower()}@example.org", event=event, organisation="Harbour Family Trust")
    path.write_text("\n".join([*export, row]) + "\n", encoding="utf-8")
    drop_attendance_rows(project, "2025-26", EXPORT_EVENTS)
    result = run_cli(project, "import-attendance", str(path), "--year", "2025-26", "--accept-suggestions")
    assert result.returncode == 0, result.stdout + result.stderr
    assert f"line {len(export) + 1}: {why}" in result.stdout
    written = "".join(
        (project / "data" / name).read_text() for name in ("attendance/2025-26.csv", "attendance/2025-26.imports.yml", "import.yml")
    )
    assert secret not in written and secret not in result.stdout


def test_an_import_checks_before_it_writes_and_never_undoes(project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Round three: killed while it checked what it had written (and would put back), the import left a refused row
    (=1+1) in data/attendance/. Guard: edit.files.write_all_checked checks the data over an overlay first (as new event
    does), then writes each file whole; an interruption (Ctrl+C) between two files puts the first back."""
    from partnership.edit import files

    target, second = project / "data/attendance/2025-26.csv", project / "data/attendance/2024-25.csv"
    before = target.read_text()
    writes: list[Path] = []
    real = files.write_whole

    def recorded(path: Path, text: str) -> None:
        writes.append(path)
        if path == second:
            raise KeyboardInterrupt
        real(path, text)

    monkeypatch.setattr(files, "write_whole", recorded)
    monkeypatch.setattr(files, "_put_back", lambda old: [real(p, t) if t is not None else p.unlink() for p, t in old.items()])
    problems = files.write_all_checked({target: before + '"=1+1",other,1,1,0,0\n'}, project / "data", project / "content")
    assert problems and "starts with '='" in " ".join(problems)
    assert writes == [] and target.read_text() == before, "nothing is written to be checked"
    shorter = "".join(before.splitlines(keepends=True)[:-1])  # the last row left out: still valid data
    with pytest.raises(KeyboardInterrupt):
        files.write_all_checked({target: shorter, second: second.read_text()}, project / "data", project / "content")
    assert writes == [target, second] and target.read_text() == before


def test_a_long_word_in_a_pdf_table_cell_keeps_the_row_on_the_page(tmp_path: Path) -> None:
    """Round three: a long word in a report table's cell ran off the page and the rest of its row was lost (a table sizes
    its columns before overflow-wrap breaks a word). Guard: outputs.pdf.breakable (the level guide's words stay whole:
    tests/test_toolkit.py's test_no_word_is_broken…)."""
    import pypdfium2

    from partnership.core.outputs.documents import stylesheet
    from partnership.core.outputs.pdf import html_to_pdf

    html = (
        f'<html lang="en"><head><title>t</title><style>{stylesheet("#005ea5")}</style></head><body><h2>Income</h2>'
        f"<table><thead><tr><th>Source</th><th>Note</th><th>Amount</th></tr></thead>"
        f"<tbody><tr><td>Grant</td><td>{'W' * 3_000}</td><td>LastCell</td></tr></tbody></table></body></html>"
    )
    pdf = pypdfium2.PdfDocument(html_to_pdf(html, tmp_path, None, "test.pdf"))
    outside, text = [], ""
    for page in pdf:
        width, _ = page.get_size()
        found = page.get_textpage()
        text += found.get_text_range()
        for index in range(found.count_chars()):
            left, _, right, _ = found.get_charbox(index)
            if right > width + 0.5 or left < -0.5:
                outside.append(right - width)
    assert not outside, f"{len(outside)} letters off the page, up to {max(outside):.0f} points"
    assert "LastCell" in text and "Grant" in text


@pytest.mark.parametrize(
    ("text", "needle", "line", "column"),
    [
        ("# A\n\nText.\n\n[x](&#106;avascript:alert(1))\n", "a javascript: address can run code", 5, 5),
        ("# A\n\nText.\n\n[x](&#x4A;AVASCRIPT:alert(1))\n", "a javascript: address can run code", 5, 5),
        (
            "# A\n\nText.\n\n<img src=x ONERROR&#61;alert(1)>\n",
            "the attribute name 'onerror&#61;alert(1)' on <img> holds a character reference",
            5,
            12,
        ),
    ],
    ids=["scheme-letter-as-reference", "upper-case-hex-reference", "attribute-name-with-reference"],
)
def test_what_the_third_attack_found_at_1_1_is_located(project: Path, text: str, needle: str, line: int, column: int) -> None:
    """Round three: [x](&#106;avascript:…) and <img src=x ONERROR&#61;…> were located at 1:1, the latter called an event
    handler that runs script (a browser reads it as an unknown attribute). Guard: rules.markdown._letter and the
    attribute needle without '='; present.safehtml.Finding.explain for a name holding a reference."""
    (project / "content/about.md").write_text(text)
    match = located(refused(run_cli(project, "check")), "content/about.md", needle)
    assert (match["line"], match["column"]) == (str(line), str(column))


def test_a_bidi_override_in_new_events_title_points_at_the_option(project: Path) -> None:
    """Round three (against main; fixed on integ by issue 24): the problem named a file that does not exist."""
    result = run_cli(
        project, "new", "event", "--yes", "--type", "workshop", "--provider", "downsford-children", "--audience", "nqsw-asye",
        "--services", "children", "--format", "online", "--session", "9/6/2027 9.30am-12.30pm", "--title", "Day \u202e evil",
    )  # fmt: skip
    output = refused(result)
    assert "--title: this text holds the right-to-left override" in output
    assert "data/events/2026-27/day" not in output
