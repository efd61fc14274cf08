"""The main screen's two date prompts: filter the list by a range in plain words, and jump to
the first event on or after a date. Dates are read by ingest (in the prompt's worker), and the
jump is found by the store in a worker of its own."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from textual import on, work
from textual.screen import Screen

from timeline.tui.dates import format_iso
from timeline.tui.messages import JumpResolved
from timeline.tui.screens.prompt import PromptScreen

if TYPE_CHECKING:
    from collections.abc import Callable
    from datetime import date

    from timeline.store import Filter


class DatePrompts(Screen[None]):
    """Mixed into TimelineScreen, which provides `date_range`, `today`, `flt`, `reader`,
    `events` and `editor`."""

    date_range: Any
    today: Callable[[], date]
    flt: Filter
    reader: Any
    events: Any
    editor: Any

    def action_filter(self) -> None:
        """Ask for a date range in plain words."""
        current = self.date_range[2] if self.date_range else ""
        self.app.push_screen(
            PromptScreen(
                "Filter by date",
                self._parse_range,
                value=current,
                placeholder="2022 · Aug 2022..Sep 2022 · empty for all",
            ),
            self._filtered,
        )

    def _parse_range(self, text: str) -> tuple[str | None, ...]:
        """Turn `Aug 2022..Sep 2022` into ISO prefixes (runs in the prompt's worker)."""
        if not text.strip():
            return ()
        from timeline.ingest.dates import parse_range

        low, high = parse_range(text, self.today())
        return (low, high, text.strip())

    def _filtered(self, result: tuple[str | None, ...] | None) -> None:
        """Apply the range the prompt accepted."""
        if result is None:
            return
        self.date_range = (result[0], result[1], str(result[2])) if result else None

    def action_jump(self) -> None:
        """Ask for a date and go to the first event on or after it."""
        self.app.push_screen(
            PromptScreen(
                "Jump to date",
                self._parse_date,
                placeholder="2012 · Aug 2022 · 31 Aug 2022",
            ),
            self._jump_to,
        )

    def _parse_date(self, text: str) -> Any:
        """Parse one date (runs in the prompt's worker)."""
        from timeline.ingest.dates import parse_date

        return parse_date(text, self.today())

    def _jump_to(self, parsed: Any) -> None:
        """Find the parsed date in the list."""
        if parsed is not None:
            self._locate(self.flt, parsed.start)

    @work(thread=True, exclusive=True, group="jump")
    def _locate(self, flt: Filter, start: str) -> None:
        """Find the index of the first event on or after `start`."""
        key = self.reader.key_at_or_after(start, flt)
        index = self.reader.count_before(key, flt) if key else None
        self.post_message(JumpResolved(index, format_iso(start)))

    @on(JumpResolved)
    def jumped(self, message: JumpResolved) -> None:
        """Highlight the event found."""
        if message.index is None:
            self.editor.say(f"Nothing on or after {message.label}")
            self.events.action_last()
        else:
            self.events.cursor = message.index
