"""Find where a sentence proper begins after page furniture run into it.

Scraped pages run headings in capitals, a caption's or a list's date label, and a headline or
caption line without a stop into the sentence after them ("Port aid effort Aid agencies have ...");
wire copy glues an editor's note, summary bullets, a dateline, a story id or a photo credit onto
it (the forms are in `furniture_forms`). `without_heading` returns the text from where the
sentence proper begins, without them; the sentence's own words are not changed.
"""

from __future__ import annotations

import re

from timeline.ingest.reader import furniture_forms as forms
from timeline.ingest.reader.furniture_forms import alternation
from timeline.ingest.reader.speech import SPEECH_VERBS
from timeline.ingest.reader.title_cuts import DANGLING, has_verb
from timeline.store.dates import MONTH_NAMES, WEEKDAY_NAMES

_SHOUTED_HEAD = re.compile(r"^(?:[A-Z0-9][A-Z0-9'’&,.:-]*\s+){2,}(?=[A-Z][a-z])")
"""A heading in capitals run into the sentence ("NEW PIER FOR HARBOUR When crews ...")."""


_MONTH = "|".join(name[:3] + r"(?:" + name[3:] + r"|\.)?" for name in MONTH_NAMES)
_DATE_LABEL = re.compile(
    rf"^(?:(?:{'|'.join(WEEKDAY_NAMES)}),?\s+)?(?:(?:{_MONTH})\s+\d{{1,2}}|\d{{1,2}}\s+(?:{_MONTH}))"
    r"(?:,?\s+\d{4})?\s*(?::|[–—|]|-{1,2})\s+(?=[\"“‘'(]?[A-Z0-9])"
)
"""A caption's or a list's date label opening the text ("June 2: Divers ...", "3 May - ..."):
the date is the event's, the label no part of what happened."""
_HEAD_NAME = re.compile(r"^((?:[A-Z][\w'’.-]*\s+){0,2}[A-Z][\w'’-]+)\s")
_OPENING_NOUNS = (
    r"Footage|Pictures|Images|Video|Thousands|Hundreds|Dozens|Millions|Scores|Tens|Aid|Teams|"
    r"Officials|Rescuers|Analysts|Experts|Police|Residents|Witnesses|Doctors|Engineers|"
    r"Scientists|Investigators|Survivors|Victims|Workers|Crews|Troops|Soldiers|Protesters|"
    r"Campaigners|Shares|Prices|Organisers|Organizers|Researchers|Relatives|Families|Hopes|Fears"
)
_RUN_IN = re.compile(rf"(?<=\s)(?=(?:{_OPENING_NOUNS})\s+(?!(?:to|and|or)\b)[a-z])")
"""Where a news sentence may begin inside a line: a capitalised common noun that opens
sentences ("Footage shows ...", "Thousands of ...", "Aid agencies ..."), never a name."""
MAX_HEADING_WORDS = 12
"""Longest heading or caption line run into a sentence that is set aside."""


_NOT_HEADING_START = frozenset(
    str.split(
        "And But Or So In On At For From With By As When After Before While The A An One Another "
        "Last This That These Those Some Many Most Every Each"
    )
)
"""Words that open a sentence's own opening phrase, not a heading ("In the first storm ...")."""
_NOT_HEADING_END = re.compile(
    r"(?:to|in|on|at|from|for|with|by|over|under|into|during|after|before|since|until|across|"
    r"through|against|near|between|among|as|of|the|a|an|and|or|first|second|third|last|next|another|one|former|"
    r"senior|junior|late|new|old|then|that|when|while|because|so|but|if|where|who|which|whom|"
    r"whose|said|says|told|than|also|only|even|just|many|some|all|most|few|several|both|other|"
    r"two|three|four|five|such)",
)
"""Words after which a capitalised one goes on the phrase ("between Orvik", "the first Orvik"),
so no heading ends there."""


_REPORTING = re.compile(
    r"(?:" + "|".join(SPEECH_VERBS) + r"|claims?|say|tell|expects?|believes?|thinks?|fears?|"
    r"hopes?|alleges?|argues?|insists?|warns?|suggests?|shows?|reveals?|knows?|hears?|heard|"
    r"asks?|admits?|denies?|accuses?|blames?|urges?)",
    re.IGNORECASE,
)
"""A verb whose object the name after it begins: "Farmers claim | Orvik Oil broke ...", so the
name opens no sentence of its own and the claim must stay in the title."""
_CLAUSE_IN_HEAD = re.compile(r"\b(?:that|which|who|whom|whose|where|when|because|if|than)\b")
"""A word that opens a clause, which a heading does not hold ("Polls suggest that many ...")."""


def _heading_ends(words: list[str], named_again: bool = False) -> bool:
    """Whether a heading may end on the last of these words: a lower-case word of its own, not
    a participle before a name ("leaking Orvik oil") unless the heading's name comes again."""
    last = words[-1] if words else ""
    if named_again and re.fullmatch(r"\d{4}\)", last):
        return True  # a label dated in brackets: "Velk internal report (May 2031) Velk admits"
    if not (last.isalpha() and last.islower()) or _NOT_HEADING_END.fullmatch(last):
        return False
    return named_again or not last.endswith("ing")


_DOUBLED_NAME = re.compile(r"(?<=\s)(?P<name>[A-Z][\w'’.&-]+)\s+(?P<again>(?P=name))\s+(?=[a-z])")
"""A name written twice in a row: a heading or standfirst that ends on a name run into a
sentence that opens on it ("... mount up for Velk Velk says ...")."""
MAX_STANDFIRST_WORDS = 30
"""Most words of a headline and standfirst run together before the sentence proper."""


_GOES_ON = re.compile(r"\s+(?!to\b)[a-z]")
"""After a name, the lower-case word of a sentence going on ("Okafor pleaded")."""


def _name_again(text: str, name: str, start: int) -> int | None:
    """Where, after `start`, the name stands again after a space and opens a sentence going on
    ("... wrongdoing Dr Okafor pleaded"); None when it does not. A plain search: a pattern made
    of each sentence's name was compiled anew for nearly every sentence read."""
    at = text.find(name, start + 1)
    while at != -1:
        if text[at - 1].isspace() and _GOES_ON.match(text, at + len(name)):
            return at
        at = text.find(name, at + 1)
    return None


def _run_in_heading(text: str) -> int:
    """Where the sentence proper begins after a heading or caption line run into it without a
    stop, 0 when none is: the heading ends on a lower-case word, and what follows opens on the
    name the heading opened with ("Dr Okafor denies wrongdoing Dr Okafor pleaded ...") or, the
    heading having no verb, on a common noun that opens news sentences ("Port aid effort Aid
    agencies have ...")."""
    head = _HEAD_NAME.match(text)
    if head is not None:
        again = _name_again(text, head[1], head.end())
        at = again or 0
        words = text[:at].split()
        reported = _REPORTING.fullmatch(words[-1]) if words else None
        if again and 3 <= len(words) <= 15 and _heading_ends(words, True) and not reported:
            return at
    doubled = _DOUBLED_NAME.search(text, 0, 400)
    if doubled is not None and 3 <= len(text[: doubled.start()].split()) <= MAX_STANDFIRST_WORDS:
        at = doubled.start("again")
        if has_verb(text[at:]):
            return at  # "... continues to mount up for Velk Velk says the cost ..."
    for run_in in _RUN_IN.finditer(text):
        before = text[: run_in.start()].split()
        if len(before) > MAX_HEADING_WORDS or not re.fullmatch(
            r"[\w\s'’-]+", text[: run_in.start()]
        ):
            break  # a heading is short and has no aside or clause of its own
        if (
            len(before) >= 3
            and before[0] not in _NOT_HEADING_START
            and _heading_ends(before)
            and not has_verb(" ".join(before) + " the")  # "asks the": a verb before a name
            and not _CLAUSE_IN_HEAD.search(" ".join(before))
            and not DANGLING.search(" ".join(before))
            and has_verb(text[run_in.start() :])
        ):
            return run_in.start()
    return 0


_EDIT_NOTES = re.compile(rf"^(?:{alternation(forms.EDIT_NOTES)}\s*)+", re.IGNORECASE)
_STORY_ID = re.compile(rf"\s*{alternation(forms.STORY_IDS + forms.PAGE_ERRORS)}", re.IGNORECASE)
_GLUED_CREDIT = re.compile(rf"^{alternation(forms.GLUED_CREDITS)}\s+")
_WIRE_DATELINE = re.compile(rf"(?:^|(?<=\s)){forms.WIRE_DATELINE}(?=[\"“‘'(\[]?[A-Z0-9])")
_BULLET = re.compile(r"(?:^|\s)[*•]\s+")
"""A summary bullet ("* Ferry firm also named * Council to appeal")."""
LIST_LEAD_IN = re.compile(forms.LIST_LEAD_IN)
LIST_OPENING = re.compile(forms.LIST_OPENING, re.IGNORECASE)


def without_wire_copy(text: str) -> str:
    """The text without what wire copy glues onto a sentence: a story id or a page's error
    anywhere; at the start an
    editor's note, a photo credit, or summary bullets and a dateline, the story proper beginning
    after the dateline (or, with none, the first bullet being all that reads as one)."""
    text = _STORY_ID.sub("", text).strip()
    notes = _EDIT_NOTES.match(text)
    if notes is not None:
        text = text[notes.end() :]
    dateline = _WIRE_DATELINE.search(text, 0, 400)
    if dateline is not None:
        text = text[dateline.end() :]
    credit = _GLUED_CREDIT.match(text)
    if credit is not None:
        text = text[credit.end() :]
    if _BULLET.match(text):
        text = next((part for part in _BULLET.split(text) if part.strip()), "")
    return text.strip()


def without_heading(text: str) -> str:
    """The text from where its sentence proper begins: after wire copy's furniture, a heading in
    capitals, a date label, or a heading or caption line run into it."""
    text = without_wire_copy(text)
    shouted = _SHOUTED_HEAD.match(text)
    if shouted and sum(c.isalpha() for c in shouted.group()) >= 6:
        text = text[shouted.end() :]
    label = _DATE_LABEL.match(text)
    if label is not None:
        text = text[label.end() :]
    return text[_run_in_heading(text) :]
