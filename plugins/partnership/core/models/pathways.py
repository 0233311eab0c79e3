"""``data/pathways.yml``: the career stages of the CPD pathway.

A stage may change over time: ``in_force`` says when it exists, and
``replaced_by`` says which stage takes over from a date, for some services
(children's services' ECDP replaces the ASYE from September 2027).
"""

from __future__ import annotations

import datetime as dt

from pydantic import Field

from .common import SERVICES, Closed, DataModel, Service, Slug, StageTarget
from .frameworks import InForce


class Strand(Closed):
    """The strand of a career a stage belongs to."""

    PRACTICE = "practice"
    PRACTICE_EDUCATION = "practice-education"
    LEADERSHIP = "leadership"


STRAND_NAMES: dict[Strand, str] = {
    Strand.PRACTICE: "Practice and specialism",
    Strand.PRACTICE_EDUCATION: "Practice education and teaching",
    Strand.LEADERSHIP: "Leadership and management",
}


class StageReplacement(DataModel):
    """``replaced_by: {stage: nqsw-ecdp, from: 2027-09-01, services: [children]}``."""

    stage: Slug
    """The id of the stage that takes over."""
    start: dt.date = Field(alias="from")
    """The first day the other stage takes over (written ``from:``)."""
    services: list[Service] = []
    """The services it takes over in; empty for both."""

    def covers(self, services: list[str]) -> bool:
        """True when every one of ``services`` is taken over (an event for both is not, if only one is)."""
        return bool(services) and all(s in (self.services or SERVICES) for s in services)


class Stage(DataModel):
    """One career stage, such as the newly qualified social worker's ASYE."""

    id: Slug
    name: str
    pcf_level: Slug | None = None
    """A level id of pcf.yml, e.g. asye."""
    summary: str | None = None
    roles: list[str] = []
    """Typical job titles at this stage."""
    next: list[Slug] = []
    """Stage ids that usually follow."""
    strand: Strand | None = None
    """practice, practice-education or leadership; empty for stages every strand shares."""
    evidence: list[str] = []
    """What practitioners at this stage are usually asked to evidence."""
    frameworks: list[StageTarget] = []
    """What this stage works towards: items (kss-cf:9), whole frameworks (kss-cf) or frameworks at a level (pcf@asye)."""
    services: list[Service] = []
    """Services the stage applies to; empty for both."""
    in_force: InForce | None = None
    """Optional: when the stage exists, ``{from: …, until: …}``; either end may be left out."""
    replaced_by: StageReplacement | None = None
    """Optional: the stage that takes over from a date, for some services."""
    note: str | None = None
    """Optional: a caveat shown on the stage's page and on the forms that rely on the stage, such as what no public source yet says."""

    def applies_on(self, day: dt.date) -> bool:
        """True when the stage exists on ``day`` (always, without ``in_force``)."""
        return self.in_force is None or self.in_force.covers(day)
