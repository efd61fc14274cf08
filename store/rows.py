"""Event rows: the columns read with their source, row <-> dataclass, and the batch insert."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import UTC, datetime
from typing import Any

import sqlite_utils

from timeline.store.models import Event, NewEvent, sort_end_key, sort_key
from timeline.store.tags import join_tags, split_tags

EVENT_COLUMNS = (
    "e.id, e.title, e.start, e.end, e.precision, e.approximate, e.details, e.quote, e.tags, "
    "e.source_id, e.span_start, e.span_end, e.created_at, e.updated_at, "
    "s.title, s.url, s.published, e.date_basis, e.date_text, e.counted_from, e.version, "
    "e.importance, e.is_key, e.conflict, e.sources"
)
"""What every event read selects, in the order `row_to_event` takes."""

EVENT_FROM = "events e LEFT JOIN sources s ON s.id = e.source_id"
"""Events joined with their source."""


def now() -> str:
    """Wall-clock time for created_at/updated_at stamps (never used for dates of events).

    updated_at stays NULL until an event is edited (readers see created_at), which keeps rows
    of a million-event import smaller, and tells an ingested event nobody touched.
    """
    return datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


_TEXT_AT = (1, 2, 3, 4, 6, 7, 8, 12, 13, 14, 15, 16, 17, 18, 19)
"""Places of the text columns in EVENT_COLUMNS."""


def as_text(value: Any) -> Any:
    """A text column as text: a BLOB or number another program wrote there is decoded (bytes
    that are not UTF-8 become U+FFFD) so that no reader meets bytes where it expects text."""
    if value is None or isinstance(value, str):
        return value
    if isinstance(value, bytes):
        return value.decode("utf-8", "replace")
    return str(value)


def row_to_event(row: Sequence[Any]) -> Event:
    """Build an Event from a row selected with EVENT_COLUMNS."""
    if any(type(row[i]) not in (str, type(None)) for i in _TEXT_AT):
        row = [as_text(value) if i in _TEXT_AT else value for i, value in enumerate(row)]
    return Event(
        id=row[0],
        title=row[1],
        start=row[2],
        end=row[3],
        precision=row[4],
        approximate=bool(row[5]),
        details=row[6] or "",
        quote=row[7] or "",
        tags=split_tags(row[8]),
        source_id=row[9],
        span_start=row[10],
        span_end=row[11],
        date_basis=row[17] or "",
        date_text=row[18] or "",
        counted_from=row[19],
        created_at=row[12],
        updated_at=row[13] or row[12],
        source_title=row[14],
        source_url=row[15],
        source_published=row[16],
        version=row[20],
        importance=row[21],
        is_key=bool(row[22]),
        conflict=bool(row[23]),
        sources=row[24],
    )


def event_values(event: NewEvent) -> dict[str, Any]:
    """Column values for a checked NewEvent."""
    return {
        "title": event.title,
        "start": event.start,
        "end": event.end,
        "precision": event.precision,
        "approximate": int(event.approximate),
        "details": event.details,
        "quote": event.quote,
        "tags": join_tags(event.tags),
        "source_id": event.source_id,
        "span_start": event.span_start,
        "span_end": event.span_end,
        "date_basis": event.date_basis,
        "date_text": event.date_text,
        "counted_from": event.counted_from,
        "sort": sort_key(event.start),
        "sort_end": sort_end_key(event.start, event.end),
    }


def insert_events(
    db: sqlite_utils.Database, events: Iterable[NewEvent], source_id: int | None
) -> int:
    """Check and insert events inside the caller's transaction; returns how many.

    Every event is checked before the first is written, so a bad one raises BadEvent with
    nothing inserted (the caller's transaction rolls back what it did before).
    """
    stamp = now()
    rows = []
    for event in events:
        values = event_values(event.checked()) | {"created_at": stamp}
        if source_id is not None:
            values["source_id"] = source_id
        rows.append(values)
    if rows:
        db.table("events").insert_all(rows)
    return len(rows)
