"""Turn an article and its temporal expressions into event drafts for the store.

The orchestration: split the text into sentences with offsets; set aside page furniture
(`ingest.furniture`: comments, captions, bylines, links), the headline and a wire dateline; date
each sentence by the anchoring model (`ingest.anchoring`); cut a title from it
(`ingest.titles`). The publication date is passed in; nothing here reads the clock. The work is
linear in the article's length: sentences, furniture and timexes are walked together once.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import replace

from timeline.ingest.reader.anchoring import date_sentence
from timeline.ingest.reader.aside_events import date_aside
from timeline.ingest.reader.clauses import flashback, mentions_happening, reports_event, supposes
from timeline.ingest.reader.counted import EVENT_NOUN
from timeline.ingest.reader.furniture import furniture_spans, is_opinion
from timeline.ingest.reader.keep import Draft, keep_kind
from timeline.ingest.reader.live import bare_stamps, is_live, stamp_of, strip_stamp
from timeline.ingest.reader.naming import name_description, name_pronoun
from timeline.ingest.reader.non_events import non_event
from timeline.ingest.reader.page_sentences import is_listing
from timeline.ingest.reader.reference import NEWS_WINDOW, Dating, Reference
from timeline.ingest.reader.sentences import (
    CREDIT,
    Sentence,
    dateline_end,
    find_headline,
    split_sentences,
)
from timeline.ingest.reader.titles import TITLE_MAX, cut_title, finish_title, untimed
from timeline.ingest.reader.values import covers
from timeline.ingest.types import ParsedDate, Timex
from timeline.store import NewEvent
from timeline.store.dates import day_of


def build_events(text: str, timexes: Sequence[Timex], published: dt.date | None) -> list[NewEvent]:
    """Build the event drafts a reader keeps: `build_mentions` of kind "event", in text order.

    Args:
        text: the article text the timex offsets refer to.
        timexes: temporal expressions in text, as `ingest.timex.find_timexes` returns them.
        published: publication date; None leaves news-relative dates undated (start None) and
            makes no event of a sentence without a date of its own.
    """
    return [
        draft.event for draft in build_mentions(text, timexes, published) if draft.kind == "event"
    ]


def build_mentions(text: str, timexes: Sequence[Timex], published: dt.date | None) -> list[Draft]:
    """Date every candidate sentence of an article and say whether a reader keeps it.

    Each `Draft` holds the NewEvent draft (sentence as quote, the date expression's offsets as
    span, how the date was reached), its kind, "event" (shown by default: what `build_events`
    returns) or "support" (a mention that backs an event: an undated sentence that does not tell
    the day's news, a guess, an opinion, a running total; see `ingest.keep`), and its position
    among the body sentences (0 = lead, -1 = the headline's own event). In text order, the
    headline's event first.
    """
    headline = find_headline(text)
    furniture = furniture_spans(text)
    next_furniture = 0
    ordered = sorted(timexes, key=lambda t: t.start)
    ref = Reference(published)
    live = published is not None and is_live(text, published.year)
    bare = live and published is not None and bare_stamps(text, published.year)
    listing = is_listing(text)
    clock: str | None = None
    drafts: list[Draft] = []
    before: list[str] = []
    in_body = False
    next_timex = 0
    position = lead = -1
    for sentence in split_sentences(text):
        while next_timex < len(ordered) and ordered[next_timex].start < sentence.start:
            next_timex += 1
        inside: list[Timex] = []
        index = next_timex
        while index < len(ordered) and ordered[index].start < sentence.end:
            if ordered[index].end <= sentence.end:
                inside.append(ordered[index])
            index += 1
        if headline and sentence.start < headline[1] and headline[0] < sentence.end:
            continue
        while next_furniture < len(furniture) and furniture[next_furniture][1] <= sentence.start:
            next_furniture += 1
        if next_furniture < len(furniture) and furniture[next_furniture][0] < sentence.end:
            continue  # a comment, a caption, a byline or a link: not the article's news
        if CREDIT.match(sentence.text):
            continue
        if (
            not in_body
            or "(" in sentence.text[:400]
            or _HAS_YEAR_AND_CLOCK.search(sentence.text)
            or dateline_end(sentence.text) is not None  # "KELSO, Ore. -- ...": any paragraph's
        ):
            in_body = True
            sentence = _without_dateline(sentence)
            inside = [t for t in inside if t.start >= sentence.start]
        position += 1
        lead += 1
        if live:
            cut, stamp = stamp_of(sentence.text, bare)
            if stamp is not None and cut < len(sentence.text):
                clock, lead = stamp, 0  # a new update: its first sentence is its lead
                sentence = Sentence(sentence.start + cut, sentence.end, sentence.text[cut:])
                inside = [t for t in inside if t.start >= sentence.start]
            assert published is not None
            ref.news = ParsedDate(published.isoformat(), "day")  # one update's day stays its own
        happening = reports_event(sentence.text) and not is_opinion(sentence.text)
        if not inside and not happening:
            backing = _backing(sentence, ref, before, position, lead, published)
            if backing is not None:
                drafts.append(backing)
            before.append(sentence.text)
            continue
        dating = date_sentence(sentence.text, sentence.start, inside, ref, happening)
        aside = date_aside(sentence.text, sentence.start, inside, ref)
        if aside is not None and (dating is None or dating.date != aside.dating.date):
            # "The strike, which began on 3 March, had halted ...": the aside's own happening
            drafts.append(_kept(sentence, aside.dating, before, position, lead, aside.title))
        if dating is not None and live and clock is not None and dating.basis == "report":
            dating = _at_stamp(dating, clock)
        if dating is None:
            before.append(sentence.text)
            continue
        if dating.basis != "report" and not _occurs(sentence.text, dating, happening, published):
            ref.advance(dating, flashback(sentence.text))
            before.append(sentence.text)
            continue
        ref.advance(dating, flashback(sentence.text))
        own_title = None
        if aside is not None and aside.first_ends is not None and dating.occurrence_at is None:
            own_title = finish_title(sentence.text[: aside.first_ends])  # the first clause alone
        drafts.append(_kept(sentence, dating, before, position, lead, own_title))
        before.append(sentence.text)
    if headline and published and _headline_tells(text[headline[0] : headline[1]]):
        head = _headline_event(text, headline, published)
        events = [draft.event for draft in drafts if draft.kind == "event"]
        first = next((event for event in events if event.start), None)
        repeated = any(_same_occurrence(head, event) for event in events) or (
            first is not None and _same_occurrence(head, first, shared=1)
        )
        if not repeated:
            drafts.insert(0, Draft(head, "event", -1))
    if listing:  # a broadcast schedule: its programmes back nothing a reader keeps alone
        return [replace(draft, kind="support") for draft in drafts]
    return drafts


def _backing(
    sentence: Sentence,
    ref: Reference,
    before: Sequence[str],
    position: int,
    lead: int,
    published: dt.date | None,
) -> Draft | None:
    """A body sentence that names no date and tells no happening of its own ("The new model
    comes in two colours") as a supporting mention at the news day: never shown alone, it
    keeps the sentence's reading and may back the event it describes. None for a question or
    a fragment, or without a publication date."""
    text = sentence.text.strip()
    if published is None or text.endswith("?") or len(_WORDS.findall(text)) < MIN_BACKING_WORDS:
        return None
    dating = date_sentence(sentence.text, sentence.start, [], ref, True)
    if dating is None or dating.basis != "report":
        return None
    return replace(_kept(sentence, dating, before, position, lead), kind="support")


MIN_BACKING_WORDS = 6
"""Fewer words than this make a fragment (a caption, a name line), not a supporting sentence."""

_WORDS = re.compile(r"\w+")


def _at_stamp(dating: Dating, clock: str) -> Dating:
    """A live update's undated sentence, at its stamp on the page's day (approximate: the stamp
    is when it was posted)."""
    day = dating.counted_from or (dating.date.start[:10] if dating.date else "")
    if not day or dating.date is None or dating.date.end:
        return dating
    date = ParsedDate(f"{day[:10]}T{clock}", "minute", approximate=True)
    return replace(dating, date=date, text=clock)


def _kept(
    sentence: Sentence,
    dating: Dating,
    before: Sequence[str],
    position: int,
    lead: int,
    title: str | None = None,
) -> Draft:
    """A sentence's draft with its title's pronoun named (`ingest.naming`) and its kind
    (`ingest.keep`): `lead` is its order in its update (its position on other pages)."""
    event = _draft(sentence, dating, title)
    if not event.title:  # nothing readable once wire furniture is off: it backs, never shows
        return Draft(replace(event, title=sentence.text[:TITLE_MAX].strip()), "support", position)
    named = name_pronoun(strip_stamp(event.title), before)
    if named is not None:
        event = replace(event, title=name_description(named, before))
    kind = keep_kind(sentence.text, dating, lead, event.title)
    return Draft(event, kind, position)


def _occurs(text: str, dating: Dating, happening: bool, published: dt.date | None) -> bool:
    """Whether a sentence with a date of its own tells of an occurrence: it reports a happening,
    names one ("visit", "launch"), or puts something on a date still to come ("goes on sale").
    A guess is none ("BP might sell bonds next week")."""
    if happening:
        return True
    if supposes(text):
        return False
    if mentions_happening(text):
        return True
    date = dating.date
    return date is not None and published is not None and date.start[:10] > published.isoformat()


_INLINE_DATELINE = re.compile(
    r"\b[A-Z][A-Z.'’-]+(?:[ ,]+[A-Z][A-Za-z.'’-]+){0,3}\s*\((?:[A-Z][\w&.-]*\s?){1,3}\)\s*"
    r"(?:-{1,2}|[–—])\s+(?=[\"“‘'(\[]?[A-Z0-9])"
)
"""A wire dateline ("LONDON (Reuters) - ") after a headline and a time stamp run into one line."""


_UPDATED = r"(?:(?:Last\s+)?[Uu]pdated(?:\s+at|:)?\s+)?"
"""A page's "Last updated at" between the date and the clock of its time stamp."""
_CLOCK_FIRST = (
    r"\b\d{1,2}[:.]\d{2}\s*(?:[AaPp]\.?[Mm]\.?)?(?:\s+(?:UK\s+time|[A-Z]{2,4}))?,?\s+"
    r"(?:(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)[a-z]*,?\s+)?(?:\d{1,2}\s+[A-Z][a-z]{2,8}\.?|"
    r"[A-Z][a-z]{2,8}\.?\s+\d{1,2},?)\s+\d{4}\b"
)
"""A blog entry's stamp, the clock before its day: "10:05 UK time, Friday, 4 July 2031"."""
_HAS_YEAR_AND_CLOCK = re.compile(
    rf"\b\d{{4}}[;,]?\s+{_UPDATED}\d{{1,2}}[:.]\d{{2}}\b|{_CLOCK_FIRST}"
)
"""A time stamp in a sentence: a date and its clock, or a clock and its date."""
_STAMP = re.compile(
    r"(?:(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)[a-z]*,?\s+)?(?:\d{1,2}\s+[A-Z][a-z]{2,8}\.?|"
    r"[A-Z][a-z]{2,8}\.?\s+\d{1,2},?)\s+\d{4}[;,]?\s+" + _UPDATED + r"\d{1,2}[:.]\d{2}\s*"
    r"(?:[AaPp]\.?[Mm]\.?)?(?:\s+(?:[A-Z]{2,4}|GMT|UTC))?\s+(?:(?:Help|Share|Print|Email)\s+)?"
    rf"|{_CLOCK_FIRST}\s+"
)
"""A page's time stamp ("Thursday 3 July 2031 07.15 BST", "Friday, August 8, 2031; 4:12 PM",
"3 May 2031 Last updated at 09:14 GMT", with the page's "Help" or "Share" link after it; a
blog entry's "10:05 UK time, Friday, 4 July 2031", the clock first):
what comes before it on the line is the headline and standfirst, not the story."""


def _without_dateline(sentence: Sentence) -> Sentence:
    """The sentence after its dateline or time stamp: their date is the report's, not the
    event's."""
    cut = dateline_end(sentence.text)
    if cut is None:
        inline = _INLINE_DATELINE.search(sentence.text, 0, 400) or _STAMP.search(
            sentence.text, 0, 400
        )
        cut = inline.end() if inline else None
    if cut is None or cut >= len(sentence.text):
        return sentence
    return Sentence(sentence.start + cut, sentence.end, sentence.text[cut:])


_NAMES = r"(?:the\s+)?[A-Z][\w'’.-]*(?:\s+(?:of\s+)?[A-Z][\w'’.-]*)*"
_OCCURRENCE_PHRASE = re.compile(
    rf"(?i:{EVENT_NOUN.pattern})(?:\s+(?:to|in|of|at)\s+{_NAMES})?(?:\s+by\s+{_NAMES})?"
)


def occurrence_title(sentence: str, start: int) -> str:
    """Title an occurrence dated by its length from its noun phrase ("Two-day visit to Tokyo by X").

    Args:
        sentence: the sentence.
        start: where the duration expression begins in it.
    """
    head = re.match(r"\S+", sentence[start:])
    end = start + (head.end() if head else 0)
    phrase = _OCCURRENCE_PHRASE.match(sentence, end)
    return finish_title(sentence[start : phrase.end() if phrase else len(sentence)])


def _draft(sentence: Sentence, dating: Dating, title: str | None = None) -> NewEvent:
    """Make the event draft for a dated sentence (titled `title` when given)."""
    text = sentence.text
    if title is not None:  # given: an aside's happening (`ingest.aside_events`)
        title = untimed(title, dating.text)
    elif dating.occurrence_at is not None:
        title = occurrence_title(text, dating.occurrence_at - sentence.start)
    elif dating.span is not None:
        title = cut_title(text, (dating.span[0] - sentence.start, dating.span[1] - sentence.start))
    else:
        title = cut_title(text)
    date = dating.date
    span = dating.span or (None, None)
    return NewEvent(
        title=title,
        start=date.start if date else None,
        precision=date.precision if date else None,
        end=date.end if date else None,
        approximate=date.approximate if date else True,
        quote=text,
        span_start=span[0],
        span_end=span[1],
        date_basis=dating.basis,
        date_text=dating.text,
        counted_from=dating.counted_from,
    )


def _headline_tells(line: str) -> bool:
    """Whether a headline tells a happening: it names one, and is no question, guess or page
    heading ("Will the port reopen?", "Mill may close", "Live video of the flood")."""
    return mentions_happening(line) and not non_event(line)


def _headline_event(text: str, headline: tuple[int, int], published: dt.date) -> NewEvent:
    """The occurrence a headline reports, placed at publication (approximate: it may be the eve),
    with the provenance of any undated report, so a reader is told where its date came from."""
    line = text[headline[0] : headline[1]]
    return NewEvent(
        title=finish_title(line),
        start=published.isoformat(),
        precision="day",
        approximate=True,
        quote=line,
        date_basis="report",
        counted_from=published.isoformat(),
    )


_STOP = frozenset(
    [
        "the",
        "and",
        "for",
        "with",
        "from",
        "into",
        "over",
        "that",
        "this",
        "their",
        "its",
        "his",
        "her",
        "has",
        "have",
    ]
)


def _stems(text: str) -> set[str]:
    """Content-word stems of a title, for telling whether two titles say the same thing."""
    words = re.findall(r"[a-z]{3,}", text.lower())
    return {word[:4] for word in words if word not in _STOP}


def _same_occurrence(lead: NewEvent, event: NewEvent, shared: int = 2) -> bool:
    """Whether a body event repeats the headline's: `shared` content stems in common (one is
    enough for the lead sentence), and a date that covers publication or falls in the days just
    before it (the lead's "on Tuesday")."""
    if event.start is None or lead.start is None:
        return False
    if len(_stems(lead.title) & _stems(event.title)) < shared:
        return False
    date = ParsedDate(event.start, event.precision or "day", event.end)
    if covers(date, lead.start) or date.precision not in ("day", "minute"):
        return covers(date, lead.start)
    day, published = day_of(event.start), day_of(lead.start)
    if day is None or published is None:
        return False
    return published - NEWS_WINDOW <= day <= published
