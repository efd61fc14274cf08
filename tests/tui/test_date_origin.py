"""The details screen says how ingest got each event's date, with article text shown literally."""

from __future__ import annotations

from pathlib import Path

import pytest
from rich.text import Text
from textual.widgets import Static

from tests.tui.conftest import app_on, settle
from timeline.store import NewEvent, NewSource, Store
from timeline.tui.screens.details import DetailsScreen

SIZE = (120, 40)

ARTICLE = (
    "RIVERTON, 12 March 2011. The dam was finished in 2009. Officials said on Tuesday that the "
    "lake was full. Crowds gathered at the shore. Three days later, engineers opened the "
    "gates. A fair was held in [bold]spring 2010[/bold]."
)
"""A short regional news story of our own, published 12 Mar 2011."""

ORIGINS = [
    ("Dam finished", "from “in 2009” in its sentence"),
    ("Fair held", "from “[bold]spring 2010[/bold]” in its sentence"),
    ("Lake full", "from “on Tuesday”, counted from the publication date, 12 Mar 2011"),
    (
        "Crowds gather",
        "no date in its sentence: placed at the date the article was reporting, 12 Mar 2011 "
        "(approximate)",
    ),
    ("Gates opened", "from “Three days later”, counted from 12 Mar 2011 in an earlier sentence"),
    ("Typed by hand", None),
]
"""Each event's title, in date order, and the line the details screen shows under its date."""


def _dated(title: str, sentence: str, expression: str, **fields: object) -> NewEvent:
    """An event as ingest builds it, its expression's offsets into ARTICLE."""
    at = ARTICLE.index(sentence)
    start = at + sentence.index(expression) if expression else None
    end = start + len(expression) if start is not None else None
    return NewEvent(
        title=title,
        quote=sentence,
        span_start=start,
        span_end=end,
        **fields,  # type: ignore[arg-type]
    )


@pytest.fixture
def origins_path(tmp_path: Path) -> Path:
    """One ingested article with an event per date basis, and one event typed by hand."""
    path = tmp_path / "origins.db"
    events = [
        _dated(
            "Dam finished",
            "The dam was finished in 2009.",
            "in 2009",
            start="2009",
            date_basis="expression",
            date_text="in 2009",
        ),
        _dated(
            "Fair held",
            "A fair was held in [bold]spring 2010[/bold].",
            "[bold]spring 2010[/bold]",
            start="2010",
            date_basis="expression",
            date_text="[bold]spring 2010[/bold]",
        ),
        _dated(
            "Lake full",
            "Officials said on Tuesday that the lake was full.",
            "on Tuesday",
            start="2011-03-08",
            date_basis="publication",
            date_text="on Tuesday",
            counted_from="2011-03-12",
        ),
        _dated(
            "Crowds gather",
            "Crowds gathered at the shore.",
            "",
            start="2011-03-12",
            approximate=True,
            date_basis="report",
            counted_from="2011-03-12",
        ),
        _dated(
            "Gates opened",
            "Three days later, engineers opened the gates.",
            "Three days later",
            start="2011-03-15",
            date_basis="narrative",
            date_text="Three days later",
            counted_from="2011-03-12",
        ),
    ]
    with Store.open(path) as store:
        store.save_article(NewSource("Dam opens", None, "2011-03-12", ARTICLE), events)
        store.add_event(NewEvent(title="Typed by hand", start="2011-04-01"))
    return path


def _lines(screen: DetailsScreen) -> list[str]:
    """The plain lines of the event shown (the origin, indented, as six spaces and its text)."""
    content = screen.query_one("#event", Static).content
    return [
        part.plain if isinstance(part, Text) else " " * part.left + part.renderable.plain
        for part in content.renderables  # type: ignore[attr-defined]
    ]


async def test_details_say_how_each_date_was_got(origins_path: Path) -> None:
    app = app_on(origins_path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("home")
        for index, (title, origin) in enumerate(ORIGINS):
            if index:
                await pilot.press("down")
            await pilot.press("enter")
            await pilot.pause()
            screen = app.screen
            assert isinstance(screen, DetailsScreen)
            lines = _lines(screen)
            assert lines[0] == title
            assert lines[1].startswith("When  ")
            if origin is None:
                assert not lines[2].strip(), lines[2]  # straight on to Details
            else:
                assert lines[2] == "      " + origin
            await pilot.press("escape")
            await settle(pilot)


async def test_an_expression_that_looks_like_markup_is_shown_as_written(
    origins_path: Path,
) -> None:
    app = app_on(origins_path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("home", "down", "enter")
        await pilot.pause()
        content = app.screen.query_one("#event", Static).content
        origin = content.renderables[2].renderable  # type: ignore[attr-defined]
        assert "[bold]spring 2010[/bold]" in origin.plain
        assert not any("bold" in str(span.style) for span in origin.spans)


async def test_a_reported_span_is_explained_as_the_span_shown_at_80x24(tmp_path: Path) -> None:
    path = tmp_path / "span.db"
    text = "Harbour gazette, 31 Aug 2022. Crowds gathered at the quay all week."
    with Store.open(path) as store:
        store.save_article(
            NewSource("Quay week", None, "2022-08-31", text),
            [
                NewEvent(
                    title="Crowds gather at the quay",
                    start="2022-08-24",
                    end="2022-08-31",
                    approximate=True,
                    date_basis="report",
                    counted_from="2022-08-31",
                    quote=text[30:],
                )
            ],
        )
    app = app_on(path)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("home", "enter")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, DetailsScreen)
        origin = " ".join(_lines(screen)[:4])
        assert "the article was reporting 31 Aug 2022; placed at c. 24–31 Aug 2022" in origin
