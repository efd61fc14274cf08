"""TimelineJS3 JSON: `title` and `events`, each with start/end date objects and a stable id.

Written event by event (the `events` array is opened, filled and closed as the events stream),
so memory stays flat. `unique_id` is the event id, so links to a slide survive a re-export.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import Any, TextIO

from timeline.store.dates import historical_year, parts
from timeline.store.exporters.base import Written, skipped_note
from timeline.store.exporters.text import event_html
from timeline.store.models import Event
from timeline.store.written_dates import format_date

names = ("timelinejs-json", "timelinejs")
extension = ".json"
description = "TimelineJS JSON: title and events with date objects"

TITLE = "Timeline"


def date_object(iso: str) -> dict[str, Any]:
    """`{"year": 2022, "month": 8, "day": 31}`, as far as the value's precision goes."""
    p = parts(iso)
    date: dict[str, Any] = {"year": historical_year(p.year)}
    for name in ("month", "day", "hour", "minute"):
        value = getattr(p, name)
        if value is None:
            break
        date[name] = value
    return date


def event_object(event: Event) -> dict[str, Any]:
    """The TimelineJS slide of one dated event."""
    assert event.start is not None
    slide: dict[str, Any] = {"start_date": date_object(event.start)}
    if event.end:
        slide["end_date"] = date_object(event.end)
    slide["text"] = {"headline": event.title, "text": event_html(event)}
    slide["unique_id"] = str(event.id)
    if event.approximate:
        slide["display_date"] = format_date(event.start, event.end, True)
    if event.tags:
        slide["group"] = event.tags[0]
    return slide


def write(events: Iterable[Event], out: TextIO, title: str = TITLE) -> Written:
    """Write the JSON; undated events are left out (TimelineJS needs a year)."""
    head = json.dumps({"title": {"text": {"headline": title}}}, ensure_ascii=False)
    out.write(head[:-1] + ', "events": [')
    rows = undated = 0
    for event in events:
        if not event.start:
            undated += 1
            continue
        out.write(
            ("\n" if rows == 0 else ",\n") + json.dumps(event_object(event), ensure_ascii=False)
        )
        rows += 1
    out.write("\n]}\n")
    skipped, note = skipped_note(undated, why="TimelineJS needs a year")
    return Written(rows, skipped, note)
