"""The packet's before, during and after checklists: the prep page's items, on paper.

Items already done are ticked, like the boxes on the web page; dated follow-ups (nudge,
confirm, thank-you and the rest, from generator.derive.followups) carry their due date.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from generator.derive.followups import FollowUp
from generator.derive.relations import InterviewFacts, Stage
from generator.model import Interview


@dataclass(frozen=True)
class CheckItem:
    label: str
    done: bool = False
    due: date | None = None
    overdue: bool = False


@dataclass(frozen=True)
class Checklist:
    title: str
    items: list[CheckItem]



def checklists_for(interview: Interview, facts: InterviewFacts, organization: str | None,
                   follow_ups: list[FollowUp], today: date) -> list[Checklist]:
    """Before, during and after: the same items as the prep page, ticked when done."""
    scheduled = interview.scheduled
    medium = scheduled.medium if scheduled else None
    channel = {"email": "email", "linkedin": "LinkedIn"}[interview.outreach.channel] \
        if interview.outreach else "email or LinkedIn"

    def dated(item: FollowUp) -> CheckItem:
        return CheckItem(item.label, item.done, item.due, not item.done and item.due < today)

    before = [
        CheckItem(f"Ask for the conversation by {channel}", done=facts.stage is not Stage.PLANNED),
        CheckItem("Read the field research and about "
                  + (organization or "their organization")),
        CheckItem("Choose your must-ask questions and know your goals"),
        *(dated(item) for item in follow_ups if item.action in ("nudge", "confirm")),
        CheckItem("Dress professionally" + (" and test the link, camera and sound"
                                            if medium == "video" else "")),
        CheckItem("Bring a copy of your résumé, to hand over only if asked"),
    ]
    during = [
        CheckItem("Arrive ten minutes early" if medium == "in-person"
                  else "Join a few minutes early"),
        CheckItem(f"Keep to the agreed {facts.duration} minutes: watch the clock"),
        CheckItem("Ask the must-ask questions first"),
        CheckItem("Ask who else you should talk to"),
        CheckItem("Take notes"),
    ]
    after = [
        CheckItem("Record your notes and takeaways in this interview's file",
                  done=interview.notes is not None),
        *(dated(item) for item in follow_ups if item.action not in ("nudge", "confirm")),
    ]
    return [Checklist("Before", before), Checklist("During", during), Checklist("After", after)]
