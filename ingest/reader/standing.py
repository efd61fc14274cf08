"""Sentences that tell how things stand, not what happened on a day: a habit, a trend or a
running total ("has claimed repeatedly", "shares have fallen 34% since 20 April"), a standing
fact ("Some 340 people were aboard", "Of the 90 nurses, 40 had trained at Kelso"), and a
party's standing position in a dispute ("She denies fraud", "The defence says ...").
Repeated as background in story after story, they back an event; `keep` shows none alone.
"""

from __future__ import annotations

import re

from timeline.ingest.reader.non_events import main_part, plain

_ONGOING = re.compile(
    r"\b(?:repeatedly|consistently|continually|routinely|time\s+and\s+again)\b|"
    r"^\W*(?:sometimes|often|at\s+times|every\s+so\s+often)\b|"
    r"\b(?:has|have)\s+(?:\w+ly\s+)?(?:stuck|stood)\s+(?:to|by)\b|"
    r"\b(?:is|are)\s+(?:now\s+|still\s+)?on\s+trial\b|"
    r"\b(?:has|have)\s+(?:\w+ly\s+)?(?:fallen|risen|dropped|lost|gained|climbed|slumped|"
    r"plunged|soared|shed|tumbled|slid)\s+(?:by\s+)?(?:about\s+|some\s+|nearly\s+|almost\s+|"
    r"more\s+than\s+|over\s+)?[$€£]?\d[^.;]*?\bsince\b",
    re.IGNORECASE,
)
"""A habit, a trend or a running total, whatever date it carries ("has claimed repeatedly",
"Sometimes he admits ...", "has stuck to its estimate", "is on trial", "shares have fallen
34% since 20 April"): how things have gone for a while, not a happening of one day."""


def ongoing(sentence: str) -> bool:
    """Whether the main clause, before any "that" it reports, tells a habit, a trend or a
    running total (_ONGOING): "noted that the firm had repeatedly pledged" is a noting."""
    main = main_part(plain(sentence))
    return _ONGOING.search(re.split(r"\bthat\b", main, maxsplit=1)[0]) is not None


_STANDING_FACT = re.compile(
    r"\b(?:is|are|was|were)\s+(?:still\s+|now\s+|all\s+|reportedly\s+)?(?:aboard|on\s+board|"
    r"onboard|homeless|in\s+custody|behind\s+bars)\b|"
    r"\b(?:has|have)\s+been\s+(?:left|made)\s+homeless\b|"
    r"^\W*Of\s+(?:the|those|these|its|their|some|almost|about|nearly|more\s+than)\s+"
    r"(?:[\w-]+\s+){0,2}?\d",
    re.IGNORECASE,
)
"""Who was where or in what state ("340 people were aboard the ferry", "4,000 are homeless"),
and a figure broken down ("Of the 90 nurses, 40 had trained at Kelso"): a standing fact
about people, not a happening (a result, "two were missing", stays one)."""
_POSITION = re.compile(
    r"\b(?:denies|deny)\s+(?:\w+\s+){0,3}?(?:charges?|manslaughter|murder|wrongdoing|"
    r"allegations?|accusations?|killing|assault|fraud|negligence|responsibility|liability)\b|"
    r"\bmaintains?\s+(?:his|her|their|its)\s+innocence\b|"
    r"\b(?:is|are)\s+(?:\w+ly\s+)?(?:accused|charged)\s+(?:of|with)\b",
    re.IGNORECASE,
)
"""A charge denied or held against someone, in the present ("He denies fraud", "She is
accused of fraud"): where a case stands, repeated in every story of it."""
_PLEA = re.compile(
    r"\b(?:has|have)\s+(?:\w+ly\s+|always\s+|already\s+)?(?:pleaded|pled)\s+"
    r"(?:not\s+)?guilty\b",
    re.IGNORECASE,
)
"""A plea told in the perfect ("has pleaded not guilty"): the news in a lead, background after."""
_PARTY = (
    r"^\W*(?:(?:but|and|meanwhile|however)\W+)?(?:[\w'’.-]+\s+){0,4}?(?:defen[cs]e|prosecution|"
    r"prosecutors?|lawyers?|attorneys?|counsel|solicitors?|barristers?)"
    r"(?:\s+(?:team|for\s+(?:[\w'’.-]+\s+){0,3}?[\w'’.-]+|[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,2}))?"
    r"(?:,\s+[^,]{1,60},)?\s+"
    r"(?:(?:\w+ly|also|again|still)\s+)?"
)
_PARTY_SAYS = re.compile(
    _PARTY + r"(?:says|say|argues?|claims?|contends?|maintains?|insists?|tells)\b", re.IGNORECASE
)
"""A party to a case saying in the present ("The defence says the ledgers were kept by
her clerk"): its case as it stands, not a happening."""
_PARTY_PLEADS = re.compile(
    _PARTY + r"(?:said|argued|claimed|told|insisted)\b.*?\b(?:would|could|should|might)\b",
    re.IGNORECASE,
)
"""A party's plea or opinion of what would or could be ("Her lawyer said the verdict would
ruin her"): an argument, not news of a deed."""


def standing_fact(sentence: str) -> bool:
    """Whether the main clause tells a standing fact about people (_STANDING_FACT)."""
    return _STANDING_FACT.search(main_part(plain(sentence))) is not None


def held_position(sentence: str, position: int) -> bool:
    """Whether a sentence tells where a party to a case stands: a charge denied or held
    against someone (_POSITION), what a party says or pleads (_PARTY_SAYS, _PARTY_PLEADS), or,
    after the lead (`position` above 0), a plea told in the perfect (_PLEA)."""
    main = main_part(plain(sentence))
    if _POSITION.search(main) or _PARTY_SAYS.match(main) or _PARTY_PLEADS.match(main):
        return True
    return position > 0 and _PLEA.search(main) is not None
