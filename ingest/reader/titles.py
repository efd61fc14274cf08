"""Cut a short, truthful title from an event's sentence.

A title is a contiguous stretch of its sentence: the whole sentence when it is short, else its
main clause from the subject on, cut where a clause or phrase begins. Nothing is rewritten into
something the text does not say; the three exceptions keep the text's meaning and its speaker:
quoted speech with its speaker named in the same sentence ("Okafor: “We will rebuild”"),
"the first X since 2012" dated 2012, titled "Last X", and a happening told in an aside, titled
by its noun and the aside's words without the pronoun ("The strike began on 3 March", from "The
strike, which began on 3 March, ...": `ingest.reader.aside_events`).
"""

from __future__ import annotations

import re

from timeline.ingest.reader.clauses import SUBJECT_HEAD, past_verbs, subject_relative
from timeline.ingest.reader.speech import SPEECH_VERBS, quoted_speech
from timeline.store.dates import MONTH_NAMES, WEEKDAY_NAMES

TITLE_AIM = 180
"""Length a title is cut to when a clause or phrase break allows, in characters: most news
sentences that are not whole paragraphs fit, so fewer titles need cutting at all."""
TITLE_MAX = 240
"""Longest title: a whole sentence, or a cut at a break, up to this beats a title cut
mid-thought at TITLE_AIM and ended with "…"."""

_LEADING_ADVERBIAL = re.compile(
    r"^(?:(?:upon|after|following|during|before|on|in|at|earlier|later|last|this|since|by|"
    r"while|when|as|although|though|even\s+though|whereas|amid|with|according\s+to|meanwhile|then|now|today|yesterday|however|"
    r"moreover|also|still|instead|separately|elsewhere|overnight|in\s+addition|monday|tuesday|"
    r"wednesday|thursday|friday|saturday|sunday)\b[^,“”\"]{0,70}"
    r"(?:,\s+[A-Z][a-z]{1,4}\.)?),\s+",
    re.IGNORECASE,
)
_CONCESSIVE = re.compile(r"^(?:although|though|even\s+though|whereas)\s", re.IGNORECASE)
"""A leading "Although prices fell," is set aside only when it is a whole clause."""
_LEADING_CONNECTIVE = re.compile(
    r"^(?:and|but|or|so|yet|however|meanwhile|moreover|also|still|then|thus|nonetheless|"
    r"nevertheless|furthermore|besides|instead)\b[,\s]+",
    re.IGNORECASE,
)
_DANGLING = re.compile(
    r"(?:[\s,:;–—-]+(?:that|and|or|but|the|a|an|to|of|with|will|would|has|have|had|be|is|are|"
    r"was|were|by|for|in|on|at|as|its|their|his|her|our|which|who|while|from|than|into|"
    r"about|after|before|since|until|this|these|those|its|than))+\s*$",
    re.IGNORECASE,
)
_VAGUE_TAIL = re.compile(
    r"\s+(?:to|for|of|on|about|in|with|from|by)\s+(?:this|that|it|them|these|those)\s*$",
    re.IGNORECASE,
)
FIRST_SINCE = re.compile(r"\bfirst\s+(time\s+)?(?:that\s+)?(.{5,}?)\s+since\s*$", re.IGNORECASE)
"""'the first visit ... since' before a year: the year dates the previous such visit."""


def cut_title(sentence: str, date_span: tuple[int, int] | None = None) -> str:
    """Cut a title from a sentence.

    Args:
        sentence: the sentence.
        date_span: offsets, within the sentence, of the expression that dated the event; when it
            follows "the first ... since", the event is the previous one and is titled "Last ...".

    Returns:
        At most TITLE_MAX characters, starting and ending at word boundaries.
    """
    if date_span is not None:
        since = FIRST_SINCE.search(sentence[: date_span[0]])
        if since:
            return finish_title(("Last time " if since[1] else "Last ") + since[2])
    speech = quoted_speech(sentence)
    if speech is not None:
        speaker, words = speech
        return _capital(
            f"{speaker}: “{_tidy_end(shorten_title(words, TITLE_AIM - len(speaker) - 4))}”"
        )
    return finish_title(sentence)


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


def _run_in_heading(text: str) -> int:
    """Where the sentence proper begins after a heading or caption line run into it without a
    stop, 0 when none is: the heading ends on a lower-case word, and what follows opens on the
    name the heading opened with ("Dr Okafor denies wrongdoing Dr Okafor pleaded ...") or, the
    heading having no verb, on a common noun that opens news sentences ("Port aid effort Aid
    agencies have ...")."""
    head = _HEAD_NAME.match(text)
    if head is not None:
        again = re.search(rf"(?<=\s){re.escape(head[1])}\s+(?!to\b)[a-z]", text[head.end() :])
        at = head.end() + again.start() if again else 0
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
            and not _DANGLING.search(" ".join(before))
            and has_verb(text[run_in.start() :])
        ):
            return run_in.start()
    return 0


def finish_title(text: str) -> str:
    """Trim a stretch of text into a title: a heading in capitals, a date label, or a heading
    or caption line run into it, a leading adverbial or connective off, cut to length."""
    text = " ".join(text.split()).strip(" ,")
    shouted = _SHOUTED_HEAD.match(text)
    if shouted and sum(c.isalpha() for c in shouted.group()) >= 6:
        text = text[shouted.end() :]
    label = _DATE_LABEL.match(text)
    if label is not None:
        text = text[label.end() :]
    text = text[_run_in_heading(text) :]
    for _ in range(2):
        for pattern in (_LEADING_CONNECTIVE, _LEADING_ADVERBIAL):
            found = pattern.match(text)
            if found is None or len(found.group().split()) > 9 or past_verbs(found.group()):
                continue  # a clause with its own verb is no adverbial: keep it
            if _CONCESSIVE.match(found.group()) and not has_verb(found.group()):
                continue  # "Though fishermen, rig workers and ...": a list, not a clause
            stripped = text[found.end() :]
            if len(stripped.split()) >= 4 and not _starts_badly(stripped):
                text = stripped
    text = _balance_quotes(shorten_title(_tidy_end(text)))
    return _capital(_tidy_end(text) if not text.endswith("…") else text)


def _starts_badly(text: str) -> bool:
    """Whether text would start a title mid-phrase: a possessive, punctuation, a lower-case verb."""
    return bool(re.match(r"^(?:['’]s\b|[,.;:)\]])", text))


def _capital(text: str) -> str:
    """The title with its first letter upper-case (titles start a line in the list)."""
    return text[:1].upper() + text[1:]


def _balance_quotes(text: str) -> str:
    """Drop a quotation mark left open or closed by the cut, so the title reads as written."""
    text = _drop_unopened_closers(text)
    opens, closes = text.count("“"), text.count("”")
    if opens > closes:
        text = text.replace("“", "", opens - closes) if text.startswith("“") else text + "”"
    elif closes > opens:
        text = text[::-1].replace("”", "", closes - opens)[::-1]
    if text.count('"') % 2:
        text = text.replace('"', "", 1)
    return _space_quotes(text).strip()


def _space_quotes(text: str) -> str:
    """Part plain quotation marks from the words they were run into, each opening mark from the
    word before it and each closing one from the word after ('as "enraging"and"sad"' reads
    'as "enraging" and "sad"'); the marks must pair up."""
    parts = text.split('"')
    if len(parts) % 2 == 0:
        return text
    for index in range(1, len(parts)):
        opening = index % 2 == 1  # the mark before parts[index]
        if opening and parts[index - 1][-1:].isalnum():
            parts[index - 1] += " "
        elif not opening and parts[index][:1].isalnum():
            parts[index] = " " + parts[index]
    return '"'.join(parts)


_CLOSER = re.compile(r"\s*(?:''|’’)(?!\w)|”")
"""A closing quotation mark: "”", or two apostrophes ("... a heavy price '', he said")."""


def _drop_unopened_closers(text: str) -> str:
    """Drop each closing quotation mark that no opening mark before it in the title answers:
    the cut, or the text, lost its opening ("best option '', the chief said"); two apostrophes a
    plain '"' opened are written '"', so the two read as a pair."""
    kept: list[str] = []
    at = depth = 0
    for closer in _CLOSER.finditer(text):
        piece = text[at : closer.start()]
        depth += piece.count("“") + piece.count("``")
        plain_open = ("".join(kept) + piece).count('"') % 2
        if depth > 0:
            depth -= 1
            kept.append(text[at : closer.end()])
        elif closer.group() != "”" and plain_open:
            kept.append(piece + '"')
        else:
            kept.append(piece)
        at = closer.end()
    return "".join(kept) + text[at:]


def _tidy_end(text: str) -> str:
    """Drop what cannot end a title: punctuation, a dangling function word, "to this"."""
    for _ in range(3):
        text = text.rstrip(" .,;:!?–—-")
        text = _DANGLING.sub("", text).strip(" ,")
        text = _VAGUE_TAIL.sub("", text)
    return text


TITLE_MIN = 30
"""Shortest title a natural cut may leave, in characters; shorter, we cut at a word instead."""

_CLAUSE_BREAK = re.compile(
    r"\s*[,;]\s|[,;][”\"]\s+(?=(?:he|she|they|it|we|I)\s)|\s+[–—-]{1,2}\s|\s+(?=(?:which|who|whom|whose|where|while|whereas|because|"
    r"although|though|unless|amid|including|so\s+that)\b)|"
    r"\s+(?=that\s+(?:will|would|could|can|may|might|has|have|had|is|are|was|were)\b)"
)
_PREPOSITION = (
    r"(?:to|in|on|at|from|for|with|by|over|under|into|during|after|before|since|until|across|"
    r"through|against|near|between|among|as)"
)
_PHRASE_BREAK = re.compile(
    rf"\s+(?={_PREPOSITION}\s+(?:(?:the|a|an|his|her|its|their|our|this|these|those)\b|"
    r"[A-Z0-9₪$€£])|[a-z]{3,}ed\s+by\b)"
)
_LOOSE_BREAK = re.compile(r"\s+(?=to\s+[a-z]|(?:in|on|for|of|by)\s+[a-z]{3,}ing\b)")
_BE = frozenset(["is", "are", "was", "were", "be", "been", "being"])
_TIGHT_AS = frozenset(
    [
        "serve",
        "serves",
        "served",
        "act",
        "acts",
        "acted",
        "known",
        "such",
        "regarded",
        "seen",
        "well",
        "same",
        "so",
        "described",
        "used",
    ]
)


def shorten_title(text: str, limit: int = TITLE_AIM) -> str:
    """Cut a title longer than TITLE_MAX (`limit`'s share of it) where a clause or phrase
    begins, so it reads complete; a sentence that fits is kept whole.

    A clause boundary (a comma, a dash, "which", "while", a relative "that will") is preferred
    over a phrase boundary (a preposition before its noun phrase, a participle "backed by"), and
    that over a loose one (an infinitive "to", "in cooperating"); the cut is the last one that
    still fits and leaves at least TITLE_MIN characters. With none, a text up to TITLE_MAX
    (and the limit's share of it) is kept whole or cut at a break before it; only past that is
    the title cut at a word and ended with "…".
    """
    longest = limit + TITLE_MAX - TITLE_AIM
    if len(text) <= longest:
        # whole, but for a trailing aside ("..., which critics call too small"): a cut at any
        # other break can drop what the sentence is about, or whose words they are
        aside = _ASIDE_START.search(text, min(TITLE_MIN, limit // 2))
        if aside is None or aside.start() > limit:
            return text
        head, rest = _tidy_end(text[: aside.start()]), text[aside.start() :]
        return head if reads_whole(head, rest) and not _ATTRIBUTED.search(rest) else text
    cut = _cut_at_break(text, limit)
    if cut is not None:
        return cut
    cut = _cut_at_break(text, longest)
    if cut is not None:
        return cut
    return _tidy_end(text[: limit - 1].rsplit(" ", 1)[0]) + "…"


_ASIDE_START = re.compile(r",\s+(?:which|who|whose)\s")
"""Where a non-restrictive relative clause begins: what follows is said about the main clause,
unless the main verb comes after it ("Ada Velk, who runs the bar, said ...")."""
_ATTRIBUTED = re.compile(
    r",[”\"'’]*\s+(?:[\w'’.-]+\s+){0,6}?(?:" + "|".join(SPEECH_VERBS) + r")\b[^,]{0,80}$"
)
"""Whose words the sentence tells, at its end (", investigators said."): a cut before it would
give their finding as fact."""


def _cut_at_break(text: str, limit: int) -> str | None:
    """The title cut at the last clause, phrase or loose break that fits `limit` and reads whole."""
    for pattern in (_CLAUSE_BREAK, _PHRASE_BREAK, _LOOSE_BREAK):
        cuts = [
            m.start()
            for m in pattern.finditer(text)
            if min(TITLE_MIN, limit // 2) <= m.start() <= limit and not _bound(text, m.start())
        ]
        for at in reversed(cuts):
            cut = _tidy_end(text[:at])
            long_enough = len(cut) >= min(TITLE_MIN, limit // 2)
            rest = text[at:]
            if (
                long_enough
                and reads_whole(cut, rest)
                and not _inside_name(cut, rest)
                and not _leaves_infinitive_out(cut, rest)
            ):
                return cut
    return None


_AUXILIARY = re.compile(
    r"\b(?:is|are|was|were|has|have|had|will|would|can|could|may|might|must|shall|should|does|"
    r"do|did|says|said|say)\b",
    re.IGNORECASE,
)


def has_verb(text: str) -> bool:
    """Whether a stretch keeps a verb, so it is a statement, not a bare noun phrase."""
    return bool(past_verbs(text) or _AUXILIARY.search(text) or _PRESENT_VERB.search(text))


_PRESENT_VERB = re.compile(
    r"\b(?:[a-z]{3,}(?<![sui])s)\b(?=\s+(?:the|a|an|to|that|it|its|their|his|her|on|in|for|of|"
    r"up|out|back|down|\d))"
)
_DASH_ASIDE = re.compile(r"\s(?:-{1,2}|[–—])\s")
_SAID = re.compile(
    r"\b(?:" + "|".join(SPEECH_VERBS) + r")(?:\s+(?:reporters|journalists|lawmakers|officials|"
    r"the\s+\w+|\w+))?(?:\s+that)?\s+(?=\S)",
    re.IGNORECASE,
)


_NAME = re.compile(r"(?:[A-Z][\w’'.-]+\s+){0,3}[A-Z][\w’'.-]+")


def _inside_name(cut: str, rest: str) -> bool:
    """Whether a cut splits a proper name ("granted by the Office | for Coastal
    Repair"): the word before and the next capitalised word after the preposition."""
    last = cut.split()[-1] if cut.split() else ""
    following = re.match(r"\s*(?:for|of|and|de|del)\s+([A-Z])", rest)
    return bool(last[:1].isupper() and following)


_WANTS = re.compile(
    r"\b(?:expect|want|ask|urge|allow|order|force|tell|told|persuade|require|encourage|invite|"
    r"permit|enable|cause|press|prompt)(?:s|ed|d|ing)?\s+(?:the|a|an|its|their|his|her|our|"
    r"this|that|these|those|it|them|him|us|me|you|[A-Z][\w'’-]*)(?:\s+[\w'’-]+){0,3}$",
    re.IGNORECASE,
)
"""A verb and its object, which the cut-off infinitive was about: "expected the well"."""


_NEEDS_TO = re.compile(
    r"\b(?:wants?|wanted|got|gotten|needs?|needed|have|has|had|going|able|unable|try|tries|"
    r"tried|trying|decided?|plans?|planned|hopes?|hoped|seems?|seemed|continues?|continued|"
    r"ought|refused|failed|agreed|managed|intends?|intended|ready|likely|unlikely|"
    r"said|thought|believed|reported|understood|known|supposed|set|due|about|bound|meant|"
    r"appears?|appeared|tends?|tended)$",
    re.IGNORECASE,
)
"""Words that "to" must follow: "you've got | to allow" says nothing, nor does "a cap is now
said | to collect" (a report's "said to", "believed to", "due to")."""


def _leaves_infinitive_out(cut: str, rest: str) -> bool:
    """Whether a cut before "to" drops what the words before it were about: "it expected the
    dam | to be pronounced safe" does not say the dam was expected; "people want | to talk"."""
    return bool(re.match(r"\s*to\s", rest) and (_WANTS.search(cut) or _NEEDS_TO.search(cut)))


_RELATIVE_TAIL = re.compile(r"\b(?:which|who|that|whose|where)\s+(?:\S+\s+){0,2}\S+$")


def _only_subject(cut: str) -> bool:
    """Whether a cut is a subject with its relative clause and no main verb after it ("A mining
    firm that holds a fifth of the pit"); a main verb may follow a comma ("..., blasted")."""
    head = SUBJECT_HEAD.match(cut)
    if head is None or has_verb(cut[: head.end()] + "that"):
        return False  # "The report states that ...": a verb before "that", which opens speech
    relative = subject_relative(cut)
    if relative is None or relative.has_main:
        return False
    return not has_verb(cut[relative.end :])


def reads_whole(cut: str, rest: str = "") -> bool:
    """Whether a shortened title still reads as a whole statement.

    It keeps a verb, and not only the verb of a relative clause in its subject; it leaves
    no aside open (a bracket, or a dash pair unless the dash opens a short apposition that ends
    where `rest`, the text cut off, starts a relative clause); it does not end on an appositive
    ("BP said a ship, the Helix Producer"); and what someone said keeps its own verb ("He said the
    company" is no statement).
    """
    if not has_verb(cut) or cut.count("(") != cut.count(")"):
        return False
    if _RELATIVE_TAIL.search(cut):
        return False  # "the spill, which began": a clause cut off after its first words
    if _only_subject(cut):
        return False  # "A firm that holds a fifth of the pit": the subject, no main verb
    dashes = list(_DASH_ASIDE.finditer(cut))
    if len(dashes) % 2 and not _closing_apposition(cut[dashes[-1].end() :], rest):
        return False
    chunks = cut.split(", ")
    if len(chunks) == 2 and _NAME.fullmatch(chunks[0]):
        return False  # "Susan Spicer, one of the city's chefs": the name's aside, not its verb
    if len(chunks) > 1 and not has_verb(chunks[-1]) and has_verb(", ".join(chunks[:-1])):
        return False
    said = list(_SAID.finditer(cut))
    return not said or has_verb(cut[said[-1].end() :])


def _closing_apposition(tail: str, rest: str) -> bool:
    """Whether what follows a cut's last dash names what came before it and ends where the
    title does ("a visit to our closest ally – the United States | , where ..."), not an aside
    left open ("BP – which owns") or a list cut after its first item ("four states - Texas |,")."""
    return (
        len(tail.split()) <= 6
        and not has_verb(tail)
        and not _CLAUSE_WORD.match(tail)
        and bool(_APPOSITION_ENDS.match(rest))
    )


_CLAUSE_WORD = re.compile(r"(?:which|who|whose|where|when|while|because|as|if|although)\b", re.I)
_APPOSITION_ENDS = re.compile(r"\s*(?:,\s*(?:which|who|whom|whose|where|when)\b|[.;:!?]|$)")


def _bound(text: str, at: int) -> bool:
    """Whether the break at `at` is bound to the word before: "serves as a", "is backed by",
    "threatened by Iran" (a passive's agent)."""
    before = text[:at].split()
    if not before:
        return True
    if re.match(r"\s+as\s", text[at:]):
        return before[-1].lower() in _TIGHT_AS
    if re.match(r"\s+[a-z]{3,}ed\s+by\b", text[at:]):
        return any(word.lower() in _BE for word in before[-2:])
    if re.match(r"\s+by\s", text[at:]):
        return bool(re.fullmatch(r"[a-z]{2,}ed", before[-1]))
    return False
