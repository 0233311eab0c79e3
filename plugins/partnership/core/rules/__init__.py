"""Step 3 of the flow: the rules that span fields or files, one module per kind of data.

Pydantic checks each file's shape as it is read (:mod:`..load`); these rules
check what one file says about another (an event's audience must be a stage
in pathways.yml) and what one field says about another (an in-person event
needs a venue). Each adds located problems, through :mod:`.base`, and never
stops the others; :func:`run_all` runs them all.

=====================  =================================================
module                 the data it checks
=====================  =================================================
:mod:`.site`           data/site.yml
:mod:`.partners`       data/partners.yml
:mod:`.frameworks`     data/frameworks/
:mod:`.pathways`       data/pathways.yml
:mod:`.events`         data/events/
:mod:`.metrics`        data/metrics/
:mod:`.attendance`     data/attendance/ and data/import.yml
:mod:`.reports`        data/reports/
:mod:`.strategy`       data/logic-model/, and reports' objectives and recommendations
:mod:`.references`     the figures a report's words quote, and template text left in them
:mod:`.content`        content/ and theme/: files, names (:mod:`.names`), front matter
:mod:`.markdown`       the Markdown of pages and descriptions: bounded, and the HTML it may hold
=====================  =================================================
"""

from __future__ import annotations

from ..models.dataset import Dataset
from ..problems import Problems
from ..sources.files import SourceFiles
from ..sources.kept import Kept
from .attendance import AttendanceRules
from .base import Rules
from .content import check_content
from .events import EventRules
from .frameworks import FrameworkRules
from .markdown import descriptions, markdown_problems
from .metrics import MetricRules
from .partners import PartnerRules
from .pathways import PathwayRules
from .references import report_words
from .reports import ReportRules
from .site import SiteRules
from .strategy import StrategyRules

KINDS: tuple[type[Rules], ...] = (
    SiteRules,
    PartnerRules,
    FrameworkRules,
    PathwayRules,
    EventRules,
    MetricRules,
    AttendanceRules,
    ReportRules,
    StrategyRules,
)
"""The rules of each kind of data, in the order they run (the problems are sorted afterwards)."""


def run_all(dataset: Dataset, files: SourceFiles, problems: Problems, kept: Kept | None = None) -> None:
    """Run every rule over ``dataset``, its content/ Markdown (:attr:`Dataset.markdown`) and the entries of its content/ and
    theme/ folders (walked through ``files``), adding to ``problems``; ``kept``: what reading texts gave before."""
    pages = check_content(dataset.content_dir, dataset.markdown, dataset.content_dir.parent / "theme", files, problems)
    markdown_problems(pages + descriptions(dataset), problems, kept)
    for kind in KINDS:
        kind(dataset, problems).check()
    report_words(dataset, files, problems)


__all__ = ["KINDS", "run_all"]
