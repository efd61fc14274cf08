"""One event in full: its body (`widgets.event_body`), the sentences of every source telling it, and
the other events from the same article. Keys here move a sentence out, join another event in, or
pick the date."""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from rich.text import Text
from textual import events, on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.geometry import Region
from textual.reactive import reactive
from textual.screen import Screen
from textual.widgets import Label, OptionList, Static

from timeline.tui.messages import DataChanged, EventsChanged
from timeline.tui.screens.article import ArticleScreen
from timeline.tui.screens.join import JoinScreen
from timeline.tui.widgets.event_body import event_body
from timeline.tui.widgets.footer import KeyFooter
from timeline.tui.widgets.mentions import MentionList
from timeline.tui.widgets.safe_text import literal
from timeline.tui.widgets.siblings import SiblingList

if TYPE_CHECKING:
    from timeline.store import Event, Mention, Source, Store
    from timeline.tui.editor import EventEditor


class DetailsScreen(Screen["int | None"]):
    """Show one event, edit or delete it (or its whole source), move among the other events of
    its source and open them; Esc returns to the timeline with the event last shown."""

    CSS_PATH = "details.tcss"

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "close", "Back", id="back"),
        Binding("q", "close", "Back", show=False),
        Binding("e", "edit", "Edit", id="edit"),
        Binding("d", "delete", "Delete", id="delete"),
        Binding("D", "delete_source", "Delete source", id="delete_source"),
        Binding("m", "move_out", "Move out", id="move_out"),
        Binding("J", "join", "Join", id="join"),
        Binding("p", "pick_date", "Pick date", id="pick_date"),
        Binding("u", "undo", "Undo", id="undo"),
        Binding("r", "redo", "Redo", id="redo", show=False),
        Binding("o", "article", "Article", id="article"),
        Binding("w", "open_link", "Open link", id="open_link", show=False),
    ]
    """Esc closes; ↑ ↓ move in the sentences telling the event (Enter opens the article there)
    or, after Tab, in the other events of the source (Enter opens one here)."""

    event_id: reactive[int] = reactive(0, init=False)
    """The event shown."""

    def __init__(self, store: Store, event_id: int, *, editor: EventEditor | None = None) -> None:
        """Show event `event_id` of `store` (read in a worker: an article may be megabytes);
        `editor` makes the changes `e`, `d`, `D` and `u` ask for."""
        super().__init__()
        self.store = store
        self.editor = editor
        self.event: Event | None = None
        self.source: Source | None = None
        self.set_reactive(DetailsScreen.event_id, event_id)

    def compose(self) -> ComposeResult:
        """The event, then the other events of its source."""
        with VerticalScroll(id="body"):
            yield Static(id="event")
            yield Label("", id="mentions-title")
            yield MentionList(id="mentions")
            yield Label("", id="others-title")
            yield SiblingList(id="others")
        yield KeyFooter()

    def on_mount(self) -> None:
        """Fill in the event; the list of other events takes the keys when there is one."""
        self._load(self.event_id, top=True)

    def watch_event_id(self, event_id: int) -> None:
        """Load and show another event and its siblings, from the top."""
        self._load(event_id, top=True)

    @work(thread=True, exclusive=True, group="details")
    def _load(self, event_id: int, top: bool = False) -> None:
        """Read the event, its source and its siblings, then show them on the screen's thread
        (`top`: scroll to the top, as for a newly chosen event)."""
        from timeline.store import EventNotFound, StoreError

        try:
            event = self.store.get_event(event_id)
            source = self.store.get_source(event.source_id) if event.source_id else None
            others = self.store.events_for_source(event.source_id) if event.source_id else []
        except EventNotFound:
            self.app.call_from_thread(self._show_deleted, event_id)
            return
        except StoreError as exc:
            self.app.call_from_thread(self._show_error, str(exc))
            return
        self.app.call_from_thread(self._show, event, source, others, top)

    def _show_error(self, message: str) -> None:
        """Say why the event cannot be shown."""
        self.query_one("#event", Static).update(literal(message))

    def _show_deleted(self, event_id: int) -> None:
        """Say the event shown is gone (deleted here, in the timeline or by another program)."""
        if event_id != self.event_id:
            return
        self.event = self.source = None
        self.query_one("#event", Static).update(Text("This event was deleted.", "bold"))
        for title in ("#others-title", "#mentions-title"):
            self.query_one(title, Label).update("")
        self.query_one("#others", OptionList).display = False
        self.query_one("#mentions", MentionList).display = False
        self.refresh_bindings()

    def _show(self, event: Event, source: Source | None, others: list[Event], top: bool) -> None:
        """Show a loaded event and the other events of its source (the list keeps its
        highlight if it can)."""
        if event.id != self.event_id:
            return  # another event was chosen meanwhile
        self.event, self.source = event, source
        self.query_one("#event", Static).update(event_body(event, source))
        options = self.query_one("#others", SiblingList)
        siblings = [other for other in others if other.id != event.id]
        title = self.query_one("#others-title", Label)
        title.update(f"Other events from this source ({len(siblings)})" if siblings else "")
        options.display = bool(siblings)
        options.show(siblings)
        told = self.query_one("#mentions", MentionList)
        told.show(event)
        told.display = bool(event.mentions)
        sources = event.sources
        self.query_one("#mentions-title", Label).update(
            f"Told by {sources} source{'s' * (sources != 1)}" if event.mentions else ""
        )
        if top and (event.mentions or siblings):
            # several sources: their sentences first; one: its article's other events (Tab)
            first = told if len(event.mentions) > 1 or not siblings else options
            first.park()  # shown again once the page is laid out, if it fits under the title
            first.focus()
            self.call_after_refresh(self._open_at_top, first)
        if top:
            self.query_one("#body").scroll_home(animate=False)
        self.refresh_bindings()

    def _open_at_top(self, listed: MentionList | SiblingList) -> None:
        """A newly shown event opens at its title and date: the list's highlight comes back
        when its row fits on the page below them, else it waits, parked, for ↓ (a row is never
        highlighted out of sight)."""
        if listed.parked is None or not listed.display:
            return
        first, lines = listed.lines_of(listed.parked)
        body = self.query_one("#body", VerticalScroll)
        row_end = listed.virtual_region.y + first + lines
        if row_end <= body.scroll_y + body.scrollable_content_region.height:
            listed.restore()
        self.refresh_bindings()

    @on(OptionList.OptionSelected, "#others")
    def other_chosen(self, message: OptionList.OptionSelected) -> None:
        """Show the chosen event of the same source."""
        if message.option.id:
            self.event_id = int(message.option.id)

    @on(OptionList.OptionSelected, "#mentions")
    def mention_chosen(self, message: OptionList.OptionSelected) -> None:
        """Open the article of the chosen sentence, at that sentence."""
        mention = self.query_one("#mentions", MentionList).mention
        if mention is not None:
            self.app.push_screen(ArticleScreen(self.store, mention))

    @on(OptionList.OptionHighlighted, "#mentions")
    def mention_highlighted(self) -> None:
        """Keep the highlighted sentence on screen, and its keys up to date."""
        told = self.query_one("#mentions", MentionList)
        if told.has_focus:
            self.call_after_refresh(self._keep_highlight_visible, told)
        self.refresh_bindings()

    @on(OptionList.OptionHighlighted, "#others")
    def other_highlighted(self) -> None:
        """Keep the highlighted event of the article on screen: the page follows the cursor."""
        others = self.query_one("#others", SiblingList)
        if others.has_focus:
            self.call_after_refresh(self._keep_highlight_visible, others)

    @on(events.DescendantFocus)
    def list_focused(self, event: events.DescendantFocus) -> None:
        """Tab into a list: bring its highlighted row into sight."""
        if isinstance(event.widget, (MentionList, SiblingList)):
            self.call_after_refresh(self._keep_highlight_visible, event.widget)

    def _keep_highlight_visible(self, listed: MentionList | SiblingList) -> None:
        """Scroll the page, as little as it takes, to show the list's highlighted row."""
        if listed.highlighted is None or not listed.display:
            return
        first, lines = listed.lines_of(listed.highlighted)
        at = listed.virtual_region
        region = Region(at.x, at.y + first - round(listed.scroll_y), at.width, lines)
        body = self.query_one("#body", VerticalScroll)
        body.scroll_to_region(region.intersection(at), animate=False, immediate=True)

    @on(DataChanged)
    @on(EventsChanged)
    def data_changed(self) -> None:
        """The event may have changed underneath (here, in the timeline or elsewhere): show it
        as stored now."""
        self._load(self.event_id)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Edit and delete need an event and the editor; deleting a source needs a source."""
        if action in ("edit", "delete"):
            return True if self.event is not None and self.editor is not None else None
        if action == "delete_source":
            return True if self.source is not None and self.editor is not None else None
        if action in ("article", "open_link"):
            return True if self.source is not None else None
        if action in ("move_out", "pick_date", "join"):
            if self.event is None or self.editor is None or not self.event.mentions:
                return None
            if action == "move_out":
                return True if len(self.event.mentions) > 1 and self._mention() else None
            if action == "pick_date":
                return True if self._mention() is not None else None
        return True

    def _mention(self) -> Mention | None:
        """The highlighted sentence, if one is listed."""
        if not self.is_mounted:
            return None
        return self.query_one("#mentions", MentionList).mention

    def action_edit(self) -> None:
        """Edit the event shown."""
        if self.editor is not None and self.event is not None:
            self.editor.edit(self.event.id)

    def action_delete(self) -> None:
        """Ask, then delete the event shown."""
        if self.editor is not None and self.event is not None:
            self.editor.delete(self.event)

    def action_delete_source(self) -> None:
        """Ask, then delete the source of this event and every event taken from it (one step
        for undo); back to the timeline, since the event shown goes with it."""
        if self.editor is not None and self.source is not None:
            self.editor.delete_source(self.source, asked=lambda: self.dismiss(None))

    def action_move_out(self) -> None:
        """Move the highlighted sentence out into an event of its own."""
        mention = self._mention()
        if self.editor is not None and self.event is not None and mention is not None:
            self.editor.move_out(self.event, mention)

    def action_join(self) -> None:
        """Pick another event, by date or by a search, and join it into this one."""
        event = self.event
        if self.editor is not None and event is not None:
            editor = self.editor

            def chosen(other: int | None) -> None:
                if other is not None:
                    editor.join(event.id, other)

            self.app.push_screen(JoinScreen(self.store, event), chosen)

    def action_pick_date(self) -> None:
        """Date the event as the highlighted sentence gives it."""
        mention = self._mention()
        if self.editor is not None and self.event is not None and mention is not None:
            self.editor.pick_date(self.event, mention)

    def action_undo(self) -> None:
        """Take back the newest change."""
        if self.editor is not None:
            self.editor.undo()

    def action_redo(self) -> None:
        """Make again the change undo took back last."""
        if self.editor is not None:
            self.editor.redo()

    def action_article(self) -> None:
        """Read the article at the highlighted sentence (else the event's own)."""
        mention = self._mention()
        if mention is None and self.event is not None:
            from timeline.tui.screens.article import mention_for

            mention = mention_for(self.event)
        if mention is None:
            self.notify("Added by hand: this event has no article.", markup=False)
            return
        self.app.push_screen(ArticleScreen(self.store, mention))

    def action_open_link(self) -> None:
        """Open the event's source outside the app: its URL, or its file."""
        from timeline.tui.screens.article import open_source

        if self.source is None:
            self.notify("Added by hand: this event has no source to open.", markup=False)
            return
        open_source(self, self.source)

    def action_close(self) -> None:
        """Back to the timeline, on the event shown last."""
        self.dismiss(self.event_id)
