"""One event as the details show it, built as Rich text from the data (never markup): title, date,
details, the quote with its date expression marked, where the date came from, source and tags."""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.console import Group
from rich.padding import Padding
from rich.text import Text

from timeline.tui.dates import format_date, format_iso
from timeline.tui.widgets.mentions import disagreement
from timeline.tui.widgets.safe_text import clean, literal

if TYPE_CHECKING:
    from timeline.store import Event, Source


def quote_text(event: Event, source: Source | None) -> Text:
    """The quote, with the date expression it was dated by in bold reverse.

    `span_start`/`span_end` are offsets into the source text; the quote is the sentence
    holding them, so the span is mapped into the quote through where the sentence sits.
    """
    quote = Text(clean(event.quote))
    if source is None or not source.text or event.span_start is None or event.span_end is None:
        return quote
    start, end = event.span_start, event.span_end
    sentence_at = source.text.find(event.quote, max(0, end - len(event.quote)))
    if 0 <= sentence_at <= start and end <= sentence_at + len(event.quote):
        quote.stylize("bold reverse", start - sentence_at, end - sentence_at)
        return quote
    expression = source.text[start:end]
    found = event.quote.find(expression) if expression else -1
    if found >= 0:
        quote.stylize("bold reverse", found, found + len(expression))
    return quote


def _quoted(expression: str) -> Text:
    """An expression from the article between curly quotes, as data (never markup)."""
    return Text.assemble("“", literal(expression), "”")


def date_origin(event: Event) -> Text | None:
    """How ingest got the event's date, in words; None for a date a person gave.

    Written from the event's `date_basis`, `date_text` and `counted_from`, e.g. "from
    “three days later”, counted from 12 Mar 2011 in an earlier sentence".
    """
    basis = event.date_basis
    reference = event.counted_from or (
        event.source_published if basis in ("publication", "report") else None
    )
    when = format_iso(reference) if reference else None
    if basis == "expression":
        return Text.assemble("from ", _quoted(event.date_text), " in its sentence")
    if basis == "publication" and (event.start is None or when is None):
        return Text.assemble(
            "from ",
            _quoted(event.date_text),
            ": left undated, the article gives no publication date",
        )
    if basis == "publication":
        tail = f", {when}" if when else ""
        return Text.assemble(
            "from ", _quoted(event.date_text), f", counted from the publication date{tail}"
        )
    if basis == "narrative":
        since = f" {when}" if when else " the date"
        return Text.assemble(
            "from ", _quoted(event.date_text), f", counted from{since} in an earlier sentence"
        )
    if basis == "report":
        at = f", {when}" if when else ""
        approximate = " (approximate)" if event.approximate else ""
        shown = format_date(event.start, event.end)
        if reference and (event.end or shown != when):  # a span, or a date other than its day
            return Text(
                f"no date in its sentence: the article was reporting {when}; placed at "
                f"{format_date(event.start, event.end, approximate=event.approximate)}"
            )
        return Text(
            f"no date in its sentence: placed at the date the article was reporting{at}"
            f"{approximate}"
        )
    return None


def event_body(event: Event, source: Source | None) -> Group:
    """Everything about one event, each piece of article text built as plain Text."""
    date = format_date(event.start, event.end, approximate=event.approximate)
    when = Text.assemble(("When  ", "dim"), (date, "bold"))
    if event.start:
        when.append(f"  ·  {event.precision} precision", "dim")
        when.append("  ·  approximate" if event.approximate else "  ·  exact", "dim")
    parts: list[Text | Padding] = [literal(event.title, "bold"), when]
    origin = date_origin(event)
    if origin is not None:
        origin.stylize("dim")
        parts.append(Padding(origin, (0, 0, 0, 6)))  # a long origin wraps under itself
    conflict = disagreement(event)
    if conflict is not None:
        parts.append(conflict)
    if event.tags:
        parts.append(Text.assemble(("Tags  ", "dim"), literal(", ".join(event.tags))))
    if event.details:  # none: three lines the page needs for the sentences and other events
        parts += [Text(""), Text("Details", "bold underline")]
        parts.append(literal(event.details, one_line=False))
    if event.quote and not event.mentions:  # else each source's sentence is listed below
        parts += [Text(""), Text("Quote", "bold underline"), quote_text(event, source)]
    parts += [Text(""), Text("Source", "bold underline")]
    if event.source_id is None:
        parts.append(Text("Added by hand", "dim"))
    else:
        parts.append(literal(event.source_title or "untitled article"))
        if event.source_url:
            parts.append(literal(event.source_url, "underline"))
        if event.source_published:
            parts.append(Text(f"Published {format_iso(event.source_published)}", "dim"))
    return Group(*parts)
