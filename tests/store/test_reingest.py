"""Saving an article again: a known text adds nothing, is re-dated keeping edits, or replaced."""

from __future__ import annotations

import pytest

from timeline.store import BadEvent, Filter, NewEvent, NewSource, SaveResult, Store, StoreError

TEXT = (
    "The council met on Monday. It voted to close the old bridge. Repairs will start the next day."
)
"""A short local-news article of our own, ingested first without a publication date."""

MET, VOTED, REPAIRS = (
    "The council met on Monday.",
    "It voted to close the old bridge.",
    "Repairs will start the next day.",
)


def _found(published: str | None) -> list[NewEvent]:
    """What an analysis finds: undated without a publication date, dated with one."""
    if published is None:
        return [NewEvent(title="Council meets", quote=MET), NewEvent(title="Vote", quote=VOTED)]
    return [
        NewEvent(title="Council meets", start="2023-03-06", quote=MET, date_basis="publication"),
        NewEvent(title="Vote", start="2023-03-06", approximate=True, quote=VOTED),
        NewEvent(title="Repairs start", start="2023-03-07", quote=REPAIRS),
    ]


def _rows(store: Store, source_id: int) -> list[tuple[str, str | None, str]]:
    """(title, start, quote) of the source's events, in date order then id."""
    return [(e.title, e.start, e.quote) for e in store.events_for_source(source_id)]


def _undated_article(store: Store) -> int:
    """Ingest the article with no publication date; return its source id."""
    first = store.save_article(NewSource("Bridge", None, None, TEXT), _found(None))
    assert (first.added, first.existed) == (2, False)
    return first.source_id


def test_a_known_text_adds_nothing_in_add_mode(store: Store) -> None:
    source_id = _undated_article(store)
    again = store.save_article(NewSource("Bridge", None, "2023-03-08", TEXT), _found("2023-03-08"))
    assert again == SaveResult(source_id, added=0, existed=True)
    assert store.get_source(source_id).published is None
    assert _rows(store, source_id) == [("Council meets", None, MET), ("Vote", None, VOTED)]


def test_redate_sets_published_and_replaces_untouched_events(store: Store) -> None:
    source_id = _undated_article(store)
    result = store.save_article(
        NewSource("Bridge", None, "2023-03-08", TEXT), _found("2023-03-08"), mode="redate"
    )
    assert result == SaveResult(
        source_id, added=3, existed=True, mode="redate", removed=2, kept=0, skipped=0
    )
    assert store.get_source(source_id).published == "2023-03-08"
    assert _rows(store, source_id) == [
        ("Council meets", "2023-03-06", MET),
        ("Vote", "2023-03-06", VOTED),
        ("Repairs start", "2023-03-07", REPAIRS),
    ]
    assert store.events_for_source(source_id)[0].date_basis == "publication"
    assert store.count() == 3


def test_redate_keeps_hand_edited_events_and_does_not_repeat_them(store: Store) -> None:
    source_id = _undated_article(store)
    vote = next(e for e in store.events_for_source(source_id) if e.title == "Vote")
    store.update_event(vote.id, title="Council votes to close the bridge", start="2023-03-05")
    hand_added = store.add_event(NewEvent(title="Bridge built", start="1931", source_id=source_id))
    store.update_event(hand_added.id, details="From the town archive.")
    result = store.save_article(
        NewSource("Bridge", None, "2023-03-08", TEXT), _found("2023-03-08"), mode="redate"
    )
    assert (result.removed, result.kept, result.skipped, result.added) == (1, 2, 1, 2)
    assert _rows(store, source_id) == [
        ("Bridge built", "1931", ""),
        ("Council votes to close the bridge", "2023-03-05", VOTED),
        ("Council meets", "2023-03-06", MET),
        ("Repairs start", "2023-03-07", REPAIRS),
    ]
    assert store.get_event(vote.id).title == "Council votes to close the bridge"


def test_an_edit_undone_is_no_longer_a_hand_edit(store: Store) -> None:
    source_id = _undated_article(store)
    vote = next(e for e in store.events_for_source(source_id) if e.title == "Vote")
    edited = store.update_event(vote.id, title="Edited vote")
    store.restore_event(vote, over=edited.version)  # undo
    deleted = store.delete_event(vote.id)
    store.restore_event(deleted)  # undo of a delete
    result = store.save_article(
        NewSource("Bridge", None, "2023-03-08", TEXT), _found("2023-03-08"), mode="redate"
    )
    assert (result.removed, result.kept, result.added) == (2, 0, 3)


def test_replace_starts_over_and_drops_hand_edits(store: Store) -> None:
    source_id = _undated_article(store)
    vote = next(e for e in store.events_for_source(source_id) if e.title == "Vote")
    store.update_event(vote.id, title="Edited vote")
    result = store.save_article(
        NewSource("Bridge", "https://example.org/b", "2023-03-08", TEXT),
        _found("2023-03-08"),
        mode="replace",
    )
    assert (result.removed, result.kept, result.added, result.mode) == (2, 0, 3, "replace")
    assert [row[0] for row in _rows(store, source_id)] == ["Council meets", "Vote", "Repairs start"]
    source = store.get_source(source_id)
    assert (source.published, source.url, source.title) == (
        "2023-03-08",
        "https://example.org/b",
        "Bridge",
    )
    assert store.count(Filter(query="Edited")) == 0


@pytest.mark.parametrize("mode", ["redate", "replace"])
def test_a_bad_event_in_the_batch_leaves_the_old_events_and_date(store: Store, mode: str) -> None:
    source_id = _undated_article(store)
    batch = [*_found("2023-03-08"), NewEvent(title="Bad", start="2023-02-30")]
    with pytest.raises(BadEvent, match="2023-02-30"):
        store.save_article(NewSource("Bridge", None, "2023-03-08", TEXT), batch, mode=mode)
    assert store.get_source(source_id).published is None
    assert _rows(store, source_id) == [("Council meets", None, MET), ("Vote", None, VOTED)]


@pytest.mark.parametrize("mode", ["redate", "replace"])
def test_a_write_failing_after_the_deletes_rolls_everything_back(store: Store, mode: str) -> None:
    source_id = _undated_article(store)
    # a trigger makes SQLite itself refuse the last insert, after the deletes have run
    store.db.execute(
        "CREATE TRIGGER refuse_repairs BEFORE INSERT ON events WHEN new.title = 'Repairs start' "
        "BEGIN SELECT RAISE(ABORT, 'refused by test'); END"
    )
    with pytest.raises(StoreError, match=r"\(refused by test\); nothing was saved"):
        store.save_article(
            NewSource("Bridge", None, "2023-03-08", TEXT), _found("2023-03-08"), mode=mode
        )
    assert store.get_source(source_id).published is None
    assert _rows(store, source_id) == [("Council meets", None, MET), ("Vote", None, VOTED)]
    assert store.count(Filter(query="council")) == 1


@pytest.mark.parametrize("mode", ["redate", "replace"])
def test_a_new_text_is_simply_added_in_any_mode(store: Store, mode: str) -> None:
    result = store.save_article(NewSource("Bridge", None, None, TEXT), _found(None), mode=mode)
    assert (result.added, result.existed, result.mode, result.removed) == (2, False, "add", 0)


def test_an_unknown_mode_is_refused(store: Store) -> None:
    with pytest.raises(StoreError, match="save mode 'merge'"):
        store.save_article(NewSource("Bridge", None, None, TEXT), [], mode="merge")
    assert store.count() == 0
