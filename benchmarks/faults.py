"""Fault runs: kill -9 and Ctrl+C at each stage of an import and of a parallel ingest, a killed
worker, a full disk, concurrent writers during a long import, foreign / future / truncated /
corrupted database files, and a few hundred malformed CSV and article files.

Prints a table (fault class, cases, survived, failed) and the first failures; asserts nothing.
A case survives when the database afterwards is intact (integrity_check), all-or-nothing where
it must be, the command said one line (no traceback) and no process was left behind.
Run: `.venv/bin/python benchmarks/faults.py [--quick]` (the full disk needs root for a tmpfs).
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import random
import shutil
import signal
import sqlite3
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
TIMELINE = [sys.executable, "-c", "from timeline.cli.entry import main; main()"]
QUICK = "--quick" in sys.argv
results: dict[str, list[str | None]] = {}


def record(kind: str, problem: str | None) -> None:
    """Note one case of a fault class: None when it survived, else what went wrong."""
    results.setdefault(kind, []).append(problem)


def start(db: Path, *args: str) -> subprocess.Popen[str]:
    """Start a timeline command in its own process."""
    return subprocess.Popen(
        [*TIMELINE, "--db", str(db), *args],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def run(db: Path, *args: str, timeout: float = 600) -> subprocess.CompletedProcess[str]:
    """Run a timeline command to its end."""
    return subprocess.run(
        [*TIMELINE, "--db", str(db), *args],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=timeout,
    )


def db_state(db: Path) -> tuple[str, int]:
    """(integrity_check verdict, number of events) of a database, read apart from timeline.

    A file with no tables yet (a process stopped while creating it) holds nothing: timeline
    opens it as a new database.
    """
    try:
        with sqlite3.connect(f"file:{db}?mode=ro", uri=True) as conn:
            verdict = conn.execute("PRAGMA integrity_check").fetchone()[0]
            if conn.execute("SELECT count(*) FROM sqlite_master").fetchone()[0] == 0:
                return verdict, 0
            count = conn.execute("SELECT count(*) FROM events").fetchone()[0]
            return verdict, count
    except sqlite3.Error as exc:
        return f"unreadable: {exc}", -1


def one_line_error(err: str) -> str | None:
    """None when stderr is free of tracebacks and its last line is one message."""
    if "Traceback" in err:
        return "traceback: " + err.strip().splitlines()[-1][:80]
    return None


def descendants(pid: int) -> list[int]:
    """Child processes of `pid`, recursively (Linux /proc)."""
    found: list[int] = []
    for task in Path(f"/proc/{pid}/task").glob("*"):
        with contextlib.suppress(OSError):
            found += [int(x) for x in (task / "children").read_text().split()]
    return found + [d for child in found for d in descendants(child)]


def alive(pid: int) -> bool:
    """Whether a process exists and is not a zombie."""
    try:
        return Path(f"/proc/{pid}/stat").read_text().split(")")[-1].split()[0] != "Z"
    except OSError:
        return False


def write_csv(path: Path, rows: int) -> None:
    """A CSV of `rows` events with sources, ranges and BCE dates."""
    rng = random.Random(rows)
    with open(path, "w", encoding="utf-8", newline="") as out:
        out.write("title,start,end,details,tags,source_title,source_url\r\n")
        for i in range(rows):
            year = rng.randrange(-500, 2030)
            start = f"-{-year:04d}" if year < 0 else f"{year:04d}"
            end = f"{year + 3:04d}" if i % 40 == 0 and year > 0 else ""
            out.write(
                f"Event {i} harbour,{start},{end},note {i},t{i % 5},Src {i % 300},u{i % 300}\r\n"
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


# -- full disk ---------------------------------------------------------------------------------


def full_disk(work: Path) -> None:
    """Write to a database on a small tmpfs until it is full (root only)."""
    point = work / "small"
    point.mkdir()
    if subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "size=3m", "tmpfs", str(point)], capture_output=True
    ).returncode:
        print("full disk: cannot mount a tmpfs (needs root); skipped")
        return
    try:
        big = work / "fill.csv"
        write_csv(big, 40_000)
        db = point / "t.db"
        run(db, "add", "2020", "First")
        for command in (
            ["import", str(big)],
            ["add", "2021", "x" * 100_000],
            ["ingest", str(ROOT / "ingest" / "data" / "demo-article.txt")],
        ):
            before = db_state(db)
            (point / "filler").write_bytes(b"\0" * 1)
            free = shutil.disk_usage(point).free
            (point / "filler").write_bytes(b"\0" * max(free - 200_000, 0))
            done = run(db, *command)
            after = db_state(db)
            problem = None
            if after[0] != "ok":
                problem = f"integrity: {after[0]}"
            elif done.returncode == 0 and command[0] == "import":
                problem = None if after[1] > before[1] else "said ok, stored nothing"
            elif done.returncode != 0 and after[1] != before[1]:
                problem = f"failed but changed {after[1] - before[1]} events"
            elif (
                done.returncode != 0
                and len(done.stderr.strip().splitlines()) != 1
                and command[0] != "ingest"
            ):
                problem = "more than one line: " + done.stderr.strip()[:80]
            record("full disk (import, add, ingest)", problem or one_line_error(done.stderr))
            (point / "filler").unlink()
        (point / "filler").write_bytes(b"\0" * (shutil.disk_usage(point).free - 4096))
        fresh = point / "new.db"
        done = run(fresh, "add", "2020", "x")
        problem = None
        if done.returncode == 0:
            problem = "created a database on a full disk?"
        elif fresh.exists():
            problem = f"left a {fresh.stat().st_size}-byte file"
        record("full disk: new database", problem or one_line_error(done.stderr))
    finally:
        subprocess.run(["umount", "-l", str(point)], check=False)


# -- concurrent writers during a long import ----------------------------------------------------


def concurrent_writers(work: Path) -> None:
    """Eight `timeline add` while a long import holds the write lock: all must succeed."""
    rows = 100_000 if QUICK else 300_000
    big = work / "long.csv"
    write_csv(big, rows)
    db = work / "conc.db"
    run(db, "add", "2020", "First")
    importer = start(db, "import", str(big))
    time.sleep(0.5)
    adders = [start(db, "add", "2021", f"Added meanwhile {n}") for n in range(8)]
    outcomes = [(p.wait(timeout=600), p.stderr.read() if p.stderr else "") for p in adders]
    importer.wait(timeout=600)
    verdict, count = db_state(db)
    for code, err in outcomes:
        problem = None if code == 0 else f"add failed: {err.strip()[:80]}"
        record("timeline add during a long import", problem)
    record(
        "the long import itself",
        None
        if importer.returncode == 0 and count == rows + 9 and verdict == "ok"
        else f"exit {importer.returncode}, {count} events, {verdict}",
    )


# -- other files -----------------------------------------------------------------------------


def digest(path: Path) -> str:
    """sha256 of a file."""
    return hashlib.sha256(path.read_bytes()).hexdigest()


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


def malformed_inputs(work: Path) -> None:
    """Generated malformed CSV and article files, through the commands in this process."""
    from click.testing import CliRunner

    from timeline.cli.main import cli

    rng = random.Random(3)
    good = (
        "id,start,end,precision,approximate,edtf,title,details,quote,tags\r\n"
        "1,2020,,year,0,2020,A,,,\r\n"
    )
    pieces = [
        ",",
        '"',
        "\r\n",
        "\n",
        "\x00",
        "\x07",
        "\ufeff",
        "é",
        "-0044-02-31",
        "0000",
        "22-01-01",
        "14:30:59",
        "2022-08-31T14:30Z",
        "9223372036854775807",
        "'=1+1",
        "\udcff",
        "x" * 5000,
        ";",
        "\\",
        "2022-02-30",
        "",
        " ",
        "~",
        "?",
        "..",
        "BC",
    ]
    runner = CliRunner()
    db = work / "malformed.db"
    runner.invoke(cli, ["--db", str(db), "add", "2020", "Kept"])
    for n in range(100 if QUICK else 400):
        text = list(good)
        for _ in range(rng.randrange(1, 6)):
            at = rng.randrange(len(text))
            text.insert(at, rng.choice(pieces))
        path = work / f"bad{n}.csv"
        data = "".join(text).encode("utf-8", "surrogateescape")
        if rng.random() < 0.2:
            data = data[: rng.randrange(len(data) + 1)]
        path.write_bytes(data)
        before = db_state(db)
        result = runner.invoke(cli, ["--db", str(db), "import", str(path)])
        after = db_state(db)
        problem = None
        if result.exception and not isinstance(result.exception, SystemExit):
            problem = f"{type(result.exception).__name__}: {str(result.exception)[:60]}"
        elif result.exit_code != 0 and after != before:
            problem = "failed but changed the database"
        elif result.exit_code != 0 and len(result.output.strip().splitlines()) != 1:
            problem = "message over one line"
        elif after[0] != "ok":
            problem = f"integrity: {after[0]}"
        record("malformed CSV files", problem)
        if result.exit_code == 0:  # the next case starts from the same database
            runner.invoke(cli, ["--db", str(db), "export", "-o", str(work / "round.csv")])
    for n in range(50 if QUICK else 200):
        raw = bytes(rng.randrange(256) for _ in range(rng.randrange(0, 3000)))
        if rng.random() < 0.5:
            raw = ("Headline\n\nOn Tuesday " * rng.randrange(1, 50)).encode() + raw
        path = work / f"art{n}.txt"
        path.write_bytes(raw)
        result = runner.invoke(cli, ["--db", str(db), "ingest", str(path)])
        problem = None
        if result.exception and not isinstance(result.exception, SystemExit):
            problem = f"{type(result.exception).__name__}: {str(result.exception)[:60]}"
        elif db_state(db)[0] != "ok":
            problem = "integrity"
        record("malformed article files", problem)


# -- the faults of issue 19, one case each ----------------------------------------------------

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


_ROW = "INSERT INTO events (title, start, precision, sort) VALUES "
"""How another program adds a row to our events table, in the faults below."""


def _sources(db: Path) -> int:
    """Articles stored so far (0 before the schema exists)."""
    try:
        with sqlite3.connect(f"file:{db}?mode=ro", uri=True) as conn:
            count: int = conn.execute("SELECT count(*) FROM sources").fetchone()[0]
            return count
    except sqlite3.Error:
        return 0


def _case(kind: str, check: Callable[[], str | None]) -> None:
    """Record one case; a harness error is the case's failure."""
    try:
        record(kind, check())
    except Exception as exc:
        record(kind, f"harness: {type(exc).__name__}: {exc}"[:100])


def _sqlite_header(path: Path, version: int) -> None:
    """An empty SQLite file another program stamped with a user_version."""
    conn = sqlite3.connect(path)
    conn.execute(f"PRAGMA user_version = {version}")
    conn.close()


def issue_faults(work: Path) -> None:
    """A case for each fault the fault-injection run of issue 19 found."""
    demo = (ROOT / "ingest" / "data" / "demo-article.txt").read_text(encoding="utf-8")

    def digits() -> str | None:
        db = work / "digits.db"
        run(db, "add", "\u0662\u0660\u0662\u0662", "Other digits")
        csv = work / "digits.csv"
        csv.write_text("title,start\r\nA,\u0661\u0662\u0663\u0664\r\n", encoding="utf-8")
        run(db, "import", str(csv))
        with sqlite3.connect(db) as conn:
            bad = [
                r[0]
                for r in conn.execute("SELECT start FROM events")
                if r[0] and not r[0].isascii()
            ]
        return f"stored {bad}" if bad else None

    def big_ids() -> str | None:
        db = work / "ids.db"
        run(db, "add", "2020", "x")
        for args in (
            ["edit", str(2**63), "--title", "y"],
            ["delete", str(2**64)],
            ["delete", "--source", str(2**63)],
            ["delete", "\u0661"],
        ):
            done = run(db, *args)
            if "Traceback" in done.stderr or done.returncode == 0:
                return f"{args[0]}: exit {done.returncode} {one_line_error(done.stderr)}"
        return None

    def stop_at_commit(name: str, status: int) -> Callable[[], str | None]:
        def check() -> str | None:
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

        return check

    def term_import(sig: signal.Signals, status: int) -> Callable[[], str | None]:
        def check() -> str | None:
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

        return check

    def saved_count() -> str | None:
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

    def lock_wait() -> str | None:
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

    def fifo(jobs: str) -> Callable[[], str | None]:
        def check() -> str | None:
            folder = work / f"fifo{jobs}"
            folder.mkdir()
            (folder / "a.txt").write_text(demo, encoding="utf-8")
            os.mkfifo(folder / "b.txt")
            try:
                done = run(
                    work / f"fifo{jobs}.db", "ingest", str(folder), "--jobs", jobs, timeout=60
                )
            except subprocess.TimeoutExpired:
                return "hung"
            return None if done.returncode == 0 and "skipped" in done.stderr else done.stderr[-80:]

        return check

    def many_dates() -> str | None:
        code = (
            "import time, datetime as dt, sys\n"
            "from timeline.ingest.articles import article_from_bytes\n"
            "from timeline.ingest.pipeline import analyse\n"
            "out = []\n"
            "for n in (1000, 4000):\n"
            "    clauses = (f'on {1 + i % 28} March {1990 + i % 30} a vote' for i in range(n))\n"
            "    text = 'Tally\\n\\nThe board met ' + '; '.join(clauses) + '.\\n'\n"
            "    a = article_from_bytes(text.encode(), 'x.txt', dt.date(2024, 1, 1))\n"
            "    t = time.perf_counter(); analyse(a); out.append(time.perf_counter() - t)\n"
            "print(out[0], out[1])\n"
        )
        done = subprocess.run(
            [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=600
        )
        small, large = map(float, done.stdout.split())
        print(
            f"one sentence of dates: 1,000 in {small:.2f} s, 4,000 in {large:.2f} s; "
            f"ratio {large / small:.1f} (linear 4, quadratic 16)",
            file=sys.stderr,
        )
        return None if large / small < 8 else f"ratio {large / small:.1f} for 4x the dates"

    def big_page() -> str | None:
        page = work / "big.html"
        page.write_text(
            "<html><body>"
            + "".join(f"<p>Lamp {i} was lit.</p>" for i in range(200_000))
            + "</body></html>"
        )
        code = (
            "import resource, subprocess, sys\n"
            f"subprocess.run({TIMELINE!r} + ['extract', {str(page)!r}], capture_output=True)\n"
            "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)"
        )
        done = subprocess.run(
            [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=900
        )
        peak = int(done.stdout.split()[-1]) // 1024
        print(f"extract of 200,000 <p>: peak {peak} MB", file=sys.stderr)
        return None if peak < 250 else f"peak {peak} MB"

    def tracebacks() -> str | None:
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
            conn.execute(
                "INSERT INTO sources (sha256, title) VALUES ('x', CAST(X'41ff42' AS TEXT))"
            )
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

    def foreign() -> str | None:
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

    def left_behind() -> str | None:
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

    def input_taken() -> str | None:
        problems = []
        csv = work / "shift.csv"
        csv.write_text("title,details,start\r\nA,ok,1904\r\nB, c,1905,\r\n")
        done = run(work / "shift.db", "import", str(csv))
        if done.returncode != 1 or "line 3" not in done.stderr:
            problems.append("shifted row taken")
        story = "Ferry back\n\nThe ferry to Tallow Rock resumed sailing on 4 May 2023.\n"
        for name, data in (
            ("u32.txt", story.encode("utf-32")),
            ("nul.txt", b"\xff\xfe" + b"\x00" * 4000),
            (
                "wrote.txt",
                b"The ferry resumed sailing on 4 May 2023. At 09:30 on 4 May, Dunmore wrote: "
                b"calm.\n",
            ),
        ):
            (work / name).write_bytes(data)
            done = run(work / "in.db", "ingest", "--published", "2023-05-05", str(work / name))
            if (
                name == "u32.txt"
                and "1 event" not in done.stdout
                and "events added" not in done.stdout
            ):
                problems.append("UTF-32 misread")
            if name == "nul.txt" and done.returncode == 0:
                problems.append("NUL text stored")
            if (
                name == "wrote.txt"
                and "0 events added" in done.stdout
                and "comments" not in done.stdout
            ):
                problems.append("comment mark: no events, no warning")
        return "; ".join(problems) or None

    def backups() -> str | None:
        db = work / "tb.db"  # the database tracebacks() left with rows another program wrote
        out = work / "backup.jsonl"
        done = run(db, "export", "--format", "jsonl", "-o", str(out))
        back = run(work / "restored.db", "import", "--format", "jsonl", str(out))
        if back.returncode != 0:
            return f"export does not import: {back.stderr.strip()[:70]}"
        return None if "left out" in done.stderr else "no word of the rows left out"

    def bidi() -> str | None:
        db = work / "bidi.db"
        run(db, "add", "2020", "Ferry \u202ekcab\u2066 on time")
        done = run(db, "list")
        return (
            None if "\u202e" not in done.stdout and "\\u202e" in done.stdout else "raw bidi control"
        )

    cases: list[tuple[str, Callable[[], str | None]]] = [
        ("digits of other scripts", digits),
        ("ids past 2^63, other digits", big_ids),
        ("Ctrl+C during COMMIT", stop_at_commit("INT", 130)),
        ("SIGTERM during COMMIT", stop_at_commit("TERM", 143)),
        ("SIGHUP during COMMIT", stop_at_commit("HUP", 129)),
        ("SIGTERM during an import", term_import(signal.SIGTERM, 143)),
        ("SIGHUP during an import", term_import(signal.SIGHUP, 129)),
        ("ingest's saved count after Ctrl+C", saved_count),
        ("Ctrl+C waiting for a lock", lock_wait),
        ("FIFO in a folder (--jobs 1)", fifo("1")),
        ("FIFO in a folder (--jobs 2)", fifo("2")),
        ("one sentence of many dates", many_dates),
        ("200,000 <p> page", big_page),
        ("tracebacks (refs, --published, rows)", tracebacks),
        ("foreign files", foreign),
        ("files left behind", left_behind),
        ("input taken wrongly", input_taken),
        ("backups that restore", backups),
        ("bidirectional controls", bidi),
    ]
    for kind, check in cases:
        if QUICK and kind == "200,000 <p> page":
            continue
        _case(f"issue 19: {kind}", check)


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        for step in (
            issue_faults,
            import_faults,
            ingest_faults,
            full_disk,
            concurrent_writers,
            odd_databases,
            malformed_inputs,
        ):
            folder = work / step.__name__
            folder.mkdir()
            began = time.monotonic()
            try:
                step(folder)
            except Exception as exc:  # a harness error is reported, the other steps go on
                record(f"harness: {step.__name__}", f"{type(exc).__name__}: {exc}"[:100])
            print(f"({step.__name__}: {time.monotonic() - began:.0f} s)", file=sys.stderr)
    print(f"{'fault class':<40}{'cases':>7}{'survived':>10}{'failed':>8}")
    total = survived = 0
    for kind, outcomes in results.items():
        ok = sum(problem is None for problem in outcomes)
        total += len(outcomes)
        survived += ok
        print(f"{kind:<40}{len(outcomes):>7}{ok:>10}{len(outcomes) - ok:>8}")
    print(f"{'all':<40}{total:>7}{survived:>10}{total - survived:>8}")
    failures = [(k, p) for k, ps in results.items() for p in ps if p]
    for kind, problem in failures[:15]:
        print(f"  failed: {kind}: {problem}")


if __name__ == "__main__":
    main()
