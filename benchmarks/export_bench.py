"""Export benchmark: every format at 1,000,000 events, rows per second and peak memory, in one run.

Each export runs as `timeline export --format F -o FILE` in its own process, so its peak
resident memory is its own; the CSV exporter (SQL-built lines) is the reference.
Prints figures; asserts nothing.
Run: `.venv/bin/python benchmarks/export_bench.py [ROWS]` (default 1,000,000).
"""

from __future__ import annotations

import random
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from timeline.store import FORMAT_NAMES, Store

WORDS = (
    "minister",
    "visit",
    "treaty",
    "summit",
    "talks",
    "record",
    "defence",
    "election",
    "protest",
    "court",
    "ruling",
    "ceasefire",
    "budget",
    "meeting",
    "launch",
    "report",
)
EXTENSIONS = {
    "csv": ".csv",
    "timelinejs-csv": ".timelinejs.csv",
    "timelinejs-json": ".json",
    "ics": ".ics",
    "markdown": ".md",
    "jsonl": ".jsonl",
    "html": ".html",
}


def write_csv(path: Path, rows: int, seed: int = 1) -> None:
    """Events over 1900-2029 in every precision, some ranges, approximate, BCE and undated,
    with quotes, tags and a source per hundred events."""
    rng = random.Random(seed)
    with open(path, "w", encoding="utf-8", newline="") as out:
        out.write("title,start,end,approximate,quote,tags,source_title,source_url\r\n")
        for i in range(rows):
            title = " ".join(rng.choice(WORDS) for _ in range(6))
            year = 1900 + rng.randrange(130)
            month, day = rng.randrange(1, 13), rng.randrange(1, 28)
            kind = i % 10
            end = ""
            if kind < 3:
                start = f"{year}"
            elif kind < 6:
                start = f"{year}-{month:02d}"
            elif kind < 8:
                start = f"{year}-{month:02d}-{day:02d}"
                if kind == 7:
                    end = f"{year}-{month:02d}-{day + 1:02d}"
            elif kind == 8:
                start = (
                    f"{year}-{month:02d}-{day:02d}T{rng.randrange(24):02d}:{rng.randrange(60):02d}"
                )
            else:
                start = f"-{rng.randrange(1, 800):04d}" if i % 20 == 9 else ""
            approx = "1" if i % 7 == 0 else "0"
            quote = f"The {title} took place, officials said ({i})."
            tags = f"tag{i % 7}; topic{i % 3}"
            source = i // 100
            out.write(
                f'"{title} {i}",{start},{end},{approx},"{quote}","{tags}",'
                f'"Article {source}",https://example.org/a/{source}\r\n'
            )


def peak_run(args: list[str]) -> tuple[float, float]:
    """Seconds and peak resident memory (MB) of a command, through a small wrapper process."""
    code = (
        "import resource, subprocess, sys, time;"
        "t = time.perf_counter();"
        "subprocess.run(sys.argv[1:], check=True, stdout=subprocess.DEVNULL,"
        " stderr=subprocess.DEVNULL);"
        "print(time.perf_counter() - t, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)"
    )
    out = subprocess.run(
        [sys.executable, "-c", code, *args], check=True, capture_output=True, text=True
    ).stdout.split()
    return float(out[0]), int(out[1]) / 1024


def main() -> None:
    """Build the database once, then export it in every format."""
    rows = int(sys.argv[1]) if len(sys.argv) > 1 else 1_000_000
    work = Path(tempfile.mkdtemp(prefix="export-bench-"))
    try:
        source = work / "events.csv"
        write_csv(source, rows)
        db = work / "timeline.db"
        began = time.perf_counter()
        with Store.open(db) as store, open(source, encoding="utf-8", newline="") as inp:
            store.import_csv(inp)
            stored = store.count()
        print(f"{stored:,} events imported in {time.perf_counter() - began:.1f} s")
        root = Path(__file__).resolve().parent.parent
        cli = [
            sys.executable,
            "-c",
            "import sys; sys.path.insert(0, sys.argv.pop(1));"
            "from timeline.cli.entry import main; sys.argv[0] = 'timeline'; main()",
            str(root),
        ]
        print(
            f"{'format':<16}{'seconds':>9}{'rows/s':>12}{'peak MB':>9}{'file MB':>9}{'vs csv':>8}"
        )
        reference = None
        for fmt in FORMAT_NAMES:
            target = work / f"out{EXTENSIONS[fmt]}"
            seconds, peak = peak_run(
                [*cli, "--db", str(db), "export", "--format", fmt, "-o", str(target)]
            )
            size = target.stat().st_size / 1e6
            rate = stored / seconds
            reference = reference or seconds
            print(
                f"{fmt:<16}{seconds:>9.1f}{rate:>12,.0f}{peak:>9.0f}{size:>9.0f}"
                f"{seconds / reference:>7.1f}x"
            )
            target.unlink()
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
