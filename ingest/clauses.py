"""What a sentence says about time: whether it reports a happening and whether it looks ahead."""

from __future__ import annotations

import re

_EVENT_CUE = re.compile(
    r"\b(?:visit|trip|tour\b|journey|sign|met\b|meet|talk|said|says|say\b|told|announc|declar|state|invad|invasion|"
    r"attack|record|reach|return|travel|arriv|depart|left\b|launch|elect|vot|won\b|win\b|lost\b|"
    r"los[et]|die[ds]?\b|kill|open|clos|agree|began|begin|start|end|held|hold|host|approv|pass|"
    r"rais|cut\b|fell\b|fall|rose\b|rise|report|publish|releas|took\b|take|made\b|establish|"
    r"found|creat|buil|complet|conclud|hit\b|struck|strike|captur|seiz|resign|appoint|named|"
    r"sworn|inaugurat|award|crash|collaps|explo|erupt|occur|happen|summit|ceremony|conferen|"
    r"treaty|pact|deal|accord|war\b|independen|born|marri|discuss|warn|promis|pledg|"
    r"commemorat|celebrat|mark|sign|ban|order|su(?:ed|e)\b|charg|arrest|sentenc|convict|"
    r"acquit|rul|join|withdr|exit|merg|acquir|bought|sold|buy|sell|export|import|double|"
    r"increas|decreas|expand|became|become)",
    re.IGNORECASE,
)
_PAST_VERB = re.compile(r"\b[a-z]{3,}ed\b")


def reports_event(sentence: str) -> bool:
    """Whether a sentence reports something happening (a verb or noun of an occurrence)."""
    if len(sentence.split()) < 3:
        return False
    return bool(_EVENT_CUE.search(sentence) or _PAST_VERB.search(sentence))


_FUTURE = re.compile(
    r"\b(?:will|shall|would|is to|are to|is due|are due|plans? to|intends? to|"
    r"expected to|scheduled|to be held|upcoming|next|forthcoming|going to)\b",
    re.IGNORECASE,
)


def speaks_of_future(sentence: str) -> bool:
    """Whether a sentence speaks of something still to come, so a later date may be right."""
    return bool(_FUTURE.search(sentence))
