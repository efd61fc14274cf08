"""What a sentence says about time: whether it reports a happening, and its tense.

No part-of-speech tagger: small word lists and suffix rules, each with its own test table. They
decide two things the anchoring model needs, whether a sentence without a date of its own still
reports something that happened (so it is dated at the reference time), and which way an
expression without a year looks (a past sentence looks back, a future one ahead). Which words
are verbs is verb_forms'; where a relative clause in the subject runs is relatives'.
"""

from __future__ import annotations

import re

from timeline.ingest.reader.relatives import main_clause
from timeline.ingest.reader.verb_forms import (
    FINITE,
    PARTICIPLE_WORDS,
    PAST_WORD,
    PAST_WORDS,
    past_verbs,
)
from timeline.ingest.reader.verb_words import (
    COPULA,
    COPULA_ADVERBS,
    COPULAS,
    FIRSTS,
    NOT_EVENTS,
    NOT_SUBJECT,
    PLANNED,
    RESULT_STATES,
    STATE_PARTICIPLES,
    STATIVE,
    SUPPOSING,
)
from timeline.store.dates import WEEKDAY_NAME

_PERFECT = re.compile(
    r"\b(?:has|have|had|'ve|’ve)\s+(?:(?:just|recently|already|now|also|since|"
    r"finally|reportedly|officially)\s+)?(?!been\b)(?:" + PARTICIPLE_WORDS + r"|[a-z]{2,}ed)\b",
    re.IGNORECASE,
)
_PRESENT_PERFECT = re.compile(
    r"\b(?:has|have|'ve|’ve)\s+(?:\w+\s+)?(?:been|"
    + PARTICIPLE_WORDS
    + "|"
    + PAST_WORDS
    + r"|[a-z]{2,}ed)\b",
    re.IGNORECASE,
)


def present_perfect(sentence: str) -> bool:
    """Whether a sentence has a present perfect ("has risen", "have been"): what it tells lasts
    up to the time of writing."""
    return _PRESENT_PERFECT.search(sentence) is not None


_PASSIVE = re.compile(
    r"\b(?:was|were|been|got)\s+(?:(?:also|reportedly|officially|later|then|first|finally)\s+)?"
    r"(?:" + PARTICIPLE_WORDS + r"|[a-z]{2,}ed|" + PAST_WORDS + r")\b",
    re.IGNORECASE,
)
_REPORTING_PRESENT = re.compile(
    r"\b(?:says|say|tells|announces|confirms|reports|warns|claims|insists|admits|denies|"
    r"reveals|agrees|launches|plans|unveils|urges|calls\s+for|accuses)\b",
    re.IGNORECASE,
)
_FUTURE = re.compile(
    r"\b(?:will|shall|won't|'ll|’ll|is\s+to|are\s+to|is\s+due|are\s+due|due\s+to|plans?\s+to|"
    r"planning\s+to|intends?\s+to|expected\s+to|expects?\s+to|hopes?\s+to|aims?\s+to|(?:is|are)\s+(?:un)?likely\s+to|scheduled|set\s+to|to\s+be\s+held|upcoming|"
    rf"forthcoming|going\s+to|next\s+(?:week|month|year|{WEEKDAY_NAME}))\b",
    re.IGNORECASE,
)
_MODAL = re.compile(r"\b(?:would|could|might|may|should|must|can)\b", re.IGNORECASE)
_QUOTE = re.compile(r"[“\"][^“”\"]*[”\"]")
_QUOTE_TAIL = re.compile(
    r"^[^“”\"]*[”\"](?=,?\s+(?:\w+\s+){0,4}(?:said|says|told|added|asked|wrote|declared)\b)"
)
"""The end of a quotation begun in an earlier sentence, before its attribution."""


def tense(sentence: str) -> str:
    """The sentence's direction in time: "future", "past" or "present".

    Words inside quotation marks count only when nothing outside them decides: in
    "“We will win,” she said" the report is past. So do the words of a relative clause in the
    subject: in "A nurse who treated him will testify" the sentence looks ahead.
    """
    main = main_clause(sentence)
    outside = _QUOTE.sub(" ", _QUOTE_TAIL.sub(" ", main))
    for text in (outside, main, sentence):
        future = _FUTURE.search(text)
        past = past_verbs(text) or _PERFECT.search(text) or _PASSIVE.search(text)
        if future and past:
            if _first_start(past) > future.start():
                return "future"
            # "said it will open on Monday" reports; "The money set aside will be paid on
            # Monday" and "Crews finished one span and will start the next on Monday" look ahead
            head = text[: future.start()]
            told = _SAYING_VERB.search(head) or _PLAIN_PAST.search(head) or _PERFECT.search(head)
            return "past" if told else "future"
        if future:
            return "future"
        if past:
            return "past"
    return "present"


def _first_start(found: list[re.Match[str]] | re.Match[str]) -> int:
    """Where the first of some matches begins."""
    return found[0].start() if isinstance(found, list) else found.start()


_COMPARISON = re.compile(
    r",\s+(?:up|down)\s+from\b|,?\s+compared\s+(?:with|to)\b|"
    r"\bthe\s+(?:\w+est|most|least|first|last)\s+(?:\w+\s+){0,2}since\b",
    re.IGNORECASE,
)
"""Where a comparison begins ("up from 14 in 2018", "the lowest since 1974"): what follows
is the yardstick, not something this sentence reports."""


_PAST_PERFECT = re.compile(
    r"\bhad\s+(?:(?:already|just|earlier|previously|first|not|never|long)\s+)?(?:"
    + PARTICIPLE_WORDS
    + r"|[a-z]{2,}ed)\b",
    re.IGNORECASE,
)


def flashback(sentence: str) -> bool:
    """Whether a sentence steps back before the time being told: its first verb is a past
    perfect ("Talks had broken down late on Sunday"), not one in a clause after the main verb
    ("The court struck the ban down, ruling that the council had exceeded its powers")."""
    text = _QUOTE.sub(" ", sentence)
    perfect = _PAST_PERFECT.search(text)
    if perfect is None:
        return False
    others = [m for m in past_verbs(text) if not perfect.start() <= m.start() < perfect.end()]
    return not others or perfect.start() < others[0].start()


_ASIDE_CLAUSE = re.compile(
    r"(?:,|\s[–—-])\s+(?:who|which|whose|where|as)\b[^,;–—()]*(?P<closed>[,;–—)])?",
    re.IGNORECASE,
)
"""A relative aside about a noun (", which leased the rig to BP"): its verb is not the news."""
_BRACKETED = re.compile(r"\([^()]*\)")
"""A bracketed aside ("(first used in the tablet)"): background, not what is reported."""


def _without_asides(text: str) -> str:
    """A text without its relative asides: those closed by a comma or a dash, and one at the
    end after a main clause that only says what something is ("X is Transocean, which ...")."""
    kept: list[str] = []
    at = 0
    for aside in _ASIDE_CLAUSE.finditer(text):
        head = "".join(kept) + text[at : aside.start()]
        if aside["closed"] or _first_verb(head) in COPULA:
            kept.append(text[at : aside.start()] + (aside["closed"] or ""))
            at = aside.end()
    return "".join(kept) + text[at:]


_CONDITIONAL = re.compile(
    r"^\W*(?:(?:however|but|and|so|yet|even|still|now|only|or)\W+)?(?:if|unless|should|would|"
    r"could|were|had\s+\w+\s+(?:been|known|had))\b",
    re.IGNORECASE,
)
"""A sentence that opens on a condition, after a connective or not: "However, if it were"."""


_LEADING_CLAUSE = re.compile(
    r"^\W*(?:after|before|when|while|since|although|though|because|once|as|despite|following|"
    r"during)\b[^,;]{0,150},\s",
    re.IGNORECASE,
)


def _first_verb(text: str) -> str:
    """The first finite verb of a text's main clause, in lower case ("" when none is found):
    a leading "After checking the plans that would guide the work," is passed over."""
    lead = _LEADING_CLAUSE.match(text)
    text = text[lead.end() :] if lead else text
    finite = next((m for m in FINITE.finditer(text) if m.start() > 0 or text[0] not in "'’"), None)
    end = finite.end() if finite else len(text)
    past = past_verbs(text[: end + 20])  # only a past verb before the first finite one matters
    found = [m for m in (finite, past[0] if past else None) if m is not None and m.start() < end]
    return min(found, key=lambda m: m.start()).group().lower() if found else ""


def supposes(sentence: str) -> bool:
    """Whether a sentence's main clause opens on a modal of guessing, wishing or ruling ("BP
    might sell bonds next week", "Talks may resume on Monday"): it tells of nothing that is
    done or settled. Quoted words are set aside ("“We may lose,” he said" is a saying)."""
    outside = _QUOTE.sub(" ", _QUOTE_TAIL.sub(" ", main_clause(sentence)))
    return _first_verb(outside) in SUPPOSING


def reports_event(sentence: str) -> bool:
    """Whether a sentence reports something happening: a past, perfect or passive verb of a
    happening, or a present verb of reporting ("X says"), and at least three words.

    Questions, conditionals ("If prices fall, ...", "But if it were ...") and sentences whose
    first verb is a modal ("It may take weeks") report nothing yet.
    """
    sentence = re.sub(r"^\s*\(([^()]*)\)\W*$", r"\1", sentence)  # a sentence that is all aside
    words = sentence.split()
    if len(words) < 3 or sentence.rstrip(" ”\"'’").endswith("?"):
        return False
    if _CONDITIONAL.match(sentence):
        return False
    outside = _QUOTE.sub(" ", _QUOTE_TAIL.sub(" ", main_clause(sentence)))
    outside = _without_asides(_COMPARISON.split(_BRACKETED.sub(" ", outside), maxsplit=1)[0])
    if _first_verb(outside) in SUPPOSING:
        return False  # "It may take a while", "Prices would fall if ...": nothing happened yet
    if past_verbs(outside) or _PERFECT.search(outside) or _PASSIVE.search(outside):
        return True
    if _REPORTING_PRESENT.search(outside) and not _MODAL.search(outside[:40]):
        return True
    return outside.strip() == "" and bool(past_verbs(sentence) or _PERFECT.search(sentence))


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


def mentions_happening(sentence: str) -> bool:
    """Whether a sentence names an occurrence by a verb or noun ("visit", "signing", "opens"),
    in any tense: a sentence with a date of its own needs no more to be an event."""
    return len(sentence.split()) >= 3 and bool(_EVENT_CUE.search(sentence) or past_verbs(sentence))


_CLAUSE_WORD = re.compile(r"[A-Za-z’'-]+|[,;:–—]")
_PLAIN_PAST = re.compile(r"\b(?:was|were|had|did)\b", re.IGNORECASE)
"""A past auxiliary before a "will": the sentence tells of the past ("was told it will")."""
_SAYING_VERB = re.compile(
    r"\b(?:said|says|told|tells|added|announced|announces|reported|reports|confirmed|confirms|"
    r"declared|stated|wrote|claimed|claims|admitted|denied|warned|testified)\b"
)


def states(sentence: str) -> bool:
    """Whether a sentence's main clause tells how things stand rather than what happened: a
    copula before a noun, an adjective or an ongoing -ing ("The wreck is a mile away", "Pumps
    are running"), "there is", a perfect of a state ("has enjoyed success", "has been closed
    since") or a present verb of a state ("The museum holds ..."). A passive ("was closed on
    Monday") and a result ("two were missing") are happenings; a sentence that reports a
    saying is left to the other rules."""
    main = _without_asides(_QUOTE.sub(" ", _QUOTE_TAIL.sub(" ", main_clause(sentence))))
    if _SAYING_VERB.search(main):
        return False
    if _OPENING_PARTICIPLE.match(main):
        return False  # "Born in Cork on 2 May 1931, she was ...": the participle is what happened
    lead = _LEADING_CLAUSE.match(main)
    words = [w.group() for w in _CLAUSE_WORD.finditer(main[lead.end() :] if lead else main)]
    for at, word in enumerate(words):
        lower = word.lower()
        after = [w.lower() for w in words[at + 1 : at + 4] if w not in ",;:–—"]
        while after and (after[0] in COPULA_ADVERBS or after[0].endswith("ly")):
            after = after[1:]
        following = after[0] if after else ""
        if lower in COPULAS:
            if at == 0 or following in RESULT_STATES:
                return False
            if following in PLANNED or _PARTICIPIAL_WORD.fullmatch(following):
                return False  # a passive: "was closed", "were sunk"
            # "is the wreck", "are running", "was the largest"; but "It was the first visit
            # since 2012" tells what happened, and when it last did
            return not (following in ("the", "a", "its", "their") and set(after[1:3]) & FIRSTS)
        if lower in ("has", "have", "had"):
            if following == "been":
                nxt = after[1] if len(after) > 1 else ""
                return not (_PARTICIPIAL_WORD.fullmatch(nxt) and nxt not in NOT_EVENTS)
            return following in STATE_PARTICIPLES
        if lower in STATIVE and at > 0 and words[at - 1][:1].isalpha():
            return not words[at - 1][:1].islower() or words[at - 1].lower() not in NOT_SUBJECT
        if FINITE.fullmatch(lower) or PAST_WORD.fullmatch(lower):
            return False  # another verb comes first: what happened
    return False


_PARTICIPIAL_WORD = re.compile(
    r"(?:" + PARTICIPLE_WORDS + "|" + PAST_WORDS + r"|[a-z]{2,}ed)", re.IGNORECASE
)
_OPENING_PARTICIPLE = re.compile(
    r"^\W*(?:born|founded|elected|built|opened|launched|appointed|married|named|formed)\b[^,]*,",
    re.IGNORECASE,
)
