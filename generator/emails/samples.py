"""Sample values for the emails page: a sample alum, referred by a sample professor."""

from __future__ import annotations

from datetime import datetime, timedelta

from generator.emails.context import (
    EmailContext,
    InterviewVars,
    PersonVars,
    finish,
    follow_up_phrase,
    greeting_for,
    owner_vars,
    tone_of,
    when_text,
)
from generator.kit import Kit
from generator.text.markup import long_date

# The sample emails' dates: fixed, so the emails page does not change with "today".
SAMPLE_MEETING = datetime(2027, 3, 4, 10, 0)


def sample_context(kit: Kit) -> EmailContext:
    """Made-up values for the emails page: a sample alum, referred by a sample professor."""
    field_name = next((career_field.name for career_field in kit.fields.values()), None)
    meeting_day = SAMPLE_MEETING
    asked = meeting_day.date() - timedelta(days=10)
    day, clock = when_text(meeting_day, kit.settings.timezone)
    rules = kit.settings.rules
    referrer = PersonVars(
        name="Dr. Casey Park", first_name="Casey", last_name="Park", title="Professor",
        organization="Your school", how_we_met="Taught one of my classes.",
        relationship="professor", referrer=None, email=None,
        greeting=greeting_for("Dr. Casey Park", "professor"), tone=tone_of("professor"))
    contact = PersonVars(
        name="Morgan Lee", first_name="Morgan", last_name="Lee", title="Senior Analyst",
        organization="Example Organization", how_we_met="Found through the alumni network.",
        relationship="alumni", referrer=referrer.name, email=None,
        greeting=greeting_for("Morgan Lee", "alumni"), tone=tone_of("alumni"))
    takeaway = "Ask the career centre about the spring mentoring program"
    meeting = InterviewVars(
        id="sample", kind="exploratory", date=day, time=clock, timezone=kit.settings.timezone,
        duration=rules.default_duration_minutes, medium="video",
        location="https://meet.example.com/sample", takeaway=takeaway, takeaways=(takeaway,),
        referrals=("Jamie Rivera",), goals=("Learn what a typical week looks like",),
        channel="email", channel_word="email", asked_on=long_date(asked),
        offer="Data Analyst", decide_by=long_date(asked + timedelta(days=21)))
    return finish(EmailContext(
        owner=owner_vars(kit.settings.owner, field_name), contact=contact,
        referrer=referrer,
        field=field_name, interview=meeting,
        follow_up_in=follow_up_phrase(rules.nudge_after_days)))
