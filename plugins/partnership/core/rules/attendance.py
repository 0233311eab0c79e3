"""Rules for ``data/attendance/`` and ``data/import.yml`` across files: rows name partners, and the catalogue's events
by id; import settings map names to events and partners that exist. (A file's own rows are checked as it is read:
:mod:`..load.loader` reads the CSV.)
"""

from __future__ import annotations

from ..models.attendance import SPECIAL_PARTNERS
from ..models.dataset import origin
from ..models.events import catalogue_names, comparable
from ..problems import not_one_of, quote
from .base import Rules


class AttendanceRules(Rules):
    """The attendance files and the import settings."""

    def check(self) -> None:
        self.attendance()
        self.import_settings()

    def attendance(self) -> None:
        allowed = [p.id for p in self.d.partners] + list(SPECIAL_PARTNERS)
        for table in self.d.attendance.values():
            catalogue = catalogue_names(self.d.events, table.year)
            warned: set[str] = set()
            for row in table.rows:
                event = catalogue.get(comparable(row.event)) if row.event not in self.d.event_by_id else None
                if event is not None and row.event not in warned:
                    warned.add(row.event)
                    self.problems.warn(
                        table.path,
                        row.line,
                        1,
                        f"event: {quote(row.event)} is the catalogue's event {event}, written as free text, so its counts are "
                        f"not joined to the event; write {event} instead (in every row for it), or, if an import wrote it, "
                        f"map the name to {event} under 'events:' in data/import.yml and import again",
                    )
                if row.partner not in allowed and not self.unread("partner", row.partner):
                    self.problems.add(
                        table.path,
                        row.line,
                        row.partner_column,
                        "partner: " + not_one_of("a partner id", row.partner, allowed),
                    )

    def import_settings(self) -> None:
        settings = self.d.import_settings
        if origin(settings).path == "<built in code>":
            return
        event_ids = [e.id for e in self.d.events]
        for name, event_id in settings.events.items():
            if event_id not in event_ids and not self.unread("event", event_id):
                self.add(settings, ("events", name), "events: " + not_one_of("an event id", event_id, event_ids))
        partner_ids = [p.id for p in self.d.partners] + list(SPECIAL_PARTNERS)
        for name, partner_id in settings.organisations.items():
            if partner_id not in partner_ids and not self.unread("partner", partner_id):
                self.add(settings, ("organisations", name), "organisations: " + not_one_of("a partner id", partner_id, partner_ids))
