"""`prepkit check`: report every problem in the kit, one located line each."""

from __future__ import annotations

from pathlib import Path

import click

from generator.cli.options import config_file_option
from generator.errors import Diagnostic, Severity, errors_in, warnings_in
from generator.pipeline import load_kit
from generator.settings import locate_kit


@click.command()
@config_file_option
@click.option("--strict", is_flag=True, help="Treat warnings as errors (exit 1 on any).")
def check(config_file: Path, strict: bool) -> None:
    """Check the kit's content and report every problem at once.

    Each problem is one line: file:line:column: key: what is wrong. Exits 1 when
    there are errors (or warnings, with --strict), 0 when the kit is clean.

    \b
    Example:
      prepkit check --strict
    """
    location = locate_kit(config_file)
    result = load_kit(location.content_dir)
    diagnostics = sorted(result.diagnostics, key=Diagnostic.sort_key)
    if strict:
        diagnostics = [d.as_error() if d.severity is Severity.WARNING else d for d in diagnostics]
    for diagnostic in diagnostics:
        click.echo(diagnostic.format())
    errors, warnings = len(errors_in(diagnostics)), len(warnings_in(diagnostics))
    summary = (f"checked {result.files_read} file{'s' if result.files_read != 1 else ''}: "
               f"{_count(errors, 'error')}, {_count(warnings, 'warning')}")
    click.echo(summary, err=True)
    if errors:
        raise SystemExit(1)


def _count(number: int, noun: str) -> str:
    return f"{number} {noun}{'' if number == 1 else 's'}"
