"""PDFs, Word, Excel, zip files, charts and compiled templates kept in .cache/ between builds, never served stale.

A file is reused only when everything it is made from is unchanged: change
one figure in a metrics file and the report's PDF and chart say the new
figure; build at another hour or day and nothing is made again (documents carry
the date their data last changed, not the build's instant);
rename a university, move the ASYE's hand-over or change the toolkit's list of
files and the toolkit's Word files say so; release a change to how numbers
are written and every chart and document is made again. Built again
unchanged, every one is reused.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
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
from partnership.core.clock import LONDON
from partnership.core.problems import DataError

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

    current = heavy_files(project / "site")
    for later in ("2026-11-22T12:31", "2026-11-22T19:05", "2026-11-24T08:00"):
        assert build(project, now=later) == (len(files), 0), f"built at {later}, the same data: nothing is made again"
        assert heavy_files(project / "site") == current, (
            "the same Word, Excel, zip and PDF files, byte for byte: they carry the date their data last changed, not the build's"
        )


@pytest.mark.poppler
def test_documents_carry_the_date_their_data_last_changed(tmp_path: Path) -> None:
    """Outside git the toolkit's files are dated by their sources' newest modification time; changing one dates them anew."""
    project = copy_project(tmp_path / "project")
    sources = [project / "data/frameworks", project / "data/partners.yml", project / "data/pathways.yml", project / "data/site.yml"]
    sources.append(project / "content/toolkit")
    october = dt.datetime(2026, 10, 5, 9, 15, tzinfo=LONDON).timestamp()
    for source in sources:
        for file in [source] if source.is_file() else [f for f in source.rglob("*") if f.is_file()]:
            os.utime(file, (october, october))
    build(project, now="2026-11-22T12:00")
    first = heavy_files(project / "site")
    guide = " ".join(pdf_text(project / "site/toolkit/pcf-level-guide.pdf").lower().split())
    assert "made on 5 october 2026" in guide and "22 november" not in guide
    with zipfile.ZipFile(project / "site/toolkit/pcf-toolkit.zip") as archive:
        assert {info.date_time for info in archive.infolist()} == {(2026, 10, 5, 9, 15, 0)}
        assert "Made on 5 October 2026" in archive.read("README.txt").decode()
    word = project / "site/toolkit/supervision-record.docx"
    with zipfile.ZipFile(word) as document:
        properties = document.read("docProps/core.xml")
    assert b">2026-10-05T08:15:00Z</dcterms:modified>" in properties, "09:15 in October (BST) is 08:15 UTC"

    partners = project / "data/partners.yml"
    partners.write_text(partners.read_text())  # saved again, unchanged in content: a new date all the same
    november = dt.datetime(2026, 11, 20, 16, 40, tzinfo=LONDON).timestamp()
    os.utime(partners, (november, november))
    reused, made = build(project, now="2026-11-22T13:00")
    toolkit = {path for path in first if path.startswith("toolkit/")}
    assert (reused, made) == (len(first) - len(toolkit), len(toolkit)) and {
        path for path, content in heavy_files(project / "site").items() if first[path] != content
    } == toolkit
    assert "made on 20 november 2026" in " ".join(pdf_text(project / "site/toolkit/pcf-level-guide.pdf").lower().split())


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
    # The hand-over is a day the frameworks in force change, so it is the day every toolkit file is dated by (built on
    # 1 October 2027: 15 September, not 1 September): all are made again, but a file that does not read the career stages
    # says the same words.
    first_placement = "learning-agreement-first-placement.docx"
    assert word_text(after[first_placement]) == word_text(files[first_placement])
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


# -- a release of the code -------------------------------------------------------------------

RELEASED = "\u2009"
"""The thousands separator of the release below: a thin space (1 457) instead of a comma (1,457)."""


@dataclasses.dataclass
class Kept:
    """What ``.cache/`` holds after a build: each kept chart and compiled template by name, with its modification time."""

    charts: dict[str, int]
    templates: dict[str, int]
    output: str

    @classmethod
    def after(cls, project: Path, output: str) -> Kept:
        def files(folder: Path) -> dict[str, int]:
            return {path.relative_to(folder).as_posix(): path.stat().st_mtime_ns for path in folder.rglob("*") if path.is_file()}

        return cls(files(project / ".cache/charts"), files(project / ".cache/templates"), output)


@pytest.fixture(scope="module")
def released(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Kept | Path]:
    """The example built three times with PDFs, each by the code of a copy of plugins/: cold, warm, and warm again
    after a release whose ``present/format.py`` writes thousands with a thin space."""
    folder = tmp_path_factory.mktemp("release")
    project = copy_project(folder / "project")
    code = folder / "plugins"
    shutil.copytree(ROOT / "plugins", code, ignore=shutil.ignore_patterns("__pycache__"))
    environment = dict(os.environ, PARTNERSHIP_ROOT=str(project), PARTNERSHIP_NOW="2026-11-22T12:00", PYTHONPATH=str(code))

    def build_kept() -> Kept:
        command = [sys.executable, "-m", "partnership.cli", "build"]
        result = subprocess.run(command, cwd=project, env=environment, capture_output=True, text=True, timeout=900)
        assert result.returncode == 0, result.stdout + result.stderr
        return Kept.after(project, result.stdout)

    found: dict[str, Kept | Path] = {"project": project, "cold": build_kept()}
    found["files"] = project / "files-before"
    shutil.copytree(project / "site", found["files"])
    found["warm"] = build_kept()
    formatter = code / "partnership/core/present/format.py"
    written = '        return f"{int(value):,}"\n'
    assert formatter.read_text().count(written) == 1
    formatter.write_text(formatter.read_text().replace(written, f'        return f"{{int(value):,}}".replace(",", "{RELEASED}")\n'))
    found["released"] = build_kept()
    return found


def test_an_unchanged_warm_build_reuses_every_cached_file(released: dict[str, Kept | Path]) -> None:
    """Built again by the same code from the same data, every PDF, Word, Excel and zip file, chart and compiled template is reused."""
    cold, warm = released["cold"], released["warm"]
    assert isinstance(cold, Kept) and isinstance(warm, Kept)
    made = reuse(cold.output)[1]
    assert made > 30 and reuse(warm.output) == (made, 0)
    assert len(cold.charts) > 20 and warm.charts == cold.charts, "every chart read from the cache, none drawn and written again"
    assert len(cold.templates) > 20 and warm.templates == cold.templates, "every template compiled by the first build"


@pytest.mark.poppler
def test_a_release_that_writes_numbers_otherwise_remakes_the_charts_and_documents(released: dict[str, Kept | Path]) -> None:
    """The next build after a new release of the number formatter draws every chart again and makes every document
    again, and they print the new form: no cached file made by the old code is served (their keys hold a hash of the
    whole package, not a hand-kept list of the modules that might matter)."""
    warm, after, project = released["warm"], released["released"], released["project"]
    assert isinstance(warm, Kept) and isinstance(after, Kept) and isinstance(project, Path)
    reused, made = reuse(after.output)
    assert reused == 0 and made == sum(reuse(warm.output)), "every PDF, Word, Excel and zip file made again"
    assert len(after.charts) == len(warm.charts) and not set(after.charts) & set(warm.charts), "every chart drawn again"
    assert not set(after.templates) & set(warm.templates), "and every template compiled again"
    page = (project / "site/reports/2025-26/index.html").read_text()
    assert re.search(rf'<desc id="chart-cpd-bookings-[^"]*">[^<]*2025-26 1{RELEASED}457', page), "the chart says the new form"
    before, printed = pdf_text(released["files"] / "reports/2025-26/report.pdf"), pdf_text(project / "site/reports/2025-26/report.pdf")  # type: ignore[operator]
    assert "61.84% of 1,457 bookings" in before and "1,457" not in printed, "and so does the report's PDF"
    assert re.search(r"61\.84% of 1\s457 bookings", printed), "(a thin space, which pdftotext writes as a space)"


def test_the_package_hash_changes_with_any_file_of_the_code(tmp_path: Path) -> None:
    """The key every cached file holds: the same for a copy of the code, another for a comment added anywhere."""
    from partnership.core import release

    copy = tmp_path / "partnership"
    shutil.copytree(release.PACKAGE, copy, ignore=shutil.ignore_patterns("__pycache__"))
    assert release.package_hash(copy) == release.package_hash()
    (copy / "core/present/__pycache__").mkdir(exist_ok=True)
    (copy / "core/present/__pycache__/format.cpython-311.pyc").write_bytes(b"compiled")
    assert release.package_hash.__wrapped__(copy) == release.package_hash(), "compiled Python follows from the source"
    formatter = copy / "core/present/format.py"
    formatter.write_text(formatter.read_text() + "# a comment\n")
    assert release.package_hash.__wrapped__(copy) != release.package_hash()
    template = copy / "core/html/templates/event.html"
    formatter.write_text(formatter.read_text().removesuffix("# a comment\n"))
    template.write_text(template.read_text() + " ")
    assert release.package_hash.__wrapped__(copy) != release.package_hash()


def test_library_versions_follow_what_each_library_requires() -> None:
    """No list of libraries is kept by hand: WeasyPrint brings what it draws with, fonttools[woff] its compressors."""
    from importlib import metadata

    from partnership.core import release

    pdf = release.library_versions("weasyprint")
    for library in ("weasyprint", "pydyf", "tinycss2", "cssselect2", "pyphen", "pillow", "fonttools", "brotli", "zopfli"):
        assert f"{library}=={metadata.version(library)}" in pdf, library
    assert "pytest" not in pdf and "sphinx" not in pdf, "nor what only its tests and documents need"
    assert "numpy==" in release.library_versions("matplotlib") and "lxml==" in release.library_versions("python-docx", "openpyxl")


def test_the_dataset_cache_is_keyed_by_theme_and_the_release(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The loader checks theme/ too, so a change there loads the data again; and so does a new release of the code."""
    from partnership.core.load import cache

    project = copy_project(tmp_path / "project")
    dataset = cache.load_dataset_cached(project / "data", project / "content")
    assert cache.load_dataset_cached(project / "data", project / "content") is dataset
    (project / "theme/link.md").symlink_to("/etc/passwd")
    with pytest.raises(DataError, match=re.escape("theme/link.md")):  # not the dataset loaded before the link was made
        cache.load_dataset_cached(project / "data", project / "content")
    (project / "theme/link.md").unlink()
    assert cache.load_dataset_cached(project / "data", project / "content") is dataset, "theme/ as it was: the same data"
    monkeypatch.setattr(cache, "package_hash", lambda: "another release")
    again = cache.load_dataset_cached(project / "data", project / "content")
    assert again is not dataset and cache.load_dataset_cached(project / "data", project / "content") is again
