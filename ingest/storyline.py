"""The story layer against the store: after an ingest, a join, a move or a date pick, decide
again which mentions tell one happening and what each event's date, title and weight are.

The deciding is pure (`ingest.story`); this module only reads mentions from the store and
writes the decisions back through `Store.apply_story`.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from timeline.store import Store
from timeline.store.models import Mention, StoryEvent

_BASIS_RANK = {"expression": 3, "publication": 2, "narrative": 2, "": 2, "report": 0}
"""How much a mention's date is worth: written in the sentence, counted, or the news day."""


def decide(mentions: Sequence[Mention]) -> StoryEvent:
    """The date, title and weight of one event from its mentions' evidence."""
    ranked = sorted(
        mentions,
        key=lambda m: (-_BASIS_RANK.get(m.date_basis, 1), m.start is None, m.position, m.id),
    )
    best = ranked[0]
    sources = {m.source_id for m in mentions}
    days = {m.start[:10] for m in mentions if m.start and m.date_basis != "report"}
    return StoryEvent(
        mention_ids=tuple(m.id for m in mentions),
        start=best.start,
        end=best.end,
        precision=best.precision,
        approximate=best.approximate,
        date_mention=best.id,
        title_mention=best.id,
        importance=float(len(sources)),
        key=any(m.kind == "event" for m in mentions),
        conflict=len(days) > 1,
    )


def refresh(store: Store, event_ids: Iterable[int]) -> None:
    """Decide again the date, title and weight of these events, keeping their mentions."""
    grouped: dict[int, list[Mention]] = {}
    for mention in store.mentions_of_events(event_ids):
        grouped.setdefault(mention.event_id, []).append(mention)
    if grouped:
        store.apply_story([decide(group) for group in grouped.values()])
