"""The date an event takes from its mentions, by evidence, and which mentions disagree.

A date typed by a person beats one written in a sentence ('expression'), which beats one counted
from publication or from the narrated date, which beats the news day ('report'). Among dates of
the same weight, more independent sources beat fewer, then the finer date, then the earlier. A
coarser date that holds a finer one lends it its weight ("in May" written, "on Tuesday" counted:
the counted day is in the written month, and is kept). Every mention keeps its own reading; the
event only says which one it follows and why.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from timeline.ingest.story.mentions import (
    BASIS_RANK,
    PRECISION_RANK,
    DateChoice,
    MentionFacts,
    published_day,
    span,
)

_BASIS_WORDS = {
    "": "typed by hand",
    "expression": "date written in its sentence",
    "publication": "counted from its publication day",
    "narrative": "counted from the date its article was narrating",
    "report": "no date in its sentence; placed at its news day",
}


def choose_date(mentions: Sequence[MentionFacts]) -> DateChoice:
    """Choose an event's date from its mentions' dates by the weight of their evidence.

    Raises:
        ValueError: no mentions.
    """
    if not mentions:
        raise ValueError("an event needs at least one mention")
    ordered = sorted(mentions, key=lambda m: m.id)
    dated = [m for m in ordered if m.start is not None]
    if not dated:
        first = ordered[0]
        undated = tuple((m.id, "undated") for m in ordered)
        return DateChoice(None, None, None, False, first.id, False, undated)
    by_date: dict[tuple[str | None, str | None, str | None, str], list[MentionFacts]] = {}
    for m in dated:
        by_date.setdefault((m.start, m.end, m.precision, m.basis), []).append(m)
    weights = {date: _weight(told[0], by_date) for date, told in by_date.items()}
    chosen = max(
        dated,
        key=lambda m: (*weights[(m.start, m.end, m.precision, m.basis)], -m.id),
    )
    chosen_span = span(chosen.start, chosen.end, chosen.precision)
    reasons: list[tuple[int, str]] = []
    conflict = False
    for mention in ordered:
        verdict, disagrees = _verdict(mention, chosen, chosen_span)
        conflict = conflict or disagrees
        reasons.append((mention.id, verdict))
    return DateChoice(
        chosen.start,
        chosen.end,
        chosen.precision,
        chosen.approximate or chosen.basis == "report",
        chosen.id,
        conflict,
        tuple(reasons),
    )


def _weight(
    mention: MentionFacts,
    by_date: dict[tuple[str | None, str | None, str | None, str], list[MentionFacts]],
) -> tuple[int, int, int, int]:
    """Sort key of a mention's date as the event's: larger wins (ties: earliest). Mentions
    giving the same date are weighed once, so an event told by hundreds of copies of one
    sentence costs no more than by one."""
    here = span(mention.start, mention.end, mention.precision)
    rank = BASIS_RANK.get(mention.basis, 1)
    sources: set[object] = set()
    for (start, end, precision, basis), told in by_date.items():
        there = span(start, end, precision)
        if basis == "report":
            agrees = here[0] <= there[1]  # told by then
        else:
            agrees = there[0] <= here[0] and here[1] <= there[1]  # holds this date
        if agrees:
            sources.update(
                m.source_id if m.source_id is not None else ("typed", m.id) for m in told
            )
            if basis != "report":
                rank = max(rank, BASIS_RANK.get(basis, 1))
    fine = PRECISION_RANK.get(mention.precision or "", 0)
    return rank, len(sources), fine, -here[0].toordinal()


def _verdict(
    mention: MentionFacts, chosen: MentionFacts, chosen_span: tuple[dt.date, dt.date]
) -> tuple[str, bool]:
    """A reason for the reader, and whether this mention disagrees with the chosen date."""
    how = _BASIS_WORDS.get(mention.basis, mention.basis)
    if mention.id == chosen.id:
        return f"chosen: {how}", False
    if mention.start is None:
        return "undated", False
    here = span(mention.start, mention.end, mention.precision)
    if mention.basis == "report":
        told = published_day(mention) or here[1]
        if told >= chosen_span[0]:
            return f"agrees: reported by {here[1].isoformat()}", False
        return f"disagrees: reported on {here[1].isoformat()}, before the date", True
    if here[0] <= chosen_span[1] and chosen_span[0] <= here[1]:
        return f"agrees: {how}", False
    return f"disagrees: says {mention.start} ({how})", True
