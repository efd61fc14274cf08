"""Shorten a title at a clause or phrase break so that what is left reads as a whole statement.

A long sentence is cut where a clause begins (a comma, a dash, "which"), else where a phrase
begins (a preposition before its noun phrase), else at a loose break (an infinitive "to"); a cut
is kept only when it still has a main verb, closes every aside it opens and does not split a name
or leave a verb's object behind. `has_verb` and `reads_whole` are the tests other readers share.
"""

from __future__ import annotations

import re

from timeline.ingest.reader.relatives import SUBJECT_HEAD, subject_relative
from timeline.ingest.reader.speech import SPEECH_VERBS
from timeline.ingest.reader.verb_forms import past_verbs

TITLE_AIM = 180
"""Length a title is cut to when a clause or phrase break allows, in characters: most news
sentences that are not whole paragraphs fit, so fewer titles need cutting at all."""
TITLE_MAX = 240
"""Longest title: a whole sentence, or a cut at a break, up to this beats a title cut
mid-thought at TITLE_AIM and ended with "…"."""

DANGLING = re.compile(
    r"(?:[\s,:;–—-]+(?:that|and|or|but|the|a|an|to|of|with|will|would|has|have|had|be|is|are|"
    r"was|were|by|for|in|on|at|as|its|their|his|her|our|which|who|while|from|than|into|"
    r"about|after|before|since|until|this|these|those|its|than))+\s*$",
    re.IGNORECASE,
)
_VAGUE_TAIL = re.compile(
    r"\s+(?:to|for|of|on|about|in|with|from|by)\s+(?:this|that|it|them|these|those)\s*$",
    re.IGNORECASE,
)


def tidy_end(text: str) -> str:
    """Drop what cannot end a title: punctuation, a dangling function word, "to this"."""
    for _ in range(3):
        text = text.rstrip(" .,;:!?–—-")
        text = DANGLING.sub("", text).strip(" ,")
        text = _VAGUE_TAIL.sub("", text)
    return text


TITLE_MIN = 30
"""Shortest title a natural cut may leave, in characters; shorter, we cut at a word instead."""

_CLAUSE_BREAK = re.compile(
    r"\s*[,;]\s|[,;][”\"]\s+(?=(?:he|she|they|it|we|I)\s)|\s+[–—-]{1,2}\s|\s+(?=(?:which|who|whom|whose|where|while|whereas|because|"
    r"although|though|unless|amid|including|so\s+that)\b)|"
    r"\s+(?=that\s+(?:will|would|could|can|may|might|has|have|had|is|are|was|were)\b)"
)
_PREPOSITION = (
    r"(?:to|in|on|at|from|for|with|by|over|under|into|during|after|before|since|until|across|"
    r"through|against|near|between|among|as)"
)
_PHRASE_BREAK = re.compile(
    rf"\s+(?={_PREPOSITION}\s+(?:(?:the|a|an|his|her|its|their|our|this|these|those)\b|"
    r"[A-Z0-9₪$€£])|[a-z]{3,}ed\s+by\b)"
)
_LOOSE_BREAK = re.compile(r"\s+(?=to\s+[a-z]|(?:in|on|for|of|by)\s+[a-z]{3,}ing\b)")
_BE = frozenset(["is", "are", "was", "were", "be", "been", "being"])
_TIGHT_AS = frozenset(
    [
        "serve",
        "serves",
        "served",
        "act",
        "acts",
        "acted",
        "known",
        "such",
        "regarded",
        "seen",
        "well",
        "same",
        "so",
        "described",
        "used",
    ]
)


def shorten_title(text: str, limit: int = TITLE_AIM) -> str:
    """Cut a title longer than TITLE_MAX (`limit`'s share of it) where a clause or phrase
    begins, so it reads complete; a sentence that fits is kept whole.

    A clause boundary (a comma, a dash, "which", "while", a relative "that will") is preferred
    over a phrase boundary (a preposition before its noun phrase, a participle "backed by"), and
    that over a loose one (an infinitive "to", "in cooperating"); the cut is the last one that
    still fits and leaves at least TITLE_MIN characters. With none, a text up to TITLE_MAX
    (and the limit's share of it) is kept whole or cut at a break before it; only past that is
    the title cut at a word and ended with "…".
    """
    longest = limit + TITLE_MAX - TITLE_AIM
    if len(text) <= longest:
        # whole, but for a trailing aside ("..., which critics call too small"): a cut at any
        # other break can drop what the sentence is about, or whose words they are
        aside = _ASIDE_START.search(text, min(TITLE_MIN, limit // 2))
        if aside is None or aside.start() > limit:
            return text
        head, rest = tidy_end(text[: aside.start()]), text[aside.start() :]
        if _ATTRIBUTED.search(rest) or _AFTER_ASIDE.search(rest, 1) or _undated_deed(rest):
            return text  # whose words, a clause after the aside, or a deed told nowhere else
        return head if reads_whole(head, rest) else text
    cut = _cut_at_break(text, limit)
    if cut is not None:
        return cut
    cut = _cut_at_break(text, longest)
    if cut is not None:
        return cut
    return tidy_end(text[: limit - 1].rsplit(" ", 1)[0]) + "…"


_ASIDE_START = re.compile(r",\s+(?:which|who|whose)\s")
"""Where a non-restrictive relative clause begins: what follows is said about the main clause,
unless the main verb comes after it ("Ada Velk, who runs the bar, said ...")."""
_AFTER_ASIDE = re.compile(r"(?:,(?!\s*\d{4})|[;–—])\s+\S")
"""An aside closed with more of the sentence after it ("the valve, which was shut, when the
fire began"): the aside is not trailing, and a cut before it drops what comes after."""
_DIGIT = re.compile(r"\d")


def _undated_deed(aside: str) -> bool:
    """An aside telling what the thing did, with no number that could date it ("which failed
    to close"): no event of its own carries it (`aside_events` takes dated ones), so a cut
    before it would drop a deed the sentence is about."""
    return bool(past_verbs(aside)) and not _DIGIT.search(aside)


_ATTRIBUTED = re.compile(
    r",[”\"'’]*\s+(?:[\w'’.-]+\s+){0,6}?(?:" + "|".join(SPEECH_VERBS) + r")\b[^,]{0,80}$"
)
"""Whose words the sentence tells, at its end (", investigators said."): a cut before it would
give their finding as fact."""


def _cut_at_break(text: str, limit: int) -> str | None:
    """The title cut at the last clause, phrase or loose break that fits `limit` and reads whole."""
    for pattern in (_CLAUSE_BREAK, _PHRASE_BREAK, _LOOSE_BREAK):
        cuts = [
            m.start()
            for m in pattern.finditer(text)
            if min(TITLE_MIN, limit // 2) <= m.start() <= limit and not _bound(text, m.start())
        ]
        for at in reversed(cuts):
            cut = tidy_end(text[:at])
            long_enough = len(cut) >= min(TITLE_MIN, limit // 2)
            rest = text[at:]
            if (
                long_enough
                and reads_whole(cut, rest)
                and not _inside_name(cut, rest)
                and not _leaves_infinitive_out(cut, rest)
            ):
                return cut
    return None


_AUXILIARY = re.compile(
    r"\b(?:is|are|was|were|has|have|had|will|would|can|could|may|might|must|shall|should|does|"
    r"do|did|says|said|say)\b",
    re.IGNORECASE,
)


def has_verb(text: str) -> bool:
    """Whether a stretch keeps a verb, so it is a statement, not a bare noun phrase."""
    return bool(past_verbs(text) or _AUXILIARY.search(text) or _PRESENT_VERB.search(text))


_PRESENT_VERB = re.compile(
    r"\b(?:[a-z]{3,}(?<![sui])s)\b(?=\s+(?:the|a|an|to|that|it|its|their|his|her|on|in|for|of|"
    r"up|out|back|down|\d))"
)
_DASH_ASIDE = re.compile(r"\s(?:-{1,2}|[–—])\s")
_SAID = re.compile(
    r"\b(?:" + "|".join(SPEECH_VERBS) + r")(?:\s+(?:reporters|journalists|lawmakers|officials|"
    r"the\s+\w+|\w+))?(?:\s+that)?\s+(?=\S)",
    re.IGNORECASE,
)


_NAME = re.compile(r"(?:[A-Z][\w’'.-]+\s+){0,3}[A-Z][\w’'.-]+")


def _inside_name(cut: str, rest: str) -> bool:
    """Whether a cut splits a proper name ("granted by the Office | for Coastal
    Repair"): the word before and the next capitalised word after the preposition."""
    last = cut.split()[-1] if cut.split() else ""
    following = re.match(r"\s*(?:for|of|and|de|del)\s+([A-Z])", rest)
    return bool(last[:1].isupper() and following)


_WANTS = re.compile(
    r"\b(?:expect|want|ask|urge|allow|order|force|tell|told|persuade|require|encourage|invite|"
    r"permit|enable|cause|press|prompt)(?:s|ed|d|ing)?\s+(?:the|a|an|its|their|his|her|our|"
    r"this|that|these|those|it|them|him|us|me|you|[A-Z][\w'’-]*)(?:\s+[\w'’-]+){0,3}$",
    re.IGNORECASE,
)
"""A verb and its object, which the cut-off infinitive was about: "expected the well"."""


_NEEDS_TO = re.compile(
    r"\b(?:wants?|wanted|got|gotten|needs?|needed|have|has|had|going|able|unable|try|tries|"
    r"tried|trying|decided?|plans?|planned|hopes?|hoped|seems?|seemed|continues?|continued|"
    r"ought|refused|failed|agreed|managed|intends?|intended|ready|likely|unlikely|"
    r"said|thought|believed|reported|understood|known|supposed|set|due|about|bound|meant|"
    r"appears?|appeared|tends?|tended)$",
    re.IGNORECASE,
)
"""Words that "to" must follow: "you've got | to allow" says nothing, nor does "a cap is now
said | to collect" (a report's "said to", "believed to", "due to")."""


def _leaves_infinitive_out(cut: str, rest: str) -> bool:
    """Whether a cut before "to" drops what the words before it were about: "it expected the
    dam | to be pronounced safe" does not say the dam was expected; "people want | to talk"."""
    return bool(re.match(r"\s*to\s", rest) and (_WANTS.search(cut) or _NEEDS_TO.search(cut)))


_RELATIVE_TAIL = re.compile(r"\b(?:which|who|that|whose|where)\s+(?:\S+\s+){0,2}\S+$")


def _only_subject(cut: str) -> bool:
    """Whether a cut is a subject with its relative clause and no main verb after it ("A mining
    firm that holds a fifth of the pit"); a main verb may follow a comma ("..., blasted")."""
    head = SUBJECT_HEAD.match(cut)
    if head is None or has_verb(cut[: head.end()] + "that"):
        return False  # "The report states that ...": a verb before "that", which opens speech
    relative = subject_relative(cut)
    if relative is None or relative.has_main:
        return False
    return not has_verb(cut[relative.end :])


def reads_whole(cut: str, rest: str = "") -> bool:
    """Whether a shortened title still reads as a whole statement.

    It keeps a verb, and not only the verb of a relative clause in its subject; it leaves
    no aside open (a bracket, or a dash pair unless the dash opens a short apposition that ends
    where `rest`, the text cut off, starts a relative clause); it does not end on an appositive
    ("BP said a ship, the Helix Producer"); and what someone said keeps its own verb ("He said the
    company" is no statement).
    """
    if not has_verb(cut) or cut.count("(") != cut.count(")"):
        return False
    if _RELATIVE_TAIL.search(cut):
        return False  # "the spill, which began": a clause cut off after its first words
    if _only_subject(cut):
        return False  # "A firm that holds a fifth of the pit": the subject, no main verb
    dashes = list(_DASH_ASIDE.finditer(cut))
    if len(dashes) % 2 and not _closing_apposition(cut[dashes[-1].end() :], rest):
        return False
    chunks = cut.split(", ")
    if len(chunks) == 2 and _NAME.fullmatch(chunks[0]):
        return False  # "Susan Spicer, one of the city's chefs": the name's aside, not its verb
    if len(chunks) > 1 and not has_verb(chunks[-1]) and has_verb(", ".join(chunks[:-1])):
        return False
    said = list(_SAID.finditer(cut))
    return not said or has_verb(cut[said[-1].end() :])


def _closing_apposition(tail: str, rest: str) -> bool:
    """Whether what follows a cut's last dash names what came before it and ends where the
    title does ("a visit to our closest ally – the United States | , where ..."), not an aside
    left open ("BP – which owns") or a list cut after its first item ("four states - Texas |,")."""
    return (
        len(tail.split()) <= 6
        and not has_verb(tail)
        and not _CLAUSE_WORD.match(tail)
        and bool(_APPOSITION_ENDS.match(rest))
    )


_CLAUSE_WORD = re.compile(r"(?:which|who|whose|where|when|while|because|as|if|although)\b", re.I)
_APPOSITION_ENDS = re.compile(r"\s*(?:,\s*(?:which|who|whom|whose|where|when)\b|[.;:!?]|$)")


def _bound(text: str, at: int) -> bool:
    """Whether the break at `at` is bound to the word before: "serves as a", "is backed by",
    "threatened by Iran" (a passive's agent)."""
    before = text[:at].split()
    if not before:
        return True
    if re.match(r"\s+as\s", text[at:]):
        return before[-1].lower() in _TIGHT_AS
    if re.match(r"\s+[a-z]{3,}ed\s+by\b", text[at:]):
        return any(word.lower() in _BE for word in before[-2:])
    if re.match(r"\s+by\s", text[at:]):
        return bool(re.fullmatch(r"[a-z]{2,}ed", before[-1]))
    return False
