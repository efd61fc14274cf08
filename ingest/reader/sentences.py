"""Split an article into sentences with offsets, and find its headline and wire dateline.

Every later step works sentence by sentence, so offsets here are what events point back to."""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass

from timeline.store.dates import MONTH_NAMES, WEEKDAY_NAMES
from timeline.store.dates import MONTHS as MONTHS


@dataclass(frozen=True, slots=True)
class Sentence:
    """A sentence of the article with its character offsets (end exclusive)."""

    start: int
    end: int
    text: str


_ABBREVIATIONS = frozenset(
    [
        *(word for word in MONTHS if len(word) <= 4 and word != "may"),
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
        "cllr",
        "supt",
        "insp",
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
#: A sentence end: a run of stops (matched from its first stop only, and possessively, so a
#: megabyte of full stops is one failed attempt, not a million), closing quotes, then a space
#: before what may open the next sentence.
_BOUNDARY = re.compile(r"(?<![.!?])[.!?]++[\"”’')\]]*+\s+(?=[\"“‘'(\[]?[A-Z0-9])")


def split_sentences(text: str) -> list[Sentence]:
    """Split text into sentences: every line is at least one, lines split at sentence ends.

    A full stop after a known abbreviation ("Gen.", "Aug.", "U.S.") or an initial ("J.") does not
    end a sentence. Each character is looked at a bounded number of times, so the time grows
    with the length of the text, however many stops it holds.
    """
    sentences: list[Sentence] = []
    for start, end in _lines(text):
        chunk = text[start:end]
        cut = 0
        for boundary in _BOUNDARY.finditer(chunk):
            if chunk[boundary.start()] == "." and (
                _is_abbreviation(chunk, cut, boundary.start())
                or _in_ticker(chunk, cut, boundary.start(), boundary.end())
            ):
                continue
            _add_sentence(sentences, start + cut, chunk[cut : boundary.end()])
            cut = boundary.end()
        _add_sentence(sentences, start + cut, chunk[cut:])
    return sentences


_BROKEN_TICKER = re.compile(r"\((?:[A-Z][A-Za-z]{1,8}:\s*)?[A-Z0-9]{1,6}\.[ \t]*$")
"""A line that ends inside a company's ticker, "... Kestrel Mills Plc (KML." (a scraped page
broke the line at its stop): the line goes on with "L) said ..."."""


_BROKEN_CLAUSE = re.compile(r"(?:,|\b[a-z][\w'’-]*)[ \t]*$")
"""A line that stops inside a clause, on a comma or a lower-case word: "Rep. Dana Kell, R-Ohio,"."""
_GOES_ON = re.compile(r"[ \t]*[a-z]")
"""A line that opens lower case carries on the sentence before: "late Thursday retracted ..."."""


WRAP_WIDTH = 100
"""Widest line of a text wrapped at a width (a plain-text file, an e-mail, wire copy)."""
WRAP_MIN_LINES = 3
"""Fewest lines running on into the next that show a text is wrapped."""
WRAP_SHARE = 0.7
"""Share of those lines that must be full for the text to read as wrapped."""
WRAP_FULL = 0.6
"""A line at least this share of the widest runs on into the next in a wrapped text; a
shorter one ends its paragraph or is a heading."""


def _lines(text: str) -> list[tuple[int, int]]:
    """Offsets of the text's non-empty lines; a line broken inside a ticker, or inside a clause
    with the next line going on in lower case, is joined to the next. In a text wrapped at a
    width (`_wrap_width`), every full line runs on into the line right after it."""
    found: list[tuple[int, int]] = []
    width = _wrap_width(text)
    ticker = clause = full = False
    previous_end = -2
    for line in re.finditer(r"[^\n]+", text):
        adjacent = line.start() == previous_end + 1
        if (ticker and _TICKER_TAIL.match(line.group())) or (
            adjacent and ((clause and _GOES_ON.match(line.group())) or full)
        ):
            found[-1] = (found[-1][0], line.end())
        else:
            found.append(line.span())
        ticker = bool(_BROKEN_TICKER.search(line.group()))
        clause = bool(_BROKEN_CLAUSE.search(line.group()))
        full = width > 0 and len(line.group().rstrip()) >= WRAP_FULL * width
        previous_end = line.end()
    return found


def _wrap_width(text: str) -> int:
    """The width a text is wrapped at, 0 when it is not: no line wider than WRAP_WIDTH, and
    nearly every line that another follows straight after as wide as the widest, give or take
    (a scraped page has a line per paragraph, of any length)."""
    lines = text.split("\n")
    widest = max((len(line.rstrip()) for line in lines), default=0)
    if widest > WRAP_WIDTH:
        return 0
    running = [
        len(line.rstrip()) >= WRAP_FULL * widest
        for line, after in itertools.pairwise(lines)
        if line.strip() and after.strip()
    ]
    if len(running) < WRAP_MIN_LINES or sum(running) < WRAP_SHARE * len(running):
        return 0
    return widest


def _is_abbreviation(chunk: str, cut: int, stop: int) -> bool:
    """Whether the full stop at `stop` belongs to an abbreviation or an initial.

    The word before it is the run of word characters and dots that holds the last word
    character between `cut` and `stop` ("U.S" of "the U.S."); only that run is read, never
    the sentence before it.
    """
    last = stop - 1
    while last >= cut and not _is_word_char(chunk[last]):
        last -= 1
    if last < cut:
        return False
    first = last
    while first > cut and (_is_word_char(chunk[first - 1]) or chunk[first - 1] == "."):
        first -= 1
    end = last + 1
    while end < stop and chunk[end] == ".":
        end += 1
    token = chunk[first:end].lower()
    return token in _ABBREVIATIONS or (len(token) == 1 and token.isalpha())


_TICKER_HEAD = re.compile(r"\((?:[A-Z][A-Za-z]{1,8}:\s*)?[A-Z0-9]{1,6}$")
"""A stock ticker's symbol just inside its bracket, before its stop: "(KML." or "(NYSE: KML."."""
_TICKER_TAIL = re.compile(r"[A-Z]{1,2}\s*[),;]")
"""A ticker's exchange letter after the stop and the space a text put in: "L)" of "(KML. L)"."""


def _in_ticker(chunk: str, cut: int, stop: int, after: int) -> bool:
    """Whether the stop at `stop` is inside a company's ticker written with a space, "(KML. L)"
    or "(NYSE: KML. N)": the sentence goes on after the bracket."""
    return bool(
        _TICKER_HEAD.search(chunk, max(cut, stop - 30), stop) and _TICKER_TAIL.match(chunk, after)
    )


def _is_word_char(char: str) -> bool:
    """True for what the regex class \\w matches: letters, digits and the underscore."""
    return char.isalnum() or char == "_"


_RUN_IN = re.compile(
    r"(?<=[a-z%])\s+(?=(?:When|After|Before|While|Although|Following|During|Despite|However|"
    r"Meanwhile)\s|(?:The|It|He|She|They|We|There|This|These|Those|A|An|In|On|But)\s+[a-z])|"
    r"(?<=[a-z%])\s+(?=The\s+[A-Z])"
)
"""Where a heading or a caption with no full stop runs into the next sentence: a lower-case
word, then a word that only opens a sentence ("... aid for Orvik The council said ...")."""
_NOT_BEFORE_RUN_IN = frozenset(
    str.split(
        "said says told tells by in of at from to with for on and or the a an is was are were "
        "be called named titled dubbed read see watch film song album book show movie series "
        "paper newspaper magazine than that into via plan vitamin type grade"
    )
)
"""Words after which a capitalised "The" or "A" belongs to a name ("told The Herald")."""


def _add_sentence(sentences: list[Sentence], offset: int, chunk: str) -> None:
    """Append chunk as a sentence, trimmed of surrounding white space, unless it is blank; a
    heading or caption run into it without a stop (`_RUN_IN`) is a sentence of its own."""
    at = 0
    for run_in in _RUN_IN.finditer(chunk):
        head = chunk[at : run_in.start()]
        words = head.split()
        if not words or words[-1].lower() in _NOT_BEFORE_RUN_IN or _open_quote(head[-300:]):
            continue
        _add_one(sentences, offset + at, head)
        at = run_in.end()
    _add_one(sentences, offset + at, chunk[at:])


def _open_quote(text: str) -> bool:
    """Whether a quotation or a bracket is still open at the end of text."""
    return (
        text.count("“") > text.count("”")
        or text.count('"') % 2 == 1
        or text.count("(") > text.count(")")
    )


def _add_one(sentences: list[Sentence], offset: int, chunk: str) -> None:
    """Append chunk as a sentence, trimmed of surrounding white space, unless it is blank."""
    stripped = chunk.strip()
    if stripped:
        start = offset + chunk.index(stripped)
        sentences.append(Sentence(start, start + len(stripped), stripped))


CREDIT = re.compile(
    r"^\W*(?:(?i:image|photo|picture|video|credit|published|posted|updated|file|copyright)\b|©|"
    r"(?i:by)\s+(?!(?i:the|this|that|then|now|early|late|mid|noon|midnight|dawn|dusk|nightfall|"
    r"morning|evening|afternoon|tonight|today|tomorrow|"
    + "|".join(name.lower() for name in (*WEEKDAY_NAMES, *MONTH_NAMES))
    + r"|\d)\b)[A-Z][\w’'.-]+(?:\s+[A-Z][\w’'.-]+){0,3}\s*(?:$|[,|]|and\b))"
)
"""A credit line: "Photo: ...", "Updated ...", "By Jane Doe" (a name, not "By this morning")."""


def find_headline(text: str) -> tuple[int, int] | None:
    """Find the headline: the first short line without a final full stop, credits skipped.

    Returns:
        Its offsets in text, or None when the article opens with ordinary prose.
    """
    for line in re.finditer(r"[^\n]+", text[:2000]):
        raw = line.group()
        stripped = raw.strip().lstrip("#").strip()
        if not stripped or CREDIT.match(stripped):
            continue
        words = stripped.split()
        if len(stripped) > 150 or len(words) < 3 or stripped.endswith("."):
            return None
        start = line.start() + raw.index(stripped)
        return start, start + len(stripped)
    return None


_DATELINE = re.compile(
    r"(?P<place>[A-Z][A-Z'’.-]+(?:\s+[A-Z][A-Z'’.-]+)*(?:,\s+[A-Z][A-Za-z.]{1,14}(?:\s+[A-Z][a-z]+)*)?)"
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
