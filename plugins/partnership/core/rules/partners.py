"""Rules for ``data/partners.yml``: every partner's id is its own."""

from __future__ import annotations

from .base import Rules


class PartnerRules(Rules):
    """The partners."""

    def check(self) -> None:
        self.duplicates(self.d.partners, lambda p: p.id, "id", "another partner")
