"""No silent surprises: a repeated import, --db after the command, a mistyped --db, and
deleting a source with all its events."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from click.testing import CliRunner

from timeline.cli.main import cli
from timeline.store import NewEvent, NewSource, Store

CSV = "title,start\r\nTreaty signed,2019\r\nBridge opened,2021-05\r\n"


def _run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, list(args))
    return result.exit_code, result.stdout, result.stderr


def _count(db: Path) -> int:
    with sqlite3.connect(db) as conn:
        return conn.execute("SELECT count(*) FROM events").fetchone()[0]


def test_importing_the_same_file_twice_adds_nothing_and_says_so(tmp_path: Path) -> None:
    db, path = tmp_path / "t.db", tmp_path / "in.csv"
    path.write_text(CSV, encoding="utf-8")
    _run("--db", str(db), "import", str(path))
    code, _, err = _run("--db", str(db), "import", str(path))
    assert code == 0
    assert err.strip().splitlines()[-1] == (
        f"imported 0 events from {path}; skipped 2 identical to events already stored"
    )
    assert _count(db) == 2


def test_db_is_taken_after_the_command_too(tmp_path: Path) -> None:
    db = tmp_path / "after.db"
    code, _, err = _run("add", "2020", "Placed after", "--db", str(db))
    assert code == 0, err
    code, out, _ = _run("list", "--db", str(db))
    assert code == 0 and "Placed after" in out


def test_a_read_only_command_refuses_a_missing_database(tmp_path: Path) -> None:
    typo = tmp_path / "timelnie.db"
    for command in (["list"], ["export"]):
        code, _, err = _run("--db", str(typo), *command)
        assert code == 1
        assert (
            err.strip()
            == f"Error: {typo}: no such database (give --db, or add or import events first)"
        )
    assert not typo.exists()


def test_a_writing_command_creates_the_database_and_says_so_once(tmp_path: Path) -> None:
    db = tmp_path / "new.db"
    _, _, first = _run("--db", str(db), "add", "2020", "First")
    _, _, second = _run("--db", str(db), "add", "2021", "Second")
    assert first.strip() == f"created a new database at {db}"
    assert second.strip() == ""


def test_delete_source_removes_it_and_all_its_events(tmp_path: Path) -> None:
    db = tmp_path / "t.db"
    with Store.open(db) as store:
        saved = store.save_article(
            NewSource("Harbour report", None, "2022-05-01", "A report about the harbour."),
            [
                NewEvent(title="Crane installed", start="2022-04"),
                NewEvent(title="Pier", start="2021"),
            ],
        )
        store.add_event(NewEvent(title="Unrelated", start="2020"))
    code, out, _ = _run("--db", str(db), "delete", "--source", str(saved.source_id))
    assert code == 0
    assert out.strip() == f"deleted source {saved.source_id} (Harbour report) and its 2 event(s)"
    with Store.open(db) as store:
        assert [e.title for e in store.page_after(None, 10)] == ["Unrelated"]
        assert store.db.execute("SELECT count(*) FROM sources").fetchone()[0] == 0


def test_a_deleted_source_comes_back_whole_with_undo(store: Store) -> None:
    saved = store.save_article(
        NewSource("Port", "https://example.org/p", "2022-05-01", "Text of the port story."),
        [NewEvent(title="Dock", start="2022-04"), NewEvent(title="Quay", start="2021")],
    )
    before = store.events_for_source(saved.source_id)
    source, events = store.delete_source(saved.source_id)
    assert store.count() == 0
    store.restore_source(source, events)
    assert store.events_for_source(saved.source_id) == [
        e.__class__(
            **{**{f: getattr(e, f) for f in e.__dataclass_fields__}, "version": e.version + 1}
        )
        for e in before
    ]
    assert store.get_source(saved.source_id).text == "Text of the port story."
