"""Name who a title's opening pronoun stands for, in square brackets, from the sentences before.

"He added that talks would resume" after "Mayor Ana Okafor opened the bridge." becomes
"[Okafor] added that talks would resume", the way newspapers edit quotes. The name is taken only
when it is unambiguous: for "he"/"she", the one person the previous sentences name (two people,
no guess); for "it"/"they", the previous sentence's subject when it is a short noun phrase of the
right number. Otherwise nothing is supplied and the caller treats the title as unusable.
A title opening on a description ("The firm said ...", "The singer died ...") gets the name the
sentences before give it, when one is clear and of the right kind (a person's for a person).
A share of "them" ("Many of [the dockers] will ...") and a "he said" after the title's words
are named the same way; a subject a line break cut off is put back by `lost_subject`. What no
name mends is told by `unresolved`.
Who the sentences name as people is read in `people`; what they call a described thing in
`descriptions`; this module edits the title.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from timeline.ingest.reader.descriptions import (
    DESCRIPTION_LOOK_BACK,
    ORGANISATION_NOUNS,
    PERSON_NOUNS,
    STAGE_NOUNS,
    company_for,
    fits,
    nearest_name,
    only_name,
)
from timeline.ingest.reader.lost_subject import SUBJECTLESS, restore_subject
from timeline.ingest.reader.people import (
    LOOK_BACK,
    NOT_FIRST_NAMES,
    UNNAMED_PERSON,
    people_named,
    quoted_speaker,
    speaks,
)
from timeline.store.dates import WEEKDAY_NAMES

_PERSON_PRONOUN = re.compile(r"^(?P<word>he|she|his|her)\b", re.IGNORECASE)
_SPEAKER_I = re.compile(r"^I\b(?!['’]s)")
"""A title in a speaker's own words: "I have just returned from ..." (inside a quotation)."""
_THING_PRONOUN = re.compile(r"^(?P<word>it|its|they|their)\b(?!['’]s)", re.IGNORECASE)
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


def antecedent(pronoun: str, before: Sequence[str]) -> str | None:
    """Who or what a title's opening pronoun stands for, from the sentences before (nearest
    last); None when it is not clear."""
    recent = list(before)[-LOOK_BACK:]
    if pronoun.lower() in ("he", "she", "his", "her"):
        for sentence in reversed(recent):
            people = {name.split()[-1]: name for name in people_named(sentence)}
            if len(people) > 1:
                return None  # two people: whose words these are is not ours to guess
            if people:
                name = next(iter(people.values()))
                opening = sentence.lstrip(" “\"'‘")[: sentence.find(name.split()[-1]) + 1]
                if len(opening.split()) <= 6 or (
                    pronoun.lower() in ("he", "she") and speaks(name, sentence)
                ):
                    return name  # the sentence's subject, or whose words it gives
                return None
        if any(UNNAMED_PERSON.search(sentence) for sentence in recent):
            return None  # "The woman was found ...": her, not the lead's person
        lead = {
            name.split()[-1]: name for sentence in before[:LEAD] for name in people_named(sentence)
        }
        return next(iter(lead.values())) if len(lead) == 1 else None
    if not recent or re.search(r"\b(?:said|says|told|added)\b", recent[-1]):
        return None  # "X said the craft was ...": "it" may be either
    subject = _SUBJECT.match(recent[-1])
    if subject is None or people_named(subject["np"]):
        return None
    noun = subject["np"]
    plural = noun.endswith("s") and not noun.endswith("ss") and not noun.isupper()
    if pronoun.lower() in ("they", "their") and not plural:
        return None
    if pronoun.lower() in ("it", "its") and plural:
        return None
    return noun[:1].lower() + noun[1:] if noun.startswith("The ") else noun


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
    if SUBJECTLESS.match(title):
        return restore_subject(title, before)  # "[Kell] late Thursday retracted ..."
    lead = re.match(TIME_LEAD, title, re.IGNORECASE)
    rest = title[lead.end() :] if lead else ""
    if lead is not None and (_PERSON_PRONOUN.match(rest) or _THING_PRONOUN.match(rest)):
        named = name_pronoun(rest, before)  # "This week [Okafor] said ..."
        return None if named is None else title[: lead.end()] + named
    if _SPEAKER_I.match(title):
        speaker = quoted_speaker(before)
        return None if speaker is None else f"[{speaker}:] {title}"
    quantified = QUANTIFIED.match(title)
    if quantified is not None:
        group = antecedent("they", before)  # "Many of [the fans] will be back"
        at = quantified.start("word")
        return None if group is None else f"{title[:at]}[{group}]{title[quantified.end() :]}"
    match = _PERSON_PRONOUN.match(title) or _THING_PRONOUN.match(title)
    if match is None:
        return _name_speaker(title, before)
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


QUANTIFIED = re.compile(
    r"^(?:many|some|most|all|none|few|several|both|each|one|two|three|half|a\s+few|dozens|"
    r"hundreds|thousands)\s+of\s+(?P<word>them)\b",
    re.IGNORECASE,
)
"""A title opening on a share of a group a pronoun stands for: "Many of them will be back"."""
_SAYS_PRONOUN = re.compile(
    r"[,”\"’']\s+(?P<word>he|she)\s+(?:also\s+)?(?:said|says|added|told|insisted|stressed|"
    r"explained|wrote|warned)\b"
)
"""Who speaks a title's words, told by a pronoun after them: '"We are looking at options,"
he said', 'At that depth, she said, ...'."""


def speaker_pronoun(title: str) -> re.Match[str] | None:
    """The "he"/"she" that says a title's words when the title names nobody before it (no
    capitalised word but a quotation's first or a function word, no person's noun); None
    otherwise."""
    found = _SAYS_PRONOUN.search(title)
    if found is None:
        return None
    words = re.findall(r"[\w'’-]+", title[: found.start()])
    if words and (title[:1] in "“\"'‘" or words[0] in NOT_FIRST_NAMES):
        words = words[1:]  # a quotation's or a sentence's first word: capitalised anyway
    if "[" in title[: found.start()] or any(
        word[:1].isupper() or word.lower() in PERSON_NOUNS for word in words
    ):
        return None  # "Orrin wept and, he said, ...", "The mayor, he said": named there
    return found


def _name_speaker(title: str, before: Sequence[str]) -> str:
    """The title with the "he"/"she" saying its words named ('"We are ready," [Okafor]
    said'), when the sentences before give one person; else unchanged."""
    found = speaker_pronoun(title)
    name = None if found is None else _said_by(before)
    if found is None or name is None:
        return title
    return f"{title[: found.start('word')]}[{name}]{title[found.end('word') :]}"


def _said_by(before: Sequence[str]) -> str | None:
    """Whom a "he said" after a title's words stands for, read strictly: the one person the
    sentence just before names, as its subject or as whose words it gives, not as another's
    kin ("Mr Orrin's wife"), and no unnamed person beside them; None otherwise."""
    if not before:
        return None
    sentence = before[-1]
    people = {name.split()[-1]: name for name in people_named(sentence)}
    if len(people) != 1 or UNNAMED_PERSON.search(sentence):
        return None
    surname, name = next(iter(people.items()))
    if re.search(rf"\b{re.escape(surname)}['’]s\b", sentence):
        return None  # "Mr Orrin's wife, Lisa, says": the wife speaks next
    opens = re.match(rf"^\W*(?:[\w.'’-]+\s+){{0,3}}{re.escape(surname)}\b", sentence)
    return name if opens or speaks(name, sentence) else None


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


def name_description(title: str, before: Sequence[str]) -> str:
    """The title with the thing its opening description stands for named in brackets, from
    the nearest sentence before that names it ("The well was capped" after "BP's Macondo well
    ..." becomes "The [BP's Macondo] well was capped"; "The singer [Ada Velk] died ..."); a
    company ("The firm said") by the one company that sentence names as such. The title
    unchanged when it opens with no description, or no one name is clear."""
    shares = _SHARES.match(title)
    if shares is not None:
        company = company_for(before)  # "[Velk Oil] shares fell", "The firm [Velk Oil]'s shares"
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
        company = company_for(before)
        if company is None or company.lower() in title.lower():
            return title
        return f"{title[: match.end('noun')]} [{company}]{title[match.end('noun') :]}"
    found = nearest_name(noun, list(before)[-DESCRIPTION_LOOK_BACK:]) or only_name(noun, before)
    if found is None:
        return title
    name, first = found
    titled = re.search(rf"\b{re.escape(name)}\s+{noun.capitalize()}\b", " ".join(before))
    if name.lower() in title.lower() or not (titled or fits(noun, name)):
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


_AGENT_NOUNS = frozenset(
    str.split("agency panel commission committee court authority regulator department ministry")
)
"""Heads of a description of a body that acts ("The agency said"), besides a company's."""


def unnamed_description(title: str) -> bool:
    """Whether a title opens on a person, a company or a body it leaves unnamed ("The company
    said ...", "The singer's doctor ..."): a reader cannot tell who acted."""
    match = unnamed_head(title)
    if match is None:
        return False
    noun = match["noun"]
    return (
        noun in PERSON_NOUNS
        or noun in ORGANISATION_NOUNS
        or noun in STAGE_NOUNS
        or noun in _AGENT_NOUNS
    )


def unnamed_body(title: str) -> bool:
    """Whether a title opens on a company, a body or a performer it leaves unnamed ("The firm
    said ...", "The commission found ...", "The star's doctor"): a reader cannot tell which.
    A role ("The mayor said") is read as the story's one holder of it, and a body its title
    qualifies ("The planning committee") as named."""
    match = unnamed_head(title)
    if match is None:
        return False
    noun = match["noun"]
    if noun in _AGENT_NOUNS:
        return not match.groupdict().get("mods")  # "The port authority" says which one
    return noun in ORGANISATION_NOUNS or noun in STAGE_NOUNS


def unnamed_head(title: str) -> re.Match[str] | None:
    """The description a title opens on ("The firm said", "The singer's doctor") when no name
    in brackets follows it; None otherwise."""
    match = _DESCRIBED.match(title) or _OWNER.match(title)
    if match is None or "[" in title[: match.end() + 2]:
        return None
    return match


_OWNER = re.compile(r"^(?:The|This)\s+(?:[a-z-]+\s+){0,2}?(?P<noun>[a-z-]{3,})['’]s\s")
"""A description owning the subject: "The singer's doctor", "The firm's shares"."""
