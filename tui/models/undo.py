"""Undo and redo for the timeline: each add, edit, delete, source deletion, move out, join or
date pick remembers how to take itself back and how to make itself again.

Every step is guarded by the row version it expects (ids are never reused): a step finds the
event as the step before left it, or it refuses, leaving another program's change alone. After
a step, the next step on either stack that touches the same event expects the version this one
left, so any sequence of undos and redos runs in order.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Literal

if TYPE_CHECKING:
    from timeline.store import Event, Source, Store

Kind = Literal["add", "edit", "delete", "source", "split", "join", "pick"]

WORDS = {"split": "move out", "pick": "date pick", "source": "delete of source"}
"""How a change is named to people, where its kind does not say it."""


@dataclass(frozen=True, slots=True)
class Change:
    """One change made from the TUI and the snapshots that reverse and repeat it."""

    kind: Kind
    event: Event
    """add: the event added; edit: the event before the edit; delete: the deleted event;
    split: the event the mention moved out into; join: the event joined into `other` (with its
    mentions); pick: the event before the pick."""
    version: int | None = None
    """The row version the next step on this change expects (None: the row must be gone)."""
    source: Source | None = None
    """source: the source deleted with all its events (`events`), restored together."""
    events: tuple[Event, ...] = ()
    other: int | None = None
    """split: the event the mention was moved out of; join: the event kept."""
    picked: int | None = None
    """pick: the mention whose date the event took."""
    previous: int | None = None
    """pick: the mention picked before (None: the evidence chose), which undo picks again."""
    after: Event | None = None
    """edit: the event as the edit left it, which redo writes back."""


class UndoStack:
    """Changes newest last, and those undone (newest undone last) for redo."""

    def __init__(self, limit: int = 100) -> None:
        """Keep at most `limit` changes."""
        self.limit = limit
        self.changes: list[Change] = []
        self.undone: list[Change] = []

    def __len__(self) -> int:
        """How many changes can be undone."""
        return len(self.changes)

    def _remember(self, change: Change) -> None:
        """A new change: it can be undone; what was undone before it can no longer be redone."""
        self.changes.append(change)
        del self.changes[: -self.limit]
        self.undone.clear()

    def push(self, kind: Kind, event: Event, version: int | None = None) -> None:
        """Remember a change and the row version it left (None after a delete)."""
        self._remember(Change(kind, event, version))

    def push_edit(self, before: Event, after: Event) -> None:
        """Remember an edit: the event before it and as it left it."""
        self._remember(Change("edit", before, after.version, after=after))

    def push_source(self, source: Source, events: list[Event]) -> None:
        """Remember the deletion of a source and all its events: one step to undo."""
        self._remember(Change("source", events[0], None, source, tuple(events)))

    def push_story(self, change: Change) -> None:
        """Remember a move out, a join or a date pick."""
        self._remember(change)

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
        return self._step(store, self.changes, self.undone, _undo)

    def redo(self, store: Store) -> tuple[Change, Event | None]:
        """Make again the change undone last; returns it and the event to select.

        Raises:
            IndexError: Nothing to redo.
            StoreError: as for `undo`; EventChanged drops the change from the redo stack.
        """
        return self._step(store, self.undone, self.changes, _redo)

    def _step(
        self,
        store: Store,
        source: list[Change],
        target: list[Change],
        step: Callable[[Store, Change], tuple[Change, Event | None]],
    ) -> tuple[Change, Event | None]:
        """Run `step` on the newest change of `source`, move it (as it now stands) onto
        `target`, and pass the versions it left to the next steps on the same events."""
        from timeline.store import EventChanged, EventNotFound

        change = source[-1]
        try:
            moved, selected = step(store, change)
        except (EventChanged, EventNotFound):
            source.pop()  # another program's change stands; this step cannot be taken
            raise
        source.pop()
        target.append(moved)
        touched = {moved.event.id, *(e.id for e in moved.events)}
        if moved.other is not None:
            touched.add(moved.other)
        for event_id in touched:  # the next step on `source` finds what this one left
            _hand_on(source, event_id, _version(store, event_id))
        return change, selected


def _version(store: Store, event_id: int) -> int | None:
    """The row version of an event now (None when it is gone)."""
    from timeline.store import EventNotFound

    try:
        return store.get_event(event_id).version
    except EventNotFound:
        return None


def _hand_on(stack: list[Change], event_id: int, version: int | None) -> None:
    """The newest change of `stack` on `event_id` expects the version the last step left."""
    for index in range(len(stack) - 1, -1, -1):
        if stack[index].event.id == event_id and stack[index].kind in ("add", "edit", "delete"):
            stack[index] = replace(stack[index], version=version)
            return


def _undo(store: Store, change: Change) -> tuple[Change, Event | None]:
    """Take a change back; returns it as redo will find it, and the event to select."""
    if change.kind in ("split", "join", "pick"):
        return _undo_story(store, change)
    if change.kind == "source" and change.source is not None:
        store.restore_source(change.source, change.events)
        return change, change.event
    if change.kind == "add":
        store.delete_event(change.event.id, version=change.version)
        return replace(change, version=None), None
    if change.kind == "edit":
        current = store.get_event(change.event.id)
        restored = store.restore_event(change.event, over=change.version)
        after = change.after or current
        return replace(change, version=restored.version, after=after), restored
    restored = store.restore_event(change.event, over=None)  # a delete
    return replace(change, version=restored.version), restored


def _redo(store: Store, change: Change) -> tuple[Change, Event | None]:
    """Make a change again; returns it as undo will find it, and the event to select."""
    if change.kind in ("split", "join", "pick"):
        return _redo_story(store, change)
    if change.kind == "source" and change.source is not None:
        source, events = store.delete_source(change.source.id)
        return replace(change, source=source, events=tuple(events)), None
    if change.kind == "add":
        added = store.restore_event(change.event, over=None)
        return replace(change, version=added.version), added
    if change.kind == "edit" and change.after is not None:
        edited = store.restore_event(change.after, over=change.version)
        return replace(change, version=edited.version), edited
    deleted = store.delete_event(change.event.id, version=change.version)
    return replace(change, event=deleted, version=None), None


def _undo_story(store: Store, change: Change) -> tuple[Change, Event | None]:
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
    return change, store.get_event(touched[0])


def _redo_story(store: Store, change: Change) -> tuple[Change, Event | None]:
    """Make a move out, a join or a pick again (the story layer then decides afresh)."""
    from timeline.ingest.story.storyline import refresh

    if change.kind == "split" and change.other is not None:
        moved = [m.id for m in change.event.mentions]
        new = store.split_mention(moved[0]) if moved else change.event
        refresh(store, [change.other, new.id])
        fresh = store.get_event(new.id)
        return replace(change, event=fresh), fresh
    if change.kind == "join" and change.other is not None:
        snapshot = store.join_events(change.other, change.event.id)
        refresh(store, [change.other])
        return replace(change, event=snapshot), store.get_event(change.other)
    store.pick_date(change.event.id, change.picked)
    refresh(store, [change.event.id])
    return change, store.get_event(change.event.id)
