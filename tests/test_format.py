"""Numbers, dates and report values written for people (core/present/format.py and values.py)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from partnership.core.models.metrics import Measure, MeasureValue, Target
from partnership.core.present import format as fmt
from partnership.core.present.values import change_text, number_text, share_text, target_text, value_html, value_text
from partnership.core.views.reports import Change


@pytest.mark.parametrize(
    ("value", "text"),
    [(1382, "1,382"), (139.62, "139.62"), (4.1, "4.1"), (4.0, "4"), (0, "0"), (-7000, "-7,000"), (1234567.5, "1,234,567.5")],
)
def test_numbers(value: float, text: str) -> None:
    assert fmt.number(value) == text


def test_numbers_to_fixed_decimals() -> None:
    assert fmt.number(57.6, 2) == "57.60"
    assert fmt.number(125370, 0) == "125,370"
    # rounded half up from the number as written, never binary floating point's nearest (2.67, 61.84, 0)
    assert fmt.number(2.675, 2) == "2.68"
    assert fmt.number(61.845, 2) == "61.85"
    assert fmt.number(0.5, 0) == "1"
    assert fmt.number(-1.25, 1) == "-1.3"
    assert fmt.number(1234.5, 0) == "1,235"


@pytest.mark.parametrize(("value", "text"), [(1, "1 hour"), (1.5, "1.5 hours"), (6, "6 hours"), (2.333333, "2.33 hours"), (None, "")])
def test_hours(value: float | None, text: str) -> None:
    assert fmt.hours(value) == text


def test_dates_and_times_as_govuk_writes_them() -> None:
    start = dt.datetime(2026, 3, 4, 9, 30)
    assert fmt.date(start) == "4 March 2026"
    assert fmt.day(start) == "Wednesday 4 March 2026"
    assert fmt.short_day(start) == "Wed 4 Mar 2026"
    assert fmt.time(start) == "9:30am"
    assert fmt.time(dt.time(12, 0)) == "12pm"
    assert fmt.time(dt.time(0, 15)) == "12:15am"
    assert fmt.time(dt.time(17, 0)) == "5pm"
    assert fmt.session(start, start.replace(hour=16, minute=30)) == "Wednesday 4 March 2026, 9:30am to 4:30pm"
    overnight = fmt.session(start.replace(hour=20, minute=0), dt.datetime(2026, 3, 5, 2, 0))
    assert overnight == "Wednesday 4 March 2026, 8pm to Thursday 5 March 2026, 2am"


@pytest.mark.parametrize(
    ("days", "text"),
    [
        ([(2026, 1, 21)], "21 January 2026"),
        ([(2026, 1, 21), (2026, 1, 28)], "21 to 28 January 2026"),
        ([(2026, 1, 21), (2026, 2, 4)], "21 January to 4 February 2026"),
        ([(2026, 12, 9), (2027, 1, 13)], "9 December 2026 to 13 January 2027"),
    ],
)
def test_spans_of_sessions(days: list[tuple[int, int, int]], text: str) -> None:
    assert fmt.span([dt.datetime(*day, 9, 30) for day in days]) == text


def test_counts_lists_and_sizes() -> None:
    assert fmt.plural(1, "event") == "1 event"
    assert fmt.plural(3000, "event") == "3,000 events"
    assert fmt.plural(2, "entry", "entries") == "2 entries"
    assert fmt.join(["a"]) == "a"
    assert fmt.join(["a", "b"]) == "a and b"
    assert fmt.join(["a", "", "b", "c"]) == "a, b and c"
    assert fmt.filesize(900) == "900 bytes"
    assert fmt.filesize(29 * 1024 + 100) == "29 KB"
    assert fmt.filesize(1288490) == "1.2 MB"


@pytest.mark.parametrize(
    ("number", "unit", "text"),
    [(57.6, "percent", "57.6%"), (125370, "gbp", "£125,370"), (-7000, "gbp", "−£7,000"), (1.5, "gbp", "£1.50"), (1382, "count", "1,382")],
)
def test_values_in_their_units(number: float, unit: str, text: str) -> None:
    assert number_text(number, unit) == text


def measure(unit: str, decimals: int | None = None) -> Measure:
    return Measure(id="m", name="M", unit=unit, better="higher", decimals=decimals)


PERCENT, COUNT, GBP = measure("percent"), measure("count"), measure("gbp")


def test_a_years_value_as_the_report_shows_it() -> None:
    assert value_text(None, PERCENT) == "No data"
    assert value_text(MeasureValue(number=47.0), PERCENT) == "47%"
    # the statistical symbols of government statistics, explained under every table
    assert value_text(MeasureValue(keyword="unknown"), COUNT) == "[x]"
    assert value_text(MeasureValue(keyword="n/a"), COUNT) == "[z]"
    assert value_text(MeasureValue(keyword="suppressed"), COUNT) == "[c]"
    assert value_text(MeasureValue(pending="Data available in 2023"), COUNT) == "Data available in 2023"
    split = MeasureValue(by={"BA": 94.0, "MSW": 100.0})
    assert value_text(split, PERCENT) == "94% (BA) 100% (MSW)"
    assert str(value_html(split, PERCENT)) == '<span class="cpd-split">94% (BA)</span> <span class="cpd-split">100% (MSW)</span>'
    assert str(value_html(MeasureValue(pending="<b>soon</b>"), COUNT)) == "&lt;b&gt;soon&lt;/b&gt;"


def test_a_partners_part_is_shown_by_its_name() -> None:
    split = MeasureValue(by={"riverside-children": 34.0, "BA": 2.0})
    names = {"riverside-children": "Riverside Children's Services"}
    assert value_text(split, COUNT, names) == "34 (Riverside Children's Services) 2 (BA)"
    assert "riverside-children" not in str(value_html(split, COUNT, names))


def test_decimals_fix_every_years_places() -> None:
    two = measure("percent", decimals=2)
    assert [value_text(MeasureValue(number=n), two) for n in (57.6, 61.84, 60.0)] == ["57.60%", "61.84%", "60.00%"]
    assert value_text(MeasureValue(number=57.6), PERCENT) == "57.6%", "as written without decimals"
    assert value_text(MeasureValue(number=1200.0), measure("gbp", decimals=2)) == "£1,200.00"
    assert value_text(MeasureValue(by={"BA": 94.25}), measure("percent", decimals=1)) == "94.3% (BA)"
    assert change_text(Change("2024-25", "2025-26", 4.24, "up", "better"), two) == "Up 4.24 points (better)"
    assert change_text(Change("2024-25", "2025-26", 4.0, "up", "better"), measure("percent", decimals=1)) == "Up 4.0 points (better)"


def test_targets_and_changes() -> None:
    assert target_text(Target(comparison="<=", value=20, source="DfE"), PERCENT) == "No more than 20% (DfE)"
    assert target_text(Target(comparison=">=", value=160), COUNT) == "At least 160"
    assert change_text(None, PERCENT) == ""
    assert change_text(Change("2024-25", "2025-26", 3.0, "up", "better"), PERCENT) == "Up 3 points (better)"
    assert change_text(Change("2024-25", "2025-26", -1.0, "down", None), PERCENT) == "Down 1 point"
    assert change_text(Change("2024-25", "2025-26", -7000.0, "down", "worse"), GBP) == "Down £7,000 (worse)"
    assert change_text(Change("2024-25", "2025-26", 0.0, "no change", None), COUNT) == "No change"


def test_shares_of_bookings() -> None:
    assert share_text(Decimal("57.60")) == "57.60%"
    assert share_text(Decimal("100.00")) == "100.00%"
    assert share_text(None) == "–"
