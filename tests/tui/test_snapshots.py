"""Snapshots of the layouts that matter (timeline, details with a long list, form, article
reader) at 120x40, 80x24 and 200x50 on fixed data (no clock).

They back up the Pilot tests; update with `--snapshot-update` only after reading the report.
"""

from __future__ import annotations

from pathlib import Path

from textual.pilot import Pilot
from textual.widgets import Input

from tests.tui.conftest import TODAY, settle
from timeline.tui.app import make_app

SIZE = (120, 40)


async def _settled(pilot: Pilot) -> None:
    await settle(pilot)


def test_timeline_snapshot(seeded_path: Path, snap_compare) -> None:
    app = make_app(seeded_path, today=lambda: TODAY)
    assert snap_compare(app, terminal_size=SIZE, run_before=_settled, press=["down", "down"])


def test_details_snapshot(seeded_path: Path, snap_compare) -> None:
    app = make_app(seeded_path, today=lambda: TODAY)

    async def open_details(pilot: Pilot) -> None:
        await settle(pilot)
        await pilot.press("end", "up", "up", "enter")  # the memorandum: quote with "Tuesday"
        await settle(pilot)

    assert snap_compare(app, terminal_size=SIZE, run_before=open_details)


def steady_cursors(pilot: Pilot) -> None:
    """Stop the text cursors blinking: a busy machine could otherwise catch one mid-blink."""
    for field in pilot.app.screen.query(Input):
        field.cursor_blink = False


def test_form_snapshot(seeded_path: Path, snap_compare) -> None:
    app = make_app(seeded_path, today=lambda: TODAY)

    async def open_form(pilot: Pilot) -> None:
        await settle(pilot)
        await pilot.press("end", "up", "up", "up", "e")  # the two-day visit: a range
        await settle(pilot)
        steady_cursors(pilot)

    assert snap_compare(app, terminal_size=SIZE, run_before=open_form)


def test_timeline_snapshot_80x24(seeded_path: Path, snap_compare) -> None:
    app = make_app(seeded_path, today=lambda: TODAY)
    assert snap_compare(app, terminal_size=(80, 24), run_before=_settled, press=["down"])


def test_form_snapshot_80x24(seeded_path: Path, snap_compare) -> None:
    app = make_app(seeded_path, today=lambda: TODAY)

    async def open_form(pilot: Pilot) -> None:
        await settle(pilot)
        await pilot.press("a")
        await settle(pilot)
        steady_cursors(pilot)

    assert snap_compare(app, terminal_size=(80, 24), run_before=open_form)


def test_timeline_snapshot_200x50(seeded_path: Path, snap_compare) -> None:
    app = make_app(seeded_path, today=lambda: TODAY)
    assert snap_compare(app, terminal_size=(200, 50), run_before=_settled, press=["down"])


async def _reader(pilot: Pilot) -> None:
    """The memorandum's article in the reader: its sentence highlighted, the others marked."""
    await settle(pilot)
    await pilot.press("end", "up", "up", "o")
    await settle(pilot)


def test_reader_snapshot_80x24(seeded_path: Path, snap_compare) -> None:
    app = make_app(seeded_path, today=lambda: TODAY)
    assert snap_compare(app, terminal_size=(80, 24), run_before=_reader)


def test_reader_snapshot_200x50(seeded_path: Path, snap_compare) -> None:
    app = make_app(seeded_path, today=lambda: TODAY)
    assert snap_compare(app, terminal_size=(200, 50), run_before=_reader)


def _pier_minutes(path: Path) -> None:
    """One article of our own telling twenty-four meetings, one with a long title."""
    from timeline.store import NewEvent, NewSource, Store

    lines = [f"On {n + 1} March 2033 pier meeting number {n + 1} took place." for n in range(24)]
    long_title = (
        "The pier committee met in the old bandstand to argue at great length about the "
        "colour of the new railings and the price of paint"
    )
    with Store.open(path) as store:
        store.save_article(
            NewSource("Saltmere pier minutes", None, "2033-04-01", " ".join(lines)),
            [
                NewEvent(
                    title=long_title if n == 2 else f"Pier meeting {n + 1}",
                    start=f"2033-03-{n + 1:02d}",
                    quote=line,
                )
                for n, line in enumerate(lines)
            ],
        )


async def _long_details(pilot: Pilot) -> None:
    """The first meeting's details, the cursor moved down the long list of the others."""
    await settle(pilot)
    await pilot.press("home", "enter")
    await settle(pilot)
    await pilot.press(*["down"] * 14)
    await settle(pilot)


def test_details_long_list_snapshot_80x24(tmp_path: Path, snap_compare) -> None:
    path = tmp_path / "pier.db"
    _pier_minutes(path)
    app = make_app(path, today=lambda: TODAY)
    assert snap_compare(app, terminal_size=(80, 24), run_before=_long_details)


def test_details_long_list_snapshot_200x50(tmp_path: Path, snap_compare) -> None:
    path = tmp_path / "pier.db"
    _pier_minutes(path)
    app = make_app(path, today=lambda: TODAY)
    assert snap_compare(app, terminal_size=(200, 50), run_before=_long_details)
