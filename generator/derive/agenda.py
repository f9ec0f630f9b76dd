"""The agenda in time: an opening, the questions, and a close, inside the agreed length.

The conversation opens with hellos and a word on why you asked (`rules.opening_minutes`) and
ends by asking who else to talk to and saying thank you (`rules.closing_minutes`); the
questions get what is left. Must-ask questions come first, and should both fit that time and
stay few (`rules.must_ask_limit`): the page and `prepkit check` warn otherwise.
"""

from __future__ import annotations

from dataclasses import dataclass

from generator.derive.relations import AgendaItem, agenda_of, duration_of
from generator.kit import Kit
from generator.model import Interview


@dataclass(frozen=True)
class Slot:
    """One question in time: from `start` to `end`, minutes from the start of the call."""

    item: AgendaItem
    start: int
    end: int
    extra: bool  # ends after the time for questions: ask only if there is time


@dataclass(frozen=True)
class AgendaPlan:
    duration: int
    opening: int
    closing: int
    slots: list[Slot]

    @property
    def question_minutes(self) -> int:
        """Minutes left for questions between the opening and the close."""
        return max(0, self.duration - self.opening - self.closing)

    @property
    def closing_starts(self) -> int:
        return self.duration - self.closing

    @property
    def must_count(self) -> int:
        return sum(slot.item.question.priority == "must" for slot in self.slots)

    @property
    def must_minutes(self) -> int:
        return sum(slot.item.minutes for slot in self.slots
                   if slot.item.question.priority == "must")

    @property
    def must_fit(self) -> bool:
        return self.must_minutes <= self.question_minutes

    @property
    def has_extras(self) -> bool:
        return any(slot.extra for slot in self.slots)


def plan_agenda(kit: Kit, interview: Interview) -> AgendaPlan:
    """The interview's questions laid out after the opening, with the close kept free."""
    rules = kit.settings.rules
    duration = duration_of(kit, interview)
    opening = min(rules.opening_minutes, duration)
    closing = min(rules.closing_minutes, duration - opening)
    slots: list[Slot] = []
    minute = opening
    for item in agenda_of(kit, interview):
        start, minute = minute, minute + item.minutes
        slots.append(Slot(item, start, minute, extra=minute > duration - closing))
    return AgendaPlan(duration, opening, closing, slots)


def agenda_warnings(kit: Kit, plan: AgendaPlan) -> list[tuple[str, str]]:
    """(code, message) for each way the must-ask questions do not suit the conversation."""
    rules = kit.settings.rules
    found: list[tuple[str, str]] = []
    if not plan.must_fit:
        found.append(("over-time", (
            f"the must-ask questions need {plan.must_minutes} minutes but only "
            f"{plan.question_minutes} of the {plan.duration} are left after "
            f"{plan.opening} for the opening and {plan.closing} for the close; mark some "
            "'priority: nice' or agree on more time")))
    if plan.must_count > rules.must_ask_limit:
        found.append(("too-many-must", (
            f"{plan.must_count} questions are must-ask; keep it to {rules.must_ask_limit} "
            "(rules.must_ask_limit) so the ones that matter most get asked: mark the others "
            "'priority: nice'")))
    return found
