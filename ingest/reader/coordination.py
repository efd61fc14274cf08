"""Two verbs of one subject ("was founded in 1994, and sold the press in 2001"): where a second
clause begins at its own verb, and which subject (and auxiliary) it borrows from the first."""

from __future__ import annotations

import re

from timeline.ingest.reader.verb_forms import FINITE, past_verbs

_AUXILIARY = re.compile(r"(?:(?:was|were|is|are|has|have|had|been)\s+)+", re.IGNORECASE)

_PASSIVE_AFTER = re.compile(
    r"^\S+(?:\s+(?:in|on|at|with|by|for|to|from|after|over|as|under|during)\b|[\s,.;]*$)"
)
"""A verb followed by a preposition or nothing ("and charged in May") shares the first verb's
auxiliary; one followed by its object ("and sold the press") is active."""

_AUXILIARY_ONLY = re.compile(r"\b(?:is|are|was|were|has|have|had|will|would)\b")


def verb_first(clause: str) -> bool:
    """Whether a clause begins at its own past verb ("sold the press in 2001"), not at a noun
    phrase with an -ed word in front ("injured workers were treated", whose verb comes later)."""
    verbs = past_verbs(clause[:40])
    if not verbs or verbs[0].start() != 0:
        return False
    stretch = re.split(r"[,;:]", clause, maxsplit=1)[0]
    return _AUXILIARY_ONLY.search(stretch, verbs[0].end()) is None


def shared_subject(first: str, second: str) -> str | None:
    """The subject a clause that begins at its verb shares with the clause before it, with the
    auxiliary it shares too: for "The mill was built in 1901" and "sold the press in 2001",
    "The mill"; for "The driver was arrested in May" and "charged in June", "The driver was".
    None when the first clause's subject is unclear (no verb, a comma, or more than eight
    words before it).
    """
    verbs = [m.start() for m in (*FINITE.finditer(first), *past_verbs(first))]
    if not verbs:
        return None
    at = min(verbs)
    subject = first[:at].strip()
    if not subject or "," in subject or len(subject.split()) > 8 or not subject[0].isupper():
        return None
    auxiliary = _AUXILIARY.match(first, at)
    if auxiliary is not None and _PASSIVE_AFTER.match(second):
        return f"{subject} {auxiliary.group().strip()}"
    return subject
