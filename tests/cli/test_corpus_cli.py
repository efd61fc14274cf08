"""`timeline ingest` on corpora as a user types it: the summary line, records skipped by line,
flags that do not fit, and the Dask engine asked for without its extra."""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from tests.corpus_fixtures import newsroom_records, write_corpus
from timeline.cli.main import cli
from timeline.store import Store

ROOT = Path(__file__).resolve().parent.parent.parent


@pytest.fixture
def db(tmp_path: Path) -> Path:
    path = tmp_path / "cli.db"
    Store.open(path).close()
    return path


def run(db: Path, *args: str) -> Result:
    return CliRunner().invoke(cli, ["--db", str(db), *args])


def test_a_corpus_ends_in_one_summary_line_and_names_skipped_records(
    tmp_path: Path, db: Path
) -> None:
    records = newsroom_records(6)
    records[2]["body"] = ""
    records[4]["published"] = "1 Smarch 2024"
    write_corpus(tmp_path / "desk-a.jsonl", records[:3])
    write_corpus(tmp_path / "desk-b.jsonl.gz", records[3:])

    result = run(db, "ingest", str(tmp_path / "desk-*"))
    assert result.exit_code == 0, result.output
    with Store.open(db) as store:
        events = len(store.all_mentions())
    assert result.stdout.splitlines() == [
        f"6 record(s): 4 article(s) added ({events} event(s)), 0 already stored, 2 skipped: "
        f"{tmp_path / 'desk-a.jsonl'} line 3 (no text); "
        f"{tmp_path / 'desk-b.jsonl.gz'} line 2 (unreadable date ('1 Smarch 2024'))"
    ]
    assert result.stderr.splitlines() == [
        f"skipped: {tmp_path / 'desk-a.jsonl'} line 3: no text",
        f"skipped: {tmp_path / 'desk-b.jsonl.gz'} line 2: unreadable date ('1 Smarch 2024')",
    ]
    with Store.open(db) as store:
        stored = [store.get_source(n) for n in range(1, 5)]
    assert [(s.title, s.url, s.published) for s in stored] == [
        (r["headline"], r["link"], r["published"])
        for r in (records[0], records[1], *records[3:4], records[5])
    ]


def test_quiet_says_one_line_and_a_second_run_adds_nothing(tmp_path: Path, db: Path) -> None:
    corpus = write_corpus(tmp_path / "desk.jsonl", newsroom_records(4))
    first = run(db, "ingest", str(corpus), "--quiet")
    again = run(db, "ingest", str(corpus), "--quiet")
    assert first.stderr == again.stderr == ""
    assert len(first.stdout.splitlines()) == 1
    assert first.stdout.startswith("4 record(s): 4 article(s) added")
    assert (
        again.stdout
        == "4 record(s): 0 article(s) added (0 event(s)), 4 already stored, 0 skipped\n"
    )


def test_fields_named_by_flags(tmp_path: Path, db: Path) -> None:
    record = {"story": "The Brask ferry sailed again on 3 May 2024.", "day": "2024-05-04"}
    (tmp_path / "odd.ndjson").write_text(json.dumps(record) + "\n", encoding="utf-8")
    result = run(
        db, "ingest", str(tmp_path / "odd.ndjson"), "--text-field", "story", "--date-field", "day"
    )
    assert result.exit_code == 0, result.output
    with Store.open(db) as store:
        source = store.get_source(1)
    assert (source.text, source.published) == (record["story"], "2024-05-04")


@pytest.mark.parametrize(
    ("flags", "message"),
    [
        (("--published", "2024-01-01"), "are for article files"),
        (("--scheduler", "tcp://127.0.0.1:1"), "need --engine dask"),
    ],
)
def test_flags_that_do_not_fit_a_corpus_are_refused(
    tmp_path: Path, db: Path, flags: tuple[str, ...], message: str
) -> None:
    corpus = write_corpus(tmp_path / "desk.jsonl", newsroom_records(1))
    result = run(db, "ingest", str(corpus), *flags)
    assert result.exit_code == 2
    assert message in result.stderr
    with Store.open(db) as store:
        assert store.stored_texts([newsroom_records(1)[0]["body"]]) == [False]


def test_a_missing_corpus_fails_with_one_line(tmp_path: Path, db: Path) -> None:
    result = run(db, "ingest", str(tmp_path / "nowhere.jsonl"))
    assert result.exit_code == 1
    assert result.stderr == f"error: no such file: {tmp_path / 'nowhere.jsonl'}\n"


def _python(code: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-c", textwrap.dedent(code)],
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_the_dask_engine_without_its_extra_says_how_to_install_it(tmp_path: Path) -> None:
    write_corpus(tmp_path / "desk.jsonl", newsroom_records(2))
    done = _python(
        """
        import sys
        sys.modules["distributed"] = None  # as if the dask extra were not installed
        sys.modules["dask"] = None
        sys.argv = ["timeline", "--db", "t.db", "ingest", "desk.jsonl", "--engine", "dask"]
        from timeline.cli.entry import main
        main()
        """,
        tmp_path,
    )
    assert done.returncode == 1
    assert done.stderr.splitlines()[-1] == (
        'Error: the dask engine needs the extra: pip install "timeline[dask]"'
    )
    assert "Traceback" not in done.stderr


def test_a_local_corpus_ingest_never_imports_dask(tmp_path: Path) -> None:
    write_corpus(tmp_path / "desk.jsonl", newsroom_records(3))
    done = _python(
        """
        import sys
        from click.testing import CliRunner
        from timeline.cli.main import cli
        result = CliRunner().invoke(cli, ["--db", "t.db", "ingest", "desk.jsonl", "--jobs", "2"])
        assert result.exit_code == 0, result.output
        print(sorted({m.split(".")[0] for m in sys.modules} & {"dask", "distributed", "pyarrow"}))
        """,
        tmp_path,
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "[]"


def test_a_terminal_sees_records_rate_and_events_as_they_go(
    tmp_path: Path, db: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("TTY_COMPATIBLE", "1")  # rich then draws its bar as on a terminal
    monkeypatch.setenv("TTY_INTERACTIVE", "1")
    corpus = write_corpus(tmp_path / "desk.jsonl", newsroom_records(3))
    result = run(db, "ingest", str(corpus))
    assert result.exit_code == 0, result.output
    assert "3 records" in result.stderr
    assert "articles/s" in result.stderr
    assert " events" in result.stderr
    quiet = run(db, "ingest", str(corpus), "--quiet")
    assert quiet.stderr == ""


def test_the_dask_engine_is_for_corpora(tmp_path: Path, db: Path) -> None:
    article = tmp_path / "one.txt"
    article.write_text("The Quellin mill reopened on 2 May 2024.\n", encoding="utf-8")
    result = run(db, "ingest", str(article), "--engine", "dask")
    assert result.exit_code == 2
    assert "--engine dask runs corpora" in result.stderr
    with Store.open(db) as store:
        assert store.count() == 0
