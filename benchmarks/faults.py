"""Fault runs: kill -9 and Ctrl+C at each stage of an import and of a parallel ingest, a killed
worker, a full disk, concurrent writers during a long import, foreign / future / truncated /
corrupted database files, and a few hundred malformed CSV and article files.

Prints a table (fault class, cases, survived, failed) and the first failures; asserts nothing.
A case survives when the database afterwards is intact (integrity_check), all-or-nothing where
it must be, the command said one line (no traceback) and no process was left behind.
Run: `.venv/bin/python benchmarks/faults.py [--quick]` (the full disk needs root for a tmpfs).
The cases are in `fault_cases`, a module per class (signals, limits, databases, inputs).
"""

from __future__ import annotations

import signal
import sys
import tempfile
import time
from collections.abc import Callable
from functools import partial
from pathlib import Path

from fault_cases.databases import backups, foreign_files, left_behind, odd_databases, tracebacks
from fault_cases.harness import QUICK, record, results
from fault_cases.inputs import bidi, big_ids, digits, fifo, input_taken, malformed_inputs
from fault_cases.limits import big_page, concurrent_writers, full_disk, many_dates
from fault_cases.signals import (
    import_faults,
    ingest_faults,
    lock_wait,
    saved_count,
    stop_at_commit,
    term_import,
)

ISSUE_CASES: list[tuple[str, Callable[[Path], str | None]]] = [
    ("digits of other scripts", digits),
    ("ids past 2^63, other digits", big_ids),
    ("Ctrl+C during COMMIT", partial(stop_at_commit, name="INT", status=130)),
    ("SIGTERM during COMMIT", partial(stop_at_commit, name="TERM", status=143)),
    ("SIGHUP during COMMIT", partial(stop_at_commit, name="HUP", status=129)),
    ("SIGTERM during an import", partial(term_import, sig=signal.SIGTERM, status=143)),
    ("SIGHUP during an import", partial(term_import, sig=signal.SIGHUP, status=129)),
    ("ingest's saved count after Ctrl+C", saved_count),
    ("Ctrl+C waiting for a lock", lock_wait),
    ("FIFO in a folder (--jobs 1)", partial(fifo, jobs="1")),
    ("FIFO in a folder (--jobs 2)", partial(fifo, jobs="2")),
    ("one sentence of many dates", many_dates),
    ("200,000 <p> page", big_page),
    ("tracebacks (refs, --published, rows)", tracebacks),
    ("foreign files", foreign_files),
    ("files left behind", left_behind),
    ("input taken wrongly", input_taken),
    ("backups that restore", backups),  # reads the database tracebacks left
    ("bidirectional controls", bidi),
]
"""A case for each fault the fault-injection run of issue 19 found, in the order they run."""


def _case(kind: str, check: Callable[[], str | None]) -> None:
    """Record one case; a harness error is the case's failure."""
    try:
        record(kind, check())
    except Exception as exc:
        record(kind, f"harness: {type(exc).__name__}: {exc}"[:100])


def issue_faults(work: Path) -> None:
    """A case for each fault the fault-injection run of issue 19 found."""
    for kind, check in ISSUE_CASES:
        if QUICK and kind == "200,000 <p> page":
            continue
        _case(f"issue 19: {kind}", partial(check, work))


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
