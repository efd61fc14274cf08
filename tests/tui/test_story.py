"""The story in the app: key events by default, rows that say how many sources tell an event
and whether they disagree, the sentences in the details, the article at a sentence, and moving
a sentence out, joining events and picking a date, each taken back by `u`."""

from __future__ import annotations

from pathlib import Path

from textual.containers import VerticalScroll
from textual.pilot import Pilot
from textual.widgets import Input, Static

from tests.tui.browsing import shown
from tests.tui.conftest import app_on, settle, type_text
from tests.tui.test_sizes import event_rows, footer_keys
from timeline.store import Event, Store
from timeline.tui.app import TimelineApp
from timeline.tui.screens.article import ArticleScreen
from timeline.tui.screens.details import DetailsScreen
from timeline.tui.screens.join import JoinScreen
from timeline.tui.widgets.event_list import EventList
from timeline.tui.widgets.mentions import MentionList
from timeline.tui.widgets.summary import SummaryBar

SIZE = (100, 30)
BRIDGE = "Tarnby bridge reopens"


def stored(path: Path) -> dict[str, Event]:
    """Every event in the file, by title, with its mentions."""
    with Store.open(path) as store:
        return {e.title: e for e in store.with_mentions(store.page_after(None, 100))}


def titles(app: TimelineApp) -> list[str]:
    """Titles of the events the list shows."""
    pages = app.timeline.query_one(EventList).pages
    assert pages is not None
    return [e.title for e in (pages.get(i) for i in range(pages.layout.total)) if e]


async def open_bridge(app: TimelineApp, pilot: Pilot[None]) -> DetailsScreen:
    """Open the details of the bridge's reopening, the first event."""
    await pilot.press("home", "enter")
    await settle(pilot)
    assert isinstance(app.screen, DetailsScreen)
    return app.screen


async def test_key_events_by_default_and_k_shows_every_event(story_path: Path) -> None:
    app = app_on(story_path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert "Mayor cuts the ribbon" not in titles(app)  # a supporting sentence: not key
        assert titles(app) == [BRIDGE, "Ferries stop running", "Toll plan published"]
        assert "K Key events" in footer_keys(app)
        assert str(app.timeline.query_one(SummaryBar).render()).startswith("3 key events of 4")
        await pilot.press("K")
        await settle(pilot)
        assert "Mayor cuts the ribbon" in titles(app)
        assert "K All events" in footer_keys(app) and "K Key events" not in footer_keys(app)
        assert str(app.timeline.query_one(SummaryBar).render()).startswith("4 events")
        await pilot.press("K")
        await settle(pilot)
        assert "Mayor cuts the ribbon" not in titles(app)
        assert "K Key events" in footer_keys(app)


async def test_a_row_shows_how_many_sources_and_a_conflict(story_path: Path) -> None:
    app = app_on(story_path)
    async with app.run_test(size=(60, 20)) as pilot:
        await settle(pilot)
        rows = event_rows(app)
        bridge = next(row for row in rows if "Tarnby" in row)
        assert "!×2" in bridge  # two sources, and they disagree on the date
        ferries = next(row for row in rows if "Ferries" in row)
        assert "×" not in ferries and "!" not in ferries  # one source: no mark


async def test_details_list_the_sentences_and_say_they_disagree(story_path: Path) -> None:
    app = app_on(story_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        details = await open_bridge(app, pilot)
        body = shown(details.query_one("#event", Static))
        assert "The sources disagree on the date: 10 Mar 2031, 11 Mar 2031" in body
        told = details.query_one(MentionList)
        assert app.focused is told and told.highlighted == 0
        prompts = [str(told.get_option_at_index(i).prompt) for i in range(told.option_count)]
        assert prompts[0].startswith("Tarnby bridge reopens  10 Mar 2031")
        assert "The Tarnby harbour bridge reopened on 10 March 2031." in prompts[0]
        assert prompts[1].startswith("Bridge open again  11 Mar 2031  (not the event's date)")
        assert "opened again on 11 March 2031" in prompts[1]
        await pilot.press("down")
        await settle(pilot)
        assert told.highlighted == 1
        assert details.query_one("#body", VerticalScroll).region.contains_region(
            told.region.intersection(details.region)
        )


async def test_enter_on_a_sentence_opens_the_article_there(story_path: Path) -> None:
    app = app_on(story_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("K")  # the ribbon is not a key event
        await settle(pilot)
        await pilot.press("home", "down", "enter")
        await settle(pilot)
        details = app.screen
        assert isinstance(details, DetailsScreen) and details.event is not None
        assert details.event.title == "Mayor cuts the ribbon"
        await pilot.press("shift+tab")  # from the article's other events to its sentence
        assert app.focused is details.query_one(MentionList)
        await pilot.press("enter")
        await settle(pilot)
        article = app.screen
        assert isinstance(article, ArticleScreen)
        text = article.text
        sentence = "Mayor Odile Fenwick cut the ribbon at the bridge on 10 March 2031 at dawn."
        marked = [text.plain[s.start : s.end] for s in text.spans if str(s.style) == "reverse"]
        assert marked == [sentence]
        body = article.query_one("#article-body", VerticalScroll)
        assert body.scroll_y > 50  # far down the long article
        top, height = body.scroll_y, body.scrollable_content_region.height
        assert top <= article.sentence_line < top + height  # and the sentence is in sight
        await pilot.press("escape")
        assert app.screen is details


async def test_move_a_sentence_out_and_undo(story_path: Path) -> None:
    app = app_on(story_path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        details = await open_bridge(app, pilot)
        await pilot.press("down", "m")
        await settle(pilot)
        events = stored(story_path)
        assert [m.source_title for m in events[BRIDGE].mentions] == ["Tarnby bridge reopens"]
        moved = next(e for e in events.values() if e.start == "2031-03-11")
        assert [m.source_title for m in moved.mentions] == ["Bridge open again"]
        assert details.query_one(MentionList).option_count == 1
        await pilot.press("u")
        await settle(pilot)
        events = stored(story_path)
        assert len(events[BRIDGE].mentions) == 2 and events[BRIDGE].sources == 2
        assert moved.id not in {e.id for e in events.values()}
        assert details.query_one(MentionList).option_count == 2


async def test_join_another_event_and_undo(story_path: Path) -> None:
    app = app_on(story_path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        ferries = stored(story_path)["Ferries stop running"]
        await open_bridge(app, pilot)
        await pilot.press("J")
        await settle(pilot)
        dialog = app.screen
        assert isinstance(dialog, JoinScreen)
        assert app.focused is dialog.query_one("#join-search", Input)
        await type_text(pilot, "Ferries")
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, DetailsScreen)
        events = stored(story_path)
        assert "Ferries stop running" not in events
        assert len(events[BRIDGE].mentions) == 3
        await pilot.press("u")
        await settle(pilot)
        events = stored(story_path)
        assert events["Ferries stop running"].id == ferries.id
        assert [m.id for m in events["Ferries stop running"].mentions] == [
            m.id for m in ferries.mentions
        ]
        assert len(events[BRIDGE].mentions) == 2


async def test_pick_a_sentences_date_and_undo(story_path: Path) -> None:
    app = app_on(story_path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        details = await open_bridge(app, pilot)
        await pilot.press("down", "p")
        await settle(pilot)
        assert stored(story_path)[BRIDGE].start == "2031-03-11"
        assert "11 Mar 2031  ·  day precision" in shown(details.query_one("#event", Static))
        await pilot.press("u")
        await settle(pilot)
        assert stored(story_path)[BRIDGE].start == "2031-03-10"


async def test_the_story_keys_are_in_the_help_and_can_be_changed(story_path: Path) -> None:
    from timeline.tui.keys import keys_in_force
    from timeline.tui.screens.timeline import TimelineScreen

    declared = TimelineScreen.declared_bindings()
    rows = dict((what, keys) for keys, what in keys_in_force({"join": "ctrl+j"}, declared))
    assert rows["in the details: join another event into this one (pick it by date or search)"] == (
        "Ctrl+j"
    )
    assert any(keys == "m" and "move the highlighted sentence out" in what
               for what, keys in rows.items())  # fmt: skip
    assert any(keys == "p" and "date the event as" in what for what, keys in rows.items())
    assert any(keys == "K" and "key events" in what for what, keys in rows.items())
