"""How much an event matters, which events the app shows by default, and a story's key days.

Importance is read from evidence only: how many independent sources tell the happening, how many
of them were published after it (news that looks back at a day, DATEWISE's best sign of a key
date), whether a date is written in a sentence, and whether a source opens with it.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from collections import defaultdict
from collections.abc import Sequence

from timeline.ingest.reader.keep import LEAD_SENTENCES
from timeline.ingest.reader.naming import unnamed_description
from timeline.ingest.story.mentions import (
    BASIS_RANK,
    DateChoice,
    MentionFacts,
    published_day,
    span,
)

SOURCE_WEIGHT = 1.0
"""Weight of log2(1 + independent sources)."""
LATER_WEIGHT = 1.0
"""Weight of log2(sources published after the event's date): each source looking back at a day
after the first (one article's background year is not a story's key day)."""
WRITTEN_WEIGHT = 0.5
"""Added when a source's sentence writes a date ("in 2019", "on Tuesday", "two days later"),
not only the news day it was published on."""
LEAD_WEIGHT = 0.5
"""Added when a source opens with the happening (its headline or first sentence)."""
PINNED_WEIGHT = 0.25
"""Added when the event's date is one day, not counted loosely from a news day: a happening the
sources pin to a day is firmer evidence than one spread over a week, a month or a guess."""
LEAD_POSITIONS = LEAD_SENTENCES
"""Positions that count as an article's opening: the lead sentences in which the reader's
filter lets a sentence with no date of its own tell the day's news (`reader.keep`)."""
KEY_THRESHOLD = 2.0
"""Least importance of an event the app shows by default (typed events are always shown): one
source needs a date written in its sentence or to open its article besides being kept by the
reader's filter (storyline's READER_WEIGHT); an undated sentence deep in one article is not
shown alone."""
PER_DAY = 3
"""Events listed under each key day."""

_PRONOUN = re.compile(r"^(he|she|they|it|this|that|these|those|we|i|his|her|its|their)\b", re.I)


def _source(mention: MentionFacts) -> object:
    """A mention's independent source: its article, or itself when typed by hand."""
    return mention.source_id if mention.source_id is not None else ("typed", mention.id)


def _disagreeing(choice: DateChoice) -> frozenset[int]:
    """Ids of the mentions the choice's reasons list as disagreeing with its date."""
    return frozenset(i for i, r in choice.reasons if r.startswith("disagrees"))


def importance(mentions: Sequence[MentionFacts], choice: DateChoice) -> float:
    """How much an event matters, from its evidence; 0 when it has no date."""
    if choice.start is None:
        return 0.0
    first, last = span(choice.start, choice.end, choice.precision)
    against = _disagreeing(choice)
    agreeing = [m for m in mentions if m.id not in against]
    sources = {_source(m) for m in agreeing}
    later = {
        _source(m)
        for m in agreeing
        if m.basis != "report" and (day := published_day(m)) is not None and day > last
    }
    # a date in the sentence's words, or a stretch it gives before the news day ("had just
    # returned from"), not only the day it was published on
    written = any(m.basis != "report" or m.end is not None for m in agreeing)
    lead = any(m.position < LEAD_POSITIONS for m in agreeing)
    pinned = choice.day() is not None and first == last and not choice.approximate
    return (
        SOURCE_WEIGHT * math.log2(1 + len(sources))
        + LATER_WEIGHT * math.log2(max(len(later), 1))
        + WRITTEN_WEIGHT * written
        + LEAD_WEIGHT * lead
        + PINNED_WEIGHT * pinned
    )


def is_key(
    mentions: Sequence[MentionFacts],
    choice: DateChoice,
    score: float,
    threshold: float = KEY_THRESHOLD,
) -> bool:
    """Whether the app shows the event by default: typed or held by a person, or important enough.

    `score` is the event's `importance`.
    """
    if any(m.basis == "" or m.held_event is not None for m in mentions):
        return True
    return choice.start is not None and score >= threshold


def key_days(
    events: Sequence[tuple[DateChoice, float]],
    n: int,
    per_day: int = PER_DAY,
    shown: Sequence[bool] | None = None,
) -> list[tuple[dt.date, list[int]]]:
    """The `n` most important days of a story, each with the indexes of its top events.

    A day weighs the sum of its events' importance; only events dated to a day count. Days come
    in date order; each day's events by importance (ties: lower index first), those the app
    shows by default (`shown`, when given) before the rest: every sentence of a day adds to its
    weight, but a day reads as its key events, not as an aside that happened to outrank them.
    Equal days: the earlier wins a place.
    """
    by_day: dict[dt.date, list[int]] = defaultdict(list)
    for index, (choice, _) in enumerate(events):
        day = choice.day()
        if day is not None:
            by_day[day].append(index)
    weight = {day: sum(events[i][1] for i in found) for day, found in by_day.items()}
    chosen = sorted(by_day, key=lambda day: (-weight[day], day))[: max(n, 0)]
    result = []
    for day in sorted(chosen):
        top = sorted(
            by_day[day], key=lambda i: (shown is not None and not shown[i], -events[i][1], i)
        )[:per_day]
        result.append((day, top))
    return result


def best_title_mention(mentions: Sequence[MentionFacts], choice: DateChoice) -> int:
    """The id of the mention whose title the event takes.

    Prefers a mention agreeing with the date, kept by the reader's filter as an event (not
    only support: "The wreck lies a mile from where the rig exploded on 20 April" does not title
    the explosion), whose title does not open on a pronoun or an unnamed description ("The
    company said"), of fair length, with the strongest date evidence, nearest its article's
    opening; then the lowest id.

    Raises:
        ValueError: no mentions.
    """
    if not mentions:
        raise ValueError("an event needs at least one mention")
    against = _disagreeing(choice)

    def key(m: MentionFacts) -> tuple[bool, bool, bool, bool, bool, int, int, int]:
        title = m.title.strip()
        fair = 25 <= len(title) <= 220
        return (
            m.id not in against,
            m.kept,
            not _PRONOUN.match(title) and not unnamed_description(title),
            fair,
            m.id == choice.mention,
            BASIS_RANK.get(m.basis, 0),
            -m.position,
            -m.id,
        )

    return max(mentions, key=key).id
