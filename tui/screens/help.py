"""The keys in force, on one screen (`?` or F1): the defaults, or what `[keys]` set."""

from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar

from rich.table import Table
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Label, Static

from timeline.tui.dates import format_date

SIGNS = (
    f"{format_date('2022-08', approximate=True)}: an approximate date (c. for circa).  ×3: "
    "three sources tell the event; !: they disagree on its date.  ◆ the article it came from; "
    "✎ typed by hand.  The strip at the top: how many events fall in each year (or month), "
    "the marker at the highlighted one."
)
"""What the signs in the list and the strip above it mean (the approximate date written as
the list writes it)."""


class HelpScreen(ModalScreen[None]):
    """A table of the keys; any of Esc, q, ? or F1 closes it."""

    CSS_PATH = "dialog.tcss"

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,q,question_mark,f1", "close", "Close"),
    ]
    """Keys that close the help."""

    def __init__(self, rows: Sequence[tuple[str, str]]) -> None:
        """Show `rows` of (keys, what they do)."""
        super().__init__()
        self.rows = rows

    def compose(self) -> ComposeResult:
        """The key table."""
        table = Table.grid(padding=(0, 3))
        table.add_column(style="bold")
        table.add_column()
        for keys, what in self.rows:
            table.add_row(keys, what)
        with VerticalScroll(classes="dialog") as box:  # focused: ↑ ↓ scroll a short terminal
            box.border_title = "Keys"
            yield Static(table, id="keys")
            yield Label(SIGNS, classes="hint")
            yield Label("Esc  close", classes="hint")

    def action_close(self) -> None:
        """Close the help."""
        self.dismiss(None)
