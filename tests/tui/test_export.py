"""Exporting from the app: the format asked and remembered, the path written in full, and the
refusals (a folder, the database itself, a file that exists without asking)."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest
from textual.widgets import Input, OptionList, Static

from tests.tui.conftest import SIZE, Heard, app_on, rows, settle
from timeline.tui.screens.confirm import ConfirmScreen
from timeline.tui.screens.export_format import ExportFormatScreen
from timeline.tui.screens.prompt import PromptScreen


async def test_export_writes_csv_to_the_path_asked(seeded_path: Path, tmp_path: Path) -> None:
    app = app_on(seeded_path)
    out = tmp_path / "out.csv"
    heard = Heard()
    async with app.run_test(size=SIZE, message_hook=heard) as pilot:
        await settle(pilot)
        await pilot.press("x")
        await pilot.press("enter")  # the format list starts on csv
        await settle(pilot)
        prompt_input = app.screen.query_one(Input)
        assert prompt_input.value == "timeline.csv"
        prompt_input.value = str(out)  # as if typed over the default
        await pilot.press("enter")
        await settle(pilot)
        assert app.screen is app.timeline
        assert any("Exported 8 events" in notice for notice in heard.notices)
    with out.open(encoding="utf-8", newline="") as handle:
        exported = list(csv.DictReader(handle))
    assert len(exported) == 8
    assert exported[0]["title"] == "Previous visit by an Israeli defence minister"


async def test_export_asks_the_format_and_remembers_it(seeded_path: Path, tmp_path: Path) -> None:
    app = app_on(seeded_path)
    out = tmp_path / "chronology.md"
    heard = Heard()
    async with app.run_test(size=SIZE, message_hook=heard) as pilot:
        await settle(pilot)
        await pilot.press("x")
        await settle(pilot)
        assert isinstance(app.screen, ExportFormatScreen)
        await pilot.press("down", "down", "down", "down", "enter")  # csv, ..., ics, markdown
        await settle(pilot)
        prompt_input = app.screen.query_one(Input)
        assert prompt_input.value == "timeline.md"
        prompt_input.value = str(out)
        await pilot.press("enter")
        await settle(pilot)
        assert any(f"Exported 8 events to {out}" in notice for notice in heard.notices)
        await pilot.press("x")
        await settle(pilot)
        options = app.screen.query_one(OptionList)
        assert options.get_option_at_index(options.highlighted or 0).id == "markdown"
        await pilot.press("escape")
        await settle(pilot)
        assert app.screen is app.timeline
    text = out.read_text(encoding="utf-8")
    assert text.startswith("# ") and text.count("\n### ") + text.startswith("### ") == 8


async def test_export_to_a_folder_is_refused_inline(seeded_path: Path, tmp_path: Path) -> None:
    app = app_on(seeded_path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("x", "enter")
        await settle(pilot)
        app.screen.query_one(Input).value = str(tmp_path)
        await pilot.press("enter")
        await settle(pilot)
        assert "is a folder" in str(app.screen.query_one("#prompt-error", Static).content)


async def test_export_refuses_to_overwrite_the_database(seeded_path: Path) -> None:
    app = app_on(seeded_path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("x", "enter")
        await settle(pilot)
        app.screen.query_one(Input).value = str(seeded_path)
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, PromptScreen)  # refused inline, not asked to replace
        assert "is the database itself" in str(
            app.screen.query_one("#prompt-error", Static).content
        )
    assert len(rows(seeded_path)) == 8


async def test_export_over_an_existing_file_asks_first(seeded_path: Path, tmp_path: Path) -> None:
    app = app_on(seeded_path)
    out = tmp_path / "old.csv"
    out.write_text("keep me\n", encoding="utf-8")
    heard = Heard()
    async with app.run_test(size=SIZE, message_hook=heard) as pilot:
        await settle(pilot)
        await pilot.press("x", "enter")
        await settle(pilot)
        app.screen.query_one(Input).value = str(out)
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("n")
        await settle(pilot)
        assert app.screen is app.timeline
        assert out.read_text(encoding="utf-8") == "keep me\n"
        await pilot.press("x", "enter")
        await settle(pilot)
        app.screen.query_one(Input).value = str(out)
        await pilot.press("enter")
        await settle(pilot)
        await pilot.press("y")
        await settle(pilot)
        assert any(f"Exported 8 events to {out}" in notice for notice in heard.notices)
    with out.open(encoding="utf-8", newline="") as handle:
        assert len(list(csv.DictReader(handle))) == 8


async def test_export_names_the_file_in_full(
    seeded_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    app = app_on(seeded_path)
    heard = Heard()
    async with app.run_test(size=SIZE, message_hook=heard) as pilot:
        await settle(pilot)
        await pilot.press("x", "enter")  # the format list starts on csv
        await settle(pilot)
        await pilot.press("enter")  # the default, timeline.csv here
        await settle(pilot)
        assert app.screen is app.timeline
        assert any(
            f"Exported 8 events to {tmp_path / 'timeline.csv'}" in notice
            for notice in heard.notices
        )
    assert (tmp_path / "timeline.csv").is_file()
