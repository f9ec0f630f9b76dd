"""From the kit to the data of printed packets: a pure function, nothing read or written.

A packet (or a booklet) is one JSON document that the Typst template (templates/packet.typ)
reads with `json(bytes(sys.inputs.data))`. Every value from YAML stays a JSON string, shown by
the template as text: no value is ever pasted into Typst markup, so none can run as code.
Dates, counts and plurals are worded here, so the template only lays things out.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from datetime import date, datetime
from typing import Any

from generator.derive.relations import Relations, Stage
from generator.kit import Kit
from generator.packets.checklists import Checklist
from generator.packets.thank_you import ThankYouDrafts
from generator.packets.view import AgendaEntry, Budget, Packet, Row, build_packet, long_date

PAPER_SIZES = {"letter": "us-letter", "a4": "a4"}
BOOKLET_TITLE = "Upcoming conversations"

Data = dict[str, Any]


@dataclass(frozen=True)
class PacketOptions:
    """The settings every packet of one run shares."""

    today: date
    public: bool = False


def is_public(kit: Kit, public: bool) -> bool:
    """A packet is public when asked for, or when kit.yml says every build is public."""
    return public or kit.settings.publish == "public"


class PacketRenderer:
    """Renders the packets of one kit; what they share is prepared once."""

    def __init__(self, kit: Kit, relations: Relations, options: PacketOptions) -> None:
        self.kit = kit
        self.relations = relations
        self.options = options
        self.public = is_public(kit, options.public)
        self.drafts = ThankYouDrafts(kit)

    def packet(self, interview_id: str) -> Packet:
        return build_packet(self.kit, self.relations, interview_id, today=self.options.today,
                            public=self.public, drafts=self.drafts)

    def packet_data(self, interview_id: str) -> Data:
        """The template's data for one interview's packet."""
        packet = self.packet(interview_id)
        return {**self._shared(), "kind": "packet",
                "title": f"Prep packet: conversation with {packet.person}",
                "packets": [_packet_data(packet)]}

    def booklet_data(self, interview_ids: list[str]) -> Data:
        """The template's data for a booklet: a contents page, then each packet in date
        order."""
        packets = sorted((self.packet(interview_id) for interview_id in interview_ids),
                         key=_in_date_order)
        count = len(packets)
        return {**self._shared(), "kind": "booklet", "title": BOOKLET_TITLE,
                "kicker": f"Prep booklet · as of {long_date(self.options.today)}",
                "intro": f"{self.kit.settings.title}: {_count(count, 'conversation')}, one "
                         "packet each, in date order.",
                "contents": [_contents_entry(packet) for packet in packets],
                "packets": [_packet_data(packet) for packet in packets]}

    def _shared(self) -> Data:
        return {"paper": PAPER_SIZES[self.kit.settings.paper], "lang": "en",
                "author": self.kit.settings.owner.name}


def render_packet_data(kit: Kit, relations: Relations, interview_id: str,
                       options: PacketOptions) -> Data:
    """The template's data for one interview's packet."""
    return PacketRenderer(kit, relations, options).packet_data(interview_id)


def render_booklet_data(kit: Kit, relations: Relations, interview_ids: list[str],
                        options: PacketOptions) -> Data:
    """The template's data for a booklet: a contents page, then each packet in date order."""
    return PacketRenderer(kit, relations, options).booklet_data(interview_ids)


def upcoming_interviews(kit: Kit, relations: Relations) -> list[str]:
    """Ids of the scheduled conversations still to come, earliest first."""
    upcoming = [interview for interview in kit.interviews.values()
                if relations.interviews[interview.id].stage is Stage.SCHEDULED
                and interview.scheduled is not None]
    upcoming.sort(key=lambda interview: (interview.scheduled.at if interview.scheduled
                                         else datetime.max, interview.id))
    return [interview.id for interview in upcoming]


def _in_date_order(packet: Packet) -> tuple[datetime, str]:
    return (packet.when or datetime.max, packet.interview_id)


def _count(number: int, noun: str) -> str:
    return f"{number} {noun}{'' if number == 1 else 's'}"


def _short_date(day: date) -> str:
    return f"{day:%a} {day.day} {day:%b}"


def _short_moment(moment: datetime) -> str:
    return f"{moment:%a} {moment.day} {moment:%b %Y}, {moment:%H:%M}"


def _contents_entry(packet: Packet) -> Data:
    must = sum(1 for entry in packet.agenda if entry.must)
    details = [part for part in (
        packet.subtitle,
        f"{packet.budget.duration} minutes" + (f", {packet.medium.lower()}"
                                                if packet.medium else ""),
        f"{_count(len(packet.agenda), 'question')}, {must} must-ask") if part]
    return {"when": _short_moment(packet.when) if packet.when else "Not scheduled",
            "person": packet.person, "details": details,
            "warning": None if packet.budget.fits else "must-ask questions do not fit"}


def _rows(rows: list[Row]) -> list[Data]:
    return [asdict(row) for row in rows]


def _packet_data(packet: Packet) -> Data:
    draft = packet.thank_you_draft
    return {
        "id": packet.interview_id,
        "person": packet.person,
        "kicker": f"Prep packet · {packet.stage.label}",
        "subtitle": packet.subtitle,
        "person_rows": _rows(packet.person_rows),
        "meeting_rows": _rows(packet.meeting_rows),
        "goals": packet.goals,
        "how_we_met": packet.how_we_met,
        "background": packet.background,
        "private_note": packet.private_notes,
        "field_name": packet.field_name,
        "field_summary": packet.field_summary,
        "roles": "; ".join(packet.roles),
        "sources": [asdict(source) for source in packet.sources],
        "more_sources": (f"{_count(packet.more_sources, 'more source')} on the field's page."
                         if packet.more_sources else None),
        "budget": _budget(packet.budget, packet.agenda),
        "agenda": [_question(entry) for entry in packet.agenda],
        "checklists": [_checklist(checklist) for checklist in packet.checklists],
        "thank_you_line": packet.thank_you_line,
        "notes_heading": packet.notes_heading,
        "notes": packet.notes,
        "takeaways": packet.takeaways,
        "referrals": packet.referrals,
        "draft": None if draft is None else {
            "heading": "Thank-you note: a draft to finish after the conversation"
                       + (f", due {long_date(packet.thank_you_due)}"
                          if packet.thank_you_due else ""),
            "lines": ([f"Subject: {draft.subject}", ""] if draft.subject else [])
            + draft.body.rstrip("\n").split("\n")},
    }


def _budget(budget: Budget, agenda: list[AgendaEntry]) -> Data:
    agreed = "agreed" if budget.agreed else "proposed"
    warning = note = None
    if not budget.fits:
        warning = (f"They need {budget.must_minutes} minutes; {budget.question_minutes} of the "
                   f"{budget.duration} are left for questions after the opening and the close. "
                   "Mark some as nice to ask, or ask for more time when you confirm.")
    elif budget.extra_minutes:
        note = (f"The questions run {_count(budget.extra_minutes, 'minute')} past minute "
                f"{budget.duration}: ask the extras only if the conversation goes well and "
                "they offer the time.")
    return {
        "summary": f"{_count(len(agenda), 'question')}, {budget.total_minutes} minutes in all. "
                   "Must-ask questions take ",
        "must_minutes": str(budget.must_minutes),
        "summary_end": f" of the {budget.question_minutes} minutes for questions "
                       f"({budget.duration} {agreed}, {budget.opening} to open, "
                       f"{budget.closing} to close).",
        "duration": budget.duration,
        "scale": max(budget.total_minutes, budget.duration, 1),
        "extra": budget.extra_minutes > 0,
        "warning": warning,
        "note": note,
    }


def _question(entry: AgendaEntry) -> Data:
    tags = [tag for tag in (
        "Must ask" if entry.must else None,
        entry.topic.capitalize() if entry.topic else None,
        "Extra, if time allows" if entry.over_time else None) if tag]
    return {"number": entry.number, "text": entry.text, "must": entry.must,
            "extra": entry.over_time, "tags": tags, "minutes": f"{entry.minutes} min",
            "starts_at": entry.starts_at, "length": entry.minutes,
            "clock": f"{entry.starts_at}–{entry.ends_at}", "follow_ups": entry.follow_ups,
            "lines": entry.lines}


def _checklist(checklist: Checklist) -> Data:
    return {"title": checklist.title, "items": [
        {"label": item.label, "done": item.done, "overdue": item.overdue,
         "due": (f"by {_short_date(item.due)}" + (", overdue" if item.overdue else ""))
         if item.due else None}
        for item in checklist.items]}
