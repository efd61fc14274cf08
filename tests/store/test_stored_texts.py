"""`Store.stored_texts`: which article texts are already stored, asked for many at once."""

from __future__ import annotations

from timeline.store import NewSource, Store
from timeline.store.sources import STORED_PER_QUERY


def test_stored_texts_answers_for_each_text_in_order(store: Store) -> None:
    texts = [f"The Brask lock keeper retired, report {n}." for n in range(STORED_PER_QUERY + 20)]
    for text in texts[::7]:
        store.save_article(NewSource(None, None, None, text), [])
    asked = [*reversed(texts), "never stored", texts[0]]
    expected = [texts.index(t) % 7 == 0 if t in texts else False for t in asked]
    assert store.stored_texts(asked) == expected
    assert sum(expected) == len(texts[::7]) + 1


def test_stored_texts_of_nothing_is_nothing(store: Store) -> None:
    assert store.stored_texts([]) == []
