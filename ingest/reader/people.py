"""The people sentences name: persons by surname, whose words a sentence gives, who speaks a
quotation's "I". Naming reads them to put a name to "he", "she" and "I"."""

from __future__ import annotations

import re
from collections.abc import Sequence

from timeline.store.dates import MONTH_NAMES, WEEKDAY_NAMES

LOOK_BACK = 2
"""Sentences before the title's own in which an antecedent is looked for."""

HONORIFIC = r"(?:Mr|Mrs|Ms|Dr|Sen|Rep|Gov|Gen|Adm|Lt|Col|Capt|Prof)\.?"

_CAP = r"[A-Z][a-z'’]+(?:-[A-Z]?[a-z'’]+)*"
"""A word of a name, hyphenated ones whole ("Ode-Lavelle", never "Ode-")."""

_PERSON = re.compile(
    rf"\b(?:{HONORIFIC}\s+{_CAP}(?:\s+{_CAP})?|(?!(?:And|But|So|Or|Then|As)\s){_CAP}"
    rf"(?:\s+[A-Z]\.)?\s+(?:{_CAP}\s+)?{_CAP})\b"
)
"""A person's name: "Mr Orrin", "Tomas Orrin", "Ada K. Velk" (first name, surname); a
sentence's "And" is none of it ("And Capt Ada Velk" is Capt Velk, not Capt Ada)."""

NOT_FIRST_NAMES = (
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


def people_named(sentence: str) -> list[str]:
    """The people a sentence names, by surname (or honorific and surname), in order."""
    found = []
    for match in _PERSON.finditer(sentence):
        words = match.group().split()
        while len(words) > 2 and words[0] in NOT_FIRST_NAMES:
            words = words[1:]  # "Mayor Tomas Orrin": the role is not the name
        if words[0] in NOT_FIRST_NAMES and not re.fullmatch(HONORIFIC, words[0]):
            continue
        if any(word in NOT_FIRST_NAMES for word in words[1:]):
            continue
        words[-1] = re.sub(r"['’]s$", "", words[-1])  # "Tomas Orrin's": the name, not its 's
        found.append(words[-1] if not re.fullmatch(HONORIFIC, words[0]) else " ".join(words))
    return found


def speaks(name: str, sentence: str) -> bool:
    """Whether a sentence gives a person's words, however late it names them: "The official in
    charge, Tomas Orrin, said ...", "..., said Tomas Orrin, the harbour master" (whom a "he" or
    "she" after it stands for, not a possessive: "Her son" may be another's)."""
    surname = re.escape(name.split()[-1])
    return bool(
        re.search(
            rf"(?:^|[,”\"'’]\s*)(?:[a-z-]+\s+){{0,3}}(?:{HONORIFIC}\s+)?(?:{_CAP}\s+)*"
            rf"{surname},?\s+(?:has\s+)?{_SAYING}\b",
            sentence,
        )
        or re.search(
            rf"\b(?:said|says)\s+(?:{HONORIFIC}\s+)?(?:{_CAP}\s+)*{surname}\b(?=\s*(?:[,.;]|$))",
            sentence,
        )
    )


UNNAMED_PERSON = re.compile(
    r"\b(?i:the|a|an)\s+(?:[\w-]+\s+){0,3}?(?:woman|man|girl|boy|mother|father|wife|husband|"
    r"daughter|son|child|baby|survivor|victim|teenager|pensioner|widow)\b"
)
"""A person the sentence describes without naming ("the 84-year-old woman"), whom a "she" after
it may stand for."""


def quoted_speaker(before: Sequence[str]) -> str | None:
    """Who speaks a quotation's "I": the subject of the nearest sentence before that opens a
    quotation or attributes words (its one named person, else its opening noun phrase)."""
    for sentence in reversed(list(before)[-LOOK_BACK:]):
        if not _ATTRIBUTES.search(sentence):
            continue
        people = {name.split()[-1]: name for name in people_named(sentence)}
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
