"""The story across articles as a user meets it: one event per happening with every source that
tells it, the key days, and the person's say (join, move out, pick a date), whatever the order
the articles came in."""

from __future__ import annotations

import itertools
import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from timeline.cli.main import cli
from timeline.store.written_dates import format_iso

ARTICLES = {
    "2031-03-03-wire.txt": (
        "Marrow Bridge falls into the Teal River\n\n"
        "The Marrow Bridge in Tessaly collapsed into the Teal River on Monday, 3 March 2031, "
        "injuring nine commuters.\n\n"
        "Mayor Ilse Varga ordered all river traffic halted on Monday afternoon.\n\n"
        "Engineers had inspected the span in 2027.\n"
    ),
    "2031-03-04-gazette.txt": (
        "Tessaly counts the cost of the bridge collapse\n\n"
        "Nine commuters were hurt when the Marrow Bridge in Tessaly collapsed into the Teal "
        "River on 3 March.\n\n"
        "On Tuesday the regional council voted to fund a temporary ferry across the Teal.\n"
    ),
    "2031-03-10-weekly.txt": (
        "A week after the Marrow Bridge fell\n\n"
        "The Marrow Bridge collapse in Tessaly on 3 March injured nine commuters and cut the "
        "town in two.\n\n"
        "On Friday, 7 March, the first ferry carried passengers across the Teal River.\n"
    ),
}


def _runner(db: Path):
    runner = CliRunner()

    def invoke(*args: str):
        result = runner.invoke(cli, ["--db", str(db), *args])
        assert result.exit_code == 0, result.output
        return result

    return invoke


def _write(folder: Path, names: list[str]) -> list[str]:
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for name in names:
        (folder / name).write_text(ARTICLES[name], encoding="utf-8")
        paths.append(str(folder / name))
    return paths


def _events(run) -> list[dict]:
    return [
        json.loads(line) for line in run("list", "--all", "--format", "jsonl").output.splitlines()
    ]


def _collapse(events: list[dict]) -> dict:
    (found,) = [e for e in events if any("collapse" in m["quote"] for m in e["mentions"])]
    return found


def test_three_articles_tell_one_collapse_with_three_sources(tmp_path: Path) -> None:
    run = _runner(tmp_path / "story.db")
    for path in _write(tmp_path / "in", sorted(ARTICLES)):
        run("ingest", path)
    collapse = _collapse(_events(run))
    assert collapse["start"] == "2031-03-03" and collapse["sources"] == 3
    assert len({m["source_title"] for m in collapse["mentions"]}) == 3
    assert all(m["start"] for m in collapse["mentions"])
    days = run("story", "--dates", "1").output.splitlines()
    assert days[0] == "2031-03-03" and "3 sources" in days[1]


def _grouping(run) -> set[frozenset[str]]:
    """Which sentences tell one event (ids and titles aside)."""
    return {frozenset(m["quote"] for m in e["mentions"]) for e in _events(run)}


@pytest.mark.parametrize("order", list(itertools.permutations(sorted(ARTICLES)))[::2])
def test_the_events_do_not_depend_on_the_order_articles_arrive_in(
    tmp_path: Path, order: tuple[str, ...]
) -> None:
    reference = _runner(tmp_path / "ref.db")
    for path in _write(tmp_path / "ref", sorted(ARTICLES)):
        reference("ingest", path)
    shuffled = _runner(tmp_path / "shuffled.db")
    for path in _write(tmp_path / "shuffled", list(order)):
        shuffled("ingest", path)
    assert _grouping(shuffled) == _grouping(reference)


def test_move_out_join_and_pick_a_date(tmp_path: Path) -> None:
    run = _runner(tmp_path / "story.db")
    for path in _write(tmp_path / "in", sorted(ARTICLES)):
        run("ingest", path)
    collapse = _collapse(_events(run))
    moved = collapse["mentions"][-1]
    out = run("move-out", str(moved["id"]))
    new_id = int(out.output.split()[0])
    after = {e["id"]: e for e in _events(run)}
    ids = {e: [m["id"] for m in after[e]["mentions"]] for e in (collapse["id"], new_id)}
    assert moved["id"] not in ids[collapse["id"]] and ids[new_id] == [moved["id"]]
    run("merge")  # a person's move stands against merging
    remerged = {e["id"]: e for e in _events(run)}
    assert [m["id"] for m in remerged[new_id]["mentions"]] == [moved["id"]]
    run("join", str(collapse["id"]), str(new_id))
    joined = {e["id"]: e for e in _events(run)}
    assert new_id not in joined and joined[collapse["id"]]["sources"] == 3
    assert len(joined[collapse["id"]]["mentions"]) == len(collapse["mentions"])
    other = next(m for m in joined[collapse["id"]]["mentions"] if m["id"] == moved["id"])
    picked = run("pick-date", str(collapse["id"]), str(other["id"]))
    assert format_iso(other["start"]) in picked.output


def test_list_shows_key_events_and_all_shows_every_one(tmp_path: Path) -> None:
    run = _runner(tmp_path / "story.db")
    for path in _write(tmp_path / "in", sorted(ARTICLES)):
        run("ingest", path)
    shown = run("list").output.splitlines()
    every = run("list", "--all").output.splitlines()
    assert 0 < len(shown) <= len(every)
    assert any("Marrow Bridge" in line and " 3 " in line for line in shown)


def test_the_sample_articles_five_events_are_shown_by_default(tmp_path: Path) -> None:
    """The first case: the bundled sample article, ingested with its day, shows by default the
    visit, the signing, the trip just before, the last such visit and the export record."""
    from importlib.resources import files

    article = tmp_path / "sample.txt"
    text = (files("timeline.ingest") / "data" / "demo-article.txt").read_text(encoding="utf-8")
    article.write_text(text, encoding="utf-8")
    db = str(tmp_path / "sample.db")
    runner = CliRunner()
    ingested = runner.invoke(cli, ["--db", db, "ingest", str(article), "--published", "2022-08-31"])
    assert ingested.exit_code == 0, ingested.output
    listed = runner.invoke(cli, ["--db", db, "list", "--format", "jsonl"])
    shown = [json.loads(line) for line in listed.output.splitlines()]

    def dated(words: str) -> tuple[str, str | None]:
        [event] = [e for e in shown if words in e["title"]]
        return event["start"], event["end"]

    assert dated("Two-day visit to Tokyo") == ("2022-08-30", "2022-08-31")
    assert dated("signed a memorandum") == ("2022-08-31", None)
    assert dated("just returned") == ("2022-08-24", "2022-08-31")
    assert dated("Last trip to Japan") == ("2012", None)
    assert dated("record") == ("2021", None)


YEAR_AND_DAY = {
    "2031-05-02-profile.txt": (
        "Brine Island ferry turns twelve\n\n"
        "Harlow Lines, a family firm from Tessaly, opened its first crossing to Brine Island "
        "in 2019, and added a night boat in 2024.\n"
    ),
    "2031-05-09-history.txt": (
        "How the island got its boat\n\n"
        "Harlow Lines opened its first crossing to Brine Island on 14 May 2019, after a decade "
        "of petitions.\n"
    ),
}


@pytest.mark.parametrize("order", [sorted(YEAR_AND_DAY), sorted(YEAR_AND_DAY, reverse=True)])
def test_a_year_and_a_day_of_it_meet_whichever_comes_first(
    tmp_path: Path, order: list[str]
) -> None:
    run = _runner(tmp_path / "story.db")
    for name in order:
        (tmp_path / name).write_text(YEAR_AND_DAY[name], encoding="utf-8")
        run("ingest", str(tmp_path / name))
    (opened,) = [e for e in _events(run) if "first crossing" in e["title"]]
    assert opened["sources"] == 2
    assert opened["start"] == "2019-05-14"
