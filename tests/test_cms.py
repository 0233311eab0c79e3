"""The browser editor at /admin/: forms made from the models, files saved as the contract has them, nothing lost.

The browser tests that drive the real CMS are in tests/test_cms_browser.py;
these need no browser (the round trip runs the editor's own formats in Node).
"""

from __future__ import annotations

import datetime as dt
import json
import shutil
import subprocess
import typing
from pathlib import Path
from typing import Any

import pytest
from pydantic import BaseModel

from conftest import ROOT, copy_project, load
from partnership.core.cms.admin import policy
from partnership.core.cms.collections import KINDS, ROOT_LIST, cms_config, framework_options, github_backend, local_backend
from partnership.core.models.schema import KINDS as SCHEMA_KINDS
from partnership.edit.backend import LocalBackend, write_whole

#: collection → the data files it edits (as the contract lays them out)
FILES = {
    "events": "data/events/**/*.yml",
    "partners": "data/partners.yml",
    "pathways": "data/pathways.yml",
    "frameworks": "data/frameworks/*.yml",
    "metrics": "data/metrics/*.yml",
    "reports": "data/reports/*.yml",
    "site": "data/site.yml",
}


def _model_fields(model: type[BaseModel], prefix: str = "") -> set[str]:
    """Every field of ``model`` and of the models inside it, by its path of names as written in the file (aliases)."""
    found = set()
    for name, info in model.model_fields.items():
        written = info.alias or name
        path = f"{prefix}{written}"
        found.add(path)
        for inner in _models_in(info.annotation):
            found |= _model_fields(inner, f"{path}.")
    return found


def _models_in(annotation: Any) -> list[type[BaseModel]]:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return [annotation] if annotation.__name__ != "MeasureValue" else []
    found: list[type[BaseModel]] = []
    args = typing.get_args(annotation)
    if typing.get_origin(annotation) is dict:
        args = args[1:]  # the keys are the rows' key field, not a model
    for arg in args:
        found += _models_in(arg)
    return found


def _form_fields(fields: list[dict[str, Any]], prefix: str = "") -> set[str]:
    """Every field of a form, by its path of names; a mapping's rows contribute their value's fields, not the key."""
    found = set()
    for field in fields:
        path = f"{prefix}{field['name']}"
        found.add(path)
        inner = field.get("fields") or []
        if field.get("map_key"):
            if field.get("map_value") == "fields":
                found |= _form_fields(inner[1:], f"{path}.")
            continue
        found |= _form_fields(inner, f"{path}.")
    return found


@pytest.fixture(scope="module")
def config() -> dict[str, Any]:
    return cms_config(load(ROOT), local_backend())


@pytest.mark.parametrize("kind", KINDS, ids=lambda k: k.name)
def test_every_model_field_has_a_form_field_and_every_form_field_a_model_field(kind: Any, config: dict[str, Any]) -> None:
    collection = next(c for c in config["collections"] if c["name"] == kind.name)
    fields = collection.get("fields") or collection["files"][0]["fields"]
    if len(fields) == 1 and fields[0].get("root"):
        assert fields[0]["name"] == ROOT_LIST
        fields = fields[0]["fields"]
    model = SCHEMA_KINDS[kind.schema][0]
    assert _form_fields(fields) == _model_fields(model)


def test_the_comparison_sees_a_missing_and_an_extra_field(config: dict[str, Any]) -> None:
    """The test above can fail: a form without the event's venue, or with a field the model lacks, differs from the model."""
    from partnership.core.models.events import Event

    fields = next(c for c in config["collections"] if c["name"] == "events")["fields"]
    assert _form_fields([f for f in fields if f["name"] != "venue"]) != _model_fields(Event)
    assert _form_fields([*fields, {"name": "titel"}]) != _model_fields(Event)


def _field(config: dict[str, Any], collection: str, *path: str) -> dict[str, Any]:
    found = next(c for c in config["collections"] if c["name"] == collection)
    fields = found.get("fields") or found["files"][0]["fields"]
    for name in path:
        field = next(f for f in fields if f["name"] == name)
        fields = field.get("fields") or []
    return field


def test_references_are_selects_by_name_stored_by_id(config: dict[str, Any]) -> None:
    audience = _field(config, "events", "audience")
    assert audience["widget"] == "select" and audience["multiple"]
    assert {"label": "Newly qualified social worker (ASYE)", "value": "nqsw-asye"} in audience["options"]
    provider = _field(config, "events", "provider")
    assert {"label": "University of Riverside", "value": "university-of-riverside"} in provider["options"]
    assert not provider.get("multiple")
    frameworks = _field(config, "events", "frameworks")
    assert {"label": "PCF 5 Knowledge", "value": "pcf:5"} in frameworks["options"]
    # the example writes pcf:knowledge too: offered, saying so, so that a save keeps it
    assert {"label": "PCF 5 Knowledge (written pcf:knowledge)", "value": "pcf:knowledge"} in frameworks["options"]
    assert _field(config, "events", "type")["widget"] == "select"
    assert {"label": "Twilight session", "value": "twilight"} in _field(config, "events", "type")["options"]
    assert _field(config, "partners", ROOT_LIST, "kind")["widget"] == "select"
    assert _field(config, "events", "services")["multiple"] is True


def test_a_reference_spelt_another_way_is_offered_only_where_the_data_writes_it() -> None:
    dataset = load(ROOT)
    options = framework_options([dataset.frameworks["pcf"]], set())
    assert [o.value for o in options if o.label.startswith("PCF 5 ")] == ["pcf:5"]


def test_hints_come_from_the_models_and_dates_are_stored_in_the_contracts_form(config: dict[str, Any]) -> None:
    assert _field(config, "events", "venue")["hint"] == "Required when the event is in-person or hybrid."
    start = _field(config, "events", "sessions", "start")
    assert start["widget"] == "datetime" and start["format"] == "YYYY-MM-DDTHH:mm" and start["picker_utc"] is False
    added = _field(config, "events", "added")
    assert added["widget"] == "datetime" and added["format"] == "YYYY-MM-DD" and added["time_format"] is False


def test_a_measures_values_are_rows_of_a_year_and_its_figure(config: dict[str, Any]) -> None:
    values = _field(config, "metrics", "measures", "values")
    assert values["map_key"] == "year" and values["map_value"] == "measure"
    assert [f["name"] for f in values["fields"]] == ["year", "value", "by", "pending", "note"]


def test_a_new_event_is_filed_under_its_programme_year(config: dict[str, Any]) -> None:
    events = next(c for c in config["collections"] if c["name"] == "events")
    assert events["folder"] == "data/events" and events["path"] == "{{partnership_programme_year}}/{{slug}}"


# ---------------------------------------------------------------- nothing lost


def _editable_files(project: Path) -> list[tuple[str, str]]:
    return [
        (collection, path.relative_to(project).as_posix())
        for collection, pattern in FILES.items()
        for path in sorted(project.glob(pattern))
    ]


def save_unchanged(admin: Path, project: Path, files: list[tuple[str, str]], out: Path) -> None:
    """Open and save ``files`` of ``project`` with the editor's own formats (in Node), into ``out``."""
    node = shutil.which("node")
    assert node, "Node.js is needed (python3 build.py installs the editor with npm, which brings it)"
    listing = "".join(f"{collection}\t{path}\n" for collection, path in files)
    result = subprocess.run(
        [node, str(ROOT / "tests/cms_roundtrip.mjs"), str(admin), str(out)],
        input=listing,
        cwd=project,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stderr


def _dump(project: Path) -> dict[str, Any]:
    dataset = load(project)
    return {
        "site": dataset.site.model_dump(),
        "partners": [p.model_dump() for p in dataset.partners],
        "pathways": [s.model_dump() for s in dataset.pathways],
        "frameworks": {k: f.model_dump() for k, f in dataset.frameworks.items()},
        "events": sorted((e.model_dump() for e in dataset.events), key=lambda e: e["id"]),
        "metrics": {k: m.model_dump() for k, m in dataset.metrics.items()},
        "reports": [r.model_dump() for r in dataset.reports],
    }


def test_every_example_file_saved_unchanged_in_the_editor_loads_to_the_same_data(built: Path, tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    files = _editable_files(project)
    assert len(files) > 60 and {c for c, _ in files} == set(FILES)
    saved = tmp_path / "saved"
    save_unchanged(built / "admin", project, files, saved)
    before = _dump(project)
    for _, path in files:
        text = (saved / path).read_text()
        assert text.startswith("# yaml-language-server: $schema="), path
        shutil.copyfile(saved / path, project / path)
    assert _dump(project) == before


def test_the_round_trip_sees_a_change(built: Path, tmp_path: Path) -> None:
    """The comparison above is live: a file saved with a figure changed loads to different data."""
    project = copy_project(tmp_path / "project")
    before = _dump(project)
    path = project / "data/metrics/placements.yml"
    path.write_text(path.read_text().replace("2025-26: 171", "2025-26: 170"))
    save_unchanged(built / "admin", project, [("metrics", "data/metrics/placements.yml")], tmp_path / "saved")
    shutil.copyfile(tmp_path / "saved/data/metrics/placements.yml", path)
    assert _dump(project) != before


@pytest.mark.parametrize(
    ("text", "expected"),
    [("yes", "yes"), ("No", "No"), ("1:30", "1:30"), ("2026-03-04", "2026-03-04"), ("null", "null"), ("0x10", "0x10"), ("1e3", "1e3")],
)
def test_text_that_yaml_1_1_would_read_as_something_else_is_saved_as_text(built: Path, tmp_path: Path, text: str, expected: str) -> None:
    """A cost of "No", a session title of "1:30": PyYAML (YAML 1.1) would read them as false and 90; the editor quotes them."""
    project = copy_project(tmp_path / "project")
    path = project / "data/events/2026-27/annual-conference-2026.yml"
    body = path.read_text().replace("cost: Free to partner staff and students", f"cost: {json.dumps(text)}")
    path.write_text(body)
    save_unchanged(built / "admin", project, [("events", "data/events/2026-27/annual-conference-2026.yml")], tmp_path / "saved")
    shutil.copyfile(tmp_path / "saved/data/events/2026-27/annual-conference-2026.yml", path)
    event = next(e for e in load(project).events if e.id == "annual-conference-2026")
    assert event.cost == expected


# ---------------------------------------------------------------- /admin/ in the built site


def test_admin_is_built_from_the_locked_install_and_kept_out_of_search_sitemap_and_navigation(built: Path) -> None:
    admin = built / "admin"
    page = (admin / "index.html").read_text()
    assert '<meta name="robots" content="noindex, nofollow">' in page
    assert (admin / "decap-cms.js").stat().st_size > 1_000_000
    assert (admin / "yaml/index.js").is_file()
    assert "admin/" not in (built / "sitemap.xml").read_text()
    assert not [
        d["location"] for d in json.loads((built / "search/search_index.json").read_text())["docs"] if d["location"].startswith("admin")
    ]
    assert "admin/" not in (built / "index.html").read_text()
    for name in ("index.html", "admin.js", "formats.js", "config.json"):
        text = (admin / name).read_text()
        assert "unpkg.com" not in text and "jsdelivr" not in text and '<script src="http' not in text, name
    lock = json.loads((ROOT / "plugins/partnership/core/cms/npm/package-lock.json").read_text())
    version = lock["packages"]["node_modules/decap-cms"]["version"]
    assert f"decap-cms {version}" in (admin / "decap-cms.js").read_text(errors="replace") or version in (admin / "decap-cms.js").read_text(
        errors="replace"
    )


def test_the_published_editor_saves_to_github_through_pull_requests(built: Path) -> None:
    config = json.loads((built / "admin/config.json").read_text())
    assert config["backend"]["name"] == "github"
    assert config["publish_mode"] == "editorial_workflow"
    assert [c["name"] for c in config["collections"]] == [k.name for k in KINDS]


def test_the_admin_policy_allows_the_backend_and_nothing_else() -> None:
    local = policy({"backend": local_backend()})
    assert "connect-src 'self';" in local and "https:" not in local
    github = policy({"backend": github_backend("org/site", auth_url="https://auth.example.org/")})
    assert "connect-src 'self' https://api.github.com https://auth.example.org;" in github
    assert "default-src 'none'" in github and "form-action 'none'" in github and "object-src 'none'" in github


def test_only_admin_carries_the_editors_policy(built: Path) -> None:
    """The site's pages keep their own, stricter policy: no 'unsafe-eval' anywhere but /admin/."""
    assert "'unsafe-eval'" in (built / "admin/index.html").read_text()
    for page in [built / "index.html", built / "events/index.html", built / "guide/index.html"]:
        assert "'unsafe-eval'" not in page.read_text()


# ---------------------------------------------------------------- the local backend


def _backend(project: Path, answer: dict[str, Any] | None = None) -> LocalBackend:
    return LocalBackend(project, lambda: answer or {"problems": [], "warnings": []})


def _ask(backend: LocalBackend, action: str, **params: Any) -> tuple[int, Any]:
    return backend.handle(json.dumps({"action": action, "params": params}).encode())


def test_the_backend_reads_and_saves_data_files(project: Path) -> None:
    backend = _backend(project)
    status, info = _ask(backend, "info")
    assert status == 200 and info["publish_modes"] == ["simple"]
    status, entries = _ask(backend, "entriesByFolder", folder="data/events", extension="yml", depth=2)
    assert status == 200 and len(entries) == len(list(project.glob("data/events/*/*.yml")))
    raw = "title: Test\n"
    status, _ = _ask(backend, "persistEntry", dataFiles=[{"path": "data/events/2026-27/new-one.yml", "raw": raw}], assets=[])
    assert status == 200 and (project / "data/events/2026-27/new-one.yml").read_text() == raw
    assert not list((project / "data/events/2026-27").glob(".*"))  # no temporary file left behind


@pytest.mark.parametrize(
    "path",
    [
        "../outside.yml",
        "data/../mkdocs.yml",
        "/etc/passwd",
        "content/index.md",
        "data/attendance/2025-26.csv",
        "data/attendance/x.yml",
        "data/x.txt",
        "data\\x.yml",
        "",
    ],
)
def test_the_backend_refuses_paths_outside_the_data_files(project: Path, path: str) -> None:
    status, answer = _ask(_backend(project), "persistEntry", dataFiles=[{"path": path, "raw": "x: 1\n"}], assets=[])
    assert status == 422 and answer["error"]
    status, _ = _ask(_backend(project), "getEntry", path=path)
    assert status == 422


def test_the_backend_refuses_bad_requests_plainly(project: Path) -> None:
    backend = _backend(project)
    assert backend.handle(b"not json")[0] == 400
    assert backend.handle(b"[]")[0] == 422
    assert _ask(backend, "__init__")[0] == 422
    assert _ask(backend, "unpublishedEntries")[0] == 422
    assert backend.handle(b"x" * (9 * 1024 * 1024))[0] == 413
    assert _ask(backend, "persistMedia", asset={"path": "content/assets/x.png", "content": "", "encoding": "base64"})[0] == 422


def test_a_save_is_whole_or_nothing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "data/site.yml"
    write_whole(target, "name: Before\n")

    def fail(*args: Any) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr("os.replace", fail)
    with pytest.raises(OSError):
        write_whole(target, "name: After\n")
    assert target.read_text() == "name: Before\n"
    assert [p.name for p in tmp_path.joinpath("data").iterdir()] == ["site.yml"]


def test_the_backend_answers_with_the_checks_problems(project: Path) -> None:
    from partnership.serve import Editor

    (project / "data/events/2026-27/annual-conference-2026.yml").write_text(
        (project / "data/events/2026-27/annual-conference-2026.yml").read_text().replace("title:", "titel:")
    )
    editor = Editor.__new__(Editor)
    editor.root = project
    editor.config = {}
    editor._config = lambda dataset: {}
    answer = editor.check()
    assert any(
        p["where"].startswith("data/events/2026-27/annual-conference-2026.yml:") and "titel" in p["message"] for p in answer["problems"]
    )


@pytest.mark.parametrize(
    ("sessions", "today", "year"),
    [
        (["2027-03-31T09:30"], "2026-11-22", "2026-27"),
        (["2027-04-01T09:30"], "2026-11-22", "2027-28"),
        (["2027-05-01T09:30", "2027-02-10T09:30"], "2026-11-22", "2026-27"),  # the first session, not the first written
        ([], "2027-03-31", "2026-27"),  # a self-paced event: the year it is added in
        ([], "2027-04-01", "2027-28"),
    ],
)
def test_a_new_event_is_filed_under_the_financial_year_of_its_first_session(
    built: Path, sessions: list[str], today: str, year: str
) -> None:
    """The editor files a new event where ``new event`` does (partnership.edit.new.financial_year)."""
    from partnership.edit.new import financial_year

    script = (
        f"const {{ programmeYear }} = await import({json.dumps((built / 'admin/formats.js').as_uri())});"
        f"console.log(programmeYear({{sessions: {json.dumps([{'start': s} for s in sessions])}}}, new Date({json.dumps(today + 'T12:00')})));"
    )
    result = subprocess.run(
        [shutil.which("node") or "node", "--input-type=module", "-e", script], capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == year
    first = min(sessions) if sessions else today
    assert financial_year(dt.date.fromisoformat(first[:10])) == year
