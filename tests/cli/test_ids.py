"""Ids typed on the command line: ASCII digits within SQLite's range, else one usage error and
nothing changed (an id of 2^63 used to end in an OverflowError traceback)."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from click.testing import CliRunner

from timeline.cli.main import cli
from timeline.store import NewEvent, Store


@pytest.fixture
def seeded(db_path: Path) -> Path:
    """A database with one event (id 1) from one source (id 1)."""
    with Store.open(db_path) as store:
        store.add_event(NewEvent(title="Bell tower reopens in Varnby", start="2024-05-02"))
    return db_path


def _titles(db: Path) -> list[str]:
    with sqlite3.connect(db) as conn:
        return [row[0] for row in conn.execute("SELECT title FROM events")]


@pytest.mark.parametrize(
    "args",
    [
        ["edit", "9223372036854775808", "--title", "Changed"],
        ["edit", str(2**70), "--title", "Changed"],
        ["delete", "9223372036854775808"],
        ["delete", "--source", "18446744073709551616"],
        ["delete", "\u0661"],  # Arabic-Indic one: int() would read it as event 1
        ["edit", "\uff11", "--title", "Changed"],  # full-width one
        ["delete", "0"],
    ],
)
def test_an_id_out_of_range_or_in_other_digits_is_refused(seeded: Path, args: list[str]) -> None:
    result = CliRunner().invoke(cli, ["--db", str(seeded), *args])
    assert result.exit_code == 2, result.output
    assert not isinstance(result.exception, OverflowError)
    assert "is not an id" in result.output
    assert _titles(seeded) == ["Bell tower reopens in Varnby"]


def test_a_largest_possible_id_is_simply_not_found(seeded: Path) -> None:
    result = CliRunner().invoke(cli, ["--db", str(seeded), "delete", str(2**63 - 1)])
    assert result.exit_code == 1
    assert result.output.strip().splitlines()[-1].startswith("Error: no event")
    assert _titles(seeded) == ["Bell tower reopens in Varnby"]


@pytest.mark.parametrize(
    "typed", ["\u0662\u0660\u0662\u0662", "\u0968\u0966\u0968\u0968-\u0966\u0969"]
)
def test_a_date_typed_in_other_digits_is_stored_in_ascii_or_refused(
    db_path: Path, typed: str
) -> None:
    CliRunner().invoke(cli, ["--db", str(db_path), "add", typed, "Harvest fair"])
    with sqlite3.connect(db_path) as conn:
        starts = [row[0] for row in conn.execute("SELECT start FROM events")]
    assert all(start is None or start.isascii() for start in starts), starts


@pytest.mark.parametrize("published", ["0000-01-01", "-0043-03-15"])
def test_a_publication_date_before_year_one_is_a_usage_error(
    tmp_path: Path, published: str
) -> None:
    article = tmp_path / "a.txt"
    article.write_text("Quay reopens\n\nThe quay reopened on Monday.\n", encoding="utf-8")
    db = tmp_path / "t.db"
    result = CliRunner().invoke(
        cli, ["--db", str(db), "ingest", f"--published={published}", str(article)]
    )
    assert result.exit_code == 2, result.output
    assert isinstance(result.exception, SystemExit)
    assert "a publication date is in the years 1 to 9999" in result.output
