"""The name the sentences before give a thing a description stands for: "the Macondo well" for
"The well", "singer Ada Velk" for "The singer", the one company named as such for "The firm"."""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence

from timeline.ingest.reader.people import (
    HONORIFIC,
    NOT_FIRST_NAMES,
    people_named,
)

DESCRIPTION_LOOK_BACK = 8
"""Sentences before a title's own in which the name of a thing it describes is looked for."""

_NAME_WORD = r"[A-Z][\w'’.&-]*"

_NOT_NAME_WORDS = NOT_FIRST_NAMES - frozenset(
    str.split("Gulf Coast Guard White House Red Cross National United British American")
)


def _clean_name(name: str) -> str | None:
    """A candidate name without a leading function word; None when nothing of a name is left."""
    words = name.split()
    while words and words[0] in ("The", "A", "An", "In", "On", "At", "But", "And", "As", "By"):
        words = words[1:]
    if words and len(words[-1]) > 2:
        words[-1] = words[-1].rstrip(".,")  # a sentence's full stop, not an initial's
    if not words or all(word in _NOT_NAME_WORDS or _DESCRIBING.fullmatch(word) for word in words):
        return None
    return " ".join(words)


_DESCRIBING = re.compile(r"[\w'’.]+-[a-z]+")
"""A capitalised word that describes, not names: "Haitian-born", "UK-based"."""


@functools.lru_cache(maxsize=512)
def _naming_patterns(noun: str) -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    """The three ways a sentence names a noun (`names_for`), compiled once per noun: the nouns
    are a few hundred words, and compiling them per sentence was a fifth of an article's
    reading."""
    word = rf"(?i:{re.escape(noun)})"
    before = rf"(?<![\w.])((?:{_NAME_WORD}\s+){{1,3}}){word}\b"
    after = rf"(?<![\w-]){word},?\s+(?:the\s+)?({_NAME_WORD}(?:\s+{_NAME_WORD}){{0,2}})"
    apposed = (
        rf"({_NAME_WORD}(?:\s+{_NAME_WORD}){{0,3}}),\s+(?i:the|a|an)\s+(?:[\w-]+\s+){{0,3}}"
        rf"{word}\b"
    )
    return re.compile(before), re.compile(after), re.compile(apposed)


def names_for(noun: str, sentence: str) -> dict[str, bool]:
    """The names a sentence gives a noun, each with whether it stands before the noun: "the
    Macondo well" (before), "singer Ada Velk", "Ada Velk, the singer", "the museum, the Orvik
    Hall," (after)."""
    found: dict[str, bool] = {}
    before, after, apposed = _naming_patterns(noun)
    for match in before.finditer(sentence):
        found[match.group(1).strip()] = True
    for match in after.finditer(sentence):
        found.setdefault(match.group(1), False)
    for match in apposed.finditer(sentence):
        found.setdefault(match.group(1), False)
    named = {}
    for name, first in found.items():
        clean = _clean_name(name)
        if clean is not None:
            named[clean] = first
    return named


ORGANISATION_NOUNS = frozenset(
    str.split("company firm giant corporation conglomerate multinational")
)
"""Heads of a description of a company ("The firm", "The oil giant"), which a sentence before
may name without the word ("Velk Oil Plc", "Velk Oil's shares")."""

_ORG_WORD = r"[A-Z][\w.&-]*"

_ORG = rf"(?P<name>{_ORG_WORD}(?:\s+{_ORG_WORD}){{0,3}})"

_AS_COMPANY = re.compile(
    rf"\b(?:[Ss]hares|[Ss]takes?)\s+in\s+{_ORG.replace('name', 'holding')}"
    rf"|{_ORG}(?:\s+(?:Plc|plc|PLC|Inc|Corp|Ltd|LLC|AG|SA|NV)\b"
    r"|\s*\((?:[A-Z][A-Za-z]{1,8}:\s*)?[A-Z0-9]{1,6}(?:\.\s?[A-Z]{1,2})?\)"
    r"|['’]s\s+(?:shares?|share\s+price|stock|chief\s+(?:executive|\w+\s+officer)|board|"
    r"chairman|spokes(?:man|woman|person)|profits?|dividends?|market\s+(?:value|capitali[sz]ation)|"
    r"shareholders|investors|headquarters|subsidiary)\b"
    r"|\s+(?:shares|stock)\s+(?:fell|rose|were|have|had|are|[a-z]{3,}ed)\b"
    r"|\s+(?:said|reported|announced|posted)\s+(?:(?:on\s+\w+\s+)?that\s+)?its\s+"
    r"(?:[a-z-]+\s+){0,2}?(?:profits?|revenues?|sales|earnings|losses|turnover|shares)\b)"
)
"""A name written as a company's: "Velk Oil Plc", "Velk Oil (VLK. L)", "Velk Oil's shares",
"Velk Oil shares fell", "shares in Velk Oil", "Velk Oil said its quarterly profit ..."."""

_TOLD_BY_COMPANY = re.compile(
    rf"^\W*{_ORG}\s+(?:[a-z]\S*\s+)[^,;]*,\s+the\s+(?:[a-z-]+\s+){{0,2}}"
    rf"(?:{'|'.join(ORGANISATION_NOUNS)})\s+(?:has\s+|had\s+)?"
    r"(?:said|says|confirmed|announced|admitted|revealed|added)\b"
)
"""A sentence whose subject is a name its company's noun speaks for at its end: "Velk Oil could
cut its payout, the energy giant has confirmed"."""


def _organisations(sentence: str) -> set[str]:
    """The companies a sentence names as such (`_AS_COMPANY`, or in apposition to a company's
    noun: "Velk Oil, the energy giant"), never "Mr Velk"."""
    found: set[str] = set()
    for match in _AS_COMPANY.finditer(sentence):
        if re.match(HONORIFIC + r"\s", match["name"] or match["holding"]):
            continue  # "Mr Velk's shares": a person's
        words = (match["name"] or match["holding"]).split()
        while words and words[0] in _NOT_NAME_WORDS | {"Shares", "Earlier", "Later"}:
            words = words[1:]  # "On Monday Velk Oil shares fell": the day is no part of it
        name = _clean_name(" ".join(words))
        if name is not None:
            found.add(name)
    told = _TOLD_BY_COMPANY.match(sentence)
    if told is not None and not people_named(told["name"]):
        name = _clean_name(told["name"])
        if name is not None:
            found.add(name)  # "Velk Oil could cut its payout, the energy giant said"
    for noun in ORGANISATION_NOUNS:
        if re.search(rf"\b{noun}\b", sentence, re.IGNORECASE):
            for name in names_for(noun, sentence):
                if not re.match(HONORIFIC + r"\s", name):
                    found.add(name)
    return found


PERSON_NOUNS = frozenset(
    str.split(
        "singer star actor actress president minister secretary chief executive official director "
        "chairman chairwoman leader mayor governor senator judge commander admiral general captain "
        "officer author writer player coach manager founder owner boss head premier king queen "
        "prince princess pope bishop lawyer attorney engineer scientist expert analyst researcher "
        "worker victim driver pilot doctor surgeon nurse teacher student musician rapper artist "
        "comedian presenter host reporter journalist economist witness suspect wife husband son "
        "daughter father mother brother sister envoy ambassador diplomat candidate investigator "
        "inspector campaigner activist resident fisherman survivor master keeper member adviser "
        "advisor aide deputy partner fan boy girl child"
    )
)
"""Heads that describe a person ("The singer", "The former harbour master"): a name for them is a
person's; any other head's name is not."""


def fits(noun: str, name: str) -> bool:
    """Whether a name can be what a description's head stands for: a person's name for a
    person ("The singer [Ada Velk]"), never for a thing ("The letter [Ole Brandt]"), and no
    institution's for a person ("The official [Report]")."""
    person_noun = noun in PERSON_NOUNS or noun.endswith(("ist", "ian", "man", "woman", "person"))
    words = name.split()
    if person_noun:
        return not any(word in NOT_FIRST_NAMES or word.isupper() for word in words)
    return not (people_named(name) or re.match(HONORIFIC + r"\s", name))


def company_for(before: Sequence[str]) -> str | None:
    """The company a description stands for: of the companies the article has named as such so
    far, the one the nearest sentence before mentions (two there: no guess), else the only one
    it has named."""
    known: set[str] = set()
    for sentence in before:
        known |= _organisations(sentence)
    for sentence in reversed(list(before)[-DESCRIPTION_LOOK_BACK:]):
        named = {name for name in known if re.search(rf"(?<![\w-]){re.escape(name)}\b", sentence)}
        named = {name for name in named if not any(name in other for other in named - {name})}
        if len(named) > 1:
            return None  # "Velk Oil blamed Orvik Gas": which is meant is not ours to guess
        if named:
            return named.pop()
    return next(iter(known)) if len(known) == 1 else None  # the article's one company


def nearest_name(noun: str, recent: Sequence[str]) -> tuple[str, bool] | None:
    """The name the nearest sentence naming a noun gives it, with whether it stands before the
    noun; None when none does, or that sentence gives it two."""
    for sentence in reversed(recent):
        names = names_for(noun, sentence)
        if len(names) > 1:
            return None  # two names for one noun: which is meant is not ours to guess
        if names:
            return next(iter(names.items()))
    return None


def only_name(noun: str, before: Sequence[str]) -> tuple[str, bool] | None:
    """The one name the whole article so far gives a noun ("the Ardmoor Flood Commission" long
    before "The commission ruled", "singer Ada Velk" before "The singer"), however far back:
    a person's, or a thing's whose name holds the noun ("the Macondo well" is no relief well's,
    "the commission, Velk Oil" no commission's); None when it gives none or more than one."""
    person = noun in PERSON_NOUNS
    found: dict[str, bool] = {}
    for sentence in before:
        for kin in STAGE_NOUNS if noun in STAGE_NOUNS else (noun,):
            for name, first in names_for(kin, sentence).items():
                titled = re.search(rf"\b{re.escape(name)}\s+{noun.capitalize()}\b", sentence)
                if person or (titled and len(name.split()) > 1):
                    found.setdefault(name, first if kin == noun else False)
    return next(iter(found.items())) if len(found) == 1 else None


STAGE_NOUNS = frozenset(
    str.split("singer star actor actress musician rapper artist comedian entertainer performer")
)
"""Trades one famous person is called by in turn ("musician Ada Velk" ... "The star said"): a
name given under any of them names the others, when the article gives only one."""
