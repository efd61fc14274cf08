"""The timex grammar as one list: each named regex, the rule that values it, its trigger words.

A rule's resolver gets the regex match and the anchor date and returns `(type, value)`, or None to
reject the match (e.g. "May" used as a verb). The patterns live by kind in `timex_calendar`,
`timex_years`, `timex_quarters`, `timex_relative`, `timex_days`, `timex_durations` and
`timex_holidays`; the tagger keeps the longest match where rules overlap, and ties go to the rule
listed first.
"""

from __future__ import annotations

from timeline.ingest.tagger.timex_calendar import (
    DAY_MONTH,
    DAY_SPAN,
    ISO_DATE,
    MODIFIED_MONTH,
    MONTH_DATE,
    MONTH_REL_YEAR,
    SLASH_DATE,
    resolve_modified_month,
    resolve_month_date,
    resolve_month_rel_year,
    resolve_numeric_date,
    resolve_span_first,
    resolve_span_last,
)
from timeline.ingest.tagger.timex_days import (
    CLOCK,
    CLOCK_24,
    DAY_WORD,
    OCLOCK,
    PART_OF_DAY,
    WEEKDAY_PHRASE,
    resolve_clock,
    resolve_clock_24,
    resolve_day_word,
    resolve_oclock,
    resolve_part_of_day,
    resolve_weekday,
)
from timeline.ingest.tagger.timex_durations import (
    ADVERB_SET,
    DURATION,
    DURATION_ADJECTIVE,
    EVERY,
    PLURAL_UNITS,
    TIMES_PER,
    resolve_adverb_set,
    resolve_duration,
    resolve_every,
    resolve_plural_units,
    resolve_times_per,
)
from timeline.ingest.tagger.timex_grammar import ANAPHOR_MARK, YEAR_EARLIER, Rule
from timeline.ingest.tagger.timex_holidays import HOLIDAY, resolve_holiday
from timeline.ingest.tagger.timex_lexicon import ANY_UNIT
from timeline.ingest.tagger.timex_quarters import (
    GENERIC_QUARTER,
    NINE_MONTHS,
    QUARTER,
    QUARTER_CODE,
    resolve_generic_quarter,
    resolve_nine_months,
    resolve_quarter,
    resolve_quarter_code,
)
from timeline.ingest.tagger.timex_relative import (
    AGO,
    ANAPHOR,
    COMING_PERIODS,
    IN_THE_PERIOD,
    REF_WORD,
    RELATIVE_PERIOD,
    SEASON_PHRASE,
    THE_PERIOD,
    WEEKEND,
    YEAR_AGO_ADJ,
    resolve_ago,
    resolve_anaphor,
    resolve_coming,
    resolve_in_the_period,
    resolve_ref_word,
    resolve_relative_period,
    resolve_season,
    resolve_the_period,
    resolve_weekend,
    resolve_year_ago_adj,
)
from timeline.ingest.tagger.timex_years import (
    CENTURY,
    DECADE,
    DECADE_WORD,
    ERA_CENTURY,
    ERA_DATE,
    SHORT_YEAR,
    SPOKEN_YEAR,
    YEAR,
    YEAR_AFTER_DASH,
    resolve_century,
    resolve_decade,
    resolve_decade_word,
    resolve_era_century,
    resolve_era_date,
    resolve_short_year,
    resolve_spoken_year,
    resolve_year,
    resolve_year_after_dash,
)

__all__ = ["ANAPHOR_MARK", "RULES", "YEAR_EARLIER", "Rule"]

#: Trigger categories of units that name calendar periods ("last week", "the past decade").
CALENDAR_UNITS = ("u_week", "u_month", "u_year", "u_quarter", "u_long")
DAY_TO_YEAR = ("u_day", "u_week", "u_month", "u_year")

RULES: list[Rule] = [
    Rule("day_span_first", DAY_SPAN, resolve_span_first, ("month",)),
    Rule("day_span_last", DAY_SPAN, resolve_span_last, ("month",)),
    Rule("month_date", MONTH_DATE, resolve_month_date, ("month",)),
    Rule("day_month", DAY_MONTH, resolve_month_date, ("month",)),
    Rule("modified_month", MODIFIED_MONTH, resolve_modified_month, ("month",)),
    Rule("month_rel_year", MONTH_REL_YEAR, resolve_month_rel_year, ("month",)),
    Rule("iso_date", ISO_DATE, resolve_numeric_date, ("year",)),
    Rule("quarter_code", QUARTER_CODE, resolve_quarter_code, ("code",)),
    Rule("slash_date", SLASH_DATE, resolve_numeric_date, ("small",)),
    Rule("year", YEAR, resolve_year, ("year",)),
    Rule("year_after_dash", YEAR_AFTER_DASH, resolve_year_after_dash, ("year",)),
    Rule("short_year", SHORT_YEAR, resolve_short_year, ("small", "tens")),
    Rule("decade", DECADE, resolve_decade, ("year", "tens")),
    Rule("decade_word", DECADE_WORD, resolve_decade_word, ("decade",)),
    Rule("century", CENTURY, resolve_century, ("u_long",)),
    Rule("era_date", ERA_DATE, resolve_era_date, ("era",)),
    Rule("era_century", ERA_CENTURY, resolve_era_century, ("era",)),
    Rule("spoken_year", SPOKEN_YEAR, resolve_spoken_year, ("spoken",)),
    Rule("quarter", QUARTER, resolve_quarter, ("u_quarter",)),
    Rule("generic_quarter", GENERIC_QUARTER, resolve_generic_quarter, ("u_quarter",)),
    Rule("nine_months", NINE_MONTHS, resolve_nine_months, ("u_month",)),
    Rule("relative_period", RELATIVE_PERIOD, resolve_relative_period, CALENDAR_UNITS),
    Rule("in_the_period", IN_THE_PERIOD, resolve_in_the_period, CALENDAR_UNITS),
    Rule("the_period", THE_PERIOD, resolve_the_period, (*DAY_TO_YEAR, "daypart")),
    Rule("anaphor", ANAPHOR, resolve_anaphor, DAY_TO_YEAR),
    Rule("holiday", HOLIDAY, resolve_holiday, ("holiday", "u_day", "weekday")),
    Rule("season", SEASON_PHRASE, resolve_season, ("season",)),
    Rule("weekend", WEEKEND, resolve_weekend, ("u_week",)),
    Rule("ago", AGO, resolve_ago, ("ago",)),
    Rule("year_ago_adj", YEAR_AGO_ADJ, resolve_year_ago_adj, ("u_year",)),
    Rule("day_word", DAY_WORD, resolve_day_word, ("ref",)),
    Rule("part_of_day", PART_OF_DAY, resolve_part_of_day, ("daypart",)),
    Rule("weekday", WEEKDAY_PHRASE, resolve_weekday, ("weekday",)),
    Rule("clock", CLOCK, resolve_clock, ("clock",)),
    Rule("clock_24", CLOCK_24, resolve_clock_24, ("colon", "clock")),
    Rule("oclock", OCLOCK, resolve_oclock, ("clock",)),
    Rule("ref_word", REF_WORD, resolve_ref_word, ("ref",)),
    Rule("coming", COMING_PERIODS, resolve_coming, ANY_UNIT),
    Rule("duration", DURATION, resolve_duration, ANY_UNIT),
    Rule("duration_adjective", DURATION_ADJECTIVE, resolve_duration, ("hyphen",)),
    Rule("plural_units", PLURAL_UNITS, resolve_plural_units, ANY_UNIT),
    Rule("every", EVERY, resolve_every, ("set",)),
    Rule("adverb_set", ADVERB_SET, resolve_adverb_set, ("set",)),
    Rule("times_per", TIMES_PER, resolve_times_per, ("set",)),
]
