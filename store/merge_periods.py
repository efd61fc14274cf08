"""The whole-database merge's periods: each mention's event noted when the merge began, so the
merge reads one date period at a time as the database stood, without holding it all in memory."""

from __future__ import annotations

import sqlite_utils

from timeline.store.mentions import MENTION_COLUMNS, MENTION_FROM, row_to_mention, with_edits_held
from timeline.store.models import Mention

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
    return with_edits_held(db, [row_to_mention(row) for row in db.execute(sql, [period])])


def end_merge(db: sqlite_utils.Database) -> None:
    """Drop what `start_merge` noted."""
    db.execute(f"DROP TABLE IF EXISTS {MERGE_START}")
