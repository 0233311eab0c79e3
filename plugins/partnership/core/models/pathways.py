"""``data/pathways.yml``: the career stages of the CPD pathway."""

from __future__ import annotations

from typing import Literal

from .common import DataModel, FrameworkRef, Service, Slug

Strand = Literal["practice", "practice-education", "leadership"]

STRAND_NAMES = {
    "practice": "Practice and specialism",
    "practice-education": "Practice education and teaching",
    "leadership": "Leadership and management",
}


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
    frameworks: list[FrameworkRef] = []
    """Framework items this stage works towards, e.g. kss-cf:9."""
    services: list[Service] = []
    """Services the stage applies to; empty for both."""
