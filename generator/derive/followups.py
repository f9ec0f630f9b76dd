"""What is due, from each interview's dates: nudges, confirmations, thank-yous and more."""

from __future__ import annotations

import enum
from dataclasses import dataclass
from datetime import date, timedelta

from generator.derive.keep_in_touch import keep_in_touch_for
from generator.derive.outreach_rule import outreach_steps
from generator.derive.relations import Relations, Stage
from generator.kit import Kit
from generator.model import Interview

CLOSE_THE_LOOP_AFTER = timedelta(days=7)
DUE_SOON = timedelta(days=7)
_FINISHED = {Stage.DECLINED, Stage.CANCELLED, Stage.CLOSED}


class Urgency(enum.Enum):
    OVERDUE = "Overdue"
    THIS_WEEK = "Due this week"
    UPCOMING = "Upcoming"


@dataclass(frozen=True)
class FollowUp:
    """One thing to do for one interview, by a date."""

    interview_id: str
    action: str  # request | nudge | second-contact | confirm | thank-you | close-the-loop |
    # keep-in-touch | decide | recontact
    label: str
    due: date
    done: bool = False
    # No longer to do, but not recorded as done either: the day before a conversation that
    # has happened without a `confirmed_on`. Left off every list of what is due.
    lapsed: bool = False

    def urgency(self, today: date) -> Urgency:
        if self.due < today:
            return Urgency.OVERDUE
        return Urgency.THIS_WEEK if self.due <= today + DUE_SOON else Urgency.UPCOMING


def follow_ups_for(kit: Kit, interview: Interview, stage: Stage,
                   today: date | None = None) -> list[FollowUp]:
    """Every follow-up of one interview, done or not, in date order. Each is done when its
    date is recorded in the interview's file, never because time has passed. Given `today`,
    a planned conversation's request to send is due that day."""
    rules = kit.settings.rules
    items: list[FollowUp] = []
    outreach = interview.outreach
    scheduled = interview.scheduled
    meeting = scheduled.at.date() if scheduled else None

    def add(action: str, label: str, due: date, done: bool = False,
            lapsed: bool = False) -> None:
        items.append(FollowUp(interview.id, action, label, due, done, lapsed and not done))

    if stage is Stage.DECLINED and interview.recontact_on is not None:
        add("recontact", "Ask again, as they suggested", interview.recontact_on)
    if stage in _FINISHED:
        return items
    if stage is Stage.PLANNED and today is not None:
        add("request", "Send the request", today)
    if outreach is not None and outreach.sent_on is not None and meeting is None:
        for step in outreach_steps(kit, interview):
            add(step.action, step.label, step.due, done=step.done)
    if scheduled is not None and meeting is not None:
        add("confirm", "Confirm the day before", meeting - timedelta(days=1),
            done=scheduled.confirmed_on is not None, lapsed=stage is not Stage.SCHEDULED)
        add("thank-you", "Send the thank-you note",
            meeting + timedelta(rules.thank_you_within_days),
            done=interview.thank_you_sent_on is not None)
    thanked = interview.thank_you_sent_on
    if thanked is not None and kit.referrer_of(interview.contact) is not None:
        add("close-the-loop", "Tell the person who referred you how it went",
            thanked + CLOSE_THE_LOOP_AFTER, done=interview.referrer_updated_on is not None)
    keep = keep_in_touch_for(kit, interview.contact) if thanked is not None else None
    if keep is not None and keep.interview_id == interview.id:
        add("keep-in-touch", "Send a keep-in-touch update", keep.due)
    offer = interview.offer
    if offer is not None and offer.decide_by is not None:
        add("decide", "Decide on the offer", offer.decide_by, done=offer.decided_on is not None)
    return sorted(items, key=lambda item: item.due)


def open_follow_ups(kit: Kit, relations: Relations) -> list[FollowUp]:
    """Every follow-up not yet done across the kit, earliest first."""
    today = relations.now.date()
    pending = [item for interview in kit.interviews.values()
               for item in follow_ups_for(kit, interview,
                                          relations.interviews[interview.id].stage, today)
               if not item.done and not item.lapsed]
    return sorted(pending, key=lambda item: (item.due, item.interview_id))


def by_urgency(items: list[FollowUp], today: date) -> list[FollowUp]:
    """Overdue first, then due this week, then upcoming; earliest first within each."""
    rank = {urgency: index for index, urgency in enumerate(Urgency)}
    return sorted(items, key=lambda item: (rank[item.urgency(today)], item.due,
                                           item.interview_id, item.action))


def recipient_of(kit: Kit, item: FollowUp) -> str:
    """Who the follow-up is written to: the contact, or whoever referred them."""
    interview = kit.interviews[item.interview_id]
    contact = kit.contacts[interview.contact]
    referrer = kit.referrer_of(contact.id)
    if item.action == "close-the-loop" and referrer is not None:
        return referrer.name
    if item.action == "decide":
        return kit.settings.owner.name
    if item.action == "second-contact" and contact.employer in kit.employers:
        return f"someone else at {kit.employers[contact.employer].name}"
    return contact.name
