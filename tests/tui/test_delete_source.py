"""Deleting a source and every event taken from it from the details screen, undone in one step."""

from __future__ import annotations

from pathlib import Path

from tests.tui.conftest import Heard, app_on, settle
from timeline.store import Store
from timeline.tui.screens.details import DetailsScreen

SIZE = (100, 30)


def _titles(path: Path) -> list[str]:
    with Store.open(path) as store:
        return [e.title for e in store.page_after(None, 100)]


async def test_delete_every_event_of_a_source_and_undo_it(seeded_path: Path) -> None:
    before = _titles(seeded_path)
    app = app_on(seeded_path)
    heard = Heard()
    async with app.run_test(size=SIZE, message_hook=heard) as pilot:
        await settle(pilot)
        assert app.timeline.events.event is not None
        assert app.timeline.events.event.source_id is not None  # 2012, from the article
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, DetailsScreen)
        await pilot.press("D")
        await pilot.press("y")
        await settle(pilot)
        assert app.screen is app.timeline
        assert len(_titles(seeded_path)) == len(before) - 3
        notes = heard.notices
        assert any(n.startswith("Deleted source “Israel and Japan") for n in notes)
        await pilot.press("u")
        await settle(pilot)
    assert _titles(seeded_path) == before
