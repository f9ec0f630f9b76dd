"""The prep page's before, during and after checklists.

A box is ticked only when the interview's file records it: the request by `outreach.sent_on`,
the confirmation by `scheduled.confirmed_on`, the thank-you by `thank_you_sent_on`, notes by
`notes` or `takeaways` of a conversation that was held, and so on. Things no file records
(reading up, taking notes during the call) stay open, to tick on paper. The items fit the
medium: nobody dresses up or brings a résumé for a phone call.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from generator.derive.followups import FollowUp
from generator.derive.relations import Stage
from generator.model import Interview

HELD = frozenset({Stage.HELD, Stage.THANKED, Stage.CLOSED})
_BEFORE_ACTIONS = frozenset({"request", "nudge", "confirm"})
CHANNEL_LABELS = {"email": "email", "linkedin": "a LinkedIn message"}


@dataclass(frozen=True)
class CheckItem:
    label: str
    done: bool = False
    follow_up: FollowUp | None = None  # a dated item, linked to its draft when there is one

    def overdue(self, today: date) -> bool:
        return self.follow_up is not None and not self.done and not self.follow_up.lapsed \
            and self.follow_up.due < today


@dataclass(frozen=True)
class Checklist:
    title: str
    items: list[CheckItem]


def _medium_before(medium: str | None, location: str | None) -> list[CheckItem]:
    if medium == "phone":
        return [CheckItem("Agree who calls whom, and have the number at hand"),
                CheckItem("Find a quiet place with good reception"),
                CheckItem("Have your résumé open, to send only if asked")]
    if medium == "video":
        return [CheckItem("Test the link, camera and sound"),
                CheckItem("Find a quiet, well-lit place and dress as you would in person"),
                CheckItem("Have your résumé ready to send, only if asked")]
    if medium == "in-person":
        return [CheckItem("Plan the way there" + (" and where to find the room"
                                                  if location else "")),
                CheckItem("Dress professionally"),
                CheckItem("Bring a copy of your résumé, to hand over only if asked")]
    return [CheckItem("Agree on phone, video or meeting in person")]


def _medium_during(medium: str | None) -> CheckItem:
    if medium == "in-person":
        return CheckItem("Arrive ten minutes early")
    if medium == "phone":
        return CheckItem("Call (or be ready for the call) on the minute")
    return CheckItem("Join a few minutes early")


def checklists_for(interview: Interview, stage: Stage, organization: str | None,
                   duration: int, follow_ups: list[FollowUp]) -> list[Checklist]:
    """Before, during and after, ticked from what the interview's file records."""
    scheduled = interview.scheduled
    medium = scheduled.medium if scheduled else None
    outreach = interview.outreach
    channel = CHANNEL_LABELS[outreach.channel] if outreach else "email or a LinkedIn message"
    asked = outreach is not None and outreach.sent_on is not None
    dated = {item.action: item for item in follow_ups}
    request = dated.get("request")
    before = [CheckItem(f"Send the request by {channel}", done=asked, follow_up=request),
              *(CheckItem(item.label, item.done, item) for item in follow_ups
                if item.action in _BEFORE_ACTIONS - {"request"}),
              CheckItem("Read the field research and about "
                        + (organization or "their organization")),
              CheckItem("Choose your must-ask questions and know your goals"),
              *_medium_before(medium, scheduled.location if scheduled else None)]
    during = [_medium_during(medium),
              CheckItem(f"Keep to the agreed {duration} minutes: watch the clock"),
              CheckItem("Ask the must-ask questions first"),
              CheckItem("Ask who else you should talk to"),
              CheckItem("Take notes")]
    recorded = stage in HELD and (interview.notes is not None or bool(interview.takeaways))
    after = [CheckItem("Record your notes and takeaways in this interview's file",
                       done=recorded),
             *(CheckItem(item.label, item.done, item) for item in follow_ups
               if item.action not in _BEFORE_ACTIONS)]
    return [Checklist("Before", before), Checklist("During", during), Checklist("After", after)]
