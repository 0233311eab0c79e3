"""The shape of the code: the layers, as pyproject.toml's import-linter contracts state them, and units a reader can take in.

Imports go down cli → plugin → build → (html | outputs) → load → rules →
present → views → models → sources: a module imports only from the layers
below its own, pages and files never import each other, and nothing in the
core imports MkDocs or its theme. No class or function is over 300 lines.
"""

from __future__ import annotations

import ast
import os
import shutil
import subprocess
import sys
from pathlib import Path

from conftest import ROOT

LINT_IMPORTS = Path(sys.executable).with_name("lint-imports")


def lint_imports(package_parent: Path, config: Path) -> subprocess.CompletedProcess[str]:
    """Run import-linter on the ``partnership`` package found in ``package_parent``."""
    env = dict(os.environ, PYTHONPATH=str(package_parent), NO_COLOR="1")
    return subprocess.run(
        [str(LINT_IMPORTS), "--no-cache", str(config)], cwd=package_parent, env=env, capture_output=True, text=True, timeout=300
    )


def test_the_layers_hold() -> None:
    result = lint_imports(ROOT / "plugins", ROOT / "pyproject.toml")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "2 kept, 0 broken" in result.stdout


def test_the_contracts_catch_an_import_against_the_layers(tmp_path: Path) -> None:
    """The contracts are not vacuous: an import upwards, a page/file crossing and MkDocs in the core each break one."""
    shutil.copytree(ROOT / "plugins/partnership", tmp_path / "partnership", ignore=shutil.ignore_patterns("__pycache__"))
    core = tmp_path / "partnership/core"
    for module, line in (
        ("outputs/ics.py", "from ..html import context as _context"),  # files importing pages
        ("views/events.py", "from ..present import urls as _urls"),  # a view importing presentation
        ("present/format.py", "import mkdocs as _mkdocs"),  # the site generator in the core
    ):
        path = core / module
        path.write_text(path.read_text() + f"\n{line}  # noqa\n")
    result = lint_imports(tmp_path, ROOT / "pyproject.toml")
    assert result.returncode != 0, result.stdout
    assert "0 kept, 2 broken" in result.stdout, result.stdout
    for expected in (
        "partnership.core.outputs.ics -> partnership.core.html.context",
        "partnership.core.views.events -> partnership.core.present.urls",
        "partnership.core.present.format -> mkdocs",
    ):
        assert expected in result.stdout, result.stdout


MOST_LINES = 300
"""The longest a class or function may be, in lines from its ``def`` or ``class`` to its last line (decorators not counted)."""


def too_long(source: str, name: str) -> list[str]:
    """``name:line: kind unit is N lines`` for every class and function in ``source`` longer than :data:`MOST_LINES`."""
    found = []
    for node in ast.walk(ast.parse(source, name)):
        if isinstance(node, (ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef)):
            lines = (node.end_lineno or node.lineno) - node.lineno + 1
            if lines > MOST_LINES:
                kind = "class" if isinstance(node, ast.ClassDef) else "function"
                found.append(f"{name}:{node.lineno}: {kind} {node.name} is {lines} lines")
    return found


def test_no_class_or_function_is_over_300_lines() -> None:
    """A reader takes in a unit whole: nothing in plugins/ runs over 300 lines (the data rules' one class was 803)."""
    files = sorted((ROOT / "plugins").rglob("*.py"))
    assert len(files) > 100
    found = [line for path in files for line in too_long(path.read_text(encoding="utf-8"), path.relative_to(ROOT).as_posix())]
    assert not found, "\n".join(found)


def test_the_length_check_finds_a_long_function_and_a_long_class() -> None:
    def body(indent: str) -> str:
        return "".join(f"{indent}x{n} = {n}\n" for n in range(MOST_LINES))

    planted = f"def long():\n{body('    ')}\n\nclass Long:\n    def short(self):\n{body('        ')}"
    assert too_long(planted, "planted.py") == [
        f"planted.py:1: function long is {MOST_LINES + 1} lines",
        f"planted.py:{MOST_LINES + 4}: class Long is {MOST_LINES + 2} lines",
        f"planted.py:{MOST_LINES + 5}: function short is {MOST_LINES + 1} lines",
    ]
    assert too_long("def short():\n    return 1\n", "short.py") == []
