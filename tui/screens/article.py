"""An article's stored text, scrolled to one sentence and highlighting it (Enter on a mention)."""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from rich.text import Text
from textual import work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import Footer, Label, Static

from timeline.tui.dates import format_iso
from timeline.tui.widgets.safe_text import clean, literal

if TYPE_CHECKING:
    from timeline.store import Mention, Source, Store


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


class ArticleScreen(Screen[None]):
    """The text of a mention's source, opened at its sentence; Esc or q goes back."""

    CSS_PATH = "details.tcss"

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "close", "Back"),
        Binding("q", "close", "Back", show=False),
    ]

    def __init__(self, store: Store, mention: Mention) -> None:
        """Show the source of `mention` (read in a worker: an article may be megabytes)."""
        super().__init__()
        self.store = store
        self.mention = mention
        self.sentence_start: int | None = None
        """Offset of the highlighted sentence in the text (None: not found in it)."""
        self.text = Text()
        self.sentence_line = -1
        """The line of the text the sentence starts on, once scrolled to it."""

    def compose(self) -> ComposeResult:
        """The source's title and date, then its text."""
        yield Label(literal(self.mention.source_title or "untitled article", "bold"), id="heading")
        with VerticalScroll(id="article-body"):
            yield Static(id="article")
        yield Footer()

    def on_mount(self) -> None:
        """Read the article."""
        self.query_one("#article-body").focus()
        if self.mention.source_id is None:
            self.query_one("#article", Static).update(Text("Added by hand: no article.", "dim"))
            return
        self._load(self.mention.source_id)

    @work(thread=True, exclusive=True, group="article")
    def _load(self, source_id: int) -> None:
        """Read the source in a thread, then show it."""
        from timeline.store import StoreError

        try:
            source = self.store.get_source(source_id)
        except StoreError as exc:
            self.app.call_from_thread(self._show_error, str(exc))
            return
        self.app.call_from_thread(self._show, source)

    def _show_error(self, message: str) -> None:
        """Say why the article cannot be shown."""
        self.query_one("#article", Static).update(literal(message))

    def _show(self, source: Source) -> None:
        """Show the text and scroll to the sentence once it is laid out."""
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
        self.query_one("#article", Static).update(text)
        if self.sentence_start is None:
            self.notify("The sentence is not in the stored text.", severity="warning", markup=False)
        else:
            self.call_after_refresh(self._scroll_to_sentence)

    def _scroll_to_sentence(self, tries: int = 20) -> None:
        """Put the sentence a third of the way down: count the lines the text before it wraps
        to (once the text is laid out: until then the page cannot scroll that far)."""
        if self.sentence_start is None:
            return
        article = self.query_one("#article", Static)
        width = max(article.content_region.width, 1)
        before = self.text[: self.sentence_start]
        line = len(before.wrap(self.app.console, width)) - 1 if before.plain else 0
        body = self.query_one("#article-body", VerticalScroll)
        target = max(line - body.scrollable_content_region.height // 3, 0)
        if body.max_scroll_y < target and tries:
            self.call_after_refresh(self._scroll_to_sentence, tries - 1)
            return
        body.scroll_to(y=target, animate=False, immediate=True)
        self.sentence_line = line

    def action_close(self) -> None:
        """Back to the details."""
        self.dismiss(None)
