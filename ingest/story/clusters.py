"""Group mentions into happenings: complete linkage over date-compatible, alike mentions.

Two mentions may join when their dates can mean the same days (at their precisions; a 'report'
mention reaches back a few days from its news day) and their words are alike (TF-IDF cosine over
content words, names and numbers weighing more). Groups grow by complete linkage, strongest pair
first: a group and a mention (or two groups) join only if every pair across them is alike, so
A~B and B~C never pull in C when A and C differ. Held mentions (placed by a person) keep their
event; mentions held in different events never join.

Two mentions of one source join only when both open the article (headline and lead restated) and
are clearly alike: elsewhere an article tells different happenings in different sentences, and
one source saying a thing twice is not a second witness.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Sequence

from timeline.ingest.story.mentions import MentionFacts, mention_span
from timeline.ingest.story.similarity import Terms, Weights, cosine, shared_marks, terms

MERGE_THRESHOLD = 0.30
"""Least similarity for two mentions of different sources to tell one happening."""
SAME_SOURCE_THRESHOLD = 0.50
"""Least similarity for a headline and lead of one source to be one happening."""
OPENING_POSITIONS = 2
"""Positions counted as the opening of an article (headline and lead)."""
COMMON_SHARE = 0.05
"""A term in more than this share of a large batch is the story's own topic word ('oil' in an
oil-spill story): it says nothing about which happening, and is left out."""
MIN_SHARED = 2
"""Least number of content terms two mentions share: one shared word is chance."""
MARKS_BONUS = 0.05
"""Added to the cosine of two mentions sharing two names or numbers or more."""
LARGE_BATCH = 200
"""Below this many mentions no term is left out as common."""


def cluster(
    mentions: Sequence[MentionFacts], threshold: float = MERGE_THRESHOLD
) -> list[list[int]]:
    """Group mentions into happenings.

    Args:
        mentions: the mentions of a story, in any order; ids must be unique.
        threshold: least similarity for two mentions of different sources to join.

    Returns:
        Groups of mention ids, each sorted, the groups ordered by their first id. The same for any
        order of `mentions`.

    Raises:
        ValueError: two mentions share an id.
    """
    ordered = sorted(mentions, key=lambda m: m.id)
    if len({m.id for m in ordered}) != len(ordered):
        raise ValueError("mention ids must be unique")
    edges = similar_pairs(ordered, threshold)
    return link(ordered, edges)


def similar_pairs(
    ordered: Sequence[MentionFacts], threshold: float = MERGE_THRESHOLD
) -> dict[tuple[int, int], float]:
    """Pairs of indexes into `ordered` (lower first) alike enough to join, with their similarity."""
    found = [terms(f"{m.title} {m.quote}") for m in ordered]
    weights = Weights(found)
    common = _common_terms(weights)
    kept = [Terms(t.words - common, t.marks - common) for t in found]
    vectors = [weights.vector(t) for t in kept]
    spans = [mention_span(m) for m in ordered]
    postings: dict[str, list[int]] = defaultdict(list)
    edges: dict[tuple[int, int], float] = {}
    for index in sorted(range(len(ordered)), key=lambda i: (_first(spans[i]), i)):
        here = spans[index]
        if here is None:
            continue
        candidates: set[int] = set()
        for term in kept[index].all():
            candidates.update(postings[term])
            postings[term].append(index)
        for other in sorted(candidates):
            there = spans[other]
            if there is None or not _dates_meet(ordered[index], here, ordered[other], there):
                continue
            if len(kept[index].all() & kept[other].all()) < MIN_SHARED:
                continue
            score = cosine(vectors[index], vectors[other])
            if shared_marks(kept[index], kept[other]) >= 2:
                score += MARKS_BONUS
            if score >= _needed(ordered[index], ordered[other], threshold):
                edges[(min(index, other), max(index, other))] = score
    return edges


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
        if all((min(x, y), max(x, y)) in edges for x in members[a] for y in members[b]):
            _merge(a, b, group_of, members, held)
    groups = [sorted(ordered[i].id for i in group) for group in members.values()]
    return sorted(groups, key=lambda g: g[0])


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
) -> bool:
    """True when two mentions' dates can mean a common day (a day's slack for counted dates)."""
    exact = a.basis in ("expression", "") and b.basis in ("expression", "")
    slack = dt.timedelta(days=0 if exact else 1)
    return a_span[0] <= b_span[1] + slack and b_span[0] <= a_span[1] + slack


def _needed(a: MentionFacts, b: MentionFacts, threshold: float) -> float:
    """The similarity two mentions need to join: more, or out of reach, within one source."""
    if a.source_id is None or a.source_id != b.source_id:
        return threshold
    if max(a.position, b.position) < OPENING_POSITIONS:
        return max(threshold, SAME_SOURCE_THRESHOLD)
    return float("inf")
