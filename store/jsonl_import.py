"""JSON Lines in: the objects `timeline list --format jsonl` prints, read back into events.

An import keeps ids (those the database never handed out), sources, provenance and timestamps,
so jsonl -> import -> jsonl into a new database is the same file. It is one transaction: every
line or none.
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
from typing import Any, TextIO

import sqlite_utils

from timeline.store.bulk import Ids, Imported, Stored
from timeline.store.errors import BadEvent, StoreError
from timeline.store.mention_changes import import_mentions
from timeline.store.models import NewEvent, sort_end_key, sort_key
from timeline.store.tags import join_tags
from timeline.store.validation import MAX_ID


class BadJSONL(StoreError):
    """A JSON Lines file cannot be imported; the message names the line."""


_INSERT = (
    'INSERT INTO events (id, title, start, "end", precision, approximate, details, quote, tags, '
    "source_id, span_start, span_end, date_basis, date_text, counted_from, created_at, "
    "updated_at, sort, sort_end) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)"
)


def _text(data: dict[str, Any], name: str, line: int) -> str | None:
    """A field that must be text or null."""
    value = data.get(name)
    if value is not None and not isinstance(value, str):
        raise BadJSONL(f"line {line}: {name} must be text or null")
    return value


def _source_id(
    db: sqlite_utils.Database, data: dict[str, Any], line: int, now: str, cache: dict[Any, int]
) -> int | None:
    """The source a line names: its id when that source matches, else found or created."""
    ident = tuple(_text(data, f"source_{name}", line) for name in ("title", "url", "published"))
    wanted = data.get("source_id")
    if wanted is not None and (not isinstance(wanted, int) or isinstance(wanted, bool)):
        raise BadJSONL(f"line {line}: source_id must be a whole number or null")
    if not any(ident) and wanted is None:
        return None
    key = (wanted, *ident)
    if key in cache:
        return cache[key]
    row = None
    if wanted is not None:
        row = db.execute(
            "SELECT id FROM sources WHERE id = ? AND title IS ? AND url IS ? AND published IS ?",
            [wanted, *ident],
        ).fetchone()
    if row is None:
        row = db.execute(
            "SELECT id FROM sources WHERE title IS ? AND url IS ? AND published IS ? "
            "ORDER BY id LIMIT 1",
            list(ident),
        ).fetchone()
    if row is None:
        digest = hashlib.sha256(
            "\x1f".join(("jsonl", *(part or "" for part in ident))).encode("utf-8")
        ).hexdigest()
        row = db.execute("SELECT id FROM sources WHERE sha256 = ?", [digest]).fetchone()
    if row is None:
        free = wanted is not None and (
            db.execute("SELECT 1 FROM sources WHERE id = ?", [wanted]).fetchone() is None
        )
        row = db.execute(
            "INSERT INTO sources (id, title, url, published, sha256, ingested_at) "
            "VALUES (?, ?, ?, ?, ?, ?) RETURNING id",
            [wanted if free else None, *ident, digest, now],
        ).fetchone()
    source_id: int = row[0]
    cache[key] = source_id
    return source_id


def _row(
    db: sqlite_utils.Database, data: Any, line: int, ids: Ids, now: str, cache: dict[Any, int]
) -> tuple[Any, ...]:
    """The insert values of one line, checked by the same rules as any new event."""
    if not isinstance(data, dict):
        raise BadJSONL(f"line {line}: expected a JSON object")
    tags = data.get("tags") or []
    if not isinstance(tags, list) or not all(isinstance(tag, str) for tag in tags):
        raise BadJSONL(f"line {line}: tags must be a list of text")
    try:
        event = NewEvent(
            title=_text(data, "title", line) or "",
            start=_text(data, "start", line),
            end=_text(data, "end", line),
            precision=_text(data, "precision", line),
            approximate=bool(data.get("approximate")),
            details=_text(data, "details", line) or "",
            quote=_text(data, "quote", line) or "",
            tags=tuple(tags),
            date_basis=_text(data, "date_basis", line) or "",
            date_text=_text(data, "date_text", line) or "",
            counted_from=_text(data, "counted_from", line),
            span_start=data.get("span_start"),
            span_end=data.get("span_end"),
        ).checked()
    except BadEvent as exc:
        raise BadJSONL(f"line {line}: {exc}") from None
    wanted = data.get("id")
    if wanted is not None and (
        not isinstance(wanted, int) or isinstance(wanted, bool) or not 0 < wanted <= MAX_ID
    ):
        raise BadJSONL(f"line {line}: id must be a positive whole number")
    created = _text(data, "created_at", line) or now
    updated = _text(data, "updated_at", line)
    return (
        ids.take(wanted),
        event.title,
        event.start,
        event.end,
        event.precision,
        int(event.approximate),
        event.details,
        event.quote,
        join_tags(event.tags),
        _source_id(db, data, line, now, cache),
        event.span_start,
        event.span_end,
        event.date_basis,
        event.date_text,
        event.counted_from,
        created,
        None if updated in (None, created) else updated,
        sort_key(event.start),
        sort_end_key(event.start, event.end),
    )


def import_jsonl(db: sqlite_utils.Database, inp: TextIO, now: str) -> Imported:
    """Read JSON Lines into events inside the caller's transaction; returns events imported,
    with `skipped` counting lines identical to events already stored (never added twice)."""
    ids = Ids.of(db)
    stored = Stored(db)
    cache: dict[Any, int] = {}
    batch: list[tuple[Any, ...]] = []
    story: list[tuple[int, dict[str, Any], list[Any], int]] = []
    count = skipped = 0
    for line, text in enumerate(inp, start=1):
        if not text.strip():
            continue
        try:
            data = json.loads(text)
        except json.JSONDecodeError as exc:
            raise BadJSONL(f"line {line}: not JSON ({exc.msg})") from None
        row = _row(db, data, line, ids, now, cache)
        if _already(stored, row):
            skipped += 1
            continue
        batch.append(row)
        told = data.get("mentions") or []
        if not isinstance(told, list) or not all(isinstance(m, dict) for m in told):
            raise BadJSONL(f"line {line}: mentions must be a list of objects")
        fields = _story_fields(data, line)
        if told or fields != _PLAIN:
            story.append((row[0], fields, told, line))
        if len(batch) >= 5000:
            count += _insert(db, batch, count)
            batch = []
    if batch:
        count += _insert(db, batch, count)
    for event_id, fields, told, line in story:
        try:
            import_mentions(
                db,
                event_id,
                fields,
                told,
                lambda m, line=line: _source_id(db, m, line, now, cache),  # type: ignore[misc]
            )
        except (BadEvent, StoreError) as exc:
            raise BadJSONL(f"line {line}: {exc}") from None
    return Imported(count, skipped)


_PLAIN = {"importance": 0.0, "is_key": 1, "conflict": 0}
"""The story fields of an event nobody merged (a typed or imported one)."""


def _story_fields(data: dict[str, Any], line: int) -> dict[str, Any]:
    """What the story layer derived for an event line (importance, key, conflict)."""
    importance = data.get("importance", 0.0)
    if not isinstance(importance, (int, float)) or isinstance(importance, bool):
        raise BadJSONL(f"line {line}: importance must be a number")
    return {
        "importance": float(importance),
        "is_key": int(bool(data.get("is_key", True))),
        "conflict": int(bool(data.get("conflict", False))),
    }


def _already(stored: Stored, row: tuple[Any, ...]) -> bool:
    """Whether an event identical to this line's (all but its id) was stored before the import."""
    _, title, _, end, _, approximate, details, quote, tags, source_id = row[:10]
    return stored.has(row[-2], title, end, approximate, details, quote, tags, source_id)


def _insert(db: sqlite_utils.Database, rows: list[tuple[Any, ...]], before: int) -> int:
    """Insert one batch, naming the lines when SQLite refuses it."""
    try:
        db.conn.executemany(_INSERT, rows)
    except sqlite3.IntegrityError as exc:
        raise BadJSONL(f"events {before + 1}-{before + len(rows)}: {exc}") from None
    return len(rows)
