"""A relative clause inside a sentence's subject ("A nurse who treated him will testify"):
where it runs, so tense and the other readings look at the main clause's verb, not its."""

from __future__ import annotations

import functools
import itertools
import re
from typing import NamedTuple

from timeline.ingest.reader.verb_forms import FINITE, past_verbs

SUBJECT_HEAD = re.compile(
    r"^\W*(?!(?:It|I|We|You|He|She|They|There|So|Now|Given|Except|Such|Beyond|After|Before|Since|"
    r"Despite|In|On|At|For|With|By|From|Of|To|Than|Like|Unlike|Among|During|Until|Once|When)\b)"
    r"(?:(?i:the|a|an|this|these|those|its|their|his|her|our|one|some|any|every|each|all|many|"
    r"most|several|people|anyone|someone)|[A-Z][\w'’.-]*)\s+(?:[\w'’.-]+\s+){0,4}?"
    r"(?=(?i:who|whom|whose|which|that)\s)"
)
"""A subject before a relative pronoun: "A nurse who", "The firm that"."""
_LATER = re.compile(
    r"(?:is|are|has|have|will|would|can|could|may|might|must|shall|should|does|do|says|say|"
    r"won't|can't|cannot)"
)
"""A main verb in the present, the perfect or the future, or a modal."""
_CLAUSE_OPENS = re.compile(
    r"\b(?:what|which|that|who|whom|when|where|whether|if|because|while|and|or|but)\b|"
    r"\b(?:I|you|he|she|it|we|they)\s+$",
    re.IGNORECASE,
)
"""What opens another clause between two verbs ("before it was cut"), so the second verb is
not the main one."""
_ADVERB = (
    r"(?:not|also|then|later|first|just|since|been|being|be|to|due|going|about|able|set|still|"
    r"already|now|never|ever|often|always|usually|recently|reportedly|allegedly|previously|"
    r"finally|once|long)"
)
_VERB_GROUP_GAP = re.compile(rf"^\s+(?:{_ADVERB}\s+)*$")
_RIGHT_AFTER = re.compile(rf"^\S+\s+(?:{_ADVERB}\s+)?$")
"""The relative clause's own verb comes right after its pronoun ("who treated", "that has"):
an object relative ("that she and her crew came up with") is not read."""


_PREPOSITION_LAST = re.compile(
    r"\b(?:of|in|on|at|to|for|with|by|from|about|like|than|into|over|after|before)\s+$",
    re.IGNORECASE,
)
_PRESENT_AFTER_PRONOUN = re.compile(
    r"(?i:who|which)\s+([a-z]{2,}[^s\W]s)\b|"
    r"(?i:that)\s+([a-z]{2,}[^s\W]s)\b(?=\s+(?:a|an|the|its|their|his|her|up|out|to)\b)"
)
"""A present verb right after the pronoun ("who lives", "that owns a"); after "that" only
before its object, since "that plans for" and "that traders" open what someone said."""


class Relative(NamedTuple):
    """A relative clause inside a sentence's subject: where it runs, and its main verb's time."""

    start: int
    end: int
    main_later: bool
    """Whether the main verb after it is present, perfect, future or modal ("will testify")."""
    has_main: bool = True
    """False when no main verb follows before a comma or the end: the clause is all there is."""


@functools.lru_cache(maxsize=256)
def subject_relative(sentence: str) -> Relative | None:
    """Find a relative clause inside the subject, up to where the main verb begins: in "A nurse
    who treated him in 2009 will testify", "who treated him in 2009 ".

    The subject before "who" / "that" holds no verb of its own ("Officials said that" opens what
    was said); the main verb is the first verb after the clause's own verb group, with no comma
    or new clause ("and", "because", "what") between.
    """
    head = SUBJECT_HEAD.match(sentence)
    if head is None or FINITE.search(head.group()) or _PREPOSITION_LAST.search(head.group()):
        return None  # "Much of that is": "that" after a preposition stands for a thing
    start = head.end()
    stretch = re.split(r"[,;:“”\"()–—]", sentence[start : start + 200], maxsplit=1)[0]
    verbs = sorted(
        {m.start(): m.end() for m in (*FINITE.finditer(stretch), *past_verbs(stretch))}.items()
    )
    verbs = [(a, b) for a, b in verbs if a > 0 and stretch[a] not in "'’"]
    present = _PRESENT_AFTER_PRONOUN.match(stretch)
    group = (present.lastindex or 1) if present else 1
    if present and (not verbs or verbs[0][0] > present.start(group)):
        verbs.insert(0, present.span(group))
    if not verbs or not _RIGHT_AFTER.match(stretch[: verbs[0][0]]):
        return None
    for (_, end), (at, stop) in itertools.pairwise(verbs):
        if _VERB_GROUP_GAP.match(stretch[end:at]):
            continue  # "who was arrested", "that has been drilling": one verb group
        if _CLAUSE_OPENS.search(stretch[end:at]):
            return None  # "who lost parents when the school fell": where it ends is unclear
        later = bool(_LATER.fullmatch(stretch[at:stop]))
        return Relative(start, start + at, later)
    return Relative(start, start + len(stretch), False, has_main=False)


def main_clause(sentence: str) -> str:
    """The sentence without a relative clause in its subject: its tense is the main verb's."""
    found = subject_relative(sentence)
    if found is None or not found.has_main:
        return sentence
    return sentence[: found.start] + sentence[found.end :]
