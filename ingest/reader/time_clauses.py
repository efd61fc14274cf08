"""Where a date expression stands in a clause of time that only bounds the main clause: "Until
the leak was capped on 9 May, the board kept the beds open", "by the time the well was sealed
on 4 August", "prior to the vote on 3 October", "since the gates were shut on 3 May".

Such a clause tells when something else happened, and the main clause lies before, up to or
after that day, never on it: its date belongs to the clause's own happening. A "when", "as" or
"after" clause is not one of these ("When the dam broke on 3 May, four drowned": one day), and
a bare date after the word ("until 3 May", "since 2019", "before dawn on 3 May") is the main
clause's own bound, dated as before; so is "since" and a noun phrase ("since its launch in
2003"), left to `asides.since_a_happening`. Small regexes: each looks at most a clause back.
"""

from __future__ import annotations

import re

from timeline.ingest.reader.verb_forms import past_verbs

_OPENER = re.compile(
    r"\b(?P<word>before|until|till|prior\s+to|by\s+the\s+time|(?:ever\s+)?since)\s+"
    r"(?P<clause>(?:(?!\s-\s)[^,;:()–—“”\"]){2,160})$",
    re.IGNORECASE,
)
"""A clause of time still open before an expression: no comma, colon, dash or bracket closes
it."""
TIME_CLAUSE_OPENING = re.compile(
    r"\b(?:before|until|till|prior\s+to|by\s+the\s+time|(?:ever\s+)?since)\s+", re.IGNORECASE
)
"""Where a clause of time begins: what `aside_events` reads as a happening of its own."""
_CLOSE_BY = re.compile(
    r"\b(?:just|shortly|moments?|minutes?|hours?|days?|weeks?|months?|years?|soon|right|"
    r"immediately|only|long|the\s+eve|eve)\s+$",
    re.IGNORECASE,
)
"""A length or a closeness before the word ("two days before", "shortly before"): the date is
what the main clause is counted from, or near enough to be its day; left as it was."""
_THING = re.compile(
    r"^(?:the|a|an|this|that|its|his|her|their|our|[A-Z][\w.&-]*['’]s)\s+"
    r"(?!(?:start|beginning|end|middle|turn|close|rest|course|first|second|third|last|final|"
    r"latter|early|late|spring|summer|autumn|fall|winter|week|weekend|month|year|day|morning|"
    r"afternoon|evening|night|season|quarter|half|period|time|era|dawn|deadline|date)\b)"
    r"[a-z]",
    re.IGNORECASE,
)
"""A noun phrase that names a thing, not a stretch of time: "the vote", "BP's announcement",
not "the end of", "the first week of"."""

_GERUND = re.compile(
    r"^(?!(?:morning|evening|spring|nothing|something)\b)(?:being\s+)?[a-z]{2,}ing\s+(?!of\b)[a-z]"
)
"""A clause led by a gerund: "before joining the council in", "prior to leaving office in"."""

_APPEARING = re.compile(
    r"\b(?:appear\w*|testif\w*|stood|stand\w*|stepped|step\w*|brought|bring\w*|came|come|"
    r"coming|went|go|goes|going|put|hauled)\s+$",
    re.IGNORECASE,
)
_BODY = re.compile(
    r"^(?:the|a|an|its)\s+(?:[\w.-]+\s+){0,2}?(?:committee|subcommittee|senate|congress|court|"
    r"judge|jury|panel|cameras?|parliament|lawmakers|commission|tribunal|hearing|house|"
    r"magistrates?|inquiry|board|audience|crowd|press|media)\b",
    re.IGNORECASE,
)
"""A "before" of place, not of time: "testified before the Senate last week", "appear before
the committee on Thursday"."""


def in_time_clause(before: str) -> bool:
    """Whether what precedes an expression leaves it inside a clause of time that bounds the
    main clause: "until/till/before/since/prior to" with a happening (a past verb, a gerund or
    a named thing: "before the platform burned on", "prior to the vote on", "before joining the
    council in"), or any "by the time"."""
    found = _OPENER.search(before[-200:])
    if found is None:
        return False
    word = found["word"].lower()
    if word == "by the time":
        return True
    head = before[: len(before) - len(before[-200:]) + found.start()]
    clause = found["clause"]
    if _CLOSE_BY.search(head) or (
        word == "before" and (_APPEARING.search(head) or _BODY.match(clause))
    ):
        return False
    if _GERUND.match(clause):  # "since announcing", "prior to joining": the subject's own step
        return word.endswith("since") or word.startswith("prior")
    if word.endswith("since"):  # "since its launch in 2003" starts the state: `since_a_happening`
        return bool(past_verbs(clause))
    return bool(_THING.match(clause) or past_verbs(clause))
