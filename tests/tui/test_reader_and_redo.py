"""From an event back to its article (the reader, its margin, the link), on this day, and undo
with redo: pressed as a person would, checked on the widgets and in the database file."""

from __future__ import annotations

from pathlib import Path

from textual.containers import VerticalScroll
from textual.widgets import OptionList, Static

from tests.tui.conftest import Heard, app_on, settle, type_text
from timeline.store import NewEvent, Source, Store
from timeline.tui.app import TimelineApp
from timeline.tui.screens.article import ArticleScreen, link_of
from timeline.tui.screens.details import DetailsScreen
from timeline.tui.screens.on_this_day import OnThisDayScreen
from timeline.tui.widgets.event_list import EventList


def titles(path: Path) -> set[str]:
    """Every event title in the file."""
    with Store.open(path) as store:
        return {e.title for e in store.page_after(None, 1000)}


async def _highlight(app: TimelineApp, pilot, wanted: str) -> None:
    """Move the cursor down from the top to the event titled `wanted`."""
    await pilot.press("home")
    for _ in range(20):
        event = app.timeline.query_one(EventList).event
        if event is not None and event.title == wanted:
            return
        await pilot.press("down")
    raise AssertionError(f"{wanted!r} is not listed")


def _lines(article: ArticleScreen) -> list[str]:
    """The reader's text as laid out, line by line, margin included."""
    return str(article.query_one("#article", Static).content).split("\n")


async def test_o_opens_the_article_at_the_event_with_others_in_the_margin(
    seeded_path: Path,
) -> None:
    app = app_on(seeded_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("K")  # every event
        await settle(pilot)
        await _highlight(app, pilot, "Ministers sign defence memorandum")
        await pilot.press("o")
        await settle(pilot)
        article = app.screen
        assert isinstance(article, ArticleScreen)
        lines = _lines(article)
        own = [line for line in lines if line.startswith("▶ ")]
        others = [line for line in lines if line.startswith("• ")]
        assert "On Tuesday the two ministers" in " ".join(own)
        assert "Israel ended a" in " ".join(others) and "since 2012" in " ".join(others)
        assert all(len(line) <= 80 for line in lines)
        assert article.sentence_line == lines.index(own[0])
        await pilot.press("escape")
        assert app.screen is app.timeline


async def test_o_on_an_event_typed_by_hand_says_there_is_no_article(seeded_path: Path) -> None:
    app = app_on(seeded_path)
    heard = Heard()
    async with app.run_test(size=(80, 24), message_hook=heard) as pilot:
        await settle(pilot)
        await pilot.press("K")
        await settle(pilot)
        await _highlight(app, pilot, "Defence exports reach a record")
        await pilot.press("o")
        await settle(pilot)
        assert app.screen is app.timeline
        assert "Added by hand: this event has no article." in heard.notices


async def test_n_walks_the_events_marked_in_a_long_article(story_path: Path) -> None:
    app = app_on(story_path)
    heard = Heard()
    async with app.run_test(size=(80, 24), message_hook=heard) as pilot:
        await settle(pilot)
        await pilot.press("K")
        await settle(pilot)
        await _highlight(app, pilot, "Mayor cuts the ribbon")
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, DetailsScreen)
        await pilot.press("o")
        await settle(pilot)
        article = app.screen
        assert isinstance(article, ArticleScreen)
        body = article.query_one("#article-body", VerticalScroll)
        assert body.scroll_y > 50  # the ribbon is at the end of the long article
        assert len(article.marked_lines) == 2  # the ribbon and the reopening at the top
        await pilot.press("N")
        await pilot.pause()
        assert body.scroll_y == 0  # back up to the reopening, in the lead
        await pilot.press("N")
        assert "No more events in this article" in heard.notices


def test_a_source_opens_by_url_else_by_its_file(tmp_path: Path) -> None:
    article = tmp_path / "pier.txt"
    article.write_text("Pier news.", encoding="utf-8")
    base = Source(1, "Pier", None, None, "x", "Pier news.", None, str(article))
    assert link_of(base, {}) == ("file", str(article))
    assert link_of(base, {"EDITOR": "nano"}) == ("editor", str(article))
    web = Source(1, "Pier", "https://example.net/pier", None, "x", "", None, str(article))
    assert link_of(web, {}) == ("url", "https://example.net/pier")
    gone = Source(1, "Pier", "javascript:alert(1)", None, "x", "", None, str(tmp_path / "no"))
    assert link_of(gone, {}) is None  # neither a web address nor a file that exists


async def test_on_this_day_lists_other_years_and_opens_one(seeded_path: Path) -> None:
    with Store.open(seeded_path) as store:
        store.add_event(NewEvent(title="Harbour wall finished", start="2012-09-01"))
        store.add_event(NewEvent(title="Lighthouse lit", start="1899-09-01"))
    app = app_on(seeded_path)  # today is 1 Sep 2022 in these tests
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("O")
        await settle(pilot)
        listing = app.screen
        assert isinstance(listing, OnThisDayScreen)
        assert [e.title for e in listing.found] == ["Lighthouse lit", "Harbour wall finished"]
        options = listing.query_one("#days", OptionList)
        assert options.option_count == 2
        await pilot.press("down", "enter")
        await settle(pilot)
        details = app.screen
        assert isinstance(details, DetailsScreen)
        assert details.event is not None and details.event.title == "Harbour wall finished"


async def test_add_delete_undo_undo_redo_redo_run_in_order(seeded_path: Path) -> None:
    app = app_on(seeded_path)
    heard = Heard()
    async with app.run_test(size=(120, 40), message_hook=heard) as pilot:
        await settle(pilot)
        await pilot.press("a")
        await type_text(pilot, "Harbour drill")
        await pilot.press("ctrl+s")
        await settle(pilot)
        await pilot.press("d", "y")
        await settle(pilot)
        assert "Harbour drill" not in titles(seeded_path)
        await pilot.press("u")  # the delete
        await settle(pilot)
        assert "Harbour drill" in titles(seeded_path)
        await pilot.press("u")  # the add
        await settle(pilot)
        assert "Harbour drill" not in titles(seeded_path)
        assert not any("since" in message for message in heard.notices)
        assert heard.notices[-1] == "Undid add of “Harbour drill” (r to redo)"
        await pilot.press("r")  # the add again
        await settle(pilot)
        assert "Harbour drill" in titles(seeded_path)
        await pilot.press("r")  # the delete again
        await settle(pilot)
        assert "Harbour drill" not in titles(seeded_path)
        assert heard.notices[-1] == "Redid delete of “Harbour drill” (u to undo)"
        await pilot.press("r")
        assert heard.notices[-1] == "Nothing to redo"


async def test_edit_undo_redo_and_a_change_elsewhere_is_named_in_words(seeded_path: Path) -> None:
    app = app_on(seeded_path)
    heard = Heard()
    async with app.run_test(size=(120, 40), message_hook=heard) as pilot:
        await settle(pilot)
        await pilot.press("K")
        await settle(pilot)
        await _highlight(app, pilot, "Defence exports reach a record")
        await pilot.press("e")
        await pilot.press("end", *" again")
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert "Defence exports reach a record again" in titles(seeded_path)
        await pilot.press("u")
        await settle(pilot)
        assert "Defence exports reach a record" in titles(seeded_path)
        await pilot.press("r")
        await settle(pilot)
        assert "Defence exports reach a record again" in titles(seeded_path)
        with Store.open(seeded_path) as other:  # another program changes it meanwhile
            (event,) = [e for e in other.page_after(None, 100) if e.title.endswith("record again")]
            other.update_event(event.id, details="Changed elsewhere")
        await pilot.press("u")
        await settle(pilot)
        message = heard.notices[-1]
        assert "“Defence exports reach a record again” was changed since" in message
        assert str(event.id) not in message
        assert "Defence exports reach a record again" in titles(seeded_path)


LONG_TITLE = (
    "The pier committee of Saltmere met in the old bandstand to argue at great length about "
    "the colour of the new railings"
)


def _long_article(path: Path, count: int) -> None:
    """One article of our own telling `count` dated events, one of them with a long title."""
    from timeline.store import NewSource

    lines = [f"On {n + 1} March 2033 pier meeting number {n + 1} took place." for n in range(count)]
    text = " ".join(lines)
    with Store.open(path) as store:
        store.save_article(
            NewSource("Saltmere pier minutes", None, "2033-04-01", text),
            [
                NewEvent(
                    title=LONG_TITLE if n == 3 else f"Pier meeting {n + 1}",
                    start=f"2033-03-{n + 1:02d}",
                    quote=line,
                )
                for n, line in enumerate(lines)
            ],
        )


async def _open_first(app: TimelineApp, pilot) -> DetailsScreen:
    """Open the details of the first event listed."""
    await settle(pilot)
    await pilot.press("K")
    await settle(pilot)
    await pilot.press("home", "enter")
    await settle(pilot)
    details = app.screen
    assert isinstance(details, DetailsScreen)
    return details


async def test_details_list_follows_the_cursor_at_80x24(tmp_path: Path) -> None:
    path = tmp_path / "pier.db"
    _long_article(path, 28)
    app = app_on(path)
    async with app.run_test(size=(80, 24)) as pilot:
        details = await _open_first(app, pilot)
        others = details.query_one("#others", OptionList)
        assert app.focused is others and others.option_count == 27
        body = details.query_one("#body", VerticalScroll)
        for _ in range(26):
            await pilot.press("down")
            await pilot.pause()
            first, lines = others.lines_of(others.highlighted)
            # where the highlighted row is on the screen (the list scrolls too, once it fills
            # the page)
            row = others.region.y + first - round(others.scroll_y)
            assert body.region.y <= row and row + lines <= body.region.bottom
        assert others.highlighted == 26 and body.scroll_y > 0
        await pilot.press("enter")
        await settle(pilot)
        assert details.event is not None and details.event.title == "Pier meeting 28"


async def test_details_list_shows_every_row_and_wraps_titles_in_their_column(
    tmp_path: Path,
) -> None:
    path = tmp_path / "pier.db"
    _long_article(path, 28)
    app = app_on(path)
    async with app.run_test(size=(200, 50)) as pilot:
        details = await _open_first(app, pilot)
        others = details.query_one("#others", OptionList)
        _, lines = others.lines_of(2)  # the long title: two lines
        assert lines == 2
        assert others.size.height >= sum(others.lines_of(i)[1] for i in range(27))
        assert others.max_scroll_y == 0  # at 200x50 every row is on the page
    app = app_on(path)
    async with app.run_test(size=(60, 20)) as pilot:
        details = await _open_first(app, pilot)
        others = details.query_one("#others", OptionList)
        rendered = [strip.text for strip in others.render_lines(others.region.reset_offset)]
        long_lines = [line for line in rendered if "railings" in line or "committee" in line]
        assert long_lines and all(line.startswith(" " * 20) for line in long_lines[1:])


def test_the_search_line_reads_source_and_tag_filters() -> None:
    from timeline.tui.screens.searching import search_terms

    assert search_terms("pier tag:resorts source:4 lights") == ("pier lights", 4, "resorts")
    assert search_terms("source:x tag:") == ("source:x tag:", None, None)


async def test_the_app_filters_by_tag_and_source_from_the_search_line(seeded_path: Path) -> None:
    app = app_on(seeded_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("K", "slash")
        await type_text(pilot, "tag:japan")
        await pilot.press("enter")
        await settle(pilot)
        listed = app.timeline.query_one(EventList)
        assert (
            listed.event is not None and listed.event.title == "Ministers sign defence memorandum"
        )
        assert app.timeline.flt.tag == "japan"
        await pilot.press("escape", "slash")
        await type_text(pilot, "source:1")
        await pilot.press("enter")
        await settle(pilot)
        with Store.open(seeded_path) as store:
            assert store.count(app.timeline.flt) == 3


async def test_the_source_prompt_says_how_many_events_go(seeded_path: Path) -> None:
    from timeline.tui.screens.confirm import ConfirmScreen

    app = app_on(seeded_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("K")
        await settle(pilot)
        await _highlight(app, pilot, "Defence minister visits Japan")
        await pilot.press("enter")
        await settle(pilot)
        await pilot.press("D")
        await settle(pilot)
        assert isinstance(app.screen, ConfirmScreen)
        shown = " ".join(str(s.content) for s in app.screen.query(Static))
        assert "and its 3 event(s)?" in shown


async def test_a_long_date_origin_wraps_under_itself_at_60x20(tmp_path: Path) -> None:
    from timeline.store import NewSource

    text = "Quayside, 9 May 2030. On Monday the ferry berth at the far end of the quay closed."
    path = tmp_path / "origin.db"
    with Store.open(path) as store:
        store.save_article(
            NewSource("Berth", None, "2030-05-09", text),
            [
                NewEvent(
                    title="Ferry berth closes",
                    start="2030-05-06",
                    date_basis="publication",
                    date_text="On Monday",
                    quote=text[22:],
                )
            ],
        )
    app = app_on(path)
    async with app.run_test(size=(60, 20)) as pilot:
        await settle(pilot)
        await pilot.press("home", "enter")
        await settle(pilot)
        event = app.screen.query_one("#event", Static)
        lines = [strip.text for strip in event.render_lines(event.region.reset_offset)]
        at = next(i for i, line in enumerate(lines) if "counted from" in line)
        assert lines[at].startswith(" " * 6 + "from")
        assert lines[at + 1].startswith(" " * 6) and lines[at + 1].strip()


async def test_a_long_article_keeps_its_lines_whole_at_80x24(tmp_path: Path) -> None:
    from timeline.store import NewSource

    lines = [
        f"On {n + 1} May 2036 the Dunhollow ferry board met again to argue about the timetable "
        "for the winter crossings to the outer isles."
        for n in range(20)
    ]
    text = " ".join(lines)
    path = tmp_path / "ferry.db"
    with Store.open(path) as store:
        store.save_article(
            NewSource("Dunhollow ferry board", None, "2036-06-01", text),
            [NewEvent(title="Board meets", start="2036-05-12", quote=lines[11])],
        )
    app = app_on(path)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("home", "o")
        await settle(pilot)
        article = app.screen
        assert isinstance(article, ArticleScreen)
        static = article.query_one("#article", Static)
        laid = _lines(article)
        assert len(laid) > 24  # taller than the page: the scrollbar is shown
        # each laid-out line is one line on the screen (none wrapped again, past its margin)
        assert static.size.height == len(laid)
        assert article.query_one("#article-body", VerticalScroll).scroll_y > 0
