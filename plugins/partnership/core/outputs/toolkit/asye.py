"""The ASYE's Word forms, in the order the year uses them.

Shared by every service: the support and assessment agreement (the first
weeks), the reflective log and the feedback form for people who use services
(through the year), and the moderation checklist (the end). Made once per
version (:class:`~partnership.core.views.toolkit.AsyeTrack`: a service and
the standards it assesses against): the development plan, the
self-assessment, the review and the final assessment. A version's forms show
its own standards only (never both services' in one copy), say which
standards they use and for which workers, and, when those standards are
replaced during a worker's ASYE, where each goes among the new ones.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from ...models.site import Site
from ...present.toolkit import SERVICE_WORDS, track_name
from ...views.toolkit import ASYE_OUTCOMES, ASYE_PERIODS, ASYE_REVIEWS, JUDGEMENTS, PROGRESS, AsyeTrack, Toolkit
from .common import (
    SignOff,
    contact,
    crosswalk_label,
    domain_label,
    handover_note,
    services_choice,
    sign_offs,
    signatures,
    standards_box,
    track_title,
    yes_no,
)
from .placement import _people_feedback
from .word import DATE, Ask, Cell, Label, WordForm, choose, pick_or_type

CONFIDENCE = ("Not yet confident", "Developing", "Confident")
"""How sure a newly qualified social worker is of a standard, in their self-assessment."""
PANEL_DECISIONS = ("Confirmed", "Not confirmed: returned to the assessor", "Extension agreed")
#: Skills for Care's record of support and progressive assessment template (a copy found by search at
#: https://docsbay.net/evidence-template-number-1-rspa): "10% of the NQSW's time should be set aside for undertaking
#: learning and development activities (this equates to 0.5 day per week or 2 days per month)". Its ASYE templates
#: page (https://www.skillsforcare.org.uk/Regulated-professions/Social-work/ASYE/ASYE-templates.aspx) gives the set:
#: support and assessment agreement, development plans by part of the year, direct observations, feedback, a
#: critical reflection log and the PQS (KSS) self-assessment (mandatory in child and family services, at the start,
#: midway and towards the end).
PROTECTED_TIME = (
    "Skills for Care's ASYE templates set aside 10% of the newly qualified social worker's time for learning and "
    "development (about half a day a week)."
)


def _level(kit: Toolkit) -> tuple[str, str]:
    level = kit.asye
    assert level is not None, "the ASYE forms are made only when the toolkit covers the ASYE level"
    return level.short_name or level.name, level.name


def _about(form: WordForm, kit: Toolkit, track: AsyeTrack | None, extra: Sequence[tuple[str, Ask | str]]) -> None:
    form.heading("About the ASYE", 1)
    service: Ask | str = (
        services_choice(list(dict.fromkeys(t.service for t in kit.tracks)) or ["children", "adults"])
        if track is None
        else f"{SERVICE_WORDS.get(track.service, track.service).capitalize()} services"
    )
    form.fields(
        [
            ("Newly qualified social worker", Ask("Name")),
            ("Social Work England registration number", Ask("Registration number")),
            ("ASYE assessor", Ask("Name")),
            ("Line manager", Ask("Name, if not the assessor")),
            ("Employer", pick_or_type("Choose or type the employer", kit.employers)),
            ("Team", Ask("Team")),
            ("Service", service),
            ("First day of the ASYE", DATE),
            *extra,
        ],
        "About the ASYE",
    )


def _pcf_table(form: WordForm, kit: Toolkit, header: Sequence[str], answers: Sequence[Ask], widths: Sequence[float], caption: str) -> None:
    short, name = _level(kit)
    level = kit.asye
    assert level is not None
    form.heading(f"The PCF at the {short} level", 1)
    form.text(f"Under each domain is what it looks like at the {short} level.", keep_with_next=True)
    form.table(
        ["Domain", *header], [[domain_label(item, level), *answers] for item in kit.domains], f"{caption}: the PCF at {name}", widths
    )


def _standards_table(
    form: WordForm, track: AsyeTrack, header: Sequence[str], answers: Sequence[Ask], widths: Sequence[float], caption: str
) -> None:
    framework = track.framework
    form.heading(framework.name, 1)
    successor = (
        f" and where it goes in the {track.successor.name}" if track.successor and any(track.mapped(i) for i in framework.items) else ""
    )
    form.text(
        f"Each {framework.item_name} in the partnership's words{successor}; the full text is published by its owner "
        f"({framework.owner}) at {framework.url}.",
        keep_with_next=True,
    )
    rows: list[list[Cell]] = [[crosswalk_label(track, item), *answers] for item in framework.items]
    form.table([framework.item_name.capitalize(), *header], rows, f"{caption}: the {framework.name}", widths)


def _pcf_and_standards(form: WordForm, kit: Toolkit, track: AsyeTrack, header: Sequence[str], answers: Sequence[Ask], caption: str) -> None:
    """The PCF at the ASYE level, then the version's standards, each row with ``answers`` under ``header``."""
    widths = (6.0, 8.0, 3.0)
    _pcf_table(form, kit, header, answers, widths, caption)
    _standards_table(form, track, header, answers, widths, caption)


def _closing(form: WordForm, site: Site, text: str) -> None:
    form.text(f"{text} {contact(site)}")


# -- shared by every version ------------------------------------------------------------------


def agreement(kit: Toolkit, site: Site, when: dt.datetime) -> bytes:
    short, _ = _level(kit)
    form = WordForm("ASYE support and assessment agreement", site, "The support and assessment agreed at the start of the ASYE", when)
    form.text(
        "The newly qualified social worker, their ASYE assessor and their line manager agree this in the first weeks of the "
        "ASYE, after the social worker has written the first part of their reflective log. It sets out the support the "
        "employer gives, the protected time for learning, and when each review and the moderation panel will be."
    )
    tracks = [f"{track_name(t)} ({t.framework.name})" for t in kit.tracks]
    _about(
        form,
        kit,
        None,
        [
            ("Standards the ASYE is assessed against", choose("Choose the standards", tracks) if tracks else Ask("The standards")),
            ("Programme co-ordinator", Ask("Name, if the employer has one")),
        ],
    )
    note = handover_note(kit)
    if note:
        form.text(note)
    form.heading("Dates", 1)
    form.table(
        ["What", "Date"],
        [
            [Label(what), DATE]
            for what in (
                "This agreement",
                "Three-month review",
                "Six-month review",
                "Nine-month review (if agreed)",
                "Final review at twelve months",
                "Moderation panel",
            )
        ],
        "The ASYE's dates",
        (11.0, 6.0),
    )
    form.heading("Protected development time", 1)
    form.text(PROTECTED_TIME, keep_with_next=True)
    form.fields(
        [
            ("Time set aside", Ask("How much, and when in the week")),
            ("What it will be used for first", Ask("Learning, reading, shadowing", lines=2)),
        ],
        "Protected development time",
    )
    form.heading("Workload", 1)
    form.fields(
        [
            ("Caseload to start with", Ask("Number and kind of cases", lines=2)),
            ("How it will build over the year", Ask("Size and complexity", lines=2)),
            ("Work not allocated in the ASYE", Ask("For example, the most complex cases alone", lines=2)),
        ],
        "Workload",
    )
    form.heading("Supervision", 1)
    form.table(
        ["When", "How often", "How long"],
        [
            [Label(period), Ask("For example, weekly"), Ask("Minutes")]
            for period in ("The first six weeks", "From six weeks to the six-month review", "After the six-month review")
        ],
        "Supervision in the ASYE",
        (7.0, 5.0, 5.0),
    )
    form.heading("Starting points", 1)
    form.fields(
        [
            ("Learning needs from the last placement's final report", Ask("What the report said to work on", lines=3)),
            ("Strengths to build on", Ask("Strengths", lines=3)),
            ("Support or adjustments the social worker has asked for", Ask("Only what they agree to record", lines=2)),
        ],
        "Starting points",
    )
    form.heading("What each person does", 1)
    form.bullets(
        [
            "The newly qualified social worker keeps the reflective log, the development plan and the evidence up to date, "
            "and brings them to supervision and the reviews.",
            f"The assessor observes practice (at least three direct observations), gathers feedback, judges progress against "
            f"the PCF at the {short} level and the standards, and writes the reviews and the final assessment.",
            "The line manager gives the protected time and the workload agreed, and raises any concern early.",
            "If progress is a concern, it is raised in supervision and recorded, with a plan, before the next review.",
        ]
    )
    signatures(form, ("Newly qualified social worker", "ASYE assessor", "Line manager"))
    _closing(form, site, "Keep the agreement with the ASYE portfolio.")
    return form.to_bytes(when)


REFLECTION_PARTS = (
    ("Before the year", "What you bring from your training and experience, what you want to learn, and what worries you."),
    ("The first three months", "What you have learned, what has been hard, and how supervision has helped."),
    ("From three to six months", "How your practice has changed, with an example, and what the feedback you had says."),
    ("From six to twelve months", "How you now use knowledge, law and reflection in complex work, and what you will take on."),
)


def reflective_log(kit: Toolkit, site: Site, when: dt.datetime) -> bytes:
    form = WordForm("ASYE reflective log", site, "A newly qualified social worker's critical reflections through the ASYE", when)
    form.text(
        "Write each part before the review it leads to, and share it with your assessor. Move from describing what happened "
        "to analysing it: what you knew, what you assumed, what power and difference were at play, and what you will do "
        "differently."
    )
    form.heading("About the log", 1)
    form.fields([("Newly qualified social worker", Ask("Name")), ("ASYE assessor", Ask("Name"))], "About the log")
    for title, prompt in REFLECTION_PARTS:
        form.heading(title, 1)
        form.fields(
            [("Date", DATE), ("Reflection", Ask(prompt, lines=10)), ("Domains and standards it shows", Ask("Numbers or names"))],
            f"Reflection: {title.lower()}",
        )
    _closing(form, site, "Keep the log with the ASYE portfolio.")
    return form.to_bytes(when)


def people_feedback(kit: Toolkit, site: Site, when: dt.datetime) -> bytes:
    return _people_feedback(kit, site, when, who="social worker", title="Feedback on a social worker", keeper="social worker's assessor")


MODERATION_CHECKS = (
    "The support and assessment agreement is signed",
    "There is a development plan for each part of the year",
    "The three-month and six-month reviews are complete and signed",
    "There are at least three direct observations",
    "There is feedback from people who use services or carers",
    "There is feedback from colleagues or other professionals",
    "The self-assessment against the standards was done at the start, midway and towards the end",
    "The reflective log has every part",
    "Every domain of the PCF and every standard is judged, with the evidence named",
    "The recommendation follows from the evidence",
    "Protected development time and the agreed workload were given, or the reasons are recorded",
    "Every sign-off on the final assessment is complete",
)


def moderation_checklist(kit: Toolkit, site: Site, when: dt.datetime) -> bytes:
    form = WordForm("ASYE moderation checklist", site, "The employer's moderation of an ASYE final assessment", when)
    form.text(
        "For the employer's ASYE moderation panel: one checklist for each portfolio. The panel checks that the portfolio "
        "holds what the ASYE needs and that the assessor's recommendation follows from the evidence, then confirms it, "
        "returns it to the assessor, or agrees an extension."
    )
    tracks = [f"{track_name(t)} ({t.framework.name})" for t in kit.tracks]
    form.heading("The portfolio", 1)
    form.fields(
        [
            ("Newly qualified social worker", Ask("Name")),
            ("Social Work England registration number", Ask("Registration number")),
            ("ASYE assessor", Ask("Name")),
            ("Standards assessed against", choose("Choose the standards", tracks) if tracks else Ask("The standards")),
            ("The assessor's recommendation", choose("Choose", ASYE_OUTCOMES)),
        ],
        "The portfolio",
    )
    form.heading("Checks", 1)
    form.table(
        ["Check", "Met?", "Notes"],
        [[Label(check), choose("Choose", ("Yes", "No", "Partly")), Ask("Notes", lines=1)] for check in MODERATION_CHECKS],
        "The moderation panel's checks",
        (9.0, 2.8, 5.2),
    )
    form.heading("The panel's decision", 1)
    form.fields(
        [
            ("Decision", choose("Choose the decision", PANEL_DECISIONS)),
            ("Reasons, and anything the assessor must do", Ask("Reasons", lines=4)),
            ("Date of the panel", DATE),
        ],
        "The panel's decision",
    )
    form.heading("The panel", 1)
    form.table(
        ["Member", "Name", "Role"],
        [[Label(member), Ask("Name"), Ask("Role")] for member in ("Chair", "Member", "Member", "Independent member (if any)")],
        "Members of the moderation panel",
        (5.0, 6.0, 6.0),
    )
    signatures(form, ("Chair of the panel",))
    _closing(form, site, "Keep the checklist with the portfolio, and give the assessor a copy.")
    return form.to_bytes(when)


# -- one per version: a service and its standards -----------------------------------------------


def development_plan(kit: Toolkit, site: Site, when: dt.datetime, track: AsyeTrack) -> bytes:
    short, _ = _level(kit)
    form = WordForm(track_title("ASYE development plan", track), site, "A newly qualified social worker's plan for the ASYE", when)
    form.text(
        "The newly qualified social worker and their ASYE assessor agree the first part of this plan in the first weeks of "
        "the year, starting from the learning needs in the last placement's final report, and the next part at each review. "
        f"It sets out what the social worker will develop against the PCF at the {short} level and the "
        f"{track.framework.short_name or track.framework.name}, how, and with what support."
    )
    standards_box(form, kit, track)
    _about(form, kit, track, [])
    header = ["Where to focus this year", "Priority"]
    answers = (Ask("What to develop", lines=2), choose("Choose", ("High", "Medium", "Low")))
    widths = (6.5, 7.5, 3.0)
    _pcf_table(form, kit, header, answers, widths, "Where to focus")
    _standards_table(form, track, header, answers, widths, "Where to focus")
    for period in ASYE_PERIODS:
        form.heading(period, 1, new_page=True)
        form.table(
            ["What to develop (domain or standard)", "How: learning, CPD or experience", "Evidence that will show it", "By when"],
            [[Ask("Domain or standard", lines=2), Ask("How", lines=2), Ask("Evidence", lines=2), DATE] for _ in range(4)],
            f"The plan for {period.lower()}",
            (4.5, 5.0, 4.5, 3.0),
        )
        form.fields(
            [("Support agreed for this part", Ask("Supervision, time, training", lines=2)), ("Agreed on", DATE)],
            f"Support: {period.lower()}",
        )
    signatures(form, ("Newly qualified social worker", "ASYE assessor"))
    _closing(form, site, "Keep the plan with the ASYE portfolio and agree the next part at each review.")
    return form.to_bytes(when)


def self_assessment(kit: Toolkit, site: Site, when: dt.datetime, track: AsyeTrack) -> bytes:
    framework = track.framework
    form = WordForm(
        track_title("ASYE self-assessment", track),
        site,
        f"A newly qualified social worker's self-assessment against the {framework.name}",
        when,
    )
    form.text(
        f"The newly qualified social worker's own view of how confident they are in each {framework.item_name}, at the start "
        "of the ASYE, midway and towards the end, with an example. Talk it through with the assessor: it shapes the "
        "development plan."
    )
    standards_box(form, kit, track)
    _about(form, kit, track, [])
    for moment in ("At the start", "Midway", "Towards the end"):
        form.heading(moment, 1, new_page=moment != "At the start")
        form.fields([("Date", DATE)], f"Date: {moment.lower()}")
        form.table(
            [framework.item_name.capitalize(), "How confident", "An example, or what would help"],
            [[crosswalk_label(track, item), choose("Choose", CONFIDENCE), Ask("Example", lines=2)] for item in framework.items],
            f"Self-assessment {moment.lower()}: the {framework.name}",
            (7.0, 3.2, 6.8),
        )
    signatures(form, ("Newly qualified social worker", "ASYE assessor"))
    _closing(form, site, "Keep the self-assessment with the ASYE portfolio.")
    return form.to_bytes(when)


def review(kit: Toolkit, site: Site, when: dt.datetime, track: AsyeTrack) -> bytes:
    form = WordForm(track_title("ASYE review", track), site, "Reviewing a newly qualified social worker's progress in the ASYE", when)
    form.text(
        "Use one form for each review of the ASYE: at three months, at six months, and at nine months if agreed (the final "
        "review has its own form, the final assessment). The assessor completes it with the newly qualified social worker, "
        "from the evidence gathered since the last review."
    )
    standards_box(form, kit, track)
    reviews = [*ASYE_REVIEWS[:2], "Nine-month review"]
    _about(form, kit, track, [("Which review", choose("Choose the review", reviews)), ("Date of the review", DATE)])
    form.heading("Workload and support", 1)
    form.fields(
        [
            ("Caseload", Ask("Size and complexity", lines=2)),
            ("Supervision since the last review", Ask("How many sessions, and when")),
            ("Protected development time given", Ask("How much, and what it was used for", lines=2)),
            ("Wellbeing and workload", Ask("The social worker's own view", lines=3)),
        ],
        "Workload and support",
    )
    form.heading("Observations and feedback", 1)
    form.fields(
        [
            ("Direct observations since the last review", Ask("Dates, and who observed", lines=2)),
            ("Feedback from people who use services and carers", Ask("What was received", lines=2)),
            ("Feedback from colleagues and other professionals", Ask("What was received", lines=2)),
        ],
        "Observations and feedback since the last review",
    )
    header = ["Evidence since the last review", "Progress"]
    answers = (Ask("Where the evidence is", lines=3), choose("Choose", PROGRESS))
    _pcf_and_standards(form, kit, track, header, answers, "Progress")
    form.heading("Overall", 1)
    form.fields(
        [
            ("The assessor's view of progress overall", Ask("Progress as a whole", lines=6)),
            (
                "On track to complete the ASYE?",
                choose("Choose", ("Yes", "Not yet: the plan says what must change", "No: a concern is recorded")),
            ),
            ("Changes to the development plan", Ask("What changes now", lines=3)),
            ("The newly qualified social worker's comments", Ask("Their comments", lines=4)),
        ],
        "Overall view",
    )
    signatures(form, ("Newly qualified social worker", "ASYE assessor", "Line manager (if not the assessor)"))
    _closing(form, site, "Keep the form with the ASYE portfolio.")
    return form.to_bytes(when)


def _outcome_meanings() -> str:
    meanings = {
        "Pass": "the social worker's practice as a whole meets the PCF at the ASYE level and the standards",
        "Extension": "more time is needed to judge, for a reason such as absence or a change of role: say how long and what it must show",
        "Fail": "the practice as a whole does not meet the level, with the reasons and the evidence set out",
    }
    return "; ".join(f"{name}: {meanings[name]}" for name in ASYE_OUTCOMES) + "."


def final_assessment(kit: Toolkit, site: Site, when: dt.datetime, track: AsyeTrack) -> bytes:
    short, name = _level(kit)
    framework = track.framework
    form = WordForm(track_title("ASYE final assessment", track), site, "The ASYE assessor's final assessment and recommendation", when)
    form.text(
        f"The assessor's holistic assessment at the end of the ASYE, against the PCF at the {short} level and the "
        f"{framework.name}, for the employer's moderation panel. Judge the social worker's practice as a whole, say where "
        "the evidence for each domain and standard is, and make a recommendation the panel can follow."
    )
    level = kit.asye
    if level is not None and level.overall:
        form.text(f"What the {short} level asks overall, in the partnership's words: {level.overall}")
    standards_box(form, kit, track)
    _about(
        form,
        kit,
        track,
        [("Date of the final review", DATE), ("Days of absence in the year", Ask("Days, and whether the year was extended"))],
    )
    form.heading("The evidence", 1)
    form.fields(
        [
            ("Direct observations", Ask("Dates, observers and their roles (at least three)", lines=3)),
            ("Feedback from people who use services and carers", Ask("What was received", lines=2)),
            ("Feedback from colleagues and other professionals", Ask("What was received", lines=2)),
            ("Reviews, reflective log and self-assessments", Ask("Dates", lines=2)),
            ("Other evidence", Ask("Supervision records, written work", lines=2)),
        ],
        "The evidence the assessment rests on",
    )
    header = ["Evidence", "Judgement"]
    answers = (Ask("Where the evidence is", lines=3), choose("Choose a judgement", JUDGEMENTS))
    _pcf_and_standards(form, kit, track, header, answers, "Final judgement")
    form.heading("Holistic assessment", 1)
    form.fields(
        [
            ("The assessor's holistic assessment", Ask("The social worker's practice as a whole", lines=12)),
            ("Recommendation", choose("Choose a recommendation", ASYE_OUTCOMES)),
            ("For an extension or a fail: the reasons, and for an extension how long", Ask("Reasons", lines=4)),
        ],
        "Holistic assessment and recommendation",
    )
    form.text("The recommendations: " + _outcome_meanings())
    form.heading("The newly qualified social worker's comments", 1)
    form.fields([("Comments", Ask("Their comments", lines=4))], "The newly qualified social worker's comments")
    sign_offs(
        form,
        [
            SignOff("Newly qualified social worker", "I have read this assessment and my comments are above."),
            SignOff("ASYE assessor", f"This is my assessment against the PCF at {name} and the {framework.short_name or framework.name}."),
            SignOff("Line manager (if not the assessor)", "The support and workload agreed were given, or the reasons are recorded."),
            SignOff("Moderation panel chair", "The panel's decision, recorded below.", registration="if any"),
        ],
    )
    form.heading("The moderation panel's decision", 2)
    form.fields(
        [
            ("The moderation panel's decision", choose("Choose the decision", PANEL_DECISIONS)),
            ("Date of the panel", DATE),
            ("Is the social worker's ASYE complete?", yes_no()),
        ],
        "The moderation panel's decision",
    )
    _closing(form, site, "Send the final assessment and the portfolio to the moderation panel.")
    return form.to_bytes(when)
