"""Name who a title's opening pronoun stands for, in square brackets, from the sentences before.

"He added that talks would resume" after "Mayor Ana Okafor opened the bridge." becomes
"[Okafor] added that talks would resume", the way newspapers edit quotes. The name is taken only
when it is unambiguous: for "he"/"she", the one person the previous sentences name (two people,
no guess); for "it"/"they", the previous sentence's subject when it is a short noun phrase of the
right number. Otherwise nothing is supplied and the caller treats the title as unusable.
A title opening on a description ("The firm said ...", "The singer died ...") gets the name the
sentences before give it, when one is clear and of the right kind (a person's for a person).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from timeline.store.dates import MONTH_NAMES, WEEKDAY_NAMES

LOOK_BACK = 2
"""Sentences before the title's own in which an antecedent is looked for."""

_PERSON_PRONOUN = re.compile(r"^(?P<word>he|she|his|her)\b", re.IGNORECASE)
_SPEAKER_I = re.compile(r"^I\b(?!['’]s)")
"""A title in a speaker's own words: "I have just returned from ..." (inside a quotation)."""
_THING_PRONOUN = re.compile(r"^(?P<word>it|its|they|their)\b(?!['’]s)", re.IGNORECASE)
_HONORIFIC = r"(?:Mr|Mrs|Ms|Dr|Sen|Rep|Gov|Gen|Adm|Lt|Col|Capt|Prof)\.?"
_CAP = r"[A-Z][a-z'’-]+"
_PERSON = re.compile(
    rf"\b(?:{_HONORIFIC}\s+{_CAP}(?:\s+{_CAP})?|{_CAP}(?:\s+[A-Z]\.)?\s+(?:{_CAP}\s+)?{_CAP})\b"
)
"""A person's name: "Mr Orrin", "Tomas Orrin", "Ada K. Velk" (first name, surname)."""
_NOT_FIRST_NAMES = (
    frozenset(MONTH_NAMES)
    | frozenset(WEEKDAY_NAMES)
    | frozenset(
        str.split(
            "The A An In On At As But And Of For From With By Coast Guard White House "
            "New Port United South North East West Prime Minister President Secretary Chief "
            "Executive Interior Energy Justice Department Senate House Congress British American "
            "National Red Cross Mr Mrs Ms Dr Sen Rep Gov Gen Adm Lt Col Capt Prof It He She "
            "They This That These Those Its Their His Her We I Our My After Before When "
            "While Since Sky Mission Admiral General Governor Senator Mayor Judge Captain "
            "Professor Minister Library Space Capital Council Party Street Road Museum "
            "University Hospital Company Group Service Agency Committee Commission "
            "Department Ministry Court Prize Bank Airlines Motors Corp Inc Ltd Times News "
            "Post Journal Centre Center Island Islands City County State Republic Sound Bay "
            "Report Project Foundation Fund Act Bill Plan Programme Program Institute Institution "
            "Association Organisation Organization Society Union Board Trust Network Station "
            "Field Rig Platform Oil Gas Petroleum Airport Hotel Church Palace School College "
            "Market Exchange Index Award Festival Review Inquiry Survey Fleet Army Navy Police"
        )
    )
)
_VERB_NEXT = (
    r"(?=(?:has|have|had|is|are|was|were|will|would|said|says|told|added|also|then|later|lost|won|"
    r"sold|fell|rose|led|left|made|took|gave|set|cut|hit|[a-z]{3,}ed)\b)"
)
_SUBJECT = re.compile(
    r"^\W*(?P<np>(?:The|the)\s+(?:[A-Za-z-]+\s+){0,2}?[a-z-]+|"
    r"(?!(?:A|An|The|This|That|These|Those|In|On|At|As|But|And|If|When|After|Before|He|She|It|"
    r"They|We|I|You|There|His|Her|Its|Their|Our)\b)"
    r"[A-Z][\w&.-]*(?:\s+[A-Z][\w&.-]*){0,3})(?:,\s+(?:which|who)\s[^,]{1,80},)?\s+" + _VERB_NEXT
)
"""A sentence's subject when it opens the sentence and its verb follows (after a "which" aside)."""
LEAD = 3
"""Opening sentences whose one named person a "she" far from any name may stand for (an
obituary's or a profile's subject)."""


def _people(sentence: str) -> list[str]:
    """The people a sentence names, by surname (or honorific and surname), in order."""
    found = []
    for match in _PERSON.finditer(sentence):
        words = match.group().split()
        while len(words) > 2 and words[0] in _NOT_FIRST_NAMES:
            words = words[1:]  # "Mayor Tomas Orrin": the role is not the name
        if words[0] in _NOT_FIRST_NAMES and not re.fullmatch(_HONORIFIC, words[0]):
            continue
        if any(word in _NOT_FIRST_NAMES for word in words[1:]):
            continue
        words[-1] = re.sub(r"['’]s$", "", words[-1])  # "Tomas Orrin's": the name, not its 's
        found.append(words[-1] if not re.fullmatch(_HONORIFIC, words[0]) else " ".join(words))
    return found


def antecedent(pronoun: str, before: Sequence[str]) -> str | None:
    """Who or what a title's opening pronoun stands for, from the sentences before (nearest
    last); None when it is not clear."""
    recent = list(before)[-LOOK_BACK:]
    if pronoun.lower() in ("he", "she", "his", "her"):
        for sentence in reversed(recent):
            people = {name.split()[-1]: name for name in _people(sentence)}
            if len(people) > 1:
                return None  # two people: whose words these are is not ours to guess
            if people:
                name = next(iter(people.values()))
                opening = sentence.lstrip(" “\"'‘")[: sentence.find(name.split()[-1]) + 1]
                if len(opening.split()) <= 6 or (
                    pronoun.lower() in ("he", "she") and _speaks(name, sentence)
                ):
                    return name  # the sentence's subject, or whose words it gives
                return None
        if any(_UNNAMED_PERSON.search(sentence) for sentence in recent):
            return None  # "The woman was found ...": her, not the lead's person
        lead = {name.split()[-1]: name for sentence in before[:LEAD] for name in _people(sentence)}
        return next(iter(lead.values())) if len(lead) == 1 else None
    if not recent or re.search(r"\b(?:said|says|told|added)\b", recent[-1]):
        return None  # "X said the craft was ...": "it" may be either
    subject = _SUBJECT.match(recent[-1])
    if subject is None or _people(subject["np"]):
        return None
    noun = subject["np"]
    plural = noun.endswith("s") and not noun.endswith("ss") and not noun.isupper()
    if pronoun.lower() in ("they", "their") and not plural:
        return None
    if pronoun.lower() in ("it", "its") and plural:
        return None
    return noun[:1].lower() + noun[1:] if noun.startswith("The ") else noun


def _speaks(name: str, sentence: str) -> bool:
    """Whether a sentence gives a person's words, however late it names them: "The official in
    charge, Tomas Orrin, said ...", "..., said Tomas Orrin, the harbour master" (whom a "he" or
    "she" after it stands for, not a possessive: "Her son" may be another's)."""
    surname = re.escape(name.split()[-1])
    return bool(
        re.search(
            rf"(?:^|[,”\"'’]\s*)(?:[a-z-]+\s+){{0,3}}(?:{_HONORIFIC}\s+)?(?:{_CAP}\s+)*"
            rf"{surname},?\s+(?:has\s+)?{_SAYING}\b",
            sentence,
        )
        or re.search(
            rf"\b(?:said|says)\s+(?:{_HONORIFIC}\s+)?(?:{_CAP}\s+)*{surname}\b(?=\s*(?:[,.;]|$))",
            sentence,
        )
    )


_UNNAMED_PERSON = re.compile(
    r"\b(?i:the|a|an)\s+(?:[\w-]+\s+){0,3}?(?:woman|man|girl|boy|mother|father|wife|husband|"
    r"daughter|son|child|baby|survivor|victim|teenager|pensioner|widow)\b"
)
"""A person the sentence describes without naming ("the 84-year-old woman"), whom a "she" after
it may stand for."""


def _speaker(before: Sequence[str]) -> str | None:
    """Who speaks a quotation's "I": the subject of the nearest sentence before that opens a
    quotation or attributes words (its one named person, else its opening noun phrase)."""
    for sentence in reversed(list(before)[-LOOK_BACK:]):
        if not _ATTRIBUTES.search(sentence):
            continue
        people = {name.split()[-1]: name for name in _people(sentence)}
        if len(people) == 1:
            return next(iter(people.values()))
        said = _SAID_BY.match(sentence)
        if said is None or people or len(said["np"].split()) > MAX_SPEAKER_WORDS:
            return None
        noun = said["np"]
        return noun[:1].upper() + noun[1:]
    return None


_SAYING = r"(?:said|says|told|added|emphasi[sz]ed|stressed|stated|insisted)"
_ATTRIBUTES = re.compile(rf"[“\"]|\b{_SAYING}\b")
"""A sentence that opens a quotation or says whose words follow."""
_SAID_BY = re.compile(
    r"^\W*(?!(?:He|She|It|They|We|I|You|As|If|When|But|And|So|This|That|There)\b)"
    rf"(?P<np>[A-Z](?:(?!\b(?:I|he|she|we|they|you)\b)[^,“\"])*?)\s+(?:also\s+)?{_SAYING}\b"
)
"""The words before a sentence's verb of saying: who speaks."""
MAX_SPEAKER_WORDS = 6
"""A longer stretch before "said" is more than a speaker's name or role."""


TIME_LEAD = (
    r"(?:(?:this|last|next|earlier|later)\s+(?:week|month|year|morning|afternoon|evening|night|"
    r"weekend)|(?:on\s+)?(?:" + "|".join(WEEKDAY_NAMES) + r")|yesterday|today|tonight)"
    r"(?:\s+(?:morning|afternoon|evening|night))?,?\s+"
)
"""A time phrase opening a title before its subject ("This week he said", "On Monday it rose")."""


def name_pronoun(title: str, before: Sequence[str]) -> str | None:
    """The title with its opening pronoun named in brackets ("[Okafor] added ..."), or a quoted
    speaker's "I" prefixed by who speaks ("[Okafor:] I signed it"), also after a time phrase
    ("This week [Okafor] said"); the title unchanged when it opens with none; None when it does
    and no antecedent is clear."""
    lead = re.match(TIME_LEAD, title, re.IGNORECASE)
    rest = title[lead.end() :] if lead else ""
    if lead is not None and (_PERSON_PRONOUN.match(rest) or _THING_PRONOUN.match(rest)):
        named = name_pronoun(rest, before)  # "This week [Okafor] said ..."
        return None if named is None else title[: lead.end()] + named
    if _SPEAKER_I.match(title):
        speaker = _speaker(before)
        return None if speaker is None else f"[{speaker}:] {title}"
    match = _PERSON_PRONOUN.match(title) or _THING_PRONOUN.match(title)
    if match is None:
        return title
    if _DUMMY_IT.match(title):
        return None  # "It is believed the storm ...": an "it" that stands for nothing named
    word = match["word"]
    name = antecedent(word, before)
    if name is None:
        return None
    if word.lower() == "her" and not re.match(r"^\w+\s+[a-z]", title):
        return None  # "Her" as an object cannot open a title we can mend
    possessive = word.lower() in ("his", "her", "its", "their")
    named = f"[{name[:1].upper() + name[1:]}{'’s' if possessive else ''}]"
    return named + title[match.end() :]


_DUMMY_IT = re.compile(
    r"^it\s+(?:is|was|has\s+been|had\s+been|will\s+be|would\s+be|seems|seemed|appears|appeared|"
    r"remains|remained)\s+(?:\w+ly\s+)?(?:believed|thought|understood|expected|said|reported|"
    r"feared|hoped|estimated|known|claimed|alleged|rumou?red|likely|unlikely|clear|unclear|"
    r"possible|impossible|probable|true|important|hard|difficult|easy|too|not|time)\b|"
    r"^it\s+(?:emerged|emerges|transpired|turned\s+out|follows)\b",
    re.IGNORECASE,
)
"""An "it" that opens a clause told later ("It is believed the storm killed 20", "It emerged
that ..."): there is no antecedent to name."""


DESCRIPTION_LOOK_BACK = 8
"""Sentences before a title's own in which the name of a thing it describes is looked for."""
_NOT_NOUN = (
    r"(?!(?:the|a|an|of|has|have|had|is|are|was|were|will|would|can|could|may|might|must|should|"
    r"did|does|also|then|now|later)\b)"
)
"""A word a description's modifier or head cannot be: "That has helped", "The BBC has learned"
open on no description of a thing."""
_DESCRIBED = re.compile(
    rf"^(?P<det>The|This|That)\s+(?P<mods>(?:{_NOT_NOUN}[A-Za-z][\w-]*\s+){{0,2}}?)"
    rf"(?P<noun>{_NOT_NOUN}[a-z][a-z-]{{2,}})"
    r"(?=\s+(?:also\s+|then\s+|later\s+|now\s+)?(?:has|have|had|is|are|was|were|will|would|"
    r"said|says|told|added|lost|won|sold|fell|rose|led|left|made|took|gave|cut|hit|began|"
    r"became|came|went|met|held|ran|sank|struck|spoke|wrote|[a-z]{2,}ed)\b)"
)
"""A title opening on a definite description and its verb: "The well was capped", "The former
harbour master said"."""
_UNNAMEABLE = frozenset(
    str.split(
        "day week month year time morning night evening afternoon number amount rest news "
        "move decision idea plan problem issue question answer result reason way case fact "
        "situation first last same other latter former most people public world"
    )
)
"""Heads whose referent is not a named thing ("The move", "The rest"), never named."""
_NAME_WORD = r"[A-Z][\w'’.&-]*"
_NOT_NAME_WORDS = _NOT_FIRST_NAMES - frozenset(
    str.split("Gulf Coast Guard White House Red Cross National United British American")
)


def _clean_name(name: str) -> str | None:
    """A candidate name without a leading function word; None when nothing of a name is left."""
    words = name.split()
    while words and words[0] in ("The", "A", "An", "In", "On", "At", "But", "And", "As", "By"):
        words = words[1:]
    if words and len(words[-1]) > 2:
        words[-1] = words[-1].rstrip(".,")  # a sentence's full stop, not an initial's
    if not words or all(word in _NOT_NAME_WORDS or _DESCRIBING.fullmatch(word) for word in words):
        return None
    return " ".join(words)


_DESCRIBING = re.compile(r"[\w'’.]+-[a-z]+")
"""A capitalised word that describes, not names: "Haitian-born", "UK-based"."""


def _names_for(noun: str, sentence: str) -> dict[str, bool]:
    """The names a sentence gives a noun, each with whether it stands before the noun: "the
    Macondo well" (before), "singer Ada Velk", "Ada Velk, the singer", "the museum, the Orvik
    Hall," (after)."""
    found: dict[str, bool] = {}
    word = rf"(?i:{re.escape(noun)})"
    for match in re.finditer(rf"(?<![\w.])((?:{_NAME_WORD}\s+){{1,3}}){word}\b", sentence):
        found[match.group(1).strip()] = True
    after = rf"(?<![\w-]){word},?\s+(?:the\s+)?({_NAME_WORD}(?:\s+{_NAME_WORD}){{0,2}})"
    for match in re.finditer(after, sentence):
        found.setdefault(match.group(1), False)
    apposed = (
        rf"({_NAME_WORD}(?:\s+{_NAME_WORD}){{0,3}}),\s+(?i:the|a|an)\s+(?:[\w-]+\s+){{0,3}}"
        rf"{word}\b"
    )
    for match in re.finditer(apposed, sentence):
        found.setdefault(match.group(1), False)
    named = {}
    for name, first in found.items():
        clean = _clean_name(name)
        if clean is not None:
            named[clean] = first
    return named


ORGANISATION_NOUNS = frozenset(
    str.split("company firm giant corporation conglomerate multinational")
)
"""Heads of a description of a company ("The firm", "The oil giant"), which a sentence before
may name without the word ("Velk Oil Plc", "Velk Oil's shares")."""
_ORG_WORD = r"[A-Z][\w.&-]*"
_ORG = rf"(?P<name>{_ORG_WORD}(?:\s+{_ORG_WORD}){{0,3}})"
_AS_COMPANY = re.compile(
    rf"\b(?:[Ss]hares|[Ss]takes?)\s+in\s+{_ORG.replace('name', 'holding')}"
    rf"|{_ORG}(?:\s+(?:Plc|plc|PLC|Inc|Corp|Ltd|LLC|AG|SA|NV)\b"
    r"|\s*\((?:[A-Z][A-Za-z]{1,8}:\s*)?[A-Z0-9]{1,6}(?:\.\s?[A-Z]{1,2})?\)"
    r"|['’]s\s+(?:shares?|share\s+price|stock|chief\s+(?:executive|\w+\s+officer)|board|"
    r"chairman|spokes(?:man|woman|person)|profits?|dividends?|market\s+(?:value|capitali[sz]ation)|"
    r"shareholders|investors|headquarters|subsidiary)\b"
    r"|\s+(?:shares|stock)\s+(?:fell|rose|were|have|had|are|[a-z]{3,}ed)\b)"
)
"""A name written as a company's: "Velk Oil Plc", "Velk Oil (VLK. L)", "Velk Oil's shares",
"Velk Oil shares fell", "shares in Velk Oil"."""


_TOLD_BY_COMPANY = re.compile(
    rf"^\W*{_ORG}\s+(?:[a-z]\S*\s+)[^,;]*,\s+the\s+(?:[a-z-]+\s+){{0,2}}"
    rf"(?:{'|'.join(ORGANISATION_NOUNS)})\s+(?:has\s+|had\s+)?"
    r"(?:said|says|confirmed|announced|admitted|revealed|added)\b"
)
"""A sentence whose subject is a name its company's noun speaks for at its end: "Velk Oil could
cut its payout, the energy giant has confirmed"."""


def _organisations(sentence: str) -> set[str]:
    """The companies a sentence names as such (`_AS_COMPANY`, or in apposition to a company's
    noun: "Velk Oil, the energy giant"), never "Mr Velk"."""
    found: set[str] = set()
    for match in _AS_COMPANY.finditer(sentence):
        if re.match(_HONORIFIC + r"\s", match["name"] or match["holding"]):
            continue  # "Mr Velk's shares": a person's
        words = (match["name"] or match["holding"]).split()
        while words and words[0] in _NOT_NAME_WORDS | {"Shares", "Earlier", "Later"}:
            words = words[1:]  # "On Monday Velk Oil shares fell": the day is no part of it
        name = _clean_name(" ".join(words))
        if name is not None:
            found.add(name)
    told = _TOLD_BY_COMPANY.match(sentence)
    if told is not None and not _people(told["name"]):
        name = _clean_name(told["name"])
        if name is not None:
            found.add(name)  # "Velk Oil could cut its payout, the energy giant said"
    for noun in ORGANISATION_NOUNS:
        if re.search(rf"\b{noun}\b", sentence, re.IGNORECASE):
            for name in _names_for(noun, sentence):
                if not re.match(_HONORIFIC + r"\s", name):
                    found.add(name)
    return found


_PERSON_NOUNS = frozenset(
    str.split(
        "singer star actor actress president minister secretary chief executive official director "
        "chairman chairwoman leader mayor governor senator judge commander admiral general captain "
        "officer author writer player coach manager founder owner boss head premier king queen "
        "prince princess pope bishop lawyer attorney engineer scientist expert analyst researcher "
        "worker victim driver pilot doctor surgeon nurse teacher student musician rapper artist "
        "comedian presenter host reporter journalist economist witness suspect wife husband son "
        "daughter father mother brother sister envoy ambassador diplomat candidate investigator "
        "inspector campaigner activist resident fisherman survivor master keeper member adviser "
        "advisor aide deputy partner fan boy girl child"
    )
)
"""Heads that describe a person ("The singer", "The former harbour master"): a name for them is a
person's; any other head's name is not."""


def _fits(noun: str, name: str) -> bool:
    """Whether a name can be what a description's head stands for: a person's name for a
    person ("The singer [Ada Velk]"), never for a thing ("The letter [Ole Brandt]"), and no
    institution's for a person ("The official [Report]")."""
    person_noun = noun in _PERSON_NOUNS or noun.endswith(("ist", "ian", "man", "woman", "person"))
    words = name.split()
    if person_noun:
        return not any(word in _NOT_FIRST_NAMES or word.isupper() for word in words)
    return not (_people(name) or re.match(_HONORIFIC + r"\s", name))


def _company_for(before: Sequence[str]) -> str | None:
    """The company a description stands for: of the companies the article has named as such so
    far, the one the nearest sentence before mentions (two there: no guess)."""
    known: set[str] = set()
    for sentence in before:
        known |= _organisations(sentence)
    for sentence in reversed(list(before)[-DESCRIPTION_LOOK_BACK:]):
        named = {name for name in known if re.search(rf"(?<![\w-]){re.escape(name)}\b", sentence)}
        named = {name for name in named if not any(name in other for other in named - {name})}
        if len(named) > 1:
            return None  # "Velk Oil blamed Orvik Gas": which is meant is not ours to guess
        if named:
            return named.pop()
    return None


def name_description(title: str, before: Sequence[str]) -> str:
    """The title with the thing its opening description stands for named in brackets, from
    the nearest sentence before that names it ("The well was capped" after "BP's Macondo well
    ..." becomes "The [BP's Macondo] well was capped"; "The singer [Ada Velk] died ..."); a
    company ("The firm said") by the one company that sentence names as such. The title
    unchanged when it opens with no description, or no one name is clear."""
    shares = _SHARES.match(title)
    if shares is not None:
        company = _company_for(before)  # "[Velk Oil] shares fell", "The firm [Velk Oil]'s shares"
        if company is None or company.lower() in title.lower():
            return title
        at = shares.end("noun") if shares["noun"] else 0
        if not at:
            return f"[{company}] {title[:1].lower()}{title[1:]}"
        return f"{title[:at]} [{company}]{title[at:]}"
    match = _DESCRIBED.match(title)
    if match is None or match["noun"] in _UNNAMEABLE:
        return title
    noun = match["noun"]
    if noun in ORGANISATION_NOUNS:
        company = _company_for(before)
        if company is None or company.lower() in title.lower():
            return title
        return f"{title[: match.end('noun')]} [{company}]{title[match.end('noun') :]}"
    found = _nearest_name(noun, list(before)[-DESCRIPTION_LOOK_BACK:]) or _only_name(noun, before)
    if found is None:
        return title
    name, first = found
    titled = re.search(rf"\b{re.escape(name)}\s+{noun.capitalize()}\b", " ".join(before))
    if name.lower() in title.lower() or not (titled or _fits(noun, name)):
        return title  # "the Ardmoor Flood Commission": a name, whatever its words look like
    at = match.start("noun") if first else match.end("noun")
    if first:
        return f"{title[:at]}[{name}] {title[at:]}"
    return f"{title[:at]} [{name}]{title[at:]}"


_SHARES = re.compile(
    rf"^(?:The\s+(?:[a-z-]+\s+)?(?P<noun>{'|'.join(ORGANISATION_NOUNS)})['’]s\s+)?"
    r"(?i:shares|share\s+price|stock)\s+(?:\w+\s+)?(?:fell|rose|closed|dropped|plunged|slumped|"
    r"jumped|climbed|tumbled|soared|sank|gained|lost|recovered|rallied|were|have|had)\b"
)
"""A title on a company's shares it does not name: "Shares fell 3%", "The firm's shares closed
down"."""


def _nearest_name(noun: str, recent: Sequence[str]) -> tuple[str, bool] | None:
    """The name the nearest sentence naming a noun gives it, with whether it stands before the
    noun; None when none does, or that sentence gives it two."""
    for sentence in reversed(recent):
        names = _names_for(noun, sentence)
        if len(names) > 1:
            return None  # two names for one noun: which is meant is not ours to guess
        if names:
            return next(iter(names.items()))
    return None


def _only_name(noun: str, before: Sequence[str]) -> tuple[str, bool] | None:
    """The one name the whole article so far gives a noun ("the Ardmoor Flood Commission" long
    before "The commission ruled", "singer Ada Velk" before "The singer"), however far back:
    a person's, or a thing's whose name holds the noun ("the Macondo well" is no relief well's,
    "the commission, Velk Oil" no commission's); None when it gives none or more than one."""
    person = noun in _PERSON_NOUNS
    found: dict[str, bool] = {}
    for sentence in before:
        for kin in _STAGE_NOUNS if noun in _STAGE_NOUNS else (noun,):
            for name, first in _names_for(kin, sentence).items():
                titled = re.search(rf"\b{re.escape(name)}\s+{noun.capitalize()}\b", sentence)
                if person or (titled and len(name.split()) > 1):
                    found.setdefault(name, first if kin == noun else False)
    return next(iter(found.items())) if len(found) == 1 else None


_STAGE_NOUNS = frozenset(
    str.split("singer star actor actress musician rapper artist comedian entertainer performer")
)
"""Trades one famous person is called by in turn ("musician Ada Velk" ... "The star said"): a
name given under any of them names the others, when the article gives only one."""


_AGENT_NOUNS = frozenset(
    str.split("agency panel commission committee court authority regulator department ministry")
)
"""Heads of a description of a body that acts ("The agency said"), besides a company's."""


def unnamed_description(title: str) -> bool:
    """Whether a title opens on a person, a company or a body it leaves unnamed ("The company
    said ...", "The singer's doctor ..."): a reader cannot tell who acted."""
    match = _DESCRIBED.match(title) or _OWNER.match(title)
    if match is None or "[" in title[: match.end() + 2]:
        return False
    noun = match["noun"]
    return (
        noun in _PERSON_NOUNS
        or noun in ORGANISATION_NOUNS
        or noun in _STAGE_NOUNS
        or noun in _AGENT_NOUNS
    )


_OWNER = re.compile(r"^(?:The|This)\s+(?:[a-z-]+\s+){0,2}?(?P<noun>[a-z-]{3,})['’]s\s")
"""A description owning the subject: "The singer's doctor", "The firm's shares"."""
