"""PDFs, Word, Excel, zip files and charts kept in .cache/ between builds, never served stale.

A file is reused only when everything it is made from is unchanged: change
one figure in a metrics file and the report's PDF and chart say the new
figure; build at another instant and the files dated with it are made again.
"""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest

from conftest import copy_project, run_cli

pytestmark = pytest.mark.slow

HEAVY = ("*.pdf", "*.docx", "*.xlsx", "*.zip")


def build(project: Path, now: str = "2026-11-22T12:00") -> tuple[int, int]:
    """Build ``project``; (files reused from the cache, files made), as the build reports them."""
    result = run_cli(project, "build", now=now)  # a new process: the file-writing process reports to its stdout
    assert result.returncode == 0, result.stdout + result.stderr
    found = re.search(r"Reused (\d+) PDF, Word, Excel and zip files from the cache; made (\d+)", result.stdout)
    assert found, result.stdout
    return int(found.group(1)), int(found.group(2))


def heavy_files(site: Path) -> dict[str, bytes]:
    return {p.relative_to(site).as_posix(): p.read_bytes() for pattern in HEAVY for p in site.rglob(pattern)}


def pdf_text(path: Path) -> str:
    return subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True).stdout


@pytest.mark.poppler
def test_the_cache_is_reused_until_a_figure_or_the_instant_changes(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    reused, made = build(project)
    files = heavy_files(project / "site")
    assert (reused, made) == (0, len(files)), "a first build makes every heavy file"
    assert len(list((project / ".cache/outputs").rglob("*.*"))) == len(files)

    assert build(project) == (len(files), 0), "a second build of the same data reuses every one"
    assert heavy_files(project / "site") == files, "and they are the same files, byte for byte"

    report = project / "site/reports/2025-26/report.pdf"
    assert "56.37%" not in pdf_text(report)
    metrics = project / "data/metrics/workforce.yml"
    text = metrics.read_text()
    assert "2025-26: 56}" in text
    metrics.write_text(text.replace("2025-26: 56}", "2025-26: 56.37}", 1))
    reused, made = build(project)
    assert "56.37%" in pdf_text(report), "the report's PDF shows the changed figure"
    page = (project / "site/reports/2025-26/index.html").read_text()
    assert re.search(r'<desc id="chart-[^"]*">[^<]*2025-26 56\.37%', page), "and so does the chart, drawn again (not the kept one)"
    changed = {path for path, content in heavy_files(project / "site").items() if files[path] != content}
    showing = {path for path in files if path.endswith(".pdf") and "56.37%" in pdf_text(project / "site" / path)}
    assert "reports/2025-26/report.pdf" in changed
    assert changed == showing, "exactly the files that show the figure are made again"
    assert (reused, made) == (len(files) - len(changed), len(changed))
    assert len(list((project / ".cache/outputs").rglob("*.*"))) == len(files), "the stale PDF is no longer kept"

    reused, made = build(project, now="2026-11-23T12:00")
    remade = {path for path, content in heavy_files(project / "site").items() if files[path] != content} - changed
    dated = {path for path in files if path.startswith("toolkit/") and not path.endswith(".pdf")}
    assert remade == dated, "Word, Excel and zip files are dated with the build's instant; PDFs do not show it"
    assert (reused, made) == (len(files) - len(dated), len(dated))
