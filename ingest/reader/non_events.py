"""Sentences that tell no happening whatever their date: a question, a condition, a guess, a
warning or a forecast of what may come, an opinion, a judgement or a feeling told as a report, a
comment or a yardstick, or only an attribution. `keep` makes supporting mentions of them.
"""

from __future__ import annotations

import re

from timeline.ingest.reader.clauses import supposes
from timeline.ingest.reader.furniture import is_opinion
from timeline.ingest.reader.page_sentences import PAGE_FURNITURE
from timeline.store.dates import MONTH_NAME, WEEKDAY_NAME

_CONDITION = re.compile(
    r"^\W*(?:(?:however|but|and|so|yet|even|still|now|only|or)\W+)?(?:if|unless|whether|"
    r"in\s+case|suppose|imagine|what\s+if)\b",
    re.IGNORECASE,
)
_GUESS = re.compile(
    r"\b(?:could|might|may)\s+(?:\w+\s+)?(?:be|have|take|cost|mean|lead|"
    r"cause|reach|become|need|face|see|hit|rise|fall|last|help|make|go|come|get|end|result)\b|"
    r"\b(?:is|are|was|were)\s+(?:(?:widely|now|also|still|generally|largely)\s+)?"
    r"(?:(?:un)?likely|expected|feared|thought|believed|estimated|predicted|projected|forecast)"
    r"\s+to\b|"
    r"\b(?:warn(?:s|ed)?|fear(?:s|ed)?|predict(?:s|ed)?|forecast|worr(?:y|ies|ied))\s+"
    r"(?:that\s+)?(?:\w+\s+){0,4}?(?:could|might|may|would|will)\b",
    re.IGNORECASE,
)
"""A guess, a warning or a prediction: "could take months", "is widely expected to", "warned it
could"."""
_FORECAST = re.compile(
    r"\b(?:is|are|was|were|remains?|remained)\s+(?:\w+\s+)?(?:on\s+(?:track|course)|poised)\s+to\b|"
    r"\bshould\s+(?:now\s+|soon\s+|also\s+|still\s+)?(?:slow|ease|fall|rise|drop|stop|end|ebb|"
    r"abate|reach|arrive|return|peak|dwindle|recover|be\s+(?:able|ready|over|back|done|complete|"
    r"finished|[a-z]+ed)\b)",
    re.IGNORECASE,
)
"""A forecast told of the main clause: "is on track to", "was poised to", and "should" with a
change still to come ("the leak should slow by Monday"); "should pay" stays a demand."""
_PLAN_OR_HOPE = re.compile(
    r"\b(?:had|has|have)\s+(?:\w+ly\s+|also\s+|once\s+|long\s+)?(?:wanted|hoped|planned|"
    r"intended|expected|aimed|meant|wished)\s+(?:to|that|for)\b|"
    r"(?<!\bthe\s)(?<!\ban\s)(?<!\ba\s)(?<!\bits\s)(?<!\bthan\s)(?<!\bas\s)(?<!\bon\s)"
    r"(?<!\bamid\s)(?<!\bof\s)\b(?:hopes?|hoped|hoping|wants?|wanted|expects?|expected|expecting|"
    r"anticipates?|anticipated|predicts?|predicted|aims?|aiming)\s+(?:that\s+)?"
    r"(?:[\w'’-]+\s+){0,6}?(?:to|will|would|could|should)\b|"
    r"\b(?:is|are|was|were)\s+(?:\w+ly\s+)?expected\s+(?:through|until|over|throughout|into|by|"
    r"within|for\s+the\s+(?:rest|coming))\b",
    re.IGNORECASE,
)
"""A plan, a hope or a forecast told of the main clause ("The council had wanted to put the levy
to a vote on Tuesday", "Velk Oil hopes to seal it by Friday", "engineers expect the leak to slow
by Monday", "Dry weather is expected through the weekend"): what someone meant or expects, not
what did. A hope raised ("shares rose on hopes that") is news of the shares, and stays."""
_HORIZON = re.compile(
    r"\b(?:will|would|should|could|might|may)\b[^.;:]{0,80}?\bby\s+"
    r"(?:(?:the\s+)?(?:end|middle)\s+of\s+)?(?:the\s+)?(?:tomorrow|tonight|next\s+\w+|"
    rf"{WEEKDAY_NAME}|weekend|mid-\w+|(?:early|late)\s+[A-Z]\w+|{MONTH_NAME})\b|"
    r"\bit\s+(?:will|would|could|might)\s+(?:take|be)\s+(?:at\s+least\s+|another\s+|up\s+to\s+)?"
    r"(?:a|an|one|two|three|four|five|six|several|many|some|a\s+few)\s+(?:more\s+)?"
    r"(?:hours?|days?|weeks?|months?|years?)\b"
)
"""What will, should or could be by a time still ahead ("the boom would be laid by tomorrow",
"the catch could almost double by next week", "800 volunteers will be on the dunes by
Monday"), or a time still to pass ("it could take several weeks for the tar to reach
Kelso"): a target or a forecast's horizon, whatever the sentence is dated by. "Would be
delayed until next week" tells a delay, and stays."""
_REDUCED_PARTICIPLE = re.compile(
    r"(?:\b(?:the|a|an|its|their|his|her)|['’]s)\s+(?:[\w-]+\s+){1,2}(?:expected|predicted|"
    r"anticipated)\s+to\b",
    re.IGNORECASE,
)
"""A participle that describes a noun ("The man expected to replace him took over"), no verb."""
_NEXT_CLAUSE = re.compile(r",\s+(?:and|but)\s+|;\s+")


def planned(text: str) -> bool:
    """Whether a text's first clause (before ", and" or ";") tells a plan, a hope or a forecast
    (_PLAN_OR_HOPE), not a participle about a noun: "Crews cleared the quay on Monday, and
    the port expects ships by Friday" tells the clearing."""
    clause = _NEXT_CLAUSE.split(text, maxsplit=1)[0]
    return bool(_PLAN_OR_HOPE.search(_REDUCED_PARTICIPLE.sub(" ", clause)))


_RELATIVE_OPENING = re.compile(r"(?:,\s*|\s)(?:which|who|whose)\b|,\s*that\b", re.IGNORECASE)
"""Where a relative clause begins: its forecast, judgement or habit is about a noun, not what
the sentence reports ("the leak, which is on track to ...", "a tank that appeared to ...")."""


def main_part(text: str) -> str:
    """A text up to its first relative clause (_RELATIVE_OPENING)."""
    return _RELATIVE_OPENING.split(text, maxsplit=1)[0]


_MAYBE = re.compile(
    r"(?<!\bthat\s)(?<!\bwhich\s)(?<!\bwho\s)\b(?:might|may)\s+"
    r"(?:well\s+|yet\s+|also\s+|even\s+|still\s+|soon\s+|never\s+|not\s+)?"
    r"(?!(?:of|and|or|be\s+(?:reached|contacted))\b)[a-z]{2,}\b|"
    r"\b[Cc]ould\s+(?:well\s+|also\s+|even\s+|soon\s+|eventually\s+|almost\s+|nearly\s+)?"
    r"(?:change|weigh|affect|"
    r"threaten|force|push|spread|delay|trigger|damage|hurt|harm|prove|spell|undermine|wipe|lose|"
    r"top|exceed|derail|bring|stop|destroy|sink|ruin|spiral|climb|double|soar|plunge|drop|"
    r"worsen|jeopardi[sz]e|slow|halt|dent|doom|swell|run\s+into)\b|"
    r",\s+(?:especially|particularly|even|only|perhaps)\s+if\b"
)
"""A guess in other words: "may" or "might" with any verb (in lower case: "May" is a month),
"could" with a verb of a feared or hoped-for change ("could weigh on the vote"), and a
condition set in the middle (", especially if it lasts,"); not in a relative clause ("storms
that may come") nor in a reason given ("shut it because it might leak"), `guessing`."""
_REASON = re.compile(r"\b(?:because|as|since|so\s+that|in\s+case|lest)\b", re.IGNORECASE)


def guessing(text: str) -> bool:
    """Whether a text (quotes set aside) guesses or warns of what may come (_GUESS, _MAYBE):
    a guess after a "because" gives a reason for what was done, and is left to the rest."""
    if _GUESS.search(text):
        return True
    found = _MAYBE.search(text)
    return found is not None and not _REASON.search(text, 0, found.start())


_COMMENT_OPENING = re.compile(
    r"^\W*(?:(?:for|by|in)\s+comparison\b|(?:the\s+)?(?:good|bad|real|big|only)\s+news\s+"
    r"(?:is|was|here)\b|the\s+(?:problem|question|truth|irony|fear|hope|danger|risk|worry|"
    r"trouble|point|lesson|concern|paradox)\s+(?:is|was|now\s+is|here\s+is)\b)",
    re.IGNORECASE,
)
"""A sentence that opens as a comment or a yardstick ("The trouble is ...", "The good news
is ...", "For comparison, ..."): it weighs or compares, and reports nothing of its own."""
_JUDGEMENT = re.compile(
    r"\b(?:appears?|appeared|seems?|seemed)\s+to\b|\bpublic\s+enemy\b|"
    r"^\W*(?:of|to)\s+(?:greater|more|most|particular|special|real|equal|less)\s+"
    r"(?:concern|interest|importance|note|worry)\b|"
    r"\bthe\s+wrong\s+(?:things?|priorities|questions?|people|approach|way|decision|message)\b|"
    r"\b(?:is|was|are|were|been|be)\s+(?:(?:a|an|the)\s+)?(?:(?:very|too|so|quite|rather|"
    r"deeply|hugely|extremely|wholly|entirely|simply|clearly|not|massive|huge|major|serious|"
    r"severe|real|big|bitter|crushing|terrible|complete|total|national|further)\s+){0,2}"
    r"(?:wrong|right|prudent|disappointing|unacceptable|irresponsible|inadequate|misguided|"
    r"reckless|absurd|ridiculous|outrageous|shameful|regrettable|encouraging|reassuring|"
    r"heartening|deplorable|appalling|blow|disgrace|mistake|travesty|shambles|embarrassment|"
    r"scandal|insult|fiasco|farce|setback|blunder|disappointed|pleased|delighted|satisfied|"
    r"concerned|worried|happy|saddened|dismayed|frustrated|confident|optimistic|hopeful|"
    r"heartened)\b",
    re.IGNORECASE,
)
"""A judgement or a feeling told as a report ("critics said the response appeared to soften",
"the ministry was focused on the wrong things", "the ruling is a massive blow to shareholders",
"Of greater concern is ...", "said it was disappointed"): what someone thinks or feels of the
news, not news."""
_NEWS_DEED = re.compile(
    r"\b(?:called\s+for|demanded|ordered|announced|ruled|pledged|agreed|approved|fined|charged|"
    r"sued|resigned|killed|released|published|voted|signed|filed|arrested|accused|alleged|"
    r"emerged|revealed)\b",
    re.IGNORECASE,
)
"""A deed that makes a sentence news whatever judgement it also reports ("expressed concern
that the rules were too weak and asked for them to be tightened")."""
_SAY_ONLY = re.compile(
    r"^\W*(?:[\w'’.-]+\s+){1,6}(?:said|says|added|told|explained|noted)\W*(?:\w+\W*){0,3}$",
    re.IGNORECASE,
)
"""A sentence that is only an attribution ("It said in a statement")."""
_READER_MESSAGE = re.compile(
    r"^\W*[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,3}(?:,?\s+(?:from|in)\s+|,\s+)[A-Z][^:]{1,40}?,?\s+"
    r"(?:e-?mails|emails|texts|writes|blogs)\s*:"
)
"""A reader's message the page prints ("Ana Ruiz from Velmar e-mails: ..."): a comment."""
_QUOTED = re.compile(r"[“\"][^“”\"]*?(?:[”\"]|'')")
_ASIDE = re.compile(r"\s[–—-]{1,2}\s[^–—]{1,120}?\s[–—-]{1,2}\s|,\s+(?:which|who)\s[^,]{1,120},")
"""An aside between dashes or a relative clause between commas: its guess is not the sentence's."""


def unquoted(text: str) -> str:
    """A text with its quoted words blanked: what the writer says, not the quoted speaker."""
    return _QUOTED.sub(" ", text)


def plain(text: str) -> str:
    """A text with its quoted words and its asides blanked (`unquoted`, _ASIDE)."""
    return _ASIDE.sub(" ", unquoted(text))


def non_event(sentence: str) -> bool:
    """Whether a sentence tells no happening whatever its date: a question, a condition or
    hypothetical, an opinion or a judgement (reported or not), a guess, a warning, a forecast or
    a plan of what might come, or only an attribution."""
    text = sentence.strip()
    if PAGE_FURNITURE.search(text):
        return True
    if text.rstrip(" ”\"'’)").endswith("?") or _CONDITION.match(text):
        return True
    if is_opinion(text) or supposes(text) or _SAY_ONLY.match(text):
        return True
    if _COMMENT_OPENING.match(text) or _READER_MESSAGE.match(text):
        return True
    outside = plain(text)
    if guessing(outside) or _FORECAST.search(main_part(outside)):
        return True
    if planned(main_part(outside)) or _HORIZON.search(main_part(outside)):
        return True
    return bool(_JUDGEMENT.search(main_part(outside))) and not _NEWS_DEED.search(outside)
