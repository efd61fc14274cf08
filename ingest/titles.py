"""Cut a short title from an event's sentence."""

from __future__ import annotations

import re
from collections import Counter

from ingest.speech import reported_speech, speech_title

TITLE_MAX = 80
"""Longest title we cut from a sentence, in characters."""


_LEADING_ADVERBIAL = re.compile(
    r"^(?:(?:upon|after|following|during|before|on|in|at|earlier|later|last|this|since|by|"
    r"while|when|as|amid|with|according\s+to|meanwhile|then|now|today|yesterday)\b[^,]{0,70}|"
    r"[^\w]{0,3}),\s+",
    re.IGNORECASE,
)
_PARENTHETICAL = re.compile(r"\s*\(([^()]*)\)")
_APPOSITIVE_DASH = re.compile(
    r"\b(to|from|in|with|for|by)\s+(?:(?!\b(?:to|from|in|with|for|by)\b)[^–—.]){1,50}?\s[–—]\s+"
    r"(?=(?:the\s+)?[A-Z])"
)
_CLAUSE_END = re.compile(
    r",\s+(?:which|who|whom|where|when|while|making|as|but|after|before|amid|said|says|"
    r"according|including|[a-z]+ing)\b|;|\s[–—]\s|\s--\s|\s+including\b|"
    r",?\s+[“\"]",
)
_FILLER = re.compile(r"\s+(?:also|just|recently|then|later|previously|meanwhile|now)\b")
_DANGLING = re.compile(
    r"(?:[\s,:]+(?:that|and|or|the|a|an|to|of|with|will|would|has|have|had|be|is|are|was|"
    r"were|by|for|in|on|at|as|its|their|his|her))+\s*$",
    re.IGNORECASE,
)
_PREPOSITION_BEFORE = re.compile(
    r"(?:\b(?:in|on|at|by|from|of|since|until|through|as\s+of|during)\s+(?:the\s+)?(?:year\s+)?)?$",
    re.IGNORECASE,
)
FIRST_SINCE = re.compile(r"\bfirst\s+(time\s+)?(?:that\s+)?(.{5,}?)\s+since\s*$", re.IGNORECASE)


def cut_title(
    sentence: str,
    date_span: tuple[int, int] | None = None,
    actor: str | None = None,
) -> str:
    """Cut a short "who did what" title from a sentence.

    Args:
        sentence: the sentence.
        date_span: offsets, within the sentence, of the date expression to leave out.
        actor: who "I" is in a quoted first-person sentence (the article's main person).

    Returns:
        At most TITLE_MAX characters: the main clause without its leading adverbial, date,
        parentheticals, trailing clauses and attribution.
    """
    text = sentence
    if date_span is not None:
        before = text[: date_span[0]]
        since = FIRST_SINCE.search(before)
        if since:
            # "the first visit ... since 2012" dates the previous visit, in 2012
            return finish_title(("Last time " if since[1] else "Last ") + since[2], actor)
        before = _PREPOSITION_BEFORE.sub("", before)
        text = before.rstrip() + " " + text[date_span[1] :].lstrip()
        text = re.sub(r"\s+([,;:.])", r"\1", text)
    return finish_title(text, actor)


def finish_title(text: str, actor: str | None) -> str:
    """Apply the clean-up rules shared by every title, then cut it to length."""
    text = " ".join(text.split()).strip(" ,")
    for _ in range(2):
        stripped = _LEADING_ADVERBIAL.sub("", text, count=1)
        if len(stripped.split()) >= 3:
            text = stripped
    text = _PARENTHETICAL.sub(_keep_short_parenthetical, text)
    text = _APPOSITIVE_DASH.sub(r"\1 ", text)
    speech = reported_speech(text)
    if speech is not None:
        text = speech_title(*speech)
    else:
        clause = _CLAUSE_END.search(text, 15)
        if clause:
            text = text[: clause.start()]
        text = re.sub(r"[“”\"]", "", text)
        if actor:
            text = _as_actor(text, actor)
    text = _FILLER.sub("", text)
    text = re.sub(r"\b(\w+)\s+\1\b", r"\1", text, flags=re.IGNORECASE)
    text = _tidy_end(text)
    text = text[:1].upper() + text[1:]
    return shorten_title(text)


def _as_actor(text: str, actor: str) -> str:
    """Put the named person in place of an opening "I" ("I have just returned" -> "X returned")."""
    return re.sub(
        r"^I\s+(?:have\s+|had\s+|'ve\s+|’ve\s+)?(?:just\s+|recently\s+)?", actor + " ", text
    )


_VAGUE_TAIL = re.compile(
    r"\s+(?:to|for|of|on|about|in|with|from|by)\s+(?:this|that|it|them|these|those)\s*$",
    re.IGNORECASE,
)


def _tidy_end(text: str) -> str:
    """Drop what cannot end a title: punctuation, a dangling function word, "to this"."""
    for _ in range(2):
        text = _DANGLING.sub("", text.rstrip(" .,;:!?")).strip(" ,")
        text = _VAGUE_TAIL.sub("", text)
    return text


# -- reported speech ------------------------------------------------------------------------


TITLE_MIN = 30
"""Shortest title a natural cut may leave, in characters; shorter, we cut at a word instead."""

_CLAUSE_BREAK = re.compile(
    r"\s*[,;]\s|\s+[–—-]{1,2}\s|\s+(?=(?:which|who|whom|whose|where|while|whereas|because|"
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


def shorten_title(text: str) -> str:
    """Cut a title longer than TITLE_MAX where a clause or phrase begins, so it reads complete.

    A clause boundary (a comma, a dash, "which", "while", a relative "that will") is preferred
    over a phrase boundary (a preposition before its noun phrase, a participle "backed by"), and
    that over a loose one (an infinitive "to", "in cooperating"); the cut is the last one that
    still fits and leaves at least TITLE_MIN characters. With none, the title is cut at a word
    and ends with "…".
    """
    if len(text) <= TITLE_MAX:
        return text
    for pattern in (_CLAUSE_BREAK, _PHRASE_BREAK, _LOOSE_BREAK):
        cuts = [
            m.start()
            for m in pattern.finditer(text)
            if TITLE_MIN <= m.start() <= TITLE_MAX and not _bound(text, m.start())
        ]
        if cuts:
            cut = _tidy_end(text[: cuts[-1]])
            if len(cut) >= TITLE_MIN:
                return cut
    return text[: TITLE_MAX - 1].rsplit(" ", 1)[0].rstrip(" ,;:") + "…"


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


def _keep_short_parenthetical(match: re.Match[str]) -> str:
    """Keep an acronym-like parenthetical "(MOU)", drop asides, figures and "(Ret.)"."""
    inner = match.group(1)
    if len(inner) <= 8 and inner.isupper() and inner.isalpha():
        return match.group(0)
    return ""


_ROLE_NAME = re.compile(
    r"\b(?:Ministers?|President|Premier|Secretary|Chancellor|Ambassador|General|Gen\.|Senator|"
    r"Governor|Mayor|Mr\.|Ms\.|Mrs\.|Dr\.|King|Queen|Prince|Chairman|Chairwoman|CEO|leader|"
    r"spokesman|spokeswoman|spokesperson)\s+((?:[A-Z][\w’'-]+\s+){0,2}[A-Z][\w’'-]+)"
)


def main_actor(text: str) -> str | None:
    """The person an article is mostly about: the surname most often named after a role."""
    names = Counter(match.group(1).split()[-1] for match in _ROLE_NAME.finditer(text))
    return names.most_common(1)[0][0] if names else None
