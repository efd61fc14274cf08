"""How alike two mentions' words are: TF-IDF cosine over content words, plus names and numbers.

Plain Python on purpose (no scikit-learn): a batch of a few thousand sentences is small, and the
app's start-up must stay light. Names are capitalised words not at the start of the sentence;
numbers are digit runs; both are kept apart from the plain words because sharing them is the
strongest sign two sentences tell one happening.
"""

from __future__ import annotations

import functools
import math
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

from timeline.store.dates import MONTH_NAMES, WEEKDAY_NAMES

_TOKEN = re.compile(r"[A-Za-z][A-Za-z0-9'\-]*[A-Za-z0-9]|\d[\d,.]*\d|\d")
_STOP = frozenset(
    "a about above after again against all also am an and any are as at be because been before "  # noqa: SIM905
    "being below between both but by can could did do does doing down during each few for from "
    "further had has have having he her here hers herself him himself his how i if in into is it "
    "its itself just me more most my myself no nor not now of off on once only or other our ours "
    "out over own said same say says she should so some such than that the their theirs them then "
    "there these they this those through to too under until up very was we were what when where "
    "which while who whom why will with would you your yesterday today tomorrow week weeks "
    "month months year years day days last next earlier later told according mr mrs ms one two "
    "new us since news reported".split()
) | {name.lower() for name in (*WEEKDAY_NAMES, *MONTH_NAMES)}
"""Function words, and date words: the date is compared apart, so it must not count twice."""

_NAME_GOES_ON = re.compile(r"\s+[A-Z][a-z]")
"""A capitalised word at a sentence's start is a name's first word when another follows it
("Mayor Okafor said"), not a common word that happens to open the sentence."""
NAME_WEIGHT = 2.0
"""How much more a shared name or number weighs than a shared plain word of the same rarity."""


@dataclass(frozen=True, slots=True)
class Terms:
    """A mention's content terms: plain words (stemmed), and names and numbers ('#' prefixed);
    a name is only a name, so that sharing one counts once."""

    words: frozenset[str]
    marks: frozenset[str]

    def all(self) -> frozenset[str]:
        """Every term, words and marks together."""
        return self.words | self.marks


_NOUN_OF_DEED = (("ssion", "ss"), ("sion", "d"), ("ion", ""), ("ment", ""), ("ure", ""), ("al", ""))
"""Endings that make a noun of a deed, with what the verb's stem ends in instead: 'explosion'
and 'exploded' meet at 'explod', 'evacuation' and 'evacuated' at 'evacuat', 'agreement' and
'agreed' at 'agre', 'failure' and 'failed' at 'fail', 'arrival' and 'arrived' at 'arriv'."""
_DEED_BEFORE = {
    "ion": ("t",),
    "ure": ("il", "os", "rt", "iz"),
    "al": ("v", "s", "w", "i"),
}
"""The letters an ending must follow to be a deed's noun: 'failure' but not 'culture',
'refusal' but not 'general', 'election' but not 'union'."""


def _stem(word: str) -> str:
    """A crude suffix cut so that 'spills', 'spilled' and 'spilling' meet, and a deed's noun
    meets its verb ('the explosion' and 'exploded'): two sources tell one happening either way."""
    for suffix in ("ing", "ed", "es", "s"):
        if len(word) > len(suffix) + 3 and word.endswith(suffix):
            word = word[: -len(suffix)]
            break
    for ending, verb_end in _NOUN_OF_DEED:
        root = word[: -len(ending)]
        if (
            word.endswith(ending)
            and len(root) >= 4
            and root.endswith(_DEED_BEFORE.get(ending, ("",)))
        ):
            return _without_e(root + verb_end)
    return _without_e(word)


def _without_e(stem: str) -> str:
    """A stem without a closing silent 'e', so 'explode' meets 'exploded' at 'explod'."""
    return stem[:-1] if len(stem) > 4 and stem.endswith("e") else stem


@functools.lru_cache(maxsize=1 << 16)
def terms(text: str) -> Terms:
    """Content terms of a sentence (title and quote together are fine)."""
    words: set[str] = set()
    marks: set[str] = set()
    at_start = True
    for match in _TOKEN.finditer(text):
        token = match.group()
        lower = token.lower().removesuffix("'s").removesuffix("'")
        before = text[max(0, match.start() - 2) : match.start()]
        starts = at_start or any(mark in before for mark in '.!?"“:')
        at_start = False
        if token[0].isdigit():
            number = token.replace(",", "").rstrip(".")
            small = number.isdigit() and int(number) < 32
            if not small and not (len(number) == 4 and number[:2] in ("19", "20")):
                marks.add("#" + number)  # a year or day of the month is a date: compared apart
            continue
        if lower in _STOP or len(lower) < 3:
            continue
        acronym = token.isupper() and len(token) > 1
        in_name = starts and token[0].isupper() and _NAME_GOES_ON.match(text, match.end())
        if acronym or in_name or (token[0].isupper() and not starts):
            marks.add("#" + lower)  # a name counts once, as a name
        else:
            words.add(_stem(lower))
    return Terms(frozenset(words), frozenset(marks))


class Weights:
    """Inverse document frequency over a batch of mentions' terms, and unit TF-IDF vectors."""

    def __init__(self, batch: Iterable[Terms]) -> None:
        """Count in how many of the batch's mentions each term occurs."""
        counts: Counter[str] = Counter()
        size = 0
        for item in batch:
            size += 1
            counts.update(item.all())
        self.size = size
        self.counts = counts

    def idf(self, term: str) -> float:
        """Smoothed inverse document frequency of a term."""
        return math.log((1 + self.size) / (1 + self.counts.get(term, 0))) + 1.0

    def vector(self, item: Terms) -> dict[str, float]:
        """The unit-length weighted vector of a mention's terms (names weigh more)."""
        raw = {term: self.idf(term) for term in sorted(item.words)}
        for term in sorted(item.marks):
            raw[term] = self.idf(term) * NAME_WEIGHT
        norm = math.sqrt(sum(value * value for value in raw.values()))
        return {term: value / norm for term, value in raw.items()} if norm else {}


def cosine(left: dict[str, float], right: dict[str, float]) -> float:
    """Cosine of two unit vectors, summed in sorted term order so that it repeats exactly."""
    if len(left) > len(right):
        left, right = right, left
    return sum(left[term] * right[term] for term in sorted(left) if term in right)


def shared_words(left: Terms, right: Terms) -> int:
    """How many plain content words (what happened, not who or how many) two mentions share."""
    return len(left.words & right.words)


def shared_marks(left: Terms, right: Terms) -> int:
    """How many names and numbers two mentions share."""
    return len(left.marks & right.marks)
