"""A story's events written: each story's mentions put in one event, with the date, title,
importance and conflict mark the story layer chose (`ingest.story` decides; this only writes)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import sqlite_utils

from timeline.store.mention_writes import recount
from timeline.store.mentions import EDITED, chunked
from timeline.store.models import StoryEvent, sort_end_key, sort_key
from timeline.store.rows import now


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
    for mid, eid, held in chunked(
        db, "SELECT id, event_id, held FROM mentions WHERE id IN", all_ids
    ):
        current[mid] = eid
        if held:
            pinned.add(mid)
    touched = set(current.values())
    members: dict[int, dict[int, int | None]] = {eid: {} for eid in touched}
    for mid, eid, source in chunked(
        db, "SELECT id, event_id, source_id FROM mentions WHERE event_id IN", sorted(touched)
    ):
        members[eid][mid] = source
    rows = {
        row[0]: row[1:]
        for row in chunked(
            db, f"SELECT id, {_EVENT_STATE} FROM events WHERE id IN", sorted(touched)
        )
    }
    told = {
        row[0]: row[1:]
        for row in chunked(
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
