"""The site generator under the core can change (docs/engines.md).

* ProperDocs, MkDocs 1.6's maintained fork, builds the same site from the
  same mkdocs.yml and Material theme (``python3 build.py --engine properdocs``);
  only the generator's name in each page's ``<meta name="generator">`` differs.
* The core makes every page body and every file with no site generator
  imported at all: what a new engine or theme would take over.
* With Material's templates and assets copied into ``theme/`` and used as the
  site's own theme (the plan for the day Material stops), the site is the same.
"""

from __future__ import annotations

import importlib.util
import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import NOW, build_site, copy_project, run_cli
from partnership.core.present import urls

pytestmark = pytest.mark.slow

GENERATOR = re.compile(rb'<meta name="generator" content="[^"]*">')


def test_properdocs_builds_the_same_site(example_project: Path, built: Path, tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    shutil.copytree(example_project / ".cache", project / ".cache")  # the PDFs need not be printed again
    result = run_cli(project, "build", "--engine", "properdocs")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "made 0" in result.stdout, result.stdout
    mine = {p.relative_to(built).as_posix() for p in built.rglob("*") if p.is_file()}
    theirs = {p.relative_to(project / "site").as_posix() for p in (project / "site").rglob("*") if p.is_file()}
    assert mine == theirs
    generators = set()
    for name in sorted(mine):
        ours, properdocs = (built / name).read_bytes(), (project / "site" / name).read_bytes()
        if name.endswith(".html"):
            generators.update(GENERATOR.findall(properdocs))
            ours, properdocs = GENERATOR.sub(b"", ours), GENERATOR.sub(b"", properdocs)
        assert ours == properdocs, f"{name} differs between MkDocs and ProperDocs"
    assert generators == {b'<meta name="generator" content="mkdocs-ProperDocs 1.6.7, mkdocs-material-9.8.1">'}


CORE_ALONE = """
import datetime as dt, importlib.abc, json, sys
from pathlib import Path

class NoSiteGenerator(importlib.abc.MetaPathFinder):
    def find_spec(self, name, path=None, target=None):
        if name.split(".")[0] in ("mkdocs", "material", "properdocs"):
            raise ImportError(f"{name} is not to be imported here")
        return None

sys.meta_path.insert(0, NoSiteGenerator())
from partnership.core import clock
from partnership.core.build import SiteBuild
from partnership.core.html.security import ThemeScripts
from partnership.core.load import load_dataset

project, out = Path(sys.argv[1]), Path(sys.argv[2])
build = SiteBuild(load_dataset(project / "data", project / "content"), clock.now(), pdf=False, parallel=False, log=lambda _: None)
build.start_outputs(out)
bodies = {page.url: build.finish_page(build.page_html(page), ThemeScripts(())) for page in build.pages}
finished = build.finish()
print(json.dumps({"pages": {url: html.count("<h1") for url, html in bodies.items()}, "files": sorted(finished.sizes)}))
"""


def test_the_core_makes_every_page_and_file_without_a_site_generator(example_project: Path, built: Path, tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-c", CORE_ALONE, str(example_project), str(tmp_path / "out")],
        capture_output=True,
        text=True,
        timeout=600,
        env=dict(os.environ, PARTNERSHIP_NOW=NOW),
    )
    assert result.returncode == 0, result.stderr
    made = json.loads(result.stdout)
    assert len(made["pages"]) > 200
    for url, headings in made["pages"].items():
        assert headings == 1, f"/{url} has {headings} h1 elements"
        assert (built / url / "index.html").is_file(), f"/{url} is not a page of the built site"
    files = set(made["files"])
    assert {"calendar.ics", "events.json", "events/feed.xml", "reports/2025-26/data/attendance.csv", "toolkit/evidence-grid.xlsx"} <= files
    assert {name for name in files if name.endswith(".ics")} == {p.relative_to(built).as_posix() for p in built.rglob("*.ics")}
    for name in files - {urls.toolkit_zip()}:  # the zip holds the level guide's PDF only when PDFs are made
        assert (tmp_path / "out" / name).read_bytes() == (built / name).read_bytes(), f"{name} differs from the built site's"


def own_theme(project: Path) -> None:
    """Step 2 of docs/engines.md: Material's templates and assets copied into theme/, used as a theme of the site's own."""
    spec = importlib.util.find_spec("material")
    assert spec is not None and spec.submodule_search_locations
    templates = Path(next(iter(spec.submodule_search_locations))) / "templates"
    for source in templates.rglob("*"):
        target = project / "theme" / source.relative_to(templates)
        if source.is_file() and source.suffix != ".py" and "__pycache__" not in source.parts and not target.exists():
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, target)
    config = project / "mkdocs.yml"
    text = config.read_text()
    assert "  name: material\n" in text and "  - search\n" in text
    text = text.replace(
        "  name: material\n", "  name: null\n  static_templates: [404.html]\n  favicon: assets/images/favicon.png\n  direction: null\n"
    )
    config.write_text(text.replace("  - search\n", "  - material/search\n"))


def test_the_site_builds_the_same_with_materials_templates_as_its_own_theme(tmp_path: Path) -> None:
    built = {}
    for name, change in (("material", None), ("own", own_theme)):
        project = copy_project(tmp_path / name)
        if change:
            change(project)
        result = build_site(project, "--no-pdf")
        assert result.returncode == 0, result.stdout + result.stderr
        site = project / "site"
        built[name] = {p.relative_to(site).as_posix(): p.read_bytes() for p in site.rglob("*") if p.is_file()}
    assert built["own"].keys() == built["material"].keys()
    for name, content in built["material"].items():
        assert built["own"][name] == content, f"{name} differs when Material's templates are the site's own theme"
