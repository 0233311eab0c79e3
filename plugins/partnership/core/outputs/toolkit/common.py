"""Words and parts that several toolkit documents share: domain names, people, sign-offs, which standards apply, contacts."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from ...models.frameworks import Framework, Item, Level
from ...models.site import Site
from ...present.format import date, join
from ...present.toolkit import SERVICE_WORDS, track_for, track_name
from ...views.toolkit import AsyeTrack, Toolkit
from .word import DATE, Ask, Cell, Label, WordForm, choose

NOT_REGISTERED = "Not a registered social worker"


def item_name(item: Item) -> str:
    """ "5. Knowledge", or the title alone for an item without a number."""
    return f"{item.number}. {item.title}" if item.number is not None else item.title


def level_name(level: Level) -> str:
    """A level's short name, as a heading or a label shows it: "First placement"."""
    return level.short_name or level.name


def services_text(services: Sequence[str]) -> str:
    """ "children's services", "children's and adults' services"."""
    return join([SERVICE_WORDS.get(s, s) for s in services]) + " services" if services else "all services"


def contact(site: Site) -> str:
    return f"Questions about this form or the toolkit: the {site.short_name} central team, {site.contact_email}."


def standards_text(frameworks: Sequence[Framework]) -> str:
    """ "the KSS (children) and the KSS (adults)"."""
    return join([f"the {f.short_name or f.name}" for f in frameworks])


def domain_label(item: Item, *levels: Level) -> Label:
    """A domain's name, with what it looks like at ``levels`` (or its summary) in small type under it."""
    details = [f"{level_name(level)}: {item.descriptors[level.id]}" for level in levels if item.descriptors.get(level.id)]
    if len(levels) == 1 and details:
        details = [item.descriptors[levels[0].id]]
    if not levels and item.summary:
        details = [item.summary]
    return Label(item_name(item), tuple(details))


def people(form: WordForm, roles: Sequence[str], caption: str = "Who is who") -> None:
    """A table of the people involved: role, name, and how to contact them."""
    form.table(
        ["Role", "Name", "How to contact them"],
        [[Label(role), Ask("Name"), Ask("Phone or email")] for role in roles],
        caption,
        (5.0, 6.0, 6.0),
    )


def signatures(form: WordForm, roles: Sequence[str]) -> None:
    """A heading and a table to sign: each person's name, signature (or typed name) and date."""
    form.heading("Signatures", 1)
    rows: list[list[Cell]] = [[Label(role), Ask("Name"), Ask("Signature or typed name", lines=2), DATE] for role in roles]
    form.table(["Who", "Name", "Signature", "Date"], rows, "Signatures", (4.5, 4.5, 5.0, 3.0))


@dataclass(frozen=True)
class SignOff:
    """One person's sign-off on a report: who, what their signature confirms, and whether they are a registered social worker."""

    role: str
    confirms: str
    registration: str = "needed"
    """Their Social Work England registration number: ``needed`` (a registered social worker), ``if any``, or ``none`` (a student)."""


def sign_offs(form: WordForm, rows: Sequence[SignOff], heading: str = "Sign-offs") -> None:
    """Each sign-off a panel needs: who, what they confirm, their name and registration number, signature and date."""
    form.heading(heading, 1)
    form.text(
        "Each person signs (or types their name) to confirm what their row says. A registration number is the person's "
        "Social Work England number (for example SW123456).",
        keep_with_next=True,
    )
    table: list[list[Cell]] = []
    for row in rows:
        registration: Cell = {"needed": Ask("Registration number"), "if any": Ask("Registration number, if registered")}.get(
            row.registration, "Not applicable"
        )
        table.append([Label(row.role, (row.confirms,)), Ask("Name"), registration, Ask("Signature or typed name", lines=2), DATE])
    form.table(
        ["Who, and what they confirm", "Name", "Registration number", "Signature", "Date"], table, heading, (6.0, 3.2, 3.2, 3.0, 2.6)
    )


def peps_choice(kit: Toolkit) -> Ask:
    """The practice educator's PEPS stage: the stages in peps.yml, and training for each."""
    stages = [level.name for level in kit.peps.levels] if kit.peps else ["Stage 1 practice educator", "Stage 2 practice educator"]
    training = [f"Training for {name[0].lower()}{name[1:]}" for name in stages]
    return choose("Choose the stage", [*stages, *training])


def countersignature_rule(kit: Toolkit) -> str:
    """What the PEPS say about who may make a final assessment alone, from peps.yml's descriptors."""
    stage_1 = next((level for level in kit.peps.levels if level.id == "stage-1"), None) if kit.peps else None
    name = stage_1.name.lower() if stage_1 else "stage 1 practice educator"
    return (
        f"Under the PEPS a {name}, or a practice educator still in training, does not take sole responsibility for a "
        "final assessment: a stage 2 practice educator (their mentor) reads the report and countersigns the recommendation."
    )


# -- the ASYE ---------------------------------------------------------------------------------


def stage_note(kit: Toolkit) -> str | None:
    """The caveat the data gives the ASYE's career stage (what no public source yet says), for the ASYE forms."""
    return kit.asye_stage.note if kit.asye_stage is not None else None


def handover_note(kit: Toolkit) -> str | None:
    """Who the ASYE forms are no longer for, once the ASYE stage has handed over to another programme in some services."""
    stage = kit.asye_stage
    if not kit.asye_handed_over or stage is None or stage.replaced_by is None:
        return None
    return (
        f"In {services_text(kit.asye_handed_over)}, newly qualified social workers who start from "
        f"{date(stage.replaced_by.start)} follow a different programme (see the partnership's career pathway); these forms "
        "are for those who began the ASYE before then."
    )


def which_standards(kit: Toolkit, track: AsyeTrack) -> list[str]:
    """What a version of the ASYE forms assesses against, for whom, from when, and what happens at a change of standards."""
    framework = track.framework
    lines = [f"{track_for(track)} ({framework.name}, {framework.owner}, {framework.version})."]
    if framework.ends:
        lines.append(
            f"The {framework.short_name or framework.name} applies until {date(framework.ends)}. A newly qualified social worker "
            "who began the ASYE on it keeps these forms to the end of their ASYE."
        )
    if framework.starts:
        lines.append(f"The {framework.short_name or framework.name} applies from {date(framework.starts)}.")
    successor = track.successor
    if successor is not None and successor.starts is not None:
        mapped = any(track.mapped(item) for item in framework.items)
        lines.append(
            f"From {date(successor.starts)} the {successor.name} apply to those who start then"
            + (
                f"; the table of {framework.item_name}s shows where each goes among them (the partnership's own mapping), so "
                "that the evidence counts for both."
                if mapped
                else "."
            )
        )
    note = handover_note(kit)
    if note and track.service in kit.asye_handed_over:
        lines.append(note)
    return lines


def standards_box(form: WordForm, kit: Toolkit, track: AsyeTrack) -> None:
    """The form's first words on its standards: which, for whom, from when, and what no source yet says."""
    form.heading("Which standards this form uses", 1)
    for line in which_standards(kit, track):
        form.text(line)
    note = stage_note(kit)
    if note:
        form.text(note)


def track_title(title: str, track: AsyeTrack) -> str:
    """ "ASYE review: children's services, KSS (children)"."""
    return f"{title}: {track_name(track)}"


def crosswalk_label(track: AsyeTrack, item: Item) -> Label:
    """An item's name and summary, and (when its standards are replaced) where it goes among their successor's."""
    details = [item.summary] if item.summary else []
    mapped = track.mapped(item)
    if mapped and track.successor is not None:
        names = "; ".join(m.title for m in mapped)
        details.append(f"In the {track.successor.short_name or track.successor.name}: {names}")
    return Label(item_name(item), tuple(details))


def learner_choice(kit: Toolkit) -> Ask:
    """Who a form used on placement and in the ASYE is about: a student at a placement's level, or a newly qualified social worker."""
    who = [f"A student: {level.name}" for level in kit.placements]
    if kit.asye is not None:
        who.append("A newly qualified social worker in the ASYE")
    return choose("Choose", who)


def yes_no() -> Ask:
    return choose("Choose", ("Yes", "No"))


def services_choice(services: Sequence[str]) -> Ask:
    return choose("Choose the service", [f"{SERVICE_WORDS[s].capitalize()} services" for s in services])
