"""A corpus ingest stopped for good (kill -9) or by Ctrl+C, then started again: it finishes with
the database an uninterrupted run gives, and a Ctrl+C says exactly how many articles it saved.
Each run is the real command in its own process."""

from __future__ import annotations

import datetime as dt
import io
import random
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.corpus_fixtures import newsroom_records, write_corpus
from timeline.ingest.corpus_ingest import ingest_corpora
from timeline.store import Store, export

ROOT = Path(__file__).resolve().parent.parent.parent
TIMELINE = [sys.executable, "-c", "from timeline.cli.entry import main; main()"]
RECORDS = 60

needs_posix = pytest.mark.skipif(sys.platform == "win32", reason="needs POSIX signals")


def start(db: Path, corpus: Path, *flags: str) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [*TIMELINE, "--db", str(db), "ingest", str(corpus), "--quiet", *flags],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def stored(db: Path) -> int:
    """Articles saved so far (0 before the database exists)."""
    if not db.exists():
        return 0
    try:
        with sqlite3.connect(db, timeout=5) as conn:
            return int(conn.execute("SELECT count(*) FROM sources").fetchone()[0])
    except sqlite3.OperationalError:  # the schema is not made yet
        return 0


def wait_until_saving(proc: subprocess.Popen[str], db: Path, more_than: int) -> bool:
    """Wait until the run has saved past `more_than` articles; False if it ended first."""
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and proc.poll() is None:
        if stored(db) > more_than:
            return True
        time.sleep(0.02)
    return False


def csv_export(db: Path) -> str:
    with Store.open(db) as store:
        out = io.StringIO()
        export(store, out, "csv")
        return out.getvalue()


@needs_posix
def test_killed_at_random_points_then_resumed_gives_the_uninterrupted_export(
    tmp_path: Path,
) -> None:
    corpus = write_corpus(tmp_path / "desk.jsonl.gz", newsroom_records(RECORDS))
    with Store.open(tmp_path / "straight.db") as store:
        ingest_corpora(store, [str(corpus)], dt.date.today())
    seed = random.randrange(1_000_000)
    chance = random.Random(seed)
    db = tmp_path / "killed.db"
    kills = 0
    # Each run is killed once the store holds a randomly drawn count of articles (a run
    # that starts past its count is killed while starting), so the points are random but
    # the last one always falls well before the end, however fast the machine is.
    for target in sorted(chance.sample(range(1, RECORDS // 2), 3)):
        proc = start(db, corpus, "--jobs", str(chance.choice((1, 2))))
        if wait_until_saving(proc, db, target - 1):
            time.sleep(chance.uniform(0.0, 0.01))
            proc.send_signal(signal.SIGKILL)
            kills += proc.poll() is None or proc.returncode == -signal.SIGKILL
        proc.communicate(timeout=60)
    assert kills >= 1, f"seed {seed}: no run was killed part way"
    assert stored(db) < RECORDS, f"seed {seed}: the kills came after the end"
    final = start(db, corpus)
    out, err = final.communicate(timeout=300)
    assert final.returncode == 0, err
    already = stored(db)
    assert out.startswith(f"{RECORDS} record(s): "), out
    assert already == RECORDS
    assert csv_export(db) == csv_export(tmp_path / "straight.db"), f"seed {seed}"


@needs_posix
def test_ctrl_c_says_exactly_how_many_corpus_articles_were_saved(tmp_path: Path) -> None:
    corpus = write_corpus(tmp_path / "desk.jsonl", newsroom_records(RECORDS))
    db = tmp_path / "t.db"
    proc = start(db, corpus, "--jobs", "2")
    assert wait_until_saving(proc, db, 2)
    proc.send_signal(signal.SIGINT)
    _out, err = proc.communicate(timeout=60)
    assert proc.returncode == 130, err
    assert "Traceback" not in err
    last = err.strip().splitlines()[-1]
    assert last.startswith("interrupted: ")
    assert "new article(s) of the corpus were saved" in last
    assert int(last.split()[1]) == stored(db) < RECORDS
    again = start(db, corpus)
    out, err = again.communicate(timeout=300)
    assert again.returncode == 0, err
    assert f"{RECORDS - int(last.split()[1])} article(s) added" in out
    assert stored(db) == RECORDS
