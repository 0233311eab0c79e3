"""Rules for ``data/reports/``: the baseline and period fit the year, sections have different ids and name metrics
areas that exist, narratives are Markdown files under content/, the attendance file exists.

(The figures a report's words quote, and text left from the template, are :mod:`.references`.)
"""

from __future__ import annotations

from ..models.common import slugify
from ..problems import not_one_of, quote
from .base import Rules


class ReportRules(Rules):
    """The annual reports."""

    def check(self) -> None:
        for report in self.d.reports:
            if not report.valid("year", "baseline", "period"):
                continue
            first, baseline = report.year.start, report.baseline.start
            if baseline > first:
                self.add(
                    report,
                    ("baseline",),
                    f"baseline: {report.baseline} is after the report's year ({report.year}); the baseline is the first year shown, so it must be {report.year} or earlier",
                )
            if report.period.end <= report.period.start:
                self.add(report, ("period", "end"), f"period.end: {report.period.end} is not after period.start ({report.period.start})")
            elif report.period.start.year not in (first, first + 1) and report.period.end.year not in (first, first + 1):
                self.add(
                    report, ("period", "start"), f"period: {report.period.start} to {report.period.end} is outside the year {report.year}"
                )
            ids: dict[str, int] = {}
            for index, section in enumerate(report.sections):
                section_id = section.id or slugify(section.title)
                if section_id in ids:
                    self.add(
                        report,
                        ("sections", index, "id" if section.id else "title"),
                        f"sections: two sections would both be called {quote(section_id)}; give one an 'id:'",
                    )
                ids.setdefault(section_id, index)
                if section.metrics and section.metrics not in self.d.metrics and not self.unread("area", section.metrics):
                    self.add(
                        report,
                        ("sections", index, "metrics"),
                        "metrics: " + not_one_of("a metrics area in data/metrics/", section.metrics, sorted(self.d.metrics)),
                    )
                if section.content:
                    self.content_file(report, ("sections", index, "content"), section.content)
            for path, relative in report.narratives():
                if path[0] != "sections":  # the introduction and the report's parts (sections are checked above)
                    self.content_file(report, path, relative)
            if report.attendance and report.valid("attendance") and report.attendance not in self.d.attendance:
                exists = (self.d.data_dir / report.attendance).is_file()
                available = sorted(self.d.attendance)
                if not exists:
                    self.add(
                        report, ("attendance",), "attendance: " + not_one_of("an attendance file under data/", report.attendance, available)
                    )
