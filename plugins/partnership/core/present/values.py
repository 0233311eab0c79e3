"""Report figures written for people: ``47%``, ``1,382``, ``139.62``, ``£125,370``.

Keywords and pending text are shown as written (``Unknown``, ``N/A``, ``Data
available in 2023``); a split value reads ``94% (BA) 100% (MSW)``; targets
read ``No more than 20% (DfE)``.
"""

from __future__ import annotations

from decimal import Decimal

from markupsafe import Markup, escape

from ..models.metrics import MeasureValue, Target
from ..views.reports import Change
from . import format as fmt

KEYWORD_TEXT = {"unknown": "Unknown", "n/a": "N/A"}
NO_DATA_TEXT = "No data"
NO_SHARE_TEXT = "–"
"""A percentage of nothing (no bookings), in tables and CSVs."""


def share_text(share: Decimal | None) -> str:
    """A share of bookings as the appendix prints it: ``57.60%``; ``–`` when there were no bookings."""
    return NO_SHARE_TEXT if share is None else f"{share}%"


def number_text(number: float, unit: str) -> str:
    if unit == "percent":
        return f"{fmt.number(number)}%"
    if unit == "gbp":
        text = fmt.number(number, 0 if float(number).is_integer() else 2)
        return f"−£{text[1:]}" if text.startswith("-") else f"£{text}"
    return fmt.number(number)


def part_text(part: float | str, unit: str) -> str:
    return number_text(part, unit) if isinstance(part, float) else KEYWORD_TEXT.get(part, part)


def value_text(value: MeasureValue | None, unit: str) -> str:
    """One year's value as the report shows it; ``No data`` when the year has none."""
    if value is None:
        return NO_DATA_TEXT
    if value.number is not None:
        return number_text(value.number, unit)
    if value.keyword is not None:
        return KEYWORD_TEXT[value.keyword]
    if value.pending is not None:
        return value.pending
    if value.by:
        return " ".join(f"{part_text(part, unit)} ({cohort})" for cohort, part in value.by.items())
    return NO_DATA_TEXT


def value_html(value: MeasureValue | None, unit: str) -> Markup:
    """Like :func:`value_text`, with each part of a split on its own line."""
    if value is not None and value.by:
        return Markup(" ").join(
            Markup('<span class="cpd-split">{} ({})</span>').format(part_text(part, unit), cohort) for cohort, part in value.by.items()
        )
    return escape(value_text(value, unit))


_COMPARISON = {">=": "At least", "<=": "No more than", ">": "More than", "<": "Less than", "==": "Exactly"}


def target_text(target: Target, unit: str) -> str:
    """``No more than 20% (DfE)``"""
    text = f"{_COMPARISON[target.comparison]} {number_text(target.value, unit)}"
    return f"{text} ({target.source})" if target.source else text


def change_text(change: Change | None, unit: str) -> str:
    """``Up 3 points (better)``, ``Down £7,000``, ``No change``; empty when there is nothing to compare."""
    if change is None:
        return ""
    if change.direction == "no change":
        return "No change"
    amount = abs(change.difference)
    size = f"{fmt.number(round(amount, 2))} point{'s' if amount != 1 else ''}" if unit == "percent" else number_text(round(amount, 2), unit)
    text = f"{change.direction.capitalize()} {size}"
    return f"{text} ({change.verdict})" if change.verdict else text
