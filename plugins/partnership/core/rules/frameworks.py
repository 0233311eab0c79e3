"""Rules for ``data/frameworks/``: ids, aliases, numbers and levels are each used once; the PCF has levels (the toolkit
is built from them); a course's skills days are fewer than its days of practice learning; a framework's dates, successor and crosswalk agree with the framework that replaces it.
"""

from __future__ import annotations

import datetime as dt

from ..models.dataset import origin
from ..models.frameworks import Framework
from ..problems import allowed, not_one_of, quote
from .base import Rules


class FrameworkRules(Rules):
    """The frameworks, and how one replaces another."""

    def check(self) -> None:
        self.frameworks()
        self.toolkit_framework()
        self.practice_learning()
        self.frameworks_over_time()

    def frameworks(self) -> None:
        for framework in self.d.frameworks.values():
            level_ids = [level.id for level in framework.levels]
            seen_levels: set[str] = set()
            for index, level in enumerate(framework.levels):
                if level.id in seen_levels:
                    self.add(
                        framework, ("levels", index, "id"), f"levels: {quote(level.id)} is listed twice; every level id must be different"
                    )
                seen_levels.add(level.id)
            names: dict[str, str] = {}
            numbers: dict[int, str] = {}
            for index, item in enumerate(framework.items):
                for name, path in [(item.id, ("items", index, "id"))] + [
                    (alias, ("items", index, "aliases", a)) for a, alias in enumerate(item.aliases)
                ]:
                    if name in names and names[name] != item.id:
                        self.add(
                            framework,
                            path,
                            f"{quote(name)} already means the item {quote(names[name])}; ids and aliases must all be different",
                        )
                    elif name in names and path[-1] == "id":
                        self.add(framework, path, f"items: {quote(name)} is listed twice; every item id must be different")
                    names.setdefault(name, item.id)
                if item.number is not None:
                    if item.number in numbers:
                        self.add(
                            framework,
                            ("items", index, "number"),
                            f"number: {item.number} is already the number of {quote(numbers[item.number])}",
                        )
                    numbers.setdefault(item.number, item.id)
                for level_id in item.descriptors:
                    if not level_ids:
                        self.add(
                            framework,
                            ("items", index, "descriptors", level_id),
                            f"descriptors: {quote(level_id)} names a level, but this framework has no levels; add a 'levels:' list",
                            key=True,
                        )
                    elif level_id not in level_ids:
                        self.add(
                            framework,
                            ("items", index, "descriptors", level_id),
                            "descriptors: " + not_one_of(f"a level of {framework.id}", level_id, level_ids),
                            key=True,
                        )

    def toolkit_framework(self) -> None:
        """The PCF toolkit is built from pcf.yml's levels: a PCF without levels is a mistake."""
        pcf = self.d.frameworks.get("pcf")
        if pcf is not None and pcf.valid("levels") and not pcf.levels:
            self.add(
                pcf,
                ("items",),
                key=True,
                message="the PCF has no levels; add a 'levels:' list (lowest first) so that career stages and "
                "the practice educators' toolkit can use them, like  levels: [{id: asye, name: ASYE}]",
            )

    def practice_learning(self) -> None:
        """A course's practice learning: its skills days are part of its days, so there must be fewer of them."""
        for framework in self.d.frameworks.values():
            need = framework.practice_learning
            if need is not None and framework.valid("practice_learning") and need.skills_days >= need.days:
                self.add(
                    framework,
                    ("practice_learning", "skills_days"),
                    f"practice_learning: skills_days ({need.skills_days}) must be fewer than days ({need.days}): the skills "
                    "days are counted within the days of practice learning, like  days: 200, skills_days: 30",
                )

    def frameworks_over_time(self) -> None:
        """Each framework's in_force, replaced_by and crosswalk: dates in order, a known successor, no overlap."""
        frameworks = self.d.frameworks
        for framework in frameworks.values():
            self.period(framework, "a framework")
            successor = None
            if framework.replaced_by and framework.valid("replaced_by"):
                others = [i for i in sorted(frameworks) if i != framework.id]
                if framework.replaced_by == framework.id:
                    self.add(
                        framework,
                        ("replaced_by",),
                        f"replaced_by: a framework cannot replace itself; write the id of the one that takes over; {allowed(others)}",
                    )
                elif framework.replaced_by not in frameworks and not self.unread("framework", framework.replaced_by):
                    self.add(
                        framework,
                        ("replaced_by",),
                        "replaced_by: "
                        + not_one_of("a framework id", framework.replaced_by, others)
                        + " (add the successor's file to data/frameworks/ first)",
                    )
                else:
                    successor = frameworks[framework.replaced_by]
                    self.succession_overlap(framework, successor)
            self.crosswalk(framework, successor)

    def succession_overlap(self, framework: Framework, successor: Framework) -> None:
        """A framework and the one that replaces it may not both apply on the same day."""
        if not framework.valid("in_force") or not successor.valid("in_force"):
            return
        ends, starts = framework.ends, successor.starts
        where = ("in_force", "until") if ends else ("replaced_by",)
        successor_file = origin(successor).path
        if ends and starts and starts <= ends:
            self.add(
                framework,
                where,
                f"in_force: {framework.id} applies until {ends} but {successor.id}, which replaces it, applies from {starts} "
                f"({successor_file}); the two overlap, so an event between those dates would count for both. "
                f"End this one on {starts - dt.timedelta(days=1)} or start {successor.id} on {ends + dt.timedelta(days=1)}",
            )
        elif starts and not ends:
            self.add(
                framework,
                where,
                f"replaced_by: {successor.id} replaces {framework.id} from {starts}, but {framework.id} has no end date, so the two "
                f"would overlap; add in_force: {{until: {starts - dt.timedelta(days=1)}}}",
            )
        elif ends and not starts:
            self.add(
                framework,
                where,
                f"replaced_by: {successor.id} replaces {framework.id} after {ends}, but {successor.id} has no start date "
                f"({successor_file}), so the two would overlap; add in_force: {{from: {ends + dt.timedelta(days=1)}}} to it",
            )

    def crosswalk(self, framework: Framework, successor: Framework | None) -> None:
        """Each crosswalk key is an item of this framework; each target an item of its successor."""
        if not framework.crosswalk or not framework.valid("crosswalk"):
            return
        if successor is None:
            if not framework.replaced_by:
                self.add(
                    framework,
                    ("crosswalk",),
                    "crosswalk: there is no replaced_by to map these items to; add replaced_by: <the id of the framework that "
                    "takes over>, or remove the crosswalk",
                    key=True,
                )
            return
        refs = self.d.refs
        for key, targets in framework.crosswalk.items():
            if refs.resolve(f"{framework.id}:{key}") is None:
                self.add(framework, ("crosswalk", key), "crosswalk: " + refs.explain(f"{framework.id}:{key}"), key=True)
            for n, target in enumerate(targets):
                ref = target if ":" in target else f"{successor.id}:{target}"
                found = refs.resolve(ref)
                if found is None:
                    self.add(framework, ("crosswalk", key, n), "crosswalk: " + refs.explain(ref))
                elif found.framework.id != successor.id:
                    self.add(
                        framework,
                        ("crosswalk", key, n),
                        f"crosswalk: {quote(target)} is not an item of {successor.id}, which replaces {framework.id}; "
                        f"write an item of {successor.id}, like {successor.items[0].id}",
                    )
