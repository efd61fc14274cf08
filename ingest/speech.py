"""Reported speech: who spoke, the verb of saying, and what they said."""

from __future__ import annotations

import re

_SPEECH_VERBS = {
    "said": "says",
    "says": "says",
    "noted": "says",
    "stated": "says",
    "told": "says",
    "added": "says",
    "emphasized": "says",
    "emphasised": "says",
    "stressed": "says",
    "underscored": "says",
    "remarked": "says",
    "explained": "says",
    "observed": "says",
    "announced": "announces",
    "warned": "warns",
    "revealed": "reveals",
    "confirmed": "confirms",
    "insisted": "insists",
    "claimed": "claims",
    "declared": "declares",
}
"""Verbs of saying, each with the present-tense verb a chronology title uses for it."""

_VERB = "|".join(sorted(_SPEECH_VERBS, key=len, reverse=True))
_PLAIN = r"[^,;:“”\"]"
_SPEECH = re.compile(
    rf"^(?P<speaker>{_PLAIN}{{2,70}}?)\s+(?:also\s+|further\s+|later\s+|again\s+)?"
    rf"(?:(?P<told>told)\s+{_PLAIN}{{1,40}}?\s+that\b|(?P<verb>{_VERB})"
    rf"(?:\s+(?:to|in|on|at|during)\s+{_PLAIN}{{1,40}}?)?(?:\s+that\b|(?=\s*[:,]?\s*[“\"])|"
    rf"(?=\s+(?:he|she|they|it|we|there)\s)))[\s,:]*(?P<content>.+)$",
    re.IGNORECASE,
)
_QUOTE_FIRST = re.compile(
    rf"^[“\"](?P<content>[^“”\"]{{8,}}?)[,.!?]?[”\"],?\s+"
    rf"(?:(?P<verb>{_VERB})\s+(?P<after>(?:the\s+|an?\s+)?(?:[A-Z][\w’'.-]*\s*)+)|"
    rf"(?P<before>{_PLAIN}{{2,60}}?)\s+(?P<verb2>{_VERB})\b)"
)
_NOT_SPEAKER = re.compile(
    r"\b(?:who|which|that|whose|is|are|was|were|has|have|had|will|would|met|[a-z]{3,}ed)\b"
)


def is_speaker(phrase: str) -> bool:
    """Whether a phrase can be who is speaking: a short noun phrase, no verb or relative in it."""
    words = phrase.split()
    return 0 < len(words) <= 8 and not _NOT_SPEAKER.search(phrase)


def reported_speech(text: str) -> tuple[str, str, str] | None:
    """Split reported speech into who spoke, the verb of saying and what they said.

    Two kinds: "X said/noted/told reporters that ...", "X warned: “...”" (speaker first), and
    "“...,” said X" / "“...,” X said" (quote first).

    Returns:
        (speaker, past-tense verb, content with its quotation marks), or None for other sentences.
    """
    match = _QUOTE_FIRST.match(text)
    if match:
        speaker = (match["after"] or match["before"]).strip().rstrip(".")
        verb = (match["verb"] or match["verb2"]).lower()
        if is_speaker(speaker):
            return speaker, verb, "“" + match["content"]
        return None
    match = _SPEECH.match(text)
    if match is None or not is_speaker(match["speaker"]):
        return None
    verb = (match["told"] or match["verb"]).lower()
    return match["speaker"].strip(), verb, match["content"]


_ROLE_WORD = (
    r"(?:Ministers?|President|Premier|Secretary|Chancellor|Ambassador|Attaché|Attache|General|"
    r"Senator|Governor|Mayor|Mr\.|Ms\.|Mrs\.|Dr\.|King|Queen|Prince|Chairman|Chairwoman|CEO|"
    r"Director|Adviser|Advisor|Commander|Chief|[Ss]pokes(?:man|woman|person))"
)
_PERSON = r"[A-Z][\w’'-]+(?:\s+[A-Z][\w’'-]+){0,2}"
_NAMED = re.compile(rf"\b{_ROLE_WORD}\s+(?P<names>{_PERSON}(?:\s+and\s+{_PERSON})?)$")


def speaker_name(speaker: str) -> str:
    """Who spoke, as a title names them: the name without its role ("Minister X" -> "X")."""
    match = _NAMED.search(speaker)
    return match["names"] if match else speaker


def is_plural(speaker: str) -> bool:
    """Whether a speaker is more than one ("X and Y", "the ministers", "officials")."""
    last = speaker.split()[-1]
    return " and " in speaker or bool(re.fullmatch(r"[a-z]+[^s]s", last))


_CONTENT_END = re.compile(
    r",\s+(?:which|who|whom|where|when|while|but|after|before|amid|said|says|according|"
    r"including|underscoring|adding|noting|saying)\b|;|\s[–—]\s|\s--\s|\s+including\b|"
    r"[.!?][”\"]?(?:\s|$)|[”\"],?\s+(?:he|she|they|it|the)?\s*(?:" + _VERB + r")\b"
)
_SELF_REPORT = re.compile(
    r"^(?P<who>I|we|he|she|they)\s+(?:have|has|had|'ve|’ve)\s+(?:just\s+|recently\s+|already\s+)?"
    r"(?P<rest>(?!been\b|not\b|never\b)(?:[a-z]{2,}ed|met|made|held|left|won|lost|sent|spent|"
    r"sold|bought|taken|given|spoken|come|begun|seen)\b.*)$"
)


def speech_title(speaker: str, verb: str, content: str) -> str:
    """Title reported speech as who said what: "X says ...", "X: ..." or, when the speaker
    tells of their own deed ("X said he had returned"), the deed itself ("X returned").
    """
    name = speaker_name(speaker)
    plural = is_plural(name) or is_plural(speaker)
    quoted = content.lstrip(" ,").startswith(("“", '"'))
    content = content.strip(' ,“"')
    end = _CONTENT_END.search(content, 10)
    if end:
        content = content[: end.start()]
    content = re.sub(r"[“”\"]", "", content).strip(" ,")
    own = _SELF_REPORT.match(content)
    if own and (own["who"] in ("we", "they")) == plural:
        return f"{name} {own['rest']}"
    if quoted and content[:1].isupper():
        return f"{name}: {content}"
    present = _SPEECH_VERBS[verb]
    return f"{name} {present[:-1] if plural else present} {content}"
