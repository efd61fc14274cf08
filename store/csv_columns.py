"""CSV import checked a column at a time: a batch of ordinary records (ISO dates, no control
characters, no cells quoted against spreadsheet formulas) becomes rows with one pass of C code
per column instead of a Python function per record.

It owns no rule: it vouches only for batches every rule plainly passes (a title, plain text,
ISO dates in order), and any batch it cannot vouch for (None) is read again record by record by
csv_import, where NewEvent.checked, the one owner of the rules, checks each event and a bad record
is named by its line and column. Anything unusual sends a batch there, so the two agree on every
row.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from itertools import compress
from operator import itemgetter
from typing import Any

from timeline.store.bulk import ROW_WIDTH, Ids
from timeline.store.csv_io import COLUMNS
from timeline.store.dates import ISO_VALUE, precision_of
from timeline.store.errors import BadCSV, quoted
from timeline.store.models import sort_end_key, sort_key
from timeline.store.validation import CONTROL, MAX_ID

_ISO_LINES = re.compile(f"{ISO_VALUE}(?:\n{ISO_VALUE})*")
"""Dates as dates.precision_of reads them (year, month, day, minute), one a line."""
_LATE_DAYS = re.compile(r"^-?[0-9]{4}-[0-9]{2}-(?:29|30|31).*$", re.MULTILINE)
_PRECISION_BY_LENGTH = {4: "year", 7: "month", 10: "day", 16: "minute"}
_PRECISION_BY_LENGTH.update({n + 1: name for n, name in _PRECISION_BY_LENGTH.items()})  # BCE
_IDS = re.compile(r"[0-9\n]*", re.ASCII)
TRUE = {"1", "true", "yes", "y", "~"}
"""What an approximate cell may say for yes (lowercased, stripped)."""
FALSE = {"", "0", "false", "no", "n"}
"""... and for no."""
_UNDATED = (None, None, sort_key(None), sort_end_key(None, None))
_MAX_REMEMBERED = 200_000
"""Dates remembered across batches, at most (distinct minutes could be millions)."""


class Layout:
    """Where each of our columns sits in a file's header (None when it is absent)."""

    id: int | None
    start: int | None
    end: int | None
    precision: int | None
    approximate: int | None
    edtf: int | None
    title: int | None
    details: int | None
    quote: int | None
    tags: int | None
    source_title: int | None
    source_url: int | None
    source_published: int | None

    def __init__(self, header: list[str]) -> None:
        index: dict[str, int] = {}
        for at, name in enumerate(header):
            name = name.strip().lstrip("\ufeff").strip('"').lower()
            if name in index and name in COLUMNS:
                raise BadCSV(f"line 1: column {quoted(name)} appears twice in the header")
            index[name] = at
        self.width = len(header)
        for column in COLUMNS:
            setattr(self, column, index.get(column))


class Checked:
    """Column-wise checking for one import: dates already read are remembered across batches."""

    def __init__(self, layout: Layout, now: str, tags_cell: Callable[[str], str]) -> None:
        self.layout = layout
        self.now = now
        self.tags_cell = tags_cell
        self.dates: dict[str, tuple[str | None, str | None, str, str]] = {}

    def values(self, records: list[list[str]], ids: Ids | None) -> list[Any] | None:
        """The INSERT_EVENT rows of a batch as one flat list (the source slot holding its
        identity), or None when some record needs the record-by-record path. `ids` is used
        only when the batch passes."""
        layout, size = self.layout, len(records)
        if layout.title is None or set(map(len, records)) != {layout.width}:
            return None
        titles = _plain(records, layout.title)
        if titles is None:
            return None
        titles = list(map(str.strip, titles))
        dates = self._dates(records)
        if not all(titles) or dates is None:
            return None
        starts, precisions, sorts, sort_ends, ends = dates
        approximate = _flags(records, layout.approximate)
        texts = [_plain(records, at) for at in (layout.details, layout.quote, layout.tags)]
        sources = _sources(records, layout)
        wanted = _wanted_ids(records, layout.id) if ids is not None else None
        if approximate is None or None in texts or sources is None:
            return None
        if (ids is not None and wanted is None) or not _precisions_agree(
            records, layout.precision, precisions
        ):
            return None
        values: list[Any] = [None] * (ROW_WIDTH * size)
        if ids is not None and wanted is not None:
            values[0::ROW_WIDTH] = list(map(ids.take, wanted))
        values[1::ROW_WIDTH] = titles
        values[2::ROW_WIDTH] = starts
        if ends is not None:
            values[3::ROW_WIDTH] = ends
        values[4::ROW_WIDTH] = precisions
        values[5::ROW_WIDTH] = approximate
        for at, cells in zip((6, 7, 8), texts, strict=True):
            values[at::ROW_WIDTH] = cells if cells is not None else [""] * size
        if layout.tags is not None and texts[2] is not None:
            tags = {tag: self.tags_cell(tag) for tag in set(texts[2])}
            values[8::ROW_WIDTH] = list(map(tags.__getitem__, texts[2]))
        if sources:
            values[9::ROW_WIDTH] = sources
        values[10::ROW_WIDTH] = [self.now] * size
        values[11::ROW_WIDTH] = sorts
        values[12::ROW_WIDTH] = sort_ends
        return values

    def _dates(self, records: list[list[str]]) -> tuple[Any, ...] | None:
        """(starts, precisions, sorts, sort_ends, ends) of a batch whose dates are all ISO."""
        layout, known = self.layout, self.dates
        if layout.start is None:
            return None
        column = _column(records, layout.start)
        if len(known) > _MAX_REMEMBERED:
            known.clear()
        new = set(column).difference(known)
        if "" in new:
            if layout.edtf is not None:
                return None
            new.discard("")
            known[""] = _UNDATED
        if new and not _read_dates(list(new), known):
            return None
        found = list(map(known.__getitem__, column))
        starts, precisions, sorts, sort_ends = (list(map(itemgetter(at), found)) for at in range(4))
        if layout.end is None:
            return starts, precisions, sorts, sort_ends, None
        cells = _column(records, layout.end)
        ends: dict[str, str | None] = {}
        for text in set(cells):
            stripped = text.strip()
            if stripped and precision_of(stripped) is None:
                return None
            ends[text] = stripped or None
        spans = list(map(ends.__getitem__, cells))
        for at in compress(range(len(spans)), spans):  # the few records with an end
            start, end = starts[at], spans[at]
            if start is None or end is None or sort_key(end) < sorts[at]:
                return None
            sort_ends[at] = sort_end_key(start, end)
        return starts, precisions, sorts, sort_ends, spans


def _read_dates(
    texts: list[str], known: dict[str, tuple[str | None, str | None, str, str]]
) -> bool:
    """Add dates written in ISO to `known`, checked in one pass over them all; False when one
    is not (the batch then goes record by record)."""
    joined = "\n".join(texts)
    if not _ISO_LINES.fullmatch(joined) or "-0000" in joined:
        return False
    if any(precision_of(day) is None for day in _LATE_DAYS.findall(joined)):
        return False  # the 29th, 30th or 31st of a month that has none
    sorts = ["1" + text if text[0] != "-" else sort_key(text) for text in texts]
    precisions = map(_PRECISION_BY_LENGTH.__getitem__, map(len, texts))
    found = zip(texts, precisions, sorts, [sort + "~" for sort in sorts], strict=True)
    known.update(zip(texts, found, strict=True))
    return True


def _column(records: list[list[str]], at: int) -> list[str]:
    """One column of a batch."""
    return list(map(itemgetter(at), records))


def _plain(records: list[list[str]], at: int | None) -> list[str] | None:
    """A text column with no cell to restore and no control character; None otherwise."""
    if at is None:
        return [""] * len(records)
    cells = _column(records, at)
    text = "\n".join(cells)
    # a cell that starts with a quote may be neutralised against formulas, and a control
    # character is refused; a newline inside a cell at worst sends the batch the long way
    if text[:1] == "'" or "\n'" in text or CONTROL.search(text):
        return None
    return cells


def _flags(records: list[list[str]], at: int | None) -> list[int] | None:
    """The approximate column as 0/1 (dates in ISO are never approximate themselves)."""
    if at is None:
        return [0] * len(records)
    column = _column(records, at)
    meaning: dict[str, int] = {}
    for cell in set(column):
        flag = cell.strip().lower()
        if flag not in TRUE and flag not in FALSE:
            return None
        meaning[cell] = int(flag in TRUE)
    return list(map(meaning.__getitem__, column))


def _precisions_agree(
    records: list[list[str]], at: int | None, precisions: Sequence[str | None]
) -> bool:
    """Whether every precision cell is empty or the precision of its date."""
    if at is None:
        return True
    pairs = set(zip(map(str.strip, _column(records, at)), precisions, strict=True))
    return all(not given or precision is None or given == precision for given, precision in pairs)


def _wanted_ids(records: list[list[str]], at: int | None) -> list[int | None] | None:
    """The ids a batch asks for (None where a cell is empty); None for any odd id cell."""
    if at is None:
        return [None] * len(records)
    cells = list(map(str.strip, _column(records, at)))
    text = "\n".join(cells)
    if not _IDS.fullmatch(text) or text.count("\n") != len(cells) - 1:
        return None
    wanted = [int(cell) if cell else None for cell in cells]
    if max((n for n in wanted if n is not None), default=0) > MAX_ID:
        return None
    return wanted


def _sources(records: list[list[str]], layout: Layout) -> list[Any] | None:
    """The (title, url, published) each record names ([] without those columns), or None."""
    where = (layout.source_title, layout.source_url, layout.source_published)
    if layout.source_title is None and layout.source_url is None:
        return []
    columns = [_plain(records, at) for at in where]
    if None in columns:
        return None
    return list(zip(*columns, strict=True))
