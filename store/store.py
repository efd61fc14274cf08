"""The Store: one SQLite file holding sources and events, read in date order by keyset pages."""

from __future__ import annotations

import os
import re
import sqlite3
import threading
import time
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager, suppress
from dataclasses import replace
from pathlib import Path
from typing import Any, TextIO

import sqlite_utils

from timeline.store import csv_import, csv_io, jsonl_import, mention_changes
from timeline.store.browsing import Browsing
from timeline.store.bulk import Imported
from timeline.store.errors import (
    EventChanged,
    EventNotFound,
    ReadOnlyStore,
    StoreError,
    damaged,
    translate,
)
from timeline.store.models import (
    DATE_FIELDS,
    EVENT_FIELDS,
    PROVENANCE,
    Event,
    Filter,
    NewEvent,
)
from timeline.store.opening import connect
from timeline.store.reading import locked
from timeline.store.rows import (
    EVENT_COLUMNS,
    EVENT_FROM,
    event_values,
    insert_events,
    now,
    row_to_event,
)
from timeline.store.signals import commit_scope, hold
from timeline.store.sourcing import Sourcing
from timeline.store.storytelling import Storytelling

WRITE_TRY_MS = 200
"""How long one try for the write lock waits inside SQLite (reads of other threads wait as long)."""

WAIT_LIMIT_S = 3600.0
"""How long a write waits for another program's transaction before giving up (an hour: a big
import may hold the lock for minutes; Ctrl+C stops the wait)."""

WAL_KEPT = 1 << 20
"""A WAL larger than this after a failed write is checkpointed and truncated."""

_WORD = re.compile(r"\w+", re.UNICODE)


def _redated_by_hand(current: NewEvent, fields: dict[str, Any]) -> bool:
    """True when an edit changes the date but not how it was got: the date is now the person's."""
    return any(fields[name] != getattr(current, name) for name in DATE_FIELDS) and all(
        fields[name] == getattr(current, name) for name in PROVENANCE
    )


class Store(Storytelling, Sourcing, Browsing):
    """A timeline database. Safe to share between threads: each call holds the store's lock."""

    def __init__(self, db: sqlite_utils.Database, path: Path, readonly: bool) -> None:
        self.db = db
        self.path = path
        self.readonly = readonly
        self._lock = threading.RLock()
        self._writes = 0
        self._init_reading()
        db.execute(f"PRAGMA busy_timeout = {WRITE_TRY_MS}")
        self.wait_limit = WAIT_LIMIT_S
        self.on_busy: Callable[[str], None] | None = None

    # -- opening -------------------------------------------------------------------------
    @classmethod
    def open(cls, path: str | os.PathLike[str], *, readonly: bool = False) -> Store:
        """Open (creating and migrating if needed) the timeline database at `path`.

        A file or folder that cannot be written opens read-only. Raises BadDatabase for a
        directory, a file that is not SQLite or another program's database (left untouched),
        NewerSchema for a newer timeline's database, DamagedDatabase, DiskFull.
        """
        path = Path(path)
        db, readonly = connect(path, readonly)
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
        """Hold the lock and one transaction for a write; refuse when read-only.

        A database another program is writing to is waited for as long as its transaction
        takes (up to `wait_limit` seconds), calling `on_busy` once after the first second;
        while waiting the store's lock is let go, so reads from other threads go on.
        Any failure rolls back and raises a StoreError subclass with a one-line message.
        """
        if self.readonly:
            raise ReadOnlyStore(f"{self.path} is read-only; changes are not saved")
        try:
            with self._lock, commit_scope():
                if self.db.conn.in_transaction:
                    with self.db.atomic():
                        yield self.db
                    return
                self._begin()
                try:
                    yield self.db
                except BaseException:
                    if self.db.conn.in_transaction:
                        self.db.execute("ROLLBACK")
                    self._shrink_wal()
                    raise
                hold()  # a stop signal from here on is acted on once the commit is counted
                self.db.execute("COMMIT")
                self._writes += 1
        except (sqlite3.Error, OSError) as exc:
            # disk full, file made read-only under us, a constraint refusing a row, or damage
            raise self._explain(exc) from None

    def _shrink_wal(self) -> None:
        """After a rolled-back write, give back the space its pages took in the WAL (a failed
        import on a full disk left 40 MB there, keeping the disk full). Best effort."""
        wal = self.path.with_name(self.path.name + "-wal")
        with suppress(OSError, sqlite3.Error):
            if wal.stat().st_size > WAL_KEPT:
                self.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")

    @contextmanager
    def batch(self) -> Iterator[Store]:
        """One transaction around several writes (e.g. an article and the merge it causes):
        all of them or none."""
        with self._writing():
            yield self

    def _begin(self) -> None:
        """BEGIN IMMEDIATE, waiting for another writer's transaction to end (see _writing).

        Called holding the lock once; each try waits WRITE_TRY_MS inside SQLite, then the
        lock is let go for a moment so that other threads' reads are not held up.
        """
        started = time.monotonic()
        told = False
        while True:
            try:
                self.db.execute("BEGIN IMMEDIATE")
                return
            except sqlite3.OperationalError as exc:
                busy = "locked" in str(exc) or "busy" in str(exc)
                waited = time.monotonic() - started
                if not busy or waited >= self.wait_limit:
                    raise
                if not told and waited >= 1.0 and self.on_busy is not None:
                    self.on_busy(f"waiting for another program writing to {self.path}…")
                    told = True
            self._lock.release()
            try:
                time.sleep(0.01)
            finally:
                self._lock.acquire()

    def _explain(self, exc: BaseException, doing: str = "nothing was saved") -> StoreError:
        """The StoreError for a failed operation; an odd failure is checked for damage."""
        error = translate(exc, self.path, doing)
        if type(error) is StoreError and isinstance(exc, sqlite3.DatabaseError):
            try:
                verdict = self.db.execute("PRAGMA quick_check(1)").fetchone()[0]
            except sqlite3.Error:
                verdict = "unreadable"
            if verdict != "ok":
                return damaged(self.path)
        return error

    def data_version(self, wait: bool = True) -> int | None:
        """A number that changes when another connection commits a change (PRAGMA data_version).

        With wait=False it returns None at once when another thread is using this connection
        (a write waiting for the database), so a screen polling for changes never stalls.
        """
        if not self._lock.acquire(blocking=wait):
            return None
        try:
            version: int = self._query("PRAGMA data_version")[0][0]
            return version
        finally:
            self._lock.release()

    # -- events --------------------------------------------------------------------------
    def add_event(self, event: NewEvent) -> Event:
        """Add one event and return it as stored."""
        checked = event.checked()
        with self._writing() as db:
            values = event_values(checked) | {"created_at": now()}
            event_id = db.table("events").insert(values).last_pk
        assert isinstance(event_id, int)
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
        found = row_to_event(rows[0])
        return replace(found, mentions=tuple(self._mentions_of([event_id])))

    def update_event(self, event_id: int, **changes: Any) -> Event:
        """Change some fields of an event and return it as stored; raises EventNotFound."""
        unknown = set(changes) - set(EVENT_FIELDS)
        if unknown:
            raise StoreError(f"unknown event field(s): {', '.join(sorted(unknown))}")
        with self._writing() as db:
            stored = self.get_event(event_id)
            current, current_version = stored.as_new(), stored.version
            fields = {name: getattr(current, name) for name in EVENT_FIELDS} | changes
            if "start" in changes and "precision" not in changes:
                fields["precision"] = None
            if _redated_by_hand(current, fields):
                fields |= PROVENANCE
            checked = NewEvent(**fields).checked(known=current)
            values = event_values(checked) | {"updated_at": now(), "version": current_version + 1}
            db.table("events").update(event_id, values)
        return self.get_event(event_id)

    def delete_event(self, event_id: int, *, version: int | None = None) -> Event:
        """Delete an event and return what it was, so that `restore_event` can undo it.

        With `version`, delete only that version of the row (the undo of an add): raises
        EventChanged when someone changed it since.
        """
        with self._writing() as db:
            event = self.get_event(event_id)
            if version is not None and event.version != version:
                raise EventChanged(
                    f"“{event.title}” was changed since, by another program or window; "
                    "undo left it as it is"
                )
            db.execute("DELETE FROM mentions WHERE event_id = ?", [event_id])
            db.execute("DELETE FROM events WHERE id = ?", [event_id])
        return event

    def restore_event(self, event: Event, *, over: int | None = None) -> Event:
        """Write a snapshot of an event back under its id: the undo of a delete or an edit.

        `over` is the version the undo expects to find (the one its edit made); None means the
        event must be gone (the undo of a delete). Ids are never reused, so an id proves whose
        row it is and the version proves nobody changed it since; otherwise EventChanged is
        raised and nothing is written. A snapshot nobody had edited comes back unedited
        (updated_at NULL), so re-dating its article still replaces it.
        """
        snapshot = event.as_new()
        checked = snapshot.checked(known=snapshot)  # it was stored as it is
        edited = event.updated_at is not None and event.updated_at != event.created_at
        values = event_values(checked) | {
            "created_at": event.created_at,
            "updated_at": now() if edited else None,
        }
        with self._writing() as db:
            row = db.execute(
                "SELECT version, title FROM events WHERE id = ?", [event.id]
            ).fetchone()
            found = None if row is None else row[0]
            if found != over:
                what = (
                    "is back already"
                    if over is None
                    else "was deleted since"
                    if row is None
                    else "was changed since"
                )
                title = event.title if row is None else row[1]  # as the person sees it now
                raise EventChanged(
                    f"“{title}” {what}, by another program or window; undo left it as it is"
                )
            values["version"] = (found or event.version) + 1
            if row is None:
                db.table("events").insert(values | {"id": event.id})
            else:
                db.table("events").update(event.id, values)
            mention_changes.restore_mentions(db, event.mentions)
        return self.get_event(event.id)

    # -- notes ---------------------------------------------------------------------------
    def set_meta(self, key: str, value: str) -> None:
        """Keep a note about this database (read back with `meta`)."""
        with self._writing() as db:
            db.execute(
                "INSERT INTO timeline_meta (key, value) VALUES (?, ?) "
                "ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                [key, value],
            )

    # -- CSV -----------------------------------------------------------------------------
    @locked
    def export_csv(self, out: TextIO, flt: Filter | None = None, limit: int | None = None) -> int:
        """Write events (the first `limit`) as RFC 4180 CSV in date order; returns rows."""
        clauses, params = self._where(flt)
        return csv_io.export_csv(self.db, out, clauses, params, limit)

    def import_csv(self, inp: TextIO, parse_date: Callable[[str], Any] | None = None) -> Imported:
        """Import CSV rows in one transaction (all or nothing); returns rows imported, an int
        whose `skipped` counts rows identical to events already stored (never added twice).

        `parse_date` turns a natural-language date into an object with start, end, precision
        and approximate attributes; ISO and EDTF dates need no parser.
        """
        with self._writing() as db:
            return csv_import.import_csv(db, inp, parse_date, now())

    def import_jsonl(self, inp: TextIO) -> Imported:
        """Import the JSON Lines `timeline list --format jsonl` prints, in one transaction
        (all or nothing); ids, sources and timestamps are kept. Returns events imported.
        """
        with self._writing() as db:
            return jsonl_import.import_jsonl(db, inp, now())
