"""Name who a title's opening pronoun stands for, in square brackets, from the sentences before.

"He added that talks would resume" after "Mayor Ana Okafor opened the bridge." becomes
"[Okafor] added that talks would resume", the way newspapers edit quotes. The name is taken only
when it is unambiguous: for "he"/"she", the one person the previous sentences name (two people,
no guess); for "it"/"they", the previous sentence's subject when it is a short noun phrase of the
right number. Otherwise nothing is supplied and the caller treats the title as unusable.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

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
_NOT_FIRST_NAMES = frozenset(
    str.split(
        "The A An In On At As But And Of For From With By Gulf Coast Guard White House "
        "New Port United South North East West Monday Tuesday Wednesday Thursday Friday Saturday "
        "Sunday January February March April May June July August September October "
        "November December Prime Minister President Secretary Chief Executive Interior "
        "Energy Justice Department Senate House Congress Oil Gas British American "
        "National Red Cross Mr Mrs Ms Dr Sen Rep Gov Gen Adm Lt Col Capt Prof It He She "
        "They This That These Those Its Their His Her We I Our My After Before When "
        "While Since Sky Mission Admiral General Governor Senator Mayor Judge Captain "
        "Professor Minister Library Space Capital Council Party Street Road Museum "
        "University Hospital Company Group Service Agency Committee Commission "
        "Department Ministry Court Prize Bank Airlines Motors Corp Inc Ltd Times News "
        "Post Journal Centre Center Island Islands City County State Republic Sound Bay"
    )
)
_VERB_NEXT = (
    r"(?=(?:has|have|had|is|are|was|were|will|would|said|says|told|added|also|then|later|lost|won|"
    r"sold|fell|rose|led|left|made|took|gave|set|cut|hit|[a-z]{3,}ed)\b)"
)
_SUBJECT = re.compile(
    r"^\W*(?P<np>(?:The|the)\s+(?:[A-Za-z-]+\s+){0,2}?[a-z-]+|"
    r"(?!(?:A|An|The|This|That|These|Those|In|On|At|As|But|And|If|When|After|Before)\b)"
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
                return name if len(opening.split()) <= 6 else None  # the sentence's subject
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
_SAID_BY = re.compile(rf"^\W*(?P<np>[A-Z][^,“\"]*?)\s+(?:also\s+)?{_SAYING}\b")
"""The words before a sentence's verb of saying: who speaks."""
MAX_SPEAKER_WORDS = 6
"""A longer stretch before "said" is more than a speaker's name or role."""


def name_pronoun(title: str, before: Sequence[str]) -> str | None:
    """The title with its opening pronoun named in brackets ("[Okafor] added ..."), or a quoted
    speaker's "I" prefixed by who speaks ("[Okafor:] I signed it"); the title unchanged when it
    opens with none; None when it does and no antecedent is clear."""
    if _SPEAKER_I.match(title):
        speaker = _speaker(before)
        return None if speaker is None else f"[{speaker}:] {title}"
    match = _PERSON_PRONOUN.match(title) or _THING_PRONOUN.match(title)
    if match is None:
        return title
    word = match["word"]
    name = antecedent(word, before)
    if name is None:
        return None
    if word.lower() == "her" and not re.match(r"^\w+\s+[a-z]", title):
        return None  # "Her" as an object cannot open a title we can mend
    possessive = word.lower() in ("his", "her", "its", "their")
    named = f"[{name[:1].upper() + name[1:]}{'’s' if possessive else ''}]"
    return named + title[match.end() :]


DESCRIPTION_LOOK_BACK = 8
"""Sentences before a title's own in which the name of a thing it describes is looked for."""
_DESCRIBED = re.compile(
    r"^(?P<det>The|This|That)\s+(?P<mods>(?:(?!(?:the|a|an|of)\s)[A-Za-z][\w-]*\s+){0,2}?)"
    r"(?P<noun>(?!the\b)[a-z][a-z-]{2,})"
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
    if not words or all(word in _NOT_NAME_WORDS for word in words):
        return None
    return " ".join(words)


def _names_for(noun: str, sentence: str) -> dict[str, bool]:
    """The names a sentence gives a noun, each with whether it stands before the noun: "the
    Macondo well" (before), "singer Ada Velk", "Ada Velk, the singer", "the museum, the Orvik
    Hall," (after)."""
    found: dict[str, bool] = {}
    word = rf"(?i:{re.escape(noun)})"
    for match in re.finditer(rf"(?<![\w.])((?:{_NAME_WORD}\s+){{1,3}}){word}\b", sentence):
        found[match.group(1).strip()] = True
    after = rf"\b{word},?\s+(?:the\s+)?({_NAME_WORD}(?:\s+{_NAME_WORD}){{0,2}})"
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


def name_description(title: str, before: Sequence[str]) -> str:
    """The title with the thing its opening description stands for named in brackets, from
    the nearest sentence before that names it ("The well was capped" after "BP's Macondo well
    ..." becomes "The [BP's Macondo] well was capped"; "The singer [Ada Velk] died ..."). The
    title unchanged when it opens with no description, or no one name is clear."""
    match = _DESCRIBED.match(title)
    if match is None or match["noun"] in _UNNAMEABLE:
        return title
    noun = match["noun"]
    for sentence in reversed(list(before)[-DESCRIPTION_LOOK_BACK:]):
        names = _names_for(noun, sentence)
        if len(names) > 1:
            return title  # two names for one noun: which is meant is not ours to guess
        if names:
            name, first = next(iter(names.items()))
            if name.lower() in title.lower():
                return title
            at = match.start("noun") if first else match.end("noun")
            if first:
                return f"{title[:at]}[{name}] {title[at:]}"
            return f"{title[:at]} [{name}]{title[at:]}"
    return title
