"""Sample values for the emails page: a sample alum, referred by a sample professor."""

from __future__ import annotations

from datetime import datetime, timedelta

from generator.derive.salutation import called, greeting_for, in_sentence, tone_of
from generator.emails.context import (
    EmailContext,
    InterviewVars,
    PersonVars,
    finish,
    follow_up_phrase,
    owner_vars,
)
from generator.kit import Kit
from generator.model import Contact
from generator.text.locale_format import clock_time_in_zone, long_day

SAMPLE_REFERRER = Contact(name="Dr. Casey Park", title="Professor", relationship="professor",
                          organization="Your school")
SAMPLE_CONTACT = Contact(name="Morgan Lee", title="Senior Analyst", relationship="alumni",
                         organization="Example Organization", referred_by="casey-park")

# The sample emails' dates: fixed, so the emails page does not change with "today".
SAMPLE_MEETING = datetime(2027, 3, 4, 10, 0)


def sample_context(kit: Kit) -> EmailContext:
    """Made-up values for the emails page: a sample alum, referred by a sample professor."""
    field_name = next((in_sentence(career_field.name) for career_field in kit.fields.values()),
                      None)
    meeting_day = SAMPLE_MEETING
    asked = meeting_day.date() - timedelta(days=10)
    locale = kit.settings.locale
    day = long_day(meeting_day, locale, year=False)
    clock = clock_time_in_zone(meeting_day, kit.settings.timezone, locale)
    rules = kit.settings.rules
    referrer = PersonVars(
        name="Dr. Casey Park", first_name="Casey", last_name="Park",
        called=called(SAMPLE_REFERRER), title="Professor",
        organization="Your school", how_we_met="Taught one of my classes.",
        relationship="professor", referrer=None, email=None,
        greeting=greeting_for(SAMPLE_REFERRER), tone=tone_of("professor"))
    contact = PersonVars(
        name="Morgan Lee", first_name="Morgan", last_name="Lee",
        called=called(SAMPLE_CONTACT), title="Senior Analyst",
        organization="Example Organization", how_we_met="Found through the alumni network.",
        relationship="alumni", referrer=referrer.name, email=None,
        greeting=greeting_for(SAMPLE_CONTACT), tone=tone_of("alumni"))
    takeaway = "I signed up for the spring mentoring program you suggested"
    meeting = InterviewVars(
        id="sample", kind="exploratory", date=day, time=clock, timezone=kit.settings.timezone,
        duration=rules.default_duration_minutes, medium="video",
        location="https://meet.example.com/sample", takeaway=takeaway, takeaways=(takeaway,),
        referrals=("Jamie Rivera",),
        channel="email", channel_word="email", asked_on=long_day(asked, locale, year=False),
        offer="Data Analyst", decide_by=long_day(asked + timedelta(days=21), locale, year=False))
    return finish(EmailContext(
        owner=owner_vars(kit.settings.owner, field_name), contact=contact,
        referrer=referrer,
        field=field_name, interview=meeting,
        follow_up_in=follow_up_phrase(rules.nudge_after_days)))
