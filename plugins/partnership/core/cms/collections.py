"""The browser editor's configuration: one collection per kind of data file, and a backend.

:func:`cms_config` is the whole configuration as Decap CMS reads it. Its
collections are the same whichever backend saves them:

* :func:`local_backend`: ``python3 build.py edit``'s own server, which
  writes the files under ``data/`` and answers with the problems ``check``
  finds (``partnership.edit.backend``);
* :func:`github_backend`: the repository on GitHub, with the editorial
  workflow, so that every change is a pull request that the preview
  workflow builds and checks before anyone merges it.

Where each file lives is the contract's (``data/README.md``): a new event is
saved as ``data/events/<programme year>/<id>.yml``, the programme year being
the financial year (April to March) of its first session, as ``new event``
does.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, TypeVar

from ..models.dataset import Dataset
from ..models.events import FORMAT_NAMES, STATUS_NAMES, TYPE_NAMES
from ..models.frameworks import Framework
from ..models.partners import KIND_NAMES
from ..models.pathways import STRAND_NAMES
from ..models.schema import schema
from .forms import Choices, Field, FormBuilder, Option

_Closed = TypeVar("_Closed", bound=str)
"""A closed set's member (a StrEnum's)."""

ROOT_LIST = "items"
"""The one field of a file that is a list (partners.yml, pathways.yml): the page's script stores the list itself."""

ATTENDANCE_NOTE = (
    "Attendance figures are not edited here. They come from the booking system's attendee export: "
    "someone with the site on their computer runs python3 build.py import-attendance EXPORT.csv --year 2025-26, "
    "which counts it into data/attendance/<year>.csv (names and e-mails are never kept). See the guide, /guide/."
)


@dataclass(frozen=True)
class Kind:
    """One kind of data file as the editor shows it."""

    name: str
    """The CMS's collection name."""
    schema: str
    """The kind in :data:`partnership.core.models.schema.KINDS`."""
    label: str
    label_singular: str
    description: str
    header: str
    """The first line of every file it saves, naming the file's JSON Schema for VS Code (relative to the file)."""


KINDS: tuple[Kind, ...] = (
    Kind(
        "events",
        "event",
        "Events",
        "Event",
        "The CPD catalogue: one file per event, filed under its programme year.",
        "../../../schema/event.schema.json",
    ),
    Kind(
        "partners",
        "partners",
        "Partners",
        "Partners",
        "The organisations in the partnership, in the order the site lists them.",
        "../schema/partners.schema.json",
    ),
    Kind(
        "pathways",
        "pathways",
        "Career stages",
        "Career stages",
        "The career stages of the CPD pathway, in career order.",
        "../schema/pathways.schema.json",
    ),
    Kind(
        "frameworks",
        "framework",
        "Frameworks",
        "Framework",
        "Capability frameworks and standards that events map to.",
        "../../schema/framework.schema.json",
    ),
    Kind(
        "metrics",
        "metrics",
        "Report figures",
        "Area of measures",
        "The progress measures of each area of work, year by year. " + ATTENDANCE_NOTE,
        "../../schema/metrics.schema.json",
    ),
    Kind("reports", "report", "Reports", "Report", "The annual progress reports. " + ATTENDANCE_NOTE, "../../schema/report.schema.json"),
    Kind("site", "site", "Site", "Site", "Who the partnership is and how its site looks.", "../schema/site.schema.json"),
)


def choices(dataset: Dataset) -> dict[str, Choices]:
    """The options of each kind's reference fields, from the data: stages and partners by name, framework items by name."""
    stages = [Option(s.name, s.id) for s in dataset.pathways]
    partners = [Option(p.name, p.id) for p in dataset.partners]
    items = framework_options(list(dataset.frameworks.values()), _refs_written(dataset))
    frameworks = [Option(f.name, f.id) for f in dataset.frameworks.values()]
    areas = [Option(a.title, a.area) for a in dataset.metrics.values()]
    measures = [Option(f"{m.name} ({area.title})", m.id) for area in dataset.metrics.values() for m in area.measures]
    pcf = dataset.frameworks.get("pcf")
    levels = [Option(level.name, level.id) for level in pcf.levels] if pcf else []
    return {
        "event": {
            ("audience",): stages,
            ("provider",): partners,
            ("frameworks",): items,
            ("type",): named(TYPE_NAMES),
            ("format",): named(FORMAT_NAMES),
            ("status",): [Option(f"{name} ({value})", str(value)) for value, name in STATUS_NAMES.items()],
        },
        "pathways": {("next",): stages, ("pcf_level",): levels, ("replaced_by", "stage"): stages, ("strand",): named(STRAND_NAMES)},
        "framework": {("replaced_by",): frameworks},
        "report": {("sections", "metrics"): areas, ("headlines",): measures},
        "partners": {("kind",): named(KIND_NAMES)},
        "metrics": {},
        "site": {},
    }


def named(names: Mapping[_Closed, str]) -> list[Option]:
    """A closed set's options by the names the site shows (``twilight`` → Twilight session)."""
    return [Option(name, str(value)) for value, name in names.items()]


def framework_options(frameworks: list[Framework], written: set[str]) -> list[Option]:
    """Every item of every framework, by name ("PCF 5 Knowledge"), stored as ``pcf:5`` (its number) or ``pcf:knowledge`` (its id).

    A reference the data already writes another way (``pcf:knowledge`` for
    an item with a number) is offered too, saying how it is written, so that
    opening and saving a file never drops it.
    """
    options: list[Option] = []
    for framework in frameworks:
        short = framework.short_name or framework.id.upper()
        for item in framework.items:
            number = f" {item.number}" if item.number is not None else ""
            name = f"{short}{number} {item.title}"
            stored = f"{framework.id}:{item.number if item.number is not None else item.id}"
            options.append(Option(name, stored))
            spellings = {
                f"{framework.id}:{alias}" for alias in (item.id, *item.aliases, *([str(item.number)] if item.number is not None else []))
            }
            options.extend(Option(f"{name} (written {ref})", ref) for ref in sorted((spellings & written) - {stored}))
    return options


def _refs_written(dataset: Dataset) -> set[str]:
    return {ref for event in dataset.events for ref in event.frameworks}


def collection_fields(kind: Kind, options: Choices) -> list[Field]:
    """The form of one kind of file; a file that is a list is one list field of them."""
    body = schema(kind.schema)
    fields = FormBuilder(body, options).fields()
    if body.get("type") == "array":
        return [
            {
                "name": ROOT_LIST,
                "label": kind.label,
                "label_singular": kind.label_singular.rstrip("s"),
                "widget": "list",
                "collapsed": True,
                "summary": "{{fields.name}}",
                "root": True,
                "fields": fields,
            }
        ]
    return fields


def collections(dataset: Dataset) -> list[dict[str, Any]]:
    """The CMS's collections, one per kind of data file."""
    options = choices(dataset)
    found: list[dict[str, Any]] = []
    for kind in KINDS:
        common = {
            "name": kind.name,
            "label": kind.label,
            "label_singular": kind.label_singular,
            "description": kind.description,
            "format": f"partnership-{kind.name}",
            "extension": "yml",
            "editor": {"preview": False},
            "partnership_header": kind.header,
        }
        fields = collection_fields(kind, options[kind.schema])
        if kind.name in ("partners", "pathways", "site"):
            file = {"partners": "data/partners.yml", "pathways": "data/pathways.yml", "site": "data/site.yml"}[kind.name]
            found.append({**common, "files": [{"name": kind.name, "label": kind.label, "file": file, "fields": fields}]})
            continue
        folder: dict[str, Any] = {**common, "folder": f"data/{kind.name}", "create": True, "fields": fields}
        if kind.name == "events":
            folder.update(
                {
                    "path": "{{partnership_programme_year}}/{{slug}}",
                    "slug": "{{slug}}",
                    "identifier_field": "title",
                    "sortable_fields": ["title"],
                }
            )
        elif kind.name == "frameworks":
            folder.update({"identifier_field": "name", "slug": "{{fields.id}}", "create": True})
        elif kind.name == "metrics":
            folder.update({"identifier_field": "title", "slug": "{{fields.area}}"})
        elif kind.name == "reports":
            folder.update({"identifier_field": "title", "slug": "{{fields.year}}"})
        found.append(folder)
    return found


def local_backend() -> dict[str, Any]:
    """``python3 build.py edit``: the preview server saves to ``data/`` itself (same origin, no sign-in)."""
    return {"name": "proxy", "proxy_url": "/api/v1", "branch": "main"}


def github_backend(repo: str, branch: str = "main", auth_url: str | None = None) -> dict[str, Any]:
    """The repository on GitHub; ``auth_url`` is the OAuth proxy's address (docs/editing.md says how to deploy one)."""
    backend: dict[str, Any] = {"name": "github", "repo": repo, "branch": branch, "squash_merges": True, "cms_label_prefix": "editor/"}
    if auth_url:
        backend["base_url"] = auth_url.rstrip("/")
    return backend


def cms_config(dataset: Dataset, backend: dict[str, Any], *, site_url: str | None = None) -> dict[str, Any]:
    """The whole configuration: the backend, how changes are published, and the collections."""
    config: dict[str, Any] = {
        "backend": backend,
        "publish_mode": "simple" if backend["name"] == "proxy" else "editorial_workflow",
        "load_config_file": False,
        "media_folder": "content/assets",
        "public_folder": "/assets",
        "locale": "en",
        "slug": {"encoding": "ascii", "clean_accents": True},
        "collections": collections(dataset),
    }
    if site_url:
        config["site_url"] = site_url
        config["display_url"] = site_url
    return config
