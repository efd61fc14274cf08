"""A one-line chart of events per year or month, centred on where the cursor is."""

from __future__ import annotations

from collections.abc import Sequence

from rich.text import Text
from textual.reactive import reactive
from textual.widget import Widget

from tui.dates import format_iso

BARS = " ▁▂▃▄▅▆▇█"


def window(count: int, current: int, width: int) -> tuple[int, int]:
    """Return the slice [start, end) of `count` buckets that fits `width`, centred on `current`."""
    if count <= width:
        return 0, count
    start = min(max(current - width // 2, 0), count - width)
    return start, start + width


class DensityChart(Widget):
    """Bars of events per period around the current one, with the first and last label."""

    DEFAULT_CSS = """
    DensityChart {
        height: 1;
        width: 1fr;
        color: $primary;
    }
    """

    buckets: reactive[tuple[tuple[str, int], ...]] = reactive(())
    """(label, count) per period, every period between the first and the last."""
    current: reactive[int] = reactive(-1)
    """Bucket of the highlighted event, drawn in the accent colour (-1: none)."""

    def render(self) -> Text:
        """Draw the window of buckets that fits, the current one highlighted."""
        buckets: Sequence[tuple[str, int]] = self.buckets
        if not buckets:
            return Text("")
        width = self.size.width
        first_label = format_iso(buckets[0][0])  # `2022`, or `Aug 2022` for a month
        label_room = len(first_label) * 2 + 2
        room = max(width - label_room, 1)
        cell = min(max(room // len(buckets), 1), 3)  # few periods: wider bars
        start, end = window(len(buckets), max(self.current, 0), room // cell)
        shown = buckets[start:end]
        peak = max((n for _, n in shown), default=0) or 1
        text = Text(f"{format_iso(shown[0][0])} ", style="dim")
        for position, (_, count) in enumerate(shown, start):
            level = 0 if count == 0 else max(1, round(count / peak * (len(BARS) - 1)))
            style = "bold reverse" if position == self.current else ""
            bar = BARS[level] if level or position != self.current else "▁"
            text.append(bar * cell, style)
        text.append(f" {format_iso(shown[-1][0])}", style="dim")
        return text
