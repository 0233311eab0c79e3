"""``python3 build.py check`` at N events: the first check (nothing kept) and every later one (each file parsed once).

    .venv/bin/python benchmarks/check.py            # N = 3000
    .venv/bin/python benchmarks/check.py 10000 --repeats 5

The project is :mod:`catalogue`'s: the example data with N generated events.
Each run is the whole command in a fresh process. **first**: ``.cache/parsed/``
deleted before it, as after a fresh clone; **later**: what the run before
kept, the check people run while they edit (issue 28's goal: under 1 s at
3,000 events). The two alternate, five times each; medians. The load average
is printed, and the table is marked not to be recorded unless it was under 1.
"""

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
from pathlib import Path

from catalogue import make_site
from common import Session, alternate, cli, site_env, timed, wait_for_quiet

GOAL = 1.0


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description="Time python3 build.py check at N events, first and later.")
    parser.add_argument("events", nargs="?", type=int, default=3000, help="number of events (default: 3000)")
    parser.add_argument("--repeats", type=int, default=5)
    parser.add_argument("--wait", type=float, default=0, help="minutes to wait for a quiet machine first")
    args = parser.parse_args(argv)
    wait_for_quiet(args.wait)
    session = Session()
    with tempfile.TemporaryDirectory(prefix="bench-check-") as temporary:
        project = make_site(Path(temporary), args.events)
        env = site_env(project)

        def first() -> float:
            shutil.rmtree(project / ".cache", ignore_errors=True)
            return timed(cli("check"), project, env)

        def later() -> float:
            return timed(cli("check"), project, env)

        medians = alternate({"first": first, "later": later}, args.repeats)
    session.end()
    print(session.header(f"python3 build.py check, medians of {args.repeats} alternating runs"))
    print("| events | first check (nothing kept) | later checks | goal |")
    print("|---:|---:|---:|---:|")
    print(f"| {args.events:,} | {medians['first']:.2f} s | {medians['later']:.2f} s | under {GOAL:g} s at 3,000 |")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
