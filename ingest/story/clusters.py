"""Group mentions into happenings: near-complete linkage over date-compatible, alike mentions.

Two mentions may join when their dates can mean the same days (at their precisions; a 'report'
mention reaches back a few days from its news day) and their words are alike (TF-IDF cosine over
content words, names and numbers weighing more). Groups grow strongest pair first: a group and a
mention (or two groups) join only if every pair across them is alike, or two thirds of them once
there are three pairs or more, so A~B and B~C never pull in C when A and C differ. Held mentions
(placed by a person) keep their event; mentions held in different events never join.

Two mentions of one source join only when both open the article (headline and lead restated) and
are clearly alike: elsewhere an article tells different happenings in different sentences, and
one source saying a thing twice is not a second witness.
"""

from __future__ import annotations

import datetime as dt
import functools
import math
from collections import Counter, defaultdict
from collections.abc import Callable, Collection, Sequence

from timeline.ingest.story.mentions import MentionFacts, mention_span
from timeline.ingest.story.similarity import (
    Terms,
    Weights,
    cosine,
    shared_marks,
    shared_words,
    terms,
)

MERGE_THRESHOLD = 0.40
"""Least similarity for two mentions of different sources to tell one happening."""
SAME_SOURCE_THRESHOLD = 0.50
"""Least similarity for a headline and lead of one source to be one happening."""
LOOKBACK_THRESHOLD = 0.70
"""Least similarity for a 'report' mention (no date of its own) to retell a happening from
before its news day's few days: a later article looking back."""
REPORT_THRESHOLD = 0.50
"""Least similarity when either mention has no date of its own (placed at its news day): the
day says little, so the words must say more."""
APPROXIMATE_SLACK_DAYS = 7
"""Slack around an approximate date ('less than two weeks ago')."""
OPENING_POSITIONS = 2
"""Positions counted as the opening of an article (headline and lead)."""
COMMON_SHARE = 0.1
"""A term in more than this share of a large batch is the story's own topic word ('oil' in an
oil-spill story): it says nothing about which happening, and is left out."""
MIN_SHARED = 3
"""Least number of content terms two mentions share: one shared word is chance."""
MIN_SHARED_WORDS = 2
"""Least number of plain content words (not names or numbers) two mentions share: names say
who and where, which a story's sentences all share; the plain words say what was done."""
MARKS_BONUS = 0.05
"""Added to the cosine of two mentions sharing two names or numbers or more."""
SAME_DAY_BONUS = 0.1
"""Added when both mentions give the same day in words of their own (not the news day); twice
when they also share SAME_DAY_WORDS plain words: two sources that write one day and tell what
was done on it in the same words rarely tell two happenings."""
SAME_DAY_WORDS = 3
"""Plain words (not names or numbers) two mentions of one written day share for the double
SAME_DAY_BONUS."""
LINK_SHARE = 2 / 3
"""Share of the pairs across two groups (three pairs or more) that must be alike for the
groups to join. Asking every pair splits one happening told in many words ("the rig exploded",
"the blast that sank the rig") into several events; one alike pair would chain A~B~C."""
LARGE_BATCH = 200
"""Below this many mentions no term is left out as common."""
TERMS_CACHE = 1 << 15
"""Mentions whose terms are kept between merges: a window or two of a large story."""


def cluster(
    mentions: Sequence[MentionFacts],
    threshold: float = MERGE_THRESHOLD,
    fresh: Collection[int] | None = None,
    weigh: Callable[[MentionFacts], Weights] | None = None,
) -> list[list[int]]:
    """Group mentions into happenings.

    Args:
        mentions: the mentions of a story, in any order; ids must be unique.
        threshold: least similarity for two mentions of different sources to join.
        fresh: when given, only pairs with at least one of these mention ids are compared
            (an article's new mentions against a story already grouped, whose groups the
            caller holds): the work grows with the new mentions, not with the story.
        weigh: the term weights for a mention's words, e.g. rarity within its own article
            (its story's topic words are common there), so that two mentions' likeness never
            depends on which other mentions came with them; default: rarity in this batch.

    Returns:
        Groups of mention ids, each sorted, the groups ordered by their first id. The same for any
        order of `mentions`.

    Raises:
        ValueError: two mentions share an id.
    """
    ordered = sorted(mentions, key=lambda m: m.id)
    if len({m.id for m in ordered}) != len(ordered):
        raise ValueError("mention ids must be unique")
    wanted = None if fresh is None else {i for i, m in enumerate(ordered) if m.id in set(fresh)}
    edges = similar_pairs(ordered, threshold, wanted, weigh)
    return link(ordered, edges)


def similar_pairs(
    ordered: Sequence[MentionFacts],
    threshold: float = MERGE_THRESHOLD,
    fresh: set[int] | None = None,
    weigh: Callable[[MentionFacts], Weights] | None = None,
) -> dict[tuple[int, int], float]:
    """Pairs of indexes into `ordered` (lower first) alike enough to join, with their similarity;
    with `fresh` (indexes), only pairs holding one of them."""
    found = [told_terms(m.title, m.quote) for m in ordered]
    vectors: dict[int, dict[str, float]] = {}
    if weigh is not None:
        kept = found

        def vector(i: int) -> dict[str, float]:
            """A mention's weighted vector, made when a pair first needs it."""
            if i not in vectors:
                vectors[i] = weigh(ordered[i]).vector(kept[i])
            return vectors[i]
    else:
        weights = Weights(found)
        common = _common_terms(weights)
        kept = [Terms(t.words - common, t.marks - common) for t in found]
        vectors.update((i, weights.vector(t)) for i, t in enumerate(kept))

        def vector(i: int) -> dict[str, float]:
            """A mention's weighted vector."""
            return vectors[i]

    spans = [mention_span(m) for m in ordered]
    every = [k.all() for k in kept]
    sources = [m.source_id for m in ordered]
    postings: dict[str, list[int]] = defaultdict(list)
    edges: dict[tuple[int, int], float] = {}
    if fresh is not None:
        for index in range(len(ordered)):
            for term in every[index]:
                postings[term].append(index)
    for index in sorted(range(len(ordered)), key=lambda i: (_first(spans[i]), i)):
        here = spans[index]
        if here is None or (fresh is not None and index not in fresh):
            continue
        shared: Counter[int] = Counter()  # terms in common with each earlier mention
        for term in every[index]:
            shared.update(postings[term])
            if fresh is None:
                postings[term].append(index)
        for other in sorted(_candidates(shared, index, fresh, sources)):
            there = spans[other]
            if there is None:
                continue
            least_terms, least_words = _shared_needed(ordered[index], ordered[other])
            if shared[other] < least_terms:
                continue
            meet = _dates_meet(ordered[index], here, ordered[other], there)
            if not meet:
                continue
            words = shared_words(kept[index], kept[other])
            if words < least_words:
                continue  # the same people and places, but not the same thing done
            score = cosine(vector(index), vector(other))
            if shared_marks(kept[index], kept[other]) >= 2:
                score += MARKS_BONUS
            if _same_day(ordered[index], ordered[other]):
                score += SAME_DAY_BONUS * (2 if words >= SAME_DAY_WORDS else 1)
            if score >= _needed(ordered[index], ordered[other], threshold, meet):
                edges[(min(index, other), max(index, other))] = score
    return edges


@functools.lru_cache(maxsize=TERMS_CACHE)
def told_terms(title: str, quote: str) -> Terms:
    """The terms a mention is compared by: its title's, with its quote's when the title is
    cut short ('…'). Cached: each article's merge reads the same window of mentions again."""
    return terms(title if "…" not in title else f"{title} {quote}")


def could_join(left: Terms, right: Terms) -> bool:
    """False when two mentions share too few terms for any pair to join (MIN_SHARED, one
    fewer within a source): a cheap look that rules most of a window out."""
    return len(left.words & right.words) + len(left.marks & right.marks) >= MIN_SHARED - 1


def _candidates(
    shared: Counter[int], index: int, fresh: set[int] | None, sources: Sequence[int | None]
) -> list[int]:
    """The mentions sharing enough terms with `index` to be worth a closer look: MIN_SHARED,
    or one fewer within one source (`_shared_needed`); with `fresh`, a fresh pair only from
    its lower index."""
    source = sources[index]
    return [
        other
        for other, count in shared.items()
        if (count >= MIN_SHARED or (count == MIN_SHARED - 1 and sources[other] == source))
        and (fresh is None or other not in fresh or other < index)
    ]


def link(ordered: Sequence[MentionFacts], edges: dict[tuple[int, int], float]) -> list[list[int]]:
    """Complete linkage over `edges`, strongest first, with held mentions kept together."""
    group_of = list(range(len(ordered)))
    members: dict[int, list[int]] = {i: [i] for i in range(len(ordered))}
    held: dict[int, int | None] = {i: m.held_event for i, m in enumerate(ordered)}
    first_held: dict[int, int] = {}
    for index, mention in enumerate(ordered):
        if mention.held_event is None:
            continue
        if mention.held_event in first_held:
            _merge(first_held[mention.held_event], index, group_of, members, held)
        else:
            first_held[mention.held_event] = index
    for (left, right), _ in sorted(edges.items(), key=lambda item: (-item[1], item[0])):
        a, b = group_of[left], group_of[right]
        if a == b:
            continue
        if held[a] is not None and held[b] is not None:
            continue  # held in different events (the same event is one group already)
        if _linked(members[a], members[b], edges):
            _merge(a, b, group_of, members, held)
    groups = [sorted(ordered[i].id for i in group) for group in members.values()]
    return sorted(groups, key=lambda g: g[0])


def _linked(left: list[int], right: list[int], edges: dict[tuple[int, int], float]) -> bool:
    """Whether two groups tell one happening: every pair across them alike, or, once there are
    three pairs or more, at least LINK_SHARE of them."""
    pairs = len(left) * len(right)
    allowed = pairs - math.ceil(LINK_SHARE * pairs) if pairs >= 3 else 0
    missing = 0
    for x in left:
        for y in right:
            if (min(x, y), max(x, y)) not in edges:
                missing += 1
                if missing > allowed:
                    return False  # stop at the first pair too many: big groups meet often
    return True


def _merge(
    a: int,
    b: int,
    group_of: list[int],
    members: dict[int, list[int]],
    held: dict[int, int | None],
) -> None:
    """Put group b's members into group a."""
    for index in members[b]:
        group_of[index] = a
    members[a].extend(members.pop(b))
    held[a] = held[a] if held[a] is not None else held[b]
    held.pop(b)


def _common_terms(weights: Weights) -> frozenset[str]:
    """Terms too frequent in a large batch to tell happenings apart."""
    if weights.size < LARGE_BATCH:
        return frozenset()
    limit = weights.size * COMMON_SHARE
    return frozenset(term for term, count in weights.counts.items() if count > limit)


def _first(found: tuple[dt.date, dt.date] | None) -> dt.date:
    """Sort key: the first day of a span, undated last."""
    return found[0] if found is not None else dt.date.max


def _dates_meet(
    a: MentionFacts,
    a_span: tuple[dt.date, dt.date],
    b: MentionFacts,
    b_span: tuple[dt.date, dt.date],
) -> str:
    """'near' when two mentions' dates can mean a common day, 'far' when one is a 'report'
    (no date in its sentence) and the other happened before its news day, else ''.

    Counted dates get a day's slack, approximate ones a week's.
    """
    days = 0 if a.basis in ("expression", "") and b.basis in ("expression", "") else 1
    if a.approximate or b.approximate:
        days = APPROXIMATE_SLACK_DAYS
    slack = dt.timedelta(days=days)
    if a_span[0] <= b_span[1] + slack and b_span[0] <= a_span[1] + slack:
        return "near"
    if a.basis == "report" and b.basis == "report":
        return ""  # neither dates itself: two news days apart are two happenings
    if (a.basis == "report" and b_span[0] <= a_span[1]) or (
        b.basis == "report" and a_span[0] <= b_span[1]
    ):
        return "far"
    return ""


def _needed(a: MentionFacts, b: MentionFacts, threshold: float, meet: str) -> float:
    """The similarity two mentions need to join: more when far apart in time or when either
    has no date of its own; one source's headline and lead need SAME_SOURCE_THRESHOLD whatever
    their dates (a headline is placed at the news day its lead may date otherwise). Two
    mentions of one sentence never join: the reader split it because its clauses tell two
    happenings ("Relatives of the men who died in the 2 May fire flew over the bay today")."""
    if a.source_id is not None and a.source_id == b.source_id:
        if a.position == b.position:
            return float("inf")
        if max(a.position, b.position) < OPENING_POSITIONS:
            return max(threshold, SAME_SOURCE_THRESHOLD)
        return float("inf")
    if meet == "far":
        return max(threshold, LOOKBACK_THRESHOLD)
    if "report" in (a.basis, b.basis):
        return max(threshold, REPORT_THRESHOLD)
    return threshold


def _shared_needed(a: MentionFacts, b: MentionFacts) -> tuple[int, int]:
    """Terms and plain words two mentions must share: fewer for a source's headline and its
    lead (a headline is a few words), MIN_SHARED and MIN_SHARED_WORDS otherwise."""
    if a.source_id is not None and a.source_id == b.source_id:
        return MIN_SHARED - 1, 1
    return MIN_SHARED, MIN_SHARED_WORDS


def _same_day(a: MentionFacts, b: MentionFacts) -> bool:
    """True when both mentions date themselves, by their own words, to the same day."""
    own = ("expression", "publication", "narrative", "")
    if a.basis not in own or b.basis not in own or not a.start or not b.start:
        return False
    return len(a.start) >= 10 and a.start[:10] == b.start[:10] and not a.end and not b.end
