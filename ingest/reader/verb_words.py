"""The word lists the clause rules read in place of a part-of-speech tagger: irregular pasts and
participles, -ed words that are rarely verbs, feelings, and the verbs and words of a state."""

from __future__ import annotations


def _words(text: str) -> frozenset[str]:
    """A word list written as one string."""
    return frozenset(text.split())


IRREGULAR_PAST = _words(
    "arose awoke began bit blew broke brought built burst bought caught chose came cost crept "
    "cut dealt did dug drew drank drove ate fell fed felt fought found fled flew forbade "
    "forgot froze got gave went grew hung heard hid hit held hurt kept knelt knew laid led "
    "left lent let lay lit lost made meant met paid put quit read rode rang rose ran said saw "
    "sought sold sent set shook shed shot shut sang sank sat slept slid spoke spent spun "
    "spread sprang stood stole stuck stung struck swore swept swam swung took taught tore "
    "told thought threw understood woke wore won withdrew wrote overtook overthrew undertook "
    "upheld beat "
)

PARTICIPLES = _words(
    "arisen begun bitten blown broken chosen done drawn driven eaten fallen flown forgotten "
    "frozen gotten given gone grown hidden known ridden risen seen shaken shown sung sunk "
    "spoken stolen stricken sworn taken thrown torn woken worn withdrawn written overtaken "
    "undertaken been "
)

NOT_EVENTS = _words(
    "concerned interested based related supposed limited united advanced detailed "
    "experienced skilled talented excited worried tired married armed aged need indeed seed "
    "speed feed weed bleed breed creed deed greed heed reed shed red bed hundred "
    "kindred sacred wicked naked rugged ragged crooked beloved learned alleged so-called "
    "called named dubbed noted renowned talked-about "
)
"""Words ending in -ed that are adjectives or nouns far more often than verbs of a happening."""

FEELINGS = _words(
    "pleased delighted disappointed satisfied relieved saddened thrilled dismayed heartened "
    "frustrated encouraged angered upset shocked surprised"
)

COPULA = frozenset(["is", "are", "was", "were"])

SUPPOSING = frozenset(["may", "might", "should", "must", "would", "can", "cannot", "can't"])
"""Modals that make a clause a guess, a wish or a rule; "could" is often the past of "can"."""

STATIVE = _words(
    "holds hold leads lead owns own remains remain contains contain includes include lacks lack "
    "needs need wants want seems seem appears appear belongs belong consists consist depends "
    "depend means mean costs lies lie sits sit stands stand resembles resemble knows know "
    "enjoys enjoy boasts boast"
)
"""Present verbs that tell how things stand ("The museum holds ...", "Velmar leads the
region"), not what happened."""

STATE_PARTICIPLES = _words("enjoyed had known lived owned remained stood lain belonged seemed")
"""Perfect participles of a state: "has enjoyed success", "had known him for years"."""

RESULT_STATES = _words(
    "dead missing injured hurt killed closed shut over gone safe free guilty bankrupt "
    "unconscious alive ill arrested jailed trapped stranded evacuated"
)
"""What a copula may report as news: "Two crew were missing", "The mayor is dead"."""

COPULAS = _words("is are was were am 's ’s")

FIRSTS = _words("first last latest final")

PLANNED = _words("being due set scheduled expected going about to likely unlikely")
"""After a copula, what is still to come ("Talks are due to resume"): left to the tense rules."""

COPULA_ADVERBS = _words("now still also not never already first last later then just soon once")
"""Adverbs between a copula and what it says ("was first signed", "is now capped")."""

NOT_SUBJECT = _words("to the a an of in on at for with by from and or")
"""Words before a verb-like word that make it a noun or an infinitive ("the lead", "to hold")."""
