"""Mentions: each source's sentence telling a happening, and the events they make up.

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

from timeline.store.errors import StoreError
from timeline.store.models import (
    MENTION_KINDS,
    Mention,
    NewEvent,
    StoryEvent,
    sort_end_key,
    sort_key,
)
from timeline.store.rows import event_values, now

MENTION_COLUMNS = (
    "m.id, m.event_id, m.source_id, m.quote, m.title, m.span_start, m.span_end, m.start, "
    'm."end", m.precision, m.approximate, m.date_basis, m.date_text, m.counted_from, '
    "m.position, m.kind, m.held, s.title, s.url, s.published"
)
"""What every mention read selects, in the order `row_to_mention` takes."""

MENTION_FROM = "mentions m LEFT JOIN sources s ON s.id = m.source_id"

EDITED = "coalesce(e.updated_at, '') != ''"
"""SQL: a person edited the event (its title and date are theirs)."""

INSERT_MENTION = (
    "INSERT INTO mentions (id, event_id, source_id, quote, title, span_start, span_end, start, "
    '"end", precision, approximate, date_basis, date_text, counted_from, position, kind, held, '
    "sort) "
    "VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)"
)


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
        for row in _chunked(db, "SELECT id FROM mentions WHERE event_id IN", ids)
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
    return _with_edits_held(db, [row_to_mention(row) for row in db.execute(sql, params)])


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
    return _with_edits_held(db, [row_to_mention(row) for row in db.execute(sql)])


MERGE_START = "temp.merge_start"
"""Each mention's event and date period when a whole-database merge began (a temp table)."""


def start_merge(db: sqlite_utils.Database) -> list[str]:
    """Note each mention's event and period (its date's first seven characters, 'undated'
    without one) as they are before a whole-database merge; returns the periods in order.

    The merge reads one period at a time (`mentions_of_period`) and moves mentions as it
    goes: each is read with the event it was in when the merge began, as when the whole
    database was read at once, without holding it all in memory.
    """
    db.execute(f"DROP TABLE IF EXISTS {MERGE_START}")
    db.execute(
        f"CREATE TABLE {MERGE_START} AS SELECT id, event_id, CASE WHEN coalesce(start, '') = '' "
        "THEN 'undated' ELSE substr(start, 1, 7) END AS period FROM mentions"
    )
    db.execute(f"CREATE INDEX {MERGE_START}_period ON merge_start (period, id)")
    return [row[0] for row in db.execute(f"SELECT DISTINCT period FROM {MERGE_START} ORDER BY 1")]


def mentions_of_period(db: sqlite_utils.Database, period: str) -> list[Mention]:
    """The mentions of one period noted by `start_merge`, with the events they were in then,
    edits counted as held."""
    columns = MENTION_COLUMNS.replace("m.event_id", "p.event_id", 1)
    sql = (
        f"SELECT {columns} FROM {MENTION_FROM} JOIN {MERGE_START} p ON p.id = m.id "
        "WHERE p.period = ? ORDER BY m.sort, m.id"
    )
    return _with_edits_held(db, [row_to_mention(row) for row in db.execute(sql, [period])])


def end_merge(db: sqlite_utils.Database) -> None:
    """Drop what `start_merge` noted."""
    db.execute(f"DROP TABLE IF EXISTS {MERGE_START}")


def _with_edits_held(db: sqlite_utils.Database, mentions: list[Mention]) -> list[Mention]:
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


def apply_story(db: sqlite_utils.Database, stories: Sequence[StoryEvent]) -> dict[int, int]:
    """Put each story's mentions in one event and write what the story layer derived.

    Each story keeps the event of its held mentions, else the event most of its mentions are
    in (lowest id on a tie), unless
    another story took it first; a story with none free gets a new event. Events emptied by
    the moves go, unless a person edited them (then they stay, as typed events do). Returns
    {first mention id of each story: its event id}.

    Read in a few queries and written in bulk: the moves are followed in memory (an event's
    sources are counted once every story has taken its mentions, so a mention a later story
    takes out is not counted), and an event whose mentions and derived fields are already
    what the story says is not written at all.
    """
    all_ids = [mid for story in stories for mid in story.mention_ids]
    current: dict[int, int] = {}
    pinned: set[int] = set()
    for mid, eid, held in _chunked(
        db, "SELECT id, event_id, held FROM mentions WHERE id IN", all_ids
    ):
        current[mid] = eid
        if held:
            pinned.add(mid)
    touched = set(current.values())
    members: dict[int, dict[int, int | None]] = {eid: {} for eid in touched}
    for mid, eid, source in _chunked(
        db, "SELECT id, event_id, source_id FROM mentions WHERE event_id IN", sorted(touched)
    ):
        members[eid][mid] = source
    rows = {
        row[0]: row[1:]
        for row in _chunked(
            db, f"SELECT id, {_EVENT_STATE} FROM events WHERE id IN", sorted(touched)
        )
    }
    told = {
        row[0]: row[1:]
        for row in _chunked(
            db,
            "SELECT id, title, quote, source_id, span_start, span_end, date_basis, date_text, "
            "counted_from FROM mentions WHERE id IN",
            sorted({s.title_mention for s in stories} | {s.date_mention for s in stories}),
        )
    }
    taken: set[int] = set()
    placed: dict[int, int] = {}
    moves: list[tuple[int, int]] = []
    targets: list[tuple[int, StoryEvent]] = []
    writes: dict[tuple[str, ...], list[list[Any]]] = {}
    for story in sorted(stories, key=lambda s: (-len(s.mention_ids), min(s.mention_ids))):
        votes: dict[int, int] = {}
        for mid in story.mention_ids:
            if mid in current:  # a mention a person placed keeps its event whatever the votes
                weight = len(all_ids) + 1 if mid in pinned else 1
                votes[current[mid]] = votes.get(current[mid], 0) + weight
        choices = sorted(votes, key=lambda eid: (-votes[eid], eid))
        target = next((eid for eid in choices if eid not in taken), None)
        if target is None:
            target = _new_event_for(db, story)
            members[target] = {}
        taken.add(target)
        for mid in story.mention_ids:
            if current.get(mid) != target:
                moves.append((target, mid))
                if mid in current:  # an id no longer stored moves nothing
                    members[target][mid] = members[current[mid]].pop(mid)
        placed[min(story.mention_ids)] = target
        targets.append((target, story))
    for target, story in targets:  # sources counted once every story has taken its mentions
        sets = _derived(rows.get(target), told, story, members[target])
        if sets:
            writes.setdefault(tuple(sets), []).append([*sets.values(), target])
    db.conn.executemany("UPDATE mentions SET event_id = ? WHERE id = ?", moves)
    for names, values in writes.items():
        assignments = ", ".join(f'"{name}" = ?' for name in names)
        db.conn.executemany(
            f"UPDATE events SET {assignments}, version = version + 1 WHERE id = ?", values
        )
    emptied = sorted(touched - taken)
    for eid in emptied:
        db.execute(
            "DELETE FROM events AS e WHERE e.id = ? AND e.sources > 0 AND NOT "
            f"({EDITED}) AND NOT EXISTS (SELECT 1 FROM mentions m WHERE m.event_id = e.id)",
            [eid],
        )
        recount(db, eid)
    return placed


_EVENT_STATE = (
    "coalesce(updated_at, '') != '', date_pick, title, quote, source_id, span_start, span_end, "
    'start, "end", precision, approximate, sort, sort_end, date_basis, date_text, counted_from, '
    "importance, is_key, conflict, sources"
)
"""What `_derived` compares: whether a person edited the event or picked its date, then the
fields a story writes, in `_DERIVED` order."""
_DERIVED = (
    "title", "quote", "source_id", "span_start", "span_end", "start", "end", "precision",
    "approximate", "sort", "sort_end", "date_basis", "date_text", "counted_from",
    "importance", "is_key", "conflict", "sources",
)  # fmt: skip


def _chunked(db: sqlite_utils.Database, select: str, ids: Sequence[int]) -> list[tuple[Any, ...]]:
    """Rows of `select` ('... WHERE column IN') over ids, 500 at a time."""
    rows: list[tuple[Any, ...]] = []
    for low in range(0, len(ids), 500):
        chunk = ids[low : low + 500]
        rows.extend(db.execute(f"{select} ({', '.join('?' for _ in chunk)})", chunk))
    return rows


def _derived(
    state: tuple[Any, ...] | None,
    told: dict[int, tuple[Any, ...]],
    story: StoryEvent,
    members: dict[int, int | None],
) -> dict[str, Any]:
    """The fields of a story's event that differ from what it holds now (`state`, None for a
    new event); a person's title and date are kept. `members`: its mentions' sources."""
    edited, pick = (False, None) if state is None else state[:2]
    sets: dict[str, Any] = {
        "importance": story.importance,
        "is_key": int(story.key),
        "conflict": int(story.conflict),
    }
    titled = told.get(story.title_mention)
    dated = told.get(story.date_mention)
    if not edited and titled is not None:
        sets |= dict(
            zip(("title", "quote", "source_id", "span_start", "span_end"), titled[:5], strict=True)
        )
    if not edited and pick is None and dated is not None:
        sets |= {
            "start": story.start,
            "end": story.end,
            "precision": story.precision,
            "approximate": int(story.approximate),
            "sort": sort_key(story.start),
            "sort_end": sort_end_key(story.start, story.end),
        }
        sets |= dict(zip(("date_basis", "date_text", "counted_from"), dated[5:], strict=True))
    if members:  # the distinct sources of its mentions, as `recount` counts them
        sets["sources"] = len({source for source in members.values() if source is not None})
    if state is None:
        return sets
    now_values = dict(zip(_DERIVED, state[2:], strict=True))
    if all(now_values[name] == value for name, value in sets.items()):
        return {}
    return sets


def _new_event_for(db: sqlite_utils.Database, story: StoryEvent) -> int:
    """Insert an empty event row for a story that found no event of its own to keep."""
    row = db.execute(
        "INSERT INTO events (title, sort, created_at) VALUES ('…', '~', ?) RETURNING id", [now()]
    ).fetchone()
    event_id: int = row[0]
    return event_id


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
