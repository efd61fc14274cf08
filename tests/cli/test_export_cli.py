"""`timeline export` in every format, `timeline import` of JSON Lines, `datasette-metadata`,
and Datasette itself answering from the database in-process (no server)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from timeline.cli.main import cli
from timeline.store import Store


@pytest.fixture
def run(export_store: Store, db_path: Path):
    export_store.close()
    runner = CliRunner()

    def invoke(*args: str):
        return runner.invoke(cli, ["--db", str(db_path), *args])

    return invoke


@pytest.mark.parametrize(
    ("name", "first_line"),
    [
        ("out.ics", "BEGIN:VCALENDAR"),
        ("out.md", "# 44 BCE"),
        ("out.html", "<!DOCTYPE html>"),
        ("out.jsonl", '{"id": 2, '),
        ("out.json", '{"title": {"text": {"headline": "Timeline"}}, "events": ['),
        ("out.timelinejs.csv", "Year,Month,Day,Time,End Year,"),
        ("out.csv", "id,start,end,precision,"),
    ],
)
def test_export_takes_the_format_from_the_extension(
    run, tmp_path: Path, name: str, first_line: str
) -> None:
    target = tmp_path / name
    result = run("export", "-o", str(target))
    assert result.exit_code == 0, result.output
    assert target.read_text(encoding="utf-8").startswith(first_line)
    assert f"to {target}" in result.stderr


def test_export_format_flag_wins_over_the_extension(run, tmp_path: Path) -> None:
    target = tmp_path / "calendar.txt"
    result = run("export", "--format", "ics", "-o", str(target))
    assert result.exit_code == 0, result.output
    assert target.read_bytes().startswith(b"BEGIN:VCALENDAR\r\n")
    assert result.stderr.strip() == (
        f"exported 7 events to {target} "
        "(2 BCE events and 1 undated event left out: a calendar has no date for them)"
    )


def test_export_to_stdout_in_a_format(run) -> None:
    result = run("export", "--format", "markdown")
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith("# 44 BCE\n\n### c. 44 BCE — Consuls named for the year\n")


def test_an_unknown_format_is_a_one_line_error(run) -> None:
    result = run("export", "--format", "pdf")
    assert result.exit_code == 2
    assert "'pdf' is not one of" in result.output


def test_export_then_import_jsonl_through_the_command(run, tmp_path: Path) -> None:
    dump = tmp_path / "dump.jsonl"
    assert run("export", "-o", str(dump)).exit_code == 0
    other = tmp_path / "other.db"
    runner = CliRunner()
    result = runner.invoke(cli, ["--db", str(other), "import", str(dump)])
    assert result.exit_code == 0, result.output
    assert result.stderr.strip().splitlines()[-1] == f"imported 10 events from {dump}"
    again = tmp_path / "again.jsonl"
    assert runner.invoke(cli, ["--db", str(other), "export", "-o", str(again)]).exit_code == 0
    assert again.read_bytes() == dump.read_bytes()
    listed = runner.invoke(cli, ["--db", str(other), "list", "--format", "jsonl"])
    assert listed.stdout == dump.read_text(encoding="utf-8")


def test_import_of_a_bad_jsonl_line_names_it_and_stores_nothing(tmp_path: Path) -> None:
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"title": "ok", "start": "2012"}\n{"title": 5}\n', encoding="utf-8")
    target = tmp_path / "t.db"
    result = CliRunner().invoke(cli, ["--db", str(target), "import", str(bad)])
    assert result.exit_code == 1
    assert result.output.strip().splitlines()[-1] == (
        f"Error: {bad}: line 2: title must be text or null"
    )
    with Store.open(target) as store:
        assert store.count() == 0


def test_datasette_metadata_names_the_database_and_its_search(run, tmp_path: Path) -> None:
    target = tmp_path / "metadata.json"
    result = run("datasette-metadata", "-o", str(target))
    assert result.exit_code == 0, result.output
    data = json.loads(target.read_text(encoding="utf-8"))
    tables = data["databases"]["timeline"]["tables"]
    assert tables["events"]["fts_table"] == "events_fts"
    assert tables["event_tags"]["facets"] == ["tag"]
    assert set(tables["events"]["columns"]) >= {"title", "start", "precision", "tags"}


async def test_datasette_searches_and_facets_tags(tmp_path: Path) -> None:
    from datasette.app import Datasette

    from timeline.ingest.demo import build_demo
    from timeline.store.datasette import metadata

    path = tmp_path / "timeline.db"
    with Store.open(path) as store:
        build_demo(store)
        from timeline.store import NewEvent

        store.add_event(NewEvent(title="Tagged one", start="2020", tags=("defence", "a; b")))
        store.add_event(NewEvent(title="Tagged two", start="2021", tags=("defence",)))
    datasette = Datasette([str(path)], metadata=metadata("timeline"))
    found = await datasette.client.get("/timeline/events.json?_search=visit&_shape=objects")
    assert found.status_code == 200, found.text
    titles = [row["title"] for row in found.json()["rows"]]
    assert "Abe paid a return visit to Israel in January 2015" in titles
    assert "Tagged one" not in titles
    faceted = await datasette.client.get("/timeline/event_tags.json?_facet=tag")
    assert faceted.status_code == 200, faceted.text
    counts = {
        item["value"]: item["count"] for item in faceted.json()["facet_results"]["tag"]["results"]
    }
    assert counts["defence"] == 2 and counts["a; b"] == 1
