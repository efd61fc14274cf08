"""Years before 1 AD as the list, headings and chart write them."""

from __future__ import annotations

import pytest

from timeline.tui.dates import format_date, period_label
from timeline.tui.models.layout import Layout


@pytest.mark.parametrize(
    ("start", "end", "shown"),
    [
        ("-0043", None, "44 BCE"),
        ("0000", None, "1 BCE"),
        ("-0043-03-15", None, "15 Mar 44 BCE"),
        ("-0043-03-15", "-0043-03-17", "15–17 Mar 44 BCE"),
        ("-0264", "-0241", "265–242 BCE"),
        ("-0026", "0014", "27 BCE – 14 CE"),
        ("0014", None, "14"),
        ("2022", None, "2022"),
    ],
)
def test_bce_dates_are_written_with_their_era(start: str, end: str | None, shown: str) -> None:
    assert format_date(start, end) == shown


def test_headings_put_bce_years_in_order_with_their_era() -> None:
    layout = Layout.build([("-0157", 1), ("-0043", 30), ("2022", 1)], [("-0043-03", 30)], 32)
    headings = [h.text for _, h in sorted(layout.headings.items())]
    assert headings == ["158 BCE", "44 BCE", "March 44 BCE", "2022"]
    assert period_label("-0043") == "44 BCE"
