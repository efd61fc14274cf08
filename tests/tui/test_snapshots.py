"""Snapshots of the layouts that matter, at 120x40, 80x24 and 200x50 on fixed data (no clock).

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
