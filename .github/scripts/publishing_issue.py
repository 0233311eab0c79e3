#!/usr/bin/env python3
"""Open, update or close the one issue that says publishing the site failed.

Run by the "report" job of .github/workflows/publish.yml after the test and
publish jobs, with the GitHub CLI (``gh``) signed in by the job's token
(``GH_TOKEN``) and these in the environment:

    GH_REPO   owner/name of the repository
    RUN_ID    the workflow run
    RUN_URL   the run's page
    EVENT     what started it: schedule, push or workflow_dispatch
    OUTCOME   failure (a job failed), success (the site was published), or
              anything else (nothing to say)

On failure, the problems ``python3 build.py check`` found (when the "Check
the data" step failed) come first, each as ``file:line:column`` and what to
change, before anything else; then the failed steps of the failed jobs and
the last lines of each failed job's log. All of it goes into a new issue titled TITLE with the label LABEL, or,
when one is already open, into a comment on it: one issue, however many
nights it goes on failing. On success, the open issue is closed with a
comment. Standard library only.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from dataclasses import dataclass

TITLE = "Publishing the site failed"
LABEL = "publishing-failed"
LABEL_COLOUR = "B60205"
TAIL_LINES = 80
TIMESTAMP = re.compile(r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z ", re.MULTILINE)
PROBLEM = re.compile(r"^(?:##\[error\])?((?:data|content)/[^\s:]+:\d+:\d+): (?!warning: )(.+)$")
"""A line of ``python3 build.py check``'s report: ``data/events/x.yml:4:1: what is wrong, and what to write``."""
CHECK_STEP = "Check the data"
WHY = {"schedule": "the nightly rebuild", "push": "a push to main", "workflow_dispatch": "a run started by hand"}


def gh(*args: str, stdin: str | None = None) -> str:
    result = subprocess.run(["gh", *args], input=stdin, capture_output=True, text=True)
    if result.returncode != 0:
        raise SystemExit(f"gh {' '.join(args[:3])} failed (exit status {result.returncode}):\n{result.stderr}")
    return result.stdout


@dataclass(frozen=True)
class FailedJob:
    id: int
    name: str
    steps: list[str]


def failed_jobs(repo: str, run_id: str) -> list[FailedJob]:
    listing = json.loads(gh("api", f"repos/{repo}/actions/runs/{run_id}/jobs?per_page=100"))
    return [
        FailedJob(job["id"], job["name"], [step["name"] for step in job.get("steps", []) if step.get("conclusion") == "failure"])
        for job in listing.get("jobs", [])
        if job.get("conclusion") == "failure"
    ]


def job_log(repo: str, job_id: int) -> str:
    """A job's whole log, without the timestamp GitHub puts before each line."""
    return TIMESTAMP.sub("", gh("api", f"repos/{repo}/actions/jobs/{job_id}/logs"))


def log_tail(repo: str, job_id: int, lines: int = TAIL_LINES) -> str:
    """The last ``lines`` lines of a job's log."""
    return "\n".join(job_log(repo, job_id).rstrip("\n").splitlines()[-lines:])


def problems_in(log: str) -> list[str]:
    """The problems ``check`` listed in a log, each once, in order, as Markdown list items: where (as code), then what to change."""
    found: list[str] = []
    for line in TIMESTAMP.sub("", log).splitlines():
        match = PROBLEM.match(line.strip())
        if match:
            item = f"- `{match.group(1)}`: {match.group(2).strip()}"
            if item not in found:
                found.append(item)
    return found


def problem_list(problems: list[str]) -> list[str]:
    """The first lines of an issue or comment about data problems: how many, the list, and what to do."""
    count = f"{len(problems)} problem{'s' if len(problems) != 1 else ''}"
    return [
        f"**The data has {count}, so the site was not published.** Each line gives the file, the line and the column, then what to change:",
        "",
        *problems,
        "",
        "Open each file at that line (in the browser editor at /admin/, or in the code host's editor), change it, and commit: "
        "the next run checks again and publishes. The site stays as it was last published meanwhile.",
        "",
    ]


def fenced(text: str) -> str:
    """``text`` in a Markdown code block that no run of backticks inside it can close."""
    longest = max((len(run) for run in re.findall(r"`+", text)), default=0)
    fence = "`" * max(3, longest + 1)
    return f"{fence}text\n{text}\n{fence}"


def report(jobs: list[FailedJob], tails: dict[int, str], run_url: str, event: str, problems: list[str] | None = None) -> str:
    """The issue's (or the comment's) text: the data's problems first, in plain words, when the check found any; then the jobs and their logs."""
    lines = problem_list(problems) if problems else []
    lines += [f"Publishing the site failed in [this run]({run_url}), started by {WHY.get(event, event)}.", ""]
    if not jobs:
        lines.append("No job reported a failed step; open the run for details.")
    for job in jobs:
        steps = ", ".join(f"**{step}**" for step in job.steps) or "no single step (the job itself failed or timed out)"
        lines += [f"Job **{job.name}** failed at {steps}. The end of its log:", "", fenced(tails.get(job.id, "")), ""]
    lines.append("The site stays as it was last published. This issue is closed by the next run that publishes.")
    return "\n".join(lines) + "\n"


def open_issue(repo: str) -> int | None:
    found = json.loads(gh("issue", "list", "--repo", repo, "--label", LABEL, "--state", "open", "--json", "number,title"))
    numbers = sorted(issue["number"] for issue in found if issue.get("title") == TITLE)
    return numbers[0] if numbers else None


def main() -> int:
    repo, run_id, run_url = os.environ["GH_REPO"], os.environ["RUN_ID"], os.environ["RUN_URL"]
    event, outcome = os.environ.get("EVENT", ""), os.environ.get("OUTCOME", "")
    if outcome == "failure":
        jobs = failed_jobs(repo, run_id)
        checks = [job for job in jobs if CHECK_STEP in job.steps]
        problems = [item for job in checks for item in problems_in(job_log(repo, job.id))]
        text = report(jobs, {job.id: log_tail(repo, job.id) for job in jobs}, run_url, event, problems)
        gh("label", "create", LABEL, "--repo", repo, "--force", "--color", LABEL_COLOUR, "--description", "The Publish workflow is failing")
        number = open_issue(repo)
        if number is None:
            gh("issue", "create", "--repo", repo, "--title", TITLE, "--label", LABEL, "--body-file", "-", stdin=text)
            print("Opened an issue: publishing failed.")
        else:
            gh("issue", "comment", str(number), "--repo", repo, "--body-file", "-", stdin=text)
            print(f"Publishing failed again: added to issue #{number}.")
    elif outcome == "success":
        number = open_issue(repo)
        if number is not None:
            gh("issue", "close", str(number), "--repo", repo, "--comment", f"[This run]({run_url}) published the site again.")
            print(f"Published again: closed issue #{number}.")
    else:
        print(f"Nothing to report (outcome: {outcome or 'none'}).")
    return 0


if __name__ == "__main__":
    sys.exit(main())
