"""Export formats, one module each with `names` and `extension`, in one registry.

`timeline export` and the app's `x` both call `export_file` (or `export` for a stream). Events are
read by keyset pages, so memory stays flat however many there are; a file is written beside its
target and renamed into place, so a failed export never leaves half a file.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import TextIO, cast

from timeline.store.errors import StoreError
from timeline.store.exporters import (
    csv_export,
    html_page,
    ics,
    jsonl,
    markdown,
    timelinejs_csv,
    timelinejs_json,
)
from timeline.store.exporters.base import EventSource, Exporter, Written, iter_events, noting
from timeline.store.models import Filter

EXPORTERS: tuple[Exporter, ...] = cast(
    tuple[Exporter, ...],
    (
        csv_export,
        timelinejs_csv,
        timelinejs_json,
        ics,
        markdown,
        jsonl,
        html_page,
    ),
)
"""Every format, in the order menus list them."""

FORMATS: dict[str, Exporter] = {name: module for module in EXPORTERS for name in module.names}
"""Exporter by any of its names."""

FORMAT_NAMES: tuple[str, ...] = tuple(module.names[0] for module in EXPORTERS)
"""The main name of each format, for --format and the app's menu."""

_SIDE_FILES = ("-wal", "-shm", "-journal")


class UnknownFormat(StoreError):
    """No export format has that name or extension."""


def exporter(name: str) -> Exporter:
    """The exporter called `name`; raises UnknownFormat."""
    try:
        return FORMATS[name.strip().lower()]
    except KeyError:
        known = ", ".join(FORMAT_NAMES)
        raise UnknownFormat(f"unknown export format {name!r}; choose one of {known}") from None


def format_for_path(path: str | os.PathLike[str]) -> str | None:
    """The format a file name asks for by its extension (`.ics` -> ics), or None."""
    name = Path(path).name.lower()
    for module in sorted(EXPORTERS, key=lambda module: -len(module.extension)):
        if name.endswith(module.extension):
            return module.names[0]
    return None


def export(
    store: EventSource,
    out: TextIO,
    fmt: str,
    flt: Filter | None = None,
    *,
    title: str | None = None,
) -> Written:
    """Write the events in format `fmt` to a text stream opened with newline="" (`title`: the
    HTML page's, default the database's name)."""
    module = exporter(fmt)
    write_store = getattr(module, "write_store", None)
    left_out: list[int] = []
    if write_store is not None:
        written: Written = write_store(store, out, flt, left_out, title=title)
    else:
        written = module.write(iter_events(store, flt, left_out=left_out), out)
    return noting(written, left_out)


def export_file(
    store: EventSource,
    path: str | os.PathLike[str],
    fmt: str | None = None,
    flt: Filter | None = None,
    *,
    title: str | None = None,
) -> Written:
    """Export to a file in `fmt` (else the format its extension names).

    The file is written beside the target and renamed into place, so a failure never leaves
    half a file; devices and pipes are written straight through; the database is refused.

    Raises:
        UnknownFormat: no format given and none to infer from the extension.
        StoreError: the path is the database itself.
        OSError: the file cannot be written.
    """
    fmt = fmt or format_for_path(path)
    if fmt is None:
        known = ", ".join(sorted({module.extension for module in EXPORTERS}))
        raise UnknownFormat(f"cannot tell the format of {path}; give --format or use {known}")
    exporter(fmt)
    target = Path(path).resolve()
    database = store.path.resolve()
    if target in {database, *(database.with_name(database.name + x) for x in _SIDE_FILES)}:
        raise StoreError(f"{path} is the database itself; choose another file")
    if target.exists() and not target.is_file():
        with open(target, "w", encoding="utf-8", newline="") as out:
            return export(store, out, fmt, flt, title=title)
    partial = target.with_name(f".{target.name}.partial")
    try:
        with open(partial, "w", encoding="utf-8", newline="") as out:
            written = export(store, out, fmt, flt, title=title)
        os.replace(partial, target)
    finally:
        partial.unlink(missing_ok=True)
    return written


__all__ = [
    "EXPORTERS",
    "FORMATS",
    "FORMAT_NAMES",
    "EventSource",
    "Exporter",
    "UnknownFormat",
    "Written",
    "export",
    "export_file",
    "exporter",
    "format_for_path",
    "iter_events",
]
