"""The commands behind ``python3 build.py``.

``build.py`` makes sure the virtual environment exists, then runs
``python -m partnership.cli`` inside it. Each command prints a line per
stage, and exits 0 when all is well, 1 when the data, the build or the tests
fail, and 2 when the command itself is wrong.
"""

from __future__ import annotations

import argparse
import contextlib
import gc
import logging
import os
import shutil
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

from . import publish
from .core import clock
from .core.problems import DataError

if TYPE_CHECKING:
    from .core.models.dataset import Dataset
    from .core.present.siteviews import SiteViews


def _root() -> Path:
    """The project folder: where build.py is (it says so in PARTNERSHIP_ROOT), else here."""
    return Path(os.environ.get("PARTNERSHIP_ROOT") or Path.cwd()).resolve()


def _stage(number: int, total: int, text: str) -> None:
    print(f"[{number}/{total}] {text}", flush=True)


def _fail(message: str) -> int:
    print(message, file=sys.stderr, flush=True)
    return 1


def _check_data(data_dir: Path, content_dir: Path) -> SiteViews | None:
    """Check data/ and content/, print what was found; the published site's views (the build uses them), or None after the problems."""
    from .core.cms.admin import published_files
    from .core.load import load_dataset_cached
    from .core.present.siteviews import SiteViews

    started = time.perf_counter()
    try:
        dataset = load_dataset_cached(data_dir, content_dir)
    except DataError as error:
        _fail(error.report())
        return None
    views = SiteViews.compute(dataset, clock.now(), editor=published_files())
    unknown = _unknown_blocks(dataset) + _taken_addresses(views)
    if unknown:
        _fail("\n".join(unknown) + f"\n{len(unknown)} problem{'s' if len(unknown) != 1 else ''} found; nothing was published.")
        return None
    print(
        f"      data/ is valid: {len(dataset.events)} events, {len(dataset.partners)} partners, "
        f"{len(dataset.pathways)} career stages, {len(dataset.frameworks)} frameworks, "
        f"{len(dataset.metrics)} metrics areas, {len(dataset.reports)} reports "
        f"({time.perf_counter() - started:.2f} s)",
        flush=True,
    )
    if dataset.warnings:
        from .core.problems import warnings_report

        print(warnings_report(dataset.warnings), flush=True)
    _note_drafts(data_dir)
    return views


def _note_drafts(data_dir: Path) -> None:
    """Say which drafts of ``new event`` wait in data/drafts/ (never read as data, never published)."""
    from .edit.drafts import note

    found = note(data_dir)
    if found:
        print(f"      {found}", flush=True)


def _taken_addresses(views: SiteViews) -> list[str]:
    """content/ files at an address the site makes (an event's page, calendar.ics …), every one with its place."""
    from .core.build.addresses import clashes, content_files, embedded_content, taken
    from .core.html.pages import all_pages
    from .core.problems import Problems
    from .core.sources.files import SourceFiles

    content = views.dataset.content_dir
    root = content.parent
    files = SourceFiles([content], Problems(), lambda path: path.relative_to(root).as_posix())
    hand_written = content_files(files, content, embedded_content(views))
    return [str(problem) for problem in sorted(clashes(taken(all_pages(views), views.files), hand_written))]


def _unknown_blocks(dataset: Dataset) -> list[str]:
    """``[[blocks]]`` in content/ pages that the site does not know."""
    from .core.html.blocks import BLOCKS, find_blocks

    problems = []
    for relative in sorted(dataset.markdown, key=lambda relative: relative.split("/")):
        for line, name in find_blocks(dataset.markdown[relative]):
            if name not in BLOCKS:
                shown = f"{dataset.content_dir.name}/{relative}"
                problems.append(f"{shown}:{line}:1: [[{name}]] is not a block this site knows; allowed: {', '.join(sorted(BLOCKS))}")
    return problems


def _configure_logging(verbose: bool) -> None:
    handler = logging.StreamHandler(sys.stdout)
    handler.setFormatter(logging.Formatter("      %(message)s"))
    for name in ENGINES:  # ProperDocs logs under its own name
        logger = logging.getLogger(name)
        logger.handlers[:] = [handler]
        logger.setLevel(logging.DEBUG if verbose else logging.INFO)
        logger.propagate = False


ENGINES = ("mkdocs", "properdocs")
"""The site generators the site builds with (docs/engines.md): MkDocs 1.6, or its maintained fork ProperDocs."""


def _use_engine(engine: str) -> None:
    """Make ``mkdocs`` mean the chosen generator for the rest of this process.

    ProperDocs runs MkDocs plugins and themes by answering their ``mkdocs.*``
    imports with its own modules (``properdocs.replacement``), so it has to be
    chosen before anything imports MkDocs.
    """
    if engine == "mkdocs":
        return
    if "mkdocs" in sys.modules and not sys.modules["mkdocs"].__name__.startswith(engine):
        raise RuntimeError(f"MkDocs is already imported in this process; {engine} has to be chosen first")
    import properdocs.replacement  # noqa: F401  (mkdocs.* imports now load properdocs.*)


def cmd_check(args: argparse.Namespace) -> int:
    _stage(1, 1, f"Checking {args.data}/ and content/")
    return 0 if _check_data(_root() / args.data, _root() / "content") is not None else 1


def cmd_build(args: argparse.Namespace) -> int:
    with _fewer_collections():
        return _build(args)


@contextlib.contextmanager
def _fewer_collections() -> Iterator[None]:
    """The garbage collector runs less often while a build runs, and as before once it has.

    A build makes hundreds of thousands of objects that live until it ends;
    collecting less often spares the collector walking them again and again
    (at 3,000 events: 0.7 s of collections down to 0.3 s).
    """
    before = gc.get_threshold()
    gc.set_threshold(50_000, 20, 20)
    try:
        yield
    finally:
        gc.set_threshold(*before)


def _build(args: argparse.Namespace) -> int:
    """Check the data, build the site into a private folder, and publish it."""
    _use_engine(args.engine)
    from mkdocs.commands.build import build
    from mkdocs.config import load_config
    from mkdocs.exceptions import Abort, MkDocsException

    from .plugin.plugin import DataProblems, PartnershipPlugin

    total = 3
    _stage(1, total, f"Checking {args.data}/ and content/")
    views = _check_data(_root() / args.data, _root() / "content")
    if views is None:
        return 1
    site_dir = (_root() / args.site_dir).absolute()
    unusable = publish.target_problem(site_dir, [_root() / args.data, _root() / "content", _root() / "theme"])
    if unusable:
        return _fail(f"The build did not start: {unusable}. Nothing was published.")
    site_dir = site_dir.resolve()
    _stage(2, total, "Building pages, calendars, reports and downloads")
    _configure_logging(args.verbose)
    for line in publish.recover(site_dir):
        print(f"      {line}", flush=True)
    temporary = publish.private_folder(site_dir)
    publish.stage("started")
    try:
        config = load_config(str(_root() / "mkdocs.yml"), site_dir=str(temporary), strict=True)
        plugin = config.plugins.get("partnership")
        if isinstance(plugin, PartnershipPlugin):
            plugin.config.data_dir = str(_root() / args.data)
            if args.no_pdf:
                plugin.config.pdf = False
            plugin.reuse(views)  # the views the check computed: the build does not compute them again
        config.plugins.on_startup(command="build", dirty=False)
        try:
            with clock.dated_for_mkdocs():
                build(config)
        finally:
            config.plugins.on_shutdown()
    except DataProblems as error:
        shutil.rmtree(temporary, ignore_errors=True)
        return _fail(error.error.report())
    except (Abort, MkDocsException) as error:
        shutil.rmtree(temporary, ignore_errors=True)
        return _fail(f"The build failed: {_first_line(error)}\nNothing was published; {args.site_dir}/ is unchanged.")
    except OSError as error:  # a full disk, a file that cannot be written
        shutil.rmtree(temporary, ignore_errors=True)
        return _fail(f"The build failed: {_os_error(error)}\nNothing was published; {args.site_dir}/ is unchanged.")
    except BaseException:
        shutil.rmtree(temporary, ignore_errors=True)
        raise
    publish.stage("built")
    _stage(3, total, f"Publishing {args.site_dir}/")
    try:
        publish.swap(temporary, site_dir)
    except OSError as error:
        shutil.rmtree(temporary, ignore_errors=True)
        return _fail(f"Publishing failed: {_os_error(error)}\n{args.site_dir}/ is unchanged.")
    print(f"      Done: open {site_dir / 'index.html'}", flush=True)
    return 0


def _os_error(error: OSError) -> str:
    """``No space left on device (writing site/x.pdf)``: an operating-system error in one line."""
    where = f" ({error.filename})" if error.filename else ""
    return f"{error.strerror or error}{where}"


def _first_line(error: BaseException) -> str:
    """An error's message; a failure in the second process says what went wrong without its traceback."""
    text = str(error)
    if "Traceback (most recent call last)" in text:
        lines = [line for line in text.splitlines() if line.strip()]
        return f"{lines[0]} {lines[-1]}"
    return text


def cmd_serve(args: argparse.Namespace) -> int:
    from .serve import serve

    root = _root()
    _stage(1, 2, f"Checking {args.data}/ and content/")
    if _check_data(_root() / args.data, _root() / "content") is None:
        print("Fix the problems above; the preview starts once the data is valid.", file=sys.stderr)
        return 1
    _stage(2, 2, f"Starting the preview at http://{args.address}/ (Ctrl+C to stop)")
    _configure_logging(args.verbose)
    return serve(root, address=args.address, pdf=args.pdf, open_browser=args.open)


def cmd_edit(args: argparse.Namespace) -> int:
    from .core.cms.admin import installed, node_modules
    from .serve import serve

    root = _root()
    host = args.address.rpartition(":")[0].strip("[]")
    if host not in ("127.0.0.1", "localhost", "::1"):
        return _fail(
            f"The editor saves files for whoever can reach it, so it listens on this computer only (127.0.0.1), not {host}. "
            "To let colleagues edit, use the editor on the published site (docs/editing.md)."
        )
    if not installed(node_modules()):
        return _fail(
            "The browser editor is not installed: run python3 build.py once (it installs it with npm; "
            "if npm is missing, install Node.js from https://nodejs.org/ or with apt-get install npm)."
        )
    _stage(1, 2, "Checking data/ and content/")
    if _check_data(root / "data", root / "content") is None:
        print("Fix the problems above; the editor starts once the data is valid.", file=sys.stderr)
        return 1
    from .serve import editor_port

    host_text, _, port_text = args.address.rpartition(":")
    _stage(
        2,
        2,
        f"Starting the editor at http://{host_text}:{editor_port(int(port_text))}/admin/ and the preview at "
        f"http://{args.address}/ (Ctrl+C to stop)",
    )
    _configure_logging(args.verbose)
    return serve(root, address=args.address, pdf=False, open_browser=args.open, editor=True)


def _test_workers(pytest_args: list[str]) -> list[str]:
    """pytest-xdist options: a worker process per core (at most 4), unless the arguments say otherwise.

    Much of the suite waits (on Chromium, on a second build process, on
    LibreOffice), so two workers finish sooner even on two cores (README,
    "Running the tests", has the figures).
    """
    chosen = any(arg.startswith(("-n", "--numprocesses", "--dist")) or arg == "no:xdist" for arg in pytest_args)
    workers = min(os.cpu_count() or 1, 4)
    return [] if chosen or workers < 2 else ["--numprocesses", str(workers), "--dist", "worksteal"]


def cmd_test(args: argparse.Namespace) -> int:
    command = [sys.executable, "-m", "pytest", *_test_workers(args.pytest_args), *args.pytest_args]
    print("Running:", " ".join(command[2:]), flush=True)
    from .bootstrap.stopping import run_passing_signals

    # Stopped any way, pytest is stopped as by Ctrl+C: it stops its workers, reports, and is waited for.
    return run_passing_signals(command, cwd=_root(), as_interrupt=True).returncode


def cmd_programs(args: argparse.Namespace) -> int:
    from .bootstrap import programs

    return programs.main(_root())


def cmd_lock(args: argparse.Namespace) -> int:
    from .bootstrap import lock

    return lock.main(_root(), ["--upgrade"] if args.upgrade else [], lambda text: print(f"build.py: {text}", flush=True))


def cmd_schema(args: argparse.Namespace) -> int:
    from .core.models.schema import schema_files

    folder = _root() / "schema"
    folder.mkdir(exist_ok=True)
    stale = []
    for name, content in schema_files().items():
        path = folder / name
        if args.check:
            if not path.is_file() or path.read_bytes() != content:
                stale.append(name)
        else:
            path.write_bytes(content)
    if args.check:
        if stale:
            return _fail("These schemas are out of date; run python3 build.py schema: " + ", ".join(stale))
        print("schema/ is up to date.")
        return 0
    print(f"Wrote {len(schema_files())} schemas to schema/.")
    return 0


def cmd_new(args: argparse.Namespace) -> int:
    from .core.problems import DataError
    from .edit.new import new_event, new_partner, new_report
    from .edit.prompts import Asker, Cancelled

    run = {"event": new_event, "partner": new_partner, "report": new_report}[args.what]
    try:
        return run(args, _root(), Asker())
    except (Cancelled, KeyboardInterrupt):  # new partner and new report ask a few questions only: nothing to keep
        print("\nStopped; nothing was written.", file=sys.stderr)
        return 1
    except DataError as error:
        return _fail("The data has problems to fix first:\n" + error.report())
    except OSError as error:  # a full disk: each file is written whole or not at all (edit/files.py)
        return _fail(f"Nothing was written: {_os_error(error)}. Every data file is as it was before.")


def cmd_import(args: argparse.Namespace) -> int:
    from .edit.attendance import import_attendance

    try:
        return import_attendance(args, _root())
    except OSError as error:  # a full disk: each file is written whole or not at all (edit/files.py)
        return _fail(f"Nothing was written: {_os_error(error)}. Every data file is as it was before.")


def parser() -> argparse.ArgumentParser:
    top = argparse.ArgumentParser(
        prog="python3 build.py",
        description="Build, check, preview and test the partnership's website. With no command, builds site/.",
    )
    commands = top.add_subparsers(dest="command", metavar="command")

    def add(name: str, help_text: str) -> argparse.ArgumentParser:
        sub = commands.add_parser(name, help=help_text, description=help_text)
        sub.add_argument("--data", default="data", help="the data folder (default: data)")
        sub.add_argument("-v", "--verbose", action="store_true", help="show every message from the site generator")
        return sub

    build = add("build", "check the data and build site/ (the default command)")
    build.add_argument("--site-dir", default="site", help="where to put the site (default: site)")
    build.add_argument("--no-pdf", action="store_true", help="skip the report PDFs (faster)")
    build.add_argument(
        "--engine",
        choices=ENGINES,
        default="mkdocs",
        help="the site generator: MkDocs 1.6 (default) or its fork ProperDocs (docs/engines.md)",
    )
    build.set_defaults(run=cmd_build)

    check = add("check", "check data/ and content/ only, and list every problem")
    check.set_defaults(run=cmd_check)

    serve = add("serve", "preview the site, rebuilding when data/ or content/ changes")
    serve.add_argument("--address", default="127.0.0.1:8000", help="host:port to serve on (default: 127.0.0.1:8000)")
    serve.add_argument("--pdf", action="store_true", help="also rebuild the report PDFs on every change (slower)")
    serve.add_argument("--open", action="store_true", help="open the preview in a browser")
    serve.set_defaults(run=cmd_serve)

    edit = add("edit", "edit the data in the browser: the editor at /admin/ with the live preview beside it")
    edit.add_argument(
        "--address", default="127.0.0.1:8000", help="host:port of the preview (default: 127.0.0.1:8000); the editor is on the next port"
    )
    edit.add_argument("--no-open", dest="open", action="store_false", help="do not open the editor in a browser")
    edit.set_defaults(run=cmd_edit)

    test = commands.add_parser(
        "test",
        help="run every test",
        description=(
            "Run every test (pytest, in a worker process per core); extra arguments go to pytest. "
            "First installs what the tests need (as root on Debian or Ubuntu), or says how. "
            "--quick: the fast lane, the data rules and one build. "
            "--skip-browser: every test that needs no Chromium, poppler, LibreOffice or Java."
        ),
    )
    test.add_argument("pytest_args", nargs=argparse.REMAINDER, help="arguments for pytest, e.g. -k catalogue, --quick or --skip-browser")
    test.set_defaults(run=cmd_test)

    programs = commands.add_parser(
        "programs",
        help="check the programs the tests drive (Chromium, poppler, LibreOffice, Java, npm); as root on Debian or Ubuntu, install them",
    )
    programs.set_defaults(run=cmd_programs)

    lock = commands.add_parser("lock", help="regenerate requirements.lock and requirements-test.lock from pyproject.toml's pins")
    lock.add_argument("--upgrade", action="store_true", help="let every dependency move to its newest fitting version")
    lock.set_defaults(run=cmd_lock)

    from .edit.arguments import add_arguments as add_new

    add_new(commands)
    commands.choices["new"].set_defaults(run=cmd_new)

    importer = add("import-attendance", "count a booking system's attendee export into data/attendance/<year>.csv")
    importer.add_argument("export", help="the export, a CSV file (Eventbrite's attendee report, or as data/import.yml describes)")
    importer.add_argument("--year", required=True, help="the year the counts belong to, like 2025-26")
    importer.add_argument("--dry-run", action="store_true", help="say what would be written, and write nothing")
    importer.add_argument(
        "--accept-suggestions",
        action="store_true",
        help='add the mappings the import marks "probably" to data/import.yml (after showing them), and count with them',
    )
    importer.set_defaults(run=cmd_import)

    schema = commands.add_parser("schema", help="write the JSON Schemas of the data files to schema/")
    schema.add_argument("--check", action="store_true", help="only check that schema/ is up to date")
    schema.set_defaults(run=cmd_schema)
    return top


def main(argv: list[str] | None = None) -> int:
    return run(command(argv))


def command(argv: list[str] | None = None) -> argparse.Namespace:
    """The command line, read: ``args.run`` is the command to run (with no command, ``build``)."""
    argv = list(sys.argv[1:] if argv is None else argv)
    top = parser()
    if argv[:1] == ["test"] and argv[1:2] not in (["-h"], ["--help"]):
        # everything after "test" belongs to pytest, options included
        return argparse.Namespace(run=cmd_test, pytest_args=argv[1:])
    if not argv or (argv[0].startswith("-") and argv[0] not in ("-h", "--help")):
        argv.insert(0, "build")
    args = top.parse_args(argv)
    if not getattr(args, "command", None):
        args = top.parse_args(["build", *argv])
    return args


def run(args: argparse.Namespace) -> int:
    """Run the command ``args`` names; its exit status."""
    if args.run is cmd_test:
        return _run(args)
    with _visible_output():
        try:
            clock.now()  # a PARTNERSHIP_NOW or SOURCE_DATE_EPOCH that is not a date is one plain line, before anything starts
            clock.source_date_epoch()
        except ValueError as error:
            return _fail(str(error))
        return _run(args)


def _run(args: argparse.Namespace) -> int:
    try:
        with _stopped_as_by_ctrl_c():
            return int(args.run(args) or 0)
    except KeyboardInterrupt:
        return 130


def _stopped_as_by_ctrl_c() -> contextlib.AbstractContextManager[None]:
    """SIGTERM and SIGHUP stop every command as Ctrl+C does, so each cleans up after itself.

    A service manager's SIGTERM, ``kill``, build.py passing either on, or
    the terminal closing (SIGHUP) raise :class:`~.edit.prompts.Stopped` (a
    KeyboardInterrupt): the preview stops its server and removes its
    folders, a build stops its second process and removes its private
    folder, ``new event`` keeps the answers as a draft without asking
    (nobody is there to answer), ``test`` stops pytest as Ctrl+C would.
    """
    from .bootstrap.stopping import stopped_as_by_ctrl_c
    from .edit.prompts import Stopped

    return stopped_as_by_ctrl_c(Stopped)


@contextlib.contextmanager
def _visible_output() -> Iterator[None]:
    """Everything the command prints shows control characters as escapes (``\\x1b``): a file name or a value
    from the data can never clear the terminal, set its title or hide text (see core/text.py)."""
    from .core.text import VisibleStream

    before = sys.stdout, sys.stderr
    sys.stdout, sys.stderr = VisibleStream(sys.stdout), VisibleStream(sys.stderr)  # type: ignore[assignment]
    try:
        yield
    finally:
        sys.stdout, sys.stderr = before


def _exit(code: int) -> None:
    """Exit at once, without freeing the objects a build leaves behind one by one.

    Only after a build, the one command where it matters: at 3,000 events
    the interpreter's teardown takes 0.85 to 0.92 s after the site is
    published, against 0.03 s this way (measured 2026-12-02,
    ``benchmarks/catalogue.py``'s 3,000-event site; again 2026-12-07, from
    the end of the build to the process's end, three runs each at load 5 to 7:
    median 1.24 s, 0.93 to 1.74 s, against 0.02 to 0.03 s). Nothing is left to do by
    then: the site is published, files are closed, the second process has
    ended and the temporary folder is gone; output is flushed here, so
    skipping atexit handlers loses nothing.
    """
    sys.stdout.flush()
    sys.stderr.flush()
    logging.shutdown()
    os._exit(code)


if __name__ == "__main__":
    args = command()
    status = run(args)
    if args.run is cmd_build:  # only a build leaves a heap large enough for the saving (see _exit)
        _exit(status)
    sys.exit(status)
