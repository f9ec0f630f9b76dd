"""`prepkit packets`: printable PDF prep packets, one per interview, or a booklet."""

from __future__ import annotations

from pathlib import Path

import click

from generator.audience import Audience
from generator.cli.options import config_file_option
from generator.clock import parse_today
from generator.errors import PrepkitError
from generator.output import kit_lock
from generator.packets import checked_ids, write_booklet, write_packets
from generator.packets.progress import packet_progress
from generator.prepare import prepare
from generator.read.settings import locate_kit

# Never inside a built site, whose audience may differ: beside mkdocs.yml.
DEFAULT_DIRS = {Audience.PRIVATE: "private-packets", Audience.PUBLIC: "public-packets"}


@click.command(context_settings={"help_option_names": ["-h", "--help"]})
@config_file_option
@click.option("--interview", "interview_ids", multiple=True, metavar="ID",
              help="Only this interview (its file name without .yml); repeat for more.")
@click.option("--out", "out_dir", type=click.Path(file_okay=False, path_type=Path),
              help="Where to write the PDFs (default: private-packets/ beside mkdocs.yml, "
                   "public-packets/ with --public).")
@click.option("--public", is_flag=True,
              help="Leave out contact details, private notes, meeting places and links, "
                   "interview notes and takeaways.")
@click.option("--today", metavar="YYYY-MM-DD",
              help="The date to compute stages and due dates from (default: PREPKIT_TODAY, "
                   "SOURCE_DATE_EPOCH, or the real today).")
@click.option("--booklet", is_flag=True,
              help="One booklet.pdf with a contents page: every upcoming (scheduled) "
                   "conversation in date order, or the --interview ones.")
@click.option("-j", "--jobs", type=click.IntRange(min=1), metavar="N", hidden=True,
              help="Accepted for older scripts; packets are printed in one process.")
def packets(config_file: Path, interview_ids: tuple[str, ...], out_dir: Path | None,
            public: bool, today: str | None, booklet: bool, jobs: int | None) -> None:
    """Print prep packets: one PDF per interview to bring to the conversation.

    Each packet has the conversation at a glance, the person and the field research, the
    agenda with its time budget and room to write, checklists to tick, and a lined notes
    page. Paper size is kit.yml's `paper` (letter or a4).

    \b
    Examples:
      prepkit packets --interview priya-natarajan-health-data-science
      prepkit packets --booklet --out ~/Desktop
    """
    location = locate_kit(config_file)
    prepared = prepare(location.content_dir, today=parse_today(today), public=public)
    kit, relations = prepared.kit, prepared.relations
    target = out_dir if out_dir is not None else location.root / DEFAULT_DIRS[prepared.audience]
    ids = checked_ids(prepared.full_kit, list(interview_ids)) if interview_ids else None
    hidden = [interview_id for interview_id in ids or [] if interview_id not in kit.interviews]
    if hidden:
        raise PrepkitError(f"--interview {hidden[0]!r}: is left out of public output "
                           "(public_contacts: hidden in kit.yml), so it has no public packet")
    real = location.fence.check(target, what="the packets", audience=prepared.audience)
    with kit_lock(location.cache_dir):
        if booklet:
            path = write_booklet(kit, relations, out_dir=real, today=prepared.today,
                                 public=prepared.public, interview_ids=ids)
            click.echo(f"Wrote {path}")
            return
        count = len(ids) if ids is not None else len(kit.interviews)
        with packet_progress(count) as progress:
            paths = write_packets(kit, relations, out_dir=real, today=prepared.today,
                                  public=prepared.public, interview_ids=ids, jobs=jobs,
                                  progress=progress)
    if not paths:
        click.echo("The kit has no interviews yet, so there is nothing to print.")
    elif len(paths) <= 3:
        for path in paths:
            click.echo(f"Wrote {path}")
    else:
        click.echo(f"Wrote {len(paths)} packets to {target}")
