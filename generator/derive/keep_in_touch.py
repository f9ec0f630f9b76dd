"""Keep in touch: an update is due some days after your last dated contact with a person.

The last interaction is the latest of a conversation's dates with them: the request
(`outreach.sent_on`, `replied_on`, `nudged_on`), the meeting, the thank-you note and the last
update (`update_sent_on`). Only people you have met and thanked are kept in touch with.
The gap is the contact's own `keep_in_touch_days`, else `rules.keep_in_touch_by_relationship`
for their relationship, else `rules.keep_in_touch_days`: the most specific setting wins.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass
from datetime import date, timedelta

from generator.kit import Kit
from generator.model import Contact, Interview

DUE_WITHIN = timedelta(days=7)


class Tier(enum.Enum):
    OVERDUE = "overdue"
    DUE = "due"
    LATER = "later"


def interaction_days(interview: Interview) -> list[date]:
    """Every dated contact with the person in one conversation."""
    days: list[date | None] = [interview.thank_you_sent_on, interview.update_sent_on]
    if interview.outreach is not None:
        days += [interview.outreach.sent_on, interview.outreach.replied_on,
                 interview.outreach.nudged_on]
    if interview.scheduled is not None:
        days.append(interview.scheduled.at.date())
    return [day for day in days if day is not None]


def gap_for(kit: Kit, contact: Contact) -> int:
    rules = kit.settings.rules
    if contact.keep_in_touch_days is not None:
        return contact.keep_in_touch_days
    return rules.keep_in_touch_by_relationship.get(contact.relationship,
                                                   rules.keep_in_touch_days)


@dataclass(frozen=True)
class KeepInTouch:
    """When the next update to one person is due, and the conversation it follows."""

    contact_id: str
    interview_id: str  # the latest conversation you thanked them for
    last: date
    due: date

    def tier(self, today: date) -> Tier:
        if self.due < today:
            return Tier.OVERDUE
        return Tier.DUE if self.due <= today + DUE_WITHIN else Tier.LATER


def keep_in_touch_for(kit: Kit, contact_id: str) -> KeepInTouch | None:
    """The next update to a person you have met and thanked, or None."""
    contact = kit.contacts.get(contact_id)
    conversations = kit.interviews_with(contact_id)
    thanked = [interview for interview in conversations
               if interview.thank_you_sent_on is not None and interview.status is None
               and interview.kind != "post-offer"]
    if contact is None or not thanked:
        return None
    anchor = max(thanked, key=lambda interview: (interview.thank_you_sent_on, interview.id))
    last = max(day for interview in conversations for day in interaction_days(interview))
    return KeepInTouch(contact_id, anchor.id, last, last + timedelta(days=gap_for(kit, contact)))


def losing_touch(kit: Kit, today: date) -> list[KeepInTouch]:
    """People whose update is overdue or due within a week, most overdue first."""
    found = [item for item in (keep_in_touch_for(kit, contact_id) for contact_id in kit.contacts)
             if item is not None and item.tier(today) is not Tier.LATER]
    return sorted(found, key=lambda item: (item.due, item.contact_id))
