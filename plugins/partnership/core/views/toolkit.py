"""The practice educators' PCF toolkit: which levels, domains and statements its files cover.

Everything in the toolkit's files comes from ``data/frameworks/``: the PCF's
domains (titles, summaries, descriptors) at the levels marked ``toolkit:
true`` (every level when none is marked), and the KSS statements for the
ASYE grids. Rename a domain in pcf.yml and every file follows.
"""

from __future__ import annotations

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

    def path(self, extension: str) -> str:
        return f"toolkit/{self.key}.{extension}"


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
ZIP_PATH = "toolkit/pcf-toolkit.zip"


@dataclass(frozen=True)
class Toolkit:
    pcf: Framework
    levels: tuple[Level, ...]
    kss: tuple[Framework, ...]


def toolkit(dataset: Dataset) -> Toolkit | None:
    """The toolkit's framework content; None when there is no PCF with levels to build it from."""
    pcf = dataset.frameworks.get("pcf")
    if pcf is None or not pcf.levels:
        return None
    marked = tuple(level for level in pcf.levels if level.toolkit)
    kss = tuple(dataset.frameworks[k] for k in KSS_FRAMEWORKS if k in dataset.frameworks)
    return Toolkit(pcf, marked or tuple(pcf.levels), kss)
