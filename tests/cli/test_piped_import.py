"""`timeline import` reads a pipe, a FIFO, `/dev/stdin` or `-` exactly once: every row of
an export piped into a new database arrives, and the new database exports the same text."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from timeline.store import NewEvent, Store

ROOT = Path(__file__).resolve().parent.parent.parent
TIMELINE = [sys.executable, "-c", "from timeline.cli.entry import main; main()"]
COUNT = 500


def run(db: Path, *args: str, data: bytes = b"") -> subprocess.CompletedProcess[bytes]:
    """Run `timeline --db DB ARGS...` in its own process, `data` on a real pipe as its stdin."""
    return subprocess.run(
        [*TIMELINE, "--db", str(db), *args], cwd=ROOT, input=data, capture_output=True, timeout=120
    )


@pytest.fixture(scope="module")
def exports(tmp_path_factory: pytest.TempPathFactory) -> dict[str, bytes]:
    """A database of 500 events (far more than one 64 KiB read) exported as JSON Lines and CSV."""
    db = tmp_path_factory.mktemp("source") / "source.db"
    with Store.open(db) as store:
        store.add_events(
            NewEvent(
                title=f"Ferry number {n} leaves Quillport",
                start=f"20{n % 30:02d}-0{n % 9 + 1}-1{n % 10}",
                details=f"The crossing to Ebbholm took {n} minutes; " + "calm water. " * 20,
                tags=("ferry", f"pier-{n % 7}"),
            )
            for n in range(COUNT)
        )
    out = {fmt: run(db, "export", "--format", fmt).stdout for fmt in ("jsonl", "csv")}
    assert all(len(text) > 2 * 65536 for text in out.values()), out["csv"][:300]
    return out


def _count(db: Path) -> int:
    with sqlite3.connect(db) as conn:
        count: int = conn.execute("SELECT count(*) FROM events").fetchone()[0]
    return count


@pytest.mark.parametrize("fmt", ["jsonl", "csv"])
@pytest.mark.parametrize("name", ["-", "/dev/stdin"])
def test_an_export_piped_into_import_arrives_whole(
    tmp_path: Path, exports: dict[str, bytes], fmt: str, name: str
) -> None:
    db = tmp_path / "copy.db"
    done = run(db, "import", "--format", fmt, name, data=exports[fmt])
    assert done.returncode == 0, done.stderr
    assert f"imported {COUNT} events".encode() in done.stderr
    assert _count(db) == COUNT
    assert run(db, "export", "--format", fmt).stdout == exports[fmt]


@pytest.mark.parametrize("fmt", ["jsonl", "csv"])
def test_a_fifo_is_imported_whole(tmp_path: Path, exports: dict[str, bytes], fmt: str) -> None:
    fifo = tmp_path / "events.pipe"
    os.mkfifo(fifo)

    def feed() -> None:
        with open(fifo, "wb") as out:
            out.write(exports[fmt])

    writer = threading.Thread(target=feed, daemon=True)
    writer.start()
    db = tmp_path / "copy.db"
    done = run(db, "import", "--format", fmt, str(fifo))
    writer.join(timeout=60)
    assert done.returncode == 0, done.stderr
    assert _count(db) == COUNT
    assert run(db, "export", "--format", fmt).stdout == exports[fmt]


def test_binary_data_on_stdin_is_still_refused(tmp_path: Path) -> None:
    done = run(tmp_path / "t.db", "import", "-", data=b"title,start\r\nA\x00B,2020\r\n")
    assert done.returncode == 1
    assert b"standard input: binary data, not a CSV file" in done.stderr
