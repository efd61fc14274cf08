"""How an event got its date: stored, read back, migrated into old files, cleared by a hand edit."""

from __future__ import annotations

import sqlite3
from dataclasses import replace
from pathlib import Path

import pytest
import sqlite_utils

from timeline.store import SCHEMA_VERSION, BadEvent, NewEvent, NewSource, Store
from timeline.store.schema import migrations

ARTICLE = "The port reopened on 3 May 2011. Three days later, the first ship came in."


def _narrated() -> NewEvent:
    """An event dated from 'Three days later', counted from the day the text was narrating."""
    at = ARTICLE.index("Three days later")
    return NewEvent(
        title="The first ship came in",
        start="2011-05-06",
        precision="day",
        quote="Three days later, the first ship came in.",
        span_start=at,
        span_end=at + len("Three days later"),
        date_basis="narrative",
        date_text="Three days later",
        counted_from="2011-05-03",
    )


def test_provenance_is_stored_and_read_back(store: Store) -> None:
    saved = store.save_article(NewSource("Port", None, "2011-05-10", ARTICLE), [_narrated()])
    (event,) = store.events_for_source(saved.source_id)
    assert (event.date_basis, event.date_text, event.counted_from) == (
        "narrative",
        "Three days later",
        "2011-05-03",
    )
    assert event.as_new() == replace(_narrated().checked(), source_id=saved.source_id)


def test_an_event_typed_by_a_person_has_no_provenance(store: Store) -> None:
    event = store.add_event(NewEvent(title="Typed", start="2020"))
    assert (event.date_basis, event.date_text, event.counted_from) == ("", "", None)


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"date_basis": "guess"}, "date basis 'guess'"),
        ({"counted_from": "12 Mar 2011"}, "counted-from date '12 Mar 2011'"),
        ({"counted_from": "2011-02-30"}, "counted-from date '2011-02-30'"),
    ],
)
def test_bad_provenance_is_refused(store: Store, changes: dict[str, str], message: str) -> None:
    with pytest.raises(BadEvent, match=message):
        store.add_event(NewEvent(title="x", start="2011", **changes))  # type: ignore[arg-type]
    assert store.count() == 0


@pytest.mark.parametrize(
    "changes",
    [
        {"start": "2011-05-07"},
        {"start": "2011-05", "precision": "month"},
        {"end": "2011-05-08"},
        {"approximate": True},
    ],
)
def test_changing_the_date_by_hand_clears_provenance(store: Store, changes: dict) -> None:
    saved = store.save_article(NewSource("Port", None, "2011-05-10", ARTICLE), [_narrated()])
    (event,) = store.events_for_source(saved.source_id)
    edited = store.update_event(event.id, **changes)
    assert (edited.date_basis, edited.date_text, edited.counted_from) == ("", "", None)
    assert (edited.span_start, edited.span_end) == (event.span_start, event.span_end)


def test_an_edit_that_keeps_the_date_keeps_provenance(store: Store) -> None:
    saved = store.save_article(NewSource("Port", None, "2011-05-10", ARTICLE), [_narrated()])
    (event,) = store.events_for_source(saved.source_id)
    # the TUI form passes every field back, the date unchanged
    fields = {name: getattr(event.as_new(), name) for name in NewEvent.__dataclass_fields__}
    edited = store.update_event(event.id, **(fields | {"title": "First ship arrives"}))
    assert (edited.title, edited.date_basis, edited.counted_from) == (
        "First ship arrives",
        "narrative",
        "2011-05-03",
    )
    # the form again, with a new date: the date is now the person's
    fields = {name: getattr(edited.as_new(), name) for name in NewEvent.__dataclass_fields__}
    redated = store.update_event(edited.id, **(fields | {"start": "2011-05-09"}))
    assert (redated.start, redated.date_basis, redated.date_text) == ("2011-05-09", "", "")


def test_undoing_an_edit_brings_provenance_back(store: Store) -> None:
    saved = store.save_article(NewSource("Port", None, "2011-05-10", ARTICLE), [_narrated()])
    (before,) = store.events_for_source(saved.source_id)
    after = store.update_event(before.id, start="2011-05-09")
    restored = store.restore_event(before, over=after.version)
    assert (restored.start, restored.date_basis, restored.counted_from) == (
        "2011-05-06",
        "narrative",
        "2011-05-03",
    )


def _version_1_database(path: Path) -> None:
    """A database as timeline wrote it before events recorded how they were dated."""
    db = sqlite_utils.Database(path)
    migrations.apply(db, stop_before="m002_event_date_provenance")
    db.execute("PRAGMA user_version = 1")
    db.execute(
        "INSERT INTO events (title, start, precision, approximate, details, quote, tags, sort, "
        "created_at) VALUES ('Old event', '2012', 'year', 0, 'kept', '', '', '2012', "
        "'2020-01-01T00:00:00Z')"
    )
    db.conn.commit()
    db.close()


def test_an_old_database_gains_the_columns_and_keeps_its_rows(db_path: Path) -> None:
    _version_1_database(db_path)
    with Store.open(db_path) as store:
        (event,) = store.page_after(None, 10)
        assert (event.title, event.start, event.details) == ("Old event", "2012", "kept")
        assert (event.date_basis, event.date_text, event.counted_from) == ("", "", None)
        added = store.add_event(_narrated())
        assert added.date_basis == "narrative"
    conn = sqlite3.connect(db_path)
    try:
        assert conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
        columns = {row[1] for row in conn.execute("PRAGMA table_info(events)")}
        assert {"date_basis", "date_text", "counted_from"} <= columns
        names = [row[0] for row in conn.execute("SELECT name FROM _sqlite_migrations")]
        assert names[:2] == ["m001_sources_events_fts", "m002_event_date_provenance"]
    finally:
        conn.close()
