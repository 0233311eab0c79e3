"""``data/partners.yml``: the organisations in the partnership."""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from .common import DataModel, Service, Slug, Url

PartnerKind = Literal["local-authority", "hei", "pvi", "nhs", "other"]
Tier = Literal["primary", "secondary", "associate"]

KIND_NAMES = {
    "local-authority": "Local authority",
    "hei": "University",
    "pvi": "Voluntary and independent sector",
    "nhs": "NHS",
    "other": "Other",
}


class Partner(DataModel):
    """One organisation in the partnership."""

    id: Slug
    """Lower-case id, unique, e.g. sutton-children. Events and attendance rows use it."""
    name: str
    """The organisation's name as it should appear on the site."""
    kind: PartnerKind
    """local-authority, hei (a university), pvi (voluntary or independent), nhs or other."""
    tier: Tier
    """primary, secondary or associate membership."""
    services: list[Service] = Field(min_length=1)
    """children, adults, or both."""
    url: Url | None = None
    """The organisation's website."""
    summary: str | None = None
    """One or two sentences about the organisation's part in the partnership."""
