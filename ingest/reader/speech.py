"""Quoted speech whose speaker the same sentence names: “...,” said X / “...,” X said.

A title may name who spoke only when the sentence itself names them; a pronoun ("he said") or
a speaker from an earlier sentence is never guessed, so words are never put in the wrong mouth.
"""

from __future__ import annotations

import re

SPEECH_VERBS = (
    "said",
    "says",
    "told",
    "added",
    "noted",
    "stated",
    "explained",
    "warned",
    "insisted",
    "claimed",
    "declared",
    "announced",
    "stressed",
    "emphasized",
    "emphasised",
    "remarked",
    "wrote",
    "tweeted",
    "recalled",
    "argued",
    "asked",
    "replied",
    "admitted",
    "conceded",
)
"""Verbs that attribute a quotation to its speaker."""

_VERB = "|".join(SPEECH_VERBS)
_OPEN = "“\"‘'"
_CLOSE = "”\"’'"
_SPEAKER = r"[^,;:“”\"]{2,80}?"
_QUOTE_FIRST = re.compile(
    rf"^(?P<open>[{_OPEN}])(?P<words>[^“”\"]{{4,}}?)[,.!?]?[{_CLOSE}],?\s+"
    rf"(?:(?:{_VERB})\s+(?P<after>{_SPEAKER})|(?P<before>{_SPEAKER})\s+(?:{_VERB}))"
    r"(?=\s*(?:[,;:!?]|\.(?:\s|$)|$|\s(?:on|in|at|during|after|before|when|while|as|to|of|"
    r"from|about|outside|inside|according)\b))",
)
_ROLE = (
    r"(?:Ministers?|President|Vice\s+President|Prime\s+Minister|Premier|Secretary|Chancellor|"
    r"Ambassador|Attaché|Attache|General|Gen\.|Lt\.|Col\.|Maj\.|Capt\.|Sgt\.|Adm\.|Senator|Sen\.|"
    r"Rep\.|Representative|Governor|Gov\.|Mayor|Mr\.|Ms\.|Mrs\.|Dr\.|Prof\.|Professor|King|"
    r"Queen|Prince|Princess|Pope|Chairman|Chairwoman|Chair|CEO|Director|Adviser|Advisor|"
    r"Commander|Chief|Judge|Justice|Coach|Detective|Inspector|Officer|Sheriff|Bishop|Rev\.|"
    r"Lieutenant|Colonel|Major|Captain|Sergeant|Admiral|[Ss]pokes(?:man|woman|person))"
)
_NAMED = re.compile(
    rf"(?:^|\s){_ROLE}(?:\s+{_ROLE})*\s+(?P<name>[A-Z][\w’'.-]+(?:\s+[A-Z][\w’'.-]+){{0,2}})$"
)
_PRONOUN = re.compile(r"^(?:he|she|they|it|we|i|you|one|someone|somebody|this|that)$", re.I)


def quoted_speech(sentence: str) -> tuple[str, str] | None:
    """Split a quote-first sentence into who said it (as named there) and the words quoted.

    Returns:
        (speaker, words) when the sentence opens with a quotation followed by its attribution and
        that attribution names someone ("Gen. Ana Okafor", "the health ministry"); None for a
        pronoun ("he said"), a quotation without attribution, and every other sentence.
    """
    match = _QUOTE_FIRST.match(sentence.strip())
    if match is None:
        return None
    speaker = (match["after"] or match["before"]).strip()
    name = speaker_name(speaker)
    if name is None:
        return None
    return name, match["words"].strip()


def speaker_name(speaker: str) -> str | None:
    """How a title names a speaker: the name without its role ("Gen. Ana Okafor" -> "Okafor"),
    a described speaker as written ("the health ministry"), None for a pronoun or a clause."""
    speaker = re.sub(r"\s*\([^()]*\)", "", speaker.strip())
    speaker = re.sub(r"^(?:the|a|an)\s+(?=[A-Z])", "", speaker)
    speaker = re.sub(r"\s+[a-z]+ly$", "", speaker)  # "says Shona casually": the manner
    words = speaker.split()
    if not words or len(words) > 7 or _PRONOUN.match(speaker):
        return None
    if re.search(r"\b(?:who|which|that|is|are|was|were|has|have|had|will|would)\b", speaker):
        return None
    named = _NAMED.search(speaker)
    if named:
        return named["name"].split()[-1]
    return speaker
