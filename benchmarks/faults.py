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


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        for step in (
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
