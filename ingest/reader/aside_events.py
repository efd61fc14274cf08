"""A happening told in an aside about a noun, when the sentence's own clause dates nothing.

"The strike, which began on 3 March, had halted shipping for two weeks": the main clause gives
no dated event (a length of time, no date of its own), but the aside tells of one, "The strike
began on 3 March". An aside's date never dates the main clause (`reader.asides`); here it dates
the aside's own happening, titled from the noun it is about and the aside's words. Only a
comma or dash aside with a verb in the past counts ("which has 300 staff" is no happening,
"who will testify" none yet); a relative clause in the subject ("A nurse who treated him in
2009 will testify") is left alone.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import NamedTuple

from timeline.ingest.reader.anchoring import VETO, date_sentence, date_timex, looking_back
from timeline.ingest.reader.asides import (
    ORIGIN_OPENING,
    about_the_subject,
    in_aside,
    in_comparison,
    in_object_relative,
    names_a_thing,
)
from timeline.ingest.reader.clauses import tense
from timeline.ingest.reader.coordination import second_clause, shared_subject, verb_first
from timeline.ingest.reader.joined_dates import clock_only
from timeline.ingest.reader.reference import RANK, Dating, Reference
from timeline.ingest.reader.time_clauses import TIME_CLAUSE_OPENING, in_time_clause
from timeline.ingest.reader.titles import finish_title
from timeline.ingest.reader.verb_forms import past_verbs
from timeline.ingest.types import Timex

_OPENING = re.compile(r"(?:,|\s[–—-])\s+(who|which|where)\s+", re.IGNORECASE)
_AGENT_BEFORE = re.compile(r"\bby\s+$")
"""A noun after "by" is the agent of a participle, not the thing a relative clause is about."""
_RELATIVE = re.compile(r"\s(that|which|who)\s+", re.IGNORECASE)
"""A relative pronoun with no comma before it: read only where `in_object_relative` holds."""
_MAIN_VERB = re.compile(r"\s(?:is|are|am|was|were|has|have|had|will|would)\s")
"""A finite verb past a clause's first word: the sentence's main verb, the clause ended."""
_CLOSING = re.compile(r",(?!\s*\d{4})|[;:–—()“”\"]|\s-\s|[.!?]?\s*$")
"""Where an aside ends; not at the comma inside "December 30, 2006"."""
_NOT_DONE = re.compile(
    r"\b(?:would|could|might|may|should|must|can|cannot|to\s+be|has|have|since|not|never|"
    r"(?:was|were)\s+(?:to|due|set|expected|supposed))\b|n['’]t\b"
)
"""A guess, a plan ("which was to enter the Gulf by the weekend"), a denial, or a perfect or a
"since" that tells of a stretch up to now ("which has lost half its value since 20 April"): no
happening on the date. Lower case only: "May" is a month."""
_SHIFT = re.compile(r"\s*(?:after|before|later|earlier|ago)\b", re.IGNORECASE)
"""After a length of time, the date is what the happening is counted from ("who interviewed him
two days after the death on 25 June"), not its own."""
_NOT_A_VERB_FIRST = re.compile(
    r"[A-Z]|(?i:the|a|an|its|his|her|their|our|this|that|these|those|he|she|it|we|they|i|you|"
    r"many|some|most|all|critics|officials)\b"
)
"""An object relative ("which its owners say can ...", "which Mayor Okafor opened"): the noun
is not the aside's subject."""
_WORD = (
    r"(?!(?:of|in|on|at|to|for|from|with|by|and|or|but|as|into|after|before|over|than|about|"
    r"against|through|during|under|between|among|without|across|via|like)\b)"
)
_LEADING_PREPOSITION = re.compile(
    r"^(?:Under|In|On|At|For|By|From|With|After|Before|During|Since|And|But|Then)\s+(?=[A-Z])"
)
"""A sentence's first word is capitalised too: "Under Rene Preval, who" is about Rene Preval."""
_DETERMINER = re.compile(r"(?i:the|a|an|its|his|her|their|our|this|that|these|those)\s")
_NOUN_PHRASE = re.compile(
    r"(?:(?:\b(?i:the|a|an|its|his|her|their|our|this|that|these|those)|[A-Z][\w.&-]*['’]s)\s+(?:"
    + _WORD
    + r"[\w'’.&-]+\s+){0,5}"
    + _WORD
    + r"[\w'’.&-]+|(?:[A-Z][\w'’.&-]*\s+){0,4}[A-Z][\w'’.&-]*)$"
)
"""The noun phrase an aside is about, just before it: "the oil spill", "Tim Warman"."""


class AsideEvent(NamedTuple):
    """A happening an aside tells of: how it is dated and its title."""

    dating: Dating
    title: str
    first_ends: int | None = None
    """For a sentence's second clause, where its first clause ends (before ", and"): the
    sentence's own title stops there. None for an aside."""


def date_aside(
    text: str, start: int, timexes: Sequence[Timex], ref: Reference
) -> AsideEvent | None:
    """The dated happening an aside in a sentence tells of, or None.

    Args:
        text: the sentence.
        start: its offset in the article (timex offsets are article offsets).
        timexes: the timexes inside the sentence, in text order.
        ref: the article's reference dates so far (read, not changed).

    Returns:
        The first aside with a past verb and a date of its own that can be placed, dated by
        its finest such date and titled "noun + the aside's words" ("The strike began on 3
        March"); a "where" aside is titled by its own clause ("11 workers died in the blast").
    """
    for opening in _OPENING.finditer(text):
        found = _told(text, start, timexes, ref, opening, False)
        if found is not None:
            return found
    for opening in _RELATIVE.finditer(text):
        found = _told(text, start, timexes, ref, opening, True)
        if found is not None:
            return found
    for opening in ORIGIN_OPENING.finditer(text):
        found = _origin(text, start, timexes, ref, opening)
        if found is not None:
            return found
    for opening in TIME_CLAUSE_OPENING.finditer(text):
        if in_comparison(text[: opening.end()]):
            continue  # "the lowest since the council was created in 1974": a yardstick
        found = _bounding(text, start, timexes, ref, opening)
        if found is not None:
            return found
    return _second_happening(text, start, timexes, ref)


def _origin(
    text: str, start: int, timexes: Sequence[Timex], ref: Reference, opening: re.Match[str]
) -> AsideEvent | None:
    """The birth or founding a participle aside about the subject tells of ("Jobs, born in Cork
    on 2 May 1955, has built ...": "Jobs was born in Cork on 2 May 1955"), or None."""
    closing = _CLOSING.search(text, opening.end())
    end = closing.start() if closing else len(text)
    body = text[opening.end() : end]
    inside = [t for t in timexes if opening.end() <= t.start - start and t.end - start <= end]
    if not inside or about_the_subject(text[: inside[0].start - start]) != "origin":
        return None
    dating = _best(text, start, inside, ref, opening.end(), True)
    noun = _noun_before(text[max(0, opening.start() - 120) : opening.start()])
    if dating is None or noun is None:
        return None
    return AsideEvent(dating, finish_title(f"{noun} was {body}"))


def _bounding(
    text: str, start: int, timexes: Sequence[Timex], ref: Reference, opening: re.Match[str]
) -> AsideEvent | None:
    """The dated happening a clause of time tells of ("Until the leak was capped on 9 May, the
    board kept ...": "The leak was capped on 9 May"), or None: only a clause with a subject of
    its own and a past verb of its own ("prior to the vote on 3 May" names no happening)."""
    closing = _CLOSING.search(text, opening.end())
    end = closing.start() if closing else len(text)
    body = text[opening.end() : end]
    inside = [t for t in timexes if opening.end() <= t.start - start and t.end - start <= end]
    if not inside or inside[0].start - start == opening.end():
        return None  # "since July 15 when a crew fitted a cap": a day, then what it was
    if _PRONOUN_FIRST.match(body) or not _SUBJECT_FIRST.match(body):
        return None
    if not past_verbs(body) or tense(body) != "past" or _NOT_DONE.search(body):
        return None
    if any(t.type == "DURATION" and _SHIFT.match(text, t.end - start) for t in inside):
        return None
    dating = _best(text, start, inside, ref, opening.end(), True)
    title = finish_title(body)
    if dating is None or not title:
        return None
    return AsideEvent(dating, title)


_PRONOUN_FIRST = re.compile(r"(?i:it|they|he|she|we|i|you|this|that|these|those|there)\b")
"""A clause whose subject is a pronoun ("before it was capped"): no title stands alone."""
_SUBJECT_FIRST = re.compile(r"(?:(?i:the|a|an|its|their|his|her|our)\s|[A-Z])")
"""A clause that opens on its subject, a noun phrase or a name, not on a gerund."""


def _told(
    text: str,
    start: int,
    timexes: Sequence[Timex],
    ref: Reference,
    opening: re.Match[str],
    restrictive: bool,
) -> AsideEvent | None:
    """The dated happening one aside (or, when `restrictive`, a relative clause about a noun
    after the main verb: "lifted a coin that was struck in 46 BC") tells of, or None."""
    closing = _CLOSING.search(text, opening.end())
    end = closing.start() if closing else len(text)
    body = text[opening.end() : end]
    inside = [t for t in timexes if opening.end() <= t.start - start and t.end - start <= end]
    if restrictive:
        inside = [t for t in inside if in_object_relative(text, t.start - start)]
        if inside:  # no comma closes it: the clause's words end at its date, and the main
            inside = inside[:1]  # verb and its own date may come after
            body = text[opening.end() : inside[0].end - start]
            if _MAIN_VERB.search(body, len(body.split(maxsplit=1)[0])):
                return None  # "... who died aboard the rig are flying on Wednesday": the date
                # is the main verb's, after the clause ended
    if not inside or tense(body) != "past" or _NOT_DONE.search(body):
        return None
    if any(t.type == "DURATION" and _SHIFT.match(text, t.end - start) for t in inside):
        return None
    dating = _best(text, start, inside, ref, opening.end(), restrictive)
    title = _title(text, opening, body)
    if dating is None or title is None:
        return None
    return AsideEvent(dating, title)


def _second_happening(
    text: str, start: int, timexes: Sequence[Timex], ref: Reference
) -> AsideEvent | None:
    """The second dated happening of a sentence that dates two, titled by its own clause."""
    split = second_clause(text, start, timexes)
    if split is None or in_time_clause(text[:split]):
        return None  # "since the barge burned and went down on 3 May": the clause of time's
    clause = text[split:]
    inside = [t for t in timexes if t.start - start >= split]
    dating = date_sentence(clause, start + split, inside, ref, True)
    if dating is None or dating.date is None or dating.basis == "report":
        return None
    if verb_first(clause):  # "..., and sold the press in 2001": the first clause's subject
        subject = shared_subject(text[:split], clause)
        if subject is None:
            return None
        clause = f"{subject} {clause}"
    joint = _JOINT_BEFORE.search(text[:split])
    return AsideEvent(dating, finish_title(clause), joint.start() if joint else split)


_JOINT_BEFORE = re.compile(r"(?:,?\s+(?:and|but|while)\s+(?:then\s+|later\s+)?|;\s+)$")
"""The words that join a second clause to the first, read back from where it begins."""


def _best(
    text: str, start: int, inside: Sequence[Timex], ref: Reference, opens: int, restrictive: bool
) -> Dating | None:
    """The finest date the aside's own expressions give, counted as a past sentence's would:
    the aside from `opens` on is read as a clause of its own ("announced it will replace X,
    which was released in 2009": no plan inside a report)."""
    best: Dating | None = None
    years: set[str] = set()
    for timex in inside:
        before = looking_back(text, timex.start - start)
        if timex.type not in ("DATE", "TIME") or not (restrictive or in_aside(before)):
            continue
        if clock_only(timex):
            continue
        if names_a_thing(before, timex.text, text[timex.end - start :]):
            continue  # "a report on the April 20 accident": which accident, not when
        found = date_timex(text[opens:], start + opens, timex, ref, "past")
        date = found.date if found is not None and found is not VETO else None
        if found is None or date is None:
            continue
        years.add(date.start[:4])
        if best is None or best.date is None or RANK[date.precision] > RANK[best.date.precision]:
            best = found
    return best if len(years) == 1 else None  # "50 years ago this month": which one is unclear


def _title(text: str, opening: re.Match[str], body: str) -> str | None:
    """Title an aside's happening: the noun it is about and its words, without the pronoun."""
    if opening[1].lower() == "where":
        return finish_title(body)
    if _NOT_A_VERB_FIRST.match(body):
        return None
    head = text[max(0, opening.start() - 120) : opening.start()]
    noun = _noun_before(head)
    if noun is None:
        return None  # no noun just before ("in 2009, which"): not an aside about one
    if _AGENT_BEFORE.search(head[: head.rstrip().rfind(noun.split()[0])]):
        return None  # "the rig operated by BP that exploded": BP is not what exploded
    return finish_title(f"{noun} {body}")


def _noun_before(head: str) -> str | None:
    """The noun phrase that ends a stretch of text, the shortest one that is whole: "the oil
    spill", "BP's share price", "Attorney General Eric Holder" (a name whole, not "Holder")."""
    starts = [m.start() for m in re.finditer(r"(?<!\S)\S", head)]
    for index in range(len(starts) - 1, -1, -1):
        phrase = head[starts[index] :]
        if not _NOUN_PHRASE.fullmatch(phrase):
            continue
        if _DETERMINER.match(phrase) or index == 0 or not head[starts[index - 1]].isupper():
            return _LEADING_PREPOSITION.sub("", phrase.strip()) or None
    return None
