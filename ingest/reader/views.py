"""Sentences that tell a view, not a happening: a commentator's judgement ("Brokers said the
confidence had vanished"), a mood told as if it moved, a forecast's horizon ("the next chance
will not come until January"), a poll's breakdown ("62% of voters favour it"), a figure of
speech, and a scene's colour ("Families queue for water"). `keep` makes supporting mentions.
"""

from __future__ import annotations

import re

from timeline.ingest.reader.non_events import main_part, plain

_COMMENTATORS = (
    r"(?:analysts?|brokers?|strategists?|economists?|commentators?|critics?|pundits?|observers?|"
    r"supporters|opponents|detractors|(?:market|industry|city)\s+watchers?)"
)
"""Who comments on the news rather than makes it: their words are a judgement."""
_OBSERVERS = r"(?:experts?|specialists?|scientists?|investors?|traders?|academics?|insiders?)"
"""Who may report a finding as well as a view: only their believing or guessing is a view."""
_SAYING = (
    r"(?:said|says|say|told|tell|added|noted|wrote|commented|argued|argue|cautioned|"
    r"point(?:ed|s)?\s+out|"
    r"described|call(?:ed)?|estimated?|tweets|tweeted|writes|attacked|critici[sz]ed|praised|"
    r"slammed|blasted|hailed)"
)
_THINKING = (
    r"(?:believe[sd]?|think|thought|feel|felt|reckon(?:ed)?|suggest(?:ed|s)?|predict(?:ed|s)?|"
    r"expect(?:ed|s)?|warn(?:ed|s)?|fear(?:ed|s)?|doubt(?:ed|s)?|agree[sd]?|consider(?:ed|s)?)"
)
_QUALIFIER = r"(?:(?:some|many|most|other|several|two|three|one|an?|the|city|oil|energy|market|"
_QUALIFIER += r"industry|financial|independent|leading|veteran|[A-Z][\w'’&.-]*)\s+){0,3}"
_AT_FIRM = (
    r"(?:\s+(?-i:[A-Z])[\w'’.-]+(?:\s+(?-i:[A-Z])[\w'’.-]+){0,2})?"
    r"(?:\s+(?:at|from|with|of)\s+(?:[\w'’&.-]+\s+){0,4}?[\w'’&.-]+)?(?:,\s+[^,]{1,60},)?"
)
"""What may follow a commentator: a name, a firm, an aside ("strategist Ana Ruiz of Kestrel")."""
_COMMENT = re.compile(
    rf"^\W*(?:(?:but|and|meanwhile|however|yet)\W+)?(?:[^,]{{1,30}},\s+)?{_QUALIFIER}"
    rf"(?:{_COMMENTATORS}{_AT_FIRM}\s+"
    rf"(?:\w+ly\s+|also\s+|still\s+|even\s+)?(?:{_SAYING}|{_THINKING})|{_OBSERVERS}{_AT_FIRM}\s+"
    rf"(?:\w+ly\s+|also\s+|still\s+|even\s+)?{_THINKING})\b|"
    rf"\b(?:said|says|according\s+to)\s+[^,]{{1,40}},\s+(?:an?|the|one)\s+(?:[\w'’&.-]+\s+){{0,3}}?"
    rf"{_COMMENTATORS}\b|"
    rf",\s+{_COMMENTATORS}\s+(?:said|say|says|believe|think|argue|reckon)\s*[,.]|"
    rf",\s+(?:(?:an?|the|one|another)\s+)?(?:[\w'’&.-]+\s+){{0,3}}?{_COMMENTATORS}\b[^,]{{0,50}},\s+"
    rf"(?:\w+ly\s+)?(?:{_SAYING}|{_THINKING})\b|"
    rf"\baccording\s+to\s+{_QUALIFIER}{_COMMENTATORS}\b",
    re.IGNORECASE,
)
"""A commentator speaking ("Brokers at Tamsin & Rowe said ...", "..., said Ana Ruiz, an
analyst at Kestrel", "Critics argue ...", "according to analysts"), or an expert or an
investor believing or guessing ("Experts believe ..."): a judgement of the news, not news."""
_RESULT = re.compile(
    r"\b(?:fell|rose|dropped|climbed|gained|lost|slumped|jumped|plunged|soared|closed|cut|"
    r"raised|announced|agreed|ruled|resigned|died|killed)\b[^.;]{0,40}?\d",
    re.IGNORECASE,
)
"""A result with its figure ("shares fell 16%"): news, whoever tells it."""


def commentary(sentence: str) -> bool:
    """Whether a commentator's judgement is told (_COMMENT), not a result with its figure."""
    text = plain(sentence)
    return _COMMENT.search(text) is not None and not _RESULT.search(text)


_MOOD = (
    r"(?:confidence|trust|faith|optimism|pessimism|sentiment|mood|morale|enthusiasm|appetite|"
    r"patience|goodwill|anger|frustration|fears?|hopes?|anxiety|unease|nervousness|panic|"
    r"euphoria|jitters|gloom|despair|support)"
)
_MOVED = (
    r"(?:vanished|disappeared|evaporated|faded|waned|ebbed|collapsed|crumbled|drained|dried\s+up|"
    r"soured|darkened|lifted|improved|worsened|deteriorated|grown|grew|grows|builds?|built|"
    r"mounted|mounts?|mounting|risen|rose|rises|rising|growing|returned|recovered|gone|"
    r"run\s+out|ran\s+out|worn\s+thin|wore\s+thin|been\s+(?:shaken|dented|knocked|hit|"
    r"shattered|restored|lost|eroded|undermined)|eroded|slumped|plummeted|soared)"
)
_MOOD_MOVED = re.compile(
    rf"(?:^\W*|\b(?:that|said|says|believe[sd]?|think|thought|felt|feel)\s+)"
    rf"(?:(?:the|investor|investors['’]|public|market|consumer|business|local)\s+){{0,2}}"
    rf"{_MOOD}(?:\s+(?:in|of|among|towards?|with|for)\s+[^,.;]{{1,50}}?)?\s+"
    r"(?:(?:has|had|have|is|was|were|are)\s+)?(?:\w+ly\s+|also\s+|now\s+|all\s+but\s+)?"
    rf"{_MOVED}\b",
    re.IGNORECASE,
)
"""A mood told as if it moved ("the confidence in Velk Oil had simply vanished", "Anger is
growing among fishermen"): a judgement of how people feel, not a happening."""
_MOOD_FELT = re.compile(
    r"\bthere\s+(?:is|was|are|were|has\s+been|had\s+been)\s+(?:(?:a|an|some|general|growing|"
    rf"widespread|real|deep|cautious|great|much|little|no)\s+){{0,2}}{_MOOD}\b",
    re.IGNORECASE,
)
"""A mood told as present ("there was general optimism that the plug held")."""


def mood_moved(sentence: str) -> bool:
    """Whether the main clause, or what it reports, tells a mood that moved or is felt
    (_MOOD_MOVED, _MOOD_FELT)."""
    text = main_part(plain(sentence))
    return bool(_MOOD_MOVED.search(text) or _MOOD_FELT.search(text))


_NOT_UNTIL = re.compile(
    r"\b(?:(?:will\s+not|won['’]t|cannot|can['’]t|(?:is|are)\s+not\s+(?:expected|likely|due)\s+to)\s+"
    r"(?:\w+\s+)?(?:come|happen|arrive|end|stop|start|begin|be\s+(?:known|clear|ready|possible|"
    r"able|over|finished|complete|completed|done|sealed|fixed|safe))|(?:does|do|did)\s+not\s+"
    r"expect\s+to|(?:could|might|may)\s+(?:\w+\s+){0,3}?)\b[^.;]{0,60}?\buntil\b",
    re.IGNORECASE,
)
"""A horizon set by what must come first ("will not come until the relief well is finished",
"won't be known until spring"): a forecast, not a date set for a happening."""
_NEXT_CHANCE = re.compile(
    r"^\W*(?:(?:but|and|so)\W+)?the\s+(?:next|best|only|last)\s+(?:real\s+)?(?:chance|"
    r"opportunity|hope|window|shot)\b[^.;]*?\b(?:will|would|could|may|might|is|lies|comes)\b",
    re.IGNORECASE,
)
"""A chance still ahead ("The next chance to seal the breach comes ..."): a forecast."""
_SOME_TIME = re.compile(
    r"\b(?:will|should|could|would)\s+(?:\w+\s+){0,5}?(?:some\s?time|at\s+some\s+point)\b|"
    r"\b(?:could|may|might)\b[^.;]{0,60}?\bas\s+(?:early|soon)\s+as\b|"
    r"\bit\s+(?:is|was|seems|seemed|looks|looked)\s+(?:\w+ly\s+)?(?:un)?likely\b",
    re.IGNORECASE,
)
"""A happening guessed into a window ("will reach the quay some time between 3 and 8 June",
"could meet as early as next week") or told as likely ("it is likely the road will shut")."""


_COULD = re.compile(
    r"\bcould\s+(?:well\s+|also\s+|even\s+|soon\s+|eventually\s+|still\s+|yet\s+|perhaps\s+)?"
    r"(?!not\b|only\b|see\b|hear\b|feel\b|smell\b|do\b|be\s+(?:seen|heard)\b)[a-z]+\b",
    re.IGNORECASE,
)
_BEFORE_COULD = re.compile(
    r"\b(?:said|says|told|tells|added|ruled|agreed|approved|allowed|decided|before|until|so|if|"
    r"when|where|which|who|that|what|as|because|while|whether|than|how|all)\b",
    re.IGNORECASE,
)
"""What makes a "could" no guess of the writer's: a speaker or a ruling before it ("the court
ruled the firm could proceed"), or a clause it sits in ("all they could", "so it could")."""


def _writers_guess(text: str) -> bool:
    """Whether a main clause opens on a guess with "could" ("Sea currents could carry the tar
    north", "Kelso could end up paying for the flood"): nobody's report, nothing done."""
    found = _COULD.search(text)
    return found is not None and not _BEFORE_COULD.search(text, 0, found.start())


def forecast(sentence: str) -> bool:
    """Whether the main clause forecasts a horizon or a chance still ahead (_NOT_UNTIL,
    _NEXT_CHANCE, _SOME_TIME) or opens on a guess (`_writers_guess`): when or whether something
    may come, not a date set for it."""
    text = main_part(plain(sentence))
    if any(rule.search(text) for rule in (_NOT_UNTIL, _NEXT_CHANCE, _SOME_TIME)):
        return True
    return _writers_guess(text)


_GROUP = (
    r"(?:respondents|voters|americans|britons|those\s+(?:polled|asked|surveyed|questioned)|"
    r"people|adults|the\s+public|residents|republicans|democrats|conservatives|liberals|"
    r"members|citizens|consumers|parents|workers)"
)
_SHARE = (
    r"(?:\b\d+(?:\.\d+)?\s*(?:%|per\s?cent|percent)|\b(?:a\s+(?:clear\s+|narrow\s+|slim\s+)?"
    rf"majority|most|half|a\s+third|two-thirds|a\s+quarter|three-quarters|a\s+minority)\s+of\s+"
    rf"(?:[\w-]+\s+){{0,2}}?{_GROUP}|\b(?:almost\s+|nearly\s+)?identical\s+numbers)"
)
_HOLDING = (
    r"(?:said|say|says|believed?|believes|think|thought|felt|feel|favou?r(?:ed|s)?|"
    r"support(?:ed|s)?|opposed?|opposes|back(?:ed|s)?|blamed?|blames|approved?|approves|"
    r"disapproved?|want(?:ed|s)?|agreed?|agrees|view(?:ed|s)?|preferred|prefers?|"
    r"trust(?:ed|s)?|were\s+(?:in\s+favou?r|against|opposed|worried|concerned|unhappy|happy)|"
    r"are\s+(?:in\s+favou?r|against|opposed|worried|concerned|unhappy|happy))"
)
_POLL_SHARE = re.compile(
    rf"{_SHARE}(?:\s+of\s+(?:[\w-]+\s+){{0,2}}?{_GROUP})?(?:,\s+[^,]{{1,40}},)?"
    rf"(?:\s+(?:in|among|of)\s+(?:[\w'’-]+\s+){{0,3}}?[\w'’-]+)?\s+(?:now\s+|still\s+|also\s+)?"
    rf"{_HOLDING}\b",
    re.IGNORECASE,
)
"""A share of a group holding a view ("58 percent favor it", "In Ardmoor, 58% of respondents,
and 41% in Kelso, thought ...", "a majority of voters opposed"): a standing opinion."""
_POLL_RELEASED = re.compile(
    r"\b(?:poll|survey)\b[^.;]{0,80}?\b(?:released|published|found|finds|showed|shows|suggests?|"
    r"suggested)\b",
    re.IGNORECASE,
)
"""A poll told as news of its own ("a poll released on Tuesday found ...")."""


def poll_figure(sentence: str) -> bool:
    """Whether a sentence breaks down a poll's figures (_POLL_SHARE), not tells its release."""
    text = plain(sentence)
    return _POLL_SHARE.search(text) is not None and not _POLL_RELEASED.search(text)


_FIGURE_OF_SPEECH = re.compile(
    r"\bgrist\s+to\s+(?:the|their|his|her|its)\s+mill\b|\bwriting\s+(?:is|was)\s+on\s+the\s+"
    r"wall\b|\bwake-?\s?up\s+call\b|\btip\s+of\s+the\s+iceberg\b|\bdrop\s+in\s+the\s+ocean\b|"
    r"\bsalt\s+(?:in|into)\s+(?:the|their|its|his|her)\s+wounds?\b|\bfuel\s+to\s+the\s+fire\b|"
    r"\bperfect\s+storm\b|\bwither\s+on\s+the\s+vine\b|\bnail\s+in\s+the\s+coffin\b|"
    r"\bdouble-edged\s+sword\b|\bsilver\s+lining\b|\bstorm\s+in\s+a\s+teacup\b|"
    r"\bhome\s+to\s+roost\b|\b(?:returned|return|came\s+back|come\s+back)\s+to\s+haunt\b|"
    r"\b(?:has|have|had)\s+(?:\w+ly\s+)?served\s+(?:only\s+)?to\b",
    re.IGNORECASE,
)
"""A figure of speech that weighs the news ("added grist to the mill", "a wake-up call",
"have come back to haunt him", "has only served to deepen"): the writer's comment."""
_WEIGHED = re.compile(
    r"\b(?:is|was|are|were|been|be|remains?|remained|looks?|looked|seems?|seemed)\s+"
    r"(?:\w+ly\s+|still\s+|now\s+|not\s+){0,2}(?:reasonable|manageable|sustainable|robust|"
    r"resilient|fragile|overblown|overdone|exaggerated|(?:un)?justified|premature|inevitable|"
    r"implausible|untenable|bleak|grim|rosy|dire|precarious|overstated|understated)\b|"
    r"\b(?:looks?|looked|seems?|seemed|feels?|felt)\s+(?:\w+ly\s+|now\s+)?like\b|"
    r"\bmade\s+(?:\w+\s+){1,4}?(?:feel|look|seem)\s+like\b|"
    r"\bfac(?:es|ed|e|ing)\s+(?:potentially|possible|potential|likely|up\s+to|as\s+much\s+as)\b",
    re.IGNORECASE,
)
"""A weighing word said of the news ("the estimate remained reasonable", "the outlook is
bleak"), a likeness ("the rigs look like guard towers", "has made the coast feel like a
fair"), or a prospect ("faces potentially millions in penalties"): a judgement, not a happening."""
_COLUMN = re.compile(
    r"\b(?:column|op-?ed|editorial|commentary|opinion\s+piece|blog\s+post|essay)\b[^.;]{0,80}?"
    r"\b(?:argued|argues|wrote|writes|said|says|contended|contends|suggested|suggests)\b|"
    r"\b(?:argued|argues|wrote|writes|contended|contends)\b[^.;]{0,40}?\b(?:in|for)\s+(?:an?|"
    r"the|his|her|their)\s+(?:[\w-]+\s+){0,2}?(?:column|op-?ed|editorial|essay|blog)\b",
    re.IGNORECASE,
)
"""What a column, an op-ed or an editorial argues ("In an online column, Ruiz and Dale
argued ...", "Ruiz wrote in his weekly column that ..."): the writer's opinion, not news."""


_CHARACTERISED = re.compile(
    r"(?<!\bwhat\s)\b(?:has|have|had)\s+been\s+(?:\w+ly\s+)?(?:described|called|dubbed|"
    r"labell?ed|branded|seen|regarded|viewed)\s+as\b(?![^.;]*\bby\b)|"
    r"(?<!\bwhat\s)\b(?:is|are|was|were)\s+(?:\w+ly\s+|also\s+|now\s+)?(?:seen|regarded|viewed|considered)\s+"
    r"as\b(?![^.;]*\bby\b)|"
    r"\b(?:has|have)\s+(?:\w+ly\s+|also\s+)?(?:described|called|labell?ed|branded)\s+(?:it|this|"
    r"the\s+[\w-]+)\s+(?:as\s+)?(?:the|an?|one\s+of\s+the)\s+(?:[\w-]+\s+){0,3}?(?:worst|biggest|"
    r"largest|greatest|deadliest|gravest|most)\b",
    re.IGNORECASE,
)
"""A characterisation ("The flood has been described as the gravest for a century", "was seen as
further proof", "The agency has described it as the worst it has faced"): a label given to the
news, repeated in story after story, not a happening; "..., in what was seen as a win" labels
the happening told before it, which stays."""
_OWN_VIEW = re.compile(
    r"(?:^|[:,]\s*)[\"“‘]\s*I\s+(?:still\s+|really\s+|just\s+|personally\s+|do\s+)?"
    r"(?:feel|think|believe|reckon|guess|suppose)\b"
)
"""A quote that opens on the speaker's own view ('Ruiz said: "I still feel like they can
win"'): an opinion in their words, whoever speaks."""


def weighed(sentence: str) -> bool:
    """Whether a sentence weighs the news (_FIGURE_OF_SPEECH; _WEIGHED or _CHARACTERISED in the
    main clause), quotes a view (_OWN_VIEW) or tells what a column argues (_COLUMN)."""
    text = plain(sentence)
    if _OWN_VIEW.search(sentence.strip()) or _FIGURE_OF_SPEECH.search(text):
        return True
    if _COLUMN.search(text):
        return True
    main = main_part(text)
    return bool(_WEIGHED.search(main) or _CHARACTERISED.search(main))


def view(sentence: str) -> bool:
    """Whether a sentence tells a view, whatever its date: a commentator's judgement, a mood
    that moved, a forecast's horizon, a poll's figures, or a weighing of the news."""
    return (
        commentary(sentence)
        or mood_moved(sentence)
        or forecast(sentence)
        or poll_figure(sentence)
        or weighed(sentence)
    )


_DOING = (
    r"(?:eating|waiting|wearing|sitting|standing|crying|weeping|smiling|sleeping|queuing|"
    r"queueing|staring|watching|walking|playing|laughing|chatting|singing|praying|clutching|"
    r"huddled|huddling|milling|begging|wandering|resting|lining\s+up)"
)
_DOES = (
    r"(?:eats?|waits?|wears?|sits?|stands?|cries|weeps?|smiles?|sleeps?|queues?|stares?|watches|"
    r"walks?|plays?|laughs?|chats?|sings?|prays?|clutches|wanders?|huddle|huddles|line\s+up|"
    r"lines\s+up|begins?\s+to\s+(?:cry|weep|sob|laugh))"
)
_SCENE_SUBJECT = (
    r"^\W*(?:[^,]{1,30},\s+)?(?:(?!(?:will|would|can|could|to|did|does|do|not|should|must|may|"
    r"might|said|says|told|[a-z]+ed)\b)[\w'’-]+\s+){0,4}?"
    r"(?!(?:the|a|an|his|her|their|its|our|my|your|of|these|those|this|that|and|in|on|at)\b)"
    r"[\w'’-]+(?:,\s+[^,]{1,40},)?\s+"
)
"""Who is seen: a few words, after a setting ("In Kelso, ") and before an aside ("His wife,
Lena,"), with no verb of their own."""
_ONGOING_SCENE = re.compile(
    rf"{_SCENE_SUBJECT}(?:is|are|were|was)\s+(?:still\s+|now\s+|all\s+)?{_DOING}\b"
    r"(?!\s+(?:down|aside|trial)\b)",
    re.IGNORECASE,
)
"""People seen in the middle of doing what they do ("Children were playing in the dust")."""
_SCENE = re.compile(rf"{_SCENE_SUBJECT}{_DOES}\b(?!\s+(?:down|aside|trial)\b)", re.IGNORECASE)
"""People seen doing what they do, in the present ("Families queue for water", "Her brother,
Tomas, sits beside her and starts to weep")."""


def colour(sentence: str, dated: bool) -> bool:
    """Whether the main clause only paints a scene: people in the middle of doing what they do
    (_ONGOING_SCENE), or, in a sentence with no date of its own (`dated` false), doing it in the
    present (_SCENE); "The council sits on Monday" is a sitting."""
    text = main_part(plain(sentence))
    if _ONGOING_SCENE.search(text):
        return True
    return not dated and _SCENE.search(text) is not None
