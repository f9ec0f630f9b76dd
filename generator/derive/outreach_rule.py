"""What to do when an outreach gets no reply: the kit's `rules.outreach_rule`.

`3b7` (the default): three business days after the request with no reply, write to a second
person at the same employer (only when the contact is linked to one); at seven business days,
follow up once with the first person. A recorded reply (`outreach.replied_on`) cancels both,
and once the follow-up is recorded (`outreach.nudged_on`) nothing more is proposed.

`days`: one polite nudge `rules.nudge_after_days` calendar days after the request.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from generator.derive.business_days import BusinessCalendar
from generator.kit import Kit
from generator.model import Interview

SECOND_CONTACT_AFTER = 3  # business days
FOLLOW_UP_AFTER = 7  # business days


@dataclass(frozen=True)
class OutreachStep:
    """One step of the rule: (action, label, due, done), as a follow-up takes it."""

    action: str  # "second-contact" or "nudge"
    label: str
    due: date
    done: bool


def business_calendar(kit: Kit) -> BusinessCalendar:
    return BusinessCalendar.of(kit.settings.rules.holidays)


def outreach_steps(kit: Kit, interview: Interview) -> list[OutreachStep]:
    """The no-reply steps of one interview whose request was sent and not yet met."""
    outreach = interview.outreach
    if outreach is None or outreach.sent_on is None:
        return []
    rules = kit.settings.rules
    sent = outreach.sent_on
    replied = outreach.replied_on is not None
    nudged = outreach.nudged_on is not None
    contact = kit.contacts.get(interview.contact)
    name = contact.name if contact else interview.contact
    if rules.outreach_rule == "days":
        return [OutreachStep("nudge", "Send a polite nudge",
                             sent + timedelta(rules.nudge_after_days), replied or nudged)]
    calendar = business_calendar(kit)
    steps: list[OutreachStep] = []
    employer = kit.employers.get(contact.employer) if contact and contact.employer else None
    if employer is not None and contact is not None:
        second = second_contact_reached(kit, interview)
        steps.append(OutreachStep(
            "second-contact", f"Contact a second person at {employer.name}",
            calendar.add(sent, SECOND_CONTACT_AFTER), replied or nudged or second))
    steps.append(OutreachStep("nudge", f"Follow up once with {name}",
                              calendar.add(sent, FOLLOW_UP_AFTER), replied or nudged))
    return steps


def second_contact_reached(kit: Kit, interview: Interview) -> bool:
    """Whether you wrote to someone else at the contact's employer on or after this request."""
    contact = kit.contacts.get(interview.contact)
    if contact is None or contact.employer is None or interview.outreach is None:
        return False
    sent = interview.outreach.sent_on
    for other in kit.contacts_at(contact.employer):
        if other.id == contact.id:
            continue
        for conversation in kit.interviews_with(other.id):
            other_sent = conversation.outreach.sent_on if conversation.outreach else None
            if other_sent is not None and sent is not None and other_sent >= sent:
                return True
    return False
