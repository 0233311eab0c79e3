"""Shared fixtures: copies of the project to break, and a built example site.

Every test that needs a site builds a real one: the command line in a
subprocess, exactly as ``python3 build.py`` runs it, into a temporary
folder. "Today" is fixed with ``PARTNERSHIP_NOW`` so that which events are
upcoming does not change with the calendar.
"""

from __future__ import annotations

import datetime as dt
import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import pytest

from partnership.core.dataset import Dataset
from partnership.core.load import load_dataset
from partnership.core.problems import DataError

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
NOW = "2026-11-22T12:00"
CHROMIUM = Path(os.environ.get("PARTNERSHIP_CHROMIUM", "/usr/bin/chromium"))
FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
AXE = ROOT / "tests/node_modules/axe-core/axe.min.js"
PROJECT_PARTS = ("data", "content", "theme", "mkdocs.yml")


def copy_project(target: Path) -> Path:
    """A copy of the parts of the project a build reads, to change freely."""
    target.mkdir(parents=True, exist_ok=True)
    for part in PROJECT_PARTS:
        source = ROOT / part
        if source.is_dir():
            shutil.copytree(source, target / part)
        else:
            shutil.copy2(source, target / part)
    return target


def run_cli(project: Path, *args: str, now: str = NOW, timeout: int = 600) -> subprocess.CompletedProcess[str]:
    """Run ``python3 build.py <args>`` against ``project`` (in this venv)."""
    env = dict(os.environ, PARTNERSHIP_ROOT=str(project), PARTNERSHIP_NOW=now)
    return subprocess.run(
        [sys.executable, "-m", "partnership.cli", *args],
        cwd=project,
        env=env,
        capture_output=True,
        text=True,
        timeout=timeout,
    )


def problems(project: Path) -> list[str]:
    """Every problem the loader reports for ``project``'s data, as printed."""
    try:
        load_dataset(project / "data", project / "content")
    except DataError as error:
        return [str(p) for p in error.problems]
    return []


def load(project: Path) -> Dataset:
    return load_dataset(project / "data", project / "content")


@pytest.fixture
def project(tmp_path: Path) -> Path:
    return copy_project(tmp_path / "project")


@pytest.fixture(scope="session")
def example_project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return copy_project(tmp_path_factory.mktemp("example") / "project")


@pytest.fixture(scope="session")
def build_result(example_project: Path) -> subprocess.CompletedProcess[str]:
    """The example site, built once for the whole test run."""
    result = run_cli(example_project, "build")
    assert result.returncode == 0, result.stdout + result.stderr
    return result


@pytest.fixture(scope="session")
def built(example_project: Path, build_result: subprocess.CompletedProcess[str]) -> Path:
    """The built example site's folder."""
    return example_project / "site"


NOW_INSTANT = dt.datetime.fromisoformat(NOW).replace(tzinfo=ZoneInfo("Europe/London"))


class FixedClockBrowser:
    """A Playwright browser whose every new context runs on the tests' instant, not today's.

    The build's clock is fixed by ``PARTNERSHIP_NOW``; the page scripts (My CPD's
    CPD year, "upcoming" in the catalogue) read the browser's clock, so it is
    fixed to the same instant and then left to run.
    """

    def __init__(self, browser: Any, instant: dt.datetime = NOW_INSTANT):
        self._browser = browser
        self.instant = instant

    def new_context(self, **options: Any) -> Any:
        context = self._browser.new_context(**options)
        context.clock.set_system_time(self.instant)
        return context

    def __getattr__(self, name: str) -> Any:
        return getattr(self._browser, name)


@pytest.fixture(scope="session")
def browser() -> Iterator[FixedClockBrowser]:
    from playwright.sync_api import sync_playwright

    assert AXE.is_file(), "axe-core is missing: run python3 build.py test (it installs tests/package-lock.json)"
    executable = str(CHROMIUM) if CHROMIUM.exists() else None
    with sync_playwright() as playwright:
        try:
            chromium = playwright.chromium.launch(executable_path=executable, args=FLAGS)
        except Exception as error:
            pytest.fail(f"Chromium could not start ({error}); install Debian's chromium (.ci/run does)")
        yield FixedClockBrowser(chromium)
        chromium.close()


EXPORT_EVENTS = {"Annual Conference 2025", "strengths-based-practice-2026-03", "contextual-safeguarding-2026-03"}
"""The events of tests/fixtures/eventbrite-attendees.csv, as the example's attendance file names them."""


def drop_attendance_rows(project: Path, year: str, events: set[str]) -> None:
    """Delete the rows for ``events`` from ``project``'s attendance file for ``year``, as an editor would.

    The example's 2025-26.csv has rows typed by hand for the events of the test export; the import
    stops rather than count those bookings twice, and says to delete them first.
    """
    path = project / "data" / "attendance" / f"{year}.csv"
    lines = path.read_text(encoding="utf-8").splitlines()
    kept = [line for index, line in enumerate(lines) if index == 0 or line.split(",", 1)[0] not in events]
    path.write_text("\n".join(kept) + "\n", encoding="utf-8")
