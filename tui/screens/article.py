"""An article's stored text, scrolled to one sentence and highlighting it, the sentences of
the article's other events marked in the margin (Enter on a mention, or `o` on an event)."""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING, ClassVar

from rich.text import Text
from textual import work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.events import Resize
from textual.screen import Screen
from textual.widgets import Label, Static

from timeline.tui.dates import format_iso
from timeline.tui.widgets.footer import KeyFooter
from timeline.tui.widgets.margin_text import lay_out
from timeline.tui.widgets.safe_text import clean, literal

if TYPE_CHECKING:
    from timeline.store import Event, Mention, Source, Store


def mention_for(event: Event) -> Mention | None:
    """The sentence to open an event's article at: its own source's, else the first source's
    (None for an event typed by hand)."""
    told = [m for m in event.mentions if m.source_id is not None]
    own = [m for m in told if m.source_id == event.source_id]
    return (own or told or [None])[0]


def sentence_at(text: str, mention: Mention) -> tuple[int, int] | None:
    """Where the mention's sentence sits in the article text: by its date span when there is
    one, else the first place the quote is found; None when it is not there."""
    quote = mention.quote
    if not quote:
        return None
    if mention.span_start is not None:
        found = text.find(quote, max(0, mention.span_start - len(quote)))
        if 0 <= found <= mention.span_start:
            return found, found + len(quote)
    found = text.find(quote)
    return (found, found + len(quote)) if found >= 0 else None


def article_text(source: Source, mention: Mention) -> tuple[Text, int | None]:
    """The article as Text (data: control bytes shown as pictures, never markup) with the
    sentence highlighted and its date expression in bold; and where the sentence starts."""
    plain = clean(source.text, one_line=False)  # one character for one: offsets still hold
    text = Text(plain)
    where = sentence_at(plain, mention)
    if where is None:
        return text, None
    start, end = where
    text.stylize("reverse", start, end)
    span = mention.span_start, mention.span_end
    if span[0] is not None and span[1] is not None and start <= span[0] < span[1] <= end:
        text.stylize("bold underline", mention.span_start, mention.span_end)
    return text, start


def link_of(source: Source, environ: dict[str, str] | None = None) -> tuple[str, str] | None:
    """How to open a source outside the app: ("url", address) in the browser, ("editor",
    path) in $VISUAL/$EDITOR, ("file", path) in the system viewer; None when it has neither
    a web address nor a file that still exists."""
    env = os.environ if environ is None else environ
    if source.url and source.url.lower().startswith(("http://", "https://")):
        return "url", source.url
    if source.path and Path(source.path).is_file():
        return ("editor" if env.get("VISUAL") or env.get("EDITOR") else "file"), source.path
    return None


class ArticleScreen(Screen[None]):
    """The text of a mention's source, opened at its sentence; Esc or q goes back."""

    CSS_PATH = "details.tcss"

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "close", "Back", id="back"),
        Binding("q", "close", "Back", show=False),
        Binding("n", "next_event(1)", "Next event", id="next_event"),
        Binding("N", "next_event(-1)", "Previous event"),
        Binding("w", "open_link", "Open link", id="open_link"),
    ]
    """Esc closes; n and N go to the next and previous sentence marked in the margin; w opens
    the article's URL in the browser, or its file in $EDITOR or the system viewer."""

    def __init__(self, store: Store, mention: Mention) -> None:
        """Show the source of `mention` (read in a worker: an article may be megabytes)."""
        super().__init__()
        self.store = store
        self.mention = mention
        self.source: Source | None = None
        self.sentence_start: int | None = None
        """Offset of the highlighted sentence in the text (None: not found in it)."""
        self.text = Text()
        self.sentence_line = -1
        """The line of the laid-out text the sentence starts on, once scrolled to it."""
        self.marked: list[tuple[str, int, int]] = []
        """(name, start, end) of the event's sentence ("event") and of the other events'."""
        self.marked_lines: list[int] = []
        """First line of each marked sentence, in order."""
        self._laid_width = 0
        self.at_line = -1
        """The marked line n or N went to last (-1: none yet)."""

    def compose(self) -> ComposeResult:
        """The source's title and date, then its text."""
        yield Label(literal(self.mention.source_title or "untitled article", "bold"), id="heading")
        with VerticalScroll(id="article-body"):
            yield Static(id="article")
        yield KeyFooter()

    def on_mount(self) -> None:
        """Read the article."""
        self.query_one("#article-body").focus()
        if self.mention.source_id is None:
            self.query_one("#article", Static).update(Text("Added by hand: no article.", "dim"))
            return
        self._load(self.mention.source_id)

    @work(thread=True, exclusive=True, group="article")
    def _load(self, source_id: int) -> None:
        """Read the source and its sentences in a thread, then show them."""
        from timeline.store import StoreError

        try:
            source = self.store.get_source(source_id)
            told = self.store.source_mentions(source_id)
        except StoreError as exc:
            self.app.call_from_thread(self._show_error, str(exc))
            return
        self.app.call_from_thread(self._show, source, told)

    def _show_error(self, message: str) -> None:
        """Say why the article cannot be shown."""
        self.query_one("#article", Static).update(literal(message))

    def _show(self, source: Source, told: list[Mention]) -> None:
        """Show the text, its sentences marked, and scroll to the sentence once laid out."""
        self.source = source
        self.refresh_bindings()
        heading = literal(source.title or source.url or "untitled article", "bold")
        if source.published:
            heading.append(f"  ·  published {format_iso(source.published)}", "dim")
        self.query_one("#heading", Label).update(heading)
        if not source.text:
            missing = Text("The article's text is not stored.", "dim")
            self.query_one("#article", Static).update(missing)
            return
        text, self.sentence_start = article_text(source, self.mention)
        self.text = text
        marked = []
        if self.sentence_start is not None:
            where = sentence_at(text.plain, self.mention)
            assert where is not None
            marked.append(("event", *where))
        for other in told:
            if other.event_id == self.mention.event_id:
                continue
            found = sentence_at(text.plain, other)
            if found is not None:
                marked.append((f"other-{other.id}", *found))
        self.marked = marked
        if self.sentence_start is None:
            self.notify("The sentence is not in the stored text.", severity="warning", markup=False)
        self.call_after_refresh(self._lay_out)

    def on_resize(self, event: Resize) -> None:
        """Lay the text out again for the new width, keeping the sentence in sight."""
        if self.text.plain:
            self.call_after_refresh(self._lay_out)

    def _lay_out(self, tries: int = 20) -> None:
        """Wrap the text to the page's width with its margin, then scroll to the sentence."""
        article = self.query_one("#article", Static)
        width = article.content_region.width
        if width <= 2:
            if tries:
                self.call_after_refresh(self._lay_out, tries - 1)
            return
        if width != self._laid_width:
            self._laid_width = width
            laid = lay_out(self.text, width, self.marked)
            article.update(laid.text)
            self.marked_lines = sorted(laid.first_line.values())
            self.sentence_line = laid.first_line.get("event", -1)
            self.at_line = self.sentence_line
        self.call_after_refresh(self._scroll_to_sentence)

    def _scroll_to_sentence(self, tries: int = 20) -> None:
        """Put the sentence a third of the way down (once the page can scroll that far)."""
        if self.sentence_line < 0:
            return
        body = self.query_one("#article-body", VerticalScroll)
        target = max(self.sentence_line - body.scrollable_content_region.height // 3, 0)
        if body.max_scroll_y < target and tries:
            self.call_after_refresh(self._scroll_to_sentence, tries - 1)
            return
        body.scroll_to(y=target, animate=False, immediate=True)

    def action_next_event(self, step: int) -> None:
        """Scroll to the next (or previous) sentence marked in the margin."""
        body = self.query_one("#article-body", VerticalScroll)
        offset = body.scrollable_content_region.height // 3
        here = self.at_line if self.at_line >= 0 else round(body.scroll_y) + offset
        ahead = [n for n in self.marked_lines if (n > here if step > 0 else n < here)]
        if not ahead:
            self.notify("No more events in this article", markup=False)
            return
        self.at_line = ahead[0] if step > 0 else ahead[-1]
        body.scroll_to(y=max(self.at_line - offset, 0), animate=False, immediate=True)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Open link only for a source with a web address or a file on this machine."""
        if action == "open_link":
            return True if self.source is not None and link_of(self.source) else None
        return True

    def action_open_link(self) -> None:
        """Open the URL in the browser, or the file in $EDITOR or the system viewer."""
        if self.source is not None:
            open_source(self, self.source)

    def action_close(self) -> None:
        """Back to where the article was opened from."""
        self.dismiss(None)


def open_article(screen: Screen[object], store: Store, event_id: int) -> None:
    """Open the reader on an event's article at its sentence, or say it has none (the event
    is read here: one row and its few mentions)."""
    from timeline.store import StoreError

    try:
        event = store.get_event(event_id)
    except StoreError as exc:
        screen.notify(str(exc), severity="error", markup=False)
        return
    mention = mention_for(event)
    if mention is None:
        screen.notify("Added by hand: this event has no article.", markup=False)
        return
    screen.app.push_screen(ArticleScreen(store, mention))


def open_source(screen: Screen[object], source: Source) -> None:
    """Open a source outside the app (see `link_of`), or say why it cannot be."""
    link = link_of(source)
    if link is None:
        screen.notify("This source has no web address and no file here.", markup=False)
        return
    kind, target = link
    if kind == "url":
        screen.app.open_url(target)
        screen.notify(f"Opening {clean(target)}", markup=False)
    elif kind == "editor":
        import shlex
        import subprocess

        editor = os.environ.get("VISUAL") or os.environ.get("EDITOR") or "vi"
        with screen.app.suspend():
            subprocess.run([*shlex.split(editor), target], check=False)
    else:
        screen.app.open_url(Path(target).as_uri())
        screen.notify(f"Opening {clean(target)}", markup=False)
