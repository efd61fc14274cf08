"""Loading the list in workers: count, sketch, lay out, and read the chunks a search needs.

The timeline screen mixes this in; the workers read with the reader connection and post
`ListLoaded`, `ChunkLoaded` or `LoadFailed`, never touching a widget.
"""

from __future__ import annotations

import os
import threading
from contextlib import suppress
from typing import TYPE_CHECKING

from textual import on, work
from textual.screen import Screen
from textual.worker import get_current_worker

from timeline.tui.messages import ChunkLoaded, ListLoaded, LoadFailed
from timeline.tui.models.layout import Layout
from timeline.tui.models.pages import EventPages, position_of

if TYPE_CHECKING:
    from timeline.store import Event, Filter, Store
    from timeline.tui.widgets.event_list import EventList

SKETCH_PAINT_WAIT = 0.5
"""Longest the month count waits for the sketch to be drawn (seconds)."""
SKETCH_ROWS = 200
"""Events read from each end of the list for the first, sketched screen."""


def _background_priority() -> None:
    """Lower this worker thread's CPU priority (Linux, per thread) so that counting the months
    of a big table never slows the screen the user is looking at; elsewhere, do nothing."""
    with suppress(AttributeError, OSError):
        os.setpriority(os.PRIO_PROCESS, threading.get_native_id(), 10)


class ListLoading(Screen[None]):
    """A screen whose list is counted and laid out in workers (mixed into the timeline)."""

    reader: Store
    events: EventList

    def __init__(self) -> None:
        """No load yet."""
        super().__init__()
        self._generation = 0
        self._sketch_painted = threading.Event()
        self._fetching: set[tuple[int, int]] = set()

    @property
    def flt(self) -> Filter:
        """The filter the list shows (the screen defines it)."""
        raise NotImplementedError

    def reload(
        self,
        *,
        cursor: int = 0,
        keep_id: int | None = None,
        keep_row: int | None = None,
        reveal: bool = False,
    ) -> None:
        """Count and lay out the list again in a worker, then show it.

        Args:
            cursor: Event index to highlight when `keep_id` is not found.
            keep_id: Event to highlight, wherever it now sits.
            keep_row: Screen row to keep the highlighted event on.
            reveal: Drop the filter if it hides `keep_id` (after an add or an edit).
        """
        self._load(self.flt, cursor, keep_id, keep_row, reveal)

    @work(thread=True, exclusive=True, group="load")
    def _load(
        self, flt: Filter, cursor: int, keep_id: int | None, keep_row: int | None, reveal: bool
    ) -> None:
        """Count, lay out and locate the highlighted event (in a thread: these scan the table).

        Posts a sketch from the first and last pages as soon as they are read, then the full
        layout once the months are counted.
        """
        from timeline.store import Filter, StoreError

        reader = self.reader
        worker = get_current_worker()
        self._generation += 1
        generation = self._generation
        revealed = False
        try:
            if keep_id is not None:
                found = position_of(reader, keep_id, flt)
                if found is None and reveal and (flt.active or flt.key_only):
                    flt, revealed = Filter(), True
                    found = position_of(reader, keep_id, flt)
                cursor = found if found is not None else cursor
            total = reader.count(flt)
            everything = reader.count() if flt.active or flt.key_only else total
            head = reader.page_after(None, SKETCH_ROWS, flt)
            known: list[tuple[int, list[Event]]] = [(0, head)]
            if len(head) < total and not worker.is_cancelled:
                tail = reader.page_before(None, min(SKETCH_ROWS, total - len(head)), flt)
                known.append((total - len(tail), tail))
                sketch = Layout.sketch_of(head, tail, total)
                self._sketch_painted.clear()
                self.post_message(
                    ListLoaded(
                        flt,
                        sketch,
                        cursor=cursor,
                        keep_row=keep_row,
                        everything=everything,
                        generation=generation,
                        known=known,
                        revealed=revealed,
                    )
                )
                # Count the months once the sketch is on screen, not while it is being drawn.
                self._sketch_painted.wait(SKETCH_PAINT_WAIT)
            if worker.is_cancelled:
                return
            _background_priority()
            layout = Layout.build(reader.density(flt, "year"), reader.density(flt, "month"), total)
        except StoreError as exc:
            self.post_message(LoadFailed(str(exc)))
            return
        if not worker.is_cancelled:
            self.post_message(
                ListLoaded(
                    flt,
                    layout,
                    cursor=cursor,
                    keep_row=keep_row,
                    everything=everything,
                    generation=generation,
                    known=known,
                    revealed=revealed,
                )
            )

    def _want_chunk(self, number: int) -> None:
        """The list needs a chunk it does not hold: read it in a worker, once."""
        pages = self.events.pages
        if pages is None or (id(pages), number) in self._fetching:
            return
        self._fetching.add((id(pages), number))
        self._fetch(pages, number)

    @work(thread=True, group="fetch")
    def _fetch(self, pages: EventPages, number: int) -> None:
        """Read one chunk with the workers' connection."""
        from timeline.store import StoreError

        try:
            events = pages.fetch(number, self.reader)
        except StoreError as exc:
            self.post_message(LoadFailed(str(exc)))
            events = None
        self.post_message(ChunkLoaded(pages, number, events or []))

    @on(ChunkLoaded)
    def chunk_loaded(self, message: ChunkLoaded) -> None:
        """Draw the rows that were missing."""
        self._fetching.discard((id(message.pages), message.number))
        if message.pages is self.events.pages and message.events:
            message.pages.put(message.number, message.events)
            self.events.cursor = self.events.cursor  # redraw, and tell who is highlighted
