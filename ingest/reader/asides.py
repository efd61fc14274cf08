"""Where a date expression stands in its sentence: in an aside, a relative clause, a comparison,
a quotation or a plan's aim, so that it tells of something other than what the sentence reports.

The anchoring model (`ingest.reader.anchoring`) asks these before it lets an expression date a
sentence: "Obi, who joined in August, scored on Saturday" is dated by Saturday; "A nurse who
treated him in 2009 will testify" is not dated by 2009. Small regexes, no parser; each looks
at most a few hundred characters back, so a long line costs no more than a short one.
"""

from __future__ import annotations

import bisect
import functools
import re

from timeline.ingest.reader.relatives import subject_relative
from timeline.ingest.reader.verb_forms import FINITE, past_verbs
from timeline.store.dates import MONTH_NAME, MONTH_WORD

_ASIDE = re.compile(
    r",\s+(?:who|which|whose|where)\b[^,;–—()]*$|"
    r"\s[–—-]\s+(?:who|which|whose|where)\b(?:(?!\s-\s)[^,;–—()])*$"
)
"""A relative aside still open: not closed by a comma or a dash, nor, when a spaced hyphen opened
it, by another ("The test - which took a week - ended on Monday": Monday is the main clause's)."""
_PARTICIPLE_ASIDE = re.compile(
    r",\s+(?:(?:first\s+)?[a-z]{3,}ed|built|born|founded|made|set\s+up|begun)\b[^,;–—()]*$"
)
"""An aside about a noun, still open where an expression stands ("X, who joined in August")."""
_COMPARED = re.compile(
    r"(?:\b(?:up|down)\s+from|\bcompared\s+(?:with|to)|"
    r"\bthe\s+(?:\w+est|most|least|first)\s+(?:[\w-]+\s+){0,3}?since)\b[^,;]*$|"
    r"\bthan\s+(?:(?:in|during|at|on|over|for|by|around|the\s+same)\b[^,;.]{0,40})?$|"
    r"\bthan\s+(?:those|that|the|its|their|his|her|"
    r"any|anything|anyone|ever|victims?|people)\b[^,;.!?]{0,80}?\b(?:of|in|during|after|since|"
    r"from)(?:\s+the)?\s*$",
    re.IGNORECASE,
)
"""A yardstick still open: "up from", "compared with", "the worst spill since", "than in",
"than" right before the expression ("higher than last year"), or "than" and the thing measured
against, dated by its own "of", "in" or "after" ("more generous than those paid after the
2019 floods"); not a quantity ("more than 30 died on Tuesday") nor the main clause's day
after a whole comparison ("lower than hoped on Sunday")."""
_QUOTATION = re.compile(r"[“\"]([^“”\"]*)[”\"]")
WINDOW = 300
"""How far back an aside may open: an aside is short, and a long run-on line must not cost
its square."""


def _in(before: str, pattern: re.Pattern[str]) -> bool:
    """Whether an expression stands inside an aside that pattern finds still open before it.

    A comma that closes an earlier aside ("Its leader, Gregor Pike, resigned on Sunday") opens
    the main clause instead: an odd number of commas before it means it is such a closing one.
    """
    window = before[-WINDOW:]
    found = pattern.search(window)
    if found is None:
        return False
    head = _QUOTATION.sub("", before[: len(before) - len(window) + found.start()])
    return head.count(",") % 2 == 0  # commas inside a quotation do not open asides


def in_aside(before: str) -> bool:
    """Whether what precedes an expression leaves it in a relative aside ("X, who joined in")."""
    return _in(before, _ASIDE)


def in_participle_aside(before: str) -> bool:
    """Whether it stands in a participle aside about a noun ("Jobs, born on 24 February")."""
    return _in(before, _PARTICIPLE_ASIDE)


def about_the_subject(before: str) -> str | None:
    """How a participle aside an expression stands in describes the sentence's subject, with no
    verb before it: "origin" for a birth or a founding ("The Kell Trust, founded in 1971,
    launched ..."), whose date is never the main clause's; "other" for any other ("The cap,
    installed on Monday, is ..."), whose date serves only when the sentence has none of its own.
    None after a verb ("He was arrested, charged on Tuesday"): it may tell what is reported."""
    window = before[-WINDOW:]
    found = _PARTICIPLE_ASIDE.search(window)
    if found is None:
        return None
    head = before[: len(before) - len(window) + found.start()]
    if FINITE.search(head) or past_verbs(head):
        return None
    return "origin" if ORIGIN_OPENING.match(window, found.start()) else "other"


ORIGIN_OPENING = re.compile(
    r",\s+(?=(?:first\s+)?(?:born|founded|established|formed|set\s+up|incorporated|created|"
    r"built)\b)"
)
"""A participle aside that tells where a thing or a person comes from: background to any news,
and a dated happening of its own (`aside_events`)."""


def in_comparison(before: str) -> bool:
    """Whether it is the yardstick of a comparison ("up from 14 in 2018", "the worst slump
    since the mill closed in 1987", "higher than in 2019")."""
    return bool(_COMPARED.search(before[-WINDOW:]))


_MEASURED_AGAINST = re.compile(
    r"\b(?:than(?!\s+(?:\d|about|around|some|nearly|almost|over|half|twice|double|one|two|three|"
    r"four|five|six|seven|eight|nine|ten|a\s+(?:third|quarter|half|dozen|hundred|thousand|million|"
    r"billion)\b))|surpass\w*|eclips\w*|exceed\w*|rival\w*|dwarf\w*|outstrip\w*|overtak\w*|"
    r"outdo\w*|outnumber\w*|compar\w+\s+(?:with|to)|(?:as|so)\s+\w+\s+as|similar\s+to|"
    r"reminiscent\s+of|akin\s+to)\b[^,;:.!?]{0,80}$",
    re.IGNORECASE,
)


def measured_against(before: str) -> bool:
    """Whether a date that names a thing names the yardstick of a comparison: "could eclipse
    the 1989 spill", "worse than the 2004 tsunami". The sentence tells of now, never of the
    yardstick's year ("more than 300 died in the 2004 tsunami" compares numbers, not events)."""
    return bool(_MEASURED_AGAINST.search(before[-WINDOW:]))


_ATTRIBUTION = re.compile(
    r"\baccording\s+to\b(?:(?!\b(?:is|are|was|were|has|have|had|will|said|says)\b)"
    r"[^,;:“”\"]){0,80}$",
    re.IGNORECASE,
)
_NAMING_YEAR = re.compile(r"(?:\b(?:the|a|an|its|his|her|their|our|this|that)|['’]s)\s+$", re.I)


def in_attribution(before: str) -> bool:
    """Whether it dates the source, not the happening: "according to figures released April 3"."""
    return bool(_ATTRIBUTION.search(before[-WINDOW:]))


_NAMING_DATE = re.compile(
    r"\d{4}|\d{1,2}(?:st|nd|rd|th)?\s+[A-Z][a-z]+\.?(?:,?\s+\d{4})?|"
    r"[A-Z][a-z]+\.?\s+\d{1,2}(?:st|nd|rd|th)?(?:,?\s+\d{4})?|"
    rf"{MONTH_NAME}"
)
"""A bare year, a day of a month or a month, the forms that stand before a noun as its name
("the April blowout", "a court's June order")."""
_LEADING_DETERMINER = re.compile(r"(?i:the|this|that|its|their|his|her|our)\s+")
_NOUN_AFTER = re.compile(
    r"\s+(?!(?:he|she|it|we|they|i|you|the|a|an|and|or|but|when|as|at|in|on|to|by|for|of|with|"
    r"was|were|is|are|had|has|will|would)\b)[a-z]"
)
"""A lower-case word that can be the noun a date names ("gig", "vote"), not a new clause."""


_POSSESSIVE_DATE = re.compile(r"['’]s\s+(?:[a-z-]+\s+){0,3}?[a-z-]{3,}")
"""A date that owns a noun: "last Tuesday's landslide", "April's blast"."""
_NAMED_BY_YEAR = re.compile(
    rf"\b(?!(?i:{MONTH_WORD}|spring|summer|autumn|fall|winter|end|start|half)\b)[A-Z][a-z]+\s+of\s+$"
)
"""A name closed by "of" and a year: "the Harbour Safety Act of 1990"."""


def names_a_thing(before: str, expression: str, after: str) -> bool:
    """Whether a date only says which thing is meant ("eclipsed the 1989 disaster", "the
    company's 2010 conference", "the 8 October gig", "last Tuesday's landslide", "the Safety
    Act of 1990"): it dates the thing, not what the sentence reports of it."""
    text = expression.strip()
    opening = _LEADING_DETERMINER.match(text)  # the tagger may take "the" into the expression
    if opening:
        before, text = before + opening.group(), text[opening.end() :]
    if _POSSESSIVE_DATE.match(after):
        return True
    if re.fullmatch(r"\d{4}", text) and _NAMED_BY_YEAR.search(before[-40:]):
        return True
    if not (_NAMING_DATE.fullmatch(text) and _NAMING_YEAR.search(before[-20:])):
        return False
    if re.fullmatch(r"\d{4}", text):
        return bool(re.match(r"\s+[A-Za-z]", after))
    if text[-4:].isdigit() and after.startswith(","):
        after = after[1:]  # "the Sept. 11, 2031, attacks": the comma that closes a year
    return bool(_NOUN_AFTER.match(after))


_NAMER = re.compile(
    r"(?:\b(?i:the|a|an|its|his|her|their|our|this|that)|(?:[A-Z][\w.&-]*\s+){0,3}[A-Z][\w.&-]*['’]s)"
    r"\s+$"
)
"""What opens a noun phrase before the date that names its thing: "the", "BP's"."""
_PLACING = re.compile(
    r"(?:^|[,;:“”\"(–—]|\b(?i:in|at|during|throughout|amid|but|and|yet|so|then))\s*$"
)
"""Where a noun phrase is the subject (the sentence's or a clause's start) or placed in time by
a preposition ("in", "at", "during"), not an object or a topic ("caused", "for", "on", "of")."""


def names_the_time(before: str, expression: str, after: str) -> bool:
    """Whether a thing a date names stands where it tells when the sentence's happening was: as
    its subject ("The 1998 collapse killed nine") or placed by "in", "at" or "during" ("In a
    2026 interview, the mayor said"). As an object or a topic ("caused the 14 March blast",
    "blamed a seal for the 2019 flood", "a report on the April accident") the date only says
    which thing is meant: the sentence takes its own date or the news day."""
    text = expression.strip()
    opening = _LEADING_DETERMINER.match(text)
    if opening:
        before = before + opening.group()
    elif _NAMED_BY_YEAR.search(before[-40:]):
        return False  # "under the Safety Act of 1990": a name, never a time
    if not _POSSESSIVE_DATE.match(after):
        namer = _NAMER.search(before[-60:])
        if namer is None:
            return False
        before = before[: len(before) - len(before[-60:]) + namer.start()]
    return bool(_PLACING.search(before))


def quotation_around(text: str, at: int) -> str | None:
    """The quoted words an offset falls inside, or None."""
    starts, quotes = _quotations(text)
    index = bisect.bisect_left(starts, at) - 1  # the last quotation opening before `at`
    if index < 0 or at >= quotes[index][0]:
        return None
    return quotes[index][1]


@functools.lru_cache(maxsize=32)
def _quotations(text: str) -> tuple[list[int], list[tuple[int, str]]]:
    """A sentence's quotations, found once for all its expressions: their starts, and for each
    its end and quoted words (a sentence of thousands of dates read them per date before)."""
    found = list(_QUOTATION.finditer(text))
    return [m.start() for m in found], [(m.end(), m.group(1)) for m in found]


def in_subject_relative(text: str, at: int) -> bool:
    """Whether an offset falls in a relative clause inside the subject whose main verb tells of a
    later time: in "A nurse who treated him in 2009 will testify" the year dates the treating,
    not the testifying. A past main verb keeps the date ("The quake that struck on 12 January
    killed thousands": one time).
    """
    found = subject_relative(text)
    return found is not None and found.main_later and found.start <= at < found.end


_TARGET = re.compile(
    r"\b(?:meant|intended|designed|slated|scheduled|due|poised)"
    r"\s+to\s+[a-z]+(?:\s+[^\s,;:.!?“”\"()]+){0,5}\s+(?:in|on|by|before)\s+(?:the\s+)?$",
    re.IGNORECASE,
)
"""A date that is the aim of a plan a participle names beside a noun ("wells meant to stop the
flow in August", "the ferry, due to sail on Friday,"): it lies ahead of the report, and the
sentence tells of something else (a happening then falls to the report's day). After a verb
("It is due to land on 3 March") the plan is what the sentence tells, dated as usual."""
_BE_BEFORE = re.compile(
    r"\b(?:is|are|was|were|be|been|being|now|it's|’s|'s)\s+(?:(?:\w+ly|still|also|not|now)\s+)?$",
    re.IGNORECASE,
)
"""A verb just before such a participle: "was initially scheduled to" tells of the plan."""


def aims_at(before: str) -> bool:
    """Whether an expression is the aim of a plan a participle names beside a noun (_TARGET),
    not after a verb ("was initially scheduled to", "It is due to"), where the plan is told."""
    window = before[-120:]
    target = _TARGET.search(window)
    return target is not None and _BE_BEFORE.search(window[: target.start()]) is None


_BACKGROUND_PHRASE = re.compile(
    r"\b(?P<prep>during|since|like|than|unlike|amid|after|before|following|over|into)\s+"
    r"(?:the\s+)?"
    r"(?P<np>(?:[\w'’.-]+\s+){1,5}?)(?:in|of)\s+$",
    re.IGNORECASE,
)
_HAPPENING_NOUN = re.compile(
    r"\b(?:disaster|spill|hurricane|storm|war|crisis|crash|earthquake|quake|attack|attacks|"
    r"election|recession|tsunami|flood|floods|explosion|blast|fire|strike|riots?|uprising|"
    r"revolution|scandal|collapse|bombing|bombings|massacre|pandemic|outbreak|famine|"
    r"coup|invasion|accident|leak|blowout|meltdown|eruption|death|killing|murder|shooting|"
    r"sinking|disappearance)\b",
    re.IGNORECASE,
)
_YEAR_OR_MONTH = re.compile(r"(?:[A-Z][a-z]+\s+)?\d{4}")


def in_background_phrase(before: str, expression: str) -> bool:
    """Whether a year closes a past happening named after a preposition of comparison,
    sequence or topic ("their experience during Hurricane Kell in 2005", "the worst since the
    Tarrow spill in 1989", "as after the floods of 2014", "charged over the skipper's death in
    May 2030", "an inquiry into the sinking in 2019"): the year is that happening's, and never
    dates what the sentence reports."""
    if not _YEAR_OR_MONTH.fullmatch(expression.strip()):
        return False
    found = _BACKGROUND_PHRASE.search(before[-120:])
    if found is None:
        return False
    np = found["np"]
    if found["prep"].lower() in ("over", "into"):  # a topic: "over Christmas in 2019" is a time
        return bool(_HAPPENING_NOUN.search(np))
    return bool(_HAPPENING_NOUN.search(np) or re.search(r"\b[A-Z][a-z]+", np))


_RESTRICTIVE = re.compile(
    r"\b(?!(?i:said|says|say|told|tells|announced|found|finds|shows?|showed|believed?|thinks?|"
    r"thought|knew|knows|warned|noted|added|argued|claimed|insisted|admitted|suggested|reported|"
    r"confirmed|means|so|such|now|and|or|but|is|was|are|were)\b)[A-Za-z][\w'’-]*\s+"
    r"(?P<pronoun>that|which|who)\s+(?:(?:had|has|have|was|were)\s+(?:been\s+)?|"
    r"(?:later|first|then|also|reportedly)\s+)?(?P<verb>[a-z]{2,})\b[^,;:–—()“”\"]*$"
)
"""A relative clause that says which thing is meant, with a past verb of its own right after
its pronoun: "visited the crane that collapsed on 14 March", "Storm Kell, the gale which
flattened the coast in 2019"."""
_OPENING_ADVERBIAL = re.compile(
    r"^\W*(?:In|At|During|On|After|Before|With|Under|For|Since)\b[^,]*$"
)
"""Still inside a phrase that opens the sentence ("In the trials that opened on Tuesday, ..."):
what it names places the main clause."""


def in_object_relative(text: str, at: int) -> bool:
    """Whether an offset falls in a relative clause about a noun after the main verb ("Mayor
    Okafor visited the crane that collapsed on 14 March"): the date is the collapse's, and the
    main clause takes its own date or the news day. One in the subject is left to
    `in_subject_relative` ("The crane that collapsed on 14 March killed two": one time)."""
    window = text[max(0, at - WINDOW) : at]
    found = _RESTRICTIVE.search(window)
    if found is None or not past_verbs(found["verb"]):
        return False
    opens = max(0, at - WINDOW) + found.start()
    if _OPENING_ADVERBIAL.match(text[:opens]):
        return False
    subject = subject_relative(text)
    pronoun = max(0, at - WINDOW) + found.start("pronoun")
    return subject is None or not subject.start <= pronoun < subject.end


_SINCE_HAPPENING = re.compile(
    r"\bsince\s+(?P<np>(?:an?|the|this|that)\s+[^,;:()–—“”\"]{1,80})$", re.I
)
"""A "since" before a noun phrase still open: "since the blast on", "since an explosion last"."""
_LENGTH_SINCE = re.compile(
    r"\b(?:it|this|that)\s*(?:['’]s|is|was|has\s+been|had\s+been|will\s+be)\s+"
    r"(?:\w+\s+){1,5}since\s+(?:the\s+)?$",
    re.IGNORECASE,
)


def since_a_happening(before: str) -> bool:
    """Whether a date closes a "since" that names a past happening ("has leaked since the blast
    on 14 March") or counts a length from it ("It is now six months since 14 March"): the
    date is the happening's, never that of what the sentence reports."""
    window = before[-WINDOW:]
    found = _SINCE_HAPPENING.search(window)
    if found is not None and _HAPPENING_NOUN.search(found["np"]):
        return True
    return bool(_LENGTH_SINCE.search(window))


_REDUCED = re.compile(
    r"(?P<np>\b(?:the|a|an|its|their|his|her|some|many|several|\d[\d,]*)\s+(?:[\w-]+\s+){0,3}?"
    r"[a-z][\w-]*|\b[a-z][\w-]*s)\s+(?P<verb>[a-z]{3,}ed|found|made|taken|built|held|sold|given|"
    r"seen|shown|written|brought|bought|caught|sent|won|struck|paid|spent|begun|drawn|known)\s+"
    r"(?P<rest>[^,;:()“”\"]{0,32}?\s)?$"
)
"""A noun with a past participle after it and no auxiliary, up to a date: "tar balls found on
the beach", "an agreement reached between them"."""
_BEFORE_OBJECT = re.compile(
    r"\b(?!(?:at|in|on|of|for|from|with|by|to|as|near|into|over|under|about|after|before|"
    r"across|along|against|during|since|is|was|has|does|this|thus|plus|less|across)\b)"
    r"(?P<word>[a-z]{3,})\s+$"
)
"""The word before a noun phrase, when it may be the verb the phrase is the object of."""
_SAYING_BEFORE = re.compile(
    r"\b(?:said|says|say|told|tells|reported|reports|announced|announces|showed|shows|confirmed|"
    r"confirms|believed|believes|found|finds|claimed|claims|added|noted|revealed|reveals|"
    r"thought|knew|learned|heard|that)\s+$"
)
"""A verb of saying or knowing before a noun: "said the plant closed", a clause of its own."""
_AUXILIARY_BEFORE = re.compile(r"\b(?:is|are|was|were|has|have|had|be|been|being|get|got)\s+$")
_LATER_VERB = re.compile(
    r"^[^\w,;:]*(?:(?!(?:and|but|or|then|it|he|she|they|we|i|you|who|which|that)\b)[\w'’-]+\s+)"
    r"{0,2}?(?:is|are|was|were|has|have|had|will|would|could|may|might|came|went|led|showed|"
    r"proved|remain|remains|remained)\b",
    re.IGNORECASE,
)
"""The main verb right after the date, no new clause before it: "... a fortnight ago came from"."""


def in_reduced_relative(text: str, at: int, end: int) -> bool:
    """Whether a date at `at`..`end` dates a participle that describes a noun, not the clause:
    "tar balls found on the beach a fortnight ago came from the well" (the main verb follows)
    or "violates an agreement reached in 1991" (the noun is the object of a verb before it).
    Never after a verb of saying ("said the plant closed on Tuesday": a clause of its own)."""
    window = text[max(0, at - WINDOW) : at]
    found = _REDUCED.search(window)
    if found is None or found["verb"] in ("said", "reported", "announced", "claimed"):
        return False
    head = window[: found.start()]
    if _AUXILIARY_BEFORE.search(head[-12:] + found["np"] + " ") or _SAYING_BEFORE.search(head):
        return False
    if found["np"].split()[-1].lower() in ("he", "she", "they", "we", "it", "who", "which", "that"):
        return False
    if _LATER_VERB.match(text[end:]):
        return True  # the noun is the subject: its main verb comes after
    determined = found["np"].split()[0].lower() in ("the", "a", "an", "its", "their", "his", "her")
    verb = _BEFORE_OBJECT.search(head)
    if not determined or verb is None:
        return False
    word = verb["word"]
    return word.endswith(("s", "ed")) or bool(past_verbs(word))
