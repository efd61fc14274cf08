"""The story layer against the store: after an ingest, a join, a move or a date pick, decide
again which mentions tell one happening and what each event's date, title and weight are.

The deciding is pure (`ingest.story`); this module reads mentions from the store, hands them
over as `MentionFacts` and writes the decisions back through `Store.apply_story`. Merging
compares only mentions within a date window of the new ones, so it grows with the story's
busiest days, not with the database.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace

from timeline.ingest.story import (
    DateChoice,
    MentionFacts,
    best_title_mention,
    choose_date,
    cluster,
    importance,
    is_key,
    key_days,
)
from timeline.ingest.story.clusters import MIN_SHARED, could_join, told_terms
from timeline.ingest.story.similarity import Weights, terms
from timeline.store import Event, Filter, NewEvent, Store
from timeline.store.models import Mention, StoryEvent

SUPPORT_SOURCES = 3
"""Sources that must tell, in passing, a happening none of them tells as its news (every
mention only supports) for it to be shown: three papers looking back at one day mark it; two
are as often a shared forecast, fear or background year ("the 1989 spill")."""
WHOLE_WINDOW = 400
"""Up to this many mentions near an article's dates are grouped again from scratch on each
ingest (their likeness is then the same whatever came with them); past it, grouping them all
each time would grow with the square of a busy story."""
READER_WEIGHT = 0.5
"""Added to an event's importance when a sentence of it tells a happening a reader keeps
(`ingest.keep`), not only supports one: one such source is enough to show it."""
NEAR_DAYS = 7
"""A dated mention is compared with mentions up to this many days either side."""
LOOKBACK_DAYS = 30
"""A mention placed at its news day ('report') may retell a happening this many days before."""


_BEFORE_ONE = re.compile(r"-|0000")
"""A stored date before 1 AD (astronomical year 0 or negative)."""


def facts(mention: Mention, hold: bool = False) -> MentionFacts:
    """What the pure story layer needs to know of a stored mention (`hold`: keep it in its
    event this time, as if a person had put it there)."""
    common_era = bool(mention.start) and not _BEFORE_ONE.match(mention.start or "")
    return MentionFacts(
        id=mention.id,
        source_id=mention.source_id,
        published=mention.source_published,
        start=mention.start if common_era else None,  # the story layer's days start at year 1
        end=mention.end if common_era else None,
        precision=mention.precision if common_era else None,
        approximate=mention.approximate,
        basis=mention.date_basis,
        quote=mention.quote,
        title=mention.title,
        position=mention.position,
        held_event=mention.event_id if mention.held or hold else None,
        kept=mention.kind == "event",
    )


def decide(mentions: Sequence[Mention]) -> StoryEvent:
    """The date, title and weight of one event from its mentions' evidence."""
    told = [facts(m) for m in mentions]
    choice = choose_date(told)
    sources = {m.source_id for m in mentions}
    own = any(m.kind == "event" for m in mentions)
    score = importance(told, choice) + (READER_WEIGHT if own and choice.start else 0.0)
    # sentences no reader's filter kept may still make an event when SUPPORT_SOURCES tell
    # it, but only with a date one of them writes: undated asides ("Live coverage of ...",
    # a quote) placed at their news days are no happening of a known day
    own = own or (
        len(sources) >= SUPPORT_SOURCES and any(m.date_basis != "report" for m in mentions)
    )
    if choice.start is None:  # no date the story layer can weigh: keep one a mention gives
        dated = next((m for m in sorted(mentions, key=lambda m: m.id) if m.start), None)
        if dated is not None:
            choice = replace(
                choice,
                start=dated.start,
                end=dated.end,
                precision=dated.precision,
                approximate=dated.approximate,
                mention=dated.id,
            )
    return StoryEvent(
        mention_ids=tuple(sorted(m.id for m in mentions)),
        start=choice.start,
        end=choice.end,
        precision=choice.precision,
        approximate=choice.approximate,
        date_mention=choice.mention,
        title_mention=best_title_mention(told, choice),
        importance=round(score, 3),
        key=own and is_key(told, choice, score),
        conflict=choice.conflict,
    )


def _regroup(store: Store, mentions: Sequence[Mention], fresh: set[int] | None = None) -> int:
    """Cluster these mentions (with every other mention of their events) and write the
    result; returns how many events they now make.

    With `fresh` (mention ids), the others keep the events they are in (held for this pass)
    and only the fresh ones are placed: joined to an event or to each other, or left alone.
    """
    if not mentions:
        return 0
    every = {m.id: m for m in mentions}
    every.update((m.id, m) for m in store.mentions_besides({m.event_id for m in mentions}, every))
    told = [
        facts(m, hold=fresh is not None and m.id not in fresh and not m.held)
        for m in every.values()
    ]
    _load_weights(store, {m.source_id for m in every.values()})
    groups = cluster(told, fresh=fresh, weigh=lambda m: _article_weights(store, m.source_id))
    if fresh is not None:
        groups = [group for group in groups if fresh.intersection(group)]
    store.apply_story([decide([every[i] for i in group]) for group in groups])
    return len(groups)


FEW_SENTENCES = 5
"""An article with fewer mentions weighs all its words alike."""
_WEIGHTS: dict[tuple[str, int], Weights] = {}
"""Term weights of each article already seen, by (database, source id); an article's
sentences do not change once saved (re-dating it keeps its text)."""
_BLANK = Weights(())


def _load_weights(store: Store, sources: set[int | None]) -> None:
    """Read the sentences of the sources not weighed yet, in one query."""
    wanted = [s for s in sources if s is not None and (str(store.path), s) not in _WEIGHTS]
    if len(_WEIGHTS) + len(wanted) > 20000:
        _WEIGHTS.clear()
    for source_id, told in store.mention_texts(wanted).items():
        few = len(told) < FEW_SENTENCES  # too few to tell a topic word from a rare one
        _WEIGHTS[(str(store.path), source_id)] = Weights(() if few else (terms(t) for t in told))


def _article_weights(store: Store, source_id: int | None) -> Weights:
    """A source's term weights: rarity among its own sentences, so that the story's topic
    words (in most of an article's sentences) weigh little, and a mention's weights never
    depend on which articles arrived before it. Read once per source and database."""
    if source_id is None:
        return _BLANK
    key = (str(store.path), source_id)
    if key not in _WEIGHTS:
        _load_weights(store, {source_id})
    return _WEIGHTS.get(key, _BLANK)


def _window(events: Iterable[NewEvent | Mention]) -> tuple[str | None, str | None, set[str]]:
    """The days around dated mentions, and the coarse dates (years, months) among them."""
    low: dt.date | None = None
    high: dt.date | None = None
    coarse: set[str] = set()
    for event in events:
        if not event.start:
            continue
        coarse.add(event.start[:4])
        if len(event.start) >= 7:
            coarse.add(event.start[:7])
        if len(event.start) < 10 or event.start.startswith("-"):
            continue
        day = dt.date.fromisoformat(event.start[:10])
        back = LOOKBACK_DAYS if event.date_basis == "report" else NEAR_DAYS
        first, last = day - dt.timedelta(days=back), day + dt.timedelta(days=NEAR_DAYS)
        low = first if low is None or first < low else low
        high = last if high is None or last > high else high
    if low is None or high is None:
        return None, None, coarse
    return low.isoformat(), high.isoformat(), coarse


def _coarse_dates(events: Iterable[NewEvent | Mention]) -> set[str]:
    """The years and months (common era) that mentions are dated to as a whole."""
    return {
        event.start
        for event in events
        if event.start and len(event.start) < 10 and not event.start.startswith("-")
    }


def merge_around(store: Store, drafts: Sequence[NewEvent], source_id: int) -> int:
    """After an article is saved: group the mentions dated near its own again, so the result
    does not depend on the order articles came in; past WHOLE_WINDOW mentions, only the
    article's own are placed among the events already there (`timeline merge` then decides
    the whole story afresh). Returns the number of events they make."""
    low, high, coarse = _window(drafts)
    nearby = store.mentions_dated(low, high, coarse)
    for value in sorted(_coarse_dates(drafts)):
        # "in 2003" may tell what another article dates "28 April 2003": read the finer
        # mentions inside it too, as a finer mention arriving later reads this one, while
        # the stretch is small enough to group afresh
        if store.count_mentions_dated(value, value) <= WHOLE_WINDOW:
            known = {m.id for m in nearby}
            nearby += [m for m in store.mentions_dated(value, value) if m.id not in known]
    if len(nearby) <= WHOLE_WINDOW:
        return _regroup(store, nearby)  # decided afresh: the same whatever the order
    fresh = {m.id for m in nearby if m.source_id == source_id}
    return _regroup(store, _within_reach(nearby, fresh), fresh)


def _within_reach(nearby: Sequence[Mention], fresh: set[int]) -> list[Mention]:
    """The fresh mentions and those of the events they could join: an event whose mentions
    here share too few terms with every fresh one cannot take any (each pair must be alike),
    so it need not be read, weighed or compared; what joins what stays the same."""
    found = {m.id: told_terms(m.title, m.quote) for m in nearby}
    mine = [found[i] for i in sorted(fresh)]
    every = frozenset().union(*(told.all() for told in mine))
    reach = {m.event_id for m in nearby if m.id in fresh}
    for mention in nearby:
        if mention.event_id in reach:
            continue
        told = found[mention.id]
        if len(told.all() & every) < MIN_SHARED - 1:
            continue  # too few terms in common with all the fresh ones together
        if any(could_join(told, other) for other in mine):
            reach.add(mention.event_id)
    return [m for m in nearby if m.event_id in reach]


def refresh(store: Store, event_ids: Iterable[int]) -> None:
    """Decide again the date, title and weight of these events, keeping their mentions."""
    grouped: dict[int, list[Mention]] = {}
    for mention in store.mentions_of_events(event_ids):
        grouped.setdefault(mention.event_id, []).append(mention)
    if grouped:
        store.apply_story([decide(group) for group in grouped.values()])


@dataclass(frozen=True, slots=True)
class Merged:
    """What `remerge` did: mentions read, events they make."""

    mentions: int
    events: int


def remerge(store: Store) -> Merged:
    """Cluster every mention of the database again, month by month of their dates (a mention
    dated only to a year is compared with the others of that year), one month in memory at
    a time."""
    read = total = 0
    for group in store.merge_periods():
        read += len(group)
        total += _regroup(store, group)
    return Merged(read, total)


@dataclass(frozen=True, slots=True)
class KeyDay:
    """One of a story's key days, with its most important events."""

    day: str
    events: tuple[Event, ...]


def story_days(store: Store, n: int, flt: Filter | None = None) -> list[KeyDay]:
    """The n most important days among the events a filter lets through (key or not), each
    listing its key events first."""
    events: list[Event] = []
    key = None
    while page := store.page_after(key, 2000, flt):
        events.extend(event for event in page if event.start)
        key = page[-1].key
    ranked = key_days(
        [(_as_choice(event), event.importance) for event in events],
        n,
        shown=[event.is_key for event in events],
    )
    return [KeyDay(day.isoformat(), tuple(events[i] for i in indexes)) for day, indexes in ranked]


def _as_choice(event: Event) -> DateChoice:
    """A stored event's date in the shape key_days reads."""
    return DateChoice(
        start=event.start,
        end=event.end,
        precision=event.precision,
        approximate=event.approximate,
        mention=0,
        conflict=event.conflict,
        reasons=(),
    )
