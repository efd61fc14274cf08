"""Cut a short, truthful title from an event's sentence.

A title is a contiguous stretch of its sentence: the whole sentence when it is short, else its
main clause from the subject on, cut where a clause or phrase begins. Nothing is rewritten into
something the text does not say; the three exceptions keep the text's meaning and its speaker:
quoted speech with its speaker named in the same sentence ("Okafor: “We will rebuild”"),
"the first X since 2012" dated 2012, titled "Last X", and a happening told in an aside, titled
by its noun and the aside's words without the pronoun ("The strike began on 3 March", from "The
strike, which began on 3 March, ...": `ingest.reader.aside_events`). Two things are left out of
the stretch: page and wire furniture run into it (`title_heads`), and the relative time words
that dated it ("yesterday", "last week": `title_time`), the date column saying when. Where a
long title is cut is `title_cuts`' work.
"""

from __future__ import annotations

import re

from timeline.ingest.reader.speech import quoted_speech
from timeline.ingest.reader.title_cuts import (
    TITLE_AIM,
    TITLE_MAX,
    has_verb,
    shorten_title,
    tidy_end,
)
from timeline.ingest.reader.title_heads import LIST_LEAD_IN, LIST_OPENING, without_heading
from timeline.ingest.reader.title_time import without_time_words
from timeline.ingest.reader.verb_forms import past_verbs
from timeline.store.dates import WEEKDAY_NAME

__all__ = [
    "FIRST_SINCE",
    "TITLE_AIM",
    "TITLE_MAX",
    "cut_title",
    "finish_title",
    "has_verb",
    "untimed",
]

_LEADING_ADVERBIAL = re.compile(
    r"^(?:(?:upon|after|following|during|before|on|in|at|earlier|later|last|this|since|by|"
    r"while|when|as|although|though|even\s+though|whereas|amid|with|according\s+to|meanwhile|then|now|today|yesterday|however|"
    r"moreover|also|still|instead|separately|elsewhere|overnight|in\s+addition|"
    rf"{WEEKDAY_NAME})\b[^,“”\"]{{0,70}}"
    r"(?:,\s+[A-Z][a-z]{1,4}\.)?),\s+",
    re.IGNORECASE,
)
_CONCESSIVE = re.compile(r"^(?:although|though|even\s+though|whereas)\s", re.IGNORECASE)
"""A leading "Although prices fell," is set aside only when it is a whole clause."""
_LEADING_CONNECTIVE = re.compile(
    r"^(?:and|but|or|so|yet|however|meanwhile|moreover|also|still|then|thus|nonetheless|"
    r"nevertheless|furthermore|besides|instead|similarly|likewise|additionally|indeed|hence|"
    r"consequently|accordingly|in\s+turn|in\s+fact|as\s+a\s+result|at\s+the\s+same\s+time|"
    r"on\s+the\s+other\s+hand|in\s+contrast|by\s+contrast)\b[,\s]+",
    re.IGNORECASE,
)
_PLACE_LABEL = re.compile(
    r"^(?:in|at|on|from|inside|outside|across)\s+(?:the\s+)?[A-Z][\w'’.-]*"
    r"(?:\s+[A-Z][\w'’.-]*){0,3}:\s+(?=[A-Z\"“])",
    re.IGNORECASE,
)
"""A place heading a log's entry ("At the Town Hall: Mayor Okafor signed ..."), not the title's."""
FIRST_SINCE = re.compile(r"\bfirst\s+(time\s+)?(?:that\s+)?(.{5,}?)\s+since\s*$", re.IGNORECASE)
"""'the first visit ... since' before a year: the year dates the previous such visit."""


def cut_title(sentence: str, date_span: tuple[int, int] | None = None) -> str:
    """Cut a title from a sentence.

    Args:
        sentence: the sentence.
        date_span: offsets, within the sentence, of the expression that dated the event; when it
            follows "the first ... since", the event is the previous one and is titled "Last ...";
            a relative one ("yesterday", "last week") is left out, the date column saying when.

    Returns:
        At most TITLE_MAX characters, starting and ending at word boundaries; "" when nothing
        readable is left (a list's lead-in, "Bills moving include: --", or wire furniture alone).
    """
    if LIST_LEAD_IN.search(sentence):
        return ""
    if date_span is not None:
        since = FIRST_SINCE.search(sentence[: date_span[0]])
        if since:
            return finish_title(("Last time " if since[1] else "Last ") + since[2])
        sentence = without_time_words(sentence, date_span)
    speech = quoted_speech(sentence)
    if speech is not None:
        speaker, words = speech
        return _capital(
            f"{speaker}: “{tidy_end(shorten_title(words, TITLE_AIM - len(speaker) - 4))}”"
        )
    return finish_title(sentence)


def untimed(title: str, written: str) -> str:
    """A title made apart from its sentence (an aside's happening, a first clause) without the
    relative time words `written` that dated it, when the title holds them once."""
    found = list(re.finditer(rf"(?<!\w){re.escape(written)}(?!\w)", title)) if written else []
    if len(found) != 1:
        return title
    return _capital(tidy_end(without_time_words(title, found[0].span())))


def finish_title(text: str) -> str:
    """Trim a stretch of text into a title: wire copy's furniture, a heading in capitals, a date
    label, a heading or caption line or a list's lead-in run into it, a leading adverbial or
    connective off, cut to length ("" when nothing is left)."""
    text = " ".join(text.split()).strip(" ,")
    text = without_heading(text)
    opening = LIST_OPENING.match(text)
    if opening is not None and len(text[opening.end() :].split()) >= 4:
        text = text[opening.end() :]  # "Other bills moving include: -- The committee ..."
    label = _PLACE_LABEL.match(text)
    if label is not None and len(text[label.end() :].split()) >= 4:
        text = text[label.end() :]
    for _ in range(2):
        for pattern in (_LEADING_CONNECTIVE, _LEADING_ADVERBIAL):
            found = pattern.match(text)
            if found is None or len(found.group().split()) > 9 or past_verbs(found.group()):
                continue  # a clause with its own verb is no adverbial: keep it
            if _CONCESSIVE.match(found.group()) and not has_verb(found.group()):
                continue  # "Though fishermen, rig workers and ...": a list, not a clause
            stripped = text[found.end() :]
            if len(stripped.split()) >= 4 and not _starts_badly(stripped):
                text = stripped
    text = _balance_quotes(shorten_title(tidy_end(text)))
    return _capital(tidy_end(text) if not text.endswith("…") else text)


def _starts_badly(text: str) -> bool:
    """Whether text would start a title mid-phrase: a possessive, punctuation, a lower-case verb."""
    return bool(re.match(r"^(?:['’]s\b|[,.;:)\]])", text))


def _capital(text: str) -> str:
    """The title with its first letter upper-case (titles start a line in the list)."""
    return text[:1].upper() + text[1:]


def _balance_quotes(text: str) -> str:
    """Drop a quotation mark left open or closed by the cut, so the title reads as written."""
    text = _drop_unopened_closers(text)
    opens, closes = text.count("“"), text.count("”")
    if opens > closes:
        text = text.replace("“", "", opens - closes) if text.startswith("“") else text + "”"
    elif closes > opens:
        text = text[::-1].replace("”", "", closes - opens)[::-1]
    if text.count('"') % 2:
        text = text.replace('"', "", 1)
    return _space_quotes(text).strip()


def _space_quotes(text: str) -> str:
    """Part plain quotation marks from the words they were run into, each opening mark from the
    word before it and each closing one from the word after ('as "enraging"and"sad"' reads
    'as "enraging" and "sad"'); the marks must pair up."""
    parts = text.split('"')
    if len(parts) % 2 == 0:
        return text
    for index in range(1, len(parts)):
        opening = index % 2 == 1  # the mark before parts[index]
        if opening and parts[index - 1][-1:].isalnum():
            parts[index - 1] += " "
        elif not opening and parts[index][:1].isalnum():
            parts[index] = " " + parts[index]
    return '"'.join(parts)


_CLOSER = re.compile(r"\s*(?:''|’’)(?!\w)|”")
"""A closing quotation mark: "”", or two apostrophes ("... a heavy price '', he said")."""


def _drop_unopened_closers(text: str) -> str:
    """Drop each closing quotation mark that no opening mark before it in the title answers:
    the cut, or the text, lost its opening ("best option '', the chief said"); two apostrophes a
    plain '"' opened are written '"', so the two read as a pair."""
    kept: list[str] = []
    at = depth = 0
    for closer in _CLOSER.finditer(text):
        piece = text[at : closer.start()]
        depth += piece.count("“") + piece.count("``")
        plain_open = ("".join(kept) + piece).count('"') % 2
        if depth > 0:
            depth -= 1
            kept.append(text[at : closer.end()])
        elif closer.group() != "”" and plain_open:
            kept.append(piece + '"')
        else:
            kept.append(piece)
        at = closer.end()
    return "".join(kept) + text[at:]
