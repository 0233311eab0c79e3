"""One set of views per build: each view computed once, content/ read once, one manifest of files, nothing changeable.

``python3 build.py`` checks the data (the rule for hand-written files at the
site's addresses needs every page and file the site makes) and then builds
the pages, charts, CSVs and PDFs. Every one of them reads the views that
:class:`~partnership.core.present.siteviews.SiteViews` computes once: here a
real build of the example, checked and built in one process as the command
runs it, counts how often each view is worked out.
"""

from __future__ import annotations

import collections
import dataclasses
import functools
import importlib
import pathlib
import pkgutil
import shutil
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

import partnership
from conftest import NOW, build_site, copy_project, load
from partnership.core import clock
from partnership.core.cms.admin import published_files
from partnership.core.present.manifest import FileKind
from partnership.core.present.siteviews import SiteViews

COUNTED = {
    "partnership.core.views.reports": ("report_view", "measure_table"),
    "partnership.core.views.attendance": ("appendix",),
    "partnership.core.views.toolkit": ("toolkit",),
    "partnership.core.views.strategy": ("partner_view", "recommendation_histories"),
    "partnership.core.views.events": ("event_views",),
    "partnership.core.present.charts": ("report_charts",),
    "partnership.core.present.toolkit": ("downloads",),
}
"""The views a build works out, by module: each is counted wherever it is called from."""
CLASSES = {
    "partnership.core.views.catalogue.Catalogue": "__post_init__",
    "partnership.core.html.context.RenderContext": "__init__",
    "partnership.core.outputs.documents.Documents": "__init__",
}


def _every_module() -> None:
    """Import the whole package, so that every module that holds a view's function by name can be counted."""
    for info in pkgutil.walk_packages(partnership.__path__, "partnership."):
        if not info.name.startswith("partnership.bootstrap"):
            importlib.import_module(info.name)


def _counting(counts: collections.Counter[str], name: str, original: Callable[..., Any]) -> Callable[..., Any]:
    @functools.wraps(original)
    def counted(*args: Any, **kwargs: Any) -> Any:
        counts[name] += 1
        return original(*args, **kwargs)

    return counted


def count_views(monkeypatch: pytest.MonkeyPatch) -> collections.Counter[str]:
    """Every call of the views in :data:`COUNTED` and :data:`CLASSES` from now on, by name."""
    _every_module()
    counts: collections.Counter[str] = collections.Counter()
    for module_name, names in COUNTED.items():
        for name in names:
            original = getattr(importlib.import_module(module_name), name)
            counted = _counting(counts, name, original)
            for module in list(sys.modules.values()):  # every module that imported it by name
                if getattr(module, "__name__", "").startswith("partnership") and getattr(module, name, None) is original:
                    monkeypatch.setattr(module, name, counted)
    for path, method in CLASSES.items():
        module_name, _, class_name = path.rpartition(".")
        cls = getattr(importlib.import_module(module_name), class_name)
        monkeypatch.setattr(cls, method, _counting(counts, class_name, getattr(cls, method)))
    return counts


@dataclasses.dataclass
class Counted:
    project: Path
    counts: collections.Counter[str]
    content_reads: collections.Counter[str]
    """Each content/ Markdown file, by path under content/: how often the code read it through the loader's SourceFiles."""
    other_reads: list[str]
    """content/ Markdown files read any other way (Path.read_text, Path.read_bytes)."""
    narratives: collections.Counter[tuple[str, str]]
    """Each (report year, narrative text) whose quoted figures were filled in."""
    output: str


@pytest.fixture(scope="module")
def counted_build(tmp_path_factory: pytest.TempPathFactory, example_project: Path) -> Iterator[Counted]:
    """The example, checked and built as ``python3 build.py`` does it (PDFs on), in this process, every view counted.

    One process (PARTNERSHIP_PARALLEL=0), so that the files and PDFs are made
    where they are counted; the shared build's cache is copied in, so that no
    PDF is printed again (the HTML each is printed from is made all the same:
    it is the cache's key).
    """
    project = copy_project(tmp_path_factory.mktemp("views-once") / "project")
    shutil.copytree(example_project / ".cache", project / ".cache")
    content = (project / "content").resolve()
    with pytest.MonkeyPatch.context() as monkeypatch:
        monkeypatch.setenv("PARTNERSHIP_PARALLEL", "0")
        counts = count_views(monkeypatch)
        content_reads: collections.Counter[str] = collections.Counter()
        other_reads: list[str] = []
        narratives: collections.Counter[tuple[str, str]] = collections.Counter()

        from partnership.core.present import quotes
        from partnership.core.sources.files import SourceFiles

        def markdown_under_content(path: Any) -> str | None:
            path = Path(path).resolve()
            return path.relative_to(content).as_posix() if path.suffix == ".md" and path.is_relative_to(content) else None

        read = SourceFiles.read

        def counted_read(self: SourceFiles, path: Path, limit: int | None = None) -> bytes | None:
            relative = markdown_under_content(path)
            if relative:
                content_reads[relative] += 1
            return read(self, path, limit)

        def other(original: Callable[..., Any]) -> Callable[..., Any]:
            def reading(self: pathlib.Path, *args: Any, **kwargs: Any) -> Any:
                relative = markdown_under_content(self)
                if relative:
                    other_reads.append(relative)
                return original(self, *args, **kwargs)

            return reading

        with_figures = quotes.with_figures

        def counted_figures(text: str, report: Any, *args: Any, markdown: bool = False, **kwargs: Any) -> str:
            if markdown:
                narratives[(report.year, text)] += 1
            return with_figures(text, report, *args, markdown=markdown, **kwargs)

        monkeypatch.setattr(SourceFiles, "read", counted_read)
        monkeypatch.setattr(pathlib.Path, "read_text", other(pathlib.Path.read_text))
        monkeypatch.setattr(pathlib.Path, "read_bytes", other(pathlib.Path.read_bytes))
        for module in list(sys.modules.values()):
            if getattr(module, "__name__", "").startswith("partnership") and getattr(module, "with_figures", None) is with_figures:
                monkeypatch.setattr(module, "with_figures", counted_figures)
        result = build_site(project)
        assert result.returncode == 0, result.stdout + result.stderr
        counted = Counted(project, counts.copy(), content_reads.copy(), list(other_reads), narratives.copy(), result.stdout)
    yield counted  # counted during the build only


pytestmark = pytest.mark.slow


def test_a_build_works_out_each_view_once(counted_build: Counted) -> None:
    """Checked and built in one command, the example's views are each worked out once: for the check's address rule,
    the pages, the charts, the CSVs and the PDFs together (a report's view was worked out four times, then five with the check)."""
    shown = load(counted_build.project).published()
    counts = counted_build.counts
    assert "Reused" in counted_build.output and ".pdf" not in counted_build.output
    assert counts["report_view"] == len(shown.reports) == 2
    assert counts["appendix"] == len(shown.attendance) >= 2, "once per attendance file: for its report and every partner's page"
    assert counts["partner_view"] == len(shown.partners), "once per partner: for its page and its PDFs"
    once = ("toolkit", "downloads", "recommendation_histories", "event_views", "report_charts", "Catalogue", "RenderContext", "Documents")
    assert {name: counts[name] for name in once} == dict.fromkeys(once, 1)


def test_no_template_works_out_a_table(counted_build: Counted) -> None:
    """Every measure table is made once, by the views: the sections' tables, the headlines and each measure's own.

    (A measure's page asked its template to make its table, and the report PDFs made every section's again.)
    """
    shown = load(counted_build.project).published()
    sections = sum(1 for report in shown.reports for section in report.sections if section.metrics in shown.metrics)
    headlines = sum(1 for report in shown.reports for measure in report.headlines if measure in shown.measure_by_id)
    measures = len(shown.measure_by_id)
    assert counted_build.counts["measure_table"] == sections + headlines + measures


def test_content_is_read_once_at_load(counted_build: Counted) -> None:
    """Each Markdown file under content/ is read once, by the loader (its rules and the pages use that text), and
    nothing reads content/ again: not the pages' or the PDFs' narratives, not the check of ``[[blocks]]``."""
    content = counted_build.project / "content"
    markdown = sorted(path.relative_to(content).as_posix() for path in content.rglob("*.md"))
    assert markdown and "reports/2025-26/placements.md" in markdown
    assert counted_build.content_reads == dict.fromkeys(markdown, 1)
    assert counted_build.other_reads == []


def test_quoted_figures_are_filled_in_once(counted_build: Counted) -> None:
    """A report's words are given their figures once, for its page and its PDF alike."""
    shown = load(counted_build.project).published()
    narratives = {(report.year, relative) for report in shown.reports for _, relative in report.narratives()}
    assert len(counted_build.narratives) == len(narratives) and set(counted_build.narratives.values()) == {1}


@pytest.fixture(scope="module")
def views(example_project: Path) -> SiteViews:
    return SiteViews.compute(load(example_project), clock.parse_now(NOW), editor=published_files())


def test_the_views_cannot_be_changed(views: SiteViews) -> None:
    with pytest.raises(dataclasses.FrozenInstanceError):
        views.now = views.now  # type: ignore[misc]
    with pytest.raises(TypeError):
        views.reports["2025-26"] = views.reports["2025-26"]  # type: ignore[index]
    with pytest.raises(dataclasses.FrozenInstanceError):
        views.catalogue.upcoming = []  # type: ignore[misc]
    with pytest.raises(dataclasses.FrozenInstanceError):
        views.reports["2025-26"].sections = []  # type: ignore[misc]
    with pytest.raises(dataclasses.FrozenInstanceError):
        views.partners["riverside-children"].years = []  # type: ignore[misc]


def test_every_file_of_the_manifest_names_what_it_is_made_from(views: SiteViews) -> None:
    """Each file beside the pages says which records and views it is made from, and each of those exists."""
    dataset = views.dataset
    known = {
        "site": True,
        "catalogue": True,
        "toolkit": views.toolkit is not None,
        "models": True,
        "data": True,
        "editor": bool(views.editor),
        **{f"event:{event.id}": True for event in dataset.events},
        **{f"stage:{stage.id}": True for stage in dataset.pathways},
        **{f"report:{report.year}": True for report in dataset.reports},
        **{f"attendance:{path}": True for path in dataset.attendance},
        **{f"partner:{partner.id}": True for partner in dataset.partners},
    }
    paths = [file.path for file in views.files]
    assert len(paths) == len(set(paths)), "one entry per address"
    for file in views.files:
        assert file.inputs and all(known.get(name) for name in file.inputs), file
    kinds = collections.Counter(file.kind for file in views.files)
    assert kinds[FileKind.REPORT_PDF] == len(dataset.reports)
    assert kinds[FileKind.PARTNER_PDF] == len(dataset.reports) * len(dataset.partners)
    assert kinds[FileKind.EVENT_CALENDAR] == sum(1 for event in dataset.events if event.sessions)


def test_the_editors_files_are_the_manifests(views: SiteViews, built: Path) -> None:
    """/admin/ holds exactly the browser editor's files the manifest lists (its page, configuration, scripts and
    Decap CMS's bundle): the address rule and the build read the same list."""
    listed = {file.path for file in views.files if file.kind == FileKind.EDITOR}
    assert {"admin/index.html", "admin/config.json", "admin/decap-cms.js"} <= listed
    assert listed == {path.relative_to(built).as_posix() for path in (built / "admin").rglob("*") if path.is_file()}


def test_the_check_hands_its_views_to_the_build(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """``build`` computes the views while checking the data and builds with them; a build of data changed in between
    (a save during the check) computes its own from what it loaded, never building from the views of other data."""
    from partnership.core.load import cache as dataset_cache

    project = copy_project(tmp_path / "project")
    counts = count_views(monkeypatch)
    assert build_site(project, "--no-pdf").returncode == 0
    assert counts["Catalogue"] == 1
    loaded = dataset_cache.load_dataset_cached

    def saved_meanwhile(data_dir: Path, content_dir: Path | None = None) -> Any:
        """The plugin's load, after the check's, as if a file had been saved in between: the data is loaded anew."""
        dataset_cache._CACHE.clear()
        return loaded(data_dir, content_dir)

    from partnership.plugin import plugin

    monkeypatch.setattr(plugin, "load_dataset_cached", saved_meanwhile)
    counts.clear()
    result = build_site(project, "--no-pdf")
    assert result.returncode == 0, result.stdout + result.stderr
    assert counts["Catalogue"] == 2, "the check's views were of other data: the build computed its own"
