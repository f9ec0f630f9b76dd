"""`prepkit calendar`: the kit's conversations and follow-ups as an iCalendar file."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from generator.calendar import calendar_bytes
from generator.cli.options import config_file_option
from generator.cli.site import today_option
from generator.clock import current_moment, parse_today
from generator.derive import relate
from generator.errors import PrepkitError
from generator.pipeline import load_valid_kit
from generator.settings import locate_kit, read_mkdocs_config

DEFAULT_FILE = "calendar.ics"


@click.command(context_settings={"help_option_names": ["-h", "--help"]})
@config_file_option
@click.option("--out", "out", metavar="FILE", help="Where to write it; '-' writes to the "
              "standard output (default: calendar.ics in the site folder).")
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
    kit = load_valid_kit(location.content_dir)
    now = current_moment(kit, parse_today(today))
    site_url = config.get("site_url")
    data = calendar_bytes(kit, relate(kit, now), today=now.date(),
                          site_url=site_url if isinstance(site_url, str) else None,
                          public=public)
    if out == "-":
        sys.stdout.flush()
        sys.stdout.buffer.write(data)
        sys.stdout.buffer.flush()
        return
    site_dir = config.get("site_dir")
    target = Path(out) if out else (
        location.root / (site_dir if isinstance(site_dir, str) else "site") / DEFAULT_FILE)
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data)
    except OSError as error:
        raise PrepkitError(f"{target}: cannot be written: {error.strerror}") from None
    count = data.count(b"BEGIN:VEVENT")
    click.echo(f"Wrote {count} event{'s' if count != 1 else ''} to {target}")
