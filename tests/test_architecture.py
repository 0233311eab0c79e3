"""The layers of the code, as pyproject.toml's import-linter contracts state them.

sources → models → views → present → (outputs | html) → build → plugin → cli:
a module imports only from the layers below its own, pages and files never
import each other, and nothing in the core imports MkDocs or its theme.
"""

from __future__ import annotations

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
