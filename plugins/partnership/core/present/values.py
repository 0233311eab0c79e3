"""Report figures written for people: ``47%``, ``1,382``, ``139.62``, ``£125,370``.

Each measure's figures are written with its unit and, when it fixes one,
its number of decimal places (``decimals: 2`` writes ``61.20%`` beside
``61.84%``); otherwise each value as it was written. Values that are not
figures use the symbols of government statistics (the Analysis Function's
guidance on symbols in tables), explained under every table:
``[x]`` not available (``unknown``), ``[z]`` not applicable (``n/a``) and
``[c]`` confidential (``suppressed``: withheld to protect small numbers).
Pending text is shown as written (``Data available in 2023``), and a year
with no value at all reads ``No data``. A split value reads
``94% (BA) 100% (MSW)``, a partner's part by the partner's name, never its
id; targets read ``No more than 20% (DfE)``.
"""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal

from markupsafe import Markup, escape

from ..models.metrics import Comparison, Measure, MeasureValue, Part, Target, Unit
from ..views.reports import Change, Direction
from . import format as fmt

SYMBOLS: tuple[tuple[str, str, str], ...] = (
    ("unknown", "[x]", "not available"),
    ("n/a", "[z]", "not applicable"),
    ("suppressed", "[c]", "confidential: withheld to protect small numbers"),
)
"""The legend under a measure table: each keyword, its symbol and what it means (a table explains those it shows)."""
KEYWORD_TEXT = {keyword: symbol for keyword, symbol, _ in SYMBOLS}
"""The statistical symbol each keyword is shown as."""
SYMBOL_MEANING = {keyword: meaning.split(":")[0] for keyword, _, meaning in SYMBOLS}
"""Each keyword in words, where a sentence gives the reason a figure is missing (a chart's gaps)."""
NO_DATA_TEXT = "No data"
NO_SHARE_TEXT = "–"
"""A percentage of nothing (no bookings), in tables and CSVs."""

Names = Mapping[str, str]
"""Partner id → partner name: how a split's parts are labelled."""


def share_text(share: Decimal | None) -> str:
    """A share of bookings as the appendix prints it: ``57.60%``; ``–`` when there were no bookings."""
    return NO_SHARE_TEXT if share is None else f"{share}%"


def number_text(number: float, unit: Unit, decimals: int | None = None) -> str:
    """``57.6%``, ``£1,200``, ``4.1``; with ``decimals`` exactly that many places (``57.60%``)."""
    if unit == Unit.PERCENT:
        return f"{fmt.number(number, decimals)}%"
    if unit == Unit.GBP:
        places = decimals if decimals is not None else (0 if float(number).is_integer() else 2)
        text = fmt.number(number, places)
        return f"−£{text[1:]}" if text.startswith("-") else f"£{text}"
    return fmt.number(number, decimals)


def figure_text(number: float, measure: Measure) -> str:
    """A number of ``measure``, written with its unit and decimal places."""
    return number_text(number, measure.unit, measure.decimals)


def part_text(part: Part, measure: Measure) -> str:
    """One part of a split: ``94%``, ``[x]``."""
    if part.number is not None:
        return figure_text(part.number, measure)
    return KEYWORD_TEXT[part.keyword] if part.keyword is not None else NO_DATA_TEXT


def cohort_name(cohort: str, names: Names) -> str:
    """A split's part by name: the partner's name for a partner id, otherwise as written (``BA``)."""
    return names.get(cohort, cohort)


def value_text(value: MeasureValue | None, measure: Measure, names: Names | None = None) -> str:
    """One year's value as the report shows it; ``No data`` when the year has none."""
    if value is None:
        return NO_DATA_TEXT
    if value.number is not None:
        return figure_text(value.number, measure)
    if value.keyword is not None:
        return KEYWORD_TEXT[value.keyword]
    if value.pending is not None:
        return value.pending
    if value.by:
        return " ".join(f"{part_text(part, measure)} ({cohort_name(cohort, names or {})})" for cohort, part in value.by.items())
    return NO_DATA_TEXT


def value_html(value: MeasureValue | None, measure: Measure, names: Names | None = None) -> Markup:
    """Like :func:`value_text`, with each part of a split on its own line."""
    if value is not None and value.by:
        return Markup(" ").join(
            Markup('<span class="cpd-split">{} ({})</span>').format(part_text(part, measure), cohort_name(cohort, names or {}))
            for cohort, part in value.by.items()
        )
    return escape(value_text(value, measure))


_COMPARISON = {
    Comparison.AT_LEAST: "At least",
    Comparison.AT_MOST: "No more than",
    Comparison.MORE_THAN: "More than",
    Comparison.LESS_THAN: "Less than",
    Comparison.EXACTLY: "Exactly",
}


def target_text(target: Target, measure: Measure) -> str:
    """``No more than 20% (DfE)``: the target as it was set (its own decimal places)."""
    text = f"{_COMPARISON[target.comparison]} {number_text(target.value, measure.unit)}"
    return f"{text} ({target.source})" if target.source else text


def change_text(change: Change | None, measure: Measure) -> str:
    """``Up 3 points (better)``, ``Down £7,000``, ``No change``; empty when there is nothing to compare."""
    if change is None:
        return ""
    if change.direction == Direction.NO_CHANGE:
        return "No change"
    places = measure.decimals
    amount = abs(change.difference)
    rounded = round(amount, 2 if places is None else places)
    if measure.unit == Unit.PERCENT:
        size = f"{fmt.number(rounded, places)} point{'s' if rounded != 1 else ''}"
    else:
        size = number_text(rounded, measure.unit, places)
    text = f"{change.direction.capitalize()} {size}"
    return f"{text} ({change.verdict})" if change.verdict else text
