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

from timeline.ingest.anchoring import EVENT_NOUN, date_sentence
from timeline.ingest.aside_events import date_aside
from timeline.ingest.clauses import flashback, mentions_happening, reports_event, supposes
from timeline.ingest.furniture import furniture_spans, is_opinion
from timeline.ingest.reference import NEWS_WINDOW, Dating, Reference
from timeline.ingest.sentences import CREDIT, Sentence, dateline_end, find_headline, split_sentences
from timeline.ingest.titles import TITLE_MAX, cut_title, finish_title
from timeline.ingest.types import ParsedDate, Timex
from timeline.ingest.values import covers
from timeline.store import NewEvent


def build_events(text: str, timexes: Sequence[Timex], published: dt.date | None) -> list[NewEvent]:
    """Build event drafts from an article and the timexes found in it.

    Args:
        text: the article text the timex offsets refer to.
        timexes: temporal expressions in text, as `ingest.timex.find_timexes` returns them.
        published: publication date; None leaves news-relative dates undated (start None) and
            makes no event of a sentence without a date of its own.

    Returns:
        One draft per sentence that reports a dated occurrence (plus the headline's event), in
        text order, with the sentence as quote, the date expression's offsets as span, and how
        the date was reached (date_basis, date_text, counted_from).
    """
    headline = find_headline(text)
    furniture = furniture_spans(text)
    next_furniture = 0
    ordered = sorted(timexes, key=lambda t: t.start)
    ref = Reference(published)
    events: list[NewEvent] = []
    in_body = False
    next_timex = 0
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
        if not in_body or "(" in sentence.text[:400] or _HAS_YEAR_AND_CLOCK.search(sentence.text):
            in_body = True
            sentence = _without_dateline(sentence)
            inside = [t for t in inside if t.start >= sentence.start]
        happening = reports_event(sentence.text) and not is_opinion(sentence.text)
        if not inside and not happening:
            continue
        dating = date_sentence(sentence.text, sentence.start, inside, ref, happening)
        aside = date_aside(sentence.text, sentence.start, inside, ref)
        if aside is not None and (dating is None or dating.date != aside.dating.date):
            # "The strike, which began on 3 March, had halted ...": the aside's own happening
            events.append(_draft(sentence, aside.dating, aside.title))
        if dating is None:
            continue
        if dating.basis != "report" and not _occurs(sentence.text, dating, happening, published):
            ref.advance(dating, flashback(sentence.text))
            continue
        ref.advance(dating, flashback(sentence.text))
        events.append(_draft(sentence, dating))
    if headline and published and mentions_happening(text[headline[0] : headline[1]]):
        lead = _headline_event(text, headline, published)
        first = next((event for event in events if event.start), None)
        repeated = any(_same_occurrence(lead, event) for event in events) or (
            first is not None and _same_occurrence(lead, first, shared=1)
        )
        if not repeated:
            events.insert(0, lead)
    return events


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


_HAS_YEAR_AND_CLOCK = re.compile(r"\b\d{4}[;,]?\s+\d{1,2}[:.]\d{2}\b")
_STAMP = re.compile(
    r"(?:(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)[a-z]*,?\s+)?(?:\d{1,2}\s+[A-Z][a-z]{2,8}\.?|"
    r"[A-Z][a-z]{2,8}\.?\s+\d{1,2},?)\s+\d{4}[;,]?\s+\d{1,2}[:.]\d{2}\s*(?:[AaPp]\.?[Mm]\.?)?"
    r"(?:\s+(?:[A-Z]{2,4}|GMT|UTC))?\s+"
)
"""A page's time stamp ("Tuesday 6 July 2010 18.50 BST", "Wednesday, August 25, 2010; 5:49 PM"):
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
        pass
    elif dating.occurrence_at is not None:
        title = occurrence_title(text, dating.occurrence_at - sentence.start)
    elif dating.span is not None:
        title = cut_title(text, (dating.span[0] - sentence.start, dating.span[1] - sentence.start))
    else:
        title = cut_title(text)
    date = dating.date
    span = dating.span or (None, None)
    return NewEvent(
        title=title or text[:TITLE_MAX],
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
    day = dt.date.fromisoformat(event.start[:10])
    published = dt.date.fromisoformat(lead.start)
    return published - NEWS_WINDOW <= day <= published
