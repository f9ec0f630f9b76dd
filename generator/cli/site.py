"""`prepkit build`, `prepkit serve` and `prepkit export`: the guide site."""

from __future__ import annotations

import os
from pathlib import Path

import click

from generator.cli.options import config_file_option
from generator.clock import parse_today
from generator.engines.mkdocs_build import build_site, load_kit_config, mkdocs_logging
from generator.engines.project import export_kit
from generator.read.settings import ENGINES, configured_engine, locate_kit

today_option = click.option(
    "--today", metavar="YYYY-MM-DD",
    help="The date to compute stages and due dates from (default: PREPKIT_TODAY, "
         "SOURCE_DATE_EPOCH, or the real today), for reproducible builds.")


engine_option = click.option(
    "--engine", type=click.Choice(ENGINES),
    help="What turns the pages into a site: mkdocs (MkDocs-Material, the default) or "
         "zensical (faster; its authors' successor). Default: the prepkit plugin's `engine` "
         "option in mkdocs.yml.")


@click.command()
@config_file_option
@click.option("--site-dir", "site_dir", type=click.Path(file_okay=False, path_type=Path),
              help="Where to write the site (default: site/ beside mkdocs.yml).")
@today_option
@click.option("--strict", is_flag=True, help="Fail on any warning, like mkdocs build --strict.")
@click.option("--public", is_flag=True,
              help="Leave out contact details, private notes, interview notes and takeaways.")
@click.option("--packets", is_flag=True,
              help="Also print each interview's packet into packets/ in the site, with a "
                   "download button on its prep page (or set `packets: true` under the "
                   "prepkit plugin in mkdocs.yml).")
@engine_option
@click.option("-v", "--verbose", is_flag=True, help="Show MkDocs' progress messages.")
def build(config_file: Path, site_dir: Path | None, today: str | None, strict: bool,
          public: bool, packets: bool, engine: str | None, verbose: bool) -> None:
    """Build the guide site from the kit's content.

    \b
    Examples:
      prepkit build --today 2026-11-25
      prepkit build --packets --site-dir site-private
      prepkit build --engine zensical
    """
    day = parse_today(today)  # a malformed date is reported before anything is built
    if (engine or configured_engine(config_file)) == "zensical":
        from generator.engines.zensical import build_with_zensical

        built_site = build_with_zensical(config_file, site_dir=site_dir, today=day,
                                         strict=strict, public=public, packets=packets)
        for line in built_site.warnings:
            click.echo(f"warning: {line}", err=True)
        what = "site and packets" if packets else "site"
        click.echo(f"Built the {what} in {built_site.site_dir} with Zensical")
        return
    config = build_site(config_file, site_dir=site_dir, today=day, strict=strict,
                        public=public, packets=packets, verbose=verbose)
    built = "site and packets" if config.plugins["prepkit"].config.packets else "site"
    click.echo(f"Built the {built} in {config.site_dir}")


@click.command()
@config_file_option
@click.option("-a", "--dev-addr", metavar="IP:PORT", default="127.0.0.1:8000",
              show_default=True, help="Address to serve on.")
@today_option
@click.option("--full", is_flag=True,
              help="Rebuild every page on each change (default: only pages whose text changed).")
@engine_option
def serve(config_file: Path, dev_addr: str, today: str | None, full: bool,
          engine: str | None) -> None:
    """Serve the site locally and rebuild it whenever a content file changes.

    A mistake made while serving is shown in the terminal; the last good site stays up.
    Only pages whose generated text changed are rebuilt, so a save shows up quickly even
    in a large kit.

    \b
    Example:
      prepkit serve --dev-addr 127.0.0.1:8001
    """
    from mkdocs.commands.serve import serve as mkdocs_serve

    day = parse_today(today)
    if (engine or configured_engine(config_file)) == "zensical":
        from generator.engines.zensical_serve import serve_with_zensical

        serve_with_zensical(config_file, dev_addr=dev_addr, today=day)
        return
    if day is not None:
        # MkDocs loads the config again for each rebuild; the plugin reads the day from here.
        os.environ["PREPKIT_TODAY"] = day.isoformat()
    load_kit_config(config_file)  # report a missing file or plugin before serving
    # Rebuilding only changed pages is the point here, so MkDocs' caution about it is noise.
    with mkdocs_logging(verbose=True, drop=lambda record: "'dirty' build" in record.getMessage()):
        mkdocs_serve(config_file=str(config_file), dev_addr=dev_addr, livereload=True,
                     build_type=None if full else "dirty")


@click.command()
@click.argument("out_dir", type=click.Path(file_okay=False, path_type=Path))
@config_file_option
@today_option
@click.option("--public", is_flag=True, help="Export the public version of every page.")
def export(out_dir: Path, config_file: Path, today: str | None, public: bool) -> None:
    """Write the generated Markdown and a mkdocs.yml that builds it without prepkit.

    Useful to inspect or diff the generated pages, or to build them with plain
    MkDocs-Material elsewhere.

    \b
    Example:
      prepkit export /tmp/kit-export && mkdocs build -f /tmp/kit-export/mkdocs.yml
    """
    pages, stats = export_kit(locate_kit(config_file), out_dir, today=parse_today(today),
                              public=public)
    click.echo(f"Exported {len(pages)} pages to {out_dir} ({stats.written} written, "
               f"{stats.unchanged} unchanged)")
