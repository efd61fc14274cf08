"""Timex rules for quarters, halves and the periods of earnings reports: "Q3 2022", "the third
quarter", "the first half of 1990", "the year-ago period", "the first nine months"."""

from __future__ import annotations

import re

from timeline.ingest.tagger.timex_anchor import (
    Anchor,
    last_quarter,
    shifted,
    year_of_month,
    year_text,
)
from timeline.ingest.tagger.timex_grammar import (
    Resolved,
    compile_rule,
    direction_of,
    month_number,
)
from timeline.ingest.tagger.timex_lexicon import (
    MONTH,
    alternation,
    parse_number,
)

QUARTER_CODE = compile_rule(
    r"(?:(?P<y1>1[6-9]\d\d|20\d\d)[\s-]*)?(?P<h>[QH])(?P<n>[1-4])(?:[\s-]*(?P<y2>1[6-9]\d\d|20\d\d))?"
)


def resolve_quarter_code(m: re.Match[str], anchor: Anchor) -> Resolved:
    """Value "Q3 2022", "2022 Q3", "H1" as a quarter or half; lower-case "q3" is not one."""
    kind, number = m.group("h"), int(m.group("n"))
    if not kind.isupper() or (kind == "H" and number > 2):
        return None
    year = m.group("y1") or m.group("y2")
    if year is None:
        year = year_of_quarter(anchor, 6 * number if kind == "H" else 3 * number)
    return "DATE", f"{year}-{kind}{number}"


_QUARTER_ORD = {"first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3}

_QUARTER_ORD |= {"fourth": 4, "4th": 4, "final": 4, "last": 4}

QUARTER = compile_rule(
    r"(?:(?P<det>the|its|their|a|(?P<ry>this|last|next)\s+year's)\s+)?"
    r"(?P<rest>(?:(?:flat|strong|weak|fiscal|calendar|year-earlier|year-ago)[-\s]+)?)"
    r"(?:(?P<y1>1[6-9]\d\d|20\d\d)\s+)?(?:(?:fiscal|calendar)[-\s]+)?"
    rf"(?P<q>{alternation(_QUARTER_ORD)})[-\s]+(?:fiscal\s+)?(?P<u>quarters?|half)"
    r"(?:\s+of\s+(?:fiscal\s+)?(?:(?P<y2>1[6-9]\d\d|20\d\d)|(?P<ry2>last|this|next)\s+year))?"
)


def year_of_quarter(anchor: Anchor, last_month: int) -> str:
    """Year of a quarter named without one: the latest such quarter, unless it is next."""
    if anchor is None:
        return "XXXX"
    return year_text(anchor.year - 1 if last_month - anchor.month > 4 else anchor.year)


def resolve_quarter(m: re.Match[str], anchor: Anchor) -> Resolved:
    """Value "the third quarter", "third-quarter", "the first half of 1990", "fiscal 1989 Q"."""
    word = m.group("q").lower()
    half = m.group("u").lower() == "half"
    number = 2 if half and word == "last" else _QUARTER_ORD[word]
    if half and number > 2:
        return None
    named_year = m.group("y1") or m.group("y2") or m.group("ry") or m.group("ry2")
    if half and not named_year and "fiscal" not in m.group(0).lower():
        return None  # "in the second half" of a match or a speech: no year is named
    year = m.group("y1") or m.group("y2")
    if word == "last" and not half and year is None:
        return None  # "last quarter" is the one before this: a relative period
    if year is None and (m.group("ry") or m.group("ry2")):
        year = shifted(anchor, "year", direction_of(m.group("ry") or m.group("ry2")))
    elif year is None:
        year = year_of_quarter(anchor, 2 * number if half else 3 * number)
    if "year-earlier" in m.group(0).lower() or "year-ago" in m.group(0).lower():
        year = shifted(anchor, "year", -1)
    value = f"{year}-{'H' if half else 'Q'}{number}"
    det = (m.group("det") or "").lower()
    if det in ("its", "their", "a") or (
        det == "the" and "-" in m.group(0)[m.start("q") - m.start() :]
    ):
        return "DATE", value, m.start("rest")  # "a third-quarter loss": the adjective alone
    return "DATE", value


GENERIC_QUARTER = compile_rule(
    r"(?:the|this|that|its|(?P<ly>last\s+year's))\s+"
    r"(?P<mods>(?:(?:latest|current|most\s+recent|recent|comparable|same|corresponding|fiscal|"
    r"financial|year-ago|year-earlier|(?:1[6-9]\d\d|20\d\d))[-\s]+)*)(?P<u>quarter|period)(?!-)"
    r"(?:\s+(?:a\s+year\s+(?:ago|earlier)|(?:of\s+(?:the\s+)?)?(?P<prev>last|previous|prior)\s+year))?"
    rf"(?=\s+(?:ended|ending)\s+(?P<endmon>{MONTH}))?"
)


def resolve_generic_quarter(m: re.Match[str], anchor: Anchor) -> Resolved:
    """Value "the quarter", "the latest quarter", "the year-ago period" in earnings reports."""
    mods = m.group("mods").lower()
    text = m.group(0).lower()
    if m.group("u").lower() == "period" and not mods.strip():
        return None
    year_match = re.search(r"1[6-9]\d\d|20\d\d", mods)
    back = (
        1
        if m.group("ly") or "year-" in mods or "ago" in text or "earlier" in text or m.group("prev")
        else 0
    )
    if m.group("endmon") and m.group("u").lower() == "quarter":
        month = month_number(m.group("endmon"))
        value = f"{year_of_month(anchor, month)}-Q{(month - 1) // 3 + 1}"
    elif "current" in mods or text.startswith("this"):
        value = shifted(anchor, "quarter", 0)
    else:
        value = last_quarter(anchor, back)
    if year_match:
        value = year_match.group(0) + value[4:]
    return "DATE", value


NINE_MONTHS = compile_rule(
    r"the\s+(?:(?:first|latest|past|year-earlier|year-ago)\s+)?(?P<n>six|nine|3|6|9|three)\s+months"
)


def resolve_nine_months(m: re.Match[str], anchor: Anchor) -> Resolved:
    """Value "the first nine months" as a duration, the way earnings reports use it."""
    months = parse_number(m.group("n")) or 0
    return "DURATION", f"P{int(months)}M"
