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
import stat
import subprocess
import sys
import textwrap
from pathlib import Path

import yaml

from conftest import ROOT

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
