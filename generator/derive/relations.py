"""Facts that follow from the content: an interview's stage, agenda and time budget."""

from __future__ import annotations

import enum
from dataclasses import dataclass
from datetime import date, datetime

from generator.kit import Kit
from generator.model import Interview, Question


class Stage(enum.Enum):
    """Where a conversation stands, in the order the practice goes through them."""

    PLANNED = "planned"
    REQUESTED = "requested"
    SCHEDULED = "scheduled"
    HELD = "held"
    THANKED = "thanked"
    DECLINED = "declined"
    CANCELLED = "cancelled"
    CLOSED = "closed"

    @property
    def label(self) -> str:
        return self.value.capitalize()


STAGE_ORDER: tuple[Stage, ...] = tuple(Stage)


def stage_of(interview: Interview, now: datetime) -> Stage:
    """The stage from the dates, unless the interview's `status` overrides it."""
    if interview.status is not None:
        return Stage(interview.status)
    if interview.thank_you_sent_on is not None:
        return Stage.THANKED
    if interview.scheduled is not None:
        return Stage.SCHEDULED if interview.scheduled.at > now else Stage.HELD
    if interview.outreach is not None and interview.outreach.sent_on is not None:
        return Stage.REQUESTED
    return Stage.PLANNED


@dataclass(frozen=True)
class AgendaItem:
    """One question on an interview's agenda, with the running time before it ends."""

    question: Question
    source: str  # the question set's id, or "" for the interview's own questions
    minutes: int
    ends_at_minute: int


def agenda_of(kit: Kit, interview: Interview) -> list[AgendaItem]:
    """Questions merged from the interview's sets and its own, must-ask first, running time."""
    per_question = kit.settings.rules.minutes_per_question
    collected: list[tuple[Question, str]] = []
    seen: set[str] = set()
    for set_id in interview.question_sets:
        question_set = kit.question_sets.get(set_id)
        for question in question_set.questions if question_set else []:
            collected.append((question, set_id))
    collected.extend((question, "") for question in interview.questions)
    ordered = [pair for pair in collected if pair[0].priority == "must"]
    ordered += [pair for pair in collected if pair[0].priority != "must"]
    items: list[AgendaItem] = []
    elapsed = 0
    for question, source in ordered:
        key = question.text.casefold()
        if key in seen:  # the same question in two sets is asked once
            continue
        seen.add(key)
        minutes = question.minutes or per_question
        elapsed += minutes
        items.append(AgendaItem(question, source, minutes, elapsed))
    return items


def duration_of(kit: Kit, interview: Interview) -> int:
    """The agreed length, or the kit's default when none is agreed yet."""
    if interview.scheduled is not None and interview.scheduled.duration_minutes is not None:
        return interview.scheduled.duration_minutes
    return kit.settings.rules.default_duration_minutes


def must_ask_minutes(agenda: list[AgendaItem]) -> int:
    return sum(item.minutes for item in agenda if item.question.priority == "must")


def meeting_day(interview: Interview) -> date | None:
    return interview.scheduled.at.date() if interview.scheduled else None


@dataclass(frozen=True)
class InterviewFacts:
    """What the pages need to know about one interview, computed once."""

    stage: Stage
    agenda: list[AgendaItem]
    duration: int
    must_minutes: int
    field_id: str | None

    @property
    def total_minutes(self) -> int:
        return self.agenda[-1].ends_at_minute if self.agenda else 0

    @property
    def fits(self) -> bool:
        return self.must_minutes <= self.duration


@dataclass
class Relations:
    """Every cross-reference of the kit indexed once, so no page scans the whole kit."""

    now: datetime
    interviews: dict[str, InterviewFacts]
    contacts_in_field: dict[str, list[str]]
    interviews_in_field: dict[str, list[str]]
    interviews_with: dict[str, list[str]]
    referred_by_contact: dict[str, list[str]]
    sets_for_field: dict[str, list[str]]
    sets_for_any_field: list[str]
    interviews_using_set: dict[str, list[str]]
    referrals_from: dict[str, list[str]]  # contact id -> interviews that named them


def relate(kit: Kit, now: datetime) -> Relations:
    """Index the kit: one pass over each kind of entity."""
    relations = Relations(now=now, interviews={}, contacts_in_field={}, interviews_in_field={},
                          interviews_with={}, referred_by_contact={}, sets_for_field={},
                          sets_for_any_field=[], interviews_using_set={}, referrals_from={})
    for contact in kit.contacts.values():
        for field_id in contact.fields:
            relations.contacts_in_field.setdefault(field_id, []).append(contact.id)
        if contact.referred_by:
            relations.referred_by_contact.setdefault(contact.referred_by, []).append(contact.id)
    for question_set in kit.question_sets.values():
        if not question_set.fields:
            relations.sets_for_any_field.append(question_set.id)
        for field_id in question_set.fields:
            relations.sets_for_field.setdefault(field_id, []).append(question_set.id)
    for interview in kit.interviews.values():
        career_field = kit.field_of(interview)
        field_of_interview = career_field.id if career_field else None
        agenda = agenda_of(kit, interview)
        relations.interviews[interview.id] = InterviewFacts(
            stage=stage_of(interview, now), agenda=agenda, duration=duration_of(kit, interview),
            must_minutes=must_ask_minutes(agenda), field_id=field_of_interview)
        relations.interviews_with.setdefault(interview.contact, []).append(interview.id)
        if field_of_interview:
            relations.interviews_in_field.setdefault(field_of_interview, []).append(interview.id)
        for set_id in interview.question_sets:
            relations.interviews_using_set.setdefault(set_id, []).append(interview.id)
        for referral in interview.referrals:
            relations.referrals_from.setdefault(referral, []).append(interview.id)
    return relations
