"""Numbers for the pipeline page: reply rates, conversations by stage, activity per week.

A request counts as answered when `outreach.replied_on` is set or a meeting is scheduled.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from generator.derive.relations import STAGE_ORDER, Relations, Stage
from generator.kit import Kit

WEEKS_SHOWN = 12


@dataclass(frozen=True)
class Rate:
    label: str
    sent: int
    replied: int

    @property
    def percent(self) -> int:
        return round(100 * self.replied / self.sent) if self.sent else 0


@dataclass(frozen=True)
class Week:
    start: date  # the Monday
    outreach: int
    meetings: int


@dataclass(frozen=True)
class PipelineStats:
    overall: Rate
    by_relationship: list[Rate]
    by_channel: list[Rate]
    by_stage: list[tuple[Stage, int]]
    weeks: list[Week]


def _monday(day: date) -> date:
    return day - timedelta(days=day.weekday())


def pipeline_stats(kit: Kit, relations: Relations, today: date) -> PipelineStats:
    sent_by: dict[tuple[str, str], int] = {}
    replied_by: dict[tuple[str, str], int] = {}
    outreach_weeks: dict[date, int] = {}
    meeting_weeks: dict[date, int] = {}
    for interview in kit.interviews.values():
        outreach = interview.outreach
        if interview.scheduled is not None:
            week = _monday(interview.scheduled.at.date())
            meeting_weeks[week] = meeting_weeks.get(week, 0) + 1
        if outreach is None or outreach.sent_on is None:
            continue
        week = _monday(outreach.sent_on)
        outreach_weeks[week] = outreach_weeks.get(week, 0) + 1
        contact = kit.contacts.get(interview.contact)
        answered = outreach.replied_on is not None or interview.scheduled is not None
        for key in (("all", "all"), ("relationship", contact.relationship if contact else "other"),
                    ("channel", outreach.channel)):
            sent_by[key] = sent_by.get(key, 0) + 1
            replied_by[key] = replied_by.get(key, 0) + answered

    def rates(group: str) -> list[Rate]:
        return [Rate(label, sent_by[(kind, label)], replied_by[(kind, label)])
                for kind, label in sorted(sent_by) if kind == group]

    counts = dict.fromkeys(STAGE_ORDER, 0)
    for facts in relations.interviews.values():
        counts[facts.stage] += 1
    last = _monday(today)
    if outreach_weeks or meeting_weeks:
        last = max(last, *outreach_weeks, *meeting_weeks)
    first = last - timedelta(weeks=WEEKS_SHOWN - 1)
    weeks = [Week(first + timedelta(weeks=n), outreach_weeks.get(first + timedelta(weeks=n), 0),
                  meeting_weeks.get(first + timedelta(weeks=n), 0))
             for n in range(WEEKS_SHOWN)]
    overall = Rate("all", sent_by.get(("all", "all"), 0), replied_by.get(("all", "all"), 0))
    return PipelineStats(overall, rates("relationship"), rates("channel"),
                         [(stage, counts[stage]) for stage in STAGE_ORDER if counts[stage]],
                         weeks)
