"""The figures of an annual report: measure tables, target status, change, notes.

Everything a report shows is worked out here from the data, as numbers and
words; :mod:`partnership.core.present.values` writes them for people. Rules:

* a table has one column per year from the report's baseline to its year;
* a target is judged against the latest of those years that has a number
  (a split value counts only when every part is a number, and meets the
  target only when every part does); the status is a word: **Met**,
  **Not met** or **No data**; a measure without a target has none;
* the change is from the year before that latest year, when both are plain
  numbers, and says up or down, and better or worse where the measure says
  which way is better;
* a value split by partner (its parts are partner ids) is shown as one row
  per partner under the measure's row, the partners by name: their names
  are too long to share a cell; other splits (``BA``, ``MSW``) share it;
* a report's parts come in one fixed order, the same in the page, its
  contents list and the PDF (:func:`outline`).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from enum import StrEnum

from ..models.common import slugify
from ..models.dataset import Dataset
from ..models.metrics import Better, Comparison, Keyword, Measure, MeasureValue, MetricsArea, Part, Target
from ..models.reports import PARTS, Report, Section
from ..models.strategy import FollowUp, Objective, ObjectiveUpdate
from ..models.year import Year
from .strategy import RecommendationHistory, follow_ups_in, section_objectives


class TargetStatus(StrEnum):
    """How a measure stands against its target in the latest year with figures (as tables print it)."""

    MET = "Met"
    NOT_MET = "Not met"
    NO_DATA = "No data"


MET, NOT_MET, NO_DATA = TargetStatus.MET, TargetStatus.NOT_MET, TargetStatus.NO_DATA
"""The statuses by themselves, as earlier code and tests name them."""


class Direction(StrEnum):
    """Which way a figure moved from the year before."""

    UP = "up"
    DOWN = "down"
    NO_CHANGE = "no change"


class Verdict(StrEnum):
    """Whether a move is for the better, by the measure's ``better``."""

    BETTER = "better"
    WORSE = "worse"


class EntryKind(StrEnum):
    """What a part of a report's outline is (the page and the PDF show each kind its own way)."""

    GLANCE = "glance"
    PART = "part"
    SECTION = "section"
    RECOMMENDATIONS = "recommendations"
    ATTENDANCE = "attendance"
    LOGIC_MODEL = "logic-model"


def years_between(first: str, last: str) -> list[Year]:
    """``2017-18`` … ``2020-21``, inclusive."""
    return Year(first).through(Year(last))


def numeric_parts(value: MeasureValue | None) -> list[float] | None:
    """The value's numbers: one for a plain number, one per cohort for a split; None when not all numbers."""
    if value is None:
        return None
    if value.number is not None:
        return [value.number]
    if value.by:
        numbers = [part.number for part in value.by.values() if part.number is not None]
        if len(numbers) == len(value.by):
            return numbers
    return None


def meets(target: Target, number: float) -> bool:
    value = target.value
    return {
        Comparison.AT_LEAST: number >= value,
        Comparison.AT_MOST: number <= value,
        Comparison.MORE_THAN: number > value,
        Comparison.LESS_THAN: number < value,
        Comparison.EXACTLY: abs(number - value) < 1e-9,
    }[target.comparison]


@dataclass(frozen=True)
class Judgement:
    status: TargetStatus
    year: Year | None
    """The year judged: the latest with a number."""


def judge(measure: Measure, years: list[Year]) -> Judgement | None:
    """The target's status over ``years``; None when the measure has no target."""
    if measure.target is None:
        return None
    for year in reversed(years):
        parts = numeric_parts(measure.values.get(year))
        if parts is not None:
            ok = all(meets(measure.target, p) for p in parts)
            return Judgement(TargetStatus.MET if ok else TargetStatus.NOT_MET, year)
    return Judgement(TargetStatus.NO_DATA, None)


@dataclass(frozen=True)
class Change:
    """How the latest number moved from the year before it."""

    previous_year: Year
    year: Year
    difference: float
    direction: Direction
    verdict: Verdict | None
    """None when neither direction is better (or nothing changed)."""


def change(measure: Measure, years: list[Year]) -> Change | None:
    """The change into the latest year with numbers; None unless it and the year before are plain numbers."""
    latest = None
    for index in range(len(years) - 1, -1, -1):
        if numeric_parts(measure.values.get(years[index])) is not None:
            latest = index
            break
    if latest is None or latest == 0 or measure.values[years[latest]].number is None:
        return None
    previous = measure.values.get(years[latest - 1])
    if previous is None or previous.number is None:
        return None
    now = measure.values[years[latest]].number
    assert now is not None
    difference = now - previous.number
    if abs(difference) < 1e-9:
        return Change(years[latest - 1], years[latest], 0.0, Direction.NO_CHANGE, None)
    direction = Direction.UP if difference > 0 else Direction.DOWN
    verdict = None
    if measure.better != Better.NEITHER:
        verdict = Verdict.BETTER if (direction == Direction.UP) == (measure.better == Better.HIGHER) else Verdict.WORSE
    return Change(years[latest - 1], years[latest], difference, direction, verdict)


@dataclass(frozen=True)
class Footnote:
    number: int
    year: Year
    text: str


@dataclass(frozen=True)
class PartRow:
    """One part of a measure split by partner, as a row of its own: the partner id and its number (or keyword) each year."""

    cohort: str
    cells: list[tuple[Year, Part | None]]


def partner_parts(measure: Measure, years: list[Year], names: Mapping[str, str]) -> list[PartRow]:
    """One row per partner (in partners.yml order) when ``measure``'s splits in ``years`` are by partner id; else none."""
    cohorts = {cohort for year in years for cohort in (getattr(measure.values.get(year), "by", None) or {})}
    if not cohorts or not cohorts <= names.keys():
        return []
    return [
        PartRow(partner, [(year, (getattr(measure.values.get(year), "by", None) or {}).get(partner)) for year in years])
        for partner in names
        if partner in cohorts
    ]


@dataclass(frozen=True)
class MeasureRow:
    measure: Measure
    cells: list[tuple[Year, MeasureValue | None, int | None]]
    """(year, value, footnote number) for every year of the table."""
    judgement: Judgement | None
    change: Change | None
    parts: list[PartRow] = field(default_factory=list)
    """A split by partner, one row per partner (shown under this row, whose year cells then stay empty)."""

    @property
    def numeric_years(self) -> list[Year]:
        """Years whose value is a plain number or an all-number split (for charts)."""
        return [year for year, value, _ in self.cells if numeric_parts(value) is not None]


@dataclass(frozen=True)
class MeasureTable:
    area: MetricsArea
    years: list[Year]
    rows: list[MeasureRow]
    footnotes: list[Footnote] = field(default_factory=list)

    @property
    def has_targets(self) -> bool:
        return any(row.measure.target for row in self.rows)

    @property
    def keywords(self) -> set[Keyword]:
        """The keywords (unknown, n/a, suppressed) the table shows, so that its legend explains exactly those."""
        found: set[Keyword] = set()
        for row in self.rows:
            for _, value, _ in row.cells:
                if value is None:
                    continue
                if value.keyword:
                    found.add(value.keyword)
                parts = value.by or {}
                found.update(part.keyword for part in parts.values() if part.keyword is not None)
                if parts and any(part.cohort not in parts for part in row.parts):
                    found.add(Keyword.UNKNOWN)  # a partner's row with no figure in a year that has a split
        return found


def measure_table(area: MetricsArea, years: list[Year], names: Mapping[str, str] | None = None) -> MeasureTable:
    """One row per measure of ``area``, one column per year; notes numbered in reading order.

    ``names`` (partner id → name, in partners.yml order) lets a split by partner become rows of its own.
    """
    footnotes: list[Footnote] = []
    rows = []
    for measure in area.measures:
        cells = []
        for year in years:
            value = measure.values.get(year)
            number = None
            if value is not None and value.note:
                number = len(footnotes) + 1
                footnotes.append(Footnote(number, year, value.note))
            cells.append((year, value, number))
        parts = partner_parts(measure, years, names or {})
        rows.append(MeasureRow(measure, cells, judge(measure, years), change(measure, years), parts))
    return MeasureTable(area, years, rows, footnotes)


@dataclass(frozen=True)
class ReportSection:
    section: Section
    id: str
    table: MeasureTable | None
    objectives: list[tuple[Objective, ObjectiveUpdate | None]] = field(default_factory=list)
    """The logic model's objectives for this section's area, with the status this report gives each."""
    follow_ups: list[tuple[RecommendationHistory, FollowUp]] = field(default_factory=list)
    """Earlier recommendations about this section's area that this report follows up."""


def _counts(rows: list[MeasureRow]) -> dict[TargetStatus, int]:
    counts = dict.fromkeys(TargetStatus, 0)
    for row in rows:
        if row.judgement:
            counts[row.judgement.status] += 1
    return counts


@dataclass(frozen=True)
class AreaStatus:
    """How one section's targets stand, for "At a glance"."""

    section: ReportSection
    counts: dict[TargetStatus, int]
    """Met, Not met, No data → how many."""
    not_met: list[Measure]
    """The measures whose targets are not met, in table order."""


@dataclass(frozen=True)
class OutlineEntry:
    """One part of a report, in the order the page, its contents and the PDF show them."""

    id: str
    """Its heading's id (and anchor)."""
    title: str
    kind: EntryKind
    source: str | None = None
    """A part's Markdown file under content/."""
    section: ReportSection | None = None


@dataclass(frozen=True)
class ReportView:
    report: Report
    years: list[Year]
    sections: list[ReportSection]
    general_follow_ups: list[tuple[RecommendationHistory, FollowUp]] = field(default_factory=list)
    """Earlier recommendations this report follows up that belong to none of its sections (no area, or an area it has no section for)."""
    headlines: list[MeasureRow] = field(default_factory=list)
    """The headline figures (the report's ``headlines``), each a measure's row over the report's years."""

    @property
    def year(self) -> Year:
        return self.report.year

    def status_counts(self) -> dict[TargetStatus, int]:
        """How many targets are Met, Not met, or have No data, across the report."""
        return _counts([row for section in self.sections if section.table for row in section.table.rows])

    def by_area(self) -> list[AreaStatus]:
        """Each section with targets: how many are met, not met and without data, and which are not met."""
        found = []
        for section in self.sections:
            if section.table and section.table.has_targets:
                rows = section.table.rows
                not_met = [row.measure for row in rows if row.judgement and row.judgement.status == TargetStatus.NOT_MET]
                found.append(AreaStatus(section, _counts(rows), not_met))
        return found


def outline(view: ReportView, appendix: bool, logic_model: bool) -> list[OutlineEntry]:
    """Every part of the report that it has, in the fixed, conventional order.

    Foreword, executive summary, at a glance, introduction, governance and
    membership, method; the sections (areas of work); challenges and risks,
    future ambitions, recommendations; the appendices (learning and
    development, logic model); the glossary. Each is shown only when the
    report has it.
    """
    report = view.report
    titles = dict(PARTS)
    entries: list[OutlineEntry] = []

    def part(field_name: str) -> None:
        source = getattr(report, field_name)
        if source:
            entries.append(OutlineEntry(field_name.replace("_", "-"), titles[field_name], EntryKind.PART, source))

    part("foreword")
    part("executive_summary")
    counts = view.status_counts()
    if sum(counts.values()) or view.headlines:
        entries.append(OutlineEntry("at-a-glance", "At a glance", EntryKind.GLANCE))
    if report.introduction:
        entries.append(OutlineEntry("introduction", "Introduction", EntryKind.PART, report.introduction))
    part("governance")
    part("method")
    entries.extend(OutlineEntry(section.id, section.section.title, EntryKind.SECTION, section=section) for section in view.sections)
    part("risks")
    part("future")
    if view.general_follow_ups or report.recommendations:
        first = "earlier-recommendations" if view.general_follow_ups else "recommendations"
        entries.append(OutlineEntry(first, "Recommendations", EntryKind.RECOMMENDATIONS))
    if appendix:
        entries.append(OutlineEntry("learning-and-development", "Appendix: learning and development", EntryKind.ATTENDANCE))
    if logic_model:
        entries.append(OutlineEntry("logic-model", "Appendix: logic model", EntryKind.LOGIC_MODEL))
    part("glossary")
    return entries


def single(area: MetricsArea, measure: Measure) -> MetricsArea:
    """``area`` holding ``measure`` alone: a measure's own table."""
    return MetricsArea.model_construct(area=area.area, title=area.title, measures=[measure])


def partner_names(dataset: Dataset) -> dict[str, str]:
    """Partner id → name, in partners.yml order: how splits by partner are labelled."""
    return {p.id: p.name for p in dataset.partners}


def report_view(report: Report, dataset: Dataset, histories: Sequence[RecommendationHistory] | None = None) -> ReportView:
    """``report``'s tables, follow-ups and headlines; ``histories``: every recommendation's (:func:`recommendation_histories`), if worked out already."""
    years = years_between(report.baseline, report.year)
    follow_ups = follow_ups_in(dataset, report, histories)
    names = partner_names(dataset)
    sections = []
    for section in report.sections:
        area = dataset.metrics.get(section.metrics or "")
        table = measure_table(area, years, names) if area else None
        sections.append(
            ReportSection(
                section,
                section.id or slugify(section.title),
                table,
                section_objectives(dataset, report, section.metrics or ""),
                [pair for pair in follow_ups if section.metrics and pair[0].recommendation.area == section.metrics],
            )
        )
    placed = {section.metrics for section in report.sections if section.metrics}
    general = [pair for pair in follow_ups if pair[0].recommendation.area not in placed]
    headlines = []
    for measure_id in report.headlines:
        found = dataset.measure_by_id.get(measure_id)
        if found:
            headlines.append(measure_table(single(found[0], found[1]), years, names).rows[0])
    return ReportView(report, years, sections, general, headlines)


def all_years(measure: Measure) -> list[Year]:
    """Every year from the measure's first to its last value."""
    if not measure.values:
        return []
    ordered = sorted(measure.values)
    return years_between(ordered[0], ordered[-1])
