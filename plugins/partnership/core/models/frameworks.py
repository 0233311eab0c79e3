"""``data/frameworks/<framework>.yml``: a capability framework or set of standards.

The PCF, the KSS statements, the PEPS: each file holds one framework's
levels (optional, lowest first) and items (domains or statements, in order).
A framework may say when it applies (``in_force``), what replaces it
(``replaced_by``) and where each of its items goes in its successor
(``crosswalk``).
"""

from __future__ import annotations

import datetime as dt

from pydantic import Field

from .common import DataModel, Service, Slug, Url


class InForce(DataModel):
    """When something applies: ``{from: 2015-01-01, until: 2027-03-31}``, either end left out for open."""

    start: dt.date | None = Field(default=None, alias="from")
    """The first day it applies (written ``from:``)."""
    until: dt.date | None = None
    """The last day it applies."""

    def covers(self, day: dt.date) -> bool:
        """True when ``day`` falls within the period (both ends included)."""
        return (self.start is None or self.start <= day) and (self.until is None or day <= self.until)

    def overlaps(self, first: dt.date, last: dt.date) -> bool:
        """True when the period shares at least one day with ``first``..``last``."""
        return (self.start is None or self.start <= last) and (self.until is None or first <= self.until)


class Level(DataModel):
    """One level of a framework, such as the PCF's ASYE level."""

    id: Slug
    name: str
    short_name: str | None = None
    """A shorter name for narrow table columns, e.g. End of first placement → First placement."""
    toolkit: bool = False
    """True for a level the practice educators' toolkit covers (students' placement levels, the ASYE)."""
    summary: str | None = None
    """Optional: when and by whom the level is judged, in the partnership's words (shown in the toolkit)."""
    overall: str | None = None
    """Optional: what the level asks of a practitioner as a whole, in the partnership's words (the toolkit's level guide and final reports)."""


class ItemPart(DataModel):
    """One numbered part of an item, such as Social Work England's standard 1.1."""

    number: str
    """The owner's number of the part: 1.1."""
    summary: str
    """What it asks, in the partnership's own words."""


class PracticeLearning(DataModel):
    """What a qualifying course's practice learning must add up to (Social Work England's education and training standards)."""

    days: int = Field(ge=1, le=1000)
    """At least this many days of learning in practice."""
    skills_days: int = Field(default=0, ge=0, le=1000)
    """Of which up to this many may be skills days."""
    settings: int = Field(default=1, ge=1, le=10)
    """In at least this many contrasting settings."""
    statutory: int = Field(default=0, ge=0, le=10)
    """At least this many placements in a statutory setting, with statutory tasks involving legal interventions."""


class Item(DataModel):
    """One domain or statement of a framework."""

    id: Slug
    number: int | None = Field(default=None, ge=0)
    """The item's number, so that events can write pcf:2."""
    title: str
    aliases: list[Slug] = []
    """Other ids that mean this item, e.g. values for values-ethics."""
    summary: str | None = None
    """One or two sentences in the partnership's own words."""
    group: str | None = None
    """A grouping of items, such as the PCF's Purpose, Practice and Impact."""
    descriptors: dict[str, str] = {}
    """What the item looks like at each level: level id → short text."""
    url: Url | None = None
    """Where the owner publishes the full text of this item."""
    parts: list[ItemPart] = []
    """Optional: the item's numbered parts (Social Work England's 1.1, 1.2 …), each in the partnership's words."""
    evidence: list[str] = []
    """Optional: examples of evidence that can show the item, in the partnership's words (shown in the toolkit)."""


class Framework(DataModel):
    """A framework or set of standards that CPD is mapped to."""

    id: Slug
    """The framework's id, the same as its file name: pcf for pcf.yml."""
    name: str
    short_name: str | None = None
    """Short name for chips and table headings, e.g. PCF or KSS (children)."""
    item_name: str = "item"
    """What one item is called, singular and lower-case: domain, statement, standard."""
    owner: str
    """Who publishes the framework."""
    version: str
    url: Url
    """Where the owner publishes it."""
    summary: str | None = None
    services: list[Service] = []
    """The services the framework applies to; empty for all."""
    levels: list[Level] = []
    """Optional; ordered lowest first."""
    items: list[Item] = Field(min_length=1)
    """Domains or statements, in order."""
    note: str | None = None
    """Optional: a caveat shown on the framework's page, such as which parts the site lists."""
    in_force: InForce | None = None
    """Optional: when the framework applies, ``{from: …, until: …}``; either end may be left out."""
    replaced_by: Slug | None = None
    """Optional: the id of the framework that replaces it when it stops applying."""
    crosswalk: dict[str, list[str]] = {}
    """Optional: item (id, alias or number) → the successor's items that take it over."""
    practice_learning: PracticeLearning | None = None
    """Optional: for a course's standards, what its students' practice learning must add up to (the toolkit's placement forms ask for it)."""

    def applies_on(self, day: dt.date) -> bool:
        """True when the framework is in force on ``day`` (always, without ``in_force``)."""
        return self.in_force is None or self.in_force.covers(day)

    @property
    def starts(self) -> dt.date | None:
        """The first day it applies, when the data says."""
        return self.in_force.start if self.in_force else None

    @property
    def ends(self) -> dt.date | None:
        """The last day it applies, when the data says."""
        return self.in_force.until if self.in_force else None
