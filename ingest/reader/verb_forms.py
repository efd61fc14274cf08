"""Which words of a sentence are verbs: past verbs of a happening, and the finite words that
make a clause. Tense, relative clauses and coordination all start from these."""

from __future__ import annotations

import functools
import re

from timeline.ingest.reader.verb_words import FEELINGS, IRREGULAR_PAST, NOT_EVENTS, PARTICIPLES

_COPULA_BEFORE = re.compile(
    r"\b(?:is|are|was|were|be|been|being|am|feel|feels|felt)\s+(?:\w+ly\s+)?$"
)
"""A feeling after a copula ("was deeply saddened") tells how someone stands, not what
happened; "The vote saddened the town" is a happening."""

PAST_WORDS = "|".join(sorted(IRREGULAR_PAST))
"""The irregular past forms as one regex alternation ("began|came|...")."""
PARTICIPLE_WORDS = "|".join(sorted(PARTICIPLES))
"""The irregular past participles as one regex alternation ("been|begun|...")."""
PAST_WORD = re.compile(r"\b(?:" + PAST_WORDS + r")\b|\b[a-z]{2,}(?:ed|ied)\b", re.IGNORECASE)
_DETERMINER_BEFORE = re.compile(r"\b(?:the|a|an|its|their|his|her|our|these|those|this|very)\s+$")
_OF_BEFORE = re.compile(r"\bof\s$")
"""An -ed word right after "of" is an adjective too ("the number of dropped calls")."""
_VERB_BEFORE = re.compile(
    r"(?:\b[a-z]{2,}ing|\b(?:is|are|be|being|been|remain|remains|seem|seems|long|always|often|"
    r"sometimes|frequently|usually|repeatedly|never|not|rarely|seldom))\s+$"
)
"""An -ed word after an -ing verb or a copula is an adjective ("anticipating increased sales");
after "often", "long" or "never" it tells of a habit or of nothing happening."""
_PARTICIPIAL = re.compile(r"^\s+(?:at|by|in|as|to|from|with|for|on|after|under)\b")
"""After a comma, "estimated at", "founded in": a participle describing a noun, no main verb."""
_HABIT_AFTER = re.compile(r"^\s+to\b")
""""used to", "liked to": a habit, not a happening."""
_STATE_ONLY = re.compile(r"^(?:was|were|had|did)$")


def past_verbs(sentence: str) -> list[re.Match[str]]:
    """Find words that are past-tense verbs of a happening (simple past, perfect or passive).

    A word ending in -ed right after an article ("the injured man") or in the list of common
    adjectives ("concerned", "based") is not one; "was", "had" and "did" alone are not either.
    """
    return list(_past_verbs(sentence))


@functools.lru_cache(maxsize=512)
def _past_verbs(sentence: str) -> tuple[re.Match[str], ...]:
    """past_verbs, remembered: tense, reports_event and the title cutter ask of one sentence."""
    found = []
    for match in PAST_WORD.finditer(sentence):
        word = match.group().lower()
        if word in NOT_EVENTS or _STATE_ONLY.match(word):
            continue
        if sentence[max(0, match.start() - 1) : match.start()] == "-":
            continue  # "so-called", "long-awaited": part of a compound adjective
        before = sentence[max(0, match.start() - 14) : match.start()]
        if _DETERMINER_BEFORE.search(before) or _VERB_BEFORE.search(before):
            continue
        if word.endswith("ed") and _OF_BEFORE.search(before):
            continue
        if word in FEELINGS and _COPULA_BEFORE.search(
            sentence[max(0, match.start() - 30) : match.start()]
        ):
            continue
        after = sentence[match.end() : match.end() + 12]
        if word == "used" and _HABIT_AFTER.match(after):
            continue
        if before.endswith(", ") and word.endswith("ed") and _PARTICIPIAL.match(after):
            continue
        found.append(match)
    return tuple(found)


FINITE = re.compile(
    r"\b(?:is|are|was|were|has|have|had|will|would|can|could|may|might|must|shall|should|does|"
    r"do|did|says|said|say|told|added|am|won't|can't|cannot|[a-z]{3,}ed)\b|['’](?:re|m|ve)\b"
)
"""A word that makes a clause: an auxiliary, a modal, a verb of saying or an -ed verb (in lower
case: "May" is a month)."""
