"""How each person responds to outreach, from the dates you recorded.

- booster: replied within 3 business days of your request;
- obligate: replied, but later than that;
- curmudgeon: no reply 7 business days after your follow-up (`outreach.nudged_on`).

A person's type comes from your latest request to them (by `outreach.sent_on`); anyone still
inside those windows has no type yet. A meeting counts as a reply when no reply date is
recorded, dated the day of the meeting.
"""

from __future__ import annotations

import enum
from datetime import date

from generator.derive.business_days import BusinessCalendar
from generator.kit import Kit
from generator.model import Interview

BOOSTER_WITHIN = 3  # business days
CURMUDGEON_AFTER = 7  # business days after the follow-up


class ResponseType(enum.Enum):
    BOOSTER = "booster"
    OBLIGATE = "obligate"
    CURMUDGEON = "curmudgeon"

    @property
    def label(self) -> str:
        return self.value.capitalize()

    @property
    def meaning(self) -> str:
        return _MEANINGS[self]


_MEANINGS = {
    ResponseType.BOOSTER: "replied within 3 business days",
    ResponseType.OBLIGATE: "replied after more than 3 business days",
    ResponseType.CURMUDGEON: "no reply 7 business days after the follow-up",
}


def reply_day(interview: Interview) -> date | None:
    """When they answered: `outreach.replied_on`, or else the day you met."""
    if interview.outreach is not None and interview.outreach.replied_on is not None:
        return interview.outreach.replied_on
    return interview.scheduled.at.date() if interview.scheduled is not None else None


def response_of(interview: Interview, calendar: BusinessCalendar,
                today: date) -> ResponseType | None:
    outreach = interview.outreach
    if outreach is None or outreach.sent_on is None:
        return None
    replied = reply_day(interview)
    if replied is not None:
        within = calendar.between(outreach.sent_on, replied) <= BOOSTER_WITHIN
        return ResponseType.BOOSTER if within else ResponseType.OBLIGATE
    if outreach.nudged_on is not None and \
            calendar.between(outreach.nudged_on, today) >= CURMUDGEON_AFTER:
        return ResponseType.CURMUDGEON
    return None


def response_types(kit: Kit, today: date) -> dict[str, ResponseType]:
    """Each contact's type, from your latest request to them; contacts without one are left out."""
    calendar = BusinessCalendar.of(kit.settings.rules.holidays)
    found: dict[str, ResponseType] = {}
    for contact_id in kit.contacts:
        asked = [interview for interview in kit.interviews_with(contact_id)
                 if interview.outreach is not None and interview.outreach.sent_on is not None]
        if not asked:
            continue
        latest = max(asked, key=_sent_key)
        kind = response_of(latest, calendar, today)
        if kind is not None:
            found[contact_id] = kind
    return found


def _sent_key(interview: Interview) -> tuple[date, str]:
    sent = interview.outreach.sent_on if interview.outreach is not None else None
    return (sent or date.min, interview.id)
