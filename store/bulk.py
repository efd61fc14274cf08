"""Bulk loading of events, shared by the CSV and JSON Lines imports: one insert statement, ids
kept when free, identical rows skipped, and indexes dropped and built once into an empty table.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence
from functools import lru_cache
from typing import Any

import sqlite_utils

INSERT_EVENT = (
    'INSERT INTO events (id, title, start, "end", precision, approximate, details, quote, tags, '
    "source_id, created_at, sort, sort_end) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)"
)
ROW_WIDTH = 13
"""Values in one INSERT_EVENT row."""
ROWS_PER_INSERT = 500
"""Rows one multi-row INSERT carries: a statement per row costs a third of a bulk load."""
FTS_TRIGGERS = ("events_ai", "events_ad", "events_au")
BULK_INDEXES = ("events_sort_id", "events_source_id", "events_ranged")


def insert_events(conn: sqlite3.Connection, values: list[Any]) -> None:
    """Insert INSERT_EVENT rows given as one flat list (ROW_WIDTH values a row), up to
    ROWS_PER_INSERT rows a statement (fewer where SQLite allows fewer parameters)."""
    limit = conn.getlimit(sqlite3.SQLITE_LIMIT_VARIABLE_NUMBER)
    per = max(1, min(ROWS_PER_INSERT, limit // ROW_WIDTH))
    step = per * ROW_WIDTH
    whole = len(values) - len(values) % step
    if whole:
        statements = [values[at : at + step] for at in range(0, whole, step)]
        conn.executemany(_insert_rows(per), statements)
    if whole < len(values):
        conn.execute(_insert_rows((len(values) - whole) // ROW_WIDTH), values[whole:])


@lru_cache(maxsize=8)
def _insert_rows(rows: int) -> str:
    """INSERT_EVENT for `rows` rows at once."""
    one = "(" + ",".join("?" * ROW_WIDTH) + ")"
    return INSERT_EVENT.replace(f"VALUES {one}", "VALUES " + ",".join([one] * rows))


class Ids:
    """Hands out event ids for an import with an id column: the file's id when it is free,
    else the next unused one, so rows without ids never collide with later rows that have them.
    """

    def __init__(self, used: set[int], start: int) -> None:
        self.used = used
        self.next = start

    def take(self, wanted: int | None) -> int:
        """The id for one row."""
        if wanted is not None and wanted not in self.used:
            self.used.add(wanted)
            return wanted
        while self.next in self.used:
            self.next += 1
        self.used.add(self.next)
        return self.next


class Imported(int):
    """How many rows an import added (it is that number), and `skipped`: rows identical to
    events already stored, which an import never adds twice."""

    skipped: int

    def __new__(cls, added: int, skipped: int = 0) -> Imported:
        value = super().__new__(cls, added)
        value.skipped = skipped
        return value


_SAME = (
    'SELECT 1 FROM events WHERE sort = ? AND title = ? AND "end" IS ? AND approximate = ? '
    "AND details = ? AND quote = ? AND tags = ? AND source_id IS ? LIMIT 1"
)


def stored(db: sqlite_utils.Database, row: Sequence[Any]) -> bool:
    """Whether an event identical to this INSERT_EVENT row (all but its id) is already stored."""
    _, title, _, end, _, approximate, details, quote, tags, source_id, _, sort, _ = row
    return is_stored(db, sort, title, end, approximate, details, quote, tags, source_id)


def is_stored(
    db: sqlite_utils.Database,
    sort: str,
    title: str,
    end: str | None,
    approximate: bool | int,
    details: str,
    quote: str,
    tags: str,
    source_id: int | None,
) -> bool:
    """Whether an event with these values is already stored; one probe of the date index."""
    same = [sort, title, end, approximate, details, quote, tags, source_id]
    return db.execute(_SAME, same).fetchone() is not None


def drop_for_bulk_load(db: sqlite_utils.Database) -> list[str]:
    """Drop the search triggers and event indexes before a bulk load; return the SQL to rebuild.

    Building an index once from all rows, and the search index in one pass, is several times
    faster than updating them row by row. All of it runs inside the import's transaction.
    """
    names = [*FTS_TRIGGERS, *BULK_INDEXES]
    marks = ", ".join("?" for _ in names)
    rows = db.execute(
        f"SELECT type, name, sql FROM sqlite_master WHERE name IN ({marks})", names
    ).fetchall()
    for kind, name, _ in rows:
        db.execute(f'DROP {kind.upper()} "{name}"')
    return [sql for _, _, sql in rows]
