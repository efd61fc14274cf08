"""`timeline import` and `timeline add` take only what an export can give back, and say why
in one line, with nothing stored."""

from __future__ import annotations

import sqlite3
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from timeline.cli.main import cli

HEADER = "title,start,end\r\n"


def _count(db: Path) -> int:
    if not db.exists():
        return 0
    with sqlite3.connect(db) as conn:
        return conn.execute("SELECT count(*) FROM events").fetchone()[0]


def _import(tmp_path: Path, body: str) -> tuple[int, str, int]:
    db = tmp_path / "t.db"
    path = tmp_path / "in.csv"
    path.write_text(HEADER + body, encoding="utf-8", newline="")
    result = CliRunner().invoke(cli, ["--db", str(db), "import", str(path)])
    return result.exit_code, result.output, _count(db)


@pytest.mark.parametrize(
    ("row", "said"),
    [
        ("Caesar,-0044-02-31,\r\n", "'-0044-02-31' is not a date in the calendar"),
        ("Nothing,-0000,\r\n", "no year -0000"),
        ("Late,2022-08-31T14:30:59,\r\n", "seconds and time zones are not kept"),
        ("Zoned,2022-08-31T14:30Z,\r\n", "seconds and time zones are not kept"),
        ("Short,22-01-01,\r\n", "two-digit year is ambiguous"),
        (
            "Bell,2022,\r\nRing \x07 here,2023,\r\n",
            "line 3, column title: control character U+0007",
        ),
    ],
)
def test_a_bad_row_is_refused_in_one_line_and_nothing_is_stored(
    tmp_path: Path, row: str, said: str
) -> None:
    code, output, stored = _import(tmp_path, row)
    assert code == 1 and stored == 0
    assert said in output
    assert [line for line in output.splitlines() if not line.startswith("created")] == [
        output.splitlines()[-1]
    ]


def test_exact_seconds_as_an_export_writes_them_are_taken(tmp_path: Path) -> None:
    code, output, stored = _import(tmp_path, "On time,2022-08-31T14:30:00,\r\n")
    assert (code, stored) == (0, 1), output


def test_a_nul_byte_far_into_the_file_is_refused(tmp_path: Path) -> None:
    rows = "".join(f"Event {n},2020,\r\n" for n in range(8000))  # past the first 64 KB
    code, output, stored = _import(tmp_path, rows + "Bad \x00 row,2021,\r\n")
    assert code == 1 and stored == 0
    assert "line 8002, column title: control character U+0000" in output


def test_an_id_past_what_readers_hold_exactly_is_refused(tmp_path: Path) -> None:
    db = tmp_path / "t.db"
    path = tmp_path / "ids.csv"
    path.write_text("id,title,start\r\n9223372036854775807,Huge,2020\r\n", encoding="utf-8")
    result = CliRunner().invoke(cli, ["--db", str(db), "import", str(path)])
    assert result.exit_code == 1 and "too large" in result.output
    assert _count(db) == 0


def test_a_huge_date_cell_is_refused_at_once_without_echoing_it(tmp_path: Path) -> None:
    started = time.monotonic()
    code, output, stored = _import(tmp_path, "Huge," + "31 August " * 1_000_000 + ",\r\n")
    assert code == 1 and stored == 0
    assert time.monotonic() - started < 10
    assert len(output) < 300 and "too long for a date" in output


@pytest.mark.parametrize(
    ("typed", "said"),
    [
        ("2022-08-31 14:30:59", "seconds and time zones are not kept"),
        ("22-01-01", "two-digit year is ambiguous"),
    ],
)
def test_typed_dates_that_would_lose_something_are_refused(
    tmp_path: Path, typed: str, said: str
) -> None:
    result = CliRunner().invoke(cli, ["--db", str(tmp_path / "t.db"), "add", typed, "Title"])
    assert result.exit_code == 1 and said in result.output
    assert _count(tmp_path / "t.db") == 0
