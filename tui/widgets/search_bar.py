"""The search line: posts the words once typing pauses, or at once on Enter."""

from __future__ import annotations

from textual import on
from textual.message import Message
from textual.timer import Timer
from textual.widgets import Input

SEARCH_DELAY = 0.25
"""Seconds typing must pause before the search runs: each run counts matches in the table."""


class SearchBar(Input):
    """A one-line search that tells its screen what to search for, never how to search."""

    DEFAULT_CSS = """
    SearchBar {
        height: 1;
        border: none;
        padding: 0 1;
        background: $boost;
        &:focus { border: none; background: $primary 20%; }
    }
    """

    class WordsChanged(Message):
        """The words to search for changed (typing paused, or Enter)."""

        def __init__(self, words: str) -> None:
            self.words = words
            super().__init__()

    class Done(Message):
        """Enter: the user wants to go back to the list."""

    def __init__(self, *, id: str | None = None) -> None:
        """Start hidden and empty."""
        super().__init__(
            placeholder="Search titles, details, quotes, tags, sources · tag:NAME · source:ID",
            id=id,
        )
        self.delay = SEARCH_DELAY
        """Seconds of quiet typing before the words are posted (tests set 0)."""
        self._timer: Timer | None = None
        self.display = False

    def open(self) -> None:
        """Show the line and type into it."""
        self.display = True
        self.focus()

    def close(self) -> None:
        """Hide and empty the line, forgetting words typed but not yet posted."""
        self._cancel_pending()
        with self.prevent(Input.Changed):
            self.value = ""
        self.display = False

    def _cancel_pending(self) -> None:
        """Forget words typed but not yet posted."""
        if self._timer is not None:
            self._timer.stop()
            self._timer = None

    def _post_words(self, words: str) -> None:
        """Tell the screen what to search for now."""
        self._timer = None
        self.post_message(self.WordsChanged(words))

    @on(Input.Changed)
    def _typed(self, message: Input.Changed) -> None:
        """Post the words once typing pauses for `delay` seconds."""
        message.stop()
        self._cancel_pending()
        words = message.value
        if self.delay <= 0:
            self._post_words(words)
        else:
            self._timer = self.set_timer(self.delay, lambda: self._post_words(words))

    @on(Input.Submitted)
    def _submitted(self, message: Input.Submitted) -> None:
        """Enter searches at once (no waiting for the pause) and goes back to the list."""
        message.stop()
        if self._timer is not None:
            self._cancel_pending()
            self._post_words(message.value)
        self.post_message(self.Done())
