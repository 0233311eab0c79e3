"""Framework references: ``pcf:2``, ``pcf:values-ethics`` and ``pcf:values`` are one item.

An event, stage or report refers to a framework item as
``<framework>:<item id, alias or number>``. :class:`FrameworkIndex` resolves
every spelling to the item, and explains a reference it cannot resolve.

A career stage may also work towards a whole framework, written as the
framework's id alone (``kss-cf``), or a whole framework at one of its levels
(``pcf@asye``): :meth:`FrameworkIndex.resolve_target` resolves those to a
:class:`ResolvedFramework`.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from ..problems import allowed, did_you_mean, not_one_of, quote
from .common import split_ref, split_target
from .frameworks import Framework, Item, Level


@dataclass(frozen=True)
class ResolvedItem:
    """A framework item found from a reference."""

    framework: Framework
    item: Item

    @property
    def key(self) -> str:
        """The canonical reference, ``pcf:values-ethics``."""
        return f"{self.framework.id}:{self.item.id}"

    @property
    def label(self) -> str:
        """``PCF 2 Values and Ethics``: short name, number and title."""
        short = self.framework.short_name or self.framework.id.upper()
        number = f" {self.item.number}" if self.item.number is not None else ""
        return f"{short}{number} {self.item.title}"

    @property
    def short_label(self) -> str:
        """``PCF 2`` or, for an unnumbered item, its title."""
        short = self.framework.short_name or self.framework.id.upper()
        return f"{short} {self.item.number}" if self.item.number is not None else f"{short}: {self.item.title}"


@dataclass(frozen=True)
class ResolvedFramework:
    """A whole framework, or a whole framework at one level, found from ``kss-cf`` or ``pcf@asye``."""

    framework: Framework
    level: Level | None = None

    @property
    def key(self) -> str:
        """The canonical reference, ``pcf@asye`` or ``kss-cf``."""
        return f"{self.framework.id}@{self.level.id}" if self.level else self.framework.id

    @property
    def label(self) -> str:
        """``PCF at the ASYE level`` or ``KSS (children): every statement``."""
        short = self.framework.short_name or self.framework.id.upper()
        if self.level:
            return f"{short} at the {self.level.short_name or self.level.name} level"
        return f"{short}: every {self.framework.item_name}"


class FrameworkIndex:
    """Looks items up by id, alias or number, per framework."""

    def __init__(self, frameworks: Mapping[str, Framework]):
        self.frameworks = frameworks
        self._items: dict[str, dict[str, Item]] = {}
        for framework in frameworks.values():
            names: dict[str, Item] = {}
            for item in framework.items:
                names.setdefault(item.id, item)
            for item in framework.items:
                for alias in item.aliases:
                    names.setdefault(alias, item)
                if item.number is not None:
                    names.setdefault(str(item.number), item)
            self._items[framework.id] = names

    def resolve(self, ref: str) -> ResolvedItem | None:
        framework_id, item_name = split_ref(ref)
        framework = self.frameworks.get(framework_id)
        if framework is None:
            return None
        item = self._items[framework_id].get(item_name)
        return ResolvedItem(framework, item) if item else None

    def explain(self, ref: str) -> str:
        """Why ``ref`` does not resolve, with the nearest valid choice."""
        framework_id, item_name = split_ref(ref)
        if framework_id not in self.frameworks:
            return self._no_framework(ref, framework_id, f":{item_name}")
        framework = self.frameworks[framework_id]
        ids = [item.id for item in framework.items]
        guess = None if item_name.isdigit() else did_you_mean(item_name, list(self._items[framework_id]))
        if guess is not None:
            guess = f"{framework_id}:{self._items[framework_id][guess].id}"
        hint = f" (did you mean {guess}?)" if guess else ""
        numbers = [str(i.number) for i in framework.items if i.number is not None]
        numbered = f" or a number {numbers[0]}–{numbers[-1]}" if numbers else ""
        return (
            f"{quote(ref)}: {framework.name} has no item {quote(item_name)}{hint}; "
            f"use an id{numbered}: {allowed(ids).removeprefix('allowed: ')}"
        )

    def resolve_target(self, ref: str) -> ResolvedItem | ResolvedFramework | None:
        """An item (``pcf:2``), a whole framework (``kss-cf``) or one at a level (``pcf@asye``); None when unknown."""
        framework_id, item, level_id = split_target(ref)
        if item is not None:
            return self.resolve(ref)
        framework = self.frameworks.get(framework_id)
        if framework is None:
            return None
        if level_id is None:
            return ResolvedFramework(framework)
        level = next((lv for lv in framework.levels if lv.id == level_id), None)
        return ResolvedFramework(framework, level) if level else None

    def explain_target(self, ref: str) -> str:
        """Why a stage's reference does not resolve, with the nearest valid choice."""
        framework_id, item, level_id = split_target(ref)
        if item is not None:
            return self.explain(ref)
        if framework_id not in self.frameworks:
            return self._no_framework(ref, framework_id, ref[len(framework_id) :])
        framework = self.frameworks[framework_id]
        levels = [level.id for level in framework.levels]
        if not levels:
            return f"{quote(ref)}: {framework.name} has no levels; write {framework_id} for the whole framework"
        return f"{quote(ref)}: " + not_one_of(f"a level of {framework_id}", level_id, levels)

    def _no_framework(self, ref: str, framework_id: str, rest: str) -> str:
        choices = sorted(self.frameworks)
        guess = did_you_mean(framework_id, choices)
        hint = f" (did you mean {guess}{rest}?)" if guess else ""
        return f"{quote(ref)}: there is no framework {quote(framework_id)}{hint}; frameworks: {', '.join(choices)}"

    def successor_items(self, framework: Framework, item: Item) -> list[ResolvedItem]:
        """The items of ``framework``'s successor that its crosswalk maps ``item`` to (empty when none)."""
        successor = self.frameworks.get(framework.replaced_by or "")
        if successor is None:
            return []
        names = self._items.get(framework.id, {})
        found: list[ResolvedItem] = []
        for key, targets in framework.crosswalk.items():
            if names.get(key) is not item:
                continue
            for target in targets:
                resolved = self.resolve(target if ":" in target else f"{successor.id}:{target}")
                if resolved and resolved.framework.id == successor.id and resolved not in found:
                    found.append(resolved)
        return found

    def predecessor_items(self, framework: Framework, item: Item) -> list[ResolvedItem]:
        """The items of the frameworks ``framework`` replaces whose crosswalk maps them to ``item``."""
        return [
            ResolvedItem(earlier, old)
            for earlier in self.frameworks.values()
            if earlier.replaced_by == framework.id
            for old in earlier.items
            if any(found.item is item for found in self.successor_items(earlier, old))
        ]

    def items(self, framework_id: str) -> list[ResolvedItem]:
        framework = self.frameworks.get(framework_id)
        return [ResolvedItem(framework, item) for item in framework.items] if framework else []
