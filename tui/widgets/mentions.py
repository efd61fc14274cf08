"""The sentences that tell one event, one source each: who says it, the date it gives, how."""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.text import Text
from textual.widgets.option_list import Option

from timeline.tui.dates import format_date
from timeline.tui.widgets.page_list import PageList
from timeline.tui.widgets.safe_text import clean, literal

if TYPE_CHECKING:
    from timeline.store import Event, Mention


def mention_prompt(mention: Mention, event: Event) -> Text:
    """Source title and the date it gives on one line, its sentence below (data, never markup);
    a date that differs from the event's is marked."""
    text = literal(mention.source_title or "untitled article", "bold")
    given = format_date(mention.start, mention.end, approximate=mention.approximate)
    differs = (mention.start, mention.end) != (event.start, event.end)
    text.append("  ")
    text.append(given, "bold red" if differs and event.conflict else "")
    if differs:
        text.append("  (not the event's date)", "dim")
    quote = Text(clean(mention.quote) or "—", "dim")
    expression = clean(mention.date_text)
    found = quote.plain.find(expression) if expression else -1
    if found >= 0:
        quote.stylize("not dim bold reverse", found, found + len(expression))
    return Text.assemble(text, "\n", quote)


def disagreement(event: Event) -> Text | None:
    """For a conflict, which dates the sources give, in words; None when they agree."""
    if not event.conflict:
        return None
    dates = {format_date(m.start, m.end, approximate=m.approximate): None for m in event.mentions}
    text = Text("! The sources disagree on the date", "bold red")
    if len(dates) > 1:
        text.append(": " + ", ".join(dates), "red")
    return text


class MentionList(PageList):
    """One option per mention of the event shown; the screen sets them with `show`."""

    def __init__(self, *, id: str | None = None) -> None:
        """Start empty."""
        super().__init__(id=id)
        self.told: tuple[Mention, ...] = ()
        self.prompts: list[Text] = []

    def show(self, event: Event) -> None:
        """List the mentions of `event`, keeping the highlight where it was if it can."""
        highlighted = self.highlighted
        self.told = event.mentions
        self.prompts = [mention_prompt(mention, event) for mention in self.told]
        self.clear_options()
        self.add_options(
            Option(prompt, id=str(mention.id))
            for mention, prompt in zip(self.told, self.prompts, strict=True)
        )
        self.keep_highlight(highlighted, len(self.told))

    @property
    def mention(self) -> Mention | None:
        """The highlighted mention, if any."""
        index = self.highlighted
        return self.told[index] if index is not None and index < len(self.told) else None

    def lines_of(self, index: int) -> tuple[int, int]:
        """(first line, lines) the option `index` takes in the list, as its prompts wrap now:
        the screen scrolls the page to keep the highlighted one in sight."""
        width = max(self.scrollable_content_region.width - 2, 1)  # the options' padding
        heights = [len(prompt.wrap(self.app.console, width)) for prompt in self.prompts]
        return sum(heights[:index]), heights[index] if index < len(heights) else 1
