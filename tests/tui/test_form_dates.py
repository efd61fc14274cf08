"""The add form reads what articles read (seasons, eras, centuries), its live preview says how
each was read, and the event list shows BCE years as a reader writes them."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widgets import Input, Static

from tests.tui.conftest import app_on, settle, type_text
from timeline.store import Store
from timeline.tui.screens.edit import EditScreen

SIZE = (120, 40)


@pytest.mark.parametrize(
    ("typed", "preview", "stored"),
    [
        ("spring 2027", "→ c. Mar–May 2027 · month", ("2027-03", "2027-05", "month", True)),
        ("15 March 44 BC", "→ 15 Mar 44 BCE · day", ("-0043-03-15", None, "day", False)),
        (
            "the 3rd century BC",
            "→ c. 300–201 BCE · year",
            ("-0299", "-0200", "year", True),
        ),
        ("2027-2029", "→ 2027–2029 · year", ("2027", "2029", "year", False)),
    ],
)
async def test_the_form_reads_what_articles_read(
    seeded_path: Path, typed: str, preview: str, stored: tuple[object, ...]
) -> None:
    app = app_on(seeded_path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("a")
        form = app.screen
        assert isinstance(form, EditScreen)
        await type_text(pilot, "Harbour wall rebuilt")
        await pilot.press("tab")
        await type_text(pilot, typed)
        await settle(pilot)
        assert str(form.query_one("#date-preview", Static).content) == preview
        assert form.query_one("#date", Input).value == typed
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert app.screen is app.timeline
    with Store.open(seeded_path) as store:
        [event] = [e for e in store.page_after(None, 100) if e.title == "Harbour wall rebuilt"]
        assert (event.start, event.end, event.precision, event.approximate) == stored
