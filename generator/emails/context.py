"""The values an email template sees: the owner, the contact, the field and the interview.

Every value is plain data (text, numbers, tuples of text) in frozen dataclasses, so a
template, shipped or the user's own, can read it but never call into the kit's objects.
Text from YAML stays text: nothing here is ever compiled as a template.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, fields, is_dataclass
from typing import Any

from generator.derive.relations import duration_of
from generator.derive.salutation import called, greeting_for, in_sentence, name_parts, tone_of
from generator.emails.catalog import EmailKind
from generator.kit import Kit
from generator.model import Contact, Interview, Owner
from generator.text.locale_format import clock_time_in_zone, long_day

__all__ = [
    "SIGN_OFFS",
    "EmailContext",
    "InterviewVars",
    "OwnerVars",
    "PersonVars",
    "greeting_for",
    "interview_context",
    "name_parts",
    "tone_of",
]

SIGN_OFFS = {"formal": "Best regards,", "warm": "Best,", "casual": "Thanks,"}


@dataclass(frozen=True)
class PersonVars:
    """A person an email is about or written to."""

    name: str
    first_name: str
    last_name: str
    called: str  # how you address them: 'Professor Okafor', or a first or preferred name
    title: str | None
    organization: str | None
    how_we_met: str | None
    relationship: str
    referrer: str | None  # the name of whoever referred them
    email: str | None  # None in the public view
    greeting: str
    tone: str


@dataclass(frozen=True)
class OwnerVars:
    """The job-seeker writing the emails."""

    name: str
    first_name: str
    email: str | None
    phone: str | None
    linkedin: str | None
    school: str | None
    program: str | None
    pitch: str | None
    signature: str
    introduction: str  # the pitch, or a sentence built from school, program and field


@dataclass(frozen=True)
class InterviewVars:
    """The conversation, with dates and times already written out in the kit's timezone."""

    id: str
    kind: str
    date: str | None
    time: str | None
    timezone: str
    duration: int
    medium: str | None
    location: str | None  # None in the public view
    # What you chose to tell them (the interview's `to_share`), never your private notes or
    # takeaways: the first item, and all of them. None and () in the public view.
    takeaway: str | None
    takeaways: tuple[str, ...]
    referrals: tuple[str, ...]  # names of the people they suggested
    channel: str
    channel_word: str  # "email" or "message"
    asked_on: str | None
    offer: str | None  # the role offered
    decide_by: str | None


@dataclass(frozen=True)
class EmailContext:
    """Everything one interview's emails can say."""

    owner: OwnerVars
    contact: PersonVars
    referrer: PersonVars | None
    field: str | None
    interview: InterviewVars
    follow_up_in: str  # "in a week", from rules.nudge_after_days
    # Every text value, so a check can tell a blank from brackets typed in the kit.
    data: tuple[str, ...] = dataclasses.field(default=(), compare=False)

    def recipient(self, kind: EmailKind) -> PersonVars:
        if not kind.to_referrer:
            return self.contact
        return self.referrer or UNKNOWN_REFERRER

    def by_linkedin(self, kind: EmailKind) -> bool:
        """A message on LinkedIn, not an email: the outreach went that way (and the note to
        the referrer, who was not part of it, stays an email)."""
        return self.interview.channel == "linkedin" and not kind.to_referrer

    def signed_as(self, kind: EmailKind) -> str:
        """Your first name to friends and family and in a LinkedIn message (which shows your
        profile), your signature in every other email."""
        casual = self.recipient(kind).tone == "casual"
        plain = casual or self.by_linkedin(kind)
        return self.owner.first_name if plain else self.owner.signature

    def variables(self, kind: EmailKind) -> dict[str, Any]:
        """The template's variables; greeting, tone and closing suit the email's recipient."""
        to = self.recipient(kind)
        sign_off = SIGN_OFFS[to.tone]
        signed = self.signed_as(kind)
        greeting = to.greeting
        if self.by_linkedin(kind) and greeting.startswith("Dear ") and to.called == \
                to.first_name:
            greeting = "Hello " + greeting.removeprefix("Dear ")  # a message, not a letter
        return {"owner": self.owner, "contact": self.contact, "referrer": self.referrer,
                "field": self.field, "interview": self.interview, "to": to,
                "greeting": greeting, "tone": to.tone, "sign_off": sign_off,
                "closing": f"{sign_off}\n{signed}", "follow_up_in": self.follow_up_in,
                "by_linkedin": self.by_linkedin(kind)}


# The recipient of a note to the referrer when the contact names none: a blank to fill in.
UNKNOWN_REFERRER = PersonVars(
    name="[who referred you]", first_name="[who referred you]", last_name="[who referred you]",
    called="[who referred you]", title=None, organization=None, how_we_met=None,
    relationship="other", referrer=None, email=None, greeting="Hello [who referred you],",
    tone="formal")


def default_signature(owner: Owner) -> str:
    return "\n".join(part for part in (owner.name, owner.program, owner.school) if part)


def owner_vars(owner: Owner, field_name: str | None) -> OwnerVars:
    """You, as the emails sign (signed with name, program and school when the kit gives no
    signature, as in the public view)."""
    introduction = owner.pitch or _introduction(owner, field_name)
    return OwnerVars(
        name=owner.name, first_name=name_parts(owner.name).first, email=owner.email,
        phone=owner.phone, linkedin=owner.linkedin, school=owner.school,
        program=owner.program, pitch=owner.pitch,
        signature=(owner.signature or default_signature(owner)).strip(),
        introduction=introduction)


def _introduction(owner: Owner, field_name: str | None) -> str:
    text = f"I'm {owner.name}"
    if owner.school:
        text += f", a student at {owner.school}"
    if owner.program:
        text += f" ({owner.program})"
    text += "."
    if field_name:
        text += f" I'm exploring a career in {field_name}."
    return text


def person_vars(contact: Contact, *, referrer: str | None) -> PersonVars:
    parts = name_parts(contact.name)
    return PersonVars(
        name=contact.name, first_name=contact.preferred_name or parts.first,
        last_name=parts.last, called=called(contact), title=contact.title,
        organization=contact.organization, how_we_met=contact.how_we_met,
        relationship=contact.relationship, referrer=referrer,
        email=contact.email, greeting=greeting_for(contact),
        tone=tone_of(contact.relationship))


def follow_up_phrase(days: int) -> str:
    if days == 7:
        return "in a week"
    if days and days % 7 == 0:
        return f"in {days // 7} weeks"
    return "tomorrow" if days == 1 else f"in {days} days"


def interview_context(kit: Kit, interview: Interview) -> EmailContext:
    """The values for one interview's emails, from the kit as its audience sees it."""
    contact = kit.contacts[interview.contact]
    referrer_contact = kit.referrer_of(contact.id)
    career_field = kit.field_of(interview)
    field_name = in_sentence(career_field.name) if career_field else None
    scheduled, outreach, offer = interview.scheduled, interview.outreach, interview.offer
    locale, zone = kit.settings.locale, kit.settings.timezone
    day = long_day(scheduled.at, locale, year=False) if scheduled else None
    clock = clock_time_in_zone(scheduled.at, zone, locale) if scheduled else None
    takeaways = tuple(interview.to_share)
    channel = outreach.channel if outreach else "email"
    meeting = InterviewVars(
        id=interview.id, kind=interview.kind, date=day, time=clock,
        timezone=kit.settings.timezone, duration=duration_of(kit, interview),
        medium=scheduled.medium if scheduled else None,
        location=scheduled.location if scheduled else None,
        takeaway=takeaways[0] if takeaways else None, takeaways=takeaways,
        referrals=tuple(kit.contacts[ref].name for ref in interview.referrals
                        if ref in kit.contacts),
        channel=channel,
        channel_word="message" if channel == "linkedin" else "email",
        asked_on=(long_day(outreach.sent_on, locale, year=False)
                  if outreach and outreach.sent_on else None),
        offer=offer.role if offer else None,
        decide_by=(long_day(offer.decide_by, locale, year=False)
                   if offer and offer.decide_by else None))
    referrer = person_vars(referrer_contact, referrer=None) if referrer_contact else None
    return finish(EmailContext(
        owner=owner_vars(kit.settings.owner, field_name),
        contact=person_vars(contact, referrer=referrer.name if referrer else None),
        referrer=referrer, field=field_name, interview=meeting,
        follow_up_in=follow_up_phrase(kit.settings.rules.nudge_after_days)))


def finish(context: EmailContext) -> EmailContext:
    """Remember every text value, so a check can tell a user's [bracket] from a blank."""
    texts: list[str] = []
    _collect_texts(context, texts)
    return EmailContext(context.owner, context.contact, context.referrer, context.field,
                        context.interview, context.follow_up_in, tuple(texts))


def _collect_texts(value: object, into: list[str]) -> None:
    if isinstance(value, str):
        into.append(value)
    elif isinstance(value, tuple):
        for item in value:
            _collect_texts(item, into)
    elif is_dataclass(value) and not isinstance(value, type):
        for item in fields(value):
            if item.name != "data":
                _collect_texts(getattr(value, item.name), into)
