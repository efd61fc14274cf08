"""`timeline ingest` and `timeline extract` as a user types them, checked against the database."""

from __future__ import annotations

import json
from collections.abc import Callable
from importlib.resources import files
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from timeline.cli.main import cli
from timeline.store import Store

DEMO = (files("timeline.ingest") / "data" / "demo-article.txt").read_text(encoding="utf-8")
NO_DATE = "Ministers sign pact\n\nOn Tuesday, the ministers signed a pact. Exports rose in 2021.\n"

Run = Callable[..., Result]


@pytest.fixture
def ingest_db(tmp_path: Path) -> Path:
    """Where the command's database lives (made beforehand: a new one is announced on stderr)."""
    path = tmp_path / "cli.db"
    Store.open(path).close()
    return path


@pytest.fixture
def run(ingest_db: Path) -> Run:
    """Invoke `timeline --db <tmp> ...` and return click's result."""
    runner = CliRunner()

    def invoke(*args: str, input: bytes | str | None = None) -> Result:
        return runner.invoke(cli, ["--db", str(ingest_db), *args], input=input)

    return invoke


def rows(db_path: Path) -> list[tuple[str | None, str | None, str]]:
    """(start, end, title) of every event in the database, in date order."""
    store = Store.open(db_path)
    try:
        return [(e.start, e.end, e.title) for e in store.page_after(None, 1000)]
    finally:
        store.close()


def write(tmp_path: Path, name: str, data: bytes | str) -> Path:
    """Write an article file and return its path."""
    path = tmp_path / name
    if isinstance(data, str):
        data = data.encode("utf-8")
    path.write_bytes(data)
    return path


def test_ingest_reports_events_and_saves_them(run: Run, tmp_path: Path, ingest_db: Path) -> None:
    path = write(tmp_path, "demo.txt", DEMO)
    result = run("ingest", str(path))
    assert result.exit_code == 0, result.output
    saved = rows(ingest_db)
    assert result.stdout == f"{path}: {len(saved)} events added\n"
    assert (
        "2022-08-30",
        "2022-08-31",
        "Two-day visit to Tokyo by Israeli Defence Minister Benny Gantz",
    ) in saved

    again = run("ingest", str(path))
    assert again.exit_code == 0
    assert again.stdout == f"{path}: already ingested, 0 events added\n"
    assert rows(ingest_db) == saved


def test_ingest_from_stdin_with_published_title_and_url(run: Run, ingest_db: Path) -> None:
    result = run(
        "ingest", "-", "--published", "2022-08-31", "--title", "Mine", "--url", "u", input=NO_DATE
    )
    assert result.exit_code == 0, result.output
    assert result.stdout == "-: 2 events added\n"
    assert rows(ingest_db) == [
        ("2021", None, "Exports rose in 2021"),
        ("2022-08-30", None, "The ministers signed a pact"),
    ]
    store = Store.open(ingest_db)
    source = store.get_source(1)
    store.close()
    assert (source.title, source.url, source.published) == ("Mine", "u", "2022-08-31")


def test_missing_publication_date_warns_and_leaves_relative_events_undated(
    run: Run, tmp_path: Path, ingest_db: Path
) -> None:
    path = write(tmp_path, "story.txt", NO_DATE)
    result = run("ingest", str(path))
    assert result.exit_code == 0
    assert result.stdout == (
        f"{path}: 2 events added (warning: no publication date (give --published): relative "
        "dates left undated; 1 event(s) left undated)\n"
    )
    assert rows(ingest_db) == [
        ("2021", None, "Exports rose in 2021"),
        (None, None, "The ministers signed a pact"),
    ]


def test_non_utf8_mostly_text_is_accepted_with_a_warning(run: Run, tmp_path: Path) -> None:
    text = "Café owners met in Zürich in 2021 to sign a deal.\nPublished 1 May 2022\n"
    path = write(tmp_path, "latin.txt", text.encode("latin-1"))
    result = run("ingest", str(path))
    assert result.exit_code == 0
    assert "1 event added (warning: not valid UTF-8: 2 undecodable bytes replaced)" in result.stdout


@pytest.mark.parametrize(
    ("name", "data", "message"),
    [
        ("empty.txt", b"", "empty.txt is empty"),
        ("binary.txt", b"\x7fELF\x02\x01\x01\x00\x00", "binary.txt is a binary file, not text"),
        ("garbage.txt", bytes(range(128, 256)) * 8, "garbage.txt is not UTF-8 text"),
    ],
)
def test_bad_file_is_one_line_and_exit_code_1(
    run: Run, tmp_path: Path, ingest_db: Path, name: str, data: bytes, message: str
) -> None:
    path = write(tmp_path, name, data)
    result = run("ingest", str(path))
    assert result.exit_code == 1
    assert result.stdout == ""
    lines = result.stderr.splitlines()
    assert lines[0].startswith(f"error: {path.parent}") and message in lines[0]
    assert lines[1:] == ["1 of 1 file(s) failed"]
    assert "Traceback" not in result.output
    assert rows(ingest_db) == []


def test_oversized_file_is_refused_at_once(run: Run, tmp_path: Path) -> None:
    path = tmp_path / "huge.txt"
    with path.open("wb") as f:
        f.truncate(50 * 1024 * 1024)
    result = run("ingest", str(path))
    assert result.exit_code == 1
    assert result.stderr.splitlines()[0] == (
        f"error: {path} is too large (52.4 MB; the limit is 20 MB)"
    )


def test_one_bad_file_in_a_folder_does_not_stop_the_others(
    run: Run, tmp_path: Path, ingest_db: Path
) -> None:
    folder = tmp_path / "news"
    folder.mkdir()
    write(folder, "1-demo.txt", DEMO)
    write(folder, "2-empty.txt", b"")
    write(folder, "3-other.md", "Leaders meet\n\nPublished 2 May 2021\n\nLeaders met in 2019.\n")
    result = run("ingest", str(folder), "--jobs", "2")
    assert result.exit_code == 1
    out = result.stdout.splitlines()
    assert [line.split(":")[0] for line in out] == [
        str(folder / "1-demo.txt"),
        str(folder / "3-other.md"),
    ]
    assert out[1].endswith(": 1 event added")
    assert result.stderr.splitlines() == [
        f"error: {folder / '2-empty.txt'} is empty",
        "1 of 3 file(s) failed",
    ]
    assert ("2019", None, "Leaders met in 2019") in rows(ingest_db)


def test_missing_file_is_reported(run: Run, tmp_path: Path) -> None:
    result = run("ingest", str(tmp_path / "nope.txt"))
    assert result.exit_code == 1
    assert f"no such file: {tmp_path / 'nope.txt'}" in result.stderr


@pytest.mark.parametrize("typed", ["31/31/2022", "2022-08", "soon-ish"])
def test_bad_published_date_is_a_usage_error(run: Run, tmp_path: Path, typed: str) -> None:
    path = write(tmp_path, "demo.txt", DEMO)
    result = run("ingest", str(path), "--published", typed)
    assert result.exit_code == 2
    assert "--published" in result.stderr
    assert "Traceback" not in result.output


def test_published_accepts_a_typed_day(run: Run, tmp_path: Path, ingest_db: Path) -> None:
    path = write(tmp_path, "story.txt", NO_DATE)
    result = run("ingest", str(path), "--published", "31 Aug 2022")
    assert result.exit_code == 0, result.output
    assert ("2022-08-30", None, "The ministers signed a pact") in rows(ingest_db)


def test_extract_prints_timexes_as_json_lines(run: Run, tmp_path: Path) -> None:
    path = write(tmp_path, "demo.txt", DEMO)
    result = run("extract", str(path), "--published", "2022-08-31")
    assert result.exit_code == 0, result.output
    found = [json.loads(line) for line in result.stdout.splitlines()]
    assert {"start": 100, "end": 107, "text": "two-day", "type": "DURATION", "value": "P2D"} in (
        found
    )
    assert all(DEMO[t["start"] : t["end"]] == t["text"] for t in found)
    assert [t["value"] for t in found if t["text"] == "2021"] == ["2021"]


def test_extract_refuses_a_bad_file(run: Run, tmp_path: Path) -> None:
    path = write(tmp_path, "empty.txt", b"")
    result = run("extract", str(path))
    assert result.exit_code == 1
    assert result.stderr == f"Error: {path} is empty\n"


def test_ingest_and_extract_have_help(run: Run) -> None:
    for command in ("ingest", "extract"):
        result = run(command, "--help")
        assert result.exit_code == 0
        assert "--published" in result.stdout


def test_folder_without_articles_is_an_error(run: Run, tmp_path: Path, ingest_db: Path) -> None:
    empty = tmp_path / "emptydir"
    empty.mkdir()
    write(empty, "scan.pdf", b"%PDF-1.4")
    result = run("ingest", str(empty))
    assert result.exit_code == 1
    assert result.stdout == ""
    assert result.stderr == f"error: no articles (.txt, .md, .html) found in {empty}\n"
    assert rows(ingest_db) == []


def test_empty_folder_beside_articles_fails_but_the_articles_are_saved(
    run: Run, tmp_path: Path, ingest_db: Path
) -> None:
    empty = tmp_path / "emptydir"
    empty.mkdir()
    path = write(
        tmp_path, "other.md", "Leaders meet\n\nPublished 2 May 2021\n\nLeaders met in 2019.\n"
    )
    result = run("ingest", str(path), str(empty))
    assert result.exit_code == 1
    assert result.stdout == f"{path}: 1 event added\n"
    assert result.stderr == f"error: no articles (.txt, .md, .html) found in {empty}\n"
    assert ("2019", None, "Leaders met in 2019") in rows(ingest_db)


def test_html_page_title_names_the_source(run: Run, tmp_path: Path, ingest_db: Path) -> None:
    page = write(
        tmp_path,
        "pact.html",
        "<html><head><title>Leaders meet in Oslo</title></head><body>"
        "<p>Published 2 May 2021</p><p>The leaders met in Oslo in 2019.</p></body></html>",
    )
    result = run("ingest", str(page))
    assert result.exit_code == 0, result.output
    store = Store.open(ingest_db)
    try:
        [event] = store.page_after(None, 10)
        source = store.get_source(event.source_id)
    finally:
        store.close()
    assert (event.start, event.title) == ("2019", "The leaders met in Oslo in 2019")
    assert source.title == "Leaders meet in Oslo"
    assert "Leaders meet in Oslo" not in source.text


def sources(db_path: Path) -> list[tuple[int, str | None]]:
    """(id, published) of every source."""
    store = Store.open(db_path)
    try:
        return [(row[0], row[1]) for row in store.db.execute("SELECT id, published FROM sources")]
    finally:
        store.close()


def test_published_re_dates_an_article_ingested_without_a_date(
    run: Run, tmp_path: Path, ingest_db: Path
) -> None:
    path = write(tmp_path, "story.txt", NO_DATE)
    assert run("ingest", str(path)).exit_code == 0
    assert rows(ingest_db) == [
        ("2021", None, "Exports rose in 2021"),
        (None, None, "The ministers signed a pact"),
    ]
    again = run("ingest", str(path))
    assert again.stdout.startswith(f"{path}: already ingested, 0 events added")
    redated = run("ingest", str(path), "--published", "2022-08-31")
    assert redated.exit_code == 0, redated.output
    assert redated.stdout == f"{path}: re-dated: 2 events replaced by 2, 0 hand-edited kept\n"
    assert rows(ingest_db) == [
        ("2021", None, "Exports rose in 2021"),
        ("2022-08-30", None, "The ministers signed a pact"),
    ]
    assert sources(ingest_db) == [(1, "2022-08-31")]
    listed = [json.loads(line) for line in run("list", "--format", "jsonl").stdout.splitlines()]
    assert {"date_basis", "date_text", "counted_from"} <= set(listed[0])


def test_re_dating_keeps_an_event_edited_by_hand(run: Run, tmp_path: Path, ingest_db: Path) -> None:
    path = write(tmp_path, "story.txt", NO_DATE)
    run("ingest", str(path))
    pact = next(e for e in _events(ingest_db) if e.title == "The ministers signed a pact")
    assert run("edit", str(pact.id), "--title", "Pact signed").exit_code == 0
    redated = run("ingest", str(path), "--published", "31 Aug 2022")
    assert redated.stdout == (
        f"{path}: re-dated: 1 event replaced by 1, 1 hand-edited kept "
        "(1 new not added: same sentence as a kept one)\n"
    )
    assert rows(ingest_db) == [("2021", None, "Exports rose in 2021"), (None, None, "Pact signed")]
    assert len(_events(ingest_db)) == 2


def test_force_ingests_again_from_scratch(run: Run, tmp_path: Path, ingest_db: Path) -> None:
    path = write(tmp_path, "story.txt", NO_DATE)
    run("ingest", str(path))
    pact = next(e for e in _events(ingest_db) if e.title == "The ministers signed a pact")
    run("edit", str(pact.id), "--title", "Pact signed")
    forced = run("ingest", str(path), "--force", "--published", "2022-08-31", "--jobs", "2")
    assert forced.exit_code == 0, forced.output
    assert forced.stdout == f"{path}: ingested again: 2 events deleted, 2 added\n"
    assert rows(ingest_db) == [
        ("2021", None, "Exports rose in 2021"),
        ("2022-08-30", None, "The ministers signed a pact"),
    ]
    assert "hand-edited ones included" in run("ingest", "--help").stdout


def test_re_dating_from_stdin_and_a_folder_with_jobs(
    run: Run, tmp_path: Path, ingest_db: Path
) -> None:
    folder = tmp_path / "news"
    folder.mkdir()
    write(folder, "a.txt", NO_DATE)
    write(folder, "b.md", "Leaders meet\n\nAfter the summit, leaders met again in 2019.\n")
    assert run("ingest", str(folder), "--jobs", "2").exit_code == 0
    assert run("ingest", "-", input=NO_DATE).stdout.startswith("-: already ingested")
    result = run("ingest", str(folder), "--jobs", "2", "--published", "2022-08-31")
    assert result.exit_code == 0, result.output
    out = result.stdout.splitlines()
    assert out[0] == f"{folder / 'a.txt'}: re-dated: 2 events replaced by 2, 0 hand-edited kept"
    assert out[1].startswith(f"{folder / 'b.md'}: re-dated: ")
    # workers finish in either order, so either article may have been saved first
    assert sorted(sources(ingest_db)) == [(1, "2022-08-31"), (2, "2022-08-31")]
    assert ("2022-08-30", None, "The ministers signed a pact") in rows(ingest_db)


def test_a_failed_re_date_leaves_the_old_events(run: Run, tmp_path: Path, ingest_db: Path) -> None:
    path = write(tmp_path, "story.txt", NO_DATE)
    run("ingest", str(path))
    before = rows(ingest_db)
    store = Store.open(ingest_db)
    try:  # the database itself refuses the re-dated pact, after the old events are deleted
        store.db.execute(
            "CREATE TRIGGER refuse_pact BEFORE INSERT ON events "
            "WHEN new.title = 'The ministers signed a pact' AND new.start IS NOT NULL "
            "BEGIN SELECT RAISE(ABORT, 'refused by test'); END"
        )
    finally:
        store.close()
    failed = run("ingest", str(path), "--published", "2022-08-31")
    assert failed.exit_code == 1
    assert failed.stderr.splitlines() == [
        f"error: {path}: {ingest_db}: refused by the database (refused by test); nothing was saved",
        "1 of 1 file(s) failed",
    ]
    assert rows(ingest_db) == before
    assert sources(ingest_db) == [(1, None)]


def _events(db_path: Path) -> list:
    """Every event, as the store returns it."""
    store = Store.open(db_path)
    try:
        return store.page_after(None, 1000)
    finally:
        store.close()
