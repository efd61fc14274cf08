"""The signal cases: kill -9, Ctrl+C, SIGTERM and SIGHUP at each stage of an import and of a
parallel ingest, during COMMIT and while waiting for a lock; a killed worker."""

from __future__ import annotations

import contextlib
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

from fault_cases.harness import (
    QUICK,
    ROOT,
    alive,
    db_state,
    demo_article,
    descendants,
    one_line_error,
    record,
    run,
    start,
    write_csv,
)

# -- import: kill -9 and Ctrl+C at each stage ------------------------------------------------


def import_faults(work: Path) -> None:
    """Interrupt an import at fractions of its duration; the database is all or nothing."""
    rows = 60_000 if QUICK else 300_000
    csv_path = work / "big.csv"
    write_csv(csv_path, rows)
    probe = work / "probe.db"
    began = time.monotonic()
    run(probe, "import", str(csv_path))
    duration = time.monotonic() - began
    fractions = [0.1, 0.3, 0.5, 0.7, 0.85, 0.95] if QUICK else [i / 14 for i in range(1, 14)]
    for how, sig in (
        ("kill -9 during import", signal.SIGKILL),
        ("Ctrl+C during import", signal.SIGINT),
    ):
        for at in fractions:
            for existing in (0, 50):
                db = work / f"imp-{sig}-{at:.2f}-{existing}.db"
                if existing:
                    run(db, "add", "2020", "Already here")
                proc = start(db, "import", str(csv_path))
                time.sleep(duration * at)
                proc.send_signal(sig)
                _, err = proc.communicate(timeout=120)
                base = 1 if existing else 0
                if not db.exists():  # stopped before the database was created: nothing to lose
                    record(how, one_line_error(err) if sig == signal.SIGINT else None)
                    continue
                verdict, count = db_state(db)
                problem = None
                if verdict != "ok":
                    problem = f"integrity: {verdict}"
                elif count not in (base, base + rows):
                    problem = f"half an import: {count} events"
                elif sig == signal.SIGINT and proc.returncode == -signal.SIGINT and not err:
                    problem = None  # stopped while Python itself started: a shell says 130
                elif sig == signal.SIGINT and proc.returncode not in (0, 130):
                    problem = f"exit {proc.returncode}"
                elif (
                    sig == signal.SIGINT
                    and proc.returncode == 130
                    and not err.strip().splitlines()[-1].startswith("interrupted: ")
                ):
                    problem = "no 'interrupted:' line"
                else:
                    problem = one_line_error(err)
                record(how, problem)


# -- ingest: kill -9 / Ctrl+C of the parent, a killed worker ----------------------------------


def articles(folder: Path, count: int) -> Path:
    """Distinct copies of the demo article."""
    demo = (ROOT / "ingest" / "data" / "demo-article.txt").read_text(encoding="utf-8")
    folder.mkdir()
    for n in range(count):
        (folder / f"a{n:03d}.txt").write_text(f"{demo}\nUpdate {n}.\n", encoding="utf-8")
    return folder


def ingest_faults(work: Path) -> None:
    """Stop a parallel ingest at stages; every article is saved whole or not at all, no
    process stays behind, and a killed worker costs no other article."""
    count = 150 if QUICK else 400
    folder = articles(work / "news", count)
    for how, sig in (
        ("kill -9 of ingest --jobs 2", signal.SIGKILL),
        ("Ctrl+C of ingest --jobs 2", signal.SIGINT),
    ):
        for delay in (
            (0.05, 0.3, 0.6, 1.0, 1.5) if QUICK else (0.05, 0.2, 0.4, 0.6, 0.8, 1.0, 1.3, 1.6, 2.0)
        ):
            db = work / f"ing-{sig}-{delay}.db"
            proc = start(db, "ingest", str(folder), "--jobs", "2")
            time.sleep(delay)
            family = descendants(proc.pid)
            proc.send_signal(sig)
            _, err = proc.communicate(timeout=120)
            time.sleep(0.5)
            left = [pid for pid in family if alive(pid)]
            problem = None
            if left:
                problem = f"{len(left)} process(es) left behind"
                for pid in left:
                    os.kill(pid, signal.SIGKILL)
            elif db.exists():
                verdict, _ = db_state(db)
                with sqlite3.connect(db) as conn:
                    made = conn.execute(
                        "SELECT count(*) FROM sqlite_master WHERE name = 'sources'"
                    ).fetchone()[0]
                    partial = (
                        made
                        and conn.execute(
                            "SELECT count(*) FROM sources s WHERE NOT EXISTS "
                            "(SELECT 1 FROM events e WHERE e.source_id = s.id)"
                        ).fetchone()[0]
                    )
                if verdict != "ok":
                    problem = f"integrity: {verdict}"
                elif partial:
                    problem = f"{partial} article(s) saved without events"
                elif sig == signal.SIGINT:
                    problem = one_line_error(err)
                    if proc.returncode != 130 and proc.returncode != 0:
                        problem = problem or f"exit {proc.returncode}"
            record(how, problem)
    for delay in (0.05, 0.2, 0.5) if QUICK else (0.05, 0.1, 0.2, 0.4, 0.6, 0.8):
        db = work / f"worker-{delay}.db"
        proc = start(db, "ingest", str(folder), "--jobs", "2")
        deadline = time.monotonic() + 20
        while len(descendants(proc.pid)) < 2 and time.monotonic() < deadline:
            time.sleep(0.02)
        time.sleep(delay)
        workers = descendants(proc.pid)
        if workers:
            with contextlib.suppress(ProcessLookupError):
                os.kill(workers[0], signal.SIGKILL)
        _, err = proc.communicate(timeout=300)
        with sqlite3.connect(db) as conn:
            sources = conn.execute("SELECT count(*) FROM sources").fetchone()[0]
        problem = None
        if proc.returncode != 0 or sources != count:
            problem = f"exit {proc.returncode}, {sources} of {count} articles"
        record("kill -9 of one ingest worker", problem or one_line_error(err))


# -- the signal faults of issue 19, one case each ----------------------------------------------

_STOP_AT_COMMIT = """
import os, signal
from timeline.store.store import Store
opened = Store.open.__func__
def watch(cls, path, **kw):
    store = opened(cls, path, **kw)
    store.db.conn.set_trace_callback(
        lambda sql: os.kill(os.getpid(), signal.SIG{name}) if sql == "COMMIT" else None)
    return store
Store.open = classmethod(watch)
from timeline.cli.entry import main
main()
"""
"""timeline run by a Python that sends itself SIG{name} when its store commits."""


def _sources(db: Path) -> int:
    """Articles stored so far (0 before the schema exists)."""
    try:
        with sqlite3.connect(f"file:{db}?mode=ro", uri=True) as conn:
            count: int = conn.execute("SELECT count(*) FROM sources").fetchone()[0]
            return count
    except sqlite3.Error:
        return 0


def stop_at_commit(work: Path, name: str, status: int) -> str | None:
    """A signal while the import's COMMIT runs: the import is whole and said so."""
    db = work / f"commit-{name}.db"
    run(db, "add", "2020", "x")
    csv = work / "three.csv"
    csv.write_text("title,start\r\nA,1901\r\nB,1902\r\nC,1903\r\n")
    done = subprocess.run(
        [
            sys.executable,
            "-c",
            _STOP_AT_COMMIT.replace("{name}", name),
            "--db",
            str(db),
            "import",
            str(csv),
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )
    last = (done.stderr.strip().splitlines() or [""])[-1]
    if done.returncode != status or "already committed: 3 events" not in last:
        return f"exit {done.returncode}: {last[:70]}"
    return None if db_state(db)[1] == 4 else f"{db_state(db)[1]} events"


def term_import(work: Path, sig: signal.Signals, status: int) -> str | None:
    """SIGTERM or SIGHUP during a long import: nothing half-done, a one-line word."""
    db = work / f"term-{sig}.db"
    big = work / "term.csv"
    if not big.exists():
        write_csv(big, 200_000)
    proc = start(db, "import", str(big))
    time.sleep(1.0)
    proc.send_signal(sig)
    _, err = proc.communicate(timeout=120)
    count = db_state(db)[1] if db.exists() else 0
    if proc.returncode == 0:
        return None if count == 200_000 else f"exit 0 with {count} events"
    if proc.returncode != status or not err.strip().splitlines()[-1].startswith(
        f"stopped by {sig.name}"
    ):
        return f"exit {proc.returncode}: {err.strip()[-70:]}"
    return None if count in (0, -1) else f"half an import: {count}"


def saved_count(work: Path) -> str | None:
    """After Ctrl+C, ingest says as many saved articles as it stored."""
    demo = demo_article()
    folder = work / "mixed"
    folder.mkdir()
    for n in range(12):
        (folder / f"a{n:02d}.txt").write_bytes(b"\x00" * 64)
    for n in range(60):
        (folder / f"b{n:03d}.txt").write_text(f"{demo}\nUpdate {n}.\n", encoding="utf-8")
    db = work / "mixed.db"
    proc = start(db, "ingest", str(folder))
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and _sources(db) < 2:
        time.sleep(0.05)
    proc.send_signal(signal.SIGINT)
    _, err = proc.communicate(timeout=60)
    last = err.strip().splitlines()[-1]
    with sqlite3.connect(db) as conn:
        stored = conn.execute("SELECT count(*) FROM sources").fetchone()[0]
    said = int(last.split()[1]) if "were saved" in last else -1
    return None if said == stored else f"said {said}, stored {stored}"


def lock_wait(work: Path) -> str | None:
    """Ctrl+C while waiting for another program's write lock stops at once."""
    demo = demo_article()
    db = work / "locked.db"
    run(db, "add", "2020", "x")
    article = work / "one.txt"
    article.write_text(demo, encoding="utf-8")
    other = sqlite3.connect(db, isolation_level=None)
    other.execute("BEGIN IMMEDIATE")
    try:
        proc = start(db, "ingest", str(article))
        time.sleep(2.0)
        asked = time.monotonic()
        proc.send_signal(signal.SIGINT)
        proc.communicate(timeout=60)
        took = time.monotonic() - asked
    finally:
        other.execute("ROLLBACK")
        other.close()
    with sqlite3.connect(db) as conn:
        saved = conn.execute("SELECT count(*) FROM sources").fetchone()[0]
    return None if took < 3 and saved == 0 else f"stopped after {took:.1f} s, {saved} saved"
