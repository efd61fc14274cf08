"""The flags that choose events (--from, --to, --search, --source, --tag), shared by `list`,
`export` and `story`, and the store Filter they make."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import click

from timeline.cli.common import read_date
from timeline.store import Filter


def event_filter(
    date_from: str | None,
    date_to: str | None,
    search: str | None,
    key_only: bool = False,
    conflicts: bool = False,
    source_id: int | None = None,
    tag: str | None = None,
) -> Filter:
    """Build a store Filter from the list and export flags."""
    start = read_date(date_from, "--from date").start if date_from else None
    end = None
    if date_to:
        parsed = read_date(date_to, "--to date")
        end = parsed.end or parsed.start
    return Filter(
        query=search,
        date_from=start,
        date_to=end,
        key_only=key_only,
        conflicts=conflicts,
        source_id=source_id,
        tag=tag,
    )


def selection_options(command: Callable[..., Any]) -> Callable[..., Any]:
    """The flags `list` and `export` share to choose events."""
    for option in reversed(
        [
            click.option("--from", "date_from", help="Only events on or after this date."),
            click.option("--to", "date_to", help="Only events on or before this date."),
            click.option(
                "--search", help="Words to find in titles, details, quotes, tags, source titles."
            ),
            click.option(
                "--source",
                "source_id",
                type=int,
                help="Only events this source tells (ids: `timeline sources`).",
            ),
            click.option("--tag", help="Only events with this tag."),
        ]
    ):
        command = option(command)
    return command
