"""The kit as an iCalendar file: each agreed conversation, and each follow-up still to do.

Written with the icalendar library. The output depends only on the content and on "today"
(DTSTAMP is taken from it, not from the clock), so two builds of the same kit on the same day
are byte-identical, and UIDs stay the same from one build to the next, so a calendar that
subscribes to the file updates its events instead of duplicating them.
"""

from __future__ import annotations

import importlib
from datetime import UTC, date, datetime, time, timedelta
from typing import TYPE_CHECKING
from zoneinfo import ZoneInfo

from generator.derive.followups import FollowUp, open_follow_ups
from generator.derive.relations import Relations, Stage, duration_of
from generator.emails.catalog import kinds_for_stage
from generator.kit import Kit
from generator.model import Interview

if TYPE_CHECKING:
    from types import ModuleType

    import icalendar

PRODUCT_ID = "-//prepkit//Informational interviews//EN"
_NOT_MEETING = {Stage.DECLINED, Stage.CANCELLED}


def calendar_bytes(kit: Kit, relations: Relations, *, today: date,
                   site_url: str | None) -> bytes:
    """calendar.ics: one event per scheduled conversation, one all-day event per open
    follow-up, from the kit as its audience sees it (the public view has no places, links
    or contact details to show)."""
    icalendar = _icalendar()
    events = _Events(kit, today=today, site_url=site_url)
    for interview in kit.interviews.values():
        if interview.scheduled is not None and \
                relations.interviews[interview.id].stage not in _NOT_MEETING:
            events.meeting(interview)
    for item in open_follow_ups(kit, relations):
        if item.action == "request":  # due "today" until sent: no date to put in a calendar
            continue
        events.follow_up(item, relations.interviews[item.interview_id].stage)
    calendar = icalendar.Calendar()
    calendar.add("prodid", PRODUCT_ID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add("x-wr-calname", kit.settings.title)
    calendar.add("x-wr-timezone", kit.settings.timezone)
    for _, event in sorted(events.made, key=lambda pair: pair[0]):
        calendar.add_component(event)
    if events.first_day is not None and events.last_day is not None:
        # Only the years the events span: the VTIMEZONE stays short and the output stable.
        calendar.add_missing_timezones(first_date=date(events.first_day.year, 1, 1),
                                       last_date=date(events.last_day.year + 1, 12, 31))
    return bytes(calendar.to_ical())


class _Events:
    def __init__(self, kit: Kit, *, today: date, site_url: str | None) -> None:
        self.kit = kit
        self.site_url = site_url.rstrip("/") + "/" if site_url else None
        self.stamp = datetime.combine(today, time.min, tzinfo=UTC)
        self.zone = ZoneInfo(kit.settings.timezone)
        self.made: list[tuple[tuple[str, str], icalendar.Event]] = []
        self.first_day: date | None = None
        self.last_day: date | None = None

    @staticmethod
    def uid(interview_id: str, action: str) -> str:
        """From ids (file names) only: editing the kit's title or a person's name changes no
        UID, so a subscribed calendar keeps updating the same events."""
        return f"{interview_id}.{action}@prepkit"

    def page(self, interview_id: str, anchor: str = "") -> str | None:
        if self.site_url is None:
            return None
        return f"{self.site_url}interviews/{interview_id}/" + (f"#{anchor}" if anchor else "")

    def who(self, interview: Interview) -> str:
        return self.kit.contacts[interview.contact].name

    def meeting(self, interview: Interview) -> None:
        scheduled = interview.scheduled
        assert scheduled is not None
        minutes = duration_of(self.kit, interview)
        start = scheduled.at.replace(tzinfo=self.zone)
        name = self.who(interview)
        event = self._event(self.uid(interview.id, "meeting"),
                            f"Informational interview: {name}")
        event.add("dtstart", start)
        event.add("dtend", start + timedelta(minutes=minutes))
        if scheduled.location:
            event.add("location", scheduled.location)
        contact = self.kit.contacts[interview.contact]
        role = " at ".join(part for part in (contact.title, contact.organization) if part)
        lines = [f"With {name}" + (f", {role}" if role else ""),
                 f"{minutes} minutes, {scheduled.medium}"]
        self._finish(event, lines, self.page(interview.id), start.date())
        self.made.append(((start.astimezone(UTC).isoformat(), str(event["uid"])), event))

    def follow_up(self, item: FollowUp, stage: Stage) -> None:
        interview = self.kit.interviews[item.interview_id]
        name = self.who(interview)
        event = self._event(self.uid(item.interview_id, item.action),
                            f"{item.label}: {name}")
        event.add("dtstart", item.due)
        event.add("dtend", item.due + timedelta(days=1))
        event.add("transp", "TRANSPARENT")
        contact = self.kit.contacts[interview.contact]
        anchor = next(
            (kind.anchor for kind in kinds_for_stage(
                interview, contact, stage,
                has_referrer=self.kit.referrer_of(contact.id) is not None)
             if kind.follow_up == item.action), "")
        lines = [f"Conversation with {name}"]
        if anchor:
            lines.append("The draft email is on the prep page.")
        self._finish(event, lines, self.page(item.interview_id, anchor), item.due)
        self.made.append(((item.due.isoformat(), str(event["uid"])), event))

    def _event(self, uid: str, summary: str) -> icalendar.Event:
        event: icalendar.Event = _icalendar().Event()
        event.add("uid", uid)
        event.add("dtstamp", self.stamp)
        event.add("summary", summary)
        return event

    def _finish(self, event: icalendar.Event, lines: list[str], page: str | None,
                day: date) -> None:
        if page:
            lines.append(f"Prep page: {page}")
            event.add("url", page)
        event.add("description", "\n".join(lines))
        self.first_day = min(self.first_day or day, day)
        self.last_day = max(self.last_day or day, day)


def _icalendar() -> ModuleType:
    # Imported when a calendar is made (in a build, by the process that makes it), which
    # keeps it out of every command's start-up time.
    return importlib.import_module("icalendar")
