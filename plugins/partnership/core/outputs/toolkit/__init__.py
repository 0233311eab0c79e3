"""The practice educators' toolkit's files, made from the data.

Each Word and Excel file is made by a function of plain inputs (the toolkit
view, the site's identity, the instant its data last changed) that returns its bytes:
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

from ...models.frameworks import Level
from ...models.site import Site
from ...present.toolkit import PHASES, Download
from ...views.toolkit import AsyeTrack, Toolkit
from ..documents import Documents
from . import asye, grids, guides, placement
from .readme import readme

Maker = Callable[[Toolkit, Site, dt.datetime], bytes]
LevelMaker = Callable[[Toolkit, Site, dt.datetime, Level], bytes]
TrackMaker = Callable[[Toolkit, Site, dt.datetime, AsyeTrack], bytes]

#: The Word and Excel files made once, by (download key, extension).
MAKERS: dict[tuple[str, str], Maker] = {
    ("progression-grid", "docx"): guides.progression_grid,
    ("days-log", "xlsx"): grids.days_log,
    ("supervision-record", "docx"): placement.supervision_record,
    ("direct-observation", "docx"): placement.direct_observation,
    ("critical-reflection", "docx"): placement.critical_reflection,
    ("service-user-feedback", "docx"): placement.service_user_feedback,
    ("colleague-feedback", "docx"): placement.colleague_feedback,
    ("evidence-grid", "xlsx"): grids.evidence_grid,
    ("evidence-grid", "docx"): placement.evidence_grid,
    ("cause-for-concern", "docx"): placement.cause_for_concern,
    ("portfolio-index", "docx"): placement.portfolio_index,
    ("placement-quality-audit", "docx"): placement.placement_quality_audit,
    ("asye-agreement", "docx"): asye.agreement,
    ("asye-reflective-log", "docx"): asye.reflective_log,
    ("asye-people-feedback", "docx"): asye.people_feedback,
    ("asye-moderation-checklist", "docx"): asye.moderation_checklist,
}
#: The files made once per placement level (learning-agreement-first-placement …), by (key without the level, extension).
LEVEL_MAKERS: dict[tuple[str, str], LevelMaker] = {
    ("learning-agreement", "docx"): placement.learning_agreement,
    ("midway-review", "docx"): placement.midway_review,
    ("final-report", "docx"): placement.final_report,
}
#: The files made once per ASYE version (asye-review-kss-cf …), by (key without the version, extension).
TRACK_MAKERS: dict[tuple[str, str], TrackMaker] = {
    ("asye-development-plan", "docx"): asye.development_plan,
    ("asye-self-assessment", "docx"): asye.self_assessment,
    ("asye-review", "docx"): asye.review,
    ("asye-final-assessment", "docx"): asye.final_assessment,
    ("asye-grid", "xlsx"): grids.asye_grid,
}

_TOOLKIT = TypeAdapter(Toolkit)


LEVEL_GUIDE = ("pcf-level-guide", "docx")
"""The level guide in Word, which lists every file of the toolkit."""


def document(download: Download, extension: str, kit: Toolkit, offered: tuple[Download, ...], site: Site, when: dt.datetime) -> bytes:
    """One Word or Excel file of the toolkit; ``offered``: all its files (:func:`~...present.toolkit.downloads`, worked out once)."""
    if (download.key, extension) == LEVEL_GUIDE:
        return guides.level_guide(kit, offered, site, when)
    if download.level is not None:
        return LEVEL_MAKERS[(download.key.removesuffix(f"-{download.level.id}"), extension)](kit, site, when, download.level)
    if download.track is not None:
        return TRACK_MAKERS[(download.key.removesuffix(f"-{download.track.key}"), extension)](kit, site, when, download.track)
    return MAKERS[(download.key, extension)](kit, site, when)


def inputs(kit: Toolkit, site: Site, when: dt.datetime) -> str:
    """Everything the Word and Excel files are made from, as text: the whole toolkit view, the site's identity and the
    instant they carry (when their data last changed).

    The view holds the frameworks in force, the levels, the partnership's
    universities and employers (partners.yml) and the ASYE stage and its
    hand-over (pathways.yml): all the makers of :data:`MAKERS` read. Its day
    (:attr:`~...views.toolkit.Toolkit.on`, the build's) is left out: no file
    shows it, and what it chose (the frameworks in force) is in the view.
    """
    return "\n".join((_TOOLKIT.dump_json(kit, exclude={"on"}).decode("utf-8"), site.model_dump_json(), when.isoformat()))


def level_guide_html(docs: Documents, kit: Toolkit) -> str:
    """The level guide as an HTML document to print (the PDF is made from it), listing the build's toolkit files."""
    return docs.document(
        "toolkit_guide_pdf.html",
        kit=kit,
        made=docs.views.toolkit_dated or docs.now,
        phases=PHASES,
        downloads=docs.views.downloads,
        how_to_use=guides.HOW_TO_USE,
        as_a_whole=guides.AS_A_WHOLE,
        judging=guides.JUDGING,
        judgements=guides.judgement_lines(),
    )


__all__ = ["LEVEL_GUIDE", "LEVEL_MAKERS", "MAKERS", "TRACK_MAKERS", "document", "inputs", "level_guide_html", "readme"]
