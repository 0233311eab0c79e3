"""Rules for a report's words: the figures they quote, and template text left in them.

Run by the loader with the other rules, so ``check``, the build and the
preview report them, each at its place:

* every reference (``{{ measure:<id> }}``, ``{{ attendance:<figure> }}``, see
  :mod:`..views.references`) in a report's summary, objectives' evidence,
  follow-up notes, recommendations and narratives names a figure the data
  has; a figure not there yet is allowed in a draft only (the preview says
  so in the text), never in a report to be published;
* a report's ``headlines`` are measure ids (once every metrics file reads
  without problems);
* a report to be published holds none of the placeholder text that
  ``python3 build.py new report`` writes (:data:`PLACEHOLDERS`): a draft
  may, and ``new report`` writes drafts.
"""

from __future__ import annotations

from collections.abc import Iterator

from ..models.dataset import Dataset, content_key, origin
from ..models.reports import Report, Status
from ..problems import Problems, not_one_of
from ..sources.files import SourceFiles
from ..sources.yamlsource import YAML_SUFFIXES
from ..views.references import Reference, Unresolved, references, resolve

PLACEHOLDERS: tuple[str, ...] = (
    "One paragraph for the list of reports and the PDF cover.",
    "Write the introduction here",
    "A quote from someone who took part.",
    "Their role, their organisation",
    "Write this part here",
)
"""Text that ``new report`` writes for the editor to replace: a published report must not hold any of it."""


def _texts(report: Report) -> Iterator[tuple[tuple[str | int, ...], str]]:
    """Every text field of ``report`` that may quote a figure, with its path."""
    if report.summary:
        yield ("summary",), report.summary
    for key, update in report.objectives.items():
        yield ("objectives", key, "evidence"), update.evidence
    for key, follow in report.follow_ups.items():
        yield ("follow_ups", key, "note"), follow.note
    for index, recommendation in enumerate(report.recommendations):
        yield ("recommendations", index, "text"), recommendation.text


def _label(path: tuple[str | int, ...]) -> str:
    return ".".join(f"[{p + 1}]" if isinstance(p, int) else p for p in path).replace(".[", "[")


def _metrics_whole(dataset: Dataset) -> bool:
    """Whether every metrics file was read without problems (otherwise some measures are unknown for now)."""
    files = [path for path in (dataset.data_dir / "metrics").glob("*") if path.suffix in YAML_SUFFIXES]
    return len(files) <= len(dataset.metrics) and all(area.valid("measures") for area in dataset.metrics.values())


def _reference_problems(text: str, report: Report, dataset: Dataset, markdown: bool = False) -> Iterator[tuple[int, str]]:
    """(offset, message) for each reference in ``text`` that names no figure (or, in a report to publish, none yet).

    While a metrics file has problems of its own, its measures are unknown: a
    reference to one is then not a problem of the report's (the file's problems
    say what to fix); likewise a figure from an attendance file that has problems.
    """
    metrics_whole = _metrics_whole(dataset)
    on_disk = {f"attendance/{path.name}" for path in (dataset.data_dir / "attendance").glob("*.csv")}
    attendance_whole = on_disk <= set(dataset.attendance)
    for reference in references(text, markdown):
        try:
            resolve(reference, report, dataset)
        except Unresolved as error:
            if (error.missing and report.status == Status.DRAFT) or (error.unknown_measure and not metrics_whole):
                continue
            if error.missing and not attendance_whole and _counted(reference, dataset):
                continue  # an attendance file has problems of its own: its figures are not known until they are fixed
            after = "; a draft may quote it before the data has it (status: draft)" if error.missing else ""
            yield reference.start, f"{reference.source}: {error}{after}"


def _counted(reference: Reference, dataset: Dataset) -> bool:
    """Whether ``reference`` quotes a figure counted from an attendance file (directly, or through a computed measure)."""
    if reference.kind == "attendance":
        return True
    found = dataset.measure_by_id.get(reference.parts[0]) if reference.kind == "measure" and reference.parts else None
    return found is not None and found[1].computed is not None


def _placeholders(text: str) -> Iterator[tuple[int, str]]:
    for phrase in PLACEHOLDERS:
        start = text.find(phrase)
        if start >= 0:
            yield (
                start,
                f"{phrase!r} is the new report template's placeholder; replace it with the report's own words before it is published (or keep status: draft)",
            )


def _position(text: str, offset: int) -> tuple[int, int]:
    line = text.count("\n", 0, offset) + 1
    return line, offset - (text.rfind("\n", 0, offset) + 1) + 1


def report_words(dataset: Dataset, files: SourceFiles, problems: Problems) -> None:
    """Every rule above, over every report."""
    for report in dataset.reports:
        where = origin(report)
        publish = report.status != Status.DRAFT
        if _metrics_whole(dataset):
            for index, measure_id in enumerate(report.headlines):
                if measure_id not in dataset.measure_by_id:
                    mark = where.at("headlines", index)
                    problems.add(
                        where.path,
                        mark.line,
                        mark.column,
                        "headlines: " + not_one_of("a measure id", measure_id, sorted(dataset.measure_by_id)),
                    )
        for path, text in _texts(report):
            mark = where.at(*path)
            found = list(_reference_problems(text, report, dataset))
            if publish:
                found += list(_placeholders(text))
            for _, message in found:
                problems.add(where.path, mark.line, mark.column, f"{_label(path)}: {message}")
        for _, relative in report.narratives():
            narrative = dataset.content_dir / relative
            if not narrative.is_file() or not narrative.resolve().is_relative_to(dataset.content_dir.resolve()):
                continue  # the report's own rules say so
            words = dataset.markdown.get(content_key(relative))
            if words is None:
                continue  # the content rules say why
            found = list(_reference_problems(words, report, dataset, markdown=True))
            if publish:
                found += list(_placeholders(words))
            for offset, message in sorted(found):
                line, column = _position(words, offset)
                problems.add(files.display(narrative), line, column, f"in the {report.year} report: {message}")
