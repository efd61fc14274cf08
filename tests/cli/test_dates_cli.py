"""Dates at the command line: `add` and `edit` read what ingest reads, `list` writes dates for
people (`44 BCE`, never `-0043`), and a year the store cannot keep is a one-line refusal."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from click.testing import CliRunner

from timeline.cli.main import cli


@pytest.fixture
def run(db_path: Path):
    runner = CliRunner()

    def invoke(*args: str):
        return runner.invoke(cli, ["--db", str(db_path), *args])

    return invoke


def _rows(db_path: Path) -> list[tuple[str, str | None, str | None, str, int]]:
    with sqlite3.connect(db_path) as conn:
        return conn.execute(
            'SELECT title, start, "end", precision, approximate FROM events ORDER BY sort, id'
        ).fetchall()


def test_add_and_list_dates_before_the_common_era(run, db_path: Path) -> None:
    for typed, title in [
        ("15 March 44 BC", "Senators meet at the theatre of Pellan"),
        ("the 3rd century BC", "Walls rise round Ostrava Minor"),
        ("AD 79", "Ash buries the port of Lessum"),
        ("spring 2027", "The ferry to Quenby returns"),
    ]:
        result = run("add", typed, title)
        assert result.exit_code == 0, result.output
    assert _rows(db_path) == [
        ("Walls rise round Ostrava Minor", "-0299", "-0200", "year", 1),
        ("Senators meet at the theatre of Pellan", "-0043-03-15", None, "day", 0),
        ("Ash buries the port of Lessum", "0079", None, "year", 0),
        ("The ferry to Quenby returns", "2027-03", "2027-05", "month", 1),
    ]
    listed = run("list")
    assert listed.exit_code == 0, listed.output
    lines = listed.output.splitlines()[1:]  # under the header
    assert "c. 300–201 BCE" in lines[0]
    assert "15 Mar 44 BCE" in lines[1]
    assert "-0043" not in listed.output and "-0299" not in listed.output
    assert "c. Mar–May 2027" in lines[3]


def test_edit_reads_a_season_and_a_year_range(run, db_path: Path) -> None:
    assert run("add", "2027", "Tram line to the airport opens").exit_code == 0
    result = run("edit", "1", "--date", "2027-2029")
    assert result.exit_code == 0, result.output
    assert _rows(db_path)[0][1:4] == ("2027", "2029", "year")


def test_a_new_date_is_as_approximate_as_it_was_typed(run, db_path: Path) -> None:
    """As in the form: "spring 2027" then "31 Aug 2027" is exact, not "c. 31 Aug 2027"."""
    assert run("add", "spring 2027", "The Quenby ferry returns").exit_code == 0
    assert run("edit", "1", "--date", "31 Aug 2027").exit_code == 0
    assert _rows(db_path)[0][1:] == ("2027-08-31", None, "day", 0)
    assert run("edit", "1", "--date", "c. Sep 2027").exit_code == 0
    assert _rows(db_path)[0][1:] == ("2027-09", None, "month", 1)
    assert run("edit", "1", "--date", "Oct 2027", "--approximate").exit_code == 0
    assert _rows(db_path)[0][1:] == ("2027-10", None, "month", 1)


@pytest.mark.parametrize("typed", ["12000 BC", "10500"])
def test_a_year_the_store_cannot_keep_is_refused(run, db_path: Path, typed: str) -> None:
    result = run("add", typed, "Something far away in time")
    assert result.exit_code != 0
    assert "outside what can be stored" in result.output
    assert len(result.output.strip().splitlines()) == 1
    assert not db_path.exists() or _rows(db_path) == []


def test_csv_cells_in_words_read_as_articles_read(run, db_path: Path, tmp_path: Path) -> None:
    sheet = tmp_path / "harbour.csv"
    sheet.write_text(
        "title,start\n"
        "Breakwater finished,spring 2027\n"
        "Lighthouse lit,Christmas 2028\n"
        "First pier built,the 3rd century BC\n",
        encoding="utf-8",
    )
    result = run("import", str(sheet))
    assert result.exit_code == 0, result.output
    assert _rows(db_path) == [
        ("First pier built", "-0299", "-0200", "year", 1),
        ("Breakwater finished", "2027-03", "2027-05", "month", 1),
        ("Lighthouse lit", "2028-12-25", None, "day", 0),
    ]
