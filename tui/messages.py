"""Messages more than one screen or the app posts; each states a fact that has happened."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.message import Message

if TYPE_CHECKING:
    from store import Filter
    from tui.widgets.layout import Layout


class DataChanged(Message):
    """Another process wrote to the database (PRAGMA data_version moved)."""


class ListLoaded(Message):
    """A worker counted and laid out the events under a filter."""

    def __init__(
        self, flt: Filter, layout: Layout, cursor: int, keep_row: int | None, everything: int
    ) -> None:
        self.flt = flt
        self.layout = layout
        self.cursor = cursor
        self.keep_row = keep_row
        self.everything = everything
        """Events in the database, whatever the filter."""
        super().__init__()


class LoadFailed(Message):
    """A worker could not read what was asked; `text` says why in one line."""

    def __init__(self, text: str) -> None:
        self.text = text
        super().__init__()


class JumpResolved(Message):
    """A date to jump to was found in the list (index None: nothing on or after it)."""

    def __init__(self, index: int | None, label: str) -> None:
        self.index = index
        self.label = label
        super().__init__()


class ExportFinished(Message):
    """Events were written to a CSV file."""

    def __init__(self, path: str, rows: int) -> None:
        self.path = path
        self.rows = rows
        super().__init__()
