"""What every rule is given, and how it says where a problem is.

A rule class per kind of data (:mod:`.events`, :mod:`.metrics` …) subclasses
:class:`Rules`: it reads the dataset (``self.d``) and adds each problem at the
place of the field it is about (:meth:`Rules.add`, from the model's origin),
or, for a likely typo, a warning (:meth:`Rules.warn`). A rule never stops the
others, and leaves alone a reference that leads to what could not be read
(:meth:`Rules.unread`).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterable
from typing import TypeVar

from ..models.common import DataModel
from ..models.dataset import Dataset, origin
from ..models.frameworks import Framework, InForce
from ..models.pathways import Stage
from ..problems import Problems, quote

M = TypeVar("M", bound=DataModel)


class Rules:
    """The data and the problems found so far: each rule adds problems, located at a model's fields."""

    def __init__(self, dataset: Dataset, problems: Problems):
        self.d = dataset
        self.problems = problems

    def check(self) -> None:
        """Every rule of this kind of data."""
        raise NotImplementedError

    def at(self, model: DataModel, *path: str | int, key: bool = False) -> tuple[str, int, int]:
        where = origin(model)
        mark = where.key_at(*path) if key else where.at(*path)
        return where.path, mark.line, mark.column

    def add(self, model: DataModel, path: tuple[str | int, ...], message: str, key: bool = False) -> None:
        file, line, column = self.at(model, *path, key=key)
        self.problems.add(file, line, column, message)

    def warn(self, model: DataModel, path: tuple[str | int, ...], message: str, key: bool = False) -> None:
        """A likely typo in valid data: listed, never stopping the build."""
        file, line, column = self.at(model, *path, key=key)
        self.problems.warn(file, line, column, message)

    def unread(self, kind: str, identifier: str) -> bool:
        """True (and the problem held back) when a reference may lead to an entry that could not be read."""
        if self.d.unread.missing(kind, identifier):
            self.problems.held_back += 1
            return True
        return False

    def framework_unread(self, ref: str) -> bool:
        """:meth:`unread` for a reference such as ``pcf:knowledge``, ``kss-cf`` or ``pcf@asye``."""
        return self.unread("framework", re.split(r"[:@]", ref, maxsplit=1)[0])

    def duplicates(self, models: Iterable[M], key: Callable[[M], str], field: str, what: str) -> None:
        first: dict[str, M] = {}
        for model in models:
            if not model.valid(field):
                continue
            value = key(model)
            if value in first:
                file, line, _ = self.at(first[value], field)
                where = f"line {line}" if file == origin(model).path else f"{file}:{line}"
                self.add(model, (field,), f"{field}: {quote(value)} is already the id of {what} ({where}); every id must be different")
            else:
                first[value] = model

    def period(self, model: Framework | Stage, what: str) -> None:
        """``in_force.until`` may not come before ``in_force.from``."""
        period = model.in_force
        if period and model.valid("in_force") and period.start and period.until and period.until < period.start:
            self.add(
                model,
                ("in_force", "until"),
                f"in_force: until {period.until} is before from {period.start}; {what} must start before it stops applying",
            )

    def content_file(self, model: DataModel, path: tuple[str | int, ...], relative: str, suffixes: tuple[str, ...] = (".md",)) -> None:
        """``relative`` must name a file under content/ with one of ``suffixes``."""
        target = (self.d.content_dir / relative).resolve()
        if not target.is_relative_to(self.d.content_dir.resolve()):
            self.add(
                model,
                path,
                f"{path[-1]}: {quote(relative)} is outside content/; write a path under content/, like reports/2021-22/placements.md",
            )
        elif not target.is_file():
            self.add(model, path, f"{path[-1]}: there is no file content/{relative}; create it, or correct the path")
        elif target.suffix.lower() not in suffixes:
            self.add(model, path, f"{path[-1]}: {quote(relative)} must be a {' or '.join(suffixes)} file")


def in_order(period: InForce | None) -> bool:
    """False for a period that ends before it starts."""
    return period is None or period.start is None or period.until is None or period.start <= period.until


def span(start: dt.date | None, until: dt.date | None) -> str:
    """``from 2027-04-01``, ``until 2027-03-31``, ``from 2015-01-01 until 2027-03-31``."""
    parts = ([f"from {start}"] if start else []) + ([f"until {until}"] if until else [])
    return " ".join(parts) or "always"
