"""A CSV row with more cells than the header is refused by its line number, even when the
extra cells are empty: an unquoted comma would otherwise shift every cell after it."""

from __future__ import annotations

import io

import pytest

from timeline.store import BadCSV, Store


@pytest.mark.parametrize(
    "row",
    [
        "Sluice opened, then shut,1905,\r\n",  # the comma in the title, a trailing comma
        "Sluice opened, then shut,1905,,\r\n",
        "Sluice opened,1905,,\r\n",
    ],
)
def test_a_row_wider_than_the_header_is_refused_by_line(store: Store, row: str) -> None:
    text = "title,details,start\r\nGate fitted,iron,1904\r\n" + row
    with pytest.raises(BadCSV, match=r"^line 3: \d cells but the header has 3 columns"):
        store.import_csv(io.StringIO(text, newline=""))
    assert store.count() == 0


def test_a_row_narrower_than_the_header_is_still_padded(store: Store) -> None:
    text = "title,start,details\r\nGate fitted,1904\r\n"
    assert store.import_csv(io.StringIO(text, newline="")) == 1
    [event] = store.page_after(None, 10)
    assert (event.title, event.start, event.details) == ("Gate fitted", "1904", "")
