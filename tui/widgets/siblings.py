"""The other events of the article shown in the details: date and title in columns of their
own (a long title wraps under its title), every row listed, each row's height known so the
page can follow the highlight."""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.table import Table
from rich.text import Text
from textual.widgets.option_list import Option

from timeline.tui.dates import format_date
from timeline.tui.widgets.page_list import PageList
from timeline.tui.widgets.safe_text import literal

if TYPE_CHECKING:
    from timeline.store import Event

DATE_WIDTH = 18
"""Cells of the date column ("~30–31 Aug 2022" fits)."""


def sibling_row(event: Event) -> Table:
    """One event: its date, then its title wrapping in a column of its own."""
    grid = Table.grid(padding=(0, 2))
    grid.add_column(width=DATE_WIDTH, no_wrap=True)
    grid.add_column(ratio=1)
    when = Text(format_date(event.start, event.end, approximate=event.approximate), "dim")
    grid.add_row(when, literal(event.title))
    return grid


class SiblingList(PageList):
    """One option per other event of the article; the screen sets them with `show`."""

    def __init__(self, *, id: str | None = None) -> None:
        """Start empty."""
        super().__init__(id=id)
        self.rows: list[Table] = []

    def show(self, events: list[Event]) -> None:
        """List `events`, keeping the highlight where it was if it can."""
        highlighted = self.highlighted
        self.rows = [sibling_row(event) for event in events]
        self.clear_options()
        self.add_options(
            Option(row, id=str(event.id)) for event, row in zip(events, self.rows, strict=True)
        )
        self.keep_highlight(highlighted, len(events))

    def lines_of(self, index: int) -> tuple[int, int]:
        """(first line, lines) the option `index` takes in the list at its width now."""
        console = self.app.console
        width = max(self.scrollable_content_region.width - 2, 1)  # the options' padding
        options = console.options.update_width(width)
        heights = [len(console.render_lines(row, options, pad=False)) for row in self.rows]
        return sum(heights[:index]), heights[index] if index < len(heights) else 1
