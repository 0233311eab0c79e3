#!/usr/bin/env python3
"""Build, check, preview and test the partnership's website.

    python3 build.py            check data/ and build site/
    python3 build.py test       run every test
    python3 build.py check      check data/ and content/ only (fast)
    python3 build.py serve      live preview at http://127.0.0.1:8000/
    python3 build.py --help     every command

This file uses the Python standard library only. On the first run, and
whenever requirements.lock, requirements-test.lock or pyproject.toml
change, it creates .venv/ and installs the pinned packages into it (about a
minute, from the package index). Then it runs the command inside .venv/.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import sys
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent
VENV = ROOT / ".venv"
RUNTIME_LOCK = ROOT / "requirements.lock"
TEST_LOCK = ROOT / "requirements-test.lock"
TEST_NODE = ROOT / "tests" / "package-lock.json"
MINIMUM_PYTHON = (3, 11)


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
    """Install the test extras (and the browser-test tools from npm) on top."""
    stamp = VENV / ".partnership-test"
    wanted = _fingerprint(TEST_LOCK, TEST_NODE)
    if stamp.is_file() and stamp.read_text() == wanted:
        return
    _say("installing the test tools (requirements-test.lock)")
    _run(_pip("install", "--requirement", str(TEST_LOCK)), "installing requirements-test.lock")
    if TEST_NODE.is_file():
        npm = shutil.which("npm")
        if npm is None:
            _say("npm was not found: the browser tests will be skipped (install Node.js to run them)")
        else:
            _run(
                [npm, "ci", "--prefix", str(TEST_NODE.parent), "--no-audit", "--no-fund", "--silent"], "installing tests/package-lock.json"
            )
    stamp.write_text(wanted)


def main(argv: list[str]) -> int:
    if sys.version_info < MINIMUM_PYTHON:
        _say(f"Python {'.'.join(map(str, MINIMUM_PYTHON))} or newer is needed; this is {sys.version.split()[0]}")
        return 2
    ensure_runtime()
    if argv[:1] == ["test"]:
        ensure_test()
    environment = dict(os.environ, PARTNERSHIP_ROOT=str(ROOT))
    command = [str(_python()), "-m", "partnership.cli", *argv]
    try:
        return subprocess.call(command, cwd=ROOT, env=environment)
    except KeyboardInterrupt:
        return 130


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
