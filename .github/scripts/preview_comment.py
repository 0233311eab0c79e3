#!/usr/bin/env python3
"""Write the data's problems on a pull request whose preview build failed its check.

Run by the "comment" job of .github/workflows/preview.yml, with the GitHub CLI
(``gh``) signed in by the job's token and, in the environment, GH_REPO,
RUN_ID, RUN_URL and PULL_REQUEST (its number). The comment starts with the
problems ``python3 build.py check`` listed, each as ``file:line:column`` and
what to change, in the same words as the publish workflow's issue
(publishing_issue.py); a failure that is not the data's says where to look.
Standard library only.
"""

from __future__ import annotations

import os
import sys

from publishing_issue import CHECK_STEP, failed_jobs, gh, job_log, problem_list, problems_in


def comment(problems: list[str], run_url: str) -> str:
    """The comment's text: the problem list first, or a pointer to the run when the check found none."""
    if problems:
        lines = problem_list(problems)
        lines[0] = lines[0].replace("so the site was not published", "so this change cannot be published yet")
        lines[-2] = "Change each in this pull request (in the browser editor, or in the files), and the preview checks again."
    else:
        lines = ["The preview build failed, but not on the data's check; the log says why.", ""]
    return "\n".join([*lines, f"[The preview run]({run_url})"]) + "\n"


def main() -> int:
    repo, run_id, run_url, number = os.environ["GH_REPO"], os.environ["RUN_ID"], os.environ["RUN_URL"], os.environ["PULL_REQUEST"]
    checks = [job for job in failed_jobs(repo, run_id) if CHECK_STEP in job.steps]
    problems = [item for job in checks for item in problems_in(job_log(repo, job.id))]
    gh("pr", "comment", number, "--repo", repo, "--body-file", "-", stdin=comment(problems, run_url))
    print(f"Commented {len(problems)} problem(s) on pull request #{number}.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
