"""Sentences that are the page's own, not the story's: what a page says about itself (slideshow
controls, "page last updated", "declined to comment"), a photo's caption, and a broadcast
schedule's lines. `keep` makes supporting mentions of them, never events shown alone.
"""

from __future__ import annotations

import re

from timeline.ingest.reader.clauses import tense
from timeline.ingest.reader.furniture_forms import (
    AGENCIES,
    CLOCK,
    GLUED_CREDITS,
    PHOTO_OPENING,
    PICTURE_DATE,
    PICTURE_PART,
    PICTURE_POINTING,
    STATE_PLACE,
    TRAILING_DATE,
    alternation,
)
from timeline.store.dates import MONTH_NAME, MONTH_WRITTEN

PAGE_FURNITURE = re.compile(
    r"\{(?:current|total)\}|\bBACK\b.{0,30}\bNEXT\b|\bpage last updated\b|"
    r"\ba version (?:of this (?:article|story) )?appeared\b|"
    r"\b\d+\s+(?:minutes?|hours?)\s+ago\s+via\b|"
    r"^\W*(?:cents|•|\*)\s+[A-Z].*\s(?:cents|•)\s+[A-Z]|\brunning order\b|\bbroadcast live\b|"
    r"\b(?:click|watch|listen|subscribe|sign up|follow us)\b.{0,30}\b(?:here|below|now)\b|"
    r"\blast updated(?:\s+at\b|:)|"
    r"^\W*(?:in\s+)?this\s+(?:file\s+)?(?:image|photo|picture|video|frame|still|handout)\b|"
    r"\b(?:photo|image|picture|video)\s+(?:made|taken|provided|released)\s+(?:from|by|on)\b|"
    r"\b(?:declined|refused)\s+to\s+comment\b|\bcould\s+not\s+be\s+reached\b|"
    r"\bdid\s+not\s+(?:immediately\s+)?(?:respond|return)\b|"
    r"^\W*this\s+(?:[\w.]+\s+){0,3}?(?:clip|video|story|article|report|page|programme|feature)\s+"
    r"(?:is|was|has\s+been)\s+(?:published|first\s+(?:broadcast|published|shown)|produced|"
    r"updated|brought)\b|\bcan\s+be\s+seen\s+[a-z]+ing\b|\bvia\s+the\s+link\s+below\b|"
    r"^(?!.*\b(?:is|are|was|were|has|have|had|will|shows?|showed|[a-z]{3,}ed)\b)\W*(?:live\s+)?"
    r"(?:video|audio|pictures|photos|images|gallery|slideshow|graphic|map|interactive)\s+"
    r"(?:of|from)\s+[^.!?]{0,80}\.?$|"
    r"^\W*(?:(?:the|this|these)\s+)?(?:[a-z]+\s+)?(?:footage|video|pictures|photos|images)\b"
    r"[^.!?]{0,40}?\b(?:shows?|captures?)\b(?!\s+that\b)",
    re.IGNORECASE,
)
"""What a page says about itself: slideshow controls, "page last updated", "Last updated: 2 May
2031 - 17:26 GMT", a feed's "4 minutes ago
via web", a list of headlines run together, "watch it here", "This clip was first broadcast
on ...", "available via the link below", a clip's heading ("Live video of the flood"); a
photo's or clip's caption ("In this image made from video ...", "crowds can be
seen queuing", "Footage from the quay shows ..." in the present: news says "showed"); and what
is no news ("declined to comment", "did not respond")."""


_LISTING_LINE = re.compile(
    r"^\W{0,3}\d{1,2}[.:]\d{2}\s*(?:[ap]\.?m\.?)?\s*[–—-]\s*\d{1,2}\s*[.:]\s*\d{2}|"
    r"\b(?:Presenters?|Producers?|Series\s+producer|Director|Editor)\s*[\\/]\s*[A-Z]",
    re.MULTILINE,
)
"""A broadcast schedule's line: a slot ("7.00-9.30pm ...") or a programme's credits
("Presenter/Ann Holt, Producer/Bo Lind")."""
LISTING_MIN = 3


def is_listing(text: str) -> bool:
    """Whether a page is a broadcast schedule (programme listings): at least LISTING_MIN slots
    or credit lines. What it says are programmes, not happenings of a story."""
    return any(count >= LISTING_MIN for count, _ in enumerate(_LISTING_LINE.finditer(text), 1))


_CAPTION_DATE = re.compile(rf"^\W{{0,3}}{MONTH_WRITTEN}\.?\s+\d{{1,2}}(?:,\s*\d{{4}})?:\s+")
"""A gallery caption's date label ("June 7: ...", "April 29, 2031: ...")."""


_DAY_FIRST_LABEL = re.compile(rf"^\W{{0,3}}\d{{1,2}}\s+{MONTH_NAME}(?:\s+\d{{4}})?:\s+")
"""A date label written day first ("2 June: ..."): a gallery's or a chronology's."""
_CREDITED = re.compile(
    rf"\b[A-Z][\w.'-]*(?:\s+[A-Z][\w.'-]*){{0,3}}\s*[\\/]+\s*{AGENCIES}\W*$|"
    r"\b(?:Photograph|Photo|Picture)s?:\s*[A-Z][^.]{0,60}$"
)
"""A sentence that ends on its photographer and agency ("... the quay Ann Holt/AP")."""


def caption(sentence: str) -> bool:
    """Whether a sentence is a photo caption: a date label, then what the picture shows in the
    present ("May 3: Crews lay booms off the quay"), or a date label of either order and a
    photographer's credit at the end ("2 June: Crews laid booms Ann Holt/AP"); a chronology's
    line ("2 June: The mill reopens") has no credit, and tells what happened that day."""
    found = _CAPTION_DATE.match(sentence) or _DAY_FIRST_LABEL.match(sentence)
    if found is None:
        return False
    if _CREDITED.search(sentence):
        return True
    return found.re is _CAPTION_DATE and tense(sentence[found.end() :]) == "present"


_PICTURE_DATE = re.compile(PICTURE_DATE)
_STATE_PLACE = re.compile(STATE_PLACE)
_CLOCK_AFTER = re.compile(rf"\W{{0,3}}(?:at\s+)?{CLOCK}")
_CLOCK_BEFORE = re.compile(rf"{CLOCK}\s*(?:[A-Za-z]{{2,4}}(?:\s+time)?)?\W{{0,3}}$")
"""A clock beside a full date makes it a page's time stamp ("08:47 UK time, Friday, 11 June
2031", "Fri Jun 11, 2031 3:12pm EDT"), not the day a picture was taken."""
_TRAILING_DATE = re.compile(TRAILING_DATE)
_PICTURE_PART = re.compile(PICTURE_PART, re.IGNORECASE)
_PICTURE_POINTING = re.compile(PICTURE_POINTING)
_PHOTO_OPENING = re.compile(rf"\W{{0,3}}{PHOTO_OPENING}")
_GLUED_CREDIT = re.compile(rf"^\W{{0,3}}{alternation(GLUED_CREDITS)}")
_YEAR = re.compile(r"\b(?:1[89]|20)\d{2}\b")
"""A year: a caption pointing at "this plume" dates an old picture so."""
_WEEKDAY = re.compile(r"\b(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day\b")
_AFTER_WEEKDAY = re.compile(r"\b(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day$")
"""A closing date after its weekday ("17:41 GMT, Tuesday, 9 March 2032"): a page's stamp or
a weekday's date, which `_PICTURE_DATE` reads."""
_SAYING = re.compile(
    r"\b(?:says?|said|told|tells|according\s+to|added|adds|announced|announces|reported|"
    r"reports|stated|insists?|insisted|claims?|claimed|warns?|warned)\b|[“”\"]",
    re.IGNORECASE,
)
"""A saying or a quotation: a report, never a picture's caption."""
_SCHEDULE = re.compile(
    r"\b(?:meets|opens|begins|starts|resumes|holds|ends|closes|arrives|returns|"
    r"(?:is|are)\s+(?:due|set|scheduled|expected|to))\b"
)
"""A present that tells a schedule ("The board meets in Kelso, Ore., on Tuesday"), not a
picture."""
_SAME_FORMS = re.compile(r"\b(?:lay|put|set|cut|hit|spread|shut|cast|let|read)\b")
"""Verbs whose present and past are spelt alike: in a caption they are the present."""
_NOT_THIRD = re.compile(r"^\W*(?:I|We|You)\b")
CAPTION_WORDS = 40
"""More words than this make a paragraph, not a caption."""


def _stamp(text: str, date: re.Match[str]) -> bool:
    """Whether a full date has a clock just before or after it: a page's time stamp."""
    return bool(_CLOCK_AFTER.match(text, date.end()) or _CLOCK_BEFORE.search(text[: date.start()]))


def picture_caption(sentence: str) -> bool:
    """Whether a sentence narrates a picture: a short sentence with no saying in it, whose main
    verb is the present simple of a third person ("Volunteers lay sandbags along the sea wall",
    "A diver is lowered from the ship"), dated by a weekday and its full date ("Thursday, May
    6, 2031"), placed the wire's way ("in Kelso, Ore.") with a weekday, closed by a full date
    after a comma (", May 1, 2031."), pointing into its picture ("bottom left", "(pictured)") or
    opening on an agency's photo credit ("AP2031 Crews ..."). News narrates in the past; a
    caption narrates its picture in the present, or points at it ("released this plume"). One
    that opens "In this May 2, 2031 file photo" is a caption whatever follows."""
    text = sentence.strip()
    if _PHOTO_OPENING.match(text):
        return True
    if len(text.split()) > CAPTION_WORDS or _SAYING.search(text) or _NOT_THIRD.match(text):
        return False
    if _SCHEDULE.search(text):
        return False
    if _PICTURE_POINTING.search(text) and _YEAR.search(text):
        return True
    if not _marked(text):
        return False
    bare = _PICTURE_PART.sub(" ", _STATE_PLACE.sub(" ", _PICTURE_DATE.sub(" ", text)))
    bare = _TRAILING_DATE.sub(" ", _GLUED_CREDIT.sub(" ", bare))
    return tense(_SAME_FORMS.sub("tend", bare)) == "present"


def _marked(text: str) -> bool:
    """Whether a sentence bears a caption's mark: a weekday and its full date (no page stamp),
    a wire place with a weekday, a full date closing it, a pointer into the picture or a
    glued photo credit."""
    if any(not _stamp(text, d) for d in _PICTURE_DATE.finditer(text)):
        return True
    if _STATE_PLACE.search(text) and _WEEKDAY.search(text):
        return True
    closing = _TRAILING_DATE.search(text)
    if closing is not None and not _AFTER_WEEKDAY.search(text, 0, closing.start()):
        return True
    return bool(_PICTURE_PART.search(text) or _GLUED_CREDIT.match(text))
