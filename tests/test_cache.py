"""PDFs, Word, Excel, zip files and charts kept in .cache/ between builds, never served stale.

A file is reused only when everything it is made from is unchanged: change
one figure in a metrics file and the report's PDF and chart say the new
figure; build at another instant and the files dated with it are made again;
rename a university, move the ASYE's hand-over or change the toolkit's list of
files and the toolkit's Word files say so.
"""

from __future__ import annotations

import io
import os
import re
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import lxml.etree
import pytest

from conftest import ROOT, copy_project, run_cli

pytestmark = pytest.mark.slow

HEAVY = ("*.pdf", "*.docx", "*.xlsx", "*.zip")


def reuse(output: str) -> tuple[int, int]:
    """(files reused from the cache, files made), as a build's output reports them."""
    found = re.search(r"Reused (\d+) PDF, Word, Excel and zip files from the cache; made (\d+)", output)
    assert found, output
    return int(found.group(1)), int(found.group(2))


def build(project: Path, now: str = "2026-11-22T12:00") -> tuple[int, int]:
    """Build ``project``; (files reused from the cache, files made), as the build reports them."""
    result = run_cli(project, "build", now=now)  # a new process: the file-writing process reports to its stdout
    assert result.returncode == 0, result.stdout + result.stderr
    return reuse(result.stdout)


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
    dated = {path for path in files if path.startswith("toolkit/")}
    assert "toolkit/pcf-level-guide.pdf" in dated and "made on 23 november 2026" in " ".join(
        pdf_text(project / "site/toolkit/pcf-level-guide.pdf").lower().split()
    )
    assert remade == dated, (
        "Word, Excel and zip files are dated with the build's instant; of the PDFs only the level guide shows it (its day)"
    )
    assert (reused, made) == (len(files) - len(dated), len(dated))


WORD_TEXT = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def word_text(content: bytes) -> str:
    """The text of a Word file, a line per paragraph, the choices of its lists included."""
    with zipfile.ZipFile(io.BytesIO(content)) as archive:
        tree = lxml.etree.fromstring(archive.read("word/document.xml"))
    lines = ["".join(t.text or "" for t in p.iter(f"{WORD_TEXT}t")) for p in tree.iter(f"{WORD_TEXT}p")]
    lines += [item.get(f"{WORD_TEXT}value") or "" for item in tree.iter(f"{WORD_TEXT}listItem")]
    return "\n".join(lines)


def test_toolkit_files_are_made_again_when_the_partners_the_pathways_or_the_toolkit_code_change(tmp_path: Path) -> None:
    """The Word and Excel files read partners.yml (universities, employers), pathways.yml (the ASYE's hand-over) and
    present/toolkit.py (which files there are, and what each is for): each is part of their cache key.

    Each build runs the code of a copy of plugins/, so that the code can be changed too; each change
    leaves the rest of the cache in use, so a key that left it out would serve the stale file.
    """
    project = copy_project(tmp_path / "project")
    code = tmp_path / "plugins"
    shutil.copytree(ROOT / "plugins", code, ignore=shutil.ignore_patterns("__pycache__"))
    environment = dict(os.environ, PARTNERSHIP_ROOT=str(project), PARTNERSHIP_NOW="2027-10-01T12:00", PYTHONPATH=str(code))

    def toolkit_build() -> tuple[dict[str, bytes], tuple[int, int]]:
        """The toolkit's Word, Excel and zip files after a build without PDFs, and (reused, made)."""
        command = [sys.executable, "-m", "partnership.cli", "build", "--no-pdf"]
        result = subprocess.run(command, cwd=project, env=environment, capture_output=True, text=True, timeout=600)
        assert result.returncode == 0, result.stdout + result.stderr
        return {p.name: p.read_bytes() for p in sorted((project / "site/toolkit").iterdir()) if p.suffix != ".html"}, reuse(result.stdout)

    def changed(before: dict[str, bytes], after: dict[str, bytes]) -> set[str]:
        assert before.keys() == after.keys()
        return {name for name in before if before[name] != after[name]}

    files, (reused, made) = toolkit_build()
    assert (reused, made) == (0, len(files)) and "learning-agreement-first-placement.docx" in files and "asye-grid-kss-adults.xlsx" in files
    again, counts = toolkit_build()
    assert again == files and counts == (len(files), 0), "unchanged, every file is reused: one whose key left a change out would be stale"

    partners = project / "data/partners.yml"
    partners.write_text(partners.read_text().replace("name: University of Riverside\n", "name: University of Riverside and Wye\n", 1))
    after, counts = toolkit_build()
    assert "University of Riverside and Wye" in word_text(after["learning-agreement-first-placement.docx"]), "the university's new name"
    assert "University of Riverside and Wye" not in word_text(files["learning-agreement-first-placement.docx"])
    renamed = changed(files, after)
    assert {"learning-agreement-first-placement.docx", "pcf-toolkit.zip"} <= renamed and "asye-grid-kss-adults.xlsx" not in renamed
    assert counts[1] >= len(renamed), "each changed file was made again, not taken from the cache"

    pathways = project / "data/pathways.yml"
    text = pathways.read_text()
    assert text.count("from: 2027-09-01") == 2, "the ASYE's hand-over in children's services, and the ECDP's start"
    pathways.write_text(text.replace("from: 2027-09-01", "from: 2027-09-15"))
    files = after
    after, counts = toolkit_build()
    handed_over = changed(files, after)
    plan = word_text(after["asye-development-plan-cf-early-career.docx"])
    assert "begun between 1 April 2027 and 14 September 2027" in plan
    assert "begun between 1 April 2027 and 31 August 2027" in word_text(files["asye-development-plan-cf-early-career.docx"])
    assert {"asye-development-plan-cf-early-career.docx", "pcf-toolkit.zip"} <= handed_over
    assert "learning-agreement-first-placement.docx" not in handed_over
    assert counts[1] >= len(handed_over)

    module = code / "partnership/core/present/toolkit.py"
    described = "and the plan for the second half."
    assert module.read_text().count(described) == 1
    module.write_text(module.read_text().replace(described, "and the plan for the second half, agreed by all."))
    files = after
    after, counts = toolkit_build()
    assert "and the plan for the second half, agreed by all." in word_text(after["pcf-level-guide.docx"]), "the level guide lists the files"
    assert {"pcf-level-guide.docx", "pcf-toolkit.zip"} <= changed(files, after)
    assert counts == (0, len(files)), "the code the files are made by has changed: every one is made again"
