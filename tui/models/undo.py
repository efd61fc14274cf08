"""Undo for the timeline: each add, edit or delete remembers how to take itself back."""

from __future__ import annotations

from contextlib import suppress
from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal

if TYPE_CHECKING:
    from store import Event, Store

Kind = Literal["add", "edit", "delete"]


@dataclass(frozen=True, slots=True)
class Change:
    """One change made from the TUI and the snapshot that reverses it."""

    kind: Kind
    event: Event
    """add: the event added; edit: the event before the edit; delete: the deleted event."""


class UndoStack:
    """Changes newest last; `undo` reverses the newest through the store."""

    def __init__(self, limit: int = 100) -> None:
        """Keep at most `limit` changes."""
        self.limit = limit
        self.changes: list[Change] = []

    def __len__(self) -> int:
        """How many changes can be undone."""
        return len(self.changes)

    def push(self, kind: Kind, event: Event) -> None:
        """Remember a change."""
        self.changes.append(Change(kind, event))
        del self.changes[: -self.limit]

    def undo(self, store: Store) -> tuple[Change, Event | None]:
        """Reverse the newest change; returns it and the event to select afterwards.

        Raises:
            IndexError: Nothing to undo.
            StoreError: The store refused (read-only, or the event changed meanwhile).
        """
        from store import EventNotFound

        change = self.changes[-1]
        if change.kind == "add":
            with suppress(EventNotFound):
                store.delete_event(change.event.id)
            selected = None
        else:
            selected = store.restore_event(change.event)
        self.changes.pop()
        return change, selected
