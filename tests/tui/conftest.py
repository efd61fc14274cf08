"""TUI fixtures: real SQLite files seeded through the store, an app built by `make_app`."""

from __future__ import annotations

import dataclasses
from datetime import date
from pathlib import Path

import pytest
from textual.message import Message
from textual.notifications import Notify
from textual.pilot import Pilot

from timeline.store import NewEvent, NewSource, Store
from timeline.store.tags import join_tags
from timeline.tui.app import TimelineApp, make_app

TODAY = date(2022, 9, 1)
"""The fixed 'today' every TUI test runs on (no clock)."""

ARTICLE = (
    "TOKYO, 31 August 2022. The defence minister of Israel ended a two-day visit to Japan "
    "on Wednesday. On Tuesday the two ministers signed a memorandum on defence ties. "
    "No Israeli defence minister had come to Tokyo since 2012."
)
"""A short article of our own, after the facts of the sample story."""

MARKUP_TITLE = "[bold]Not bold[/] [link=https://example.com]no link[/link] \x1b[31mno red"
"""A title that must render literally."""


def _span(text: str, sentence: str, expression: str) -> dict[str, object]:
    """Quote and offsets of `expression` inside `sentence`, as ingest stores them."""
    at = text.index(sentence)
    start = at + sentence.index(expression)
    return {"quote": sentence, "span_start": start, "span_end": start + len(expression)}


def seed(store: Store) -> None:
    """Eight events: one article with three, five by hand (one approximate, one undated)."""
    visit = "The defence minister of Israel ended a two-day visit to Japan on Wednesday."
    signed = "On Tuesday the two ministers signed a memorandum on defence ties."
    since = "No Israeli defence minister had come to Tokyo since 2012."
    store.save_article(
        NewSource(
            "Israel and Japan sign defence memorandum",
            "https://example.com/mou",
            "2022-08-31",
            ARTICLE,
        ),
        [
            NewEvent(
                title="Defence minister visits Japan",
                start="2022-08-30",
                precision="day",
                end="2022-08-31",
                **_span(ARTICLE, visit, "two-day visit"),
            ),
            NewEvent(
                title="Ministers sign defence memorandum",
                start="2022-08-30",
                precision="day",
                tags=("defence", "japan"),
                date_basis="publication",
                date_text="On Tuesday",
                **_span(ARTICLE, signed, "Tuesday"),
            ),
            NewEvent(
                title="Previous visit by an Israeli defence minister",
                start="2012",
                precision="year",
                **_span(ARTICLE, since, "2012"),
            ),
        ],
    )
    store.add_event(
        NewEvent(
            title="Defence exports reach a record",
            start="2021",
            precision="year",
            details="Exports hit a record in 2021.",
        )
    )
    store.add_event(
        NewEvent(
            title="Minister returns from the United States",
            start="2022-08",
            precision="month",
            approximate=True,
        )
    )
    store.add_event(
        NewEvent(title="Seventy years of diplomatic relations", start="2022", precision="year")
    )
    store.add_event(
        NewEvent(title="Talks on a follow-up visit", start="2022-09-15", precision="day")
    )
    store.add_event(NewEvent(title="An event nobody dated"))


@pytest.fixture
def seeded_path(tmp_path: Path) -> Path:
    """A database file with the eight seeded events."""
    path = tmp_path / "timeline.db"
    with Store.open(path) as store:
        seed(store)
    return path


@pytest.fixture
def many_path(tmp_path: Path) -> Path:
    """A database with 600 events over 2019–2023, 10 per month (months get headings)."""
    path = tmp_path / "many.db"
    with Store.open(path) as store:
        store.add_events(
            NewEvent(
                title=f"Event {year}-{month:02d} #{n}",
                start=f"{year}-{month:02d}-{n + 1:02d}",
                precision="day",
            )
            for year in range(2019, 2024)
            for month in range(1, 13)
            for n in range(10)
        )
    return path


def add_legacy(store: Store, event: NewEvent) -> int:
    """Add an event whose text holds control bytes, as a database written before the store
    refused them holds it (such rows must still show safely)."""
    clean = dataclasses.replace(event, title="placeholder", details="", quote="", tags=())
    added = store.add_event(clean)
    store.db.execute(
        "UPDATE events SET title = ?, details = ?, quote = ?, tags = ? WHERE id = ?",
        [event.title, event.details, event.quote, join_tags(event.tags), added.id],
    )
    return added.id


class Heard:
    """The notices an app showed, heard as `Notify` messages through `run_test(message_hook=...)`
    (public API; the app's own list of notifications is private)."""

    def __init__(self) -> None:
        self.notices: list[str] = []

    def __call__(self, message: Message) -> None:
        """Keep the text of each notice, in the order shown."""
        if isinstance(message, Notify):
            self.notices.append(message.notification.message)


def app_on(path: Path, *, search_delay: float = 0.0) -> TimelineApp:
    """The app as the CLI builds it, on a fixed today; searches run at once unless asked."""
    app = make_app(path, today=lambda: TODAY)
    app.timeline.search_delay = search_delay
    return app


async def settle(pilot: Pilot) -> None:
    """Wait until workers are done and their messages handled (twice: a load may start one)."""
    for _ in range(3):
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()


async def type_text(pilot: Pilot, text: str) -> None:
    """Type text key by key, as a person would."""
    await pilot.press(*text)


FILLER = "".join(
    f"Paragraph {n} of the harbour report lists pumps, cranes and crews at work.\n\n"
    for n in range(1, 61)
)
"""Sixty undated paragraphs, so the sentence of the long article lies far below its top."""
GAZETTE = (
    "PORT ELSWICK, 12 March 2031. The Tarnby harbour bridge reopened on 10 March 2031.\n\n"
    + FILLER
    + "Mayor Odile Fenwick cut the ribbon at the bridge on 10 March 2031 at dawn.\n"
)
"""A long article of our own: the sentence the mayor's mention quotes is at its end."""
COURIER = (
    "The Tarnby harbour bridge opened again on 11 March 2031, a day later than planned. "
    "Ferries across the Tarn will stop running in April 2031."
)


def _told(text: str, sentence: str, expression: str, title: str, start: str) -> NewEvent:
    """An ingested event: its sentence, its date expression and the date it gives."""
    return NewEvent(
        title=title,
        start=start,
        date_basis="expression",
        date_text=expression,
        **_span(text, sentence, expression),  # type: ignore[arg-type]
    )


def seed_story(store: Store) -> None:
    """Two articles telling the bridge's reopening on different days (one event, two
    sentences, a conflict), a supporting sentence (not a key event), ferries, a typed event."""
    from timeline.store.models import StoryEvent

    reopened = "The Tarnby harbour bridge reopened on 10 March 2031."
    ribbon = "Mayor Odile Fenwick cut the ribbon at the bridge on 10 March 2031 at dawn."
    store.save_article(
        NewSource("Tarnby bridge reopens", "https://example.com/gazette", "2031-03-12", GAZETTE),
        [
            _told(GAZETTE, reopened, "10 March 2031", "Tarnby bridge reopens", "2031-03-10"),
            _told(GAZETTE, ribbon, "10 March 2031", "Mayor cuts the ribbon", "2031-03-10"),
        ],
        kinds=["event", "support"],
    )
    opened = "The Tarnby harbour bridge opened again on 11 March 2031, a day later than planned."
    ferries = "Ferries across the Tarn will stop running in April 2031."
    store.save_article(
        NewSource("Bridge open again", "https://example.com/courier", "2031-03-12", COURIER),
        [
            _told(COURIER, opened, "11 March 2031", "Bridge opens again", "2031-03-11"),
            _told(COURIER, ferries, "April 2031", "Ferries stop running", "2031-04"),
        ],
    )
    store.add_event(NewEvent(title="Toll plan published", start="2031-05", precision="month"))
    by_quote = {m.quote: m.id for m in store.all_mentions()}
    store.apply_story(
        [
            StoryEvent(
                mention_ids=(by_quote[reopened], by_quote[opened]),
                start="2031-03-10",
                end=None,
                precision="day",
                approximate=False,
                date_mention=by_quote[reopened],
                title_mention=by_quote[reopened],
                importance=2.0,
                key=True,
                conflict=True,
            )
        ]
    )


@pytest.fixture
def story_path(tmp_path: Path) -> Path:
    """A database whose bridge event is told by two sources that disagree on its date."""
    path = tmp_path / "story.db"
    with Store.open(path) as store:
        seed_story(store)
    return path


SIZE = (120, 40)
"""The terminal most app tests run in (columns, rows)."""


def rows(path: Path) -> dict[str, tuple[str | None, str | None, str | None]]:
    """Every event in the file: title -> (start, end, precision)."""
    with Store.open(path) as store:
        return {e.title: (e.start, e.end, e.precision) for e in store.page_after(None, 1000)}
