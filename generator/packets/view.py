"""What one printed packet shows, worked out from the kit: plain data, private parts removed.

Everything the print template needs is computed here, and a public packet is built without
its private values in the first place (contact details, private notes, the meeting's place or
link, interview notes and takeaways), so no template branch can leak them.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

from generator.derive.followups import FollowUp, follow_ups_for
from generator.derive.relations import InterviewFacts, Relations, Stage
from generator.kit import Kit
from generator.model import CareerField, Contact, Interview
from generator.packets.checklists import Checklist, checklists_for
from generator.packets.markup import Block, markdown_blocks, web_address
from generator.packets.thank_you import Draft, ThankYouDrafts

TOP_SOURCES = 3
_HELD = {Stage.HELD, Stage.THANKED}
_RELATIONSHIPS = {"former-employer": "Former employer", "gsi": "Teaching assistant (GSI)",
                  "alumni": "Alumnus or alumna"}


@dataclass(frozen=True)
class Row:
    """One line of a two-column table: a label and its value, maybe a printed web address."""

    label: str
    value: str
    url: str | None = None


@dataclass(frozen=True)
class Source:
    title: str
    url: str | None
    notes: list[Block] | None


@dataclass(frozen=True)
class AgendaEntry:
    number: int
    text: str
    must: bool
    topic: str | None
    minutes: int
    starts_at: int
    ends_at: int
    over_time: bool
    follow_ups: list[str]
    lines: int  # ruled lines to write the answer on


@dataclass(frozen=True)
class Budget:
    """The agenda's time budget against the agreed length."""

    duration: int
    agreed: bool
    must_minutes: int
    total_minutes: int
    opening: int = 0  # minutes kept for hellos, as on the prep page
    closing: int = 0  # and for the close

    @property
    def question_minutes(self) -> int:
        return max(0, self.duration - self.opening - self.closing)

    @property
    def fits(self) -> bool:
        return self.must_minutes <= self.question_minutes

    @property
    def extra_minutes(self) -> int:
        return max(0, self.total_minutes - self.duration)


@dataclass(frozen=True)
class Packet:
    """One interview's printed prep packet, ready for the template."""

    interview_id: str
    person: str
    subtitle: str
    stage: Stage
    when: datetime | None
    medium: str | None
    person_rows: list[Row]  # who they are and how to reach them (no details when public)
    meeting_rows: list[Row]  # when, how long, where, stage, thank-you
    goals: list[str]
    how_we_met: str | None
    background: list[Block] | None
    private_notes: str | None
    field_name: str | None
    field_summary: list[Block] | None
    roles: list[str]
    sources: list[Source]
    more_sources: int
    agenda: list[AgendaEntry]
    budget: Budget
    checklists: list[Checklist]
    thank_you_line: str | None
    thank_you_due: date | None  # while the note is still to send
    thank_you_draft: Draft | None  # while the note is still to send; never when public
    notes_heading: str
    notes: list[Block] | None
    takeaways: list[str] = field(default_factory=list)
    referrals: list[str] = field(default_factory=list)


def build_packet(kit: Kit, relations: Relations, interview_id: str, *, today: date,
                 public: bool, drafts: ThankYouDrafts | None = None) -> Packet:
    """The packet of one interview; `public` leaves every private value out.

    `drafts` renders the thank-you note, shown while it is still to send (private only).
    """
    interview = kit.interviews[interview_id]
    facts = relations.interviews[interview_id]
    contact = kit.contacts[interview.contact]
    hidden = public and kit.settings.public_contacts == "hidden"
    career_field = kit.fields.get(facts.field_id) if facts.field_id else None
    follow_ups = follow_ups_for(kit, interview, facts.stage)
    thank_you = next((item for item in follow_ups if item.action == "thank-you"), None)
    person = "your contact" if hidden else contact.name
    held = facts.stage in _HELD
    return Packet(
        interview_id=interview_id,
        person=person,
        subtitle="" if hidden else _position(contact),
        stage=facts.stage,
        when=interview.scheduled.at if interview.scheduled else None,
        medium=_medium(interview.scheduled.medium) if interview.scheduled else None,
        person_rows=[] if hidden else [*_person_rows(kit, contact),
                                       *([] if public else _details(contact))],
        meeting_rows=_meeting_rows(kit, interview, facts, thank_you, public=public),
        goals=list(interview.goals),
        how_we_met=None if hidden else contact.how_we_met,
        background=None if hidden else markdown_blocks(contact.background),
        private_notes=None if public else contact.private_notes,
        field_name=career_field.name if career_field else None,
        field_summary=markdown_blocks(career_field.summary) if career_field else None,
        roles=list(career_field.roles) if career_field else [],
        sources=_sources(career_field),
        more_sources=max(0, len(career_field.research) - TOP_SOURCES) if career_field else 0,
        agenda=_agenda(facts),
        budget=Budget(facts.duration, _agreed(interview), facts.must_minutes,
                      facts.total_minutes, kit.settings.rules.opening_minutes,
                      kit.settings.rules.closing_minutes),
        checklists=checklists_for(interview, facts, None if hidden else contact.organization,
                                  follow_ups, today),
        thank_you_line=_thank_you_line(thank_you, interview.thank_you_sent_on),
        thank_you_due=thank_you.due if thank_you and not thank_you.done else None,
        thank_you_draft=drafts.draft(interview) if drafts and thank_you and not thank_you.done
        and not public else None,
        notes_heading="Notes from the conversation" if held else "Your notes so far",
        notes=None if public else markdown_blocks(interview.notes),
        takeaways=[] if public else list(interview.takeaway_texts),
        referrals=[] if hidden else [kit.contacts[ref].name for ref in interview.referrals
                                     if ref in kit.contacts],
    )


def _position(contact: Contact) -> str:
    if contact.title and contact.organization:
        return f"{contact.title}, {contact.organization}"
    return contact.title or contact.organization or ""


def _agreed(interview: Interview) -> bool:
    return interview.scheduled is not None and interview.scheduled.duration_minutes is not None


def long_date(day: date) -> str:
    return f"{day:%A} {day.day} {day:%B %Y}"


def _when(moment: datetime, duration: int, timezone: str) -> str:
    end = moment + timedelta(minutes=duration)
    zone = moment.replace(tzinfo=ZoneInfo(timezone)).tzname() or ""
    # "CST, America/Chicago"; zones without a letter abbreviation ("+0530") show their name
    zone_name = f"{zone}, {timezone}" if zone.isalpha() and zone != timezone else timezone
    return f"{long_date(moment.date())}, {moment:%H:%M}–{end:%H:%M} ({zone_name})"


def _person_rows(kit: Kit, contact: Contact) -> list[Row]:
    rows = [Row("Who", contact.name + (f", {contact.title}" if contact.title else ""))]
    if contact.organization:
        rows.append(Row("Organization", contact.organization))
    relationship = _RELATIONSHIPS.get(contact.relationship, contact.relationship.capitalize())
    referrer = kit.contacts.get(contact.referred_by or "")
    if referrer is not None:
        relationship += f", referred by {referrer.name}"
    rows.append(Row("Relationship", relationship))
    return rows


def _meeting_rows(kit: Kit, interview: Interview, facts: InterviewFacts,
                  thank_you: FollowUp | None, *, public: bool) -> list[Row]:
    rows: list[Row] = []
    scheduled = interview.scheduled
    if scheduled is not None:
        rows.append(Row("When", _when(scheduled.at, facts.duration, kit.settings.timezone)))
    else:
        rows.append(Row("When", "Not scheduled yet"))
    length = f"{facts.duration} minutes" + (" (agreed)" if _agreed(interview) else
                                            " (to propose)")
    rows.append(Row("How long", length))
    if scheduled is not None:
        medium = _medium(scheduled.medium)
        location = scheduled.location if scheduled.location and not public else None
        if location and web_address(location):
            rows.append(Row("Medium", f"{medium}:", web_address(location)))
        elif location:
            rows.append(Row("Medium", f"{medium}: {location}"))
        else:
            rows.append(Row("Medium", medium))
    rows.append(Row("Stage", facts.stage.label))
    if interview.kind == "post-offer":
        rows.append(Row("Kind", "After an offer"))
    if interview.offer is not None:
        decide = (f"; decide by {long_date(interview.offer.decide_by)}"
                  if interview.offer.decide_by else "")
        rows.append(Row("Offer", interview.offer.role + decide))
    if thank_you is not None:
        rows.append(Row("Thank-you", _thank_you_line(thank_you, interview.thank_you_sent_on)
                        or ""))
    return rows


def _medium(medium: str) -> str:
    return {"in-person": "In person"}.get(medium, medium.capitalize())


def _thank_you_line(thank_you: FollowUp | None, sent_on: date | None) -> str | None:
    if thank_you is None:
        return None
    if sent_on is not None:
        return f"Thank-you note sent {long_date(sent_on)}"
    return f"Thank-you note due {long_date(thank_you.due)}"


def _details(contact: Contact) -> list[Row]:
    rows: list[Row] = []
    if contact.email:
        rows.append(Row("Email", contact.email))
    if contact.phone:
        rows.append(Row("Phone", contact.phone))
    if contact.linkedin:
        rows.append(Row("LinkedIn", "", web_address(contact.linkedin)))
    return rows


def _sources(career_field: CareerField | None) -> list[Source]:
    if career_field is None:
        return []
    return [Source(source.title, web_address(source.url), markdown_blocks(source.notes))
            for source in career_field.research[:TOP_SOURCES]]


def _agenda(facts: InterviewFacts) -> list[AgendaEntry]:
    entries = []
    for number, item in enumerate(facts.agenda, start=1):
        question = item.question
        entries.append(AgendaEntry(
            number=number, text=question.text, must=question.priority == "must",
            topic=question.topic, minutes=item.minutes,
            starts_at=item.ends_at_minute - item.minutes, ends_at=item.ends_at_minute,
            over_time=item.ends_at_minute > facts.duration,
            follow_ups=list(question.follow_ups),
            lines=_lines_for(question.priority == "must", item.minutes,
                             item.ends_at_minute > facts.duration)))
    return entries


def _lines_for(must: bool, minutes: int, over_time: bool) -> int:
    """Room to write an answer: more for must-ask and long questions, one line for extras."""
    if over_time:
        return 1
    return (2 if must else 1) + (1 if minutes >= 5 else 0)
