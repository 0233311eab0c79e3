"""What editors read when the data is wrong, or probably wrong: YAML errors at the right place, root causes first, warnings.

Each case breaks a real file in a copy of the example data and reads the
message as ``python3 build.py check`` prints it.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import ROOT, problems, run_cli
from partnership.core.load import load_dataset
from partnership.core.models.events import Event
from partnership.core.models.frameworks import Framework
from partnership.core.models.importing import ImportSettings
from partnership.core.models.metrics import MetricsArea
from partnership.core.models.partners import Partner
from partnership.core.models.pathways import Stage
from partnership.core.models.reports import Report
from partnership.core.models.site import Site
from partnership.core.models.strategy import LogicModel
from partnership.core.problems import DataError, Problems
from partnership.core.sources.yamlsource import load_yaml

E = "data/events/2026-27/young-carers-2026-12.yml"


def edit(project: Path, relative: str, old: str, new: str) -> None:
    path = project / relative
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


# (name, old text, new text, expected start of the message at its place)
YAML_CASES = [
    (
        "a missing colon is reported on its own line, not the next",
        "summary: Young carers",
        "summary Young carers",
        "5:8: this is not valid YAML: line 5 has no colon after its field name; write summary: Young carers",
    ),
    (
        "an unclosed quote at the end of the file is reported where it opens",
        "tags: [carers]\nadded: 2026-10-19\n",
        'tags: [carers]\nadded: 2026-10-19\nstatus_note: "Moved online\n',
        '23:14: this is not valid YAML: the quote " that starts this value on line 23 is never closed; end the value with " on line 23',
    ),
    (
        "an unclosed quote in the middle is reported where it opens, not at the next quote",
        "title: Supporting Young Carers\nsummary: Young",
        'title: "Supporting Young Carers\nsummary: "Young',
        '4:8: this is not valid YAML: the quote " that starts this value is not closed on line 4, so YAML reads on to the next " (line 5); '
        'end the value with " on line 4',
    ),
    (
        "a field indented too far is an indentation mistake, not a quoting one",
        "provider: carers-voice",
        "   provider: carers-voice",
        "11:4: this is not valid YAML: line 11 is indented more than line 10, so YAML reads it as part of the value of type; "
        "line up provider: with type: (at the start of the line)",
    ),
    (
        "a colon inside a value is a quoting mistake",
        "title: Supporting Young Carers",
        "title: Young Carers: what helps",
        '4:20: this is not valid YAML: a colon followed by a space inside a value; put the whole value in quotes, like title: "Young Carers: what helps"',
    ),
    (
        "a tab in the indentation",
        "  - {start: 2026-12-09T12:30",
        "\t- {start: 2026-12-09T12:30",
        "16:1: this is not valid YAML: line 16 starts with a tab character; indent with spaces only",
    ),
    (
        "an apostrophe inside single quotes",
        "title: Supporting Young Carers",
        "title: 'Carers' voices'",
        "4:15: this is not valid YAML: an apostrophe inside single quotes ends the value early",
    ),
    (
        "a list that is not closed",
        "audience: [nqsw-asye, early-career, experienced]",
        "audience: [nqsw-asye, early-career, experienced",
        "12:11: this is not valid YAML: the [ on line 12 is not closed; end it with ] on line 12",
    ),
    (
        "a value starting with @",
        "cost: Free",
        "cost: @free",
        '18:7: this is not valid YAML: a value cannot start with @; put the whole value in quotes, like cost: "@free"',
    ),
    (
        "no space after a colon",
        "status: scheduled",
        "status:scheduled",
        "19:8: this is not valid YAML: line 19 needs a space after its colon: write status: scheduled",
    ),
]


@pytest.mark.parametrize("name,old,new,expected", YAML_CASES, ids=[c[0] for c in YAML_CASES])
def test_yaml_errors_name_the_likely_line(project: Path, name: str, old: str, new: str, expected: str) -> None:
    edit(project, E, old, new)
    found = problems(project)
    assert any(p.startswith(f"{E}:{expected}") for p in found), "\n".join(found)


def test_a_yaml_error_shows_its_lines_with_a_caret(project: Path) -> None:
    edit(project, E, "summary: Young carers", "summary Young carers")
    result = run_cli(project, "check")
    assert result.returncode == 1
    assert (
        f"{E}:5:8: this is not valid YAML: line 5 has no colon after its field name; write summary: Young carers from Carers' Voice "
        "talk about what helped them, and what did not., or, if it carries on the value of line 4, join it to the end of line 4\n"
        "    3 |\n"
        "    4 | title: Supporting Young Carers\n"
        "  > 5 | summary Young carers from Carers' Voice talk about what helped them, and what did not.\n"
        "      |        ^\n"
        "    6 | description: |\n"
    ) in result.stderr


def test_the_root_cause_comes_first_and_follow_on_errors_are_held_back(project: Path) -> None:
    """Guard: without Unread, a broken partners.yml buries itself under every event's "not a partner id"."""
    edit(
        project,
        "data/partners.yml",
        "  name: Riverside Borough Council Children's Services",
        "  name Riverside Borough Council Children's Services",
    )
    result = run_cli(project, "check")
    assert result.returncode == 1
    lines = result.stderr.splitlines()
    assert lines[0].startswith("data/partners.yml:12:7: this is not valid YAML: line 12 has no colon after its field name"), lines[0]
    assert "is not a partner id" not in result.stderr
    assert "references in other files to what could not be read above are not checked until it can be." in result.stderr
    assert lines[-1] == "1 problem found; nothing was published."
    # one partner that fails validation holds back only the references to it
    edit(project, "data/partners.yml", "  name Riverside", "  name: Riverside")
    edit(project, "data/partners.yml", "kind: local-authority", "kind: council")
    found = problems(project)
    assert found[0].startswith("data/partners.yml:13:9: kind: 'council' is not allowed here"), found
    assert not [p for p in found if "'riverside-children' is not a partner id" in p], found


def test_a_syntax_error_comes_before_problems_in_files_sorted_earlier(project: Path) -> None:
    edit(
        project,
        "data/partners.yml",
        "  name: Riverside Borough Council Children's Services",
        "  name Riverside Borough Council Children's Services",
    )
    edit(project, E, "type: webinar", "type: webinr")
    found = problems(project)
    assert found[0].startswith("data/partners.yml:12:7:") and found[1].startswith(f"{E}:10:7: type: 'webinr'"), found


# (name, file, old, new, expected warning at its place)
WARNING_CASES = [
    (
        "a session years away from the others",
        E,
        "  - {start: 2026-12-09T12:30, end: 2026-12-09T13:30}",
        "  - {start: 2026-12-09T12:30, end: 2026-12-09T13:30}\n  - {start: 2062-12-16T12:30, end: 2062-12-16T13:30}",
        f"{E}:17:13: warning: sessions[2].start: 2062-12-16 is 13156 days from the event's other sessions (2026-12-09); "
        "is the year right? (did you mean 2026-12-16?)",
    ),
    (
        "sessions out of order",
        E,
        "  - {start: 2026-12-09T12:30, end: 2026-12-09T13:30}",
        "  - {start: 2026-12-09T12:30, end: 2026-12-09T13:30}\n  - {start: 2026-12-02T12:30, end: 2026-12-02T13:30}",
        f"{E}:17:13: warning: sessions[2].start: 2026-12-02T12:30 comes before session 1 (2026-12-09T12:30); "
        "list the sessions in date order (is a date mistyped?)",
    ),
    (
        "a percentage written as a fraction",
        "data/metrics/placements.yml",
        "      2025-26: 12\n",
        "      2025-26: 0.12\n",
        "data/metrics/placements.yml:22:16: warning: measures[2].values.2025-26: 0.12 looks like a fraction, "
        "but the other years are 14 to 22 percent; did you mean 12?",
    ),
    (
        "a children's framework on an adults-only event",
        E,
        "services: [children, adults]",
        "services: [adults]",
        f"{E}:20:14: warning: frameworks: 'kss-cf:4' is in KSS (children), which is for children's services, "
        "but this event is for adults' services only; check the services, or the framework",
    ),
    (
        "a value for a year far beyond the newest report",
        "data/metrics/placements.yml",
        "      2025-26: 12\n",
        "      2025-26: 12\n      2052-53: 13\n",
        "data/metrics/placements.yml:23:7: warning: measures[2].values: 2052-53 is 27 years after the newest report (2025-26); is the year right?",
    ),
]


@pytest.mark.parametrize("name,relative,old,new,expected", WARNING_CASES, ids=[c[0] for c in WARNING_CASES])
def test_likely_typos_are_warnings_that_never_fail_the_check(
    project: Path, name: str, relative: str, old: str, new: str, expected: str
) -> None:
    edit(project, relative, old, new)
    result = run_cli(project, "check")
    assert result.returncode == 0, result.stderr
    assert expected in result.stdout, result.stdout
    assert "1 warning: probably typing mistakes; the site is built anyway, so check each says what you meant:" in result.stdout


def test_warnings_are_printed_by_the_build_and_listed_with_problems(project: Path) -> None:
    relative, old, new, expected = WARNING_CASES[2][1:]
    edit(project, relative, old, new)
    built = run_cli(project, "build", "--no-pdf")
    assert built.returncode == 0, built.stderr
    assert expected in built.stdout
    edit(project, E, "type: webinar", "type: webinr")
    failed = run_cli(project, "check")
    assert failed.returncode == 1
    assert failed.stderr.index("1 problem found; nothing was published.") < failed.stderr.index(expected)


def test_the_example_data_has_no_warnings(project: Path) -> None:
    result = run_cli(project, "check")
    assert result.returncode == 0 and "warning" not in result.stdout, result.stdout


# ---------------------------------------------------------------- one mistake, one problem; dates explained

# What each data file is read as (the loader's models; this list only says which is which).
DATA_FILES: dict[str, tuple[str, type]] = {
    "site": ("site.yml", Site),
    "partners": ("partners.yml", Partner),
    "pathways": ("pathways.yml", Stage),
    "import": ("import.yml", ImportSettings),
    "events": ("events/**/*.yml", Event),
    "frameworks": ("frameworks/*.yml", Framework),
    "metrics": ("metrics/*.yml", MetricsArea),
    "reports": ("reports/*.yml", Report),
    "logic-model": ("logic-model/*.yml", LogicModel),
}


def _models(annotation: object) -> list[type]:
    """The pydantic models an annotation holds (``list[Session] | None`` → [Session])."""
    import typing

    from pydantic import BaseModel

    found, todo = [], [annotation]
    while todo:
        current = todo.pop()
        if isinstance(current, type) and issubclass(current, BaseModel):
            found.append(current)
        else:
            todo.extend(typing.get_args(current))
    return found


def _field_keys(data: object, model: type, path: tuple = ()) -> list[tuple]:
    """The place of every field name written in ``data`` (read as ``model``), nested models and mappings of them included."""
    if isinstance(data, list):
        return [key for index, entry in enumerate(data) for key in _field_keys(entry, model, (*path, index))]
    if not isinstance(data, dict):
        return []
    fields = {(f.alias or name): f for name, f in model.model_fields.items()}
    keys = []
    for name, value in data.items():
        if name not in fields:
            continue
        keys.append((*path, name))
        for inner in _models(fields[name].annotation)[:1]:
            names = {(f.alias or n) for n, f in inner.model_fields.items()}
            if isinstance(value, dict) and not set(value) & names:  # a mapping of models: a report's objectives by id
                keys += [key for k, v in value.items() for key in _field_keys(v, inner, (*path, name, k))]
            else:
                keys += _field_keys(value, inner, (*path, name))
    return keys


@pytest.mark.slow
@pytest.mark.parametrize("kind", sorted(DATA_FILES))
def test_a_misspelt_field_is_one_problem_in_every_model(kind: str) -> None:
    """Every field name of every model the example writes (nested ones too), misspelt: one problem, "did you mean", nothing else.

    A misspelt field is read as the one meant, so neither "title is missing" nor a rule of another file that missed it
    (an event mapped to an item of a framework whose 'items' was misspelt) adds a second problem for the same mistake.
    """
    pattern, model = DATA_FILES[kind]
    tried: set[tuple] = set()
    for path in sorted((ROOT / "data").glob(pattern)):
        text = path.read_text(encoding="utf-8")
        doc = load_yaml(text, path.name, Problems())
        for key_path in _field_keys(doc.data, model):
            shape = tuple(part if isinstance(part, str) and part in _names(model) else "*" for part in key_path)
            if shape in tried:
                continue
            tried.add(shape)
            mark = doc.where.key_at(key_path)
            lines = text.split("\n")
            line, key, at = lines[mark.line - 1], str(key_path[-1]), mark.column - 1
            assert line[at : at + len(key)] == key, (path, key_path)
            lines[mark.line - 1] = line[:at] + key + key[-1] + line[at + len(key) :]  # title → titlee
            try:
                load_dataset(ROOT / "data", ROOT / "content", overlay={path: "\n".join(lines)})  # read as if saved so
                found: list[str] = []
            except DataError as error:
                found = [str(p) for p in error.problems]
            where = f"{path.relative_to(ROOT).as_posix()}:{mark.line}:{mark.column}:"
            assert len(found) == 1 and found[0].startswith(where) and f"did you mean {key}?" in found[0], (key_path, found)
    assert len(tried) >= 3, tried


def _names(model: type) -> set[str]:
    names: set[str] = set()
    todo = [model]
    while todo:
        current = todo.pop()
        for name, field in current.model_fields.items():
            if (field.alias or name) not in names:
                names.add(field.alias or name)
                todo.extend(_models(field.annotation))
    return names


def test_a_misspelt_attendance_column_is_one_problem(project: Path) -> None:
    edit(project, "data/attendance/2025-26.csv", "event,partner,", "event,partnr,")
    assert problems(project) == [
        "data/attendance/2025-26.csv:1:7: column 'partnr' is not part of an attendance file (did you mean partner?); "
        "allowed columns: event, partner, booked, attended, cancelled, no_show"
    ]


def test_three_misspelt_fields_are_three_problems(project: Path) -> None:
    """The issue's count: 'titel:' and two more were "5 problems found"."""
    edit(project, E, "title: Supporting", "titel: Supporting")
    edit(project, E, "format: online", "fromat: online")
    edit(project, E, "  - {start: 2026-12-09T12:30, end:", "  - {start: 2026-12-09T12:30, ende:")
    result = run_cli(project, "check")
    assert result.returncode == 1
    assert result.stderr.splitlines()[-1] == "3 problems found; nothing was published.", result.stderr
    assert "did you mean title?" in result.stderr and "did you mean format?" in result.stderr and "did you mean end?" in result.stderr
    assert "is missing" not in result.stderr


DATE_CASES = [
    ("added: 2026-10-19", "added: 2027-04-31", "22:8: added: '2027-04-31' is not a real date: April has 30 days"),
    (
        "added: 2026-10-19",
        "added: 2027-02-29",
        "22:8: added: '2027-02-29' is not a real date: February 2027 has 28 days (2027 is not a leap year)",
    ),
    ("added: 2026-10-19", "added: 2026-13-01", "22:8: added: '2026-13-01' is not a real date: there is no month 13"),
    (
        "added: 2026-10-19",
        "added: 19/10/2026",
        "22:8: added: '19/10/2026' is not written as the data needs: write 2026-10-19 (year, month, day)",
    ),
    (
        "{start: 2026-12-09T12:30,",
        "{start: 2027-04-31T09:30,",
        "16:13: sessions[1].start: '2027-04-31T09:30' is not a real date: April has 30 days",
    ),
    (
        "{start: 2026-12-09T12:30,",
        "{start: 2026-12-09T25:30,",
        "16:13: sessions[1].start: '2026-12-09T25:30' is not a real time: there is no hour 25; hours run from 00 to 23",
    ),
    (
        "{start: 2026-12-09T12:30,",
        "{start: 09/12/2026 12.30pm,",
        "16:13: sessions[1].start: '09/12/2026 12.30pm' is not written as the data needs: write 2026-12-09T12:30 (year, month, day)",
    ),
    (
        "{start: 2026-12-09T12:30,",
        "{start: 31/04/2027 9:30,",
        "16:13: sessions[1].start: '31/04/2027 9:30' is not a real date: April has 30 days",
    ),
]


@pytest.mark.parametrize("old,new,expected", DATE_CASES, ids=[c[1] for c in DATE_CASES])
def test_an_impossible_or_misformatted_date_names_its_field_and_says_why(project: Path, old: str, new: str, expected: str) -> None:
    """Never "write it like 2026-03-04" to someone who wrote 2027-04-31: say what is wrong with the date, and name the field."""
    edit(project, E, old, new)
    found = problems(project)
    assert len(found) == 1 and found[0].startswith(f"{E}:{expected}"), found
    if new.split(": ", 1)[-1].startswith("20"):
        assert "write it like" not in found[0] and "YYYY-MM-DD" not in found[0], found
