"""Searching and filtering from the keyboard: search as you type, the pause it waits for, Esc and
Enter, a date range in words, and what an empty result says."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import Input, Static

from tests.tui.browsing import ORDER, listed, screen_lines, summary, title
from tests.tui.conftest import SIZE, app_on, settle, type_text
from timeline.store import Filter
from timeline.tui.screens.prompt import PromptScreen


async def test_search_as_you_type_counts_and_esc_clears(seeded_path: Path) -> None:
    app = app_on(seeded_path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("slash")
        await type_text(pilot, "visi")
        await settle(pilot)
        assert app.timeline.flt == Filter(query="visi", key_only=True)
        assert summary(app).startswith("3 events of 8  ·  search “visi”")
        assert title(app) == ORDER[0]
        await pilot.press("enter", "down")  # back to the list, search kept
        assert title(app) == "Defence minister visits Japan"
        await pilot.press("escape")
        await settle(pilot)
        assert summary(app).startswith("8 events")
        assert not app.timeline.query_one("#search", Input).display


async def test_search_waits_for_typing_to_pause(seeded_path: Path) -> None:
    app = app_on(seeded_path, search_delay=0.2)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("slash")
        await type_text(pilot, "record")
        assert app.timeline.flt == Filter(key_only=True)  # still typing: nothing ran yet
        await pilot.pause(0.3)
        await settle(pilot)
        assert summary(app).startswith("1 event of 8")


async def test_an_empty_result_says_why_and_how_to_clear_it(seeded_path: Path) -> None:
    app = app_on(seeded_path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("f")
        await type_text(pilot, "2030")
        await pilot.press("enter")
        await settle(pilot)
        assert summary(app).startswith("0 events of 8")
        assert screen_lines(app)[1].strip() == "No events in 2030.  Esc clears the date filter."
        await pilot.press("slash")
        await type_text(pilot, "[b]zz")
        await settle(pilot)
        assert screen_lines(app)[1].strip() == (
            "No events match “[b]zz” in 2030.  Esc clears the search."
        )
        await pilot.press("escape", "escape")
        await settle(pilot)
        assert summary(app).startswith("8 events")
        assert not any("No events" in line for line in screen_lines(app))


async def test_filter_by_date_range_in_words(seeded_path: Path) -> None:
    app = app_on(seeded_path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("f")
        await type_text(pilot, "Aug 2022..Sep 2022")
        await pilot.press("enter")
        await settle(pilot)
        assert app.timeline.flt == Filter(date_from="2022-08", date_to="2022-09", key_only=True)
        # the year 2022 meets Aug..Sep 2022, so its event is kept, first in date order
        assert summary(app).startswith("5 events of 8")
        assert title(app) == "Seventy years of diplomatic relations"
        await pilot.press("f")
        prompt = app.screen
        assert isinstance(prompt, PromptScreen)
        await pilot.press("ctrl+a", "ctrl+k")  # clear the field
        await type_text(pilot, "Smarch")
        await pilot.press("enter")
        await settle(pilot)
        assert app.screen is prompt
        assert "Smarch" in str(prompt.query_one("#prompt-error", Static).render())
        assert prompt.query_one(Input).value == "Smarch"
        await pilot.press("escape")
        assert app.timeline.flt.date_from == "2022-08"  # a cancelled prompt changes nothing
        await pilot.press("escape")  # Esc on the list clears the filter
        await settle(pilot)
        assert summary(app).startswith("8 events")


async def test_search_results_far_from_the_ends_are_read_in_a_worker(many_path: Path) -> None:
    app = app_on(many_path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("slash")
        await type_text(pilot, "event")
        await pilot.press("enter")
        await settle(pilot)
        assert summary(app).startswith("600 events of 600")
        for _ in range(8):
            await pilot.press("pagedown")
        await settle(pilot)
        shown = title(app)
        assert shown is not None and shown.startswith("Event 2021")
        assert "…" not in "".join(screen_lines(app))


async def test_esc_right_after_typing_drops_the_pending_search(seeded_path: Path) -> None:
    app = app_on(seeded_path, search_delay=0.2)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("slash")
        await type_text(pilot, "record")
        await pilot.press("escape")  # before typing has paused long enough to search
        await pilot.pause(0.3)
        await settle(pilot)
        assert app.timeline.flt == Filter(key_only=True)
        assert summary(app).startswith("8 events")
        assert not app.timeline.query_one("#search", Input).display


async def test_enter_searches_at_once(seeded_path: Path) -> None:
    app = app_on(seeded_path, search_delay=30)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("slash")
        await type_text(pilot, "record")
        await pilot.press("enter")
        await settle(pilot)
        assert app.timeline.flt == Filter(query="record", key_only=True)
        assert summary(app).startswith("1 event of 8")
        assert app.focused is listed(app)
