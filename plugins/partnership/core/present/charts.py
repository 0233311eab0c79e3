"""Build-time SVG charts of report measures, the same in the web page and the PDF.

Each chart is a line chart of one measure from its first year with a
number: one line for plain values and one per part of a split, a partner's
part named by the partner's name. A year without a figure keeps its place
on the x-axis; the line breaks there, the gap says "no figure" and a note
says why. Lines differ by colour, marker and dash, and are labelled at
their ends, so no meaning rests on colour; colours alternate dark and mid so
that neighbouring lines differ by at least 3:1 and every line stands 3:1
from the white background. A target is a grey dashed line with its own
label. Every label is placed (:mod:`.chartlabels`) where it covers no point,
no line and no other label; when there is no such place the chart makes
more room and tries again.

Text stays text in the SVG (``svg.fonttype: none``). The chart carries a
``<title>`` (the finding, which the page also shows as the chart's heading)
and a ``<desc>`` (every value, whether the target is met, and the gaps), and
the page puts the table beside it.
"""

from __future__ import annotations

import contextlib
import hashlib
import io
import math
import os
import re
import tempfile
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from itertools import pairwise
from pathlib import Path
from typing import Any

from markupsafe import Markup, escape

from ..models.dataset import Dataset
from ..models.metrics import Measure, MeasureValue, Part
from ..models.year import Year
from ..release import salt
from ..views.reports import ReportView, TargetStatus, all_years, judge, report_view
from . import chartlabels
from . import format as fmt
from .values import SYMBOL_MEANING, Names, cohort_name, figure_text, number_text, target_text

#: Alternating dark and mid colours (each at least 3:1 on white, and 3:1 from its neighbours).
SERIES = (
    ("#14213d", "o", "-"),
    ("#c75300", "s", "--"),
    ("#03251d", "^", "-."),
    ("#8c6d00", "D", ":"),
    ("#3b0a45", "v", "-"),
    ("#a2539a", "P", "--"),
)
TARGET_COLOUR = "#595959"
FONT = "'DejaVu Sans', 'Helvetica Neue', Arial, sans-serif"


@dataclass(frozen=True)
class Series:
    name: str
    points: tuple[tuple[Year, float], ...]
    """(year, number) for each year of the line that has a number."""


def _numbers(value: MeasureValue | None) -> list[float]:
    """The numbers a year's value holds: one for a plain number, one per numeric part of a split."""
    if value is None:
        return []
    if value.number is not None:
        return [value.number]
    return [part.number for part in (value.by or {}).values() if part.number is not None]


def series_of(measure: Measure, years: list[Year], names: Names | None = None) -> list[Series]:
    """The lines to draw: plain numbers as one line; each part of a split as its own, by name (a partner's name for its id)."""
    plain: list[tuple[Year, float]] = []
    cohorts: dict[str, list[tuple[Year, float]]] = {}
    for year in years:
        value = measure.values.get(year)
        if value is None:
            continue
        if value.number is not None:
            plain.append((year, value.number))
        for cohort, part in (value.by or {}).items():
            points = cohorts.setdefault(cohort, [])
            if part.number is not None:
                points.append((year, part.number))
    found = []
    if plain:
        found.append(Series("All" if cohorts else measure.name, tuple(plain)))
    found.extend(Series(cohort_name(cohort, names or {}), tuple(points)) for cohort, points in cohorts.items() if points)
    return found


def chartable(measure: Measure, years: list[Year]) -> bool:
    """A chart needs three or more years with numbers."""
    return sum(1 for y in years if _numbers(measure.values.get(y))) >= 3


def span(measure: Measure, years: list[Year]) -> list[Year]:
    """The chart's years: from the first with a number to the last of ``years`` (a later year without one is a gap)."""
    first = next((i for i, y in enumerate(years) if _numbers(measure.values.get(y))), len(years))
    return years[first:]


def _reason(value: MeasureValue | None, part: Part | None = None) -> str:
    """Why a year (or a part of its split) has no figure, in words: ``not available``, ``Data available in 2027``, ``no data``."""
    keyword = part.keyword if part is not None else (value.keyword if value is not None else None)
    if keyword is not None:
        return SYMBOL_MEANING.get(keyword, keyword)
    if value is not None and value.pending:
        return value.pending
    return "no data"


def gaps(measure: Measure, years: list[Year], names: Names | None = None) -> list[str]:
    """Each break in the chart's lines, in words: ``2023-24 (not available)``, ``Adults in 2025-26 (not applicable)``."""
    found = []
    for year in span(measure, years):
        value = measure.values.get(year)
        if not _numbers(value):
            found.append(f"{year} ({_reason(value)})")
            continue
        assert value is not None
        for cohort, part in (value.by or {}).items():
            if part.number is None:
                found.append(f"{cohort_name(cohort, names or {})} in {year} ({_reason(value, part)})")
    return found


def gaps_note(measure: Measure, years: list[Year], names: Names | None = None) -> str:
    """The note under a chart whose lines break where a year has no figure; empty when none does."""
    found = gaps(measure, years, names)
    if not found:
        return ""
    return f"The line{'s break' if len(series_of(measure, years, names)) > 1 else ' breaks'} where there is no figure: {fmt.join(found)}."


def _verb(first: float, last: float, better: str) -> str:
    if abs(last - first) < 1e-9:
        return "stayed at"
    return "rose from" if last > first else "fell from"


def finding(measure: Measure, years: list[Year], names: Names | None = None) -> str:
    """A sentence stating what the chart shows, for its title."""
    parts = []
    for line in series_of(measure, years, names):
        (y0, v0), (y1, v1) = line.points[0], line.points[-1]
        name = "" if line.name == measure.name else f"{line.name} "
        verb = _verb(v0, v1, measure.better)
        first, last = figure_text(v0, measure), figure_text(v1, measure)
        if len(line.points) == 1:
            parts.append(f"{name}{last} in {y1}")
        elif verb == "stayed at" and all(abs(v - v0) < 1e-9 for _, v in line.points):
            parts.append(f"{name}stayed at {last} from {y0} to {y1}")
        elif verb == "stayed at":  # back where it started, but not level in between: say where it went
            year, value = max(line.points, key=lambda point: abs(point[1] - v0))
            low_or_high = "a low" if value < v0 else "a high"
            parts.append(f"{name}was {last} in {y0} and in {y1}, with {low_or_high} of {figure_text(value, measure)} in {year}")
        else:
            parts.append(f"{name}{verb} {first} in {y0} to {last} in {y1}")
    if not parts:
        return measure.name
    sentence = "; ".join(parts)
    return f"{measure.name}: {sentence}."


def target_finding(measure: Measure, years: list[Year]) -> str:
    """Whether the latest figure meets the target, in a sentence; empty without a target."""
    if measure.target is None:
        return ""
    judgement = judge(measure, span(measure, years))
    target = target_text(measure.target, measure)
    if judgement is None or judgement.year is None:
        return f"Target: {target}; no year has a figure yet."
    verdict = "met" if judgement.status == TargetStatus.MET else "not met"
    return f"Target: {target}, {verdict} in {judgement.year}."


def description(measure: Measure, years: list[Year], names: Names | None = None) -> str:
    """Every value drawn, in words, for the chart's ``<desc>``: the values, the target and the gaps."""
    lines = []
    for line in series_of(measure, years, names):
        values = ", ".join(f"{year} {figure_text(v, measure)}" for year, v in line.points)
        lines.append(f"{line.name}: {values}.")
    if measure.target:
        lines.append(target_finding(measure, years))
    note = gaps_note(measure, years, names)
    if note:
        lines.append(note)
    return " ".join(lines)


def alternative(measure: Measure, years: list[Year], names: Names | None = None) -> str:
    """The text alternative of a chart shown as an image (the PDF): what it finds, then every value."""
    return f"Line chart. {finding(measure, years, names)} {description(measure, years, names)}"


def chart_id(measure: Measure, years: list[Year]) -> str:
    """The id a measure's chart has on every page that shows it (the same chart, drawn once).

    Measure ids are unique across areas and a chart's years run without a gap,
    so within a build the id names exactly one chart.
    """
    return f"chart-{measure.id}-{years[0]}-{years[-1]}"


ChartSpec = tuple[Measure, list[Year]]
"""A chart to draw: a measure over some years."""


def report_charts(dataset: Dataset, reports: Iterable[ReportView] | None = None) -> list[ChartSpec]:
    """Every chart the report pages, the measure pages and the report PDFs show: (measure, years).

    ``reports``: every report's view, when worked out already.
    """
    specs: list[ChartSpec] = []
    views = reports if reports is not None else (report_view(report, dataset) for report in dataset.reports)
    for view in views:
        for section in view.sections:
            if section.table:
                specs.extend(
                    (row.measure, section.table.years) for row in section.table.rows if chartable(row.measure, section.table.years)
                )
    for area in dataset.metrics.values():
        for measure in area.measures:
            years = all_years(measure)
            if years and chartable(measure, years):
                specs.append((measure, years))
    return specs


class Charts:
    """The charts of one build, each drawn once: the web pages and the PDFs show the same SVG.

    They can be drawn in another process and handed over (:meth:`draw_all`,
    then :meth:`add` with what it returned). With a ``kept`` folder, a chart
    drawn by an earlier build is read from it instead of drawn again: it is
    kept under a hash of everything it is drawn from (the measure, the years,
    the partners' names it shows, the chart's id, this release of the code and
    the versions of matplotlib and what it requires:
    :func:`partnership.core.release.salt`), so a changed figure, or a new
    release of how numbers are written, is drawn anew.
    """

    def __init__(self, kept: Path | None = None, names: Names | None = None) -> None:
        self._drawn: dict[str, str] = {}
        self.kept = kept
        self.names: Names = dict(names or {})
        """Partner id → name: the lines of a split by partner are labelled by name."""

    def svg(self, measure: Measure, years: list[Year]) -> Markup:
        """The SVG chart of ``measure`` over ``years`` (empty when there are fewer than three numbers)."""
        if not chartable(measure, years):
            return Markup("")
        key = chart_id(measure, years)
        found = self._drawn.get(key)
        if found is None:
            found = self._drawn[key] = self._kept_or_drawn(measure, years, key)
        return Markup(found)

    def _kept_or_drawn(self, measure: Measure, years: list[Year], key: str) -> str:
        if self.kept is None:
            return _draw(measure, years, key, self.names)
        path = self.kept / f"{self._fingerprint(measure, years, key)}.svg"
        try:
            return path.read_text(encoding="utf-8")
        except OSError:
            pass
        drawn = _draw(measure, years, key, self.names)
        with contextlib.suppress(OSError):  # not kept only means drawing it again next time
            self.kept.mkdir(parents=True, exist_ok=True)
            handle, temporary = tempfile.mkstemp(dir=self.kept, prefix=".new-")
            with os.fdopen(handle, "w", encoding="utf-8") as file:
                file.write(drawn)
            os.replace(temporary, path)
        return drawn

    def draw_all(self, specs: Sequence[ChartSpec]) -> dict[str, str]:
        """Draw every chart in ``specs`` (measure, years) and forget kept ones no longer drawn; returns every chart, by id."""
        for measure, years in specs:
            self.svg(measure, years)
        if self.kept is not None and self.kept.is_dir():
            wanted = {f"{self._fingerprint(measure, years, chart_id(measure, years))}.svg" for measure, years in specs}
            for entry in self.kept.iterdir():
                if entry.name not in wanted:
                    entry.unlink(missing_ok=True)
        return dict(self._drawn)

    def add(self, drawn: dict[str, str]) -> None:
        """Charts drawn elsewhere (another process), used instead of drawing them again."""
        self._drawn.update(drawn)

    def _fingerprint(self, measure: Measure, years: list[Year], chart_id: str) -> str:
        shown = sorted(
            (cohort, self.names[cohort]) for value in measure.values.values() for cohort in (value.by or {}) if cohort in self.names
        )
        parts = [salt(CHART_LIBRARY), chart_id, "|".join(years), measure.model_dump_json(), repr(shown)]
        return hashlib.sha256("\n".join(parts).encode("utf-8")).hexdigest()


CHART_LIBRARY = "matplotlib"
"""What draws the charts: its version, and those of the libraries it requires, are part of every kept chart's key."""

MARKER_SIZE = 6.0
LABEL_SIZE = 9.0
TARGET_SIZE = 8.5
GAP_SIZE = 8.0
ATTEMPTS = 6
"""How many times a chart makes more room for its labels before it settles for the places that cover least."""
LEGEND_AFTER = 3
"""A chart with more lines than this names them in a legend under it; their end labels then give only the figure."""
LONG_NAME = 24
"""So does a chart with more than one line when a line's name is longer than this (a partner's name)."""


def _legend(lines: list[Series]) -> bool:
    """Whether the lines are named in a legend under the chart rather than beside their ends."""
    return len(lines) > LEGEND_AFTER or (len(lines) > 1 and any(len(line.name) > LONG_NAME for line in lines))


def _draw(measure: Measure, years: list[Year], chart_id: str, names: Names | None = None) -> str:
    import matplotlib
    from matplotlib.typing import RcKeyType

    lines = series_of(measure, years, names)
    settings: dict[RcKeyType, object] = {
        "svg.fonttype": "none",
        # ids inside the SVG come from this salt: the same chart gives the same bytes in every build
        "svg.hashsalt": f"{chart_id}-{hashlib.sha1((measure.model_dump_json() + '|'.join(years)).encode()).hexdigest()[:10]}",
        "font.family": "DejaVu Sans",
        "font.size": 10,
        "axes.edgecolor": "#505a5f",
        "axes.labelcolor": "#1f2328",
        "xtick.color": "#1f2328",
        "ytick.color": "#1f2328",
        "axes.spines.top": False,
        "axes.spines.right": False,
    }
    with matplotlib.rc_context(settings):
        for attempt in range(ATTEMPTS):
            # more room each time: above the lines, and to the right of their ends
            figure, canvas, axes = _plot(measure, lines, span(measure, years), headroom=0.18 + 0.1 * attempt, right=0.9 + 0.5 * attempt)
            if _label(figure, canvas, axes, measure, lines, span(measure, years), force=attempt == ATTEMPTS - 1):
                break
        buffer = io.StringIO()
        figure.savefig(buffer, format="svg", metadata={"Date": None, "Creator": None})
    return _accessible(buffer.getvalue(), chart_id, finding(measure, years, names), description(measure, years, names))


def _plot(measure: Measure, lines: list[Series], shown: list[Year], headroom: float, right: float) -> tuple[Any, Any, Any]:
    """The chart without its labels: the lines (broken where a year has no figure), the target, the axes."""
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure
    from matplotlib.ticker import FuncFormatter, MaxNLocator

    unit = measure.unit
    values = [v for line in lines for _, v in line.points] + ([measure.target.value] if measure.target else [])
    low, high = min(values), max(values)
    if unit in ("percent", "count", "gbp") and low >= 0:
        low = 0
    size = (high - low) or abs(high) or 1
    bottom, top = low - (0 if low == 0 else size * 0.15), high + size * headroom
    # 72 dots per inch: matplotlib's display points are then the SVG's units, so labels are placed where the SVG draws them
    columns = 1 if any(len(line.name) > LONG_NAME for line in lines) else 2
    legend_rows = math.ceil(len(lines) / columns) if _legend(lines) else 0
    legend_height = 0.2 * legend_rows + 0.1 if legend_rows else 0  # inches, under the plot
    figure = Figure(figsize=(6.4, 3.0 + legend_height), dpi=72)
    canvas = FigureCanvasAgg(figure)
    axes = figure.add_subplot()
    for index, line in enumerate(lines):
        colour, marker, dash = SERIES[index % len(SERIES)]
        by_year = dict(line.points)
        ys = [by_year.get(year, math.nan) for year in shown]  # NaN: matplotlib breaks the line there
        axes.plot(
            range(len(shown)), ys, color=colour, marker=marker, linestyle=dash, linewidth=2.2, markersize=MARKER_SIZE, label=line.name
        )
    if measure.target:
        axes.axhline(measure.target.value, color=TARGET_COLOUR, linestyle=(0, (6, 3)), linewidth=1.4)
    axes.set_ylim(bottom, top)
    axes.yaxis.set_major_locator(MaxNLocator(nbins=6, steps=[1, 2, 5, 10]))
    ceiling = 100 if unit == "percent" and high <= 100 else top  # room above 100% is for labels, not a scale past it
    axes.set_yticks([t for t in axes.get_yticks() if bottom - 1e-9 <= t <= ceiling + 1e-9])
    axes.set_ylim(bottom, top)
    axes.set_xticks(range(len(shown)), shown)
    axes.set_xlim(-0.3, len(shown) - 1 + right)
    axes.yaxis.set_major_formatter(FuncFormatter(lambda v, _: number_text(round(v, 2), unit)))
    axes.grid(axis="y", color="#d8dde3", linewidth=0.8)
    axes.set_axisbelow(True)
    figure.tight_layout(pad=1.0, rect=(0, legend_height / (3.0 + legend_height), 1, 1))
    if legend_rows:
        figure.legend(loc="lower left", bbox_to_anchor=(0.01, 0.0), ncol=columns, frameon=False, fontsize=8.5, handlelength=3)
    return figure, canvas, axes


def _label(figure: Any, canvas: Any, axes: Any, measure: Measure, lines: list[Series], shown: list[Year], force: bool) -> bool:
    """Put the lines' end labels, the target's label and the gaps' labels where none covers anything.

    False (the chart then makes more room) when one has no clear place,
    unless ``force``: then each goes where it covers least.
    """
    renderer = canvas.get_renderer()
    to_display = axes.transData.transform
    positions = {year: i for i, year in enumerate(shown)}
    frame = axes.get_window_extent(renderer)
    whole = figure.bbox  # labels may use the margin above and to the right of the plot (it has no frame there)
    board = chartlabels.Board(chartlabels.Box(frame.x0 + 1, frame.y0 + 1, whole.x1 - 2, whole.y1 - 2))
    for line in lines:
        points = [tuple(to_display((positions[year], value))) for year, value in line.points]
        board.markers.extend(chartlabels.marker_box(x, y, MARKER_SIZE) for x, y in points)
        for ((year, _), (following, _)), (start, end) in zip(pairwise(line.points), pairwise(points), strict=True):
            if positions[following] == positions[year] + 1:  # joined only between neighbouring years: a gap has no line
                board.line([start, end])
    target_y = to_display((0, measure.target.value))[1] if measure.target else None
    if target_y is not None:
        board.line([(frame.x0, target_y), (frame.x1, target_y)], soft=True)

    def size_of(text: str, size: float, weight: str) -> tuple[float, float]:
        probe = figure.text(0, 0, text, fontsize=size, fontweight=weight)
        extent = probe.get_window_extent(renderer)
        probe.remove()
        # a browser's text box is the font's whole line (ascent and descent, about 1.17 em), and its
        # text may run a little wider than matplotlib's measure of it (hinting): reserve that much
        return extent.width * 1.03 + 1, max(extent.height, 1.2 * size)

    def put(candidates: list[chartlabels.Box], text: str, size: float, colour: str, soft_ok: bool = False, **style: Any) -> bool:
        box = board.place(candidates, soft_ok=soft_ok) or (board.least_covering(candidates) if force else None)
        if box is None:
            return False
        x, y = axes.transAxes.inverted().transform((box.x0, box.y0))
        axes.text(x, y, text, transform=axes.transAxes, ha="left", va="bottom", fontsize=size, color=colour, **style)
        return True

    for index, line in enumerate(lines):
        year, value = line.points[-1]
        named = len(lines) > 1 and not _legend(lines)  # one line needs no name; a legend names many, or long names
        text = f"{line.name + ' ' if named else ''}{figure_text(value, measure)}"
        width, height = size_of(text, LABEL_SIZE, "bold")
        x, y = to_display((positions[year], value))
        if not put(
            chartlabels.around(x, y, width, height), text, LABEL_SIZE, SERIES[index % len(SERIES)][0], soft_ok=force, fontweight="bold"
        ):
            return False
    if measure.target and target_y is not None:
        unsourced = measure.target.model_copy(update={"source": None})  # the source is in the table and the text alternative
        text = f"Target: {target_text(unsourced, measure).lower()}"
        width, height = size_of(text, TARGET_SIZE, "normal")
        if not put(chartlabels.along(target_y, frame.x0, frame.x1, width, height), text, TARGET_SIZE, TARGET_COLOUR):
            return False
    for year in shown:
        if _numbers(measure.values.get(year)):
            continue
        width, height = size_of("no figure", GAP_SIZE, "normal")
        x = to_display((positions[year], 0))[0]
        rows = range(int(frame.y0) + 3, int(frame.y1 - height), 4)
        if not put(
            [chartlabels.Box(x - width / 2, b, x + width / 2, b + height) for b in rows],
            "no figure",
            GAP_SIZE,
            TARGET_COLOUR,
            fontstyle="italic",
        ):
            return False
    return True


def _accessible(svg: str, chart_id: str, title: str, desc: str) -> str:
    """Matplotlib's SVG, made responsive and given a title and description."""
    svg = svg[svg.index("<svg") :]
    svg = re.sub(r"<metadata>.*?</metadata>", "", svg, flags=re.S)
    svg = re.sub(r'\swidth="[^"]*pt"\s+height="[^"]*pt"', "", svg, count=1)
    svg = svg.replace(
        "<svg ",
        f'<svg role="img" aria-labelledby="{chart_id}-title {chart_id}-desc" class="cpd-chart" ',
        1,
    )
    head_end = svg.index(">") + 1
    labels = f'<title id="{chart_id}-title">{escape(title)}</title><desc id="{chart_id}-desc">{escape(desc)}</desc>'
    svg = svg[:head_end] + labels + svg[head_end:]
    svg = svg.replace("font-family: 'DejaVu Sans'", f"font-family: {FONT}").replace('font-family="DejaVu Sans"', f'font-family="{FONT}"')
    # ids made by matplotlib must not clash between two charts on one page
    return (
        re.sub(r'id="([^"]+)"', lambda m: m.group(0) if m.group(1).startswith(chart_id) else f'id="{chart_id}-{m.group(1)}"', svg)
        .replace('xlink:href="#', f'xlink:href="#{chart_id}-')
        .replace("url(#", f"url(#{chart_id}-")
    )
