"""Score merging against annotators' links between sentences telling one event (Wikinews trial).

Usage: python benchmarks/merge_eval.py [wikinews-trial.jsonl] [same-events.jsonl]

The 30 articles are analysed with their publication dates; each draft becomes a mention (its
article the source, its order the position) and the mentions are clustered at once, all against
all. A second run saves the articles one by one into a store as `timeline ingest` does (merging
within date windows, words weighed by their rarity in their own article): what a user gets.
A gold sentence maps to the drafts placed in it (as events_eval places them). Scored:
pairs of annotated sentences (gold-dated, or in a gold event) from different articles put in one
cluster, against the pairs annotators marked as one event: pair precision, recall and F1. Two
baselines in the same run: content-word overlap alone, and word overlap within the same gold date.
Only 10 gold events: a check, not something to tune on.
"""

from __future__ import annotations

import itertools
import json
import sys
import tempfile
from pathlib import Path

from events_eval import Doc, load_docs, place
from story_mentions import draft_facts
from timeline17_dates import words

from timeline.ingest.articles import article_from_bytes
from timeline.ingest.pipeline import analyse, ingest_bytes
from timeline.ingest.story import MentionFacts, cluster
from timeline.store import Store

REPO = Path(__file__).resolve().parent.parent
DATA = REPO.parent / "shared" / "data" / "events"
OVERLAP = 0.25
"""Jaccard of content words above which the word-overlap baselines call two sentences one event."""

Key = tuple[str, int]
"""A gold sentence: (doc id, index in its article's sentences)."""


def gold_pairs(path: Path) -> set[frozenset[Key]]:
    """Pairs of sentences from different articles that annotators marked as one event."""
    pairs: set[frozenset[Key]] = set()
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            mentions = [(m["doc_id"], m["sentence"]) for m in json.loads(line)["mentions"]]
            for a, b in itertools.combinations(sorted(set(mentions)), 2):
                if a[0] != b[0]:
                    pairs.add(frozenset((a, b)))
    return pairs


def mentions_by_sentence(docs: list[Doc]) -> tuple[list[MentionFacts], dict[int, Key]]:
    """Every draft as a mention, and the gold sentence each mention was placed in."""
    found: list[MentionFacts] = []
    placed: dict[int, Key] = {}
    for number, doc in enumerate(docs, start=1):
        article = article_from_bytes(doc.text.encode("utf-8"), "article.txt", doc.published, None)
        cursor = 0
        for position, draft in enumerate(analyse(article).events):
            mention_id = number * 10_000 + position
            index, cursor = place(doc, draft, cursor)
            if index is not None:
                placed[mention_id] = (doc.doc_id, index)
            found.append(draft_facts(draft, mention_id, number, doc.published, position))
    return found, placed


def stored_groups(docs: list[Doc]) -> list[list[Key]]:
    """Ingest the articles one by one into a new store, as `timeline ingest` does; each event's
    mentions, as the gold sentences they were placed in."""
    with tempfile.TemporaryDirectory() as tmp, Store.open(Path(tmp) / "merge.db") as store:
        by_source: dict[int, Doc] = {}
        for doc in docs:
            result = ingest_bytes(store, doc.text.encode("utf-8"), doc.doc_id, doc.published)
            if result.error is not None:
                raise SystemExit(f"{doc.doc_id}: {result.error}")
            known = {m.source_id for m in store.all_mentions()} - set(by_source)
            by_source.update((source, doc) for source in known if source is not None)
        events: dict[int, list[Key]] = {}
        cursors: dict[int, int] = {}
        for mention in sorted(store.all_mentions(), key=lambda m: m.id):
            if mention.source_id is None:
                continue
            doc = by_source[mention.source_id]
            cursor = cursors.get(mention.source_id, 0)
            index, cursors[mention.source_id] = place(doc, mention, cursor)
            if index is not None:
                events.setdefault(mention.event_id, []).append((doc.doc_id, index))
        return list(events.values())


def cross_pairs(groups: list[list[Key]], annotated: set[Key]) -> set[frozenset[Key]]:
    """Pairs of annotated sentences from different articles put in one group."""
    found: set[frozenset[Key]] = set()
    for group in groups:
        keys = sorted({key for key in group if key in annotated})
        for a, b in itertools.combinations(keys, 2):
            if a[0] != b[0]:
                found.add(frozenset((a, b)))
    return found


def score(predicted: set[frozenset[Key]], gold: set[frozenset[Key]]) -> tuple[float, float, float]:
    """Pair precision, recall and F1."""
    right = len(predicted & gold)
    precision = right / len(predicted) if predicted else 0.0
    recall = right / len(gold) if gold else 0.0
    f1 = 2 * precision * recall / (precision + recall) if right else 0.0
    return precision, recall, f1


def main(argv: list[str]) -> int:
    """Cluster the trial corpus's drafts and print pair scores beside the two baselines."""
    docs = load_docs(Path(argv[1]) if len(argv) > 1 else DATA / "wikinews-trial.jsonl")
    gold = gold_pairs(Path(argv[2]) if len(argv) > 2 else DATA / "wikinews-trial-same-events.jsonl")
    in_gold = {key for pair in gold for key in pair}
    annotated: dict[Key, tuple[frozenset[str], frozenset[str]]] = {}
    for doc in docs:
        for index, sentence in enumerate(doc.sentences):
            key = (doc.doc_id, index)
            if sentence.gold or key in in_gold:
                text = doc.text[sentence.start : sentence.end]
                annotated[key] = (words(text), frozenset(sentence.gold))
    mentions, placed = mentions_by_sentence(docs)
    at_once = [[placed[i] for i in group if i in placed] for group in cluster(mentions)]
    predicted = cross_pairs(at_once, set(annotated))
    stored = cross_pairs(stored_groups(docs), set(annotated))
    overlap: set[frozenset[Key]] = set()
    same_date: set[frozenset[Key]] = set()
    for a, b in itertools.combinations(sorted(annotated), 2):
        if a[0] == b[0]:
            continue
        (wa, da), (wb, db) = annotated[a], annotated[b]
        if wa and wb and len(wa & wb) / len(wa | wb) >= OVERLAP:
            overlap.add(frozenset((a, b)))
            if da & db:
                same_date.add(frozenset((a, b)))
    print(f"{len(docs)} articles, {len(mentions)} mentions, {len(annotated)} annotated sentences")
    print(f"gold: {len(gold)} cross-article pairs")
    print(f"{'run':<40}{'pairs':>7}{'precision':>11}{'recall':>8}{'F1':>6}")
    for name, pairs in (
        ("story.cluster, all at once", predicted),
        ("as timeline ingest saves them", stored),
        (f"baseline: word overlap >= {OVERLAP}", overlap),
        ("baseline: word overlap, same gold date", same_date),
    ):
        p, r, f = score(pairs, gold)
        print(f"{name:<40}{len(pairs):>7}{p:>11.2f}{r:>8.2f}{f:>6.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
