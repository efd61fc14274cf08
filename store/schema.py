"""The database schema as named forward migrations, and the version check that guards it."""

from __future__ import annotations

import sqlite_utils
from sqlite_utils.db import Table

from store.errors import NewerSchema

SCHEMA_VERSION = 1
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


def migrate(db: sqlite_utils.Database) -> None:
    """Bring the database up to this version, or refuse one written by a newer timeline."""
    version = db.execute("PRAGMA user_version").fetchone()[0]
    if version > SCHEMA_VERSION:
        raise NewerSchema(
            f"database schema version {version} is newer than this timeline supports "
            f"({SCHEMA_VERSION}); upgrade timeline to open it"
        )
    if version == SCHEMA_VERSION and not migrations.pending(db):
        return
    migrations.apply(db)
    db.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
