"""What My CPD record asks of each piece of CPD, in the shape of Social Work England's online CPD form.

Social Work England's form asks, for each piece of CPD: its type, a short
description of what was done and why it is relevant, the date, what was
learnt, the positive impact on practice and on the people the social worker
works with, and, in at least one piece a year, what was learnt from
discussing it with a peer (Research in Practice, "Record your CPD and apply
to renew registration", November 2023; Social Work England, "What counts as
CPD"). My CPD record (``theme/assets/javascripts/mycpd.js``) keeps those as
separate fields and exports them in that order. The types below follow what
Social Work England says counts as CPD (learning events, e-learning and
webinars, reading and research, supervision, feedback, reflection, the
ASYE and other programmes); "Other" covers the rest.
"""

from __future__ import annotations

from ..models.events import EventType

CPD_TYPES: tuple[str, ...] = (
    "Course or training",
    "Conference or event",
    "Webinar or e-learning",
    "Reading or research",
    "Podcast or video",
    "Peer learning or discussion",
    "Supervision",
    "Feedback",
    "Reflection on practice",
    "Shadowing or observation",
    "Programme (such as the ASYE) or module",
    "Other",
)
"""The types of CPD My CPD record offers, as the record names them."""

EVENT_CPD_TYPES: dict[EventType, str] = {
    EventType.WORKSHOP: "Course or training",
    EventType.COURSE: "Course or training",
    EventType.CONFERENCE: "Conference or event",
    EventType.TWILIGHT: "Conference or event",
    EventType.WEBINAR: "Webinar or e-learning",
    EventType.ELEARNING: "Webinar or e-learning",
    EventType.ACTION_LEARNING_SET: "Peer learning or discussion",
    EventType.NETWORK: "Peer learning or discussion",
    EventType.RESEARCH_HUB: "Reading or research",
    EventType.PROGRAMME: "Programme (such as the ASYE) or module",
}
"""The type an event of the catalogue arrives with when it is added to a record (it can be changed there)."""
