"""An event's details open at its title and date, at every size, and the row the keys act on is
never highlighted out of sight: where it does not fit below the title, ↓ brings it in."""

from __future__ import annotations

from pathlib import Path

from textual.containers import VerticalScroll
from textual.widgets import Static

from tests.tui.conftest import app_on, settle
from timeline.store import NewEvent, NewSource, Store
from timeline.tui.screens.details import DetailsScreen
from timeline.tui.widgets.page_list import PageList
from timeline.tui.widgets.siblings import SiblingList

SENTENCES = [
    "Ferries to the Brackwater isles first sailed on 4 May 1961.",
    "The Brackwater harbour board met in the old customs house on 2 June 2034 and voted, "
    "after a long evening of argument, to rebuild the eastern breakwater.",
    "Divers from Saltmere inspected the breakwater on 9 June 2034.",
    "Work on the breakwater will begin in August 2034, the board said.",
]
"""An article of our own: four dated happenings, the second long enough to wrap its title."""


def _harbour(path: Path) -> None:
    """One article telling four events, each with its sentence as its only mention."""
    text = "Brackwater, 10 June 2034. " + " ".join(SENTENCES)
    dates = [("1961-05-04", "4 May 1961"), ("2034-06-02", "2 June 2034")]
    dates += [("2034-06-09", "9 June 2034"), ("2034-08", "August 2034")]
    with Store.open(path) as store:
        store.save_article(
            NewSource("Brackwater board votes to rebuild breakwater", None, "2034-06-10", text),
            [
                NewEvent(
                    title=sentence.rstrip("."),
                    start=start,
                    precision="month" if len(start) == 7 else "day",
                    quote=sentence,
                    span_start=text.index(written),
                    span_end=text.index(written) + len(written),
                    date_basis="expression",
                    date_text=written,
                )
                for sentence, (start, written) in zip(SENTENCES, dates, strict=True)
            ],
        )


async def _open_the_board_meeting(app, pilot) -> DetailsScreen:
    """Open the details of the long-titled event (the second in date order)."""
    await settle(pilot)
    await pilot.press("home", "down", "enter")
    await settle(pilot)
    details = app.screen
    assert isinstance(details, DetailsScreen) and details.event is not None
    assert details.event.title.startswith("The Brackwater harbour board met")
    return details


def _row_on_screen(details: DetailsScreen, listed: PageList) -> bool:
    """Whether the list's highlighted row is drawn whole inside the page."""
    assert listed.highlighted is not None
    first, lines = listed.lines_of(listed.highlighted)
    row = listed.region.y + first - round(listed.scroll_y)
    body = details.query_one("#body", VerticalScroll)
    return body.region.y <= row and row + lines <= body.region.bottom


def _title_on_screen(details: DetailsScreen) -> bool:
    """Whether the event's title line and its date line are inside the page."""
    body = details.query_one("#body", VerticalScroll)
    event = details.query_one("#event", Static)
    return body.scroll_y == 0 and event.region.y >= body.region.y


async def test_at_80x24_details_open_at_the_title_with_the_highlighted_row_in_view(
    tmp_path: Path,
) -> None:
    path = tmp_path / "harbour.db"
    _harbour(path)
    app = app_on(path)
    async with app.run_test(size=(80, 24)) as pilot:
        details = await _open_the_board_meeting(app, pilot)
        others = details.query_one("#others", SiblingList)
        assert app.focused is others and others.highlighted == 0
        assert _title_on_screen(details)
        assert _row_on_screen(details, others)
        await pilot.press("j")  # the timeline's keys move here too
        assert others.highlighted == 1


async def test_at_60x20_the_row_waits_below_the_fold_and_down_brings_it_in(
    tmp_path: Path,
) -> None:
    path = tmp_path / "harbour.db"
    _harbour(path)
    app = app_on(path)
    async with app.run_test(size=(60, 20)) as pilot:
        details = await _open_the_board_meeting(app, pilot)
        others = details.query_one("#others", SiblingList)
        assert _title_on_screen(details)
        # its row is below the fold: nothing is highlighted, so Enter opens nothing unseen
        assert others.highlighted is None
        await pilot.press("enter")
        await settle(pilot)
        assert details.event is not None and details.event.title.startswith("The Brackwater")
        await pilot.press("down")
        await settle(pilot)
        assert others.highlighted == 0  # the first row, not the second
        assert _row_on_screen(details, others)


async def test_empty_sections_are_left_out_of_the_body(tmp_path: Path) -> None:
    path = tmp_path / "typed.db"
    with Store.open(path) as store:
        store.add_event(NewEvent(title="Brackwater lighthouse repainted", start="2034-07-01"))
        store.add_event(
            NewEvent(title="Lighthouse keeper retires", start="2034-07-02", details="Retired.")
        )
    app = app_on(path)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        for down, wanted in ((0, False), (1, True)):
            await pilot.press("home", *["down"] * down, "enter")
            await settle(pilot)
            details = app.screen
            assert isinstance(details, DetailsScreen)
            body = str(details.query_one("#event", Static).render())
            lines = [str(part) for part in details.query_one("#event", Static).content.renderables]
            assert "Quote" not in lines  # typed by hand: no sentence to quote
            assert ("Details" in lines) is wanted, body
            await pilot.press("escape")
            await settle(pilot)
