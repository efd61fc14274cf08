"""Which dated sentences a reader keeps as events, and which only support them.

Every candidate sentence `ingest.events.build_mentions` dates becomes a `Draft`: kind "event"
when it tells a happening a reader wants in the chronology, "support" when it is only evidence
around one (an opinion, a prediction, a running total, background, a quote's fragment, or a
sentence with no date of its own that does not tell the day's news). Both are kept, so the story
layer can merge mentions; the default timeline shows only the events. What tells no happening
whatever its date is `non_events`; what is the page's own (a caption, a listing) `page_sentences`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

from timeline.ingest.reader.clauses import flashback, states, tense
from timeline.ingest.reader.naming import TIME_LEAD, unnamed_body
from timeline.ingest.reader.non_events import non_event, plain, unquoted
from timeline.ingest.reader.page_sentences import caption
from timeline.ingest.reader.reference import Dating
from timeline.ingest.reader.standing import held_position, ongoing, standing_fact
from timeline.ingest.reader.titles import has_verb
from timeline.ingest.reader.unresolved import unresolved
from timeline.ingest.reader.views import colour, view
from timeline.store import NewEvent

Kind = Literal["event", "support"]

LEAD_SENTENCES = 5
"""Body sentences, from the first, that may tell the day's news without a date of their own."""


@dataclass(frozen=True, slots=True)
class Draft:
    """A candidate sentence's event draft, whether a reader keeps it, and where it stands.

    `kind` is "event" (shown in the timeline) or "support" (a mention that backs an event);
    `position` is the sentence's order among the article's body sentences (0 = the lead; the
    headline's own event is -1), so a later stage can weigh early sentences more.
    """

    event: NewEvent
    kind: Kind
    position: int


_STANDING = re.compile(
    r"\b(?:so\s+far|to\s+date|thus\s+far|still|yet\s+to|remains?|remained|continues?\s+to|"
    r"(?:has|have)\s+continued\s+to|"
    r"has\s+been\s+\w+ing|have\s+been\s+\w+ing|is\s+(?:being|now)|are\s+(?:being|now)|"
    r"in\s+total|altogether|each\s+(?:day|year|week)|every\s+(?:day|year|week)|usually|"
    r"typically|generally|tends?\s+to|unknown|unclear|not\s+(?:yet\s+)?known|no\s+one\s+knows)\b",
    re.IGNORECASE,
)
"""Running totals, standing facts, ongoing states and what is still unknown."""
_AFTERMATH = re.compile(
    r"^\W*(?:The|This|That)\s+(?:[\w'’-]+\s+){0,5}?(?:disaster|spill|explosion|blast|quake|"
    r"earthquake|deaths?|crash|attack|collapse|fire|storm|flood|leak|killing|shooting|accident|"
    r"catastrophe|tragedy|crisis|scandal|war|outbreak)(?:\s+(?:of|in|at|on|off)\s+(?:[\w'’-]+\s+){0,3}?[\w'’-]+)?"
    r"\s+(?:has\s+(?:also\s+)?|had\s+)?"
    r"(?:led|prompted|sparked|triggered|resulted|caused|damaged|devastated|proved|left|brought|"
    r"forced|wiped|cost|killed|destroyed|claimed|injured)\b"
)
"""What an earlier happening led to, told as background ("The flood killed nine and left
the mill shut", "The death prompted an outcry"): with no date of its own, it sums up what
followed some earlier day, not the day's news."""
_VAGUE_INTENT = re.compile(
    r"\b(?:will|would|plans?\s+to|intends?\s+to)\s+(?:now\s+|also\s+|still\s+)?(?:consider|"
    r"look\s+(?:at|into)|review|examine|study|think\s+about|explore|weigh|try\s+to)\b",
    re.IGNORECASE,
)
"""An intention with no deed or day ("said it would consider the report", "will look at
ways to"): what may be done some day, not the day's news."""
_FIRST_PERSON = re.compile(r"(?:^|[\s(])(?:I|we|We|I'm|I've|we've|we're|We're|my|our|Our|My)\b")
_PRONOUN_START = re.compile(
    rf"^\W*(?:{TIME_LEAD})?(?:he|she|they|it|its|their|his|her|we|i|there)\b(?!-)", re.IGNORECASE
)
_POINTING_START = re.compile(
    r"^\W*(?:(?:this|that|these|those)|(?:these|those)\s+(?:[a-z-]+\s+){0,2}?[a-z-]+s)\s+"
    r"(?:\w+ly\s+)?(?:is|was|are|were|has|have|had|will|would|could|may|might|means|meant|came|led|left|"
    r"made|[a-z]+ed)\b",
    re.IGNORECASE,
)
"""A title opening on a pointing word, alone or before a plural noun, which a reader cannot
follow alone ("This prompted ...", "These agencies have sent ..."); "This morning's vote" and
"That ruling" are read elsewhere."""
_LINKING_START = re.compile(
    r"^\W*(?:the|this)\s+(?:move|decision|announcement|news|action|step|development)\s+"
    r"(?:comes?|came|follows|followed)\b",
    re.IGNORECASE,
)
"""A title that only ties something unnamed to other news ("The move comes as talks resume",
"The decision follows ..."): what moved is in another sentence."""
_SUBORDINATE = re.compile(
    r"^\W*(?:after|before|although|though|because|when|while|if|unless|as|since|despite|in\s+"
    r"addition\s+to|on\s+the\s+idea|to\s+gauge|with|without|following|during)\b[^,]*$",
    re.IGNORECASE,
)
_ENDS_ON_SAYING = re.compile(
    r"^\W*(?:[\w'’.-]+\s+){0,6}(?:said|says|say|told|added|asks|asked)\W*$|"
    r"\b(?:said|says|say|told|added|asks|asked|wrote|writes|reports?|reported)\s*:\s+"
    r"(?:\S+\s+){0,4}\S+\W*$",
    re.IGNORECASE,
)
"""An attribution with nothing said ("A senior technician said"), or cut just after its colon."""


def fragment(title: str) -> bool:
    """Whether a title is a fragment a reader cannot use alone: a subordinate clause or a phrase
    with no main clause ("After three days of pumping"), or an attribution with nothing said."""
    if _SUBORDINATE.match(title):
        return True
    if not has_verb(title) and not re.search(r"\b[a-z]{2,}ed\b|\b(?:meet|meets|met)\b", title):
        return True
    return bool(_ENDS_ON_SAYING.search(title))


def tells_news(sentence: str, position: int) -> bool:
    """Whether a sentence with no date of its own tells the day's news: among the lead
    sentences, past tense with an action verb, a named actor (no pronoun, no "there"), no
    flashback, no running total or standing fact, no first person outside quotes."""
    if position >= LEAD_SENTENCES:
        return False
    text = sentence.strip()
    outside = unquoted(text)
    if _PRONOUN_START.match(text) or _FIRST_PERSON.search(outside):
        return False
    if _STANDING.search(outside) or flashback(text) or _AFTERMATH.match(text):
        return False
    if _VAGUE_INTENT.search(outside):
        return False
    if re.search(r"\bsince\b", plain(outside)):
        return False  # "has carried two million since it was founded": a running total
    return tense(text) == "past"


def _cut_from(title: str, sentence: str) -> bool:
    """Whether a title is a stretch of its sentence (not one made from it: "Last trip to ...",
    "Two-day visit to ...", a speaker and their quoted words)."""
    flat = " ".join(title.split()).rstrip("…").lower()
    return flat in " ".join(sentence.split()).lower()


def _names_only(sentence: str, dating: Dating) -> bool:
    """Whether the sentence's date only starts a state still going ("has sold out every show
    since 2003") or names a thing ("the Harbour Safety Act of 1992"): no happening is on it."""
    if dating.basis == "report" or not dating.text:
        return False
    written = re.escape(dating.text)
    since = re.search(rf"\bsince\s+(?:(?:early|late|mid|the\s+end\s+of)\s+)?{written}", sentence)
    if since and re.search(r"\b(?:has|have)\b", sentence[: since.start()]):
        # "has toured since 2014": a state going on; but "the first visit since 2012" and
        # "had held the post since 2014" tell what happened then, and stay events
        return not re.search(r"\b(?:first|last)\b", sentence[: since.start()])
    return bool(re.search(rf"\b[A-Z][a-z]+\s+of\s+{written}\b", sentence)) and bool(
        re.fullmatch(r"\d{4}", dating.text)
    )


def _by_a_date(sentence: str, dating: Dating) -> bool:
    """Whether the sentence's own date only ends a "by" or an "until" ("should go out by
    February", "had berthed by Friday night", "is not due to sit until March"): a
    deadline, a forecast's horizon or a total reached by then, not a happening on that day."""
    if dating.basis == "report" or not dating.text:
        return False
    written = re.escape(dating.text)
    return bool(
        re.search(
            rf"\b(?:by|until|till)\s+(?:(?:the\s+)?(?:end|middle)\s+of\s+)?{written}(?!['’]s)",
            sentence,
            re.IGNORECASE,
        )
    )


_FIGURE = re.compile(
    r"[$€£¥]\s?\d|\b\d[\d,.]*\s*(?:million|billion|trillion|per\s?cent|%)|\b\d[\d,.]*\s*%"
)
_MEASURE = re.compile(
    r"\b(?:was|were|is|are)\s+(?:valued|worth|estimated|the\s+(?:largest|biggest|most|second|"
    r"third|top)|(?:about|around|nearly|some|roughly)\b)|\b(?:totall?ed|amounted\s+to|"
    r"accounted\s+for|leads?\s+the|ranked|saw\s+(?:about|around|nearly|some|more\s+than))\b",
    re.IGNORECASE,
)


def _statistic(sentence: str, dating: Dating) -> bool:
    """Whether a sentence dated only to a year or a month states a figure for it ("landings
    were valued at $40 million in 2028"): a statistic, not a happening."""
    date = dating.date
    if date is None or date.precision not in ("year", "month"):
        return False
    return bool(_FIGURE.search(sentence) and _MEASURE.search(sentence))


def keep_kind(sentence: str, dating: Dating, position: int, title: str) -> Kind:
    """Decide whether a dated sentence is an event or only supports one (module docstring).

    `position` is the sentence's order among the body sentences (in its update on a live page).
    """
    if non_event(sentence) or _names_only(sentence, dating) or _statistic(sentence, dating):
        return "support"
    if view(sentence) or (position > 0 and colour(sentence, dating.basis != "report")):
        return "support"  # a judgement, a forecast, a poll's figures, or a scene's colour
    if _by_a_date(sentence, dating):
        return "support"  # a deadline, a forecast's horizon or a total reached by then
    if states(sentence) or caption(sentence):
        return "support"  # how things stand ("The wreck lies a mile out"), or a photo's caption
    if ongoing(sentence) or standing_fact(sentence) or held_position(sentence, position):
        return "support"  # a habit, a total, a standing fact, or a party's position
    cut = dating.occurrence_at is None and _cut_from(title, sentence)
    if _PRONOUN_START.match(title) or _POINTING_START.match(title) or _LINKING_START.match(title):
        return "support"  # nobody named: a reader cannot use it alone
    if unnamed_body(title):
        return "support"  # "The firm said ...", no name the sentences before make clear
    if unresolved(title):
        return "support"  # "Many of them ...", "The initial delay ...": of whom or what, unsaid
    if cut and fragment(title):
        return "support"  # no statement: a reader cannot use it alone
    if title.endswith("…") and dating.basis == "report":
        return "support"  # cut mid-thought, and no date of its own to make up for it
    if dating.basis == "report" and dating.date is not None and dating.date.end:
        return "event"  # "had just returned from": a stretch just before the news day
    if dating.basis == "report":
        return "event" if tells_news(sentence, position) else "support"
    if dating.basis != "report" and _STANDING.search(unquoted(sentence)):
        return "support" if tense(sentence) != "past" else "event"
    return "event"
