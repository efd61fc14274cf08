"""Put back a title's subject that a line break cut off into the sentence before.

Wire copy and scraped pages break lines inside a sentence ("Rep. Dana Kell, R-Ohio,\nlate
Thursday retracted ..."), and a line is read as its own sentence, so the title opens on the
verb: "Late Thursday retracted his apology". The person the unfinished line before names is
the subject; it is put back in brackets ("[Kell] late Thursday retracted ..."), the way the
other names a title lacks are.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from timeline.ingest.reader.people import people_named
from timeline.store.dates import WEEKDAY_NAMES

_WHEN = (
    r"(?:(?:late|early)\s+)?(?:(?:on\s+)?(?:" + "|".join(WEEKDAY_NAMES) + r")|"
    r"(?:this|last)\s+(?:week|month|year|morning|afternoon|evening|night))"
    r"(?:\s+(?:morning|afternoon|evening|night))?,?\s+"
)
SUBJECTLESS = re.compile(
    rf"^(?:{_WHEN})?(?:was|were|has|had|is|are)\s+(?:\w+ly\s+)?(?:been\s+)?"
    r"(?!(?:the|his|her|its|their|this|that|these|those|not|also|still|being|there|our|your|one|"
    r"two|all|any|some|such|more|most|now|then|due|set|for|and|but)\b)"
    r"[a-z]{2,}(?:ed|en|wn|ld|lt|nt|ght|ot|id|de|ne|un|ng)\b"
    rf"|^{_WHEN}(?:also\s+|again\s+)?[a-z]{{3,}}\s+(?:his|her|its|their|the|a|an|that|it|him|"
    r"them)\b",
    re.IGNORECASE,
)
"""A title opening on its verb, its subject gone: "Was told, ...", "Late Thursday retracted
his apology", "Has been charged with ..." (a participle, not "Was prehistoric man ...?"; a verb
before its object, not "This week retired coastguard ...")."""
_UNFINISHED = re.compile(r"(?:,|\b[A-Za-z][\w.'’-]*)\W{0,2}$")
"""A line that stops mid-sentence: on a comma or a word, no full stop."""
MAX_SUBJECT_WORDS = 12
"""A longer unfinished line is more than the subject run into the next."""


def restore_subject(title: str, before: Sequence[str]) -> str | None:
    """The title with its lost subject put back in brackets ("[Kell] was told, ..."), from the
    one person the unfinished line just before names; the title unchanged when it opens on a
    subject; None when it opens on a verb and nobody is clear."""
    if not SUBJECTLESS.match(title):
        return title
    line = before[-1].strip() if before else ""
    if re.search(r"[.!?]['’\"”]?$", line) or not _UNFINISHED.search(line):
        return None
    people = {name.split()[-1]: name for name in people_named(line)}
    if len(people) != 1 or len(line.split()) > MAX_SUBJECT_WORDS:
        return None
    name = next(iter(people.values()))
    return f"[{name}] {title[:1].lower()}{title[1:]}"
