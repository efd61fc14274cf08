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

_WEEKDAY = r"(?:Mon|Tues?|Wed(?:nes)?|Thu(?:rs)?|Fri|Sat(?:ur)?|Sun)(?:day)?\.?"
_MONTH = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|"
    r"Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
)
_CLOCK = r"\d{1,2}[:.]\d{2}(?:\s*[ap]\.?m\.?)?"
_DATE = (
    rf"(?:\d{{1,2}}(?:st|nd|rd|th)?\s+{_MONTH},?(?:\s+\d{{4}})?|{_MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?"
    rf"(?:,?\s+\d{{4}})?|\d{{1,2}}/\d{{1,2}}/\d{{2,4}})"
)
_SENTENCE_START = (
    r"(?:The|A|An|I|He|She|It|They|We|You|This|That|These|Those|In|On|At|As|But|And|What|When"
    r"|Where|Why|How|If|After|Before|While|Some|Many|More|Most|One|Two|Three)"
)
_NAME = r"[\w.'@-]{1,40}(?: [\w.'@-]{1,30}){0,3}"

# Marks that a reader's comment begins or ends here; each is a kind seen on many comment systems.
_COMMENT_MARK = re.compile(
    rf"(?:\bAt {_CLOCK}(?:\s*(?:on\s+)?{_DATE})?,\s*{_NAME} wrote:"
    rf"|\b{_NAME} wrote:\s*$"
    rf"|\bPosted by:? {_NAME}\s*\|"
    r"|\|\s*Report (?:abuse|as abusive)\b"
    r"|\bThis comment (?:was|has been) removed\b"
    rf"|\b{_CLOCK}\s*(?:on\s+)?{_DATE}\s*(?:\||·)\s*(?:Report(?: abuse)?|Reply|Recommend)\b)",
    re.IGNORECASE | re.MULTILINE,
)

# A heading that opens the comment section: a short line of its own.
_COMMENT_HEADING = re.compile(
    r"^\W{0,3}(?:\d[\d,]*\s+)?(?:(?:reader|readers'?|user|your|all|top|latest|newest|oldest)\s+)?"
    r"(?:comments?|responses|discussion|reactions?)(?:\s*\(\d[\d,]*\))?\s*:?\s*$"
    r"|^\W{0,3}(?:have your say|most recommended|join the (?:debate|conversation|discussion)"
    r"|leave a (?:comment|reply)|post a comment|add your comment)\b.{0,40}$",
    re.IGNORECASE,
)
_COMMENT_LOOKAHEAD = 12
"""Lines after a comments heading in which a comment mark must appear to open the section."""

# A sentence of the comment system itself (policy, moderation), anywhere on the page.
_COMMENT_SYSTEM = re.compile(
    r"\b(?:comments?|commenters?|commenting|reader posts?)\b[^.!?\n]{0,80}?"
    r"\b(?:log(?:ged)? in|sign(?:ed)? in|moderat\w+|abusive|badges?|house rules|are closed"
    r"|not all \w+ will be published|may edit|do not represent|policy|guidelines|will be removed"
    r"|report(?:ing)? a comment|we welcome)\b"
    r"|\b(?:we welcome|report|recommend) (?:this )?comments?\b",
    re.IGNORECASE,
)

# The notice a comment system leaves under a thread it has shut, ending its line.
_COMMENTS_CLOSED = re.compile(
    r"(?:^|(?<=[\s.!?]))(?:this discussion is (?:now )?closed"
    r"|comments? (?:on|for|to) this (?:story|article|post|entry|page) (?:is|are|has been|have been)"
    r" (?:now )?closed|comments (?:are|have been) (?:now )?closed"
    r"|commenting (?:is|has been) (?:now )?(?:closed|disabled))[.!]?[ \t]*$",
    re.IGNORECASE | re.MULTILINE,
)
_CLOSED_THREAD_LINES = 200
"""Lines above a closed-thread notice in which a comment-policy sentence opens its thread."""

_CREDIT_AGENCY = (
    r"(?:AP|AFP|EPA|PA|Reuters|Getty(?: Images)?|Corbis|Rex(?: Features)?|Bloomberg|"
    r"Associated Press|Xinhua|Shutterstock|Alamy)"
)
# A photo credit or caption marker, and how far it reaches (see _credit_end).
_CREDIT = re.compile(
    r"\((?:[A-Z]{2,}\s+)?Photos?\b[^()\n]{0,80}\)"
    rf"|\([A-Z][\w.' -]{{1,40}} [-/–] {_CREDIT_AGENCY}\)"
    r"|\b(?:Photograph|Photo(?:graph)?s?(?: credit)?|Picture|Image|Pic|Credit)\s*:\s*"
    rf"(?:(?!{_SENTENCE_START}\b)[A-Z][\w.'-]*\s?){{1,4}}(?:\s*[\\/]+\s*[A-Z][\w.&'-]*"
    r"(?: Images| Pictures| Features| Photos)?)*"
    rf"|\b(?:[A-Z][\w.]+[\\/])*{_CREDIT_AGENCY}[\\/]{_CREDIT_AGENCY}\b"
    r"|\bImage (?:caption|copyright)\b[^\n]*?(?=$|(?<=[.!?])\s)",
)

# Lines (or sentences) of navigation, sharing, subscribing and legal small print.
_NAV_SENTENCE = re.compile(
    r"(?:^|(?<=[.!?)\"”] ))(?:"
    r"(?:share (?:this|on)|follow us|like us on|sign up (?:for|to)|subscribe (?:to|now|for)"
    r"|click here|read more\b|see also|print this|e-?mail this|(?:content and programming )?"
    r"copyright\b|©|all rights reserved|advertisement\b|(?:the )?associated press contributed"
    r"|[\w ,.&]{2,60} contributed to this report|this (?:material|article|story) may not be"
    r"|to refresh page|skip to (?:main )?content|back to top|jump to)"
    r"[^\n]*?(?:[.!?](?=\s|$)|$))",
    re.IGNORECASE | re.MULTILINE,
)
_WIRE_CREDIT = re.compile(
    r"\((?:(?:Additional )?(?:Reporting|Writing|Editing|Compiled|Produced) by [^()\n]{2,200})\)",
    re.IGNORECASE,
)
_NAV_LINE = re.compile(
    r"^\W{0,3}(?:share|tweet|print|e-?mail|comments?|advertisement|related|home|menu|search"
    r"|more|next|previous|top of page|back to top|read more|see more|sign in|log ?in|register"
    r"|subscribe|newsletter|most (?:popular|read|viewed|shared|emailed)|trending"
    r"|top stories)\W{0,3}$",
    re.IGNORECASE,
)

# A byline: "By" and two to four capitalised words (no weekday or month), then its end.
_BYLINE = re.compile(
    rf"^(?:By|BY|Words by|Written by)\s+(?!(?:{_WEEKDAY}|{_MONTH}|The|Then|Now|Late|Early)\b)"
    r"(?:[A-Z][\w'’.-]+|[A-Z]\.)(?:\s+(?:[A-Z][\w'’.-]+|[A-Z]\.|de|van|von|al|bin)){1,4}"
    r"(?:\s+and\s+[A-Z][\w'’.-]+(?:\s+[A-Z][\w'’.-]+){1,3})?"
    r"(?:\s*(?:\||,|;| - | – )\s*(?:"
    rf"[^\n|]{{0,60}}?{_CLOCK}[^\n]{{0,12}}?(?:ET|GMT|BST|EDT|EST|PM|AM)\b"
    r"|[A-Z][\w ,.&']{0,60}?(?:Writer|Reporter|Correspondent|Editor|Staff|Press|News|Reuters))"
    r"|\s*$)",
    re.MULTILINE,
)

# Headings above a list of other stories, whose short title lines follow.
_LIST_HEADING = re.compile(
    r"^\W{0,3}(?:related(?: stories| articles| links| content| coverage| news| topics)?"
    r"|more on this story|top stories|most (?:popular|read|viewed|shared)|more from [\w .]{2,30}"
    r"|you might also like|recommended(?: stories| for you)?|also on [\w .]{2,30}"
    r"|elsewhere on the web|in other news|latest news|more stories)\W{0,3}$",
    re.IGNORECASE,
)
_CHAT_QUESTION = re.compile(
    r"^(?:[A-Z][a-z]+[ .-]){0,2}[A-Z][a-z]+,\s+(?:[A-Z][a-z]{1,4}\.|[A-Z]\.[A-Z]\.|[A-Z]{2}|"
    r"[A-Z][a-z]{3,}):\s+\S"
)
"""A reader's question in a live web chat, signed with a place: "Fairfax, Va.: Why ...?"."""
_TITLE_LINE = re.compile(r"^\W{0,3}\S(?:[^\n]{0,118}[^\s.!?:;,])?\s*$")
"""A short line with no final punctuation: a story's title in a list."""


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
