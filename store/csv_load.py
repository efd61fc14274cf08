"""Inserting an import's rows: batches as flat lists, many rows a statement, the sources they
name found or created, identical rows skipped, and batches a csv_worker reads loaded under a
savepoint so that a hand-back to this process leaves nothing behind.
"""

from __future__ import annotations

import hashlib
import sqlite3
from collections.abc import Callable, Iterable, Iterator
from contextlib import closing
from itertools import chain
from typing import Any, TextIO

import sqlite_utils

from timeline.store.bulk import ROW_WIDTH, Imported, Stored, insert_events
from timeline.store.csv_worker import NeedsParser, WorkerLost, read_in_worker
from timeline.store.errors import BadCSV


class Load:
    """Inserts flat batches of rows: sources found or created, identical rows skipped when
    the table was not empty, counts kept for the result and for error messages."""

    def __init__(self, db: sqlite_utils.Database, now: str, bulk: bool, has_sources: bool) -> None:
        self.db = db
        self.now = now
        self.has_sources = has_sources
        self.stored = None if bulk else Stored(db)
        self.reset()

    def reset(self) -> None:
        """Forget what was loaded (after a rollback)."""
        self.sources: dict[tuple[str, str, str], int | None] = {}
        self.count = self.skipped = 0

    def run(self, batches: Iterable[list[Any]]) -> Imported:
        """Insert every batch; returns rows imported."""
        for values in batches:
            if self.has_sources:
                for at in range(9, len(values), ROW_WIDTH):
                    values[at] = _source_id(self.db, self.sources, tuple(values[at]), self.now)
            if self.stored is not None:
                rows = [values[at : at + ROW_WIDTH] for at in range(0, len(values), ROW_WIDTH)]
                fresh = [row for row in rows if not self.stored.has_row(row)]
                self.skipped += len(rows) - len(fresh)
                values = list(chain.from_iterable(fresh))
            rows_in = len(values) // ROW_WIDTH
            try:
                insert_events(self.db.conn, values)
            except (sqlite3.IntegrityError, OverflowError) as exc:
                first = self.count + 2
                raise BadCSV(f"rows {first}-{first + rows_in - 1}: {exc}") from None
            self.count += rows_in
        return Imported(self.count, self.skipped)


def load_in_worker(
    load: Load, path: str, encoding: str, produce: Callable[[TextIO], Iterator[list[Any]]]
) -> Imported | None:
    """Load the batches `produce` makes of the file at `path` in a csv_worker; None (nothing
    loaded) where a cell needs the date parser or the worker died, and this process must
    read the file itself."""
    load.db.execute("SAVEPOINT csv_worker")
    try:
        with closing(read_in_worker(path, encoding, produce)) as batches:
            done = load.run(batches)
    except (NeedsParser, WorkerLost):
        load.db.execute("ROLLBACK TO csv_worker")
        load.db.execute("RELEASE csv_worker")
        load.reset()
        return None
    load.db.execute("RELEASE csv_worker")
    return done


def _source_id(
    db: sqlite_utils.Database,
    cache: dict[tuple[str, str, str], int | None],
    ident: tuple[str, str, str],
    now: str,
) -> int | None:
    """Find or create the source a record names by (title, url, published); None for none."""
    if ident in cache:
        return cache[ident]
    if not any(ident):
        cache[ident] = None
        return None
    title, url, published = (part or None for part in ident)
    found = db.execute(
        "SELECT id FROM sources WHERE title IS ? AND url IS ? AND published IS ? LIMIT 1",
        [title, url, published],
    ).fetchone()
    if not found:
        digest = hashlib.sha256("\x1f".join(("csv", *ident)).encode("utf-8")).hexdigest()
        found = db.execute("SELECT id FROM sources WHERE sha256 = ?", [digest]).fetchone()
    if not found:
        found = db.execute(
            "INSERT INTO sources (title, url, published, sha256, ingested_at) "
            "VALUES (?, ?, ?, ?, ?) RETURNING id",
            [title, url, published, digest, now],
        ).fetchone()
    source_id: int = found[0]
    cache[ident] = source_id
    return source_id
