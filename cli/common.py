"""What the `timeline` commands share: the group's context as they see it, reading a typed date,
and printing an event as a line with control characters made visible (article text is data,
never terminal codes)."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

import click

from timeline.store import (
    Event,
    Store,
)
from timeline.tui.dates import format_date, parse_typed

if TYPE_CHECKING:
    from timeline.ingest.types import ParsedDate


MAX_ROW_ID = 2**63 - 1
"""Largest id SQLite can hold: a bigger number names no row (and SQLite could not even bind it)."""


class RowId(click.ParamType):
    """An event, source or mention id as typed: ASCII digits only (`int()` would also take
    other scripts' digits) and within SQLite's integer range."""

    name = "id"

    def convert(
        self, value: object, param: click.Parameter | None, ctx: click.Context | None
    ) -> int:
        """Return the id as a number, or fail with a one-line message."""
        if isinstance(value, int):
            return value
        text = str(value).strip()
        if not (text.isascii() and text.isdigit()):
            self.fail(f"{safe(text)!r} is not an id (write it in digits 0-9)", param, ctx)
        number = int(text)
        if not 1 <= number <= MAX_ROW_ID:
            self.fail(f"{text} is not an id (ids run from 1 to {MAX_ROW_ID})", param, ctx)
        return number


ROW_ID = RowId()
"""The click type of every id argument."""


def read_date(text: str, what: str = "date") -> ParsedDate:
    """Parse a user's date relative to today, or fail with a one-line message."""
    from timeline.ingest.dates import (
        BadDate,  # the date parser loads only for commands that read dates
    )

    try:
        now = datetime.now()
        return parse_typed(text, now.date(), now=now)
    except BadDate as exc:
        raise click.ClickException(f"bad {what}: {exc}") from None


def safe(text: str) -> str:
    """Show control characters (escape sequences included) as visible escapes, never raw."""
    if text.isprintable():
        return text
    return "".join(ch if ch.isprintable() else ch.encode("unicode_escape").decode() for ch in text)


def date_of(event: Event) -> str:
    """The event's date written for people (`c. Aug 2022`, `30–31 Aug 2022`, `44 BCE`)."""
    return format_date(event.start, event.end, event.approximate)


def print_event(event: Event) -> None:
    """One event as a line of text, as `add`, `edit`, `join` and `move-out` report it: id,
    date, sources telling it (a `!` when they disagree on the date), title; no padding, since
    a single line has nothing to line up with."""
    told = f"{event.sources}{'!' if event.conflict else ''}" if event.sources else "-"
    click.echo(f"{event.id}  {date_of(event)}  {told}  {safe(event.title)}")


class Context(Protocol):
    """The group's context object (timeline.cli.main.Context)."""

    db_path: Path
    interrupted: str
    announce_new: bool
    created: bool

    def close(self) -> None:
        """Close the store if it was opened."""
        ...

    def store(self, *, reading: bool = False) -> Store:
        """The open store; `reading` refuses a missing database."""
        ...
