"""``data/frameworks/<framework>.yml``: a capability framework or set of standards.

The PCF, the KSS statements, the PEPS: each file holds one framework's
levels (optional, lowest first) and items (domains or statements, in order).
"""

from __future__ import annotations

from pydantic import Field

from .common import DataModel, Service, Slug, Url


class Level(DataModel):
    """One level of a framework, such as the PCF's ASYE level."""

    id: Slug
    name: str
    short_name: str | None = None
    """A shorter name for narrow table columns, e.g. End of first placement → First placement."""
    toolkit: bool = False
    """True for a level the practice educators' toolkit covers (students' placement levels, the ASYE)."""


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
