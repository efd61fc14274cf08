"""Pick the event to join with the one shown: events around its date, or those a search finds."""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.message import Message
from textual.screen import ModalScreen
from textual.widgets import Input, Label, OptionList
from textual.widgets.option_list import Option

from timeline.tui.dates import format_date
from timeline.tui.widgets.safe_text import literal

if TYPE_CHECKING:
    from timeline.store import Event, Store

AROUND = 12
"""Events listed on each side of the event's date before anything is typed."""
FOUND = 50
"""Most events a search lists."""


def event_row(event: Event) -> Text:
    """An event as the dialog lists it: date, marks, title (data, never markup)."""
    row = Text(format_date(event.start, event.end, approximate=event.approximate), "dim")
    row.pad_right(max(14 - row.cell_len, 1))
    if event.sources > 1:
        row.append(f"×{event.sources} ", "dim")
    row.append_text(literal(event.title))
    return row


class JoinScreen(ModalScreen["int | None"]):
    """A search line above a list of events; dismisses with the id chosen, or None (Esc)."""

    CSS_PATH = "dialog.tcss"

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "Cancel"),
        Binding("down", "to_list", "List", show=False),
    ]

    class Found(Message):
        """A worker read the events to list for the words typed."""

        def __init__(self, words: str, events: list[Event]) -> None:
            self.words = words
            self.events = events
            super().__init__()

    def __init__(self, store: Store, event: Event) -> None:
        """Offer events to join with `event` (which is left out of the list)."""
        super().__init__()
        self.store = store
        self.event = event

    def compose(self) -> ComposeResult:
        """Search line, list, hint."""
        with Vertical(classes="dialog", id="join-box") as box:
            box.border_title = "Join with…"
            yield Label(literal(self.event.title, "bold"), id="join-event")
            yield Input(placeholder="type to search; empty lists events around this date",
                        id="join-search")  # fmt: skip
            yield OptionList(id="join-list")
            yield Label("↓ Enter  join      Esc  cancel", classes="hint")

    def on_mount(self) -> None:
        """List the events around this date."""
        self._find("")

    @on(Input.Changed, "#join-search")
    def typed(self, message: Input.Changed) -> None:
        """Search again for what is typed."""
        self._find(message.value)

    @work(thread=True, exclusive=True, group="join-find")
    def _find(self, words: str) -> None:
        """Read the events to list: a search, or those around the event's date."""
        from timeline.store import Filter, StoreError

        try:
            if words.strip():
                found = self.store.page_after(None, FOUND, Filter(query=words))
            else:
                key = self.event.key
                found = [
                    *self.store.page_before(key, AROUND),
                    *self.store.page_after(key, AROUND),
                ]
        except StoreError:
            found = []
        self.post_message(self.Found(words, [e for e in found if e.id != self.event.id]))

    @on(Found)
    def found(self, message: Found) -> None:
        """Show what the worker read, the nearest event after this one highlighted."""
        if message.words != self.query_one("#join-search", Input).value:
            return  # a newer search is on its way
        options = self.query_one("#join-list", OptionList)
        options.clear_options()
        options.add_options(Option(event_row(e), id=str(e.id)) for e in message.events)
        if message.events:
            after = [i for i, e in enumerate(message.events) if e.key > self.event.key]
            options.highlighted = after[0] if after and not message.words.strip() else 0

    @on(Input.Submitted, "#join-search")
    def submitted(self) -> None:
        """Enter in the search line joins with the highlighted event."""
        options = self.query_one("#join-list", OptionList)
        if options.highlighted is not None:
            self._choose(options.get_option_at_index(options.highlighted))

    @on(OptionList.OptionSelected, "#join-list")
    def chosen(self, message: OptionList.OptionSelected) -> None:
        """Enter or a click on an event joins with it."""
        self._choose(message.option)

    def _choose(self, option: Option) -> None:
        """Close with the event of `option`."""
        if option.id:
            self.dismiss(int(option.id))

    def action_to_list(self) -> None:
        """↓ from the search line goes into the list."""
        self.query_one("#join-list", OptionList).focus()

    def action_cancel(self) -> None:
        """Close without joining."""
        self.dismiss(None)
