"""The toolkit's files as the site and the zip offer them: what each is for, and when a placement uses it.

:func:`downloads` lists them in the order of :data:`PHASES`: before the
placement, at the start, throughout, midway, at the end, and then the ASYE.
The toolkit page, the level guide and the zip's README all read this list;
each file's address is :func:`partnership.core.present.urls.toolkit_file`'s.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..models.frameworks import Level
from ..views.toolkit import Toolkit
from .format import join


@dataclass(frozen=True)
class Phase:
    """A point in a placement (or the ASYE) when some of the files are used."""

    id: str
    title: str
    summary: str


PHASES: tuple[Phase, ...] = (
    Phase("before", "Before the placement", "Read what the student needs to show, and how each domain builds from one level to the next."),
    Phase(
        "start",
        "At the start",
        "Agree the placement's plan in the first two weeks, with the student, the on-site supervisor and the tutor.",
    ),
    Phase("throughout", "Throughout the placement", "Gather evidence as the work happens, and record a concern as soon as it arises."),
    Phase("midway", "Midway", "Review progress together, and plan the second half of the placement."),
    Phase("end", "At the end", "Make a holistic judgement against the PCF at the placement's level, and say where the evidence is."),
    Phase("asye", "The ASYE", "For newly qualified social workers in their first year in practice, and their assessors."),
)


@dataclass(frozen=True)
class Download:
    """One file of the toolkit (in one or more formats)."""

    key: str
    title: str
    description: str
    formats: tuple[str, ...]
    """File extensions, in the order they are offered."""
    phase: str
    """The id of the :class:`Phase` it is used in."""
    stage: str
    """When exactly it is used, in a few words."""
    level: Level | None = None
    """The level the file is made for, when it is made for one (a final report)."""


def downloads(kit: Toolkit) -> tuple[Download, ...]:
    """Every file, in the order a placement and then the ASYE use them."""
    files = [
        Download(
            "pcf-level-guide",
            "PCF level guide",
            f"What each domain looks like at each of the {len(kit.levels)} levels the toolkit covers, how to judge them as a "
            "whole, and a landscape page per domain showing how it builds from one level to the next.",
            ("pdf", "docx"),
            "before",
            "Before the placement, and at every review",
        ),
        Download(
            "progression-grid",
            "Progression grid",
            "One landscape page per domain with the levels side by side, and room for notes on where the student is.",
            ("docx",),
            "before",
            "Before the placement, and at every review",
        ),
        Download(
            "learning-agreement",
            "Learning agreement",
            "Who is who, the placement's arrangements, supervision, support, and the learning opportunities for each domain.",
            ("docx",),
            "start",
            "Agreed in the first two weeks",
        ),
        Download(
            "direct-observation",
            "Direct observation form",
            "For each observed piece of practice: the student's plan, what was observed against each domain, feedback and reflection.",
            ("docx",),
            "throughout",
            "Each direct observation",
        ),
        Download(
            "critical-reflection",
            "Critical reflection template",
            "Prompts that take a student from describing a piece of work to analysing it against the domains.",
            ("docx",),
            "throughout",
            "After observations and significant work",
        ),
        Download(
            "service-user-feedback",
            "Service user and carer feedback form",
            "Plain questions for the people a student works with, and a note of which domains each answer can show.",
            ("docx",),
            "throughout",
            "Whenever someone agrees to give feedback",
        ),
        Download(
            "evidence-grid",
            "Evidence mapping grid",
            "Every domain against five sources of evidence, with a sheet (or page) per level and a judgement for each domain.",
            ("xlsx", "docx"),
            "throughout",
            "Kept up to date, and read at the reviews",
        ),
        Download(
            "cause-for-concern",
            "Cause for concern record",
            "For a student in difficulty: the concern, the domains it touches, the meeting, an action plan and its review.",
            ("docx",),
            "throughout",
            "As soon as a concern arises",
        ),
        Download(
            "midway-review",
            "Midway review",
            "Progress in each domain, everyone's view, whether the student is on track, and the plan for the second half.",
            ("docx",),
            "midway",
            "Halfway through the placement",
        ),
    ]
    for level in kit.placements:
        files.append(
            Download(
                f"final-report-{level.id}",
                f"Final report: {(level.short_name or level.name).lower()}",
                f"The holistic assessment against the PCF at the {level.short_name or level.name} level, the evidence for "
                "each domain, the recommendation and what to work on next.",
                ("docx",),
                "end",
                f"The end of the {(level.short_name or level.name).lower()}",
                level,
            )
        )
    if kit.asye is not None:
        standards = join([f.short_name or f.name for f in kit.kss])
        also = f" and the {standards}" if standards else ""
        files += [
            Download(
                "asye-development-plan",
                "ASYE professional development plan",
                f"The newly qualified social worker's plan against the PCF at the ASYE level{also}, with the support agreed.",
                ("docx",),
                "asye",
                "Agreed in the first weeks",
            ),
            Download(
                "asye-review",
                "ASYE review",
                f"Progress against the PCF{also}, workload and support, for the three-month, six-month and final reviews.",
                ("docx",),
                "asye",
                "At three, six and twelve months",
            ),
        ]
        if kit.kss:
            files.append(
                Download(
                    "kss-asye-grid",
                    "ASYE standards grid",
                    f"The {standards}, a sheet each, against the sources of evidence, with a judgement for each.",
                    ("xlsx",),
                    "asye",
                    "Kept up to date through the year",
                )
            )
    return tuple(files)
