"""Changing the timeline from the keyboard: add, edit, delete, undo, export; asserting on the
widgets and on the database file."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import Input, Static, TextArea

from tests.tui.conftest import SIZE, Heard, add_legacy, app_on, rows, settle, type_text
from timeline.store import NewEvent, Store
from timeline.tui.app import TimelineApp
from timeline.tui.screens.confirm import ConfirmScreen
from timeline.tui.screens.edit import EditScreen
from timeline.tui.widgets.event_list import EventList


def title(app: TimelineApp) -> str | None:
    """Title of the highlighted event."""
    event = app.timeline.query_one(EventList).event
    return event.title if event else None


def form_text(form: EditScreen, selector: str) -> str:
    """What a Static of the form shows."""
    return str(form.query_one(selector, Static).content)


async def test_add_an_event_by_keyboard(seeded_path: Path) -> None:
    app = app_on(seeded_path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("a")
        form = app.screen
        assert isinstance(form, EditScreen)
        assert form.focused is form.query_one("#title")
        await type_text(pilot, "Joint drill")
        await pilot.press("tab")
        assert form.focused is form.query_one("#date")
        await type_text(pilot, "3 Sep 2022")
        await settle(pilot)
        assert form_text(form, "#date-preview") == "→ 3 Sep 2022 · day"
        await pilot.press("tab")
        assert form.focused is form.query_one("#end")
        await pilot.press("tab")
        assert form.focused is form.query_one("#details", TextArea)
        await type_text(pilot, "Planned")
        await pilot.press("tab")
        assert form.focused is form.query_one("#tags")
        await type_text(pilot, "a, b")
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert app.screen is app.timeline
        assert title(app) == "Joint drill"
    with Store.open(seeded_path) as store:
        added = [e for e in store.page_after(None, 100) if e.title == "Joint drill"]
        assert len(added) == 1
        event = added[0]
        assert (event.start, event.precision, event.details, event.tags) == (
            "2022-09-03",
            "day",
            "Planned",
            ("a", "b"),
        )


async def test_ctrl_s_saves_from_the_title_with_a_range(seeded_path: Path) -> None:
    app = app_on(seeded_path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("a")
        form = app.screen
        form.query_one("#date", Input).value = "1 Sep 2022"
        form.query_one("#end", Input).value = "2 Sep 2022"
        form.query_one("#title", Input).focus()
        await type_text(pilot, "Two-day summit")
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert title(app) == "Two-day summit"
    assert rows(seeded_path)["Two-day summit"] == ("2022-09-01", "2022-09-02", "day")


async def test_empty_title_and_bad_date_are_refused_inline_keeping_the_input(
    seeded_path: Path,
) -> None:
    app = app_on(seeded_path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("a", "tab")
        await type_text(pilot, "Smarch 45")
        await pilot.press("ctrl+s")
        await settle(pilot)
        form = app.screen
        assert isinstance(form, EditScreen)
        assert form_text(form, "#form-error") == "A title is needed."
        assert form.focused is form.query_one("#title")
        await type_text(pilot, "Something")
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert app.screen is form
        assert form_text(form, "#form-error").startswith("Date:")
        assert form.focused is form.query_one("#date")
        assert form.query_one("#date", Input).value == "Smarch 45"
        assert form.query_one("#title", Input).value == "Something"
        assert "Smarch" in form_text(form, "#date-preview")
        await pilot.press("escape")  # something was typed: asks first
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("y")
        assert app.screen is app.timeline
    assert "Something" not in rows(seeded_path) and len(rows(seeded_path)) == 8


async def test_edit_keeps_the_event_selected_and_undo_restores_it(seeded_path: Path) -> None:
    app = app_on(seeded_path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("down")  # Defence exports reach a record, 2021
        await pilot.press("e")
        form = app.screen
        assert isinstance(form, EditScreen)
        assert form.query_one("#title", Input).value == "Defence exports reach a record"
        assert form.query_one("#date", Input).value == "2021"
        assert form_text(form, "#date-preview") == "→ 2021 · year"
        await pilot.press("end")
        await type_text(pilot, " high")
        await pilot.press("tab", "ctrl+a", "ctrl+k")
        await type_text(pilot, "Mar 2023")
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert title(app) == "Defence exports reach a record high"
        assert rows(seeded_path)["Defence exports reach a record high"] == (
            "2023-03",
            None,
            "month",
        )
        await pilot.press("u")
        await settle(pilot)
        assert title(app) == "Defence exports reach a record"
    after = rows(seeded_path)
    assert after["Defence exports reach a record"] == ("2021", None, "year")
    assert "Defence exports reach a record high" not in after


async def test_edit_without_touching_the_date_keeps_it_exactly(seeded_path: Path) -> None:
    app = app_on(seeded_path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("down", "down", "down")  # ~Aug 2022, approximate
        assert title(app) == "Minister returns from the United States"
        await pilot.press("e", "end")
        await type_text(pilot, " again")
        await pilot.press("ctrl+s")
        await settle(pilot)
    with Store.open(seeded_path) as store:
        event = next(e for e in store.page_after(None, 100) if e.title.endswith("again"))
        assert (event.start, event.precision, event.approximate) == ("2022-08", "month", True)


async def test_delete_asks_for_y_and_undo_brings_it_back(seeded_path: Path) -> None:
    app = app_on(seeded_path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("down", "d")
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("n")
        assert app.screen is app.timeline
        assert "Defence exports reach a record" in rows(seeded_path)
        await pilot.press("d", "y")
        await settle(pilot)
        assert "Defence exports reach a record" not in rows(seeded_path)
        assert title(app) == "Seventy years of diplomatic relations"
        await pilot.press("u")
        await settle(pilot)
        assert title(app) == "Defence exports reach a record"
    assert len(rows(seeded_path)) == 8


async def test_undo_goes_several_steps_back(seeded_path: Path) -> None:
    app = app_on(seeded_path)
    heard = Heard()
    async with app.run_test(size=SIZE, message_hook=heard) as pilot:
        await settle(pilot)
        await pilot.press("u")
        assert heard.notices == ["Nothing to undo"]
        await pilot.press("d", "y")
        await settle(pilot)
        await pilot.press("d", "y")
        await settle(pilot)
        await pilot.press("a")
        await type_text(pilot, "Added then undone")
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert len(rows(seeded_path)) == 7
        await pilot.press("u")
        await settle(pilot)
        assert "Added then undone" not in rows(seeded_path)
        await pilot.press("u", "u")
        await settle(pilot)
        assert len(rows(seeded_path)) == 8
        await pilot.press("u")
        assert heard.notices[-1] == "Nothing to undo"
        assert len(rows(seeded_path)) == 8


async def test_add_from_the_welcome_screen(tmp_path: Path) -> None:
    path = tmp_path / "empty.db"
    app = app_on(path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert app.timeline.query_one("#welcome").display
        await pilot.press("a")
        await type_text(pilot, "First event")
        await pilot.press("tab")
        await type_text(pilot, "2020")
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert not app.timeline.query_one("#welcome").display
        assert title(app) == "First event"
    assert rows(path) == {"First event": ("2020", None, "year")}


async def test_edit_shows_the_stored_date_and_its_preview_as_stored(seeded_path: Path) -> None:
    app = app_on(seeded_path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("down", "down", "down")  # ~Aug 2022, approximate
        await pilot.press("e")
        await settle(pilot)
        form = app.screen
        assert isinstance(form, EditScreen)
        assert form.query_one("#date", Input).value == "c. Aug 2022"
        assert form_text(form, "#date-preview") == "→ c. Aug 2022 · month"
        await pilot.press("escape")
        await pilot.press("down")  # the 30–31 Aug 2022 range
        assert title(app) == "Defence minister visits Japan"
        await pilot.press("e")
        await settle(pilot)
        form = app.screen
        assert isinstance(form, EditScreen)
        assert form.query_one("#date", Input).value == "30 Aug 2022"
        assert form.query_one("#end", Input).value == "31 Aug 2022"
        assert form_text(form, "#date-preview") == "→ 30–31 Aug 2022 · day"
        await pilot.press("tab", "end")
        await type_text(pilot, "x")
        await settle(pilot)
        assert form_text(form, "#date-preview") != "→ 30–31 Aug 2022 · day"
        await pilot.press("backspace")  # back to the stored text
        await settle(pilot)
        assert form_text(form, "#date-preview") == "→ 30–31 Aug 2022 · day"
        await pilot.press("ctrl+s")
        await settle(pilot)
    assert rows(seeded_path)["Defence minister visits Japan"] == ("2022-08-30", "2022-08-31", "day")


async def test_edit_form_shows_escape_bytes_as_pictures_and_keeps_them_stored(
    tmp_path: Path,
) -> None:
    path = tmp_path / "escapes.db"
    with Store.open(path) as store:
        add_legacy(
            store,
            NewEvent(
                title="\x1b[31mred\x1b[0m [bold]x[/]",
                start="2022",
                precision="year",
                details="line\x1b[2J\nnext",
                tags=("a,b", "c"),
            ),
        )
    app = app_on(path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("e")
        form = app.screen
        assert isinstance(form, EditScreen)
        shown_title = form.query_one("#title", Input).value
        assert shown_title == "␛[31mred␛[0m [bold]x[/]"
        assert form.query_one("#details", TextArea).text == "line␛[2J\nnext"
        assert "\x1b" not in app.export_screenshot()  # what the terminal shows
        await pilot.press("tab", "tab", "tab", "tab")  # to Tags, leaving the rest untouched
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert app.screen is app.timeline
    with Store.open(path) as store:
        (event,) = store.page_after(None, 10)
    assert event.title == "\x1b[31mred\x1b[0m [bold]x[/]"
    assert event.details == "line\x1b[2J\nnext"
    assert event.tags == ("a,b", "c")


async def test_on_a_small_terminal_the_form_fits_and_scrolls_to_the_field(
    seeded_path: Path,
) -> None:
    app = app_on(seeded_path)
    async with app.run_test(size=(70, 20)) as pilot:
        await settle(pilot)
        await pilot.press("e")
        await settle(pilot)
        form = app.screen
        assert isinstance(form, EditScreen)
        box = form.query_one(".form")
        assert box.region.right <= 70  # the right border is on screen
        await pilot.press("tab", "tab", "tab", "tab")
        tags = form.query_one("#tags", Input)
        assert form.focused is tags
        await pilot.pause()
        assert tags.region.height == 1 and tags.region.bottom <= 20  # borderless, in view
        await type_text(pilot, "small")
        await pilot.press("ctrl+s")
        await settle(pilot)
    with Store.open(seeded_path) as store:
        event = next(e for e in store.page_after(None, 10) if e.start == "2012")
    assert event.tags == ("small",)


async def test_notices_quoting_a_title_show_its_escape_bytes_as_pictures(tmp_path: Path) -> None:
    path = tmp_path / "escapes.db"
    with Store.open(path) as store:
        add_legacy(store, NewEvent(title="\x1b[31mred [b]x[/b]", start="2022", precision="year"))
    app = app_on(path)
    heard = Heard()
    async with app.run_test(size=SIZE, message_hook=heard) as pilot:
        await settle(pilot)
        await pilot.press("d", "y")
        await settle(pilot)
        await pilot.press("u")
        await settle(pilot)
        notes = heard.notices
        assert "Deleted “␛[31mred [b]x[/b]” (u to undo)" in notes
        assert "Undid delete of “␛[31mred [b]x[/b]” (r to redo)" in notes
        assert not any("\x1b" in note for note in notes)
    assert rows(path) == {"\x1b[31mred [b]x[/b]": ("2022", None, "year")}
