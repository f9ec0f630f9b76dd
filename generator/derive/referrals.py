"""Referrals that close the loop: people whose introduction led somewhere and who are owed an
update.

Who introduced you to a contact comes from the contact's `referred_by`, or else from the
`referrals` of a conversation with someone else (see `Kit.referrer_of`). An introduction led
somewhere when the conversation it made possible was held (or thanked), an offer is recorded,
or the conversation is closed. The referrer has heard back once `referrer_updated_on` is set.
"""

from __future__ import annotations

from dataclasses import dataclass

from generator.derive.relations import Relations, Stage
from generator.kit import Kit
from generator.model import Contact, Interview

_MET = {Stage.HELD, Stage.THANKED}


@dataclass(frozen=True)
class UpdateOwed:
    referrer: Contact
    contact: Contact
    interview: Interview
    outcome: str  # "a meeting", "an offer", "a decision"


def outcome_of(interview: Interview, stage: Stage) -> str | None:
    if interview.offer is not None:
        return "a decision" if stage is Stage.CLOSED else "an offer"
    if stage in _MET:
        return "a meeting"
    if stage is Stage.CLOSED and interview.scheduled is not None:
        return "a decision"
    return None


def updates_owed(kit: Kit, relations: Relations) -> list[UpdateOwed]:
    """Each referrer who has not heard how their introduction went, by conversation id."""
    owed: list[UpdateOwed] = []
    for interview in kit.interviews.values():
        if interview.referrer_updated_on is not None:
            continue
        referrer = kit.referrer_of(interview.contact)
        contact = kit.contacts.get(interview.contact)
        outcome = outcome_of(interview, relations.interviews[interview.id].stage)
        if referrer is not None and contact is not None and outcome is not None:
            owed.append(UpdateOwed(referrer, contact, interview, outcome))
    return owed
