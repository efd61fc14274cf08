"""Which dated sentences a reader keeps as events, and which only support them.

Every candidate sentence `ingest.events.build_mentions` dates becomes a `Draft`: kind "event"
when it tells a happening a reader wants in the chronology, "support" when it is only evidence
around one (an opinion, a prediction, a running total, background, a quote's fragment, or a
sentence with no date of its own that does not tell the day's news). Both are kept, so the story
layer can merge mentions; the default timeline shows only the events.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

from timeline.ingest.reader.clauses import flashback, states, supposes, tense
from timeline.ingest.reader.furniture import is_opinion
from timeline.ingest.reader.furniture_forms import AGENCIES
from timeline.ingest.reader.naming import TIME_LEAD
from timeline.ingest.reader.reference import Dating
from timeline.ingest.reader.titles import has_verb
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


_CONDITION = re.compile(
    r"^\W*(?:(?:however|but|and|so|yet|even|still|now|only|or)\W+)?(?:if|unless|whether|"
    r"in\s+case|suppose|imagine|what\s+if)\b",
    re.IGNORECASE,
)
_GUESS = re.compile(
    r"\b(?:could|might|may)\s+(?:\w+\s+)?(?:be|have|take|cost|mean|lead|"
    r"cause|reach|become|need|face|see|hit|rise|fall|last|help|make|go|come|get|end|result)\b|"
    r"\b(?:is|are|was|were)\s+(?:(?:widely|now|also|still|generally|largely)\s+)?"
    r"(?:(?:un)?likely|expected|feared|thought|believed|estimated|predicted|projected|forecast)"
    r"\s+to\b|"
    r"\b(?:warn(?:s|ed)?|fear(?:s|ed)?|predict(?:s|ed)?|forecast|worr(?:y|ies|ied))\s+"
    r"(?:that\s+)?(?:\w+\s+){0,4}?(?:could|might|may|would|will)\b",
    re.IGNORECASE,
)
"""A guess, a warning or a prediction: "could take months", "is widely expected to", "warned it
could"."""
_FORECAST = re.compile(
    r"\b(?:is|are|was|were|remains?|remained)\s+(?:\w+\s+)?(?:on\s+(?:track|course)|poised)\s+to\b|"
    r"\bshould\s+(?:now\s+|soon\s+|also\s+|still\s+)?(?:slow|ease|fall|rise|drop|stop|end|ebb|"
    r"abate|reach|arrive|return|peak|dwindle|recover|be\s+(?:able|ready|over|back|done|complete|"
    r"finished|[a-z]+ed)\b)",
    re.IGNORECASE,
)
"""A forecast told of the main clause: "is on track to", "was poised to", and "should" with a
change still to come ("the leak should slow by Monday"); "should pay" stays a demand."""
_RELATIVE_OPENING = re.compile(r"(?:,\s*|\s)(?:which|who|whose)\b|,\s*that\b", re.IGNORECASE)
"""Where a relative clause begins: its forecast, judgement or habit is about a noun, not what
the sentence reports ("the leak, which is on track to ...", "a tank that appeared to ...")."""


def _main_part(text: str) -> str:
    """A text up to its first relative clause (_RELATIVE_OPENING)."""
    return _RELATIVE_OPENING.split(text, maxsplit=1)[0]


_MAYBE = re.compile(
    r"(?<!\bthat\s)(?<!\bwhich\s)(?<!\bwho\s)\b(?:might|may)\s+"
    r"(?:well\s+|yet\s+|also\s+|even\s+|still\s+|soon\s+|never\s+|not\s+)?"
    r"(?!(?:of|and|or|be\s+(?:reached|contacted))\b)[a-z]{2,}\b|"
    r"\b[Cc]ould\s+(?:well\s+|also\s+|even\s+|soon\s+|eventually\s+)?(?:change|weigh|affect|"
    r"threaten|force|push|spread|delay|trigger|damage|hurt|harm|prove|spell|undermine|wipe|lose|"
    r"top|exceed|derail|bring|stop|destroy|sink|ruin|spiral|climb|double|soar|plunge|drop|"
    r"worsen|jeopardi[sz]e|slow|halt|dent|doom|swell|run\s+into)\b|"
    r",\s+(?:especially|particularly|even|only|perhaps)\s+if\b"
)
"""A guess in other words: "may" or "might" with any verb (in lower case: "May" is a month),
"could" with a verb of a feared or hoped-for change ("could weigh on the vote"), and a
condition set in the middle (", especially if it lasts,"); not in a relative clause ("storms
that may come") nor in a reason given ("shut it because it might leak"), `guessing`."""
_REASON = re.compile(r"\b(?:because|as|since|so\s+that|in\s+case|lest)\b", re.IGNORECASE)


def guessing(text: str) -> bool:
    """Whether a text (quotes set aside) guesses or warns of what may come (_GUESS, _MAYBE):
    a guess after a "because" gives a reason for what was done, and is left to the rest."""
    if _GUESS.search(text):
        return True
    found = _MAYBE.search(text)
    return found is not None and not _REASON.search(text, 0, found.start())


_COMMENT_OPENING = re.compile(
    r"^\W*(?:(?:for|by|in)\s+comparison\b|(?:the\s+)?(?:good|bad|real|big|only)\s+news\s+"
    r"(?:is|was|here)\b|the\s+(?:problem|question|truth|irony|fear|hope|danger|risk|worry|"
    r"trouble|point|lesson|concern|paradox)\s+(?:is|was|now\s+is|here\s+is)\b)",
    re.IGNORECASE,
)
"""A sentence that opens as a comment or a yardstick ("The trouble is ...", "The good news
is ...", "For comparison, ..."): it weighs or compares, and reports nothing of its own."""
_JUDGEMENT = re.compile(
    r"\b(?:appears?|appeared|seems?|seemed)\s+to\b|\bpublic\s+enemy\b|"
    r"^\W*(?:of|to)\s+(?:greater|more|most|particular|special|real|equal|less)\s+"
    r"(?:concern|interest|importance|note|worry)\b|"
    r"\bthe\s+wrong\s+(?:things?|priorities|questions?|people|approach|way|decision|message)\b|"
    r"\b(?:is|was|are|were|been|be)\s+(?:(?:a|an|the)\s+)?(?:(?:very|too|so|quite|rather|"
    r"deeply|hugely|extremely|wholly|entirely|simply|clearly|not|massive|huge|major|serious|"
    r"severe|real|big|bitter|crushing|terrible|complete|total|national|further)\s+){0,2}"
    r"(?:wrong|right|prudent|disappointing|unacceptable|irresponsible|inadequate|misguided|"
    r"reckless|absurd|ridiculous|outrageous|shameful|regrettable|encouraging|reassuring|"
    r"heartening|deplorable|appalling|blow|disgrace|mistake|travesty|shambles|embarrassment|"
    r"scandal|insult|fiasco|farce|setback|blunder|disappointed|pleased|delighted|satisfied|"
    r"concerned|worried|happy|saddened|dismayed|frustrated|confident|optimistic|hopeful|"
    r"heartened)\b",
    re.IGNORECASE,
)
"""A judgement or a feeling told as a report ("critics said the response appeared to soften",
"the ministry was focused on the wrong things", "the ruling is a massive blow to shareholders",
"Of greater concern is ...", "said it was disappointed"): what someone thinks or feels of the
news, not news."""
_NEWS_DEED = re.compile(
    r"\b(?:called\s+for|demanded|ordered|announced|ruled|pledged|agreed|approved|fined|charged|"
    r"sued|resigned|killed|released|published|voted|signed|filed|arrested|accused|alleged|"
    r"emerged|revealed)\b",
    re.IGNORECASE,
)
"""A deed that makes a sentence news whatever judgement it also reports ("expressed concern
that the rules were too weak and asked for them to be tightened")."""
_STANDING = re.compile(
    r"\b(?:so\s+far|to\s+date|thus\s+far|still|yet\s+to|remains?|remained|continues?\s+to|"
    r"(?:has|have)\s+continued\s+to|"
    r"has\s+been\s+\w+ing|have\s+been\s+\w+ing|is\s+(?:being|now)|are\s+(?:being|now)|"
    r"in\s+total|altogether|each\s+(?:day|year|week)|every\s+(?:day|year|week)|usually|"
    r"typically|generally|tends?\s+to|unknown|unclear|not\s+(?:yet\s+)?known|no\s+one\s+knows)\b",
    re.IGNORECASE,
)
"""Running totals, standing facts, ongoing states and what is still unknown."""
_ONGOING = re.compile(
    r"\b(?:repeatedly|consistently|continually|routinely|time\s+and\s+again)\b|"
    r"^\W*(?:sometimes|often|at\s+times|every\s+so\s+often)\b|"
    r"\b(?:has|have)\s+(?:\w+ly\s+)?(?:stuck|stood)\s+(?:to|by)\b|"
    r"\b(?:is|are)\s+(?:now\s+|still\s+)?on\s+trial\b|"
    r"\b(?:has|have)\s+(?:\w+ly\s+)?(?:fallen|risen|dropped|lost|gained|climbed|slumped|"
    r"plunged|soared|shed|tumbled|slid)\s+(?:by\s+)?(?:about\s+|some\s+|nearly\s+|almost\s+|"
    r"more\s+than\s+|over\s+)?[$€£]?\d[^.;]*?\bsince\b",
    re.IGNORECASE,
)
"""A habit, a trend or a running total, whatever date it carries ("has claimed repeatedly",
"Sometimes he admits ...", "has stuck to its estimate", "is on trial", "shares have fallen
34% since 20 April"): how things have gone for a while, not a happening of one day."""


def _ongoing(sentence: str) -> bool:
    """Whether the main clause, before any "that" it reports, tells a habit, a trend or a
    running total (_ONGOING): "noted that the firm had repeatedly pledged" is a noting."""
    main = _main_part(_ASIDE.sub(" ", _QUOTED.sub(" ", sentence)))
    return _ONGOING.search(re.split(r"\bthat\b", main, maxsplit=1)[0]) is not None


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
_QUOTED = re.compile(r"[“\"][^“”\"]*?(?:[”\"]|'')")
_PRONOUN_START = re.compile(
    rf"^\W*(?:{TIME_LEAD})?(?:he|she|they|it|its|their|his|her|we|i|there)\b(?!-)", re.IGNORECASE
)
_POINTING_START = re.compile(
    r"^\W*(?:this|that|these|those)\s+(?:is|was|are|were|has|have|had|will|would|could|may|"
    r"might|means|meant|came|led|left|made|[a-z]+ed)\b",
    re.IGNORECASE,
)
"""A title opening on a pointing word standing alone, which a reader cannot follow ("This
prompted ...", "That was ..."); "Those talks ran late" names its thing."""
_LINKING_START = re.compile(
    r"^\W*(?:the|this)\s+(?:move|decision|announcement|news|action|step|development)\s+"
    r"(?:comes?|came|follows|followed)\b",
    re.IGNORECASE,
)
"""A title that only ties something unnamed to other news ("The move comes as talks resume",
"The decision follows ..."): what moved is in another sentence."""
_SAY_ONLY = re.compile(
    r"^\W*(?:[\w'’.-]+\s+){1,6}(?:said|says|added|told|explained|noted)\W*(?:\w+\W*){0,3}$",
    re.IGNORECASE,
)
"""A sentence that is only an attribution ("It said in a statement")."""
_READER_MESSAGE = re.compile(
    r"^\W*[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,3}(?:,?\s+(?:from|in)\s+|,\s+)[A-Z][^:]{1,40}?,?\s+"
    r"(?:e-?mails|emails|texts|writes|blogs)\s*:"
)
"""A reader's message the page prints ("Ana Ruiz from Velmar e-mails: ..."): a comment."""


_PAGE_FURNITURE = re.compile(
    r"\{(?:current|total)\}|\bBACK\b.{0,30}\bNEXT\b|\bpage last updated\b|"
    r"\ba version (?:of this (?:article|story) )?appeared\b|"
    r"\b\d+\s+(?:minutes?|hours?)\s+ago\s+via\b|"
    r"^\W*(?:cents|•|\*)\s+[A-Z].*\s(?:cents|•)\s+[A-Z]|\brunning order\b|\bbroadcast live\b|"
    r"\b(?:click|watch|listen|subscribe|sign up|follow us)\b.{0,30}\b(?:here|below|now)\b|"
    r"\blast updated at\b|"
    r"^\W*(?:in\s+)?this\s+(?:file\s+)?(?:image|photo|picture|video|frame|still|handout)\b|"
    r"\b(?:photo|image|picture|video)\s+(?:made|taken|provided|released)\s+(?:from|by|on)\b|"
    r"\b(?:declined|refused)\s+to\s+comment\b|\bcould\s+not\s+be\s+reached\b|"
    r"\bdid\s+not\s+(?:immediately\s+)?(?:respond|return)\b|"
    r"^\W*this\s+(?:[\w.]+\s+){0,3}?(?:clip|video|story|article|report|page|programme|feature)\s+"
    r"(?:is|was|has\s+been)\s+(?:published|first\s+(?:broadcast|published|shown)|produced|"
    r"updated|brought)\b|\bcan\s+be\s+seen\s+[a-z]+ing\b|\bvia\s+the\s+link\s+below\b|"
    r"^(?!.*\b(?:is|are|was|were|has|have|had|will|shows?|showed|[a-z]{3,}ed)\b)\W*(?:live\s+)?"
    r"(?:video|audio|pictures|photos|images|gallery|slideshow|graphic|map|interactive)\s+"
    r"(?:of|from)\s+[^.!?]{0,80}\.?$",
    re.IGNORECASE,
)
"""What a page says about itself: slideshow controls, "page last updated", a feed's "4 minutes ago
via web", a list of headlines run together, "watch it here", "This clip was first broadcast
on ...", "available via the link below", a clip's heading ("Live video of the flood"); a
photo's or clip's caption ("In this image made from video ...", "crowds can be
seen queuing"); and what is no news ("declined to comment", "did not respond")."""
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


_ASIDE = re.compile(r"\s[–—-]{1,2}\s[^–—]{1,120}?\s[–—-]{1,2}\s|,\s+(?:which|who)\s[^,]{1,120},")
"""An aside between dashes or a relative clause between commas: its guess is not the sentence's."""


def non_event(sentence: str) -> bool:
    """Whether a sentence tells no happening whatever its date: a question, a condition or
    hypothetical, an opinion or a judgement (reported or not), a guess or warning of what might
    come, or only an attribution."""
    text = sentence.strip()
    if _PAGE_FURNITURE.search(text):
        return True
    if text.rstrip(" ”\"'’)").endswith("?") or _CONDITION.match(text):
        return True
    if is_opinion(text) or supposes(text) or _SAY_ONLY.match(text):
        return True
    if _COMMENT_OPENING.match(text) or _READER_MESSAGE.match(text):
        return True
    outside = _ASIDE.sub(" ", _QUOTED.sub(" ", text))
    if guessing(outside) or _FORECAST.search(_main_part(outside)):
        return True
    return bool(_JUDGEMENT.search(_main_part(outside))) and not _NEWS_DEED.search(outside)


def tells_news(sentence: str, position: int) -> bool:
    """Whether a sentence with no date of its own tells the day's news: among the lead
    sentences, past tense with an action verb, a named actor (no pronoun, no "there"), no
    flashback, no running total or standing fact, no first person outside quotes."""
    if position >= LEAD_SENTENCES:
        return False
    text = sentence.strip()
    outside = _QUOTED.sub(" ", text)
    if _PRONOUN_START.match(text) or _FIRST_PERSON.search(outside):
        return False
    if _STANDING.search(outside) or flashback(text) or _AFTERMATH.match(text):
        return False
    if _VAGUE_INTENT.search(outside):
        return False
    if re.search(r"\bsince\b", _ASIDE.sub(" ", outside)):
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


_CAPTION_DATE = re.compile(
    r"^\W{0,3}(?:January|February|March|April|May|June|July|August|September|October|November|"
    r"December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\.?\s+\d{1,2}(?:,\s*\d{4})?:\s+"
)
"""A gallery caption's date label ("June 7: ...", "April 29, 2031: ...")."""


_DAY_FIRST_LABEL = re.compile(
    r"^\W{0,3}\d{1,2}\s+(?:January|February|March|April|May|June|July|August|September|October|"
    r"November|December)(?:\s+\d{4})?:\s+"
)
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


def keep_kind(sentence: str, dating: Dating, position: int, title: str) -> Kind:
    """Decide whether a dated sentence is an event or only supports one (module docstring).

    `position` is the sentence's order among the body sentences (in its update on a live page).
    """
    if non_event(sentence) or _names_only(sentence, dating) or _statistic(sentence, dating):
        return "support"
    if states(sentence) or caption(sentence):
        return "support"  # how things stand ("The wreck lies a mile out"), or a photo's caption
    if _ongoing(sentence):
        return "support"  # a habit, a trend or a running total
    cut = dating.occurrence_at is None and _cut_from(title, sentence)
    if _PRONOUN_START.match(title) or _POINTING_START.match(title) or _LINKING_START.match(title):
        return "support"  # nobody named: a reader cannot use it alone
    if cut and fragment(title):
        return "support"  # no statement: a reader cannot use it alone
    if title.endswith("…") and dating.basis == "report":
        return "support"  # cut mid-thought, and no date of its own to make up for it
    if dating.basis == "report" and dating.date is not None and dating.date.end:
        return "event"  # "had just returned from": a stretch just before the news day
    if dating.basis == "report":
        return "event" if tells_news(sentence, position) else "support"
    if dating.basis != "report" and _STANDING.search(_QUOTED.sub(" ", sentence)):
        return "support" if tense(sentence) != "past" else "event"
    return "event"
