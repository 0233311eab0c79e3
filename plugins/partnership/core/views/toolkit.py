"""The practice educators' PCF toolkit: which levels, domains, standards and files it has.

Everything in the toolkit's files comes from the data: the PCF's domains
(titles, summaries, descriptors, examples of evidence) and levels (with
what each asks overall) at the levels marked ``toolkit: true`` (every level
when none is marked), Social Work England's professional standards and its
education and training standards (what a course's practice learning must add
up to), the PEPS stages, the standards for the ASYE, and the partnership's
universities and employers (``partners.yml``). Rename a domain in pcf.yml
and every file follows.

**The ASYE's versions** (:class:`AsyeTrack`). A newly qualified social
worker is assessed against the standards for their service that applied
when they started: the child and family KSS for a children's ASYE begun by
31 March 2027, the early career standards for one begun from 1 April 2027
(kss-cf.yml says they replace it then), the adults' KSS in adults'
services. Each such set of standards is one version of the ASYE forms, never
two services' standards in one copy. A version is offered from the day its
standards apply until a year (:data:`ASYE_MONTHS`) after the last day anyone
could start an ASYE on it: the day its standards stop applying, or the day
before the career stage judged at the ASYE level hands over to another stage
in its service (pathways.yml's ``replaced_by``: the ECDP in children's
services from September 2027). So a worker who started on the KSS keeps KSS
forms to the end of their ASYE, with the crosswalk to the standards that
replaced them.

Which files it offers, and in what order, is :mod:`partnership.core.present.toolkit`'s.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass

from ..models.common import split_ref
from ..models.dataset import Dataset
from ..models.frameworks import Framework, Item, Level
from ..models.pathways import Stage

EVIDENCE_SOURCES: tuple[str, ...] = (
    "Direct observation",
    "Service user or carer feedback",
    "Supervision",
    "Written work",
    "Reflective log",
)
JUDGEMENTS: tuple[str, ...] = ("Not yet evidenced", "Partly evidenced", "Evidenced")
"""How far the evidence shows a domain or statement, in every grid and final report."""
JUDGEMENT_MEANINGS: dict[str, str] = {
    "Evidenced": "the evidence, taken together, shows the domain at the level, in more than one piece of work",
    "Partly evidenced": "some evidence shows the domain at the level, but not yet consistently or in enough kinds of work",
    "Not yet evidenced": "there is no evidence of the domain at the level yet, or the evidence points below it",
}
"""What each judgement means, in the level guide and the final reports."""
PROGRESS: tuple[str, ...] = ("On track", "Needs more opportunities", "Not on track")
"""Whether a student or newly qualified social worker is on track for a domain, at a midway or interim review."""
PLACEMENT_OUTCOMES: tuple[str, ...] = ("Pass", "Refer", "Extension", "Fail")
"""The practice educator's recommendation at the end of a placement, for the university's assessment panel."""
PLACEMENT_OUTCOME_MEANINGS: dict[str, str] = {
    "Pass": "the student's practice as a whole meets the level",
    "Refer": "the practice educator cannot recommend a pass or a fail and refers the decision to the assessment panel, with the reasons",
    "Extension": "the evidence is not yet enough to judge, for a reason outside the student's control (such as illness or a "
    "change of placement), and more days are needed: say how many and what they must show",
    "Fail": "the student's practice as a whole does not meet the level, and the reasons and the evidence are set out",
}
ASYE_OUTCOMES: tuple[str, ...] = ("Pass", "Extension", "Fail")
"""The assessor's recommendation at the end of the ASYE, for the employer's moderation panel."""
ASYE_REVIEWS: tuple[str, ...] = ("Three-month review", "Six-month review", "Final review at twelve months")
ASYE_PERIODS: tuple[str, ...] = ("The first three months", "From three to six months", "From six to twelve months")
"""The parts of the ASYE a development plan covers, one after another (Skills for Care's templates plan by these)."""
ASYE_MONTHS = 12
"""How long an ASYE lasts: a version of the forms is offered until this long after the last day anyone could start on it."""
KSS_FRAMEWORKS: tuple[str, ...] = ("kss-cf", "kss-adults")
"""The standards the ASYE is judged against besides the PCF, one per service: each is followed to what replaces it."""
PROFESSIONAL_STANDARDS = "swe"
"""Social Work England's professional standards: what a student shows by the end of the last placement."""
COURSE_STANDARDS = "swe-ets"
"""Social Work England's education and training standards: what a course's practice learning must add up to."""
EDUCATOR_STANDARDS = "peps"
"""The practice educators' own standards, whose stages say who may make a final assessment alone."""
PLACEMENT_LEVELS: tuple[str, ...] = ("first-placement", "last-placement")
"""The PCF's levels judged at the end of a placement (BASW's level ids): each gets its own forms."""
ASYE_LEVEL = "asye"
"""The PCF's level for the first year in practice: the ASYE's forms follow it."""
SERVICES: tuple[str, ...] = ("children", "adults")
README_NAME = "README.txt"
"""The zip's own guide to its files."""


def year_after(day: dt.date, months: int = ASYE_MONTHS) -> dt.date:
    """The same date ``months`` later (31 March 2027 → 31 March 2028; 29 February → 28 February)."""
    month = day.month - 1 + months
    year, month = day.year + month // 12, month % 12 + 1
    for last in (31, 30, 29, 28):
        try:
            return dt.date(year, month, min(day.day, last))
        except ValueError:
            continue
    raise AssertionError("every month has at least 28 days")  # pragma: no cover


@dataclass(frozen=True)
class AsyeTrack:
    """One version of the ASYE's forms: a service, and the standards its newly qualified social workers are assessed against."""

    framework: Framework
    service: str
    """children or adults."""
    first_start: dt.date | None
    """The first day an ASYE begun on it uses these standards (None: the data sets no start)."""
    last_start: dt.date | None
    """The last day an ASYE can begin on these standards (None: no end is set)."""
    successor: Framework | None = None
    """The standards that replace these, when a worker on them may still be in their ASYE once those apply."""

    @property
    def key(self) -> str:
        """A short name for the version's files: the framework's id."""
        return self.framework.id

    @property
    def offered_until(self) -> dt.date | None:
        """The last day these forms are offered: a year after the last day anyone could start on them (31 March 2027 → 31 March 2028)."""
        return year_after(self.last_start) if self.last_start else None

    def offered_on(self, day: dt.date) -> bool:
        return (self.first_start is None or self.first_start <= day) and (self.offered_until is None or day <= self.offered_until)

    def mapped(self, item: Item) -> tuple[Item, ...]:
        """The successor's items that take ``item`` over (the framework's crosswalk), in the successor's order."""
        if self.successor is None:
            return ()
        keys = {str(item.number), item.id, *item.aliases} - {"None"}
        targets = {target for key, wanted in self.framework.crosswalk.items() if key in keys for target in wanted}
        return tuple(i for i in self.successor.items if i.id in targets or targets & set(i.aliases))


@dataclass(frozen=True)
class Toolkit:
    """What the toolkit's files are made from, for a build on :attr:`on`."""

    pcf: Framework
    levels: tuple[Level, ...]
    """The PCF levels the toolkit covers, lowest first."""
    tracks: tuple[AsyeTrack, ...] = ()
    """The versions of the ASYE's forms offered on ``on``: children's first, each service's oldest standards first."""
    on: dt.date | None = None
    """The day whose frameworks the toolkit follows (the build's day)."""
    universities: tuple[str, ...] = ()
    """The partnership's universities (partners of kind hei), for the placement forms' lists."""
    employers: tuple[str, ...] = ()
    """The partnership's other organisations, for the placement forms' list of agencies and the ASYE forms' shared by every service."""
    employers_by_service: tuple[tuple[str, tuple[str, ...]], ...] = ()
    """(service, the employers among ``employers`` that work in it), for the lists of a form made for one service."""
    asye_stage: Stage | None = None
    """The career stage judged at the ASYE level (pathways.yml), when there is one."""
    asye_handed_over: tuple[str, ...] = ()
    """The services in which the ASYE stage has handed over to another stage by ``on`` (its ``replaced_by``)."""
    professional: Framework | None = None
    """Social Work England's professional standards, when in force: the last placement's report shows them."""
    course: Framework | None = None
    """Social Work England's education and training standards, when in force: their practice learning requirements."""
    peps: Framework | None = None
    """The PEPS, whose stages the final reports' sign-offs name."""

    def employers_in(self, service: str) -> tuple[str, ...]:
        """The employers in ``service`` (children or adults), in partners.yml's order: a children's form lists no adults' employer."""
        return next((names for key, names in self.employers_by_service if key == service), ())

    @property
    def placements(self) -> tuple[Level, ...]:
        """The levels judged at the end of a placement, each with its own forms."""
        return tuple(level for level in self.levels if level.id in PLACEMENT_LEVELS)

    @property
    def qualifying(self) -> Level | None:
        """The last placement level: the one judged before qualifying."""
        return self.placements[-1] if self.placements else None

    @property
    def asye(self) -> Level | None:
        """The ASYE level, when the toolkit covers it."""
        return next((level for level in self.levels if level.id == ASYE_LEVEL), None)

    @property
    def domains(self) -> tuple[Item, ...]:
        return tuple(self.pcf.items)

    def related_domains(self, item: Item) -> tuple[Item, ...]:
        """The PCF domains ``item`` names as covering the same ground (its ``related``), in the PCF's order."""
        names = {name for framework_id, name in map(split_ref, item.related) if framework_id == self.pcf.id}
        return tuple(domain for domain in self.domains if names & {domain.id, *domain.aliases, str(domain.number)})

    @property
    def kss(self) -> tuple[Framework, ...]:
        """The standards of every ASYE version offered, once each."""
        found: list[Framework] = []
        for track in self.tracks:
            if track.framework not in found:
                found.append(track.framework)
        return tuple(found)


def frameworks_in_force(dataset: Dataset, on: dt.date, wanted: tuple[str, ...]) -> tuple[Framework, ...]:
    """The frameworks of ``wanted`` that apply ``on``: each one, or its successor (then theirs) once it has stopped applying.

    A framework not yet in force on the day, and one replaced by nothing in
    force, are left out; a successor reached twice is listed once.
    """
    chosen: list[Framework] = []
    for framework_id in wanted:
        framework = dataset.frameworks.get(framework_id)
        seen: set[str] = set()
        while framework is not None and not framework.applies_on(on) and framework.id not in seen:
            seen.add(framework.id)
            ended = framework.ends is not None and on > framework.ends
            framework = dataset.frameworks.get(framework.replaced_by or "") if ended else None
        if framework is not None and framework.applies_on(on) and framework not in chosen:
            chosen.append(framework)
    return tuple(chosen)


def _asye_stage(dataset: Dataset, on: dt.date) -> tuple[Stage | None, tuple[str, ...]]:
    """The career stage at the ASYE level on ``on``, and the services it has handed over to another stage by then."""
    stage = next((s for s in dataset.pathways if s.pcf_level == ASYE_LEVEL and s.applies_on(on)), None)
    if stage is None or stage.replaced_by is None or on < stage.replaced_by.start:
        return stage, ()
    return stage, tuple(stage.replaced_by.services or SERVICES)


def _chain(dataset: Dataset, framework_id: str) -> list[Framework]:
    """A framework and those that replace it, one after another."""
    chain: list[Framework] = []
    framework = dataset.frameworks.get(framework_id)
    while framework is not None and framework not in chain:
        chain.append(framework)
        framework = dataset.frameworks.get(framework.replaced_by or "")
    return chain


def asye_tracks(dataset: Dataset, on: dt.date, stage: Stage | None) -> tuple[AsyeTrack, ...]:
    """The versions of the ASYE's forms offered on ``on`` (see the module's docstring)."""
    handover = stage.replaced_by if stage is not None else None
    found: list[AsyeTrack] = []
    for service in SERVICES:
        for framework_id in KSS_FRAMEWORKS:
            chain = _chain(dataset, framework_id)
            for index, framework in enumerate(chain):
                if framework.services and service not in framework.services:
                    continue
                last = framework.ends
                if handover is not None and service in (handover.services or SERVICES):
                    closes = handover.start - dt.timedelta(days=1)
                    last = min(last, closes) if last else closes
                if last is not None and framework.starts is not None and last < framework.starts:
                    continue  # no ASYE ever starts on it
                successor = chain[index + 1] if index + 1 < len(chain) else None
                track = AsyeTrack(framework, service, framework.starts, last, successor)
                if track.offered_on(on) and all(t.framework.id != framework.id or t.service != service for t in found):
                    found.append(track)
    return tuple(found)


def _days(value: object) -> Iterator[dt.date]:
    """Every date in a model's data (``model_dump()``), however deep."""
    if isinstance(value, dt.date):
        yield value
    elif isinstance(value, dict):
        for item in value.values():
            yield from _days(item)
    elif isinstance(value, list | tuple):
        for item in value:
            yield from _days(item)


def in_force_since(dataset: Dataset, on: dt.date) -> dt.date | None:
    """The last day up to ``on`` on which the calendar alone may have changed what :func:`toolkit` holds; None: no such day.

    What is in force changes only on a date the frameworks or the career
    stages name, the day after one (a framework's last day), or a year and a
    day after one (an ASYE version's forms are offered for :data:`ASYE_MONTHS`
    after the last start, itself a date or the day before a hand-over). Every
    such day is a candidate: the toolkit's files are the same from the last
    one to ``on``, so their date need not move with the build's day.
    """
    day = dt.timedelta(days=1)
    named = {found for model in (*dataset.frameworks.values(), *dataset.pathways) for found in _days(model.model_dump())}
    candidates = {when for d in named for when in (d, d + day, year_after(d) + day, year_after(d - day) + day)}
    return max((when for when in candidates if when <= on), default=None)


def toolkit(dataset: Dataset, on: dt.date) -> Toolkit | None:
    """The toolkit's content for a build on ``on``; None when there is no PCF with levels in force."""
    pcf = next(iter(frameworks_in_force(dataset, on, ("pcf",))), None)
    if pcf is None or not pcf.levels:
        return None
    marked = tuple(level for level in pcf.levels if level.toolkit)
    stage, handed_over = _asye_stage(dataset, on)

    def in_force(framework_id: str) -> Framework | None:
        return next(iter(frameworks_in_force(dataset, on, (framework_id,))), None)

    employers = [p for p in dataset.partners if p.kind != "hei"]

    return Toolkit(
        pcf,
        marked or tuple(pcf.levels),
        asye_tracks(dataset, on, stage),
        on,
        universities=tuple(p.name for p in dataset.partners if p.kind == "hei"),
        employers=tuple(p.name for p in employers),
        employers_by_service=tuple((service, tuple(p.name for p in employers if service in p.services)) for service in SERVICES),
        asye_stage=stage,
        asye_handed_over=handed_over,
        professional=in_force(PROFESSIONAL_STANDARDS),
        course=in_force(COURSE_STANDARDS),
        peps=in_force(EDUCATOR_STANDARDS),
    )
