"""The ``new`` command's options, apart from what answers them.

The command line is read before any command runs, by every command: ``check``
must not import :mod:`.new` and the interview behind it (half a second) just
to know that ``new`` exists. So its options are here, with what they need (the
partners' kinds) and nothing else.
"""

from __future__ import annotations

import argparse

from ..core.models.partners import KIND_NAMES


def add_arguments(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """The ``new`` command and its three kinds."""
    new = commands.add_parser(
        "new",
        help="write a new event, report or partner, asking what it needs",
        description="Write a new data file, asking questions and checking each answer.",
    )
    kinds = new.add_subparsers(dest="what", metavar="kind", required=True)

    event = kinds.add_parser("event", help="a new CPD event", description="Write a new event file. Without --yes, asks for each answer.")
    for flag, text in [
        ("--title", "the event's title"),
        ("--summary", "one line for listings"),
        ("--description", "Markdown text"),
        ("--type", "workshop, course, …"),
        ("--provider", "a partner id"),
        ("--provider-name", "an outside organisation"),
        ("--audience", "career stage ids, separated by commas"),
        ("--services", "children, adults or both"),
        ("--format", "in-person, online, hybrid or self-paced"),
        ("--venue", "where, for in-person and hybrid events"),
        ("--hours", "CPD hours"),
        ("--capacity", "places"),
        ("--booking", "booking web address"),
        ("--cost", "cost in words"),
        ("--frameworks", "framework:item references, separated by commas"),
        ("--tags", "tags, separated by commas"),
        ("--id", "its web address, /events/<id>/ (made from the title and month if left out)"),
    ]:
        event.add_argument(flag, help=text)
    event.add_argument(
        "--session", action="append", help="'14/04/2027 9:30-16:30' (or 2027-04-14 09:30-16:30); repeat for several sessions"
    )
    event.add_argument(
        "--resume",
        nargs="?",
        const=True,
        metavar="DRAFT",
        help="finish a draft that a stopped 'new event' saved in data/drafts/ (the only one, or the one named)",
    )
    partner = kinds.add_parser("partner", help="a new partner organisation", description="Add a partner to partners.yml.")
    for flag, text in [
        ("--id", "lower-case id (made from the name if left out)"),
        ("--name", "the organisation's name"),
        ("--kind", ", ".join(KIND_NAMES)),
        ("--tier", "primary, secondary or associate"),
        ("--services", "children, adults or both"),
    ]:
        partner.add_argument(flag, help=text)
    report = kinds.add_parser(
        "report",
        help="a new annual report, with a narrative file per section",
        description="Write a new report file and Markdown files for its narratives.",
    )
    report.add_argument("--year", help="the year it reports on, like 2026-27")
    report.add_argument("--title", help="its title")
    report.add_argument("--baseline", help="the first year of its tables")
    for sub in (event, partner, report):
        sub.add_argument("--yes", action="store_true", help="ask nothing: take every answer from the options")
        sub.add_argument("--data", default="data", help="the data folder (default: data)")


__all__ = ["add_arguments"]
