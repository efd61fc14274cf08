"""Stopping a large CSV import (Ctrl+C, SIGTERM, SIGHUP, a killed parent, a stop during COMMIT):
one line, its worker process ended, and nothing or everything kept."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.cli.processes import (
    ROOT,
    TIMELINE,
    alive,
    children,
    needs_proc,
)
from timeline.store import Store


def big_csv(path: Path, rows: int) -> Path:
    """A CSV file large enough that `timeline import` reads it in a worker process."""
    with open(path, "w", encoding="utf-8", newline="") as out:
        out.write("title,start,details\r\n")
        for n in range(rows):
            out.write(f"Harbour item {n},{1900 + n % 120},Crane {n} moved\r\n")
    return path


def import_with_worker(tmp_path: Path) -> tuple[subprocess.Popen[str], int]:
    """Start `timeline import` of a large file in its own process group (as a terminal runs
    it); returns the process and its CSV worker once it has one."""
    path = big_csv(tmp_path / "big.csv", 300_000)
    proc = subprocess.Popen(
        [*TIMELINE, "--db", str(tmp_path / "t.db"), "import", str(path)],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=True,
        env={**os.environ, "TIMELINE_IMPORT_WORKER": "always"},  # whether or not a core is idle
    )
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline and proc.poll() is None:
        if workers := children(proc.pid):
            return proc, workers[0]
        time.sleep(0.01)
    proc.kill()
    raise AssertionError(f"the import started no worker: {proc.communicate()[1]}")


def events(db: Path) -> int:
    """How many events are stored (0 when the database was never made)."""
    if not db.exists():
        return 0
    with sqlite3.connect(db) as conn:
        return conn.execute("SELECT count(*) FROM events").fetchone()[0]


def gone(pid: int) -> bool:
    """Whether a process has ended, waiting up to ten seconds."""
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline and alive(pid):
        time.sleep(0.05)
    return not alive(pid)


@needs_proc
def test_ctrl_c_during_a_large_import_stops_its_worker_and_keeps_nothing(tmp_path: Path) -> None:
    proc, worker = import_with_worker(tmp_path)
    os.killpg(proc.pid, signal.SIGINT)  # Ctrl+C reaches the whole group, worker included
    _out, err = proc.communicate(timeout=60)
    assert proc.returncode == 130, err
    assert "Traceback" not in err
    assert err.strip().splitlines()[-1] == (
        "interrupted: nothing was imported (an import is all or nothing)"
    )
    assert events(tmp_path / "t.db") == 0
    assert gone(worker)


@needs_proc
def test_the_csv_worker_ends_with_a_killed_import(tmp_path: Path) -> None:
    proc, worker = import_with_worker(tmp_path)
    proc.kill()
    proc.communicate(timeout=30)
    assert gone(worker)
    assert events(tmp_path / "t.db") == 0


_STOP_DURING_COMMIT = """
import os, signal, sys
from timeline.store.store import Store

opened = Store.open.__func__

def open_and_watch(cls, path, **kw):
    store = opened(cls, path, **kw)
    def on_statement(sql):
        if sql == "COMMIT":
            os.kill(os.getpid(), signal.SIG{name})
    store.db.conn.set_trace_callback(on_statement)
    return store

Store.open = classmethod(open_and_watch)
from timeline.cli.entry import main
main()
"""
"""Runs `timeline` with a stop signal sent to itself as SQLite starts the import's COMMIT."""


@pytest.mark.parametrize(("name", "status"), [("INT", 130), ("TERM", 143), ("HUP", 129)])
def test_a_stop_during_the_commit_reports_the_import_as_committed(
    tmp_path: Path, name: str, status: int
) -> None:
    db = tmp_path / "t.db"
    Store.open(db).close()
    csv = tmp_path / "three.csv"
    csv.write_text("title,start\r\nMill opens,1901\r\nMill floods,1903\r\nMill closes,1910\r\n")
    done = subprocess.run(
        [
            sys.executable,
            "-c",
            _STOP_DURING_COMMIT.replace("{name}", name),
            "--db",
            str(db),
            "import",
            str(csv),
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert "Traceback" not in done.stderr
    assert done.returncode == status, done.stderr
    assert events(db) == 3
    last = done.stderr.strip().splitlines()[-1]
    assert last.endswith(f"the import was already committed: 3 events imported from {csv}")


@needs_proc
@pytest.mark.parametrize(("sig", "status"), [(signal.SIGTERM, 143), (signal.SIGHUP, 129)])
def test_sigterm_and_sighup_stop_an_import_in_one_line_keeping_nothing(
    tmp_path: Path, sig: signal.Signals, status: int
) -> None:
    proc, worker = import_with_worker(tmp_path)
    proc.send_signal(sig)
    _out, err = proc.communicate(timeout=60)
    assert proc.returncode == status, err
    assert "Traceback" not in err
    assert err.strip().splitlines()[-1] == (
        f"stopped by {sig.name}: nothing was imported (an import is all or nothing)"
    )
    assert events(tmp_path / "t.db") == 0
    assert gone(worker)
