"""The input cases: a few hundred malformed CSV and article files, a FIFO in a folder, odd
encodings, digits of other scripts, ids past 2^63 and bidirectional controls."""

from __future__ import annotations

import os
import random
import sqlite3
import subprocess
from pathlib import Path

from fault_cases.harness import (
    QUICK,
    db_state,
    demo_article,
    one_line_error,
    record,
    run,
)


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


def fifo(work: Path, jobs: str) -> str | None:
    """A FIFO in an ingested folder is skipped, not waited on."""
    demo = demo_article()
    folder = work / f"fifo{jobs}"
    folder.mkdir()
    (folder / "a.txt").write_text(demo, encoding="utf-8")
    os.mkfifo(folder / "b.txt")
    try:
        done = run(work / f"fifo{jobs}.db", "ingest", str(folder), "--jobs", jobs, timeout=60)
    except subprocess.TimeoutExpired:
        return "hung"
    return None if done.returncode == 0 and "skipped" in done.stderr else done.stderr[-80:]


def input_taken(work: Path) -> str | None:
    """Shifted CSV rows, UTF-32, NUL text and comment marks are not taken wrongly."""
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
            b"The ferry resumed sailing on 4 May 2023. At 09:30 on 4 May, Dunmore wrote: calm.\n",
        ),
    ):
        (work / name).write_bytes(data)
        done = run(work / "in.db", "ingest", "--published", "2023-05-05", str(work / name))
        if name == "u32.txt" and "1 event" not in done.stdout and "events added" not in done.stdout:
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


def digits(work: Path) -> str | None:
    """Digits of other scripts (Arabic-Indic) are never stored as a date."""
    db = work / "digits.db"
    run(db, "add", "\u0662\u0660\u0662\u0662", "Other digits")
    csv = work / "digits.csv"
    csv.write_text("title,start\r\nA,\u0661\u0662\u0663\u0664\r\n", encoding="utf-8")
    run(db, "import", str(csv))
    with sqlite3.connect(db) as conn:
        bad = [
            r[0] for r in conn.execute("SELECT start FROM events") if r[0] and not r[0].isascii()
        ]
    return f"stored {bad}" if bad else None


def big_ids(work: Path) -> str | None:
    """Ids past 2^63 and in other digits are refused in one line."""
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


def bidi(work: Path) -> str | None:
    """Bidirectional controls in a title are shown escaped, never raw."""
    db = work / "bidi.db"
    run(db, "add", "2020", "Ferry \u202ekcab\u2066 on time")
    done = run(db, "list")
    return None if "\u202e" not in done.stdout and "\\u202e" in done.stdout else "raw bidi control"
