"""Files that are not ours are refused in one line and left exactly as they were: an empty
SQLite file another program stamped, a foreign database with a hot journal, devices, and
`:memory:` (which would take the events and lose them)."""

from __future__ import annotations

import hashlib
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from timeline.cli.main import cli


def digest(path: Path) -> str:
    """sha256 of a file's bytes."""
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.mark.parametrize("version", [1, 7])
@pytest.mark.parametrize("command", [["list"], ["add", "2020", "Quay opens"], ["export"]])
def test_an_empty_sqlite_file_another_program_stamped_is_refused_untouched(
    tmp_path: Path, version: int, command: list[str]
) -> None:
    path = tmp_path / "theirs.db"
    conn = sqlite3.connect(path)
    conn.execute(f"PRAGMA user_version = {version}")
    conn.close()
    before = digest(path)
    result = CliRunner().invoke(cli, ["--db", str(path), *command])
    assert result.exit_code == 1
    assert result.output.strip().splitlines()[-1] == (
        f"Error: {path} is another program's SQLite database (user_version {version}, "
        "no tables yet); timeline will not change it"
    )
    assert digest(path) == before
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith("theirs")] == ["theirs.db"]


_HALF_WRITTEN = """
import os, sqlite3, sys
conn = sqlite3.connect(sys.argv[1], isolation_level=None)
conn.execute("PRAGMA journal_mode = DELETE")
conn.execute("PRAGMA cache_size = 1")
conn.execute("BEGIN")
conn.execute("UPDATE parts SET name = upper(name) || randomblob(200)")
os._exit(0)  # dies mid-transaction: pages spilled into the file, a hot journal beside it
"""


def test_a_foreign_database_with_a_hot_journal_is_refused_before_it_is_rolled_back(
    tmp_path: Path,
) -> None:
    path = tmp_path / "parts.db"
    with sqlite3.connect(path) as conn:
        conn.execute("CREATE TABLE parts (id INTEGER PRIMARY KEY, name TEXT)")
        conn.executemany(
            "INSERT INTO parts (name) VALUES (?)", [(f"cog {n}",) for n in range(3000)]
        )
    subprocess.run([sys.executable, "-c", _HALF_WRITTEN, str(path)], check=True, timeout=60)
    journal = path.with_name("parts.db-journal")
    assert journal.exists() and journal.stat().st_size > 0
    before = (digest(path), digest(journal))
    result = CliRunner().invoke(cli, ["--db", str(path), "list"])
    assert result.exit_code == 1
    assert "another program's SQLite database (tables: parts)" in result.output
    assert (digest(path), digest(journal)) == before


@pytest.mark.parametrize("device", ["/dev/null", "/dev/zero", "/dev/full"])
def test_a_device_is_no_database(device: str) -> None:
    if not Path(device).exists():
        pytest.skip(f"no {device} here")
    result = CliRunner().invoke(cli, ["--db", device, "add", "2020", "Quay opens"])
    assert result.exit_code == 1
    assert (
        result.output.strip() == f"Error: {device} is not a regular file (a device, FIFO or socket)"
    )
    assert not Path(device + "-journal").exists()


def test_memory_is_refused_rather_than_losing_what_is_added() -> None:
    result = CliRunner().invoke(cli, ["--db", ":memory:", "add", "2020", "Quay opens"])
    assert result.exit_code == 1
    assert result.output.strip() == (
        "Error: :memory:: timeline keeps events in a database file; give its path"
    )
    assert not Path(":memory:").exists()
