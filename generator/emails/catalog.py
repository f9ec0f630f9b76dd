"""The emails prepkit drafts, and which of them fit an interview at its stage."""

from __future__ import annotations

from dataclasses import dataclass

from generator.derive.relations import Stage
from generator.model import Contact, Interview


@dataclass(frozen=True)
class EmailKind:
    """One email template: `templates/<name>.txt.j2`, replaced by the kit's own file."""

    name: str
    title: str
    when: str  # when it is sent, one sentence for the emails page
    has_subject: bool = True
    follow_up: str | None = None  # the follow-up action (generator.derive.followups) it carries out
    to_referrer: bool = False  # written to the person who made the referral

    @property
    def file_name(self) -> str:
        return f"{self.name}.txt.j2"

    @property
    def anchor(self) -> str:
        return f"email-{self.name}"


EMAIL_KINDS: tuple[EmailKind, ...] = (
    EmailKind("outreach", "First outreach email",
              "Asks for a short conversation; shown while the interview is planned.",
              follow_up="request"),
    EmailKind("linkedin-note", "LinkedIn connection note",
              "The note sent with a LinkedIn connection request, when the outreach channel "
              "is linkedin.", has_subject=False),
    EmailKind("nudge", "No-reply nudge",
              "The one follow-up when the request has had no reply: after 7 business days "
              "(outreach_rule: 3b7), or after nudge_after_days (outreach_rule: days).",
              follow_up="nudge"),
    EmailKind("scheduling-reply", "Scheduling reply",
              "The answer once they agree: accepts the agreed time, or asks for one."),
    EmailKind("confirmation", "Day-before confirmation",
              "Confirms the time, place and length the day before.", follow_up="confirm"),
    EmailKind("thank-you", "Thank-you note",
              "Thanks them and names a takeaway; due within the kit's thank_you_within_days.",
              follow_up="thank-you"),
    EmailKind("close-the-loop", "Close-the-loop note",
              "Tells the person who referred you that the conversation happened (or led to an "
              "offer).",
              follow_up="close-the-loop", to_referrer=True),
    EmailKind("keep-in-touch", "Keep-in-touch update",
              "An update keep_in_touch_days after your last contact with someone you thanked.",
              follow_up="keep-in-touch"),
    EmailKind("post-offer-request", "Post-offer request",
              "After a job offer, asks the employer for a conversation before you decide.",
              follow_up="request"),
)
EMAILS_BY_NAME: dict[str, EmailKind] = {kind.name: kind for kind in EMAIL_KINDS}
_FINISHED = {Stage.DECLINED, Stage.CANCELLED, Stage.CLOSED}


def kinds_for_stage(interview: Interview, contact: Contact, stage: Stage, *,
                    has_referrer: bool | None = None) -> list[EmailKind]:
    """The emails that fit where the conversation stands, in the order they are sent.

    `has_referrer`: someone introduced you (their `referred_by`, or another conversation's
    `referrals`); when not given, the contact's `referred_by` decides."""
    referred = bool(contact.referred_by) if has_referrer is None else has_referrer
    names: list[str] = []
    post_offer = interview.kind == "post-offer"
    outreach = interview.outreach
    if stage is Stage.PLANNED:
        if post_offer:
            names.append("post-offer-request")
        else:
            names.append("outreach")
            if outreach is not None and outreach.channel == "linkedin":
                names.append("linkedin-note")
    elif stage is Stage.REQUESTED:
        names.append("nudge" if outreach is None or outreach.replied_on is None
                     else "scheduling-reply")
    elif stage is Stage.SCHEDULED:
        names += ["scheduling-reply", "confirmation"]
    owed = referred and interview.referrer_updated_on is None
    if stage is Stage.HELD:
        names.append("thank-you")
    elif stage is Stage.THANKED:
        if owed:
            names.append("close-the-loop")
        if not post_offer:
            names.append("keep-in-touch")
    # The referrer hears how it went once it led to a meeting or an offer.
    if owed and stage not in _FINISHED and "close-the-loop" not in names and (
            stage is Stage.HELD or interview.offer is not None):
        names.append("close-the-loop")
    assert stage not in _FINISHED or not names
    return [EMAILS_BY_NAME[name] for name in names]
