"""The database schema as named forward migrations, and the version check that guards it."""

from __future__ import annotations

import sqlite_utils
from sqlite_utils.db import Table

SCHEMA_VERSION = 8
"""Written to PRAGMA user_version after the migrations; a larger number means a newer timeline."""

migrations = sqlite_utils.Migrations("timeline")


@migrations()
def m001_sources_events_fts(db: sqlite_utils.Database) -> None:
    """Sources, events with a date-order index, and full-text search kept in step by triggers."""
    sources: Table = db.table("sources")
    sources.create(
        {
            "id": int,
            "title": str,
            "url": str,
            "published": str,
            "sha256": str,
            "text": str,
            "ingested_at": str,
        },
        pk="id",
        not_null={"sha256"},
    )
    sources.create_index(["sha256"], unique=True)
    events: Table = db.table("events")
    events.create(
        {
            "id": int,
            "title": str,
            "start": str,
            "end": str,
            "precision": str,
            "approximate": int,
            "details": str,
            "quote": str,
            "source_id": int,
            "span_start": int,
            "span_end": int,
            "tags": str,
            "created_at": str,
            "updated_at": str,
            "sort": str,
        },
        pk="id",
        not_null={"title", "approximate", "details", "quote", "tags", "sort"},
        defaults={"approximate": 0, "details": "", "quote": "", "tags": ""},
        foreign_keys=[("source_id", "sources", "id")],
    )
    events.create_index(["sort", "id"], index_name="events_sort_id")
    events.create_index(["source_id"], index_name="events_source_id")
    events.enable_fts(["title", "details", "quote"], create_triggers=True, tokenize="unicode61")


@migrations()
def m002_event_date_provenance(db: sqlite_utils.Database) -> None:
    """How ingest dated each event: the basis, the expression as written, what it counted from.

    Existing rows get the values of a date a person gave ("", "", NULL).
    """
    events: Table = db.table("events")
    events.add_column("date_basis", str, not_null_default="")
    events.add_column("date_text", str, not_null_default="")
    events.add_column("counted_from", str)


_EVENTS_V3 = """
CREATE TABLE events_v3 (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    title TEXT NOT NULL,
    start TEXT,
    "end" TEXT,
    precision TEXT,
    approximate INTEGER NOT NULL DEFAULT 0,
    details TEXT NOT NULL DEFAULT '',
    quote TEXT NOT NULL DEFAULT '',
    source_id INTEGER REFERENCES sources(id),
    span_start INTEGER,
    span_end INTEGER,
    tags TEXT NOT NULL DEFAULT '',
    created_at TEXT,
    updated_at TEXT,
    sort TEXT NOT NULL,
    date_basis TEXT NOT NULL DEFAULT '',
    date_text TEXT NOT NULL DEFAULT '',
    counted_from TEXT,
    version INTEGER NOT NULL DEFAULT 1
)
"""
_V2_COLUMNS = (
    'id, title, start, "end", precision, approximate, details, quote, source_id, span_start, '
    "span_end, tags, created_at, updated_at, sort, date_basis, date_text, counted_from"
)


@migrations()
def m003_ids_never_reused_row_versions(db: sqlite_utils.Database) -> None:
    """Ids are never handed out twice (AUTOINCREMENT) and each row counts its changes (version).

    An undo then recognises its own row by id and version, never by a timestamp. The table is
    rebuilt (SQLite cannot add AUTOINCREMENT to a table); its indexes and search triggers are
    taken over as they were, and the search index keeps its rowids.
    """
    kept = db.execute(
        "SELECT sql FROM sqlite_master WHERE tbl_name = 'events' AND type IN ('index', 'trigger') "
        "AND sql IS NOT NULL"
    ).fetchall()
    db.execute(_EVENTS_V3)
    db.execute(f"INSERT INTO events_v3 ({_V2_COLUMNS}) SELECT {_V2_COLUMNS} FROM events")
    db.execute("DROP TABLE events")
    db.execute("ALTER TABLE events_v3 RENAME TO events")
    for (sql,) in kept:
        db.execute(sql)


def _sort_sql(column: str) -> str:
    """SQL for store.models.sort_key over a column holding an ISO date (NULL: undated)."""
    return (
        f"CASE WHEN {column} IS NULL THEN '~' WHEN substr({column}, 1, 1) = '-' THEN "
        f"'0' || printf('%04d', 10000 - CAST(substr({column}, 2, 4) AS INTEGER)) "
        f"|| substr({column}, 6) ELSE '1' || {column} END"
    )


@migrations()
def m004_bce_sort_keys_and_span_ends(db: sqlite_utils.Database) -> None:
    """Sort values that order years before 1 AD, and the end of each event's span, indexed.

    `sort` was the ISO date itself, which puts `-0044` before `-0157`; it becomes
    store.models.sort_key. `sort_end` is the sort value of the span's last instant, so a date
    filter finds every event whose span meets its own; the partial index finds the few ranges
    that begin before a filter and reach into it.
    """
    db.execute(f"UPDATE events SET sort = {_sort_sql('start')}")
    db.execute("ALTER TABLE events ADD COLUMN sort_end TEXT NOT NULL DEFAULT '~'")
    last = _sort_sql('coalesce("end", start)')
    db.execute(f"UPDATE events SET sort_end = {last} || '~' WHERE start IS NOT NULL")
    db.execute('CREATE INDEX events_ranged ON events (sort_end) WHERE "end" IS NOT NULL')


@migrations()
def m005_source_identity_index(db: sqlite_utils.Database) -> None:
    """Index sources by (title, url, published): an import finds the source each row names
    in one probe, so 80,000 sources cost per row what 8 do."""
    db.execute("CREATE INDEX sources_identity ON sources (title, url, published)")


EVENT_TAGS_VIEW = r"""
CREATE VIEW event_tags AS
WITH RECURSIVE split(event_id, rest, tag) AS (
    SELECT id, replace(replace(tags, '\\', char(1)), '\;', char(2)) || ';', NULL
    FROM events WHERE tags != ''
    UNION ALL
    SELECT event_id, substr(rest, instr(rest, ';') + 1),
           trim(substr(rest, 1, instr(rest, ';') - 1))
    FROM split WHERE rest != ''
)
SELECT event_id, replace(replace(tag, char(2), ';'), char(1), '\') AS tag
FROM split WHERE tag != ''
"""
"""One row per (event, tag), read from the `a; b\\; c` cell (store/tags.py) with its escapes."""


@migrations()
def m006_event_tags_view(db: sqlite_utils.Database) -> None:
    """A view with one row per event and tag, so that Datasette (or any SQL) can facet tags."""
    db.execute(EVENT_TAGS_VIEW)


_MENTIONS = """
CREATE TABLE mentions (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    event_id INTEGER NOT NULL REFERENCES events(id),
    source_id INTEGER REFERENCES sources(id),
    quote TEXT NOT NULL DEFAULT '',
    title TEXT NOT NULL DEFAULT '',
    span_start INTEGER,
    span_end INTEGER,
    start TEXT,
    "end" TEXT,
    precision TEXT,
    approximate INTEGER NOT NULL DEFAULT 0,
    date_basis TEXT NOT NULL DEFAULT '',
    date_text TEXT NOT NULL DEFAULT '',
    counted_from TEXT,
    position INTEGER NOT NULL DEFAULT 0,
    kind TEXT NOT NULL DEFAULT 'event',
    held INTEGER NOT NULL DEFAULT 0,
    sort TEXT NOT NULL
)
"""


@migrations()
def m007_mentions(db: sqlite_utils.Database) -> None:
    """Mentions (one source's sentence telling a happening, with the date as it reads it) and
    what the story layer derives for each event: importance, key, conflict, sources.

    Every event taken from a source becomes an event with one mention carrying its quote,
    offsets, date and provenance, so nothing is lost; events typed by hand get none.
    """
    db.execute(_MENTIONS)
    db.execute("CREATE INDEX mentions_event ON mentions (event_id)")
    db.execute("CREATE INDEX mentions_sort ON mentions (sort)")
    db.execute("CREATE INDEX mentions_source ON mentions (source_id)")
    for column, kind in (("importance", "REAL"), ("is_key", "INTEGER"), ("sources", "INTEGER")):
        default = 1 if column == "is_key" else 0
        db.execute(f"ALTER TABLE events ADD COLUMN {column} {kind} NOT NULL DEFAULT {default}")
    db.execute("ALTER TABLE events ADD COLUMN conflict INTEGER NOT NULL DEFAULT 0")
    db.execute("ALTER TABLE events ADD COLUMN date_pick INTEGER")
    db.execute("CREATE INDEX events_key_sort ON events (sort, id) WHERE is_key = 1")
    db.execute(
        "INSERT INTO mentions (event_id, source_id, quote, title, span_start, span_end, start, "
        '"end", precision, approximate, date_basis, date_text, counted_from, sort) '
        'SELECT id, source_id, quote, title, span_start, span_end, start, "end", precision, '
        "approximate, date_basis, date_text, counted_from, sort FROM events "
        "WHERE source_id IS NOT NULL ORDER BY id"
    )
    db.execute("UPDATE events SET sources = 1 WHERE source_id IS NOT NULL")


MONTH_DAY = (
    "CASE WHEN substr(start, 1, 1) = '-' THEN substr(start, 7, 5) ELSE substr(start, 6, 5) END"
)
"""The `MM-DD` of an event's start, BCE years (`-0043-03-15`) included (on this day's index)."""
DAY_DATED = "precision IN ('day', 'minute')"
"""Events dated to a day: the only ones on this day finds."""


def _fts_sql(table: str, columns: tuple[str, ...]) -> list[str]:
    """The external-content FTS5 index of `table` over `columns`, with the triggers that keep
    it in step (the layout sqlite-utils' enable_fts writes), then filled from the table."""
    names = ", ".join(f'"{c}"' for c in columns)
    new = ", ".join(f'new."{c}"' for c in columns)
    old = ", ".join(f'old."{c}"' for c in columns)
    fts = f"{table}_fts"
    forget = f'INSERT INTO "{fts}" ("{fts}", rowid, {names}) '
    forget += f"VALUES('delete', old.rowid, {old});"
    return [
        f"CREATE VIRTUAL TABLE \"{fts}\" USING FTS5 ({names}, tokenize='unicode61', "
        f'content="{table}")',
        f'CREATE TRIGGER "{table}_ai" AFTER INSERT ON "{table}" BEGIN '
        f'INSERT INTO "{fts}" (rowid, {names}) VALUES (new.rowid, {new}); END',
        f'CREATE TRIGGER "{table}_ad" AFTER DELETE ON "{table}" BEGIN {forget} END',
        f'CREATE TRIGGER "{table}_au" AFTER UPDATE ON "{table}" BEGIN '
        f"{forget} "
        f'INSERT INTO "{fts}" (rowid, {names}) VALUES (new.rowid, {new}); END',
        f'INSERT INTO "{fts}" ("{fts}") VALUES (\'rebuild\')',
    ]


@migrations()
def m008_sources_first_class(db: sqlite_utils.Database) -> None:
    """Sources keep the file they were read from; search reaches tags and source titles; on
    this day has an index; the database gets an id of its own, so calendar UIDs of two
    databases never collide.

    Written as plain SQL (not enable_fts, whose script would commit the migration halfway).
    """
    db.execute("ALTER TABLE sources ADD COLUMN path TEXT")
    for trigger in ("events_ai", "events_ad", "events_au"):
        db.execute(f'DROP TRIGGER IF EXISTS "{trigger}"')
    db.execute('DROP TABLE IF EXISTS "events_fts"')
    for sql in _fts_sql("events", ("title", "details", "quote", "tags")):
        db.execute(sql)
    for sql in _fts_sql("sources", ("title",)):
        db.execute(sql)
    db.execute(f"CREATE INDEX events_month_day ON events ({MONTH_DAY}) WHERE {DAY_DATED}")
    db.execute("CREATE TABLE timeline_meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)")
    db.execute("INSERT INTO timeline_meta VALUES ('database_id', lower(hex(randomblob(6))))")


def migrate(db: sqlite_utils.Database, path: object, application_id: int) -> None:
    """Bring a timeline database (or a new empty file) up to this version and stamp it ours.

    Runs under a write lock (BEGIN IMMEDIATE), so two processes opening a new file at once
    cannot both create the tables. The caller has recognised the file as ours.
    """
    if _current(db, application_id):
        return
    db.execute("BEGIN IMMEDIATE")
    try:
        if not _current(db, application_id):
            migrations.apply(db)
            db.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
            db.execute(f"PRAGMA application_id = {application_id}")
        db.execute("COMMIT")
    except BaseException:
        if db.conn.in_transaction:
            db.execute("ROLLBACK")
        raise


def _current(db: sqlite_utils.Database, application_id: int) -> bool:
    """Whether the database is stamped ours, at this version, with no migration pending."""
    return (
        db.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
        and db.execute("PRAGMA application_id").fetchone()[0] == application_id
        and not migrations.pending(db)
    )
