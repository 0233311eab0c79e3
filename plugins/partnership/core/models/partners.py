"""``data/partners.yml``: the organisations in the partnership."""

from __future__ import annotations

from pydantic import Field

from .common import Closed, DataModel, Service, Slug, Url


class PartnerKind(Closed):
    """What kind of organisation a partner is."""

    LOCAL_AUTHORITY = "local-authority"
    HEI = "hei"
    PVI = "pvi"
    NHS = "nhs"
    OTHER = "other"


class Tier(Closed):
    """A partner's membership."""

    PRIMARY = "primary"
    SECONDARY = "secondary"
    ASSOCIATE = "associate"


KIND_NAMES: dict[PartnerKind, str] = {
    PartnerKind.LOCAL_AUTHORITY: "Local authority",
    PartnerKind.HEI: "University",
    PartnerKind.PVI: "Voluntary and independent sector",
    PartnerKind.NHS: "NHS",
    PartnerKind.OTHER: "Other",
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
