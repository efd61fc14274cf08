"""Two clauses of one sentence, each dated ("work will start next month, and the trams should run
in 2026"; "was founded in 1994, and sold the press in 2001"): where the second begins, and
which subject (and auxiliary) one that begins at its verb borrows from the first."""

from __future__ import annotations

import re
from collections.abc import Sequence

from timeline.ingest.reader.clauses import tense
from timeline.ingest.reader.verb_forms import FINITE, past_verbs
from timeline.ingest.types import Timex

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


_COORDINATED = re.compile(
    r"(?:,\s+(?:and|but|while)|;)\s+(?=(?:the|a|an|its|their|his|her|[A-Z])\w*\s)"
)
"""Where a second main clause may begin: ", and the first trams should ...", "; the rest ..."."""
_SHARED_SUBJECT = re.compile(r"(?:,\s+|\s+)and\s+(?:then\s+|later\s+)?(?=[a-z])")
"""Where a second verb of the same subject may begin: "founded the press in 1994 and sold it
in 2001" (a past verb must follow, see `second_clause`)."""
_BARE_AND = re.compile(r"\s+and\s+(?=(?:the|a|an|its|their|his|her|[A-Z]\w*)\s)")
"""Where a second main clause may begin with no comma before its "and": "the mayor resigned
last week and the treasurer quit on 1 June" (see `_own_subject`)."""
_SUBJECT_WORDS = 3
"""The longest subject a clause after a bare \"and\" may have before its verb."""
_MODAL = re.compile(r"\b(?:should|could|may|might|must|can|is\s+to|are\s+to|is\s+due)\b", re.I)


def second_clause(text: str, start: int, timexes: Sequence[Timex]) -> int | None:
    """Where a sentence's second happening begins, when it dates two ("work will start next
    month, and the first trams should reach the airport in spring 2026"); None otherwise.

    Both clauses must hold a date of their own, and the second must tell of something (a verb
    in the past or the future), so a list of dates ("in May, and again in June") stays one. The
    second clause may share the first one's subject ("was founded in 1994, and sold the press in
    2001"): it then begins at its verb (`shared_subject` gives the subject back).
    """
    points = [t for t in timexes if t.type in ("DATE", "TIME")]
    if len(points) < 2:
        return None
    for joint in _COORDINATED.finditer(text):
        first = [t for t in points if t.end - start <= joint.start()]
        second = [t for t in points if t.start - start >= joint.end()]
        clause = text[joint.end() :]
        if first and second and (tense(clause) in ("past", "future") or _MODAL.search(clause)):
            return joint.end()
    for joint in _SHARED_SUBJECT.finditer(text):
        first = [t for t in points if t.end - start <= joint.start()]
        second = [t for t in points if t.start - start >= joint.end()]
        if first and second and verb_first(text[joint.end() :]):
            return joint.end()  # "... in 1994, and sold the press in 2001": one subject, two acts
    for joint in _BARE_AND.finditer(text):
        first = [t for t in points if t.end - start <= joint.start()]
        second = [t for t in points if t.start - start >= joint.end()]
        if first and second and _own_subject(text[: joint.start()], text[joint.end() :]):
            return joint.end()
    return None


def _own_subject(before: str, clause: str) -> bool:
    """Whether a clause after a bare "and" is a past happening with its own subject of one to
    three words, after a first clause that told one too: "... resigned last week and | the
    treasurer quit on 1 June". A list ("sold the mill in 1994 and the press in 2001") has no
    verb right after its noun, so it stays one clause."""
    verbs = past_verbs(clause[:60])
    if not verbs or tense(before) != "past":
        return False
    subject = clause[: verbs[0].start()].split()
    return 1 <= len(subject) <= _SUBJECT_WORDS and not any("," in word for word in subject)
