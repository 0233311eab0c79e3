"""The publish workflow's failure path: one issue opened, added to, and closed, by .github/scripts/publishing_issue.py.

The script runs here as the "report" job runs it, with a stand-in ``gh``
first on the PATH that answers from a small fake GitHub (a JSON file: the
run's jobs, their logs, the open issues) and records what it was asked to
do. The workflow's own wiring of the job is checked by zizmor and
actionlint (tests/test_lint.py) and below.
"""

from __future__ import annotations

import json
import os
import re
import stat
import subprocess
import sys
import textwrap
from pathlib import Path

import yaml

from conftest import ROOT, run_cli

SCRIPT = ROOT / ".github/scripts/publishing_issue.py"
FAKE_GH = textwrap.dedent(
    """\
    #!{python}
    import json, sys
    from pathlib import Path
    state_file = Path({state!r})
    state = json.loads(state_file.read_text())
    args = sys.argv[1:]
    stdin = sys.stdin.read() if "-" in args else None
    state["calls"].append({{"args": args, "stdin": stdin}})
    state_file.write_text(json.dumps(state))
    if args[0] == "api" and args[1].endswith("/logs"):
        print(state["logs"][args[1].split("/")[-2]])
    elif args[0] == "api":
        print(json.dumps({{"jobs": state["jobs"]}}))
    elif args[:2] == ["issue", "list"]:
        print(json.dumps(state["issues"]))
    """
)
LOG = "\n".join(f"2026-12-02T03:20:{n % 60:02d}.1234567Z line {n}" for n in range(200)) + "\n2026-12-02T03:21:00.0000000Z ```not a fence"
JOBS = [
    {
        "id": 11,
        "name": "Test",
        "conclusion": "failure",
        "steps": [{"name": "Set up job", "conclusion": "success"}, {"name": "Every test", "conclusion": "failure"}],
    },
    {"id": 12, "name": "Build and publish", "conclusion": "skipped", "steps": []},
]


def run_report(tmp_path: Path, outcome: str, issues: list[dict]) -> tuple[subprocess.CompletedProcess[str], list[dict]]:
    state = tmp_path / "github.json"
    state.write_text(json.dumps({"calls": [], "jobs": JOBS, "logs": {"11": LOG}, "issues": issues}))
    fake = tmp_path / "bin/gh"
    fake.parent.mkdir(exist_ok=True)
    fake.write_text(FAKE_GH.format(python=sys.executable, state=str(state)))
    fake.chmod(fake.stat().st_mode | stat.S_IEXEC)
    env = dict(
        os.environ,
        PATH=f"{fake.parent}{os.pathsep}{os.environ['PATH']}",
        GH_REPO="rdtp/site",
        RUN_ID="4242",
        RUN_URL="https://github.com/rdtp/site/actions/runs/4242",
        EVENT="schedule",
        OUTCOME=outcome,
    )
    result = subprocess.run([sys.executable, str(SCRIPT)], env=env, capture_output=True, text=True, timeout=60)
    return result, json.loads(state.read_text())["calls"]


def test_a_failed_night_opens_an_issue_with_the_failing_step_and_its_log(tmp_path: Path) -> None:
    result, calls = run_report(tmp_path, "failure", [])
    assert result.returncode == 0, result.stderr
    create = next(call for call in calls if call["args"][:2] == ["issue", "create"])
    assert create["args"][create["args"].index("--title") + 1] == "Publishing the site failed"
    assert create["args"][create["args"].index("--label") + 1] == "publishing-failed"
    body = create["stdin"]
    assert "started by the nightly rebuild" in body and "https://github.com/rdtp/site/actions/runs/4242" in body
    assert "Job **Test** failed at **Every test**" in body
    assert "line 199" in body and "line 121" in body and "line 120\n" not in body, "the last 80 lines of the log"
    assert "2026-12-02T03:20" not in body, "without GitHub's timestamps"
    assert "````text\n" in body, "a fence longer than the backticks in the log"
    assert any(call["args"][:2] == ["label", "create"] for call in calls)


def test_a_second_failure_adds_to_the_open_issue(tmp_path: Path) -> None:
    result, calls = run_report(tmp_path, "failure", [{"number": 7, "title": "Publishing the site failed"}])
    assert result.returncode == 0, result.stderr
    assert not any(call["args"][:2] == ["issue", "create"] for call in calls)
    comment = next(call for call in calls if call["args"][:2] == ["issue", "comment"])
    assert comment["args"][2] == "7" and "Every test" in comment["stdin"]


def test_a_run_that_publishes_closes_the_issue(tmp_path: Path) -> None:
    result, calls = run_report(tmp_path, "success", [{"number": 7, "title": "Publishing the site failed"}])
    assert result.returncode == 0, result.stderr
    close = next(call for call in calls if call["args"][:2] == ["issue", "close"])
    assert close["args"][2] == "7" and "published the site again" in close["args"][-1]


def test_nothing_happens_when_all_is_well_or_the_run_was_skipped(tmp_path: Path) -> None:
    for outcome, issues in (("success", []), ("skipped", [{"number": 7, "title": "Publishing the site failed"}])):
        result, calls = run_report(tmp_path, outcome, issues)
        assert result.returncode == 0, result.stderr
        assert not [call for call in calls if call["args"][0] != "issue" or call["args"][1] != "list"], outcome


def test_the_workflow_reports_after_every_run_and_keeps_its_schedule() -> None:
    """The report job runs after the others whatever they did, with issues: write on it alone; the keep-alive re-enables the workflow."""
    workflow = yaml.safe_load((ROOT / ".github/workflows/publish.yml").read_text())
    jobs = workflow["jobs"]
    report = jobs["report"]
    assert set(report["needs"]) == set(jobs) - {"report", "keepalive"}
    assert report["if"] == "${{ !cancelled() }}"
    assert "python3 .github/scripts/publishing_issue.py" in report["steps"][-1]["run"]
    assert [name for name, job in jobs.items() if job.get("permissions", {}).get("issues") == "write"] == ["report"]
    assert workflow["permissions"] == {}, "no permission unless a job asks for it"
    keepalive = jobs["keepalive"]
    assert keepalive["permissions"] == {"actions": "write"}
    assert "actions/workflows/publish.yml/enable" in keepalive["steps"][0]["run"]
    assert workflow[True]["schedule"], "YAML 1.1 reads the key 'on' as True"


# ---------------------------------------------------------------- the data's problems first


def _github_log(text: str) -> str:
    """``text`` as GitHub keeps a step's log: each line after a timestamp, the step's command first."""
    lines = [
        "##[group]Run python3 build.py check",
        "python3 build.py check",
        "##[endgroup]",
        *text.splitlines(),
        "##[error]Process completed with exit code 1.",
    ]
    return "\n".join(f"2026-12-07T03:18:{n % 60:02d}.0000000Z {line}" for n, line in enumerate(lines)) + "\n"


def _broken_check(project: Path) -> str:
    """What ``python3 build.py check`` prints for a commit with a misspelt field and a date without a time."""
    event = project / "data/events/2026-27/annual-conference-2026.yml"
    event.write_text(event.read_text().replace("title:", "titel:").replace("{start: 2026-06-18T09:00,", "{start: 2026-06-18,"))
    result = run_cli(project, "check")
    assert result.returncode == 1
    return result.stdout + result.stderr


def _run(script: Path, tmp_path: Path, state: dict, **env: str) -> tuple[subprocess.CompletedProcess[str], list[dict]]:
    path = tmp_path / "github.json"
    path.write_text(json.dumps({"calls": [], "issues": [], **state}))
    fake = tmp_path / "bin/gh"
    fake.parent.mkdir(exist_ok=True)
    fake.write_text(FAKE_GH.format(python=sys.executable, state=str(path)))
    fake.chmod(fake.stat().st_mode | stat.S_IEXEC)
    environment = dict(
        os.environ,
        PATH=f"{fake.parent}{os.pathsep}{os.environ['PATH']}",
        GH_REPO="rdtp/site",
        RUN_ID="4242",
        RUN_URL="https://github.com/rdtp/site/actions/runs/4242",
        **env,
    )
    result = subprocess.run([sys.executable, str(script)], env=environment, capture_output=True, text=True, timeout=60)
    return result, json.loads(path.read_text())["calls"]


CHECK_FAILED = [
    {
        "id": 21,
        "name": "Check the data",
        "conclusion": "failure",
        "steps": [{"name": "Set up job", "conclusion": "success"}, {"name": "Check the data", "conclusion": "failure"}],
    },
    {"id": 22, "name": "Test", "conclusion": "skipped", "steps": []},
]


def test_a_broken_commit_opens_an_issue_whose_first_lines_are_the_problems(project: Path, tmp_path: Path) -> None:
    printed = _broken_check(project)
    result, calls = _run(SCRIPT, tmp_path, {"jobs": CHECK_FAILED, "logs": {"21": _github_log(printed)}}, EVENT="push", OUTCOME="failure")
    assert result.returncode == 0, result.stderr
    body = next(call for call in calls if call["args"][:2] == ["issue", "create"])["stdin"].splitlines()
    assert (
        body[0]
        == "**The data has 3 problems, so the site was not published.** Each line gives the file, the line and the column, then what to change:"
    )
    assert body[1] == ""
    assert re.fullmatch(r"- `data/events/2026-27/annual-conference-2026\.yml:\d+:\d+`: .*titel.*", body[2]), body[2]
    assert body[3] == "- `data/events/2026-27/annual-conference-2026.yml:4:1`: title is missing; add a line 'title: …' here"
    assert re.fullmatch(r"- `data/events/2026-27/annual-conference-2026\.yml:\d+:\d+`: .*date without a time.*", body[4]), body[4]
    assert body[5] == ""
    log_starts = next(n for n, line in enumerate(body) if line.startswith("```"))
    assert log_starts > 5, "the problems come before any log"
    assert "##[error]" not in "\n".join(body[:6]) and "2026-12-07T03:18" not in "\n".join(body)


def test_a_broken_pull_request_gets_a_comment_with_the_problems(project: Path, tmp_path: Path) -> None:
    printed = _broken_check(project)
    jobs = [{"id": 31, "name": "Build the site", "conclusion": "failure", "steps": [{"name": "Check the data", "conclusion": "failure"}]}]
    script = ROOT / ".github/scripts/preview_comment.py"
    result, calls = _run(script, tmp_path, {"jobs": jobs, "logs": {"31": _github_log(printed)}}, PULL_REQUEST="15")
    assert result.returncode == 0, result.stderr
    comment = next(call for call in calls if call["args"][:2] == ["pr", "comment"])
    assert comment["args"][2] == "15"
    lines = comment["stdin"].splitlines()
    assert lines[0].startswith("**The data has 3 problems, so this change cannot be published yet.**")
    assert lines[2].startswith("- `data/events/2026-27/annual-conference-2026.yml:") and "titel" in lines[2]


def test_the_data_is_checked_before_anything_else_and_the_tests_never_see_bad_data() -> None:
    publish = yaml.safe_load((ROOT / ".github/workflows/publish.yml").read_text())["jobs"]
    assert next(iter(publish)) == "check"
    assert [step.get("name") for step in publish["check"]["steps"]][-1] == "Check the data"
    assert publish["check"]["steps"][-1]["run"] == "python3 build.py check"
    assert publish["test"]["needs"] == "check", "the suite runs only on data that passed the check"
    preview = yaml.safe_load((ROOT / ".github/workflows/preview.yml").read_text())["jobs"]
    names = [step.get("name") for step in preview["build"]["steps"]]
    assert names.index("Check the data") < names.index("Build the site")
    assert preview["comment"]["if"] == "${{ failure() }}" and preview["comment"]["permissions"]["pull-requests"] == "write"
    assert [name for name, job in preview.items() if job.get("permissions", {}).get("pull-requests") == "write"] == ["comment"]
