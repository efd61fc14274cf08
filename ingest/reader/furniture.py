"""Tell the news text of a plain-text page from what the page wraps around it.

Scraped articles carry reader comments, bylines, photo credits, share and subscribe lines and
lists of other stories, often run into the paragraphs beside them. None of that reports a happening,
so the event builder skips sentences inside `furniture_spans`, and `is_opinion` tells a reader's
or a columnist's view from a report. Both are conservative: a false positive drops real news.
Everything here is one pass over the text with anchored regular expressions (linear time).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from timeline.ingest.reader import furniture_forms as forms
from timeline.ingest.reader.furniture_forms import alternation
from timeline.ingest.reader.page_sentences import picture_caption

# Each pattern below is compiled from a table of general forms in furniture_forms.py.
_COMMENT_MARK = re.compile(alternation(forms.COMMENT_MARKS), re.IGNORECASE | re.MULTILINE)
_COMMENT_HEADING = re.compile(alternation(forms.COMMENT_HEADINGS), re.IGNORECASE)
_COMMENT_LOOKAHEAD = 12
"""Lines after a comments heading in which a comment mark must appear to open the section."""
_COMMENT_SYSTEM = re.compile(alternation(forms.COMMENT_SYSTEM), re.IGNORECASE)
_COMMENTS_CLOSED = re.compile(
    rf"(?:^|(?<=[\s.!?])){alternation(forms.COMMENTS_CLOSED)}[.!]?[ \t]*$",
    re.IGNORECASE | re.MULTILINE,
)
_CLOSED_THREAD_LINES = 200
"""Lines above a closed-thread notice in which a comment-policy sentence opens its thread."""
_CREDIT = re.compile(alternation(forms.CREDITS))
_NAV_SENTENCE = re.compile(
    rf"(?:^|(?<=[.!?)\"”] ))(?:{alternation(forms.NAV_OPENERS)}[^\n]*?(?:[.!?](?=\s|$)|$))",
    re.IGNORECASE | re.MULTILINE,
)
_WIRE_CREDIT = re.compile(alternation(forms.WIRE_CREDITS), re.IGNORECASE)
_NAV_LINE = re.compile(rf"^\W{{0,3}}{alternation(forms.NAV_WORDS)}\W{{0,3}}$", re.IGNORECASE)
_BYLINE = re.compile(forms.BYLINE, re.MULTILINE)
_LIST_HEADING = re.compile(
    rf"^\W{{0,3}}{alternation(forms.LIST_HEADINGS)}\W{{0,3}}$", re.IGNORECASE
)
_CHAT_QUESTION = re.compile(forms.CHAT_QUESTION)
_TITLE_LINE = re.compile(forms.TITLE_LINE)
_CREDIT_LINE = re.compile(forms.CREDIT_LINE)
_STAMP_BEFORE_CAPTION = re.compile(forms.STAMP_BEFORE_CAPTION)
_HEADLINE_AGE = re.compile(forms.HEADLINE_LIST, re.IGNORECASE)
_PICTURE_MARK = re.compile(
    rf"{forms.PICTURE_DATE}|{forms.STATE_PLACE}|{forms.TRAILING_DATE}|{forms.PICTURE_POINTING}"
    rf"|{alternation(forms.GLUED_CREDITS)}|{forms.PHOTO_OPENING}|(?i:{forms.PICTURE_PART})",
    re.MULTILINE,
)
_SENTENCE_STOP = re.compile(r"[.!?][\"”']?\s+(?=\S)")


def furniture_spans(text: str) -> list[tuple[int, int]]:
    """Character spans of `text` that are page furniture or reader comments, not news text.

    Args:
        text: the article as plain text, one paragraph a line.

    Returns:
        Sorted, non-overlapping (start, end) spans, end exclusive; sentences inside them are not
        news and make no events.
    """
    spans: list[tuple[int, int]] = []
    comments_from = min(_comment_section_start(text), _closed_thread_start(text))
    body = text[:comments_from]
    spans.extend(_line_spans(body))
    spans.extend(_title_runs(body))
    spans.extend(_captions(body))
    spans.extend(_picture_captions(body))
    spans.extend(_headline_feeds(body))
    spans.extend(_cut_teasers(body))
    for pattern in (_CREDIT, _NAV_SENTENCE, _WIRE_CREDIT, _COMMENT_SYSTEM):
        spans.extend(
            _sentence_of(body, m) if pattern is _COMMENT_SYSTEM else m.span()
            for m in pattern.finditer(body)
        )
    if comments_from < len(text):
        spans.append((comments_from, len(text)))
    return _merge(spans)


def comments_take_the_news(text: str) -> bool:
    """Whether the reader comments found would begin in the first paragraph under the headline
    (or the only one): then the article may be read as comments whole, and is worth a warning."""
    comments_from = min(_comment_section_start(text), _closed_thread_start(text))
    return comments_from < len(text) and comments_from <= _first_paragraph_start(text)


def _first_paragraph_start(text: str) -> int:
    """Where the first paragraph under the headline starts (the headline's own start when the
    text is one paragraph)."""
    starts = [start for start, end in _lines(text) if text[start:end].strip()]
    return starts[1] if len(starts) > 1 else (starts[0] if starts else 0)


def _comment_section_start(text: str) -> int:
    """Where the reader comments begin (len(text) when there are none).

    The section opens at a comments heading followed closely by a comment mark, else at the
    line of the first comment mark; it runs to the end of the page, where scrapers put comments.
    """
    heading: int | None = None
    heading_line = -_COMMENT_LOOKAHEAD - 1
    for number, (start, end) in enumerate(_lines(text)):
        line = text[start:end]
        if len(line) <= 60 and _COMMENT_HEADING.match(line.strip()):
            if heading is None or number - heading_line > _COMMENT_LOOKAHEAD:
                heading, heading_line = start, number
            continue
        mark = _COMMENT_MARK.search(line)
        if mark:
            if heading is not None and number - heading_line <= _COMMENT_LOOKAHEAD:
                return heading
            return start
    return len(text)


def _closed_thread_start(text: str) -> int:
    """Where a thread that a closed-thread notice ends begins (len(text) when there is none).

    Comments without a per-comment mark still sit between the comment policy the site prints
    above them ("We welcome comments ...", "Views expressed in the comments ...") and the notice
    under them ("This discussion is now closed."); the thread opens at the policy sentence when
    one is close enough above the notice, else at the notice, and runs to the end of the page.
    """
    closed = _COMMENTS_CLOSED.search(text)
    if closed is None:
        return len(text)
    window = closed.start()
    for _ in range(_CLOSED_THREAD_LINES):
        window = text.rfind("\n", 0, window)
        if window < 0:
            break
    policy = _COMMENT_SYSTEM.search(text, max(window, 0), closed.start())
    return _sentence_of(text, policy or closed)[0]


def _line_spans(text: str) -> Iterator[tuple[int, int]]:
    """Whole lines that are bylines, navigation, or the titles of a list of other stories."""
    in_list = False
    for start, end in _lines(text):
        line = text[start:end].strip()
        if not line:
            continue
        if _LIST_HEADING.match(line):
            in_list = True
            yield start, end
            continue
        if in_list and _TITLE_LINE.match(line) and len(line.split()) <= 16:
            yield start, end
            continue
        in_list = False
        if _NAV_LINE.match(line) or _CHAT_QUESTION.match(line):
            yield start, end
            continue
        byline = _BYLINE.match(text, start, end)
        if byline:
            yield start, byline.end()


TITLE_WORDS = 12
"""At most this many words in a line of a run of titles: a headline's length, not a paragraph's."""


def _title_runs(text: str) -> Iterator[tuple[int, int]]:
    """Runs of at least TITLE_RUN_MIN short capitalised lines with no final stop, under no
    heading: a block of links to other stories ("Port reopens" / "Mill sold" / ...), each
    dated by nothing but the page. Blank lines between them do not end the run; a list's
    heading does (`_line_spans` reads what follows it), and the page's first line, its own
    headline, is never part of one."""
    run: list[tuple[int, int]] = []
    first = True
    for start, end in (*_lines(text), (len(text), len(text))):
        line = text[start:end].strip()
        if not line and start < len(text):
            continue
        headline, first = first, False
        if (
            not headline
            and not _LIST_HEADING.match(line)
            and _TITLE_LINE.match(line)
            and line[:1].isupper()
            and len(line.split()) <= TITLE_WORDS
        ):
            run.append((start, end))
            continue
        if len(run) >= forms.TITLE_RUN_MIN:
            yield run[0][0], run[-1][1]
        run = []


def _captions(text: str) -> Iterator[tuple[int, int]]:
    """The caption above each photo credit that opens a line: the last sentence of the line
    before it, after any time stamp of the page ("19.39 BST An oiled gull rests on a buoy.").
    It tells what a picture shows, often in the present, and is no report."""
    for credit in _CREDIT_LINE.finditer(text):
        end = credit.start()
        start = text.rfind("\n", 0, end) + 1
        for stop in (
            *_SENTENCE_STOP.finditer(text, start, end),
            *_STAMP_BEFORE_CAPTION.finditer(text, start, end),
        ):
            start = max(start, stop.end())
        yield start, end


def _picture_captions(text: str) -> Iterator[tuple[int, int]]:
    """Captions with no credit, told by their form (`page_sentences.picture_caption`): a short
    present-simple sentence dated by a weekday and its full date, a town placed in its state, a
    closing full date, a pointer into the picture or a glued photo credit; or one opening "In
    this May 2 photo". Set aside whole, so that the picture's date dates no sentence after it."""
    for mark in _PICTURE_MARK.finditer(text):
        start, end = _sentence_of(text, mark)
        if picture_caption(text[start:end]):
            yield start, end


def _headline_feeds(text: str) -> Iterator[tuple[int, int]]:
    """Sentences that are runs of other stories' headlines, each with its age ("Port reopens -
    2 hrs ago Mill sold - 5 hrs ago"): a feed of links, dated by no one."""
    for start, end in _lines(text):
        ages = list(_HEADLINE_AGE.finditer(text, start, end))
        if len(ages) >= forms.HEADLINE_LIST_MIN:
            yield _sentence_of(text, ages[0])[0], ages[-1].end()


_CUT_OFF = re.compile(r"[A-Za-z](?:\.\.\.|…)[ \t]*$")
"""A line the page cut off inside a word or a sentence, ellipsis straight after a letter."""
_QUOTE_MARK = re.compile(r"[\"“”]|(?:^|\s)['‘]")


def _cut_teasers(text: str) -> Iterator[tuple[int, int]]:
    """Lines a page cut off mid-word before an ellipsis ("... could delay the safety reco..."):
    the teasers of a box of other stories, dated by nothing but the page. A line with quotation
    marks is left alone (a song or a speech trailing off), and so is the page's headline."""
    for number, (start, end) in enumerate(_lines(text)):
        line = text[start:end]
        if number and _CUT_OFF.search(line) and not _QUOTE_MARK.search(line):
            yield start, end


def _sentence_of(text: str, match: re.Match[str]) -> tuple[int, int]:
    """The sentence (within its line) around a match."""
    line_start = text.rfind("\n", 0, match.start()) + 1
    start = line_start
    for stop in re.finditer(r"[.!?][\"”']?\s", text[line_start : match.start()]):
        start = line_start + stop.end()
    tail = re.compile(r"[.!?](?=[\"”']?(?:\s|$))|\n").search(text, match.end())
    end = len(text) if tail is None else tail.end() if tail.group() != "\n" else tail.start()
    return start, end


def _lines(text: str) -> Iterator[tuple[int, int]]:
    """(start, end) of each line, end before its newline."""
    start = 0
    while start <= len(text):
        end = text.find("\n", start)
        if end < 0:
            end = len(text)
        yield start, end
        start = end + 1


def _merge(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Sort spans and join those that overlap or touch."""
    merged: list[tuple[int, int]] = []
    for start, end in sorted(s for s in spans if s[1] > s[0]):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], end))
        else:
            merged.append((start, end))
    return merged


_SPEECH = re.compile(
    r"\b(?:said|says|say|told|tells|added|adds|according to|stated|wrote|writes|asked|asks"
    r"|announced"
    r"|explained|insisted|argued|warned|claimed|declared|noted|replied|testified)\b",
    re.IGNORECASE,
)
_OPINION = re.compile(
    r"^\W{0,2}(?:"
    r"I(?: really| personally| honestly| just| also| still| do)?\s+"
    r"(?:think|believe|feel|guess|reckon"
    r"|suppose|hope|doubt|wonder|agree|disagree|find it|am (?:sure|convinced|outraged|appalled|sick"
    r"|tired|amazed|glad)|'m (?:sure|convinced|outraged|appalled|sick|tired|amazed|glad))\b"
    r"|I'm (?:sure|convinced|outraged|appalled|sick|tired|amazed|glad)\b"
    r"|in my (?:opinion|view|humble opinion)|imho\b|personally,|frankly,|let's\b|let us\b"
    r"|(?:we|you|they|people|everyone|everybody|someone|somebody|society)(?: all)?"
    r" (?:should|must|ought to|need to|have to)\b"
    r"|(?:this|that|it|which)(?: is|'s| was) (?:(?:just|simply|truly|absolutely|really|such|so|"
    r"a|an|the|utterly|totally|completely|an absolute|a complete|a total) )*"
    r"(?:disgrace|shame|scandal|outrage|joke|travesty|farce|nonsense|ridiculous|absurd|pathetic"
    r"|disgusting|appalling|outrageous|unacceptable|shameful|sad|crazy|insane|stupid|madness"
    r"|obscene|criminal|laughable|unbelievable|incredible|amazing|terrible|awful|sickening)\b"
    r"|what an? \w+|how (?:sad|awful|terrible|typical|ironic|convenient|stupid)\b"
    r"|(?:shame|disgrace) on\b|thank (?:god|you)\b)",
    re.IGNORECASE,
)

_QUOTE = re.compile(r"[\"“”]|(?:^|\s)'|'(?:\s|$)")
_EXCLAMATION = re.compile(
    r"^\W{0,2}(?:what|how|such|so|wow|oh|shame|well done|way to|good|great|thank|"
    r"(?:[^!]*\b(?:I|we|you|my|our|your)\b))",
    re.IGNORECASE,
)


def is_opinion(sentence: str) -> bool:
    """True when a sentence states a view or asks the reader, reporting no happening.

    Reported speech ("X said ...") and quoted words are news about what someone said, never an
    opinion here; so is anything with a speech verb.

    Args:
        sentence: one sentence of article text.
    """
    text = sentence.strip()
    if not text or _SPEECH.search(text) or _QUOTE.search(text):
        return False
    if text.endswith("?") or _OPINION.match(text):
        return True
    return text.endswith("!") and _EXCLAMATION.match(text) is not None
