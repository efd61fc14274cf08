"""What every exporter module provides, and what an export reports back."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol, TextIO

from timeline.store.errors import BadEvent
from timeline.store.models import Event, Filter, NewEvent, SortKey
from timeline.store.validation import MAX_ID


@dataclass(frozen=True, slots=True)
class Written:
    """What an export wrote: events written, events the format cannot hold, and why."""

    rows: int
    skipped: int = 0
    note: str = ""

    def message(self, path: str) -> str:
        """One line for the user: `exported 12 events to out.ics (2 BCE events left out ...)`."""
        text = f"exported {self.rows} event{'' if self.rows == 1 else 's'} to {path}"
        return f"{text} ({self.note})" if self.note else text


class EventSource(Protocol):
    """What an export reads from the store. `Store` has all of it; naming it here keeps the
    exporters from importing the store that calls them (no import circle)."""

    path: Path

    def page_after(self, key: SortKey | None, limit: int, flt: Filter | None = None) -> list[Event]:
        """Up to `limit` events after `key` in date order."""
        ...

    def with_mentions(self, events: Sequence[Event]) -> list[Event]:
        """The same events with their mentions filled in."""
        ...

    def database_id(self) -> str:
        """The database's own random id (calendar UIDs carry it)."""
        ...

    def export_csv(self, out: TextIO, flt: Filter | None = None) -> int:
        """Write the events as CSV straight from SQL; returns rows written."""
        ...


PAGE = 2000
"""Events read per keyset page."""


def iter_events(
    store: EventSource,
    flt: Filter | None = None,
    page: int = PAGE,
    left_out: list[int] | None = None,
) -> Iterator[Event]:
    """Every event the filter lets through, in date order, read one keyset page at a time.

    With `left_out`, an event that import would refuse (a date like `2020-13-45`, a precision
    `century`, a control character, all written by another program) is not yielded: its id
    goes to `left_out`, so that an export holds only what `import` takes back.
    """
    key = None
    while True:
        events = store.page_after(key, page, flt)
        for event in events:
            if left_out is not None and not importable(event):
                left_out.append(event.id)
            else:
                yield event
        if len(events) < page:
            return
        key = events[-1].key


def importable(event: Event) -> bool:
    """Whether `import` would take an event back: the checks every way in makes."""
    try:
        NewEvent(
            title=event.title,
            start=event.start,
            precision=event.precision,
            end=event.end,
            details=event.details,
            quote=event.quote,
            tags=event.tags,
            date_text=event.date_text,
        ).checked()
    except BadEvent:
        return False
    return event.id <= MAX_ID


def noting(written: Written, left_out: list[int]) -> Written:
    """Add the events left out as not importable to what an export says it wrote."""
    if not left_out:
        return written
    shown = ", ".join(map(str, left_out[:5])) + (", …" if len(left_out) > 5 else "")
    note = f"{len(left_out)} left out that import could not take back: id {shown}"
    return Written(
        written.rows,
        written.skipped + len(left_out),
        f"{written.note}; {note}" if written.note else note,
    )


class Exporter(Protocol):
    """An export format: a module with these names (see store/exporters/csv_export.py)."""

    names: tuple[str, ...]
    extension: str
    description: str

    def write(self, events: Iterable[Event], out: TextIO) -> Written:
        """Write the events, in the order given, to a text stream opened with newline=""."""
        ...


def skipped_note(undated: int, bce: int = 0, why: str = "") -> tuple[int, str]:
    """Count and one-line reason for events a format leaves out."""
    parts = []
    if bce:
        parts.append(f"{bce} BCE event{'s' if bce != 1 else ''}")
    if undated:
        parts.append(f"{undated} undated event{'s' if undated != 1 else ''}")
    if not parts:
        return 0, ""
    return bce + undated, f"{' and '.join(parts)} left out: {why}"
