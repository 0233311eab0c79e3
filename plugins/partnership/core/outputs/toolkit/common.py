"""Words and rows that several toolkit documents share: domain names, people, signatures, contacts."""

from __future__ import annotations

from collections.abc import Sequence

from ...models.frameworks import Framework, Item, Level
from ...models.site import Site
from ...present.format import date, join
from ...views.toolkit import Toolkit
from .word import DATE, Ask, Cell, Label, WordForm, choose

SERVICE_WORDS = {"children": "children's", "adults": "adults'"}


def item_name(item: Item) -> str:
    """ "5. Knowledge", or the title alone for an item without a number."""
    return f"{item.number}. {item.title}" if item.number is not None else item.title


def level_name(level: Level) -> str:
    return level.short_name or level.name


def services_text(services: Sequence[str]) -> str:
    """ "children's services", "children's and adults' services"."""
    return join([SERVICE_WORDS.get(s, s) for s in services]) + " services" if services else "all services"


def contact(site: Site) -> str:
    return f"Questions about this form or the toolkit: the {site.short_name} central team, {site.contact_email}."


def asye_services(kit: Toolkit) -> tuple[str, ...]:
    """The services in which the ASYE still runs on the toolkit's day, for the ASYE forms' list."""
    return tuple(s for s in ("children", "adults") if s not in kit.asye_handed_over)


def handover_note(kit: Toolkit) -> str | None:
    """What the ASYE forms no longer cover, when the ASYE stage has handed over in some services."""
    stage = kit.asye_stage
    if not kit.asye_handed_over or stage is None or stage.replaced_by is None:
        return None
    return (
        f"In {services_text(kit.asye_handed_over)}, newly qualified social workers have followed a different programme "
        f"since {date(stage.replaced_by.start)} (see the partnership's career pathway), "
        "so these forms leave out the standards for those services."
    )


def standards_text(frameworks: Sequence[Framework]) -> str:
    """ "the KSS (children) and the KSS (adults)"."""
    return join([f"the {f.short_name or f.name}" for f in frameworks])


def placement_level_choice(kit: Toolkit) -> Ask:
    return choose("Choose the level", [level.name for level in kit.placements] or [level.name for level in kit.levels])


def domain_label(item: Item, *levels: Level) -> Label:
    """A domain's name, with what it looks like at ``levels`` (or its summary) in small type under it."""
    details = [f"{level_name(level)}: {item.descriptors[level.id]}" for level in levels if item.descriptors.get(level.id)]
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
