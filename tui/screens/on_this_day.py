"""On this day: the events of one day and month in every year, with how long ago each was
(Enter opens one's details)."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, ClassVar

from rich.table import Table
from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Label, OptionList
from textual.widgets.option_list import Option

from timeline.tui.dates import format_date, years_ago
from timeline.tui.widgets.safe_text import literal

if TYPE_CHECKING:
    from timeline.store import Event, Store


def row(event: Event, year: int) -> Table:
    """One event: how long ago and its date in columns of their own, the title wrapping
    under its own column."""
    grid = Table.grid(padding=(0, 2))
    grid.add_column(width=14, no_wrap=True)
    grid.add_column(width=12, no_wrap=True)
    grid.add_column(ratio=1)
    when = format_date(event.start, event.end, approximate=event.approximate)
    grid.add_row(
        Text(years_ago(event.start, year), "bold"), Text(when, "dim"), literal(event.title)
    )
    return grid


class OnThisDayScreen(ModalScreen["int | None"]):
    """Events of `day`'s day and month in every year; Enter opens one, Esc closes."""

    CSS_PATH = "dialog.tcss"

    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape,q", "close", "Close")]

    def __init__(self, store: Store, day: date) -> None:
        """List the events of `day`'s day and month (read in a worker)."""
        super().__init__()
        self.store = store
        self.day = day
        self.found: list[Event] = []

    def compose(self) -> ComposeResult:
        """A title, the list, a hint."""
        with Vertical(classes="dialog") as box:
            box.border_title = f"On this day: {self.day.day} {self.day.strftime('%B')}"
            yield OptionList(id="days")
            yield Label("Enter  open · Esc  close", classes="hint")

    def on_mount(self) -> None:
        """Read the events."""
        self._load()

    @work(thread=True, exclusive=True, group="on-this-day")
    def _load(self) -> None:
        """Ask the store for the day's events in a thread."""
        events = self.store.on_this_day(self.day.month, self.day.day)
        self.app.call_from_thread(self._show, events)

    def _show(self, events: list[Event]) -> None:
        """List them, or say nothing happened on this day."""
        self.found = events
        options = self.query_one("#days", OptionList)
        options.clear_options()
        if not events:
            options.add_option(
                Option(Text("Nothing on this day in any year.", "dim"), disabled=True)
            )
            return
        for event in events:
            options.add_option(Option(row(event, self.day.year), id=str(event.id)))
        options.highlighted = 0
        options.focus()

    @on(OptionList.OptionSelected, "#days")
    def chosen(self, message: OptionList.OptionSelected) -> None:
        """Close on the chosen event; the timeline opens its details."""
        if message.option.id:
            self.dismiss(int(message.option.id))

    def action_close(self) -> None:
        """Close without choosing."""
        self.dismiss(None)
