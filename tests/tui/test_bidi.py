"""Bidirectional controls in article text (RLO, LRI and the like) are shown escaped, as other
control characters are: a raw one would turn the rest of a row around on screen."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner
from textual.widgets import Static

from tests.tui.conftest import app_on, settle
from timeline.cli.main import cli
from timeline.store import NewEvent, Store
from timeline.tui.screens.details import DetailsScreen
from timeline.tui.widgets.event_list import EventList

BIDI = "\u202e\u2066\u200f\u061c"
TITLE = f"Ferry to Ostby {BIDI[0]}kcab{BIDI[1:]} on time"


def _seeded(tmp_path: Path) -> Path:
    path = tmp_path / "bidi.db"
    with Store.open(path) as store:
        store.add_event(NewEvent(title=TITLE, start="2023-05-04", details=f"Crew {BIDI} note"))
    return path


async def test_the_app_shows_bidi_controls_escaped_in_rows_and_details(tmp_path: Path) -> None:
    app = app_on(_seeded(tmp_path))
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        events = app.timeline.query_one(EventList)
        rows = "\n".join(events.render_line(y).text for y in range(events.size.height))
        assert "Ostby \\u202ekcab\\u2066" in rows
        await pilot.press("enter")
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, DetailsScreen)
        shown = "\n".join(
            getattr(part, "plain", str(part))
            for widget in screen.query(Static)
            for part in getattr(widget.content, "renderables", [widget.content])
        )
        assert "\\u202e" in shown
        assert not any(ch in rows + shown for ch in BIDI)


def test_list_shows_bidi_controls_escaped(tmp_path: Path) -> None:
    result = CliRunner().invoke(cli, ["--db", str(_seeded(tmp_path)), "list"])
    assert result.exit_code == 0
    assert "\\u202ekcab\\u2066\\u200f\\u061c on time" in result.stdout
    assert not any(ch in result.stdout for ch in BIDI)
