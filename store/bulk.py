"""Bulk loading of events, shared by the CSV and JSON Lines imports: one insert statement, ids
kept when the database never handed them out, identical rows skipped, and indexes dropped and
built once into an empty table.
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
BULK_INDEXES = (
    "events_sort_id",
    "events_source_id",
    "events_ranged",
    "events_key_sort",
    "events_month_day",
)


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
    """Hands out event ids for an import with an id column: the file's id when this database
    never handed it out (so a new database takes an export back with its ids, and an id once
    deleted never comes back as another event), else the next unused one; rows without ids
    never collide with later rows that have them.
    """

    def __init__(self, handed_out: int) -> None:
        self.handed_out = handed_out
        self.used: set[int] = set()
        self.next = handed_out + 1

    @classmethod
    def of(cls, db: sqlite_utils.Database) -> Ids:
        """Ids for an import into `db`: above every id it has handed out, even deleted ones."""
        row = db.execute(
            "SELECT max(coalesce((SELECT seq FROM sqlite_sequence WHERE name = 'events'), 0), "
            "coalesce((SELECT max(id) FROM events), 0))"
        ).fetchone()
        return cls(row[0])

    def take(self, wanted: int | None) -> int:
        """The id for one row."""
        if wanted is not None and wanted > self.handed_out and wanted not in self.used:
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


_SAME_VALUES = 'sort, title, "end", approximate, details, quote, tags, source_id'
_SAME = (
    'SELECT 1 FROM events WHERE sort = ? AND title = ? AND "end" IS ? AND approximate = ? '
    "AND details = ? AND quote = ? AND tags = ? AND +source_id IS ? AND id <= ? LIMIT 1"
)
"""One probe of the date index (`+source_id` keeps SQLite off the source index, where every
undated-source row shares one NULL key); `id <= ?` limits it to rows stored before the import."""

PROBES_BEFORE_SCAN = 256
"""Rows an import probes one by one before it reads the stored events' fingerprints in one scan."""


class Stored:
    """The events stored before an import began, to skip rows identical to one of them.

    A small import probes the date index per row. Past PROBES_BEFORE_SCAN rows, one scan maps a
    hash of each stored event to its id, so every later row costs a dictionary lookup and, on a
    match, one read by id (a probe of the date index costs as much as the events sharing its
    date). Rows the import itself added are never matched: two identical rows of one file both
    go in, as they do into an empty database.
    """

    def __init__(self, db: sqlite_utils.Database) -> None:
        self.db = db
        self.last_id: int = db.execute("SELECT coalesce(max(id), 0) FROM events").fetchone()[0]
        self.ids: dict[int, int] | None = None
        self.probes = 0

    def has_row(self, row: Sequence[Any]) -> bool:
        """Whether an event identical to this INSERT_EVENT row (all but its id) was stored."""
        _, title, _, end, _, approximate, details, quote, tags, source_id, _, sort, _ = row
        return self.has(sort, title, end, approximate, details, quote, tags, source_id)

    def has(
        self,
        sort: str,
        title: str,
        end: str | None,
        approximate: int,
        details: str,
        quote: str,
        tags: str,
        source_id: int | None,
    ) -> bool:
        """Whether an event with these values was stored before the import."""
        if not self.last_id:
            return False
        key = (sort, title, end, approximate, details, quote, tags, source_id)
        if self.ids is None:
            self.probes += 1
            if self.probes <= PROBES_BEFORE_SCAN:
                return self.db.execute(_SAME, [*key, self.last_id]).fetchone() is not None
            scan = self.db.execute(
                f"SELECT id, {_SAME_VALUES} FROM events WHERE id <= ?", [self.last_id]
            )
            self.ids = {hash(values[1:]): values[0] for values in scan}
        found = self.ids.get(hash(key))
        if found is None:
            return False
        row = self.db.execute(f"SELECT {_SAME_VALUES} FROM events WHERE id = ?", [found])
        if row.fetchone() == key:
            return True
        return self.db.execute(_SAME, [*key, self.last_id]).fetchone() is not None  # hash clash


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


def rebuild_search_index(db: sqlite_utils.Database) -> None:
    """Build the search index from every event in one pass.

    Incremental merging is off for the pass (FTS5 `automerge` 0; its crisis merges still bound
    the segments) and back at FTS5's default of 4 after: 1,000,000 events index in 1.9 s instead
    of 2.2 s, and searches on the result take the same time.
    """
    config = "INSERT INTO events_fts(events_fts, rank) VALUES('automerge', ?)"
    db.execute(config, [0])
    db.execute("INSERT INTO events_fts(events_fts) VALUES('rebuild')")
    db.execute(config, [4])
