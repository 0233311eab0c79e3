"""Which page shows a given data or content file: the page to open after an edit."""

from __future__ import annotations

from pathlib import Path

from ..models.dataset import Dataset, origin
from ..present import urls


def page_for(dataset: Dataset, path: Path) -> str | None:
    """The root-relative URL of the page that best shows ``path``, or None."""
    path = path.resolve()
    data, content = dataset.data_dir.resolve(), dataset.content_dir.resolve()
    if path.is_relative_to(content):
        relative = path.relative_to(content).as_posix()
        for report in dataset.reports:
            if relative == report.introduction:
                return urls.report(report.year) + "#introduction"
            for section in report.sections:
                if relative == section.content:
                    return urls.report(report.year) + f"#{section.id or _slug(section.title)}"
        if relative.startswith("toolkit/"):
            return urls.toolkit()
        return urls.content_page(relative) if relative.endswith(".md") else None
    if not path.is_relative_to(data):
        return None
    relative = path.relative_to(data).as_posix()
    shown = f"{data.name}/{relative}"
    first = relative.split("/", 1)[0]
    if first == "events":
        event = next((e for e in dataset.events if origin(e).path.endswith(shown)), None)
        return urls.event(event.id) if event else urls.events()
    if relative == "pathways.yml":
        return urls.pathways()
    if relative == "partners.yml":
        return urls.content_page("about.md")
    if relative == "site.yml":
        return urls.accessibility()
    if first == "frameworks":
        return urls.framework(Path(relative).stem)
    if first == "reports":
        return urls.report(Path(relative).stem)
    if first == "metrics":
        area = Path(relative).stem
        for report in dataset.reports:
            for section in report.sections:
                if section.metrics == area:
                    return urls.report(report.year) + f"#{section.id or _slug(section.title)}"
        return urls.measures()
    if first == "attendance":
        for report in dataset.reports:
            if report.attendance == relative:
                return urls.report(report.year) + "#learning-and-development"
    return None


def _slug(text: str) -> str:
    from ..models.common import slugify

    return slugify(text)
