"""Date filters keep every event whose span meets the filter's span, in date order, by pages."""

from __future__ import annotations

from timeline.store import Filter, NewEvent, Store


def _fill(store: Store) -> dict[str, int]:
    rows = [
        ("Long war", "2021", "2023"),
        ("Year of the summit", "2022", None),
        ("Spring talks", "2022-03", "2022-05"),
        ("June vote", "2022-06-10", None),
        ("Earlier treaty", "2019", None),
        ("Later census", "2024", None),
        ("Undated rumour", None, None),
        ("Month-long strike", "2022-05-20", "2022-06-05"),
    ]
    return {t: store.add_event(NewEvent(title=t, start=s, end=e)).id for t, s, e in rows}


def _titles(store: Store, flt: Filter) -> list[str]:
    return [e.title for e in store.page_after(None, 100, flt)]


def test_a_range_reaching_into_the_filter_is_found(store: Store) -> None:
    _fill(store)
    assert _titles(store, Filter(date_from="2022", date_to="2022")) == [
        "Long war",
        "Year of the summit",
        "Spring talks",
        "Month-long strike",
        "June vote",
    ]


def test_a_coarser_date_containing_the_filter_is_found(store: Store) -> None:
    _fill(store)
    assert _titles(store, Filter(date_from="2022-06", date_to="2022-06")) == [
        "Long war",
        "Year of the summit",
        "Month-long strike",
        "June vote",
    ]


def test_count_position_and_pages_agree_with_the_list(store: Store) -> None:
    _fill(store)
    flt = Filter(date_from="2022-04", date_to="2022-12")
    everything = store.page_after(None, 100, flt)
    assert store.count(flt) == len(everything) == 5
    walked, key = [], None
    while page := store.page_after(key, 2, flt):
        walked += page
        key = page[-1].key
    assert walked == everything
    back, key = [], None
    while page := store.page_before(key, 4, flt):
        back = page + back
        key = page[0].key
    assert back == everything
    assert [store.count_before(e.key, flt) for e in everything] == list(range(5))
    key = store.key_at_or_after("2000", flt)
    assert key == everything[0].key
    assert sum(n for _, n in store.density(flt)) == 5


def test_an_open_ended_filter_and_a_search_overlap_too(store: Store) -> None:
    _fill(store)
    assert _titles(store, Filter(date_from="2023")) == ["Long war", "Later census"]
    assert _titles(store, Filter(query="war", date_from="2022-07")) == ["Long war"]
    assert _titles(store, Filter(date_to="2020")) == ["Earlier treaty"]


def test_an_export_under_a_filter_holds_the_same_events(store: Store) -> None:
    import io

    _fill(store)
    out = io.StringIO()
    rows = store.export_csv(out, Filter(date_from="2022-06", date_to="2022-06"))
    assert rows == 4 and "Long war" in out.getvalue() and "Earlier treaty" not in out.getvalue()


def test_an_edit_moves_an_event_in_and_out_of_a_filter(store: Store) -> None:
    ids = _fill(store)
    flt = Filter(date_from="2025", date_to="2025")
    assert _titles(store, flt) == []
    store.update_event(ids["Earlier treaty"], end="2026")
    assert _titles(store, flt) == ["Earlier treaty"]
