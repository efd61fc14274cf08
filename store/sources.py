"""Saving an article and its events: added once, re-dated or replaced, in one transaction."""

from __future__ import annotations

import hashlib
from collections.abc import Sequence

import sqlite_utils

from timeline.store.errors import StoreError
from timeline.store.mention_writes import drop_source_mentions, insert_article_events
from timeline.store.models import SAVE_MODES, NewEvent, NewSource, SaveResult
from timeline.store.rows import now


def text_digest(text: str) -> str:
    """The sha256 of an article's text: how a text already ingested is recognised."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


STORED_PER_QUERY = 500
"""Digests one `stored_digests` query asks about (below SQLite's parameter limit)."""


def stored_digests(db: sqlite_utils.Database, digests: Sequence[str]) -> set[str]:
    """Which of these text digests a stored source has: one indexed query per few hundred."""
    found: set[str] = set()
    unique = sorted(set(digests))
    for at in range(0, len(unique), STORED_PER_QUERY):
        part = unique[at : at + STORED_PER_QUERY]
        marks = ",".join("?" * len(part))
        rows = db.execute(f"SELECT sha256 FROM sources WHERE sha256 IN ({marks})", part)
        found.update(row[0] for row in rows)
    return found


def save_article(
    db: sqlite_utils.Database,
    source: NewSource,
    events: Sequence[NewEvent],
    mode: str,
    kinds: Sequence[str] | None = None,
    positions: Sequence[int] | None = None,
) -> SaveResult:
    """Record an article and its events inside the caller's transaction.

    A new text is stored with its events whatever the mode. A known text (same sha256):
    "add" changes nothing; "redate" sets the source's publication date and replaces the
    events nobody edited by hand (updated_at empty), keeping edited ones and skipping a new
    event whose quote is that of a kept one; "replace" deletes all the source's events,
    hand-edited included, and inserts the new ones. Each event is written with its one
    mention (`kinds`: "event" or "support" for each, `positions` its sentence's place; see
    store.mention_writes); an event that
    other sources also tell loses only this source's mention.

    Raises:
        StoreError: unknown mode.
        BadEvent: an event breaks a rule (raised before anything is written).
    """
    if mode not in SAVE_MODES:
        raise StoreError(f"save mode {mode!r} is not one of {', '.join(SAVE_MODES)}")
    checked = [event.checked() for event in events]
    digest = text_digest(source.text)
    row = db.execute("SELECT id FROM sources WHERE sha256 = ?", [digest]).fetchone()
    if row is None:
        source_id = _insert_source(db, source, digest)
        added = insert_article_events(db, checked, source_id, kinds, positions)
        return SaveResult(source_id, added, existed=False)
    source_id = row[0]
    if mode == "add":
        attached = _attach(db, source_id, source)
        return SaveResult(source_id, added=0, existed=True, attached=attached)
    db.execute(
        "UPDATE sources SET published = ?, title = coalesce(?, title), url = coalesce(?, url), "
        "path = coalesce(?, path), ingested_at = ? WHERE id = ?",
        [source.published, source.title, source.url, source.path, now(), source_id],
    )
    kept_quotes: set[str] = set()
    kept = 0
    edited = "coalesce(updated_at, '') != ''"
    if mode == "redate":
        for (quote,) in db.execute(
            f"SELECT quote FROM events WHERE source_id = ? AND {edited}", [source_id]
        ):
            kept += 1
            if quote:
                kept_quotes.add(quote)
    removed = drop_source_mentions(db, source_id, keep_edited=mode == "redate")
    chosen = [
        index
        for index, event in enumerate(checked)
        if not (event.quote and event.quote in kept_quotes)
    ]
    fresh = [checked[index] for index in chosen]
    fresh_kinds = None if kinds is None else [kinds[index] for index in chosen]
    fresh_positions = None if positions is None else [positions[index] for index in chosen]
    added = insert_article_events(db, fresh, source_id, fresh_kinds, fresh_positions)
    return SaveResult(
        source_id,
        added,
        existed=True,
        mode=mode,
        removed=removed,
        kept=kept,
        skipped=len(checked) - len(fresh),
    )


def _attach(db: sqlite_utils.Database, source_id: int, source: NewSource) -> bool:
    """Write a URL given for a text already stored onto its source (an article ingested from
    a file first, its address learnt later), and its file path if it had none; True when the
    URL changed."""
    if source.path is not None:
        db.execute(
            "UPDATE sources SET path = ? WHERE id = ? AND path IS NULL", [source.path, source_id]
        )
    if not source.url:
        return False
    cursor = db.execute(
        "UPDATE sources SET url = ? WHERE id = ? AND coalesce(url, '') != ?",
        [source.url, source_id, source.url],
    )
    return bool(cursor.rowcount)


def _insert_source(db: sqlite_utils.Database, source: NewSource, digest: str) -> int:
    """Insert a new source row and return its id."""
    values = {
        "title": source.title,
        "url": source.url,
        "published": source.published,
        "sha256": digest,
        "text": source.text,
        "ingested_at": now(),
        "path": source.path,
    }
    source_id = db.table("sources").insert(values).last_pk
    assert isinstance(source_id, int)
    return source_id
