"""`timeline list`: the key events in date order, as a table, JSON Lines or CSV, or the events of
this day in past years."""

from __future__ import annotations

import json
import sys
from datetime import datetime

import click

from timeline.cli.common import Context, read_date
from timeline.cli.selection import event_filter, selection_options
from timeline.store import (
    Event,
    Filter,
    Store,
    StoreError,
    event_json,
)


@click.command(name="list")
@selection_options
@click.option("--limit", type=click.IntRange(min=1), default=None, help="At most N events.")
@click.option("--format", "fmt", type=click.Choice(["table", "jsonl", "csv"]), default="table")
@click.option(
    "--all", "everything", is_flag=True, help="Every event, not only the story's key events."
)
@click.option("--conflicts", is_flag=True, help="Only events whose sources disagree on the date.")
@click.option(
    "--on-this-day",
    "on_day",
    is_flag=False,
    flag_value="today",
    default=None,
    metavar="[DATE]",
    help="Events of this day and month in every year (default today), with how long ago.",
)
@click.option("--wide", is_flag=True, help="Whole titles, however wide the terminal.")
@click.option(
    "--width",
    type=click.IntRange(min=40),
    default=None,
    help="Lay the table out for this many columns (default: the terminal's).",
)
@click.pass_obj
def list_(
    obj: Context,
    date_from: str | None,
    date_to: str | None,
    search: str | None,
    source_id: int | None,
    tag: str | None,
    limit: int | None,
    fmt: str,
    everything: bool,
    conflicts: bool,
    on_day: str | None,
    wide: bool,
    width: int | None,
) -> None:
    """List the key events in date order (what the app shows by default); --all lists every
    event. SRC counts the sources telling an event; `!` marks sources that disagree on its
    date; `~` before a date means approximate. Titles are cut to the terminal's width, whole
    when the output goes to a file or a pipe, or with --wide."""
    from timeline.cli.table import table_width

    key_only = not everything and on_day is None
    flt = event_filter(date_from, date_to, search, key_only, conflicts, source_id, tag)
    store = obj.store(reading=True)
    layout = table_width(width, wide)
    try:
        if on_day is not None:
            _on_this_day(store, flt, on_day, limit, fmt, layout)
        else:
            _list(store, flt, limit, fmt, layout)
    except StoreError as exc:
        raise click.ClickException(str(exc)) from None
    except BrokenPipeError:
        raise  # the reader has gone (`| head`): main ends quietly, as a pipe expects
    except OSError as exc:
        raise click.ClickException(f"cannot write the list: {exc.strerror}") from None


def _jsonl(events: list[Event], store: Store) -> None:
    """Events as JSON Lines, each with its mentions."""
    for event in store.with_mentions(events):
        click.echo(json.dumps(event_json(event), ensure_ascii=False))


def _list(store: Store, flt: Filter, limit: int | None, fmt: str, width: int | None) -> None:
    """Write the events under a filter in one of the list formats."""
    from timeline.cli.table import EventTable, echo_lines

    if fmt == "csv":
        store.export_csv(sys.stdout, flt, limit)
        return
    table = EventTable(width)
    remaining = limit
    key = None
    while remaining is None or remaining > 0:
        size = 1000 if remaining is None else min(1000, remaining)
        page = store.page_after(key, size, flt)
        if fmt == "jsonl":
            _jsonl(page, store)
        elif page or table.widths is None:
            echo_lines(table.lines(page))
        if len(page) < size:
            break
        key = page[-1].key
        if remaining is not None:
            remaining -= len(page)


def _on_this_day(
    store: Store, flt: Filter, day: str, limit: int | None, fmt: str, width: int | None
) -> None:
    """The events of one day and month in every year, with how many years ago."""
    from timeline.cli.table import EventTable, echo_lines

    if fmt == "csv":
        raise click.ClickException("--on-this-day lists as a table or jsonl, not csv")
    when = datetime.now().date() if day == "today" else None
    if when is None:
        parsed = read_date(day, "--on-this-day date")
        if parsed.precision not in ("day", "minute"):
            raise click.ClickException(f"--on-this-day needs a day, not {day!r}")
        when = datetime.fromisoformat(parsed.start.lstrip("-")[:10]).date()
    events = store.on_this_day(when.month, when.day, flt)[:limit]
    if fmt == "jsonl":
        _jsonl(events, store)
        return
    if not events:
        click.echo(f"nothing happened on {when.day} {when.strftime('%b')} in any year", err=True)
        return
    echo_lines(EventTable(width, ago_from=when.year).lines(events))


def register(cli: click.Group) -> None:
    """Add `list` to the `timeline` group."""
    cli.add_command(list_)
