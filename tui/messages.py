"""Messages more than one screen or the app posts; each states a fact that has happened."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.message import Message

if TYPE_CHECKING:
    from collections.abc import Sequence

    from timeline.store import Event, Filter
    from timeline.tui.models.layout import Layout
    from timeline.tui.models.pages import EventPages


class DataChanged(Message):
    """Another process wrote to the database (PRAGMA data_version moved)."""


class EventsChanged(Message):
    """An event was added, edited, deleted or a change undone from this app."""

    def __init__(self, kind: str, event_id: int | None, *, reveal: bool = True) -> None:
        self.kind = kind
        """`add`, `edit`, `delete`, `split`, `join`, `pick` or `undo`."""
        self.event_id = event_id
        """The event to highlight afterwards (None: the one deleted, or nothing to select)."""
        self.reveal = reveal
        """Drop a filter that would hide `event_id`."""
        super().__init__()


class ListLoaded(Message):
    """A worker counted and laid out the events under a filter (first a sketch, then in full)."""

    def __init__(
        self,
        flt: Filter,
        layout: Layout,
        *,
        cursor: int,
        keep_row: int | None,
        everything: int,
        generation: int,
        known: Sequence[tuple[int, list[Event]]] = (),
        revealed: bool = False,
    ) -> None:
        self.flt = flt
        self.layout = layout
        self.cursor = cursor
        self.keep_row = keep_row
        self.everything = everything
        """Events in the database, whatever the filter."""
        self.generation = generation
        """Which load this is: a full layout replaces the sketch of the same load in place."""
        self.known = known
        """Events already read, as (list index of the first, events), to seed the page cache."""
        self.revealed = revealed
        """The filter was dropped to show the event asked for (after an add or an edit)."""
        super().__init__()


class LoadFailed(Message):
    """A worker could not read what was asked; `text` says why in one line."""

    def __init__(self, text: str) -> None:
        self.text = text
        super().__init__()


class JumpResolved(Message):
    """A date to jump to was found in the list (index None: nothing on or after it)."""

    def __init__(self, index: int | None, label: str) -> None:
        self.index = index
        self.label = label
        super().__init__()


class ExportFinished(Message):
    """Events were written to a file; `note` says what the format left out, if anything."""

    def __init__(self, path: str, rows: int, note: str = "") -> None:
        self.path = path
        self.rows = rows
        self.note = note
        super().__init__()


class ChunkLoaded(Message):
    """A worker read a chunk of a list whose pages are slow to read (full-text search)."""

    def __init__(self, pages: EventPages, number: int, events: list[Event]) -> None:
        self.pages = pages
        self.number = number
        self.events = events
        super().__init__()
