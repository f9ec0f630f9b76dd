"""`prepkit status`: what is due, in the terminal, overdue first."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import click

from generator.cli.options import config_file_option
from generator.cli.site import today_option
from generator.clock import parse_today
from generator.derive.followups import FollowUp, Urgency, by_urgency, open_follow_ups, recipient_of
from generator.derive.relations import Relations, Stage
from generator.kit import Kit
from generator.prepare import prepare
from generator.read.settings import locate_kit
from generator.text.markup import long_date, long_datetime

HEADERS = ("Due", "Status", "What", "Who", "Interview")
URGENCY_COLOUR = {Urgency.OVERDUE: "red", Urgency.THIS_WEEK: "yellow"}


@click.command(context_settings={"help_option_names": ["-h", "--help"]})
@config_file_option
@today_option
def status(config_file: Path, today: str | None) -> None:
    """Show what is due: overdue follow-ups first, then this week's, then later ones.

    A table of every follow-up not yet done (nudges, confirmations, thank-you notes,
    updates, decisions), then the next conversations. Colours show urgency in a
    terminal; piped output is plain text.

    \b
    Example:
      prepkit status --today 2026-11-25
    """
    location = locate_kit(config_file)
    prepared = prepare(location.content_dir, today=parse_today(today), public=False)
    for line in status_lines(prepared.kit, prepared.relations, prepared.today):
        click.echo(line)


def status_lines(kit: Kit, relations: Relations, today: date) -> list[str]:
    """The report, line by line, with click.style colours that click.echo removes when piped."""
    items = by_urgency(open_follow_ups(kit, relations), today)
    counts = {urgency: sum(item.urgency(today) is urgency for item in items)
              for urgency in Urgency}
    lines = [f"As of {long_date(today)}: {counts[Urgency.OVERDUE]} overdue, "
             f"{counts[Urgency.THIS_WEEK]} due this week, {counts[Urgency.UPCOMING]} upcoming."]
    if items:
        rows = [_row(kit, item, today) for item in items]
        lines += ["", *_table(rows, [item.urgency(today) for item in items])]
    else:
        lines.append("Nothing to follow up on.")
    upcoming = sorted((interview for interview in kit.interviews.values()
                       if relations.interviews[interview.id].stage is Stage.SCHEDULED
                       and interview.scheduled is not None),
                      key=lambda interview: (interview.scheduled.at if interview.scheduled
                                             else today, interview.id))
    if upcoming:
        when = [long_datetime(interview.scheduled.at) for interview in upcoming
                if interview.scheduled is not None]
        names = [_plain(kit.contacts[interview.contact].name) for interview in upcoming]
        width, name_width = max(map(len, when)), max(map(len, names))
        lines += ["", click.style("Next conversations", bold=True)]
        lines += [f"{moment.ljust(width)}  {name.ljust(name_width)}  {interview.id}"
                  for moment, name, interview in zip(when, names, upcoming, strict=True)]
    return lines


def _row(kit: Kit, item: FollowUp, today: date) -> tuple[str, ...]:
    return (item.due.isoformat(), _status_text(item, today), _plain(item.label),
            _plain(recipient_of(kit, item)), item.interview_id)


def _status_text(item: FollowUp, today: date) -> str:
    days = (item.due - today).days
    if days < 0:
        return f"overdue ({-days} day{'s' if days != -1 else ''})"
    when = {0: "today", 1: "tomorrow"}.get(days, f"in {days} days")
    return f"{'this week' if item.urgency(today) is Urgency.THIS_WEEK else 'upcoming'} ({when})"


def _table(rows: list[tuple[str, ...]], urgencies: list[Urgency]) -> list[str]:
    widths = [max(len(text) for text in column) for column in zip(HEADERS, *rows, strict=True)]

    def line(cells: tuple[str, ...]) -> list[str]:
        return [cell.ljust(width) for cell, width in zip(cells, widths, strict=True)]

    out = [click.style("  ".join(line(HEADERS)).rstrip(), bold=True)]
    for cells, urgency in zip(rows, urgencies, strict=True):
        padded = line(cells)
        if urgency is not Urgency.UPCOMING:  # colour the date and status by urgency
            for column in (0, 1):
                padded[column] = _styled(padded[column], urgency)
        out.append("  ".join(padded).rstrip())
    return out


def _styled(text: str, urgency: Urgency) -> str:
    return click.style(text, fg=URGENCY_COLOUR.get(urgency), bold=urgency is Urgency.OVERDUE)


def _plain(text: str) -> str:
    """Text from YAML printed to a terminal: control characters cannot move the cursor."""
    return "".join(char if char.isprintable() else "?" for char in text)
