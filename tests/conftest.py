"""Shared fixtures: the example site built once, private copies of the project to break, and a browser on a fixed clock.

Every test that needs a site checks a real build. "Now" is fixed for all of
them: ``PARTNERSHIP_NOW`` (``NOW``) for every build, Python's clock (moved
to ``NOW_INSTANT`` by time-machine for every test, and running on from
there: ``time.time()`` and ``datetime.now()`` read November 2026, so compare
file times with each other, not with the clock), and the browser's clock and
time zone (``browser``). Nothing depends on today's date;
tests/test_date_matrix.py checks the date-sensitive pages at other instants.

Which fixture a new test should use:

* ``built`` (the site folder) and ``build_result`` (its exit status and
  output): the example site, built once per test run and shared by every test
  and every worker. Use them for anything that only reads the site. Never
  write into ``built``.
* ``project`` (a private copy of data/, content/, theme/ and mkdocs.yml in
  the test's own folder): to break or change something. Then
  ``problems(project)`` for data rules, ``build_site(project, "--no-pdf")``
  to build it in this process (fast), or ``run_cli(project, "build")`` when
  the command line itself is what is tested (exit status, messages, the
  atomic publish of site/, a build in a fresh process). Mark tests that
  build their own site ``@pytest.mark.slow``.
* ``shared_build(tmp_path_factory, name, edit)``: a changed copy built once
  and shared by the tests of a module (as test_reports.py and
  test_security.py do), built once even when the tests run in several workers.
* ``browser`` (Chromium whose every context and page runs at ``NOW_INSTANT``
  in Europe/London) and ``site_url`` (``built`` served on 127.0.0.1).

Markers: a test that runs a program other than Python says so, so that
``python3 build.py test --skip-browser`` can skip it on a machine without it:
``browser`` (added by itself to every test that uses ``browser`` or
``site_url``), ``poppler`` (pdftotext, pdfinfo, pdftoppm), ``libreoffice``
(soffice), ``java`` (the Nu HTML Checker). A test that starts one of these
without its marker fails at once and says which marker to add. ``slow``
marks tests left out of the fast lane, ``python3 build.py test --quick``
(the data rules and the shared build).

The tests can run in several processes (pytest-xdist, as ``python3 build.py
test`` does): a test must not rely on another having run, nor on sharing a
process with it. Modules that never read the shared site are put first, so
that one worker can build it while another runs them.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import fcntl
import functools
import gc
import http.server
import io
import json
import os
import resource
import shutil
import signal
import socket
import socketserver
import subprocess
import sys
import threading
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import pytest
import time_machine

from partnership.core.load import load_dataset
from partnership.core.models.dataset import Dataset
from partnership.core.problems import DataError

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
NOW = "2026-11-22T12:00"
LONDON = ZoneInfo("Europe/London")
NOW_INSTANT = dt.datetime.fromisoformat(NOW).replace(tzinfo=LONDON)
CHROMIUM = Path(os.environ.get("PARTNERSHIP_CHROMIUM") or shutil.which("chromium") or "/usr/bin/chromium")
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

#: marker → (what it needs, in words; the programs a test with it may start).
NEEDS: dict[str, tuple[str, tuple[str, ...]]] = {
    "browser": ("Chromium", ("chromium", "chromium-browser", "chrome", "google-chrome")),
    "poppler": ("poppler (pdftotext, pdfinfo, pdftoppm)", ("pdftotext", "pdfinfo", "pdftoppm")),
    "libreoffice": ("LibreOffice", ("soffice", "libreoffice")),
    "java": ("Java (for the Nu HTML Checker)", ("java",)),
}
PROGRAM_MARKER = {program: marker for marker, (_, programs) in NEEDS.items() for program in programs}
BROWSER_FIXTURES = {"browser", "site_url"}
SHARED_SITE_FIXTURES = {"built", "build_result", "example_project", "site_url"}


# ---------------------------------------------------------------- projects and builds


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


def free_port() -> int:
    """A port on 127.0.0.1 that nothing listens on (the system's choice)."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def free_port_pair() -> int:
    """A free port on 127.0.0.1 whose next one is free too (``edit`` serves the preview on one and the editor on the next)."""
    while True:
        port = free_port()
        with socket.socket() as probe, contextlib.suppress(OSError):
            probe.bind(("127.0.0.1", port + 1))
            return port


def file_size_limit(limit: int) -> Callable[[], None]:
    """A ``preexec_fn`` for a command whose files cannot grow past ``limit`` bytes: its writes fail as on a full disk."""

    def apply() -> None:
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
        resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))

    return apply


def run_cli(project: Path, *args: str, now: str = NOW, timeout: int = 600) -> subprocess.CompletedProcess[str]:
    """Run ``python3 build.py <args>`` against ``project`` in a new process (in this venv)."""
    env = dict(os.environ, PARTNERSHIP_ROOT=str(project), PARTNERSHIP_NOW=now)
    return subprocess.run(
        [sys.executable, "-m", "partnership.cli", *args],
        cwd=project,
        env=env,
        capture_output=True,
        text=True,
        timeout=timeout,
    )


def _set_environment(values: dict[str, str | None]) -> None:
    for name, value in values.items():
        if value is None:
            os.environ.pop(name, None)
        else:
            os.environ[name] = value


@contextlib.contextmanager
def _environment(**values: str | None) -> Iterator[None]:
    """os.environ with ``values`` set (None: removed), put back as it was afterwards."""
    before = {name: os.environ.get(name) for name in values}
    try:
        _set_environment(values)
        yield
    finally:
        _set_environment(before)


def build_site(project: Path, *args: str, now: str | None = NOW) -> subprocess.CompletedProcess[str]:
    """``python3 build.py build <args>`` against ``project``, run in this process.

    The same command as :func:`run_cli` without starting Python and importing
    MkDocs, WeasyPrint and matplotlib again (a build of the example without
    PDFs takes about 2 s instead of 7). Its printed output is captured and
    returned as a subprocess would return it. ``now=None`` leaves the build
    on Python's clock (which a test can move with time-machine).
    """
    from partnership import cli

    out, err = io.StringIO(), io.StringIO()
    thresholds = gc.get_threshold()  # the build tunes the collector for itself
    with (
        _environment(PARTNERSHIP_ROOT=str(project), PARTNERSHIP_NOW=now),
        contextlib.chdir(project),
        contextlib.redirect_stdout(out),
        contextlib.redirect_stderr(err),
    ):
        try:
            code = cli.main(["build", *args])
        finally:
            gc.set_threshold(*thresholds)
    return subprocess.CompletedProcess(["build", *args], code, out.getvalue(), err.getvalue())


def problems(project: Path) -> list[str]:
    """Every problem the loader reports for ``project``'s data, as printed."""
    try:
        load_dataset(project / "data", project / "content")
    except DataError as error:
        return [str(p) for p in error.problems]
    return []


def load(project: Path) -> Dataset:
    return load_dataset(project / "data", project / "content")


def _run_folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A folder shared by every worker of this test run (pytest-xdist gives each its own basetemp)."""
    base = tmp_path_factory.getbasetemp()
    return base.parent if os.environ.get("PYTEST_XDIST_WORKER") else base


@contextlib.contextmanager
def _locked(path: Path) -> Iterator[None]:
    with path.open("a") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def shared_build(
    tmp_path_factory: pytest.TempPathFactory,
    name: str,
    edit: Callable[[Path], None] | None = None,
    args: tuple[str, ...] = (),
) -> tuple[Path, subprocess.CompletedProcess[str]]:
    """A copy of the project changed by ``edit`` and built (``build <args>``) once for the whole run.

    The first worker to ask builds it, in its own process, while the others
    wait; they all get the same project folder and the build's result. The
    site is at ``project / "site"``: read it, never change it.
    """
    folder = _run_folder(tmp_path_factory) / f"shared-{name}"
    record = folder / "result.json"
    with _locked(folder.parent / f"shared-{name}.lock"):
        if not record.is_file():
            project = copy_project(folder / "project")
            if edit is not None:
                edit(project)
            result = build_site(project, *args)
            record.write_text(json.dumps({"args": result.args, "code": result.returncode, "out": result.stdout, "err": result.stderr}))
    saved = json.loads(record.read_text())
    return folder / "project", subprocess.CompletedProcess(saved["args"], saved["code"], saved["out"], saved["err"])


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """A private copy of the project, to change freely."""
    return copy_project(tmp_path / "project")


@pytest.fixture(scope="session")
def _example(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, subprocess.CompletedProcess[str]]:
    return shared_build(tmp_path_factory, "example")


@pytest.fixture(scope="session")
def example_project(_example: tuple[Path, subprocess.CompletedProcess[str]]) -> Path:
    """The copy of the project that ``built`` was built from (read only)."""
    return _example[0]


@pytest.fixture(scope="session")
def build_result(_example: tuple[Path, subprocess.CompletedProcess[str]]) -> subprocess.CompletedProcess[str]:
    """The example site, built once for the whole test run: its exit status and output."""
    result = _example[1]
    assert result.returncode == 0, result.stdout + result.stderr
    return result


@pytest.fixture(scope="session")
def built(example_project: Path, build_result: subprocess.CompletedProcess[str]) -> Path:
    """The built example site's folder (shared: read only)."""
    return example_project / "site"


# ---------------------------------------------------------------- clocks


@pytest.fixture(autouse=True)
def _python_clock_at_now() -> Iterator[None]:
    """Python's clock starts at NOW_INSTANT in every test (and runs on from there)."""
    with time_machine.travel(NOW_INSTANT, tick=True):
        yield


# ---------------------------------------------------------------- the browser


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args: object) -> None:
        pass


@contextlib.contextmanager
def serve_folder(folder: Path) -> Iterator[str]:
    """``folder`` served on 127.0.0.1 while the block runs: its base URL, ending in /."""
    handler = functools.partial(_Quiet, directory=str(folder))
    socketserver.TCPServer.allow_reuse_address = True
    server = socketserver.ThreadingTCPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()


@pytest.fixture(scope="session")
def site_url(built: Path) -> Iterator[str]:
    """The shared example site, served on 127.0.0.1."""
    with serve_folder(built) as url:
        yield url


class FixedClockBrowser:
    """A Playwright browser whose every new context and page runs at the tests' instant, in Europe/London.

    The build's clock is fixed by ``PARTNERSHIP_NOW``; the page scripts (My
    CPD's CPD year, the dates in its Word file) read the browser's clock, so
    it is set to the same instant (and then left to run), in the same time
    zone. ``new_context`` and ``new_page`` (which makes a context of its own)
    both do so; ``instant`` changes it for what is opened next.
    """

    def __init__(self, browser: Any, instant: dt.datetime = NOW_INSTANT):
        self._browser = browser
        self.instant = instant

    def _options(self, options: dict[str, Any]) -> dict[str, Any]:
        return {"timezone_id": "Europe/London", **options}

    def new_context(self, **options: Any) -> Any:
        context = self._browser.new_context(**self._options(options))
        context.clock.set_system_time(self.instant)
        return context

    def new_page(self, **options: Any) -> Any:
        page = self._browser.new_page(**self._options(options))
        page.clock.set_system_time(self.instant)
        return page

    @contextlib.contextmanager
    def at(self, instant: dt.datetime) -> Iterator[FixedClockBrowser]:
        """Contexts and pages opened in the block run at ``instant`` instead."""
        before, self.instant = self.instant, instant
        try:
            yield self
        finally:
            self.instant = before

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
            pytest.fail(
                f"Chromium could not start ({error}); python3 build.py test installs Debian's chromium as root, "
                "or run the other tests with python3 build.py test --skip-browser"
            )
        yield FixedClockBrowser(chromium)
        chromium.close()


# ---------------------------------------------------------------- options, markers and the program guard


def pytest_addoption(parser: pytest.Parser) -> None:
    group = parser.getgroup("partnership")
    group.addoption(
        "--skip-browser",
        action="store_true",
        help="skip the tests that need Chromium, poppler, LibreOffice or Java (a machine without them)",
    )
    group.addoption(
        "--quick",
        action="store_true",
        help="the fast lane: the data rules and one build (leaves out slow tests and those --skip-browser skips)",
    )


def pytest_configure(config: pytest.Config) -> None:
    for marker, (what, _) in NEEDS.items():
        if marker != "browser":  # declared in pyproject.toml
            config.addinivalue_line("markers", f"{marker}: needs {what}; skipped by --skip-browser")
    os.environ["PARTNERSHIP_NOW"] = NOW  # any build started without saying, in this process or a child, runs at NOW
    _guard_programs()


def _needs(item: pytest.Item) -> list[str]:
    return [marker for marker in NEEDS if item.get_closest_marker(marker)]


def _modules_first_that_need_no_shared_build(items: list[pytest.Item]) -> None:
    """Put the modules that never read the shared example site first (each module kept together, in its order).

    pytest-xdist hands each worker a run of the list, so while the worker
    that first needs the example builds it, another has tests to run.
    """
    needs_site: dict[object, bool] = {}
    for item in items:
        uses = bool(SHARED_SITE_FIXTURES & set(getattr(item, "fixturenames", ())))
        needs_site[item.parent] = needs_site.get(item.parent, False) or uses
    items.sort(key=lambda item: needs_site[item.parent])


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    _modules_first_that_need_no_shared_build(items)
    for item in items:
        if BROWSER_FIXTURES & set(getattr(item, "fixturenames", ())) and not item.get_closest_marker("browser"):
            item.add_marker(pytest.mark.browser)
    if config.getoption("--quick"):
        kept = [item for item in items if not item.get_closest_marker("slow") and not _needs(item)]
        config.hook.pytest_deselected(items=[item for item in items if item not in kept])
        items[:] = kept
    elif config.getoption("--skip-browser"):
        for item in items:
            needs = _needs(item)
            if needs:
                what = " and ".join(NEEDS[marker][0] for marker in needs)
                item.add_marker(pytest.mark.skip(reason=f"needs {what} (--skip-browser)"))


def _tests(count: int) -> str:
    return f"{count} test{'s' if count != 1 else ''}"


def pytest_report_collectionfinish(config: pytest.Config, start_path: Path, items: list[pytest.Item]) -> list[str]:
    if config.getoption("--quick"):
        return [f"--quick: {_tests(len(items))} (the data rules and one build); python3 build.py test runs them all"]
    if config.getoption("--skip-browser"):
        config.stash[_SKIPPED] = skipped = sum(1 for item in items if _needs(item))
        return [f"--skip-browser: {_tests(skipped)} that need Chromium, poppler, LibreOffice or Java will be skipped"]
    return []


def pytest_terminal_summary(terminalreporter: Any, exitstatus: int, config: pytest.Config) -> None:
    if _SKIPPED in config.stash:
        terminalreporter.write_line(
            f"--skip-browser: skipped {_tests(config.stash[_SKIPPED])} that need Chromium, poppler, LibreOffice or Java; "
            "python3 build.py test runs them"
        )


_SKIPPED = pytest.StashKey[int]()


_current: dict[str, pytest.Item | None] = {"item": None}


@pytest.hookimpl(wrapper=True)
def pytest_runtest_protocol(item: pytest.Item, nextitem: pytest.Item | None) -> Iterator[None]:
    _current["item"] = item
    try:
        return (yield)
    finally:
        _current["item"] = None


class UnmarkedProgram(AssertionError):
    """A test started a program that its markers do not declare."""


def _program_of(args: Any) -> str:
    """The name of the program a Popen call starts (its first word, without the folder)."""
    if isinstance(args, (str, bytes)):
        words = os.fsdecode(args).split()
        first = words[0] if words else ""
    elif isinstance(args, os.PathLike):
        first = os.fsdecode(args)
    else:
        first = os.fsdecode(next(iter(args), ""))
    return os.path.basename(first)


def _guard_programs() -> None:
    """Make a test that starts Chromium, poppler, LibreOffice or Java without its marker fail, naming the marker.

    Without the marker, --skip-browser would run it on a machine that lacks
    the program, and it would fail there for a reason that is not a defect.
    """
    popen = subprocess.Popen
    if getattr(popen, "_partnership_guarded", False):
        return
    original = popen.__init__

    def guarded(self: subprocess.Popen[Any], args: Any, *rest: Any, **options: Any) -> None:
        item = _current["item"]
        marker = PROGRAM_MARKER.get(_program_of(args))
        if item is not None and marker is not None and not item.get_closest_marker(marker):
            raise UnmarkedProgram(f"{item.nodeid} runs {_program_of(args)}: mark it @pytest.mark.{marker} (see tests/conftest.py)")
        original(self, args, *rest, **options)

    popen.__init__ = guarded  # type: ignore[method-assign]
    popen._partnership_guarded = True  # type: ignore[attr-defined]


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
