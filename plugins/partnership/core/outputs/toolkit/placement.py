"""A placement's Word forms, in the order it uses them.

The learning agreement (at the start, one per placement level); the
supervision record, direct observation form, critical reflection template,
service user and carer feedback form, feedback from a colleague, evidence
mapping grid and cause for concern record (throughout); the midway review
(one per level); and at the end a final report per level, the portfolio
index and the placement quality audit. A form made for one level shows that
level's descriptors only. Each takes the toolkit's framework content, the
partnership's identity and the build's instant, and returns the file's
bytes. The wording is the partnership's own.
"""

from __future__ import annotations

import datetime as dt

from ...models.frameworks import Level
from ...models.site import Site
from ...present.toolkit import level_words
from ...views.toolkit import (
    EVIDENCE_SOURCES,
    JUDGEMENT_MEANINGS,
    JUDGEMENTS,
    PLACEMENT_OUTCOME_MEANINGS,
    PLACEMENT_OUTCOMES,
    PROGRESS,
    Toolkit,
)
from .common import (
    SignOff,
    contact,
    countersignature_rule,
    domain_label,
    item_name,
    learner_choice,
    level_name,
    people,
    peps_choice,
    sign_offs,
    signatures,
    yes_no,
)
from .word import DATE, Ask, Cell, Label, WordForm, choose, pick_or_type

PLACEMENT_PEOPLE = ("Student", "Practice educator", "On-site supervisor (if there is one)", "University tutor")
SETTINGS = ("Statutory: local authority", "Statutory: health or criminal justice", "Voluntary or community", "Private or independent")
OBSERVERS = ("Practice educator", "On-site supervisor", "ASYE assessor", "Line manager", "Another professional")
OBSERVATION_JUDGEMENTS = (
    "Shows the level expected",
    "Partly shows the level expected",
    "Does not yet show the level expected",
)


def _days_text(kit: Toolkit) -> str:
    """What the course's practice learning must add up to, from the education and training standards' data."""
    course = kit.course
    need = course.practice_learning if course else None
    if course is None or need is None:
        return "The university's handbook says how many days this placement needs."
    settings = f"in at least {need.settings} contrasting settings" if need.settings > 1 else ""
    statutory = (
        f", at least {need.statutory} of them in a statutory setting with statutory tasks involving legal interventions"
        if need.statutory
        else ""
    )
    skills = f" (up to {need.skills_days} of them skills days)" if need.skills_days else ""
    return (
        f"The {course.name} ({course.version}) ask for at least {need.days} days of practice learning over the "
        f"course{skills}, {settings}{statutory}. The university's handbook says how many of them this placement is."
    )


def _statutory_asked(kit: Toolkit) -> bool:
    need = kit.course.practice_learning if kit.course else None
    return bool(need and need.statutory)


def _placement_fields(kit: Toolkit) -> list[tuple[str, Ask | str]]:
    """The placement's own details, asked in every form made for one level."""
    fields: list[tuple[str, Ask | str]] = [
        ("University", pick_or_type("Choose or type the university", kit.universities)),
        ("Programme and year", Ask("BA, MSW or apprenticeship, and the year")),
        ("Agency and team", pick_or_type("Choose or type the agency, then the team", kit.employers)),
        ("Kind of setting", choose("Choose the kind of setting", SETTINGS)),
    ]
    if _statutory_asked(kit):
        fields.append(("Is this the student's statutory placement, with statutory tasks?", yes_no()))
    fields.append(("How it contrasts with the student's other placement", Ask("People, setting, law and methods", lines=2)))
    return fields


def _practice_educator_fields(kit: Toolkit) -> list[tuple[str, Ask | str]]:
    return [
        ("Practice educator", Ask("Name")),
        ("Practice educator's Social Work England registration number", Ask("Registration number")),
        ("Practice educator's PEPS stage", peps_choice(kit)),
        ("On-site or off-site practice educator", choose("Choose", ("On-site", "Off-site (long-arm)"))),
        ("Stage 2 mentor, if the practice educator is at stage 1 or in training", Ask("Name, or 'not needed'")),
    ]


def learning_agreement(kit: Toolkit, site: Site, when: dt.datetime, level: Level) -> bytes:
    short = level_words(level)
    form = WordForm(f"Learning agreement: {level.name}", site, f"The plan for a social work student's placement at the {short} level", when)
    form.text(
        "Agree this in the first two weeks of the placement, at a meeting of the student, the practice educator, the "
        "on-site supervisor (if there is one) and the university's tutor. It records who does what, the placement's days "
        f"and setting, how the student will be supported, and where the chances to show each domain of the PCF at the {short} "
        "level will come from. Look at it again at the midway review."
    )
    if level.overall:
        form.text(f"What the {short} level asks overall, in the partnership's words: {level.overall}")
    form.heading("Who is who", 1)
    people(form, [*PLACEMENT_PEOPLE, "Team manager at the placement"])
    form.heading("The practice educator", 1)
    form.fields(_practice_educator_fields(kit), "The practice educator")
    form.text(countersignature_rule(kit))
    form.heading("The placement", 1)
    form.fields(
        [
            ("Level the placement is judged at", level.name),
            *_placement_fields(kit),
            ("First day", DATE),
            ("Last day", DATE),
            ("Days of practice learning in this placement", Ask("Number of days, as the handbook says")),
            ("Working pattern", Ask("Days and hours each week")),
            ("Study days", Ask("When study days fall")),
            ("Induction", Ask("What induction covers, and when", lines=3)),
        ],
        "The placement's arrangements",
    )
    form.text(_days_text(kit) + " Record each day in the placement days log.")
    if _statutory_asked(kit):
        form.heading("Statutory tasks", 2)
        form.text(
            "If this is the student's statutory placement, plan the statutory tasks involving legal interventions the student "
            "will take part in, and the law each rests on.",
            keep_with_next=True,
        )
        form.table(
            ["Statutory task", "The law it rests on", "When, and with whom"],
            [[Ask("For example, a Care Act assessment", lines=2), Ask("Act and section"), Ask("When and who")] for _ in range(3)],
            "Planned statutory tasks",
            (7.0, 5.0, 5.0),
        )
    form.heading("Supervision", 1)
    form.fields(
        [
            ("How often, and for how long", Ask("For example, weekly for ninety minutes")),
            ("Who supervises", Ask("Names and roles")),
            ("Where supervision is recorded", Ask("Where the supervision records are kept")),
            ("If a session has to move", Ask("How it will be rearranged")),
        ],
        "Supervision arrangements",
    )
    form.heading("Support and adjustments", 1)
    form.text("The student decides what to share about their needs. Record only what they agree to.", keep_with_next=True)
    form.fields(
        [
            ("Learning needs or reasonable adjustments", Ask("What will help the student learn", lines=3)),
            ("Experience the student brings", Ask("Work, volunteering or life experience", lines=3)),
            ("Learning from the last placement or skills days", Ask("What the last report said to work on", lines=3)),
            ("What the student hopes to learn", Ask("In the student's words", lines=3)),
        ],
        "Support and adjustments",
    )
    form.heading(f"Learning opportunities at the {short} level, domain by domain", 1)
    form.text(
        "For each domain, agree the work that will give the student the chance to show it at this level, and how the "
        f"evidence will be gathered. Under each domain is what it looks like at the {short} level; the level guide has more.",
        keep_with_next=True,
    )
    form.table(
        ["Domain", "Learning opportunities in this placement", "How the evidence will be gathered"],
        [
            [domain_label(item, level), Ask("Work, tasks or settings", lines=3), Ask("Observation, feedback, supervision", lines=3)]
            for item in kit.domains
        ],
        f"Learning opportunities for each PCF domain at {level.name}",
        (6.0, 5.5, 5.5),
    )
    form.heading("Direct observations", 1)
    form.text(
        "Plan the direct observations the university asks for (its handbook says how many), spread across the placement.",
        keep_with_next=True,
    )
    form.table(
        ["Observation", "Planned date", "The work to be observed", "Observer"],
        [[Label(name), DATE, Ask("Kind of work"), Ask("Name and role")] for name in ("First", "Second", "Third")],
        "Planned direct observations",
        (3.2, 3.5, 6.3, 4.0),
    )
    form.heading("If things go wrong", 1)
    form.bullets(
        [
            "Raise a worry early: with the practice educator first, then with the university's tutor.",
            "If a concern about the student's progress or conduct is not resolved in supervision, the practice educator "
            "records it on the cause for concern form and a meeting is held within a week.",
            "The university's own procedures, including fitness to practise, apply throughout.",
        ]
    )
    signatures(form, PLACEMENT_PEOPLE)
    form.text(f"Keep a copy with the student's portfolio. {contact(site)}")
    return form.to_bytes(when)


def supervision_record(kit: Toolkit, site: Site, when: dt.datetime) -> bytes:
    form = WordForm("Supervision record", site, "A record of one supervision session on a social work placement", when)
    form.text(
        "Complete one record for each supervision session, and agree it before the next. The student brings their own "
        "agenda; the record shows how supervision helped them learn, and is evidence for the final report."
    )
    form.heading("The session", 1)
    form.fields(
        [
            ("Student", Ask("Student's name")),
            ("Supervisor", Ask("Name and role")),
            ("Date", DATE),
            ("Session number", Ask("For example, 6")),
            ("How long", Ask("Minutes")),
            ("Days of the placement completed so far", Ask("Number of days")),
        ],
        "About the session",
    )
    form.heading("What was discussed", 1)
    form.fields(
        [
            ("The student's agenda", Ask("What the student brought", lines=3)),
            ("The supervisor's agenda", Ask("What the supervisor brought", lines=3)),
            ("Work discussed", Ask("Cases or tasks, without names that identify anyone", lines=4)),
            ("Reflection and learning", Ask("What the student learned, and how theory or law helped", lines=5)),
            ("Values, feelings and wellbeing", Ask("How the student is, and the effect of the work on them", lines=3)),
            ("Workload", Ask("The student's work, and whether it is right for the level", lines=2)),
        ],
        "What was discussed",
    )
    form.heading("The domains it touched", 1)
    form.text("Note briefly where the session gave evidence of a domain; leave the rest empty.", keep_with_next=True)
    form.table(
        ["Domain", "Evidence from this session"],
        [[domain_label(item), Ask("What showed it", lines=1)] for item in kit.domains],
        "The PCF domains this session touched",
        (7.0, 10.0),
    )
    form.heading("Agreed actions", 1)
    form.table(
        ["Action", "Who", "By when"],
        [[Ask("What will be done", lines=2), Ask("Name"), DATE] for _ in range(4)],
        "Agreed actions",
        (10.0, 4.0, 3.0),
    )
    signatures(form, ("Student", "Supervisor"))
    form.text(f"Keep the record with the student's portfolio. {contact(site)}")
    return form.to_bytes(when)


def direct_observation(kit: Toolkit, site: Site, when: dt.datetime) -> bytes:
    form = WordForm("Direct observation form", site, "Recording a direct observation of practice against the PCF", when)
    form.text(
        "Complete one form for each observed piece of practice, by a student on placement or a newly qualified social worker "
        "in the ASYE. Agree the observation beforehand with the person observed and with the person using services, and give "
        "feedback as soon as you can afterwards."
    )
    form.heading("About the observation", 1)
    form.fields(
        [
            ("Person observed", Ask("Name")),
            ("Who they are", learner_choice(kit)),
            ("Which observation this is", choose("Choose", ("First", "Second", "Third", "Fourth", "Another"))),
            ("Observer", Ask("Name")),
            ("Observer's role", choose("Choose the role", OBSERVERS)),
            ("Observer's Social Work England registration number", Ask("Registration number, if registered")),
            ("Date", DATE),
            ("How long the observed work lasted", Ask("Minutes")),
            ("Setting", Ask("Where the work happened")),
            ("What the work was", Ask("The purpose of the visit, meeting or session", lines=2)),
            ("How the person's consent was gained", Ask("Who agreed, and how", lines=2)),
        ],
        "About the observation",
    )
    form.heading("The plan beforehand", 1)
    form.table(
        ["Question", "The answer of the person observed"],
        [
            [Label("What do you plan to do, and why?"), Ask("The plan", lines=4)],
            [Label("Which domains (and, in the ASYE, which standards) do you hope to show?"), Ask("Domains and standards")],
            [Label("What might be difficult, and how will you handle it?"), Ask("What might be difficult", lines=3)],
        ],
        "The plan before the observation",
        (6.0, 11.0),
    )
    form.heading("What was observed", 1)
    form.text("Note what was done that shows each domain; leave a domain empty if the work did not touch it.", keep_with_next=True)
    form.table(
        ["Domain", "What was observed"],
        [[domain_label(item), Ask("What was done", lines=3)] for item in kit.domains],
        "What was observed, by PCF domain",
        (6.0, 11.0),
    )
    if kit.asye is not None:
        form.fields(
            [("In the ASYE: the standards of the worker's service this work showed", Ask("Numbers or areas, and how", lines=3))],
            "Standards shown in the ASYE",
        )
    form.heading("The observer's judgement", 1)
    form.fields(
        [
            ("Overall, against the level the person is working at", choose("Choose a judgement", OBSERVATION_JUDGEMENTS)),
            ("Why", Ask("The reasons for the judgement", lines=4)),
        ],
        "The observer's judgement",
    )
    form.heading("Feedback and reflection", 1)
    form.table(
        ["Part", "Notes"],
        [
            [Label("Feedback: strengths"), Ask("What went well", lines=4)],
            [Label("Feedback: areas to develop"), Ask("What to work on", lines=4)],
            [Label("Reflection on the feedback, by the person observed"), Ask("Their reflection", lines=4)],
            [Label("The view of the person using services, if they agree to give it"), Ask("Their view", lines=3)],
            [Label("Agreed actions"), Ask("Actions and by when", lines=3)],
        ],
        "Feedback and reflection",
        (6.0, 11.0),
    )
    signatures(form, ("Person observed", "Observer"))
    form.text(f"File this form with the evidence for the placement or the ASYE. {contact(site)}")
    return form.to_bytes(when)


REFLECTION_PROMPTS = (
    ("What happened?", "Describe the situation briefly: who, where, and what you did."),
    ("What did I think and feel?", "Your reactions at the time, and the assumptions and values at play."),
    ("What helped me make sense of it?", "Knowledge, law, theory and research that explain what happened."),
    ("What power and difference were at play?", "How identity, power and discrimination shaped the work."),
    ("What did I learn, and what will I do differently?", "What you will take into your next piece of work."),
)


def critical_reflection(kit: Toolkit, site: Site, when: dt.datetime) -> bytes:
    form = WordForm("Critical reflection template", site, "A structured critical reflection mapped to the PCF", when)
    form.text(
        "Use this after a direct observation or a significant piece of work. Move from describing what happened to "
        "analysing it: what you knew, what you assumed, and what you would do differently."
    )
    form.heading("About this reflection", 1)
    form.fields(
        [("Student", Ask("Student's name")), ("Date", DATE), ("The piece of work", Ask("What the work was", lines=2))],
        "About this reflection",
    )
    form.heading("The reflection", 1)
    form.table(
        ["Question", "Your reflection"],
        [[Label(question, (prompt,)), Ask("Your reflection", lines=7)] for question, prompt in REFLECTION_PROMPTS],
        "The reflection, question by question",
        (5.5, 11.5),
    )
    form.heading("How this reflection shows the PCF", 1)
    form.table(
        ["Domain", "How this piece of work shows it"],
        [[domain_label(item), Ask("How it shows", lines=2)] for item in kit.domains],
        "The PCF domains this reflection shows",
        (6.0, 11.0),
    )
    form.text(f"Share the reflection with your practice educator before supervision. {contact(site)}")
    return form.to_bytes(when)


FEEDBACK_ANSWERS = ("Yes", "Mostly", "Sometimes", "No", "Not sure")
FEEDBACK_QUESTIONS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("Did the {who} explain who they were and why they were there?", ("professionalism", "values-ethics")),
    ("Did the {who} listen to you?", ("skills-interventions", "values-ethics")),
    ("Did the {who} treat you with respect?", ("values-ethics", "diversity-equality")),
    ("Did you understand what the {who} said or wrote?", ("skills-interventions",)),
    ("Did the {who} take your wishes and rights into account?", ("rights-justice", "diversity-equality")),
    ("Did the {who} do what they said they would?", ("professionalism", "contexts-organisations")),
)
"""Each question (``{who}``: student or social worker), with the ids of the PCF domains an answer to it can show."""


def _people_feedback(kit: Toolkit, site: Site, when: dt.datetime, *, who: str, title: str, keeper: str) -> bytes:
    form = WordForm(title, site, "A form for people who use services and carers", when, text_size=12)
    article = "A" if who[0] not in "aeiou" else "An"
    form.text(f"{article} {who} has been working with you. We would like to know what it was like, so that they can learn from it.")
    form.bullets(
        [
            "You do not have to fill this in. Saying no will not change the help you get.",
            "You can leave out any question.",
            "Someone you trust can help you, or write down what you say.",
        ]
    )
    form.heading("About the feedback", 1)
    form.fields(
        [
            (f"The {who}'s name", Ask("Name")),
            ("Today's date", DATE),
            (
                "Who is giving feedback",
                choose("Choose one", (f"The person the {who} worked with", "A carer or family member", "Someone else")),
            ),
        ],
        "About the feedback",
        header=("Question", "Your answer"),
    )
    form.heading("What it was like", 1)
    questions = [(question.format(who=who), ids) for question, ids in FEEDBACK_QUESTIONS]
    form.table(
        ["Question", "Your answer", "Anything you want to add"],
        [[Label(question), choose("Choose an answer", FEEDBACK_ANSWERS), Ask("Your words", lines=2)] for question, _ in questions],
        f"What it was like to work with the {who}",
        (7.0, 3.5, 6.5),
    )
    form.heading("In your own words", 1)
    form.fields(
        [
            (f"What did the {who} do well?", Ask("Your words", lines=4)),
            (f"What could the {who} do better?", Ask("Your words", lines=4)),
            ("Is there anything else you want to tell us?", Ask("Your words", lines=3)),
            (f"Can the {who} keep this feedback with their work? Your name will not be kept with it.", choose("Choose", ("Yes", "No"))),
            ("Who helped to fill in this form, if anyone?", Ask("Name, or leave empty")),
        ],
        "Your feedback in your own words",
        header=("Question", "Your answer"),
    )
    form.text(f"Thank you. Please give this form to the {keeper}, or to the {who} in a sealed envelope.")
    form.heading(f"For the {keeper}", 1, new_page=True)
    form.text(
        f"What each answer can show, by domain of the PCF. Talk about the feedback with the {who}, and ask them to "
        "reflect on it; keep the form with their evidence only if the person agreed.",
        keep_with_next=True,
    )
    domains = {item.id: item for item in kit.domains}
    form.table(
        ["Question", "Domains an answer can show"],
        [[Label(question), "; ".join(item_name(domains[d]) for d in ids if d in domains)] for question, ids in questions],
        "The PCF domains each question can show",
        (9.0, 8.0),
    )
    form.text(contact(site))
    return form.to_bytes(when)


def service_user_feedback(kit: Toolkit, site: Site, when: dt.datetime) -> bytes:
    return _people_feedback(
        kit, site, when, who="social work student", title="Feedback on a social work student", keeper="practice educator"
    )


def colleague_feedback(kit: Toolkit, site: Site, when: dt.datetime) -> bytes:
    form = WordForm("Feedback from a colleague", site, "A colleague's or another professional's view of a social worker's practice", when)
    form.text(
        "For an on-site supervisor, a team member or another professional who has worked alongside a social work student "
        "or a newly qualified social worker. Say what you have seen yourself, with examples; leave out what you have not seen. "
        "Your feedback is shared with the person it is about."
    )
    form.heading("About the feedback", 1)
    form.fields(
        [
            ("The feedback is about", Ask("Name")),
            ("Who they are", learner_choice(kit)),
            ("Your name", Ask("Name")),
            (
                "Your role",
                choose("Choose your role", ("On-site supervisor", "Team member", "Manager", "Another professional", "Someone else")),
            ),
            ("Your profession and organisation", Ask("For example, health visitor, Riverside NHS Trust")),
            ("How long, and how, you have worked with them", Ask("Weeks or months, and in what work", lines=2)),
            ("Date", DATE),
        ],
        "About the feedback",
    )
    form.heading("What you have seen", 1)
    form.text("Under each domain is what it is about. Leave a domain empty if you have not seen it.", keep_with_next=True)
    form.table(
        ["Domain", "What you have seen, with an example"],
        [[domain_label(item), Ask("What you saw", lines=2)] for item in kit.domains],
        "What the colleague has seen, by PCF domain",
        (6.5, 10.5),
    )
    form.heading("Overall", 1)
    form.fields(
        [
            ("Strengths", Ask("What they do well", lines=3)),
            ("What to develop", Ask("What would help their practice", lines=3)),
            ("Any concern the assessor should know about", Ask("A concern, or 'none'", lines=2)),
        ],
        "Overall feedback",
    )
    signatures(form, ("Colleague giving feedback",))
    form.text(f"Give this form to the practice educator or the ASYE assessor. {contact(site)}")
    return form.to_bytes(when)


CONCERN_KINDS = (
    "Progress: not yet showing the level",
    "Conduct or professional behaviour",
    "Suitability or fitness to practise",
    "Health, wellbeing or circumstances",
)
CONCERN_OUTCOMES = (
    "Resolved: the plan is complete",
    "Progress made: the plan continues",
    "Not resolved: passed to the university's procedures",
)


def cause_for_concern(kit: Toolkit, site: Site, when: dt.datetime) -> bytes:
    form = WordForm("Cause for concern record", site, "Recording a concern about a student on placement, and the plan to resolve it", when)
    form.text(
        "Use this record as soon as there is a concern about a student's progress, conduct or suitability that "
        "supervision has not resolved. Acting early gives the student a fair chance to put things right. Tell the "
        "university's tutor the same day: the university's own procedures, including fitness to practise, still apply. "
        "Write facts and examples rather than labels, and share the record with the student."
    )
    form.heading("About the placement", 1)
    form.fields(
        [
            ("Student", Ask("Student's name")),
            ("Practice educator", Ask("Name")),
            ("On-site supervisor", Ask("Name, if there is one")),
            ("University tutor", Ask("Name")),
            ("University", pick_or_type("Choose or type the university", kit.universities)),
            ("Level the placement is judged at", choose("Choose the level", [level.name for level in kit.placements or kit.levels])),
            ("Day of the placement the concern was raised", Ask("Day number")),
            ("Date of this record", DATE),
        ],
        "About the placement",
    )
    form.heading("The concern", 1)
    form.fields(
        [
            ("Kind of concern", choose("Choose the kind", CONCERN_KINDS)),
            ("What the concern is", Ask("Facts and examples: what happened, and when", lines=6)),
            ("What has been tried already", Ask("Support or discussion so far", lines=3)),
        ],
        "The concern",
    )
    form.heading("The domains it touches", 1)
    form.table(
        ["Domain", "Touched?", "What was seen"],
        [[domain_label(item), choose("Choose", ("Yes", "No")), Ask("Examples", lines=2)] for item in kit.domains],
        "The PCF domains the concern touches",
        (6.0, 3.0, 8.0),
    )
    form.heading("The meeting", 1)
    form.fields(
        [
            ("Date", DATE),
            ("Who attended", Ask("Names and roles", lines=2)),
            ("The student's view", Ask("In the student's words", lines=4)),
            ("What was agreed", Ask("Decisions", lines=3)),
        ],
        "The meeting about the concern",
    )
    form.heading("Action plan", 1)
    form.table(
        ["What needs to change", "Support that will be given", "How progress will be judged", "By when"],
        [[Ask("The change", lines=3), Ask("The support", lines=3), Ask("The measure", lines=3), DATE] for _ in range(3)],
        "Action plan",
        (4.5, 4.5, 4.5, 3.5),
    )
    form.heading("Review of the plan", 1)
    form.fields(
        [
            ("Date of the review", DATE),
            ("Outcome", choose("Choose the outcome", CONCERN_OUTCOMES)),
            ("Notes", Ask("What was seen since the meeting", lines=4)),
        ],
        "Review of the plan",
    )
    signatures(form, PLACEMENT_PEOPLE)
    form.text(f"Give a copy to the student and the university's tutor. {contact(site)}")
    return form.to_bytes(when)


def midway_review(kit: Toolkit, site: Site, when: dt.datetime, level: Level) -> bytes:
    short = level_words(level)
    form = WordForm(
        f"Midway review: {level.name}",
        site,
        f"Reviewing a social work student's progress halfway through a placement at the {short} level",
        when,
    )
    form.text(
        "Hold the review about halfway through the placement, with the student, the practice educator, the on-site "
        "supervisor (if there is one) and the university's tutor. Look at the evidence so far, domain by domain, and agree "
        "what the second half must focus on. If the student is not on track, say so now: a cause for concern record and "
        "an action plan give them the best chance to pass."
    )
    form.heading("About the review", 1)
    form.fields(
        [
            ("Student", Ask("Student's name")),
            ("Practice educator", Ask("Name")),
            ("University tutor", Ask("Name")),
            ("On-site supervisor", Ask("Name, if there is one")),
            ("Level the placement is judged at", level.name),
            ("Date of the review", DATE),
            ("Days completed so far (from the days log)", Ask("Number of days")),
            ("Days still to do", Ask("Number of days")),
            ("Days missed, and why", Ask("Days and reasons")),
        ],
        "About the review",
    )
    form.heading(f"Progress in each domain towards the {short} level", 1)
    form.text(f"Under each domain is what it looks like at the {short} level.", keep_with_next=True)
    form.table(
        ["Domain", "Evidence so far", "Progress"],
        [[domain_label(item, level), Ask("Where the evidence is", lines=3), choose("Choose", PROGRESS)] for item in kit.domains],
        f"Progress in each PCF domain towards {level.name}",
        (6.5, 7.5, 3.0),
    )
    form.heading("Evidence so far", 1)
    evidence: list[tuple[str, Ask | str]] = [
        ("Direct observations done", Ask("How many, and when")),
        ("Service user and carer feedback", Ask("What has been received", lines=2)),
        ("Feedback from colleagues", Ask("From whom", lines=2)),
        ("Written work and reflections seen", Ask("What has been read", lines=2)),
    ]
    if _statutory_asked(kit):
        evidence.append(("Statutory tasks so far (statutory placement)", Ask("Which tasks, and the law", lines=2)))
    form.fields(evidence, "Evidence gathered so far")
    form.heading("Everyone's view", 1)
    form.table(
        ["Whose view", "What they say"],
        [[Label(role), Ask("Their view", lines=4)] for role in PLACEMENT_PEOPLE],
        "Everyone's view of progress",
        (5.0, 12.0),
    )
    form.heading("On track?", 1)
    form.fields(
        [
            (
                "Is the student on track to pass the placement?",
                choose("Choose", ("Yes", "Not yet: the plan below says what must change", "No: a cause for concern record is needed")),
            )
        ],
        "Whether the student is on track",
    )
    form.heading("Plan for the second half", 1)
    form.table(
        ["What to work on", "How", "By when"],
        [[Ask("Domain or skill", lines=2), Ask("Work, support or learning", lines=2), DATE] for _ in range(4)],
        "Plan for the second half of the placement",
        (6.0, 8.0, 3.0),
    )
    signatures(form, PLACEMENT_PEOPLE)
    form.text(f"Send a copy to the university's tutor. {contact(site)}")
    return form.to_bytes(when)


def final_report(kit: Toolkit, site: Site, when: dt.datetime, level: Level) -> bytes:
    short = level_words(level)
    qualifying = level == kit.qualifying
    form = WordForm(
        f"Final report: {level.name}", site, f"The practice educator's holistic assessment against the PCF at {level.name}", when
    )
    form.text(
        f"The practice educator's assessment of the student at the end of the placement, against the PCF at the {short} "
        f"level ({level.name})." + (f" {level.summary}" if level.summary else "")
    )
    if level.overall:
        form.text(f"What the {short} level asks overall, in the partnership's words: {level.overall}")
    form.text(
        f"Judge the student's practice as a whole. The {len(kit.domains)} domains describe one practitioner: a student who "
        "meets the level overall may be stronger in some domains than in others. Say where the evidence for each domain "
        "is, so that the university's assessment panel can follow your judgement. The level guide says more."
    )
    form.heading("About the placement", 1)
    form.fields(
        [
            ("Student", Ask("Student's name")),
            ("Student's university number", Ask("Number")),
            ("Level the placement is judged at", level.name),
            *_placement_fields(kit),
            ("On-site supervisor", Ask("Name, if there is one")),
            ("University tutor", Ask("Name")),
        ],
        "About the placement",
    )
    form.heading("The practice educator", 1)
    form.fields(_practice_educator_fields(kit), "The practice educator")
    form.text(countersignature_rule(kit))
    form.heading("Days of practice learning", 1)
    form.text(_days_text(kit), keep_with_next=True)
    form.fields(
        [
            ("First day", DATE),
            ("Last day", DATE),
            ("Days this placement needed", Ask("Number of days")),
            ("Days completed (from the days log)", Ask("Number of days")),
            ("Days missed, and how they were made up", Ask("Days and how", lines=2)),
            ("The practice educator confirms the days completed", choose("Choose", ("Yes: the days log is correct", "No: see the notes"))),
        ],
        "Days of practice learning",
    )
    form.heading("The evidence", 1)
    form.fields(
        [
            ("Direct observations", Ask("Dates, observers and their roles", lines=3)),
            ("Service user and carer feedback", Ask("What was received, and from whom", lines=2)),
            ("Feedback from colleagues and the on-site supervisor", Ask("From whom", lines=2)),
            ("Other evidence", Ask("Supervision records, written work, reflections", lines=2)),
            ("Issues or circumstances taken into account", Ask("The placement's or the student's, if any", lines=2)),
        ],
        "The evidence the assessment rests on",
    )
    form.heading(f"Each domain at the {short} level", 1)
    form.text(
        "For each domain, summarise the evidence and judge how far it shows the level: "
        + "; ".join(f"{name}: {JUDGEMENT_MEANINGS[name]}" for name in reversed(JUDGEMENTS))
        + ".",
        keep_with_next=True,
    )
    rows: list[list[Cell]] = [
        [
            Label(item_name(item)),
            item.descriptors.get(level.id, ""),
            Ask("Summary of the evidence", lines=4),
            choose("Choose a judgement", JUDGEMENTS),
        ]
        for item in kit.domains
    ]
    form.table(["Domain", f"At the {short} level", "Evidence", "Judgement"], rows, f"Each PCF domain at {level.name}", (4.6, 4.6, 5.0, 2.8))
    if qualifying and kit.professional is not None:
        professional = kit.professional
        form.heading(f"{professional.owner}'s professional standards", 1)
        form.text(
            f"By the end of the last placement the student shows they can meet the {professional.name}, which they must "
            f"meet to join the register. For each {professional.item_name}, say where the evidence is.",
            keep_with_next=True,
        )
        form.table(
            [professional.item_name.capitalize(), "Evidence", "Judgement"],
            [
                [domain_label(item), Ask("Where the evidence is", lines=2), choose("Choose a judgement", JUDGEMENTS)]
                for item in professional.items
            ],
            f"The {professional.name}",
            (7.0, 7.0, 3.0),
        )
    if _statutory_asked(kit):
        form.heading("Statutory tasks", 1)
        form.text(
            "If this was the student's statutory placement: the statutory tasks involving legal interventions the student took "
            "part in, the law each rests on, and what the student did.",
            keep_with_next=True,
        )
        form.table(
            ["Statutory task", "The law it rests on", "What the student did", "Evidence"],
            [[Ask("Task", lines=2), Ask("Act and section"), Ask("Their part", lines=2), Ask("Where it is")] for _ in range(4)],
            "Statutory tasks the student took part in",
            (4.5, 3.5, 5.0, 4.0),
        )
    form.heading("Holistic assessment", 1)
    form.text(
        "Bring the domains together: how the student's practice shows the level as a whole, how they have developed over the "
        "placement, and how they use supervision and feedback. A domain only partly evidenced does not stop a pass when the "
        "practice as a whole meets the level: say why, and carry it into what to work on next.",
        keep_with_next=True,
    )
    form.fields(
        [
            ("The practice educator's holistic assessment", Ask("The student's practice as a whole", lines=12)),
            ("Recommendation", choose("Choose a recommendation", PLACEMENT_OUTCOMES)),
        ],
        "Holistic assessment and recommendation",
    )
    form.text("The recommendations: " + "; ".join(f"{name}: {PLACEMENT_OUTCOME_MEANINGS[name]}" for name in PLACEMENT_OUTCOMES) + ".")
    form.fields(
        [
            ("For refer, extension or fail: the reasons", Ask("The reasons, and the evidence for them", lines=4)),
            ("For an extension: the days needed, and what they must show", Ask("Days, and what to show", lines=2)),
        ],
        "Reasons for a recommendation other than pass",
    )
    following = kit.levels[kit.levels.index(level) + 1] if level in kit.levels[:-1] else None
    form.heading("Looking ahead", 1)
    form.fields(
        [
            ("Strengths to build on", Ask("Strengths", lines=3)),
            (f"What to work on next{f' ({level_name(following)})' if following else ''}", Ask("Learning needs", lines=3)),
        ],
        "Looking ahead",
    )
    form.heading("Other views", 1)
    form.table(
        ["Whose view", "Comments"],
        [[Label(role), Ask("Their comments", lines=4)] for role in ("The student", "The on-site supervisor (if there is one)")],
        "Comments from the student and the on-site supervisor",
        (5.0, 12.0),
    )
    sign_offs(
        form,
        [
            SignOff("Student", "I have read this report and my comments are above.", registration="none"),
            SignOff("Practice educator", "This is my assessment and recommendation, and the days completed are correct."),
            SignOff(
                "Stage 2 mentor (countersignature)",
                "Needed when the practice educator is at stage 1 or in training: I have read the evidence and countersign the recommendation.",
            ),
            SignOff("On-site supervisor (if there is one)", "I have contributed to this assessment.", registration="if any"),
            SignOff("University tutor", "I have read the report and the portfolio, ready for the panel.", registration="if any"),
            SignOff("Assessment panel chair", "The panel's decision, recorded below.", registration="if any"),
        ],
    )
    form.heading("The assessment panel's decision", 2)
    form.fields(
        [
            ("The assessment panel's decision", choose("Choose the decision", PLACEMENT_OUTCOMES)),
            ("Date of the panel", DATE),
            ("The panel's comments", Ask("Comments, and any conditions", lines=3)),
        ],
        "The assessment panel's decision",
    )
    form.text(f"Send the report to the university by its deadline, with the portfolio and its index. {contact(site)}")
    return form.to_bytes(when)


PORTFOLIO_PIECES = (
    "Learning agreement",
    "Supervision records",
    "Direct observations",
    "Critical reflections",
    "Service user and carer feedback",
    "Feedback from colleagues",
    "Evidence mapping grid",
    "Midway review",
    "Placement days log",
    "Final report",
)


def portfolio_index(kit: Toolkit, site: Site, when: dt.datetime) -> bytes:
    form = WordForm("Portfolio index", site, "The list of what a student's placement portfolio holds", when)
    form.text(
        "The first page of the student's portfolio: what it holds, where each piece is, and which domains it shows, so that "
        "the university's assessment panel can find the evidence behind the final report."
    )
    form.heading("About the portfolio", 1)
    form.fields(
        [
            ("Student", Ask("Student's name")),
            ("University", pick_or_type("Choose or type the university", kit.universities)),
            ("Level the placement is judged at", choose("Choose the level", [level.name for level in kit.placements or kit.levels])),
            ("Practice educator", Ask("Name")),
            ("Date sent to the university", DATE),
        ],
        "About the portfolio",
    )
    form.heading("What the portfolio must hold", 1)
    form.table(
        ["Piece", "Included?", "How many, and where"],
        [[Label(piece), choose("Choose", ("Yes", "No", "Not needed")), Ask("Number and section")] for piece in PORTFOLIO_PIECES],
        "What the portfolio must hold",
        (6.5, 3.5, 7.0),
    )
    form.heading("Each piece of evidence", 1)
    form.text(
        "One row for each piece: number the pieces in the portfolio in this order. Domains by number (for example 1, 5, 7).",
        keep_with_next=True,
    )
    form.table(
        ["No.", "Piece of evidence", "Kind", "Date", "Domains it shows"],
        [
            [str(number), Ask("What it is"), choose("Choose the kind", EVIDENCE_SOURCES), DATE, Ask("Domain numbers")]
            for number in range(1, 21)
        ],
        "Each piece of evidence in the portfolio",
        (1.3, 5.2, 4.0, 3.0, 3.5),
    )
    form.text(f"The student and the practice educator check the index together before it is sent. {contact(site)}")
    return form.to_bytes(when)


QUALITY_STATEMENTS = (
    "The student had an induction in the first week, including the agency's policies and safety",
    "Supervision happened as the learning agreement said",
    "The student had the chance to show every domain at the placement's level",
    "The work was right for the level: neither too little nor too much",
    "The placement gave the statutory tasks agreed (if it was the statutory placement)",
    "The student had a place to work, equipment and access to records",
    "Agreed adjustments were made",
    "The practice educator had time for the role",
    "The team welcomed the student and included them",
    "Concerns, if any, were raised early and dealt with fairly",
)
QUALITY_RATINGS = ("Fully", "Partly", "Not at all", "Does not apply")


def placement_quality_audit(kit: Toolkit, site: Site, when: dt.datetime) -> bytes:
    form = WordForm(
        "Placement quality audit", site, "The quality of a social work placement, as the student and the practice educator saw it", when
    )
    form.text(
        "Complete this in the last week of the placement: the student and the practice educator each rate the statements, "
        "and the agency's placement lead adds its view. The partnership uses the audits to improve placements; they are not "
        "part of the student's assessment."
    )
    form.heading("The placement", 1)
    form.fields(
        [
            ("Agency and team", pick_or_type("Choose or type the agency, then the team", kit.employers)),
            ("University", pick_or_type("Choose or type the university", kit.universities)),
            ("Level", choose("Choose the level", [level.name for level in kit.placements or kit.levels])),
            ("First day", DATE),
            ("Last day", DATE),
        ],
        "The placement",
    )
    form.heading("How well the placement did", 1)
    form.table(
        ["Statement", "The student", "The practice educator"],
        [[Label(statement), choose("Choose", QUALITY_RATINGS), choose("Choose", QUALITY_RATINGS)] for statement in QUALITY_STATEMENTS],
        "How well the placement did, by statement",
        (9.0, 4.0, 4.0),
    )
    form.heading("In your own words", 1)
    form.table(
        ["Whose view", "What worked well", "What to change"],
        [
            [Label(role), Ask("What worked", lines=3), Ask("What to change", lines=3)]
            for role in ("The student", "The practice educator", "The agency's placement lead")
        ],
        "What worked and what to change",
        (4.5, 6.25, 6.25),
    )
    signatures(form, ("Student", "Practice educator", "Agency's placement lead"))
    form.text(f"Send the audit to the university's placement team and the partnership. {contact(site)}")
    return form.to_bytes(when)


def evidence_grid(kit: Toolkit, site: Site, when: dt.datetime) -> bytes:
    form = WordForm("PCF evidence mapping grid", site, "Where the evidence for each PCF domain is", when, landscape=True)
    form.text("For each domain, note where the evidence is in each source, then make a holistic judgement: " + ", ".join(JUDGEMENTS) + ".")
    form.heading("Who and when", 1)
    form.fields(
        [
            ("Student", Ask("Student's name")),
            ("Practice educator", Ask("Name")),
            ("Level", choose("Choose the level", [level.name for level in kit.levels])),
            ("Date", DATE),
        ],
        "Who and when",
    )
    form.heading("Evidence for each domain", 1)
    header = ["Domain", *EVIDENCE_SOURCES, "Holistic judgement"]
    rows: list[list[Cell]] = [
        [Label(item_name(item)), *(Ask("Where to find it", lines=3) for _ in EVIDENCE_SOURCES), choose("Choose", JUDGEMENTS)]
        for item in kit.domains
    ]
    form.table(header, rows, "Evidence for each PCF domain", (4.5, 3.5, 3.5, 3.5, 3.5, 3.5, 3.7))
    form.text(contact(site))
    return form.to_bytes(when)
