"""Whether a title turns on someone or something it leaves unnamed, after naming has put in
what the sentences before make clear: "Many of them will ...", '"We are ready," he said', "The
initial delay occurred ...". Such a title only supports (`keep`): a reader cannot tell who or
what it is about, and a wrong name in brackets would be worse than none.
"""

from __future__ import annotations

import re

from timeline.ingest.reader.lost_subject import SUBJECTLESS
from timeline.ingest.reader.naming import QUANTIFIED, speaker_pronoun, unnamed_head

_HAPPENINGS = frozenset(
    str.split(
        "delay delays setback setbacks sell-off selloff slump drop fall decline rise surge jump "
        "rally increase loss gain postponement suspension halt reversal "
        "change shift incident episode mishap error mistake blunder problem problems glitch hitch "
        "amount figure"
    )
)
"""Heads of a description of a happening or a figure the sentences before told ("The initial
delay occurred ...", "The dramatic sell-off added ..."): the title alone does not say of what."""
_POINTED = re.compile(
    r"^(?:This|That)\s+(?:[a-z-]+\s+)?(?P<noun>[a-z-]{3,})(?=,\s|\s+(?:\w+ly\s+)?(?:is|was|has|had|"
    r"will|would|could|may|might|came|[a-z]{2,}ed)\b)"
)
"""A title opening on "this" or "that" and a noun ("That amount, included in ...", "This
change was ..."): what it points back to is in another sentence."""
_QUOTED_PRONOUN = re.compile(
    r"^[^“\"]{2,60}:\s+[“\"](?:I\s+(?:still\s+|really\s+|just\s+|do\s+)?(?:feel|think|"
    r"believe|hope|know|guess|fear|expect|am\s+sure)\s+(?:like\s+|that\s+)?)?(?:he|she|they)\b"
)
"""A speaker's words opening on "he", "she" or "they" ('Analyst Weiss: “I still feel like
they can fix it”'): whom they mean is in the sentences before."""


def unresolved(title: str) -> bool:
    """Whether a title's main clause turns on someone or something it does not name and no
    bracket names: a lost subject ("Was told, ..."), a share of "them" ("Many of them will"),
    a "he said" after its words, a speaker's words about "they", or a happening told before
    ("The initial delay occurred", "That amount, included in ...")."""
    if SUBJECTLESS.match(title) or QUANTIFIED.match(title) or _QUOTED_PRONOUN.match(title):
        return True
    if speaker_pronoun(title):
        return True
    pointed = _POINTED.match(title)
    if pointed is not None and pointed["noun"] not in _TIME_NOUNS:
        return True
    match = unnamed_head(title)
    return match is not None and match["noun"] in _HAPPENINGS


_TIME_NOUNS = frozenset(
    str.split(
        "day week month year time morning night evening afternoon weekend season summer winter "
        "spring autumn fall quarter decade century"
    )
)
"""Nouns after "this" or "that" that say when, not what ("This week ..."): never pointing."""
