"""The Store's side for sources: articles saved with their events, looked up, deleted with
the events they tell and put back (`store.sources` and `store.mention_writes` hold the SQL)."""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Callable, Sequence
from contextlib import AbstractContextManager
from typing import Any

import sqlite_utils

from timeline.store import mention_changes, mention_writes, sources
from timeline.store.errors import EventChanged, StoreError
from timeline.store.models import Event, NewEvent, NewSource, SaveResult, Source


class Sourcing:
    """Mixed into the Store: everything about the articles events are taken from."""

    db: sqlite_utils.Database
    _lock: threading.RLock
    _writing: Callable[[], AbstractContextManager[sqlite_utils.Database]]
    _explain: Callable[..., StoreError]
    _query: Callable[..., list[tuple[Any, ...]]]
    get_event: Callable[[int], Event]
    restore_event: Callable[..., Event]

    def save_article(
        self,
        source: NewSource,
        events: Sequence[NewEvent],
        *,
        mode: str = "add",
        kinds: Sequence[str] | None = None,
        positions: Sequence[int] | None = None,
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
            return sources.save_article(db, source, events, mode, kinds, positions)

    def stored_texts(self, texts: Sequence[str]) -> list[bool]:
        """For each article text, whether it is already stored (same sha256), so a resumed
        corpus ingest skips it without analysing it again."""
        digests = [sources.text_digest(text) for text in texts]
        with self._lock:
            try:
                found = sources.stored_digests(self.db, digests)
            except sqlite3.Error as exc:
                raise self._explain(exc, "nothing was read") from None
        return [digest in found for digest in digests]

    def get_source(self, source_id: int) -> Source:
        """Return one source; raises StoreError when there is none."""
        rows = self._query(
            "SELECT id, title, url, published, sha256, text, ingested_at, path FROM sources "
            "WHERE id = ?",
            [source_id],
        )
        if not rows:
            raise StoreError(f"no source with id {source_id}")
        return Source(*rows[0])

    def delete_source(self, source_id: int) -> tuple[Source, list[Event]]:
        """Delete a source and every event taken from it, in one transaction; returns what
        was deleted, so that `restore_source` can undo it. Raises StoreError when unknown."""
        with self._writing() as db:
            source = self.get_source(source_id)
            told = db.execute(
                "SELECT DISTINCT event_id FROM mentions WHERE source_id = ? UNION "
                "SELECT id FROM events WHERE source_id = ?",
                [source_id, source_id],
            ).fetchall()
            events = [self.get_event(eid) for (eid,) in told]
            events.sort(key=lambda event: event.key)
            mention_writes.drop_source_mentions(db, source_id, keep_edited=False)
            db.execute("UPDATE events SET source_id = NULL WHERE source_id = ?", [source_id])
            db.execute("DELETE FROM sources WHERE id = ?", [source_id])
        return source, events

    def restore_source(self, source: Source, events: Sequence[Event]) -> None:
        """Undo `delete_source`: the source and its events back under their ids, in one
        transaction; raises EventChanged (nothing written) when any of them is back already."""
        with self._writing() as db:
            if db.execute("SELECT 1 FROM sources WHERE id = ?", [source.id]).fetchone():
                name = source.title or source.url or "untitled"
                raise EventChanged(f"the source “{name}” is back already; undo left it as it is")
            db.execute(
                "INSERT INTO sources (id, title, url, published, sha256, text, ingested_at, "
                "path) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                [
                    source.id,
                    source.title,
                    source.url,
                    source.published,
                    source.sha256,
                    source.text,
                    source.ingested_at,
                    source.path,
                ],
            )
            for event in events:
                row = db.execute("SELECT version FROM events WHERE id = ?", [event.id]).fetchone()
                if row is None:
                    self.restore_event(event)
                else:  # other sources kept it: give back this source's mentions and quote
                    mention_changes.restore_mentions(db, event.mentions)
                    db.execute(
                        "UPDATE events SET quote = ?, source_id = ?, span_start = ?, "
                        "span_end = ? WHERE id = ?",
                        [event.quote, event.source_id, event.span_start, event.span_end, event.id],
                    )
