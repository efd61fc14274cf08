"""Only the ASCII digits 0-9 make a stored date: `\\d` would also take Arabic-Indic, Devanagari
or full-width digits, which sort after every real date and no other program reads as a year."""

from __future__ import annotations

import pytest

from timeline.store import BadEvent, NewEvent, Store, precision_of
from timeline.store.edtf import from_edtf

OTHER_DIGITS = ["\u0662\u0660\u0662\u0662", "\u0968\u0966\u0968\u0968", "\uff12\uff10\uff12\uff12"]
"""The year 2022 in Arabic-Indic, Devanagari and full-width digits."""


@pytest.mark.parametrize("year", OTHER_DIGITS)
@pytest.mark.parametrize("form", ["{}", "{}-03", "{}-03-04", "-{}", "{}-03-04T10:15"])
def test_other_scripts_digits_are_not_a_stored_date(year: str, form: str) -> None:
    assert precision_of(form.format(year)) is None
    assert precision_of(form.format("2022")) is not None


@pytest.mark.parametrize("day", ["2022-0\u0663", "2022-03-\u0660\u0664", "\u0661999-01-01"])
def test_one_foreign_digit_is_enough_to_refuse(day: str) -> None:
    assert precision_of(day) is None


@pytest.mark.parametrize("year", OTHER_DIGITS)
def test_the_store_refuses_an_event_dated_in_other_digits(store: Store, year: str) -> None:
    with pytest.raises(BadEvent):
        store.add_event(NewEvent(title="Lantern fair at Orlow", start=year))
    assert store.count() == 0


def test_edtf_reads_ascii_digits_only() -> None:
    assert from_edtf("\u0662\u0660\u0662\u0662") is None
    assert from_edtf("2022~") is not None
