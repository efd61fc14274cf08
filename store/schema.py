"""The database schema as named forward migrations, and the version check that guards it."""

from __future__ import annotations

import sqlite_utils
from sqlite_utils.db import Table

from store.errors import BadDatabase, NewerSchema

SCHEMA_VERSION = 3
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
def m003_event_tags_view(db: sqlite_utils.Database) -> None:
    """A view with one row per event and tag, so that Datasette (or any SQL) can facet tags."""
    db.execute(EVENT_TAGS_VIEW)


def check_version(db: sqlite_utils.Database, path: object) -> int:
    """Return the schema version, refusing a newer timeline's database or another program's."""
    version = db.execute("PRAGMA user_version").fetchone()[0]
    if version > SCHEMA_VERSION:
        raise NewerSchema(
            f"{path}: database schema version {version} is newer than this timeline supports "
            f"({SCHEMA_VERSION}); upgrade timeline to open it"
        )
    if version == 0:
        tables = [
            name
            for name in db.table_names()
            if name != migrations.migrations_table and not name.startswith("sqlite_")
        ]
        if tables and not migrations.applied(db):
            shown = ", ".join(sorted(tables)[:3])
            raise BadDatabase(
                f"{path} is another program's SQLite database (tables: {shown}); "
                "timeline will not change it"
            )
    return version


def migrate(db: sqlite_utils.Database, path: object = "database") -> None:
    """Bring the database up to this version, or refuse one it must not touch.

    Runs under a write lock (BEGIN IMMEDIATE), so two processes opening a new file at once
    cannot both create the tables.
    """
    if check_version(db, path) == SCHEMA_VERSION and not migrations.pending(db):
        return
    db.execute("BEGIN IMMEDIATE")
    try:
        if check_version(db, path) != SCHEMA_VERSION or migrations.pending(db):
            migrations.apply(db)
            db.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
        db.execute("COMMIT")
    except BaseException:
        if db.conn.in_transaction:
            db.execute("ROLLBACK")
        raise
