"""The story layer: mentions -> events, merged, dated by evidence and ranked (issue 15).

Pure functions over `MentionFacts` the store hands in; nothing here reads SQL or the clock.

- `cluster(mentions) -> list[list[int]]`: groups of mention ids, each one happening.
- `choose_date(mentions) -> DateChoice`: the event's date, the mention it follows, conflicts.
- `importance(mentions, choice) -> float`, `is_key(mentions, choice, score) -> bool`.
- `key_days(events, n) -> list[(day, [event indexes])]`: a story's n key days.
- `best_title_mention(mentions, choice) -> int`: the mention whose title the event takes.
"""

from __future__ import annotations

from timeline.ingest.story.clusters import cluster
from timeline.ingest.story.dating import choose_date
from timeline.ingest.story.mentions import DateChoice, MentionFacts
from timeline.ingest.story.ranking import best_title_mention, importance, is_key, key_days

__all__ = [
    "DateChoice",
    "MentionFacts",
    "best_title_mention",
    "choose_date",
    "cluster",
    "importance",
    "is_key",
    "key_days",
]
