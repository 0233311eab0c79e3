"""A fast check (issue 28, deliverable 2): each file parsed once, kept by its content in .cache/parsed/; only what a command needs imported.

What parsing gave (a YAML file's data and where each value was written; the
HTML Markdown makes of a description or page) is kept by a hash of the bytes
read, so an unchanged file is never parsed again, in this process or the next;
a changed file is; a file with a mistake is never kept, so its messages are
made afresh. A planted cache file can make no object but plain data.
"""

from __future__ import annotations

import dataclasses
import pickle
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import ROOT
from partnership.core.load import loader
from partnership.core.problems import DataError
from partnership.core.rules import markdown as markdown_rules
from partnership.core.sources import kept


class Counted:
    """Counts the YAML files parsed and the Markdown texts read by the loader and the rules."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch):
        self.yaml: list[str] = []
        self.markdown = 0
        parse, read = loader.load_yaml, markdown_rules.bounded_map

        def counted_parse(text, shown, problems):  # type: ignore[no-untyped-def]
            self.yaml.append(shown)
            return parse(text, shown, problems)

        def counted_read(work, items, seconds):  # type: ignore[no-untyped-def]
            self.markdown += len(items)
            return read(work, items, seconds)

        monkeypatch.setattr(loader, "load_yaml", counted_parse)
        monkeypatch.setattr(markdown_rules, "bounded_map", counted_read)

    def reset(self) -> None:
        self.yaml, self.markdown = [], 0


def new_process() -> None:
    """Forget what this process keeps in memory, as a new command would: only .cache/parsed/ is left."""
    kept._STORES.clear()


def load(project: Path) -> loader.Dataset:
    return loader.load_dataset(project / "data", project / "content")


def test_an_unchanged_file_is_never_parsed_again_and_a_changed_one_is(project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    counted = Counted(monkeypatch)
    new_process()
    first = load(project)
    files = len(counted.yaml)
    assert files > 30 and counted.markdown > 20, "a first check parses every file and reads every text"
    assert list((project / ".cache/parsed").glob("*.pickle")), "and keeps what it found"

    counted.reset()
    new_process()
    again = load(project)
    assert (counted.yaml, counted.markdown) == ([], 0), "the next command parses nothing: every file is as it was"
    same = [f.name for f in dataclasses.fields(first) if f.name != "refs"]  # refs: an index worked out from the frameworks
    assert [getattr(again, name) for name in same] == [getattr(first, name) for name in same], "the same dataset, value for value"
    assert [str(w) for w in again.warnings] == [str(w) for w in first.warnings]

    event = project / "data/events/2026-27/young-carers-2026-12.yml"
    event.write_text(event.read_text().replace("title: ", "title: Renamed ", 1))
    counted.reset()
    new_process()
    changed = load(project)
    assert counted.yaml == ["data/events/2026-27/young-carers-2026-12.yml"], "only the changed file is parsed"
    assert next(e for e in changed.events if e.id == "young-carers-2026-12").title.startswith("Renamed ")

    description = event.read_text().replace("description: |\n", "description: |\n  A new first paragraph.\n\n", 1)
    event.write_text(description)
    counted.reset()
    load(project)  # the same process: what is kept in memory serves too
    assert counted.yaml == ["data/events/2026-27/young-carers-2026-12.yml"] and counted.markdown == 1


def test_a_file_with_a_mistake_is_parsed_and_reported_every_time(project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    counted = Counted(monkeypatch)
    event = project / "data/events/2026-27/young-carers-2026-12.yml"
    event.write_text(event.read_text() + "tags: [one, two\n")
    reports = []
    for _ in range(2):
        counted.reset()
        new_process()
        with pytest.raises(DataError) as raised:
            load(project)
        reports.append(raised.value.report())
        assert "data/events/2026-27/young-carers-2026-12.yml" in counted.yaml
    assert reports[0] == reports[1] and "young-carers-2026-12.yml:" in reports[0]


def test_a_planted_cache_file_makes_nothing_but_plain_data(project: Path, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """.cache/parsed/ is read with an unpickler that refuses every class but dates and the source map's: a planted file
    that would run a command is ignored (everything is parsed again), never run."""
    new_process()
    load(project)
    (kept_file,) = (project / ".cache/parsed").glob("*.pickle")
    witness = tmp_path / "ran"

    class Exploit:
        def __reduce__(self):  # type: ignore[no-untyped-def]
            return (subprocess.call, (["touch", str(witness)],))

    entries = pickle.loads(kept_file.read_bytes())
    entries = {key: pickle.dumps(Exploit()) for key in entries}
    kept_file.write_bytes(pickle.dumps(entries))
    counted = Counted(monkeypatch)
    new_process()
    assert load(project).events
    assert not witness.exists(), "nothing in the cache is run"
    assert len(counted.yaml) > 30, "every file is parsed again instead"

    kept_file.write_bytes(pickle.dumps(Exploit()))
    new_process()
    assert load(project).events and not witness.exists()

    kept_file.unlink()
    kept_file.symlink_to("/dev/zero")  # read whole, it would never end
    new_process()
    assert load(project).events, "a kept file that is not an ordinary file is never read"


def test_check_imports_only_what_it_needs() -> None:
    """Reading the command line does not import the interview behind ``new`` (edit/new.py, edit/event.py)."""
    code = (
        "import sys\nfrom partnership import cli\nargs = cli.command(['check'])\n"
        "print(sorted(m for m in sys.modules if m.startswith('partnership.edit.') and m not in "
        "('partnership.edit.arguments',)))"
    )
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "[]", result.stdout
