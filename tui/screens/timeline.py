"""The main screen: the header strip, the event list (or the welcome) and the footer."""

from __future__ import annotations

import dataclasses
import os
import threading
from contextlib import suppress
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Any, ClassVar

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal
from textual.reactive import reactive
from textual.screen import Screen
from textual.timer import Timer
from textual.widgets import Footer, Input, Static
from textual.worker import get_current_worker

from tui.dates import format_date, format_iso
from tui.messages import (
    ChunkLoaded,
    DataChanged,
    ExportFinished,
    JumpResolved,
    ListLoaded,
    LoadFailed,
)
from tui.models.layout import Layout
from tui.models.pages import EventPages, position_of
from tui.models.undo import UndoStack
from tui.screens.confirm import ConfirmScreen
from tui.screens.details import DetailsScreen
from tui.screens.edit import EditScreen
from tui.screens.help import HelpScreen
from tui.screens.prompt import PromptScreen
from tui.widgets.density import DensityChart
from tui.widgets.event_list import EventList
from tui.widgets.safe_text import clean, literal
from tui.widgets.welcome import Welcome

if TYPE_CHECKING:
    from textual.notifications import SeverityLevel

    from store import Event, Filter, NewEvent, Store
    from tui.app import TimelineApp


SEARCH_DELAY = 0.25
"""Seconds typing must pause before the search runs: each run counts matches in the table."""
SKETCH_PAINT_WAIT = 0.5
"""Longest the month count waits for the sketch to be drawn (seconds)."""
SKETCH_ROWS = 200
"""Events read from each end of the list for the first, sketched screen."""


def _background_priority() -> None:
    """Lower this worker thread's CPU priority (Linux, per thread) so that counting the months
    of a big table never slows the screen the user is looking at; elsewhere, do nothing."""
    with suppress(AttributeError, OSError):
        os.setpriority(os.PRIO_PROCESS, threading.get_native_id(), 10)


def density_buckets(layout: Layout) -> tuple[tuple[tuple[str, int], ...], int]:
    """Return chart buckets for a layout (every year, or every month when it spans few years)
    and the width of a bucket's period key (4 for years, 7 for months)."""
    years = [(int(y), n) for y, n in layout.year_counts if y.isdigit()]
    if not years:
        return (), 4
    first, last = years[0][0], years[-1][0]
    if last - first >= 3:
        counts = dict(years)
        return tuple((str(y), counts.get(y, 0)) for y in range(first, last + 1)), 4
    months = {g.period: g.count for g in layout.groups if len(g.period) == 7}
    if not months:
        return tuple((str(y), n) for y, n in years), 4
    keys = sorted(months)
    (y0, m0), (y1, m1) = (map(int, keys[0].split("-")), map(int, keys[-1].split("-")))
    buckets = []
    for step in range((y1 - y0) * 12 + m1 - m0 + 1):
        y, m = divmod(m0 - 1 + step, 12)
        key = f"{y0 + y:04d}-{m + 1:02d}"
        buckets.append((key, months.get(key, 0)))
    return tuple(buckets), 7


class TimelineScreen(Screen[None]):
    """Browse, search, filter, jump, and change events; everything from the keyboard."""

    CSS_PATH = "timeline.tcss"
    AUTO_FOCUS = "#events"

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("slash", "search", "Search"),
        Binding("f", "filter", "Filter"),
        Binding("t", "jump", "Jump"),
        Binding("a", "add", "Add"),
        Binding("e", "edit", "Edit"),
        Binding("d", "delete", "Delete"),
        Binding("u", "undo", "Undo"),
        Binding("x", "export", "Export"),
        Binding("escape", "clear", "Clear", show=False),
        Binding("question_mark,f1", "help", "Keys"),
        Binding("q", "quit", "Quit"),
    ]
    """Keys that act on the timeline; moving keys live on the list."""

    search_words: reactive[str] = reactive("", init=False)
    """Words searched for (full text, as typed)."""
    date_range: reactive[tuple[str | None, str | None, str] | None] = reactive(None, init=False)
    """(from, to, as typed) of the date filter, or None."""

    def __init__(self, store: Store, reader: Store) -> None:
        """Browse `store` (this thread) with `reader` for the workers' long reads."""
        super().__init__()
        self.store = store
        self.reader = reader
        self.undo_stack = UndoStack()
        self.everything = 0
        self.loaded = False
        self.buckets: tuple[tuple[str, int], ...] = ()
        self.bucket_width = 4
        self._key_state: tuple[bool, bool] | None = None
        self._generation = 0
        self._shown_generation = -1
        self._search_timer: Timer | None = None
        self.search_delay = SEARCH_DELAY
        """Seconds of quiet typing before a search runs (tests set 0)."""
        self.counting = False
        """A load is under way: the header says so."""
        self._sketch_painted = threading.Event()
        self._fetching: set[tuple[int, int]] = set()

    @property
    def timeline_app(self) -> TimelineApp:
        """The app, typed."""
        return self.app  # type: ignore[return-value]

    @property
    def flt(self) -> Filter:
        """The filter the list shows."""
        from store import Filter

        low, high = (self.date_range or (None, None, ""))[:2]
        return Filter(query=self.search_words.strip() or None, date_from=low, date_to=high)

    def compose(self) -> ComposeResult:
        """Header strip, search line, list (or welcome), footer."""
        with Horizontal(id="strip"):
            yield Static("Loading…", id="summary")
            yield DensityChart(id="density")
        yield Input(placeholder="Search titles, details and quotes", id="search")
        yield EventList(id="events")
        yield Welcome(self.store.path, id="welcome")
        yield Footer()

    def on_mount(self) -> None:
        """Load the first screenful."""
        self.query_one("#search").display = False
        self.query_one("#welcome").display = False
        self.reload()

    @property
    def events(self) -> EventList:
        """The event list."""
        return self.query_one("#events", EventList)

    # -- loading -----------------------------------------------------------------------
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
        self.counting = True
        self._load(self.flt, cursor, keep_id, keep_row, reveal)

    @work(thread=True, exclusive=True, group="load")
    def _load(
        self, flt: Filter, cursor: int, keep_id: int | None, keep_row: int | None, reveal: bool
    ) -> None:
        """Count, lay out and locate the highlighted event (in a thread: these scan the table).

        Posts a sketch from the first and last pages as soon as they are read, then the full
        layout once the months are counted.
        """
        from store import Filter, StoreError

        reader = self.reader
        worker = get_current_worker()
        self._generation += 1
        generation = self._generation
        try:
            if keep_id is not None:
                found = position_of(reader, keep_id, flt)
                if found is None and reveal and flt.active:
                    flt = Filter()
                    found = position_of(reader, keep_id, flt)
                cursor = found if found is not None else cursor
            total = reader.count(flt)
            everything = reader.count() if flt.active else total
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
                )
            )

    @on(ListLoaded)
    def list_loaded(self, message: ListLoaded) -> None:
        """Show a freshly laid out list."""
        if message.flt != self.flt:
            if message.flt.active:
                return  # a newer filter is on its way
            self._drop_filter()
        if not message.layout.sketch and message.generation == self._shown_generation:
            # The full layout of the sketch on screen: stay where the user has moved since.
            cursor, keep_row = self.events.cursor, self.events.cursor_row()
        else:
            cursor, keep_row = message.cursor, message.keep_row
        self._shown_generation = message.generation
        self.counting = message.layout.sketch
        self.loaded = True
        self.everything = message.everything
        layout = message.layout
        self.buckets, self.bucket_width = density_buckets(layout)
        self.query_one(DensityChart).buckets = self.buckets
        empty = layout.total == 0 and not message.flt.active
        self.query_one("#welcome").display = empty
        self.events.display = not empty
        # Full-text pages can take a while at scale: read them in a worker, not while drawing.
        on_missing = self._want_chunk if message.flt.query else None
        pages = EventPages(self.store, message.flt, layout, on_missing=on_missing)
        for first, known in message.known:
            pages.prefill(first, known)
        self.events.empty_text = self._nothing_matches() if layout.total == 0 else Text()
        self.events.show(pages, cursor, keep_row)
        if layout.sketch:
            self.call_after_refresh(self._sketch_painted.set)
        self._show_summary()
        self._refresh_keys()

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
        from store import StoreError

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

    @on(LoadFailed)
    def load_failed(self, message: LoadFailed) -> None:
        """Say what went wrong."""
        self._say(message.text, severity="error")

    @on(DataChanged)
    def data_changed(self) -> None:
        """Another process wrote: reload, keeping the highlighted event where it was."""
        self._reload_here()

    def _reload_here(self, reveal: bool = False) -> None:
        """Reload keeping the highlighted event and its screen row."""
        event = self.events.event
        self.reload(
            cursor=self.events.cursor,
            keep_id=event.id if event else None,
            keep_row=self.events.cursor_row() if self.loaded else None,
            reveal=reveal,
        )

    def _drop_filter(self) -> None:
        """Forget the search and the date range without reloading."""
        self._cancel_pending_search()
        self.set_reactive(TimelineScreen.search_words, "")
        self.set_reactive(TimelineScreen.date_range, None)
        search = self.query_one("#search", Input)
        with search.prevent(Input.Changed):
            search.value = ""
        search.display = False

    # -- header strip ------------------------------------------------------------------
    @on(EventList.Highlighted)
    def highlighted(self, message: EventList.Highlighted) -> None:
        """Move the chart's marker and the position with the cursor."""
        chart = self.query_one(DensityChart)
        start = message.event.start if message.event else None
        labels = [label for label, _ in self.buckets]
        key = (start or "")[: self.bucket_width]
        chart.current = labels.index(key) if key in labels else -1
        self._show_summary()
        self._refresh_keys()

    def _refresh_keys(self) -> None:
        """Re-check greyed keys, only when what they depend on changed (the footer recomposes)."""
        state = (self.events.event is not None, bool(self.undo_stack))
        if state != self._key_state:
            self._key_state = state
            self.refresh_bindings()

    def _nothing_matches(self) -> Text:
        """What an empty filtered list says: what hid every event and how to clear it."""
        text = Text("No events")
        if self.search_words.strip():
            text.append(" match ")
            text.append_text(literal(f"“{self.search_words.strip()}”", "bold"))
        if self.date_range:
            low, high = self.date_range[0], self.date_range[1]
            if low and low == high:
                text.append(f" in {format_iso(low)}")
            else:
                text.append(f" from {format_iso(low)}" if low else "")
                text.append(f" until {format_iso(high)}" if high else "")
        what = "the search" if self.search_words.strip() else "the date filter"
        return text.append(f".  Esc clears {what}.")

    def _show_summary(self) -> None:
        """Count, filter and position, built as Text (the query is the user's text)."""
        layout = self.events.layout_model
        flt = self.flt
        text = Text.assemble((f"{layout.total:,}", "bold"), " event" + "s" * (layout.total != 1))
        if flt.active:
            text.append(f" of {self.everything:,}")
        if flt.query:
            text.append("  ·  search ")
            text.append_text(literal(f"“{flt.query}”", "bold"))
        if self.date_range:
            low, high = self.date_range[0], self.date_range[1]
            text.append(
                f"  ·  {format_iso(low) if low else '…'} – {format_iso(high) if high else '…'}"
            )
        if layout.total:
            text.append(f"  ·  #{self.events.cursor + 1:,}", "dim")
        if self.counting:
            text.append("  ·  counting…", "italic")
        if self.store.readonly:
            text.append("  ·  read-only", "bold red")
        self.query_one("#summary", Static).update(text)

    # -- search and filter -------------------------------------------------------------
    def action_search(self) -> None:
        """Open the search line and type into it."""
        search = self.query_one("#search", Input)
        search.display = True
        search.focus()

    def _cancel_pending_search(self) -> None:
        """Forget words typed but not yet searched for."""
        if self._search_timer is not None:
            self._search_timer.stop()
            self._search_timer = None

    @on(Input.Changed, "#search")
    def search_typed(self, message: Input.Changed) -> None:
        """Search as the user types, once typing pauses for `search_delay` seconds."""
        self._cancel_pending_search()
        if self.search_delay <= 0:
            self.search_words = message.value
            return
        value = message.value
        self._search_timer = self.set_timer(
            self.search_delay, lambda: setattr(self, "search_words", value)
        )

    @on(Input.Submitted, "#search")
    def search_done(self, message: Input.Submitted) -> None:
        """Enter searches at once (no waiting for the pause) and goes back to the list."""
        if self._search_timer is not None:
            self._cancel_pending_search()
            self.search_words = message.value
        self.events.focus()

    def watch_search_words(self, words: str) -> None:
        """A new search: reload from the top; a cleared one keeps the highlighted event."""
        self._reload_filtered(cleared=not words.strip())

    def watch_date_range(self, date_range: tuple[str | None, str | None, str] | None) -> None:
        """A new date filter: reload from the top; a cleared one keeps the highlighted event."""
        self._reload_filtered(cleared=date_range is None)

    def _reload_filtered(self, cleared: bool) -> None:
        """Reload after the filter changed."""
        event = self.events.event
        if cleared and event is not None:
            self.reload(keep_id=event.id, keep_row=self.events.cursor_row())
        else:
            self.reload()

    def action_clear(self) -> None:
        """Esc: clear the search, else the date filter."""
        search = self.query_one("#search", Input)
        if search.display or self.search_words:
            self._cancel_pending_search()  # else it would search after the line is cleared
            with search.prevent(Input.Changed):
                search.value = ""
            search.display = False
            self.events.focus()
            self.search_words = ""
        elif self.date_range:
            self.date_range = None

    def action_filter(self) -> None:
        """Ask for a date range in plain words."""
        current = self.date_range[2] if self.date_range else ""
        self.app.push_screen(
            PromptScreen(
                "Filter by date",
                self._parse_range,
                value=current,
                placeholder="2022 · Aug 2022..Sep 2022 · empty for all",
            ),
            self._filtered,
        )

    def _parse_range(self, text: str) -> tuple[str | None, ...]:
        """Turn `Aug 2022..Sep 2022` into ISO prefixes (runs in the prompt's worker)."""
        if not text.strip():
            return ()
        from ingest.dates import parse_range

        low, high = parse_range(text, self.timeline_app.today())
        return (low, high, text.strip())

    def _filtered(self, result: tuple[str | None, ...] | None) -> None:
        """Apply the range the prompt accepted."""
        if result is None:
            return
        self.date_range = (result[0], result[1], str(result[2])) if result else None

    def action_jump(self) -> None:
        """Ask for a date and go to the first event on or after it."""
        self.app.push_screen(
            PromptScreen(
                "Jump to date",
                self._parse_date,
                placeholder="2012 · Aug 2022 · 31 Aug 2022",
            ),
            self._jump_to,
        )

    def _parse_date(self, text: str) -> Any:
        """Parse one date (runs in the prompt's worker)."""
        from ingest.dates import parse_date

        return parse_date(text, self.timeline_app.today())

    def _jump_to(self, parsed: Any) -> None:
        """Find the parsed date in the list."""
        if parsed is not None:
            self._locate(self.flt, parsed.start)

    @work(thread=True, exclusive=True, group="jump")
    def _locate(self, flt: Filter, start: str) -> None:
        """Find the index of the first event on or after `start`."""
        key = self.reader.key_at_or_after(start, flt)
        index = self.reader.count_before(key, flt) if key else None
        self.post_message(JumpResolved(index, format_iso(start)))

    @on(JumpResolved)
    def jumped(self, message: JumpResolved) -> None:
        """Highlight the event found."""
        if message.index is None:
            self._say(f"Nothing on or after {message.label}")
            self.events.action_last()
        else:
            self.events.cursor = message.index

    # -- open --------------------------------------------------------------------------
    @on(EventList.Selected)
    def opened(self, message: EventList.Selected) -> None:
        """Open the details of an event."""
        self.app.push_screen(DetailsScreen(self.store, message.event.id), self._back_from_details)

    def _back_from_details(self, event_id: int | None) -> None:
        """Highlight the event last shown in the details."""
        current = self.events.event
        if event_id is not None and (current is None or current.id != event_id):
            self.reload(keep_id=event_id, cursor=self.events.cursor)

    # -- changes -----------------------------------------------------------------------
    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Grey out what cannot run now."""
        if not self.is_mounted:
            return True
        if action in ("edit", "delete"):
            return True if self.events.display and self.events.event else None
        if action == "undo":
            return True if self.undo_stack else None
        return True

    def _say(self, message: str, severity: SeverityLevel = "information") -> None:
        """Notify; the message may quote a title, so it is never markup and its control bytes
        are shown as pictures (an escape byte would otherwise reach the terminal)."""
        self.notify(clean(message), severity=severity, markup=False)

    def _refused_read_only(self) -> bool:
        """Say so and return True when the database cannot be written."""
        if self.store.readonly:
            self.notify(
                "This database is read-only: changes are refused.", severity="error", markup=False
            )
        return self.store.readonly

    def _write_failed(self, exc: Exception) -> None:
        """Tell the user why the store refused."""
        self._say(str(exc), severity="error")

    def action_add(self) -> None:
        """Open the form for a new event."""
        if not self._refused_read_only():
            self.app.push_screen(EditScreen(None, today=self.timeline_app.today), self._added)

    def _added(self, new: NewEvent | None) -> None:
        """Write the new event and highlight it."""
        from store import StoreError

        if new is None:
            return
        try:
            event = self.store.add_event(new)
        except StoreError as exc:
            self._write_failed(exc)
            return
        self.undo_stack.push("add", event)
        self._refresh_keys()
        self._say(f"Added “{event.title}”")
        self.reload(keep_id=event.id, reveal=True, keep_row=self.events.cursor_row())

    def action_edit(self) -> None:
        """Open the form on the highlighted event."""
        from store import StoreError

        current = self.events.event
        if current is None or self._refused_read_only():
            return
        try:
            fresh = self.store.get_event(current.id)
        except StoreError as exc:
            self._write_failed(exc)
            return
        self.app.push_screen(
            EditScreen(fresh, today=self.timeline_app.today),
            lambda new: self._edited(fresh, new),
        )

    def _edited(self, before: Event, new: NewEvent | None) -> None:
        """Write the edit and keep the event highlighted."""
        from store import StoreError

        if new is None:
            return
        changes = {field.name: getattr(new, field.name) for field in dataclasses.fields(new)}
        try:
            previous = self.store.get_event(before.id)
            self.store.update_event(before.id, **changes)
        except StoreError as exc:
            self._write_failed(exc)
            return
        self.undo_stack.push("edit", previous)
        self._refresh_keys()
        self.reload(keep_id=before.id, keep_row=self.events.cursor_row(), reveal=True)

    def action_delete(self) -> None:
        """Ask, then delete the highlighted event."""
        event = self.events.event
        if event is None or self._refused_read_only():
            return
        question = Text.assemble(
            "Delete ",
            literal(event.title, "bold"),
            f"  ({format_date(event.start, event.end, approximate=event.approximate)})?",
            "\n\nu undoes it.",
        )
        self.app.push_screen(
            ConfirmScreen(question, "Delete event"), lambda yes: self._deleted(event, yes)
        )

    def _deleted(self, event: Event, yes: bool | None) -> None:
        """Delete after a yes."""
        from store import StoreError

        if not yes:
            return
        try:
            snapshot = self.store.delete_event(event.id)
        except StoreError as exc:
            self._write_failed(exc)
            return
        self.undo_stack.push("delete", snapshot)
        self._refresh_keys()
        self._say(f"Deleted “{snapshot.title}” (u to undo)")
        self.reload(cursor=self.events.cursor, keep_row=self.events.cursor_row())

    def action_undo(self) -> None:
        """Take back the newest add, edit or delete."""
        from store import StoreError

        if not self.undo_stack or self._refused_read_only():
            return
        try:
            change, selected = self.undo_stack.undo(self.store)
        except StoreError as exc:
            self._write_failed(exc)
            return
        self._refresh_keys()
        self._say(f"Undid {change.kind} of “{change.event.title}”")
        self.reload(
            cursor=self.events.cursor,
            keep_id=selected.id if selected else None,
            keep_row=self.events.cursor_row(),
            reveal=True,
        )

    # -- export, help, quit ------------------------------------------------------------
    def action_export(self) -> None:
        """Ask for a path, then write the events shown as CSV."""
        flt = self.flt
        what = "the filtered events" if flt.active else "every event"
        self.app.push_screen(
            PromptScreen(
                "Export to CSV",
                partial(_export_path, database=self.store.path),
                value="timeline.csv",
                hint=f"Writes {what} as CSV.  Enter  export      Esc  cancel",
            ),
            lambda path: self._export_checked(flt, path),
        )

    def _export_checked(self, flt: Filter, path: Path | None) -> None:
        """Export to the path accepted; ask first when it would replace a file."""
        if path is None:
            return
        if not path.exists():
            self._export(flt, path)
            return
        question = Text.assemble(
            literal(str(path), "bold"), " already exists.\n\nReplace it with this export?"
        )
        self.app.push_screen(
            ConfirmScreen(question, "Replace file"),
            lambda yes: self._export(flt, path) if yes else None,
        )

    @work(thread=True, exclusive=True, group="export")
    def _export(self, flt: Filter, path: Path) -> None:
        """Write the CSV with the same function as `timeline export`."""
        from store import StoreError

        try:
            rows = self.reader.export_csv_file(path, flt if flt.active else None)
        except (OSError, StoreError) as exc:
            self.post_message(LoadFailed(f"Export failed: {exc}"))
            return
        self.post_message(ExportFinished(str(path), rows))

    @on(ExportFinished)
    def exported(self, message: ExportFinished) -> None:
        """Say where the CSV went."""
        self._say(f"Exported {message.rows:,} events to {message.path}")

    def action_help(self) -> None:
        """Show the keys."""
        self.app.push_screen(HelpScreen())

    def action_quit(self) -> None:
        """Leave the app."""
        self.app.exit()


def _export_path(text: str, database: Path | None = None) -> Path:
    """Check an export path: a file in a folder that exists, not the database or its
    journal (the store refuses those too; saying so here keeps the prompt open)."""
    path = Path(text.strip() or "timeline.csv").expanduser().absolute()
    if database is not None:
        db = database.resolve()
        if path.resolve() in {
            db,
            db.with_name(db.name + "-wal"),
            db.with_name(db.name + "-shm"),
            db.with_name(db.name + "-journal"),
        }:
            raise ValueError(f"{path} is the database itself; choose another file")
    if path.is_dir():
        raise ValueError(f"{path} is a folder; give a file name")
    if not path.parent.exists():
        raise ValueError(f"there is no folder {path.parent}")
    return path
