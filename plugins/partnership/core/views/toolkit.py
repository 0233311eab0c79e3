"""The practice educators' PCF toolkit: which levels, domains, statements and files it has.

Everything in the toolkit's files comes from the data: the PCF's domains
(titles, summaries, descriptors, examples of evidence) at the levels marked
``toolkit: true`` (every level when none is marked), the standards for the
ASYE (the KSS, or what has replaced them), and the partnership's universities
and employers (``partners.yml``). Rename a domain in pcf.yml and every file
follows.

The toolkit follows the frameworks in force on the day it is built
(:func:`frameworks_in_force`): built after 31 March 2027, its ASYE forms
have the child and family early career standards in place of the child and
family KSS, because kss-cf.yml says it is replaced by them. Once the career
stage that is judged at the ASYE level hands over to another stage in some
services (pathways.yml's ``replaced_by``), the ASYE forms leave out the
standards of those services.

Which files it offers, and in what order, is :mod:`partnership.core.present.toolkit`'s.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from ..models.dataset import Dataset
from ..models.frameworks import Framework, Item, Level
from ..models.pathways import Stage

EVIDENCE_SOURCES: tuple[str, ...] = (
    "Direct observation",
    "Service user or carer feedback",
    "Supervision",
    "Written work",
    "Reflective log",
)
JUDGEMENTS: tuple[str, ...] = ("Not yet evidenced", "Partly evidenced", "Evidenced")
"""How far the evidence shows a domain or statement, in every grid and final report."""
PROGRESS: tuple[str, ...] = ("On track", "Needs more opportunities", "Not on track")
"""Whether a student or newly qualified social worker is on track for a domain, at a midway or interim review."""
ASYE_REVIEWS: tuple[str, ...] = ("Three-month review", "Six-month review", "Final review at twelve months")
KSS_FRAMEWORKS: tuple[str, ...] = ("kss-cf", "kss-adults")
PLACEMENT_LEVELS: tuple[str, ...] = ("first-placement", "last-placement")
"""The PCF's levels judged at the end of a placement (BASW's level ids): each gets its own final report."""
ASYE_LEVEL = "asye"
"""The PCF's level for the first year in practice: the ASYE's forms follow it."""
README_NAME = "README.txt"
"""The zip's own guide to its files."""


@dataclass(frozen=True)
class Toolkit:
    """What the toolkit's files are made from, for a build on :attr:`on`."""

    pcf: Framework
    levels: tuple[Level, ...]
    """The PCF levels the toolkit covers, lowest first."""
    kss: tuple[Framework, ...]
    """The standards the ASYE is judged against besides the PCF, one per service: the KSS, or what has replaced them, in force on ``on``."""
    on: dt.date | None = None
    """The day whose frameworks the toolkit follows (the build's day)."""
    universities: tuple[str, ...] = ()
    """The partnership's universities (partners of kind hei), for the placement forms' lists."""
    employers: tuple[str, ...] = ()
    """The partnership's other organisations, for the ASYE forms' list of employers."""
    asye_stage: Stage | None = None
    """The career stage judged at the ASYE level (pathways.yml), when there is one."""
    asye_handed_over: tuple[str, ...] = ()
    """The services in which the ASYE stage has handed over to another stage by ``on`` (its ``replaced_by``)."""

    @property
    def placements(self) -> tuple[Level, ...]:
        """The levels judged at the end of a placement, each with its own final report."""
        return tuple(level for level in self.levels if level.id in PLACEMENT_LEVELS)

    @property
    def asye(self) -> Level | None:
        """The ASYE level, when the toolkit covers it."""
        return next((level for level in self.levels if level.id == ASYE_LEVEL), None)

    @property
    def domains(self) -> tuple[Item, ...]:
        return tuple(self.pcf.items)


def frameworks_in_force(dataset: Dataset, on: dt.date, wanted: tuple[str, ...]) -> tuple[Framework, ...]:
    """The frameworks of ``wanted`` that apply ``on``: each one, or its successor (then theirs) once it has stopped applying.

    A framework not yet in force on the day, and one replaced by nothing in
    force, are left out; a successor reached twice is listed once.
    """
    chosen: list[Framework] = []
    for framework_id in wanted:
        framework = dataset.frameworks.get(framework_id)
        seen: set[str] = set()
        while framework is not None and not framework.applies_on(on) and framework.id not in seen:
            seen.add(framework.id)
            ended = framework.ends is not None and on > framework.ends
            framework = dataset.frameworks.get(framework.replaced_by or "") if ended else None
        if framework is not None and framework.applies_on(on) and framework not in chosen:
            chosen.append(framework)
    return tuple(chosen)


def _asye_stage(dataset: Dataset, on: dt.date) -> tuple[Stage | None, tuple[str, ...]]:
    """The career stage at the ASYE level on ``on``, and the services it has handed over to another stage by then."""
    stage = next((s for s in dataset.pathways if s.pcf_level == ASYE_LEVEL and s.applies_on(on)), None)
    if stage is None or stage.replaced_by is None or on < stage.replaced_by.start:
        return stage, ()
    return stage, tuple(stage.replaced_by.services or ("children", "adults"))


def toolkit(dataset: Dataset, on: dt.date) -> Toolkit | None:
    """The toolkit's content for a build on ``on``; None when there is no PCF with levels in force."""
    pcf = next(iter(frameworks_in_force(dataset, on, ("pcf",))), None)
    if pcf is None or not pcf.levels:
        return None
    marked = tuple(level for level in pcf.levels if level.toolkit)
    stage, handed_over = _asye_stage(dataset, on)
    standards = tuple(
        framework
        for framework in frameworks_in_force(dataset, on, KSS_FRAMEWORKS)
        if not (framework.services and set(framework.services) <= set(handed_over))
    )
    return Toolkit(
        pcf,
        marked or tuple(pcf.levels),
        standards,
        on,
        universities=tuple(p.name for p in dataset.partners if p.kind == "hei"),
        employers=tuple(p.name for p in dataset.partners if p.kind != "hei"),
        asye_stage=stage,
        asye_handed_over=handed_over,
    )
