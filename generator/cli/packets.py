"""`prepkit packets`: printable PDF prep packets, one per interview, or a booklet."""

from __future__ import annotations

from pathlib import Path

import click

from generator.cli.options import config_file_option
from generator.clock import current_moment, parse_today
from generator.derive import relate
from generator.errors import ContentError, errors_in
from generator.kit import Kit
from generator.packets import checked_ids, write_booklet, write_packets
from generator.packets.progress import packet_progress
from generator.pipeline import load_kit
from generator.settings import KitLocation, locate_kit, read_mkdocs_config


@click.command(context_settings={"help_option_names": ["-h", "--help"]})
@config_file_option
@click.option("--interview", "interview_ids", multiple=True, metavar="ID",
              help="Only this interview (its file name without .yml); repeat for more.")
@click.option("--out", "out_dir", type=click.Path(file_okay=False, path_type=Path),
              help="Where to write the PDFs (default: packets/ in the site folder).")
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
    day = parse_today(today)
    location = locate_kit(config_file)
    kit = _load(location)
    relations = relate(kit, current_moment(kit, day))
    target = out_dir if out_dir is not None else _default_out_dir(location)
    ids = checked_ids(kit, list(interview_ids)) if interview_ids else None
    if booklet:
        path = write_booklet(kit, relations, out_dir=target, today=relations.now.date(),
                             public=public, interview_ids=ids)
        click.echo(f"Wrote {path}")
        return
    count = len(ids) if ids is not None else len(kit.interviews)
    with packet_progress(count) as progress:
        paths = write_packets(kit, relations, out_dir=target, today=relations.now.date(),
                              public=public, interview_ids=ids, jobs=jobs, progress=progress)
    if not paths:
        click.echo("The kit has no interviews yet, so there is nothing to print.")
    elif len(paths) <= 3:
        for path in paths:
            click.echo(f"Wrote {path}")
    else:
        click.echo(f"Wrote {len(paths)} packets to {target}")


def _load(location: KitLocation) -> Kit:
    result = load_kit(location.content_dir)
    if result.kit is None or errors_in(result.diagnostics):
        raise ContentError(result.diagnostics)
    return result.kit


def _default_out_dir(location: KitLocation) -> Path:
    """packets/ inside the site folder that mkdocs.yml names (site/ by default)."""
    site_dir = read_mkdocs_config(location.config_file).get("site_dir")
    folder = site_dir if isinstance(site_dir, str) and site_dir.strip() else "site"
    return location.root / folder / "packets"
