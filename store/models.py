"""Frozen dataclasses the store hands out and takes in: events, sources, filters, keys."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import cast

from timeline.store.dates import PRECISIONS, precision_of
from timeline.store.errors import BadEvent, quoted
from timeline.store.validation import TEXT_FIELDS, check_text, storable

UNDATED_SORT = "~"
"""Sort value of an undated event: `~` sorts after every digit, so undated events come last."""

DATE_BASES = ("", "expression", "publication", "narrative", "report")
"""How an event got its date: "" typed or imported by a person; "expression" an absolute date in its
own sentence; "publication" a relative expression counted from the publication date; "narrative" a
relative expression counted from the date an earlier sentence was narrating; "report" no date in its
sentence, placed at the reference time (approximate)."""

DATE_FIELDS = ("start", "end", "precision", "approximate")
"""Fields that make up an event's date: changing one by hand makes the date the person's."""

PROVENANCE = {"date_basis": "", "date_text": "", "counted_from": None}
"""Fields that say how ingest dated an event, with the values of a date a person gave."""

SAVE_MODES = ("add", "redate", "replace")
"""What `save_article` does with a text already stored: nothing, re-date its events, start over."""

SortKey = tuple[str, int]
"""Position of an event in date order: (sort value, id)."""


def sort_key(iso: str | None) -> str:
    """The text that puts a stored date in order: astronomical years made to sort as text.

    `-0043` (44 BCE) becomes `09957`, `0000` (1 BCE) `10000`, `2022-08` `12022-08`: a sign
    digit, then the year counted from 10000 BCE, then the month, day and time as written.
    Undated sorts last (`~`).
    """
    if not iso:
        return UNDATED_SORT
    if iso[0] == "-":
        return f"0{10000 - int(iso[1:5]):04d}{iso[5:]}"
    return "1" + iso


def sort_end_key(start: str | None, end: str | None) -> str:
    """The sort value just after the last instant of an event's span (`~` when undated)."""
    if start is None:
        return UNDATED_SORT
    return sort_key(end or start) + "~"


def iso_of_sort(key: str) -> str:
    """Undo `sort_key` for a prefix of a sort value (`09957` -> `-0043`, `12022` -> `2022`)."""
    if key[:1] == "0":
        return f"-{10000 - int(key[1:5]):04d}{key[5:]}"
    return key[1:]


def normalise_tags(tags: object) -> tuple[str, ...]:
    """Strip tags, drop empty ones and repeats, keeping first-seen order."""
    if isinstance(tags, str):
        tags = [tags]
    seen: dict[str, None] = {}
    for tag in cast(Iterable[object], tags or ()):
        text = str(tag).strip()
        if text:
            seen.setdefault(text, None)
    return tuple(seen)


@dataclass(frozen=True, slots=True)
class NewEvent:
    """An event to be written: what the CLI, the TUI form, import and ingest hand the store."""

    title: str
    start: str | None = None
    precision: str | None = None
    end: str | None = None
    approximate: bool = False
    details: str = ""
    quote: str = ""
    tags: tuple[str, ...] = ()
    source_id: int | None = None
    span_start: int | None = None
    span_end: int | None = None
    date_basis: str = ""
    date_text: str = ""
    counted_from: str | None = None

    def checked(self, known: NewEvent | None = None) -> NewEvent:
        """Return this event with tags normalised and precision filled in, or raise BadEvent.

        Text the event already had (`known`: its stored fields) is not checked again, so a row
        stored before a rule existed can still be edited elsewhere or restored by undo.
        """
        title = self.title.strip() if isinstance(self.title, str) else ""
        if not title:
            raise BadEvent("an event needs a title", "title")
        texts = [getattr(self, name) or "" for name in TEXT_FIELDS]
        if not storable("\n".join([*texts, *map(str, self.tags or ())])):  # one scan, mostly
            for name, value in zip(TEXT_FIELDS, texts, strict=True):
                if known is None or value != (getattr(known, name) or ""):
                    check_text(name, value)
            old_tags = set(known.tags or ()) if known is not None else set()
            for tag in self.tags or ():
                if tag not in old_tags:
                    check_text("tag", str(tag))
        precision = self.precision
        if self.start is None:
            if self.end is not None:
                raise BadEvent("an event with an end needs a start", "end")
            precision = None
        else:
            written = precision_of(self.start)
            if written is None:
                raise BadEvent(
                    f"date {quoted(self.start)} is not an ISO date cut to its precision", "start"
                )
            if precision is None:
                precision = written
            elif precision not in PRECISIONS:
                raise BadEvent(
                    f"precision {quoted(precision)} is not one of {', '.join(PRECISIONS)}",
                    "precision",
                )
            elif precision != written:
                raise BadEvent(
                    f"date {quoted(self.start)} is not written to {precision} precision",
                    "precision",
                )
            if self.end is not None:
                if precision_of(self.end) is None:
                    raise BadEvent(
                        f"end {quoted(self.end)} is not an ISO date cut to its precision", "end"
                    )
                if sort_key(self.end) < sort_key(self.start):
                    raise BadEvent(f"end {self.end} comes before start {self.start}", "end")
        _check_provenance(self.date_basis, self.counted_from)
        for name in ("span_start", "span_end"):
            span = getattr(self, name)
            if span is not None and (type(span) is not int or span < 0):
                raise BadEvent(f"{name} must be a whole number from 0, or null", name)
        return NewEvent(
            title=title,
            start=self.start,
            precision=precision,
            end=self.end,
            approximate=bool(self.approximate),
            details=self.details or "",
            quote=self.quote or "",
            tags=normalise_tags(self.tags),
            source_id=self.source_id,
            span_start=self.span_start,
            span_end=self.span_end,
            date_basis=self.date_basis or "",
            date_text=self.date_text or "",
            counted_from=self.counted_from or None,
        )


def _check_provenance(basis: str | None, counted_from: str | None) -> None:
    """Refuse an unknown date basis or a reference date that is not ISO cut to a precision."""
    if (basis or "") not in DATE_BASES:
        known = ", ".join(repr(b) for b in DATE_BASES)
        raise BadEvent(f"date basis {quoted(str(basis))} is not one of {known}")
    if counted_from and precision_of(counted_from) is None:
        raise BadEvent(
            f"counted-from date {quoted(counted_from)} is not an ISO date cut to a precision"
        )


EVENT_FIELDS = tuple(NewEvent.__dataclass_fields__)
"""Names of the fields a caller may set on an event."""


@dataclass(frozen=True, slots=True)
class Event:
    """A stored event, joined with the title, URL and publication date of its source."""

    id: int
    title: str
    start: str | None
    end: str | None
    precision: str | None
    approximate: bool
    details: str
    quote: str
    tags: tuple[str, ...]
    source_id: int | None
    span_start: int | None
    span_end: int | None
    date_basis: str = ""
    date_text: str = ""
    counted_from: str | None = None
    created_at: str | None = None
    updated_at: str | None = None
    source_title: str | None = None
    source_url: str | None = None
    source_published: str | None = None
    version: int = 1
    """Counts the changes to this row: an undo overwrites or deletes only the version it made."""
    importance: float = 0.0
    """How much evidence the story layer found for the event (sources, written date, lead)."""
    is_key: bool = True
    """Shown by default: a key event of the story (typed and imported events always are)."""
    conflict: bool = False
    """Its mentions disagree on the date beyond their precision."""
    sources: int = 0
    """How many distinct sources tell the event (0 for one typed by hand)."""
    mentions: tuple[Mention, ...] = ()
    """Each source's sentence telling it; filled by `Store.get_event` and `with_mentions`."""

    @property
    def key(self) -> SortKey:
        """Where this event sits in date order."""
        return (sort_key(self.start), self.id)

    def as_new(self) -> NewEvent:
        """The writable fields of this event, e.g. to write an edited copy."""
        return NewEvent(**{name: getattr(self, name) for name in EVENT_FIELDS})


MENTION_KINDS = ("event", "support")
"""What ingest made of a sentence: an "event" of its own, or a "support" that only backs
an event dated elsewhere (an undated sentence that is not the day's news)."""


@dataclass(frozen=True, slots=True)
class Mention:
    """One source's sentence telling a happening, with the date as that sentence gives it."""

    id: int
    event_id: int
    source_id: int | None
    quote: str
    title: str
    span_start: int | None
    span_end: int | None
    start: str | None
    end: str | None
    precision: str | None
    approximate: bool
    date_basis: str
    date_text: str
    counted_from: str | None
    position: int
    kind: str
    held: bool
    """A person put it in its event (a join or a move out): merging leaves it there."""
    source_title: str | None = None
    source_url: str | None = None
    source_published: str | None = None


@dataclass(frozen=True, slots=True)
class StoryEvent:
    """What the story layer decided for one happening: its mentions and derived fields.

    `date_mention` gives the date and its provenance, `title_mention` the title, quote and
    source; an event a person edited keeps its own title and date.
    """

    mention_ids: tuple[int, ...]
    start: str | None
    end: str | None
    precision: str | None
    approximate: bool
    date_mention: int
    title_mention: int
    importance: float
    key: bool
    conflict: bool


@dataclass(frozen=True, slots=True)
class NewSource:
    """An article to record as the source of the events found in it."""

    title: str | None
    url: str | None
    published: str | None
    text: str
    path: str | None = None
    """The file the article was read from (None for standard input or an import)."""


@dataclass(frozen=True, slots=True)
class Source:
    """A stored article."""

    id: int
    title: str | None
    url: str | None
    published: str | None
    sha256: str
    text: str | None
    ingested_at: str | None
    path: str | None = None
    """The file the article was read from, as given when it was ingested."""


@dataclass(frozen=True, slots=True)
class SourceSummary:
    """A source as `timeline sources` lists it: no text, and how many events it tells."""

    id: int
    title: str | None
    url: str | None
    published: str | None
    path: str | None
    events: int
    """Events this source tells (its own, and those it shares with other sources)."""


@dataclass(frozen=True, slots=True)
class SaveResult:
    """What saving one article did.

    `existed`: the text was already stored. `removed`: events of the earlier ingest deleted
    (re-dating or replacing). `kept`: hand-edited events left in place when re-dating.
    `skipped`: new events not written because a kept hand-edited event has the same quote.
    """

    source_id: int
    added: int
    existed: bool
    mode: str = "add"
    removed: int = 0
    kept: int = 0
    skipped: int = 0
    attached: bool = False
    """A URL given this time was written onto the source already stored."""


@dataclass(frozen=True, slots=True)
class Filter:
    """What the user narrowed the timeline to: full-text words and an inclusive date range."""

    query: str | None = None
    date_from: str | None = None
    date_to: str | None = None
    key_only: bool = False
    """Only the key events of the story (what the app and `timeline list` show by default)."""
    conflicts: bool = False
    """Only events whose sources disagree on the date."""
    source_id: int | None = None
    """Only events one source tells (see `timeline sources` for the ids)."""
    tag: str | None = None
    """Only events carrying this tag (case does not matter)."""

    @property
    def active(self) -> bool:
        """True when a search, a date range, a source, a tag or the conflict filter narrows
        the list (showing only key events is the default view, not a narrowing a person asked
        for)."""
        return bool(
            (self.query or "").strip()
            or self.date_from
            or self.date_to
            or self.conflicts
            or self.source_id is not None
            or (self.tag or "").strip()
        )
