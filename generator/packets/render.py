"""From the kit to the HTML of printed packets: a pure function, nothing read or written.

The print templates are HTML with Jinja's autoescape on, so every value from YAML is escaped
for HTML; the only unescaped values are the sanitized Markdown fields (packets/markup.py).
The HTML refers to no file or address at all: pdf.py applies packet.css to it.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from datetime import date, datetime

import jinja2

from generator.derive import Relations, Stage
from generator.kit import Kit
from generator.packets.thank_you import ThankYouDrafts
from generator.packets.view import Packet, build_packet, long_date

# Ruled lines on the notes page: as many as fill the page below its heading.
NOTES_LINES = {"letter": 32, "a4": 35}
PAPER_SIZES = {"letter": "letter", "a4": "A4"}


@dataclass(frozen=True)
class PacketOptions:
    """The settings every packet of one run shares."""

    today: date
    public: bool = False


def _short_date(day: date) -> str:
    return f"{day:%a} {day.day} {day:%b}"


def _short_moment(moment: datetime) -> str:
    return f"{moment:%a} {moment.day} {moment:%b %Y}, {moment:%H:%M}"


@functools.cache
def _environment() -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.PackageLoader("generator.packets", "templates"),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.globals.update(long_date=long_date, short_date=_short_date,
                       short_moment=_short_moment)
    return env


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

    def packet_html(self, interview_id: str) -> str:
        """The HTML of one interview's packet."""
        return _environment().get_template("packet.html.j2").render(
            packet=self.packet(interview_id), **self._shared())

    def booklet_html(self, interview_ids: list[str]) -> str:
        """The HTML of a booklet: a contents page, then each packet in date order."""
        packets = sorted((self.packet(interview_id) for interview_id in interview_ids),
                         key=_in_date_order)
        return _environment().get_template("booklet.html.j2").render(
            packets=packets, title="Upcoming conversations", kit_title=self.kit.settings.title,
            **self._shared())

    def _shared(self) -> dict[str, object]:
        paper = self.kit.settings.paper
        return {"paper": PAPER_SIZES[paper], "notes_lines": NOTES_LINES[paper],
                "owner": self.kit.settings.owner.name, "today": self.options.today}


def render_packet_html(kit: Kit, relations: Relations, interview_id: str,
                       options: PacketOptions) -> str:
    """The HTML of one interview's packet."""
    return PacketRenderer(kit, relations, options).packet_html(interview_id)


def render_booklet_html(kit: Kit, relations: Relations, interview_ids: list[str],
                        options: PacketOptions) -> str:
    """The HTML of one booklet: a contents page, then each interview's packet in date order."""
    return PacketRenderer(kit, relations, options).booklet_html(interview_ids)


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
