"""`prepkit calendar`: the kit's conversations and follow-ups as an iCalendar file."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from generator.audience import Audience
from generator.cli.options import config_file_option
from generator.cli.site import today_option
from generator.clock import parse_today
from generator.output import kit_lock, write_single_file
from generator.prepare import prepare
from generator.read.settings import locate_kit, read_mkdocs_config
from generator.render.calendar import PRODUCT_ID, calendar_bytes

# Never inside a built site, whose audience may differ: beside mkdocs.yml.
DEFAULT_FILES = {Audience.PRIVATE: "calendar.ics", Audience.PUBLIC: "calendar-public.ics"}


@click.command(context_settings={"help_option_names": ["-h", "--help"]})
@config_file_option
@click.option("--out", "out", metavar="FILE", help="Where to write it; '-' writes to the "
              "standard output (default: calendar.ics beside mkdocs.yml, or calendar-public.ics "
              "with --public).")
@today_option
@click.option("--public", is_flag=True, help="Leave out places, meeting links and contact "
              "details.")
def calendar(config_file: Path, out: str | None, today: str | None, public: bool) -> None:
    """Write the conversations and due follow-ups as an iCalendar (.ics) file.

    Each scheduled conversation is an event in the kit's timezone, with a link to its
    prep page when mkdocs.yml sets site_url; each follow-up still to do is an all-day
    event on its due date. Import the file into a calendar app, or subscribe to it
    on the published site. The same content and --today give the same file, byte
    for byte.

    \b
    Example:
      prepkit calendar --today 2026-11-25 --out interviews.ics
      prepkit calendar --out - --public
    """
    location = locate_kit(config_file)
    config = read_mkdocs_config(config_file)
    prepared = prepare(location.content_dir, today=parse_today(today), public=public)
    site_url = config.get("site_url")
    data = calendar_bytes(prepared.kit, prepared.relations, today=prepared.today,
                          site_url=site_url if isinstance(site_url, str) else None)
    if out == "-":
        sys.stdout.flush()
        sys.stdout.buffer.write(data)
        sys.stdout.buffer.flush()
        return
    target = Path(out) if out else location.root / DEFAULT_FILES[prepared.audience]
    with kit_lock(location.cache_dir):
        written = write_single_file(target, data, fence=location.fence, what="the calendar",
                                    audience=prepared.audience, ours=_is_prepkit_calendar)
    count = data.count(b"BEGIN:VEVENT")
    click.echo(f"Wrote {count} event{'s' if count != 1 else ''} to {written}")


def _is_prepkit_calendar(head: bytes) -> bool:
    return head.startswith(b"BEGIN:VCALENDAR") and PRODUCT_ID.encode() in head
