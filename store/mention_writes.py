"""Mention rows written: an article's new events and mentions, snapshots put back, and an
event's quote and source count kept true when its mentions go."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import sqlite_utils

from timeline.store.errors import StoreError
from timeline.store.mentions import EDITED
from timeline.store.models import MENTION_KINDS, Mention, NewEvent, sort_key
from timeline.store.rows import event_values, now

INSERT_MENTION = (
    "INSERT INTO mentions (id, event_id, source_id, quote, title, span_start, span_end, start, "
    '"end", precision, approximate, date_basis, date_text, counted_from, position, kind, held, '
    "sort) "
    "VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)"
)


def mention_values(mention: Mention) -> tuple[Any, ...]:
    """Insert values of a mention snapshot (for undo and import), in `INSERT_MENTION` order."""
    return (
        mention.id,
        mention.event_id,
        mention.source_id,
        mention.quote,
        mention.title,
        mention.span_start,
        mention.span_end,
        mention.start,
        mention.end,
        mention.precision,
        int(mention.approximate),
        mention.date_basis,
        mention.date_text,
        mention.counted_from,
        mention.position,
        mention.kind,
        int(mention.held),
        sort_key(mention.start),
    )


def insert_article_events(
    db: sqlite_utils.Database,
    events: Sequence[NewEvent],
    source_id: int,
    kinds: Sequence[str] | None,
    positions: Sequence[int] | None = None,
) -> int:
    """Insert checked events of one article, each with its one mention; returns how many.

    `kinds[i]` says whether event i is an "event" of its own (key until the story says
    otherwise) or a "support" (not shown by default unless merging joins it to an event);
    `positions[i]` is its sentence's place in the article (0 the lead; default: list order).
    """
    if kinds is not None and len(kinds) != len(events):
        raise StoreError("one kind per event is needed")
    if positions is not None and len(positions) != len(events):
        raise StoreError("one position per event is needed")
    stamp = now()
    for index, event in enumerate(events):
        kind = kinds[index] if kinds is not None else "event"
        position = positions[index] if positions is not None else index
        values = event_values(event) | {
            "created_at": stamp,
            "source_id": source_id,
            "is_key": int(kind == "event"),
            "sources": 1,
        }
        event_id = db.table("events").insert(values).last_pk
        assert isinstance(event_id, int)
        db.execute(INSERT_MENTION, draft_row(None, event_id, source_id, event, position, kind))
    return len(events)


def draft_row(
    mention_id: int | None,
    event_id: int,
    source_id: int | None,
    draft: NewEvent,
    position: int,
    kind: str,
    held: bool = False,
) -> tuple[Any, ...]:
    """INSERT_MENTION values of a new mention read from a checked draft (its title, quote,
    offsets, date and provenance); raises StoreError for an unknown kind."""
    if kind not in MENTION_KINDS:
        raise StoreError(f"mention kind {kind!r} is not one of {', '.join(MENTION_KINDS)}")
    return (
        mention_id, event_id, source_id, draft.quote, draft.title, draft.span_start,
        draft.span_end, draft.start, draft.end, draft.precision, int(draft.approximate),
        draft.date_basis, draft.date_text, draft.counted_from, position, kind, int(held),
        sort_key(draft.start),
    )  # fmt: skip


def recount(db: sqlite_utils.Database, event_id: int) -> None:
    """Count the distinct sources telling an event (kept at 0 for a typed event)."""
    db.execute(
        "UPDATE events SET sources = (SELECT count(DISTINCT source_id) FROM mentions "
        "WHERE event_id = ?) WHERE id = ? AND EXISTS (SELECT 1 FROM mentions WHERE event_id = ?)",
        [event_id, event_id, event_id],
    )


def drop_source_mentions(db: sqlite_utils.Database, source_id: int, keep_edited: bool) -> int:
    """Delete a source's mentions (those of hand-edited events too unless `keep_edited`),
    the events left with none, and point survivors at a remaining mention; returns events
    deleted."""
    keep = f" AND event_id NOT IN (SELECT e.id FROM events e WHERE {EDITED})" if keep_edited else ""
    touched = [
        row[0]
        for row in db.execute(
            f"SELECT DISTINCT event_id FROM mentions WHERE source_id = ?{keep}", [source_id]
        )
    ]
    db.execute(f"DELETE FROM mentions WHERE source_id = ?{keep}", [source_id])
    removed = 0
    for eid in touched:
        removed += db.execute(
            "DELETE FROM events WHERE id = ? AND NOT EXISTS "
            "(SELECT 1 FROM mentions WHERE event_id = ?)",
            [eid, eid],
        ).rowcount
        repoint(db, eid)
    # events of this source from before mentions existed (or whose mentions were moved)
    where = f"e.source_id = ?{' AND NOT (' + EDITED + ')' if keep_edited else ''}"
    removed += db.execute(
        f"DELETE FROM events AS e WHERE {where} AND NOT EXISTS "
        "(SELECT 1 FROM mentions m WHERE m.event_id = e.id)",
        [source_id],
    ).rowcount
    return removed


def repoint(db: sqlite_utils.Database, event_id: int) -> None:
    """After a mention went: an event whose quote came from it takes its first remaining
    mention's quote and source (its date stays until the story layer chooses again)."""
    row = db.execute(
        "SELECT m.quote, m.source_id, m.span_start, m.span_end FROM mentions m "
        "JOIN events e ON e.id = m.event_id WHERE m.event_id = ? AND NOT EXISTS "
        "(SELECT 1 FROM mentions k WHERE k.event_id = e.id AND k.source_id IS e.source_id "
        "AND k.quote = e.quote) ORDER BY m.position, m.id LIMIT 1",
        [event_id],
    ).fetchone()
    if row is not None:
        db.execute(
            "UPDATE events SET quote = ?, source_id = ?, span_start = ?, span_end = ?, "
            "version = version + 1 WHERE id = ?",
            [*row, event_id],
        )
    recount(db, event_id)
