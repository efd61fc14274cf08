"""What a user meets when things go wrong around `timeline`: Ctrl+C, a killed worker, a killed
parent, output to a full device, a foreign key, another writer. Each runs the real command in
its own process and checks the database afterwards."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from tests.cli.processes import (
    DEMO,
    ROOT,
    TIMELINE,
    alive,
    articles,
    needs_proc,
    sources,
    timeline,
    wait_for_workers,
)
from timeline.store import ConstraintFailed, NewEvent, Store


@needs_proc
def test_a_killed_worker_costs_no_other_article(tmp_path: Path) -> None:
    folder = articles(tmp_path / "news", 300)
    proc = timeline(tmp_path / "t.db", "ingest", str(folder), "--jobs", "2")
    workers = wait_for_workers(proc, 2)
    time.sleep(0.1)
    os.kill(workers[0], signal.SIGKILL)  # mid-run: 300 articles take well over a second
    _out, err = proc.communicate(timeout=300)
    assert "BrokenProcessPool" not in err and "Traceback" not in err
    assert proc.returncode == 0, err
    assert sources(tmp_path / "t.db") == 300


@needs_proc
def test_ctrl_c_ends_in_one_line_saying_what_was_kept(tmp_path: Path) -> None:
    folder = articles(tmp_path / "news", 400)
    proc = timeline(tmp_path / "t.db", "ingest", str(folder), "--jobs", "2")
    workers = wait_for_workers(proc, 2)
    time.sleep(0.3)
    proc.send_signal(signal.SIGINT)
    _out, err = proc.communicate(timeout=60)
    assert proc.returncode == 130, err
    assert "Traceback" not in err
    last = err.strip().splitlines()[-1]
    assert last.startswith("interrupted: ")
    if "article(s) were saved" in last:  # the count, once the first file was handed out
        assert sources(tmp_path / "t.db") == int(last.split()[1]) < 400
    time.sleep(0.5)
    assert not [pid for pid in workers if alive(pid)]


@needs_proc
def test_workers_end_with_a_killed_parent(tmp_path: Path) -> None:
    folder = articles(tmp_path / "news", 200)
    proc = timeline(tmp_path / "t.db", "ingest", str(folder), "--jobs", "2")
    workers = wait_for_workers(proc, 2)
    proc.kill()
    proc.communicate(timeout=30)
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline and any(alive(pid) for pid in workers):
        time.sleep(0.1)
    assert not [pid for pid in workers if alive(pid)]


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="needs /dev/full")
@pytest.mark.parametrize("command", [("list",), ("export",), ("list", "--format", "csv")])
def test_output_to_a_full_disk_is_one_line(tmp_path: Path, command: tuple[str, ...]) -> None:
    db = tmp_path / "t.db"
    with Store.open(db) as store:
        store.add_events(NewEvent(title=f"Event {n}", start="2020") for n in range(3000))
    with open("/dev/full", "w") as full:
        done = subprocess.run(
            [*TIMELINE, "--db", str(db), *command],
            cwd=ROOT,
            stdout=full,
            stderr=subprocess.PIPE,
            text=True,
        )
    assert done.returncode == 1
    assert (
        done.stderr.strip().splitlines() == [done.stderr.strip()]
        and "No space left on device" in done.stderr
    )


@pytest.mark.parametrize(
    "command", [("list",), ("export",), ("export", "-o", "-"), ("list", "--format", "jsonl")]
)
def test_a_reader_that_stops_early_ends_the_command_quietly(
    tmp_path: Path, command: tuple[str, ...]
) -> None:
    """`timeline list | head -1`: the closed pipe ends the command without a message, with the
    status a shell gives a process ended by SIGPIPE (141), and the database is untouched."""
    db = tmp_path / "t.db"
    with Store.open(db) as store:
        store.add_events(NewEvent(title=f"Event {n}", start="2020") for n in range(5000))
    process = timeline(db, *command)
    assert process.stdout is not None and process.stderr is not None
    assert process.stdout.readline()
    process.stdout.close()
    assert process.wait(timeout=60) == 141
    assert process.stderr.read() == ""
    with Store.open(db) as store:
        assert store.count() == 5000


def test_a_foreign_key_violation_is_a_store_error(store: Store) -> None:
    with pytest.raises(ConstraintFailed, match="nothing was saved"):
        store.add_event(NewEvent(title="Orphan", start="2020", source_id=999))
    assert store.count() == 0


def test_a_busy_writer_waits_for_the_other_and_says_so(db_path: Path) -> None:
    heard: list[str] = []
    with Store.open(db_path) as mine:
        mine.on_busy = heard.append
        other = sqlite3.connect(db_path, isolation_level=None, check_same_thread=False)
        other.execute("BEGIN IMMEDIATE")
        other.execute("INSERT INTO sources (sha256) VALUES ('x')")
        release = threading.Timer(1.6, lambda: other.execute("COMMIT"))
        release.start()
        try:
            event = mine.add_event(NewEvent(title="After the import", start="2020"))
        finally:
            release.join()
            other.close()
        assert mine.get_event(event.id).title == "After the import"
        assert heard == [f"waiting for another program writing to {db_path}…"]


_STOP_WHILE_LOADING = """
import importlib.abc, sys

class CtrlC(importlib.abc.MetaPathFinder):
    def find_spec(self, name, path, target=None):
        if name == "timeline.cli.main":
            raise KeyboardInterrupt
        return None

sys.meta_path.insert(0, CtrlC())
from timeline.cli.entry import main
main()
"""


def test_ctrl_c_while_the_command_is_still_loading_is_one_line_and_130(tmp_path: Path) -> None:
    """A Ctrl+C in the first tenth of a second lands while Python imports the command line."""
    db = tmp_path / "t.db"
    done = subprocess.run(
        [sys.executable, "-c", _STOP_WHILE_LOADING, "--db", str(db), "add", "2020", "x"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 130
    assert "Traceback" not in done.stderr
    assert done.stderr.strip().splitlines() == ["interrupted: nothing was changed"]
    assert not db.exists()


def test_the_count_a_ctrl_c_reports_leaves_out_articles_that_failed(tmp_path: Path) -> None:
    folder = tmp_path / "news"
    folder.mkdir()
    for n in range(12):  # sorted first: files that fail (not text)
        (folder / f"a{n:02d}.txt").write_bytes(b"\x00" * 64)
    for n in range(60):
        (folder / f"b{n:03d}.txt").write_text(f"{DEMO}\nUpdate number {n}.\n", encoding="utf-8")
    db = tmp_path / "t.db"
    proc = timeline(db, "ingest", str(folder))
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and not (db.exists() and _stored_sources(db) >= 2):
        time.sleep(0.05)
    proc.send_signal(signal.SIGINT)
    _out, err = proc.communicate(timeout=60)
    assert proc.returncode == 130, err
    last = err.strip().splitlines()[-1]
    assert last.startswith("interrupted: ") and "article(s) were saved" in last, last
    said = int(last.split()[1])
    assert said == sources(db) < 60


def _stored_sources(db: Path) -> int:
    """Articles stored so far, 0 while the schema is not yet there."""
    try:
        return sources(db)
    except sqlite3.Error:
        return 0


def test_ctrl_c_while_waiting_for_another_programs_lock_stops_at_once(tmp_path: Path) -> None:
    db = tmp_path / "t.db"
    Store.open(db).close()
    (tmp_path / "one.txt").write_text(DEMO, encoding="utf-8")
    other = sqlite3.connect(db, isolation_level=None)
    other.execute("BEGIN IMMEDIATE")
    try:
        proc = timeline(db, "ingest", str(tmp_path / "one.txt"))
        assert proc.stderr is not None
        line = proc.stderr.readline()  # said once the wait passes a second
        assert "waiting for another program" in line, line
        asked = time.monotonic()
        proc.send_signal(signal.SIGINT)
        _out, err = proc.communicate(timeout=20)
        took = time.monotonic() - asked
    finally:
        other.execute("ROLLBACK")
        other.close()
    assert proc.returncode == 130, err
    assert took < 5, f"stopped {took:.1f} s after Ctrl+C"
    assert err.strip().splitlines()[-1].startswith("interrupted: 0 of 1 article(s) were saved")
    assert sources(db) == 0


_TERM_WHILE_LOADING = """
import importlib.abc, os, signal, sys

class Term(importlib.abc.MetaPathFinder):
    def find_spec(self, name, path, target=None):
        if name == "timeline.cli.main":
            os.kill(os.getpid(), signal.SIGTERM)
        return None

sys.meta_path.insert(0, Term())
from timeline.cli.entry import main
main()
"""


def test_sigterm_while_the_command_is_still_loading_is_one_line_and_143(tmp_path: Path) -> None:
    db = tmp_path / "t.db"
    done = subprocess.run(
        [sys.executable, "-c", _TERM_WHILE_LOADING, "--db", str(db), "add", "2020", "x"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 143, done.stderr
    assert done.stderr.strip().splitlines() == ["stopped by SIGTERM: nothing was changed"]
    assert not db.exists()
