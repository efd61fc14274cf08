"""Changes to mentions a person or a file asks for: undo, import, join, move out, pick a date."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import replace
from typing import Any

import sqlite_utils

from timeline.store.errors import StoreError
from timeline.store.mention_writes import (
    INSERT_MENTION,
    draft_row,
    mention_values,
    recount,
    repoint,
)
from timeline.store.models import Event, Mention, NewEvent, sort_end_key, sort_key
from timeline.store.rows import event_values, now


def restore_mentions(db: sqlite_utils.Database, mentions: Iterable[Mention]) -> None:
    """Put mention snapshots back under their ids (undo); those present already stay."""
    rows = [mention_values(m) for m in mentions]
    if rows:
        db.conn.executemany(INSERT_MENTION.replace("INSERT", "INSERT OR IGNORE", 1), rows)
    for eid in {m.event_id for m in mentions}:
        recount(db, eid)


def join_events(db: sqlite_utils.Database, keep: int, other: int) -> None:
    """Move every mention of `other` into `keep`, held there, and delete `other`."""
    if keep == other:
        raise StoreError("an event cannot be joined with itself")
    db.execute(
        "UPDATE mentions SET event_id = ?, held = 1 WHERE event_id IN (?, ?)", [keep, keep, other]
    )
    db.execute("DELETE FROM events WHERE id = ?", [other])
    recount(db, keep)


def split_mention(db: sqlite_utils.Database, mention: Mention) -> int:
    """Move one mention out of its event into a new event of its own, held there (and the
    others held where they are); returns
    the new event's id (its fields are the mention's until the story layer derives them)."""
    remaining = db.execute(
        "SELECT count(*) FROM mentions WHERE event_id = ?", [mention.event_id]
    ).fetchone()[0]
    if remaining < 2:
        raise StoreError(f"mention {mention.id} is its event's only one; nothing to move out of")
    draft = NewEvent(
        title=mention.title or mention.quote[:80] or "…",
        start=mention.start,
        end=mention.end,
        precision=mention.precision,
        approximate=mention.approximate,
        quote=mention.quote,
        source_id=mention.source_id,
        span_start=mention.span_start,
        span_end=mention.span_end,
        date_basis=mention.date_basis,
        date_text=mention.date_text,
        counted_from=mention.counted_from,
    ).checked(known=None)
    values = event_values(draft) | {"created_at": now(), "sources": 1, "is_key": 1}
    new_id = db.table("events").insert(values).last_pk
    assert isinstance(new_id, int)
    db.execute("UPDATE mentions SET event_id = ?, held = 1 WHERE id = ?", [new_id, mention.id])
    # the ones left behind are held too: a person said they are not the moved one's happening
    db.execute("UPDATE mentions SET held = 1 WHERE event_id = ?", [mention.event_id])
    repoint(db, mention.event_id)
    return new_id


def pick_date(db: sqlite_utils.Database, event: Event, mention: Mention | None) -> None:
    """Date an event by one of its mentions (a person's choice), or forget the choice (None)."""
    if mention is None:
        db.execute(
            "UPDATE events SET date_pick = NULL, version = version + 1 WHERE id = ?", [event.id]
        )
        return
    if mention.event_id != event.id:
        raise StoreError(f"mention {mention.id} does not tell event {event.id}")
    db.execute(
        'UPDATE events SET start = ?, "end" = ?, precision = ?, approximate = ?, date_basis = ?, '
        "date_text = ?, counted_from = ?, sort = ?, sort_end = ?, date_pick = ?, "
        "version = version + 1 WHERE id = ?",
        [
            mention.start,
            mention.end,
            mention.precision,
            int(mention.approximate),
            mention.date_basis,
            mention.date_text,
            mention.counted_from,
            sort_key(mention.start),
            sort_end_key(mention.start, mention.end),
            mention.id,
            event.id,
        ],
    )


def import_mentions(
    db: sqlite_utils.Database,
    event_id: int,
    fields: dict[str, Any],
    told: Sequence[dict[str, Any]],
    source_of: Callable[[dict[str, Any]], int | None],
) -> None:
    """Write an imported event's mentions (ids kept when free) and its story fields.

    Each mention's date and provenance pass the same checks as an event's; raises BadEvent.
    """
    rows = []
    for data in told:
        checked = NewEvent(
            title=str(data.get("title") or "…"),
            start=data.get("start"),
            end=data.get("end"),
            precision=data.get("precision"),
            approximate=bool(data.get("approximate")),
            quote=str(data.get("quote") or ""),
            date_basis=str(data.get("date_basis") or ""),
            date_text=str(data.get("date_text") or ""),
            counted_from=data.get("counted_from"),
        ).checked()
        kind = data.get("kind", "event")
        wanted = data.get("id")
        free = (
            isinstance(wanted, int)
            and not isinstance(wanted, bool)
            and wanted > 0
            and db.execute("SELECT 1 FROM mentions WHERE id = ?", [wanted]).fetchone() is None
        )
        spans = [data.get("span_start"), data.get("span_end")]
        if not all(span is None or (isinstance(span, int) and span >= 0) for span in spans):
            raise StoreError("a mention's span_start and span_end must be whole numbers or null")
        position = data.get("position", 0)
        given = replace(
            checked, title=str(data.get("title") or ""), span_start=spans[0], span_end=spans[1]
        )
        rows.append(
            draft_row(
                wanted if free else None,
                event_id,
                source_of(data),
                given,
                position if isinstance(position, int) else 0,
                str(kind),
                bool(data.get("held")),
            )
        )
    db.conn.executemany(INSERT_MENTION, rows)
    db.execute(
        "UPDATE events SET importance = ?, is_key = ?, conflict = ? WHERE id = ?",
        [fields["importance"], fields["is_key"], fields["conflict"], event_id],
    )
    recount(db, event_id)
