"""Business days: weekends, public holidays, the kit's own days off and year ends."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from conftest import assert_clean_exit, run_check
from loop_support import make_kit
from site_support import copy_example_kit

from generator.check.load import load_kit
from generator.derive.business_days import BusinessCalendar
from generator.model.holidays import check_country


def test_weekends_are_skipped() -> None:
    plain = BusinessCalendar()
    friday = date(2026, 11, 20)
    assert plain.add(friday, 1) == date(2026, 11, 23)  # Monday
    assert plain.add(friday, 3) == date(2026, 11, 25)
    assert plain.add(date(2026, 11, 21), 1) == date(2026, 11, 23)  # from a Saturday
    assert plain.between(friday, date(2026, 11, 23)) == 1
    assert plain.between(friday, friday) == 0
    assert plain.between(friday, date(2026, 11, 19)) == 0


def test_public_holidays_of_a_country_and_a_subdivision() -> None:
    us = BusinessCalendar("US")
    assert not us.is_business_day(date(2026, 11, 26))  # Thanksgiving
    assert us.add(date(2026, 11, 25), 1) == date(2026, 11, 27)
    assert us.add(date(2026, 11, 10), 3) == date(2026, 11, 16)  # Veterans Day on the 11th
    assert BusinessCalendar("US-CA").is_business_day(date(2026, 11, 27)) is False
    assert BusinessCalendar("US").is_business_day(date(2026, 11, 27)) is True


def test_year_end_with_holidays_and_extra_days() -> None:
    calendar = BusinessCalendar("US", frozenset({date(2026, 12, 24), date(2026, 12, 31)}))
    # 23 Dec (Wed) + 3: 24 off, 25 Christmas, 26-27 weekend, 28, 29, 30.
    assert calendar.add(date(2026, 12, 23), 3) == date(2026, 12, 30)
    # 30 Dec + 2: 31 off, 1 Jan New Year's Day, 2-3 weekend, 4, 5.
    assert calendar.add(date(2026, 12, 30), 2) == date(2027, 1, 5)
    assert calendar.between(date(2026, 12, 23), date(2027, 1, 5)) == 5
    assert calendar.days_off([date(2026, 12, 24), date(2026, 12, 28)]) == [date(2026, 12, 24)]


def test_unknown_country_codes_are_plain_errors() -> None:
    with pytest.raises(ValueError, match="no public holidays are known"):
        check_country("XX")
    with pytest.raises(ValueError, match="no subdivision 'ZZ'"):
        check_country("US-ZZ")


def test_a_bad_holidays_setting_is_a_located_error(tmp_path: Path) -> None:
    kit = copy_example_kit(tmp_path / "kit")
    kit_yml = kit / "content/kit.yml"
    kit_yml.write_text(kit_yml.read_text(encoding="utf-8").replace("country: US",
                                                                   "country: USA-XX"),
                       encoding="utf-8")
    result = run_check(kit)
    assert_clean_exit(result, 1)
    assert "content/kit.yml:" in result.output and "USA-XX" in result.output


def test_the_kit_setting_reads_country_and_dates(tmp_path: Path) -> None:
    content = make_kit(tmp_path, rules={"holidays": {"country": "DE-BY",
                                                     "dates": ["2026-12-24"]}})
    kit = load_kit(content).kit
    assert kit is not None
    calendar = BusinessCalendar.of(kit.settings.rules.holidays)
    assert not calendar.is_business_day(date(2026, 12, 24))
    assert not calendar.is_business_day(date(2026, 1, 6))  # Epiphany in Bavaria
