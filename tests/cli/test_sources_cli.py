"""Sources from the command line: `timeline sources`, `--source`/`--tag` on list and export,
`list` laid out for a terminal, on this day, `ingest --url` on a stored article, and the app
refusing to create a database from a mistyped --db."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from click.testing import CliRunner

from timeline.cli.main import cli
from timeline.store import NewEvent, NewSource, Store

GOLDEN = Path(__file__).parent / "golden"

PIER = (
    "Saltmere, 6 June 2033. The Saltmere pier lights were switched back on on 5 June 2033 "
    "after a winter of darkness that the council of the little resort had blamed on a long "
    "dispute over who should pay for the cables."
)
MILL = "Ovenden, 2 June 2033. The Ovenden flour mill turned again on 1 June 2033."


@pytest.fixture
def seeded(db_path: Path) -> Path:
    """Two articles of our own and three typed events, one of them long and tagged."""
    with Store.open(db_path) as store:
        store.save_article(
            NewSource("Saltmere pier lit again", "https://example.net/pier", "2033-06-06", PIER),
            [
                NewEvent(
                    title=PIER[23:].rstrip("."),
                    start="2033-06-05",
                    tags=("resorts",),
                    quote=PIER[23:],
                )
            ],
        )
        store.save_article(
            NewSource("Mill turns", None, "2033-06-02", MILL, path="/articles/mill.txt"),
            [NewEvent(title="Ovenden flour mill turns again", start="2033-06-01")],
        )
        store.add_event(NewEvent(title="Pier first opened", start="1911-06-05", tags=("resorts",)))
        store.add_event(NewEvent(title="Mill fire", start="1988-03", approximate=True))
        store.add_event(NewEvent(title="Lighthouse sold", start="-0120", precision="year"))
    return db_path


@pytest.fixture
def run(db_path: Path):
    runner = CliRunner()

    def invoke(*args: str, input: str | None = None):
        return runner.invoke(cli, ["--db", str(db_path), *args], input=input)

    return invoke


def test_sources_lists_ids_counts_and_where_each_came_from(seeded: Path, run) -> None:
    result = run("sources", "--width", "80")
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert lines[0].split() == ["ID", "PUBLISHED", "EVENTS", "TITLE", "URL", "OR", "FILE"]
    assert lines[1].split()[:3] == ["2", "2", "Jun"]  # published first comes first
    assert "/articles/mill.txt" in lines[1] and "https://example.net/pier" in lines[2]
    rows = [json.loads(line) for line in run("sources", "--format", "jsonl").stdout.splitlines()]
    assert [(r["id"], r["events"], r["path"]) for r in rows] == [
        (2, 1, "/articles/mill.txt"),
        (1, 1, None),
    ]
    found = run("sources", "--search", "pier", "--format", "jsonl").stdout.splitlines()
    assert [json.loads(line)["id"] for line in found] == [1]


def test_list_and_export_select_by_source_and_tag(seeded: Path, run) -> None:
    listed = run("list", "--source", "2", "--format", "jsonl")
    titles = [json.loads(x)["title"] for x in listed.stdout.splitlines()]
    assert titles == ["Ovenden flour mill turns again"]
    tagged = run("list", "--tag", "RESORTS", "--format", "csv")
    assert [row.split(",")[0] for row in tagged.stdout.splitlines()[1:]] == ["3", "1"]
    exported = run("export", "--format", "jsonl", "--tag", "resorts", "--from", "2000")
    assert [json.loads(x)["id"] for x in exported.stdout.splitlines()] == [1]
    searched = run("export", "--format", "csv", "--search", "Saltmere lit")
    assert len(searched.stdout.splitlines()) == 2  # the header and the pier (its source title)


def test_list_limit_works_with_every_format(seeded: Path, run) -> None:
    for fmt, lines in (("csv", 3), ("jsonl", 2), ("table", 3)):
        result = run("list", "--all", "--limit", "2", "--format", fmt, "--width", "80")
        assert result.exit_code == 0, result.output
        assert len(result.stdout.splitlines()) == lines, fmt


def test_list_at_80_columns_matches_its_snapshot(seeded: Path, run) -> None:
    result = run("list", "--all", "--width", "80")
    assert result.exit_code == 0, result.output
    assert all(len(line) <= 80 for line in result.stdout.splitlines())
    golden = GOLDEN / "list_80.txt"
    if os.environ.get("UPDATE_GOLDENS") == "1":
        golden.write_text(result.stdout, encoding="utf-8")
    assert result.stdout == golden.read_text(encoding="utf-8")
    assert "121 BCE" in result.stdout and "c. Mar 1988" in result.stdout


def test_list_piped_or_wide_keeps_whole_titles(seeded: Path, run) -> None:
    whole = PIER[23:].rstrip(".")
    assert whole in run("list", "--all").stdout  # not a terminal: nothing is cut
    assert whole in run("list", "--all", "--width", "80", "--wide").stdout
    assert whole not in run("list", "--all", "--width", "80").stdout


def test_on_this_day_lists_the_day_in_every_year_with_years_ago(seeded: Path, run) -> None:
    result = run("list", "--on-this-day", "5 June 2034", "--width", "100")
    assert result.exit_code == 0, result.output
    rows = result.stdout.splitlines()[1:]
    assert [row.split()[0] for row in rows] == ["3", "1"]
    assert "123 years ago" in rows[0] and "1 year ago" in rows[1]
    assert run("list", "--on-this-day", "June 2034").exit_code == 1


def test_ics_uids_differ_between_databases_and_html_takes_a_title(
    seeded: Path, tmp_path: Path, run
) -> None:
    other = tmp_path / "other.db"
    with Store.open(other) as store:
        store.add_event(NewEvent(title="Pier first opened", start="1911-06-05"))
    first = [x for x in run("export", "--format", "ics").stdout.splitlines() if "UID" in x]
    second = CliRunner().invoke(cli, ["--db", str(other), "export", "--format", "ics"])
    uids = [x for x in second.stdout.splitlines() if "UID" in x]
    assert not set(first) & set(uids)
    page = run("export", "--format", "html", "--title", "Coast <notes>").stdout
    assert "<title>Coast &lt;notes&gt;</title>" in page
    assert f"<title>{seeded.stem}</title>" in run("export", "--format", "html").stdout


def test_ingest_url_attaches_to_a_stored_article(tmp_path: Path, run, db_path: Path) -> None:
    article = tmp_path / "mill.txt"
    article.write_text(MILL, encoding="utf-8")
    assert run("ingest", str(article)).exit_code == 0
    again = run("ingest", str(article), "--url", "https://example.net/mill")
    assert "its source now has the URL given" in again.stdout
    with Store.open(db_path) as store:
        (source,) = store.list_sources()
    assert source.url == "https://example.net/mill"
    assert source.path == str(article.resolve())


def test_the_app_asks_before_creating_a_mistyped_database(tmp_path: Path) -> None:
    typo = tmp_path / "nwes.db"
    result = CliRunner().invoke(cli, ["--db", str(typo)], input="n\n")
    assert result.exit_code == 1
    assert "Create a new timeline database there?" in result.output
    assert "nothing was created" in result.output
    assert list(tmp_path.glob("nwes.db*")) == []


def test_sources_table_lines_up_titles_and_locations(seeded: Path, run) -> None:
    for args in (("--width", "80"), ("--wide",)):
        lines = run("sources", *args).stdout.splitlines()
        assert lines[0].startswith("ID") and len(lines) == 3
        places = ["URL OR FILE", "/articles", "https"]
        at = {line.find(where) for line, where in zip(lines, places, strict=True)}
        assert len(at) == 1, lines  # the location starts in one column, under its header
        assert all(len(line) <= 80 for line in lines) or args == ("--wide",)
