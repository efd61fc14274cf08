"""Corpora: JSON Lines and CSV files holding many articles, one a record, gzip-compressed or not.

Reading is streamed record by record, so memory does not grow with the corpus. Each good record
becomes a checked `Article`; a record that cannot be one (no text, binary text, a date that
cannot be read, is before year 1 or after today) becomes a `BadRecord` naming its line, and
the reading goes on.
"""

from __future__ import annotations

import csv
import datetime as dt
import email.utils
import glob
import gzip
import io
import json
import re
import zlib
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any, cast

from timeline.ingest.articles import (
    MAX_BYTES,
    Article,
    ArticleError,
    ArticleTooLarge,
    EmptyArticle,
    article_from_bytes,
)
from timeline.ingest.published import parse_full_date

CORPUS_SUFFIXES = (".jsonl", ".ndjson", ".csv")
"""A file with one of these suffixes (optionally followed by `.gz`) is a corpus."""

COMMON_NAMES: Mapping[str, tuple[str, ...]] = {
    "text": ("text", "body", "content"),
    "date": ("date", "published", "time"),
    "title": ("title", "headline"),
    "url": ("url", "link"),
}
"""The field names tried, in order, when no flag names a record's field."""


class CorpusError(Exception):
    """A corpus file cannot be read (missing, damaged compression); records before it stand."""


@dataclass(frozen=True, slots=True)
class Fields:
    """The record fields named by the user; None: the first of `COMMON_NAMES` present."""

    text: str | None = None
    date: str | None = None
    title: str | None = None
    url: str | None = None


@dataclass(frozen=True, slots=True)
class Record:
    """One good record of a corpus: where it is, and the article it holds."""

    corpus: str
    line: int
    article: Article
    url: str | None = None


@dataclass(frozen=True, slots=True)
class BadRecord:
    """A record skipped, with the line it starts on and why."""

    corpus: str
    line: int
    reason: str


def is_corpus(path: str | Path) -> bool:
    """Whether a path names a corpus (.jsonl, .ndjson, .csv, each maybe .gz) by its suffix."""
    name = str(path).lower()
    name = name.removesuffix(".gz")
    return name.endswith(CORPUS_SUFFIXES)


def expand_globs(paths: Iterable[str]) -> list[str]:
    """Expand the patterns among paths (`dumps/*.jsonl.gz`), sorted; a path that exists, or a
    pattern that matches nothing, is kept as given so its error is reported with the others."""
    found: list[str] = []
    for path in paths:
        if glob.has_magic(path) and not Path(path).exists():
            matched = sorted(glob.glob(path, recursive=True))
            found.extend(matched or [path])
        else:
            found.append(path)
    return found


def read_corpus(path: str, fields: Fields, today: dt.date) -> Iterator[Record | BadRecord]:
    """Read a corpus record by record.

    Args:
        path: a .jsonl/.ndjson/.csv file, gzip-compressed when it ends in .gz.
        fields: the field names the user gave.
        today: a publication date after it (by more than a day, for time zones) is refused.

    Raises:
        CorpusError: the file cannot be opened, or is damaged part way (after what it yielded).
    """
    rows = _csv_rows if path.lower().removesuffix(".gz").endswith(".csv") else _json_rows
    try:
        with _open(path) as stream:
            for line, row in rows(stream):
                if isinstance(row, str):
                    yield BadRecord(path, line, row)
                else:
                    yield record(path, line, row, fields, today)
    except FileNotFoundError:
        raise CorpusError(f"no such file: {path}") from None
    except IsADirectoryError:
        raise CorpusError(f"{path} is a folder, not a corpus") from None
    except (OSError, EOFError, zlib.error) as exc:
        reason = getattr(exc, "strerror", None) or str(exc) or type(exc).__name__
        raise CorpusError(f"cannot read {path}: {reason}") from None


def _open(path: str) -> IO[bytes]:
    """The corpus's bytes, decompressed when it is gzip."""
    if path.lower().endswith(".gz"):
        return cast(IO[bytes], gzip.open(path, "rb"))
    return open(path, "rb")


def _json_rows(stream: IO[bytes]) -> Iterator[tuple[int, Mapping[str, Any] | str]]:
    """(line, object) for each non-blank line; (line, reason) for one that is not an object."""
    for number, raw in enumerate(stream, start=1):
        if not raw.strip():
            continue
        try:
            value = json.loads(raw)
        except UnicodeDecodeError:
            yield number, "not UTF-8 text"
            continue
        except ValueError:
            yield number, "not valid JSON"
            continue
        yield number, value if isinstance(value, dict) else "not a JSON object"


def _csv_rows(stream: IO[bytes]) -> Iterator[tuple[int, Mapping[str, Any] | str]]:
    """(first line, row by header name) for each CSV record after the header."""
    csv.field_size_limit(max(csv.field_size_limit(), MAX_BYTES))
    text = io.TextIOWrapper(stream, encoding="utf-8-sig", errors="replace", newline="")
    reader = csv.reader(text)
    header = next(reader, None)
    if header is None:
        return
    names = [name.strip() for name in header]
    last = reader.line_num
    for row in reader:
        first, last = last + 1, reader.line_num
        if not any(cell.strip() for cell in row):
            continue
        if len(row) > len(names):
            yield first, f"{len(row)} fields where the header names {len(names)}"
            continue
        yield first, dict(zip(names, row, strict=False))


def record(
    corpus: str, line: int, row: Mapping[str, Any], fields: Fields, today: dt.date
) -> Record | BadRecord:
    """The article in one record (a mapping of field names to values), or why it is skipped."""
    name = f"{corpus}:{line}"
    text = _field(row, "text", fields.text)
    if text is None or (isinstance(text, str) and not text.strip()):
        return BadRecord(corpus, line, "no text")
    if not isinstance(text, str):
        return BadRecord(corpus, line, "text is not a string")
    date_value = _field(row, "date", fields.date)
    try:
        published = publication_date(date_value, today)
    except BadPublished as exc:
        return BadRecord(corpus, line, str(exc))
    title = _field(row, "title", fields.title)
    url = _field(row, "url", fields.url)
    try:
        data = text.encode("utf-8")
    except UnicodeEncodeError:
        return BadRecord(corpus, line, "text is not valid Unicode")
    try:
        article = article_from_bytes(
            data, name, published, title.strip() if isinstance(title, str) else None
        )
    except EmptyArticle:
        return BadRecord(corpus, line, "no text")
    except ArticleTooLarge:
        return BadRecord(corpus, line, f"text over {MAX_BYTES:,} bytes")
    except ArticleError:
        return BadRecord(corpus, line, "binary text, not words")
    url_text = url.strip() if isinstance(url, str) and url.strip() else None
    return Record(corpus, line, article, url_text)


def _field(row: Mapping[str, Any], role: str, named: str | None) -> Any:
    """The value of a record's field: the one the user named, else the first common name
    present (names compared without regard to case)."""
    if named is not None:
        return row.get(named)
    lowered = {str(key).strip().lower(): key for key in row}
    for candidate in COMMON_NAMES[role]:
        if candidate in lowered:
            return row[lowered[candidate]]
    return None


class BadPublished(ValueError):
    """A record's publication date cannot be used."""


_ISO = re.compile(r"\s*(\d{4})-(\d{2})-(\d{2})(?:[T ][0-9:.+\-Z ]*)?\s*$")
_BEFORE_ONE = re.compile(r"^\s*-\d|\b(?:B\.?C\.?E?|BCE)\.?\s*$", re.IGNORECASE)
EARLIEST_UNIX = -62135596800
"""Seconds since 1970 of 1 January of year 1."""


def publication_date(value: Any, today: dt.date) -> dt.date | None:
    """Read a record's date: ISO 8601 (a day or a moment), an e-mail style date, a written one
    ("5 March 2024"), or seconds since 1970; None when the record gives none.

    Raises:
        BadPublished: the value is unreadable, before year 1, or later than tomorrow.
    """
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    shown = repr(value if not isinstance(value, str) else value.strip()[:40])
    if isinstance(value, str) and _BEFORE_ONE.search(value):
        raise BadPublished(f"date before year 1 ({shown})")
    day = _read_day(value)
    if day is None:
        raise BadPublished(f"unreadable date ({shown})")
    if day > today + dt.timedelta(days=1):
        raise BadPublished(f"date in the future ({day.isoformat()})")
    return day


def _read_day(value: Any) -> dt.date | None:
    """The day a date value names, or None when it cannot be read."""
    if isinstance(value, bool):
        return None
    if isinstance(value, int | float):
        if not EARLIEST_UNIX <= value < 253402300800:  # years 1 to 9999
            return None
        return dt.datetime.fromtimestamp(value, dt.UTC).date()
    if not isinstance(value, str):
        return None
    match = _ISO.match(value)
    if match:
        try:
            return dt.date(int(match[1]), int(match[2]), int(match[3]))
        except ValueError:
            return None
    try:
        return email.utils.parsedate_to_datetime(value).date()
    except (TypeError, ValueError, IndexError):
        pass
    return parse_full_date(value.strip())
