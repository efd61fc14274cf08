"""An option list inside a scrolling page (the details' sentences and other events): while its
highlighted row is below the fold the highlight is parked, so no row is chosen unseen, and the
first ↑ or ↓ brings that row back, into sight."""

from __future__ import annotations

from typing import ClassVar

from textual.binding import Binding, BindingType
from textual.widgets import OptionList


class PageList(OptionList):
    """An OptionList whose highlight can be parked (hidden, remembered) and restored; it moves
    with the timeline's keys too (j k g G, or what `[keys]` sets for them)."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("up,k", "cursor_up", "Up", show=False, id="up"),
        Binding("down,j", "cursor_down", "Down", show=False, id="down"),
        Binding("home,g", "first", "First", show=False, id="first"),
        Binding("end,G", "last", "Last", show=False, id="last"),
    ]

    def __init__(self, *, id: str | None = None) -> None:
        """Start empty, nothing parked."""
        super().__init__(id=id)
        self.parked: int | None = None

    def watch_highlighted(self, highlighted: int | None) -> None:
        """A row highlighted another way (a click, Home, End) forgets the parked one."""
        super().watch_highlighted(highlighted)
        if highlighted is not None:
            self.parked = None

    def park(self) -> None:
        """Hide the highlight, remembering its row (None stays None)."""
        if self.highlighted is not None:
            self.parked = self.highlighted
            self.highlighted = None

    def restore(self) -> None:
        """Highlight the parked row again."""
        if self.parked is not None:
            self.highlighted, self.parked = self.parked, None

    def keep_highlight(self, before: int | None, count: int) -> None:
        """After the options were replaced: the row highlighted (or parked) `before` stays,
        within the `count` options now listed."""
        if not count:
            self.parked = None
        elif self.parked is not None:
            self.parked = min(self.parked, count - 1)
        else:
            self.highlighted = min(before or 0, count - 1)

    def action_cursor_down(self) -> None:
        """Down, or back to the parked row."""
        if self.parked is not None:
            self.restore()
        else:
            super().action_cursor_down()

    def action_cursor_up(self) -> None:
        """Up, or back to the parked row."""
        if self.parked is not None:
            self.restore()
        else:
            super().action_cursor_up()

    def lines_of(self, index: int) -> tuple[int, int]:
        """(first line, lines) the option `index` takes in the list at its width now."""
        raise NotImplementedError
