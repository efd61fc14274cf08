"""The ingest pipeline on a real SQLite file: saving, idempotence, bad files, worker processes."""

from __future__ import annotations

import datetime as dt
import sqlite3
from collections.abc import Iterator
from importlib.resources import files
from pathlib import Path

import pytest

from timeline.ingest.demo import (
    READING_KEY,
    build_demo,
    demo_is_stale,
    demo_reading,
    refresh_demo,
)
from timeline.ingest.pipeline import (
    FileResult,
    empty_folders,
    expand_paths,
    ingest_bytes,
    ingest_paths,
    storable,
)
from timeline.ingest.reader.keep import Draft
from timeline.store import NewEvent, NewSource, Store

PUB = dt.date(2022, 8, 31)
DEMO = (files("timeline.ingest") / "data" / "demo-article.txt").read_text(encoding="utf-8")


@pytest.fixture
def db(tmp_path: Path) -> Iterator[Store]:
    """An empty store on a real file."""
    opened = Store.open(tmp_path / "pipeline.db")
    yield opened
    opened.close()


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    """A folder of articles: two good ones, one empty, one binary, one ignored by its suffix."""
    root = tmp_path / "articles"
    (root / "sub").mkdir(parents=True)
    (root / "a-demo.txt").write_text(DEMO, encoding="utf-8")
    (root / "sub" / "b-other.md").write_text(
        "Leaders meet in Oslo\n\nPublished 2 May 2021\n\nThe leaders met in Oslo in 2019.\n",
        encoding="utf-8",
    )
    (root / "c-empty.txt").write_bytes(b"")
    (root / "d-binary.txt").write_bytes(b"\x00\x01\x02 not text")
    (root / "e-image.png").write_bytes(b"\x89PNG")
    (root / ".hidden.txt").write_text("Hidden stuff here\n")
    return root


def test_expand_paths_lists_article_files_in_order(folder: Path, tmp_path: Path) -> None:
    missing = tmp_path / "missing.txt"
    assert expand_paths([folder, missing]) == [
        str(folder / "a-demo.txt"),
        str(folder / "c-empty.txt"),
        str(folder / "d-binary.txt"),
        str(folder / "sub" / "b-other.md"),
        str(missing),
    ]


def test_article_is_saved_with_its_source_and_events(db: Store, tmp_path: Path) -> None:
    path = tmp_path / "demo.txt"
    path.write_text(DEMO, encoding="utf-8")
    [result] = ingest_paths(db, [path], url="https://example.org/demo")
    assert result == FileResult(str(path), added=result.added, existed=False)
    assert result.added >= 5
    events = db.page_after(None, 100)
    assert len(events) == result.added
    source = db.get_source(events[0].source_id)
    assert (source.title, source.url, source.published) == (
        "Israel and Japan sign defence pact in Tokyo",
        "https://example.org/demo",
        "2022-08-31",
    )
    assert source.text == DEMO
    for event in events:
        assert event.quote and event.quote in DEMO
        if event.span_start is not None:
            assert 0 <= event.span_start < event.span_end <= len(DEMO)
    assert [e.start for e in events] == sorted(e.start for e in events)
    assert events[-1].start[:4] <= "2022"


def test_same_text_twice_adds_nothing(db: Store, tmp_path: Path) -> None:
    first, second = tmp_path / "one.txt", tmp_path / "two.txt"
    first.write_text(DEMO, encoding="utf-8")
    second.write_text(DEMO, encoding="utf-8")
    [a] = ingest_paths(db, [first])
    count = db.count()
    [b] = ingest_paths(db, [second])
    assert (b.added, b.existed) == (0, True)
    assert db.count() == count == a.added


def test_one_bad_file_does_not_stop_the_others(db: Store, folder: Path) -> None:
    results = ingest_paths(db, [folder])
    assert [(Path(r.path).name, r.ok) for r in results] == [
        ("a-demo.txt", True),
        ("c-empty.txt", False),
        ("d-binary.txt", False),
        ("b-other.md", True),
    ]
    assert results[1].error == f"{folder / 'c-empty.txt'} is empty"
    assert results[2].error == f"{folder / 'd-binary.txt'} is a binary file, not text"
    assert len(db.all_mentions()) == results[0].added + results[3].added
    # the Oslo piece's headline and its lead tell one meeting: one event, two mentions
    (oslo,) = [e for e in db.with_mentions(db.page_after(None, 100)) if "Oslo" in e.title]
    assert sorted(m.date_basis for m in oslo.mentions) == ["expression", "report"]
    assert [e.start for e in db.page_after(None, 100) if e.quote.startswith("The leaders")] == [
        "2019"
    ]


def test_worker_processes_give_the_same_results(folder: Path, tmp_path: Path) -> None:
    stores = [Store.open(tmp_path / f"jobs{n}.db") for n in (1, 2)]
    try:
        one = ingest_paths(stores[0], [folder], jobs=1)
        two = ingest_paths(stores[1], [folder], jobs=2)
        assert one == two
        rows = [[(e.title, e.start, e.end) for e in s.page_after(None, 100)] for s in stores]
        assert rows[0] == rows[1]
    finally:
        for store in stores:
            store.close()


def test_progress_is_reported_per_file(db: Store, folder: Path) -> None:
    seen: list[tuple[int, int]] = []
    ingest_paths(db, [folder], progress=lambda done, total, _path: seen.append((done, total)))
    assert seen == [(1, 4), (2, 4), (3, 4), (4, 4)]


def test_without_publication_date_relative_events_are_undated(db: Store) -> None:
    text = "The ministers met officials during the visit.\nExports hit a record in 2021.\n"
    text = "Ministers sign pact\n\nThe ministers signed a pact on Tuesday.\n" + text
    result = ingest_bytes(db, text.encode(), "stdin-article")
    assert result.ok
    assert result.warnings == (
        "no publication date (give --published): relative dates left undated",
        "1 event(s) left undated",
    )
    events = db.page_after(None, 100)
    assert [(e.start, e.approximate) for e in events] == [("2021", False), (None, True)]


def test_publication_date_given_applies(db: Store) -> None:
    text = "The ministers met on Tuesday to sign a pact.\n"
    result = ingest_bytes(db, text.encode(), "-", published=PUB)
    assert (result.added, result.warnings) == (1, ())
    [event] = db.page_after(None, 10)
    assert (event.start, event.precision) == ("2022-08-30", "day")


def test_bad_stdin_is_an_error_not_an_exception(db: Store) -> None:
    assert ingest_bytes(db, b"", "-") == FileResult("-", error="- is empty")
    assert db.count() == 0


def test_demo_fills_an_empty_store_once(db: Store) -> None:
    results = build_demo(db)
    assert [r.ok for r in results] == [True, True]
    count = db.count()
    assert count >= 10
    assert build_demo(db) == []
    assert db.count() == count


def test_a_demo_built_by_an_earlier_reading_is_built_again(db: Store) -> None:
    build_demo(db)
    fresh = sorted((e.title, e.start) for e in db.page_after(None, 100))
    assert not demo_is_stale(db)
    db.set_meta(READING_KEY, "an-older-reading")
    assert demo_is_stale(db)
    refresh_demo(db)
    assert sorted((e.title, e.start) for e in db.page_after(None, 100)) == fresh
    assert db.meta(READING_KEY) == demo_reading()


def test_a_demo_holding_a_persons_work_is_never_rebuilt(db: Store) -> None:
    build_demo(db)
    db.set_meta(READING_KEY, "an-older-reading")
    db.add_event(NewEvent(title="Ferry inspection booked", start="2031-02-03", precision="day"))
    assert not demo_is_stale(db)
    count = db.count()
    assert refresh_demo(db) == []
    assert db.count() == count


def test_a_failed_save_names_the_article(tmp_path: Path) -> None:
    db_file = tmp_path / "kept.db"
    Store.open(db_file).close()
    article = tmp_path / "demo.txt"
    article.write_text(DEMO, encoding="utf-8")
    with Store.open(db_file, readonly=True) as readonly:
        [result] = ingest_paths(readonly, [article])
        assert result.error == f"{article}: {db_file} is read-only; changes are not saved"
        assert ingest_bytes(readonly, DEMO.encode(), "-").error.startswith("-: ")


def test_a_locked_database_names_the_article(db: Store, tmp_path: Path) -> None:
    article = tmp_path / "demo.txt"
    article.write_text(DEMO, encoding="utf-8")
    db.db.execute("PRAGMA busy_timeout = 0")  # fail at once instead of waiting
    db.wait_limit = 0
    other = sqlite3.connect(tmp_path / "pipeline.db")
    try:
        other.execute("BEGIN EXCLUSIVE")
        [result] = ingest_paths(db, [article])
    finally:
        other.close()
    assert result.error is not None
    assert result.error.startswith(f"{article}: ")
    assert "another program is writing to it" in result.error
    assert db.count() == 0


def test_empty_folders_are_listed(folder: Path, tmp_path: Path) -> None:
    empty = tmp_path / "empty"
    (empty / "sub").mkdir(parents=True)
    (empty / "notes.pdf").write_bytes(b"%PDF")
    (empty / ".hidden.txt").write_text("Hidden stuff here\n")
    assert expand_paths([empty]) == []
    assert empty_folders([folder, empty, folder / "a-demo.txt"]) == [str(empty)]


MIDNIGHT = """Harbour talks run late in Norvale

NORVALE, March 3, 2010 - Negotiators for the Norvale dock workers met port managers on \
Wednesday. The talks went on until midnight. The old ferry Gannet sank at midnight on \
Monday, officials said. A vote is planned for Friday.
"""


def test_an_article_that_says_midnight_keeps_all_its_events(db: Store) -> None:
    result = ingest_bytes(db, MIDNIGHT.encode(), "-", published=dt.date(2010, 3, 3))
    assert result.error is None and result.added == 4
    dated = {e.title: (e.start, e.precision) for e in db.page_after(None, 10)}
    # TIMEX3's midnight (T24:00) is stored as its day: news says "midnight on Monday" for the
    # night's first minutes as often as for its last; "until midnight" names where the talks
    # ended, so they are dated at the day they were held
    assert dated["The talks went on until midnight"] == ("2010-03-03", "day")
    sank = "The old ferry Gannet sank at midnight on Monday, officials said"
    assert dated[sank] == ("2010-03-01", "day")


def test_a_draft_the_store_refuses_does_not_sink_the_others(db: Store) -> None:
    warnings: list[str] = []
    drafts = [
        NewEvent("The pier at Ebbholm opened", "2010-03-02", "day", date_basis="expression"),
        NewEvent("A gale closed the pier", "2010-02-30", "day", date_basis="expression"),
        NewEvent("A ferry\x07 sailed", "2010-03-05", "day"),
        NewEvent("The pier closed again", "2010-03-04", "day", date_basis="publication"),
    ]
    kept = storable([Draft(event, "event", n) for n, event in enumerate(drafts)], warnings)
    assert [draft.position for draft in kept] == [0, 1, 3]
    source = NewSource("Ebbholm pier", None, "2010-03-04", "The pier at Ebbholm opened.")
    db.save_article(source, [draft.event for draft in kept])
    stored = {e.title: e.start for e in db.page_after(None, 10)}
    assert stored == {
        "The pier at Ebbholm opened": "2010-03-02",
        "A gale closed the pier": None,
        "The pier closed again": "2010-03-04",
    }
    assert [w.split(":")[0] for w in warnings] == ["left an event undated", "dropped an event"]


def test_a_year_the_store_cannot_keep_is_named_in_a_warning(db: Store) -> None:
    """ "in 12000 BC" dates nothing; ingest says which expression it set aside."""
    text = (
        "Velmar museum opens a hall\n\nThe Velmar museum opened a hall on Tuesday. "
        "Hunters crossed the Velmar plain in 12000 BC, the curator says.\n"
    )
    result = ingest_bytes(db, text.encode(), "-", published=PUB)
    assert result.warnings == ("'12000 BC': a year outside what can be stored, not used as a date",)
    assert [event.start for event in db.page_after(None, 10)] == ["2022-08-30"]
