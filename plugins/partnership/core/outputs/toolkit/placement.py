"""A placement's Word forms, in the order it uses them.

The learning agreement (at the start), the direct observation form, the
critical reflection template, the service user and carer feedback form and
the cause for concern record (throughout), the evidence mapping grid, the
midway review, and a final report for each placement level. Each takes the
toolkit's framework content, the partnership's identity and the build's
instant, and returns the file's bytes. The wording is the partnership's own.
"""

from __future__ import annotations

import datetime as dt

from ...models.frameworks import Level
from ...models.site import Site
from ...views.toolkit import EVIDENCE_SOURCES, JUDGEMENTS, PROGRESS, Toolkit
from .common import contact, domain_label, item_name, level_name, people, placement_level_choice, signatures
from .word import DATE, Ask, Cell, Label, WordForm, choose, pick_or_type

PLACEMENT_PEOPLE = ("Student", "Practice educator", "On-site supervisor (if there is one)", "University tutor")


def learning_agreement(kit: Toolkit, site: Site, when: dt.datetime) -> bytes:
    form = WordForm("Learning agreement", site, "The plan for a social work student's placement, agreed at its start", when)
    form.text(
        "Agree this in the first two weeks of the placement, at a meeting of the student, the practice educator, the "
        "on-site supervisor (if there is one) and the university's tutor. It records who does what, how the student "
        "will be supported, and where the chances to show each domain of the PCF will come from. Look at it again at "
        "the midway review."
    )
    form.heading("Who is who", 1)
    people(form, [*PLACEMENT_PEOPLE, "Team manager at the placement"])
    form.heading("The placement", 1)
    form.fields(
        [
            ("University", pick_or_type("Choose or type the university", kit.universities)),
            ("Programme and year", Ask("BA, MSW or apprenticeship, and the year")),
            ("Level the placement is judged at", placement_level_choice(kit)),
            ("Agency and team", pick_or_type("Choose or type the agency, then the team", kit.employers)),
            ("First day", DATE),
            ("Last day", DATE),
            ("Number of days", Ask("Days of placement")),
            ("Working pattern", Ask("Days and hours each week")),
            ("Study days", Ask("When study days fall")),
            ("Induction", Ask("What induction covers, and when", lines=3)),
        ],
        "The placement's arrangements",
    )
    form.heading("Supervision", 1)
    form.fields(
        [
            ("How often, and for how long", Ask("For example, weekly for ninety minutes")),
            ("Who supervises", Ask("Names and roles")),
            ("Where supervision is recorded", Ask("Where the notes are kept")),
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
            ("What the student hopes to learn", Ask("In the student's words", lines=3)),
        ],
        "Support and adjustments",
    )
    form.heading("Learning opportunities, domain by domain", 1)
    levels = " and ".join(level_name(level) for level in kit.placements)
    form.text(
        "For each domain, agree the work that will give the student the chance to show it at the placement's level, "
        f"and how the evidence will be gathered. Under each domain is what it looks like at the end of a placement ({levels}); "
        "the level guide has more.",
        keep_with_next=True,
    )
    form.table(
        ["Domain", "Learning opportunities in this placement", "How the evidence will be gathered"],
        [
            [
                domain_label(item, *kit.placements),
                Ask("Work, tasks or settings", lines=3),
                Ask("Observation, feedback, supervision", lines=3),
            ]
            for item in kit.domains
        ],
        "Learning opportunities for each PCF domain",
        (6.0, 5.5, 5.5),
    )
    form.heading("Direct observations", 1)
    form.text(
        "Plan the direct observations the university asks for (its handbook says how many), spread across the placement.",
        keep_with_next=True,
    )
    form.table(
        ["Observation", "Planned date", "The work to be observed", "Observer"],
        [[Label(name), DATE, Ask("Kind of work"), Ask("Name")] for name in ("First", "Second", "Third")],
        "Planned direct observations",
        (3.0, 3.5, 6.5, 4.0),
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


def direct_observation(kit: Toolkit, site: Site, when: dt.datetime) -> bytes:
    form = WordForm("Direct observation form", site, "Recording a direct observation of practice against the PCF", when)
    form.text(
        "Complete one form for each observed piece of practice. Agree the observation beforehand with the student and "
        "with the person using services, and give feedback as soon as you can afterwards."
    )
    form.heading("About the observation", 1)
    form.fields(
        [
            ("Student", Ask("Student's name")),
            ("Observer", Ask("Name and role")),
            ("Date", DATE),
            ("Level the student is working at", placement_level_choice(kit)),
            ("Setting", Ask("Where the work happened")),
            ("What the work was", Ask("The purpose of the visit, meeting or session", lines=2)),
            ("How the person's consent was gained", Ask("Who agreed, and how", lines=2)),
        ],
        "About the observation",
    )
    form.heading("The student's plan", 1)
    form.table(
        ["Question", "The student's answer"],
        [
            [Label("What do you plan to do, and why?"), Ask("The plan", lines=4)],
            [Label("Which domains do you hope to show?"), Ask("Domains")],
            [Label("What might be difficult, and how will you handle it?"), Ask("What might be difficult", lines=3)],
        ],
        "The student's plan before the observation",
        (6.0, 11.0),
    )
    form.heading("What was observed", 1)
    form.text("Note what the student did that shows each domain; leave a domain empty if the work did not touch it.", keep_with_next=True)
    form.table(
        ["Domain", "What was observed"],
        [[domain_label(item), Ask("What the student did", lines=3)] for item in kit.domains],
        "What was observed, by PCF domain",
        (6.0, 11.0),
    )
    form.heading("Feedback and reflection", 1)
    form.table(
        ["Part", "Notes"],
        [
            [Label("Feedback: strengths"), Ask("What went well", lines=4)],
            [Label("Feedback: areas to develop"), Ask("What to work on", lines=4)],
            [Label("The student's reflection on the feedback"), Ask("The student's reflection", lines=4)],
            [Label("The view of the person using services, if they agree to give it"), Ask("Their view", lines=3)],
            [Label("Agreed actions"), Ask("Actions and by when", lines=3)],
        ],
        "Feedback and reflection",
        (6.0, 11.0),
    )
    signatures(form, ("Student", "Observer"))
    form.text(f"File this form with the student's evidence. {contact(site)}")
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
    ("Did the student explain who they were and why they were there?", ("professionalism", "values-ethics")),
    ("Did the student listen to you?", ("skills-interventions", "values-ethics")),
    ("Did the student treat you with respect?", ("values-ethics", "diversity-equality")),
    ("Did you understand what the student said or wrote?", ("skills-interventions",)),
    ("Did the student take your wishes and rights into account?", ("rights-justice", "diversity-equality")),
    ("Did the student do what they said they would?", ("professionalism", "contexts-organisations")),
)
"""Each question, with the ids of the PCF domains an answer to it can show."""


def service_user_feedback(kit: Toolkit, site: Site, when: dt.datetime) -> bytes:
    form = WordForm("Feedback on a social work student", site, "A form for people who use services and carers", when, text_size=12)
    form.text(
        "A social work student has been working with you. We would like to know what it was like, so that the student can learn from it."
    )
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
            ("The student's name", Ask("Name")),
            ("Today's date", DATE),
            (
                "Who is giving feedback",
                choose("Choose one", ("The person the student worked with", "A carer or family member", "Someone else")),
            ),
        ],
        "About the feedback",
        header=("Question", "Your answer"),
    )
    form.heading("What it was like", 1)
    form.table(
        ["Question", "Your answer", "Anything you want to add"],
        [[Label(question), choose("Choose an answer", FEEDBACK_ANSWERS), Ask("Your words", lines=2)] for question, _ in FEEDBACK_QUESTIONS],
        "What it was like to work with the student",
        (7.0, 3.5, 6.5),
    )
    form.heading("In your own words", 1)
    form.fields(
        [
            ("What did the student do well?", Ask("Your words", lines=4)),
            ("What could the student do better?", Ask("Your words", lines=4)),
            ("Is there anything else you want to tell us?", Ask("Your words", lines=3)),
            ("Can the student keep this feedback with their work? Your name will not be kept with it.", choose("Choose", ("Yes", "No"))),
            ("Who helped to fill in this form, if anyone?", Ask("Name, or leave empty")),
        ],
        "Your feedback in your own words",
        header=("Question", "Your answer"),
    )
    form.text("Thank you. Please give this form to the student's practice educator, or to the student in a sealed envelope.")
    form.heading("For the practice educator", 1, new_page=True)
    form.text(
        "What each answer can show, by domain of the PCF. Talk about the feedback with the student, and ask them to "
        "reflect on it; keep the form with their evidence only if the person agreed.",
        keep_with_next=True,
    )
    domains = {item.id: item for item in kit.domains}
    form.table(
        ["Question", "Domains an answer can show"],
        [[Label(question), "; ".join(item_name(domains[d]) for d in ids if d in domains)] for question, ids in FEEDBACK_QUESTIONS],
        "The PCF domains each question can show",
        (9.0, 8.0),
    )
    form.text(contact(site))
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
            ("Level the placement is judged at", placement_level_choice(kit)),
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


def midway_review(kit: Toolkit, site: Site, when: dt.datetime) -> bytes:
    form = WordForm("Midway review", site, "Reviewing a social work student's progress halfway through a placement", when)
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
            ("Level the placement is judged at", placement_level_choice(kit)),
            ("Date of the review", DATE),
            ("Days completed", Ask("Number of days")),
            ("Days missed, and why", Ask("Days and reasons")),
        ],
        "About the review",
    )
    form.heading("Progress in each domain", 1)
    form.text("Under each domain is what it looks like at the end of each placement.", keep_with_next=True)
    form.table(
        ["Domain", "Evidence so far", "Progress"],
        [[domain_label(item, *kit.placements), Ask("Where the evidence is", lines=3), choose("Choose", PROGRESS)] for item in kit.domains],
        "Progress in each PCF domain",
        (6.5, 7.5, 3.0),
    )
    form.heading("Evidence so far", 1)
    form.fields(
        [
            ("Direct observations done", Ask("How many, and when")),
            ("Service user and carer feedback", Ask("What has been received", lines=2)),
            ("Written work and reflections seen", Ask("What has been read", lines=2)),
        ],
        "Evidence gathered so far",
    )
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
    short = level_name(level)
    form = WordForm(
        f"Final report: {level.name}", site, f"The practice educator's holistic assessment against the PCF at {level.name}", when
    )
    form.text(
        f"The practice educator's assessment of the student at the end of the placement, against the PCF at the "
        f"{short} level ({level.name})." + (f" {level.summary}" if level.summary else "")
    )
    form.text(
        f"Judge the student's practice as a whole. The {len(kit.domains)} domains describe one practitioner: a student who "
        "meets the level overall may be stronger in some domains than in others. Say where the evidence for each domain "
        "is, so that the university's assessment panel can follow your judgement."
    )
    form.heading("About the placement", 1)
    form.fields(
        [
            ("Student", Ask("Student's name")),
            ("University", pick_or_type("Choose or type the university", kit.universities)),
            ("Practice educator", Ask("Name")),
            ("On-site supervisor", Ask("Name, if there is one")),
            ("Agency and team", pick_or_type("Choose or type the agency, then the team", kit.employers)),
            ("First day", DATE),
            ("Last day", DATE),
            ("Days completed", Ask("Number of days")),
            ("Days missed, and how they were made up", Ask("Days and how", lines=2)),
        ],
        "About the placement",
    )
    form.heading("The evidence", 1)
    form.fields(
        [
            ("Direct observations", Ask("Dates, and who observed", lines=3)),
            ("Service user and carer feedback", Ask("What was received, and from whom", lines=2)),
            ("Other evidence", Ask("Supervision records, written work, reflections", lines=2)),
        ],
        "The evidence the assessment rests on",
    )
    form.heading(f"Each domain at the {short} level", 1)
    form.text("For each domain, summarise the evidence and judge how far it shows the level.", keep_with_next=True)
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
    form.heading("Holistic assessment", 1)
    form.text(
        "Bring the domains together: how the student's practice shows the level as a whole, how they have developed "
        "over the placement, and how they use supervision and feedback.",
        keep_with_next=True,
    )
    form.fields(
        [
            ("The practice educator's holistic assessment", Ask("The student's practice as a whole", lines=12)),
            ("Recommendation", choose("Choose a recommendation", ("Pass", "Fail"))),
        ],
        "Holistic assessment and recommendation",
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
    signatures(form, ("Student", "Practice educator", "On-site supervisor (if there is one)"))
    form.text(f"Send the report to the university by its deadline, with the evidence it asks for. {contact(site)}")
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
