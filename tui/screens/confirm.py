"""A yes/no question before something that cannot be taken back without undo."""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Label, Static


class ConfirmScreen(ModalScreen[bool]):
    """Ask a question; `y` answers yes, `n` or Esc no."""

    CSS_PATH = "dialog.tcss"

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("y", "answer(True)", "Yes"),
        Binding("n,escape", "answer(False)", "No"),
    ]
    """Only y confirms; anything else the footer shows says no."""

    def __init__(self, question: Text, title: str = "Confirm") -> None:
        """Ask `question`, a Text built from data (never markup)."""
        super().__init__()
        self.question = question
        self.title_text = title

    def compose(self) -> ComposeResult:
        """A box with the question and the keys."""
        with Vertical(classes="dialog") as box:
            box.border_title = self.title_text
            yield Static(self.question, id="question")
            yield Label("y  yes      n / Esc  no", classes="hint")

    def action_answer(self, yes: bool) -> None:
        """Close with the answer."""
        self.dismiss(yes)
