"""The header's words: how many events, under which search and dates, and where the cursor is."""

from __future__ import annotations

from rich.text import Text
from textual.reactive import reactive
from textual.widget import Widget

from timeline.tui.dates import format_iso
from timeline.tui.widgets.safe_text import literal


class SummaryBar(Widget):
    """Count, filter and position; the screen sets the attributes, the bar redraws itself."""

    DEFAULT_CSS = """
    SummaryBar {
        width: auto;
        height: 1;
        max-width: 70%;
        padding-right: 2;
    }
    """

    loaded: reactive[bool] = reactive(False, layout=True)
    """A list has been shown (until then the bar says Loading…)."""
    total: reactive[int] = reactive(0, layout=True)
    """Events in the list shown."""
    everything: reactive[int] = reactive(0, layout=True)
    """Events in the database, whatever the filter."""
    query: reactive[str] = reactive("", layout=True)
    """Words searched for, as typed (the user's text: never markup)."""
    dates: reactive[tuple[str | None, str | None] | None] = reactive(None, layout=True)
    """(from, to) of the date filter, or None."""
    position: reactive[int] = reactive(-1, layout=True)
    """Index of the highlighted event (-1: none)."""
    counting: reactive[bool] = reactive(True, layout=True)
    """A load is under way."""
    readonly: reactive[bool] = reactive(False, layout=True)
    """The database cannot be written."""
    key_only: reactive[bool] = reactive(False, layout=True)
    """Only the key events are shown (the default view)."""

    def render(self) -> Text:
        """The summary line, built as Text (the query is the user's text)."""
        if not self.loaded:
            return Text("Loading…")
        total = self.total
        narrowed = bool(self.query.strip() or self.dates)
        hidden = self.key_only and not narrowed and self.everything != total
        noun = " key event" if hidden else " event"
        text = Text.assemble((f"{total:,}", "bold"), noun + "s" * (total != 1))
        if narrowed or hidden:
            text.append(f" of {self.everything:,}")
        if self.query.strip():
            text.append("  ·  search ")
            text.append_text(literal(f"“{self.query.strip()}”", "bold"))
        if self.dates:
            low, high = self.dates
            text.append(
                f"  ·  {format_iso(low) if low else '…'} – {format_iso(high) if high else '…'}"
            )
        if total and self.position >= 0:
            text.append(f"  ·  #{self.position + 1:,}", "dim")
        if self.counting:
            text.append("  ·  counting…", "italic")
        if self.readonly:
            text.append("  ·  read-only", "bold red")
        return text
