"""The practice educators' toolkit's files, made from the data on every build.

:func:`toolkit_files` returns every file by its path in the site, in the
order a placement uses them (:func:`~partnership.core.present.toolkit.downloads`),
and a zip of them all with a README. Each Word and Excel file is made by a
function of plain inputs (the toolkit view, the site's identity, the
build's instant) that returns its bytes: :func:`document`. Nothing is a
template kept in the repository: change a domain's title in pcf.yml and
every file changes with it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from markupsafe import Markup

from ...html.context import RenderContext
from ...models.site import Site
from ...present.toolkit import PHASES, Download, downloads
from ...views.toolkit import README_NAME, ZIP_PATH, Toolkit, toolkit
from ..zipped import archive
from . import asye, grids, guides, placement
from .readme import readme

Maker = Callable[[Toolkit, Site, dt.datetime], bytes]

#: The Word and Excel files, by (download key, extension); final reports are made per level (see :func:`document`).
MAKERS: dict[tuple[str, str], Maker] = {
    ("pcf-level-guide", "docx"): guides.level_guide,
    ("progression-grid", "docx"): guides.progression_grid,
    ("learning-agreement", "docx"): placement.learning_agreement,
    ("direct-observation", "docx"): placement.direct_observation,
    ("critical-reflection", "docx"): placement.critical_reflection,
    ("service-user-feedback", "docx"): placement.service_user_feedback,
    ("evidence-grid", "xlsx"): grids.evidence_grid,
    ("evidence-grid", "docx"): placement.evidence_grid,
    ("cause-for-concern", "docx"): placement.cause_for_concern,
    ("midway-review", "docx"): placement.midway_review,
    ("asye-development-plan", "docx"): asye.development_plan,
    ("asye-review", "docx"): asye.review,
    ("kss-asye-grid", "xlsx"): grids.asye_grid,
}


def document(download: Download, extension: str, kit: Toolkit, site: Site, when: dt.datetime) -> bytes:
    """One Word or Excel file of the toolkit."""
    if download.level is not None:
        return placement.final_report(kit, site, when, download.level)
    return MAKERS[(download.key, extension)](kit, site, when)


def level_guide_pdf(ctx: RenderContext, kit: Toolkit) -> bytes:
    """The level guide as a tagged PDF, fetching only the site's own files."""
    from ..pdf import CSS, html_to_pdf

    css = Markup(f":root {{ --primary: {ctx.dataset.site.colours.primary}; }}\n" + CSS.read_text(encoding="utf-8"))
    html = ctx.render(
        "toolkit_guide_pdf.html",
        "toolkit/",
        absolute=True,
        kit=kit,
        css=css,
        phases=PHASES,
        downloads=downloads(kit),
        how_to_use=guides.HOW_TO_USE,
        as_a_whole=guides.AS_A_WHOLE,
    )
    return html_to_pdf(html, ctx.dataset.content_dir, ctx.dataset.site.url, "toolkit/ level guide")


def toolkit_files(ctx: RenderContext, pdf: bool = True) -> dict[str, bytes]:
    """Every toolkit file by its path in the site, and the zip (empty when there is no PCF with levels)."""
    kit = toolkit(ctx.dataset, ctx.now.date())
    if kit is None:
        return {}
    site = ctx.dataset.site
    files: dict[str, bytes] = {}
    for download in downloads(kit):
        for extension in download.formats:
            if extension == "pdf":
                if pdf:
                    files[download.path(extension)] = level_guide_pdf(ctx, kit)
                continue
            files[download.path(extension)] = document(download, extension, kit, site, ctx.now)
    members = {path.removeprefix("toolkit/"): content for path, content in files.items()}
    members = {README_NAME: readme(kit, site, ctx.now, list(members)), **members}
    files[ZIP_PATH] = archive(members, ctx.now)
    return files


__all__ = ["MAKERS", "document", "toolkit_files"]
