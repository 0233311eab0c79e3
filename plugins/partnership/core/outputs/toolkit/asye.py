"""The ASYE's Word forms: the professional development plan and the review form.

Both follow the PCF at the ASYE level and the standards for each service in
force on the build's day (the KSS, or the early career standards that
replace the child and family KSS), leaving out a service whose newly
qualified social workers have moved to another programme by then.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from ...models.frameworks import Framework
from ...models.site import Site
from ...views.toolkit import ASYE_REVIEWS, PROGRESS, Toolkit
from .common import SERVICE_WORDS, asye_services, contact, domain_label, handover_note, services_text, signatures, standards_text
from .word import DATE, Ask, Cell, WordForm, choose, pick_or_type

ASYE_PEOPLE = ("Newly qualified social worker", "ASYE assessor", "Line manager (if not the assessor)")


def _about(form: WordForm, kit: Toolkit, extra: Sequence[tuple[str, Ask]]) -> None:
    services = asye_services(kit)
    form.heading("About the ASYE", 1)
    form.fields(
        [
            ("Newly qualified social worker", Ask("Name")),
            ("Social Work England registration number", Ask("Registration number")),
            ("ASYE assessor", Ask("Name")),
            ("Line manager", Ask("Name, if not the assessor")),
            ("Employer", pick_or_type("Choose or type the employer", kit.employers)),
            ("Team", Ask("Team")),
            ("Service", choose("Choose the service", [f"{SERVICE_WORDS[s].capitalize()} services" for s in services])),
            *extra,
        ],
        "About the ASYE",
    )


def _standards_intro(form: WordForm, kit: Toolkit) -> None:
    note = handover_note(kit)
    if note:
        form.text(note)


def _per_framework(form: WordForm, framework: Framework, header: Sequence[str], answers: Sequence[Ask], widths: Sequence[float]) -> None:
    form.heading(framework.name, 1)
    form.text(
        f"For social workers in {services_text(framework.services)}: each {framework.item_name} in the partnership's "
        f"words; the full text is published by its owner ({framework.owner}).",
        keep_with_next=True,
    )
    rows: list[list[Cell]] = [[domain_label(item), *answers] for item in framework.items]
    form.table([framework.item_name.capitalize(), *header], rows, f"The {framework.name}", widths)


def development_plan(kit: Toolkit, site: Site, when: dt.datetime) -> bytes:
    level = kit.asye
    assert level is not None, "the ASYE forms are made only when the toolkit covers the ASYE level"
    form = WordForm("ASYE professional development plan", site, "A newly qualified social worker's plan for the ASYE", when)
    also = f" and {standards_text(kit.kss)} for their service" if kit.kss else ""
    form.text(
        "The newly qualified social worker and their ASYE assessor agree this plan in the first weeks of the year, "
        "starting from the learning needs in the last placement's final report. It sets out what the social worker will "
        f"develop against the PCF at the {level.short_name or level.name} level{also}, how, and with what support. Look at it again at each review."
    )
    _standards_intro(form, kit)
    _about(form, kit, [("First day in post", DATE)])
    form.heading("Support agreed", 1)
    form.fields(
        [
            ("Time set aside for learning", Ask("How much, and when")),
            ("How the caseload will build", Ask("Size and complexity over the year", lines=2)),
            ("Supervision", Ask("How often, and with whom")),
            ("Other support", Ask("Mentoring, peer groups, training", lines=2)),
        ],
        "Support agreed for the year",
    )
    form.heading("Starting points", 1)
    form.fields(
        [
            ("Learning needs from the final placement report", Ask("What the report said to work on", lines=4)),
            ("Strengths to build on", Ask("Strengths", lines=3)),
        ],
        "Starting points",
    )
    header = ["What to develop, and how", "Evidence that will show it", "Review by"]
    answers = (Ask("Learning, CPD or experience", lines=3), Ask("Evidence", lines=3), choose("Choose a review", ASYE_REVIEWS))
    widths = (5.5, 5.5, 3.5, 2.5)
    form.heading(f"The PCF at the {level.short_name or level.name} level", 1)
    form.text("Under each domain is what it looks like at the ASYE level.", keep_with_next=True)
    form.table(["Domain", *header], [[domain_label(item, level), *answers] for item in kit.domains], f"The PCF at {level.name}", widths)
    for framework in kit.kss:
        _per_framework(form, framework, header, answers, widths)
    signatures_and_contact(form, site, "Keep the plan with the ASYE portfolio and update it at each review.")
    return form.to_bytes(when)


def review(kit: Toolkit, site: Site, when: dt.datetime) -> bytes:
    level = kit.asye
    assert level is not None, "the ASYE forms are made only when the toolkit covers the ASYE level"
    form = WordForm("ASYE review", site, "Reviewing a newly qualified social worker's progress in the ASYE", when)
    form.text(
        "Use one form for each review of the ASYE: at three months, at six months, and the final review at twelve months. "
        "The assessor completes it with the newly qualified social worker, from the evidence gathered since the last review."
    )
    _standards_intro(form, kit)
    _about(form, kit, [("Which review", choose("Choose the review", ASYE_REVIEWS)), ("Date of the review", DATE)])
    form.heading("Workload and support", 1)
    form.fields(
        [
            ("Caseload", Ask("Size and complexity", lines=2)),
            ("Supervision since the last review", Ask("How many sessions, and when")),
            ("Time for learning used", Ask("What it was used for", lines=2)),
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
    widths = (6.0, 8.0, 3.0)
    form.heading(f"The PCF at the {level.short_name or level.name} level", 1)
    form.table(
        ["Domain", *header],
        [[domain_label(item, level), *answers] for item in kit.domains],
        f"Progress against the PCF at {level.name}",
        widths,
    )
    for framework in kit.kss:
        _per_framework(form, framework, header, answers, widths)
    form.heading("Overall", 1)
    form.fields(
        [
            ("The assessor's view of progress overall", Ask("Progress as a whole", lines=6)),
            ("Changes to the development plan", Ask("What changes now", lines=3)),
            (
                "Recommendation (final review only)",
                choose("Choose", ("Meets the ASYE level", "Does not yet meet the ASYE level", "Not the final review")),
            ),
            ("The newly qualified social worker's comments", Ask("Their comments", lines=4)),
        ],
        "Overall view and recommendation",
    )
    signatures_and_contact(form, site, "Keep the form with the ASYE portfolio; the final review goes to the employer's ASYE panel.")
    return form.to_bytes(when)


def signatures_and_contact(form: WordForm, site: Site, closing: str) -> None:
    signatures(form, ASYE_PEOPLE)
    form.text(f"{closing} {contact(site)}")
