"""Browsing with the keyboard and the mouse: move, step, open, jump, help, and the list as shown."""

from __future__ import annotations

import shlex
from pathlib import Path

from click.testing import CliRunner
from textual.widgets import OptionList, Static

from tests.tui.browsing import ORDER, listed, screen_lines, shown, summary, title
from tests.tui.conftest import MARKUP_TITLE, SIZE, Heard, add_legacy, app_on, settle, type_text
from timeline.cli.main import cli
from timeline.store import NewEvent, Store
from timeline.tui.screens.details import DetailsScreen
from timeline.tui.screens.help import HelpScreen
from timeline.tui.screens.prompt import PromptScreen
from timeline.tui.widgets.event_list import EventList
from timeline.tui.widgets.mentions import MentionList


async def test_opens_on_events_in_date_order_under_headings(seeded_path: Path) -> None:
    app = app_on(seeded_path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        lines = [line for line in screen_lines(app) if line]
        assert lines[0].startswith(" 2012 ━") and lines[0].endswith("1 event")
        assert "2012" in lines[1] and "Previous visit by an Israeli defence minister" in lines[1]
        assert "◆ Israel and Japan sign defence memorandum" in lines[1]
        assert lines[2].startswith(" 2021 ━")
        assert "✎ by hand" in lines[3]
        dated = [line.split("  ")[1].strip() for line in lines if line.startswith("   ")]
        assert dated[:6] == ["2012", "2021", "2022", "c. Aug 2022", "30–31 Aug 2022", "30 Aug 2022"]
        assert lines[-2].startswith(" Undated ━")
        assert summary(app).startswith("8 events")
        assert title(app) == ORDER[0]


async def test_moving_keys(seeded_path: Path) -> None:
    app = app_on(seeded_path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        seen = []
        for key in ("down", "j", "j", "k", "up", "end", "home", "G", "g", "pagedown", "pageup"):
            await pilot.press(key)
            seen.append(title(app))
        assert seen == [
            ORDER[1],
            ORDER[2],
            ORDER[3],
            ORDER[2],
            ORDER[1],
            ORDER[7],
            ORDER[0],
            ORDER[7],
            ORDER[0],
            ORDER[7],
            ORDER[0],
        ]
        await pilot.press("up")
        assert title(app) == ORDER[0]  # stays at the top


async def test_year_and_month_steps(many_path: Path) -> None:
    app = app_on(many_path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert title(app) == "Event 2019-01 #0"
        await pilot.press("right_square_bracket")
        assert title(app) == "Event 2020-01 #0"
        await pilot.press("right_curly_bracket", "right_curly_bracket")
        assert title(app) == "Event 2020-03 #0"
        await pilot.press("down", "left_curly_bracket")  # the month before, not this one's start
        assert title(app) == "Event 2020-02 #0"
        await pilot.press("left_square_bracket")
        assert title(app) == "Event 2020-01 #0"
        await pilot.press("left_square_bracket")
        assert title(app) == "Event 2019-01 #0"
        lines = screen_lines(app)
        assert lines[0].startswith(" 2019 ━") and lines[1].startswith("   January 2019 ─")


async def test_pages_and_end_on_a_long_list(many_path: Path) -> None:
    app = app_on(many_path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("pagedown")
        assert listed(app).cursor > 20
        await pilot.press("end")
        assert title(app) == "Event 2023-12 #9"
        assert "Event 2023-12 #9" in "".join(screen_lines(app))
        assert summary(app).startswith("600 events") and "#600" in summary(app)


async def test_enter_opens_details_and_esc_comes_back(seeded_path: Path) -> None:
    app = app_on(seeded_path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("end", "up", "up", "enter")  # Ministers sign defence memorandum
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, DetailsScreen)
        text = shown(screen.query_one("#event", Static))
        assert "Ministers sign defence memorandum" in text
        assert "30 Aug 2022  ·  day precision  ·  exact" in text
        assert "Tags  defence, japan" in text
        assert "https://example.com/mou" in text and "Published 31 Aug 2022" in text
        # the sentence is listed once, under "Told by", its date expression marked
        assert "signed a memorandum" not in text
        told = screen.query_one(MentionList).prompts[0]
        assert "On Tuesday the two ministers signed a memorandum on defence ties." in told.plain
        marked = [told.plain[s.start : s.end] for s in told.spans if "reverse" in str(s.style)]
        assert marked == ["On Tuesday"]
        others = screen.query_one("#others", OptionList)
        assert others.option_count == 2
        assert app.focused is others and others.highlighted == 0  # ready to move and open
        await pilot.press("enter")
        assert screen.event_id != 0
        chosen = app.store.get_event(screen.event_id).title
        assert chosen == "Previous visit by an Israeli defence minister"
        await pilot.press("escape")
        await settle(pilot)
        assert app.screen is app.timeline
        assert title(app) == chosen


async def test_click_selects_and_double_click_opens(seeded_path: Path) -> None:
    app = app_on(seeded_path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        events = listed(app)
        line = events.layout_model.line_of(1)  # "Defence exports reach a record"
        await pilot.click(EventList, offset=(10, line))
        assert title(app) == ORDER[1]
        await pilot.double_click(EventList, offset=(10, line))
        await pilot.pause()
        assert isinstance(app.screen, DetailsScreen)


async def test_jump_to_a_date(seeded_path: Path) -> None:
    app = app_on(seeded_path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("t")
        await type_text(pilot, "Sep 2022")
        await pilot.press("enter")
        await settle(pilot)
        assert title(app) == "Talks on a follow-up visit"
        await pilot.press("t")
        await type_text(pilot, "2012")
        await pilot.press("enter")
        await settle(pilot)
        assert title(app) == ORDER[0]


async def test_help_on_question_mark_and_f1(seeded_path: Path) -> None:
    app = app_on(seeded_path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        for key in ("question_mark", "f1"):
            await pilot.press(key)
            assert isinstance(app.screen, HelpScreen)
            table = app.screen.query_one("#keys", Static).content
            whats = list(table.columns[1].cells)  # type: ignore[attr-defined]
            undo = "undo the last add, edit, delete, source deletion, move out, join or date pick"
            assert undo in whats
            await pilot.press("escape")
            assert app.screen is app.timeline


async def test_q_quits(seeded_path: Path) -> None:
    app = app_on(seeded_path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert app.return_code is None
        await pilot.press("q")
        await pilot.pause()
        assert app.return_code == 0


async def test_command_palette_runs_timeline_actions(seeded_path: Path) -> None:
    app = app_on(seeded_path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("ctrl+p")
        await type_text(pilot, "Jump to date")
        await pilot.pause(0.3)
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, PromptScreen)
        assert app.screen.title_text == "Jump to date"


async def test_empty_database_welcomes_with_the_commands(tmp_path: Path) -> None:
    app = app_on(tmp_path / "empty.db")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        welcome = app.timeline.query_one("#welcome", Static)
        assert welcome.display and not listed(app).display
        text = shown(welcome)
        assert "Press a to add an event by hand." in text
        db = str((tmp_path / "empty.db").resolve())
        assert f"timeline --db {db} ingest path/to/article.txt" in text
        assert "timeline --demo" in text
        # The sample's command is exact: run as printed, it fills this database.
        line = next(ln for ln in text.splitlines() if "demo-article.txt" in ln)
        words = shlex.split(line)
        assert words[:4] == ["timeline", "--db", db, "ingest"]
        assert Path(words[4]).is_file()
        result = CliRunner().invoke(cli, words[1:])
        assert result.exit_code == 0, result.output
        await settle(pilot)
        app.poll_data_version()
        await settle(pilot)
        assert listed(app).display and not welcome.display
    with Store.open(tmp_path / "empty.db") as store:
        assert store.count() > 0


async def test_events_written_by_another_process_appear_keeping_the_selection(
    seeded_path: Path,
) -> None:
    app = app_on(seeded_path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("down", "down")
        assert title(app) == ORDER[2]
        with Store.open(seeded_path) as other:
            other.add_event(NewEvent(title="Earlier than all", start="1999", precision="year"))
        app.poll_data_version()  # the interval timer does this every second
        await settle(pilot)
        assert summary(app).startswith("9 events")
        assert title(app) == ORDER[2]
        assert "Earlier than all" in "".join(screen_lines(app))


async def test_read_only_database_refuses_changes_with_a_message(
    seeded_path: Path, monkeypatch
) -> None:
    from timeline.store import store as store_module

    os_module = store_module.os
    real_access = os_module.access
    monkeypatch.setattr(
        os_module, "access", lambda path, mode: False if mode == 2 else real_access(path, mode)
    )  # we run as root, for whom chmod 444 does not make a file read-only
    app = app_on(seeded_path)
    assert app.store.readonly
    heard = Heard()
    async with app.run_test(size=SIZE, message_hook=heard) as pilot:
        await settle(pilot)
        notes = heard.notices
        assert any("read-only" in note for note in notes)
        assert "read-only" in summary(app)
        for key in ("a", "e", "d"):
            await pilot.press(key)
            assert app.screen is app.timeline
        notes = heard.notices
        assert sum("changes are refused" in note for note in notes) >= 3
    with Store.open(seeded_path) as check:
        assert check.count() == 8


async def test_markup_and_escape_bytes_in_titles_render_literally(tmp_path: Path) -> None:
    path = tmp_path / "markup.db"
    with Store.open(path) as store:
        store.add_event(NewEvent(title="Something earlier", start="2021", precision="year"))
        add_legacy(
            store,
            NewEvent(
                title=MARKUP_TITLE,
                start="2022",
                precision="year",
                details="[red]x[/red]",
                quote="[b]q[/b] \x1b]8;;http://evil\x07",
            ),
        )
    app = app_on(path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        row = listed(app).render_line(3)  # headings 2021 and 2022 above; not the cursor row
        assert "[bold]Not bold[/] [link=https://example.com]no link[/link] ␛[31mno red" in row.text
        for segment in row:
            assert not (segment.style and segment.style.link)
            if "Not bold" in segment.text:
                assert not segment.style.bold  # type: ignore[union-attr]
                assert segment.style.color is None or segment.style.color.name != "red"  # type: ignore[union-attr]
        await pilot.press("down", "enter")
        await pilot.pause()
        plain = shown(app.screen.query_one("#event", Static))
        assert "[red]x[/red]" in plain and "[b]q[/b] ␛]8;;http://evil␇" in plain


async def test_on_a_narrow_terminal_titles_keep_room_before_sources(seeded_path: Path) -> None:
    app = app_on(seeded_path)
    async with app.run_test(size=(70, 20)) as pilot:
        await settle(pilot)
        row = screen_lines(app)[1]
        assert "Previous visit by an Israeli" in row
        assert "◆ Israel" in row  # the source mark stays, shortened


async def test_on_a_short_terminal_the_keys_scroll_to_the_last(seeded_path: Path) -> None:
    app = app_on(seeded_path)
    async with app.run_test(size=(70, 20)) as pilot:
        await settle(pilot)
        await pilot.press("question_mark")
        box = app.screen.query_one(".dialog")
        assert box.region.right <= 70
        assert box.max_scroll_y > 0  # more keys than lines
        await pilot.press("end")
        await pilot.pause()
        assert box.scroll_y == box.max_scroll_y  # down to "q  quit"
        await pilot.press("escape")
        assert app.screen is app.timeline


async def test_the_chart_names_months_as_people_write_them(seeded_path: Path) -> None:
    app = app_on(seeded_path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("f")
        await type_text(pilot, "Aug 2022..Sep 2022")
        await pilot.press("enter")
        await settle(pilot)
        chart = app.timeline.query_one("#density").render()
        assert str(chart).startswith("Aug 2022 ") and str(chart).endswith(" Sep 2022")
