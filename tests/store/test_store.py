"""The store as its callers use it: add, edit, undo, page in date order, search, filter."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from timeline.store import (
    BadDatabase,
    BadEvent,
    EventChanged,
    EventNotFound,
    Filter,
    NewerSchema,
    NewEvent,
    NewSource,
    ReadOnlyStore,
    Store,
)


def _seed(store: Store) -> list[int]:
    events = [
        NewEvent(title="Minister arrives in Tokyo", start="2022-08-30", end="2022-08-31"),
        NewEvent(title="Defence memorandum signed", start="2022-08-31"),
        NewEvent(title="Trip to Washington", start="2022-08", approximate=True),
        NewEvent(title="Previous ministerial visit", start="2012"),
        NewEvent(title="Record defence exports", start="2021", tags=("exports", "record")),
    ]
    return [store.add_event(event).id for event in events]


def test_events_come_back_in_date_order(store: Store) -> None:
    _seed(store)
    titles = [event.title for event in store.page_after(None, 10)]
    assert titles == [
        "Previous ministerial visit",
        "Record defence exports",
        "Trip to Washington",
        "Minister arrives in Tokyo",
        "Defence memorandum signed",
    ]


def test_add_returns_the_stored_row(store: Store) -> None:
    event = store.add_event(NewEvent(title="  Talks  ", start="2022-08", tags=(" a ", "b", "a")))
    assert (event.title, event.start, event.precision, event.tags) == (
        "Talks",
        "2022-08",
        "month",
        ("a", "b"),
    )
    assert store.get_event(event.id) == event
    assert event.updated_at == event.created_at is not None


@pytest.mark.parametrize(
    ("event", "message"),
    [
        (NewEvent(title="   ", start="2012"), "needs a title"),
        (NewEvent(title="x", start="31 Aug 2022"), "not an ISO date"),
        (NewEvent(title="x", start="2022-08", precision="day"), "not written to day"),
        (NewEvent(title="x", start="2022-08-31", end="2022-08-01"), "comes before"),
        (NewEvent(title="x", start="2022", precision="week"), "not one of"),
    ],
)
def test_bad_events_are_refused_and_nothing_is_written(
    store: Store, event: NewEvent, message: str
) -> None:
    with pytest.raises(BadEvent, match=message):
        store.add_event(event)
    assert store.count() == 0


def test_keyset_pages_walk_forward_and_back_without_gaps(store: Store) -> None:
    for year in range(1990, 2030):
        store.add_event(NewEvent(title=f"Event of {year}", start=str(year)))
    seen = []
    key = None
    while page := store.page_after(key, 7):
        seen.extend(event.start for event in page)
        key = page[-1].key
    assert seen == [str(year) for year in range(1990, 2030)]
    last = store.page_before(None, 3)
    assert [event.start for event in last] == ["2027", "2028", "2029"]
    before = store.page_before(last[0].key, 2)
    assert [event.start for event in before] == ["2025", "2026"]
    assert store.count_before(last[0].key) == 37


def test_undated_events_sort_last(store: Store) -> None:
    store.add_event(NewEvent(title="Undated remark"))
    store.add_event(NewEvent(title="Dated", start="2001"))
    assert [event.title for event in store.page_after(None, 5)] == ["Dated", "Undated remark"]


def test_date_filter_is_inclusive_of_its_last_period(store: Store) -> None:
    _seed(store)
    flt = Filter(date_from="2022-08", date_to="2022-08")
    assert [event.title for event in store.page_after(None, 10, flt)] == [
        "Trip to Washington",
        "Minister arrives in Tokyo",
        "Defence memorandum signed",
    ]
    assert store.count(Filter(date_from="2012", date_to="2021")) == 2


def test_search_matches_words_and_prefixes_and_survives_fts_syntax(store: Store) -> None:
    _seed(store)
    assert [e.title for e in store.page_after(None, 9, Filter(query="defen"))] == [
        "Record defence exports",
        "Defence memorandum signed",
    ]
    assert store.count(Filter(query='memorandum "signed')) == 1
    assert store.count(Filter(query="AND OR NOT (")) == 0
    assert store.count(Filter(query="   ")) == 5


def test_search_follows_edits_and_deletes(store: Store) -> None:
    ids = _seed(store)
    store.update_event(ids[0], title="Minister lands in Osaka")
    assert store.count(Filter(query="Tokyo")) == 0
    assert store.count(Filter(query="Osaka")) == 1
    store.delete_event(ids[0])
    assert store.count(Filter(query="Osaka")) == 0


def test_delete_and_edit_are_undone_by_restore(store: Store) -> None:
    ids = _seed(store)
    before = store.get_event(ids[4])
    deleted = store.delete_event(ids[4])
    with pytest.raises(EventNotFound):
        store.get_event(ids[4])
    back = store.restore_event(deleted)
    assert back.as_new() == before.as_new()
    after = store.update_event(ids[4], title="Changed", start="2020-05-01")
    restored = store.restore_event(back, over=after.version)
    assert (restored.title, restored.start, restored.precision) == (
        "Record defence exports",
        "2021",
        "year",
    )
    assert store.count(Filter(query="record")) == 1


def test_update_of_start_takes_the_new_precision(store: Store) -> None:
    event = store.add_event(NewEvent(title="x", start="2012"))
    assert store.update_event(event.id, start="2012-05-04").precision == "day"


def test_key_at_or_after_jumps_to_a_date(store: Store) -> None:
    _seed(store)
    key = store.key_at_or_after("2015")
    assert key is not None
    assert store.page_after(None, 10)[1].key == key
    assert store.key_at_or_after("2030") is None


def test_density_counts_per_year_and_month(store: Store) -> None:
    _seed(store)
    assert store.density() == [("2012", 1), ("2021", 1), ("2022", 3)]
    assert store.density(unit="month") == [("2022-08", 3)]


def test_save_article_is_idempotent_and_links_events(store: Store) -> None:
    article = NewSource(title="Pact signed", url=None, published="2022-08-31", text="Body.")
    events = [NewEvent(title="Pact signed", start="2022-08-31", quote="Body.")]
    first = store.save_article(article, events)
    again = store.save_article(article, events)
    assert (first.added, first.existed) == (1, False)
    assert (again.source_id, again.added, again.existed) == (first.source_id, 0, True)
    [event] = store.events_for_source(first.source_id)
    assert (event.source_title, event.source_published) == ("Pact signed", "2022-08-31")


def test_a_failed_article_leaves_nothing(store: Store) -> None:
    article = NewSource(title="t", url=None, published=None, text="text")
    with pytest.raises(BadEvent):
        store.save_article(article, [NewEvent(title="ok", start="2012"), NewEvent(title="")])
    assert store.count() == 0
    assert store.save_article(article, []).existed is False


def test_directory_and_non_sqlite_files_are_refused(tmp_path: Path) -> None:
    with pytest.raises(BadDatabase, match="is a directory"):
        Store.open(tmp_path)
    other = tmp_path / "notes.db"
    other.write_text("just some notes, not a database\n" * 40)
    with pytest.raises(BadDatabase, match="not an SQLite database"):
        Store.open(other)
    assert other.read_text().startswith("just some notes")


def test_a_newer_schema_is_refused(db_path: Path) -> None:
    Store.open(db_path).close()
    with sqlite3.connect(db_path) as conn:
        conn.execute("PRAGMA user_version = 99")
    with pytest.raises(NewerSchema, match="newer"):
        Store.open(db_path)


def test_reopening_keeps_data_and_uses_wal(db_path: Path) -> None:
    with Store.open(db_path) as first:
        first.add_event(NewEvent(title="kept", start="2012"))
    with Store.open(db_path) as second:
        assert [e.title for e in second.page_after(None, 5)] == ["kept"]
        journal = second.db.execute("PRAGMA journal_mode").fetchone()[0]
    assert journal == "wal"


def test_read_only_store_reads_and_refuses_writes(db_path: Path) -> None:
    with Store.open(db_path) as writable:
        writable.add_event(NewEvent(title="kept", start="2012"))
    with Store.open(db_path, readonly=True) as readonly:
        assert readonly.readonly
        assert readonly.count() == 1
        with pytest.raises(ReadOnlyStore):
            readonly.add_event(NewEvent(title="new", start="2013"))


def test_data_version_sees_another_connection_write(db_path: Path) -> None:
    with Store.open(db_path) as reader, Store.open(db_path) as writer:
        before = reader.data_version()
        writer.add_event(NewEvent(title="from elsewhere", start="2012"))
        assert reader.data_version() != before
        assert reader.count() == 1


def test_a_write_blocked_by_another_writer_fails_cleanly(db_path: Path) -> None:
    from timeline.store import StoreError
    from timeline.store import store as store_module

    with Store.open(db_path) as mine:
        mine.add_event(NewEvent(title="kept", start="2012"))
        other = sqlite3.connect(db_path, isolation_level=None, timeout=0)
        other.execute("BEGIN IMMEDIATE")
        try:
            mine.db.execute("PRAGMA busy_timeout = 50")
            mine.wait_limit = 0.2
            with pytest.raises(StoreError, match="another program is writing to it"):
                mine.add_event(NewEvent(title="blocked", start="2013"))
        finally:
            other.execute("ROLLBACK")
            other.close()
        assert [e.title for e in mine.page_after(None, 5)] == ["kept"]
        assert store_module.WAIT_LIMIT_S >= 60  # by default a writer waits out a long import


def test_ids_of_deleted_events_are_never_handed_out_again(store: Store) -> None:
    store.add_event(NewEvent(title="A", start="2020"))
    last = store.add_event(NewEvent(title="B", start="2021"))
    gone = store.delete_event(last.id)
    newcomer = store.add_event(NewEvent(title="C", start="2022"))
    assert newcomer.id > last.id
    restored = store.restore_event(gone)
    assert (restored.id, restored.title) == (last.id, "B")
    assert sorted(e.title for e in store.page_after(None, 10)) == ["A", "B", "C"]


def test_undo_of_an_edit_refuses_a_row_changed_since(store: Store) -> None:
    before = store.add_event(NewEvent(title="Mine", start="2020"))
    mine = store.update_event(before.id, title="My edit")
    store.update_event(before.id, title="Their edit")  # another window, same second
    with pytest.raises(EventChanged, match="changed since"):
        store.restore_event(before, over=mine.version)
    assert store.get_event(before.id).title == "Their edit"


def test_undo_of_an_add_leaves_an_event_edited_since(store: Store) -> None:
    added = store.add_event(NewEvent(title="Mine", start="2020"))
    store.update_event(added.id, title="Theirs")
    with pytest.raises(EventChanged):
        store.delete_event(added.id, version=added.version)
    assert store.get_event(added.id).title == "Theirs"


def test_another_programs_database_is_refused_untouched(tmp_path: Path) -> None:
    other = tmp_path / "bookmarks.sqlite"
    with sqlite3.connect(other) as conn:
        conn.execute("CREATE TABLE bookmarks (id INTEGER PRIMARY KEY, url TEXT)")
    with pytest.raises(BadDatabase, match="another program's SQLite database"):
        Store.open(other)
    with sqlite3.connect(other) as conn:
        tables = [r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")]
        journal = conn.execute("PRAGMA journal_mode").fetchone()[0]
    assert (tables, journal) == (["bookmarks"], "delete")


def test_read_only_open_also_refuses_a_newer_schema(db_path: Path) -> None:
    Store.open(db_path).close()
    with sqlite3.connect(db_path) as conn:
        conn.execute("PRAGMA user_version = 99")
    with pytest.raises(NewerSchema):
        Store.open(db_path, readonly=True)


WRITER = """
import sys
from timeline.store import NewEvent, Store
store = Store.open(sys.argv[1])
for i in range(150):
    store.add_event(NewEvent(title=f"{sys.argv[2]} {i}", start="2012"))
print("done")
"""


def test_writers_in_several_processes_wait_for_each_other(db_path: Path) -> None:
    import subprocess
    import sys

    Store.open(db_path).close()
    procs = [
        subprocess.Popen(
            [sys.executable, "-c", WRITER, str(db_path), name],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for name in ("first", "second", "third")
    ]
    outcomes = [proc.communicate(timeout=120) for proc in procs]
    assert [out.strip() for out, _ in outcomes] == ["done"] * 3, outcomes
    with Store.open(db_path) as store:
        assert store.count() == 450


def test_search_sees_writes_from_another_connection(db_path: Path) -> None:
    with Store.open(db_path) as reader, Store.open(db_path) as writer:
        writer.add_event(NewEvent(title="Talks in Tokyo", start="2012"))
        assert reader.count(Filter(query="tokyo")) == 1
        writer.add_event(NewEvent(title="Signing in Tokyo", start="2013"))
        assert [e.title for e in reader.page_after(None, 5, Filter(query="tokyo"))] == [
            "Talks in Tokyo",
            "Signing in Tokyo",
        ]
        assert reader.count(Filter(query="tokyo")) == 2
