"""JSON Lines out: the objects `timeline list --format jsonl` prints, one event per line.

`store/jsonl_import.py` reads them back: jsonl -> import -> jsonl into a new database is the
same file.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from dataclasses import asdict
from typing import Any, TextIO

from timeline.store.exporters.base import PAGE, EventSource, Written, iter_events
from timeline.store.models import Event, Filter

names = ("jsonl", "ndjson")
extension = ".jsonl"
description = "JSON Lines: every field, reads back with `timeline import`"


def event_json(event: Event) -> dict[str, Any]:
    """Every field of an event as a JSON object (tags as a list, each mention without the
    event id it sits under)."""
    data = asdict(event)
    data.pop("version", None)  # the store's row version is bookkeeping, not part of the event
    data["tags"] = list(event.tags)
    for mention in data["mentions"]:
        del mention["event_id"]
    return data


def write(events: Iterable[Event], out: TextIO) -> Written:
    """One JSON object per line, UTF-8, in the order given."""
    rows = 0
    for event in events:
        out.write(json.dumps(event_json(event), ensure_ascii=False) + "\n")
        rows += 1
    return Written(rows)


def write_store(
    store: EventSource,
    out: TextIO,
    flt: Filter | None,
    left_out: list[int] | None = None,
    title: str | None = None,
) -> Written:
    """Every event the filter lets through with its mentions, read a page at a time; one
    import would refuse is left out, its id added to `left_out`."""

    def pages() -> Iterator[Event]:
        batch: list[Event] = []
        for event in iter_events(store, flt, left_out=left_out):
            batch.append(event)
            if len(batch) >= PAGE:
                yield from store.with_mentions(batch)
                batch = []
        yield from store.with_mentions(batch)

    return write(pages(), out)
