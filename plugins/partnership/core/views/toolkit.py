"""The practice educators' PCF toolkit: which levels, domains and statements its files cover.

Everything in the toolkit's files comes from ``data/frameworks/``: the PCF's
domains (titles, summaries, descriptors) at the levels marked ``toolkit:
true`` (every level when none is marked), and the KSS statements for the
ASYE grids. Rename a domain in pcf.yml and every file follows.

The toolkit follows the frameworks in force on the day it is built
(:func:`frameworks_in_force`): built after 31 March 2027, its ASYE grid
has the child and family early career standards in place of the child and
family KSS, because kss-cf.yml says it is replaced by them.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from ..dataset import Dataset
from ..models.frameworks import Framework, Level

EVIDENCE_SOURCES: tuple[str, ...] = (
    "Direct observation",
    "Service user or carer feedback",
    "Supervision",
    "Written work",
    "Reflective log",
)
JUDGEMENTS: tuple[str, ...] = ("Not yet evidenced", "Partly evidenced", "Evidenced")
KSS_FRAMEWORKS: tuple[str, ...] = ("kss-cf", "kss-adults")


@dataclass(frozen=True)
class Download:
    """One file of the toolkit."""

    key: str
    title: str
    description: str
    formats: tuple[str, ...]
    """File extensions, in the order they are offered."""
    stage: str
    """When in the placement it is used."""


DOWNLOADS: tuple[Download, ...] = (
    Download(
        "pcf-level-guide",
        "PCF level guide",
        "The nine domains at each placement level and the ASYE, with what each looks like, to agree expectations and judge progress.",
        ("pdf", "docx"),
        "Learning agreement",
    ),
    Download(
        "evidence-grid",
        "Evidence mapping grid",
        "Every domain against five sources of evidence, with space for where the evidence is and a holistic judgement.",
        ("xlsx", "docx"),
        "Throughout, and at the midway review",
    ),
    Download(
        "direct-observation",
        "Direct observation form",
        "For each observed piece of practice: the context, what was observed against each domain, feedback and the student's reflection.",
        ("docx",),
        "Direct observations",
    ),
    Download(
        "critical-reflection",
        "Critical reflection template",
        "Prompts that take a student from describing a piece of work to analysing it against the domains.",
        ("docx",),
        "Direct observations and supervision",
    ),
    Download(
        "kss-asye-grid",
        "KSS mapping grid for the ASYE",
        "The knowledge and skills statements for children's and adults' services, each against the sources of evidence.",
        ("xlsx",),
        "ASYE",
    ),
)


@dataclass(frozen=True)
class Toolkit:
    pcf: Framework
    levels: tuple[Level, ...]
    kss: tuple[Framework, ...]
    """The statements for the ASYE grid: the KSS, or what has replaced them, in force on ``on``."""
    on: dt.date | None = None
    """The day whose frameworks the toolkit follows (the build's day)."""


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


def toolkit(dataset: Dataset, on: dt.date) -> Toolkit | None:
    """The toolkit's framework content for a build on ``on``; None when there is no PCF with levels in force."""
    pcf = next(iter(frameworks_in_force(dataset, on, ("pcf",))), None)
    if pcf is None or not pcf.levels:
        return None
    marked = tuple(level for level in pcf.levels if level.toolkit)
    return Toolkit(pcf, marked or tuple(pcf.levels), frameworks_in_force(dataset, on, KSS_FRAMEWORKS), on)
