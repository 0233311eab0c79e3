"""A series of rebuilds after edits leaves exactly the site a cold build of the same data makes (issue 28, deliverable 1).

The project is built once, then edited step by step as an editor would
(an event's title, a cancelled event, a new event, a framework item renamed,
a metrics value, a template of the theme), and after each edit built again in
this process with everything the last build kept (the loaded dataset, the
parsed files, the compiled templates, the charts, the output cache): the way
the preview rebuilds. After each, the whole site is compared, file by file and
byte for byte, with a cold build of a copy of the same files in a new process
(no ``.cache/``, no ``site/``). An edit reaches far (an event's title is in
listings, facets, other events' related lists, calendars, the feed, the search
index, the open data): whatever a rebuild reuses, it must reuse only what the
edit did not change.

Without PDFs, to keep it to minutes (the PDFs' reuse is tested in test_cache.py).
"""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from conftest import PROJECT_PARTS, build_site, copy_project, run_cli

pytestmark = pytest.mark.slow

EVENT = "data/events/2026-27/young-carers-2026-12.yml"


def _replace(project: Path, relative: str, old: str, new: str) -> None:
    path = project / relative
    text = path.read_text()
    assert old in text, f"{relative} no longer holds {old!r}: the edit must change something"
    path.write_text(text.replace(old, new, 1))


def _new_event(project: Path) -> None:
    source = project / EVENT
    text = source.read_text().replace("title: Supporting Young Carers", "title: Young Carers Again", 1)
    (source.parent / "young-carers-again-2026-12.yml").write_text(text.replace("young-carers-2026-12", "young-carers-again-2026-12"))


EDITS: list[tuple[str, Callable[[Path], None]]] = [
    ("an event's title", lambda p: _replace(p, EVENT, "title: Supporting Young Carers", "title: Supporting Young Carers Well")),
    (
        "a cancelled event",
        lambda p: _replace(
            p, "data/events/2026-27/care-act-introduction.yml", "status: scheduled", "status: cancelled\nstatus_note: The trainer is ill."
        ),
    ),
    ("a new event", _new_event),
    (
        "a framework item renamed",
        lambda p: _replace(p, "data/frameworks/pcf.yml", "    title: Professionalism\n", "    title: Professional conduct\n"),
    ),
    ("a metrics value", lambda p: _replace(p, "data/metrics/workforce.yml", "2025-26: 56}", "2025-26: 56.37}")),
    (
        "a template change",
        lambda p: _replace(
            p, "theme/partials/copyright.html", '<div class="md-copyright">', '<div class="md-copyright" data-edited="yes">'
        ),
    ),
]


def site_files(site: Path) -> dict[str, bytes]:
    return {path.relative_to(site).as_posix(): path.read_bytes() for path in sorted(site.rglob("*")) if path.is_file()}


def differences(rebuilt: dict[str, bytes], cold: dict[str, bytes]) -> list[str]:
    found = [f"only in the rebuilt site: {path}" for path in sorted(rebuilt.keys() - cold.keys())]
    found += [f"only in the cold build: {path}" for path in sorted(cold.keys() - rebuilt.keys())]
    found += [f"differs: {path}" for path in sorted(rebuilt.keys() & cold.keys()) if rebuilt[path] != cold[path]]
    return found


def cold_build(project: Path, folder: Path) -> dict[str, bytes]:
    """The site a new process builds from a copy of ``project``'s files (their times kept), with nothing kept from before."""
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    for part in PROJECT_PARTS:
        source = project / part
        (shutil.copytree if source.is_dir() else shutil.copy2)(source, folder / part)
    result = run_cli(folder, "build", "--no-pdf")
    assert result.returncode == 0, result.stdout + result.stderr
    return site_files(folder / "site")


def test_a_series_of_rebuilds_leaves_the_site_a_cold_build_makes(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    first = build_site(project, "--no-pdf")
    assert first.returncode == 0, first.stdout + first.stderr
    before = site_files(project / "site")
    for what, edit in EDITS:
        edit(project)
        rebuilt = build_site(project, "--no-pdf")
        assert rebuilt.returncode == 0, f"after {what}: {rebuilt.stdout}{rebuilt.stderr}"
        after = site_files(project / "site")
        assert after != before, f"{what} changed nothing on the site: the edit is not one the test can check"
        found = differences(after, cold_build(project, tmp_path / "cold"))
        assert not found, f"after {what}, the rebuilt site is not the cold build's:\n" + "\n".join(found[:40])
        before = after
