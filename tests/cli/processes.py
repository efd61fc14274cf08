"""Running `timeline` as a user would, in a process of its own, and watching its workers through
/proc: what the interrupt tests share."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
import time
from importlib.resources import files
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent.parent

TIMELINE = [sys.executable, "-c", "from timeline.cli.entry import main; main()"]

DEMO = (files("timeline.ingest") / "data" / "demo-article.txt").read_text(encoding="utf-8")


def timeline(db: Path, *args: str) -> subprocess.Popen[str]:
    """Start `timeline --db DB ARGS...` as a user would, in its own process."""
    return subprocess.Popen(
        [*TIMELINE, "--db", str(db), *args],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def articles(folder: Path, count: int) -> Path:
    """A folder of distinct articles (the demo story, numbered)."""
    folder.mkdir()
    for n in range(count):
        (folder / f"a{n:03d}.txt").write_text(f"{DEMO}\nUpdate number {n}.\n", encoding="utf-8")
    return folder


def children(pid: int) -> list[int]:
    """Process ids of the children of `pid` (Linux /proc)."""
    found: list[int] = []
    for task in Path(f"/proc/{pid}/task").glob("*"):
        text = (task / "children").read_text() if (task / "children").exists() else ""
        found += [int(x) for x in text.split()]
    return found


def alive(pid: int) -> bool:
    """Whether a process exists and is not a zombie."""
    try:
        state = Path(f"/proc/{pid}/stat").read_text().split(")")[-1].split()[0]
    except OSError:
        return False
    return state != "Z"


def wait_for_workers(proc: subprocess.Popen[str], count: int) -> list[int]:
    """The worker processes of a parallel ingest, once it has started them."""
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        workers = children(proc.pid)
        if len(workers) >= count:
            return workers
        time.sleep(0.05)
    raise AssertionError("the ingest started no workers")


def sources(db: Path) -> int:
    """How many articles are stored."""
    with sqlite3.connect(db) as conn:
        return conn.execute("SELECT count(*) FROM sources").fetchone()[0]


needs_proc = pytest.mark.skipif(not Path("/proc/self/task").exists(), reason="needs Linux /proc")
