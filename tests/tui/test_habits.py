"""Habits a keyboard user brings: their own keys, a kept theme, a form that asks before it
forgets, notices for every change, and a details screen to work in."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import OptionList, Static

from tests.tui.conftest import Heard, app_on, settle, type_text
from timeline.store import Store
from timeline.tui.screens.confirm import ConfirmScreen
from timeline.tui.screens.details import DetailsScreen
from timeline.tui.screens.edit import EditScreen
from timeline.tui.screens.help import HelpScreen

SIZE = (100, 30)


async def test_quit_remapped_to_capital_q_through_config(
    seeded_path: Path, config_dir: Path
) -> None:
    config_dir.mkdir()
    (config_dir / "config.toml").write_text('[keys]\nquit = "Q"\nadd = "n, +"\n')
    app = app_on(seeded_path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("q")  # no longer quits
        await pilot.pause()
        assert app.is_running and app.screen is app.timeline
        await pilot.press("question_mark")
        rows = app.screen.query_one("#keys", Static).content
        assert isinstance(app.screen, HelpScreen)
        assert ("Q", "quit") in app.screen.rows and ("n  +", "add an event") in app.screen.rows
        assert rows is not None
        await pilot.press("escape", "n")
        await pilot.pause()
        assert isinstance(app.screen, EditScreen)
        await pilot.press("escape")
        await pilot.press("Q")
        await pilot.pause()
    assert app.return_code == 0 and not app.is_running


async def test_bad_config_lines_are_named_and_defaults_stay(
    seeded_path: Path, config_dir: Path
) -> None:
    config_dir.mkdir()
    (config_dir / "config.toml").write_text('[keys]\nfly = "z"\nadd = "ctrl+nowhere"\n')
    app = app_on(seeded_path)
    heard = Heard()
    async with app.run_test(size=SIZE, message_hook=heard) as pilot:
        await settle(pilot)
        said = heard.notices
        assert any("unknown action 'fly'" in n for n in said)
        assert any("cannot read key 'ctrl+nowhere' for 'add'" in n for n in said)
        assert all("\n" not in n for n in said)
        await pilot.press("a")  # the default still works
        await pilot.pause()
        assert isinstance(app.screen, EditScreen)


async def test_the_theme_chosen_is_kept_for_the_next_start(
    seeded_path: Path, config_dir: Path
) -> None:
    config_dir.mkdir()
    (config_dir / "config.toml").write_text('[keys]\nquit = "Q"\n')
    app = app_on(seeded_path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        app.theme = "nord"
        await pilot.pause()
    text = (config_dir / "config.toml").read_text()
    assert 'theme = "nord"' in text and 'quit = "Q"' in text
    again = app_on(seeded_path)
    async with again.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert again.theme == "nord"


async def test_the_palette_lists_each_command_once(seeded_path: Path) -> None:
    app = app_on(seeded_path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        titles = [command.title for command in app.get_system_commands(app.timeline)]
        assert "Keys" not in titles and "Show keys" in titles
        assert len(titles) == len(set(titles))


async def test_esc_asks_before_throwing_away_a_changed_form(seeded_path: Path) -> None:
    app = app_on(seeded_path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("a", "escape")  # nothing typed: closes at once
        assert app.screen is app.timeline
        await pilot.press("a")
        await type_text(pilot, "Half written")
        await pilot.press("escape")
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("n")  # keep typing
        form = app.screen
        assert isinstance(form, EditScreen)
        assert form.query_one("#title").value == "Half written"  # type: ignore[attr-defined]
        await pilot.press("escape", "y")
        assert app.screen is app.timeline


async def test_an_edit_says_so(seeded_path: Path) -> None:
    app = app_on(seeded_path)
    heard = Heard()
    async with app.run_test(size=SIZE, message_hook=heard) as pilot:
        await settle(pilot)
        await pilot.press("e", "end")
        await type_text(pilot, " again")
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert (
            "Saved “Previous visit by an Israeli defence minister again” (u to undo)"
            in heard.notices
        )


async def test_details_is_a_place_to_work(seeded_path: Path) -> None:
    app = app_on(seeded_path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("end", "up", "up", "enter")  # the memorandum
        await settle(pilot)
        details = app.screen
        assert isinstance(details, DetailsScreen)
        others = details.query_one("#others", OptionList)
        assert app.focused is others and others.option_count == 2
        await pilot.press("down", "enter")  # move in the list and open another event
        await settle(pilot)
        assert details.event is not None
        assert details.event.title == "Defence minister visits Japan"
        await pilot.press("e")
        await pilot.pause()
        assert isinstance(app.screen, EditScreen)
        await pilot.press("end")
        await type_text(pilot, " briefly")
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert app.screen is details
        assert details.event.title == "Defence minister visits Japan briefly"
        assert "Defence minister visits Japan briefly" in str(
            details.query_one("#event", Static).content.renderables[0]  # type: ignore[attr-defined]
        )
        # Another process edits the event shown: the details follow.
        with Store.open(seeded_path) as other:
            other.update_event(details.event_id, title="Renamed elsewhere")
        await pilot.pause(1.3)  # the app polls for others' writes every second
        await settle(pilot)
        assert details.event.title == "Renamed elsewhere"
        await pilot.press("d", "y")
        await settle(pilot)
        assert details.event is None
        with Store.open(seeded_path) as check:
            assert "Renamed elsewhere" not in [e.title for e in check.page_after(None, 50)]
        await pilot.press("u")
        await settle(pilot)
        assert details.event is not None and details.event.title == "Renamed elsewhere"
