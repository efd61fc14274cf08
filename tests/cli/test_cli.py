"""The `timeline` command as a user types it: add, list, edit, delete, export, import, bad input."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest
from click.testing import CliRunner

from timeline.cli.main import cli
from timeline.store import NewEvent, Store


@pytest.fixture
def run(db_path: Path):
    runner = CliRunner()

    def invoke(*args: str, input: str | None = None):
        return runner.invoke(cli, ["--db", str(db_path), *args], input=input)

    return invoke


def _export(run) -> str:
    result = run("export")
    assert result.exit_code == 0, result.output
    return result.stdout


@pytest.mark.parametrize(
    ("typed", "start", "precision"),
    [
        ("31 Aug 2022", "2022-08-31", "day"),
        ("Aug 2022", "2022-08", "month"),
        ("2012", "2012", "year"),
        ("2022-08-31T14:30", "2022-08-31T14:30", "minute"),
    ],
)
def test_add_keeps_the_precision_that_was_written(
    run, db_path: Path, typed: str, start: str, precision: str
) -> None:
    result = run("add", typed, "Ministers sign a memorandum")
    assert result.exit_code == 0, result.output
    assert "Ministers sign a memorandum" in result.output
    assert result.stdout.startswith("1  ") and "   " not in result.stdout  # one line, unpadded
    with Store.open(db_path) as store:
        [event] = store.page_after(None, 5)
    assert (event.start, event.precision) == (start, precision)


def test_add_relative_dates_resolve_against_today(run, db_path: Path) -> None:
    from datetime import date, timedelta

    assert run("add", "yesterday", "Briefing").exit_code == 0
    with Store.open(db_path) as store:
        [event] = store.page_after(None, 5)
    assert event.start == (date.today() - timedelta(days=1)).isoformat()


def test_add_with_range_details_and_tags(run, db_path: Path) -> None:
    result = run(
        "add",
        "30 Aug 2022",
        "Visit",
        "--end",
        "31 Aug 2022",
        "--details",
        "two days",
        "--tag",
        "japan",
        "--tag",
        "defence",
    )
    assert result.exit_code == 0, result.output
    with Store.open(db_path) as store:
        [event] = store.page_after(None, 5)
    assert (event.end, event.details, event.tags) == (
        "2022-08-31",
        "two days",
        ("japan", "defence"),
    )


def test_list_filters_searches_and_prints_jsonl(run) -> None:
    run("add", "2012", "Previous visit to Tokyo")
    run("add", "2021", "Export record")
    run("add", "31 Aug 2022", "Memorandum signed in Tokyo")
    result = run("list", "--search", "tokyo", "--from", "2020", "--format", "jsonl")
    assert result.exit_code == 0, result.output
    rows = [json.loads(line) for line in result.output.splitlines()]
    assert [row["title"] for row in rows] == ["Memorandum signed in Tokyo"]
    assert {"source_title", "source_url", "source_published", "precision"} <= set(rows[0])
    table = run("list", "--to", "2021", "--limit", "1")
    # a typed event: no source tells it ("-" in the sources column)
    header, row = table.output.splitlines()
    assert header.split() == ["ID", "DATE", "SRC", "SOURCE", "TITLE"]
    assert row.split()[1:3] == ["2012", "-"]
    assert row.endswith("by hand  Previous visit to Tokyo")


def test_escape_bytes_are_refused_and_old_ones_listed_literally(run, db_path: Path) -> None:
    refused = run("add", "2012", "[bold]loud[/] \x1b[31mred")
    assert refused.exit_code == 1
    assert "control character U+001B" in refused.output
    with Store.open(db_path) as store:  # a row written before control bytes were refused
        added = store.add_event(NewEvent(title="placeholder", start="2012"))
        store.db.execute(
            "UPDATE events SET title = ? WHERE id = ?", ["[bold]loud[/] \x1b[31mred", added.id]
        )
    result = run("list")
    assert "\x1b" not in result.output
    assert "[bold]loud[/] \\x1b[31mred" in result.output


def test_edit_and_delete(run, db_path: Path) -> None:
    run("add", "2012", "Visit")
    assert run("edit", "1", "--title", "Earlier visit", "--date", "May 2012").exit_code == 0
    with Store.open(db_path) as store:
        event = store.get_event(1)
    assert (event.title, event.start, event.precision) == ("Earlier visit", "2012-05", "month")
    assert run("delete", "1").exit_code == 0
    missing = run("delete", "1")
    assert missing.exit_code == 1
    assert "no event with id 1" in missing.output


def test_export_to_file_then_import_elsewhere(run, tmp_path: Path) -> None:
    run("add", "30 Aug 2022", "=cmd|' /C calc'!A0", "--end", "31 Aug 2022")
    out = tmp_path / "out.csv"
    assert run("export", "-o", str(out)).exit_code == 0
    assert "'=cmd" in out.read_text(encoding="utf-8")
    other = tmp_path / "other.db"
    runner = CliRunner()
    result = runner.invoke(cli, ["--db", str(other), "import", str(out)])
    assert result.exit_code == 0, result.output
    again = runner.invoke(cli, ["--db", str(other), "export"])
    assert again.stdout == out.read_text(encoding="utf-8")


def test_import_reads_natural_language_dates(run, tmp_path: Path, db_path: Path) -> None:
    csv_file = tmp_path / "in.csv"
    csv_file.write_text("title,start\nVisit,31 Aug 2022\nRecord,2021\n", encoding="utf-8")
    assert run("import", str(csv_file)).exit_code == 0
    with Store.open(db_path) as store:
        got = [(e.start, e.precision) for e in store.page_after(None, 5)]
    assert got == [("2021", "year"), ("2022-08-31", "day")]


BAD_CSV = {
    "unterminated quote": (b'title,start\nok,2012\n"open,2013\n', "unterminated quoted field"),
    "no title column": (b"name,when\nx,2012\n", "needs a title column"),
    "binary": (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary data"),
    "not utf-8": (b"title,start\nok,2012\ncaf\xe9,2013\n", "line 3: not UTF-8"),
    "bad date": (b"title,start\nok,the 45th of Smarch\n", "line 2, column start"),
}


@pytest.mark.parametrize("case", sorted(BAD_CSV))
def test_bad_csv_is_one_line_and_changes_nothing(run, tmp_path: Path, case: str) -> None:
    run("add", "2012", "Already stored")
    before = _export(run)
    content, message = BAD_CSV[case]
    bad = tmp_path / "bad.csv"
    bad.write_bytes(content)
    result = run("import", str(bad))
    assert result.exit_code == 1
    assert message in result.output
    assert result.output.count("\n") == 1
    assert "Traceback" not in result.output
    assert _export(run) == before


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("add", "the 45th of Smarch", "x"), "cannot read 'the 45th of Smarch'"),
        (("add", "2012", "   "), "the title is empty"),
        (("import", "missing.csv"), "no such file"),
        (("edit", "1", "--date", "Smarch"), "bad date"),
    ],
)
def test_bad_arguments_are_one_line_and_change_nothing(run, args, message: str) -> None:
    run("add", "2012", "Already stored")
    before = _export(run)
    result = run(*args)
    assert result.exit_code == 1
    assert message in result.output
    assert result.output.count("\n") == 1
    assert _export(run) == before


def test_bad_database_paths(tmp_path: Path) -> None:
    runner = CliRunner()
    result = runner.invoke(cli, ["--db", str(tmp_path), "list"])
    assert (result.exit_code, "is a directory" in result.output) == (1, True)
    text_file = tmp_path / "notes.txt"
    text_file.write_text("not a database at all\n" * 50)
    result = runner.invoke(cli, ["--db", str(text_file), "list"])
    assert (result.exit_code, "not an SQLite database" in result.output) == (1, True)
    assert text_file.read_text() == "not a database at all\n" * 50


def test_newer_schema_is_refused_and_left_alone(db_path: Path, run) -> None:
    with Store.open(db_path) as store:
        store.add_event(NewEvent(title="kept", start="2012"))
    with sqlite3.connect(db_path) as conn:
        conn.execute("PRAGMA user_version = 42")
    result = run("list")
    assert result.exit_code == 1
    assert "newer" in result.output
    with sqlite3.connect(db_path) as conn:
        assert conn.execute("SELECT title FROM events").fetchall() == [("kept",)]


def test_db_from_environment(tmp_path: Path) -> None:
    target = tmp_path / "env.db"
    result = CliRunner().invoke(cli, ["add", "2012", "x"], env={"TIMELINE_DB": str(target)})
    assert result.exit_code == 0
    assert target.exists()


def test_every_command_has_help() -> None:
    for name, command in cli.commands.items():
        assert command.help, f"{name} has no help"


def test_export_to_a_pipe_writes_through_and_keeps_the_pipe(run, tmp_path: Path) -> None:
    import os
    import stat
    import threading

    run("add", "2012", "Previous visit")
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    received: list[str] = []
    reader = threading.Thread(target=lambda: received.append(fifo.read_text(encoding="utf-8")))
    reader.start()
    result = run("export", "-o", str(fifo))
    reader.join(timeout=10)
    assert result.exit_code == 0, result.output
    assert stat.S_ISFIFO(os.stat(fifo).st_mode)
    assert "Previous visit" in received[0]


def test_export_onto_the_database_itself_is_refused(run, db_path: Path) -> None:
    run("add", "2012", "Previous visit")
    result = run("export", "-o", str(db_path))
    assert result.exit_code == 1
    assert "is the database itself" in result.output
    with Store.open(db_path) as store:
        assert store.count() == 1


def test_import_of_a_spreadsheet_csv_with_bom(run, tmp_path: Path, db_path: Path) -> None:
    csv_file = tmp_path / "sheet.csv"
    csv_file.write_bytes(b'\xef\xbb\xbf"title","start"\r\nVisit,2012\r\n')
    result = run("import", str(csv_file))
    assert result.exit_code == 0, result.output
    with Store.open(db_path) as store:
        assert [e.title for e in store.page_after(None, 5)] == ["Visit"]
