"""A command that fails leaves no file of its own behind: no new empty database after a failed
import into a path that did not exist, no empty metadata file after a failed write."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from timeline.cli.main import cli


@pytest.mark.parametrize(
    "content",
    [
        "title,start\r\nLock gate fitted,1904\r\nLock gate rusted,not a date at all\r\n",
        "start\r\n1904\r\n",  # no title column
        '{"title": "Lock gate fitted", "start": "1904"}\n{"title": \n',
    ],
)
def test_a_failed_import_into_a_new_path_leaves_no_database(tmp_path: Path, content: str) -> None:
    source = tmp_path / ("in.jsonl" if content.startswith("{") else "in.csv")
    source.write_text(content, encoding="utf-8")
    db = tmp_path / "new" / "t.db"
    result = CliRunner().invoke(cli, ["--db", str(db), "import", str(source)])
    assert result.exit_code == 1
    assert len(result.output.strip().splitlines()) == 1, result.output
    assert "created a new database" not in result.output
    assert not [p.name for p in db.parent.glob("t.db*")]


def test_a_successful_import_into_a_new_path_says_it_created_it(tmp_path: Path) -> None:
    source = tmp_path / "in.csv"
    source.write_text("title,start\r\nLock gate fitted,1904\r\n", encoding="utf-8")
    db = tmp_path / "t.db"
    result = CliRunner().invoke(cli, ["--db", str(db), "import", str(source)])
    assert result.exit_code == 0, result.output
    assert result.stderr.splitlines() == [
        f"created a new database at {db}",
        f"imported 1 event from {source}",
    ]
    assert db.exists()


def test_metadata_that_cannot_be_written_leaves_no_empty_file(tmp_path: Path) -> None:
    db = tmp_path / "t.db"
    CliRunner().invoke(cli, ["--db", str(db), "add", "1904", "Lock gate fitted"])
    target = tmp_path / "meta.json"
    target.mkdir()  # the rename into place fails, as a full disk fails the write
    result = CliRunner().invoke(cli, ["--db", str(db), "datasette-metadata", "-o", str(target)])
    assert result.exit_code == 1
    assert result.output.startswith(f"Error: cannot write {target}")
    assert sorted(p.name for p in tmp_path.iterdir() if "meta" in p.name) == ["meta.json"]
