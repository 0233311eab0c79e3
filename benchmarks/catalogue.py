"""Catalogue build benchmark: this site with N events against plain Material with N pages.

    .venv/bin/python benchmarks/catalogue.py            # N = 3000 and 10000
    .venv/bin/python benchmarks/catalogue.py 500 1000   # other sizes

For each N it makes two projects in a temporary folder and builds each in a
fresh process, timing the whole command and reading its peak memory:

* **site**: the example data with its events replaced by N generated ones
  (spread over four years, half past), built by the default command
  (``python -m partnership.cli build``, PDFs on): checking the data, every
  event, facet, archive, report and partner page, calendars, open data,
  charts, report and partner PDFs and toolkit files, publishing ``site/``;
  **cold** with an empty ``.cache/``, **warm** with the cache the cold build
  left (same data, same ``PARTNERSHIP_NOW``);
* **plain**: mkdocs-material with N one-paragraph pages kept out of the
  navigation (``not_in_nav``), built by ``mkdocs build``.

The builds alternate (site cold, plain, site warm, plain), five times each
(``--repeats``), and the medians are reported: on a shared two-core machine
single runs vary by a third, and alternating spreads a busy spell over both.
The machine's load average before and after is printed too.

Goals (issue 28): at N = 3000 the site takes at most 1.5 × the plain build
on a cold cache and at most 1.0 × on a warm one; N = 10000 takes at most
3.5 × N = 3000, with a peak memory under 2 GB. Results print as a Markdown
table for the README, under the load average: the figures may be recorded
only when it was under 1 (:mod:`common`).
"""

from __future__ import annotations

import argparse
import datetime as dt
import gzip
import os
import random
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from common import Session, wait_for_quiet

ROOT = Path(__file__).resolve().parents[1]
NOW = "2026-11-22T12:00"
STAGES = [
    "student",
    "nqsw-asye",
    "early-career",
    "experienced",
    "senior-practitioner",
    "practice-educator",
    "practice-supervisor",
    "team-manager",
    "principal-social-worker",
]
PARTNERS = [
    "riverside-children",
    "riverside-adults",
    "downsford-children",
    "downsford-adults",
    "university-of-riverside",
    "hartwell-council",
]
TYPES = ["workshop", "course", "conference", "twilight", "webinar", "action-learning-set", "programme", "research-hub", "network"]
FORMATS = ["in-person", "online", "hybrid"]
PCF = [f"pcf:{n}" for n in range(1, 10)]
KSS_ADULTS = [f"kss-adults:{n}" for n in range(1, 11)]
#: Children's statements in force on an event's day: the KSS until 31 March 2027, then the early career standards.
KSS_CF = [f"kss-cf:{n}" for n in range(1, 11)]
CF_EARLY_CAREER = [
    f"cf-early-career:{item}"
    for item in (
        "anti-discriminatory-practice",
        "relationships-communication",
        "assessment-planning",
        "intervention",
        "reflection-learning",
        "leadership-management",
    )
]
KSS_CF_ENDS = dt.datetime(2027, 4, 1)
ECDP_STARTS = dt.datetime(2027, 9, 1)
TAGS = ["peps", "practice-education", "asye", "retention", "supervision", "peer-reflection", "conference", "safeguarding"]
WORDS = [
    "assessment",
    "practice",
    "relationships",
    "supervision",
    "safeguarding",
    "reflection",
    "analysis",
    "law",
    "court",
    "family",
    "adults",
    "children",
    "capacity",
    "carers",
    "trauma",
    "leadership",
]


def make_site(folder: Path, count: int, seed: int = 1) -> Path:
    project = folder / "site-project"
    for part in ("data", "content", "theme", "mkdocs.yml"):
        source = ROOT / part
        (shutil.copytree if source.is_dir() else shutil.copy2)(source, project / part)
    shutil.rmtree(project / "data/events")
    (project / "data/import.yml").unlink(missing_ok=True)  # it maps example events by id
    events = project / "data/events"
    events.mkdir()
    rnd = random.Random(seed)
    start = dt.datetime(2025, 1, 6, 9, 30)
    for i in range(count):
        day = start + dt.timedelta(days=rnd.randrange(0, 4 * 365), hours=rnd.choice([0, 0, 3, 8]))
        end = day + dt.timedelta(hours=rnd.choice([1, 2, 3, 6]))
        title = " ".join(rnd.sample(WORDS, 3)).title()
        audience = rnd.sample(STAGES, rnd.randint(1, 3))
        services = rnd.choice(["children", "adults", "children, adults"])
        if services == "children" and day >= ECDP_STARTS:  # the ECDP takes over from the ASYE in children's services
            audience = ["nqsw-ecdp" if stage == "nqsw-asye" else stage for stage in audience]
        fmt = rnd.choice(FORMATS)
        lines = [
            f"title: {title} {i}",
            f"summary: A generated event about {' and '.join(rnd.sample(WORDS, 2))}.",
            "description: |",
            f"  Generated event number {i} for the benchmark.",
            "",
            f"  It covers {', '.join(rnd.sample(WORDS, 4))}.",
            f"type: {rnd.choice(TYPES)}",
            f"provider: {rnd.choice(PARTNERS)}",
            f"audience: [{', '.join(audience)}]",
            f"services: [{services}]",
            f"format: {fmt}",
        ]
        if fmt != "online":
            lines.append("venue: Riverside Civic Centre")
        lines.append(f"sessions: [{{start: {day:%Y-%m-%dT%H:%M}, end: {end:%Y-%m-%dT%H:%M}}}]")
        children = KSS_CF if day < KSS_CF_ENDS else CF_EARLY_CAREER  # each service's standards only for events in it
        refs = PCF + (children if "children" in services else []) + (KSS_ADULTS if "adults" in services else [])
        lines.append(f"frameworks: [{', '.join(rnd.sample(refs, 3))}]")
        lines.append(f"tags: [{', '.join(rnd.sample(TAGS, 2))}]")
        lines.append(f"added: {(day - dt.timedelta(days=40)):%Y-%m-%d}")
        (events / f"bench-event-{i:05d}.yml").write_text("\n".join(lines) + "\n")
    return project


def make_plain(folder: Path, count: int) -> Path:
    project = folder / "plain-project"
    docs = project / "docs"
    (docs / "events").mkdir(parents=True)
    (docs / "index.md").write_text("# Home\n\nA plain Material site.\n")
    for i in range(count):
        (docs / "events" / f"e{i:05d}.md").write_text(
            f"# Event {i}\n\nA one-paragraph page about event {i}, with a [link home](../index.md).\n"
        )
    (project / "mkdocs.yml").write_text(
        "site_name: Plain\ntheme:\n  name: material\n  font: false\nplugins:\n  - search\n"
        "nav:\n  - Home: index.md\nnot_in_nav: |\n  /events/\n"
    )
    return project


def timed(command: list[str], cwd: Path, env: dict[str, str]) -> tuple[float, float]:
    """Seconds and peak memory (MB) of a command run to completion in a fresh process."""
    started = time.perf_counter()
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    result = subprocess.run(command, cwd=cwd, env=env, capture_output=True, text=True)
    elapsed = time.perf_counter() - started
    if result.returncode != 0:
        raise SystemExit(f"{' '.join(command)} failed:\n{result.stdout}\n{result.stderr}")
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return elapsed, max(peak, before) / 1024


def measure(count: int, repeats: int = 5) -> dict[str, float]:
    with tempfile.TemporaryDirectory(prefix=f"bench-{count}-") as temporary:
        folder = Path(temporary)
        site = make_site(folder, count)
        plain = make_plain(folder, count)
        env = dict(os.environ, PARTNERSHIP_ROOT=str(site), PARTNERSHIP_NOW=NOW)
        command = [sys.executable, "-m", "partnership.cli", "build"]
        runs: dict[str, list[float]] = {"cold": [], "warm": [], "plain": []}
        site_mb = 0.0
        for _ in range(repeats):  # alternate, so a busy spell on the machine hits every kind of build
            shutil.rmtree(site / ".cache", ignore_errors=True)
            seconds, site_mb = timed(command, site, env)
            runs["cold"].append(seconds)
            runs["plain"].append(timed([sys.executable, "-m", "mkdocs", "build", "-q"], plain, dict(os.environ))[0])
            runs["warm"].append(timed(command, site, env)[0])
            runs["plain"].append(timed([sys.executable, "-m", "mkdocs", "build", "-q"], plain, dict(os.environ))[0])
        cold, warm, plain_seconds = (statistics.median(runs[k]) for k in ("cold", "warm", "plain"))
        catalogue = (site / "site/events/index.html").read_bytes()
        return {
            "n": count,
            "cold": cold,
            "warm": warm,
            "plain": plain_seconds,
            "cold_ratio": cold / plain_seconds,
            "warm_ratio": warm / plain_seconds,
            "site_mb": site_mb,
            "catalogue_kb": len(gzip.compress(catalogue, 9)) / 1024,
            "pages": sum(1 for _ in (site / "site").rglob("index.html")),
        }


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(
        description="Time this site (PDFs on, cache cold and warm) against plain Material with N events or pages."
    )
    parser.add_argument("sizes", nargs="*", type=int, default=[3000, 10000], help="numbers of events (default: 3000 10000)")
    parser.add_argument("--repeats", type=int, default=5, help="alternating runs of each build; medians are reported")
    parser.add_argument("--wait", type=float, default=0, help="minutes to wait for a quiet machine first")
    args = parser.parse_args(argv)
    sizes, repeats = args.sizes, args.repeats
    wait_for_quiet(args.wait)
    session = Session()
    rows = [measure(n, repeats) for n in sizes]
    session.end()
    print(session.header(f"full builds, PDFs on, medians of {repeats} alternating runs each"))
    print(
        "| events | plain Material | this site, cold cache | ratio | this site, warm cache | ratio | pages written | catalogue page (gzip) |"
    )
    print("|---:|---:|---:|---:|---:|---:|---:|---:|")
    for r in rows:
        print(
            f"| {r['n']:,} | {r['plain']:.1f} s | {r['cold']:.1f} s | {r['cold_ratio']:.2f} | {r['warm']:.1f} s | {r['warm_ratio']:.2f} "
            f"| {r['pages']:,} | {r['catalogue_kb']:.0f} KB |"
        )
    if len(rows) >= 2:
        first, last = rows[0], rows[-1]
        print(
            f"\nGrowth from {first['n']:,} to {last['n']:,} events: {last['cold'] / first['cold']:.2f}× cold, "
            f"{last['warm'] / first['warm']:.2f}× warm (plain Material: {last['plain'] / first['plain']:.2f}×)"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
