"""Where each line of the event list goes: year and month headings around runs of events.

Built from `store.density(unit="month")` and `store.count()` only, so a million events cost a
few thousand groups, never a million rows. Pure Python, no Textual, no SQL.

Counting per month scans the table (about half a second at a million events), so the list first
shows a *sketch*: the first and last pages with year headings, the middle as one run of events
without headings, until the full layout arrives.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from timeline.store.models import sort_key
from timeline.tui.dates import period_label, period_prefix, year_label, year_of

if TYPE_CHECKING:
    from timeline.store import Event

MONTH_HEADINGS_OVER = 24
"""A year with more events than this gets month headings."""

UNDATED_PERIOD = ""
GAP_PERIOD = "?"
"""Period of the sketch's middle run, whose dates are not known yet."""


@dataclass(frozen=True, slots=True)
class Group:
    """A run of events sharing a month (`2022-08`), a year-only date (`2012`) or no date (``)."""

    period: str
    count: int
    first_index: int
    first_line: int

    @property
    def year(self) -> str:
        """The year of the group, or `` when undated."""
        return year_of(self.period)


@dataclass(frozen=True, slots=True)
class Heading:
    """A heading line: `2022`, `August 2022` or `Undated`."""

    text: str
    level: int  # 1 year, 2 month
    count: int  # -1 while not counted (sketch)


@dataclass(frozen=True)
class Layout:
    """The lines of the list: headings by line number, events by index."""

    groups: tuple[Group, ...] = ()
    headings: dict[int, Heading] = field(default_factory=dict)
    total: int = 0
    lines: int = 0
    year_counts: tuple[tuple[str, int], ...] = ()
    _heading_lines: list[int] = field(default_factory=list)
    _group_indexes: list[int] = field(default_factory=list)

    @classmethod
    def build(
        cls,
        years: Iterable[tuple[str, int]],
        months: Iterable[tuple[str, int]],
        total: int,
    ) -> Layout:
        """Lay out groups from year and month densities and the total count.

        Args:
            years: (year, count) pairs as `store.density(unit="year")` gives them.
            months: (month, count) pairs from `store.density(unit="month")`; what a year has
                beyond its months are year-only events (`2012`), which sort before its months.
            total: `store.count()` under the same filter; events in no year are undated.

        Returns:
            The layout, with a year heading per year, month headings in busy years and an
            `Undated` heading last when some events have no date.
        """
        merged: dict[str, int] = dict(years)
        for period, count in months:
            merged[period] = count
            merged[year_of(period)] = merged.get(year_of(period), 0) - count
        undated = max(total - sum(n for _, n in years), 0)
        periods = sorted((p for p, n in merged.items() if n > 0), key=sort_key)
        year_totals: dict[str, int] = {}
        for period in periods:
            year_totals[year_of(period)] = year_totals.get(year_of(period), 0) + merged[period]

        groups: list[Group] = []
        headings: dict[int, Heading] = {}
        line = index = 0
        year = None
        for period in periods:
            count = merged[period]
            if year_of(period) != year:
                year = year_of(period)
                headings[line] = Heading(year_label(year), 1, year_totals[year])
                line += 1
            if period != year and year_totals[year] > MONTH_HEADINGS_OVER:
                headings[line] = Heading(period_label(period), 2, count)
                line += 1
            groups.append(Group(period, count, index, line))
            line += count
            index += count
        if undated:
            headings[line] = Heading("Undated", 1, undated)
            line += 1
            groups.append(Group(UNDATED_PERIOD, undated, index, line))
            line += undated
            index += undated
        return cls(
            groups=tuple(groups),
            headings=headings,
            total=index,
            lines=line,
            year_counts=tuple(year_totals.items()),
            _heading_lines=sorted(headings),
            _group_indexes=[g.first_index for g in groups],
        )

    sketch: bool = False
    """True for the quick layout shown before the months are counted."""

    @classmethod
    def sketch_of(cls, head: Sequence[Event], tail: Sequence[Event], total: int) -> Layout:
        """Lay out the first events (`head`) and the last ones (`tail`) of `total`, with year
        headings, and the events between them as one run without headings."""
        groups: list[Group] = []
        headings: dict[int, Heading] = {}
        line = index = 0
        last_year: str | None = None

        def add_run(events: Sequence[Event]) -> None:
            nonlocal line, index, last_year
            for event in events:
                year = year_of(event.start or UNDATED_PERIOD)
                if year != last_year:
                    last_year = year
                    headings[line] = Heading(year_label(year) if year else "Undated", 1, -1)
                    line += 1
                    groups.append(Group(year, 0, index, line))
                last = groups[-1]
                groups[-1] = Group(last.period, last.count + 1, last.first_index, last.first_line)
                line += 1
                index += 1

        add_run(head)
        gap = total - len(head) - len(tail)
        if gap > 0:
            groups.append(Group(GAP_PERIOD, gap, index, line))
            line += gap
            index += gap
            if tail and year_of(tail[0].start or UNDATED_PERIOD) != last_year:
                last_year = None  # the tail starts a new year: give it its heading
        add_run(tail)
        return cls(
            groups=tuple(groups),
            headings=headings,
            total=index,
            lines=line,
            sketch=True,
            _heading_lines=sorted(headings),
            _group_indexes=[g.first_index for g in groups],
        )

    def group_of(self, index: int) -> int:
        """Return the position in `groups` of the group holding event `index`."""
        return max(bisect_right(self._group_indexes, index) - 1, 0)

    def line_of(self, index: int) -> int:
        """Return the line where event `index` is drawn."""
        if not self.groups:
            return 0
        group = self.groups[self.group_of(index)]
        return group.first_line + index - group.first_index

    def index_at(self, line: int) -> int | None:
        """Return the event drawn at `line`, or None when the line is a heading or past the end."""
        if line in self.headings or line < 0 or line >= self.lines:
            return None
        return line - bisect_right(self._heading_lines, line)

    def nearest_index(self, line: int) -> int:
        """Return the event at `line`, or the first event after a heading there."""
        line = min(max(line, 0), max(self.lines - 1, 0))
        while line in self.headings and line + 1 < self.lines:
            line += 1
        found = self.index_at(line)
        return found if found is not None else max(self.total - 1, 0)

    def period_start(self, index: int, width: int) -> int:
        """Return the first event of the year (width 4) or month (width 7) holding `index`."""
        key = period_prefix(self.groups[self.group_of(index)].period, width)
        for group in reversed(self.groups[: self.group_of(index) + 1]):
            if period_prefix(group.period, width) != key:
                break
            start = group.first_index
        return start

    def next_period(self, index: int, width: int) -> int | None:
        """Return the first event of the year (4) or month (7) after the one holding `index`."""
        key = period_prefix(self.groups[self.group_of(index)].period, width)
        for group in self.groups[self.group_of(index) + 1 :]:
            if period_prefix(group.period, width) != key:
                return group.first_index
        return None

    def previous_period(self, index: int, width: int) -> int | None:
        """Return the start of this year/month if `index` is past it, else of the one before."""
        start = self.period_start(index, width)
        if index > start:
            return start
        if start == 0:
            return None
        return self.period_start(start - 1, width)

    def period_before(self, index: int, width: int) -> int | None:
        """Return the first event of the year (4) or month (7) before the one holding `index`,
        skipping periods without events (there are no groups for them)."""
        start = self.period_start(index, width)
        return self.period_start(start - 1, width) if start > 0 else None
