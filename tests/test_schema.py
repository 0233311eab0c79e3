"""The JSON Schemas that editors use: up to date, valid, and true to the example data."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest
import yaml

from conftest import EXPORT_EVENTS, ROOT, copy_project, drop_attendance_rows, run_cli
from partnership.core.models.schema import KINDS, schema_files


def test_committed_schemas_are_current() -> None:
    for name, content in schema_files().items():
        committed = ROOT / "schema" / name
        assert committed.is_file(), f"schema/{name} is missing: run python3 build.py schema"
        assert committed.read_bytes() == content, f"schema/{name} is out of date: run python3 build.py schema"


FILES = {
    "site": ["data/site.yml"],
    "partners": ["data/partners.yml"],
    "pathways": ["data/pathways.yml"],
    "framework": sorted(str(p.relative_to(ROOT)) for p in (ROOT / "data/frameworks").glob("*.yml")),
    "event": sorted(str(p.relative_to(ROOT)) for p in (ROOT / "data/events").rglob("*.yml")),
    "metrics": sorted(str(p.relative_to(ROOT)) for p in (ROOT / "data/metrics").glob("*.yml")),
    "report": sorted(str(p.relative_to(ROOT)) for p in (ROOT / "data/reports").glob("*.yml")),
    "import": ["data/import.yml"],
    "logic-model": sorted(str(p.relative_to(ROOT)) for p in (ROOT / "data/logic-model").glob("*.yml")),
}


def _as_json(value):
    """YAML as an editor's language server sees it: dates are strings."""
    if isinstance(value, dict):
        return {str(k): _as_json(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_as_json(v) for v in value]
    if hasattr(value, "isoformat"):
        return value.isoformat()
    return value


@pytest.mark.parametrize("kind", sorted(KINDS))
def test_example_files_validate_against_their_schema(kind: str, tmp_path: Path) -> None:
    if kind == "attendance-imports":  # written by the import, so made by one here
        project = copy_project(tmp_path / "project")
        drop_attendance_rows(project, "2025-26", EXPORT_EVENTS)
        result = run_cli(project, "import-attendance", str(ROOT / "tests/fixtures/eventbrite-attendees.csv"), "--year", "2025-26")
        assert result.returncode == 0, result.stderr
        root, files = project, ["data/attendance/2025-26.imports.yml"]
    else:
        root, files = ROOT, FILES[kind]
    schema = json.loads((ROOT / "schema" / f"{kind}.schema.json").read_text())
    jsonschema.Draft202012Validator.check_schema(schema)
    validator = jsonschema.Draft202012Validator(schema)
    assert files
    for relative in files:
        text = (root / relative).read_text()
        first = text.splitlines()[0]
        assert first.startswith("# yaml-language-server: $schema="), f"{relative} has no schema modeline"
        target = (root / relative).parent / first.split("$schema=", 1)[1]
        assert target.resolve() == (root / "schema" / f"{kind}.schema.json").resolve(), relative
        errors = list(validator.iter_errors(_as_json(yaml.safe_load(text))))
        assert not errors, f"{relative}: {errors[0].message}"


def test_schema_rejects_what_the_loader_rejects() -> None:
    schema = json.loads((ROOT / "schema/event.schema.json").read_text())
    validator = jsonschema.Draft202012Validator(schema)
    bad = {"title": "x", "type": "workshp", "audience": ["nqsw-asye"], "services": ["children"], "format": "online", "tittle": 1}
    messages = " ".join(e.message for e in validator.iter_errors(bad))
    assert "'workshp' is not one of" in messages
    assert "'tittle' was unexpected" in messages


def test_schemas_are_published(built: Path) -> None:
    for name in schema_files():
        assert (built / "schema" / name).is_file()
    index = (built / "schema/index.html").read_text()
    assert "event.schema.json" in index
