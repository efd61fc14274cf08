"""CSV export and import: RFC 4180, UTF-8, one layout both ways, safe to open in a spreadsheet.

Export has SQLite write each line itself (quoting, formula neutralising, EDTF) so Python only
moves finished strings: several times faster than a csv.writer loop, and memory stays flat.
"""

from __future__ import annotations

import csv
import hashlib
import sqlite3
from collections.abc import Callable
from typing import Any, TextIO

import sqlite_utils

from store.edtf import from_edtf
from store.errors import BadCSV, BadEvent
from store.models import UNDATED_SORT, NewEvent, precision_of
from store.tags import join_tags, split_tags

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

_TEXT_COLUMNS = ("title", "details", "quote", "tags", "source_title", "source_url")
_BATCH = 20_000


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


def _sql_neutralised(expr: str) -> str:
    """SQL for `neutralise(expr)` then RFC 4180 quoting."""
    triggers = "'=','+','-','@',char(9),char(13)"
    return (
        f"'\"' || replace(CASE WHEN substr({expr},1,1) IN ({triggers}) "
        f"OR (substr({expr},1,1) = '''' AND substr({expr},2,1) IN ({triggers},'''')) "
        f"THEN '''' || {expr} ELSE {expr} END, '\"', '\"\"') || '\"'"
    )


def _edtf_sql() -> str:
    """SQL for store.edtf.to_edtf over the event columns."""
    mark = "(CASE WHEN e.approximate THEN '~' ELSE '' END)"
    start = "(CASE WHEN e.precision = 'minute' THEN e.start || ':00' ELSE e.start END)"
    end = '(CASE WHEN instr(e."end", \'T\') THEN e."end" || \':00\' ELSE e."end" END)'
    return (
        f"CASE WHEN e.start IS NULL THEN '' ELSE {start} || {mark} || "
        f"CASE WHEN e.\"end\" IS NULL THEN '' ELSE '/' || {end} || {mark} END END"
    )


def _line_sql() -> str:
    """SQL that writes one whole CSV line per event, CRLF included."""
    cells = [
        "e.id",
        "coalesce(e.start, '')",
        "coalesce(e.\"end\", '')",
        "coalesce(e.precision, '')",
        "e.approximate",
        _edtf_sql(),
        _sql_neutralised("e.title"),
        _sql_neutralised("e.details"),
        _sql_neutralised("e.quote"),
        _sql_neutralised("e.tags"),
        _sql_neutralised("coalesce(s.title, '')"),
        _sql_neutralised("coalesce(s.url, '')"),
        _sql_neutralised("coalesce(s.published, '')"),
    ]
    return " || ',' || ".join(cells) + " || char(13, 10)"


_LINE_SQL = _line_sql()


def export_csv(
    db: sqlite_utils.Database, out: TextIO, clauses: list[str], params: list[Any]
) -> int:
    """Stream every event matching the clauses to `out` as CSV; returns rows written."""
    where = f"WHERE {' AND '.join(clauses)}" if clauses else ""
    sql = (
        f"SELECT {_LINE_SQL} FROM events e LEFT JOIN sources s ON s.id = e.source_id "
        f"{where} ORDER BY e.sort, e.id"
    )
    out.write(",".join(COLUMNS) + "\r\n")
    cursor = db.execute(sql, params)
    written = 0
    while True:
        rows = cursor.fetchmany(5000)
        if not rows:
            break
        out.write("".join([row[0] for row in rows]))
        written += len(rows)
    return written


class _Row:
    """One CSV record being read, for error messages that name the line and the column."""

    def __init__(self, cells: list[str], index: dict[str, int], line: int) -> None:
        self.cells = cells
        self.index = index
        self.line = line

    def get(self, column: str) -> str:
        """The cell of a column, '' when the column or the cell is missing."""
        at = self.index.get(column)
        if at is None or at >= len(self.cells):
            return ""
        return self.cells[at]

    def fail(self, column: str, problem: str) -> BadCSV:
        """An error naming this line and column."""
        return BadCSV(f"line {self.line}, column {column}: {problem}")


def _read_date(
    row: _Row, column: str, text: str, parse_date: Callable[[str], Any] | None
) -> tuple[str, str, str | None, bool]:
    """Read a date cell: ISO, EDTF or (through `parse_date`) natural language."""
    text = text.strip()
    precision = precision_of(text)
    if precision is not None:
        return text, precision, None, False
    edtf = from_edtf(text)
    if edtf is not None:
        return edtf.start, edtf.precision, edtf.end, edtf.approximate
    if parse_date is not None:
        try:
            parsed = parse_date(text)
        except Exception as exc:
            raise row.fail(column, str(exc)) from None
        return parsed.start, parsed.precision, parsed.end, bool(parsed.approximate)
    raise row.fail(column, f"cannot read date {text!r}")


_TRUE = {"1", "true", "yes", "y", "~"}
_FALSE = {"", "0", "false", "no", "n"}


def _event_from_row(row: _Row, parse_date: Callable[[str], Any] | None) -> NewEvent:
    """Build the event a CSV record describes, or raise BadCSV naming line and column."""
    title = restore(row.get("title"))
    if not title.strip():
        raise row.fail("title", "empty title")
    start_text = row.get("start")
    start: str | None = None
    end: str | None = None
    precision: str | None = None
    approximate = False
    if start_text.strip():
        start, precision, end, approximate = _read_date(row, "start", start_text, parse_date)
    elif row.get("edtf").strip():
        start, precision, end, approximate = _read_date(row, "edtf", row.get("edtf"), parse_date)
    end_text = row.get("end")
    if end_text.strip():
        end = _read_date(row, "end", end_text, parse_date)[0]
    given_precision = row.get("precision").strip()
    if given_precision and start is not None and given_precision != precision:
        raise row.fail("precision", f"{given_precision!r} does not match date {start!r}")
    flag = row.get("approximate").strip().lower()
    if flag in _TRUE:
        approximate = True
    elif flag not in _FALSE:
        raise row.fail("approximate", f"expected 0 or 1, got {flag!r}")
    try:
        return NewEvent(
            title=title,
            start=start,
            precision=precision,
            end=end,
            approximate=approximate,
            details=restore(row.get("details")),
            quote=restore(row.get("quote")),
            tags=split_tags(restore(row.get("tags"))),
        ).checked()
    except BadEvent as exc:
        raise row.fail("start", str(exc)) from None


def _source_id(
    db: sqlite_utils.Database, cache: dict[tuple[str, str, str], int | None], row: _Row, now: str
) -> int | None:
    """Find or create the source a record names; None when it names none."""
    ident = (
        restore(row.get("source_title")),
        restore(row.get("source_url")),
        restore(row.get("source_published")),
    )
    if ident in cache:
        return cache[ident]
    if not any(ident):
        cache[ident] = None
        return None
    title, url, published = (part or None for part in ident)
    found = db.execute(
        "SELECT id FROM sources WHERE title IS ? AND url IS ? AND published IS ? LIMIT 1",
        [title, url, published],
    ).fetchone()
    if found:
        cache[ident] = found[0]
        return found[0]
    digest = hashlib.sha256("\x1f".join(("csv", *ident)).encode("utf-8")).hexdigest()
    found = db.execute("SELECT id FROM sources WHERE sha256 = ?", [digest]).fetchone()
    if found:
        cache[ident] = found[0]
        return found[0]
    cursor = db.execute(
        "INSERT INTO sources (title, url, published, sha256, ingested_at) VALUES (?, ?, ?, ?, ?)",
        [title, url, published, digest, now],
    )
    cache[ident] = cursor.lastrowid
    return cursor.lastrowid


_INSERT = (
    'INSERT INTO events (id, title, start, "end", precision, approximate, details, quote, tags, '
    "source_id, created_at, updated_at, sort) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)"
)
_FTS_TRIGGERS = ("events_ai", "events_ad", "events_au")


def import_csv(
    db: sqlite_utils.Database,
    inp: TextIO,
    parse_date: Callable[[str], Any] | None,
    now: str,
) -> int:
    """Read CSV records into events inside the caller's transaction; returns rows imported.

    Into an empty table the search index is built once after the load rather than row by row.
    Ids in the file are kept when free, so export -> import -> export is exact.
    """
    reader = csv.reader(inp, strict=True)
    try:
        header = next(reader, None)
    except (csv.Error, UnicodeDecodeError) as exc:
        raise BadCSV(f"line 1: not a readable CSV file ({_reason(exc)})") from None
    if header is None:
        raise BadCSV("line 1: the file is empty; expected a header row")
    index = {name.strip().lstrip("\ufeff").lower(): at for at, name in enumerate(header)}
    if "title" not in index or ("start" not in index and "edtf" not in index):
        raise BadCSV("line 1: the header needs a title column and a start or edtf column")
    bulk = db.execute("SELECT 1 FROM events LIMIT 1").fetchone() is None
    triggers: list[str] = []
    if bulk:
        triggers = [
            row[0]
            for row in db.execute(
                "SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name IN (?, ?, ?)",
                _FTS_TRIGGERS,
            )
        ]
        for name in _FTS_TRIGGERS:
            db.execute(f'DROP TRIGGER IF EXISTS "{name}"')
    used_ids: set[int] = set()
    if "id" in index and not bulk:
        used_ids = {row[0] for row in db.execute("SELECT id FROM events")}
    sources: dict[tuple[str, str, str], int | None] = {}
    has_sources = any(name in index for name in ("source_title", "source_url"))
    batch: list[tuple[Any, ...]] = []
    count = 0
    line = 1
    try:
        for cells in reader:
            row = _Row(cells, index, line + 1)
            line = reader.line_num
            if not cells:
                continue
            event = _event_from_row(row, parse_date)
            event_id: int | None = None
            id_text = row.get("id").strip()
            if id_text:
                if not id_text.isdigit():
                    raise row.fail("id", f"expected a whole number, got {id_text!r}")
                event_id = int(id_text)
                if event_id in used_ids:
                    event_id = None
                else:
                    used_ids.add(event_id)
            source_id = _source_id(db, sources, row, now) if has_sources else None
            batch.append(
                (
                    event_id,
                    event.title,
                    event.start,
                    event.end,
                    event.precision,
                    int(event.approximate),
                    event.details,
                    event.quote,
                    join_tags(event.tags),
                    source_id,
                    now,
                    now,
                    event.start or UNDATED_SORT,
                )
            )
            if len(batch) >= _BATCH:
                count += _flush(db, batch)
        count += _flush(db, batch)
    except (csv.Error, UnicodeDecodeError) as exc:
        raise BadCSV(f"line {reader.line_num or line}: {_reason(exc)}") from None
    except sqlite3.IntegrityError as exc:
        raise BadCSV(f"line {line}: {exc}") from None
    if bulk:
        db.execute("INSERT INTO events_fts(events_fts) VALUES('rebuild')")
        for sql in triggers:
            db.execute(sql)
    return count


def _flush(db: sqlite_utils.Database, batch: list[tuple[Any, ...]]) -> int:
    """Insert and empty a batch of rows."""
    if not batch:
        return 0
    db.conn.executemany(_INSERT, batch)
    done = len(batch)
    batch.clear()
    return done


def _reason(exc: Exception) -> str:
    """A short reason for a CSV or decoding failure."""
    if isinstance(exc, UnicodeDecodeError):
        return "not UTF-8 text"
    text = str(exc)
    if "NUL" in text:
        return "binary data (NUL bytes), not a CSV file"
    if "unexpected end of data" in text:
        return "unterminated quoted field"
    return text
