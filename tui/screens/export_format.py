"""Which format `x` exports to: the registry's formats, the one chosen last highlighted."""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Label, OptionList
from textual.widgets.option_list import Option


class ExportFormatScreen(ModalScreen[str | None]):
    """Pick an export format; dismisses with its name, or None when cancelled with Esc."""

    CSS_PATH = "dialog.tcss"

    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "cancel", "Cancel")]
    """Enter picks the highlighted format (the list's own key); Esc cancels."""

    def __init__(self, formats: list[tuple[str, str]], last: str | None = None) -> None:
        """Offer `formats` as (name, description) pairs, highlighting `last`."""
        super().__init__()
        self.formats = formats
        self.last = last

    def compose(self) -> ComposeResult:
        """The list of formats and a hint."""
        with Vertical(classes="dialog") as box:
            box.border_title = "Export format"
            yield OptionList(
                *(
                    Option(Text.assemble((name, "bold"), "  ", (about, "dim")), id=name)
                    for name, about in self.formats
                ),
                id="formats",
            )
            yield Label("↑ ↓  choose      Enter  next      Esc  cancel", classes="hint")

    def on_mount(self) -> None:
        """Start on the format chosen last time."""
        options = self.query_one("#formats", OptionList)
        names = [name for name, _ in self.formats]
        options.highlighted = names.index(self.last) if self.last in names else 0
        options.focus()

    @on(OptionList.OptionSelected, "#formats")
    def chosen(self, event: OptionList.OptionSelected) -> None:
        """Close with the format picked."""
        event.stop()
        self.dismiss(event.option.id)

    def action_cancel(self) -> None:
        """Close without a format."""
        self.dismiss(None)
