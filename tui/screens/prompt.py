"""One line of input with a check: the date filter (`f`), the jump (`t`), the export path (`x`)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, ClassVar

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.message import Message
from textual.screen import ModalScreen
from textual.widgets import Input, Label, Static

from timeline.tui.widgets.safe_text import literal


class PromptScreen(ModalScreen[Any]):
    """Ask for one line; the check runs in a worker, and its error shows inline.

    Dismisses with what `check` returned, or None when cancelled with Esc.
    """

    CSS_PATH = "dialog.tcss"

    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "cancel", "Cancel")]
    """Enter submits (the input's own key); Esc cancels."""

    class Checked(Message):
        """The check accepted the text."""

        def __init__(self, value: Any) -> None:
            self.value = value
            super().__init__()

    class Refused(Message):
        """The check refused the text; `reason` is one line."""

        def __init__(self, reason: str) -> None:
            self.reason = reason
            super().__init__()

    def __init__(
        self,
        title: str,
        check: Callable[[str], Any],
        *,
        value: str = "",
        placeholder: str = "",
        hint: str = "",
    ) -> None:
        """Ask under `title`; `check(text)` returns the result or raises with a message."""
        super().__init__()
        self.title_text = title
        self.check = check
        self.value = value
        self.placeholder = placeholder
        self.hint = hint

    def compose(self) -> ComposeResult:
        """Input, an inline error line and a hint."""
        with Vertical(classes="dialog") as box:
            box.border_title = self.title_text
            yield Input(self.value, placeholder=self.placeholder, id="prompt-input")
            yield Static("", id="prompt-error", classes="error")
            yield Label(self.hint or "Enter  accept      Esc  cancel", classes="hint")

    @on(Input.Submitted)
    def submitted(self, event: Input.Submitted) -> None:
        """Run the check on what was typed."""
        event.stop()
        self.query_one("#prompt-error", Static).update("")
        self._check(event.value)

    @on(Input.Changed)
    def changed(self) -> None:
        """Typing clears an old error."""
        self.query_one("#prompt-error", Static).update("")

    @work(thread=True, exclusive=True, group="prompt-check")
    def _check(self, text: str) -> None:
        """Check in a thread: parsing dates may load dateparser's data."""
        try:
            value = self.check(text)
        except Exception as exc:  # the check's own errors are all one-line reasons
            self.post_message(self.Refused(str(exc) or exc.__class__.__name__))
        else:
            self.post_message(self.Checked(value))

    @on(Checked)
    def accepted(self, message: Checked) -> None:
        """Close with the checked value."""
        self.dismiss(message.value)

    @on(Refused)
    def refused(self, message: Refused) -> None:
        """Say why inline and keep what was typed."""
        self.query_one("#prompt-error", Static).update(literal(message.reason))

    def action_cancel(self) -> None:
        """Close without a value."""
        self.dismiss(None)
