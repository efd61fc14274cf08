"""The app never waits on the database on its own thread: while another program holds the
write lock, the screen still moves, says it is waiting, and saves once the lock is free."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from tests.tui.conftest import Heard, app_on, settle, type_text
from timeline.store import Store
from timeline.tui.screens.edit import EditScreen

SIZE = (100, 30)


async def test_adding_while_another_program_writes_waits_without_freezing(
    seeded_path: Path,
) -> None:
    app = app_on(seeded_path)
    other = sqlite3.connect(seeded_path, isolation_level=None, check_same_thread=False)
    heard = Heard()
    async with app.run_test(size=SIZE, message_hook=heard) as pilot:
        await settle(pilot)
        await pilot.press("a")
        assert isinstance(app.screen, EditScreen)
        await type_text(pilot, "Joint drill")
        await pilot.press("tab")
        await type_text(pilot, "3 Sep 2022")
        await settle(pilot)
        other.execute("BEGIN IMMEDIATE")  # a long import in another terminal
        try:
            await pilot.press("ctrl+s")
            await pilot.pause(1.6)
            assert app.screen is app.timeline
            before = app.timeline.events.cursor
            await pilot.press("down")  # the screen still answers keys
            await pilot.pause()
            assert app.timeline.events.cursor != before
            assert any(note.startswith("waiting for another program") for note in heard.notices)
        finally:
            other.execute("COMMIT")
            other.close()
        await settle(pilot)
        await pilot.pause(0.2)
        await settle(pilot)
    with Store.open(seeded_path) as store:
        assert "Joint drill" in [e.title for e in store.page_after(None, 100)]
