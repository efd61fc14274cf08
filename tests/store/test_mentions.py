"""Mentions and events: the migration that gives every ingested event its mention, what the
story layer writes back, and the hand decisions (join, move out, pick a date) with their undo."""

from __future__ import annotations

import io
import json
import sqlite3
from pathlib import Path

import pytest
import sqlite_utils

from timeline.store import Filter, NewEvent, NewSource, Store, StoreError, export
from timeline.store.models import StoryEvent
from timeline.store.schema import SCHEMA_VERSION, migrations


def _article(text: str, published: str = "2031-05-06") -> NewSource:
    return NewSource(
        title=f"The Harbour Post {published}", url=None, published=published, text=text
    )


def _draft(title: str, start: str, basis: str = "expression") -> NewEvent:
    return NewEvent(title=title, start=start, quote=f"{title}.", date_basis=basis, date_text="x")


def _two_articles(store: Store) -> tuple[list[int], list[int]]:
    """Two articles telling the same ferry launch (and one thing each of their own)."""
    store.save_article(
        _article("Ferry one."),
        [_draft("Velmar ferry launched at Oster Quay", "2031-05-04"), _draft("Fog", "2031-05-05")],
    )
    store.save_article(
        _article("Ferry two.", "2031-05-07"),
        [_draft("Oster Quay sees Velmar ferry launch", "2031-05-04")],
        kinds=["event"],
    )
    every = store.all_mentions()
    ferry = [m.id for m in every if "erry" in m.title]
    other = [m.id for m in every if "erry" not in m.title]
    return ferry, other


def _story(ids: list[int], start: str, *, key: bool = True, conflict: bool = False) -> StoryEvent:
    return StoryEvent(
        mention_ids=tuple(ids),
        start=start,
        end=None,
        precision="day",
        approximate=False,
        date_mention=ids[0],
        title_mention=ids[0],
        importance=float(len(ids)),
        key=key,
        conflict=conflict,
    )


def test_each_saved_event_gets_its_mention_with_its_reading(store: Store) -> None:
    store.save_article(
        _article("A text."),
        [_draft("Bridge opened", "2031-05-01"), _draft("Crowd gathered", "2031-05-06", "report")],
        kinds=["event", "support"],
    )
    events = store.with_mentions(store.page_after(None, 10))
    assert [len(e.mentions) for e in events] == [1, 1]
    opened, crowd = events
    assert opened.mentions[0].quote == "Bridge opened." and opened.mentions[0].start == "2031-05-01"
    assert opened.is_key and not crowd.is_key
    assert crowd.mentions[0].kind == "support" and crowd.mentions[0].date_basis == "report"
    assert [e.title for e in store.page_after(None, 10, Filter(key_only=True))] == ["Bridge opened"]


def test_an_event_typed_by_hand_has_no_mention(store: Store) -> None:
    event = store.add_event(NewEvent(title="Typed", start="2031"))
    assert event.mentions == () and event.sources == 0 and event.is_key


def test_an_old_database_gets_one_mention_per_ingested_event(db_path: Path) -> None:
    db = sqlite_utils.Database(db_path)
    migrations.apply(db, stop_before="m007_mentions")
    db.execute("PRAGMA user_version = 6")
    db.execute(
        "INSERT INTO sources (id, title, sha256, text) VALUES (4, 'Gazette', 'abc', 'Body.')"
    )
    for title, source in (("From the gazette", 4), ("Typed long ago", None)):
        db.execute(
            "INSERT INTO events (title, start, precision, quote, source_id, span_start, span_end, "
            "sort, date_basis, date_text) VALUES (?, '2029-02-03', 'day', ?, ?, 0, 5, "
            "'12029-02-03', 'expression', '3 Feb 2029')",
            [title, "Body." if source else "", source],
        )
    db.conn.commit()
    db.close()
    with Store.open(db_path) as store:
        ingested, typed = (store.get_event(i) for i in (1, 2))
    assert typed.mentions == () and typed.sources == 0
    (mention,) = ingested.mentions
    assert (mention.quote, mention.start, mention.date_text, mention.source_title) == (
        "Body.",
        "2029-02-03",
        "3 Feb 2029",
        "Gazette",
    )
    assert ingested.sources == 1 and (mention.span_start, mention.span_end) == (0, 5)
    conn = sqlite3.connect(db_path)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    conn.close()


def test_a_story_joins_two_sources_and_the_emptied_event_goes(store: Store) -> None:
    ferry, other = _two_articles(store)
    assert store.count() == 3
    placed = store.apply_story([_story(ferry, "2031-05-04"), _story(other, "2031-05-05")])
    assert store.count() == 2
    joined = store.get_event(placed[min(ferry)])
    assert joined.sources == 2 and {m.id for m in joined.mentions} == set(ferry)
    assert joined.importance == 2.0


def test_a_hand_edit_survives_the_story(store: Store) -> None:
    ferry, _ = _two_articles(store)
    first = store.get_mention(ferry[0]).event_id
    store.update_event(first, title="My own words")
    placed = store.apply_story([_story(ferry, "2031-05-09")])
    event = store.get_event(placed[min(ferry)])
    assert event.id == first and event.title == "My own words" and event.start == "2031-05-04"
    assert {m.held for m in store.mentions_of_events([first])} == {True}


def test_join_then_undo_gives_both_events_back(store: Store) -> None:
    ferry, _ = _two_articles(store)
    keep, other = (store.get_mention(m).event_id for m in ferry)
    snapshot = store.join_events(keep, other)
    assert store.get_event(keep).sources == 2
    assert all(m.held for m in store.get_event(keep).mentions)
    store.unjoin_events(snapshot)
    assert {m.id for m in store.get_event(other).mentions} == {ferry[1]}
    assert store.get_event(keep).sources == 1


def test_moving_a_mention_out_makes_its_own_event(store: Store) -> None:
    ferry, other = _two_articles(store)
    placed = store.apply_story([_story(ferry, "2031-05-04"), _story(other, "2031-05-05")])
    joined = placed[min(ferry)]
    moved = store.split_mention(ferry[1])
    assert moved.id != joined and [m.id for m in moved.mentions] == [ferry[1]]
    assert moved.mentions[0].held and store.get_event(joined).sources == 1
    with pytest.raises(StoreError, match="only one"):
        store.split_mention(ferry[1])


def test_picking_a_mentions_date_dates_the_event(store: Store) -> None:
    store.save_article(_article("One."), [_draft("Dam closed", "2031-04-30")])
    store.save_article(_article("Two.", "2031-05-08"), [_draft("Dam closed", "2031-05-01")])
    ids = [m.id for m in store.all_mentions()]
    placed = store.apply_story([_story(ids, "2031-04-30", conflict=True)])
    event = store.pick_date(placed[min(ids)], ids[1])
    assert event.start == "2031-05-01" and event.conflict
    # the story chooses again, but the person's pick stands
    store.apply_story([_story(ids, "2031-04-30", conflict=True)])
    assert store.get_event(event.id).start == "2031-05-01"
    store.pick_date(event.id, None)
    store.apply_story([_story(ids, "2031-04-30", conflict=True)])
    assert store.get_event(event.id).start == "2031-04-30"


def test_deleting_one_source_keeps_the_event_the_other_tells(store: Store) -> None:
    ferry, other = _two_articles(store)
    placed = store.apply_story([_story(ferry, "2031-05-04"), _story(other, "2031-05-05")])
    joined = placed[min(ferry)]
    first_source = store.get_mention(ferry[0]).source_id
    assert first_source is not None
    source, touched = store.delete_source(first_source)
    assert store.count() == 1
    survivor = store.get_event(joined)
    assert survivor.sources == 1 and survivor.source_id != first_source
    store.restore_source(source, touched)
    assert store.count() == 2 and store.get_event(joined).sources == 2


def test_jsonl_keeps_mentions_and_story_fields_through_a_round_trip(
    store: Store, tmp_path: Path
) -> None:
    ferry, other = _two_articles(store)
    store.apply_story([_story(ferry, "2031-05-04"), _story(other, "2031-05-05", key=False)])
    out = io.StringIO()
    export(store, out, "jsonl")
    lines = [json.loads(line) for line in out.getvalue().splitlines()]
    assert sorted(len(line["mentions"]) for line in lines) == [1, 2]
    assert {line["is_key"] for line in lines} == {True, False}
    with Store.open(tmp_path / "copy.db") as copy:
        copy.import_jsonl(io.StringIO(out.getvalue()))
        again = io.StringIO()
        export(copy, again, "jsonl")
    assert again.getvalue() == out.getvalue()


def test_a_mention_before_the_common_era_is_merged_without_a_date(store: Store) -> None:
    from timeline.ingest.story.storyline import refresh, remerge

    store.save_article(_article("Rome."), [_draft("Senate met", "-0043-03-15")])
    store.save_article(_article("Rome again.", "2031-05-08"), [_draft("Senate met", "0000")])
    merged = remerge(store)
    assert merged.mentions == 2
    refresh(store, [e.id for e in store.page_after(None, 10)])
    assert sorted(e.start or "" for e in store.page_after(None, 10)) == ["-0043-03-15", "0000"]


def test_a_story_already_in_place_is_not_written_again(store: Store) -> None:
    ferry, other = _two_articles(store)
    placed = store.apply_story([_story(ferry, "2031-05-04"), _story(other, "2031-05-05")])
    before = store.get_event(placed[min(ferry)]).version
    again = store.apply_story([_story(ferry, "2031-05-04"), _story(other, "2031-05-05")])
    assert again == placed
    assert store.get_event(placed[min(ferry)]).version == before  # nothing changed: no bump
    store.apply_story([_story(ferry, "2031-05-03")])
    moved = store.get_event(placed[min(ferry)])
    assert moved.version == before + 1 and moved.start == "2031-05-03"


def test_a_whole_merge_reads_each_period_with_the_events_as_they_began(store: Store) -> None:
    store.save_article(
        _article("Kestrel Mills."),
        [
            _draft("Kestrel Mills dam opened", "2031-04-28"),
            _draft("Kestrel Mills flood gates tested", "2031-05-02"),
            _draft("Kestrel Mills flood gates closed", "2031-05-03"),
        ],
    )
    store.add_event(NewEvent(title="Typed note"))  # no mention: not read
    periods = store.merge_periods()
    april = next(periods)
    assert [m.title for m in april] == ["Kestrel Mills dam opened"]
    may_ids = sorted(m.id for m in store.all_mentions() if m.start and m.start[:7] == "2031-05")
    began = {m.id: m.event_id for m in store.all_mentions()}
    store.apply_story([_story(may_ids, "2031-05-02")])  # the first period's merge moves one
    assert store.get_mention(may_ids[1]).event_id != began[may_ids[1]]
    may = next(periods)
    assert sorted(m.id for m in may) == may_ids
    assert {m.id: m.event_id for m in may} == {i: began[i] for i in may_ids}
    assert next(periods, None) is None
    assert store.db.execute("SELECT name FROM temp.sqlite_master").fetchall() == []


def test_sources_are_counted_after_every_story_has_taken_its_mentions(store: Store) -> None:
    for day, words in (("05", "Ardmoor ferry sank"), ("06", "Ardmoor ferry lost"), ("07", "x")):
        store.save_article(
            _article(f"Story {day}.", f"2031-05-{day}"), [_draft(words, "2031-05-04")]
        )
    x, y, z = sorted(m.id for m in store.all_mentions())
    joined = store.apply_story([_story([x, y], "2031-05-04")])[x]
    assert store.get_event(joined).sources == 2
    # the first story keeps the event and takes z in; the second takes y out of it
    placed = store.apply_story([_story([x, z], "2031-05-04"), _story([y], "2031-05-04")])
    assert placed[x] == joined and placed[y] != joined
    kept = store.get_event(joined)
    assert {m.id for m in kept.mentions} == {x, z}
    assert kept.sources == 2
