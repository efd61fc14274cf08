"""The main screen: it composes the header strip, the search line, the list (or the welcome)
and the footer, and routes their messages; loading lives in `loading`, changes in the editor,
the export flow in `export_flow`, the date filter and the jump in `date_prompts`."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, ClassVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal
from textual.reactive import reactive

from timeline.tui.dates import format_iso
from timeline.tui.keys import keys_in_force
from timeline.tui.messages import (
    DataChanged,
    EventsChanged,
    ListLoaded,
    LoadFailed,
)
from timeline.tui.models.pages import EventPages
from timeline.tui.screens.date_prompts import DatePrompts
from timeline.tui.screens.details import DetailsScreen
from timeline.tui.screens.export_flow import ExportFlow
from timeline.tui.screens.help import HelpScreen
from timeline.tui.screens.loading import ListLoading
from timeline.tui.widgets.density import DensityChart
from timeline.tui.widgets.event_list import EventList
from timeline.tui.widgets.footer import KeyFooter
from timeline.tui.widgets.safe_text import literal
from timeline.tui.widgets.search_bar import SearchBar
from timeline.tui.widgets.summary import SummaryBar
from timeline.tui.widgets.welcome import Welcome

if TYPE_CHECKING:
    from collections.abc import Callable
    from datetime import date

    from timeline.store import Filter, Store
    from timeline.tui.editor import EventEditor


class TimelineScreen(ExportFlow, DatePrompts, ListLoading):
    """Browse, search, filter, jump, and change events; everything from the keyboard."""

    CSS_PATH = "timeline.tcss"
    AUTO_FOCUS = "#events"

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("slash", "search", "Search", id="search"),
        Binding("f", "filter", "Filter", id="filter"),
        Binding("t", "jump", "Jump", id="jump"),
        Binding("a", "add", "Add", id="add"),
        Binding("e", "edit", "Edit", id="edit"),
        Binding("d", "delete", "Delete", id="delete"),
        Binding("u", "undo", "Undo", id="undo"),
        Binding("x", "export", "Export", id="export"),
        Binding("K", "key_events", "Key events", id="key_events"),
        Binding("K", "all_events", "All events", id="key_events"),
        Binding("escape", "clear", "Clear", show=False),
        Binding("question_mark,f1", "help", "Keys", id="help"),
        Binding("q", "quit", "Quit", id="quit"),
    ]
    """Keys that act on the timeline (ids name them in `[keys]`); moving keys live on the list."""

    search_words: reactive[str] = reactive("", init=False)
    """Words searched for (full text, as typed)."""
    date_range: reactive[tuple[str | None, str | None, str] | None] = reactive(None, init=False)
    """(from, to, as typed) of the date filter, or None."""
    all_events: reactive[bool] = reactive(False, init=False)
    """Show every event, not only the key events of the story (the default)."""

    def __init__(
        self, store: Store, reader: Store, *, editor: EventEditor, today: Callable[[], date]
    ) -> None:
        """Browse `store` (this thread) with `reader` for the workers' long reads.

        Args:
            store: The connection of this thread; writes go through `editor`.
            reader: A second connection for the workers.
            editor: Adds, edits, deletes and undoes (shared with the details screen).
            today: Reference date for relative words in the filter and the jump.
        """
        super().__init__()
        self.store = store
        self.reader = reader
        self.editor = editor
        self.today = today
        self.loaded = False
        self._shown_generation = -1
        self._search_delay: float | None = None
        self.export_format = "csv"
        """The format `x` chose last: offered first next time."""

    @property
    def search_delay(self) -> float:
        """Seconds of quiet typing before a search runs (tests set 0)."""
        if self.is_mounted:
            return self.query_one(SearchBar).delay
        return self._search_delay if self._search_delay is not None else 0.25

    @search_delay.setter
    def search_delay(self, seconds: float) -> None:
        self._search_delay = seconds
        if self.is_mounted:
            self.query_one(SearchBar).delay = seconds

    @property
    def flt(self) -> Filter:
        """The filter the list shows."""
        from timeline.store import Filter

        low, high = (self.date_range or (None, None, ""))[:2]
        return Filter(
            query=self.search_words.strip() or None,
            date_from=low,
            date_to=high,
            key_only=not self.all_events,
        )

    def compose(self) -> ComposeResult:
        """Header strip, search line, list (or welcome), footer."""
        with Horizontal(id="strip"):
            yield SummaryBar(id="summary")
            yield DensityChart(id="density")
        yield SearchBar(id="search")
        yield EventList(id="events")
        yield Welcome(self.store.path, id="welcome")
        yield KeyFooter()

    def on_mount(self) -> None:
        """Load the first screenful."""
        if self._search_delay is not None:
            self.query_one(SearchBar).delay = self._search_delay
        self.query_one("#welcome").display = False
        self.query_one(SummaryBar).readonly = self.store.readonly
        self.reload()

    @property
    def events(self) -> EventList:  # type: ignore[override]
        """The event list."""
        return self.query_one("#events", EventList)

    def reload(self, **where: Any) -> None:
        """Count and lay out the list again (see `ListLoading.reload`), saying so meanwhile."""
        self.query_one(SummaryBar).counting = True
        super().reload(**where)

    # -- showing what the workers read -------------------------------------------------
    @on(ListLoaded)
    def list_loaded(self, message: ListLoaded) -> None:
        """Show a freshly laid out list: attributes down to the list, the chart and the bar."""
        if message.flt != self.flt:
            if not message.revealed:
                return  # a newer filter is on its way
            self._drop_filter()
        if not message.layout.sketch and message.generation == self._shown_generation:
            # The full layout of the sketch on screen: stay where the user has moved since.
            cursor, keep_row = self.events.cursor, self.events.cursor_row()
        else:
            cursor, keep_row = message.cursor, message.keep_row
        self._shown_generation = message.generation
        self.loaded = True
        layout = message.layout
        self.query_one(DensityChart).layout = layout
        empty = layout.total == 0 and message.everything == 0
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
        summary = self.query_one(SummaryBar)
        summary.counting = layout.sketch
        summary.everything = message.everything
        summary.key_only = message.flt.key_only
        summary.total = layout.total
        summary.loaded = True
        self._refresh_keys()

    @on(LoadFailed)
    def load_failed(self, message: LoadFailed) -> None:
        """Say what went wrong."""
        self.editor.say(message.text, severity="error")

    @on(DataChanged)
    def data_changed(self) -> None:
        """Another process wrote: reload, keeping the highlighted event where it was."""
        event = self.events.event
        self.reload(
            cursor=self.events.cursor,
            keep_id=event.id if event else None,
            keep_row=self.events.cursor_row() if self.loaded else None,
        )

    @on(EventsChanged)
    def events_changed(self, message: EventsChanged) -> None:
        """A change made here or in the details: reload on the event it concerns."""
        keep_row = self.events.cursor_row()
        if message.kind == "delete":
            self.reload(cursor=self.events.cursor, keep_row=keep_row)
        else:
            self.reload(
                cursor=self.events.cursor,
                keep_id=message.event_id,
                keep_row=keep_row,
                reveal=message.reveal,
            )

    def _drop_filter(self) -> None:
        """Forget the search and the date range without reloading."""
        self.set_reactive(TimelineScreen.search_words, "")
        self.set_reactive(TimelineScreen.date_range, None)
        self.set_reactive(TimelineScreen.all_events, True)
        self.refresh_bindings()
        self.query_one(SearchBar).close()
        summary = self.query_one(SummaryBar)
        summary.query, summary.dates = "", None

    @on(EventList.Highlighted)
    def highlighted(self, message: EventList.Highlighted) -> None:
        """Move the chart's marker and the position with the cursor."""
        self.query_one(DensityChart).at = message.event.start if message.event else None
        self.query_one(SummaryBar).position = message.index
        self._refresh_keys()

    def _refresh_keys(self) -> None:
        """Re-check greyed keys, only when what they depend on changed (the footer recomposes)."""
        state = self.events.event is not None
        if state != getattr(self, "_key_state", None):
            self._key_state = state
            self.refresh_bindings()

    def _nothing_matches(self) -> Text:
        """What an empty filtered list says: what hid every event and how to clear it (with
        no filter, only the key events hid them)."""
        if not self.search_words.strip() and not self.date_range:
            return Text("No key events.  K shows every event.")
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

    # -- search, filter, jump ----------------------------------------------------------
    def action_search(self) -> None:
        """Open the search line and type into it."""
        self.query_one(SearchBar).open()

    @on(SearchBar.WordsChanged)
    def words_changed(self, message: SearchBar.WordsChanged) -> None:
        """Search for the words the bar posted."""
        self.search_words = message.words

    @on(SearchBar.Done)
    def search_done(self) -> None:
        """Back to the list after Enter."""
        self.events.focus()

    def watch_search_words(self, words: str) -> None:
        """A new search: reload from the top; a cleared one keeps the highlighted event."""
        self.query_one(SummaryBar).query = words
        self._reload_filtered(cleared=not words.strip())

    def watch_date_range(self, date_range: tuple[str | None, str | None, str] | None) -> None:
        """A new date filter: reload from the top; a cleared one keeps the highlighted event."""
        self.query_one(SummaryBar).dates = date_range[:2] if date_range else None
        self._reload_filtered(cleared=date_range is None)

    def _reload_filtered(self, cleared: bool) -> None:
        """Reload after the filter changed."""
        event = self.events.event
        if cleared and event is not None:
            self.reload(keep_id=event.id, keep_row=self.events.cursor_row())
        else:
            self.reload()

    def watch_all_events(self) -> None:
        """Key events or every event: reload, keeping the highlighted event if it is shown."""
        self.refresh_bindings()
        self._reload_filtered(cleared=True)

    def action_key_events(self) -> None:
        """Key events are shown: show every event (the footer then says "All events")."""
        self.all_events = not self.all_events

    def action_all_events(self) -> None:
        """Every event is shown: back to the key events."""
        self.all_events = not self.all_events

    def action_toggle_key(self) -> None:
        """Switch between the key events and every event (the command palette's entry)."""
        self.all_events = not self.all_events

    def action_clear(self) -> None:
        """Esc: close the search line and clear the search, else clear the date filter."""
        search = self.query_one(SearchBar)
        if search.display or self.search_words:
            search.close()  # drops a search typed but not yet run, too
            self.events.focus()
            self.search_words = ""
        elif self.date_range:
            self.date_range = None

    # -- open --------------------------------------------------------------------------
    @on(EventList.Selected)
    def opened(self, message: EventList.Selected) -> None:
        """Open the details of an event."""
        self.app.push_screen(
            DetailsScreen(self.store, message.event.id, editor=self.editor),
            self._back_from_details,
        )

    def _back_from_details(self, event_id: int | None) -> None:
        """Highlight the event last shown in the details."""
        current = self.events.event
        if event_id is not None and (current is None or current.id != event_id):
            self.reload(keep_id=event_id, cursor=self.events.cursor)

    # -- changes: the editor asks, writes and tells ------------------------------------
    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Grey out edit and delete when no event is highlighted."""
        if not self.is_mounted:
            return True
        if action in ("edit", "delete"):
            return True if self.events.display and self.events.event else None
        if action in ("key_events", "all_events"):
            return (action == "all_events") == self.all_events  # the footer shows the one on
        return True

    def action_add(self) -> None:
        """Open the form for a new event."""
        self.editor.add()

    def action_edit(self) -> None:
        """Open the form on the highlighted event."""
        if (event := self.events.event) is not None:
            self.editor.edit(event.id)

    def action_delete(self) -> None:
        """Ask, then delete the highlighted event."""
        if (event := self.events.event) is not None:
            self.editor.delete(event)

    def action_undo(self) -> None:
        """Take back the newest add, edit or delete."""
        self.editor.undo()

    def _say(self, message: str, severity: Any = "information") -> None:
        """Notify through the editor (never markup, control bytes shown as pictures)."""
        self.editor.say(message, severity)

    # -- help, quit ----------------------------------------------------------------------
    def action_help(self) -> None:
        """Show the keys in force."""
        keymap = getattr(self.app, "config", None)
        rows = keys_in_force(keymap.keys if keymap else {}, self.declared_bindings())
        self.app.push_screen(HelpScreen(rows))

    @classmethod
    def declared_bindings(cls) -> list[BindingType]:
        """Every binding the code declares for the timeline: the list's, this screen's and the
        details'; the help table reads each action's default key from them."""
        return [*EventList.BINDINGS, *cls.BINDINGS, *DetailsScreen.BINDINGS]

    def action_quit(self) -> None:
        """Leave the app."""
        self.app.exit()
