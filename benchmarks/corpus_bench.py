"""Corpus benchmark: the dev news as one JSON Lines corpus, through the local pool with 1 and 2
processes and through Dask with 2 workers: articles a second, peak memory of the client and of
the workers, the ratio to one process, and whether the three exports are byte for byte equal.

Run: `.venv/bin/python benchmarks/corpus_bench.py [--articles N]` (the issue's size is 50,000;
a few thousand finish in minutes on two cores). The corpus is built from ../shared/data/news
beside the checkout, repeated with publication dates shifted by three years a round (and a line
naming the round, so no two texts are equal); without that folder the benchmark says so and
stops. Each run is a process of its own, so that its peak memory is its own. The Dask run is
repeated at half the size: a client whose memory is flat peaks the same at both.
"""

from __future__ import annotations

import argparse
import datetime as dt
import gzip
import hashlib
import io
import json
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
NEWS = REPO.parent / "shared" / "data" / "news"
SHIFT_DAYS = 3 * 365


def build_corpus(path: Path, count: int) -> int:
    """Write `count` records from the dev news, repeated with shifted dates; returns how many
    distinct articles one round holds."""
    originals: list[dict[str, Any]] = []
    for corpus in sorted(NEWS.glob("*/articles.jsonl")):
        with corpus.open(encoding="utf-8") as lines:
            originals += [json.loads(line) for line in lines if line.strip()]
    with gzip.open(path, "wt", encoding="utf-8") as out:
        for n in range(count):
            round_, at = divmod(n, len(originals))
            record = originals[at]
            published = dt.date.fromisoformat(record["published"]) + dt.timedelta(
                days=SHIFT_DAYS * round_
            )
            text = record["text"] + (f"\n\nArchive round {round_}." if round_ else "")
            out.write(json.dumps({"text": text, "published": published.isoformat()}) + "\n")
    return len(originals)


def _peak_mb() -> float:
    """This process's peak resident memory in MB (Linux reports KB)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def child(engine: str, jobs: int, corpus: str, db: str) -> None:
    """One timed run in this process; prints its figures as JSON."""
    from timeline.ingest.corpus_ingest import ingest_corpora
    from timeline.store import Store, export

    today = dt.date(9000, 1, 1)  # shifted copies are dated after today: keep them
    began = time.perf_counter()
    workers: list[float] = []
    start_s = 0.0
    with Store.open(db) as store:
        if engine == "dask":
            from timeline.ingest.dask_engine import dask_analyser

            with dask_analyser(None, jobs) as analyser:
                start_s = time.perf_counter() - began
                tally = ingest_corpora(store, [corpus], today, analyser=analyser)
                seconds = time.perf_counter() - began
                workers = [kb / 1024 for kb in analyser.client.run(_worker_peak_kb).values()]
        else:
            tally = ingest_corpora(store, [corpus], today, jobs=jobs)
            seconds = time.perf_counter() - began
            if jobs > 1:
                workers = [resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024]
        out = io.StringIO()
        export(store, out, "csv")
    print(
        json.dumps(
            {
                "seconds": seconds,
                "start": start_s,
                "added": tally.added,
                "events": tally.events,
                "bad": len(tally.bad),
                "client_mb": _peak_mb(),
                "workers_mb": workers,
                "export": hashlib.sha256(out.getvalue().encode()).hexdigest(),
            }
        )
    )


def _worker_peak_kb() -> int:
    """Run on each Dask worker: its peak resident memory in KB."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss


def run(engine: str, jobs: int, corpus: Path, db: Path) -> dict[str, Any]:
    """One run in a process of its own."""
    done = subprocess.run(
        [sys.executable, __file__, "--child", engine, str(jobs), str(corpus), str(db)],
        capture_output=True,
        text=True,
        check=False,
    )
    if done.returncode != 0:
        raise SystemExit(f"{engine} --jobs {jobs} failed:\n{done.stderr[-2000:]}")
    figures: dict[str, Any] = json.loads(done.stdout.strip().splitlines()[-1])
    return figures


def line(name: str, figures: dict[str, Any], count: int, reference: float | None) -> str:
    """One run's figures as a line."""
    rate = count / figures["seconds"]
    ratio = f", {rate / reference:.2f}x one process" if reference else ""
    workers = ", ".join(f"{mb:.0f}" for mb in figures["workers_mb"]) or "-"
    started = f" (cluster start {figures['start']:.1f} s included)" if figures["start"] else ""
    return (
        f"{name:<18} {count:>6} articles in {figures['seconds']:7.1f} s = {rate:6.1f} "
        f"articles/s{ratio}; {figures['events']} events; peak MB client "
        f"{figures['client_mb']:.0f}, workers {workers}{started}"
    )


def main() -> None:
    """Build the corpus, time the three ways, print the figures."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=50_000)
    parser.add_argument("--child", nargs=4, metavar=("ENGINE", "JOBS", "CORPUS", "DB"))
    args = parser.parse_args()
    if args.child:
        engine, jobs, corpus, db = args.child
        child(engine, int(jobs), corpus, db)
        return
    if not NEWS.is_dir():
        print(f"corpus benchmark skipped: no dev news at {NEWS}")
        return
    try:
        import distributed
    except ImportError:
        distributed = None
    count = args.articles
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        corpus = folder / "corpus.jsonl.gz"
        half = folder / "half.jsonl.gz"
        distinct = build_corpus(corpus, count)
        build_corpus(half, count // 2)
        print(f"corpus: {count} articles ({distinct} distinct dev news, dates shifted a round)")
        one = run("local", 1, corpus, folder / "one.db")
        print(line("local, 1 process", one, count, None))
        reference = count / one["seconds"]
        two = run("local", 2, corpus, folder / "two.db")
        print(line("local, 2 processes", two, count, reference))
        if distributed is None:
            print('dask: skipped (pip install "timeline[dask]")')
            return
        dask = run("dask", 2, corpus, folder / "dask.db")
        print(line("dask, 2 workers", dask, count, reference))
        dask_half = run("dask", 2, half, folder / "dask-half.db")
        print(line("dask, half corpus", dask_half, count // 2, reference))
        local_rate = count / two["seconds"]
        dask_rate = count / dask["seconds"]
        dask_work = count / (dask["seconds"] - dask["start"])
        print(
            f"dask / local 2 processes: {local_rate / dask_rate:.2f}x the time "
            f"({local_rate / dask_work:.2f}x without the cluster's start); target within 1.3x"
        )
        print(
            f"client peak memory, dask at {count // 2} vs {count}: "
            f"{dask_half['client_mb']:.0f} MB vs {dask['client_mb']:.0f} MB"
        )
        same = one["export"] == two["export"] == dask["export"]
        print(f"exports byte for byte equal (1 process, 2 processes, dask): {same}")


if __name__ == "__main__":
    main()
