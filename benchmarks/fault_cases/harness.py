"""What every fault case shares: running timeline in its own process, reading a database apart
from it, watching processes in /proc, and the tally of cases (`record`, `results`)."""

from __future__ import annotations

import contextlib
import hashlib
import random
import sqlite3
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent.parent
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


def digest(path: Path) -> str:
    """sha256 of a file."""
    return hashlib.sha256(path.read_bytes()).hexdigest()


def demo_article() -> str:
    """The demo article's text, which the ingest cases copy."""
    return (ROOT / "ingest" / "data" / "demo-article.txt").read_text(encoding="utf-8")
