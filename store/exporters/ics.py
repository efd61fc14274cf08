"""iCalendar (RFC 5545) through the icalendar library, one VEVENT written at a time.

A day is an all-day event whose DTEND is the next day (DTEND is exclusive); a month or a year
is its whole period, marked TRANSPARENT so it does not block a calendar; a minute is a floating
DATE-TIME (no time zone was ever stored). Every event carries its EDTF value in X-TIMELINE-EDTF
and a UID made from its id, so re-importing an export updates rather than duplicates.
Calendars cannot hold years before 1 CE: BCE events are left out and counted.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import UTC, date, datetime, timedelta
from typing import TYPE_CHECKING, TextIO

from timeline.store.dates import is_bce, parts
from timeline.store.edtf import to_edtf
from timeline.store.exporters.base import EventSource, Written, iter_events, skipped_note
from timeline.store.exporters.text import web_url
from timeline.store.models import Event, Filter

if TYPE_CHECKING:
    import icalendar


names = ("ics", "ical", "icalendar")
extension = ".ics"
description = "iCalendar: all-day events for days, whole periods for months and years"

PRODID = "-//timeline//timeline export//EN"
EDTF_PROPERTY = "X-TIMELINE-EDTF"
UID_DOMAIN = "timeline"
_EPOCH = datetime(1970, 1, 1, tzinfo=UTC)


def first_day(iso: str) -> date:
    """The first day of the period a value names (`2022-08` -> 1 Aug 2022)."""
    p = parts(iso)
    return date(p.year, p.month or 1, p.day or 1)


def day_after(iso: str) -> date:
    """The first day after the period a value names: the exclusive DTEND of an all-day event."""
    p = parts(iso)
    if p.month is None:
        return date(p.year + 1, 1, 1)
    if p.day is None:
        return date(p.year + (p.month == 12), p.month % 12 + 1, 1)
    return date(p.year, p.month, p.day) + timedelta(days=1)


def _moment(iso: str) -> datetime:
    """A minute value as a floating (naive) datetime."""
    p = parts(iso)
    return datetime(p.year, p.month or 1, p.day or 1, p.hour or 0, p.minute or 0)


def _stamp(event: Event) -> datetime:
    """DTSTAMP from when the event was last written (never the export's clock: stable output)."""
    when = event.updated_at or event.created_at
    try:
        return datetime.strptime(when or "", "%Y-%m-%dT%H:%M:%SZ").replace(tzinfo=UTC)
    except ValueError:
        return _EPOCH


def _description(event: Event) -> str:
    """Details, the quote and the source as plain text."""
    pieces = [event.details] if event.details else []
    if event.quote:
        pieces.append(f"“{event.quote}”")
    source = ", ".join(
        part for part in (event.source_title, event.source_url, event.source_published) if part
    )
    if source:
        pieces.append(f"Source: {source}")
    return "\n\n".join(pieces)


def uid(event: Event, database_id: str | None) -> str:
    """The event's UID: its id and the database's own id, so two databases never collide and
    a second export of the same database updates rather than duplicates."""
    return f"{event.id}.{database_id}@{UID_DOMAIN}" if database_id else f"{event.id}@{UID_DOMAIN}"


def vevent(event: Event, database_id: str | None = None) -> icalendar.Event:
    """The VEVENT of one dated CE event."""
    import icalendar  # here, not at the top: `import timeline.store` stays light

    assert event.start is not None
    item = icalendar.Event()
    item.add("uid", uid(event, database_id))
    item.add("dtstamp", _stamp(event))
    item.add("summary", event.title)
    if event.precision == "minute":
        item.add("dtstart", _moment(event.start))
        if event.end:
            end = (
                _moment(event.end)
                if "T" in event.end
                else datetime.combine(day_after(event.end), datetime.min.time())
            )
            item.add("dtend", end)
    else:
        item.add("dtstart", first_day(event.start))
        item.add("dtend", day_after(event.end or event.start))
    if event.precision in ("year", "month"):
        item.add("transp", "TRANSPARENT")
    item.add(EDTF_PROPERTY, to_edtf(event.start, event.end, event.precision, event.approximate))
    description = _description(event)
    if description:
        item.add("description", description)
    if event.tags:
        item.add("categories", list(event.tags))
    url = web_url(event.source_url)
    if url:
        item.add("url", url)
    return item


def write_store(
    store: EventSource,
    out: TextIO,
    flt: Filter | None,
    left_out: list[int] | None = None,
    title: str | None = None,
) -> Written:
    """Write the calendar of the events under `flt`, UIDs carrying the database's id."""

    return write(iter_events(store, flt, left_out=left_out), out, store.database_id())


def write(events: Iterable[Event], out: TextIO, database_id: str | None = None) -> Written:
    """Write the calendar; BCE and undated events are left out and counted."""
    import icalendar

    calendar = icalendar.Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    head = calendar.to_ical().decode("utf-8")
    out.write(head[: head.rindex("END:VCALENDAR")])
    rows = undated = bce = 0
    for event in events:
        if not event.start:
            undated += 1
        elif is_bce(event.start):
            bce += 1
        else:
            out.write(vevent(event, database_id).to_ical().decode("utf-8"))
            rows += 1
    out.write("END:VCALENDAR\r\n")
    skipped, note = skipped_note(undated, bce, "a calendar has no date for them")
    return Written(rows, skipped, note)
