"""Rows another program wrote into our tables: dates that are no dates, a precision we do not
know, BLOB titles, bytes that are not UTF-8. `list` shows them and `export` leaves them out by
id; neither ends in a traceback, and what export writes, import takes back."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from click.testing import CliRunner

from timeline.cli.main import cli
from timeline.store import FORMAT_NAMES, NewEvent, Store


@pytest.fixture
def edited(db_path: Path) -> Path:
    """Two sound events (ids 1, 2), then five rows another program wrote (ids 3-7)."""
    with Store.open(db_path) as store:
        store.add_event(NewEvent(title="Granary roof mended", start="1911-04-02"))
        store.add_event(NewEvent(title="Granary sold", start="1920"))
    with sqlite3.connect(db_path) as conn:
        for title, start, precision in [
            ("Odd one", "garbage", "day"),
            ("Thirteenth month", "2020-13-45", "day"),
            ("A century", "2000", "century"),
        ]:
            conn.execute(
                "INSERT INTO events (title, start, precision, sort) VALUES (?, ?, ?, ?)",
                (title, start, precision, "1" + start),
            )
        conn.execute(
            "INSERT INTO events (title, start, precision, sort) "
            "VALUES (?, '1930', 'year', '11930')",
            (b"Mill\xffhouse",),
        )
        conn.execute(
            "INSERT INTO events (title, start, precision, sort) "
            "VALUES (CAST(X'4b696c6ec3' AS TEXT), '1931', 'year', '11931')"
        )
    return db_path


@pytest.mark.parametrize("fmt", ["table", "jsonl", "csv"])
def test_list_shows_rows_another_program_wrote_without_a_traceback(edited: Path, fmt: str) -> None:
    result = CliRunner().invoke(cli, ["--db", str(edited), "list", "--all", "--format", fmt])
    assert result.exception is None, repr(result.exception)
    assert result.exit_code == 0
    assert "Granary sold" in result.stdout
    assert "Mill\ufffdhouse" in result.stdout
    assert "Kiln\ufffd" in result.stdout


@pytest.mark.parametrize("fmt", [name for name in FORMAT_NAMES if name != "csv"])
def test_export_leaves_out_what_import_would_refuse_and_names_it(
    edited: Path, tmp_path: Path, fmt: str
) -> None:
    out = tmp_path / f"out.{fmt}"
    result = CliRunner().invoke(
        cli, ["--db", str(edited), "export", "--format", fmt, "-o", str(out)]
    )
    assert result.exception is None, repr(result.exception)
    assert result.exit_code == 0
    assert "3 left out that import could not take back: id " in result.stderr
    named = result.stderr.split("id ")[-1].rstrip(")\n").split(", ")
    assert sorted(map(int, named)) == [3, 4, 5]
    assert "Granary sold" in out.read_text(encoding="utf-8")


def test_the_jsonl_export_of_such_a_database_imports_into_a_new_one(
    edited: Path, tmp_path: Path
) -> None:
    out = tmp_path / "backup.jsonl"
    CliRunner().invoke(cli, ["--db", str(edited), "export", "--format", "jsonl", "-o", str(out)])
    fresh = tmp_path / "fresh.db"
    result = CliRunner().invoke(cli, ["--db", str(fresh), "import", "--format", "jsonl", str(out)])
    assert result.exit_code == 0, result.output
    with sqlite3.connect(fresh) as conn:
        titles = sorted(row[0] for row in conn.execute("SELECT title FROM events"))
    assert titles == ["Granary roof mended", "Granary sold", "Kiln\ufffd", "Mill\ufffdhouse"]


@pytest.mark.parametrize("fmt", ["jsonl", "csv"])
def test_ids_past_two_to_the_53_round_trip(tmp_path: Path, fmt: str) -> None:
    db = tmp_path / "big.db"
    with Store.open(db) as store:
        store.add_event(NewEvent(title="Weir built", start="1850"))
    with sqlite3.connect(db) as conn:
        conn.execute("UPDATE events SET id = ?", (2**53 + 7,))
    with Store.open(db) as store:
        store.add_event(NewEvent(title="Weir raised", start="1890"))
    out = tmp_path / f"backup.{fmt}"
    exported = CliRunner().invoke(cli, ["--db", str(db), "export", "--format", fmt, "-o", str(out)])
    assert exported.exit_code == 0, exported.output
    fresh = tmp_path / "fresh.db"
    result = CliRunner().invoke(cli, ["--db", str(fresh), "import", "--format", fmt, str(out)])
    assert result.exit_code == 0, result.output
    with sqlite3.connect(fresh) as conn:
        rows = sorted(conn.execute("SELECT id, title FROM events"))
    assert rows == [(2**53 + 7, "Weir built"), (2**53 + 8, "Weir raised")]
