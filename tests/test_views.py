"""The computed views (core/views/): the numbers and states every page and file is made from.

Views hold numbers and states, never text for people: a share of bookings is
a Decimal, a booking state is a reason and a date. These tests read them
directly, so that a change in a rule shows up here before it shows up on a page.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from pathlib import Path

import pytest
import yaml

from conftest import NOW_INSTANT, ROOT, copy_project, load
from partnership.core.html.context import RenderContext
from partnership.core.models.attendance import AttendanceRow, AttendanceTable
from partnership.core.models.metrics import Measure
from partnership.core.outputs.documents import Documents
from partnership.core.outputs.pdf import report_html
from partnership.core.views.attendance import appendix, percent
from partnership.core.views.events import event_view
from partnership.core.views.reports import MET, NO_DATA, NOT_MET, change, judge, measure_table, report_view, years_between
from partnership.core.views.strategy import recommendation_histories


@pytest.mark.parametrize(
    ("part", "whole", "share"),
    [(1, 8, "12.50"), (2, 3, "66.67"), (1, 3, "33.33"), (1, 800, "0.13"), (3, 800, "0.38"), (288, 500, "57.60"), (5, 5, "100.00")],
)
def test_shares_of_bookings_round_half_up_to_two_decimals(part: int, whole: int, share: str) -> None:
    assert percent(part, whole) == Decimal(share)


def test_a_share_of_no_bookings_is_none() -> None:
    assert percent(0, 0) is None


def test_the_appendix_rows_and_totals() -> None:
    dataset = load(ROOT)
    partner = dataset.partners[0].id
    rows = (
        AttendanceRow("not-an-event", partner, booked=10, attended=7, cancelled=2, no_show=1),
        AttendanceRow("not-an-event", "other", booked=4, attended=1, cancelled=0, no_show=3),
    )
    extra = appendix(AttendanceTable("2025-26", "attendance/test.csv", rows), dataset)
    assert [f.key for f in extra.by_partner] == [p.id for p in dataset.partners] + ["other", "unknown"]
    first = extra.by_partner[0]
    assert (first.bookings, first.attended, first.non_attendance) == (10, 7, 3)
    assert (first.attendance_percent, first.cancelled_percent, first.no_show_percent) == (
        Decimal("70.00"),
        Decimal("20.00"),
        Decimal("10.00"),
    )
    assert extra.by_partner[-1].attendance_percent is None  # Unknown: no bookings
    assert (extra.overall.bookings, extra.overall.attended) == (14, 8)
    assert extra.overall.attendance_percent == Decimal("57.14")
    assert extra.by_type == []  # no booking names a catalogue event: a table by type would repeat the overall row


def measure(values: dict, target: dict | None = None, better: str = "higher", unit: str = "percent") -> Measure:
    return Measure.model_validate({"id": "m", "name": "M", "unit": unit, "better": better, "target": target, "values": values})


def test_a_target_is_judged_on_the_latest_year_with_figures() -> None:
    years = years_between("2021-22", "2024-25")
    assert years == ["2021-22", "2022-23", "2023-24", "2024-25"]
    target = {"comparison": ">=", "value": 75}
    assert judge(measure({"2021-22": 80, "2022-23": 70}, target), years).status == NOT_MET
    judged = judge(measure({"2021-22": 70, "2023-24": 75, "2024-25": "unknown"}, target), years)
    assert (judged.status, judged.year) == (MET, "2023-24")
    assert judge(measure({"2024-25": {"by": {"BA": 80, "MSW": 74}}}, target), years).status == NOT_MET  # every part must meet it
    assert judge(measure({"2024-25": "n/a"}, target), years).status == NO_DATA
    assert judge(measure({"2024-25": 1}), years) is None  # no target, no status


def test_the_change_into_the_latest_year() -> None:
    years = ["2023-24", "2024-25", "2025-26"]
    up = change(measure({"2024-25": 57.6, "2025-26": 61.84}), years)
    assert (up.direction, up.verdict, round(up.difference, 2)) == ("up", "better", 4.24)
    assert change(measure({"2024-25": 10, "2025-26": 12}, better="lower"), years).verdict == "worse"
    assert change(measure({"2024-25": 10, "2025-26": 12}, better="neither"), years).verdict is None
    assert change(measure({"2024-25": 10, "2025-26": 10}), years).direction == "no change"
    assert change(measure({"2023-24": 10, "2025-26": 12}), years) is None  # the year before has no figure
    assert change(measure({"2024-25": {"by": {"A": 1, "B": 2}}, "2025-26": 3}), years) is None  # a split is not compared


def test_footnotes_are_numbered_in_reading_order() -> None:
    dataset = load(ROOT)
    area = next(iter(dataset.metrics.values()))
    table = measure_table(area, years_between("2017-18", "2025-26"))
    assert [note.number for note in table.footnotes] == list(range(1, len(table.footnotes) + 1))
    numbered = [number for row in table.rows for _, _, number in row.cells if number]
    assert numbered == [note.number for note in table.footnotes]


def test_follow_ups_are_placed_in_their_sections_or_with_the_report(tmp_path: Path) -> None:
    """A follow-up whose area the report has no section for goes with the general ones, on the page and in the PDF."""
    project = copy_project(tmp_path / "project")
    path = project / "data/reports/2025-26.yml"
    report = yaml.safe_load(path.read_text())
    report["sections"] = [s for s in report["sections"] if s.get("metrics") != "income"]
    path.write_text(yaml.safe_dump(report, sort_keys=False, allow_unicode=True))
    dataset = load(project)
    view = report_view(dataset.report("2025-26"), dataset)
    workforce = next(s for s in view.sections if s.section.metrics == "workforce")
    assert [h.recommendation.id for h, _ in workforce.follow_ups] == ["r2425-no-shows"]
    assert [h.recommendation.id for h, _ in view.general_follow_ups] == ["r2425-courses-income", "r2425-website"]
    context = RenderContext.build(dataset, NOW_INSTANT)
    html = report_html(Documents(context.views, context.charts), view.year)
    assert "Three courses were sold outside the partnership" in html
    assert "This website replaced the e-mailed PDFs" in html


def test_a_recommendation_without_a_word_in_a_later_report_says_so() -> None:
    dataset = load(ROOT)
    histories = {h.recommendation.id: h for h in recommendation_histories(dataset)}
    assert histories["r2425-website"].status == "Done"
    assert histories["r2526-cpd-attendance"].status == "Awaiting the next report"


def test_booking_states_are_reasons_and_dates() -> None:
    dataset = load(ROOT)
    event = next(e for e in dataset.events if e.sessions)
    now = dt.datetime(2026, 1, 1, tzinfo=NOW_INSTANT.tzinfo)

    def on(day: dt.date) -> dict:
        session = event.sessions[0].model_copy(
            update={"start": dt.datetime.combine(day, dt.time(9, 30)), "end": dt.datetime.combine(day, dt.time(12))}
        )
        return {"sessions": [session]}

    future = on(dt.date(2026, 6, 1))

    def state(**changes):
        view = event_view(event.model_copy(update={**future, **changes}), dataset, now)
        return view.booking.reason, view.booking.closed_on, view.booking.open

    assert state(status="cancelled") == ("cancelled", None, False)
    assert state(status="full") == ("full", None, False)
    assert state(status="scheduled", booking="https://book.example.org/", booking_closes=dt.date(2025, 12, 1)) == (
        "closed",
        dt.date(2025, 12, 1),
        False,
    )
    assert state(status="scheduled", booking="https://book.example.org/", booking_closes=None) == ("open", None, True)
    assert state(status="scheduled", booking=None, booking_closes=None)[0] == "by-email"
    assert event_view(event.model_copy(update=on(dt.date(2025, 6, 1))), dataset, now).booking.reason == "taken-place"


def test_every_event_type_has_a_type_of_cpd_my_cpd_offers() -> None:
    from partnership.core.models.events import EventType
    from partnership.core.views.mycpd import CPD_TYPES, EVENT_CPD_TYPES

    assert set(EVENT_CPD_TYPES) == set(EventType)
    assert set(EVENT_CPD_TYPES.values()) <= set(CPD_TYPES) and CPD_TYPES[-1] == "Other"
