"""What "today" is for a build: --today, PREPKIT_TODAY, SOURCE_DATE_EPOCH, or the real date."""

from __future__ import annotations

import os
from datetime import UTC, date, datetime, time
from zoneinfo import ZoneInfo

from generator.errors import PrepkitError
from generator.kit import Kit


def parse_today(text: str | None) -> date | None:
    """`--today`, else PREPKIT_TODAY, else SOURCE_DATE_EPOCH; None means the real today."""
    text = text or os.environ.get("PREPKIT_TODAY")
    if text:
        try:
            return date.fromisoformat(text.strip())
        except ValueError:
            raise PrepkitError(f"today: {text!r} is not a date; write it as YYYY-MM-DD, "
                               "like 2026-11-25") from None
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch:
        try:
            return datetime.fromtimestamp(int(epoch), UTC).date()
        except (ValueError, OverflowError):
            raise PrepkitError(f"SOURCE_DATE_EPOCH: {epoch!r} is not a number of "
                               "seconds") from None
    return None


def current_moment(kit: Kit, today: date | None) -> datetime:
    """'Now' in the kit's timezone, as naive local time like every time in the content."""
    if today is not None:
        return datetime.combine(today, time.min)
    return datetime.now(ZoneInfo(kit.settings.timezone)).replace(tzinfo=None)
