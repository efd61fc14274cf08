"""The cases at the machine's limits: a full disk, writers waiting on a long import's lock, one
sentence of thousands of dates and a page of 200,000 paragraphs."""

from __future__ import annotations

import shutil
import subprocess
import sys
import time
from pathlib import Path

from fault_cases.harness import (
    QUICK,
    ROOT,
    TIMELINE,
    db_state,
    one_line_error,
    record,
    run,
    start,
    write_csv,
)


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


def many_dates(work: Path) -> str | None:
    """One sentence of thousands of dates is read in linear time."""
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


def big_page(work: Path) -> str | None:
    """A page of 200,000 paragraphs is extracted in bounded memory."""
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
