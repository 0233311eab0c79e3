"""Build-time SVG charts of report measures, the same in the web page and the PDF.

Each chart is a line chart of one measure over the years that have numbers:
one line for plain values and one per cohort of a split. Lines differ by
colour, marker and dash, and are labelled at their ends, so no meaning rests
on colour; colours alternate dark and mid so that neighbouring lines differ
by at least 3:1 and every line stands 3:1 from the white background. A
target is a grey dashed line with its own label.

Text stays text in the SVG (``svg.fonttype: none``). The chart carries a
``<title>`` (the finding, which the page also shows as the chart's heading)
and a ``<desc>`` (every value), and the page puts the table beside it.
"""

from __future__ import annotations

import contextlib
import hashlib
import io
import os
import re
import tempfile
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path

from markupsafe import Markup, escape

from ..dataset import Dataset
from ..models.metrics import Measure
from ..views.reports import all_years, numeric_parts, report_view
from .values import number_text, target_text

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
    points: tuple[tuple[str, float], ...]


def series_of(measure: Measure, years: list[str]) -> list[Series]:
    """The lines to draw: plain numbers as one line; each cohort of a split as its own."""
    plain: list[tuple[str, float]] = []
    cohorts: dict[str, list[tuple[str, float]]] = {}
    for year in years:
        value = measure.values.get(year)
        if value is None:
            continue
        if value.number is not None:
            plain.append((year, value.number))
        elif value.by and numeric_parts(value) is not None:
            for cohort, part in value.by.items():
                cohorts.setdefault(cohort, []).append((year, float(part)))
    found = []
    if plain:
        found.append(Series("All" if cohorts else measure.name, tuple(plain)))
    found.extend(Series(name, tuple(points)) for name, points in cohorts.items())
    return found


def chartable(measure: Measure, years: list[str]) -> bool:
    """A chart needs three or more years with numbers."""
    return sum(1 for y in years if numeric_parts(measure.values.get(y)) is not None) >= 3


def _verb(first: float, last: float, better: str) -> str:
    if abs(last - first) < 1e-9:
        return "stayed at"
    return "rose from" if last > first else "fell from"


def finding(measure: Measure, years: list[str]) -> str:
    """A sentence stating what the chart shows, for its title."""
    unit = measure.unit
    parts = []
    for line in series_of(measure, years):
        (y0, v0), (y1, v1) = line.points[0], line.points[-1]
        name = "" if line.name == measure.name else f"{line.name} "
        verb = _verb(v0, v1, measure.better)
        if len(line.points) == 1:
            parts.append(f"{name}{number_text(v1, unit)} in {y1}")
        elif verb == "stayed at":
            parts.append(f"{name}stayed at {number_text(v1, unit)} from {y0} to {y1}")
        else:
            parts.append(f"{name}{verb} {number_text(v0, unit)} in {y0} to {number_text(v1, unit)} in {y1}")
    if not parts:
        return measure.name
    sentence = "; ".join(parts)
    return f"{measure.name}: {sentence}."


def description(measure: Measure, years: list[str]) -> str:
    """Every value drawn, in words, for the chart's ``<desc>``."""
    lines = []
    for line in series_of(measure, years):
        values = ", ".join(f"{year} {number_text(v, measure.unit)}" for year, v in line.points)
        lines.append(f"{line.name}: {values}.")
    if measure.target:
        lines.append(f"Target: {target_text(measure.target, measure.unit)}.")
    return " ".join(lines)


def chart_id(measure: Measure, years: list[str]) -> str:
    """The id a measure's chart has on every page that shows it (the same chart, drawn once).

    Measure ids are unique across areas and a chart's years run without a gap,
    so within a build the id names exactly one chart.
    """
    return f"chart-{measure.id}-{years[0]}-{years[-1]}"


def report_charts(dataset: Dataset) -> list[tuple[Measure, list[str]]]:
    """Every chart the report pages, the measure pages and the report PDFs show: (measure, years)."""
    specs: list[tuple[Measure, list[str]]] = []
    for report in dataset.reports:
        for section in report_view(report, dataset).sections:
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
    the chart's id, matplotlib's version and this module's source), so a
    changed figure is drawn anew.
    """

    def __init__(self, kept: Path | None = None) -> None:
        self._drawn: dict[str, str] = {}
        self.kept = kept

    def svg(self, measure: Measure, years: list[str]) -> Markup:
        """The SVG chart of ``measure`` over ``years`` (empty when there are fewer than three numbers)."""
        if not chartable(measure, years):
            return Markup("")
        key = chart_id(measure, years)
        found = self._drawn.get(key)
        if found is None:
            found = self._drawn[key] = self._kept_or_drawn(measure, years, key)
        return Markup(found)

    def _kept_or_drawn(self, measure: Measure, years: list[str], key: str) -> str:
        if self.kept is None:
            return _draw(measure, years, key)
        path = self.kept / f"{_fingerprint(measure, years, key)}.svg"
        try:
            return path.read_text(encoding="utf-8")
        except OSError:
            pass
        drawn = _draw(measure, years, key)
        with contextlib.suppress(OSError):  # not kept only means drawing it again next time
            self.kept.mkdir(parents=True, exist_ok=True)
            handle, temporary = tempfile.mkstemp(dir=self.kept, prefix=".new-")
            with os.fdopen(handle, "w", encoding="utf-8") as file:
                file.write(drawn)
            os.replace(temporary, path)
        return drawn

    def draw_all(self, specs: list[tuple[Measure, list[str]]]) -> dict[str, str]:
        """Draw every chart in ``specs`` (measure, years) and forget kept ones no longer drawn; returns every chart, by id."""
        for measure, years in specs:
            self.svg(measure, years)
        if self.kept is not None and self.kept.is_dir():
            wanted = {f"{_fingerprint(measure, years, chart_id(measure, years))}.svg" for measure, years in specs}
            for entry in self.kept.iterdir():
                if entry.name not in wanted:
                    entry.unlink(missing_ok=True)
        return dict(self._drawn)

    def add(self, drawn: dict[str, str]) -> None:
        """Charts drawn elsewhere (another process), used instead of drawing them again."""
        self._drawn.update(drawn)


def _fingerprint(measure: Measure, years: list[str], chart_id: str) -> str:
    return hashlib.sha256("\n".join([_SOURCE, chart_id, "|".join(years), measure.model_dump_json()]).encode("utf-8")).hexdigest()


_SOURCE = hashlib.sha256(Path(__file__).read_bytes()).hexdigest() + " matplotlib " + metadata.version("matplotlib")
"""This module's source and matplotlib's version: a change in how charts are drawn draws them all anew."""


def _draw(measure: Measure, years: list[str], chart_id: str) -> str:
    import matplotlib
    from matplotlib.figure import Figure
    from matplotlib.ticker import FuncFormatter
    from matplotlib.typing import RcKeyType

    lines = series_of(measure, years)
    shown = [y for y in years if any(y == p[0] for line in lines for p in line.points)]
    positions = {year: i for i, year in enumerate(shown)}
    unit = measure.unit
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
        figure = Figure(figsize=(6.4, 3.0), dpi=100)
        axes = figure.add_subplot()
        values_all: list[float] = []
        for index, line in enumerate(lines):
            colour, marker, dash = SERIES[index % len(SERIES)]
            xs = [positions[y] for y, _ in line.points]
            ys = [v for _, v in line.points]
            values_all.extend(ys)
            axes.plot(xs, ys, color=colour, marker=marker, linestyle=dash, linewidth=2.2, markersize=6, label=line.name)
            axes.annotate(
                f" {line.name if len(lines) > 1 else ''} {number_text(ys[-1], unit)}".rstrip(),
                (xs[-1], ys[-1]),
                xytext=(6, 0),
                textcoords="offset points",
                va="center",
                color=colour,
                fontsize=9,
                fontweight="bold",
            )
        if measure.target:
            values_all.append(measure.target.value)
            axes.axhline(measure.target.value, color=TARGET_COLOUR, linestyle=(0, (6, 3)), linewidth=1.4)
            axes.annotate(
                f"Target: {target_text(measure.target, unit)}",
                (1.0, measure.target.value),
                xycoords=("axes fraction", "data"),
                xytext=(0, 5),
                textcoords="offset points",
                ha="right",
                va="bottom",
                color=TARGET_COLOUR,
                fontsize=8.5,
                bbox={"boxstyle": "square,pad=0.15", "facecolor": "white", "edgecolor": "none"},
            )
        low, high = min(values_all), max(values_all)
        if unit in ("percent", "count", "gbp") and low >= 0:
            low = 0
        span = (high - low) or abs(high) or 1
        axes.set_ylim(low - (0 if low == 0 else span * 0.15), high + span * 0.18)
        if unit == "percent" and high > 70:
            axes.set_ylim(axes.get_ylim()[0], min(105, axes.get_ylim()[1]))
        axes.set_xticks(range(len(shown)), shown)
        axes.set_xlim(-0.3, len(shown) - 1 + 0.9)
        axes.yaxis.set_major_formatter(FuncFormatter(lambda v, _: number_text(round(v, 2), unit)))
        axes.grid(axis="y", color="#d8dde3", linewidth=0.8)
        axes.set_axisbelow(True)
        figure.tight_layout(pad=0.6)
        buffer = io.StringIO()
        figure.savefig(buffer, format="svg", metadata={"Date": None, "Creator": None})
    return _accessible(buffer.getvalue(), chart_id, finding(measure, years), description(measure, years))


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
