"""The practice educators' toolkit's files, made from the data.

Each Word and Excel file is made by a function of plain inputs (the toolkit
view, the site's identity, the build's instant) that returns its bytes:
:func:`document`, one per file of
:func:`~partnership.core.present.toolkit.downloads`, in the order a
placement uses them. The level guide's PDF is printed from
:func:`level_guide_html`; :mod:`..writer` writes them all, keeps them in the
output cache keyed by :func:`inputs` (and this release of the code:
:func:`partnership.core.release.salt`), and adds a zip of them all with the
README of :func:`readme`. Nothing is a template
kept in the repository: change a domain's title in pcf.yml and every file
changes with it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from pydantic import TypeAdapter

from ...models.site import Site
from ...present.toolkit import PHASES, Download, downloads
from ...views.toolkit import Toolkit
from ..documents import Documents
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

_TOOLKIT = TypeAdapter(Toolkit)


def document(download: Download, extension: str, kit: Toolkit, site: Site, when: dt.datetime) -> bytes:
    """One Word or Excel file of the toolkit."""
    if download.level is not None:
        return placement.final_report(kit, site, when, download.level)
    return MAKERS[(download.key, extension)](kit, site, when)


def inputs(kit: Toolkit, site: Site, when: dt.datetime) -> str:
    """Everything the Word and Excel files are made from, as text: the whole toolkit view, the site's identity and the build's instant.

    The view holds the frameworks in force, the levels, the partnership's
    universities and employers (partners.yml) and the ASYE stage and its
    hand-over (pathways.yml): all the makers of :data:`MAKERS` read.
    """
    return "\n".join((_TOOLKIT.dump_json(kit).decode("utf-8"), site.model_dump_json(), when.isoformat()))


def level_guide_html(docs: Documents, kit: Toolkit) -> str:
    """The level guide as an HTML document to print (the PDF is made from it)."""
    return docs.document(
        "toolkit_guide_pdf.html",
        kit=kit,
        phases=PHASES,
        downloads=downloads(kit),
        how_to_use=guides.HOW_TO_USE,
        as_a_whole=guides.AS_A_WHOLE,
    )


__all__ = ["MAKERS", "document", "inputs", "level_guide_html", "readme"]
