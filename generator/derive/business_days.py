"""Business days: Monday to Friday, less the kit's public holidays and extra days off.

Holidays come from the `holidays` library (country and optional subdivision, as in kit.yml's
`rules.holidays.country`, e.g. `US` or `US-CA`) plus the kit's own list of dates.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta

import holidays as holiday_data

from generator.model import Holidays
from generator.model.holidays import split_country_code


@functools.cache
def _public_holidays(code: str, year: int) -> frozenset[date]:
    country, subdivision = split_country_code(code)
    return frozenset(holiday_data.country_holidays(country, subdiv=subdivision, years=year))


@dataclass(frozen=True)
class BusinessCalendar:
    """Which days count as business days for one kit."""

    country: str | None = None
    extra: frozenset[date] = frozenset()

    @classmethod
    def of(cls, settings: Holidays) -> BusinessCalendar:
        return cls(settings.country, frozenset(settings.dates))

    def is_business_day(self, day: date) -> bool:
        if day.weekday() >= 5 or day in self.extra:
            return False
        return self.country is None or day not in _public_holidays(self.country, day.year)

    def add(self, start: date, count: int) -> date:
        """The `count`-th business day after `start` (start itself is not counted)."""
        day = start
        remaining = count
        while remaining > 0:
            day += timedelta(days=1)
            if self.is_business_day(day):
                remaining -= 1
        return day

    def between(self, start: date, end: date) -> int:
        """Business days after `start` up to and including `end` (0 when end <= start)."""
        count = 0
        day = start
        while day < end:
            day += timedelta(days=1)
            count += self.is_business_day(day)
        return count

    def days_off(self, days: Iterable[date]) -> list[date]:
        return [day for day in days if not self.is_business_day(day)]
