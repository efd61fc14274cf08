"""A one-line chart of events per year or month, centred on where the cursor is."""

from __future__ import annotations

from rich.text import Text
from textual.reactive import reactive
from textual.widget import Widget

from timeline.store.models import sort_key
from timeline.tui.dates import format_iso, iso_year, period_prefix, year_of
from timeline.tui.models.layout import Layout

BARS = " ▁▂▃▄▅▆▇█"
MORE = "‹", "›"
"""Marks beside a label when the chart shows a window and more periods lie that way."""

Buckets = tuple[tuple[str, int], ...]


def density_buckets(layout: Layout) -> tuple[Buckets, int]:
    """Return chart buckets for a layout (every year, or every month when it spans few years)
    and the width of a bucket's period key (4 for years, 7 for months; BCE keys add a sign)."""
    years = [(int(y), n) for y, n in layout.year_counts if y.lstrip("-").isdigit()]
    if not years:
        return (), 4
    first, last = years[0][0], years[-1][0]
    if last - first >= 3:
        counts = dict(years)
        return tuple((iso_year(y), counts.get(y, 0)) for y in range(first, last + 1)), 4
    months = {g.period: g.count for g in layout.groups if g.period != year_of(g.period)}
    if not months:
        return tuple((iso_year(y), n) for y, n in years), 4
    keys = sorted(months, key=sort_key)
    y0, m0 = int(year_of(keys[0])), int(keys[0][-2:])
    y1, m1 = int(year_of(keys[-1])), int(keys[-1][-2:])
    buckets = []
    for step in range((y1 - y0) * 12 + m1 - m0 + 1):
        y, m = divmod(m0 - 1 + step, 12)
        key = f"{iso_year(y0 + y)}-{m + 1:02d}"
        buckets.append((key, months.get(key, 0)))
    return tuple(buckets), 7


def window(count: int, current: int, width: int) -> tuple[int, int]:
    """Return the slice [start, end) of `count` buckets that fits `width`, centred on `current`."""
    if count <= width:
        return 0, count
    start = min(max(current - width // 2, 0), count - width)
    return start, start + width


class DensityChart(Widget):
    """Bars of events per period around the current one, labelled with the periods shown.

    The screen sets `layout` (the chart buckets it by year or month) and `at` (the highlighted
    event's date); when not every period fits, ‹ and › say there is more that way.
    """

    DEFAULT_CSS = """
    DensityChart {
        height: 1;
        width: 1fr;
        color: $text-accent;
    }
    """

    layout: reactive[Layout] = reactive(Layout, init=False)
    """The list's layout, whose year and month counts the bars show."""
    at: reactive[str | None] = reactive(None, init=False)
    """ISO date of the highlighted event: its bucket is drawn reversed."""

    def __init__(self, *, id: str | None = None) -> None:
        """Start empty."""
        super().__init__(id=id)
        self.buckets: Buckets = ()
        self.key_width = 4

    def watch_layout(self, layout: Layout) -> None:
        """Bucket the new layout by year or month."""
        self.buckets, self.key_width = density_buckets(layout)

    @property
    def current(self) -> int:
        """Bucket of the highlighted event (-1: none)."""
        key = period_prefix(self.at or "", self.key_width)
        labels = [label for label, _ in self.buckets]
        return labels.index(key) if key in labels else -1

    def render(self) -> Text:
        """Draw the window of buckets that fits, the current one highlighted."""
        buckets = self.buckets
        if not buckets:
            return Text("")
        current = self.current
        width = self.size.width
        first_label = format_iso(buckets[0][0])  # `2022`, or `Aug 2022` for a month
        label_room = len(first_label) * 2 + 4
        room = max(width - label_room, 1)
        cell = min(max(room // len(buckets), 1), 3)  # few periods: wider bars
        start, end = window(len(buckets), max(current, 0), room // cell)
        shown = buckets[start:end]
        peak = max((n for _, n in shown), default=0) or 1
        before = MORE[0] if start > 0 else ""
        after = MORE[1] if end < len(buckets) else ""
        text = Text(f"{before}{format_iso(shown[0][0])} ", style="dim")
        for position, (_, count) in enumerate(shown, start):
            level = 0 if count == 0 else max(1, round(count / peak * (len(BARS) - 1)))
            style = "bold reverse" if position == current else ""
            bar = BARS[level] if level or position != current else "▁"
            text.append(bar * cell, style)
        text.append(f" {format_iso(shown[-1][0])}{after}", style="dim")
        return text
