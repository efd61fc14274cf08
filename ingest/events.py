"""Turn an article and its temporal expressions into event drafts for the store.

The steps, each a small function with its own test table: split the text into sentences with
offsets; decide whether a sentence reports something happening; date it from the most precise
timex in it (or, with none, from a relative cue such as "upon completion of the visit" placed
against the article's main event); and cut a short title from the sentence. The publication date
is passed in; nothing here reads the clock. A date is never made more precise than the text says,
and a past-tense sentence never yields a date after publication. A wire dateline opening the body
("TOKYO, 31 August 2022 (Reuters) - ") is set aside: its date is the report's, not the event's.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from ingest.types import ParsedDate, Timex
from store import NewEvent

TITLE_MAX = 80
"""Longest title we cut from a sentence, in characters."""

_RANK = {"year": 0, "month": 1, "day": 2, "minute": 3}


# -- sentences ------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Sentence:
    """A sentence of the article with its character offsets (end exclusive)."""

    start: int
    end: int
    text: str


_ABBREVIATIONS = frozenset(
    [
        "mr",
        "mrs",
        "ms",
        "dr",
        "prof",
        "gen",
        "maj",
        "col",
        "lt",
        "capt",
        "sgt",
        "cpl",
        "adm",
        "cmdr",
        "res",
        "ret",
        "sen",
        "rep",
        "gov",
        "pres",
        "st",
        "jr",
        "sr",
        "no",
        "nos",
        "vs",
        "etc",
        "inc",
        "corp",
        "co",
        "ltd",
        "jan",
        "feb",
        "mar",
        "apr",
        "jun",
        "jul",
        "aug",
        "sep",
        "sept",
        "oct",
        "nov",
        "dec",
        "mt",
        "ft",
        "u.s",
        "u.k",
        "u.n",
        "e.g",
        "i.e",
        "a.m",
        "p.m",
        "approx",
        "dept",
        "est",
        "fig",
    ]
)
_BOUNDARY = re.compile(r"[.!?]+[\"”’')\]]*\s+(?=[\"“‘'(\[]?[A-Z0-9])")
_TOKEN_BEFORE = re.compile(r"([\w.]+)\W*$")


def split_sentences(text: str) -> list[Sentence]:
    """Split text into sentences: every line is at least one, lines split at sentence ends.

    A full stop after a known abbreviation ("Gen.", "Aug.", "U.S.") or an initial ("J.") does not
    end a sentence.
    """
    sentences: list[Sentence] = []
    for line in re.finditer(r"[^\n]+", text):
        start = line.start()
        chunk = line.group()
        cut = 0
        for boundary in _BOUNDARY.finditer(chunk):
            if _is_abbreviation(chunk[cut : boundary.start() + 1]):
                continue
            _add_sentence(sentences, start + cut, chunk[cut : boundary.end()])
            cut = boundary.end()
        _add_sentence(sentences, start + cut, chunk[cut:])
    return sentences


def _is_abbreviation(before: str) -> bool:
    """Whether the full stop ending `before` belongs to an abbreviation or an initial."""
    if not before.endswith("."):
        return False
    match = _TOKEN_BEFORE.search(before[:-1])
    if not match:
        return False
    token = match.group(1).lower()
    return token in _ABBREVIATIONS or (len(token) == 1 and token.isalpha())


def _add_sentence(sentences: list[Sentence], offset: int, chunk: str) -> None:
    """Append chunk as a sentence, trimmed of surrounding white space, unless it is blank."""
    stripped = chunk.strip()
    if stripped:
        start = offset + chunk.index(stripped)
        sentences.append(Sentence(start, start + len(stripped), stripped))


_CREDIT = re.compile(
    r"^\W*(?:image|photo|picture|video|credit|by|published|posted|updated|file|copyright|©)\b",
    re.IGNORECASE,
)


def find_headline(text: str) -> tuple[int, int] | None:
    """Find the headline: the first short line without a final full stop, credits skipped.

    Returns:
        Its offsets in text, or None when the article opens with ordinary prose.
    """
    for line in re.finditer(r"[^\n]+", text[:2000]):
        raw = line.group()
        stripped = raw.strip().lstrip("#").strip()
        if not stripped or _CREDIT.match(stripped):
            continue
        words = stripped.split()
        if len(stripped) > 150 or len(words) < 3 or stripped.endswith("."):
            return None
        start = line.start() + raw.index(stripped)
        return start, start + len(stripped)
    return None


_DATELINE = re.compile(
    r"(?P<place>[A-Z][A-Z'’.-]+(?:\s+[A-Z][A-Z'’.-]+)*(?:,\s+[A-Z][a-z]+(?:\s+[A-Z][a-z]+)*)?)"
    r"(?:,\s+(?P<date>(?=[^–—()-]*\d)[A-Za-z0-9 .,]{3,30}?))?"
    r"(?:\s*\((?P<agency>[^()]{2,30})\))?"
    r"\s*(?:--?|[–—])\s+(?=[\"“‘'(\[]?[A-Z0-9])"
)


def dateline_end(sentence: str) -> int | None:
    """Find a wire-style dateline opening a sentence ("TOKYO, 31 August 2022 (Reuters) - ").

    A dateline is a place in capitals, optionally its date and the agency in brackets, then a dash.

    Returns:
        Where the sentence proper begins after the dateline, or None when there is none.
    """
    match = _DATELINE.match(sentence)
    return match.end() if match else None


# -- what counts as an event ----------------------------------------------------------------

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


# -- dates from timex values ----------------------------------------------------------------

_SEASONS = {"SP": (3, 5), "SU": (6, 8), "FA": (9, 11), "AU": (9, 11), "WI": (12, 14)}
_PARTS = {"Q1": (1, 3), "Q2": (4, 6), "Q3": (7, 9), "Q4": (10, 12), "H1": (1, 6), "H2": (7, 12)}


def date_of_value(value: str, published: dt.date | None) -> ParsedDate | None:
    """Turn a TIMEX3 DATE/TIME value into the date an event gets, or None when unusable.

    Exact values keep their precision (`2022` year, `2022-08` month, `2022-08-31` day,
    `2022-08-31T14:30` minute). Weeks, quarters, halves, seasons and decades become approximate
    ranges. `PRESENT_REF`/`PAST_REF` are placed at publication, approximate. A value whose year is
    unknown (`XXXX-08-31`) takes the publication year, or the one before when that would be later.
    """
    value = value.strip()
    m = re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})(?:T(\d{2})(?::(\d{2}))?|T(MO|AF|EV|NI|DT))?", value)
    if m:
        day = _valid_day(int(m[1]), int(m[2]), int(m[3]))
        if day is None:
            return None
        if m[4]:
            return ParsedDate(f"{day.isoformat()}T{m[4]}:{m[5] or '00'}", "minute")
        return ParsedDate(day.isoformat(), "day", approximate=bool(m[6]))
    if re.fullmatch(r"\d{4}-(0[1-9]|1[0-2])", value):
        return ParsedDate(value, "month")
    if re.fullmatch(r"\d{4}", value):
        return ParsedDate(value, "year")
    return _range_of_value(value) or _relative_value(value, published)


def _range_of_value(value: str) -> ParsedDate | None:
    """Dates for weeks, weekends, quarters, halves, seasons, decades and centuries."""
    m = re.fullmatch(r"(\d{4})-W(\d{2})(-WE)?", value)
    if m:
        try:
            first = dt.date.fromisocalendar(int(m[1]), int(m[2]), 6 if m[3] else 1)
        except ValueError:
            return None
        last = first + dt.timedelta(days=1 if m[3] else 6)
        return ParsedDate(first.isoformat(), "day", last.isoformat(), approximate=True)
    m = re.fullmatch(r"(\d{4})-(Q[1-4]|H[12]|SP|SU|FA|AU|WI)", value)
    if m:
        year = int(m[1])
        first_month, last_month = _PARTS.get(m[2]) or _SEASONS[m[2]]
        end_year = year + (last_month - 1) // 12
        end_month = (last_month - 1) % 12 + 1
        return ParsedDate(f"{year}-{first_month:02d}", "month", f"{end_year}-{end_month:02d}", True)
    if re.fullmatch(r"\d{2,3}", value):
        width = 10 ** (4 - len(value))
        first_year = int(value) * width
        last_year = first_year + width - 1
        return ParsedDate(f"{first_year:04d}", "year", f"{last_year:04d}", approximate=True)
    return None


def _relative_value(value: str, published: dt.date | None) -> ParsedDate | None:
    """Dates for references to the present or past and for values missing their year."""
    if published is None:
        return None
    if value == "PRESENT_REF":
        return ParsedDate(published.isoformat(), "day", approximate=True)
    if value == "PAST_REF":
        return ParsedDate(f"{published.year:04d}", "year", approximate=True)
    m = re.fullmatch(r"XXXX-(\d{2})(?:-(\d{2}))?", value)
    if m:
        month, day = int(m[1]), int(m[2] or 1)
        year = published.year
        if _valid_day(year, month, day) is None or (month, day) > (published.month, published.day):
            year -= 1
        found = _valid_day(year, month, day)
        if found is None:
            return None
        start = found.isoformat() if m[2] else found.isoformat()[:7]
        return ParsedDate(start, "day" if m[2] else "month", approximate=True)
    return None


def _valid_day(year: int, month: int, day: int) -> dt.date | None:
    """The date, or None when the numbers name no real day."""
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def is_relative_value(value: str) -> bool:
    """Whether a value depends on a reference date we may not have (`PAST_REF`, `XXXX-08`)."""
    return "X" in value or value.endswith("_REF")


_EVENT_NOUN = re.compile(
    r"\W{0,2}(?:[a-z]+-day\s+|[a-z]+-week\s+)?(?:official\s+|state\s+|working\s+|long\s+)?"
    r"(?:visit|trip|tour|stay|summit|talks|conference|meeting|mission|session|journey|exercise|"
    r"festival|event|strike|ceasefire|truce|operation|offensive)",
    re.IGNORECASE,
)
_COMPLETED = re.compile(
    r"\b(?:completion|completed|concluded|conclusion|ended|wrapped up|wound up|end of|close of|"
    r"closing|final day|last day|came to an end|drew to a close)\b",
    re.IGNORECASE,
)


def duration_days(value: str) -> int | None:
    """Length in days of a TIMEX3 duration in days or weeks (`P2D` 2, `P1W` 7), else None."""
    m = re.fullmatch(r"P(\d+)([DW])", value)
    if not m or int(m[1]) == 0:
        return None
    days = int(m[1]) * (7 if m[2] == "W" else 1)
    return days if days <= 366 else None


def anchored_duration(
    sentence: str, after: str, value: str, published: dt.date | None
) -> ParsedDate | None:
    """Date an occurrence given only by its length ("a two-day visit"): it ends at publication.

    Args:
        sentence: the whole sentence, to tell past from future.
        after: the text following the duration expression, which must name an occurrence.
        value: the duration's TIMEX3 value.
        published: publication date.

    Returns:
        A day range ending at publication, exact when the sentence says the occurrence is over,
        else approximate; None when the duration does not date an occurrence.
    """
    days = duration_days(value)
    if days is None or published is None or not _EVENT_NOUN.match(after):
        return None
    if speaks_of_future(sentence) and not _COMPLETED.search(sentence):
        return None
    first = published - dt.timedelta(days=days - 1)
    return ParsedDate(
        first.isoformat(),
        "day",
        published.isoformat() if days > 1 else None,
        approximate=not _COMPLETED.search(sentence),
    )


# -- relative placement ---------------------------------------------------------------------

_AFTER_CUE = re.compile(
    r"^(?:upon|on|at)\s+(?:the\s+)?(?:completion|conclusion|end|close)\s+of\b|"
    r"^(?:after|following)\s+(?:the|their|his|her|its|this|these)\s+"
    r"(?:meeting|talks|visit|trip|summit|ceremony|conference|session|discussions?)\b",
    re.IGNORECASE,
)
_DURING_CUE = re.compile(
    r"^(?:during|while\s+in|on\s+the\s+sidelines\s+of|in\s+the\s+course\s+of)\b",
    re.IGNORECASE,
)
_BEFORE_CUE = re.compile(
    r"\b(?:ha[sd]|have)\s+(?:just|recently)\s+(?:returned|come\s+back|arrived\s+back)\b|"
    r"\b(?:just|recently)\s+returned\b|\b(?:prior\s+to|ahead\s+of|before)\s+(?:the|this|his|her)\s+"
    r"(?:visit|trip|meeting|talks|summit)\b",
    re.IGNORECASE,
)


def relative_cue(sentence: str) -> tuple[str, re.Match[str]] | None:
    """Find a phrase placing the sentence against the article's main event.

    Returns:
        ("after" | "during" | "before", the match), or None.
    """
    for kind, pattern in (("after", _AFTER_CUE), ("during", _DURING_CUE), ("before", _BEFORE_CUE)):
        match = pattern.search(sentence)
        if match:
            return kind, match
    return None


def place_relative(kind: str, anchor: ParsedDate) -> ParsedDate:
    """Date an occurrence placed relative to the anchor (the main event); always approximate.

    "after" is the anchor's last day, "during" its whole span, "before" the month holding the day
    before the anchor began (a trip one has "just returned from").
    """
    last = anchor.end or anchor.start
    if kind == "after":
        return ParsedDate(last, anchor.precision, approximate=True)
    if kind == "during":
        return ParsedDate(anchor.start, anchor.precision, anchor.end, approximate=True)
    if anchor.precision in ("day", "minute"):
        before = dt.date.fromisoformat(anchor.start[:10]) - dt.timedelta(days=1)
        return ParsedDate(before.isoformat()[:7], "month", approximate=True)
    return ParsedDate(anchor.start, anchor.precision, approximate=True)


def is_after(date: ParsedDate, published: dt.date | None) -> bool:
    """Whether a date begins after the publication day (compared at the date's own precision)."""
    if published is None:
        return False
    day = published.isoformat()
    return date.start[:10] > day[: len(date.start[:10])]


_MONTH_NAME = re.compile(
    r"\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\b\.?", re.IGNORECASE
)


def names_month_without_year(text: str) -> bool:
    """Whether a date expression names a month but no year ("5 September", "in February")."""
    return bool(_MONTH_NAME.search(text)) and not re.search(r"\d{4}|'\d{2}\b", text)


def most_recent(date: ParsedDate, published: dt.date | None) -> ParsedDate:
    """Move a date whose year was inferred back by whole years until it is not after publication."""
    for _ in range(2):
        if not is_after(date, published):
            break
        date = ParsedDate(
            _earlier_year(date.start),
            date.precision,
            _earlier_year(date.end) if date.end else None,
            date.approximate,
        )
    return date


def _earlier_year(iso: str) -> str:
    """The same ISO date one year earlier (29 February becomes 28 February)."""
    year = int(iso[:4]) - 1
    rest = iso[4:]
    if rest.startswith("-02-29"):
        rest = "-02-28" + rest[6:]
    return f"{year:04d}{rest}"


def covers(date: ParsedDate, day: str) -> bool:
    """Whether a date (or its range) includes the given ISO day, at the date's own precision."""
    last = date.end or date.start
    return date.start[:10] <= day[: len(date.start[:10])] and day[: len(last[:10])] <= last[:10]


# -- titles ---------------------------------------------------------------------------------

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
_FIRST_SINCE = re.compile(r"\bfirst\s+(time\s+)?(?:that\s+)?(.{5,}?)\s+since\s*$", re.IGNORECASE)


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
        since = _FIRST_SINCE.search(before)
        if since:
            # "the first visit ... since 2012" dates the previous visit, in 2012
            return _finish(("Last time " if since[1] else "Last ") + since[2], actor)
        before = _PREPOSITION_BEFORE.sub("", before)
        text = before.rstrip() + " " + text[date_span[1] :].lstrip()
        text = re.sub(r"\s+([,;:.])", r"\1", text)
    return _finish(text, actor)


def _finish(text: str, actor: str | None) -> str:
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

_SPEECH_VERBS = {
    "said": "says",
    "says": "says",
    "noted": "says",
    "stated": "says",
    "told": "says",
    "added": "says",
    "emphasized": "says",
    "emphasised": "says",
    "stressed": "says",
    "underscored": "says",
    "remarked": "says",
    "explained": "says",
    "observed": "says",
    "announced": "announces",
    "warned": "warns",
    "revealed": "reveals",
    "confirmed": "confirms",
    "insisted": "insists",
    "claimed": "claims",
    "declared": "declares",
}
"""Verbs of saying, each with the present-tense verb a chronology title uses for it."""

_VERB = "|".join(sorted(_SPEECH_VERBS, key=len, reverse=True))
_PLAIN = r"[^,;:“”\"]"
_SPEECH = re.compile(
    rf"^(?P<speaker>{_PLAIN}{{2,70}}?)\s+(?:also\s+|further\s+|later\s+|again\s+)?"
    rf"(?:(?P<told>told)\s+{_PLAIN}{{1,40}}?\s+that\b|(?P<verb>{_VERB})"
    rf"(?:\s+(?:to|in|on|at|during)\s+{_PLAIN}{{1,40}}?)?(?:\s+that\b|(?=\s*[:,]?\s*[“\"])|"
    rf"(?=\s+(?:he|she|they|it|we|there)\s)))[\s,:]*(?P<content>.+)$",
    re.IGNORECASE,
)
_QUOTE_FIRST = re.compile(
    rf"^[“\"](?P<content>[^“”\"]{{8,}}?)[,.!?]?[”\"],?\s+"
    rf"(?:(?P<verb>{_VERB})\s+(?P<after>(?:the\s+|an?\s+)?(?:[A-Z][\w’'.-]*\s*)+)|"
    rf"(?P<before>{_PLAIN}{{2,60}}?)\s+(?P<verb2>{_VERB})\b)"
)
_NOT_SPEAKER = re.compile(
    r"\b(?:who|which|that|whose|is|are|was|were|has|have|had|will|would|met|[a-z]{3,}ed)\b"
)


def is_speaker(phrase: str) -> bool:
    """Whether a phrase can be who is speaking: a short noun phrase, no verb or relative in it."""
    words = phrase.split()
    return 0 < len(words) <= 8 and not _NOT_SPEAKER.search(phrase)


def reported_speech(text: str) -> tuple[str, str, str] | None:
    """Split reported speech into who spoke, the verb of saying and what they said.

    Two kinds: "X said/noted/told reporters that ...", "X warned: “...”" (speaker first), and
    "“...,” said X" / "“...,” X said" (quote first).

    Returns:
        (speaker, past-tense verb, content with its quotation marks), or None for other sentences.
    """
    match = _QUOTE_FIRST.match(text)
    if match:
        speaker = (match["after"] or match["before"]).strip().rstrip(".")
        verb = (match["verb"] or match["verb2"]).lower()
        if is_speaker(speaker):
            return speaker, verb, "“" + match["content"]
        return None
    match = _SPEECH.match(text)
    if match is None or not is_speaker(match["speaker"]):
        return None
    verb = (match["told"] or match["verb"]).lower()
    return match["speaker"].strip(), verb, match["content"]


_ROLE_WORD = (
    r"(?:Ministers?|President|Premier|Secretary|Chancellor|Ambassador|Attaché|Attache|General|"
    r"Senator|Governor|Mayor|Mr\.|Ms\.|Mrs\.|Dr\.|King|Queen|Prince|Chairman|Chairwoman|CEO|"
    r"Director|Adviser|Advisor|Commander|Chief|[Ss]pokes(?:man|woman|person))"
)
_PERSON = r"[A-Z][\w’'-]+(?:\s+[A-Z][\w’'-]+){0,2}"
_NAMED = re.compile(rf"\b{_ROLE_WORD}\s+(?P<names>{_PERSON}(?:\s+and\s+{_PERSON})?)$")


def speaker_name(speaker: str) -> str:
    """Who spoke, as a title names them: the name without its role ("Minister X" -> "X")."""
    match = _NAMED.search(speaker)
    return match["names"] if match else speaker


def is_plural(speaker: str) -> bool:
    """Whether a speaker is more than one ("X and Y", "the ministers", "officials")."""
    last = speaker.split()[-1]
    return " and " in speaker or bool(re.fullmatch(r"[a-z]+[^s]s", last))


_CONTENT_END = re.compile(
    r",\s+(?:which|who|whom|where|when|while|but|after|before|amid|said|says|according|"
    r"including|underscoring|adding|noting|saying)\b|;|\s[–—]\s|\s--\s|\s+including\b|"
    r"[.!?][”\"]?(?:\s|$)|[”\"],?\s+(?:he|she|they|it|the)?\s*(?:" + _VERB + r")\b"
)
_SELF_REPORT = re.compile(
    r"^(?P<who>I|we|he|she|they)\s+(?:have|has|had|'ve|’ve)\s+(?:just\s+|recently\s+|already\s+)?"
    r"(?P<rest>(?!been\b|not\b|never\b)(?:[a-z]{2,}ed|met|made|held|left|won|lost|sent|spent|"
    r"sold|bought|taken|given|spoken|come|begun|seen)\b.*)$"
)


def speech_title(speaker: str, verb: str, content: str) -> str:
    """Title reported speech as who said what: "X says ...", "X: ..." or, when the speaker
    tells of their own deed ("X said he had returned"), the deed itself ("X returned").
    """
    name = speaker_name(speaker)
    plural = is_plural(name) or is_plural(speaker)
    quoted = content.lstrip(" ,").startswith(("“", '"'))
    content = content.strip(' ,“"')
    end = _CONTENT_END.search(content, 10)
    if end:
        content = content[: end.start()]
    content = re.sub(r"[“”\"]", "", content).strip(" ,")
    own = _SELF_REPORT.match(content)
    if own and (own["who"] in ("we", "they")) == plural:
        return f"{name} {own['rest']}"
    if quoted and content[:1].isupper():
        return f"{name}: {content}"
    present = _SPEECH_VERBS[verb]
    return f"{name} {present[:-1] if plural else present} {content}"


# -- length ---------------------------------------------------------------------------------

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


# -- events ---------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Dated:
    """A candidate dating of a sentence: the date, where it was said, and how to title it."""

    date: ParsedDate | None
    span: tuple[int, int] | None
    title_from: int | None = None
    drop_span: bool = True
    anchors: bool = False


def build_events(text: str, timexes: Sequence[Timex], published: dt.date | None) -> list[NewEvent]:
    """Build event drafts from an article and the timexes found in it.

    Args:
        text: the article text the timex offsets refer to.
        timexes: temporal expressions in text, as `ingest.timex.find_timexes` returns them.
        published: publication date; None leaves relative dates undated (start None).

    Returns:
        One draft per sentence that reports a dated occurrence (plus the headline's event), in
        text order, with the sentence as quote and the date expression's offsets as span.
    """
    actor = main_actor(text)
    headline = find_headline(text)
    anchor = ParsedDate(published.isoformat(), "day") if published else None
    ordered = sorted(timexes, key=lambda t: t.start)
    events: list[NewEvent] = []
    in_body = False
    for sentence in split_sentences(text):
        if headline and sentence.start < headline[1] and headline[0] < sentence.end:
            continue
        if _CREDIT.match(sentence.text):
            continue
        if not in_body:
            in_body = True
            sentence = _without_dateline(sentence)
        if not reports_event(sentence.text):
            continue
        inside = [t for t in ordered if sentence.start <= t.start and t.end <= sentence.end]
        dated = _date_sentence(sentence, inside, published, anchor)
        if dated is None:
            continue
        if dated.anchors and dated.date is not None:
            anchor = dated.date
        events.append(_draft(sentence, dated, actor))
    if headline and published and reports_event(text[headline[0] : headline[1]]):
        lead = _headline_event(text, headline, published)
        if not any(_same_occurrence(lead, event) for event in events):
            events.insert(0, lead)
    return events


def _without_dateline(sentence: Sentence) -> Sentence:
    """The sentence after its dateline: the dateline's date is the report's, not the event's."""
    cut = dateline_end(sentence.text)
    if cut is None or cut >= len(sentence.text):
        return sentence
    return Sentence(sentence.start + cut, sentence.end, sentence.text[cut:])


def _date_sentence(
    sentence: Sentence,
    timexes: Sequence[Timex],
    published: dt.date | None,
    anchor: ParsedDate | None,
) -> _Dated | None:
    """Choose how a sentence is dated: its most precise usable timex, else a relative cue.

    Returns:
        The dating (date None: a relative date we cannot resolve without a publication date),
        or None when the sentence has no usable date.
    """
    best: tuple[int, _Dated] | None = None
    unresolved: _Dated | None = None
    for timex in timexes:
        candidate = _date_timex(sentence, timex, published)
        if candidate is None or candidate.date is None:
            if is_relative_value(timex.value) and published is None and timex.type != "SET":
                unresolved = unresolved or _Dated(None, (timex.start, timex.end))
            continue
        date = candidate.date
        if is_after(date, published) and not speaks_of_future(sentence.text):
            continue
        if best is None or _RANK[date.precision] > best[0]:
            best = (_RANK[date.precision], candidate)
    if best is not None:
        return best[1]
    cue = relative_cue(sentence.text)
    if cue is not None:
        kind, match = cue
        span = (sentence.start + match.start(), sentence.start + match.end())
        if anchor is None:
            return _Dated(None, span, drop_span=False)
        return _Dated(place_relative(kind, anchor), span, drop_span=False)
    return unresolved


def _date_timex(sentence: Sentence, timex: Timex, published: dt.date | None) -> _Dated | None:
    """Date a sentence from one of its timexes, or None when that timex dates no occurrence."""
    span = (timex.start, timex.end)
    local = timex.start - sentence.start
    if timex.type == "DURATION":
        after = sentence.text[timex.end - sentence.start :]
        date = anchored_duration(sentence.text, after, timex.value, published)
        if date is None:
            return None
        return _Dated(date, span, title_from=local, drop_span=False, anchors=True)
    if timex.type not in ("DATE", "TIME"):
        return None
    before = sentence.text[:local]
    if re.search(r"\bsince\s*$", before, re.IGNORECASE) and not _FIRST_SINCE.search(before):
        return None  # "has grown since 2012" starts a state, it is no occurrence in 2012
    date = date_of_value(timex.value, published)
    if date is None:
        return None
    future = speaks_of_future(sentence.text)
    if is_after(date, published) and names_month_without_year(timex.text) and not future:
        date = most_recent(date, published)
    exact = date.precision in ("day", "minute") and not date.approximate and not date.end
    return _Dated(date, span, anchors=exact)


_NAMES = r"(?:the\s+)?[A-Z][\w'’.-]*(?:\s+(?:of\s+)?[A-Z][\w'’.-]*)*"
_OCCURRENCE_PHRASE = re.compile(
    rf"(?i:{_EVENT_NOUN.pattern})(?:\s+(?:to|in|of|at)\s+{_NAMES})?(?:\s+by\s+{_NAMES})?"
)


def occurrence_title(sentence: str, start: int, actor: str | None) -> str:
    """Title an occurrence dated by its length from its noun phrase ("Two-day visit to Tokyo by X").

    Args:
        sentence: the sentence.
        start: where the duration expression begins in it.
        actor: the article's main person, named as the agent when the phrase names none.
    """
    head = re.match(r"\S+", sentence[start:])
    end = start + (head.end() if head else 0)
    phrase = _OCCURRENCE_PHRASE.match(sentence, end)
    title = sentence[start : phrase.end() if phrase else len(sentence)]
    if phrase and " by " not in title and actor and actor in sentence:
        title += f" by {actor}"
    return cut_title(title)


def _draft(sentence: Sentence, dated: _Dated, actor: str | None) -> NewEvent:
    """Make the event draft for a dated sentence."""
    text = sentence.text
    if dated.title_from is not None:
        title = occurrence_title(text, dated.title_from, actor)
    elif dated.drop_span and dated.span is not None:
        local = (dated.span[0] - sentence.start, dated.span[1] - sentence.start)
        title = cut_title(text, local, actor)
    else:
        title = cut_title(text, actor=actor)
    date = dated.date
    span = dated.span or (None, None)
    return NewEvent(
        title=title or text[:TITLE_MAX],
        start=date.start if date else None,
        precision=date.precision if date else None,
        end=date.end if date else None,
        approximate=date.approximate if date else True,
        quote=text,
        span_start=span[0],
        span_end=span[1],
    )


def _headline_event(text: str, headline: tuple[int, int], published: dt.date) -> NewEvent:
    """The occurrence a headline reports, placed at publication (approximate: it may be the eve)."""
    line = text[headline[0] : headline[1]]
    return NewEvent(
        title=_finish(line, None),
        start=published.isoformat(),
        precision="day",
        approximate=True,
        quote=line,
    )


_STOP = frozenset(
    [
        "the",
        "and",
        "for",
        "with",
        "from",
        "into",
        "over",
        "that",
        "this",
        "their",
        "its",
        "his",
        "her",
        "has",
        "have",
    ]
)


def _stems(text: str) -> set[str]:
    """Content-word stems of a title, for telling whether two titles say the same thing."""
    words = re.findall(r"[a-z]{3,}", text.lower())
    return {word[:4] for word in words if word not in _STOP}


def _same_occurrence(lead: NewEvent, event: NewEvent) -> bool:
    """Whether a body event repeats the headline's: same day covered and two shared stems."""
    if event.start is None or lead.start is None:
        return False
    date = ParsedDate(event.start, event.precision or "day", event.end)
    return covers(date, lead.start) and len(_stems(lead.title) & _stems(event.title)) >= 2
