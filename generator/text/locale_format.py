"""Dates and times written out for people, in the kit's `locale`, with Babel (CLDR data).

`en-US` (the default) gives "Wednesday, December 2" and "3:00 PM CST"; `en-GB` gives
"Wednesday 2 December" and "15:00 GMT". The timezone's short name comes from the timezone
database, which knows "CST" where CLDR often only has "GMT-6".
"""

from __future__ import annotations

import functools
import re
from datetime import date, datetime
from zoneinfo import ZoneInfo

from babel import Locale
from babel.dates import format_date, format_time, match_skeleton

DEFAULT_LOCALE = "en-US"
_WEEKDAY = re.compile(r"E+")
# CLDR puts narrow no-break spaces in some patterns ("3:00 PM"); a plain-text email keeps a
# plain space, which every mail program shows the same.
_SPACES = str.maketrans({"\u202f": " ", "\u00a0": " "})


@functools.cache
def babel_locale(name: str) -> Locale:
    """The Babel locale for `en-US`, `en_GB` or `de`; the kit's model checks the name."""
    return Locale.parse(name.replace("-", "_"))


@functools.cache
def _day_pattern(name: str, *, year: bool) -> str:
    """The locale's pattern for a weekday, a day and a month name, with or without the year."""
    locale = babel_locale(name)
    skeleton = "yMMMMEd" if year else "MMMMEd"
    found = match_skeleton(skeleton, locale.datetime_skeletons.keys()) or skeleton
    pattern = str(locale.datetime_skeletons.get(found, found))
    return _outside_quotes(pattern, lambda part: _WEEKDAY.sub("EEEE", part))


def _outside_quotes(pattern: str, change: object) -> str:
    assert callable(change)
    pieces = pattern.split("'")
    return "'".join(change(piece) if index % 2 == 0 else piece
                    for index, piece in enumerate(pieces))


def long_day(day: date | datetime, locale: str = DEFAULT_LOCALE, *, year: bool = True) -> str:
    """'Wednesday, December 2, 2026' (en-US); without the year for a date close at hand."""
    # A kit shows the same few hundred days on thousands of pages, and Babel is slow.
    return _long_day(day if type(day) is date else date(day.year, day.month, day.day),
                     locale, year)


@functools.lru_cache(maxsize=8192)
def _long_day(day: date, locale: str, year: bool) -> str:
    text = format_date(day, _day_pattern(locale, year=year), locale=babel_locale(locale))
    return text.translate(_SPACES)


def clock_time(moment: datetime, locale: str = DEFAULT_LOCALE) -> str:
    """'3:00 PM' (en-US) or '15:00' (en-GB, de-DE)."""
    return format_time(moment.time(), "short", locale=babel_locale(locale)).translate(_SPACES)


def zone_name(moment: datetime, timezone: str) -> str:
    """The timezone's short name at that moment: 'CST', 'CEST', or 'UTC+05:30'."""
    abbreviation = moment.replace(tzinfo=ZoneInfo(timezone)).tzname() or timezone
    if not abbreviation.isalpha():
        return f"UTC{abbreviation}" if abbreviation[:1] in "+-" else timezone
    return abbreviation


def clock_time_in_zone(moment: datetime, timezone: str, locale: str = DEFAULT_LOCALE) -> str:
    """'3:00 PM CST': a naive local time of the kit's timezone."""
    return f"{clock_time(moment, locale)} {zone_name(moment, timezone)}"


def long_moment(moment: datetime, timezone: str, locale: str = DEFAULT_LOCALE) -> str:
    """'Wednesday, December 2, 2026, 3:00 PM CST', joined as the locale joins them."""
    joiner = str(babel_locale(locale).datetime_formats.get("long", "{1}, {0}"))
    # The joiner is a CLDR pattern: a quoted word (like 'at') is literal text.
    literal = re.sub(r"'([^']*)'", lambda quoted: quoted.group(1) or "'", joiner)
    return (literal.replace("{1}", long_day(moment, locale))
            .replace("{0}", clock_time_in_zone(moment, timezone, locale)).translate(_SPACES))
