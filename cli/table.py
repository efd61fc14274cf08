"""`timeline list` and `timeline sources` as tables for a terminal: a header, columns cut to
the terminal's width (titles whole when piped or with --wide), dates written for people."""

from __future__ import annotations

import shutil
import sys
from collections.abc import Sequence

import click
from rich.cells import cell_len, set_cell_size

from timeline.cli.common import safe
from timeline.store import Event, SourceSummary
from timeline.tui.dates import format_date, years_ago

SOURCE_WIDTH = 24
"""Widest the source column gets on a terminal (titles take the rest)."""


def table_width(width: int | None, wide: bool) -> int | None:
    """How wide to lay the table out: as asked, else the terminal's; None (no cutting) with
    --wide or when the output is not a terminal (a file or a pipe gets whole titles)."""
    if wide:
        return None
    if width is not None:
        return width
    if not sys.stdout.isatty():
        return None
    return shutil.get_terminal_size((80, 24)).columns


def _cell(text: str, width: int | None) -> str:
    """Text padded (and, with a width, cut with an ellipsis) to `width` cells."""
    if width is None:
        return text
    if cell_len(text) > width:
        return set_cell_size(text, max(width - 1, 0)) + "…" if width else ""
    return set_cell_size(text, width)


def _row(cells: Sequence[str], widths: Sequence[int], last_width: int | None) -> str:
    """One line: every column padded to its width, the last cut to what is left (or whole)."""
    head = "  ".join(_cell(text, width) for text, width in zip(cells[:-1], widths, strict=True))
    return f"{head}  {_cell(cells[-1], last_width) if last_width else cells[-1]}".rstrip()


class EventTable:
    """Events as aligned rows under a header: ID, DATE, SRC (sources telling it, `!` for a date
    conflict), SOURCE, then TITLE (or WHEN for on this day)."""

    def __init__(self, width: int | None, *, ago_from: int | None = None) -> None:
        """Lay out for `width` cells (None: nothing cut); `ago_from` a year, to add how many
        years before it each event happened (on this day)."""
        self.width = width
        self.ago_from = ago_from
        self.widths: list[int] | None = None

    def _cells(self, event: Event) -> list[str]:
        """The texts of one row, control characters made visible."""
        told = f"{event.sources}{'!' if event.conflict else ''}" if event.sources else "-"
        cells = [
            str(event.id),
            format_date(event.start, event.end, approximate=event.approximate),
            told,
            safe(event.source_title or event.source_url or ("" if event.sources else "by hand")),
        ]
        if self.ago_from is not None:
            cells.append(years_ago(event.start, self.ago_from))
        return [*cells, safe(event.title)]

    def lines(self, events: Sequence[Event]) -> list[str]:
        """The rows of a page of events, the header before the first page."""
        rows = [self._cells(event) for event in events]
        out: list[str] = []
        if self.widths is None:
            header = ["ID", "DATE", "SRC", "SOURCE", *(["WHEN"] * (self.ago_from is not None))]
            columns = len(header)
            widths = [
                max([cell_len(header[i])] + [cell_len(row[i]) for row in rows]) for i in range(4)
            ]
            widths[0] = max(widths[0], 4)
            widths[1] = min(max(widths[1], 11), 26)
            widths[3] = min(widths[3], SOURCE_WIDTH) if self.width else widths[3]
            if columns == 5:
                widths.append(max([4] + [cell_len(row[4]) for row in rows]))
            self.widths = widths
            out.append(_row([*header, "TITLE"], widths, self._last()))
        assert self.widths is not None
        out += [_row(row, self.widths, self._last()) for row in rows]
        return out

    def _last(self) -> int | None:
        """Cells left for the title (None: whole titles)."""
        if self.width is None or self.widths is None:
            return None
        return max(self.width - sum(self.widths) - 2 * len(self.widths), 10)


def source_lines(sources: Sequence[SourceSummary], width: int | None) -> list[str]:
    """Sources as a table: ID, PUBLISHED, EVENTS, TITLE, then the URL or file; on a terminal
    the title column gets what the location leaves it, so both columns line up."""
    header = ["ID", "PUBLISHED", "EVENTS", "TITLE", "URL OR FILE"]
    rows = [
        [
            str(source.id),
            format_date(source.published) if source.published else "-",
            str(source.events),
            safe(source.title or "untitled"),
            safe(source.url or source.path or ""),
        ]
        for source in sources
    ]
    widths = [max([cell_len(h)] + [cell_len(r[i]) for r in rows]) for i, h in enumerate(header)]
    if width is not None:
        room = max(width - sum(widths[:3]) - 2 * 4, 20)  # title and location share the rest
        widths[3] = min(widths[3], max(room - widths[4], room * 3 // 5))
        last = max(room - widths[3], 10)
    else:
        last = None
    return [_row(row, widths[:4], last) for row in [header, *rows]]


def echo_lines(lines: Sequence[str]) -> None:
    """Print lines as one write (a table of thousands of rows stays quick)."""
    if lines:
        click.echo("\n".join(lines))
