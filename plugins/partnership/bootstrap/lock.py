"""``python3 build.py lock``: regenerate requirements.lock and requirements-test.lock from pyproject.toml.

pyproject.toml pins the packages the project uses directly. The lock files
pin everything ``build.py`` installs, their dependencies included. This
installs pyproject's pins into a throwaway virtual environment with pip and
writes down what pip installed: the runtime set (with setuptools, which
installing the site's own package needs) into requirements.lock, and what
the test extras add into requirements-test.lock.

Versions already in the lock files are kept while they still fit, so adding
one package changes only the lines it brings; ``--upgrade`` lets every
dependency move to its newest fitting version.
"""

from __future__ import annotations

import re
import subprocess
import sys
import tempfile
import tomllib
import venv
from collections.abc import Callable, Iterable
from pathlib import Path

from .stopping import run_passing_signals

RUNTIME_HEADER = """\
# Every package build.py installs into .venv, pinned exactly (the resolved set of
# pyproject.toml's dependencies). Regenerate with: python3 build.py lock
"""
TEST_HEADER = """\
# Test extras installed on top of requirements.lock by 'python3 build.py test'.
# Regenerate with: python3 build.py lock
"""
LEFT_OUT = {"pip"}  # every virtual environment brings its own


def canonical(name: str) -> str:
    """A package name as the package index compares them: case and - _ . do not matter."""
    return re.sub(r"[-_.]+", "-", name).lower()


def name_of(requirement: str) -> str:
    return canonical(re.split(r"[\s\[<>=!~;@]", requirement.strip(), maxsplit=1)[0])


def pins(pyproject: Path) -> tuple[list[str], list[str]]:
    """pyproject.toml's runtime requirements (with the build system's) and its test extras."""
    data = tomllib.loads(pyproject.read_text(encoding="utf-8"))
    runtime = [*data["project"]["dependencies"], *data.get("build-system", {}).get("requires", [])]
    return runtime, list(data["project"].get("optional-dependencies", {}).get("test", []))


def locked(*files: Path) -> dict[str, str]:
    """{canonical name: 'Name==version'} of the lines in the lock files that exist."""
    found = {}
    for file in files:
        if file.is_file():
            for line in file.read_text(encoding="utf-8").splitlines():
                if line.strip() and not line.startswith("#"):
                    found[name_of(line)] = line.strip()
    return found


def constraints(existing: dict[str, str], direct: Iterable[str]) -> list[str]:
    """The pins to keep: every locked version except those pyproject.toml pins itself (its pins win)."""
    named = {name_of(requirement) for requirement in direct if "==" in requirement}
    return [line for name, line in sorted(existing.items()) if name not in named]


def render(header: str, lines: Iterable[str]) -> str:
    """A lock file: the header, then one 'Name==version' a line, sorted by name as `pip freeze` sorts them."""
    kept = sorted({line for line in lines if name_of(line) not in LEFT_OUT}, key=lambda line: line.split("==")[0].lower())
    return header + "".join(f"{line}\n" for line in kept)


def split(runtime_freeze: Iterable[str], full_freeze: Iterable[str]) -> tuple[list[str], list[str]]:
    """(runtime lines, the lines the test extras add) from two `pip freeze` listings."""
    runtime = [line for line in runtime_freeze if "==" in line]
    names = {name_of(line) for line in runtime}
    return runtime, [line for line in full_freeze if "==" in line and name_of(line) not in names]


Say = Callable[[str], None]


class Throwaway:
    """A virtual environment in a temporary folder, to install into and list."""

    def __init__(self, folder: Path):
        venv.EnvBuilder(with_pip=True, clear=True).create(folder)
        self.python = folder / ("Scripts/python.exe" if sys.platform == "win32" else "bin/python")

    def pip(self, *args: str) -> subprocess.CompletedProcess[str]:
        command = [str(self.python), "-m", "pip", "--disable-pip-version-check", "--no-input", *args]
        return run_passing_signals(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)

    def install(self, requirements: list[str], keep: list[str], folder: Path, say: Say) -> None:
        """Install ``requirements``, keeping the ``keep`` pins if pip can; without them if it cannot."""
        options: list[str] = []
        if keep:
            pinned = folder / "constraints.txt"
            pinned.write_text("\n".join(keep) + "\n")
            options = ["--constraint", str(pinned)]
        result = self.pip("install", "--quiet", *options, *requirements)
        if result.returncode != 0 and options:
            say("the locked versions no longer fit together with pyproject.toml's pins; resolving every dependency afresh")
            result = self.pip("install", "--quiet", *requirements)
        if result.returncode != 0:
            raise RuntimeError(f"pip could not install {' '.join(requirements)}:\n{result.stdout}{result.stderr}")

    def freeze(self) -> list[str]:
        return self.pip("freeze", "--all", "--exclude-editable").stdout.splitlines()


def regenerate(root: Path, upgrade: bool, say: Say) -> None:
    """Rewrite root/requirements.lock and root/requirements-test.lock from root/pyproject.toml."""
    runtime_lock, test_lock = root / "requirements.lock", root / "requirements-test.lock"
    runtime, test = pins(root / "pyproject.toml")
    keep = [] if upgrade else constraints(locked(runtime_lock, test_lock), [*runtime, *test])
    with tempfile.TemporaryDirectory(prefix="partnership-lock-") as temporary:
        folder = Path(temporary)
        say("resolving pyproject.toml's pins in a throwaway virtual environment (a minute or two)")
        environment = Throwaway(folder / "venv")
        environment.install(runtime, keep, folder, say)
        first = environment.freeze()
        # the test extras go on top without moving a runtime package, as build.py installs them
        installed = {name_of(line): line for line in first if "==" in line}
        environment.install(test, [*installed.values(), *(line for line in keep if name_of(line) not in installed)], folder, say)
        runtime_lines, test_lines = split(first, environment.freeze())
    runtime_lock.write_text(render(RUNTIME_HEADER, runtime_lines), encoding="utf-8")
    test_lock.write_text(render(TEST_HEADER, test_lines), encoding="utf-8")
    say(f"wrote {runtime_lock.name} ({len(runtime_lines)} packages) and {test_lock.name} ({len(test_lines)} packages)")


def main(root: Path, args: list[str], say: Say) -> int:
    """``python3 build.py lock [--upgrade]``."""
    unknown = [arg for arg in args if arg != "--upgrade"]
    if unknown:
        say(f"lock takes only --upgrade, not {' '.join(unknown)}")
        return 2
    try:
        regenerate(root, upgrade=bool(args), say=say)
    except RuntimeError as error:
        say(str(error))
        return 1
    return 0
