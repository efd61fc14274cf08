"""The TimelineJS3 Google Sheets template: its 19 columns, one row per dated event.

Years are historians' (negative for BCE, no year 0); a year- or month-precision event leaves the
finer columns empty; an approximate one gets a Display Date (`c. Aug 2022`). Cells a spreadsheet
would run as formulas are neutralised as in our own CSV.
"""

from __future__ import annotations

import csv
from collections.abc import Iterable
from typing import TextIO

from timeline.store.csv_io import neutralise
from timeline.store.dates import historical_year, parts
from timeline.store.exporters.base import Written, skipped_note
from timeline.store.exporters.text import event_html
from timeline.store.models import Event
from timeline.store.written_dates import format_date

names = ("timelinejs-csv",)
extension = ".timelinejs.csv"
description = "TimelineJS sheet: the 19 columns of the Google Sheets template"

COLUMNS = (
    "Year",
    "Month",
    "Day",
    "Time",
    "End Year",
    "End Month",
    "End Day",
    "End Time",
    "Display Date",
    "Headline",
    "Text",
    "Media",
    "Media Credit",
    "Media Caption",
    "Media Thumbnail",
    "Alt Text",
    "Type",
    "Group",
    "Background",
)
"""The TimelineJS3 template's header, in order."""


def date_cells(iso: str | None) -> list[str]:
    """Year, Month, Day, Time cells for one value; empty below its precision."""
    if not iso:
        return ["", "", "", ""]
    p = parts(iso)
    return [
        str(historical_year(p.year)),
        "" if p.month is None else str(p.month),
        "" if p.day is None else str(p.day),
        "" if p.hour is None else f"{p.hour:02d}:{p.minute:02d}",
    ]


def row(event: Event) -> list[str]:
    """The 19 cells of one dated event."""
    display = format_date(event.start, event.end, True) if event.approximate else ""
    return [
        *date_cells(event.start),
        *date_cells(event.end),
        neutralise(display),
        neutralise(event.title),
        neutralise(event_html(event)),
        "",
        "",
        "",
        "",
        "",
        "",
        neutralise(event.tags[0]) if event.tags else "",
        "",
    ]


def write(events: Iterable[Event], out: TextIO) -> Written:
    """Write the sheet; undated events are left out (TimelineJS needs a year)."""
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(COLUMNS)
    rows = undated = 0
    for event in events:
        if not event.start:
            undated += 1
            continue
        writer.writerow(row(event))
        rows += 1
    skipped, note = skipped_note(undated, why="TimelineJS needs a year")
    return Written(rows, skipped, note)
