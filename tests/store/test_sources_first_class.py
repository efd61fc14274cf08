"""Sources as first-class: listed with their counts, filters by source and tag, search over
tags and source titles, a URL attached later, on this day, and the database's own id."""

from __future__ import annotations

from pathlib import Path

from timeline.store import Filter, NewEvent, NewSource, Store

HARBOUR = "Quayside, 4 May 2030. The Velm ferry berth closed on 3 May 2030 for repairs."
MARKET = "Brindle, 9 May 2030. The covered market of Brindle reopened on 8 May 2030."


def _two_sources(store: Store) -> tuple[int, int]:
    """Two articles of our own, one event each, plus a typed event with tags."""
    first = store.save_article(
        NewSource("Velm berth shut for repairs", None, "2030-05-04", HARBOUR, path="/a/velm.txt"),
        [NewEvent(title="Ferry berth closes", start="2030-05-03", quote=HARBOUR[21:])],
    ).source_id
    second = store.save_article(
        NewSource("Market hall back", "https://example.org/market", "2030-05-09", MARKET),
        [NewEvent(title="Covered market reopens", start="2030-05-08", tags=("Trade",))],
    ).source_id
    store.add_event(
        NewEvent(title="Harbour toll review", start="2029-05-03", tags=("harbour", "tolls"))
    )
    return first, second


def test_sources_are_listed_with_counts_and_paths(store: Store) -> None:
    first, second = _two_sources(store)
    listed = store.list_sources()
    assert [(s.id, s.title, s.events, s.path) for s in listed] == [
        (first, "Velm berth shut for repairs", 1, "/a/velm.txt"),
        (second, "Market hall back", 1, None),
    ]
    assert [s.id for s in store.list_sources("market")] == [second]
    assert [s.id for s in store.list_sources("velm.txt")] == [first]
    assert store.list_sources("nothing like it") == []


def test_filters_by_source_and_by_tag(store: Store) -> None:
    first, second = _two_sources(store)
    by_source = store.page_after(None, 10, Filter(source_id=second))
    assert [e.title for e in by_source] == ["Covered market reopens"]
    assert store.count(Filter(source_id=first)) == 1
    assert [e.title for e in store.page_after(None, 10, Filter(tag="trade"))] == [
        "Covered market reopens"
    ]
    assert store.count(Filter(tag="tolls")) == 1
    assert store.count(Filter(tag="toll")) == 0  # a tag is matched whole
    assert Filter(tag="tolls").active and Filter(source_id=first).active


def test_search_reaches_tags_and_source_titles(store: Store) -> None:
    _two_sources(store)
    assert [e.title for e in store.page_after(None, 10, Filter(query="tolls"))] == [
        "Harbour toll review"
    ]
    hits = store.page_after(None, 10, Filter(query="repairs berth"))
    assert [e.title for e in hits] == ["Ferry berth closes"]
    assert store.count(Filter(query="shut")) == 1  # only in the source's title


def test_a_url_given_later_is_attached_to_the_stored_source(store: Store) -> None:
    first, _ = _two_sources(store)
    again = store.save_article(
        NewSource(None, "https://example.org/velm", None, HARBOUR, path="/b/velm.txt"), []
    )
    assert again.existed and again.attached and again.added == 0
    source = store.get_source(first)
    assert source.url == "https://example.org/velm"
    assert source.path == "/a/velm.txt"  # the first file stays the one on record
    assert not store.save_article(
        NewSource(None, "https://example.org/velm", None, HARBOUR), []
    ).attached


def test_on_this_day_finds_the_day_in_every_year(store: Store) -> None:
    _two_sources(store)
    store.add_event(NewEvent(title="Month only", start="2028-05", precision="month"))
    store.add_event(NewEvent(title="Old quay built", start="-0120-05-03", precision="day"))
    found = store.on_this_day(5, 3)
    assert [e.title for e in found] == [
        "Old quay built",
        "Harbour toll review",
        "Ferry berth closes",
    ]
    assert [e.title for e in store.on_this_day(5, 3, Filter(tag="harbour"))] == [
        "Harbour toll review"
    ]
    assert store.on_this_day(2, 29) == []


def test_each_database_has_its_own_id(tmp_path: Path) -> None:
    with Store.open(tmp_path / "one.db") as one, Store.open(tmp_path / "two.db") as two:
        first = one.database_id()
        assert first != two.database_id()
        assert len(first) == 12
    with Store.open(tmp_path / "one.db") as again:
        assert again.database_id() == first  # kept: it is made once, with the database


def test_a_tag_is_matched_whole_whatever_its_words_or_case(store: Store) -> None:
    store.add_event(NewEvent(title="Ferry sails", start="2030-05-04", tags=("Ferry", "a;b")))
    store.add_event(NewEvent(title="Boat show", start="2031-05-04", tags=("ferry boat",)))
    store.add_event(NewEvent(title="Odd tag", start="2032-05-04", tags=("!!",)))
    assert [e.title for e in store.page_after(None, 5, Filter(tag="FERRY"))] == ["Ferry sails"]
    assert store.count(Filter(tag="ferry boat")) == 1
    assert store.count(Filter(tag="a;b")) == 1 and store.count(Filter(tag="b")) == 0
    assert store.count(Filter(tag="!!")) == 1  # no words: read from the event_tags view
