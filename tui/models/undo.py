"""Undo for the timeline: each add, edit, delete, move out, join or date pick remembers how
to take itself back."""

from __future__ import annotations

from contextlib import suppress
from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal

if TYPE_CHECKING:
    from timeline.store import Event, Source, Store

Kind = Literal["add", "edit", "delete", "source", "split", "join", "pick"]

WORDS = {"split": "move out", "pick": "date pick"}
"""How a change is named to people, where its kind does not say it."""


@dataclass(frozen=True, slots=True)
class Change:
    """One change made from the TUI and the snapshot that reverses it."""

    kind: Kind
    event: Event
    """add: the event added; edit: the event before the edit; delete: the deleted event;
    split: the event the mention moved out into; join: the event joined into `other` (with its
    mentions); pick: the event before the pick."""
    version: int | None = None
    """The row version the change left (None after a delete): undo touches only that version."""
    source: Source | None = None
    """source: the source deleted with all its events (`events`), restored together."""
    events: tuple[Event, ...] = ()
    other: int | None = None
    """split: the event the mention was moved out of; join: the event kept."""
    picked: int | None = None
    """pick: the mention whose date the event took."""
    previous: int | None = None
    """pick: the mention picked before (None: the evidence chose), which undo picks again."""


class UndoStack:
    """Changes newest last; `undo` reverses the newest through the store."""

    def __init__(self, limit: int = 100) -> None:
        """Keep at most `limit` changes."""
        self.limit = limit
        self.changes: list[Change] = []

    def __len__(self) -> int:
        """How many changes can be undone."""
        return len(self.changes)

    def push(self, kind: Kind, event: Event, version: int | None = None) -> None:
        """Remember a change and the row version it left (None after a delete)."""
        self.changes.append(Change(kind, event, version))
        del self.changes[: -self.limit]

    def push_source(self, source: Source, events: list[Event]) -> None:
        """Remember the deletion of a source and all its events: one step to undo."""
        self.changes.append(Change("source", events[0], None, source, tuple(events)))
        del self.changes[: -self.limit]

    def push_story(self, change: Change) -> None:
        """Remember a move out, a join or a date pick."""
        self.changes.append(change)
        del self.changes[: -self.limit]

    def last_pick(self, event_id: int) -> int | None:
        """The mention picked last for `event_id` by a change still on the stack (None: none)."""
        for change in reversed(self.changes):
            if change.kind == "pick" and change.event.id == event_id:
                return change.picked
        return None

    def undo(self, store: Store) -> tuple[Change, Event | None]:
        """Reverse the newest change; returns it and the event to select afterwards.

        Raises:
            IndexError: Nothing to undo.
            StoreError: The store refused (read-only, locked). EventChanged: someone else
                changed the event since; the change is dropped from the stack, the row kept.
        """
        from timeline.store import EventChanged, EventNotFound

        change = self.changes[-1]
        try:
            if change.kind in ("split", "join", "pick"):
                selected = _undo_story(store, change)
            elif change.kind == "source" and change.source is not None:
                store.restore_source(change.source, change.events)
                selected = change.event
            elif change.kind == "add":
                with suppress(EventNotFound):
                    store.delete_event(change.event.id, version=change.version)
                selected = None
            else:
                over = change.version if change.kind == "edit" else None
                selected = store.restore_event(change.event, over=over)
        except EventChanged:
            self.changes.pop()
            raise
        self.changes.pop()
        return change, selected


def _undo_story(store: Store, change: Change) -> Event:
    """Take back a move out (join it back), a join (unjoin) or a pick (pick the one before),
    then let the story layer decide the events' dates and titles again."""
    from timeline.ingest.story.storyline import refresh

    if change.kind == "split" and change.other is not None:
        store.join_events(change.other, change.event.id)
        touched = [change.other]
    elif change.kind == "join" and change.other is not None:
        store.unjoin_events(change.event)
        touched = [change.other, change.event.id]
    else:
        store.pick_date(change.event.id, change.previous)
        touched = [change.event.id]
    refresh(store, touched)
    return store.get_event(touched[0])
