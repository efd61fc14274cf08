"""Searching and filtering the timeline: the words typed (with `source:ID` and `tag:NAME`), the
date range, key events or all, and what an empty result says. The timeline screen mixes this in."""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.text import Text
from textual import on
from textual.reactive import reactive
from textual.screen import Screen

from timeline.tui.dates import format_iso
from timeline.tui.widgets.safe_text import literal
from timeline.tui.widgets.search_bar import SearchBar
from timeline.tui.widgets.summary import SummaryBar

if TYPE_CHECKING:
    from timeline.store import Filter


def search_terms(typed: str) -> tuple[str, int | None, str | None]:
    """Split what was typed in the search line into words, a `source:ID` and a `tag:NAME`
    (the app's --source and --tag; the last of each counts)."""
    words: list[str] = []
    source_id: int | None = None
    tag: str | None = None
    for word in typed.split():
        name, colon, value = word.partition(":")
        if colon and name.lower() == "source" and value.isdigit():
            source_id = int(value)
        elif colon and name.lower() == "tag" and value:
            tag = value
        else:
            words.append(word)
    return " ".join(words), source_id, tag


class Searching(Screen[None]):
    """A screen whose list is narrowed by a search, a date range and key events (mixed into
    the timeline, which owns the search bar, the list and `reload`)."""

    search_words: reactive[str] = reactive("", init=False)
    """Words searched for (full text, as typed)."""
    date_range: reactive[tuple[str | None, str | None, str] | None] = reactive(None, init=False)
    """(from, to, as typed) of the date filter, or None."""
    all_events: reactive[bool] = reactive(False, init=False)
    """Show every event, not only the key events of the story (the default)."""

    @property
    def flt(self) -> Filter:
        """The filter the list shows."""
        from timeline.store import Filter

        low, high = (self.date_range or (None, None, ""))[:2]
        words, source_id, tag = search_terms(self.search_words)
        return Filter(
            query=words or None,
            date_from=low,
            date_to=high,
            key_only=not self.all_events,
            source_id=source_id,
            tag=tag,
        )

    def _drop_filter(self) -> None:
        """Forget the search and the date range without reloading."""
        self.set_reactive(Searching.search_words, "")
        self.set_reactive(Searching.date_range, None)
        self.set_reactive(Searching.all_events, True)
        self.refresh_bindings()
        self.query_one(SearchBar).close()
        summary = self.query_one(SummaryBar)
        summary.query, summary.dates = "", None

    def _nothing_matches(self) -> Text:
        """What an empty filtered list says: what hid every event and how to clear it (with
        no filter, only the key events hid them)."""
        if not self.search_words.strip() and not self.date_range:
            return Text("No key events.  K shows every event.")
        text = Text("No events")
        if self.search_words.strip():
            text.append(" match ")
            text.append_text(literal(f"“{self.search_words.strip()}”", "bold"))
        if self.date_range:
            low, high = self.date_range[0], self.date_range[1]
            if low and low == high:
                text.append(f" in {format_iso(low)}")
            else:
                text.append(f" from {format_iso(low)}" if low else "")
                text.append(f" until {format_iso(high)}" if high else "")
        what = "the search" if self.search_words.strip() else "the date filter"
        return text.append(f".  Esc clears {what}.")

    def action_search(self) -> None:
        """Open the search line and type into it."""
        self.query_one(SearchBar).open()

    @on(SearchBar.WordsChanged)
    def words_changed(self, message: SearchBar.WordsChanged) -> None:
        """Search for the words the bar posted."""
        self.search_words = message.words

    @on(SearchBar.Done)
    def search_done(self) -> None:
        """Back to the list after Enter."""
        self.events.focus()

    def watch_search_words(self, words: str) -> None:
        """A new search: reload from the top; a cleared one keeps the highlighted event."""
        self.query_one(SummaryBar).query = words
        self._reload_filtered(cleared=not words.strip())

    def watch_date_range(self, date_range: tuple[str | None, str | None, str] | None) -> None:
        """A new date filter: reload from the top; a cleared one keeps the highlighted event."""
        self.query_one(SummaryBar).dates = date_range[:2] if date_range else None
        self._reload_filtered(cleared=date_range is None)

    def _reload_filtered(self, cleared: bool) -> None:
        """Reload after the filter changed."""
        event = self.events.event
        if cleared and event is not None:
            self.reload(keep_id=event.id, keep_row=self.events.cursor_row())
        else:
            self.reload()

    def watch_all_events(self) -> None:
        """Key events or every event: reload, keeping the highlighted event if it is shown."""
        self.refresh_bindings()
        self._reload_filtered(cleared=True)

    def action_key_events(self) -> None:
        """Key events are shown: show every event (the footer then says "All events")."""
        self.all_events = not self.all_events

    def action_all_events(self) -> None:
        """Every event is shown: back to the key events."""
        self.all_events = not self.all_events

    def action_toggle_key(self) -> None:
        """Switch between the key events and every event (the command palette's entry)."""
        self.all_events = not self.all_events

    def action_clear(self) -> None:
        """Esc: close the search line and clear the search, else clear the date filter."""
        search = self.query_one(SearchBar)
        if search.display or self.search_words:
            search.close()  # drops a search typed but not yet run, too
            self.events.focus()
            self.search_words = ""
        elif self.date_range:
            self.date_range = None
