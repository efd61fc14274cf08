"""The timeline itself: a virtual list that draws only the visible lines of any number of events."""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from rich.segment import Segment
from rich.style import Style
from rich.text import Text
from textual import events
from textual.binding import Binding, BindingType
from textual.geometry import Size
from textual.message import Message
from textual.reactive import reactive
from textual.scroll_view import ScrollView
from textual.strip import Strip

from timeline.tui.dates import format_date
from timeline.tui.models.layout import Heading, Layout
from timeline.tui.widgets.safe_text import literal

if TYPE_CHECKING:
    from timeline.store import Event
    from timeline.tui.models.pages import EventPages

DATE_WIDTH = 12
"""Narrowest date column (`31 Aug 2022` and a gap); it widens to the longest date drawn."""
SOURCE_SHARE = 4
"""The source column takes at least 1/4 of the room, and what the titles leave (up to MAX)."""
SOURCE_MAX = 60
MARK_WIDTH = 5
"""The marks column: `!` when the sources disagree on the date, `×3` when three tell it."""


def column_widths(width: int, date_width: int, title_need: int = 0) -> tuple[int, int]:
    """Return (title, source) widths for a row `width` wide after the indent and date column:
    the title gets the most, the source its share or what the titles leave (`title_need` is
    the longest title known), both the same on every row."""
    room = max(width - 3 - date_width - MARK_WIDTH - 2, 10)
    source = min(max(room // SOURCE_SHARE, room - title_need, 6), SOURCE_MAX)
    return room - source, source


class EventList(ScrollView, can_focus=True):
    """Events in date order under year and month headings; one line per event."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("up,k", "move(-1)", "Up", show=False, id="up"),
        Binding("down,j", "move(1)", "Down", show=False, id="down"),
        Binding("pageup", "page(-1)", "Page up", show=False, id="page_up"),
        Binding("pagedown", "page(1)", "Page down", show=False, id="page_down"),
        Binding("home,g", "first", "First", show=False, id="first"),
        Binding("end,G", "last", "Last", show=False, id="last"),
        Binding("left_square_bracket", "step(4, -1)", "Year −", show=False, id="previous_year"),
        Binding("right_square_bracket", "step(4, 1)", "Year +", show=False, id="next_year"),
        Binding("left_curly_bracket", "step(7, -1)", "Month −", show=False, id="previous_month"),
        Binding("right_curly_bracket", "step(7, 1)", "Month +", show=False, id="next_month"),
        Binding("enter", "open", "Open", id="open"),
    ]
    """Moving keys; the screen holds the keys that change things."""

    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "event-list--cursor",
        "event-list--year",
        "event-list--month",
        "event-list--date",
        "event-list--source",
        "event-list--conflict",
    }

    DEFAULT_CSS = """
    EventList {
        overflow-x: hidden;
        background: $surface;
        & > .event-list--cursor { background: $boost; text-style: bold; }
        &:focus > .event-list--cursor { background: $primary 40%; color: $text; }
        & > .event-list--year { color: $accent; text-style: bold; }
        & > .event-list--month { color: $secondary; text-style: bold; }
        & > .event-list--date { color: $text-muted; }
        & > .event-list--source { color: $text-muted; }
        & > .event-list--conflict { color: $text-warning; text-style: bold; }
    }
    """

    cursor: reactive[int] = reactive(0, always_update=True, init=False)
    """Index of the highlighted event in the filtered list."""

    class Highlighted(Message):
        """The cursor moved to an event."""

        def __init__(self, index: int, event: Event | None) -> None:
            self.index = index
            self.event = event
            super().__init__()

    class Selected(Message):
        """The user chose an event to open (Enter or double-click)."""

        def __init__(self, event: Event) -> None:
            self.event = event
            super().__init__()

    def __init__(self, *, id: str | None = None) -> None:
        """Start empty; the screen hands a layout and a page cache with `show`."""
        super().__init__(id=id)
        self.layout_model = Layout()
        self.pages: EventPages | None = None
        self.empty_text = Text()
        """What an empty list says (the screen sets it: why nothing is shown, how to undo it)."""
        self.date_width = DATE_WIDTH
        """Width of the date column: the longest date drawn so far, and a gap."""
        self.title_need = 0
        """The longest title known when the list was shown: the source may take the rest."""

    # -- attributes down ---------------------------------------------------------------
    def show(self, pages: EventPages, cursor: int = 0, keep_row: int | None = None) -> None:
        """Show the events of `pages`, highlighting `cursor`.

        Args:
            pages: The page cache of the new list; its layout gives the lines.
            cursor: Event to highlight.
            keep_row: Screen row where the cursor should stay (a refresh keeps the view still).
        """
        self.pages = pages
        self.layout_model = pages.layout
        known = pages.cached()
        self.date_width = max([DATE_WIDTH, *(len(_date_of(event)) + 2 for event in known)])
        self.title_need = max([0, *(len(event.title) for event in known)])
        self.virtual_size = Size(self.size.width, self.layout_model.lines)
        cursor = min(max(cursor, 0), max(self.layout_model.total - 1, 0))
        if keep_row is not None:
            line = self.layout_model.line_of(cursor)
            self.scroll_to(y=max(line - keep_row, 0), animate=False, immediate=True)
        self.cursor = cursor
        self.refresh()

    @property
    def event(self) -> Event | None:
        """The highlighted event, if any."""
        return self.pages.get(self.cursor) if self.pages else None

    def cursor_row(self) -> int:
        """Return the screen row of the cursor (to keep it there across a refresh)."""
        return self.layout_model.line_of(self.cursor) - round(self.scroll_y)

    def watch_cursor(self, cursor: int) -> None:
        """Scroll the cursor into view (with its headings) and tell the screen."""
        self._reveal(cursor)
        self.refresh()
        self.post_message(self.Highlighted(cursor, self.event))

    def _reveal(self, cursor: int) -> None:
        """Scroll so that the cursor line, and headings just above it, are visible."""
        layout = self.layout_model
        if not layout.total:
            self.scroll_to(y=0, animate=False, immediate=True)
            return
        line = layout.line_of(cursor)
        top = line
        while top - 1 in layout.headings:
            top -= 1
        height = max(self.scrollable_content_region.height, 1)
        if top < self.scroll_y:
            self.scroll_to(y=top, animate=False, immediate=True)
        elif line >= self.scroll_y + height:
            self.scroll_to(y=line - height + 1, animate=False, immediate=True)

    # -- actions -----------------------------------------------------------------------
    def _go(self, index: int | None) -> None:
        """Move the cursor to `index`, kept inside the list."""
        if index is not None and self.layout_model.total:
            self.cursor = min(max(index, 0), self.layout_model.total - 1)

    def action_move(self, delta: int) -> None:
        """Move up or down by events."""
        self._go(self.cursor + delta)

    def action_page(self, direction: int) -> None:
        """Move by a screenful of lines."""
        height = max(self.scrollable_content_region.height - 1, 1)
        line = self.layout_model.line_of(self.cursor) + direction * height
        target = self.layout_model.nearest_index(line)
        if target == self.cursor:
            target += direction
        self.scroll_to(y=self.scroll_y + direction * height, animate=False, immediate=True)
        self._go(target)

    def action_first(self) -> None:
        """Go to the first event."""
        self._go(0)

    def action_last(self) -> None:
        """Go to the last event."""
        self._go(self.layout_model.total - 1)

    def action_step(self, width: int, direction: int) -> None:
        """Go to the previous or next year (width 4) or month with events (width 7).

        `[` first goes back to the start of the year it is in; `{` always goes to the month
        before (going to the start of this month surprised people)."""
        if not self.layout_model.total:
            return
        if direction > 0:
            self._go(self.layout_model.next_period(self.cursor, width))
        elif width == 7:
            self._go(self.layout_model.period_before(self.cursor, width))
        else:
            self._go(self.layout_model.previous_period(self.cursor, width))

    def action_open(self) -> None:
        """Open the highlighted event."""
        if (event := self.event) is not None:
            self.post_message(self.Selected(event))

    def _on_click(self, event: events.Click) -> None:
        """Click selects a row; a double-click opens it."""
        index = self.layout_model.index_at(event.y + round(self.scroll_y))
        if index is None:
            return
        self.cursor = index
        if event.chain >= 2:
            self.action_open()

    # -- drawing -----------------------------------------------------------------------
    def render_line(self, y: int) -> Strip:
        """Draw screen row `y`: a heading, an event or nothing."""
        width = self.scrollable_content_region.width
        base = self.rich_style
        line = y + round(self.scroll_y)
        layout = self.layout_model
        heading = layout.headings.get(line)
        if heading is not None:
            return self._heading_strip(heading, width, base)
        if not layout.total and line == 1 and self.pages is not None and self.empty_text:
            text = Text("   ", style=base).append_text(self.empty_text)
            text.stylize(self.get_component_rich_style("event-list--date"))
            text.truncate(width, overflow="ellipsis")
            return Strip(list(text.render(self.app.console)), text.cell_len).adjust_cell_length(
                width, base
            )
        index = layout.index_at(line)
        if index is None or self.pages is None:
            return Strip.blank(width, base)
        event = self.pages.get(index)
        text = self._row_text(event, width, base)
        if index == self.cursor:
            text.stylize(self.get_component_rich_style("event-list--cursor"))
        strip = Strip(list(text.render(self.app.console)), text.cell_len)
        return strip.adjust_cell_length(width, base if index != self.cursor else None)

    def _heading_strip(self, heading: Heading, width: int, base: Style) -> Strip:
        """Draw a year or month heading with its count."""
        component = "event-list--year" if heading.level == 1 else "event-list--month"
        style = base + self.get_component_rich_style(component)
        indent = " " if heading.level == 1 else "   "
        count = f"{heading.count:,} event{'s' if heading.count != 1 else ''}"
        if heading.count < 0:
            count = "…"
        label = f"{indent}{heading.text} "
        fill = max(width - len(label) - len(count) - 2, 1)
        rule = ("━" if heading.level == 1 else "─") * fill
        segments = [
            Segment(label, style),
            Segment(rule, base + Style(dim=True)),
            Segment(f" {count} ", base + Style(dim=True)),
        ]
        return Strip(segments).adjust_cell_length(width, base)

    def _row_text(self, event: Event | None, width: int, base: Style) -> Text:
        """Lay out one event: date for its precision, title, and a mark for its source."""
        if event is None:
            return Text("   …", style=base)
        date = _date_of(event)
        if len(date) + 2 > self.date_width:  # a longer date than any before: widen the column
            self.date_width = len(date) + 2
            self.call_after_refresh(self.refresh)
        date_style = self.get_component_rich_style("event-list--date")
        source_style = self.get_component_rich_style("event-list--source")
        row = Text("   ", style=base)
        row.append(date.ljust(self.date_width), date_style)
        row.append_text(self._marks(event))
        if event.source_id is not None:
            source = literal(f"◆ {event.source_title or 'source'}")
        else:
            source = Text("✎ by hand")
        title_width, source_width = column_widths(width, self.date_width, self.title_need)
        title = literal(event.title)
        title.truncate(title_width, overflow="ellipsis", pad=True)
        row.append_text(title)
        row.append("  ")
        source.truncate(source_width, overflow="ellipsis", pad=True)
        source.stylize(source_style)
        row.append_text(source)
        return row

    def _marks(self, event: Event) -> Text:
        """The marks column: `!` for sources that disagree on the date, `×N` for N sources
        telling the event (blank for one source or a typed event)."""
        marks = Text(
            "!" if event.conflict else " ", self.get_component_rich_style("event-list--conflict")
        )
        if event.sources > 1:
            count = f"×{event.sources}" if event.sources < 100 else str(min(event.sources, 999))
            marks.append(count, self.get_component_rich_style("event-list--date"))
        marks.pad_right(MARK_WIDTH - marks.cell_len)
        return marks


def _date_of(event: Event) -> str:
    """The event's date as the list writes it."""
    return format_date(event.start, event.end, approximate=event.approximate)
