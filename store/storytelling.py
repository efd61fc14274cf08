"""The Store's side for the story layer: mentions read and written, and a person's joins,
moves and date picks (`store.mentions`, `store.merge_periods`, `store.story_writing` and
`store.mention_changes` hold the SQL)."""

from __future__ import annotations

import threading
from collections.abc import Callable, Collection, Iterable, Iterator, Sequence
from contextlib import AbstractContextManager
from dataclasses import replace

import sqlite_utils

from timeline.store import mention_changes, mention_writes, mentions, merge_periods, story_writing
from timeline.store.errors import EventChanged, StoreError
from timeline.store.models import Event, Mention, StoryEvent


class Storytelling:
    """Mixed into the Store: everything about mentions and the events they make up."""

    db: sqlite_utils.Database
    _lock: threading.RLock
    _writing: Callable[[], AbstractContextManager[sqlite_utils.Database]]
    get_event: Callable[[int], Event]
    restore_event: Callable[..., Event]

    def _mentions_of(self, event_ids: Iterable[int]) -> list[Mention]:
        """Every mention of these events (under the lock)."""
        with self._lock:
            return mentions.mentions_of(self.db, event_ids)

    def with_mentions(self, events: Sequence[Event]) -> list[Event]:
        """The same events with their mentions filled in (one query for the lot)."""
        found: dict[int, list[Mention]] = {}
        for mention in self._mentions_of(event.id for event in events if event.sources):
            found.setdefault(mention.event_id, []).append(mention)
        return [replace(event, mentions=tuple(found.get(event.id, ()))) for event in events]

    def get_mention(self, mention_id: int) -> Mention:
        """One mention; raises StoreError when there is none."""
        with self._lock:
            rows = self.db.execute(
                f"SELECT {mentions.MENTION_COLUMNS} FROM {mentions.MENTION_FROM} WHERE m.id = ?",
                [mention_id],
            ).fetchall()
        if not rows:
            raise StoreError(f"no mention with id {mention_id}")
        return mentions.row_to_mention(rows[0])

    def count_mentions_dated(self, low: str, high: str) -> int:
        """How many mentions are dated within [low, high] (ISO prefixes, inclusive)."""
        with self._lock:
            return mentions.count_dated(self.db, low, high)

    def mentions_dated(
        self, low: str | None, high: str | None, exact: Iterable[str] = ()
    ) -> list[Mention]:
        """Mentions dated within [low, high] or exactly one of `exact` (see store.mentions);
        those a person placed, or whose event they edited, come back held."""
        with self._lock:
            return mentions.mentions_dated(self.db, low, high, exact)

    def mention_texts(self, source_ids: Iterable[int]) -> dict[int, list[str]]:
        """Each source's mentions as title and quote, for weighing its words."""
        with self._lock:
            return mentions.mention_texts(self.db, source_ids)

    def all_mentions(self) -> list[Mention]:
        """Every mention, in date order (for re-merging the whole database)."""
        with self._lock:
            return mentions.all_mentions(self.db)

    def merge_periods(self) -> Iterator[list[Mention]]:
        """Every mention, one date period (year-month, a year, 'undated') at a time in period
        order, each with the event it was in when this began: a whole-database merge reads
        the database as it stood, without holding it all in memory."""
        with self._writing() as db:
            periods = merge_periods.start_merge(db)
        try:
            for period in periods:
                with self._lock:
                    found = merge_periods.mentions_of_period(self.db, period)
                yield found
        finally:
            with self._writing() as db:
                merge_periods.end_merge(db)

    def mentions_of_events(self, event_ids: Iterable[int]) -> list[Mention]:
        """Every mention of these events, held ones marked as `mentions_dated` marks them."""
        with self._lock:
            return mentions.with_edits_held(self.db, mentions.mentions_of(self.db, event_ids))

    def mentions_besides(self, event_ids: Iterable[int], known: Collection[int]) -> list[Mention]:
        """The other mentions of these events than the `known` ids, held ones marked as
        `mentions_dated` marks them."""
        with self._lock:
            found = mentions.mentions_besides(self.db, event_ids, known)
            return mentions.with_edits_held(self.db, found)

    def apply_story(self, stories: Sequence[StoryEvent]) -> dict[int, int]:
        """Write what the story layer decided, in one transaction (see store.story_writing)."""
        with self._writing() as db:
            return story_writing.apply_story(db, stories)

    def join_events(self, keep: int, other: int) -> Event:
        """Join `other` into `keep` (a person's decision, held against merging); returns the
        snapshot of `other` with its mentions, for `unjoin_events`."""
        with self._writing() as db:
            self.get_event(keep)
            snapshot = self.get_event(other)
            mention_changes.join_events(db, keep, other)
        return snapshot

    def unjoin_events(self, snapshot: Event) -> None:
        """Undo `join_events`: the joined event back under its id with its mentions."""
        with self._writing() as db:
            if db.execute("SELECT 1 FROM events WHERE id = ?", [snapshot.id]).fetchone():
                raise EventChanged(f"“{snapshot.title}” is back already; undo left it as it is")
            ids = [m.id for m in snapshot.mentions]
            marks = ", ".join("?" for _ in ids)
            hosts = db.execute(
                f"SELECT DISTINCT event_id FROM mentions WHERE id IN ({marks})", ids
            ).fetchall()
            db.execute(f"DELETE FROM mentions WHERE id IN ({marks})", ids)
            self.restore_event(snapshot)
            for (host,) in hosts:
                mention_writes.recount(db, host)

    def split_mention(self, mention_id: int) -> Event:
        """Move a mention out of its event into one of its own (held); returns the new event."""
        with self._writing() as db:
            new_id = mention_changes.split_mention(db, self.get_mention(mention_id))
        return self.get_event(new_id)

    def pick_date(self, event_id: int, mention_id: int | None) -> Event:
        """Date an event by one of its mentions, or (None) let the evidence choose again."""
        with self._writing() as db:
            event = self.get_event(event_id)
            chosen = None if mention_id is None else self.get_mention(mention_id)
            mention_changes.pick_date(db, event, chosen)
        return self.get_event(event_id)
