"""The toolkit's files as the site and the zip offer them: what each is for, and when a placement or the ASYE uses it.

:func:`downloads` lists them in the order of :data:`PHASES`, the moments of
a placement (before it, at the start, throughout, midway, at the end) and
then of the ASYE (the first weeks, through the year, the reviews, the end).
The toolkit page offers the phases as "What do you need now?", and the level
guide and the zip's README list the files in the same order; each file's
address is :func:`partnership.core.present.urls.toolkit_file`'s.

A form made for one placement level has one file per level (it shows that
level's descriptors only); an ASYE form that lists standards has one file
per :class:`~partnership.core.views.toolkit.AsyeTrack`, a service and the
standards it assesses against, never two services' standards in one copy.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..models.frameworks import Level
from ..views.toolkit import AsyeTrack, Toolkit
from .format import date

SERVICE_WORDS = {"children": "children's", "adults": "adults'"}


@dataclass(frozen=True)
class Phase:
    """A moment in a placement (or the ASYE) when some of the files are used."""

    id: str
    title: str
    summary: str
    also: str = ""
    """Files listed under another moment that this one uses too, in a sentence."""


PHASES: tuple[Phase, ...] = (
    Phase("before", "Before the placement", "Read what the student needs to show, and how each domain builds from one level to the next."),
    Phase(
        "start",
        "At the start of a placement",
        "Agree the placement's plan in the first two weeks, with the student, the on-site supervisor and the tutor, and start "
        "the days log.",
    ),
    Phase(
        "throughout",
        "Throughout the placement",
        "Supervise, observe and gather evidence as the work happens, and record a concern as soon as it arises.",
    ),
    Phase("midway", "Midway through the placement", "Review progress together, and plan the second half of the placement."),
    Phase(
        "end",
        "At the end of the placement",
        "Make a holistic judgement against the PCF at the placement's level, and send the report and portfolio to the university.",
    ),
    Phase(
        "asye-start",
        "Starting the ASYE",
        "In the first weeks: agree the support and the assessment, plan the first three months, and assess against the standards.",
    ),
    Phase(
        "asye-year",
        "Through the ASYE",
        "Reflect, gather feedback and keep the evidence up to date.",
        also="For observations and colleagues' feedback, use the direct observation form and the feedback form under "
        "'Throughout the placement': each has a choice for the ASYE.",
    ),
    Phase("asye-reviews", "ASYE reviews", "At three months and six months (and nine, if agreed): review progress and plan the next part."),
    Phase(
        "asye-end",
        "The end of the ASYE",
        "The final review, the assessor's recommendation, and the employer's moderation panel.",
    ),
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
    """The placement level the file is made for, when it is made for one."""
    track: AsyeTrack | None = None
    """The ASYE version (service and standards) the file is made for, when it is made for one."""


def level_words(level: Level) -> str:
    """ "first placement", "ASYE": a level's short name as it reads within a sentence (an initialism keeps its capitals)."""
    name = level.short_name or level.name
    return name if name[1:2].isupper() else name[:1].lower() + name[1:]


def track_name(track: AsyeTrack) -> str:
    """ "children's services, KSS (children)"."""
    return f"{SERVICE_WORDS.get(track.service, track.service)} services, {track.framework.short_name or track.framework.name}"


def track_when(track: AsyeTrack) -> str:
    """Which ASYEs the version is for, by when they began: "begun on or before 31 March 2027" (empty for all)."""
    first, last = track.first_start, track.last_start
    if first and last:
        return f"begun between {date(first)} and {date(last)}"
    if last:
        return f"begun on or before {date(last)}"
    if first:
        return f"begun from {date(first)}"
    return ""


def track_for(track: AsyeTrack) -> str:
    """ "For an ASYE in children's services begun on or before 31 March 2027, against the KSS (children)"."""
    when = track_when(track)
    service = SERVICE_WORDS.get(track.service, track.service)
    return (
        f"For an ASYE in {service} services{f' {when}' if when else ''}, against the {track.framework.short_name or track.framework.name}"
    )


def _placement_files(kit: Toolkit) -> list[Download]:
    files = [
        Download(
            "pcf-level-guide",
            "PCF level guide",
            f"What each of the {len(kit.levels)} levels asks overall and domain by domain, how to judge as a whole (and what "
            "'partly evidenced' means for a pass), and a landscape page per domain showing how it builds from one level to the next.",
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
    ]
    files += [
        Download(
            f"learning-agreement-{level.id}",
            f"Learning agreement: {level_words(level)}",
            f"Who is who, the placement's days, setting and statutory tasks, supervision, support, and the learning "
            f"opportunities for each domain at the {level_words(level)} level.",
            ("docx",),
            "start",
            "Agreed in the first two weeks",
            level,
        )
        for level in kit.placements
    ]
    days = kit.course.practice_learning if kit.course else None
    files += [
        Download(
            "days-log",
            "Placement days log",
            "Each day of practice learning and skills day, week by week, with the totals worked out"
            + (f" against the {days.days} days the course needs" if days else "")
            + ", for the practice educator to confirm in the final report.",
            ("xlsx",),
            "start",
            "Started on day one, kept every week",
        ),
        Download(
            "supervision-record",
            "Supervision record",
            "One record per supervision session: the agenda, what was discussed, the PCF domains it touched, wellbeing, and "
            "what was agreed, signed by both.",
            ("docx",),
            "throughout",
            "Every supervision session",
        ),
        Download(
            "direct-observation",
            "Direct observation form",
            "For each observed piece of practice, by a student or a newly qualified social worker: the plan, the observer and their "
            "role, what was observed against each domain, the observer's judgement, feedback and reflection.",
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
            "colleague-feedback",
            "Feedback from a colleague",
            "For the on-site supervisor, team members and other professionals to say what they have seen of a student's or a "
            "newly qualified social worker's practice, domain by domain.",
            ("docx",),
            "throughout",
            "At least once before the midway review and before the end",
        ),
        Download(
            "evidence-grid",
            "Evidence mapping grid",
            "Every domain against five sources of evidence, with a sheet (or page) per level, a judgement for each domain, and "
            "(in Excel) an evidence log that counts the pieces for each domain.",
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
    ]
    files += [
        Download(
            f"midway-review-{level.id}",
            f"Midway review: {level_words(level)}",
            f"Progress in each domain against the {level_words(level)} level, days so far, everyone's view, whether "
            "the student is on track, and the plan for the second half.",
            ("docx",),
            "midway",
            "Halfway through the placement",
            level,
        )
        for level in kit.placements
    ]
    for level in kit.placements:
        extra = ""
        if level == kit.qualifying and kit.professional:
            extra = f", {kit.professional.owner}'s professional standards and the statutory tasks"
        files.append(
            Download(
                f"final-report-{level.id}",
                f"Final report: {level_words(level)}",
                f"The holistic assessment against the PCF at the {level_words(level)} level{extra}: the evidence "
                "for each, the days confirmed, the recommendation (pass, refer, extension or fail), and every sign-off the "
                "panel needs.",
                ("docx",),
                "end",
                f"The end of the {level_words(level)}",
                level,
            )
        )
    files += [
        Download(
            "portfolio-index",
            "Portfolio index",
            "The list of what the student's portfolio holds, each piece with where it is and the domains it shows, for the "
            "university's assessment panel.",
            ("docx",),
            "end",
            "Sent with the final report",
        ),
        Download(
            "placement-quality-audit",
            "Placement quality audit",
            "The student's, the practice educator's and the agency's view of the placement's quality: induction, supervision, "
            "learning opportunities, support and what to change.",
            ("docx",),
            "end",
            "In the last week of the placement",
        ),
    ]
    return files


def _asye_files(kit: Toolkit) -> list[Download]:
    if kit.asye is None:
        return []
    files = [
        Download(
            "asye-agreement",
            "ASYE support and assessment agreement",
            "Who is who, the protected development time, the caseload, supervision, and the dates of every review and of the "
            "moderation panel, agreed in the first weeks.",
            ("docx",),
            "asye-start",
            "Agreed in the first weeks",
        )
    ]
    for track in kit.tracks:
        name, used = track_name(track), track_for(track)
        files += [
            Download(
                f"asye-development-plan-{track.key}",
                f"ASYE development plan: {name}",
                f"{used}. The plan for the first three months, from three to six, and from six to twelve, against the PCF at "
                "the ASYE level and the standards, with the support agreed.",
                ("docx",),
                "asye-start",
                "Agreed in the first weeks, renewed at each review",
                track=track,
            ),
            Download(
                f"asye-self-assessment-{track.key}",
                f"ASYE self-assessment: {name}",
                f"{used}. The newly qualified social worker's own view of where they are against each standard, at the "
                "start, midway and towards the end.",
                ("docx",),
                "asye-start",
                "At the start, midway and towards the end",
                track=track,
            ),
        ]
    files += [
        Download(
            "asye-reflective-log",
            "ASYE reflective log",
            "The newly qualified social worker's critical reflections, part by part: before the year, the first three months, "
            "from three to six, and from six to twelve.",
            ("docx",),
            "asye-year",
            "Before each review",
        ),
        Download(
            "asye-people-feedback",
            "Feedback on a social worker",
            "Plain questions for the people a newly qualified social worker works with, and which domains each answer can show.",
            ("docx",),
            "asye-year",
            "Whenever someone agrees to give feedback",
        ),
    ]
    files += [
        Download(
            f"asye-grid-{track.key}",
            f"ASYE evidence grid: {name}",
            f"{track_for(track)}. The PCF at the ASYE level and the standards against the sources of evidence, an evidence log"
            + (f", and where each statement goes in the {track.successor.short_name or track.successor.name}" if track.successor else "")
            + ".",
            ("xlsx",),
            "asye-year",
            "Kept up to date through the year",
            track=track,
        )
        for track in kit.tracks
        for name in (track_name(track),)
    ]
    files += [
        Download(
            f"asye-review-{track.key}",
            f"ASYE review: {track_name(track)}",
            f"{track_for(track)}. Progress against the PCF and the standards, workload and support, for the three-month, "
            "six-month and (if agreed) nine-month reviews.",
            ("docx",),
            "asye-reviews",
            "At three and six months",
            track=track,
        )
        for track in kit.tracks
    ]
    files += [
        Download(
            f"asye-final-assessment-{track.key}",
            f"ASYE final assessment: {track_name(track)}",
            f"{track_for(track)}. The assessor's holistic judgement against the PCF and every standard, the recommendation, "
            "and the sign-offs of the social worker, the assessor, the line manager and the moderation panel.",
            ("docx",),
            "asye-end",
            "At twelve months",
            track=track,
        )
        for track in kit.tracks
    ]
    files.append(
        Download(
            "asye-moderation-checklist",
            "ASYE moderation checklist",
            "For the employer's moderation panel: that each portfolio holds what the ASYE needs, that the judgement follows from "
            "the evidence, and the panel's decision.",
            ("docx",),
            "asye-end",
            "At the moderation panel",
        )
    )
    return files


def downloads(kit: Toolkit) -> tuple[Download, ...]:
    """Every file, in the order a placement and then the ASYE use them."""
    files = _placement_files(kit) + _asye_files(kit)
    order = {phase.id: index for index, phase in enumerate(PHASES)}
    return tuple(sorted(files, key=lambda d: order[d.phase]))
