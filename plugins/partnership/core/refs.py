"""Framework references: ``pcf:2``, ``pcf:values-ethics`` and ``pcf:values`` are one item.

An event, stage or report refers to a framework item as
``<framework>:<item id, alias or number>``. :class:`FrameworkIndex` resolves
every spelling to the item, and explains a reference it cannot resolve.
"""

from __future__ import annotations

from dataclasses import dataclass

from .models.common import split_ref
from .models.frameworks import Framework, Item
from .problems import allowed, did_you_mean, quote


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


class FrameworkIndex:
    """Looks items up by id, alias or number, per framework."""

    def __init__(self, frameworks: dict[str, Framework]):
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
            choices = sorted(self.frameworks)
            guess = did_you_mean(framework_id, choices)
            hint = f" (did you mean {guess}:{item_name}?)" if guess else ""
            return f"{quote(ref)}: there is no framework {quote(framework_id)}{hint}; frameworks: {', '.join(choices)}"
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

    def items(self, framework_id: str) -> list[ResolvedItem]:
        framework = self.frameworks.get(framework_id)
        return [ResolvedItem(framework, item) for item in framework.items] if framework else []
