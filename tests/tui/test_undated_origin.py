"""An article with no publication date: events counted from it stay undated, and the details
screen says so instead of claiming a publication date."""

from __future__ import annotations

from pathlib import Path

from rich.text import Text
from textual.widgets import Static

from tests.tui.conftest import app_on, settle
from timeline.store import NewEvent, NewSource, Store
from timeline.tui.screens.details import DetailsScreen

ARTICLE = "Officials in Norrick said yesterday that the ferry would stop for the winter."


async def test_details_never_claim_a_publication_date_the_article_lacks(tmp_path: Path) -> None:
    path = tmp_path / "undated.db"
    sentence = ARTICLE
    at = sentence.index("yesterday")
    with Store.open(path) as store:
        store.save_article(
            NewSource("Ferry to stop", None, None, ARTICLE),
            [
                NewEvent(
                    title="Ferry to stop for the winter",
                    quote=sentence,
                    span_start=at,
                    span_end=at + len("yesterday"),
                    date_basis="publication",
                    date_text="yesterday",
                )
            ],
        )
    app = app_on(path)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("home", "enter")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, DetailsScreen)
        content = screen.query_one("#event", Static).content
        lines = [
            part.plain if isinstance(part, Text) else " " * part.left + part.renderable.plain
            for part in content.renderables  # type: ignore[attr-defined]
        ]
        assert lines[1] == "When  undated"
        assert lines[2].strip() == (
            "from “yesterday”: left undated, the article gives no publication date"
        )
        assert "counted from the publication date" not in "\n".join(lines)
    with Store.open(path) as store:
        [event] = store.page_after(None, 5)
        assert event.start is None and event.date_basis == "publication"
