"""Keys you can trust: a key no terminal can send is named at start-up and the default stays;
the palette, the help and the footer show the keys in force."""

from __future__ import annotations

from pathlib import Path

from tests.tui.conftest import Heard, app_on, settle
from timeline.tui.config import load_config, readable_key
from timeline.tui.keys import ACTIONS
from timeline.tui.screens.help import HelpScreen
from timeline.tui.widgets.footer import KeyFooter
from timeline.tui.widgets.search_bar import SearchBar


def test_a_character_key_with_modifiers_must_be_on_a_keyboard() -> None:
    assert readable_key("ctrl+s") and readable_key("alt+f2") and readable_key("question_mark")
    assert readable_key("é")  # typed alone, any character arrives
    assert not readable_key("ctrl+shift+banana")  # a Unicode name no terminal sends with Ctrl
    assert not readable_key("ctrl+é")
    # keys that arrive as others: Shift with a character types it, Ctrl+I is Tab
    assert not readable_key("shift+n") and readable_key("N") and readable_key("shift+tab")
    assert not readable_key("ctrl+i") and not readable_key("ctrl+m") and readable_key("ctrl+j")


async def test_an_unbindable_key_is_named_and_the_default_stays(
    seeded_path: Path, config_dir: Path
) -> None:
    config_dir.mkdir()
    (config_dir / "config.toml").write_text('[keys]\nsearch = "ctrl+shift+banana"\n')
    config = load_config(config_dir, ACTIONS)
    assert config.keys == {}
    assert "ctrl+shift+banana" in config.problems[0] and "keeping the default" in config.problems[0]
    app = app_on(seeded_path)
    heard = Heard()
    async with app.run_test(size=(100, 30), message_hook=heard) as pilot:
        await settle(pilot)
        assert any("ctrl+shift+banana" in notice for notice in heard.notices)
        await pilot.press("slash")
        assert app.timeline.query_one(SearchBar).display


async def test_palette_help_and_footer_show_the_keys_in_force(
    seeded_path: Path, config_dir: Path
) -> None:
    config_dir.mkdir()
    (config_dir / "config.toml").write_text('[keys]\nadd = "n, +"\nundo = "z"\n')
    app = app_on(seeded_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        helps = {c.title: c.help for c in app.get_system_commands(app.screen)}
        assert helps["Add event"].endswith("(n  +)")
        assert helps["Undo"].endswith("(z)")
        assert helps["Redo"].endswith("(r)")
        footer = app.timeline.query_one(KeyFooter)
        shown = {binding.id for binding, _, _ in footer._fitting(80)}
        assert {"add", "search", "undo", "help", "quit", "key_events"} <= shown
        await pilot.press("f1")
        await settle(pilot)
        assert isinstance(app.screen, HelpScreen)
        rows = dict((what, keys) for keys, what in app.screen.rows)
        assert rows["add an event"] == "n  +"
        assert rows["redo what undo took back last"] == "r"


async def test_help_explains_the_signs_at_80x24(seeded_path: Path) -> None:
    app = app_on(seeded_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("question_mark")
        await settle(pilot)
        assert isinstance(app.screen, HelpScreen)
        hints = " ".join(str(label.content) for label in app.screen.query(".hint"))
        assert "c. Aug 2022: an approximate date" in hints and "The strip at the top" in hints
        assert "✎ typed by hand" in hints  # the row's source mark too


async def test_every_export_format_and_the_hint_fit_at_80x24(seeded_path: Path) -> None:
    from textual.widgets import Label, OptionList

    from timeline.tui.screens.export_format import ExportFormatScreen

    app = app_on(seeded_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("x")
        await settle(pilot)
        dialog = app.screen
        assert isinstance(dialog, ExportFormatScreen)
        formats = dialog.query_one("#formats", OptionList)
        assert formats.max_scroll_y == 0  # html's description needs no scrolling
        hint = dialog.query_one(".hint", Label)
        assert hint.region.bottom <= 24 and "Esc  cancel" in str(hint.content)


async def test_a_toast_reaches_the_right_edge_at_80x24(seeded_path: Path) -> None:
    app = app_on(seeded_path)
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await settle(pilot)
        await pilot.press("u")
        await settle(pilot)
        await pilot.pause(0.2)
        rack = app.screen.query_one("#textual-toastrack")
        (toast,) = rack.query("Toast")  # Textual's notice widget, by its CSS type
        assert toast.region.right == 80  # no strip of the row beneath left showing


async def test_a_changed_key_keeps_its_place_in_the_footer(
    seeded_path: Path, config_dir: Path
) -> None:
    config_dir.mkdir()
    (config_dir / "config.toml").write_text('[keys]\nadd = "n, +"\nundo = "ctrl+z"\n')
    app = app_on(seeded_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        shown = [key.description for key in app.screen.query("FooterKey")]
        # as without a [keys] table: Add after Search, Undo before the key-events switch
        assert shown.index("Add") < shown.index("Edit") < shown.index("Undo")
        assert shown.index("Undo") < shown.index("Keys") < shown.index("Quit")


async def test_the_help_says_what_search_covers_and_its_filters(seeded_path: Path) -> None:
    app = app_on(seeded_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("question_mark")
        await settle(pilot)
        assert isinstance(app.screen, HelpScreen)
        what = dict((keys, what) for keys, what in app.screen.rows)["/"]
        assert "tags" in what and "tag:NAME" in what and "source:ID" in what


def test_shift_with_a_letter_is_named_with_how_to_write_it(config_dir: Path) -> None:
    config_dir.mkdir()
    (config_dir / "config.toml").write_text('[keys]\nadd = "shift+n"\n')
    config = load_config(config_dir, ACTIONS)
    assert config.keys == {}  # the default a stays
    assert "'shift+n'" in config.problems[0] and "'N'" in config.problems[0]


async def test_a_key_already_another_actions_is_named_and_both_keep_theirs(
    seeded_path: Path, config_dir: Path
) -> None:
    from timeline.tui.keys import without_clashes
    from timeline.tui.screens.timeline import TimelineScreen

    declared = TimelineScreen.declared_bindings()
    kept, problems = without_clashes({"add": "e", "undo": "z"}, declared)
    assert kept == {"undo": "z"} and "'e'" in problems[0] and "'edit'" in problems[0]
    assert without_clashes({"add": "e", "edit": "a"}, declared) == ({"add": "e", "edit": "a"}, [])
    assert without_clashes({"search": "escape"}, declared)[0] == {}  # the app keeps Esc
    config_dir.mkdir()
    (config_dir / "config.toml").write_text('[keys]\nadd = "e"\n')
    app = app_on(seeded_path)
    heard = Heard()
    async with app.run_test(size=(80, 24), message_hook=heard) as pilot:
        await settle(pilot)
        assert any("already the key of 'edit'" in notice for notice in heard.notices)
        shown = [key.description for key in app.screen.query("FooterKey")]
        assert "Edit" in shown and "Add" in shown  # before: Add took e and Edit was gone
