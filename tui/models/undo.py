"""Undo for the timeline: each add, edit or delete remembers how to take itself back."""

from __future__ import annotations

from contextlib import suppress
from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal

if TYPE_CHECKING:
    from timeline.store import Event, Source, Store

Kind = Literal["add", "edit", "delete", "source"]


@dataclass(frozen=True, slots=True)
class Change:
    """One change made from the TUI and the snapshot that reverses it."""

    kind: Kind
    event: Event
    """add: the event added; edit: the event before the edit; delete: the deleted event."""
    version: int | None = None
    """The row version the change left (None after a delete): undo touches only that version."""
    source: Source | None = None
    """source: the source deleted with all its events (`events`), restored together."""
    events: tuple[Event, ...] = ()


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
            if change.kind == "source" and change.source is not None:
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
