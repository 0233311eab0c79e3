"""``new event`` as an editor uses it: answers read as meant, checked when given, and never lost.

The answers are typed into the real command (a process of its own, as the
editor runs it), stopped the ways people stop it: Ctrl+C, the end of the
input, the terminal closing (SIGTERM), a "no" at the end. Reading answers in
words is tested on the example's own choices.
"""

from __future__ import annotations

import datetime as dt
import os
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
import yaml

from conftest import NOW, ROOT, file_size_limit, problems, run_cli
from partnership.core.load import load_dataset
from partnership.core.models.dataset import Dataset
from partnership.edit.answers import read_date, read_times, time_range
from partnership.edit.choices import Choices, read_choices
from partnership.edit.event import FORMAT_WORDS, SERVICE_CHOICES, SERVICE_WORDS, stage_choices

TODAY = dt.date.fromisoformat(NOW[:10])


@pytest.fixture(scope="module")
def example() -> Dataset:
    return load_dataset(ROOT / "data", ROOT / "content")


def items(dataset: Dataset, framework_id: str) -> Choices:
    framework = dataset.frameworks[framework_id]
    short = framework.short_name or framework.id.upper()
    return Choices([(f"{framework.id}:{i.id}", f"{short} {i.number} {i.title}") for i in framework.items])


# ---------------------------------------------------------------- answers read as people mean them


@pytest.mark.parametrize(
    "answer",
    ["5 and 7", "PCF 5 and 7", "pcf 5, pcf 7", "5 & 7", "knowledge and skills and interventions", "Knowledge, Skills and Interventions"],
)
def test_a_list_in_words_names_every_choice(example: Dataset, answer: str) -> None:
    reading = read_choices(answer, items(example, "pcf"), many=True)
    assert reading.problem is None and reading.picked == ["pcf:knowledge", "pcf:skills-interventions"], reading


def test_numbers_in_words_are_the_choices_numbered_not_a_label_that_holds_them(example: Dataset) -> None:
    """ "2 and 3" once became "Early career social worker (years 2 and 3)", the one label that held those words."""
    labelled = [
        (value, f"{label} (years 2 and 3)" if value == "early-career" else label)
        for value, label in stage_choices(example, dt.date(2027, 10, 4), ["children", "adults"])
    ]
    stages = Choices(labelled)
    assert read_choices("2 and 3", stages, many=True).picked == ["nqsw-asye", "nqsw-ecdp"]
    assert read_choices(stages.by_value["early-career"].label, stages, many=True).picked == ["early-career"]
    assert read_choices("early career", stages, many=True).picked == ["early-career"]


def test_a_label_with_and_in_it_is_one_choice(example: Dataset) -> None:
    reading = read_choices("values and ethics and knowledge", items(example, "pcf"), many=True)
    assert reading.picked == ["pcf:values-ethics", "pcf:knowledge"], reading


def test_numbers_after_a_framework_name_are_its_numbers_not_ten(example: Dataset) -> None:
    kss = items(example, "kss-cf")
    assert read_choices("KSS (children) 1", kss, many=True).picked == ["kss-cf:relationships-direct-work"]
    assert read_choices("1 and 10", kss, many=True).picked == ["kss-cf:relationships-direct-work", "kss-cf:organisational-context"]


@pytest.mark.parametrize("answer", ["children's and adults'", "both", "Children and families, adults", "all", "child and family and adult"])
def test_services_in_words(answer: str) -> None:
    reading = read_choices(answer, Choices(SERVICE_CHOICES, SERVICE_WORDS), many=True)
    assert reading.picked == ["children", "adults"], reading


@pytest.mark.parametrize(
    ("answer", "meant"), [("face to face", "in-person"), ("Teams", "online"), ("blended", "hybrid"), ("on demand", "self-paced")]
)
def test_other_words_for_a_format(answer: str, meant: str) -> None:
    from partnership.core.models.events import FORMAT_NAMES

    assert read_choices(answer, Choices(list(FORMAT_NAMES.items()), FORMAT_WORDS), many=False).picked == [meant]


def test_an_answer_that_could_be_several_lists_them_all(example: Dataset) -> None:
    stages = Choices(stage_choices(example, dt.date(2027, 10, 4), ["children", "adults"]))
    reading = read_choices("newly qualified", stages, many=True)
    assert reading.picked == [] and reading.suggestion is None
    assert "'newly qualified' could be 2 choices: 2. Newly qualified social worker (ASYE)" in (reading.problem or "")
    assert "3. Newly qualified social worker (ECDP) (from 1 September 2027) (nqsw-ecdp)" in (reading.problem or "")


def test_a_suggestion_keeps_the_whole_answer(example: Dataset) -> None:
    """The issue's "PCF 5 and 7" once became the one suggestion pcf:knowledge: a suggestion now says the whole answer."""
    reading = read_choices("values, knowlege and 7", items(example, "pcf"), many=True)
    assert reading.suggestion == ["pcf:values-ethics", "pcf:knowledge", "pcf:skills-interventions"], reading
    assert "'knowlege' is not one of the choices. Did you mean pcf:knowledge?" in (reading.problem or "")
    assert "The whole answer would then be: PCF 2 Values and Ethics, PCF 5 Knowledge, PCF 7 Skills and Interventions." in (
        reading.problem or ""
    )


def test_one_choice_only_where_one_is_asked() -> None:
    from partnership.core.models.events import TYPE_NAMES

    assert read_choices("workshop and webinar", Choices(list(TYPE_NAMES.items())), many=False).problem == "Choose one only."


@pytest.mark.parametrize(
    ("answer", "said"),
    [
        ("9.30 till 1", "9:30am to 1pm (1 read as 13:00)"),
        ("9:30-4:30", "9:30am to 4:30pm (4:30 read as 16:30)"),
        ("1-4", "1pm to 4pm (1 read as 13:00 and 4 read as 16:00)"),
        ("9.30am-12.30pm", "9:30am to 12:30pm"),
        ("09:30-16:30", "9:30am to 4:30pm"),
        ("9:30-12:30pm", "9:30am to 12:30pm"),
    ],
)
def test_times_are_read_as_meant_and_said_back(answer: str, said: str) -> None:
    start, end, note = read_times(answer)
    assert time_range(start, end) + note == said


def test_a_time_on_the_24_hour_clock_is_not_moved() -> None:
    with pytest.raises(ValueError, match="the end must be after the start"):
        read_times("16:30-9:30")
    with pytest.raises(ValueError, match="there is no hour 25"):
        read_times("9:00-25:00")


@pytest.mark.parametrize(
    ("answer", "day", "note"),
    [
        ("3rd March", dt.date(2027, 3, 3), " (no year was given: 2027, the next 3 March)"),
        ("Wed 14th April", dt.date(2027, 4, 14), " (no year was given: 2027, the next 14 April)"),
        ("14/04/2027", dt.date(2027, 4, 14), ""),
        ("2027-04-14", dt.date(2027, 4, 14), ""),
    ],
)
def test_a_date_without_its_year_says_which_year_it_took(answer: str, day: dt.date, note: str) -> None:
    assert read_date(answer, TODAY) == (day, note)


@pytest.mark.parametrize(
    ("answer", "why"),
    [
        ("31/04/2027", "'31/04/2027' is not a real date: April has 30 days."),
        ("31 April 2027", "'31 April 2027' is not a real date: April has 30 days."),
        ("2027-04-31", "'2027-04-31' is not a real date: April has 30 days."),
        ("29/02/2027", "'29/02/2027' is not a real date: February 2027 has 28 days (2027 is not a leap year)."),
    ],
)
def test_an_impossible_date_says_why_in_the_form_it_was_written(answer: str, why: str) -> None:
    with pytest.raises(ValueError) as refused:
        read_date(answer, TODAY)
    assert str(refused.value) == why


def test_stages_are_offered_where_they_exist_and_labelled_with_their_dates(example: Dataset) -> None:
    june = [value for value, _ in stage_choices(example, dt.date(2027, 6, 3), ["children"])]
    assert "nqsw-asye" in june and "nqsw-ecdp" not in june
    october = dict(stage_choices(example, dt.date(2027, 10, 4), ["children"]))
    assert "nqsw-asye" not in october, "the ECDP has taken over in children's services"
    assert october["nqsw-ecdp"] == "Newly qualified social worker (ECDP) (from 1 September 2027)"
    both = dict(stage_choices(example, dt.date(2027, 10, 4), ["children", "adults"]))
    assert both["nqsw-asye"] == "Newly qualified social worker (ASYE) (in children's services until 31 August 2027)"
    assert "nqsw-ecdp" not in dict(stage_choices(example, dt.date(2027, 10, 4), ["adults"]))


# ---------------------------------------------------------------- never an answer lost


FIRST_ANSWERS = [
    "Court Skills Refresher",
    "Giving evidence with confidence.",
    "",
    "workshop",
    "1",
    "online",
    "3rd June 2027",
    "9.30 till 1",
    "n",
]


class Typing:
    """``new event`` running in a process of its own, answered a line at a time; its output read as it comes."""

    def __init__(self, project: Path, *args: str):
        env = dict(os.environ, PARTNERSHIP_ROOT=str(project), PARTNERSHIP_NOW=NOW)
        self.process = subprocess.Popen(
            [sys.executable, "-m", "partnership.cli", "new", "event", *args],
            cwd=project,
            env=env,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
        )
        self.output = b""
        self.reader = threading.Thread(target=self._read, daemon=True)
        self.reader.start()

    def _read(self) -> None:
        assert self.process.stdout is not None
        while chunk := os.read(self.process.stdout.fileno(), 4096):
            self.output += chunk

    @property
    def text(self) -> str:
        return self.output.decode("utf-8", "replace")

    def type(self, *lines: str) -> None:
        assert self.process.stdin is not None
        for line in lines:
            self.process.stdin.write((line + "\n").encode())
        self.process.stdin.flush()

    def wait_for(self, text: str, timeout: float = 120) -> None:
        """Until ``text`` is printed (a guard against a hang, not a speed bound)."""
        deadline = time.monotonic() + timeout
        while text not in self.text:
            assert self.process.poll() is None or text in self.text, self.text
            assert time.monotonic() < deadline, self.text
            time.sleep(0.05)

    def finish(self) -> int:
        code = self.process.wait(timeout=120)
        self.reader.join(timeout=30)
        return code


def drafts_of(project: Path) -> list[Path]:
    return sorted((project / "data/drafts").glob("*.yml")) if (project / "data/drafts").is_dir() else []


@pytest.mark.slow
def test_ctrl_c_offers_to_keep_the_answers_and_resume_asks_only_the_rest(project: Path) -> None:
    typing = Typing(project)
    typing.type(*FIRST_ANSWERS)
    typing.wait_for("For which services?")
    typing.wait_for("Numbers or names")
    typing.process.send_signal(signal.SIGINT)
    typing.wait_for("Keep your 7 answers as a draft, to finish later? [Y/n]")  # title to the sessions (no venue online)
    typing.type("")
    assert typing.finish() == 1
    assert "Stopped before the end." in typing.text
    [draft] = drafts_of(project)
    assert f"Saved your answers in data/drafts/{draft.name} (never published)." in typing.text
    answers = yaml.safe_load(draft.read_text())["answers"]
    assert answers["title"] == "Court Skills Refresher" and answers["sessions"] == [["2027-06-03T09:30", "2027-06-03T13:00"]]
    # The data stays valid and publishable; check names the draft.
    checked = run_cli(project, "check")
    assert checked.returncode == 0, checked.stderr
    assert f"1 unfinished draft in data/drafts/ ({draft.name}): never published; finish with python3 build.py new event --resume" in (
        checked.stdout
    )
    # Resumed, only the questions not yet answered are asked.
    again = Typing(project, "--resume")
    again.type("children", "newly qualified", "", "", "", "5", "", "", "", "y")
    assert again.finish() == 0, again.text
    for asked in ("Title", "What type of event", "Who runs it?", "Date of the session"):
        assert asked not in again.text, asked
    assert "Finishing the draft" in again.text and "For which services?" in again.text
    written = yaml.safe_load((project / "data/events/2027-28/court-skills-refresher-2027-06.yml").read_text())
    assert written["audience"] == ["nqsw-asye"] and written["frameworks"] == ["pcf:knowledge"]
    assert drafts_of(project) == [], "the draft is gone once the event is written"
    assert problems(project) == []


@pytest.mark.slow
@pytest.mark.parametrize("how", ["SIGTERM", "SIGHUP", "end of input"])
def test_stopped_with_nobody_to_answer_the_answers_are_kept_without_asking(project: Path, how: str) -> None:
    typing = Typing(project)
    typing.type(*FIRST_ANSWERS)
    typing.wait_for("For which services?")
    typing.wait_for("Numbers or names")
    if how == "end of input":
        assert typing.process.stdin is not None
        typing.process.stdin.close()
    else:
        typing.process.send_signal(getattr(signal, how))
    assert typing.finish() == 1
    assert "Keep your" not in typing.text
    [draft] = drafts_of(project)
    assert yaml.safe_load(draft.read_text())["answers"]["answered"][-1] == "cpd_hours"
    assert problems(project) == []


@pytest.mark.slow
def test_a_no_at_the_end_keeps_the_answers_if_asked_to(project: Path) -> None:
    typing = Typing(project)
    typing.type(*FIRST_ANSWERS, "both", "2", "", "", "", "", "", "", "", "")
    typing.wait_for("? [Y/n]: ")
    typing.type("n")
    typing.wait_for("Keep your")
    typing.type("y")
    assert typing.finish() == 1
    assert "Nothing was written." in typing.text
    assert len(drafts_of(project)) == 1
    assert not list((project / "data/events").rglob("court-skills-refresher*"))


#: Every question new event asks: a draft with all of them answered goes straight to the check.
ANSWERED = ["title", "summary", "description", "type", "provider", "format", "venue", "sessions", "cpd_hours", "services"]
ANSWERED += ["audience", "capacity", "booking", "cost", "frameworks", "tags", "id"]


def court_skills_draft(project: Path, audience: str) -> Path:
    """A draft of new event in data/drafts/, every question answered: an online workshop on 3 June 2027 for ``audience``."""
    folder = project / "data/drafts"
    folder.mkdir()
    answers = {
        "title": "Court Skills Refresher",
        "type": "workshop",
        "provider": "riverside-children",
        "format": "online",
        "sessions": [["2027-06-03T09:30", "2027-06-03T13:00"]],
        "services": ["children"],
        "audience": [audience],
        "frameworks": ["pcf:knowledge"],
        "id": "court-skills-refresher-2027-06",
        "answered": ANSWERED,
    }
    draft = folder / "event-court-skills.yml"
    draft.write_text(yaml.safe_dump({"kind": "event", "saved": "2026-11-20T10:00", "answers": answers}))
    return draft


@pytest.mark.slow
def test_a_later_rule_asks_again_only_the_answers_it_names(project: Path) -> None:
    """A draft answered before the data changed (here: the ECDP stage for an event in June 2027) is fixed by one answer."""
    court_skills_draft(project, "nqsw-ecdp")
    typing = Typing(project, "--resume")
    typing.type("newly qualified", "y")
    assert typing.finish() == 0, typing.text
    assert "audience: 'nqsw-ecdp': this event starts on 2027-06-03, but the stage 'Newly qualified social worker (ECDP)' exists" in (
        typing.text
    )
    assert "Asking again: audience. Your other answers are kept." in typing.text
    after = typing.text.split("Asking again")[1]
    assert after.count("Numbers or names") == 1 and "Title" not in after and "Date of the session" not in after
    written = yaml.safe_load((project / "data/events/2027-28/court-skills-refresher-2027-06.yml").read_text())
    assert written["audience"] == ["nqsw-asye"]
    assert problems(project) == []


@pytest.mark.slow
@pytest.mark.parametrize("limit", [1_000, 300], ids=["room-for-the-draft", "no-room-at-all"])
def test_a_full_disk_keeps_the_answers_or_says_to_copy_them(project: Path, limit: int) -> None:
    """The event's file cannot be written (every write fails past ``limit`` bytes, as on a full disk): nothing is
    half written, and the answers are kept as a draft when it fits, or the editor is told to copy them from the screen."""
    draft = court_skills_draft(project, "nqsw-asye")
    before = {p: p.read_bytes() for p in (project / "data").rglob("*") if p.is_file()}

    result = subprocess.run(
        [sys.executable, "-m", "partnership.cli", "new", "event", "--resume"],
        input="y\n\n",
        cwd=project,
        env=dict(os.environ, PARTNERSHIP_ROOT=str(project), PARTNERSHIP_NOW=NOW),
        capture_output=True,
        text=True,
        timeout=600,
        preexec_fn=file_size_limit(limit),
    )
    assert result.returncode == 1, result.stderr
    assert "Not written: File too large. Every data file is as it was before." in result.stdout
    assert not (project / "data/events/2027-28/court-skills-refresher-2027-06.yml").exists()
    assert not [p for p in (project / "data").rglob(".*") if p.is_file()], "no temporary file is left"
    if limit == 300:
        assert "The draft could not be saved either (File too large). Copy your answers from this window" in result.stdout
        assert {p: p.read_bytes() for p in (project / "data").rglob("*") if p.is_file()} == before
    else:
        assert "Saved your answers in data/drafts/event-court-skills.yml (never published)." in result.stdout
        assert yaml.safe_load(draft.read_text())["answers"]["title"] == "Court Skills Refresher"
