"""Mentions read: each source's sentence telling a happening, with the event it is in now.

The store keeps what the story layer (`ingest.story`) decides, never decides itself: which
mentions tell one happening, and each event's chosen date, title, importance and conflict mark.
An event's own columns (quote, source, span, provenance) repeat those of the mention its title
comes from, so lists, search and exports read one row per event.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Sequence
from dataclasses import replace
from typing import Any

import sqlite_utils

from timeline.store.models import Mention, sort_key

MENTION_COLUMNS = (
    "m.id, m.event_id, m.source_id, m.quote, m.title, m.span_start, m.span_end, m.start, "
    'm."end", m.precision, m.approximate, m.date_basis, m.date_text, m.counted_from, '
    "m.position, m.kind, m.held, s.title, s.url, s.published"
)
"""What every mention read selects, in the order `row_to_mention` takes."""

MENTION_FROM = "mentions m LEFT JOIN sources s ON s.id = m.source_id"

EDITED = "coalesce(e.updated_at, '') != ''"
"""SQL: a person edited the event (its title and date are theirs)."""


def row_to_mention(row: Sequence[Any]) -> Mention:
    """Build a Mention from a row selected with MENTION_COLUMNS."""
    return Mention(
        id=row[0],
        event_id=row[1],
        source_id=row[2],
        quote=row[3] or "",
        title=row[4] or "",
        span_start=row[5],
        span_end=row[6],
        start=row[7],
        end=row[8],
        precision=row[9],
        approximate=bool(row[10]),
        date_basis=row[11] or "",
        date_text=row[12] or "",
        counted_from=row[13],
        position=row[14],
        kind=row[15],
        held=bool(row[16]),
        source_title=row[17],
        source_url=row[18],
        source_published=row[19],
    )


def mentions_of(db: sqlite_utils.Database, event_ids: Iterable[int]) -> list[Mention]:
    """Every mention of the given events, by event then position."""
    ids = sorted(set(event_ids))
    found: list[Mention] = []
    for low in range(0, len(ids), 500):
        chunk = ids[low : low + 500]
        marks = ", ".join("?" for _ in chunk)
        sql = (
            f"SELECT {MENTION_COLUMNS} FROM {MENTION_FROM} WHERE m.event_id IN ({marks}) "
            "ORDER BY m.event_id, m.source_id, m.position, m.id"
        )
        found.extend(row_to_mention(row) for row in db.execute(sql, chunk))
    return found


def mentions_besides(
    db: sqlite_utils.Database, event_ids: Iterable[int], known: Collection[int]
) -> list[Mention]:
    """The mentions of these events other than the `known` ones (ids), by id: the rest of
    the events a window's mentions are in, without reading the window again."""
    ids = sorted(set(event_ids))
    wanted = sorted(
        row[0]
        for row in chunked(db, "SELECT id FROM mentions WHERE event_id IN", ids)
        if row[0] not in known
    )
    found: list[Mention] = []
    for low in range(0, len(wanted), 500):
        chunk = wanted[low : low + 500]
        marks = ", ".join("?" for _ in chunk)
        sql = f"SELECT {MENTION_COLUMNS} FROM {MENTION_FROM} WHERE m.id IN ({marks})"
        found.extend(row_to_mention(row) for row in db.execute(sql, chunk))
    return found


def mentions_dated(
    db: sqlite_utils.Database, low: str | None, high: str | None, exact: Iterable[str] = ()
) -> list[Mention]:
    """Mentions whose date's sort value lies in [low, high] (ISO prefixes, inclusive), plus
    those dated exactly one of `exact` (a year or month); each with `held` true also when a
    person edited its event (merging must leave it where it is)."""
    clauses: list[str] = []
    params: list[Any] = []
    if low is not None and high is not None:
        clauses.append("(m.sort >= ? AND m.sort <= ?)")
        params += [sort_key(low), sort_key(high) + "~"]
    wanted = sorted({sort_key(value) for value in exact})
    if wanted:
        clauses.append(f"m.sort IN ({', '.join('?' for _ in wanted)})")
        params += wanted
    if not clauses:
        return []
    sql = f"SELECT {MENTION_COLUMNS} FROM {MENTION_FROM} WHERE {' OR '.join(clauses)}"
    return with_edits_held(db, [row_to_mention(row) for row in db.execute(sql, params)])


def count_dated(db: sqlite_utils.Database, low: str, high: str) -> int:
    """How many mentions' dates sort within [low, high] (ISO prefixes, inclusive): a cheap look
    at how busy a stretch is before reading it."""
    sql = "SELECT count(*) FROM mentions WHERE sort >= ? AND sort <= ?"
    return int(db.execute(sql, [sort_key(low), sort_key(high) + "~"]).fetchone()[0])


def mention_texts(db: sqlite_utils.Database, source_ids: Iterable[int]) -> dict[int, list[str]]:
    """Title and quote of every mention of these sources, by source, in mention order."""
    ids = sorted(set(source_ids))
    found: dict[int, list[str]] = {}
    for low in range(0, len(ids), 500):
        chunk = ids[low : low + 500]
        marks = ", ".join("?" for _ in chunk)
        sql = (
            f"SELECT source_id, title || ' ' || quote FROM mentions "
            f"WHERE source_id IN ({marks}) ORDER BY id"
        )
        for source_id, text in db.execute(sql, chunk):
            found.setdefault(source_id, []).append(text)
    return found


def all_mentions(db: sqlite_utils.Database) -> list[Mention]:
    """Every mention, edits counted as held (for re-merging a whole database)."""
    sql = f"SELECT {MENTION_COLUMNS} FROM {MENTION_FROM} ORDER BY m.sort, m.id"
    return with_edits_held(db, [row_to_mention(row) for row in db.execute(sql)])


def with_edits_held(db: sqlite_utils.Database, mentions: list[Mention]) -> list[Mention]:
    """Mark mentions of hand-edited or hand-dated events held (only their events are read)."""
    ids = sorted({m.event_id for m in mentions if not m.held})
    edited: set[int] = set()
    for low in range(0, len(ids), 500):
        chunk = ids[low : low + 500]
        marks = ", ".join("?" for _ in chunk)
        edited.update(
            row[0]
            for row in db.execute(
                f"SELECT e.id FROM events e WHERE e.id IN ({marks}) AND "
                f"({EDITED} OR e.date_pick IS NOT NULL)",
                chunk,
            )
        )
    return [replace(m, held=True) if m.event_id in edited else m for m in mentions]


def chunked(db: sqlite_utils.Database, select: str, ids: Sequence[int]) -> list[tuple[Any, ...]]:
    """Rows of `select` ('... WHERE column IN') over ids, 500 at a time."""
    rows: list[tuple[Any, ...]] = []
    for low in range(0, len(ids), 500):
        chunk = ids[low : low + 500]
        rows.extend(db.execute(f"{select} ({', '.join('?' for _ in chunk)})", chunk))
    return rows
