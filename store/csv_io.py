"""CSV export, and the layout and cell escaping import shares: RFC 4180, UTF-8, safe to open in a
spreadsheet (the import is in store/csv_import.py).

Export has SQLite write each line itself (quoting, formula neutralising, EDTF) so Python only
moves finished strings: several times faster than a csv.writer loop, and memory stays flat.
"""

from __future__ import annotations

import codecs
import csv
from typing import Any, BinaryIO, TextIO, cast

import sqlite_utils

from timeline.store.edtf import edtf_sql

COLUMNS = (
    "id",
    "start",
    "end",
    "precision",
    "approximate",
    "edtf",
    "title",
    "details",
    "quote",
    "tags",
    "source_title",
    "source_url",
    "source_published",
)
"""The CSV layout, in order."""

FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")
"""First characters a spreadsheet may read as a formula (OWASP CSV injection)."""

csv.field_size_limit(2**31 - 1)  # export writes cells of any length; import must read them back


def neutralise(cell: str) -> str:
    """Prefix `'` to a cell a spreadsheet would run as a formula, in a way `restore` undoes."""
    if cell and (
        cell[0] in FORMULA_TRIGGERS or (cell[0] == "'" and cell[1:2] in (*FORMULA_TRIGGERS, "'"))
    ):
        return "'" + cell
    return cell


def restore(cell: str) -> str:
    """Undo `neutralise`."""
    if len(cell) > 1 and cell[0] == "'" and (cell[1] in FORMULA_TRIGGERS or cell[1] == "'"):
        return cell[1:]
    return cell


_TRIGGER_CODES = ",".join(str(ord(char)) for char in FORMULA_TRIGGERS)
assert all(ord(char) < 65 for char in (*FORMULA_TRIGGERS, "'"))  # _sql_tick's first test


def _sql_tick(expr: str) -> str:
    """SQL for the `'` that `neutralise` puts before a cell (or '' when it puts none).

    Every trigger and `'` sort below "A", so a cell that starts with a letter (or anything from
    "A" up) is decided by one byte comparison, without a function call.
    """
    risky = f"{_TRIGGER_CODES},39"
    return (
        f"CASE WHEN {expr} < 'A' AND unicode({expr}) IN ({risky}) AND "
        f"(unicode({expr}) != 39 OR unicode(substr({expr}, 2)) IN ({risky})) "
        "THEN '''' ELSE '' END"
    )


def _line_sql() -> str:
    """SQL that writes one whole CSV line per event, CRLF included, in one printf per line.

    Text cells go through `"%s%w"`: the neutralising tick, then the cell with its double quotes
    doubled (printf's %w), always quoted. One printf is much cheaper than a chain of `||`.
    """
    texts = ("e.title", "e.details", "e.quote", "e.tags")
    source = [f"coalesce(s.{name}, '')" for name in ("title", "url", "published")]
    cell = '"%s%w"'
    # most exported events of a bulk import have no source: skip three cells' work
    source_sql = (
        'CASE WHEN s.id IS NULL THEN \'"","",""\' ELSE '
        f"printf('{cell},{cell},{cell}', "
        + ", ".join(f"{_sql_tick(text)}, {text}" for text in source)
        + ") END"
    )
    fmt = ",".join(["%d", "%s", "%s", "%s", "%d", "%s", *[cell] * len(texts), "%s"])
    args = [
        "e.id",
        "coalesce(e.start, '')",
        "coalesce(e.\"end\", '')",
        "coalesce(e.precision, '')",
        "e.approximate",
        edtf_sql("e"),
        *(f"{_sql_tick(text)}, {text}" for text in texts),
        source_sql,
    ]
    return f"printf('{fmt}' || char(13, 10), {', '.join(args)})"


_LINE_SQL = _line_sql()


def export_csv(
    db: sqlite_utils.Database,
    out: TextIO,
    clauses: list[str],
    params: list[Any],
    limit: int | None = None,
) -> int:
    """Stream every event matching the clauses (the first `limit` of them) to `out` as CSV;
    returns rows written."""
    where = f"WHERE {' AND '.join(clauses)}" if clauses else ""
    if limit is not None:
        params = [*params, limit]
    sink = _utf8_buffer(out)
    line = _LINE_SQL if sink is None else f"CAST({_LINE_SQL} AS BLOB)"
    cursor = db.execute(
        f"SELECT {line} FROM events e LEFT JOIN sources s ON s.id = e.source_id "
        f"{where} ORDER BY e.sort, e.id{' LIMIT ?' if limit is not None else ''}",
        params,
    )
    out.write(",".join(COLUMNS) + "\r\n")
    if sink is None:
        return _copy(cursor, out.write, "")
    out.flush()
    return _copy(cursor, sink.write, b"")


def _copy(cursor: Any, write: Any, empty: str | bytes) -> int:
    """Write every line the cursor yields, 5,000 at a time; returns lines written."""
    written = 0
    while rows := cursor.fetchmany(5000):
        write(empty.join([row[0] for row in rows]))
        written += len(rows)
    return written


def _utf8_buffer(out: TextIO) -> BinaryIO | None:
    """The byte stream under `out` when it writes UTF-8, so SQLite's UTF-8 lines go out as they
    are (no decoding to str and encoding back: a tenth of an export's time); else None."""
    buffer = getattr(out, "buffer", None)
    encoding = getattr(out, "encoding", None)
    if buffer is None or not isinstance(encoding, str):
        return None
    try:
        utf8 = codecs.lookup(encoding).name == "utf-8"
    except LookupError:
        return None
    return cast(BinaryIO, buffer) if utf8 else None
