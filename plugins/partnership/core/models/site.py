"""``data/site.yml``: who the partnership is, and how its site looks."""

from __future__ import annotations

import datetime as dt
import re
from typing import Annotated

from pydantic import AfterValidator, Field
from pydantic_core import PydanticCustomError

from ..problems import quote
from .common import Closed, DataModel, Email, Url

_HEX = re.compile(r"^#[0-9a-fA-F]{6}$")


def _check_colour(value: str) -> str:
    if not _HEX.match(value):
        raise PydanticCustomError(
            "colour",
            "{value} is not a colour; write it as # and six hex digits, like '#1d4f91' (in quotes)",
            {"value": quote(value)},
        )
    return value.lower()


Colour = Annotated[str, AfterValidator(_check_colour), Field(json_schema_extra={"pattern": _HEX.pattern})]


class Colours(DataModel):
    """The partnership's colours. The build checks them against WCAG contrast."""

    primary: Colour = "#1d4f91"
    """Header and link colour: a dark colour, since white text sits on it."""
    accent: Colour = "#b3261e"
    """Highlights and focus rings."""


class Conformance(Closed):
    """How far a site complies with WCAG 2.2 AA, as the accessibility regulations ask a statement to say."""

    FULL = "full"
    PARTIAL = "partial"
    NONE = "none"


class Accessibility(DataModel):
    """What the accessibility statement says, in the form the regulations expect."""

    status: Conformance = Conformance.FULL
    """full, partial or none: how far the site complies with WCAG 2.2 AA."""
    issues: list[str] = []
    """Content that is not accessible, and why (non-compliance with the regulations)."""
    burden: list[str] = []
    """Problems you would fix only at a disproportionate burden, and why."""
    exempt: list[str] = []
    """Content outside the regulations' scope (for example PDFs published before September 2018)."""
    improving: list[str] = []
    """What you are doing to improve accessibility."""
    phone: str | None = None
    """A phone number for people who need information in another format."""
    prepared: dt.date | None = None
    """When the statement was first prepared."""
    reviewed: dt.date | None = None
    """When it was last reviewed."""
    tested: dt.date | None = None
    """When the site was last tested."""
    tested_by: str | None = None
    """Who tested it, and how."""


class Site(DataModel):
    """The partnership's identity, shown on every page."""

    name: str
    """Full name, e.g. Riverside and Downs Social Work Teaching Partnership."""
    short_name: str
    """Short name for headers and file names, e.g. RDTP."""
    region: str
    """The area the partnership serves."""
    contact_email: Email
    """Where people write about CPD and the site."""
    accessibility_contact: str
    """Who to contact about accessibility: an e-mail address, phone number or web address."""
    url: Url | None = None
    """The public address of the published site, e.g. https://cpd.example.org/."""
    description: str | None = None
    """One sentence about the partnership, for search engines and link previews."""
    colours: Colours = Colours()
    """The partnership's colours."""
    logo: str | None = None
    """A logo file under content/ (SVG or PNG), e.g. assets/logo.svg."""
    logo_alt: str | None = None
    """Text alternative for the logo; defaults to the partnership's name."""
    accessibility: Accessibility = Accessibility()
    """The accessibility statement's facts: status, known issues, dates. The statement at /accessibility/ is written from them, in the
    form the Public Sector Bodies Accessibility Regulations 2018 expect: list anything that is not accessible, honestly, with why."""
    data_licence: Url = "https://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/"
    """The licence of the open data (events.json, report CSVs); the Open Government Licence unless you say otherwise."""
