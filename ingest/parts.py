"""Analyses as Parquet partitions: how a Dask worker hands the mentions it found back to the
process that writes the database (needs pyarrow, from the `timeline[dask]` extra).

A partition is two files: `NAME.sources.parquet`, a row per article (its place in the batch,
source, warnings, error), and `NAME.mentions.parquet`, a row per mention (the article's place,
every `NewEvent` field, its kind and sentence position). Reading them back gives analyses equal
to the ones written, field for field.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Sequence
from dataclasses import fields
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq

from timeline.ingest.pipeline import Analysis, FileResult
from timeline.store import NewEvent, NewSource

SOURCES = pa.schema(
    [
        ("index", pa.int64()),
        ("path", pa.string()),
        ("title", pa.string()),
        ("url", pa.string()),
        ("published", pa.string()),
        ("text", pa.string()),
        ("warnings", pa.list_(pa.string())),
        ("error", pa.string()),
        ("whole", pa.bool_()),
    ]
)
"""A row per article; `whole` is False when the analysis gave no kinds (all plain events)."""

_TYPES: dict[str, pa.DataType] = {
    "title": pa.string(),
    "start": pa.string(),
    "precision": pa.string(),
    "end": pa.string(),
    "approximate": pa.bool_(),
    "details": pa.string(),
    "quote": pa.string(),
    "tags": pa.list_(pa.string()),
    "source_id": pa.int64(),
    "span_start": pa.int64(),
    "span_end": pa.int64(),
    "date_basis": pa.string(),
    "date_text": pa.string(),
    "counted_from": pa.string(),
}
EVENT_FIELDS = tuple(f.name for f in fields(NewEvent))
MENTIONS = pa.schema(
    [
        ("index", pa.int64()),
        *((name, _TYPES[name]) for name in EVENT_FIELDS),
        ("kind", pa.string()),
        ("position", pa.int64()),
    ]
)
"""A row per mention, in the article's order."""


def write_partition(
    folder: str, name: str, found: Sequence[tuple[int, Analysis | FileResult]]
) -> str:
    """Write analyses (each with its place) as one partition in folder; returns its path stem."""
    sources: list[dict[str, Any]] = []
    mentions: list[dict[str, Any]] = []
    for index, item in found:
        if isinstance(item, FileResult):
            sources.append(
                {
                    "index": index,
                    "path": item.path,
                    "warnings": list(item.warnings),
                    "error": item.error,
                    "whole": False,
                }
            )
            continue
        sources.append(
            {
                "index": index,
                "path": item.path,
                "title": item.source.title,
                "url": item.source.url,
                "published": item.source.published,
                "text": item.source.text,
                "warnings": list(item.warnings),
                "error": None,
                "whole": item.kinds is not None,
            }
        )
        for at, event in enumerate(item.events):
            row = {name: getattr(event, name) for name in EVENT_FIELDS}
            row["tags"] = list(event.tags)
            row["index"] = index
            row["kind"] = item.kinds[at] if item.kinds is not None else None
            row["position"] = item.positions[at] if item.positions is not None else None
            mentions.append(row)
    stem = os.path.join(folder, name)
    pq.write_table(pa.Table.from_pylist(sources, schema=SOURCES), stem + ".sources.parquet")
    pq.write_table(pa.Table.from_pylist(mentions, schema=MENTIONS), stem + ".mentions.parquet")
    return stem


def read_partition(stem: str) -> dict[int, Analysis | FileResult]:
    """The analyses of one partition by their place, as written."""
    events: dict[int, list[dict[str, Any]]] = {}
    for row in pq.read_table(stem + ".mentions.parquet", schema=MENTIONS).to_pylist():
        events.setdefault(row["index"], []).append(row)
    found: dict[int, Analysis | FileResult] = {}
    for row in pq.read_table(stem + ".sources.parquet", schema=SOURCES).to_pylist():
        index = row["index"]
        warnings = tuple(row["warnings"] or ())
        if row["error"] is not None:
            found[index] = FileResult(row["path"], warnings=warnings, error=row["error"])
            continue
        told = events.get(index, [])
        source = NewSource(row["title"], row["url"], row["published"], row["text"])
        whole = bool(row["whole"])
        found[index] = Analysis(
            row["path"],
            source,
            tuple(_event(m) for m in told),
            warnings,
            kinds=tuple(m["kind"] for m in told) if whole else None,
            positions=tuple(m["position"] for m in told) if whole else None,
        )
    return found


def remove_partition(stem: str) -> None:
    """Delete a partition once it is saved."""
    for suffix in (".sources.parquet", ".mentions.parquet"):
        with contextlib.suppress(FileNotFoundError):
            os.remove(stem + suffix)


def _event(row: dict[str, Any]) -> NewEvent:
    """The NewEvent of one mention row."""
    values = {name: row[name] for name in EVENT_FIELDS}
    values["tags"] = tuple(row["tags"] or ())
    return NewEvent(**values)
