"""The app at every terminal size from 60x20 up: what a user needs to see is on screen."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widget import Widget
from textual.widgets import Label

from tests.tui.conftest import app_on, settle
from timeline.store import NewEvent, Store
from timeline.tui.app import TimelineApp
from timeline.tui.screens.edit import EditScreen
from timeline.tui.widgets.event_list import MARK_WIDTH, EventList

SIZES = [(60, 20), (80, 24), (120, 40), (200, 50)]
TITLES = [
    "Previous visit by an Israeli defence minister",
    "Defence exports reach a record",
    "Seventy years of diplomatic relations",
    "Minister returns from the United States",
    "Defence minister visits Japan",
    "Ministers sign defence memorandum",
    "Talks on a follow-up visit",
    "An event nobody dated",
]


def event_rows(app: TimelineApp) -> list[str]:
    """The list's event lines (not headings), as drawn."""
    events = app.timeline.query_one(EventList)
    lines = [events.render_line(y).text for y in range(events.size.height)]
    return [line for line in lines if line.startswith("   ") and line.strip()]


def on_screen(app: TimelineApp, widget: Widget) -> bool:
    """True when the whole widget is drawn inside the terminal."""
    region = widget.region
    return region.height > 0 and app.screen.region.contains_region(region)


def footer_keys(app: TimelineApp) -> list[str]:
    """What the footer shows, key and description."""
    return [f"{key.key_display} {key.description}".strip() for key in app.screen.query("FooterKey")]


@pytest.mark.parametrize("size", SIZES, ids=[f"{w}x{h}" for w, h in SIZES])
async def test_the_timeline_lays_out_on_purpose(seeded_path: Path, size: tuple[int, int]) -> None:
    app = app_on(seeded_path)
    async with app.run_test(size=size) as pilot:
        await settle(pilot)
        keys = footer_keys(app)
        assert "? Keys" in keys and "q Quit" in keys  # a newcomer can learn the rest and leave
        assert "K Key events" in keys  # and sees that only the key events are shown
        rows = event_rows(app)
        assert len(rows) == 8
        # Aligned: the title and the source start at the same column on every row.
        titles_at = {max(row.find(t[:12]) for t in TITLES) for row in rows}
        sources_at = {max(row.find("◆"), row.find("✎")) for row in rows}
        assert len(titles_at) == 1 and len(sources_at) == 1
        # The date column is as wide as its longest date ("30–31 Aug 2022") and a gap, then
        # the marks column (sources, conflict).
        assert titles_at == {3 + len("30–31 Aug 2022") + 2 + MARK_WIDTH}
        if size[0] >= 120:
            shown = "\n".join(rows)
            assert all(title in shown for title in TITLES)  # full titles when there is room
            assert "◆ Israel and Japan sign defence memorandum" in shown  # and full sources
        if size[0] >= 200:
            assert sources_at.pop() > 120  # the source column grows with the terminal


@pytest.mark.parametrize("size", SIZES, ids=[f"{w}x{h}" for w, h in SIZES])
async def test_the_form_shows_its_title_and_save_hint(
    seeded_path: Path, size: tuple[int, int]
) -> None:
    app = app_on(seeded_path)
    async with app.run_test(size=size) as pilot:
        await settle(pilot)
        await pilot.press("a")
        await settle(pilot)
        form = app.screen
        assert isinstance(form, EditScreen)
        hint = form.query_one(".hint", Label)
        assert "Ctrl+S  save" in str(hint.render())
        assert on_screen(app, hint)
        title_label = form.query(".field").first(Label)
        assert on_screen(app, title_label) and on_screen(app, form.query_one("#title"))
        await pilot.press("tab", "tab", "tab", "tab")  # down to Tags: the hint stays in sight
        await pilot.pause()
        assert form.focused is form.query_one("#tags")
        assert on_screen(app, form.query_one("#tags")) and on_screen(app, hint)


async def test_the_chart_says_when_it_shows_a_window(tmp_path: Path) -> None:
    path = tmp_path / "century.db"
    with Store.open(path) as store:
        store.add_events(
            NewEvent(title=f"Event of {year}", start=str(year), precision="year")
            for year in range(1900, 2023)
        )
    app = app_on(path)
    async with app.run_test(size=(60, 20)) as pilot:
        await settle(pilot)
        chart = str(app.timeline.query_one("#density").render())
        assert chart.startswith("1900 ") and chart.endswith("›")  # more years that way
        await pilot.press("end")
        await settle(pilot)
        chart = str(app.timeline.query_one("#density").render())
        assert chart.startswith("‹") and chart.endswith(" 2022")
