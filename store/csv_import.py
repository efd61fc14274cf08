"""CSV import: the layout export writes (any column order, extra columns ignored), every cell
checked as typed input is, in one transaction; an import into an empty table loads in bulk.
"""

from __future__ import annotations

import csv
from collections.abc import Callable, Iterable, Iterator
from typing import Any, TextIO

import sqlite_utils

from timeline.store.bulk import Ids, Imported, drop_for_bulk_load, rebuild_search_index
from timeline.store.csv_columns import FALSE, TRUE, Checked, Layout
from timeline.store.csv_io import restore
from timeline.store.csv_load import Load, load_in_worker
from timeline.store.csv_worker import NeedsParser, worker_path
from timeline.store.dates import precision_of
from timeline.store.edtf import from_edtf
from timeline.store.errors import BadCSV, BadEvent, quoted
from timeline.store.models import NewEvent, sort_end_key, sort_key
from timeline.store.tags import join_tags, split_tags
from timeline.store.validation import CONTROL, MAX_ID, control_problem, date_text_problem

_BATCH = 5_000
UPDATE_CACHE_KIB = 65536
"""Page cache for an import into a table that has events: its indexes are updated row by row,
at random places, 10% faster with more pages in memory. An import into an empty table keeps
SQLite's default, with which building each index once is faster (0.6 s against 0.9 s for the
date index of a million events): the sort spills to small sorted runs and merges them."""


def _fail(line: int, column: str, problem: str) -> BadCSV:
    """An error naming the line and the column of a CSV record."""
    return BadCSV(f"line {line}, column {column}: {problem}")


def _refuse_control(line: int, cells: Iterable[tuple[str, str]]) -> None:
    """Name the first (column, cell) holding a control byte an export could not give back."""
    for column, cell in cells:
        if CONTROL.search(cell):
            raise _fail(line, column, control_problem(cell) or "control character")


def _fit(cells: list[str], width: int, line: int) -> list[str]:
    """Pad a short record with empty cells; refuse one with more cells than the header, even
    when the extra cells are empty: "a, b," under `title,details` is an unquoted comma that
    would shift " b" into details, not a trailing comma."""
    if len(cells) > width:
        raise BadCSV(
            f"line {line}: {len(cells)} cells but the header has {width} columns "
            "(an unquoted comma?)"
        )
    return (cells + [""] * width)[:width]


def _read_date(
    line: int, column: str, text: str, parse_date: Callable[[str], Any] | None
) -> tuple[str, str, str | None, bool]:
    """Read a date cell: ISO, EDTF or (through `parse_date`) natural language."""
    text = text.strip()
    precision = precision_of(text)
    if precision is not None:
        return text, precision, None, False
    problem = date_text_problem(text)
    if problem:
        raise _fail(line, column, problem)
    edtf = from_edtf(text)
    if edtf is not None:
        return edtf.start, edtf.precision, edtf.end, edtf.approximate
    if parse_date is not None:
        try:
            parsed = parse_date(text)
        except NeedsParser:
            raise
        except Exception as exc:
            raise _fail(line, column, str(exc)) from None
        return parsed.start, parsed.precision, parsed.end, bool(parsed.approximate)
    raise _fail(line, column, f"cannot read date {quoted(text)}")


_SOURCE_COLUMNS = ("source_title", "source_url", "source_published")


def _tags_cell(cell: str) -> str:
    """The stored form of a tags cell: normalised, in `join_tags` form."""
    if not cell:
        return ""
    if "\\" not in cell and ";" not in cell and cell == cell.strip():
        return cell
    return join_tags(split_tags(cell))


_COLUMN_OF = {"tag": "tags", None: "title"}
"""The CSV column of a field NewEvent.checked names, where the two differ."""


def _values_from_row(
    cells: list[str], layout: Layout, line: int, parse_date: Callable[[str], Any] | None
) -> tuple[str, str | None, str | None, str | None, bool, str, str, str]:
    """(title, start, end, precision, approximate, details, quote, tags) of a CSV record.

    Cells are read here (dates in any form we take, flags, formula-quoted text); the event is
    checked by NewEvent.checked, as any new event is, and its refusal names line and column.
    """
    assert layout.title is not None  # import_csv refuses a header without one
    start = end = precision = None
    approximate = False
    start_text = cells[layout.start] if layout.start is not None else ""
    if start_text:
        precision = precision_of(start_text)
        if precision is not None:
            start = start_text
        elif start_text.strip():
            start, precision, end, approximate = _read_date(line, "start", start_text, parse_date)
    elif layout.edtf is not None and cells[layout.edtf].strip():
        start, precision, end, approximate = _read_date(
            line, "edtf", cells[layout.edtf], parse_date
        )
    if layout.end is not None and cells[layout.end].strip():
        end = _read_date(line, "end", cells[layout.end], parse_date)[0]
    if layout.precision is not None and start is not None:
        precision = cells[layout.precision].strip() or precision
    if layout.approximate is not None:
        flag = cells[layout.approximate].strip().lower()
        if flag in TRUE:
            approximate = True
        elif flag not in FALSE:
            raise _fail(line, "approximate", f"expected 0 or 1, got {quoted(flag)}")
    texts = [
        "" if at is None else restore(cells[at]) if cells[at][:1] == "'" else cells[at]
        for at in (layout.title, layout.details, layout.quote, layout.tags)
    ]
    try:
        event = NewEvent(
            title=texts[0],
            start=start,
            end=end,
            precision=precision,
            approximate=approximate,
            details=texts[1],
            quote=texts[2],
            tags=split_tags(texts[3]),
        ).checked()
    except BadEvent as exc:
        raise _fail(line, _COLUMN_OF.get(exc.field, exc.field or ""), exc.problem) from None
    return (
        event.title,
        event.start,
        event.end,
        event.precision,
        event.approximate,
        event.details,
        event.quote,
        join_tags(event.tags),
    )


def _batches(
    reader: Any,
    layout: Layout,
    parse_date: Callable[[str], Any] | None,
    ids: Ids | None,
    now: str,
) -> Iterator[list[Any]]:
    """Parse CSV records into batches of rows, each batch one flat list of values (the form
    insert_events takes); the source slot holds its identity."""
    checked = Checked(layout, now, _tags_cell)
    before = reader.line_num  # the last line of the previous batch
    records: list[list[str]] = []
    ends: list[int] = []  # the last line of each record
    try:
        for cells in reader:
            records.append(cells)
            ends.append(reader.line_num)
            if len(records) >= _BATCH:
                yield _rows(checked, records, ends, before, parse_date, ids)
                before = ends[-1]
                records, ends = [], []
    except (csv.Error, UnicodeDecodeError) as exc:
        failed = BadCSV(f"line {reader.line_num or before}: {_reason(exc)}")
        _rows(checked, records, ends, before, parse_date, ids)  # a bad record before it first
        raise failed from None
    if records:
        yield _rows(checked, records, ends, before, parse_date, ids)


def _rows(
    checked: Checked,
    records: list[list[str]],
    ends: list[int],
    before: int,
    parse_date: Callable[[str], Any] | None,
    ids: Ids | None,
) -> list[Any]:
    """The rows of a batch of records, flat: checked a column at a time where csv_columns can
    vouch for the whole batch, else record by record (which names the first bad line)."""
    values = checked.values(records, ids)
    if values is not None:
        return values
    layout, now = checked.layout, checked.now
    values = []
    for at, cells in enumerate(records):
        if cells:
            line = (ends[at - 1] if at else before) + 1
            values.extend(_row(cells, line, layout, parse_date, ids, now))
    return values


def _row(
    cells: list[str],
    line: int,
    layout: Layout,
    parse_date: Callable[[str], Any] | None,
    ids: Ids | None,
    now: str,
) -> tuple[Any, ...]:
    """The INSERT_EVENT row of one record on `line`; the source slot holds its identity."""
    if len(cells) != layout.width:
        cells = _fit(cells, layout.width, line)
    title, start, end, precision, approximate, details, quote, tags = _values_from_row(
        cells, layout, line, parse_date
    )
    sort = sort_key(start)
    event_id: int | None = None
    if ids is not None and layout.id is not None:
        wanted = None
        if id_text := cells[layout.id].strip():
            if not (id_text.isascii() and id_text.isdigit()):
                raise _fail(line, "id", f"expected a whole number, got {quoted(id_text)}")
            wanted = int(id_text)
            if wanted > MAX_ID:
                raise _fail(line, "id", f"{quoted(id_text)} is too large (over {MAX_ID})")
        event_id = ids.take(wanted)
    source: tuple[str, ...] | None = None
    if layout.source_title is not None or layout.source_url is not None:
        source = tuple(
            "" if at is None else restore(cells[at])
            for at in (layout.source_title, layout.source_url, layout.source_published)
        )
        _refuse_control(line, zip(_SOURCE_COLUMNS, source, strict=True))
    return (
        event_id,
        title,
        start,
        end,
        precision,
        int(approximate),
        details,
        quote,
        tags,
        source,
        now,
        sort,
        sort + "~" if end is None and start is not None else sort_end_key(start, end),
    )


def import_csv(
    db: sqlite_utils.Database,
    inp: TextIO,
    parse_date: Callable[[str], Any] | None,
    now: str,
) -> Imported:
    """Read CSV records into events inside the caller's transaction; returns rows imported.

    Into an empty table the indexes and the search index are built once after the load rather
    than row by row, and a large file is read and checked in a second process (csv_worker)
    while this one inserts. Ids in the file are kept when the database never handed them out,
    so export -> import -> export into a new database is exact.
    """
    path = worker_path(inp)
    reader = csv.reader(inp, strict=True)
    try:
        header = next(reader, None)
    except (csv.Error, UnicodeDecodeError) as exc:
        raise BadCSV(f"line 1: not a readable CSV file ({_reason(exc)})") from None
    if header is None:
        raise BadCSV("line 1: the file is empty; expected a header row")
    layout = Layout(header)
    if layout.title is None or (layout.start is None and layout.edtf is None):
        raise BadCSV("line 1: the header needs a title column and a start or edtf column")
    bulk = db.execute("SELECT 1 FROM events LIMIT 1").fetchone() is None
    if bulk:
        return _import(db, inp, path, reader, layout, parse_date, now, bulk)
    cache = db.execute("PRAGMA cache_size").fetchone()[0]
    db.execute(f"PRAGMA cache_size = {-UPDATE_CACHE_KIB}")
    try:
        return _import(db, inp, path, reader, layout, parse_date, now, bulk)
    finally:
        db.execute(f"PRAGMA cache_size = {cache}")


def _import(
    db: sqlite_utils.Database,
    inp: TextIO,
    path: str | None,
    reader: Any,
    layout: Layout,
    parse_date: Callable[[str], Any] | None,
    now: str,
    bulk: bool,
) -> Imported:
    """import_csv after the header: in bulk into an empty table, else row by row."""
    rebuilt = drop_for_bulk_load(db) if bulk else []
    ids = None
    if layout.id is not None:
        ids = Ids.of(db)
    has_sources = layout.source_title is not None or layout.source_url is not None
    load = Load(db, now, bulk, has_sources)
    done = None
    if bulk and path is not None:

        def produce(inp: TextIO) -> Iterator[list[Any]]:
            """In the worker: the file's batches, after its header."""
            reader = csv.reader(inp, strict=True)
            next(reader)
            return _batches(reader, layout, _needs_parser if parse_date else None, ids, now)

        done = load_in_worker(load, path, inp.encoding, produce)
    if done is None:
        done = load.run(_batches(reader, layout, parse_date, ids, now))
    if bulk:
        for sql in rebuilt:
            db.execute(sql)
        rebuild_search_index(db)
    return done


def _needs_parser(text: str) -> Any:
    """The worker's date parser: it has none, so it hands the file back to the parent."""
    raise NeedsParser(text)


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
