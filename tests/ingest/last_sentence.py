"""The event the real tagger and builder make of a short article's last sentence, and its date as a
tuple: what the anchoring tests compare."""

from __future__ import annotations

import datetime as dt

from timeline.ingest.reader.events import build_mentions
from timeline.ingest.tagger.timex import find_timexes
from timeline.store import NewEvent


def events_of(text: str, published: dt.date | None) -> list[NewEvent]:
    """Every dated mention the real tagger and builder make of text, events and supporting
    mentions alike: these tests are about the date a sentence gets, not whether it is kept."""
    return [draft.event for draft in build_mentions(text, find_timexes(text, published), published)]


def last_event(text: str, published: dt.date | None) -> NewEvent:
    """The event made of the text's last sentence."""
    events = events_of(text, published)
    assert events, "no event"
    return events[-1]


def when(event: NewEvent) -> tuple[str | None, str | None, str | None, bool]:
    """An event's date as one comparable tuple."""
    return event.start, event.end, event.precision, event.approximate
