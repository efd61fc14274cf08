"""The Store: one SQLite file holding sources and events, read in date order by keyset pages."""

from __future__ import annotations

import functools
import math
import os
import re
import sqlite3
import threading
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any, TextIO

import sqlite_utils

from store import csv_io, sources
from store.errors import BadDatabase, EventNotFound, ReadOnlyStore, StoreError
from store.models import (
    DATE_FIELDS,
    EVENT_FIELDS,
    PROVENANCE,
    UNDATED_SORT,
    Event,
    Filter,
    NewEvent,
    NewSource,
    SaveResult,
    SortKey,
    Source,
)
from store.rows import EVENT_COLUMNS, EVENT_FROM, event_values, insert_events, now, row_to_event
from store.schema import check_version, migrate

BUSY_TIMEOUT_MS = 5000
"""How long a writer waits for another process's write to finish before giving up."""

IMPORT_CACHE_KIB = 65536
"""Page cache during an import: enough to build the indexes of a million events in memory."""

_WORD = re.compile(r"\w+", re.UNICODE)


def fts_query(words: str) -> str | None:
    """Turn what a user typed into a safe FTS5 query: every word must match, the last as a prefix.

    Returns None when nothing searchable was typed.
    """
    tokens = _WORD.findall(words)
    if not tokens:
        return None
    quoted = [f'"{token}"' for token in tokens]
    if not words.rstrip() or words[-1:].isalnum() or words[-1:] == "_":
        quoted[-1] += "*"
    return " ".join(quoted)


def _redated_by_hand(current: NewEvent, fields: dict[str, Any]) -> bool:
    """True when an edit changes the date but not how it was got: the date is now the person's."""
    return any(fields[name] != getattr(current, name) for name in DATE_FIELDS) and all(
        fields[name] == getattr(current, name) for name in PROVENANCE
    )


def _locked(method: Callable[..., Any]) -> Callable[..., Any]:
    """Run a read under the store's lock, so the search-hits table it relies on stays put."""

    @functools.wraps(method)
    def wrapper(self: Store, *args: Any, **kwargs: Any) -> Any:
        with self._lock:
            return method(self, *args, **kwargs)

    return wrapper


class Store:
    """A timeline database. Safe to share between threads: each call holds the store's lock."""

    def __init__(self, db: sqlite_utils.Database, path: Path, readonly: bool) -> None:
        self.db = db
        self.path = path
        self.readonly = readonly
        self._lock = threading.RLock()
        self._writes = 0
        self._hits_version: tuple[str, int, int] | None = None
        self._hits_count = 0

    # -- opening -------------------------------------------------------------------------
    @classmethod
    def open(cls, path: str | os.PathLike[str], *, readonly: bool = False) -> Store:
        """Open (creating and migrating if needed) the database at `path`.

        A file that exists but cannot be written opens read-only. Raises BadDatabase for a
        directory or a file that is not SQLite, NewerSchema for a newer timeline's database.
        """
        path = Path(path)
        if path.is_dir():
            raise BadDatabase(f"{path} is a directory, not a database file")
        exists = path.exists()
        if exists and not readonly and not os.access(path, os.W_OK):
            readonly = True
        if not exists and readonly:
            raise BadDatabase(f"{path} does not exist")
        if not exists:
            try:
                path.parent.mkdir(parents=True, exist_ok=True)
            except OSError as exc:
                raise BadDatabase(f"cannot create {path}: {exc.strerror}") from None
        try:
            if readonly:
                conn = sqlite3.connect(
                    f"{path.resolve().as_uri()}?mode=ro",
                    uri=True,
                    isolation_level=None,
                    check_same_thread=False,
                )
            else:
                conn = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
            conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
            # In WAL mode NORMAL keeps the database consistent and skips an fsync per commit.
            conn.execute("PRAGMA synchronous = NORMAL")
            conn.execute("PRAGMA foreign_keys = ON")
            db = sqlite_utils.Database(conn)
            if readonly:
                check_version(db, path)
                if not db.table("events").exists():
                    raise BadDatabase(f"{path} is not a timeline database")
            else:
                check_version(db, path)
                if db.execute("PRAGMA journal_mode").fetchone()[0] != "wal":
                    db.execute("PRAGMA journal_mode = WAL")
                migrate(db, path)
        except sqlite3.DatabaseError as exc:
            raise BadDatabase(f"{path} is not an SQLite database ({exc})") from None
        except StoreError:
            conn.close()
            raise
        return cls(db, path, readonly)

    def close(self) -> None:
        """Close the connection."""
        with self._lock:
            self.db.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @contextmanager
    def _writing(self) -> Iterator[sqlite_utils.Database]:
        """Hold the lock and one transaction for a write; refuse when read-only."""
        if self.readonly:
            raise ReadOnlyStore(f"{self.path} is read-only; changes are not saved")
        try:
            with self._lock:
                if self.db.conn.in_transaction:
                    with self.db.atomic():
                        yield self.db
                    return
                # IMMEDIATE takes the write lock up front, so a busy database is waited for
                # (busy_timeout) instead of failing when a read turns into a write.
                self.db.execute("BEGIN IMMEDIATE")
                try:
                    yield self.db
                except BaseException:
                    if self.db.conn.in_transaction:
                        self.db.execute("ROLLBACK")
                    raise
                self.db.execute("COMMIT")
                self._writes += 1
        except sqlite3.DatabaseError as exc:
            # locked past the busy timeout, disk full, file made read-only under us, a
            # constraint or trigger of the database refusing a row
            raise StoreError(f"{self.path}: nothing was saved ({exc})") from None

    def _query(self, sql: str, params: Sequence[Any] = ()) -> list[tuple[Any, ...]]:
        """Run a read under the lock and return all rows."""
        with self._lock:
            return self.db.execute(sql, params).fetchall()

    def data_version(self) -> int:
        """A number that changes when another connection commits a change (PRAGMA data_version)."""
        with self._lock:
            return self.db.execute("PRAGMA data_version").fetchone()[0]

    # -- events --------------------------------------------------------------------------
    def add_event(self, event: NewEvent) -> Event:
        """Add one event and return it as stored."""
        checked = event.checked()
        with self._writing() as db:
            values = event_values(checked) | {"created_at": now()}
            event_id = db.table("events").insert(values).last_pk
        return self.get_event(event_id)

    def add_events(self, events: Iterable[NewEvent], *, source_id: int | None = None) -> int:
        """Add many events in one transaction; returns how many were added."""
        with self._writing():
            return insert_events(self.db, events, source_id)

    def get_event(self, event_id: int) -> Event:
        """Return one event; raises EventNotFound."""
        rows = self._query(f"SELECT {EVENT_COLUMNS} FROM {EVENT_FROM} WHERE e.id = ?", [event_id])
        if not rows:
            raise EventNotFound(f"no event with id {event_id}")
        return row_to_event(rows[0])

    def update_event(self, event_id: int, **changes: Any) -> Event:
        """Change some fields of an event and return it as stored; raises EventNotFound."""
        unknown = set(changes) - set(EVENT_FIELDS)
        if unknown:
            raise StoreError(f"unknown event field(s): {', '.join(sorted(unknown))}")
        with self._writing() as db:
            current = self.get_event(event_id).as_new()
            fields = {name: getattr(current, name) for name in EVENT_FIELDS} | changes
            if "start" in changes and "precision" not in changes:
                fields["precision"] = None
            if _redated_by_hand(current, fields):
                fields |= PROVENANCE
            checked = NewEvent(**fields).checked()
            values = event_values(checked) | {"updated_at": now()}
            db.table("events").update(event_id, values)
        return self.get_event(event_id)

    def delete_event(self, event_id: int) -> Event:
        """Delete an event and return what it was, so that `restore_event` can undo it."""
        with self._writing() as db:
            event = self.get_event(event_id)
            db.execute("DELETE FROM events WHERE id = ?", [event_id])
        return event

    def restore_event(self, event: Event) -> Event:
        """Write a snapshot of an event back under its id: the undo of a delete or an edit.

        A snapshot nobody had edited comes back unedited (updated_at NULL), so re-dating its
        article still replaces it.
        """
        checked = event.as_new().checked()
        edited = event.updated_at is not None and event.updated_at != event.created_at
        values = event_values(checked) | {
            "id": event.id,
            "created_at": event.created_at,
            "updated_at": now() if edited else None,
        }
        with self._writing() as db:
            row = db.execute("SELECT created_at FROM events WHERE id = ?", [event.id]).fetchone()
            if row is None:
                event_id = db.table("events").insert(values).last_pk
            elif row[0] == event.created_at:
                db.table("events").update(event.id, values)
                event_id = event.id
            else:
                # the id now belongs to another event (ids of deleted events can be reused)
                del values["id"]
                event_id = db.table("events").insert(values).last_pk
        return self.get_event(event_id)

    # -- reading in date order -----------------------------------------------------------
    def _where(self, flt: Filter | None, paging: bool = False) -> tuple[list[str], list[Any]]:
        """SQL conditions and parameters for a filter.

        A page of a search walks the date index and tests each row against the search index
        when the words are common (it soon finds a page), and starts from the matches when
        they are rare (so it never scans the table for a few hits).
        """
        clauses: list[str] = []
        params: list[Any] = []
        if flt is None:
            return clauses, params
        if flt.date_from:
            clauses.append("e.sort >= ?")
            params.append(flt.date_from)
        if flt.date_to:
            clauses.append("e.sort <= ?")
            params.append(flt.date_to + "~")
            clauses.append("e.sort != ?")
            params.append(UNDATED_SORT)
        match = fts_query(flt.query or "")
        if match:
            hits = self._search_hits(match)
            # many hits: walk the date index and probe the hits ("+" keeps SQLite from
            # starting at the hits); few hits: look them up and sort them
            walk = paging and hits > max(2000, math.isqrt(200 * self._size()))
            clauses.append(("+" if walk else "") + "e.id IN temp.search_hits")
        return clauses, params

    def _size(self) -> int:
        """A cheap upper bound on the number of events (the largest id)."""
        return self.db.execute("SELECT coalesce(max(id), 0) FROM events").fetchone()[0]

    def _search_hits(self, match: str) -> int:
        """Collect the ids matching a search into temp.search_hits, once per search and
        database version, so paging through a search costs a probe per row, not a new search.
        Returns the number of hits. Callers hold the lock.
        """
        version = (match, self.db.execute("PRAGMA data_version").fetchone()[0], self._writes)
        if self._hits_version != version:
            self.db.execute("DROP TABLE IF EXISTS temp.search_hits")
            self.db.execute("CREATE TEMP TABLE search_hits (id INTEGER PRIMARY KEY)")
            self.db.execute(
                "INSERT INTO temp.search_hits SELECT rowid FROM events_fts "
                "WHERE events_fts MATCH ?",
                [match],
            )
            self._hits_count = self.db.execute("SELECT count(*) FROM temp.search_hits").fetchone()[
                0
            ]
            self._hits_version = version
        return self._hits_count

    @_locked
    def page_after(self, key: SortKey | None, limit: int, flt: Filter | None = None) -> list[Event]:
        """Up to `limit` events strictly after `key` in date order (from the first if None)."""
        clauses, params = self._where(flt, paging=True)
        if key is not None:
            clauses.append("(e.sort, e.id) > (?, ?)")
            params.extend(key)
        where = f"WHERE {' AND '.join(clauses)}" if clauses else ""
        sql = f"SELECT {EVENT_COLUMNS} FROM {EVENT_FROM} {where} ORDER BY e.sort, e.id LIMIT ?"
        return [row_to_event(row) for row in self._query(sql, [*params, limit])]

    @_locked
    def page_before(
        self, key: SortKey | None, limit: int, flt: Filter | None = None
    ) -> list[Event]:
        """Up to `limit` events strictly before `key`, ascending (the last ones if None)."""
        clauses, params = self._where(flt, paging=True)
        if key is not None:
            clauses.append("(e.sort, e.id) < (?, ?)")
            params.extend(key)
        where = f"WHERE {' AND '.join(clauses)}" if clauses else ""
        sql = (
            f"SELECT {EVENT_COLUMNS} FROM {EVENT_FROM} {where} "
            "ORDER BY e.sort DESC, e.id DESC LIMIT ?"
        )
        rows = self._query(sql, [*params, limit])
        return [row_to_event(row) for row in reversed(rows)]

    @_locked
    def key_at_or_after(self, date_iso: str, flt: Filter | None = None) -> SortKey | None:
        """The key of the first event on or after a date (ISO prefix), or None."""
        clauses, params = self._where(flt)
        clauses.append("e.sort >= ?")
        params.append(date_iso)
        sql = f"SELECT e.sort, e.id FROM events e WHERE {' AND '.join(clauses)} "
        rows = self._query(sql + "ORDER BY e.sort, e.id LIMIT 1", params)
        return (rows[0][0], rows[0][1]) if rows else None

    @_locked
    def count(self, flt: Filter | None = None) -> int:
        """How many events the filter lets through."""
        match = fts_query(flt.query or "") if flt else None
        if match and flt is not None and not (flt.date_from or flt.date_to):
            return self._search_hits(match)
        clauses, params = self._where(flt)
        where = f"WHERE {' AND '.join(clauses)}" if clauses else ""
        return self._query(f"SELECT count(*) FROM events e {where}", params)[0][0]

    @_locked
    def count_before(self, key: SortKey, flt: Filter | None = None) -> int:
        """How many filtered events come before `key`: the position of that event."""
        clauses, params = self._where(flt)
        clauses.append("(e.sort, e.id) < (?, ?)")
        params.extend(key)
        sql = f"SELECT count(*) FROM events e WHERE {' AND '.join(clauses)}"
        return self._query(sql, params)[0][0]

    @_locked
    def density(self, flt: Filter | None = None, unit: str = "year") -> list[tuple[str, int]]:
        """Dated events per year or per month, in date order, for the overview chart."""
        width = {"year": 4, "month": 7}[unit]
        clauses, params = self._where(flt)
        clauses.append("e.sort != ?")
        params.append(UNDATED_SORT)
        if unit == "month":
            clauses.append("length(e.sort) >= 7")
        sql = (
            f"SELECT substr(e.sort, 1, {width}) AS period, count(*) FROM events e "
            f"WHERE {' AND '.join(clauses)} GROUP BY period ORDER BY period"
        )
        return [(row[0], row[1]) for row in self._query(sql, params)]

    def events_for_source(self, source_id: int) -> list[Event]:
        """All events taken from one source, in date order."""
        sql = (
            f"SELECT {EVENT_COLUMNS} FROM {EVENT_FROM} WHERE e.source_id = ? ORDER BY e.sort, e.id"
        )
        return [row_to_event(row) for row in self._query(sql, [source_id])]

    # -- sources -------------------------------------------------------------------------
    def save_article(
        self, source: NewSource, events: Sequence[NewEvent], *, mode: str = "add"
    ) -> SaveResult:
        """Record an article and its events in one transaction.

        Args:
            source: the article; known by the sha256 of its text.
            events: the events found in it.
            mode: what to do when the text is already stored: "add" nothing; "redate" set
                its publication date and replace the events nobody edited by hand, keeping
                edited ones; "replace" delete all its events and insert these.

        Returns:
            What was done: events added, removed, kept and skipped.

        Raises:
            BadEvent: an event breaks a rule; nothing is written.
        """
        with self._writing() as db:
            return sources.save_article(db, source, events, mode)

    def get_source(self, source_id: int) -> Source:
        """Return one source; raises StoreError when there is none."""
        rows = self._query(
            "SELECT id, title, url, published, sha256, text, ingested_at FROM sources WHERE id = ?",
            [source_id],
        )
        if not rows:
            raise StoreError(f"no source with id {source_id}")
        return Source(*rows[0])

    # -- CSV -----------------------------------------------------------------------------
    @_locked
    def export_csv(self, out: TextIO, flt: Filter | None = None) -> int:
        """Write events as RFC 4180 CSV in date order; returns the number of rows written."""
        clauses, params = self._where(flt)
        with self._lock:
            return csv_io.export_csv(self.db, out, clauses, params)

    def export_csv_file(self, path: str | os.PathLike[str], flt: Filter | None = None) -> int:
        """Export CSV to a file path, atomically (see store.exporters.export_file); returns rows."""
        from store.exporters import export_file

        return export_file(self, path, "csv", flt).rows

    def import_csv(self, inp: TextIO, parse_date: Callable[[str], Any] | None = None) -> int:
        """Import CSV rows in one transaction (all or nothing); returns rows imported.

        `parse_date` turns a natural-language date into an object with start, end, precision
        and approximate attributes; ISO and EDTF dates need no parser.
        """
        with self._writing() as db:
            db.execute(f"PRAGMA cache_size = {-IMPORT_CACHE_KIB}")
            try:
                return csv_io.import_csv(db, inp, parse_date, now())
            finally:
                db.execute("PRAGMA cache_size = -2000")

    def import_jsonl(self, inp: TextIO) -> int:
        """Import the JSON Lines `timeline list --format jsonl` prints, in one transaction
        (all or nothing); ids, sources and timestamps are kept. Returns events imported.
        """
        from store.exporters.jsonl import import_jsonl

        with self._writing() as db:
            return import_jsonl(db, inp, now())
