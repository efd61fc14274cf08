"""The database-file cases: foreign, future-version, truncated and corrupted files, rows another
program wrote, devices and files left behind; what is not ours stays untouched."""

from __future__ import annotations

import os
import random
import shutil
import sqlite3
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

from fault_cases.harness import (
    QUICK,
    digest,
    one_line_error,
    record,
    results,
    run,
    write_csv,
)


def odd_databases(work: Path) -> None:
    """Foreign, future-version, truncated and corrupted files: one line, foreign ones untouched."""
    cases: list[tuple[str, Callable[[Path], None], bool]] = []

    def foreign(version: int, app_id: int = 0) -> Callable[[Path], None]:
        def make(path: Path) -> None:
            with sqlite3.connect(path) as conn:
                conn.execute("CREATE TABLE things (id INTEGER PRIMARY KEY, name TEXT)")
                conn.execute(f"PRAGMA user_version = {version}")
                conn.execute(f"PRAGMA application_id = {app_id}")

        return make

    for version in (0, 1, 2, 5, 99):
        cases.append((f"foreign user_version {version}", foreign(version), True))
    cases.append(("GeoPackage", foreign(0, 0x47504B47), True))

    def future(path: Path) -> None:
        run(path, "add", "2020", "x")
        with sqlite3.connect(path) as conn:
            conn.execute("PRAGMA user_version = 99")
            conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")  # its bytes settled before we look

    cases.append(("newer timeline", future, True))
    source = work / "source.db"
    write_csv(work / "odd.csv", 5000)
    run(source, "import", str(work / "odd.csv"))
    with sqlite3.connect(source) as conn:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    size = source.stat().st_size
    for cut in (100, 4096, size // 3, size // 2, size - 4096):

        def truncated(path: Path, cut: int = cut) -> None:
            shutil.copy(source, path)
            with open(path, "r+b") as raw:
                raw.truncate(cut)

        cases.append((f"truncated at {cut}", truncated, False))
    rng = random.Random(7)
    for n in range(6 if QUICK else 20):

        def corrupted(path: Path, seed: int = n) -> None:
            shutil.copy(source, path)
            local = random.Random(seed)
            with open(path, "r+b") as raw:
                for _ in range(3):
                    raw.seek(local.randrange(100, size - 600))
                    raw.write(os.urandom(local.randrange(16, 600)))

        cases.append((f"corrupted #{n}", corrupted, False))
    rng.random()
    for name, make, untouched in cases:
        path = work / f"odd-{len(results.get('odd', []))}-{name.replace(' ', '_')}.db"
        make(path)
        before = digest(path)
        problems = []
        for command in (
            ["list"],
            ["export"],
            ["list", "--search", "harbour"],
            ["add", "2020", "y"],
        ):
            done = run(path, *command)
            if "Traceback" in done.stderr:
                problems.append(
                    f"{command[0]}: traceback " + done.stderr.strip().splitlines()[-1][:60]
                )
            elif done.returncode not in (0, 1):
                problems.append(f"{command[0]}: exit {done.returncode}")
            elif done.returncode == 1 and len(done.stderr.strip().splitlines()) != 1:
                problems.append(f"{command[0]}: {len(done.stderr.splitlines())} lines")
        if untouched and digest(path) != before:
            problems.append(f"{name}: the file was changed")
        kind = "foreign / newer database" if untouched else "truncated / corrupted database"
        record(kind, "; ".join(problems) or None)


_ROW = "INSERT INTO events (title, start, precision, sort) VALUES "
"""How another program adds a row to our events table, in the faults below."""


def _sqlite_header(path: Path, version: int) -> None:
    """An empty SQLite file another program stamped with a user_version."""
    conn = sqlite3.connect(path)
    conn.execute(f"PRAGMA user_version = {version}")
    conn.close()


def tracebacks(work: Path) -> str | None:
    """Odd references, --published years and rows another program wrote: no traceback."""
    page = work / "ref.html"
    page.write_text("<p>On 3 May 2020 the &#" + "9" * 100_000 + "; mill closed.</p>")
    db = work / "tb.db"
    run(db, "add", "2020", "Sound")
    with sqlite3.connect(db) as conn:
        conn.execute(_ROW + "('g', 'garbage', 'day', '1garbage')")
        conn.execute(_ROW + "('m', '2020-13-45', 'day', '12020-13-45')")
        conn.execute(
            _ROW + "(?, '2021', 'year', '12021')",
            (b"Blob\xfftitle",),
        )
        conn.execute("INSERT INTO sources (sha256, title) VALUES ('x', CAST(X'41ff42' AS TEXT))")
        conn.execute(
            "UPDATE events SET source_id = (SELECT max(id) FROM sources) WHERE title = 'g'"
        )
    runs = [
        run(work / "none.db", "extract", str(page)),
        run(work / "p.db", "ingest", "--published", "0000-01-01", str(page)),
        run(work / "p.db", "ingest", "--published=-0043-03-15", str(page)),
        run(db, "list", "--all"),
        run(db, "list", "--format", "jsonl"),
        *(
            run(db, "export", "--format", fmt)
            for fmt in ("ics", "jsonl", "markdown", "html", "timelinejs-json")
        ),
    ]
    found = [one_line_error(done.stderr) for done in runs if "Traceback" in done.stderr]
    return "; ".join(f or "" for f in found)[:100] or None


def foreign_files(work: Path) -> str | None:
    """Files that are not ours (stamped SQLite, a hot journal, devices) are left untouched."""
    problems = []
    for version in (1, 7):
        path = work / f"stamped{version}.db"
        _sqlite_header(path, version)
        before = digest(path)
        for command in (["list"], ["add", "2020", "x"]):
            done = run(path, *command)
            if done.returncode != 1 or digest(path) != before:
                problems.append(f"user_version {version}: {command[0]} exit {done.returncode}")
    hot = work / "hot.db"
    with sqlite3.connect(hot) as conn:
        conn.execute("CREATE TABLE parts (id INTEGER PRIMARY KEY, name TEXT)")
        conn.executemany(
            "INSERT INTO parts (name) VALUES (?)", [(f"cog {n}",) for n in range(3000)]
        )
    subprocess.run(
        [
            sys.executable,
            "-c",
            "import os, sqlite3, sys\nc = sqlite3.connect(sys.argv[1], isolation_level=None)\n"
            "c.execute('PRAGMA journal_mode = DELETE'); c.execute('PRAGMA cache_size = 1')\n"
            "c.execute('BEGIN'); c.execute('UPDATE parts SET name = name || randomblob(200)')\n"
            "os._exit(0)",
            str(hot),
        ],
        check=True,
    )
    before = digest(hot)
    run(hot, "list")
    if digest(hot) != before:
        problems.append("hot journal replayed into a foreign file")
    for device in ("/dev/null", "/dev/zero", "/dev/full"):
        done = run(Path(device), "add", "2020", "x")
        if done.returncode != 1 or Path(device + "-journal").exists():
            problems.append(f"{device}: exit {done.returncode}")
    done = run(Path(":memory:"), "add", "2020", "x")
    if done.returncode != 1:
        problems.append(":memory: accepted")
    return "; ".join(problems) or None


def left_behind(work: Path) -> str | None:
    """A failed command leaves no database or partial file behind."""
    bad = work / "bad.csv"
    bad.write_text("title,start\r\nA,1901\r\nB,not a date\r\n")
    fresh = work / "fresh" / "new.db"
    done = run(fresh, "import", str(bad))
    problems = []
    if list(fresh.parent.glob("new.db*")) if fresh.parent.exists() else []:
        problems.append("failed import left a database")
    if len(done.stderr.strip().splitlines()) != 1:
        problems.append(f"{len(done.stderr.strip().splitlines())} lines")
    db = work / "meta.db"
    run(db, "add", "2020", "x")
    run(db, "datasette-metadata", "-o", "/dev/full")
    if list(Path("/dev").glob(".full*")):
        problems.append("a partial file in /dev")
    return "; ".join(problems) or None


def backups(work: Path) -> str | None:
    """The export of a database with foreign rows imports back, and says what it left out."""
    db = work / "tb.db"  # the database tracebacks() left with rows another program wrote
    out = work / "backup.jsonl"
    done = run(db, "export", "--format", "jsonl", "-o", str(out))
    back = run(work / "restored.db", "import", "--format", "jsonl", str(out))
    if back.returncode != 0:
        return f"export does not import: {back.stderr.strip()[:70]}"
    return None if "left out" in done.stderr else "no word of the rows left out"
