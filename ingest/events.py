"""Turn an article and its temporal expressions into event drafts for the store.

The steps, each a small function with its own test table: split the text into sentences with
offsets; decide whether a sentence reports something happening; date it from the most precise
timex in it (or, with none, from a relative cue such as "upon completion of the visit" placed
against the article's main event); and cut a short title from the sentence. The publication date
is passed in; nothing here reads the clock. A date is never made more precise than the text says,
and a past-tense sentence never yields a date after publication. A wire dateline opening the body
("TOKYO, 31 August 2022 (Reuters) - ") is set aside: its date is the report's, not the event's.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass

from ingest.anchoring import (
    EVENT_NOUN,
    anchored_duration,
    covers,
    date_of_value,
    is_after,
    is_relative_value,
    most_recent,
    names_month_without_year,
    place_relative,
    relative_cue,
)
from ingest.clauses import reports_event, speaks_of_future
from ingest.sentences import CREDIT, Sentence, dateline_end, find_headline, split_sentences
from ingest.titles import FIRST_SINCE, TITLE_MAX, cut_title, finish_title, main_actor
from ingest.types import ParsedDate, Timex
from store import NewEvent

_RANK = {"year": 0, "month": 1, "day": 2, "minute": 3}


@dataclass(frozen=True, slots=True)
class _Dated:
    """A candidate dating of a sentence: the date, where it was said, and how to title it."""

    date: ParsedDate | None
    span: tuple[int, int] | None
    title_from: int | None = None
    drop_span: bool = True
    anchors: bool = False


def build_events(text: str, timexes: Sequence[Timex], published: dt.date | None) -> list[NewEvent]:
    """Build event drafts from an article and the timexes found in it.

    Args:
        text: the article text the timex offsets refer to.
        timexes: temporal expressions in text, as `ingest.timex.find_timexes` returns them.
        published: publication date; None leaves relative dates undated (start None).

    Returns:
        One draft per sentence that reports a dated occurrence (plus the headline's event), in
        text order, with the sentence as quote and the date expression's offsets as span.
    """
    actor = main_actor(text)
    headline = find_headline(text)
    anchor = ParsedDate(published.isoformat(), "day") if published else None
    ordered = sorted(timexes, key=lambda t: t.start)
    events: list[NewEvent] = []
    in_body = False
    for sentence in split_sentences(text):
        if headline and sentence.start < headline[1] and headline[0] < sentence.end:
            continue
        if CREDIT.match(sentence.text):
            continue
        if not in_body:
            in_body = True
            sentence = _without_dateline(sentence)
        if not reports_event(sentence.text):
            continue
        inside = [t for t in ordered if sentence.start <= t.start and t.end <= sentence.end]
        dated = _date_sentence(sentence, inside, published, anchor)
        if dated is None:
            continue
        if dated.anchors and dated.date is not None:
            anchor = dated.date
        events.append(_draft(sentence, dated, actor))
    if headline and published and reports_event(text[headline[0] : headline[1]]):
        lead = _headline_event(text, headline, published)
        if not any(_same_occurrence(lead, event) for event in events):
            events.insert(0, lead)
    return events


def _without_dateline(sentence: Sentence) -> Sentence:
    """The sentence after its dateline: the dateline's date is the report's, not the event's."""
    cut = dateline_end(sentence.text)
    if cut is None or cut >= len(sentence.text):
        return sentence
    return Sentence(sentence.start + cut, sentence.end, sentence.text[cut:])


def _date_sentence(
    sentence: Sentence,
    timexes: Sequence[Timex],
    published: dt.date | None,
    anchor: ParsedDate | None,
) -> _Dated | None:
    """Choose how a sentence is dated: its most precise usable timex, else a relative cue.

    Returns:
        The dating (date None: a relative date we cannot resolve without a publication date),
        or None when the sentence has no usable date.
    """
    best: tuple[int, _Dated] | None = None
    unresolved: _Dated | None = None
    for timex in timexes:
        candidate = _date_timex(sentence, timex, published)
        if candidate is None or candidate.date is None:
            if is_relative_value(timex.value) and published is None and timex.type != "SET":
                unresolved = unresolved or _Dated(None, (timex.start, timex.end))
            continue
        date = candidate.date
        if is_after(date, published) and not speaks_of_future(sentence.text):
            continue
        if best is None or _RANK[date.precision] > best[0]:
            best = (_RANK[date.precision], candidate)
    if best is not None:
        return best[1]
    cue = relative_cue(sentence.text)
    if cue is not None:
        kind, match = cue
        span = (sentence.start + match.start(), sentence.start + match.end())
        if anchor is None:
            return _Dated(None, span, drop_span=False)
        return _Dated(place_relative(kind, anchor), span, drop_span=False)
    return unresolved


def _date_timex(sentence: Sentence, timex: Timex, published: dt.date | None) -> _Dated | None:
    """Date a sentence from one of its timexes, or None when that timex dates no occurrence."""
    span = (timex.start, timex.end)
    local = timex.start - sentence.start
    if timex.type == "DURATION":
        after = sentence.text[timex.end - sentence.start :]
        date = anchored_duration(sentence.text, after, timex.value, published)
        if date is None:
            return None
        return _Dated(date, span, title_from=local, drop_span=False, anchors=True)
    if timex.type not in ("DATE", "TIME"):
        return None
    before = sentence.text[:local]
    if re.search(r"\bsince\s*$", before, re.IGNORECASE) and not FIRST_SINCE.search(before):
        return None  # "has grown since 2012" starts a state, it is no occurrence in 2012
    date = date_of_value(timex.value, published)
    if date is None:
        return None
    future = speaks_of_future(sentence.text)
    if is_after(date, published) and names_month_without_year(timex.text) and not future:
        date = most_recent(date, published)
    exact = date.precision in ("day", "minute") and not date.approximate and not date.end
    return _Dated(date, span, anchors=exact)


_NAMES = r"(?:the\s+)?[A-Z][\w'’.-]*(?:\s+(?:of\s+)?[A-Z][\w'’.-]*)*"
_OCCURRENCE_PHRASE = re.compile(
    rf"(?i:{EVENT_NOUN.pattern})(?:\s+(?:to|in|of|at)\s+{_NAMES})?(?:\s+by\s+{_NAMES})?"
)


def occurrence_title(sentence: str, start: int, actor: str | None) -> str:
    """Title an occurrence dated by its length from its noun phrase ("Two-day visit to Tokyo by X").

    Args:
        sentence: the sentence.
        start: where the duration expression begins in it.
        actor: the article's main person, named as the agent when the phrase names none.
    """
    head = re.match(r"\S+", sentence[start:])
    end = start + (head.end() if head else 0)
    phrase = _OCCURRENCE_PHRASE.match(sentence, end)
    title = sentence[start : phrase.end() if phrase else len(sentence)]
    if phrase and " by " not in title and actor and actor in sentence:
        title += f" by {actor}"
    return cut_title(title)


def _draft(sentence: Sentence, dated: _Dated, actor: str | None) -> NewEvent:
    """Make the event draft for a dated sentence."""
    text = sentence.text
    if dated.title_from is not None:
        title = occurrence_title(text, dated.title_from, actor)
    elif dated.drop_span and dated.span is not None:
        local = (dated.span[0] - sentence.start, dated.span[1] - sentence.start)
        title = cut_title(text, local, actor)
    else:
        title = cut_title(text, actor=actor)
    date = dated.date
    span = dated.span or (None, None)
    return NewEvent(
        title=title or text[:TITLE_MAX],
        start=date.start if date else None,
        precision=date.precision if date else None,
        end=date.end if date else None,
        approximate=date.approximate if date else True,
        quote=text,
        span_start=span[0],
        span_end=span[1],
    )


def _headline_event(text: str, headline: tuple[int, int], published: dt.date) -> NewEvent:
    """The occurrence a headline reports, placed at publication (approximate: it may be the eve)."""
    line = text[headline[0] : headline[1]]
    return NewEvent(
        title=finish_title(line, None),
        start=published.isoformat(),
        precision="day",
        approximate=True,
        quote=line,
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


def _same_occurrence(lead: NewEvent, event: NewEvent) -> bool:
    """Whether a body event repeats the headline's: same day covered and two shared stems."""
    if event.start is None or lead.start is None:
        return False
    date = ParsedDate(event.start, event.precision or "day", event.end)
    return covers(date, lead.start) and len(_stems(lead.title) & _stems(event.title)) >= 2
