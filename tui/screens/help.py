"""The keys, on one screen (`?` or F1)."""

from __future__ import annotations

from typing import ClassVar

from rich.table import Table
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Label, Static

KEYS: tuple[tuple[str, str], ...] = (
    ("↑ ↓  j k", "move"),
    ("PgUp PgDn", "a screen up or down"),
    ("Home End  g G", "first or last event"),
    ("[  ]", "previous or next year"),
    ("{  }", "previous or next month"),
    ("Enter  double-click", "open the event's details"),
    ("/", "search as you type (titles, details, quotes)"),
    ("f", "filter by dates: 2022, Aug 2022..Sep 2022"),
    ("t", "jump to a date: 2012, 31 Aug 2022"),
    ("a", "add an event"),
    ("e", "edit the event"),
    ("d", "delete the event (y to confirm)"),
    ("u", "undo the last add, edit or delete"),
    ("x", "export: CSV, TimelineJS, calendar, Markdown, JSON Lines, HTML"),
    ("Esc", "close, clear the search, clear the filter"),
    ("Ctrl+P", "command palette (and themes)"),
    ("? F1", "these keys"),
    ("q", "quit"),
)
"""What every key does, in the order a newcomer needs them."""


class HelpScreen(ModalScreen[None]):
    """A table of the keys; any of Esc, q, ? or F1 closes it."""

    CSS_PATH = "dialog.tcss"

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,q,question_mark,f1", "close", "Close"),
    ]
    """Keys that close the help."""

    def compose(self) -> ComposeResult:
        """The key table."""
        table = Table.grid(padding=(0, 3))
        table.add_column(style="bold")
        table.add_column()
        for keys, what in KEYS:
            table.add_row(keys, what)
        with VerticalScroll(classes="dialog") as box:  # focused: ↑ ↓ scroll a short terminal
            box.border_title = "Keys"
            yield Static(table, id="keys")
            yield Label("Esc  close", classes="hint")

    def action_close(self) -> None:
        """Close the help."""
        self.dismiss(None)
