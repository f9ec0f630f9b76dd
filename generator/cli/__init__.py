"""The `prepkit` command: a thin layer that parses options, runs the pipeline and prints."""

from __future__ import annotations

import click

from generator import __version__
from generator.cli.calendar import calendar
from generator.cli.check import check
from generator.cli.importing import import_contacts, vcard
from generator.cli.init import init
from generator.cli.new import new
from generator.cli.packets import packets
from generator.cli.schema import schema
from generator.cli.site import build, export, serve
from generator.cli.status import status


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, "--version", prog_name="prepkit")
def cli() -> None:
    """Prepare informational interviews from YAML files kept in git.

    \b
    Example:
      prepkit init my-kit && cd my-kit && prepkit check
    """


cli.add_command(init)
cli.add_command(check)
cli.add_command(new)
cli.add_command(schema)
cli.add_command(build)
cli.add_command(serve)
cli.add_command(export)
cli.add_command(status)
cli.add_command(calendar)
cli.add_command(packets)
cli.add_command(import_contacts)
cli.add_command(vcard)


def main() -> None:
    cli(prog_name="prepkit")
