"""The main screen: it composes the header strip, the search line, the list (or the welcome)
and the footer, and routes their messages; loading lives in `loading`, the search and the key-events
switch in `searching`, changes in the editor, the export flow in `export_flow`, the date filter and
the jump in `date_prompts`."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, ClassVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal

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
from timeline.tui.screens.searching import Searching
from timeline.tui.widgets.density import DensityChart
from timeline.tui.widgets.event_list import EventList
from timeline.tui.widgets.footer import KeyFooter
from timeline.tui.widgets.search_bar import SearchBar
from timeline.tui.widgets.summary import SummaryBar
from timeline.tui.widgets.welcome import Welcome

if TYPE_CHECKING:
    from collections.abc import Callable
    from datetime import date

    from timeline.store import Store
    from timeline.tui.editor import EventEditor


class TimelineScreen(Searching, ExportFlow, DatePrompts, ListLoading):
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
        Binding("o", "article", "Article", id="article"),
        Binding("w", "open_link", "Open link", id="open_link", show=False),
        Binding("O", "on_this_day", "On this day", id="on_this_day", show=False),
        Binding("r", "redo", "Redo", id="redo", show=False),
        Binding("K", "key_events", "Key events", id="key_events"),
        Binding("K", "all_events", "All events", id="key_events"),
        Binding("escape", "clear", "Clear", show=False),
        Binding("question_mark,f1", "help", "Keys", id="help"),
        Binding("q", "quit", "Quit", id="quit"),
    ]
    """Keys that act on the timeline (ids name them in `[keys]`); moving keys live on the list."""

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
        if action in ("edit", "delete", "article", "open_link"):
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

    def action_redo(self) -> None:
        """Make again the change undo took back last."""
        self.editor.redo()

    def action_article(self) -> None:
        """Read the highlighted event's article, at its sentence."""
        from timeline.tui.screens.article import open_article

        if (event := self.events.event) is not None:
            open_article(self, self.store, event.id)

    def action_open_link(self) -> None:
        """Open the highlighted event's source outside the app (browser, editor, viewer)."""
        from timeline.store import StoreError
        from timeline.tui.screens.article import open_source

        event = self.events.event
        if event is None or event.source_id is None:
            self.editor.say("Added by hand: this event has no source to open.")
            return
        try:
            source = self.store.get_source(event.source_id)
        except StoreError as exc:
            self.editor.say(str(exc), severity="error")
            return
        open_source(self, source)

    def action_on_this_day(self) -> None:
        """List the events of today's day and month in every year."""
        from timeline.tui.screens.on_this_day import OnThisDayScreen

        self.app.push_screen(OnThisDayScreen(self.store, self.today()), self._from_on_this_day)

    def _from_on_this_day(self, event_id: int | None) -> None:
        """Open the details of the event chosen on the on-this-day list."""
        if event_id is not None:
            self.app.push_screen(
                DetailsScreen(self.store, event_id, editor=self.editor), self._back_from_details
            )

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
