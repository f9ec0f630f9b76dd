"""What "today" is for a build: --today, PREPKIT_TODAY, SOURCE_DATE_EPOCH, or the real date."""

from __future__ import annotations

import os
import re
from datetime import UTC, date, datetime, time
from zoneinfo import ZoneInfo

from generator.errors import PrepkitError
from generator.kit import Kit

# The days prepkit accepts as "today": date arithmetic a year either side never overflows.
FIRST_DAY = date(1970, 1, 1)
LAST_DAY = date(9998, 12, 31)
_DAY = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}", re.ASCII)
_SECONDS = re.compile(r"[0-9]+", re.ASCII)


class BadDate(PrepkitError):
    """A malformed --today, PREPKIT_TODAY or SOURCE_DATE_EPOCH: a usage error, exit 2."""

    exit_code = 2


_LAST_SECOND = int(datetime(LAST_DAY.year, LAST_DAY.month, LAST_DAY.day, 23, 59, 59,
                            tzinfo=UTC).timestamp())


def parse_today(text: str | None) -> date | None:
    """`--today`, else PREPKIT_TODAY, else SOURCE_DATE_EPOCH; None means the real today.

    The one parser of these values. A date is exactly YYYY-MM-DD between 1970-01-01 and
    9998-12-31; SOURCE_DATE_EPOCH is a whole number of seconds since 1970 in that range. An
    empty PREPKIT_TODAY or SOURCE_DATE_EPOCH counts as unset, as reproducible-build tools
    treat it. Anything else is a PrepkitError (exit 2) naming the value and where it came from.
    """
    if text is not None:
        return _parse_day(text, "--today")
    from_environment = os.environ.get("PREPKIT_TODAY", "")
    if from_environment:
        return _parse_day(from_environment, "PREPKIT_TODAY")
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "")
    if epoch:
        return _parse_epoch(epoch)
    return None


def _parse_day(text: str, source: str) -> date:
    example = "write it as YYYY-MM-DD, like 2026-11-25"
    if not _DAY.fullmatch(text):
        raise BadDate(f"{source}: {text!r} is not a date; {example}")
    try:
        day = date.fromisoformat(text)
    except ValueError:
        raise BadDate(f"{source}: {text!r} is not a real calendar date; {example}") from None
    if not FIRST_DAY <= day <= LAST_DAY:
        raise BadDate(f"{source}: {text!r} is out of range; prepkit works with dates from "
                           f"{FIRST_DAY} to {LAST_DAY}")
    return day


def _parse_epoch(text: str) -> date:
    if not _SECONDS.fullmatch(text):
        raise BadDate(f"SOURCE_DATE_EPOCH: {text!r} is not a number of seconds since "
                           "1970-01-01 (digits only, like 1764028800); unset it or fix it")
    if len(text.lstrip("0")) > len(str(_LAST_SECOND)) or int(text) > _LAST_SECOND:
        raise BadDate(f"SOURCE_DATE_EPOCH: {text!r} is out of range; it must be at most "
                           f"{_LAST_SECOND} (the end of {LAST_DAY})")
    return datetime.fromtimestamp(int(text), UTC).date()


def current_moment(kit: Kit, today: date | None) -> datetime:
    """'Now' in the kit's timezone, as naive local time like every time in the content."""
    if today is not None:
        return datetime.combine(today, time.min)
    return datetime.now(ZoneInfo(kit.settings.timezone)).replace(tzinfo=None)


def start_of_day_utc(today: date) -> datetime:
    """The moment a run for `today` is dated at (sitemaps, PDF creation dates): its midnight
    UTC, so the same content and day give the same bytes."""
    return datetime.combine(today, time.min, tzinfo=UTC)


def source_date_epoch(today: date) -> str:
    """SOURCE_DATE_EPOCH for a build of `today`, as engines date sitemaps."""
    return str(int(start_of_day_utc(today).timestamp()))
